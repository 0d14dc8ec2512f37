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
