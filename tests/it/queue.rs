//! Queue operations on the running relay through its control socket: Get-Queue,
//! Get-QueueMessage, Suspend/Resume-Message, Retry-Queue (with -Resubmit after a fix),
//! Remove-Message with and without an NDR; the socket's permissions; the answer when no
//! relay runs; Prometheus metrics over HTTP.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::time::Duration;

use serde_json::Value;

use crate::support::relay::*;
use crate::support::smtp::{Client, Sink};

pub const SECS: Duration = Duration::from_secs(20);

/// A state with one listener on `port`, a hosted mailbox, 127.0.0.1 identified as
/// on-premises (so it may relay), and an outbound connector for partner.test to `hop`.
pub fn org(port: u16, hop: &str) -> String {
    format!(
        r#"
AcceptedDomains:
  - {{ Name: contoso.test, DomainName: contoso.test, Default: true }}
Mailboxes:
  - {{ Name: Admin, PrimarySmtpAddress: admin@contoso.test }}
ReceiveConnectors:
  - {{ Name: Default, Bindings: ["127.0.0.1:{port}"] }}
InboundConnectors:
  - {{ Name: From on-prem, ConnectorType: OnPremises, SenderIPAddresses: [127.0.0.1] }}
OutboundConnectors:
  - {{ Name: To partner, ConnectorType: Partner, SmartHosts: ["{hop}"], RecipientDomains: [partner.test] }}
"#
    )
}

/// Runs a cmdlet with `-o json`; its rows (empty for a cmdlet that prints nothing).
pub fn json(state: &Path, args: &[&str]) -> Vec<Value> {
    let mut all = args.to_vec();
    all.extend(["-o", "json"]);
    let out = eopctl(state, &all);
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    if out.stdout.is_empty() {
        return Vec::new();
    }
    serde_json::from_slice::<Vec<Value>>(&out.stdout).expect("JSON rows")
}

fn scrape(addr: &str) -> String {
    let mut s = TcpStream::connect(addr).expect("metrics listener");
    s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    s.write_all(b"GET /metrics HTTP/1.1\r\nHost: x\r\n\r\n")
        .unwrap();
    let mut text = String::new();
    s.read_to_string(&mut text).unwrap();
    text
}

/// Sends one message from the admin to `to`; its queue id.
fn send(relay: &Relay, to: &str, subject: &str) -> String {
    let mut c = Client::hello(relay.addr());
    let end = c.send(
        "admin@contoso.test",
        &[to],
        &format!("Subject: {subject}\r\n\r\nbody\r\n"),
    );
    assert!(end.starts_with("250 2.6.0 Queued as "), "{end}");
    end.trim()["250 2.6.0 Queued as ".len()..].to_string()
}

#[test]
fn suspend_resume_retry_and_remove_while_the_next_hop_is_down() {
    let down = format!("127.0.0.1:{}", free_port());
    let metrics = format!("127.0.0.1:{}", free_port());
    let (_dir, state) = state_dir(&org(free_port(), &down));
    let relay = Relay::start(&state, &["--retry", "1h", "--metrics", &metrics]);

    // The control socket and its directory are the owner's alone.
    let sock = relay.data_dir.join("run/control.sock");
    let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&sock), 0o600);
    assert_eq!(mode(sock.parent().unwrap()), 0o700);

    let ids: Vec<String> = ["a", "b", "c"]
        .iter()
        .map(|r| send(&relay, &format!("{r}@partner.test"), r))
        .collect();
    // Each first attempt fails (nothing listens): one queue, three messages in Retry.
    let queue = || {
        json(&state, &["Get-Queue"])
            .into_iter()
            .find(|q| q["Identity"] == down.as_str())
    };
    assert!(
        wait_until(SECS, || queue()
            .is_some_and(|q| q["MessageCount"] == 3 && q["Status"] == "Retry")),
        "{:?}\n{}",
        queue(),
        relay.log_text()
    );
    let q = queue().unwrap();
    assert_eq!(q["DeliveryType"], "SmartHostConnectorDelivery");
    assert!(
        q["LastError"].as_str().unwrap().contains("connect to"),
        "{q}"
    );
    assert!(q["NextRetryTime"].as_str().unwrap().ends_with('Z'), "{q}");
    let msgs = json(&state, &["Get-QueueMessage", "-Queue", &down]);
    assert_eq!(msgs.len(), 3);
    assert!(
        msgs.iter()
            .all(|m| m["Status"] == "Retry" && m["RetryCount"] == 1)
    );

    // Metrics: three received, three deferred, a queue of three.
    let text = scrape(&metrics);
    assert!(text.starts_with("HTTP/1.0 200 OK"), "{text}");
    assert!(
        text.contains("eopctl_messages_received_total 3\n"),
        "{text}"
    );
    assert!(
        text.contains("eopctl_recipients_deferred_total 3\n"),
        "{text}"
    );
    assert!(
        text.contains(&format!("eopctl_queue_messages{{next_hop=\"{down}\"}} 3\n")),
        "{text}"
    );

    // Suspend the first: Retry-Queue leaves it alone and tries the other two again.
    eopctl_ok(&state, &["Suspend-Message", "-Identity", &ids[0]]);
    let first = json(&state, &["Get-Message", "-Identity", &ids[0]]);
    assert_eq!(first[0]["Status"], "Suspended");
    let retried = json(&state, &["Retry-Queue", "-Identity", &down]);
    assert_eq!(retried[0]["MessagesRetried"], 2);
    assert!(
        wait_until(SECS, || json(&state, &["Get-QueueMessage"])
            .iter()
            .filter(|m| m["RetryCount"] == 2)
            .count()
            == 2),
        "{}",
        relay.log_text()
    );
    assert_eq!(
        json(&state, &["Get-Message", "-Identity", &ids[0]])[0]["RetryCount"],
        1
    );
    eopctl_ok(&state, &["Resume-Message", "-Identity", &ids[0]]);
    assert_eq!(
        json(&state, &["Get-Message", "-Identity", &ids[0]])[0]["Status"],
        "Retry"
    );

    // Removed without an NDR, then with one: exactly one DSN reaches the sender, for c.
    eopctl_ok(
        &state,
        &["Remove-Message", "-Identity", &ids[1], "-WithNDR", "$false"],
    );
    eopctl_ok(
        &state,
        &["Remove-Message", "-Identity", &ids[2], "-WithNDR", "$true"],
    );
    assert!(
        wait_until(SECS, || relay.maildir("admin@contoso.test", "new").len()
            == 1),
        "{}",
        relay.log_text()
    );
    let dsn = &relay.maildir("admin@contoso.test", "new")[0];
    assert!(
        dsn.contains("Final-Recipient: rfc822; c@partner.test"),
        "{dsn}"
    );
    assert!(dsn.contains("Remove-Message"), "{dsn}");
    assert!(!dsn.contains("b@partner.test"), "{dsn}");
    let left: Vec<Value> = json(&state, &["Get-QueueMessage"]);
    assert_eq!(left.len(), 1);
    assert_eq!(left[0]["Identity"], ids[0].as_str());
    // The trace tells the two removals apart.
    let event = |id: &str, rcpt: &str| {
        json(
            &state,
            &[
                "Get-MessageTraceDetail",
                "-MessageTraceId",
                id,
                "-RecipientAddress",
                rcpt,
            ],
        )
        .last()
        .map(|e| {
            (
                e["Event"].as_str().unwrap().to_string(),
                e["Detail"].to_string(),
            )
        })
        .unwrap()
    };
    let (kind, _) = event(&ids[1], "b@partner.test");
    assert_eq!(kind, "Drop");
    let (kind, detail) = event(&ids[2], "c@partner.test");
    assert_eq!(kind, "Fail");
    assert!(
        detail.contains("NDR sent to admin@contoso.test"),
        "{detail}"
    );
    // Suspended again: the hold is kept in the spool...
    eopctl_ok(&state, &["Suspend-Message", "-Identity", &ids[0]]);
    assert!(
        relay
            .data_dir
            .join(format!("queue/{}.suspended", ids[0]))
            .exists()
    );
    drop(relay);

    // ...so it survives a restart.
    let relay = Relay::start(&state, &["--retry", "1h"]);
    let again = json(&state, &["Get-Message", "-Identity", &ids[0]]);
    assert_eq!(again[0]["Status"], "Suspended", "{}", relay.log_text());
    let not_queued = eopctl(&state, &["Suspend-Message", "-Identity", "NOPE"]);
    assert_eq!(not_queued.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&not_queued.stderr).contains("is not in the queue"));
}

#[test]
fn retry_queue_resubmit_routes_stuck_mail_through_the_fixed_connector() {
    let sink = Sink::start();
    let down = format!("127.0.0.1:{}", free_port());
    let port = free_port();
    let (_dir, state) = state_dir(&org(port, &down));
    let relay = Relay::start(&state, &["--retry", "1h"]);
    let id = send(&relay, "x@partner.test", "stuck");
    assert!(wait_until(SECS, || json(&state, &["Get-Queue"])
        .iter()
        .any(
            |q| q["Identity"] == down.as_str() && q["Status"] == "Retry"
        )));
    // The connector is fixed: the relay reloads, the message stays behind its old hop
    // until Retry-Queue -Resubmit routes it again.
    let fixed = format!("127.0.0.1:{}", sink.addr.port());
    write_state(&state, &org(port, &fixed));
    assert!(wait_until(SECS, || relay
        .log_text()
        .contains("configuration reloaded")));
    assert!(sink.received().is_empty());
    let out = json(
        &state,
        &["Retry-Queue", "-Identity", &down, "-Resubmit", "$true"],
    );
    assert_eq!(out[0]["MessagesRetried"], 1);
    assert!(
        wait_until(SECS, || sink.received().len() == 1),
        "{}",
        relay.log_text()
    );
    assert_eq!(sink.received()[0].to, ["x@partner.test"]);
    assert!(wait_until(SECS, || relay.queued() == 0));
    let events: Vec<String> = json(
        &state,
        &[
            "Get-MessageTraceDetail",
            "-MessageTraceId",
            &id,
            "-RecipientAddress",
            "x@partner.test",
        ],
    )
    .iter()
    .map(|e| e["Event"].as_str().unwrap().to_string())
    .collect();
    assert_eq!(
        events,
        [
            "Receive",
            "Verdict",
            "Queue",
            "Defer",
            "Resubmit",
            "Send external"
        ]
    );
    let rows = json(
        &state,
        &["Get-MessageTrace", "-RecipientAddress", "x@partner.test"],
    );
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0]["Status"], "Delivered");
    assert_eq!(rows[0]["ToIP"], "127.0.0.1");
}

#[test]
fn queue_cmdlets_say_when_the_relay_is_not_running() {
    let (dir, state) = state_dir(&org(free_port(), "127.0.0.1:1"));
    for args in [
        &["Retry-Queue", "-Identity", "x"][..],
        &["Suspend-Message", "-Identity", "x"],
        &["Resume-Message", "-Identity", "x"],
        &["Remove-Message", "-Identity", "x", "-WithNDR", "$false"],
    ] {
        let out = eopctl(&state, args);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(7), "{args:?}: {err}");
        assert!(
            err.contains(&format!("{}: the relay is not running", args[0]))
                && err.contains(&dir.path().join("eop.data").display().to_string())
                && err.contains("serve`"),
            "{err}"
        );
    }
    // Reading needs no relay: nothing was ever queued, and it says so on stderr only.
    for args in [&["Get-Queue"][..], &["Get-QueueMessage", "-Queue", "x"]] {
        let out = eopctl(&state, args);
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "{args:?}: {err}");
        assert!(out.stdout.is_empty(), "{args:?}");
        assert!(err.contains("The queue is empty."), "{err}");
    }
}

#[test]
fn get_queue_reads_the_spool_when_the_relay_is_stopped() {
    let down = format!("127.0.0.1:{}", free_port());
    let (_dir, state) = state_dir(&org(free_port(), &down));
    let mut relay = Relay::start(&state, &["--retry", "1h"]);
    let one = send(&relay, "a@partner.test", "one");
    let mut c = Client::hello(relay.addr());
    let end = c.send(
        "admin@contoso.test",
        &["b@partner.test", "c@partner.test"],
        "Subject: two\r\n\r\nbody\r\n",
    );
    assert!(end.starts_with("250 "), "{end}");
    drop(c);
    relay.signal("TERM");
    assert!(relay.wait_exit(SECS).is_some(), "{}", relay.log_text());

    let out = eopctl(&state, &["Get-Queue", "-o", "json"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{err}");
    assert!(err.contains("not running: read from the spool"), "{err}");
    let queues: Vec<Value> = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(queues.len(), 1, "{queues:?}");
    assert_eq!(queues[0]["Identity"], down.as_str());
    assert_eq!(queues[0]["MessageCount"], 2);
    assert_eq!(queues[0]["DeliveryType"], "SmartHostConnectorDelivery");

    // The table of messages names their recipients.
    let out = eopctl(&state, &["Get-QueueMessage"]);
    let table = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{table}");
    assert!(
        table.lines().next().unwrap().contains("Recipients"),
        "{table}"
    );
    assert!(
        table
            .lines()
            .any(|l| l.contains(&one) && l.contains("a@partner.test")),
        "{table}"
    );
    assert!(table.contains("b@partner.test, c@partner.test"), "{table}");
}
