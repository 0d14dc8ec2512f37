//! Validate-OutboundConnector, Validate-InboundConnector and Test-MailFlow against real
//! sockets: sinks with and without STARTTLS, a certificate for the wrong name, a port
//! nobody listens on, Postfix as the smart host, and a running relay whose message trace
//! proves each direction of mail flow.

use std::path::Path;
use std::time::Duration;

use serde_json::Value;

use crate::support::pki::{Kind, Pki};
use crate::support::postfix::Postfix;
use crate::support::relay::{Relay, eopctl, free_port, have, state_dir, wait_until};
use crate::support::smtp::Sink;

/// Exit code, JSON rows (when stdout is JSON) and stderr of a run.
fn run(state: &Path, args: &[&str]) -> (i32, Vec<Value>, String) {
    let out = eopctl(state, args);
    let stdout = String::from_utf8_lossy(&out.stdout).to_string();
    let rows = serde_json::from_str(&stdout).unwrap_or_default();
    (
        out.status.code().unwrap_or(-1),
        rows,
        String::from_utf8_lossy(&out.stderr).to_string(),
    )
}

/// Validate-OutboundConnector of "To fabrikam" with `more` parameters, as JSON.
fn validate(state: &Path, more: &[&str]) -> (i32, Vec<Value>, String) {
    let mut args = vec![
        "Validate-OutboundConnector",
        "-Identity",
        "To fabrikam",
        "-o",
        "json",
    ];
    args.extend_from_slice(more);
    run(state, &args)
}

/// The Result of `step` in the rows, if the step ran.
fn result<'a>(rows: &'a [Value], step: &str) -> Option<&'a str> {
    rows.iter()
        .find(|r| r["Parameter"] == step)
        .and_then(|r| r["Severity"].as_str())
}

/// An organisation with one Partner outbound connector to `host:port` for fabrikam.test
/// (with `extra` settings), plus `more`.
fn org(port: u16, extra: &str, more: &str) -> String {
    format!(
        r#"
AcceptedDomains:
  - {{ Name: contoso.test, DomainName: contoso.test, Default: true }}
OutboundConnectors:
  - {{ Name: To fabrikam, ConnectorType: Partner, SmartHosts: ["127.0.0.1:{port}"], RecipientDomains: [fabrikam.test]{extra} }}
{more}"#
    )
}

#[test]
fn a_plain_smart_host_passes_and_takes_the_test_message() {
    let sink = Sink::start();
    let (_dir, state) = state_dir(&org(sink.addr.port(), "", ""));
    let (code, rows, err) = validate(&state, &["-Recipients", "ann@fabrikam.test"]);
    assert_eq!(code, 0, "{rows:?}\n{err}");
    for step in ["Connect", "Banner", "EHLO", "Send", "QUIT"] {
        assert_eq!(result(&rows, step), Some("Pass"), "{step}: {rows:?}");
    }
    // Opportunistic TLS: a host without STARTTLS is not a failure.
    assert_eq!(result(&rows, "STARTTLS"), Some("Skipped"), "{rows:?}");
    let got = sink.received();
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].to, ["ann@fabrikam.test"]);
    assert!(got[0].data.contains("Subject: eopctl connector validation"));
    assert!(got[0].data.contains("To fabrikam"));

    // Without -Recipients nothing is sent, and the table says so.
    let (code, rows, _) = validate(&state, &[]);
    assert_eq!(code, 0);
    assert_eq!(result(&rows, "Send"), Some("Skipped"));
    assert_eq!(sink.received().len(), 1);
}

#[test]
fn required_tls_against_a_host_without_starttls_fails_at_starttls() {
    let sink = Sink::start();
    let (_dir, state) = state_dir(&org(sink.addr.port(), ", TlsSettings: EncryptionOnly", ""));
    let (code, rows, err) = validate(&state, &["-Recipients", "ann@fabrikam.test"]);
    assert_eq!(code, 1, "{rows:?}\n{err}");
    assert_eq!(result(&rows, "STARTTLS"), Some("Error"), "{rows:?}");
    // A failed step ends that host: no test message.
    assert_eq!(result(&rows, "Send"), None);
    assert!(sink.received().is_empty());
    assert!(
        err.contains("OutboundConnector \"To fabrikam\": STARTTLS failed"),
        "{err}"
    );
    assert!(err.contains("set -TlsSettings $null"), "{err}");
}

#[test]
fn domain_validation_fails_on_a_certificate_for_another_name_and_passes_on_its_own() {
    let pki = Pki::new();
    pki.issue("sink", "wrong.fabrikam.test", Kind::Valid);
    let sink = Sink::start_tls(
        &pki.path("sink.pem"),
        &pki.path("sink.key"),
        &pki.path("ca.pem"),
    );
    let more = format!("Certificates:\n{}", pki.trusted_ca());
    let (_dir, state) = state_dir(&org(
        sink.addr.port(),
        ", TlsSettings: DomainValidation, TlsDomain: mail.fabrikam.test",
        &more,
    ));
    let args = ["-Recipients", "ann@fabrikam.test"];
    let (code, rows, err) = validate(&state, &args);
    assert_eq!(code, 1, "{rows:?}\n{err}");
    assert_eq!(result(&rows, "Certificate"), Some("Error"), "{rows:?}");
    assert!(
        err.contains("set -TlsDomain to a name on the certificate"),
        "{err}"
    );
    assert!(sink.received().is_empty());

    let (code, _, err) = run(
        &state,
        &[
            "Set-OutboundConnector",
            "-Identity",
            "To fabrikam",
            "-TlsDomain",
            "wrong.fabrikam.test",
        ],
    );
    assert_eq!(code, 0, "{err}");
    let (code, rows, err) = validate(&state, &args);
    assert_eq!(code, 0, "{rows:?}\n{err}");
    assert_eq!(result(&rows, "STARTTLS"), Some("Pass"));
    let cert = rows
        .iter()
        .find(|r| r["Parameter"] == "Certificate")
        .unwrap();
    assert_eq!(cert["Severity"], "Pass");
    assert!(
        cert["Message"]
            .as_str()
            .unwrap()
            .contains("wrong.fabrikam.test"),
        "{cert}"
    );
    assert_eq!(sink.received().len(), 1);

    // A certificate from a CA nobody trusts fails CertificateValidation.
    pki.issue("self", "wrong.fabrikam.test", Kind::SelfSigned);
    let untrusted = Sink::start_tls(
        &pki.path("self.pem"),
        &pki.path("self.key"),
        &pki.path("ca.pem"),
    );
    let (_dir2, state2) = state_dir(&org(
        untrusted.addr.port(),
        ", TlsSettings: CertificateValidation",
        &more,
    ));
    let (code, rows, err) = validate(&state2, &args);
    assert_eq!(code, 1, "{rows:?}");
    assert_eq!(result(&rows, "Certificate"), Some("Error"), "{rows:?}");
    assert!(err.contains("Import-ExchangeCertificate"), "{err}");
}

#[test]
fn a_refused_connection_fails_at_connect() {
    let (_dir, state) = state_dir(&org(free_port(), "", ""));
    let (code, rows, err) = validate(&state, &["-Timeout", "5s"]);
    assert_eq!(code, 1, "{rows:?}");
    assert_eq!(result(&rows, "Resolve"), Some("Pass"));
    assert_eq!(result(&rows, "Connect"), Some("Error"), "{rows:?}");
    assert_eq!(result(&rows, "Banner"), None);
    assert!(err.contains("Connect failed"), "{err}");
    assert!(err.contains("help: nothing accepts connections"), "{err}");
}

#[test]
fn postfix_as_the_smart_host_gets_the_test_message_in_its_maildir() {
    if !have("postfix") {
        return;
    }
    let pf_port = free_port();
    let postfix = Postfix::start(pf_port, free_port(), "127.0.0.1");
    let body = org(pf_port, "", "").replace("fabrikam.test", "onprem.contoso.test");
    let (_dir, state) = state_dir(&body);
    let (code, rows, err) = validate(&state, &["-Recipients", "bob@onprem.contoso.test"]);
    assert_eq!(code, 0, "{rows:?}\n{err}\n{}", postfix.log());
    let banner = rows.iter().find(|r| r["Parameter"] == "Banner").unwrap();
    assert!(
        banner["Message"].as_str().unwrap().starts_with("220"),
        "{banner}"
    );
    assert!(
        wait_until(Duration::from_secs(20), || postfix.bob().len() == 1),
        "{}",
        postfix.log()
    );
    assert!(postfix.bob()[0].contains("Subject: eopctl connector validation"));
}

#[test]
fn inbound_connector_checks_and_client_identification() {
    let body = r#"
AcceptedDomains:
  - { Name: contoso.test, DomainName: contoso.test, Default: true }
InboundConnectors:
  - { Name: Partner, ConnectorType: Partner, SenderDomains: ["*"], SenderIPAddresses: [10.1.2.3, 203.0.113.0/24] }
  - { Name: On-prem, ConnectorType: OnPremises, TlsSenderCertificateName: mail.contoso.test, RequireTls: true }
"#;
    let (_dir, state) = state_dir(body);
    let (code, rows, err) = run(
        &state,
        &[
            "Validate-InboundConnector",
            "-Identity",
            "Partner",
            "-ClientIP",
            "203.0.113.9",
            "-o",
            "json",
        ],
    );
    assert_eq!(code, 0, "{rows:?}\n{err}");
    let private = rows.iter().find(|r| r["Object"] == "10.1.2.3").unwrap();
    assert_eq!(private["Severity"], "Warning");
    assert_eq!(result(&rows, "Identify"), Some("Pass"));

    // An address another connector (or none) identifies fails, naming who does.
    let (code, rows, err) = run(
        &state,
        &[
            "Validate-InboundConnector",
            "-Identity",
            "Partner",
            "-ClientIP",
            "198.51.100.1",
            "-o",
            "json",
        ],
    );
    assert_eq!(code, 1, "{rows:?}");
    assert_eq!(result(&rows, "Identify"), Some("Error"));
    assert!(
        err.contains("add 198.51.100.1 to -SenderIPAddresses"),
        "{err}"
    );

    // RequireTls with no certificate for STARTTLS on any receive connector.
    let (code, rows, err) = run(
        &state,
        &[
            "Validate-InboundConnector",
            "-Identity",
            "On-prem",
            "-o",
            "json",
        ],
    );
    assert_eq!(code, 1, "{rows:?}");
    assert_eq!(result(&rows, "TlsSenderCertificateName"), Some("Pass"));
    assert_eq!(result(&rows, "RelayCertificate"), Some("Error"));
    assert!(err.contains("TlsCertificateName"), "{err}");
}

/// The organisation of the mail flow tests: a hosted mailbox, an on-premises domain behind
/// `onprem`, the Internet (fabrikam.test) behind `external`, on-premises at 127.0.0.2.
fn flow_org(port: u16, onprem: u16, external: u16) -> String {
    format!(
        r#"
AcceptedDomains:
  - {{ Name: contoso.test, DomainName: contoso.test, Default: true }}
  - {{ Name: onprem, DomainName: onprem.contoso.test, DomainType: InternalRelay }}
Mailboxes:
  - {{ Name: Admin, PrimarySmtpAddress: admin@contoso.test }}
ReceiveConnectors:
  - {{ Name: Default, Bindings: ["127.0.0.1:{port}"] }}
InboundConnectors:
  - {{ Name: From on-prem, ConnectorType: OnPremises, SenderIPAddresses: [127.0.0.2] }}
OutboundConnectors:
  - {{ Name: To on-prem, ConnectorType: OnPremises, SmartHosts: ["127.0.0.1:{onprem}"], RecipientDomains: [onprem.contoso.test] }}
  - {{ Name: Internet, ConnectorType: Partner, SmartHosts: ["127.0.0.1:{external}"], RecipientDomains: [fabrikam.test] }}
"#
    )
}

#[test]
fn mail_flow_in_every_direction_is_proven_by_the_trace() {
    let (onprem, external) = (Sink::start(), Sink::start());
    let port = free_port();
    let (_dir, state) = state_dir(&flow_org(port, onprem.addr.port(), external.addr.port()));
    let relay = Relay::start(&state, &[]);
    let (code, rows, err) = run(&state, &["Test-MailFlow", "-Timeout", "30s", "-o", "json"]);
    assert_eq!(code, 0, "{rows:?}\n{err}\n{}", relay.log_text());
    let by = |d: &str| rows.iter().find(|r| r["Direction"] == d).unwrap().clone();
    let hosted = by("InternetToHosted");
    assert_eq!(hosted["Result"], "Delivered", "{hosted}");
    assert_eq!(hosted["Recipient"], "admin@contoso.test");
    for d in [
        "InternetToOnPremises",
        "OnPremisesToInternet",
        "HostedToOnPremises",
    ] {
        let r = by(d);
        assert_eq!(r["Result"], "Sent", "{r}");
        assert!(r["LatencyMs"].as_i64().is_some(), "{r}");
        assert!(
            r["Detail"].as_str().unwrap().starts_with("Send external"),
            "{r}"
        );
    }
    // The latency is the relay's own: from the trace's Receive event to its Deliver event.
    let trace = run(
        &state,
        &[
            "Get-MessageTrace",
            "-RecipientAddress",
            "admin@contoso.test",
            "-o",
            "json",
        ],
    )
    .1;
    let id = trace[0]["MessageTraceId"].as_str().unwrap();
    let events = run(
        &state,
        &[
            "Get-MessageTraceDetail",
            "-MessageTraceId",
            id,
            "-RecipientAddress",
            "admin@contoso.test",
            "-o",
            "json",
        ],
    )
    .1;
    let at = |event: &str| {
        let e = events
            .iter()
            .find(|e| e["Event"] == event)
            .unwrap_or_else(|| panic!("{event}: {events:?}"));
        chrono::DateTime::parse_from_rfc3339(e["Date"].as_str().unwrap())
            .unwrap()
            .timestamp_millis()
    };
    assert_eq!(
        hosted["LatencyMs"].as_i64(),
        Some(at("Deliver") - at("Receive")),
        "{hosted}\n{events:?}"
    );
    assert_eq!(relay.maildir("admin@contoso.test", "new").len(), 1);
    // Two messages to on-premises (from the Internet and from the hosted mailbox), one out.
    assert_eq!(onprem.received().len(), 2);
    let out = external.received();
    assert_eq!(out.len(), 1);
    assert_eq!(out[0].to, ["postmaster@fabrikam.test"]);
    assert!(out[0].data.contains("OnPremisesToInternet"));
}

#[test]
fn a_direction_whose_next_hop_is_down_times_out_and_fails_the_run() {
    let onprem = Sink::start();
    let port = free_port();
    let (_dir, state) = state_dir(&flow_org(port, onprem.addr.port(), free_port()));
    let relay = Relay::start(&state, &[]);
    let (code, rows, err) = run(
        &state,
        &[
            "Test-MailFlow",
            "-Directions",
            "OnPremisesToInternet,InternetToOnPremises",
            "-Timeout",
            "5s",
            "-o",
            "json",
        ],
    );
    assert_eq!(code, 1, "{rows:?}\n{err}");
    assert_eq!(rows.len(), 2);
    let down = rows
        .iter()
        .find(|r| r["Direction"] == "OnPremisesToInternet")
        .unwrap();
    assert_eq!(down["Result"], "Timeout", "{down}");
    assert!(
        down["Detail"].as_str().unwrap().starts_with("Defer"),
        "{down}"
    );
    // The test message does not wait in the queue for days to bounce to a real mailbox.
    assert!(
        down["Detail"]
            .as_str()
            .unwrap()
            .contains("removed from the queue"),
        "{down}"
    );
    assert_eq!(relay.queued(), 0, "{}", relay.log_text());
    let up = rows
        .iter()
        .find(|r| r["Direction"] == "InternetToOnPremises")
        .unwrap();
    assert_eq!(up["Result"], "Sent", "{up}");
    assert!(err.contains("OnPremisesToInternet"), "{err}");
}

#[test]
fn test_mail_flow_without_a_relay_fails_at_the_relay() {
    let (_dir, state) = state_dir(&flow_org(free_port(), free_port(), free_port()));
    let (code, rows, err) = run(
        &state,
        &[
            "Test-MailFlow",
            "-Directions",
            "InternetToHosted",
            "-Timeout",
            "2s",
            "-o",
            "json",
        ],
    );
    assert_eq!(code, 1, "{rows:?}");
    assert_eq!(rows[0]["Result"], "Failed");
    assert!(
        rows[0]["Detail"].as_str().unwrap().contains("the relay"),
        "{err}"
    );
}

/// With UseMXRecord, the hosts are the MX hosts of the recipients' domain, looked up
/// through the DNS server the relay would ask (--dns) and reached on --smtp-port.
#[test]
fn mx_hosts_are_found_through_the_relays_dns() {
    let sink = Sink::start();
    let zone = crate::support::dns::Zone::default()
        .mx("fabrikam.test", 10, "mx.fabrikam.test")
        .a("mx.fabrikam.test", std::net::Ipv4Addr::LOCALHOST);
    let dns = crate::support::dns::Dns::start(zone);
    let body = org(0, "", "").replace(r#"SmartHosts: ["127.0.0.1:0"]"#, "UseMXRecord: true");
    let (_dir, state) = state_dir(&body);
    let (dns_addr, port) = (dns.addr.to_string(), sink.addr.port().to_string());
    let (code, rows, err) = validate(
        &state,
        &[
            "-Recipients",
            "ann@fabrikam.test",
            "--dns",
            &dns_addr,
            "--smtp-port",
            &port,
        ],
    );
    assert_eq!(code, 0, "{rows:?}\n{err}");
    let mx = rows.iter().find(|r| r["Parameter"] == "MX").unwrap();
    assert_eq!(mx["Message"], "mx.fabrikam.test", "{mx}");
    assert_eq!(result(&rows, "Resolve"), Some("Pass"));
    assert_eq!(sink.received().len(), 1);

    // A domain the DNS does not know fails at MX.
    let (code, rows, err) = validate(
        &state,
        &["-Recipients", "ann@nowhere.test", "--dns", &dns_addr],
    );
    assert_eq!(code, 1, "{rows:?}");
    assert_eq!(result(&rows, "MX"), Some("Error"));
    assert!(err.contains("no such domain"), "{err}");
}

/// A connector with TlsCertificateName presents that certificate, as delivery would, and
/// the smart host sees it.
#[test]
fn the_connectors_client_certificate_is_presented() {
    let pki = Pki::new();
    pki.issue("sink", "mail.fabrikam.test", Kind::Valid);
    pki.issue("client", "relay.contoso.test", Kind::Valid);
    let sink = Sink::start_tls(
        &pki.path("sink.pem"),
        &pki.path("sink.key"),
        &pki.path("ca.pem"),
    );
    let more = format!(
        "Certificates:\n{}{}",
        pki.entry(1, "client", "relay.contoso.test"),
        pki.trusted_ca()
    );
    let (_dir, state) = state_dir(&org(
        sink.addr.port(),
        ", TlsSettings: CertificateValidation, TlsCertificateName: relay.contoso.test",
        &more,
    ));
    let (code, rows, err) = validate(&state, &["-Recipients", "ann@fabrikam.test"]);
    assert_eq!(code, 0, "{rows:?}\n{err}");
    let client = rows
        .iter()
        .find(|r| r["Parameter"] == "ClientCertificate")
        .unwrap();
    assert!(
        client["Message"]
            .as_str()
            .unwrap()
            .contains(&format!("{:040X}", 1)),
        "{client}"
    );
    let got = sink.received();
    assert_eq!(got.len(), 1);
    assert!(got[0].client_certificate);
}

/// When no address of the OnPremises connector is on this machine and no certificate can
/// stand in, the on-premises direction is Skipped with why, which is not a failure.
#[test]
fn on_premises_direction_is_skipped_when_this_machine_cannot_be_on_premises() {
    let port = free_port();
    let body = flow_org(port, free_port(), free_port()).replace("[127.0.0.2]", "[198.51.100.5]");
    let (_dir, state) = state_dir(&body);
    let (code, rows, err) = run(
        &state,
        &[
            "Test-MailFlow",
            "-Directions",
            "OnPremisesToInternet",
            "-o",
            "json",
        ],
    );
    assert_eq!(code, 0, "{rows:?}\n{err}");
    assert_eq!(rows[0]["Result"], "Skipped");
    assert!(
        rows[0]["Detail"]
            .as_str()
            .unwrap()
            .contains("cannot send as the on-premises server"),
        "{rows:?}"
    );
}
