//! Message trace through the real relay: one message followed from Receive to Deliver in
//! Get-MessageTrace and Get-MessageTraceDetail, with the relay running and stopped; the
//! retention window's warning.

use crate::queue::{SECS, json, org};
use crate::support::relay::*;
use crate::support::smtp::Client;

/// Get-MessageTraceDetail's rows for one recipient of a message.
fn detail(state: &std::path::Path, id: &str, rcpt: &str) -> Vec<serde_json::Value> {
    json(
        state,
        &[
            "Get-MessageTraceDetail",
            "-MessageTraceId",
            id,
            "-RecipientAddress",
            rcpt,
        ],
    )
}

#[test]
fn one_message_from_receive_to_deliver() {
    let (_dir, state) = state_dir(&org(free_port(), "127.0.0.1:1"));
    // A revision to find in the trace: 1 after this change.
    let set = eopctl(
        &state,
        &["Set-OrganizationConfig", "-MessageTraceRetentionDays", "30"],
    );
    assert!(
        set.status.success(),
        "{}",
        String::from_utf8_lossy(&set.stderr)
    );
    let mut relay = Relay::start(&state, &[]);
    let mut c = Client::hello(relay.addr());
    let end = c.send(
        "sender@example.net",
        &["admin@contoso.test"],
        "Subject: trace me\r\nMessage-ID: <t1@example.net>\r\n\r\nhello\r\n",
    );
    assert!(end.starts_with("250"), "{end}");
    let trace = || {
        json(
            &state,
            &["Get-MessageTrace", "-SenderAddress", "*@example.net"],
        )
    };
    assert!(
        wait_until(SECS, || trace()
            .first()
            .is_some_and(|r| r["Status"] == "Delivered")),
        "{:?}\n{}",
        trace(),
        relay.log_text()
    );
    let row = trace().remove(0);
    assert_eq!(row["RecipientAddress"], "admin@contoso.test");
    assert_eq!(row["SenderAddress"], "sender@example.net");
    assert_eq!(row["Subject"], "trace me");
    assert_eq!(row["MessageId"], "<t1@example.net>");
    assert_eq!(row["FromIP"], "127.0.0.1");
    let id = row["MessageTraceId"].as_str().unwrap().to_string();
    assert!(end.contains(&id), "the trace id is the queue id: {end}");

    let events = detail(&state, &id, "admin@contoso.test");
    let kinds: Vec<&str> = events
        .iter()
        .map(|e| e["Event"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["Receive", "Verdict", "Queue", "Deliver"]);
    assert!(events.iter().all(|e| e["StateRevision"] == 1), "{events:?}");
    let receive = events[0]["Detail"].as_str().unwrap();
    assert!(
        receive.contains("127.0.0.1")
            && receive.contains("ReceiveConnector \"Default\"")
            && receive.contains("no TLS")
            && receive.contains("<t1@example.net>"),
        "{receive}"
    );
    // The objects that decided: the identifying inbound connector, then the mailbox.
    let decided: Vec<&str> = events[1]["DecidedBy"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert_eq!(
        decided,
        ["InboundConnector \"From on-prem\"", "Mailbox \"Admin\""]
    );
    assert_eq!(events[3]["Action"], "Delivered");

    // Filters that match nothing, and ones that match it.
    assert!(json(&state, &["Get-MessageTrace", "-Status", "Failed"]).is_empty());
    assert_eq!(
        json(
            &state,
            &["Get-MessageTrace", "-MessageId", "t1@example.net"]
        )
        .len(),
        1
    );
    assert_eq!(
        json(
            &state,
            &[
                "Get-MessageTrace",
                "-FromIP",
                "127.0.0.1",
                "-Status",
                "Delivered"
            ]
        )
        .len(),
        1
    );
    assert!(
        json(
            &state,
            &[
                "Get-MessageTrace",
                "-RecipientAddress",
                "nobody@contoso.test"
            ]
        )
        .is_empty()
    );

    // The relay stopped: the same answers from the file.
    relay.signal("TERM");
    assert_eq!(relay.wait_exit(SECS), Some(0));
    assert_eq!(detail(&state, &id, "admin@contoso.test").len(), 4);
    assert_eq!(trace().len(), 1);
    let missing = eopctl(
        &state,
        &[
            "Get-MessageTraceDetail",
            "-MessageTraceId",
            &id,
            "-RecipientAddress",
            "other@contoso.test",
        ],
    );
    assert_eq!(missing.status.code(), Some(3));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("help: Get-MessageTrace lists"));
}

#[test]
fn a_query_older_than_the_retention_window_says_so() {
    let (_dir, state) = state_dir(&org(free_port(), "127.0.0.1:1"));
    // No relay ever ran here: no trace database, no rows, no error.
    let out = eopctl(
        &state,
        &[
            "Get-MessageTrace",
            "-StartDate",
            "2020-01-01",
            "-EndDate",
            "2020-01-02",
        ],
    );
    assert!(out.status.success());
    assert!(out.stdout.is_empty());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("warning: Get-MessageTrace: -StartDate 2020-01-01T00:00:00Z is older than the message trace keeps (MessageTraceRetentionDays 90 in OrganizationConfig): the whole range is outside it"),
        "{err}"
    );
    let recent = eopctl(&state, &["Get-MessageTrace"]);
    assert!(recent.status.success() && recent.stderr.is_empty());
    let bad = eopctl(&state, &["Get-MessageTrace", "-Status", "Lost"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("help: use one of GettingStatus"));
}

/// An anonymous client's message: the filters' verdicts are in its trace, sender
/// authentication and anti-spam each with what they found.
#[test]
fn filter_verdicts_are_recorded() {
    let (_dir, state) = state_dir(&contoso(free_port(), "", ""));
    let relay = Relay::start(&state, &[]);
    let mut c = Client::hello(relay.addr());
    let end = c.send(
        "sender@example.net",
        &["admin@contoso.test"],
        "Subject: judge me\r\n\r\nhello\r\n",
    );
    assert!(end.starts_with("250"), "{end}");
    let id = end.rsplit(' ').next().unwrap().trim().to_string();
    let details = || {
        detail(&state, &id, "admin@contoso.test")
            .iter()
            .map(|e| {
                format!(
                    "{} {}",
                    e["Event"].as_str().unwrap_or(""),
                    e["Detail"].as_str().unwrap_or("")
                )
            })
            .collect::<Vec<_>>()
    };
    assert!(
        wait_until(SECS, || details().iter().any(|d| d.starts_with("Deliver"))),
        "{:?}\n{}",
        details(),
        relay.log_text()
    );
    let all = details();
    assert!(
        all.iter().any(|d| d
            .contains("sender authentication of 127.0.0.1: Authentication-Results: relay.test")),
        "{all:?}"
    );
    assert!(all.iter().any(|d| d.contains("anti-spam: SCL")), "{all:?}");
}

/// A message a mail flow rule quarantines, then released: the trace has it from its
/// arrival with its recipient (Quarantined), and after the release the same row moves on
/// to Delivered, the detail showing Transport rule, Quarantine, Release and Deliver.
#[test]
fn a_rule_quarantined_message_is_traced_through_its_release() {
    let hold = "TransportRules:\n  - { Name: Hold, Conditions: { SubjectContainsWords: [hold] }, Actions: { Quarantine: true } }\n";
    let (_dir, state) = state_dir(&format!("{}{hold}", org(free_port(), "127.0.0.1:1")));
    let relay = Relay::start(&state, &[]);
    let mut c = Client::hello(relay.addr());
    let end = c.send(
        "sender@example.net",
        &["admin@contoso.test"],
        "Subject: hold this\r\nMessage-ID: <h1@example.net>\r\n\r\nhello\r\n",
    );
    assert!(end.starts_with("250"), "{end}");
    let id = end.rsplit(' ').next().unwrap().trim().to_string();
    let status = || {
        let rows = json(
            &state,
            &["Get-MessageTrace", "-MessageId", "h1@example.net"],
        );
        rows.iter()
            .map(|r| {
                format!(
                    "{} {} {}",
                    r["MessageTraceId"].as_str().unwrap_or(""),
                    r["RecipientAddress"].as_str().unwrap_or(""),
                    r["Status"].as_str().unwrap_or("")
                )
            })
            .collect::<Vec<_>>()
    };
    assert!(
        wait_until(SECS, || status()
            == [format!("{id} admin@contoso.test Quarantined")]),
        "{:?}\n{}",
        status(),
        relay.log_text()
    );
    let events = || {
        detail(&state, &id, "admin@contoso.test")
            .iter()
            .map(|e| e["Event"].as_str().unwrap_or("").to_string())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        events(),
        ["Receive", "Verdict", "Transport rule", "Quarantine"]
    );

    let held = json(&state, &["Get-QuarantineMessage"]);
    assert_eq!(held.len(), 1, "{held:?}");
    assert_eq!(held[0]["MessageTraceId"], id.as_str());
    let identity = held[0]["Identity"].as_str().unwrap();
    let out = eopctl(
        &state,
        &[
            "Release-QuarantineMessage",
            "-Identity",
            identity,
            "-ReleaseToAll",
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        wait_until(SECS, || status()
            == [format!("{id} admin@contoso.test Delivered")]),
        "{:?}\n{}",
        status(),
        relay.log_text()
    );
    // Released once, delivered once: the rule does not quarantine it again.
    assert_eq!(relay.maildir("admin@contoso.test", "new").len(), 1);
    assert_eq!(
        events(),
        [
            "Receive",
            "Verdict",
            "Transport rule",
            "Quarantine",
            "Release",
            "Queue",
            "Deliver"
        ]
    );
}
