//! The relay and Test-MessageRoute, driven through the real binary on loopback.

use crate::support::relay::*;

const CONNECTOR_ARTICLE: &str = r#"
AcceptedDomains:
  - { Name: contoso.com, DomainName: contoso.com, DomainType: InternalRelay, Default: true }
  - { Name: sales.contoso.com, DomainName: sales.contoso.com, DomainType: InternalRelay }
  - { Name: fabrikam.com, DomainName: fabrikam.com, DomainType: InternalRelay }
InboundConnectors:
  - { Name: From on-prem, ConnectorType: OnPremises, SenderIPAddresses: [198.51.100.0/24] }
OutboundConnectors:
  - { Name: Connector 1, ConnectorType: OnPremises, SmartHosts: [10.0.0.1], AllAcceptedDomains: true }
  - { Name: Connector 2, ConnectorType: OnPremises, SmartHosts: [10.0.0.2], RecipientDomains: [contoso.com] }
  - { Name: Connector 3, ConnectorType: OnPremises, SmartHosts: [10.0.0.3], RecipientDomains: ["*.contoso.com"] }
"#;

#[test]
fn test_messageroute_explains_the_connector_articles_example() {
    let (_dir, state) = state_dir(CONNECTOR_ARTICLE);
    let out = eopctl(
        &state,
        &[
            "Test-MessageRoute",
            "-Sender",
            "a@x.example",
            "-Recipients",
            "john@fabrikam.com,john@contoso.com,john@sales.contoso.com,x@evil.example",
            "-ClientIP",
            "192.0.2.1",
            "-o",
            "json",
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let rows: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let via: Vec<&str> = rows
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["Via"].as_str().unwrap())
        .collect();
    assert_eq!(
        via,
        [
            "OutboundConnector \"Connector 1\"",
            "OutboundConnector \"Connector 2\"",
            "OutboundConnector \"Connector 3\"",
            ""
        ]
    );
    assert_eq!(rows[3]["Action"], "Reject");
    assert!(
        rows[3]["Reply"].as_str().unwrap().starts_with("550 5.7.1"),
        "{}",
        rows[3]
    );
    assert_eq!(rows[0]["Client"], "anonymous");

    // From on premises the same Internet recipient is relayed by MX.
    let out = eopctl(
        &state,
        &[
            "test-messageroute",
            "--sender",
            "a@contoso.com",
            "--recipients",
            "x@evil.example",
            "--client-ip",
            "198.51.100.9",
        ],
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success());
    assert!(
        text.contains("Relay") && text.contains("default route"),
        "{text}"
    );
}

#[test]
fn test_messageroute_refuses_a_bad_client_ip() {
    let (_dir, state) = state_dir(CONNECTOR_ARTICLE);
    let out = eopctl(
        &state,
        &[
            "Test-MessageRoute",
            "-Sender",
            "a@x.example",
            "-Recipients",
            "b@contoso.com",
            "-ClientIP",
            "1.2.3",
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("-ClientIP"));
}

use std::time::Duration;

use crate::support::dns::{Dns, Zone};
use crate::support::smtp::{Client, Sink};

const SECS: Duration = Duration::from_secs(20);

/// A state with one listener on a free loopback port, plus `more`.
fn org(port: u16, more: &str) -> String {
    format!(
        r#"
AcceptedDomains:
  - {{ Name: contoso.test, DomainName: contoso.test, Default: true }}
Mailboxes:
  - {{ Name: Admin, PrimarySmtpAddress: admin@contoso.test, EmailAddresses: [postmaster@contoso.test] }}
ReceiveConnectors:
  - {{ Name: Default, Bindings: ["127.0.0.1:{port}"], MaxProtocolErrors: 3 }}
{more}"#
    )
}

fn python(script: &str) -> std::process::Output {
    std::process::Command::new("python3")
        .arg("-c")
        .arg(script)
        .output()
        .expect("python3")
}

#[test]
fn serve_starts_from_the_default_state_and_smtplib_mail_lands_in_the_maildir() {
    if !have("python3") {
        return;
    }
    let (_dir, state) = state_dir("");
    let relay = Relay::start(&state, &[]);
    assert_eq!(relay.addr().to_string(), "127.0.0.1:2525");
    let text = std::fs::read_to_string(&state).unwrap();
    assert!(
        text.contains("contoso.test") && text.contains("revision: 1"),
        "{text}"
    );
    let out = python(
        "import smtplib\ns=smtplib.SMTP('127.0.0.1',2525,timeout=10)\n\
         r=s.sendmail('me@example.com',['admin@contoso.test'],'Subject: first\\r\\nMessage-ID: <first@example.com>\\r\\n\\r\\nhello\\r\\n')\n\
         assert r=={}, r\ns.quit()",
    );
    assert!(
        out.status.success(),
        "{}\n{}",
        String::from_utf8_lossy(&out.stderr),
        relay.log_text()
    );
    assert!(
        wait_until(SECS, || relay.maildir("admin@contoso.test", "new").len()
            == 1),
        "{}",
        relay.log_text()
    );
    let msg = &relay.maildir("admin@contoso.test", "new")[0];
    assert!(msg.contains("Message-ID: <first@example.com>"), "{msg}");
    assert!(
        msg.contains("Received: from ") && msg.contains("by relay.test (eopctl) with ESMTP id"),
        "{msg}"
    );
    assert!(msg.starts_with("Return-Path: <me@example.com>"), "{msg}");
    assert!(
        relay
            .data_dir
            .join("mailboxes/admin@contoso.test/.Junk/new")
            .is_dir()
    );
    assert!(wait_until(SECS, || relay.queued() == 0));
}

#[test]
fn sigterm_lets_the_session_in_flight_finish_then_exits_0() {
    let port = free_port();
    let (_dir, state) = state_dir(&org(port, ""));
    let mut relay = Relay::start(&state, &[]);
    let mut c = Client::hello(relay.addr());
    assert!(c.cmd("MAIL FROM:<a@x.example>").starts_with("250"));
    assert!(c.cmd("RCPT TO:<admin@contoso.test>").starts_with("250"));
    assert!(c.cmd("DATA").starts_with("354"));
    c.raw(b"Subject: in flight\r\n\r\nfirst half\r\n");
    relay.signal("TERM");
    assert!(wait_until(SECS, || relay
        .log_text()
        .contains("shutting down")));
    // No new connections...
    assert!(wait_until(SECS, || std::net::TcpStream::connect(
        relay.addr()
    )
    .is_err()));
    // ...but the message in flight is accepted, then the session is closed.
    c.raw(b"second half\r\n");
    let end = c.cmd(".");
    assert!(end.starts_with("250 2.6.0"), "{end}");
    let next = c.reply();
    assert!(next.starts_with("421 4.3.2"), "{next}");
    assert_eq!(relay.wait_exit(SECS), Some(0), "{}", relay.log_text());
}

/// A MailUser, bob@contoso.test, whose mailbox is on premises behind the smart host on
/// `smart_port`.
fn bob_on_premises(smart_port: u16) -> String {
    format!(
        r#"MailUsers:
  - {{ Name: Bob, PrimarySmtpAddress: bob@contoso.test, ExternalEmailAddress: bob@onprem.contoso.test }}
OutboundConnectors:
  - {{ Name: To on-prem, ConnectorType: OnPremises, SmartHosts: ["127.0.0.1:{smart_port}"], RecipientDomains: [onprem.contoso.test] }}
"#
    )
}

/// Hybrid scenario 1, outbound half: a MailUser's mail goes through the on-premises
/// connector's smart host; Message-ID is kept and the relay's Received header added.
#[test]
fn mail_user_is_relayed_to_the_on_premises_smart_host() {
    let sink = Sink::start();
    let port = free_port();
    let more = bob_on_premises(sink.addr.port());
    let (_dir, state) = state_dir(&org(port, &more));
    let relay = Relay::start(&state, &[]);
    let mut c = Client::hello(relay.addr());
    let end = c.send(
        "sender@example.net",
        &["bob@contoso.test", "admin@contoso.test"],
        "Subject: to bob\r\nMessage-ID: <m1@example.net>\r\n\r\nhi bob\r\n",
    );
    assert!(end.starts_with("250 2.6.0"), "{end}");
    assert!(
        wait_until(SECS, || !sink.received().is_empty()),
        "{}",
        relay.log_text()
    );
    let got = &sink.received()[0];
    assert_eq!(got.to, ["bob@onprem.contoso.test"]);
    assert_eq!(got.from, "sender@example.net");
    assert!(
        got.data.contains("Message-ID: <m1@example.net>")
            && got.data.starts_with("Received: from client.test"),
        "{}",
        got.data
    );
    // The hosted recipient of the same message got its copy locally.
    assert!(wait_until(SECS, || relay
        .maildir("admin@contoso.test", "new")
        .len()
        == 1));
    assert!(wait_until(SECS, || relay.queued() == 0));
    assert!(relay.log_text().contains("result=\"delivered\""));
}

/// On-premises servers (identified by an OnPremises inbound connector) may relay to the
/// Internet: MX from the test DNS server, preference order with fallback; an anonymous
/// client may not.
#[test]
fn on_premises_client_relays_to_the_internet_by_mx_with_fallback() {
    let sink = Sink::start();
    let dns = Dns::start(
        Zone::default()
            .mx("internet.test", 10, "dead.internet.test")
            .mx("internet.test", 20, "mx.internet.test")
            .a("dead.internet.test", "127.0.0.2".parse().unwrap())
            .a("mx.internet.test", "127.0.0.1".parse().unwrap()),
    );
    let port = free_port();
    let more = "InboundConnectors:\n  - { Name: From on-prem, ConnectorType: OnPremises, SenderIPAddresses: [127.0.0.1] }\n";
    let (_dir, state) = state_dir(&org(port, more));
    let relay = Relay::start(
        &state,
        &[
            "--dns",
            &dns.addr.to_string(),
            "--smtp-port",
            &sink.addr.port().to_string(),
        ],
    );
    let mut c = Client::hello(relay.addr());
    let end = c.send(
        "user@contoso.test",
        &["someone@internet.test"],
        "Subject: out\r\n\r\nto the world\r\n",
    );
    assert!(end.starts_with("250"), "{end}");
    assert!(
        wait_until(SECS, || !sink.received().is_empty()),
        "{}",
        relay.log_text()
    );
    assert_eq!(sink.received()[0].to, ["someone@internet.test"]);
    let log = relay.log_text();
    assert!(
        log.contains("127.0.0.2"),
        "the preferred MX was not tried first:\n{log}"
    );

    // The same relay refuses an anonymous client's Internet recipient: only on-premises
    // (here 127.0.0.1) may relay, so check with a state that does not list it.
    let (_dir2, state2) = state_dir(&org(free_port(), ""));
    let relay2 = Relay::start(&state2, &["--dns", &dns.addr.to_string()]);
    let mut c = Client::hello(relay2.addr());
    assert!(c.cmd("MAIL FROM:<user@contoso.test>").starts_with("250"));
    let r = c.cmd("RCPT TO:<someone@internet.test>");
    assert!(r.starts_with("550 5.7.1"), "{r}");
}

/// A permanent failure bounces with an RFC 3464 DSN to the sender (here a hosted
/// mailbox); a failure of a message from the null sender bounces to nobody.
#[test]
fn permanent_failures_send_a_dsn_but_never_to_the_null_sender() {
    let sink = Sink::start();
    let port = free_port();
    let more = format!(
        "InboundConnectors:\n  - {{ Name: From on-prem, ConnectorType: OnPremises, SenderIPAddresses: [127.0.0.1] }}\nOutboundConnectors:\n  - {{ Name: Out, ConnectorType: Partner, SmartHosts: [\"127.0.0.1:{}\"], RecipientDomains: [\"*\"] }}\n",
        sink.addr.port()
    );
    let (_dir, state) = state_dir(&org(port, &more));
    let relay = Relay::start(&state, &[]);
    let mut c = Client::hello(relay.addr());
    let end = c.send(
        "admin@contoso.test",
        &["bounce-me@partner.test", "ok@partner.test"],
        "Subject: will bounce\r\nMessage-ID: <b1@contoso.test>\r\n\r\nx\r\n",
    );
    assert!(end.starts_with("250"), "{end}");
    assert!(
        wait_until(SECS, || relay.maildir("admin@contoso.test", "new").len()
            == 1),
        "{}",
        relay.log_text()
    );
    let dsn = &relay.maildir("admin@contoso.test", "new")[0];
    assert!(dsn.starts_with("Return-Path: <>"), "{dsn}");
    assert!(
        dsn.contains("multipart/report; report-type=delivery-status"),
        "{dsn}"
    );
    assert!(
        dsn.contains(
            "Final-Recipient: rfc822; bounce-me@partner.test\r\nAction: failed\r\nStatus: 5.1.1"
        ),
        "{dsn}"
    );
    assert!(dsn.contains("Message-ID: <b1@contoso.test>"), "{dsn}");
    assert!(!dsn.contains("ok@partner.test"), "{dsn}");
    assert_eq!(sink.received().len(), 1);

    let end = c.send(
        "",
        &["bounce-again@partner.test"],
        "Subject: from the null sender\r\n\r\nx\r\n",
    );
    assert!(end.starts_with("250"), "{end}");
    assert!(
        wait_until(SECS, || relay
            .log_text()
            .contains("no DSN: the null sender gets none")),
        "{}",
        relay.log_text()
    );
    assert!(wait_until(SECS, || relay.queued() == 0));
    assert_eq!(relay.maildir("admin@contoso.test", "new").len(), 1);
}

/// Temporary failures retry on the schedule; a next hop that comes up later gets the
/// message; one that keeps deferring expires into a DSN with status 4.4.7.
#[test]
fn temporary_failures_retry_then_deliver_or_expire() {
    let down = free_port();
    let sink = Sink::start();
    let port = free_port();
    let more = format!(
        "InboundConnectors:\n  - {{ Name: From on-prem, ConnectorType: OnPremises, SenderIPAddresses: [127.0.0.1] }}\nOutboundConnectors:\n  - {{ Name: Later, ConnectorType: Partner, SmartHosts: [\"127.0.0.1:{down}\"], RecipientDomains: [later.test] }}\n  - {{ Name: Sink, ConnectorType: Partner, SmartHosts: [\"127.0.0.1:{}\"], RecipientDomains: [sink.test] }}\n",
        sink.addr.port()
    );
    let (_dir, state) = state_dir(&org(port, &more));
    let relay = Relay::start(&state, &["--retry", "1s", "--expire", "6s"]);
    let mut c = Client::hello(relay.addr());
    assert!(
        c.send(
            "admin@contoso.test",
            &["defer-me@sink.test"],
            "Subject: deferred\r\n\r\nx\r\n"
        )
        .starts_with("250")
    );
    assert!(
        c.send(
            "admin@contoso.test",
            &["late@later.test"],
            "Subject: later\r\n\r\ny\r\n"
        )
        .starts_with("250")
    );
    assert!(
        wait_until(SECS, || relay
            .log_text()
            .matches("rcpt=late@later.test")
            .count()
            >= 2),
        "{}",
        relay.log_text()
    );
    // The next hop comes up; the retry finds it.
    let late = Sink::start_on(down);
    assert!(
        wait_until(SECS, || !late.received().is_empty()),
        "{}",
        relay.log_text()
    );
    // The one that kept deferring expired and bounced.
    assert!(
        wait_until(SECS, || relay.maildir("admin@contoso.test", "new").len()
            == 1),
        "{}",
        relay.log_text()
    );
    let dsn = &relay.maildir("admin@contoso.test", "new")[0];
    assert!(
        dsn.contains(
            "Final-Recipient: rfc822; defer-me@sink.test\r\nAction: failed\r\nStatus: 4.4.7"
        ),
        "{dsn}"
    );
    let log = relay.log_text();
    assert!(
        log.contains("result=\"deferred\"") && log.contains("result=\"expired\""),
        "{log}"
    );
    assert!(wait_until(SECS, || relay.queued() == 0));
}

/// A send connector's MaxMessagesPerConnection bounds how many messages one connection
/// carries.
#[test]
fn messages_per_connection_are_bounded() {
    let sink = Sink::start();
    let port = free_port();
    let more = format!(
        "InboundConnectors:\n  - {{ Name: From on-prem, ConnectorType: OnPremises, SenderIPAddresses: [127.0.0.1] }}\nSendConnectors:\n  - {{ Name: Two, AddressSpaces: [\"*\"], SmartHosts: [\"127.0.0.1:{}\"], MaxMessagesPerConnection: 2 }}\n",
        sink.addr.port()
    );
    let (_dir, state) = state_dir(&org(port, &more));
    let relay = Relay::start(&state, &[]);
    let mut c = Client::hello(relay.addr());
    for i in 0..8 {
        assert!(
            c.send(
                "admin@contoso.test",
                &[&format!("r{i}@far.test")],
                &format!("Subject: {i}\r\n\r\nx\r\n")
            )
            .starts_with("250")
        );
    }
    assert!(
        wait_until(SECS, || sink.received().len() == 8),
        "{}",
        relay.log_text()
    );
    let received = sink.received();
    for conn in 1..=sink.connections.load(std::sync::atomic::Ordering::SeqCst) {
        let n = received.iter().filter(|m| m.connection == conn).count();
        assert!(n <= 2, "connection {conn} carried {n} messages");
    }
}

/// A new revision is picked up without dropping sessions; a session keeps the rules it
/// started with; an invalid file is refused and the old configuration runs on.
#[test]
fn hot_reload_keeps_sessions_and_refuses_invalid_files() {
    let port = free_port();
    let (_dir, state) = state_dir(&org(port, ""));
    let relay = Relay::start(&state, &[]);
    let mut old = Client::hello(relay.addr());
    let carol = "  - { Name: Carol, PrimarySmtpAddress: carol@contoso.test }\n";
    let body = org(port, "").replace("Mailboxes:\n", &format!("Mailboxes:\n{carol}"));
    write_state(&state, &format!("revision: 2\n{body}"));
    assert!(
        wait_until(SECS, || relay.log_text().contains("configuration reloaded")),
        "{}",
        relay.log_text()
    );
    let mut new = Client::hello(relay.addr());
    assert!(new.cmd("MAIL FROM:<a@x.example>").starts_with("250"));
    let r = new.cmd("RCPT TO:<carol@contoso.test>");
    assert!(r.starts_with("250"), "{r}");
    // The session opened before the reload is alive and still on the old rules.
    assert!(old.cmd("NOOP").starts_with("250"));
    assert!(old.cmd("MAIL FROM:<a@x.example>").starts_with("250"));
    let r = old.cmd("RCPT TO:<carol@contoso.test>");
    assert!(r.starts_with("550 5.4.1"), "{r}");

    // A new binding starts listening; the old one keeps serving.
    let port2 = free_port();
    let body3 = body.replace(
        "ReceiveConnectors:\n",
        &format!("ReceiveConnectors:\n  - {{ Name: Second, Bindings: [\"127.0.0.1:{port2}\"] }}\n"),
    );
    write_state(&state, &format!("revision: 3\n{body3}"));
    assert!(
        wait_until(SECS, || std::net::TcpStream::connect(("127.0.0.1", port2))
            .is_ok()),
        "{}",
        relay.log_text()
    );
    assert!(
        Client::hello(std::net::SocketAddr::from(([127, 0, 0, 1], port2)))
            .cmd("NOOP")
            .starts_with("250")
    );
    assert!(old.cmd("RSET").starts_with("250"));

    std::fs::write(
        &state,
        "apiVersion: eopctl/v3\nAcceptedDomains: [ {Name: broken} ]\n",
    )
    .unwrap();
    assert!(
        wait_until(SECS, || relay.log_text().contains("reload refused")),
        "{}",
        relay.log_text()
    );
    relay.signal("HUP");
    assert!(
        wait_until(SECS, || relay.log_text().matches("reload refused").count()
            >= 2),
        "{}",
        relay.log_text()
    );
    let mut after = Client::hello(relay.addr());
    assert!(after.cmd("MAIL FROM:<a@x.example>").starts_with("250"));
    let r = after.cmd("RCPT TO:<carol@contoso.test>");
    assert!(
        r.starts_with("250"),
        "the old configuration should run on: {r}"
    );
}

const LIMITS: &str = r#"
AcceptedDomains:
  - { Name: contoso.test, DomainName: contoso.test, Default: true }
Mailboxes:
  - { Name: Admin, PrimarySmtpAddress: admin@contoso.test, EmailAddresses: [a2@contoso.test, a3@contoso.test] }
ReceiveConnectors:
  - Name: Small
    Bindings: ["127.0.0.1:PORT1"]
    MaxMessageSize: 1KB
    MaxRecipientsPerMessage: 2
    MaxInboundConnectionPerSource: 3
    MaxProtocolErrors: 3
    ConnectionInactivityTimeout: "00:00:01"
  - Name: Flood
    Bindings: ["127.0.0.1:PORT2"]
    MaxInboundConnection: 3
    MaxInboundConnectionPerSource: 100
"#;

/// The relay with the LIMITS state, and its two listeners: Small, then Flood.
fn limits() -> (tempfile::TempDir, Relay, [std::net::SocketAddr; 2]) {
    let (small, flood) = (free_port(), free_port());
    let body = LIMITS
        .replace("PORT1", &small.to_string())
        .replace("PORT2", &flood.to_string());
    let (dir, state) = state_dir(&body);
    let relay = Relay::start(&state, &[]);
    assert_eq!(relay.addrs.len(), 2);
    (
        dir,
        relay,
        [small, flood].map(|p| std::net::SocketAddr::from(([127, 0, 0, 1], p))),
    )
}

#[test]
fn message_size_and_recipient_limits() {
    let (_dir, relay, addrs) = limits();
    let mut c = Client::hello(addrs[0]);
    assert!(c.cmd("EHLO x").contains("SIZE 1024"));
    let r = c.cmd("MAIL FROM:<a@x.example> SIZE=5000");
    assert!(r.starts_with("552 5.3.4"), "{r}");
    assert!(c.cmd("MAIL FROM:<a@x.example> SIZE=500").starts_with("250"));
    assert!(c.cmd("RCPT TO:<admin@contoso.test>").starts_with("250"));
    assert!(c.cmd("RCPT TO:<a2@contoso.test>").starts_with("250"));
    let r = c.cmd("RCPT TO:<a3@contoso.test>");
    assert!(r.starts_with("452 4.5.3"), "{r}");
    assert!(c.cmd("DATA").starts_with("354"));
    c.raw(
        format!("Subject: big\r\n\r\n{}\r\n", "x".repeat(900))
            .repeat(3)
            .as_bytes(),
    );
    let r = c.cmd(".");
    assert!(r.starts_with("552 5.3.4"), "{r}");
    // The session goes on, and a message within the limit is taken.
    let r = c.send(
        "a@x.example",
        &["admin@contoso.test"],
        "Subject: small\r\n\r\nok\r\n",
    );
    assert!(r.starts_with("250"), "{r}");
    assert!(wait_until(SECS, || relay
        .maildir("admin@contoso.test", "new")
        .len()
        == 1));
}

#[test]
fn connection_limits_per_source_and_in_total() {
    let (_dir, _relay, addrs) = limits();
    for (addr, max) in [(addrs[0], 3), (addrs[1], 3)] {
        let held: Vec<Client> = (0..max).map(|_| Client::hello(addr)).collect();
        let mut extra = Client::connect(addr);
        let r = extra.reply();
        assert!(r.starts_with("421 4.3.2"), "{addr}: {r}");
        drop(held);
        // Slots free again once the sessions end.
        assert!(
            wait_until(SECS, || {
                let mut c = Client::connect(addr);
                c.reply().starts_with("220")
            }),
            "{addr}"
        );
    }
}

#[test]
fn protocol_errors_and_stalling_clients_are_disconnected() {
    let (_dir, relay, addrs) = limits();
    let mut c = Client::hello(addrs[0]);
    for _ in 0..3 {
        let r = c.cmd("BOGUS");
        assert!(r.starts_with("500 5.5.2"), "{r}");
    }
    let r = c.cmd("BOGUS");
    assert!(r.starts_with("421 4.7.0"), "{r}");
    assert_eq!(c.reply(), "", "the connection should be closed");

    // ConnectionInactivityTimeout 1 s: a client that says nothing is told so and dropped.
    let mut idle = Client::connect(addrs[0]);
    assert!(idle.reply().starts_with("220"));
    let r = idle.reply();
    assert!(r.starts_with("421 4.4.2"), "{r}");
    // Also in the middle of DATA.
    let mut slow = Client::hello(addrs[0]);
    assert!(slow.cmd("MAIL FROM:<a@x.example>").starts_with("250"));
    assert!(slow.cmd("RCPT TO:<admin@contoso.test>").starts_with("250"));
    assert!(slow.cmd("DATA").starts_with("354"));
    slow.raw(b"Subject: stalled\r\n");
    assert!(slow.reply().starts_with("421 4.4.2"));
    assert!(wait_until(SECS, || relay.queued() == 0));
    assert!(relay.maildir("admin@contoso.test", "new").is_empty());
}

/// Sends `bytes` one at a time, a few a second, on a connection that has had `setup`
/// (greeting and commands, each answered) and returns the relay's last reply and how long
/// the trickle lasted. The writer gives up after two minutes, so a relay that never drops
/// the client fails the test instead of hanging it.
fn trickle(addr: std::net::SocketAddr, setup: &[&str], bytes: Vec<u8>) -> (String, Duration) {
    use std::io::Write;
    let mut c = Client::hello(addr);
    for line in setup {
        let r = c.cmd(line);
        assert!(r.starts_with('2') || r.starts_with('3'), "{line}: {r}");
    }
    let mut writer = c.into_stream();
    let mut reader = std::io::BufReader::new(writer.try_clone().unwrap());
    writer
        .set_read_timeout(Some(Duration::from_secs(120)))
        .unwrap();
    reader
        .get_ref()
        .set_read_timeout(Some(Duration::from_secs(120)))
        .unwrap();
    let start = std::time::Instant::now();
    let feeder = std::thread::spawn(move || {
        for b in bytes.iter().cycle().take(400) {
            if writer.write_all(&[*b]).is_err() {
                return;
            }
            std::thread::sleep(Duration::from_millis(300));
        }
    });
    let r = crate::support::smtp::read_reply(&mut reader);
    let took = start.elapsed();
    drop(reader);
    feeder.join().unwrap();
    (r, took)
}

/// A slowloris is dropped: a command line trickled a byte at a time misses its
/// ConnectionInactivityTimeout even though every byte arrives well within it, and a
/// message trickled in short lines (each on time) runs into ConnectionTimeout, the
/// bound on the whole connection. The bounds asserted are generous: "dropped", not fast.
#[test]
fn trickling_clients_are_dropped_in_bounded_time() {
    let port = free_port();
    let (_dir, state) = state_dir(&contoso(
        port,
        r#", ConnectionTimeout: "00:00:08", ConnectionInactivityTimeout: "00:00:03""#,
        "",
    ));
    let relay = Relay::start(&state, &[]);
    let (r, took) = trickle(relay.addr(), &[], b"NOOP and on and on".to_vec());
    assert!(r.starts_with("421 4.4.2"), "{r}");
    assert!(took < Duration::from_secs(60), "{took:?}");

    let (r, took) = trickle(
        relay.addr(),
        &[
            "MAIL FROM:<a@x.example>",
            "RCPT TO:<admin@contoso.test>",
            "DATA",
        ],
        b"x\r\n".to_vec(),
    );
    assert!(r.starts_with("421 4.4.2"), "{r}");
    assert!(took < Duration::from_secs(60), "{took:?}");
    let log = relay.log_text();
    assert!(log.contains("reason=\"timeout\""), "{log}");
    assert!(log.contains("reason=\"connection time limit\""), "{log}");
    assert!(relay.maildir("admin@contoso.test", "new").is_empty());
}

/// SMTP smuggling: a bare LF or CR "end of data" never ends DATA, and the message that
/// carries one is refused, so the hidden second message is never delivered.
#[test]
fn smuggled_messages_are_never_accepted() {
    let port = free_port();
    let (_dir, state) = state_dir(&org(port, ""));
    let relay = Relay::start(&state, &[]);
    for end in ["\n.\n", "\r.\r", "\r\n.\n", "\n.\r\n"] {
        let mut c = Client::hello(relay.addr());
        assert!(c.cmd("MAIL FROM:<a@x.example>").starts_with("250"));
        assert!(c.cmd("RCPT TO:<admin@contoso.test>").starts_with("250"));
        assert!(c.cmd("DATA").starts_with("354"));
        c.raw(format!("Subject: cover\r\n\r\ncover{end}MAIL FROM:<evil@x.example>\r\nRCPT TO:<postmaster@contoso.test>\r\nDATA\r\nSubject: smuggled\r\n\r\nsmuggled\r\n.\r\n").as_bytes());
        let r = c.reply();
        assert!(r.starts_with("550 5.6.11"), "{end:?}: {r}");
        assert!(
            c.cmd("NOOP").starts_with("250"),
            "{end:?}: one reply only, the session in step"
        );
    }
    // A long command line is refused without harm; so is a long line of data.
    let mut c = Client::hello(relay.addr());
    let r = c.cmd(&format!("NOOP {}", "a".repeat(100_000)));
    assert!(r.starts_with("500 5.5.6"), "{r}");
    assert!(c.cmd("NOOP").starts_with("250"));
    assert!(c.cmd("MAIL FROM:<a@x.example>").starts_with("250"));
    assert!(c.cmd("RCPT TO:<admin@contoso.test>").starts_with("250"));
    assert!(c.cmd("DATA").starts_with("354"));
    c.raw(format!("Subject: long\r\n\r\n{}\r\n", "y".repeat(5000)).as_bytes());
    let r = c.cmd(".");
    assert!(r.starts_with("554 5.6.0"), "{r}");
    assert!(wait_until(SECS, || relay.queued() == 0));
    assert!(
        relay.maildir("admin@contoso.test", "new").is_empty(),
        "nothing may be delivered"
    );
}

/// CHUNKING (RFC 3030): pipelined BDAT chunks make one message, which goes on to a next
/// hop without CHUNKING over DATA, dot-stuffed (its lone "." line arrives whole); BDAT
/// after DATA's rules: sizes against MaxMessageSize, no DATA in a BDAT transaction, a
/// refused chunk still read as data. A NUL byte is refused whichever way it comes, so the
/// next hop never receives one.
#[test]
fn bdat_chunks_and_nul_bytes_and_what_the_next_hop_receives() {
    let sink = Sink::start();
    let port = free_port();
    let more = bob_on_premises(sink.addr.port());
    let (_dir, state) = state_dir(&contoso(port, ", MaxMessageSize: 2KB", &more));
    let relay = Relay::start(&state, &[]);
    let mut c = Client::connect(relay.addr());
    assert!(c.reply().starts_with("220"));
    let ehlo = c.cmd("EHLO client.test");
    assert!(ehlo.contains("250-CHUNKING"), "{ehlo}");

    let one = "Subject: chunked\r\n\r\nfirst\r\n.\r\n..two dots\r\n";
    let two = "last line\r\n";
    c.raw(
        format!(
            "MAIL FROM:<a@x.example>\r\nRCPT TO:<bob@contoso.test>\r\nBDAT {}\r\n{one}BDAT {} LAST\r\n{two}",
            one.len(),
            two.len()
        )
        .as_bytes(),
    );
    let replies: Vec<String> = (0..4).map(|_| c.reply()).collect();
    assert!(
        replies[0].starts_with("250") && replies[1].starts_with("250"),
        "{replies:?}"
    );
    assert_eq!(
        replies[2],
        format!("250 2.0.0 {} octets received\r\n", one.len())
    );
    assert!(
        replies[3].starts_with("250 2.6.0 Queued as "),
        "{replies:?}"
    );

    // No DATA once BDAT has begun.
    assert!(c.cmd("MAIL FROM:<a@x.example>").starts_with("250"));
    assert!(c.cmd("RCPT TO:<bob@contoso.test>").starts_with("250"));
    let bdat = |c: &mut Client, head: &str, chunk: &str| {
        c.raw(format!("{head}\r\n{chunk}").as_bytes());
        c.reply()
    };
    assert!(bdat(&mut c, "BDAT 3", "abc").starts_with("250 2.0.0 3 octets"));
    let r = c.cmd("DATA");
    assert!(r.starts_with("503 5.5.1"), "{r}");
    assert!(c.cmd("RSET").starts_with("250"));
    // Over MaxMessageSize: 552, and the octets are read, never taken as commands.
    assert!(c.cmd("MAIL FROM:<a@x.example>").starts_with("250"));
    assert!(c.cmd("RCPT TO:<bob@contoso.test>").starts_with("250"));
    let big = "QUIT\r\n".repeat(500);
    let r = bdat(&mut c, &format!("BDAT {} LAST", big.len()), &big);
    assert!(r.starts_with("552 5.3.4"), "{r}");
    // No transaction: 503 after the chunk is read.
    let r = bdat(&mut c, "BDAT 6", "QUIT\r\n");
    assert!(r.starts_with("503 5.5.1"), "{r}");
    assert!(c.cmd("NOOP").starts_with("250"));
    // NUL, over DATA and over BDAT.
    let smuggle = "Subject: nul\r\n\r\ncover\r\n\0.\r\nMAIL FROM:<evil@x.example>\r\n";
    let r = c.send("a@x.example", &["bob@contoso.test"], smuggle);
    assert!(r.starts_with("554 5.6.0"), "{r}");
    assert!(c.cmd("MAIL FROM:<a@x.example>").starts_with("250"));
    assert!(c.cmd("RCPT TO:<bob@contoso.test>").starts_with("250"));
    let r = bdat(&mut c, &format!("BDAT {} LAST", smuggle.len()), smuggle);
    assert!(r.starts_with("554 5.6.0"), "{r}");
    assert!(c.cmd("QUIT").starts_with("221"));

    assert!(
        wait_until(SECS, || relay.queued() == 0 && !sink.received().is_empty()),
        "{}",
        relay.log_text()
    );
    let got = sink.received();
    assert_eq!(got.len(), 1, "{got:?}");
    let body = got[0].data.split_once("\r\n\r\n").unwrap().1;
    assert_eq!(body, "first\r\n.\r\n..two dots\r\nlast line\r\n");
    assert!(!got[0].data.contains('\0'));
}

/// The relay is never open over the wire: address tricks are refused at RCPT.
#[test]
fn open_relay_tricks_are_refused_at_rcpt() {
    let port = free_port();
    let (_dir, state) = state_dir(&org(port, ""));
    let relay = Relay::start(&state, &[]);
    let mut c = Client::hello(relay.addr());
    assert!(c.cmd("MAIL FROM:<a@x.example>").starts_with("250"));
    for rcpt in [
        "victim@evil.example",
        "victim%evil.example@contoso.test",
        "evil.example!victim@contoso.test",
        "@contoso.test:victim@evil.example",
        "\"victim@evil.example\"@contoso.test",
        "victim@[127.0.0.1]",
        "admin@contoso.test@evil.example",
    ] {
        let r = c.cmd(&format!("RCPT TO:<{rcpt}>"));
        assert!(r.starts_with("55") || r.starts_with("501"), "{rcpt}: {r}");
    }
    let r = c.cmd("VRFY admin@contoso.test");
    assert!(r.starts_with("252 2.5.0"), "{r}");
    let r = c.cmd("DATA");
    assert!(r.starts_with("554 5.5.1"), "{r}");
}

const STARTTLS_PY: &str = r#"
import smtplib, socket, ssl, sys
port = int(sys.argv[1])
s = smtplib.SMTP('127.0.0.1', port, timeout=10)
s.ehlo()
assert s.has_extn('starttls'), s.esmtp_features
s.starttls()
s.ehlo()
assert not s.has_extn('starttls')
assert s.sendmail('me@example.com', ['admin@contoso.test'], 'Subject: over tls\r\n\r\nsecret\r\n') == {}
s.quit()
# Plaintext pipelined after STARTTLS must not run inside TLS (CVE-2011-0411).
c = socket.create_connection(('127.0.0.1', port), timeout=10)
f = c.makefile('rb')
assert f.readline().startswith(b'220')
c.sendall(b'EHLO x\r\n')
while f.readline()[3:4] != b' ':
    pass
c.sendall(b'STARTTLS\r\nNOOP\r\n')
line = f.readline()
assert line.startswith(b'220 2.0.0'), line
ctx = ssl.create_default_context()
ctx.check_hostname = False
ctx.verify_mode = ssl.CERT_NONE
t = ctx.wrap_socket(c)
t.sendall(b'EHLO x\r\n')
line = t.makefile('rb').readline()
assert line.startswith(b'250-'), line
print('ok')
"#;

/// STARTTLS with a PEM certificate named by the receive connector, and no plaintext
/// injection across it.
#[test]
fn starttls_with_a_pem_certificate_and_no_injection() {
    if !have("openssl") || !have("python3") {
        return;
    }
    let port = free_port();
    let certs = tempfile::tempdir().unwrap();
    make_cert(certs.path());
    let (_dir, state) = state_dir(&certified(&org(port, ""), certs.path(), "relay.test"));
    let relay = Relay::start(&state, &[]);
    let out = std::process::Command::new("python3")
        .arg("-c")
        .arg(STARTTLS_PY)
        .arg(port.to_string())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}\n{}",
        String::from_utf8_lossy(&out.stderr),
        relay.log_text()
    );
    assert!(wait_until(SECS, || relay
        .maildir("admin@contoso.test", "new")
        .len()
        == 1));
    assert!(relay.maildir("admin@contoso.test", "new")[0].contains("with ESMTPS id"));
    assert!(
        relay
            .log_text()
            .contains("discarded plaintext pipelined after STARTTLS")
    );
}

/// Nothing accepted is lost: clients send in parallel, the relay is SIGKILLed under
/// load, restarted on the same spool, and every message that got 250 is delivered
/// (local Maildir and remote sink alike).
#[test]
fn sigkill_under_load_loses_nothing_that_got_250() {
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::{Arc, Mutex};
    let sink = Sink::start();
    let port = free_port();
    let more = format!(
        "InboundConnectors:\n  - {{ Name: From on-prem, ConnectorType: OnPremises, SenderIPAddresses: [127.0.0.1] }}\nOutboundConnectors:\n  - {{ Name: Out, ConnectorType: Partner, SmartHosts: [\"127.0.0.1:{}\"], RecipientDomains: [far.test] }}\n",
        sink.addr.port()
    );
    let (_dir, state) = state_dir(&org(port, &more));
    let mut relay = Relay::start(&state, &[]);
    let addr = relay.addr();
    let accepted = Arc::new(Mutex::new(Vec::<String>::new()));
    let count = Arc::new(AtomicUsize::new(0));
    let workers: Vec<_> = (0..4)
        .map(|w| {
            let (accepted, count) = (accepted.clone(), count.clone());
            std::thread::spawn(move || {
                for i in 0..200 {
                    let id = format!("<k{w}-{i}@test>");
                    let to = if i % 2 == 0 {
                        "admin@contoso.test".to_string()
                    } else {
                        format!("r{w}@far.test")
                    };
                    let attempt = std::panic::catch_unwind(|| {
                        let mut c = Client::connect(addr);
                        if !c.reply().starts_with("220")
                            || !c.cmd("EHLO load.test").starts_with("250")
                        {
                            return false;
                        }
                        let ok = c.cmd("MAIL FROM:<load@contoso.test>").starts_with("250")
                            && c.cmd(&format!("RCPT TO:<{to}>")).starts_with("250")
                            && c.cmd("DATA").starts_with("354");
                        if !ok {
                            return false;
                        }
                        c.raw(
                            format!(
                                "Message-ID: {id}\r\nSubject: load\r\n\r\n{}",
                                format!("{}\r\n", "z".repeat(100)).repeat(20)
                            )
                            .as_bytes(),
                        );
                        c.cmd(".").starts_with("250")
                    });
                    match attempt {
                        Ok(true) => {
                            accepted.lock().unwrap().push(id);
                            count.fetch_add(1, Ordering::SeqCst);
                        }
                        // The relay is gone: stop this worker.
                        _ => return,
                    }
                }
            })
        })
        .collect();
    assert!(
        wait_until(Duration::from_secs(60), || count.load(Ordering::SeqCst)
            >= 100),
        "too slow: {}",
        relay.log_text()
    );
    relay.child.kill().unwrap();
    relay.child.wait().unwrap();
    for w in workers {
        w.join().unwrap();
    }
    let accepted = accepted.lock().unwrap().clone();
    assert!(accepted.len() >= 100);
    let relay = Relay::start(&state, &[]);
    let delivered = || {
        let mut all: Vec<String> = relay.maildir("admin@contoso.test", "new");
        all.extend(sink.received().into_iter().map(|m| m.data));
        all.join("\n")
    };
    assert!(
        wait_until(Duration::from_secs(60), || {
            let text = delivered();
            accepted
                .iter()
                .all(|id| text.contains(&format!("Message-ID: {id}")))
        }),
        "lost: {:?}",
        {
            let text = delivered();
            accepted
                .iter()
                .filter(|id| !text.contains(&format!("Message-ID: {id}")))
                .cloned()
                .collect::<Vec<_>>()
        }
    );
    assert!(wait_until(SECS, || relay.queued() == 0));
}

/// Hybrid scenario 1 end to end with a real Postfix as the on-premises server:
/// a client's message reaches a hosted mailbox (Maildir) and an on-premises MailUser
/// (through Postfix); Postfix relays an Internet-bound message through eopctl, which looks
/// up the MX in the test DNS server; an unidentified client cannot relay.
#[test]
fn scenario_1_with_postfix_on_premises() {
    if !have("postfix") || !have("swaks") || !have("python3") {
        return;
    }
    let internet = Sink::start();
    let dns = Dns::start(
        Zone::default()
            .mx("internet.test", 10, "mx.internet.test")
            .a("mx.internet.test", "127.0.0.1".parse().unwrap()),
    );
    let (eop_port, pf_port) = (free_port(), free_port());
    let more = format!(
        r#"MailUsers:
  - {{ Name: Bob, PrimarySmtpAddress: bob@contoso.test, ExternalEmailAddress: bob@onprem.contoso.test }}
InboundConnectors:
  - {{ Name: From on-prem, ConnectorType: OnPremises, SenderIPAddresses: [127.0.0.2] }}
OutboundConnectors:
  - {{ Name: To on-prem, ConnectorType: OnPremises, SmartHosts: ["127.0.0.1:{pf_port}"], RecipientDomains: [onprem.contoso.test] }}
"#
    );
    let (_dir, state) = state_dir(&org(eop_port, &more));
    let relay = Relay::start(
        &state,
        &[
            "--dns",
            &dns.addr.to_string(),
            "--smtp-port",
            &internet.addr.port().to_string(),
        ],
    );
    let postfix = crate::support::postfix::Postfix::start(pf_port, eop_port, "127.0.0.2");

    // Inbound: a client sends to a hosted mailbox and to the on-premises mailbox.
    let out = python(&format!(
        "import smtplib\ns=smtplib.SMTP('127.0.0.1',{eop_port},timeout=10)\n\
         r=s.sendmail('partner@fabrikam.test',['admin@contoso.test','bob@contoso.test'],'Subject: scenario 1\\r\\nMessage-ID: <s1@fabrikam.test>\\r\\n\\r\\nhello\\r\\n')\n\
         assert r=={{}}, r\ns.quit()"
    ));
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
    assert!(
        wait_until(SECS, || postfix.bob().len() == 1),
        "{}\n{}",
        relay.log_text(),
        postfix.log()
    );
    assert!(postfix.bob()[0].contains("Message-ID: <s1@fabrikam.test>"));

    // Outbound: on-premises Postfix relays Internet mail through eopctl, which uses MX.
    let out = std::process::Command::new("swaks")
        .args([
            "--server",
            &format!("127.0.0.1:{pf_port}"),
            "--from",
            "bob@onprem.contoso.test",
            "--to",
            "someone@internet.test",
        ])
        .args([
            "--header",
            "Subject: from on-premises",
            "--silent",
            "2",
            "--timeout",
            "10",
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "swaks: {}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert!(
        wait_until(Duration::from_secs(30), || !internet.received().is_empty()),
        "{}\n{}",
        relay.log_text(),
        postfix.log()
    );
    let got = &internet.received()[0];
    assert_eq!(got.to, ["someone@internet.test"]);
    assert!(got.data.contains("Subject: from on-premises"));
    assert!(
        relay
            .log_text()
            .contains("client=InboundConnector \"From on-prem\"")
    );

    // An unidentified client (127.0.0.1) cannot relay.
    let out = std::process::Command::new("swaks")
        .args([
            "--server",
            &format!("127.0.0.1:{eop_port}"),
            "--from",
            "x@evil.test",
            "--to",
            "someone@internet.test",
            "--silent",
            "2",
            "--timeout",
            "10",
        ])
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("550 5.7.1"),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
}

/// A message that has been around too many hops is refused after DATA (a loop).
#[test]
fn looping_messages_are_refused_with_554_5_4_14() {
    let port = free_port();
    let (_dir, state) = state_dir(&org(port, ""));
    let relay = Relay::start(&state, &[]);
    let mut c = Client::hello(relay.addr());
    let hops: String = (0..51)
        .map(|i| {
            format!(
                "Received: from hop{i}.test by hop{}.test; Sun, 22 Nov 2026 10:00:00 +0000\r\n",
                i + 1
            )
        })
        .collect();
    let r = c.send(
        "a@x.example",
        &["admin@contoso.test"],
        &format!("{hops}Subject: loop\r\n\r\nround and round\r\n"),
    );
    assert!(r.starts_with("554 5.4.14"), "{r}");
    let fewer: String = hops.lines().take(49).map(|l| format!("{l}\r\n")).collect();
    let r = c.send(
        "a@x.example",
        &["admin@contoso.test"],
        &format!("{fewer}Subject: long way\r\n\r\nstill fine\r\n"),
    );
    assert!(r.starts_with("250"), "{r}");
}

/// An inbound connector with RequireTls refuses its sender's mail in the clear.
#[test]
fn inbound_connector_require_tls_refuses_plain_text() {
    let port = free_port();
    let more = "InboundConnectors:\n  - { Name: From on-prem, ConnectorType: OnPremises, SenderIPAddresses: [127.0.0.1], RequireTls: true }\n";
    let (_dir, state) = state_dir(&org(port, more));
    let relay = Relay::start(&state, &[]);
    let mut c = Client::hello(relay.addr());
    let r = c.cmd("MAIL FROM:<a@contoso.test>");
    assert!(r.starts_with("530 5.7.0"), "{r}");
}

/// IPv6 bindings work like IPv4 ones (`[::1]:port`), and a receive connector's
/// RemoteIPRanges decide who may connect to it.
#[test]
fn ipv6_binding_and_remote_ip_ranges() {
    let (v6, closed) = (free_port(), free_port());
    let body = format!(
        r#"
AcceptedDomains:
  - {{ Name: contoso.test, DomainName: contoso.test, Default: true }}
Mailboxes:
  - {{ Name: Admin, PrimarySmtpAddress: admin@contoso.test }}
ReceiveConnectors:
  - {{ Name: Six, Bindings: ["[::1]:{v6}"] }}
  - {{ Name: Closed, Bindings: ["127.0.0.1:{closed}"], RemoteIPRanges: [192.0.2.0/24] }}
"#
    );
    let (_dir, state) = state_dir(&body);
    let relay = Relay::start(&state, &[]);
    let six: std::net::SocketAddr = format!("[::1]:{v6}").parse().unwrap();
    assert!(relay.addrs.contains(&six), "{:?}", relay.addrs);
    let mut c = Client::hello(six);
    assert!(
        c.send(
            "a@x.example",
            &["admin@contoso.test"],
            "Subject: v6\r\n\r\nx\r\n"
        )
        .starts_with("250")
    );
    assert!(wait_until(SECS, || relay
        .maildir("admin@contoso.test", "new")
        .len()
        == 1));
    assert!(relay.maildir("admin@contoso.test", "new")[0].contains("([::1])"));
    let mut refused = Client::connect(std::net::SocketAddr::from(([127, 0, 0, 1], closed)));
    let r = refused.reply();
    assert!(r.starts_with("554 5.7.1"), "{r}");
}

/// A receive connector's Fqdn and Banner are what the client sees; unknown commands get
/// an enhanced status code too.
#[test]
fn fqdn_and_banner_of_the_receive_connector() {
    let port = free_port();
    let body = org(port, "").replace(
        "MaxProtocolErrors: 3 }",
        "MaxProtocolErrors: 3, Fqdn: mx.contoso.test, Banner: \"220 Contoso mail, be nice\" }",
    );
    let (_dir, state) = state_dir(&body);
    let relay = Relay::start(&state, &[]);
    let mut c = Client::connect(relay.addr());
    assert_eq!(c.reply(), "220 Contoso mail, be nice\r\n");
    let ehlo = c.cmd("EHLO me.test");
    assert!(
        ehlo.starts_with("250-mx.contoso.test Hello [127.0.0.1]\r\n"),
        "{ehlo}"
    );
    for ext in [
        "PIPELINING",
        "SIZE 37748736",
        "8BITMIME",
        "ENHANCEDSTATUSCODES",
        "SMTPUTF8",
    ] {
        assert!(ehlo.contains(ext), "{ext}: {ehlo}");
    }
    assert!(
        !ehlo.contains("STARTTLS"),
        "no certificate, no STARTTLS: {ehlo}"
    );
    assert!(
        c.cmd("RCPT TO:<admin@contoso.test>")
            .starts_with("503 5.5.1")
    );
    assert!(c.cmd("QUIT").starts_with("221 2.0.0 mx.contoso.test"));
}

/// `body` with the certificate `dir/relay.pem` (key `dir/relay.key`) in its Certificates,
/// offered on STARTTLS by the receive connector under the name `name`.
fn certified(body: &str, dir: &std::path::Path, name: &str) -> String {
    let certificate = format!(
        "Certificates:\n  - {{ Thumbprint: 0123456789ABCDEF0123456789ABCDEF01234567, Subject: CN={name}, Issuer: CN=Test CA, DomainNames: [{name}], NotBefore: 2026-01-01T00:00:00Z, NotAfter: 2099-01-01T00:00:00Z, CertificatePath: {}, KeyPath: {} }}\n",
        dir.join("relay.pem").display(),
        dir.join("relay.key").display()
    );
    let body = body.replace(
        "MaxProtocolErrors: 3 }",
        &format!("MaxProtocolErrors: 3, TlsCertificateName: {name} }}"),
    );
    format!("{body}{certificate}")
}

/// A self-signed certificate in `dir/relay.pem` with its key in `dir/relay.key`.
fn make_cert(dir: &std::path::Path) {
    openssl(
        dir,
        &[
            "req",
            "-x509",
            "-newkey",
            "ec",
            "-pkeyopt",
            "ec_paramgen_curve:prime256v1",
            "-nodes",
            "-days",
            "2",
            "-subj",
            "/CN=relay.test",
            "-keyout",
            "relay.key",
            "-out",
            "relay.pem",
        ],
    );
}

/// Outbound STARTTLS: opportunistic to a next hop that offers it (here another eopctl
/// with a certificate), required by TlsSettings, and a next hop without it is deferred.
#[test]
fn outbound_starttls_opportunistic_and_required() {
    if !have("openssl") {
        return;
    }
    let b_port = free_port();
    let certs = tempfile::tempdir().unwrap();
    make_cert(certs.path());
    let (_b_dir, b_state) = state_dir(&certified(&org(b_port, ""), certs.path(), "relay.test"));
    let b = Relay::start(&b_state, &[]);
    let plain = Sink::start();
    let a_port = free_port();
    let more = format!(
        "InboundConnectors:\n  - {{ Name: From on-prem, ConnectorType: OnPremises, SenderIPAddresses: [127.0.0.1] }}\nOutboundConnectors:\n  - {{ Name: To B, ConnectorType: Partner, SmartHosts: [\"127.0.0.1:{b_port}\"], RecipientDomains: [contoso.test], TlsSettings: EncryptionOnly }}\n  - {{ Name: Plain, ConnectorType: Partner, SmartHosts: [\"127.0.0.1:{}\"], RecipientDomains: [plain.test], TlsSettings: EncryptionOnly }}\n  - {{ Name: Maybe, ConnectorType: Partner, SmartHosts: [\"127.0.0.1:{}\"], RecipientDomains: [maybe.test] }}\n",
        plain.addr.port(),
        plain.addr.port()
    );
    let a_body = format!(
        "{}{more}",
        org(a_port, "").replace("contoso.test", "a.test")
    );
    let (_a_dir, a_state) = state_dir(&a_body);
    let a = Relay::start(&a_state, &[]);
    let mut c = Client::hello(a.addr());
    assert!(
        c.send(
            "x@a.test",
            &["admin@contoso.test"],
            "Subject: tls hop\r\n\r\nx\r\n"
        )
        .starts_with("250")
    );
    assert!(
        c.send(
            "x@a.test",
            &["someone@plain.test"],
            "Subject: must be tls\r\n\r\nx\r\n"
        )
        .starts_with("250")
    );
    assert!(
        c.send(
            "x@a.test",
            &["someone@maybe.test"],
            "Subject: may be plain\r\n\r\nx\r\n"
        )
        .starts_with("250")
    );
    assert!(
        wait_until(SECS, || b.maildir("admin@contoso.test", "new").len() == 1),
        "{}\n{}",
        a.log_text(),
        b.log_text()
    );
    let got = &b.maildir("admin@contoso.test", "new")[0];
    assert!(got.contains("with ESMTPS id"), "{got}");
    // Opportunistic: the sink offers no STARTTLS, the message goes in the clear.
    assert!(
        wait_until(SECS, || plain
            .received()
            .iter()
            .any(|m| m.to == ["someone@maybe.test"])),
        "{}",
        a.log_text()
    );
    // Required: never sent in the clear, deferred instead.
    assert!(
        wait_until(SECS, || a
            .log_text()
            .contains("does not offer STARTTLS, which the route requires")),
        "{}",
        a.log_text()
    );
    assert!(
        plain
            .received()
            .iter()
            .all(|m| m.to != ["someone@plain.test"])
    );
}

/// A smart host named by FQDN (with a port) is resolved through the configured DNS.
#[test]
fn smart_host_by_name_is_resolved_through_the_configured_dns() {
    let sink = Sink::start();
    let dns = Dns::start(Zone::default().a("smart.partner.test", "127.0.0.1".parse().unwrap()));
    let port = free_port();
    let more = format!(
        "InboundConnectors:\n  - {{ Name: From on-prem, ConnectorType: OnPremises, SenderIPAddresses: [127.0.0.1] }}\nOutboundConnectors:\n  - {{ Name: Partner, ConnectorType: Partner, SmartHosts: [\"smart.partner.test:{}\"], RecipientDomains: [partner.test] }}\n",
        sink.addr.port()
    );
    let (_dir, state) = state_dir(&org(port, &more));
    let relay = Relay::start(&state, &["--dns", &dns.addr.to_string()]);
    let mut c = Client::hello(relay.addr());
    assert!(
        c.send(
            "a@contoso.test",
            &["b@partner.test"],
            "Subject: named\r\n\r\nx\r\n"
        )
        .starts_with("250")
    );
    assert!(
        wait_until(SECS, || !sink.received().is_empty()),
        "{}",
        relay.log_text()
    );
    assert!(
        relay
            .log_text()
            .contains("relay=smart.partner.test[127.0.0.1]"),
        "{}",
        relay.log_text()
    );
}

/// Queued mail follows the configuration: a message deferred towards a wrong smart host
/// goes to the corrected one after a reload, at its next retry.
#[test]
fn queued_mail_is_rerouted_after_a_reload() {
    let sink = Sink::start();
    let wrong = free_port();
    let port = free_port();
    let connector = |p: u16| {
        format!(
            "InboundConnectors:\n  - {{ Name: From on-prem, ConnectorType: OnPremises, SenderIPAddresses: [127.0.0.1] }}\nOutboundConnectors:\n  - {{ Name: Partner, ConnectorType: Partner, SmartHosts: [\"127.0.0.1:{p}\"], RecipientDomains: [partner.test] }}\n"
        )
    };
    let (_dir, state) = state_dir(&org(port, &connector(wrong)));
    let relay = Relay::start(&state, &["--retry", "1s"]);
    let mut c = Client::hello(relay.addr());
    assert!(
        c.send(
            "a@contoso.test",
            &["b@partner.test"],
            "Subject: fix me\r\n\r\nx\r\n"
        )
        .starts_with("250")
    );
    assert!(
        wait_until(SECS, || relay.log_text().contains("result=\"deferred\"")),
        "{}",
        relay.log_text()
    );
    write_state(
        &state,
        &format!("revision: 5\n{}", org(port, &connector(sink.addr.port()))),
    );
    assert!(
        wait_until(SECS, || !sink.received().is_empty()),
        "{}",
        relay.log_text()
    );
    assert!(
        relay
            .log_text()
            .contains("rerouted under the current configuration")
    );
    assert!(wait_until(SECS, || relay.queued() == 0));
}

/// A certificate `relay.pem` (key `relay.key`) for `name`, signed by a test CA `ca.pem`.
fn make_ca_signed_cert(dir: &std::path::Path, name: &str) {
    let run = |args: &[&str]| {
        let out = std::process::Command::new("openssl")
            .args(args)
            .current_dir(dir)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "openssl {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    };
    let ec = [
        "-newkey",
        "ec",
        "-pkeyopt",
        "ec_paramgen_curve:prime256v1",
        "-nodes",
    ];
    run(&[
        &["req", "-x509"][..],
        &ec,
        &[
            "-days",
            "2",
            "-subj",
            "/CN=Test CA",
            "-keyout",
            "ca.key",
            "-out",
            "ca.pem",
        ],
    ]
    .concat());
    run(&[
        &["req"][..],
        &ec,
        &[
            "-subj",
            &format!("/CN={name}"),
            "-keyout",
            "relay.key",
            "-out",
            "relay.csr",
        ],
    ]
    .concat());
    std::fs::write(
        dir.join("ext.cnf"),
        format!(
            "subjectAltName=DNS:{name}\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n"
        ),
    )
    .unwrap();
    run(&[
        "x509",
        "-req",
        "-in",
        "relay.csr",
        "-CA",
        "ca.pem",
        "-CAkey",
        "ca.key",
        "-CAcreateserial",
        "-days",
        "2",
        "-out",
        "relay.pem",
        "-extfile",
        "ext.cnf",
    ]);
}

/// TlsSettings CertificateValidation and DomainValidation check the next hop's
/// certificate against the trusted roots (`--ca-file`) and TlsDomain; a failed check
/// defers the message and nothing goes in the clear.
#[test]
fn outbound_certificate_and_domain_validation() {
    if !have("openssl") {
        return;
    }
    let b_port = free_port();
    let certs = tempfile::tempdir().unwrap();
    make_ca_signed_cert(certs.path(), "mx.b.test");
    let b_body = org(b_port, "")
        .replace("Mailboxes:\n", "  - { Name: chain.contoso.test, DomainName: chain.contoso.test }\nMailboxes:\n  - { Name: Chain, PrimarySmtpAddress: c@chain.contoso.test }\n");
    let (_b_dir, b_state) = state_dir(&certified(&b_body, certs.path(), "mx.b.test"));
    let b = Relay::start(&b_state, &[]);
    let dns = Dns::start(Zone::default().a("mx.b.test", "127.0.0.1".parse().unwrap()));
    let a_port = free_port();
    let conn = |name: &str, host: &str, domain: &str, tls: &str| {
        format!(
            "  - {{ Name: {name}, ConnectorType: Partner, SmartHosts: [\"{host}:{b_port}\"], RecipientDomains: [{domain}], {tls} }}\n"
        )
    };
    let more = format!(
        "InboundConnectors:\n  - {{ Name: From on-prem, ConnectorType: OnPremises, SenderIPAddresses: [127.0.0.1] }}\nOutboundConnectors:\n{}{}{}",
        conn(
            "Good",
            "mx.b.test",
            "contoso.test",
            "TlsSettings: DomainValidation, TlsDomain: mx.b.test"
        ),
        // By IP: the name does not match, the chain does, and that is enough here.
        conn(
            "Chain",
            "127.0.0.1",
            "chain.contoso.test",
            "TlsSettings: CertificateValidation"
        ),
        conn(
            "WrongName",
            "mx.b.test",
            "wrong.contoso.test",
            "TlsSettings: DomainValidation, TlsDomain: other.b.test"
        ),
    );
    let a_body = format!(
        "{}{more}",
        org(a_port, "").replace("contoso.test", "a.test")
    );
    let (a_dir, a_state) = state_dir(&a_body);
    let ca = certs.path().join("ca.pem");
    let a = Relay::start(
        &a_state,
        &[
            "--dns",
            &dns.addr.to_string(),
            "--ca-file",
            ca.to_str().unwrap(),
        ],
    );
    let mut c = Client::hello(a.addr());
    assert!(
        c.send(
            "x@a.test",
            &["admin@contoso.test"],
            "Subject: validated\r\n\r\nx\r\n"
        )
        .starts_with("250")
    );
    assert!(
        c.send(
            "x@a.test",
            &["someone@wrong.contoso.test"],
            "Subject: wrong name\r\n\r\nx\r\n"
        )
        .starts_with("250")
    );
    assert!(
        wait_until(SECS, || b.maildir("admin@contoso.test", "new").len() == 1),
        "{}\n{}",
        a.log_text(),
        b.log_text()
    );
    assert!(b.maildir("admin@contoso.test", "new")[0].contains("with ESMTPS id"));
    assert!(
        c.send(
            "x@a.test",
            &["c@chain.contoso.test"],
            "Subject: chain only\r\n\r\nx\r\n"
        )
        .starts_with("250")
    );
    assert!(
        wait_until(SECS, || b.maildir("c@chain.contoso.test", "new").len() == 1),
        "{}",
        a.log_text()
    );
    assert!(
        wait_until(SECS, || a
            .log_text()
            .contains("rcpt=someone@wrong.contoso.test")
            && a.log_text().contains("result=\"deferred\"")),
        "{}",
        a.log_text()
    );
    assert!(
        a.log_text()
            .contains("certificate not valid for name \"other.b.test\""),
        "{}",
        a.log_text()
    );
    // Without the test CA among the trusted roots, CertificateValidation fails too.
    drop(c);
    let (_c_dir, c_state) =
        state_dir(&a_body.replace(&a_port.to_string(), &free_port().to_string()));
    let other = Relay::start(
        &c_state,
        &[
            "--dns",
            &dns.addr.to_string(),
            "--ca-file",
            a_dir.path().join("none.pem").to_str().unwrap(),
        ],
    );
    let mut c = Client::hello(other.addr());
    assert!(
        c.send(
            "x@a.test",
            &["c@chain.contoso.test"],
            "Subject: untrusted\r\n\r\nx\r\n"
        )
        .starts_with("250")
    );
    assert!(
        wait_until(SECS, || other.log_text().contains("result=\"deferred\"")),
        "{}",
        other.log_text()
    );
    assert!(
        other.log_text().contains("UnknownIssuer")
            || other.log_text().contains("invalid peer certificate"),
        "{}",
        other.log_text()
    );
}

/// A partner's domain restricted to its IPs (RestrictDomainsToIPAddresses): mail claiming
/// it from elsewhere is refused at MAIL FROM, on the wire and in Test-MessageRoute.
#[test]
fn partner_domain_restricted_to_its_addresses() {
    let port = free_port();
    let more = "InboundConnectors:\n  - { Name: ContosoBank, ConnectorType: Partner, SenderDomains: [contosobank.test], SenderIPAddresses: [203.0.113.0/24], RestrictDomainsToIPAddresses: true }\n";
    let (_dir, state) = state_dir(&org(port, more));
    let relay = Relay::start(&state, &[]);
    let mut c = Client::hello(relay.addr());
    let r = c.cmd("MAIL FROM:<pay@contosobank.test>");
    assert!(r.starts_with("550 5.7.1"), "{r}");
    assert!(
        c.cmd("MAIL FROM:<someone@elsewhere.test>")
            .starts_with("250")
    );
    assert!(relay.log_text().contains("RestrictDomainsToIPAddresses"));

    // Test-MessageRoute explains the same decision for either client.
    let route = |ip: &str| -> serde_json::Value {
        let args = [
            "Test-MessageRoute",
            "-Sender",
            "pay@contosobank.test",
            "-Recipients",
            "admin@contoso.test",
            "-ClientIP",
            ip,
            "-o",
            "json",
        ];
        serde_json::from_slice(&eopctl(&state, &args).stdout).unwrap()
    };
    let rows = route("192.0.2.1");
    assert_eq!(rows[0]["Action"], "Reject");
    assert_eq!(rows[0]["DecidedBy"], "InboundConnector \"ContosoBank\"");
    assert_eq!(route("203.0.113.5")[0]["Action"], "Deliver");
}
