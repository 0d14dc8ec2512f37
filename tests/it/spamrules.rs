//! SpamAssassin's real rule files (Debian's `spamassassin` package): they load without
//! error, and known rules fire through `Test-MessageRoute -MessageFile -SpamRules` on
//! messages the tests write. In CI a missing rule directory fails the tests.

use std::path::Path;

use crate::support::Org;

const RULES: &str = "/usr/share/spamassassin";

fn have_rules() -> bool {
    let found = Path::new(RULES).join("50_scores.cf").is_file();
    if !found && std::env::var_os("CI").is_some() {
        panic!("{RULES} is required in CI (apt-get install spamassassin)");
    }
    if !found {
        eprintln!("{RULES} is missing: SpamAssassin rule tests not run");
    }
    found
}

/// The SCL and the signal names Test-MessageRoute gives `message` under the real rules.
fn score(org: &Org, message: &str) -> (i64, Vec<String>) {
    let file = org.path().join("m.eml");
    std::fs::write(&file, message).unwrap();
    let out = org
        .run(&[
            "Test-MessageRoute",
            "-MessageFile",
            file.to_str().unwrap(),
            "-ClientIP",
            "203.0.113.7",
            "-Recipients",
            "user@contoso.com",
            "-SpamRules",
            RULES,
            "-o",
            "json",
        ])
        .ok();
    let v = out.json();
    let row = &v[0];
    let names = row["Signals"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            let s = s.as_str().unwrap();
            s[..s.find('(').unwrap_or(s.len())].to_string()
        })
        .collect();
    (row["SCL"].as_i64().unwrap(), names)
}

#[test]
fn every_rule_file_loads_and_the_skipped_rules_are_listed() {
    if !have_rules() {
        return;
    }
    let loaded = eopctl::spamrules::load(Path::new(RULES)).unwrap();
    println!("{}", eopctl::spamrules::summary(&loaded));
    for s in &loaded.rules.skipped {
        println!("skipped {} ({}): {}", s.name, s.reason.label(), s.detail);
    }
    assert!(
        loaded.rules.errors.is_empty(),
        "unreadable lines: {:?}",
        loaded.rules.errors
    );
    assert!(loaded.rules.files >= 50, "{}", loaded.rules.files);
    assert!(
        loaded.rules.rules.len() > 2000,
        "{}",
        loaded.rules.rules.len()
    );
    // Of the rules for plugins the engine has, fewer than one in ten cannot run.
    let cannot = loaded
        .rules
        .skipped
        .iter()
        .filter(|s| s.reason != eopctl::policy::spamrules::SkipReason::PluginAbsent)
        .count();
    assert!(cannot * 10 < loaded.rules.rules.len(), "{cannot}");
    let kinds: std::collections::BTreeSet<String> = loaded
        .rules
        .prefilters
        .iter()
        .map(|(kind, _, _)| format!("{kind:?}"))
        .collect();
    assert_eq!(kinds.len(), 3, "body, rawbody and uri sets");
}

#[test]
fn gtube_is_high_confidence_spam() {
    if !have_rules() {
        return;
    }
    let org = Org::with_domains();
    let gtube = "From: a@fabrikam.example\r\nTo: user@contoso.com\r\nSubject: test\r\n\r\n\
                 XJS*C4JDBQADN1.NSBN3*2IDNEN*GTUBE-STANDARD-ANTI-UBE-TEST-EMAIL*C.34X\r\n";
    let (scl, names) = score(&org, gtube);
    assert!(scl >= 7, "SCL {scl}: {names:?}");
    assert!(names.contains(&"GTUBE".to_string()), "{names:?}");
}

#[test]
fn header_html_body_uri_and_meta_rules_fire() {
    if !have_rules() {
        return;
    }
    let org = Org::with_domains();
    // No Date (a header rule), HTML only (a MIME eval), a lottery phrase (body rules),
    // a link to a bare address (a uri rule).
    let html = "From: Lottery Board <winner@prizes.example>\r\nTo: user@contoso.com\r\n\
                Subject: Your winning notification\r\nMessage-ID: <abc@prizes.example>\r\n\
                Content-Type: text/html\r\n\r\n<html><body><p>Dear winner, you have won ONE \
                MILLION DOLLARS in our international lottery. To claim your prize, send your \
                bank account details.</p><a href=\"http://198.51.100.7/claim.php\">Click here</a> \
                to claim now.</body></html>\r\n";
    let (scl, names) = score(&org, html);
    for rule in [
        "MISSING_DATE",
        "MIME_HTML_ONLY",
        "DEAR_WINNER",
        "BILLION_DOLLARS",
        "NORMAL_HTTP_TO_IP",
    ] {
        assert!(names.contains(&rule.to_string()), "{rule}: {names:?}");
    }
    assert!(scl >= 5, "SCL {scl}: {names:?}");
    // A Reply-To with neither To nor Cc: a meta rule over two sub-rules.
    let meta = "From: a@fabrikam.example\r\nReply-To: b@fabrikam.example\r\nSubject: hello\r\n\
                Date: Thu, 01 Jan 2026 10:00:00 +0000\r\nMessage-ID: <x1@fabrikam.example>\r\n\r\n\
                Lunch on Friday?\r\n";
    let (_, names) = score(&org, meta);
    assert!(
        names.contains(&"REPLYTO_WITHOUT_TO_CC".to_string()),
        "{names:?}"
    );
    // A plain message from a colleague hits nothing of weight.
    let ham = "From: Ann <ann@northwind.example>\r\nTo: user@contoso.com\r\nSubject: lunch\r\n\
               Date: Thu, 01 Jan 2026 10:00:00 +0000\r\nMessage-ID: <20260101100000.a1b2@northwind.example>\r\n\
               \r\nShall we meet at noon by the fountain?\r\n";
    let (scl, names) = score(&org, ham);
    assert!(scl <= 2, "SCL {scl}: {names:?}");
}

/// Rules that read what SpamAssassin's HTML renderer, body and header evals report: an
/// image inside a link in short HTML, text as white as its page, an empty body, a template
/// tag left in a header.
#[test]
fn rules_over_the_rendered_html_and_header_evals_fire() {
    if !have_rules() {
        return;
    }
    let org = Org::with_domains();
    let head = "From: Deals <deals@fabrikam.example>\r\nTo: user@contoso.com\r\n\
                Date: Thu, 01 Jan 2026 10:00:00 +0000\r\nMessage-ID: <d1@fabrikam.example>\r\n";
    let image_link = format!(
        "{head}Subject: today only\r\nContent-Type: text/html\r\n\r\n<html><body>\
         <a href=\"http://fabrikam.example/deal\"><img src=\"http://fabrikam.example/d.gif\"></a>\
         <font color=\"#fefefe\">cheap words the reader cannot see</font></body></html>\r\n"
    );
    let (_, names) = score(&org, &image_link);
    for rule in ["HTML_SHORT_LINK_IMG_1", "HTML_FONT_LOW_CONTRAST"] {
        assert!(names.contains(&rule.to_string()), "{rule}: {names:?}");
    }
    let empty = format!("{head}Subject: hello\r\n\r\n\r\n");
    let (_, names) = score(&org, &empty);
    assert!(names.contains(&"EMPTY_MESSAGE".to_string()), "{names:?}");
    let template = format!("{head}Subject: hello\r\nX-Mailer: %MAILER_NAME\r\n\r\nHi there.\r\n");
    let (_, names) = score(&org, &template);
    assert!(
        names.contains(&"UNRESOLVED_TEMPLATE".to_string()),
        "{names:?}"
    );
    // A text part: no HTML rule, and a body that is not empty.
    let text = format!("{head}Subject: hello\r\n\r\nSee you at noon.\r\n");
    let (_, names) = score(&org, &text);
    assert!(
        !names
            .iter()
            .any(|n| n.starts_with("HTML_") || n == "EMPTY_MESSAGE"),
        "{names:?}"
    );
}

#[test]
fn a_missing_rule_directory_is_an_error_naming_the_fix() {
    let org = Org::with_domains();
    let file = org.path().join("m.eml");
    std::fs::write(&file, "Subject: x\r\n\r\nx\r\n").unwrap();
    org.run(&[
        "Test-MessageRoute",
        "-MessageFile",
        file.to_str().unwrap(),
        "-ClientIP",
        "203.0.113.7",
        "-Recipients",
        "user@contoso.com",
        "-SpamRules",
        "/nonexistent/rules",
    ])
    .fails(2)
    .stderr_has("/nonexistent/rules")
    .stderr_has("help:");
}

/// Messages of many shapes, written here, for the prefilter check below.
fn varied_messages() -> Vec<String> {
    let head = |subject: &str, ctype: &str| {
        format!(
            "Received: from mx.fabrikam.example (mx.fabrikam.example [198.51.100.7])\r\n\tby mail.contoso.com; Tue, 14 Nov 2023 12:00:00 +0000\r\n\
             From: \"Best Deals\" <deals@fabrikam.example>\r\nTo: user@contoso.com\r\n\
             Subject: {subject}\r\nDate: Tue, 14 Nov 2023 12:00:00 +0000\r\n\
             Message-ID: <a1b2c3@fabrikam.example>\r\nMIME-Version: 1.0\r\nContent-Type: {ctype}\r\n"
        )
    };
    let mut out = vec![
        format!(
            "{}\r\nDear Friend,\r\nYOU HAVE BEEN SELECTED to receive $1,000,000 USD!!! Click here \
             to claim your prize: http://192.0.2.44/claim?id=123 . Limited time offer, act now.\r\n\
             To be removed from our mailing list reply with REMOVE in the subject.\r\n\
             Cheap V1AGRA and cialis, no prescription needed, 100% satisfaction guaranteed.\r\n",
            head(
                "=?utf-8?B?RlJFRSBtb25leSAhISE=?=",
                "text/plain; charset=us-ascii"
            )
        ),
        format!(
            "{}\r\n<html><body bgcolor=\"#ffffff\"><center><font size=\"+3\" color=\"red\">\
             <b>Lose weight fast</b></font></center><img src=\"http://img.fabrikam.example/a.gif\">\
             <a href=\"http://www.fabrikam.example/unsubscribe\">unsubscribe</a> \
             <a href=\"https://bit.ly/abc\">Click Here!</a><p>Your account will be suspended; \
             verify your password at <a href=\"http://198.51.100.9/login\">www.paypal.com</a></p>\
             </body></html>\r\n",
            head(
                "Your order #12345 has shipped",
                "text/html; charset=iso-8859-1"
            )
        ),
        format!(
            "{}\r\n--b1\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n\
             Hi Ann, the meeting notes are attached. Cr=C3=A8me br=C3=BBl=C3=A9e at lunch?\r\n\
             --b1\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p>Hi Ann, the <i>meeting notes</i> \
             are attached.</p>\r\n--b1\r\nContent-Type: application/octet-stream; name=\"notes.exe\"\r\n\
             Content-Transfer-Encoding: base64\r\n\r\nTVqQAAMAAAAEAAAA//8AALgAAAAAAAAAQAAAAAAAAAAA\r\n--b1--\r\n",
            head("Re: meeting notes", "multipart/mixed; boundary=\"b1\"")
        ),
        "From: a@fabrikam.example\r\nTo: user@contoso.com\r\nSubject: test\r\n\r\n\
         XJS*C4JDBQADN1.NSBN3*2IDNEN*GTUBE-STANDARD-ANTI-UBE-TEST-EMAIL*C.34X\r\n"
            .to_string(),
        "Subject: \r\n\r\n".to_string(),
    ];
    // The same text in upper case, and with its words spaced out, as spam disguises it.
    let shouty = out[0].to_uppercase();
    let spaced = out[1]
        .replace("Click", "C l i c k")
        .replace("weight", "w\u{e9}ight");
    out.extend([shouty, spaced]);
    out
}

#[test]
fn the_prefilters_change_no_verdict() {
    use eopctl::policy::spamrules::{Ctx, View, check};
    if !have_rules() {
        return;
    }
    let mut rules = eopctl::spamrules::load(Path::new(RULES)).unwrap().rules;
    let literal: usize = rules.literals.iter().map(|l| l.covered.len()).sum();
    assert!(
        literal > 500,
        "{literal} rules behind the literal prefilter"
    );
    let messages = varied_messages();
    let views: Vec<(mail_parser::Message, &String)> = messages
        .iter()
        .map(|m| {
            (
                mail_parser::MessageParser::default()
                    .parse(m.as_bytes())
                    .unwrap(),
                m,
            )
        })
        .collect();
    let ctxs = [Ctx::default(), Ctx { bayes: Some(0.5) }];
    let score = |rules: &eopctl::policy::spamrules::RuleSet| -> Vec<Vec<String>> {
        let mut all = Vec::new();
        for (m, raw) in &views {
            let v = View::new(m, raw.as_bytes(), Some("deals@fabrikam.example"));
            for ctx in &ctxs {
                all.push(check(rules, &v, ctx).into_iter().map(|h| h.name).collect());
            }
        }
        all
    };
    let filtered = score(&rules);
    // Without prefilters or header sets every rule runs alone on every message: the
    // reference answer.
    rules.literals.clear();
    rules.prefilters.clear();
    rules.header_sets.clear();
    eopctl::policy::spamrules::compile::drop_supersets(&mut rules);
    let every_rule = score(&rules);
    assert_eq!(filtered, every_rule);
    let hits: usize = every_rule.iter().map(Vec::len).sum();
    assert!(hits > 50, "too few hits to compare: {every_rule:?}");
}
