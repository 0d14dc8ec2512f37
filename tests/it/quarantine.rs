//! Anti-spam and the quarantine through the real relay.

use std::time::Duration;

use crate::malware::org;
use crate::queue::json;
use crate::support::relay::{Relay, eopctl, free_port, state_dir, wait_until};
use crate::support::smtp::Client;

const SECS: Duration = Duration::from_secs(10);

const SPAM: &str = "From: Prize <win@prizes.example>\r\nTo: admin@contoso.test\r\nSubject: Claim your prize\r\nX-MS-Exchange-Organization-SCL: -1\r\nContent-Type: text/html\r\n\r\n<p>Act now, winner!</p><div style=\"display:none\">x</div><a href=\"http://203.0.113.9/win\">win</a>\r\n";
const CLEAN: &str = "From: Ann <ann@fabrikam.example>\r\nTo: admin@contoso.test\r\nSubject: lunch\r\nDate: Tue, 14 Nov 2023 12:00:00 +0000\r\nMessage-ID: <l1@fabrikam.example>\r\n\r\nNoon?\r\n";

/// MoveToJmf: spam lands in .Junk with the SCL and the report stamped (a forged SCL from
/// the sender removed); clean mail in the inbox with SCL 1.
#[test]
fn spam_goes_to_junk_with_the_scl_stamped() {
    let port = free_port();
    let (_dir, state) = state_dir(&org(port, ""));
    let relay = Relay::start(&state, &[]);
    let mut c = Client::hello(relay.addr());
    assert!(
        c.send("win@prizes.example", &["admin@contoso.test"], SPAM)
            .starts_with("250")
    );
    assert!(
        c.send("ann@fabrikam.example", &["admin@contoso.test"], CLEAN)
            .starts_with("250")
    );
    assert!(wait_until(SECS, || relay
        .maildir("admin@contoso.test", ".Junk/new")
        .len()
        == 1
        && relay.maildir("admin@contoso.test", "new").len() == 1));
    let junk = &relay.maildir("admin@contoso.test", ".Junk/new")[0];
    assert!(
        junk.contains("X-MS-Exchange-Organization-SCL: 9\r\n"),
        "{junk}"
    );
    assert!(!junk.contains("SCL: -1"), "{junk}");
    assert!(
        junk.contains("X-Forefront-Antispam-Report: CIP:127.0.0.1;SCL:9;")
            && junk.contains("(URL_IP_LITERAL:+2)"),
        "{junk}"
    );
    let inbox = &relay.maildir("admin@contoso.test", "new")[0];
    assert!(
        inbox.contains("X-MS-Exchange-Organization-SCL: 1\r\n"),
        "{inbox}"
    );
    // Logs and the trace are read by people: words, never Rust's Debug syntax.
    c.cmd("MAIL FROM:<win@prizes.example>");
    assert!(
        c.cmd("RCPT TO:<admin%evil.example@contoso.test>")
            .starts_with("5")
    );
    let log = relay.log_text();
    assert!(
        log.contains("refusal=bad address: '%' in the local part"),
        "{log}"
    );
    let rows = json(
        &state,
        &["Get-MessageTrace", "-SenderAddress", "win@prizes.example"],
    );
    let id = rows[0]["MessageTraceId"].as_str().unwrap();
    let trace: Vec<String> = json(
        &state,
        &[
            "Get-MessageTraceDetail",
            "-MessageTraceId",
            id,
            "-RecipientAddress",
            "admin@contoso.test",
        ],
    )
    .iter()
    .map(|e| e["Detail"].as_str().unwrap_or_default().to_string())
    .collect();
    let trace = trace.join("\n");
    assert!(trace.contains("category HSPM, action MoveToJmf"), "{trace}");
    assert!(trace.contains("delivered to Junk: "), "{trace}");
    for debug in ["Some(", "[\"", "BadAddress("] {
        assert!(
            !log.contains(debug) && !trace.contains(debug),
            "{debug}: {log}\n{trace}"
        );
    }
}

/// Quarantine, then release with the relay running (picked up and delivered without the
/// spam filter), then delete; a release made while the relay is down is delivered when it
/// starts.
#[test]
fn quarantine_release_and_delete() {
    let port = free_port();
    let (dir, state) = state_dir(&org(
        port,
        "HostedContentFilterPolicies:\n  - { Name: Default, HighConfidenceSpamAction: Quarantine, ModifySubjectValue: \"[SPAM] \" }\n",
    ));
    let mut relay = Relay::start(&state, &[]);
    let mut c = Client::hello(relay.addr());
    assert!(
        c.send("win@prizes.example", &["admin@contoso.test"], SPAM)
            .starts_with("250")
    );
    assert!(
        c.send("win@prizes.example", &["admin@contoso.test"], SPAM)
            .starts_with("250")
    );
    let data = dir.path().join("eop.data");
    let list = || {
        let out = eopctl(
            &state,
            &[
                "--data-dir",
                data.to_str().unwrap(),
                "Get-QuarantineMessage",
                "-QuarantineTypes",
                "HighConfidenceSpam",
                "-o",
                "json",
            ],
        );
        serde_json::from_slice::<serde_json::Value>(&out.stdout).unwrap_or_default()
    };
    assert!(wait_until(SECS, || list()
        .as_array()
        .is_some_and(|a| a.len() == 2)));
    let all = list();
    let ids: Vec<String> = all
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["Identity"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(all[0]["RecipientAddress"][0], "admin@contoso.test");
    assert!(relay.maildir("admin@contoso.test", "new").is_empty());
    let d = data.to_str().unwrap();
    let out = eopctl(
        &state,
        &[
            "--data-dir",
            d,
            "Release-QuarantineMessage",
            "-Identity",
            &ids[0],
            "-ReleaseToAll",
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        wait_until(SECS, || relay.maildir("admin@contoso.test", "new").len()
            == 1),
        "{}",
        relay.log_text()
    );
    assert!(relay.log_text().contains("picked up"));
    // The trace follows each message under its first arrival's id: the released one
    // delivered, the other still quarantined.
    let status_of = |entry: &serde_json::Value| {
        let id = entry["MessageTraceId"].as_str().expect("MessageTraceId");
        json(&state, &["--data-dir", d, "Get-MessageTrace"])
            .into_iter()
            .find(|r| r["MessageTraceId"] == id)
            .map(|r| r["Status"].as_str().unwrap_or_default().to_string())
    };
    assert!(
        wait_until(SECS, || status_of(&all[0]).as_deref() == Some("Delivered")),
        "{:?}",
        status_of(&all[0])
    );
    assert_eq!(status_of(&all[1]).as_deref(), Some("Quarantined"));
    assert!(
        eopctl(
            &state,
            &[
                "--data-dir",
                d,
                "Delete-QuarantineMessage",
                "-Identity",
                &ids[1],
                "-Confirm:$false"
            ]
        )
        .status
        .success()
    );
    assert_eq!(list().as_array().map(Vec::len), Some(1));
    // Released while the relay is down: delivered when it starts.
    relay.signal("TERM");
    assert_eq!(relay.wait_exit(SECS), Some(0));
    let mut again = Relay::start(&state, &[]);
    let mut c = Client::hello(again.addr());
    assert!(
        c.send("win@prizes.example", &["admin@contoso.test"], SPAM)
            .starts_with("250")
    );
    assert!(wait_until(SECS, || list()
        .as_array()
        .is_some_and(|a| a.len() == 2)));
    again.signal("TERM");
    assert_eq!(again.wait_exit(SECS), Some(0));
    let id = list()[1]["Identity"].as_str().unwrap().to_string();
    assert!(
        eopctl(
            &state,
            &[
                "--data-dir",
                d,
                "Release-QuarantineMessage",
                "-Identity",
                &id,
                "-User",
                "admin@contoso.test"
            ]
        )
        .status
        .success()
    );
    let relay = Relay::start(&state, &[]);
    assert!(
        wait_until(SECS, || relay.maildir("admin@contoso.test", "new").len()
            == 2),
        "{}",
        relay.log_text()
    );
}
