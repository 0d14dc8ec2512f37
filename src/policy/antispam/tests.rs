//! Unit tests of the anti-spam scorer on messages the tests write.

use super::*;
use crate::policy::malware::parse;

fn policy() -> HostedContentFilterPolicy {
    HostedContentFilterPolicy::new("Default".into())
}

fn accepted() -> Vec<String> {
    vec!["contoso.com".into()]
}

static ACCEPTED: std::sync::LazyLock<Vec<String>> = std::sync::LazyLock::new(accepted);

fn verdict<'a>(raw: &str, sender: Option<&'a str>, f: impl FnOnce(&mut Inputs<'a>)) -> Verdict {
    let mut inputs = Inputs {
        sender,
        accepted_domains: &ACCEPTED,
        now: Some(1_700_000_000),
        ..Default::default()
    };
    f(&mut inputs);
    score(parse(raw.as_bytes()).as_ref(), &policy(), &inputs)
}

const CLEAN: &str = "From: Ann <ann@fabrikam.com>\r\nTo: bob@contoso.com\r\nSubject: lunch\r\nDate: Tue, 14 Nov 2023 12:00:00 +0000\r\nMessage-ID: <1@fabrikam.com>\r\n\r\nSee you at noon.\r\n";

fn names(v: &Verdict) -> Vec<&str> {
    v.signals.iter().map(|s| s.name.as_str()).collect()
}

#[test]
fn clean_mail_is_scl_1() {
    let v = verdict(CLEAN, Some("ann@fabrikam.com"), |_| {});
    assert_eq!(
        (v.scl, v.bcl, v.category, v.action),
        (1, 0, Category::None, None),
        "{:?}",
        v.signals
    );
    assert_eq!(v.sfv, "NSPM");
}

#[test]
fn header_anomalies() {
    let raw = "From: ann@fabrikam.com\r\nSubject: x\r\nMessage-ID: nope\r\n\r\nhi\r\n";
    let v = verdict(raw, Some("bounce@mailer.example"), |_| {});
    assert_eq!(
        names(&v),
        [
            "MISSING_DATE",
            "BAD_MESSAGE_ID",
            "FROM_RETURN_PATH_MISMATCH"
        ]
    );
    assert_eq!(v.scl, 4);
    let future = CLEAN.replace("Tue, 14 Nov 2023", "Tue, 14 Nov 2034");
    assert!(names(&verdict(&future, None, |_| {})).contains(&"FUTURE_DATE"));
    let bad = CLEAN.replace("Tue, 14 Nov 2023 12:00:00 +0000", "yesterday-ish");
    assert!(names(&verdict(&bad, None, |_| {})).contains(&"BAD_DATE"));
}

#[test]
fn authentication_and_dnsbl_make_spam() {
    let zones = vec!["zen.example".to_string()];
    let v = verdict(CLEAN, Some("ann@fabrikam.com"), |i| {
        i.auth = Some(AuthFacts {
            spf: AuthResult::Fail,
            dkim: AuthResult::None,
            dmarc: AuthResult::None,
            dmarc_policy_spam: false,
        });
        i.dnsbl = &zones;
    });
    assert_eq!(v.scl, 6, "{:?}", v.signals);
    assert_eq!(
        (v.category, v.action),
        (Category::Spam, Some(SpamFilteringAction::MoveToJmf))
    );
}

#[test]
fn spoofed_accepted_domain_is_phish() {
    let raw = CLEAN.replace("ann@fabrikam.com", "ceo@contoso.com");
    let v = verdict(&raw, Some("x@evil.example"), |i| {
        i.auth = Some(AuthFacts {
            spf: AuthResult::Fail,
            dkim: AuthResult::Fail,
            dmarc: AuthResult::Fail,
            dmarc_policy_spam: true,
        });
    });
    assert_eq!(v.category, Category::Phish, "{:?}", v.signals);
    assert_eq!(v.action, Some(SpamFilteringAction::Quarantine));
}

#[test]
fn content_signals() {
    let raw = "From: a@fabrikam.com\r\nSubject: Claim your prize\r\nDate: Tue, 14 Nov 2023 12:00:00 +0000\r\nMessage-ID: <2@fabrikam.com>\r\nContent-Type: text/html\r\n\r\n<p>Act now!</p><div style=\"display: none\">hidden words</div><a href=\"http://203.0.113.9/login\">x</a> <a href=\"https://c0ntoso.com/reset\">reset</a>\r\n";
    let v = verdict(raw, Some("a@fabrikam.com"), |_| {});
    let n = names(&v);
    for want in [
        "HTML_ONLY",
        "HIDDEN_TEXT",
        "SPAM_PHRASE",
        "URL_IP_LITERAL",
        "LOOKALIKE_DOMAIN:c0ntoso.com",
    ] {
        assert!(n.contains(&want), "{want} in {n:?}");
    }
    assert_eq!(v.scl, 9);
    assert_eq!(v.category, Category::Phish);
}

#[test]
fn lookalikes() {
    assert!(looks_like("c0ntoso.com", "contoso.com"));
    assert!(looks_like("contos.com", "contoso.com"));
    assert!(looks_like("contoso.net", "contoso.com"));
    assert!(looks_like("contoso-com.support", "contoso.com"));
    assert!(!looks_like("contoso.com", "contoso.com"));
    assert!(!looks_like("mail.contoso.com", "contoso.com"));
    assert!(!looks_like("fabrikam.com", "contoso.com"));
    assert!(looks_like("c0ntoso.com", "contoso.test"));
}

#[test]
fn bulk_mail_by_its_headers() {
    let raw = CLEAN.replace("\r\n\r\n", "\r\nList-Unsubscribe: <mailto:u@news.example>\r\nList-Unsubscribe-Post: List-Unsubscribe=One-Click\r\nPrecedence: bulk\r\nList-Id: news.news.example\r\n\r\n");
    let v = verdict(&raw, Some("ann@fabrikam.com"), |_| {});
    assert_eq!(v.bcl, 8);
    assert_eq!(
        (v.category, v.action),
        (Category::Bulk, Some(SpamFilteringAction::MoveToJmf))
    );
}

#[test]
fn allowed_and_blocked_senders() {
    let acc = accepted();
    let inputs = Inputs {
        sender: Some("ann@fabrikam.com"),
        accepted_domains: &acc,
        ..Default::default()
    };
    let m = parse(CLEAN.as_bytes());
    let mut p = policy();
    p.blocked_sender_domains = vec!["fabrikam.com".parse().unwrap()];
    let v = score(m.as_ref(), &p, &inputs);
    assert_eq!(
        (v.scl, v.category, v.sfv),
        (9, Category::HighConfidenceSpam, "SKB")
    );
    let mut p = policy();
    p.allowed_senders = vec!["ann@fabrikam.com".parse().unwrap()];
    let v = score(m.as_ref(), &p, &inputs);
    assert_eq!((v.scl, v.action, v.sfv), (-1, None, "SKA"));
}

#[test]
fn mark_as_spam_switches() {
    let acc = accepted();
    let empty = "From: a@fabrikam.com\r\nDate: Tue, 14 Nov 2023 12:00:00 +0000\r\nMessage-ID: <3@fabrikam.com>\r\n\r\n\r\n";
    let m = parse(empty.as_bytes());
    let inputs = Inputs {
        sender: Some("a@fabrikam.com"),
        accepted_domains: &acc,
        ..Default::default()
    };
    let mut p = policy();
    assert_eq!(score(m.as_ref(), &p, &inputs).scl, 1);
    p.mark_as_spam_empty_messages = SpamFilteringOption::Test;
    let v = score(m.as_ref(), &p, &inputs);
    assert_eq!((v.scl, names(&v)), (1, vec!["MARK_EMPTY_MESSAGE(test)"]));
    p.mark_as_spam_empty_messages = SpamFilteringOption::On;
    assert_eq!(score(m.as_ref(), &p, &inputs).scl, 9);

    let bounce = "From: MAILER-DAEMON@mx.example\r\nDate: Tue, 14 Nov 2023 12:00:00 +0000\r\nMessage-ID: <4@mx.example>\r\nContent-Type: multipart/report; report-type=delivery-status; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nundeliverable\r\n--b\r\nContent-Type: text/rfc822-headers\r\n\r\nFrom: Someone <forged@elsewhere.example>\r\nSubject: hi\r\n--b--\r\n";
    let m = parse(bounce.as_bytes());
    let inputs = Inputs {
        sender: None,
        accepted_domains: &acc,
        ..Default::default()
    };
    p.mark_as_spam_ndr_backscatter = SpamFilteringOption::On;
    let v = score(m.as_ref(), &p, &inputs);
    assert!(
        names(&v).contains(&"MARK_NDR_BACKSCATTER"),
        "{:?}",
        v.signals
    );
    let ours = bounce.replace("forged@elsewhere.example", "bob@contoso.com");
    let v = score(parse(ours.as_bytes()).as_ref(), &p, &inputs);
    assert!(!names(&v).contains(&"MARK_NDR_BACKSCATTER"));
}

#[test]
fn external_score_is_folded() {
    let ext = ExternalScore {
        scanner: "rspamd".into(),
        score: 9.2,
        symbols: vec!["GTUBE".into()],
    };
    let v = verdict(CLEAN, Some("ann@fabrikam.com"), |i| i.external = Some(&ext));
    assert_eq!(v.scl, 6);
    let report = report_header(&v, "192.0.2.1");
    assert!(
        report.contains("SCL:6;") && report.contains("(EXTERNAL:rspamd:+5)"),
        "{report}"
    );
}

#[test]
fn garbage_never_panics() {
    for raw in [
        "",
        "\0\0\0",
        "From:\r\n\r\n",
        "Content-Type: multipart/mixed; boundary=\r\n\r\n--\r\n",
        "Date: 99 Foo 99999 99:99:99\r\nFrom: <@>\r\n\r\nhttp://[::1\r\n",
    ] {
        let _ = verdict(raw, None, |_| {});
    }
}
