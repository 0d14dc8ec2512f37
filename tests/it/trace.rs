//! Message trace through the real relay: one message followed from Receive to Deliver in
//! Get-MessageTrace and Get-MessageTraceDetail, with the relay running and stopped; the
//! retention window's warning.

use crate::queue::{SECS, json, org};
use crate::support::relay::*;
use crate::support::smtp::Client;

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

    let detail = |state: &std::path::Path| {
        json(
            state,
            &[
                "Get-MessageTraceDetail",
                "-MessageTraceId",
                &id,
                "-RecipientAddress",
                "admin@contoso.test",
            ],
        )
    };
    let events = detail(&state);
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
    assert_eq!(detail(&state).len(), 4);
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
        json(
            &state,
            &[
                "Get-MessageTraceDetail",
                "-MessageTraceId",
                &id,
                "-RecipientAddress",
                "admin@contoso.test",
            ],
        )
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
