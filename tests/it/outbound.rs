//! The outbound spam policy through the real relay: an on-premises server relays for a
//! sender who goes over its hourly limit (refused at the recipient over it with 550 5.1.8,
//! restricted, the admin told at a sink), Remove-BlockedSenderAddress lets it send again,
//! the counts survive a restart, and a burst of outbound spam is refused and stops the
//! sender.

use std::path::Path;
use std::time::Duration;

use crate::queue::json;
use crate::support::relay::{Relay, contoso, eopctl, eopctl_ok, free_port, state_dir, wait_until};
use crate::support::smtp::{Client, Sink};

const SECS: Duration = Duration::from_secs(20);

/// contoso.test with the relay's own address as an on-premises server, and every other
/// domain sent to `sink`.
fn org(port: u16, sink: &Sink) -> String {
    contoso(
        port,
        "",
        &format!(
            "InboundConnectors:\n  - {{ Name: From on-prem, ConnectorType: OnPremises, SenderIPAddresses: [127.0.0.1] }}\nOutboundConnectors:\n  - {{ Name: Out, ConnectorType: Partner, SmartHosts: [\"{}\"], RecipientDomains: [\"*\"] }}\n",
            sink.addr
        ),
    )
}

const NOTE: &str = "From: ann@contoso.test\r\nSubject: minutes\r\n\r\nThe minutes of today's meeting are attached.\r\n";

/// Whether the sink got a message for `rcpt` whose text has `needle`.
fn got(sink: &Sink, rcpt: &str, needle: &str) -> bool {
    sink.received()
        .iter()
        .any(|m| m.to.iter().any(|t| t == rcpt) && m.data.contains(needle))
}

fn blocked(state: &Path) -> Vec<serde_json::Value> {
    json(state, &["Get-BlockedSenderAddress"])
}

#[test]
fn over_the_hourly_limit_the_sender_is_restricted_until_removed_and_counts_survive_a_restart() {
    let sink = Sink::start();
    let port = free_port();
    let (_dir, state) = state_dir(&org(port, &sink));
    eopctl_ok(
        &state,
        &[
            "Set-HostedOutboundSpamFilterPolicy",
            "-Identity",
            "Default",
            "-RecipientLimitExternalPerHour",
            "100",
            "-ActionWhenThresholdReached",
            "BlockUser",
            "-NotifyOutboundSpamRecipients",
            "secops@sink.test",
        ],
    );
    let mut relay = Relay::start(&state, &[]);
    let mut c = Client::hello(relay.addr());
    assert!(c.cmd("MAIL FROM:<ann@contoso.test>").starts_with("250"));
    for i in 1..=100 {
        let reply = c.cmd(&format!("RCPT TO:<r{i}@fabrikam.test>"));
        assert!(reply.starts_with("250"), "recipient {i}: {reply}");
    }
    let reply = c.cmd("RCPT TO:<r101@fabrikam.test>");
    assert!(reply.starts_with("550 5.1.8"), "{reply}");
    assert!(c.cmd("DATA").starts_with("354"));
    c.raw(NOTE.as_bytes());
    assert!(c.cmd(".").starts_with("250"), "the 100 within the limit go");
    // The admin hears of it, at the sink, with the way to lift the restriction.
    assert!(
        wait_until(SECS, || got(
            &sink,
            "secops@sink.test",
            "Remove-BlockedSenderAddress -SenderAddress ann@contoso.test"
        )),
        "{:?}\n{}",
        sink.received(),
        relay.log_text()
    );
    assert!(wait_until(SECS, || got(
        &sink,
        "r100@fabrikam.test",
        "minutes"
    )));
    let list = blocked(&state);
    assert_eq!(list.len(), 1, "{list:?}");
    assert_eq!(list[0]["SenderAddress"], "ann@contoso.test");
    assert!(
        list[0]["Reason"]
            .as_str()
            .unwrap()
            .contains("RecipientLimitExternalPerHour 100"),
        "{list:?}"
    );
    assert!(list[0]["Expires"].is_null(), "BlockUser has no end");
    // Restricted: refused at MAIL FROM, on a new connection too.
    let mut c = Client::hello(relay.addr());
    let reply = c.cmd("MAIL FROM:<ann@contoso.test>");
    assert!(reply.starts_with("550 5.1.8"), "{reply}");
    assert!(
        relay
            .log_text()
            .contains("RecipientLimitExternalPerHour 100")
    );

    // A restart keeps both the restriction and the hour's count.
    relay.signal("TERM");
    assert_eq!(relay.wait_exit(SECS), Some(0), "{}", relay.log_text());
    let relay = Relay::start(&state, &[]);
    let mut c = Client::hello(relay.addr());
    assert!(
        c.cmd("MAIL FROM:<ann@contoso.test>")
            .starts_with("550 5.1.8")
    );
    eopctl_ok(
        &state,
        &[
            "Remove-BlockedSenderAddress",
            "-SenderAddress",
            "ann@contoso.test",
        ],
    );
    assert!(blocked(&state).is_empty());
    // Free again (no restart): the organisation's own recipients are counted apart...
    let mut c = Client::hello(relay.addr());
    assert!(c.cmd("MAIL FROM:<ann@contoso.test>").starts_with("250"));
    assert!(c.cmd("RCPT TO:<admin@contoso.test>").starts_with("250"));
    // ...but the hour's 100 external recipients were counted before the restart.
    let reply = c.cmd("RCPT TO:<late@fabrikam.test>");
    assert!(reply.starts_with("550 5.1.8"), "{reply}");
    // Another sender has its own count.
    let mut c = Client::hello(relay.addr());
    let reply = c.send("bob@contoso.test", &["x@fabrikam.test"], NOTE);
    assert!(reply.starts_with("250"), "{reply}");
}

const SPAM: &str = "From: Prize <win@contoso.test>\r\nSubject: Claim your prize\r\nContent-Type: text/html\r\n\r\n<p>Act now, winner!</p><div style=\"display:none\">x</div><a href=\"http://203.0.113.9/win\">win</a>\r\n";

#[test]
fn a_burst_of_outbound_spam_is_refused_copied_and_stops_the_sender() {
    let sink = Sink::start();
    let port = free_port();
    let (_dir, state) = state_dir(&org(port, &sink));
    eopctl_ok(
        &state,
        &[
            "Set-HostedOutboundSpamFilterPolicy",
            "-Identity",
            "Default",
            "-NotifyOutboundSpam",
            "$true",
            "-NotifyOutboundSpamRecipients",
            "secops@sink.test",
            "-BccSuspiciousOutboundMail",
            "$true",
            "-BccSuspiciousOutboundAdditionalRecipients",
            "review@sink.test",
        ],
    );
    let relay = Relay::start(&state, &[]);
    // Mail that is not spam leaves.
    let mut c = Client::hello(relay.addr());
    let reply = c.send("mallory@contoso.test", &["x@fabrikam.test"], NOTE);
    assert!(reply.starts_with("250"), "{reply}");
    for i in 0..3 {
        let mut c = Client::hello(relay.addr());
        let reply = c.send("mallory@contoso.test", &["victim@fabrikam.test"], SPAM);
        assert!(reply.starts_with("550 5.7.1"), "spam {i}: {reply}");
    }
    // Three spam messages in an hour: the sender is stopped altogether.
    let mut c = Client::hello(relay.addr());
    let reply = c.cmd("MAIL FROM:<mallory@contoso.test>");
    assert!(reply.starts_with("550 5.1.8"), "{reply}");
    let list = blocked(&state);
    assert_eq!(list.len(), 1, "{list:?}");
    assert!(
        list[0]["Reason"]
            .as_str()
            .unwrap()
            .contains("outbound spam messages"),
        "{list:?}"
    );
    assert!(
        !list[0]["Expires"].is_null(),
        "BlockUserForToday (the default) ends"
    );
    // The victims got nothing; the reviewers got copies, the admins the notices.
    assert!(wait_until(SECS, || {
        sink.received()
            .iter()
            .filter(|m| m.to.iter().any(|t| t == "review@sink.test"))
            .count()
            == 3
    }));
    assert!(wait_until(SECS, || got(
        &sink,
        "secops@sink.test",
        "User restricted from sending email"
    )));
    assert!(got(&sink, "secops@sink.test", "was scored as spam"));
    assert!(got(&sink, "x@fabrikam.test", "minutes"));
    assert!(
        !sink
            .received()
            .iter()
            .any(|m| m.to.iter().any(|t| t == "victim@fabrikam.test"))
    );
    // Test-MessageRoute names the policy and the limit an outbound recipient counts against.
    let out = eopctl(
        &state,
        &[
            "Test-MessageRoute",
            "-Sender",
            "mallory@contoso.test",
            "-Recipients",
            "y@fabrikam.test",
            "-ClientIP",
            "127.0.0.1",
            "-o",
            "json",
        ],
    );
    let rows: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        rows[0]["OutboundSpamFilterPolicy"],
        "HostedOutboundSpamFilterPolicy \"Default\": no enabled HostedOutboundSpamFilterRule names the sender"
    );
    assert!(
        rows[0]["OutboundLimit"]
            .as_str()
            .unwrap()
            .starts_with("RecipientLimitExternalPerHour 10000 (1 sent in the last hour)"),
        "{rows}"
    );
    assert!(rows[0]["SenderRestricted"].is_string(), "{rows}");
}

/// A hosted mailbox's mail forwarded outside by a rule (eopctl's SMTP forwarding) stays
/// home while AutoForwardingMode is Automatic (now Off), and leaves once it is On.
#[test]
fn automatic_external_forwarding_follows_auto_forwarding_mode() {
    let sink = Sink::start();
    let port = free_port();
    let (_dir, state) = state_dir(&format!(
        "{}TransportRules:\n  - {{ Name: Forward, Conditions: {{ SentTo: [admin@contoso.test] }}, Actions: {{ RedirectMessageTo: [home@fabrikam.test] }} }}\n",
        org(port, &sink)
    ));
    let relay = Relay::start(&state, &[]);
    let mail = "From: carol@contoso.test\r\nSubject: forward me\r\n\r\nhello\r\n";
    let mut c = Client::hello(relay.addr());
    assert!(
        c.send("carol@contoso.test", &["admin@contoso.test"], mail)
            .starts_with("250")
    );
    assert!(wait_until(SECS, || relay
        .maildir("admin@contoso.test", "new")
        .len()
        == 1));
    assert!(
        relay.log_text().contains("AutoForwardingMode Automatic"),
        "{}",
        relay.log_text()
    );
    eopctl_ok(
        &state,
        &[
            "Set-HostedOutboundSpamFilterPolicy",
            "-Identity",
            "Default",
            "-AutoForwardingMode",
            "On",
        ],
    );
    assert!(wait_until(SECS, || relay
        .log_text()
        .contains("configuration reloaded")));
    let mut c = Client::hello(relay.addr());
    assert!(
        c.send("carol@contoso.test", &["admin@contoso.test"], mail)
            .starts_with("250")
    );
    assert!(wait_until(SECS, || got(
        &sink,
        "home@fabrikam.test",
        "forward me"
    )));
    assert_eq!(
        relay.maildir("admin@contoso.test", "new").len(),
        1,
        "redirected, not kept"
    );
    assert!(sink.received().len() == 1, "the first one never left");
}
