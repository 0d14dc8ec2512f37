//! Exchange's everyday forms, typed as its reference pages write them: `-Filter` (OPATH)
//! on the queue and recipient cmdlets, send and receive connectors by usage type, a send
//! connector's size limit and inactivity timeout acting in the relay, accepted domains
//! that match their subdomains, Test-MailFlow -TargetEmailAddress, the paging and
//! filters of Get-QuarantineMessage, and the parameters Exchange has that eopctl does not.

use std::time::Duration;

use crate::queue::{SECS, json, org};
use crate::support::Org;
use crate::support::relay::*;
use crate::support::smtp::Client;

/// Sends one message from the admin to `to`; its queue id.
fn send(relay: &Relay, to: &str) -> String {
    let mut c = Client::hello(relay.addr());
    let end = c.send(
        "admin@contoso.test",
        &[to],
        "Subject: filter test\r\n\r\nbody\r\n",
    );
    assert!(end.starts_with("250 2.6.0 Queued as "), "{end}");
    end.trim()["250 2.6.0 Queued as ".len()..].to_string()
}

#[test]
fn opath_filters_choose_queues_and_messages() {
    let down = format!("127.0.0.1:{}", free_port());
    let (_dir, state) = state_dir(&org(free_port(), &down));
    let relay = Relay::start(&state, &["--retry", "1h"]);
    let a = send(&relay, "a@partner.test");
    let b = send(&relay, "b@partner.test");
    assert!(
        wait_until(SECS, || json(
            &state,
            &[
                "Get-Queue",
                "-Filter",
                "MessageCount -eq 2 -and Status -eq 'Retry'"
            ]
        )
        .len()
            == 1),
        "{}",
        relay.log_text()
    );
    assert!(json(&state, &["Get-Queue", "-Filter", "MessageCount -gt 5"]).is_empty());
    let mine = |filter: &str| -> Vec<String> {
        json(&state, &["Get-QueueMessage", "-Filter", filter])
            .iter()
            .map(|m| m["Identity"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(mine("Recipients -like 'a@*'"), std::slice::from_ref(&a));
    assert_eq!(
        mine("DateReceived -gt '01/01/2020' -and -not (Recipients -like 'a@*')"),
        std::slice::from_ref(&b)
    );

    // Actions on what a filter matches.
    eopctl_ok(
        &state,
        &["Suspend-Message", "-Filter", "Recipients -like 'a@*'"],
    );
    assert_eq!(mine("Status -eq 'Suspended'"), std::slice::from_ref(&a));
    eopctl_ok(
        &state,
        &[
            "-Command",
            "Resume-Message -Filter \"Status -eq 'Suspended'\"",
        ],
    );
    assert!(mine("Status -eq 'Suspended'").is_empty());
    let retried = json(&state, &["Retry-Queue", "-Filter", "Status -eq 'Retry'"]);
    assert_eq!(retried.len(), 1, "{retried:?}");
    eopctl_ok(
        &state,
        &[
            "Remove-Message",
            "-Filter",
            "FromAddress -eq 'admin@contoso.test' -and Recipients -like 'b@*'",
            "-WithNDR",
            "$false",
        ],
    );
    assert!(
        wait_until(SECS, || mine("FromAddress -like '*'") == [a.clone()]),
        "{:?}",
        mine("FromAddress -like '*'")
    );

    // A misspelt property is named, with the ones there are.
    let out = eopctl(&state, &["Get-Queue", "-Filter", "Stauts -eq 'Retry'"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("no property Stauts"), "{err}");
    assert!(
        err.contains("help: filter on one of: Identity, DeliveryType, Status"),
        "{err}"
    );
    // Identity or Filter, not both.
    let out = eopctl(
        &state,
        &[
            "Suspend-Message",
            "-Identity",
            &a,
            "-Filter",
            "Status -eq 'Retry'",
        ],
    );
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn recipients_filter_by_their_properties() {
    let org = Org::with_domains();
    for (name, address) in [("Ann", "ann@contoso.com"), ("Bob", "bob@fabrikam.com")] {
        org.run(&[
            "New-MailUser",
            "-Name",
            name,
            "-PrimarySmtpAddress",
            address,
        ])
        .ok();
        org.run(&[
            "New-Mailbox",
            "-Name",
            &format!("{name} box"),
            "-PrimarySmtpAddress",
            &address.replace('@', ".box@"),
        ])
        .ok();
    }
    let users = org
        .run(&[
            "Get-MailUser",
            "-Filter",
            "PrimarySmtpAddress -like '*@fabrikam.com'",
            "-o",
            "json",
        ])
        .ok()
        .json();
    assert_eq!(users.as_array().unwrap().len(), 1, "{users}");
    assert_eq!(users[0]["Name"], "Bob");
    let run = org
        .run(&[
            "-Command",
            "Get-Mailbox -Filter \"Name -eq 'Ann box' -or Name -eq 'nobody'\" | Measure-Object",
        ])
        .ok();
    assert!(run.stdout.contains("Count : 1"), "{}", run.stdout);
    org.run(&["Get-Mailbox", "-Filter", "Alias -eq 'ann'"])
        .fails(2)
        .stderr_has("no property Alias")
        .stderr_has(
            "help: filter on one of: Name, DisplayName, PrimarySmtpAddress, EmailAddresses",
        );
    org.run(&["Get-MailUser", "-Filter", "Name -eq"])
        .fails(2)
        .stderr_has("expected a value to compare Name with");
}

#[test]
fn connectors_by_usage_type_get_exchanges_defaults() {
    let org = Org::with_domains();
    // New-SendConnector's Example 1, as the page writes it.
    org.run(&[
        "-Command",
        "New-SendConnector -Internet -Name MySendConnector -AddressSpaces contoso.com,fabrikam.com",
    ])
    .ok();
    org.run(&[
        "New-SendConnector",
        "-Usage",
        "Internet",
        "-Name",
        "X",
        "-AddressSpaces",
        "*",
        "-SmartHosts",
        "relay.contoso.com",
    ])
    .fails(2)
    .stderr_has("-SmartHosts does not apply");
    org.run(&[
        "New-SendConnector",
        "-Usage",
        "Internal",
        "-Name",
        "X",
        "-AddressSpaces",
        "*",
    ])
    .fails(2)
    .stderr_has("help: give the servers with -SmartHosts");
    let partner = org
        .run(&[
            "New-SendConnector",
            "-Partner",
            "-Name",
            "P",
            "-AddressSpaces",
            "partner.test",
            "-o",
            "json",
        ])
        .ok()
        .json();
    assert_eq!(partner[0]["RequireTLS"], true);
    assert_eq!(partner[0]["TlsAuthLevel"], "CertificateValidation");

    // Set-SendConnector's limits and DNS routing.
    org.run(&["-Command", "Set-SendConnector MySendConnector -MaxMessageSize 10MB -ConnectionInactivityTimeOut 00:02:00"])
        .ok();
    let text = org.state_text();
    assert!(
        text.contains("ConnectionInactivityTimeOut: \"00:02:00\""),
        "{text}"
    );
    assert!(text.contains("MaxMessageSize: 10 MB"), "{text}");
    org.run(&[
        "Set-SendConnector",
        "MySendConnector",
        "-DNSRoutingEnabled",
        "$false",
    ])
    .fails(2)
    .stderr_has("-DNSRoutingEnabled $false needs smart hosts");
    org.run(&[
        "Set-SendConnector",
        "MySendConnector",
        "-DNSRoutingEnabled",
        "$false",
        "-SmartHosts",
        "relay.contoso.com",
    ])
    .ok();
    org.run(&[
        "Set-SendConnector",
        "MySendConnector",
        "-DNSRoutingEnabled",
        "$true",
    ])
    .ok();
    assert!(!org.state_text().contains("relay.contoso.com"));

    // New-ReceiveConnector's usage types: fixed bindings, required and forbidden ranges.
    let client = org
        .run(&[
            "New-ReceiveConnector",
            "-Name",
            "Clients",
            "-Usage",
            "Client",
            "-RemoteIPRanges",
            "10.0.0.0/8",
            "-o",
            "json",
        ])
        .ok()
        .json();
    assert_eq!(client[0]["Bindings"][0], "0.0.0.0:587");
    // Exchange's Client defaults: authenticated users only, AUTH under TLS.
    assert_eq!(
        client[0]["AuthMechanism"],
        "Tls, BasicAuth, BasicAuthRequireTLS"
    );
    assert_eq!(client[0]["PermissionGroups"], "ExchangeUsers");
    org.run(&[
        "New-ReceiveConnector",
        "-Name",
        "I",
        "-Internal",
        "-RemoteIPRanges",
        "10.0.0.0/8",
        "-Bindings",
        "0.0.0.0:2525",
    ])
    .fails(2)
    .stderr_has("-Bindings is fixed at 0.0.0.0:25");
    org.run(&[
        "New-ReceiveConnector",
        "-Name",
        "N",
        "-Usage",
        "Internet",
        "-Bindings",
        "0.0.0.0:25",
        "-RemoteIPRanges",
        "10.0.0.0/8",
    ])
    .fails(2)
    .stderr_has("-RemoteIPRanges does not apply");
    // The reference page's Example 1.
    org.run(&["-Command", "New-ReceiveConnector -Name Test -Usage Custom -Bindings 10.10.1.1:25 -RemoteIPRanges 192.168.0.1-192.168.0.24"])
        .ok();
    org.run(&[
        "New-ReceiveConnector",
        "-Name",
        "P",
        "-Partner",
        "-Bindings",
        "0.0.0.0:26",
    ])
    .fails(2)
    .stderr_has("-RemoteIPRanges is required");
}

#[test]
fn accepted_domains_match_their_subdomains_when_asked() {
    let org = Org::new();
    org.run(&[
        "-Command",
        "New-AcceptedDomain -Name Contoso -DomainName contoso.com -DomainType InternalRelay",
    ])
    .ok();
    org.run(&["-Command", "New-OutboundConnector -Name \"To on-premises\" -ConnectorType OnPremises -SmartHosts mail.contoso.com -AllAcceptedDomains $true"])
        .ok();
    let route = |rcpt: &str| {
        org.run(&[
            "Test-MessageRoute",
            "-Sender",
            "x@fabrikam.test",
            "-Recipients",
            rcpt,
            "-ClientIP",
            "203.0.113.9",
            "-o",
            "json",
        ])
        .ok()
        .json()
    };
    // Not accepted: an anonymous client may not relay to it.
    let refused = route("ann@sales.contoso.com");
    assert_eq!(
        refused[0]["Reply"], "550 5.7.1 Relaying denied",
        "{refused}"
    );
    org.run(&[
        "-Command",
        "Set-AcceptedDomain -Identity Contoso -MatchSubDomains $true",
    ])
    .ok();
    // Accepted and routed as contoso.com: on to the on-premises server.
    let routed = route("ann@sales.contoso.com");
    assert_eq!(routed[0]["Class"], "UnknownInAcceptedDomain", "{routed}");
    assert_eq!(
        routed[0]["Via"], "OutboundConnector \"To on-premises\"",
        "{routed}"
    );
    assert!(org.state_text().contains("MatchSubDomains: true"));
    // Only for InternalRelay domains, as in Exchange Online.
    org.run(&[
        "Set-AcceptedDomain",
        "-Identity",
        "Contoso",
        "-DomainType",
        "Authoritative",
    ])
    .fails(6)
    .stderr_has("MatchSubDomains is true but DomainType is Authoritative");
}

/// A listener for `port`, on-premises relaying from 127.0.0.1, and a send connector to
/// `hop` for partner.test with a 1 KB limit and a 2 s inactivity timeout.
fn limited(port: u16, hop: &str) -> String {
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
SendConnectors:
  - {{ Name: Partner, AddressSpaces: [partner.test], SmartHosts: ["{hop}"], MaxMessageSize: 1KB, ConnectionInactivityTimeOut: "00:00:02" }}
"#
    )
}

#[test]
fn a_send_connectors_size_limit_and_timeout_act_in_the_relay() {
    let silent = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let hop = silent.local_addr().unwrap().to_string();
    let (_dir, state) = state_dir(&limited(free_port(), &hop));
    let relay = Relay::start(&state, &["--retry", "1h"]);

    // A declared SIZE over the limit: the recipient behind the connector is refused.
    let mut c = Client::hello(relay.addr());
    assert!(
        c.cmd("MAIL FROM:<admin@contoso.test> SIZE=5000")
            .starts_with("250")
    );
    assert!(c.cmd("RCPT TO:<x@partner.test>").starts_with("552 5.3.4"));
    assert!(c.cmd("RCPT TO:<admin@contoso.test>").starts_with("250"));
    c.cmd("RSET");
    // Undeclared, then over the limit in DATA: refused when every recipient is behind it.
    let big = format!(
        "Subject: big\r\n\r\n{}",
        format!("{}\r\n", "x".repeat(70)).repeat(30)
    );
    let end = c.send("admin@contoso.test", &["x@partner.test"], &big);
    assert!(end.starts_with("552 5.3.4"), "{end}");
    // A small one goes out, and the next hop that never answers is given up after the
    // connector's 2 s (not the relay's 60 s).
    let small = c.send(
        "admin@contoso.test",
        &["y@partner.test"],
        "Subject: s\r\n\r\nhi\r\n",
    );
    assert!(small.starts_with("250"), "{small}");
    let started = std::time::Instant::now();
    let _held = silent.accept().unwrap();
    assert!(
        wait_until(Duration::from_secs(15), || json(
            &state,
            &["Get-Queue", "-Filter", "Status -eq 'Retry'"]
        )
        .len()
            == 1),
        "{}",
        relay.log_text()
    );
    assert!(
        started.elapsed() < Duration::from_secs(12),
        "{:?}",
        started.elapsed()
    );
}

#[test]
fn a_certificate_request_signed_by_a_ca_is_imported_and_presented() {
    if !have("openssl") {
        return;
    }
    let port = free_port();
    let (dir, state) = state_dir(&format!(
        r#"
AcceptedDomains:
  - {{ Name: contoso.test, DomainName: contoso.test, Default: true }}
ReceiveConnectors:
  - {{ Name: Default, Bindings: ["127.0.0.1:{port}"] }}
"#
    ));
    let d = dir.path();
    let csr = d.join("relay.csr");
    eopctl_ok(
        &state,
        &[
            "-Command",
            &format!(
                "New-ExchangeCertificate -GenerateRequest -SubjectName 'CN=relay.test' -DomainName relay.test -RequestFile '{}'",
                csr.display()
            ),
        ],
    );
    let requests = state.with_extension("data").join("certificates/requests");
    let waiting = || std::fs::read_dir(&requests).map(|r| r.count()).unwrap_or(0);
    assert_eq!(waiting(), 1, "the key waits in the data directory");
    openssl(
        d,
        &[
            "req",
            "-x509",
            "-newkey",
            "ec",
            "-pkeyopt",
            "ec_paramgen_curve:P-256",
            "-nodes",
            "-keyout",
            "ca.key",
            "-out",
            "ca.pem",
            "-subj",
            "/CN=Test CA",
            "-days",
            "30",
            "-addext",
            "basicConstraints=critical,CA:TRUE",
            "-addext",
            "keyUsage=keyCertSign,cRLSign",
        ],
    );
    openssl(
        d,
        &[
            "x509",
            "-req",
            "-in",
            csr.to_str().unwrap(),
            "-CA",
            "ca.pem",
            "-CAkey",
            "ca.key",
            "-CAcreateserial",
            "-out",
            "relay.pem",
            "-days",
            "30",
            "-copy_extensions",
            "copy",
        ],
    );
    // Imported without -KeyPath: the request's key completes it, and stops waiting.
    eopctl_ok(
        &state,
        &[
            "Import-ExchangeCertificate",
            "-FileName",
            d.join("relay.pem").to_str().unwrap(),
        ],
    );
    assert_eq!(waiting(), 0);
    eopctl_ok(
        &state,
        &[
            "-Command",
            "Get-ExchangeCertificate -DomainName relay.test | Enable-ExchangeCertificate -Services SMTP",
        ],
    );
    let relay = Relay::start(&state, &[]);
    let out = std::process::Command::new("openssl")
        .args(["s_client", "-starttls", "smtp", "-connect"])
        .arg(relay.addr().to_string())
        .args(["-verify_hostname", "relay.test", "-CAfile"])
        .arg(d.join("ca.pem"))
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        text.contains("CN = relay.test") || text.contains("CN=relay.test"),
        "{text}"
    );
    assert!(
        text.contains("Verify return code: 0 (ok)"),
        "{text}\n{}",
        relay.log_text()
    );
}
