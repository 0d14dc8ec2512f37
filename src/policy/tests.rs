//! The policy engine against whole states, written as state files (so they pass the same
//! validation a served file does).

use std::path::Path;

use super::*;
use crate::state::State;
use crate::state::store::parse;

fn state(body: &str) -> State {
    parse(
        &format!("apiVersion: eopctl/v3\n{body}"),
        Path::new("test.yaml"),
    )
    .unwrap_or_else(|e| panic!("{e}"))
}

fn decide_one(s: &State, ip: &str, rcpt: &str) -> RecipientDecision {
    let rcpts = vec![rcpt.to_string()];
    let facts = Facts {
        origin: Origin::Client(ip.parse().unwrap()),
        sender: Some("a@x.example"),
        recipients: &rcpts,
        received_headers: None,
        tls: Default::default(),
    };
    decide(s, &facts).recipients.remove(0)
}

fn via(d: &RecipientDecision) -> String {
    match &d.outcome {
        Ok(Route::Remote { via, .. }) => via.clone(),
        Ok(Route::Mailbox { primary, .. }) => format!("Mailbox {primary}"),
        Err(r) => format!("refused {r:?}"),
    }
}

const CONNECTOR_ARTICLE: &str = r#"
AcceptedDomains:
  - { Name: contoso.com, DomainName: contoso.com, DomainType: InternalRelay, Default: true }
  - { Name: sales.contoso.com, DomainName: sales.contoso.com, DomainType: InternalRelay }
  - { Name: fabrikam.com, DomainName: fabrikam.com, DomainType: InternalRelay }
OutboundConnectors:
  - { Name: Connector 1, ConnectorType: OnPremises, SmartHosts: [10.0.0.1], AllAcceptedDomains: true }
  - { Name: Connector 2, ConnectorType: OnPremises, SmartHosts: [10.0.0.2], RecipientDomains: [contoso.com] }
  - { Name: Connector 3, ConnectorType: OnPremises, SmartHosts: [10.0.0.3], RecipientDomains: ["*.contoso.com"] }
"#;

#[test]
fn the_connector_articles_most_specific_connector_wins() {
    let s = state(CONNECTOR_ARTICLE);
    assert_eq!(
        via(&decide_one(&s, "192.0.2.9", "john@fabrikam.com")),
        "OutboundConnector \"Connector 1\""
    );
    assert_eq!(
        via(&decide_one(&s, "192.0.2.9", "john@contoso.com")),
        "OutboundConnector \"Connector 2\""
    );
    assert_eq!(
        via(&decide_one(&s, "192.0.2.9", "john@sales.contoso.com")),
        "OutboundConnector \"Connector 3\""
    );
    let d = decide_one(&s, "192.0.2.9", "john@sales.contoso.com");
    assert!(
        d.blame
            .iter()
            .any(|b| b.object == "OutboundConnector \"Connector 3\""
                && b.reason.contains("*.contoso.com")),
        "{:?}",
        d.blame
    );
    match d.outcome {
        Ok(Route::Remote {
            next_hop: NextHop::SmartHosts(h),
            ..
        }) => assert_eq!(h[0].to_string(), "10.0.0.3"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn disabled_and_rule_scoped_connectors_are_never_chosen_by_domain() {
    let s = state(
        r#"
AcceptedDomains:
  - { Name: contoso.com, DomainName: contoso.com, DomainType: InternalRelay, Default: true }
OutboundConnectors:
  - { Name: Off, Enabled: false, ConnectorType: OnPremises, SmartHosts: [10.0.0.1], RecipientDomains: [contoso.com] }
  - { Name: Scoped, IsTransportRuleScoped: true, ConnectorType: OnPremises, SmartHosts: [10.0.0.2], RecipientDomains: [contoso.com] }
  - { Name: Any, ConnectorType: OnPremises, SmartHosts: [10.0.0.3], RecipientDomains: ["*"] }
"#,
    );
    assert_eq!(
        via(&decide_one(&s, "192.0.2.9", "a@contoso.com")),
        "OutboundConnector \"Any\""
    );
}

const ORG: &str = r#"
AcceptedDomains:
  - { Name: contoso.com, DomainName: contoso.com, Default: true }
  - { Name: onprem.contoso.com, DomainName: onprem.contoso.com, DomainType: InternalRelay }
Mailboxes:
  - { Name: Alice, PrimarySmtpAddress: alice@contoso.com, EmailAddresses: [al@contoso.com] }
MailUsers:
  - { Name: Bob, PrimarySmtpAddress: bob@contoso.com, ExternalEmailAddress: bob@onprem.contoso.com }
InboundConnectors:
  - { Name: From on-prem, ConnectorType: OnPremises, SenderIPAddresses: [198.51.100.0/24] }
  - { Name: Partner, ConnectorType: Partner, SenderIPAddresses: [203.0.113.7], SenderDomains: [fabrikam.com] }
OutboundConnectors:
  - { Name: To on-prem, ConnectorType: OnPremises, SmartHosts: ["mail.onprem.contoso.com:2525"], RecipientDomains: [onprem.contoso.com] }
"#;

#[test]
fn hosted_mailbox_by_any_address() {
    let s = state(ORG);
    for rcpt in ["alice@contoso.com", "ALICE@Contoso.com", "al@contoso.com"] {
        let d = decide_one(&s, "192.0.2.9", rcpt);
        assert_eq!(d.class, Some(RecipientClass::HostedMailbox));
        assert_eq!(
            d.outcome,
            Ok(Route::Mailbox {
                mailbox: "Alice".into(),
                primary: "alice@contoso.com".into()
            }),
            "{rcpt}"
        );
    }
}

#[test]
fn mail_user_goes_to_its_external_address_through_the_connector() {
    let s = state(ORG);
    let d = decide_one(&s, "192.0.2.9", "bob@contoso.com");
    assert_eq!(d.class, Some(RecipientClass::MailUser));
    match &d.outcome {
        Ok(Route::Remote {
            recipient,
            via,
            next_hop: NextHop::SmartHosts(h),
            ..
        }) => {
            assert_eq!(recipient, "bob@onprem.contoso.com");
            assert_eq!(via, "OutboundConnector \"To on-prem\"");
            assert_eq!(h[0].port, Some(2525));
        }
        other => panic!("{other:?}"),
    }
    assert!(d.blame.iter().any(|b| b.object == "MailUser \"Bob\""));
}

#[test]
fn dbeb_refuses_unknown_recipients_of_authoritative_domains() {
    let s = state(ORG);
    let d = decide_one(&s, "192.0.2.9", "nobody@contoso.com");
    assert_eq!(d.outcome, Err(Refusal::UnknownRecipient));
    assert!(
        d.blame
            .iter()
            .any(|b| b.object == "AcceptedDomain \"contoso.com\"")
    );
    assert_eq!(
        crate::relay::reply::refusal(Refusal::UnknownRecipient).code,
        550
    );
    assert!(
        crate::relay::reply::refusal(Refusal::UnknownRecipient)
            .text
            .starts_with("5.4.1 ")
    );

    // With DBEB off the recipient goes on, here with nowhere to go.
    let off = state(&format!(
        "OrganizationConfig: {{ DirectoryBasedEdgeBlockEnabled: false }}\n{ORG}"
    ));
    assert_eq!(
        decide_one(&off, "192.0.2.9", "nobody@contoso.com").outcome,
        Err(Refusal::NoSuchUser)
    );
}

#[test]
fn internal_relay_sends_unknown_recipients_on_premises() {
    let s = state(ORG);
    let d = decide_one(&s, "192.0.2.9", "carol@onprem.contoso.com");
    assert_eq!(d.class, Some(RecipientClass::UnknownInAcceptedDomain));
    assert_eq!(via(&d), "OutboundConnector \"To on-prem\"");
}

#[test]
fn only_on_premises_clients_may_relay() {
    let s = state(ORG);
    // Anonymous and partner clients: accepted domains only.
    for ip in ["192.0.2.9", "203.0.113.7", "::1"] {
        let d = decide_one(&s, ip, "someone@external.example");
        assert_eq!(d.outcome, Err(Refusal::RelayDenied), "{ip}");
        assert_eq!(d.class, Some(RecipientClass::External));
    }
    // On premises: anywhere, by MX when no connector applies.
    let d = decide_one(&s, "198.51.100.20", "someone@external.example");
    match &d.outcome {
        Ok(Route::Remote { via, next_hop, .. }) => {
            assert_eq!(via, "DNS");
            assert_eq!(next_hop, &NextHop::Mx("external.example".into()));
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(d.blame[0].object, "InboundConnector \"From on-prem\"");
}

#[test]
fn address_tricks_never_open_the_relay() {
    let s = state(ORG);
    let tricks = [
        "someone%external.example@contoso.com",
        "external.example!someone@contoso.com",
        "@contoso.com:someone@external.example",
        "\"someone@external.example\"@contoso.com",
        "someone@[192.0.2.1]",
        "alice@contoso.com@external.example",
        "someone@external.example.",
    ];
    for t in tricks {
        let d = decide_one(&s, "192.0.2.9", t);
        assert!(d.outcome.is_err(), "{t} was accepted: {:?}", d.outcome);
    }
}

#[test]
fn route_all_messages_via_on_premises_without_loops() {
    let s = state(
        r#"
AcceptedDomains:
  - { Name: contoso.com, DomainName: contoso.com, Default: true }
InboundConnectors:
  - { Name: From on-prem, ConnectorType: OnPremises, SenderIPAddresses: [198.51.100.0/24] }
OutboundConnectors:
  - { Name: Central, ConnectorType: OnPremises, SmartHosts: [10.0.0.5], RecipientDomains: [contoso.com], RouteAllMessagesViaOnPremises: true }
  - { Name: Internet, ConnectorType: Partner, UseMXRecord: true, RecipientDomains: ["*"] }
"#,
    );
    // The relay's own mail (a DSN) bound for the Internet goes through on-premises.
    let rcpts = vec!["x@external.example".to_string()];
    let local = decide(
        &s,
        &Facts {
            origin: Origin::Local,
            sender: None,
            recipients: &rcpts,
            received_headers: None,
            tls: Default::default(),
        },
    );
    assert_eq!(via(&local.recipients[0]), "OutboundConnector \"Central\"");
    assert!(
        local.recipients[0]
            .blame
            .iter()
            .any(|b| b.reason.contains("RouteAllMessagesViaOnPremises"))
    );
    // Mail that came from on-premises never goes back there: no loop.
    assert_eq!(
        via(&decide_one(&s, "198.51.100.1", "x@external.example")),
        "OutboundConnector \"Internet\""
    );
}

#[test]
fn centralized_transport_sends_internet_mail_for_hosted_mailboxes_through_on_premises() {
    // hybrid scenario 2, line 1: Internet -> service -> on premises -> service -> mailbox.
    let s = state(
        r#"
AcceptedDomains:
  - { Name: contoso.com, DomainName: contoso.com, DomainType: InternalRelay, Default: true }
Mailboxes:
  - { Name: Alice, PrimarySmtpAddress: alice@contoso.com }
InboundConnectors:
  - { Name: From on-prem, ConnectorType: OnPremises, SenderIPAddresses: [198.51.100.0/24] }
OutboundConnectors:
  - { Name: Central, ConnectorType: OnPremises, SmartHosts: [10.0.0.5], RecipientDomains: [contoso.com], RouteAllMessagesViaOnPremises: true }
"#,
    );
    let first = decide_one(&s, "192.0.2.9", "alice@contoso.com");
    assert_eq!(via(&first), "OutboundConnector \"Central\"");
    assert_eq!(first.class, Some(RecipientClass::HostedMailbox));
    assert!(
        first
            .blame
            .iter()
            .any(|b| b.reason.contains("Internet mail for hosted mailboxes")),
        "{:?}",
        first.blame
    );
    // Back from on premises it is delivered: no loop.
    assert_eq!(
        via(&decide_one(&s, "198.51.100.1", "alice@contoso.com")),
        "Mailbox alice@contoso.com"
    );
    // Without centralized transport the service delivers at once.
    let direct = state(
        r#"
AcceptedDomains:
  - { Name: contoso.com, DomainName: contoso.com, Default: true }
Mailboxes:
  - { Name: Alice, PrimarySmtpAddress: alice@contoso.com }
OutboundConnectors:
  - { Name: To on-prem, ConnectorType: OnPremises, SmartHosts: [10.0.0.5], RecipientDomains: [contoso.com] }
"#,
    );
    assert_eq!(
        via(&decide_one(&direct, "192.0.2.9", "alice@contoso.com")),
        "Mailbox alice@contoso.com"
    );
}

#[test]
fn service_headers_go_to_on_premises_only() {
    let s = state(
        r#"
AcceptedDomains:
  - { Name: contoso.com, DomainName: contoso.com, DomainType: InternalRelay, Default: true }
InboundConnectors:
  - { Name: From on-prem, ConnectorType: OnPremises, SenderIPAddresses: [198.51.100.0/24] }
OutboundConnectors:
  - { Name: To on-prem, ConnectorType: OnPremises, SmartHosts: [10.0.0.5], RecipientDomains: [contoso.com] }
  - { Name: Bank, ConnectorType: Partner, SmartHosts: [10.9.0.1], RecipientDomains: [bank.example] }
  - { Name: Keeps, ConnectorType: Partner, SmartHosts: [10.9.0.2], RecipientDomains: [sister.example], CloudServicesMailEnabled: true }
"#,
    );
    let keeps = |ip: &str, rcpt: &str| match decide_one(&s, ip, rcpt).outcome {
        Ok(Route::Remote {
            keeps_service_headers,
            ..
        }) => keeps_service_headers,
        other => panic!("{other:?}"),
    };
    assert!(keeps("192.0.2.9", "bob@contoso.com"));
    assert!(!keeps("198.51.100.1", "x@bank.example"));
    assert!(keeps("198.51.100.1", "x@sister.example"));
    // Direct delivery by MX: the Internet.
    assert!(!keeps("198.51.100.1", "x@external.example"));
}

#[test]
fn loops_are_refused_after_data() {
    assert!(check_message(MAX_HOPS).is_none());
    let (r, _) = check_message(MAX_HOPS + 1).unwrap();
    assert_eq!(r, Refusal::Loop);
    let reply = crate::relay::reply::refusal(Refusal::Loop);
    assert_eq!((reply.code, &reply.text[..7]), (554, "5.4.14 "));
}

#[test]
fn send_connector_address_spaces_and_cost() {
    let s = state(
        r#"
AcceptedDomains:
  - { Name: contoso.com, DomainName: contoso.com, Default: true }
InboundConnectors:
  - { Name: From on-prem, ConnectorType: OnPremises, SenderIPAddresses: [198.51.100.0/24] }
SendConnectors:
  - { Name: Cheap, AddressSpaces: ["SMTP:*;1"], SmartHosts: [10.0.0.1] }
  - { Name: Costly, AddressSpaces: ["SMTP:*.example;5"], SmartHosts: [10.0.0.2] }
  - { Name: Exact, AddressSpaces: ["SMTP:b.example;9"], SmartHosts: [10.0.0.3], MaxMessagesPerConnection: 7 }
"#,
    );
    assert_eq!(
        via(&decide_one(&s, "198.51.100.1", "x@a.example")),
        "SendConnector \"Costly\""
    );
    assert_eq!(
        via(&decide_one(&s, "198.51.100.1", "x@other.test")),
        "SendConnector \"Cheap\""
    );
    let d = decide_one(&s, "198.51.100.1", "x@b.example");
    assert!(
        matches!(
            d.outcome,
            Ok(Route::Remote {
                max_messages_per_connection: 7,
                ..
            })
        ),
        "{:?}",
        d.outcome
    );
}
