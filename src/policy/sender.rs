//! Checks on the envelope sender. A Partner inbound connector with
//! RestrictDomainsToIPAddresses says: mail from its SenderDomains must come from its
//! SenderIPAddresses (seed 004, "Require that all email from your partner organization
//! domain ContosoBank.com is sent from a specific IP address range"). Anything else
//! claiming those domains is refused at MAIL FROM.

use super::address::parse_sender;
use super::decision::{Blame, Origin, Refusal};
use crate::state::State;
use crate::state::model::InboundConnectorType;

/// `Err` when the sender may not send from this client.
pub fn check(state: &State, origin: Origin, sender: Option<&str>) -> Result<(), (Refusal, Blame)> {
    let (Origin::Client(ip), Some(sender)) = (origin, sender) else {
        return Ok(());
    };
    let Ok(addr) = parse_sender(sender) else {
        return Ok(());
    };
    for c in state.inbound_connectors.iter().filter(|c| {
        c.enabled
            && c.connector_type == InboundConnectorType::Partner
            && c.restrict_domains_to_ip_addresses
    }) {
        let Some(pattern) = c.sender_domains.iter().find(|p| p.matches(&addr.domain)) else {
            continue;
        };
        if !c.sender_ip_addresses.iter().any(|r| r.contains(ip)) {
            return Err((
                Refusal::SenderNotAllowed,
                Blame::new(
                    format!("InboundConnector \"{}\"", c.name),
                    format!(
                        "RestrictDomainsToIPAddresses: mail from {pattern} must come from its SenderIPAddresses, and {ip} is not one of them"
                    ),
                ),
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn partner_domains_are_restricted_to_their_ips() {
        let text = "apiVersion: eopctl/v2\nInboundConnectors:\n  - { Name: ContosoBank, ConnectorType: Partner, SenderDomains: [contosobank.com], SenderIPAddresses: [203.0.113.0/24], RestrictDomainsToIPAddresses: true }\n  - { Name: Loose, ConnectorType: Partner, SenderDomains: [loose.com], SenderIPAddresses: [198.51.100.1] }\n";
        let s = crate::state::store::parse(text, std::path::Path::new("t.yaml")).unwrap();
        let at = |ip: &str| Origin::Client(ip.parse().unwrap());
        assert!(check(&s, at("203.0.113.9"), Some("pay@contosobank.com")).is_ok());
        let (r, b) = check(&s, at("192.0.2.1"), Some("pay@contosobank.com")).unwrap_err();
        assert_eq!(r, Refusal::SenderNotAllowed);
        assert_eq!(b.object, "InboundConnector \"ContosoBank\"");
        assert!(check(&s, at("192.0.2.1"), Some("x@loose.com")).is_ok());
        assert!(check(&s, at("192.0.2.1"), None).is_ok());
        assert!(check(&s, Origin::Local, Some("pay@contosobank.com")).is_ok());
    }
}
