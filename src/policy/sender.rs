//! Checks on the envelope sender against the Partner inbound connectors whose
//! SenderDomains hold its domain ("Manage mail flow with mailboxes in multiple locations", "Require that all email from your partner
//! organization domain ContosoBank.com is sent from a specific IP address range"):
//!
//! - RestrictDomainsToIPAddresses: the mail must come from the connector's
//!   SenderIPAddresses (550 5.7.1);
//! - RequireTls: the mail must come over TLS (530 5.7.0);
//! - RestrictDomainsToCertificate: the client must have presented a trusted certificate
//!   matching the connector's TlsSenderCertificateName (550 5.7.1).
//!
//! All are checked at MAIL FROM, so nothing claiming the partner's domains gets further.

use super::address::parse_sender;
use super::connection::certificate_match;
use super::decision::{Blame, Origin, Refusal, TlsFacts};
use crate::state::State;
use crate::state::model::InboundConnectorType;

/// `Err` when the sender may not send from this client.
pub fn check(
    state: &State,
    origin: Origin,
    tls: &TlsFacts,
    sender: Option<&str>,
) -> Result<(), (Refusal, Blame)> {
    let (Origin::Client(ip), Some(sender)) = (origin, sender) else {
        return Ok(());
    };
    let Ok(addr) = parse_sender(sender) else {
        return Ok(());
    };
    for c in state
        .inbound_connectors
        .iter()
        .filter(|c| c.enabled && c.connector_type == InboundConnectorType::Partner)
    {
        let Some(pattern) = c.sender_domains.iter().find(|p| p.matches(&addr.domain)) else {
            continue;
        };
        let refuse = |refusal, reason: String| {
            Err((
                refusal,
                Blame::new(format!("InboundConnector \"{}\"", c.name), reason),
            ))
        };
        if c.restrict_domains_to_ip_addresses
            && !c.sender_ip_addresses.iter().any(|r| r.contains(ip))
        {
            return refuse(
                Refusal::SenderNotAllowed,
                format!(
                    "RestrictDomainsToIPAddresses: mail from {pattern} must come from its SenderIPAddresses, and {ip} is not one of them"
                ),
            );
        }
        if c.require_tls && !tls.on {
            return refuse(
                Refusal::TlsRequired,
                format!(
                    "RequireTls: mail from {pattern} must come over TLS, and this came in the clear"
                ),
            );
        }
        if c.restrict_domains_to_certificate && certificate_match(c, tls).is_none() {
            let shown = if tls.certificate_names.is_empty() {
                "no trusted certificate".to_string()
            } else {
                format!("a certificate for {}", tls.certificate_names.join(", "))
            };
            return refuse(
                Refusal::SenderNotAllowed,
                format!(
                    "RestrictDomainsToCertificate: mail from {pattern} must come with a certificate for {}, and the client showed {shown}",
                    c.tls_sender_certificate_name
                        .as_ref()
                        .map(ToString::to_string)
                        .unwrap_or_default()
                ),
            );
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn partner_domains_are_restricted_to_their_ips_certificate_and_tls() {
        let text = "apiVersion: eopctl/v3\nInboundConnectors:\n  - { Name: ContosoBank, ConnectorType: Partner, SenderDomains: [contosobank.com], SenderIPAddresses: [203.0.113.0/24], RestrictDomainsToIPAddresses: true }\n  - { Name: Loose, ConnectorType: Partner, SenderDomains: [loose.com], SenderIPAddresses: [198.51.100.1] }\n  - { Name: Fabrikam, ConnectorType: Partner, SenderDomains: [fabrikam.com], RequireTls: true, TlsSenderCertificateName: mail.fabrikam.com, RestrictDomainsToCertificate: true }\n  - { Name: Woodgrove, ConnectorType: Partner, SenderDomains: [\"*.woodgrove.com\"], RequireTls: true }\n";
        let s = crate::state::store::parse(text, std::path::Path::new("t.yaml")).unwrap();
        let at = |ip: &str| Origin::Client(ip.parse().unwrap());
        let plain = TlsFacts::default();
        let tls = |names: &[&str]| TlsFacts {
            on: true,
            certificate_names: names.iter().map(|n| n.to_string()).collect(),
        };
        assert!(check(&s, at("203.0.113.9"), &plain, Some("pay@contosobank.com")).is_ok());
        let (r, b) = check(&s, at("192.0.2.1"), &plain, Some("pay@contosobank.com")).unwrap_err();
        assert_eq!(r, Refusal::SenderNotAllowed);
        assert_eq!(b.object, "InboundConnector \"ContosoBank\"");
        assert!(check(&s, at("192.0.2.1"), &plain, Some("x@loose.com")).is_ok());
        assert!(check(&s, at("192.0.2.1"), &plain, None).is_ok());
        assert!(check(&s, Origin::Local, &plain, Some("pay@contosobank.com")).is_ok());

        let fab = |t: &TlsFacts| check(&s, at("192.0.2.1"), t, Some("a@fabrikam.com"));
        assert!(fab(&tls(&["mail.fabrikam.com"])).is_ok());
        let (r, b) = fab(&tls(&["mail.contoso.com"])).unwrap_err();
        assert_eq!(r, Refusal::SenderNotAllowed);
        assert!(
            b.reason.contains("RestrictDomainsToCertificate"),
            "{}",
            b.reason
        );
        assert!(b.reason.contains("mail.contoso.com"), "{}", b.reason);
        assert_eq!(fab(&tls(&[])).unwrap_err().0, Refusal::SenderNotAllowed);
        assert_eq!(fab(&plain).unwrap_err().0, Refusal::TlsRequired);

        let wood = |t: &TlsFacts| check(&s, at("192.0.2.1"), t, Some("a@mx.woodgrove.com"));
        let (r, b) = wood(&plain).unwrap_err();
        assert_eq!(r, Refusal::TlsRequired);
        assert!(b.reason.contains("RequireTls"));
        assert!(wood(&tls(&[])).is_ok());
    }
}
