//! The relay and Test-MessageRoute, driven through the real binary on loopback.

use crate::support::relay::*;

const SEED_003: &str = r#"
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
fn test_messageroute_explains_the_seed_003_example() {
    let (_dir, state) = state_dir(SEED_003);
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
    let (_dir, state) = state_dir(SEED_003);
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
