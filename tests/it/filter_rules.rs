//! Filter policies and the rules that apply them (HostedContentFilterRule,
//! MalwareFilterRule) through the real binary: set up with cmdlets, then mail through the
//! running relay, then Test-MessageRoute naming the rule and the policy.

use std::time::Duration;

use crate::malware::org;
use crate::queue::json;
use crate::support::relay::{Relay, eopctl, eopctl_ok, free_port, state_dir, wait_until};
use crate::support::smtp::Client;

const SECS: Duration = Duration::from_secs(10);

/// High confidence spam (SCL 9) under the built-in signals.
const SPAM: &str = "From: Prize <win@prizes.example>\r\nTo: admin@contoso.test, bob@contoso.test\r\nSubject: Claim your prize\r\nContent-Type: text/html\r\n\r\n<p>Act now, winner!</p><div style=\"display:none\">x</div><a href=\"http://203.0.113.9/win\">win</a>\r\n";

/// Two policies, two rules naming different recipients: one message to both, and each
/// copy gets its own policy's action.
#[test]
fn each_recipient_gets_the_policy_its_rule_names() {
    let port = free_port();
    let (dir, state) = state_dir(&org(port, ""));
    let cmd = |line: &str| eopctl_ok(&state, &["-Command", line]);
    cmd("New-Mailbox -Name Bob -PrimarySmtpAddress bob@contoso.test");
    cmd("New-HostedContentFilterPolicy -Name Strict -HighConfidenceSpamAction Quarantine");
    cmd(
        r#"New-HostedContentFilterPolicy -Name Tagging -HighConfidenceSpamAction AddXHeader -AddXHeaderValue "X-Tagged: yes""#,
    );
    cmd(
        "New-HostedContentFilterRule -Name Everyone -HostedContentFilterPolicy Tagging -RecipientDomainIs contoso.test -ExceptIfSentTo carol@contoso.test",
    );
    // Put first: Everyone moves down to 1.
    cmd(
        "New-HostedContentFilterRule -Name Admins -HostedContentFilterPolicy Strict -SentTo admin@contoso.test -Priority 0",
    );
    let rules = json(&state, &["Get-HostedContentFilterRule"]);
    let order: Vec<(&str, u64)> = rules
        .iter()
        .map(|r| (r["Name"].as_str().unwrap(), r["Priority"].as_u64().unwrap()))
        .collect();
    assert_eq!(order, [("Admins", 0), ("Everyone", 1)]);

    let relay = Relay::start(&state, &[]);
    let mut c = Client::hello(relay.addr());
    let reply = c.send(
        "win@prizes.example",
        &["admin@contoso.test", "bob@contoso.test"],
        SPAM,
    );
    assert!(reply.starts_with("250"), "{reply}");
    assert!(
        wait_until(SECS, || relay.maildir("bob@contoso.test", "new").len() == 1),
        "{}",
        relay.log_text()
    );
    let bob = &relay.maildir("bob@contoso.test", "new")[0];
    assert!(bob.contains("X-Tagged: yes\r\n"), "{bob}");
    assert!(bob.contains(";PLC:Tagging;"), "{bob}");
    let data = dir.path().join("eop.data");
    let d = data.to_str().unwrap();
    let quarantined = || {
        json(&state, &["--data-dir", d, "Get-QuarantineMessage"])
            .iter()
            .map(|q| q["RecipientAddress"].to_string())
            .collect::<Vec<_>>()
    };
    assert!(
        wait_until(SECS, || quarantined() == ["[\"admin@contoso.test\"]"]),
        "{:?}",
        quarantined()
    );
    assert!(relay.maildir("admin@contoso.test", "new").is_empty());
    assert!(relay.maildir("admin@contoso.test", ".Junk/new").is_empty());

    // The trace names the rule and the policy that scored each copy.
    let trace = json(&state, &["--data-dir", d, "Get-MessageTrace"]);
    let id = trace[0]["MessageTraceId"].as_str().unwrap();
    let detail = |rcpt: &str| {
        let rows = json(
            &state,
            &[
                "--data-dir",
                d,
                "Get-MessageTraceDetail",
                "-MessageTraceId",
                id,
                "-RecipientAddress",
                rcpt,
            ],
        );
        serde_json::to_string(&rows).unwrap()
    };
    let admin = detail("admin@contoso.test");
    assert!(
        admin.contains(
            r#"HostedContentFilterRule \"Admins\", HostedContentFilterPolicy \"Strict\""#
        ),
        "{admin}"
    );
    let bob = detail("bob@contoso.test");
    assert!(
        bob.contains(
            r#"HostedContentFilterRule \"Everyone\", HostedContentFilterPolicy \"Tagging\""#
        ),
        "{bob}"
    );

    // Test-MessageRoute names both, without sending anything.
    let route = json(
        &state,
        &[
            "Test-MessageRoute",
            "-Sender",
            "win@prizes.example",
            "-Recipients",
            "admin@contoso.test,bob@contoso.test,carol@contoso.test",
            "-ClientIP",
            "203.0.113.9",
        ],
    );
    assert_eq!(
        route[0]["SpamFilterPolicy"],
        "HostedContentFilterRule \"Admins\", HostedContentFilterPolicy \"Strict\": Priority 0: SentTo admin@contoso.test"
    );
    assert_eq!(
        route[1]["SpamFilterPolicy"],
        "HostedContentFilterRule \"Everyone\", HostedContentFilterPolicy \"Tagging\": Priority 1: RecipientDomainIs contoso.test"
    );
    assert_eq!(
        route[2]["SpamFilterPolicy"],
        "HostedContentFilterPolicy \"Default\": no enabled HostedContentFilterRule names the recipient"
    );
    assert_eq!(
        route[0]["MalwareFilterPolicy"],
        "MalwareFilterPolicy \"Default\": no enabled MalwareFilterRule names the recipient"
    );
}

/// The refusals a rule's references bring, each naming the object, the parameter and the
/// fix.
#[test]
fn rules_refuse_what_would_break_them() {
    let (_dir, state) = state_dir(&org(free_port(), ""));
    eopctl_ok(&state, &["New-MalwareFilterPolicy", "-Name", "Sales"]);
    let refused = |args: &[&str], code: i32, words: &[&str]| {
        let out = eopctl(&state, args);
        let err = String::from_utf8_lossy(&out.stderr).to_string();
        assert_eq!(out.status.code(), Some(code), "{args:?}: {err}");
        for w in words {
            assert!(err.contains(w), "{args:?}: {w:?} not in {err}");
        }
    };
    refused(
        &[
            "New-MalwareFilterRule",
            "-Name",
            "R",
            "-SentTo",
            "a@contoso.test",
        ],
        2,
        &["-MalwareFilterPolicy", "help:"],
    );
    refused(
        &[
            "New-MalwareFilterRule",
            "-Name",
            "R",
            "-MalwareFilterPolicy",
            "Missing",
            "-SentTo",
            "a@contoso.test",
        ],
        3,
        &[
            "MalwareFilterPolicy \"Missing\" was not found",
            "help: create it",
        ],
    );
    refused(
        &[
            "New-MalwareFilterRule",
            "-Name",
            "R",
            "-MalwareFilterPolicy",
            "Sales",
            "-SentToMemberOf",
            "Sales Team",
        ],
        2,
        &[
            "-SentToMemberOf",
            "no distribution groups",
            "help: name the members with -SentTo",
        ],
    );
    refused(
        &[
            "New-MalwareFilterRule",
            "-Name",
            "R",
            "-MalwareFilterPolicy",
            "Sales",
        ],
        6,
        &["names no recipient"],
    );
    eopctl_ok(
        &state,
        &[
            "New-MalwareFilterRule",
            "-Name",
            "Sales rule",
            "-MalwareFilterPolicy",
            "sales",
            "-RecipientDomainIs",
            "contoso.test",
        ],
    );
    refused(
        &[
            "New-MalwareFilterRule",
            "-Name",
            "Second",
            "-MalwareFilterPolicy",
            "Sales",
            "-SentTo",
            "a@contoso.test",
        ],
        6,
        &["already applied by MalwareFilterRule \"Sales rule\""],
    );
    refused(
        &[
            "Remove-MalwareFilterPolicy",
            "-Identity",
            "Sales",
            "-Confirm:$false",
        ],
        6,
        &[
            "applied by MalwareFilterRule \"Sales rule\"",
            "help: remove the rule first",
        ],
    );
    // The rule keeps the policy's own spelling; a renamed policy keeps its rule.
    assert_eq!(
        json(&state, &["Get-MalwareFilterRule"])[0]["MalwareFilterPolicy"],
        "Sales"
    );
    eopctl_ok(
        &state,
        &[
            "Set-MalwareFilterPolicy",
            "-Identity",
            "Sales",
            "-Name",
            "Sales 2",
        ],
    );
    let rules = json(&state, &["Get-MalwareFilterRule"]);
    assert_eq!(rules[0]["MalwareFilterPolicy"], "Sales 2");
}
