//! Mistakes a valid state can still hold: every object is well formed and every reference
//! resolves, yet mail will not flow the way the admin meant. `Test-Configuration` prints
//! them; `eopctl serve` logs them at start and on reload. Pure: the clock comes in as `now`.
//!
//! What cannot be right at all (DomainValidation without TlsDomain on an OutboundConnector,
//! RouteAllMessagesViaOnPremises on a Partner connector, a domain on two connectors) is
//! refused by validation and never reaches here.

use chrono::{DateTime, Duration, Utc};

use super::route::{self, Choose};
use crate::finding::{Finding, Severity};
use crate::state::State;
use crate::state::model::EXPIRY_WARNING_DAYS;
use crate::state::model::{DomainType, InboundConnectorType, TlsAuthLevel};
use crate::state::values::{DomainPattern, Host, SmartHost};

mod open_relay;

use open_relay::wide_on_premises;
pub use open_relay::{open_relay, reaches_public_internet};

pub fn lint(state: &State, now: DateTime<Utc>) -> Vec<Finding> {
    let mut out = Vec::new();
    no_listener(state, &mut out);
    tls_without_certificate(state, &mut out);
    wide_on_premises(state, &mut out);
    overlapping_inbound(state, &mut out);
    shadowed_outbound(state, &mut out);
    internal_relay_without_route(state, &mut out);
    edge_blocking_without_recipients(state, &mut out);
    centralized_transport_without_way_back(state, &mut out);
    unverifiable_domain_validation(state, &mut out);
    loops_to_self(state, &mut out);
    expiring_certificates(state, now, &mut out);
    out.sort_by_key(|f| f.severity);
    out
}

fn finding(
    severity: Severity,
    object: String,
    parameter: &str,
    message: String,
    fix: String,
) -> Finding {
    Finding::new(severity, object, parameter, message).fix(fix)
}

/// Without an enabled receive connector `serve` listens on nothing: no mail comes in at all.
fn no_listener(state: &State, out: &mut Vec<Finding>) {
    if state.receive_connectors.iter().any(|r| r.enabled) {
        return;
    }
    out.push(finding(
        Severity::Error,
        "ReceiveConnector".into(),
        "Enabled",
        "no enabled receive connector: the relay listens on no address and receives no mail".into(),
        "add one: New-ReceiveConnector -Name \"Default Frontend\" -Bindings 0.0.0.0:25 (or Enable-ReceiveConnector an existing one)".into(),
    ));
}

/// An inbound connector with RequireTls (which TlsSenderCertificateName needs too) cannot be
/// satisfied when no listener offers STARTTLS: its clients get 530 and none is identified by
/// certificate.
fn tls_without_certificate(state: &State, out: &mut Vec<Finding>) {
    if state
        .receive_connectors
        .iter()
        .any(|r| r.enabled && r.tls_certificate_name.is_some())
    {
        return;
    }
    for c in state
        .inbound_connectors
        .iter()
        .filter(|c| c.enabled && c.require_tls)
    {
        let by_certificate = match &c.tls_sender_certificate_name {
            Some(n) => format!(", and no client is identified by its certificate {n}"),
            None => String::new(),
        };
        out.push(finding(
            Severity::Error,
            format!("InboundConnector \"{}\"", c.name),
            "RequireTls",
            format!("RequireTls is $true but no enabled receive connector has a TlsCertificateName, so STARTTLS is never offered: its clients get 530 5.7.0{by_certificate}"),
            "give a receive connector a certificate: New-ExchangeCertificate -SubjectName CN=<this host>, then Set-ReceiveConnector -Identity <name> -TlsCertificateName <this host>".into(),
        ));
    }
}

/// Two connectors claiming the same addresses: the smaller range wins, and equal ranges go to
/// the first in the file, so the other connector never sees that client.
fn overlapping_inbound(state: &State, out: &mut Vec<Finding>) {
    let enabled: Vec<_> = state
        .inbound_connectors
        .iter()
        .filter(|c| c.enabled)
        .collect();
    for (i, a) in enabled.iter().enumerate() {
        for b in &enabled[i + 1..] {
            for ra in &a.sender_ip_addresses {
                let Some(rb) = b.sender_ip_addresses.iter().find(|rb| rb.overlaps(ra)) else {
                    continue;
                };
                let winner = if rb.size() < ra.size() {
                    &b.name
                } else {
                    &a.name
                };
                out.push(finding(
                    Severity::Warning,
                    format!("InboundConnector \"{}\"", b.name),
                    "SenderIPAddresses",
                    format!(
                        "{rb} overlaps {ra} of InboundConnector \"{}\": clients in both are identified by \"{winner}\" only",
                        a.name
                    ),
                    "give each connector its own addresses".into(),
                ));
            }
        }
    }
}

/// A wildcard on one connector that another connector with the same pattern always wins:
/// validation keeps patterns unique among OutboundConnectors, but an OutboundConnector and a
/// SendConnector (or two SendConnectors) can share one, and then the tie-break decides.
fn shadowed_outbound(state: &State, out: &mut Vec<Finding>) {
    let mut patterns: Vec<(String, &DomainPattern)> = Vec::new();
    for c in state
        .outbound_connectors
        .iter()
        .filter(|c| c.enabled && !c.is_transport_rule_scoped)
    {
        for p in &c.recipient_domains {
            patterns.push((format!("OutboundConnector \"{}\"", c.name), p));
        }
    }
    for c in state.send_connectors.iter().filter(|c| c.enabled) {
        for s in &c.address_spaces {
            patterns.push((format!("SendConnector \"{}\"", c.name), &s.domain));
        }
    }
    for (object, pattern) in &patterns {
        // The domain a pattern stands for: the pattern's own domain, or one under it.
        let probe = match pattern {
            DomainPattern::Any => "shadow-probe.invalid".to_string(),
            DomainPattern::Subdomains(d) => format!("shadow-probe.{}", d.as_str()),
            DomainPattern::Exact(d) => d.as_str().to_string(),
        };
        let Some((route, _)) = route::by_connector(state, "probe", &probe, Choose::default())
        else {
            continue;
        };
        let crate::policy::Route::Remote { via, .. } = route else {
            continue;
        };
        if &via != object && patterns.iter().any(|(o, p)| *o == via && p == pattern) {
            out.push(finding(
                Severity::Warning,
                object.clone(),
                if object.starts_with("Send") {
                    "AddressSpaces"
                } else {
                    "RecipientDomains"
                },
                format!("{pattern} is also on {via}, which wins every tie: this connector never carries that mail"),
                "remove the pattern from one of the two connectors".into(),
            ));
        }
    }
}

/// InternalRelay sends unknown recipients on; with no connector for the domain they would go
/// to its MX, which points back at this service.
fn internal_relay_without_route(state: &State, out: &mut Vec<Finding>) {
    for d in state
        .accepted_domains
        .iter()
        .filter(|d| d.domain_type == DomainType::InternalRelay)
    {
        let domain = d.domain_name.as_str();
        if route::by_connector(state, "probe", domain, Choose::default()).is_none() {
            out.push(finding(
                Severity::Error,
                format!("AcceptedDomain \"{}\"", d.name),
                "DomainType",
                format!("{domain} is InternalRelay but no enabled connector carries it: mail for its unknown recipients is refused (550 5.1.1)"),
                format!("add an OnPremises OutboundConnector with -RecipientDomains {domain} (or -AllAcceptedDomains $true), or make the domain Authoritative"),
            ));
        }
    }
}

fn edge_blocking_without_recipients(state: &State, out: &mut Vec<Finding>) {
    if !state.organization.directory_based_edge_block_enabled {
        return;
    }
    for d in state
        .accepted_domains
        .iter()
        .filter(|d| d.domain_type == DomainType::Authoritative)
    {
        let domain = d.domain_name.as_str();
        let in_domain =
            |a: &crate::state::values::SmtpAddress| a.domain().eq_ignore_ascii_case(domain);
        let any = state.mailboxes.iter().any(|m| m.addresses().any(in_domain))
            || state
                .mail_users
                .iter()
                .any(|u| u.addresses().any(in_domain));
        if !any {
            out.push(finding(
                Severity::Error,
                format!("AcceptedDomain \"{}\"", d.name),
                "DirectoryBasedEdgeBlockEnabled",
                format!("{domain} is Authoritative with Directory Based Edge Blocking on, and no mailbox or mail user has an address in it: all mail to it is refused (550 5.4.1)"),
                format!("add its recipients (New-MailUser, Import-MailUser), or Set-AcceptedDomain {} -DomainType InternalRelay while you do", d.name),
            ));
        }
    }
}

/// Centralized mail transport sends Internet mail to on-premises first; on-premises must be
/// able to hand it back, which takes an OnPremises inbound connector.
fn centralized_transport_without_way_back(state: &State, out: &mut Vec<Finding>) {
    let way_back = state
        .inbound_connectors
        .iter()
        .any(|c| c.enabled && c.connector_type == InboundConnectorType::OnPremises);
    for c in state
        .outbound_connectors
        .iter()
        .filter(|c| c.enabled && c.route_all_messages_via_on_premises)
    {
        if !way_back {
            out.push(finding(
                Severity::Error,
                format!("OutboundConnector \"{}\"", c.name),
                "RouteAllMessagesViaOnPremises",
                "all mail goes to on-premises first, but no enabled OnPremises InboundConnector lets on-premises send it back: Internet mail from hosted mailboxes is refused there or returned".into(),
                "add New-InboundConnector -ConnectorType OnPremises with the on-premises servers' SenderIPAddresses or TlsSenderCertificateName".into(),
            ));
        }
    }
}

/// DomainValidation against a smart host given as an IP address can never pass: a
/// certificate names hosts, and without TlsDomain the name checked is the smart host itself.
fn unverifiable_domain_validation(state: &State, out: &mut Vec<Finding>) {
    for c in state.send_connectors.iter().filter(|c| {
        c.enabled
            && c.require_tls
            && c.tls_auth_level == Some(TlsAuthLevel::DomainValidation)
            && c.tls_domain.is_none()
    }) {
        if let Some(h) = c.smart_hosts.iter().find(|h| matches!(h.host, Host::Ip(_))) {
            out.push(finding(
                Severity::Error,
                format!("SendConnector \"{}\"", c.name),
                "TlsDomain",
                format!("TlsAuthLevel is DomainValidation without TlsDomain, so the certificate must name the smart host {h}, an IP address: every delivery fails TLS and is deferred"),
                format!("Set-SendConnector {} -TlsDomain <the name in the smart host's certificate>", c.name),
            ));
        }
    }
}

/// A connector whose smart host is this relay itself sends mail around in a circle until the
/// hop limit refuses it. A listener's address is certain; the name a receive connector
/// announces (Fqdn) is only likely to be this relay, so it is a warning.
fn loops_to_self(state: &State, out: &mut Vec<Finding>) {
    let mut own: Vec<(String, u16, Severity, String)> = Vec::new();
    for r in state.receive_connectors.iter().filter(|r| r.enabled) {
        for b in &r.bindings {
            let (ip, port) = (b.0.ip(), b.0.port());
            let listener = format!("a listener of ReceiveConnector \"{}\" ({b})", r.name);
            own.push((ip.to_string(), port, Severity::Error, listener.clone()));
            if ip.is_unspecified() || ip.is_loopback() {
                for name in ["127.0.0.1", "::1", "localhost"] {
                    own.push((name.into(), port, Severity::Error, listener.clone()));
                }
            }
            if let Some(f) = &r.fqdn {
                let why = format!(
                    "the name ReceiveConnector \"{}\" announces (Fqdn), on its port {port}",
                    r.name
                );
                own.push((f.as_str().to_string(), port, Severity::Warning, why));
            }
        }
    }
    let mut check = |object: String, hosts: &[SmartHost]| {
        for h in hosts {
            let name = match &h.host {
                Host::Name(n) => n.as_str().to_string(),
                Host::Ip(ip) => ip.to_string(),
            };
            let port = h.port.unwrap_or(25);
            if let Some((_, _, severity, what)) = own
                .iter()
                .filter(|(n, p, _, _)| *p == port && n.eq_ignore_ascii_case(&name))
                .min_by_key(|o| o.2)
            {
                out.push(finding(
                    *severity,
                    object.clone(),
                    "SmartHosts",
                    format!("{h} is {what}: mail sent there comes back to this relay and loops"),
                    "point SmartHosts at the next server (on-premises or partner), or correct the receive connector's Fqdn if it names another server".into(),
                ));
            }
        }
    };
    for c in state.outbound_connectors.iter().filter(|c| c.enabled) {
        check(format!("OutboundConnector \"{}\"", c.name), &c.smart_hosts);
    }
    for c in state.send_connectors.iter().filter(|c| c.enabled) {
        check(format!("SendConnector \"{}\"", c.name), &c.smart_hosts);
    }
}

fn expiring_certificates(state: &State, now: DateTime<Utc>, out: &mut Vec<Finding>) {
    for c in &state.certificates {
        let left = c.not_after - now;
        let used = state.certificate_users(c);
        let (severity, what) = if left <= Duration::zero() {
            (
                Severity::Error,
                format!("expired on {}", c.not_after.format("%Y-%m-%d")),
            )
        } else if left <= Duration::days(EXPIRY_WARNING_DAYS) {
            (
                Severity::Warning,
                format!(
                    "expires on {} ({} days)",
                    c.not_after.format("%Y-%m-%d"),
                    left.num_days()
                ),
            )
        } else {
            continue;
        };
        let users = if used.is_empty() {
            "no connector uses it".to_string()
        } else {
            format!("used by {}", used.join(", "))
        };
        out.push(finding(
            severity,
            format!("ExchangeCertificate \"{}\"", c.thumbprint),
            "NotAfter",
            format!("{} {what}; {users}", c.subject),
            "renew it: New-ExchangeCertificate or Import-ExchangeCertificate, then point TlsCertificateName at the new one".into(),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The findings for a state with a listener (a plain one, unless the YAML has its own).
    fn findings(yaml: &str) -> Vec<(Severity, String, String, String)> {
        if yaml.contains("ReceiveConnectors:") {
            findings_as_is(yaml)
        } else {
            findings_as_is(&format!("{yaml}{LISTENER}"))
        }
    }

    fn findings_as_is(yaml: &str) -> Vec<(Severity, String, String, String)> {
        let state = crate::state::store::parse(
            &format!("apiVersion: eopctl/v3\n{yaml}"),
            std::path::Path::new("t.yaml"),
        )
        .unwrap();
        let now = "2026-01-01T00:00:00Z".parse().unwrap();
        lint(&state, now)
            .into_iter()
            .map(|f| (f.severity, f.object, f.parameter, f.message))
            .collect()
    }

    const ORG: &str = "AcceptedDomains:\n  - { Name: contoso.com, DomainName: contoso.com, Default: true }\nMailboxes:\n  - { Name: A, PrimarySmtpAddress: a@contoso.com }\n";
    /// A listener, which every working setup has.
    const LISTENER: &str = "ReceiveConnectors:\n  - { Name: R, Bindings: ['0.0.0.0:2525'] }\n";

    #[test]
    fn no_enabled_listener_is_an_error() {
        let f = findings_as_is(ORG);
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(
            (f[0].0, f[0].1.as_str()),
            (Severity::Error, "ReceiveConnector")
        );
        assert!(f[0].3.contains("receives no mail"), "{f:?}");
        let f = findings_as_is(&format!(
            "{ORG}ReceiveConnectors:\n  - {{ Name: R, Bindings: ['0.0.0.0:25'], Enabled: false }}\n"
        ));
        assert_eq!(f.len(), 1, "{f:?}");
    }

    #[test]
    fn tls_on_an_inbound_connector_needs_a_listener_with_a_certificate() {
        let inbound = "InboundConnectors:\n  - { Name: OnPrem, ConnectorType: OnPremises, SenderIPAddresses: [131.107.21.231], RequireTls: true }\n  - { Name: ByCert, ConnectorType: OnPremises, TlsSenderCertificateName: mail.contoso.com, RequireTls: true }\n  - { Name: Plain, ConnectorType: Partner, SenderDomains: [fabrikam.com] }\n";
        let f = findings(&format!("{ORG}{inbound}"));
        let named: Vec<_> = f.iter().map(|f| (f.1.as_str(), f.2.as_str())).collect();
        assert_eq!(
            named,
            [
                ("InboundConnector \"OnPrem\"", "RequireTls"),
                ("InboundConnector \"ByCert\"", "RequireTls")
            ],
            "{f:?}"
        );
        assert!(f[0].3.contains("STARTTLS is never offered"), "{f:?}");
        assert!(
            f[1].3.contains("by its certificate mail.contoso.com"),
            "{f:?}"
        );
        let with_certificate = format!(
            "ReceiveConnectors:\n  - {{ Name: R, Bindings: ['0.0.0.0:25'], TlsCertificateName: gw.contoso.com }}\nCertificates:\n  - {{ Thumbprint: {}, Subject: CN=gw.contoso.com, Issuer: CN=gw.contoso.com, NotBefore: 2025-01-01T00:00:00Z, NotAfter: 2027-01-01T00:00:00Z, CertificatePath: c.pem, KeyPath: c.key }}\n",
            "A".repeat(40)
        );
        assert_eq!(
            findings(&format!("{ORG}{inbound}{with_certificate}")),
            vec![]
        );
    }

    #[test]
    fn a_sound_state_has_no_findings() {
        let f = findings(&format!(
            "{ORG}InboundConnectors:\n  - {{ Name: OnPrem, ConnectorType: OnPremises, SenderIPAddresses: [131.107.21.231] }}\nOutboundConnectors:\n  - {{ Name: Out, ConnectorType: OnPremises, SmartHosts: [mail.contoso.com], RecipientDomains: [fabrikam.com] }}\n"
        ));
        assert_eq!(f, vec![]);
    }

    #[test]
    fn an_on_premises_connector_trusting_the_internet_is_an_error() {
        let f = findings(&format!(
            "{ORG}InboundConnectors:\n  - {{ Name: Wide, ConnectorType: OnPremises, SenderIPAddresses: [0.0.0.0/0] }}\n  - {{ Name: Partner, ConnectorType: Partner, SenderDomains: [fabrikam.com], SenderIPAddresses: [10.0.0.0/8] }}\n"
        ));
        assert_eq!(f[0].0, Severity::Error);
        assert_eq!(f[0].1, "InboundConnector \"Wide\"");
        assert!(f[0].3.contains("may relay"), "{f:?}");
        // And the Partner connector's range inside it is an overlap, won by the smaller range.
        assert_eq!(f[1].1, "InboundConnector \"Partner\"");
        assert!(f[1].3.contains("identified by \"Partner\" only"), "{f:?}");
        assert_eq!(f.len(), 2);
    }

    #[test]
    fn public_internet_ranges() {
        let public = |r: &str| reaches_public_internet(&r.parse().unwrap());
        assert!(public("0.0.0.0/0"));
        assert!(public("131.107.0.0/16"));
        assert!(public("::/0"));
        assert!(!public("10.0.0.0/8"));
        assert!(!public("192.168.1.0/24"));
        assert!(!public("fd00::/8"));
        assert!(public("9.0.0.0/7")); // 9/8 and 10/8
    }

    #[test]
    fn a_wildcard_shadowed_by_an_outbound_connector() {
        let f = findings(&format!(
            "{ORG}OutboundConnectors:\n  - {{ Name: O, ConnectorType: Partner, SmartHosts: [a.example], RecipientDomains: ['*'] }}\nSendConnectors:\n  - {{ Name: S, AddressSpaces: ['*'], SmartHosts: [b.example] }}\n"
        ));
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].1, "SendConnector \"S\"");
        assert_eq!(f[0].2, "AddressSpaces");
        assert!(
            f[0].3
                .contains("OutboundConnector \"O\", which wins every tie")
        );
    }

    #[test]
    fn internal_relay_and_edge_blocking_without_a_way_to_deliver() {
        let f = findings(
            "AcceptedDomains:\n  - { Name: contoso.com, DomainName: contoso.com, DomainType: InternalRelay, Default: true }\n  - { Name: fabrikam.com, DomainName: fabrikam.com }\n",
        );
        assert_eq!(f.len(), 2, "{f:?}");
        assert!(
            f.iter()
                .any(|f| f.1 == "AcceptedDomain \"contoso.com\"" && f.2 == "DomainType")
        );
        assert!(
            f.iter().any(|f| f.1 == "AcceptedDomain \"fabrikam.com\""
                && f.2 == "DirectoryBasedEdgeBlockEnabled")
        );
        let f = findings(
            "OrganizationConfig: { DirectoryBasedEdgeBlockEnabled: false }\nAcceptedDomains:\n  - { Name: fabrikam.com, DomainName: fabrikam.com, Default: true }\n",
        );
        assert_eq!(f, vec![]);
    }

    #[test]
    fn centralized_transport_needs_a_way_back() {
        let out = "OutboundConnectors:\n  - { Name: ToOnPrem, ConnectorType: OnPremises, SmartHosts: [mail.contoso.com], AllAcceptedDomains: true, RouteAllMessagesViaOnPremises: true }\n";
        let f = findings(&format!("{ORG}{out}"));
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].2, "RouteAllMessagesViaOnPremises");
        let back = "InboundConnectors:\n  - { Name: OnPrem, ConnectorType: OnPremises, SenderIPAddresses: [131.107.21.231] }\n";
        assert_eq!(findings(&format!("{ORG}{out}{back}")), vec![]);
    }

    #[test]
    fn domain_validation_against_an_ip_and_a_smart_host_that_is_ourselves() {
        let f = findings(&format!(
            "{ORG}SendConnectors:\n  - {{ Name: S, AddressSpaces: [fabrikam.com], SmartHosts: ['192.0.2.1'], RequireTLS: true, TlsAuthLevel: DomainValidation }}\nReceiveConnectors:\n  - {{ Name: R, Bindings: ['0.0.0.0:2525'], Fqdn: gw.contoso.com }}\nOutboundConnectors:\n  - {{ Name: Loop, ConnectorType: Partner, SmartHosts: ['gw.contoso.com:2525'], RecipientDomains: [tailspin.com] }}\n  - {{ Name: Fine, ConnectorType: Partner, SmartHosts: ['gw.contoso.com'], RecipientDomains: [wingtip.com] }}\n"
        ));
        assert_eq!(f.len(), 2, "{f:?}");
        assert!(
            f.iter()
                .any(|f| f.1 == "SendConnector \"S\"" && f.2 == "TlsDomain")
        );
        assert!(f.iter().any(|f| f.0 == Severity::Warning
            && f.1 == "OutboundConnector \"Loop\""
            && f.3.contains("announces (Fqdn)")));
        let f = findings(&format!(
            "{ORG}ReceiveConnectors:\n  - {{ Name: R, Bindings: ['0.0.0.0:2525'] }}\nOutboundConnectors:\n  - {{ Name: Loop, ConnectorType: Partner, SmartHosts: ['127.0.0.1:2525'], RecipientDomains: [tailspin.com] }}\n"
        ));
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].0, Severity::Error);
        assert!(
            f[0].3
                .contains("a listener of ReceiveConnector \"R\" (0.0.0.0:2525)"),
            "{f:?}"
        );
    }

    #[test]
    fn certificates_expiring_soon_or_expired() {
        let cert = |t: &str, after: &str| {
            format!(
                "  - {{ Thumbprint: {t}, Subject: CN=x, Issuer: CN=x, NotBefore: 2025-01-01T00:00:00Z, NotAfter: {after}, CertificatePath: c.pem, KeyPath: c.key }}\n"
            )
        };
        let f = findings(&format!(
            "{ORG}Certificates:\n{}{}{}",
            cert(&"A".repeat(40), "2025-12-01T00:00:00Z"),
            cert(&"B".repeat(40), "2026-01-20T00:00:00Z"),
            cert(&"C".repeat(40), "2027-01-01T00:00:00Z")
        ));
        assert_eq!(f.len(), 2, "{f:?}");
        assert_eq!(f[0].0, Severity::Error);
        assert!(f[0].3.contains("expired on 2025-12-01"));
        assert_eq!(f[1].0, Severity::Warning);
        assert!(f[1].3.contains("expires on 2026-01-20 (19 days)"));
    }
}
