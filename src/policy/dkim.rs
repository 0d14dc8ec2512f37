//! Whether the relay DKIM-signs a message, and with which key (the relay does the crypto).
//!
//! As in EOP, the organisation's own outbound mail is signed: a message that arrived over
//! an OnPremises InboundConnector, that a client submitted after SMTP AUTH (the session
//! holds it to its own addresses), or that a hosted mailbox submitted through the relay's
//! own pickup (with that mailbox's address in From), whose RFC 5322 From domain has an
//! enabled DkimSigningConfig. Mail from the Internet is never signed, whatever its From
//! says: signing it would vouch for a sender the organisation does not know.

use super::Origin;
use super::decision::{Blame, Client};
use crate::state::State;
use crate::state::model::Selector;
use crate::state::values::SmtpAddress;

/// Sign with the active key of `domain`'s config, which is `selector`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signing {
    pub domain: String,
    pub selector: Selector,
    pub blame: Blame,
}

/// The signing for a message from `client` whose From address is `from`; `Err` says why
/// it is not signed.
pub fn decide(state: &State, client: &Client, from: Option<&str>) -> Result<Signing, Blame> {
    let Some((_, domain)) = from.and_then(|f| f.rsplit_once('@')) else {
        return Err(Blame::new(
            "no From address",
            "not DKIM-signed: the message has no From address to sign for",
        ));
    };
    let domain = domain.trim_end_matches('.').to_ascii_lowercase();
    let hosted = client.origin == Origin::Local
        && from
            .and_then(|f| f.parse::<SmtpAddress>().ok())
            .is_some_and(|a| state.mailbox(&a.key()).is_some());
    if !client.from_on_premises() && client.submitter.is_none() && !hosted {
        return Err(Blame::new(
            client.blame.object.clone(),
            "not DKIM-signed: only the organisation's mail (over an OnPremises InboundConnector, after SMTP AUTH, or from a hosted mailbox) is signed",
        ));
    }
    let Some(config) = state
        .dkim_signing_configs
        .iter()
        .find(|c| c.domain.as_str() == domain)
    else {
        return Err(Blame::new(
            "no DkimSigningConfig",
            format!("not DKIM-signed: {domain} has no DkimSigningConfig"),
        ));
    };
    let object = format!("DkimSigningConfig \"{}\"", config.domain);
    if !config.enabled {
        return Err(Blame::new(object, "not DKIM-signed: Enabled is false"));
    }
    Ok(Signing {
        domain,
        selector: config.active_selector,
        blame: Blame::new(
            object,
            format!(
                "DKIM-signed with {}",
                config.record_name(config.active_selector)
            ),
        ),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn state(enabled: bool) -> State {
        crate::state::store::parse(
            &format!(
            r#"apiVersion: eopctl/v3
AcceptedDomains:
  - {{ Name: contoso.com, DomainName: contoso.com, Default: true }}
Mailboxes:
  - {{ Name: Ann, PrimarySmtpAddress: ann@contoso.com }}
InboundConnectors:
  - {{ Name: On-prem, ConnectorType: OnPremises, SenderIPAddresses: [10.0.0.1] }}
  - {{ Name: Partner, ConnectorType: Partner, SenderDomains: [fabrikam.com], SenderIPAddresses: [10.0.0.2] }}
DkimSigningConfigs:
  - Domain: contoso.com
    Enabled: {enabled}
    ActiveSelector: selector2
    Selector1: {{ KeyType: rsa, KeySize: 2048, PublicKey: AAAA, KeyPath: a.key, KeyCreationTime: 2026-01-01T00:00:00Z }}
    Selector2: {{ KeyType: ed25519, KeySize: 256, PublicKey: BBBB, KeyPath: b.key, KeyCreationTime: 2026-02-01T00:00:00Z }}
"#
            ),
            std::path::Path::new("test.yaml"),
        )
        .unwrap_or_else(|e| panic!("{e}"))
    }

    fn client(state: &State, ip: &str) -> Client {
        crate::policy::connection::identify(
            state,
            Origin::Client(ip.parse().unwrap()),
            &Default::default(),
        )
    }

    #[test]
    fn on_premises_mail_from_a_signing_domain_is_signed_with_the_active_selector() {
        let s = state(true);
        let signing = decide(&s, &client(&s, "10.0.0.1"), Some("bob@Contoso.com")).unwrap();
        assert_eq!(signing.domain, "contoso.com");
        assert_eq!(signing.selector, Selector::Selector2);
        assert_eq!(signing.blame.object, "DkimSigningConfig \"contoso.com\"");
        assert!(
            signing
                .blame
                .reason
                .contains("selector2._domainkey.contoso.com")
        );
    }

    #[test]
    fn internet_partner_other_domains_and_disabled_configs_are_not_signed() {
        let s = state(true);
        for ip in ["192.0.2.1", "10.0.0.2"] {
            let why = decide(&s, &client(&s, ip), Some("ann@contoso.com")).unwrap_err();
            assert!(
                why.reason.contains("only the organisation's mail"),
                "{why:?}"
            );
        }
        let on_prem = client(&s, "10.0.0.1");
        let why = decide(&s, &on_prem, Some("ann@fabrikam.com")).unwrap_err();
        assert_eq!(why.object, "no DkimSigningConfig");
        assert!(decide(&s, &on_prem, None).is_err());
        let off = state(false);
        let why = decide(&off, &client(&off, "10.0.0.1"), Some("bob@contoso.com")).unwrap_err();
        assert_eq!(why.reason, "not DKIM-signed: Enabled is false");
    }

    #[test]
    fn hosted_mailboxes_own_mail_is_signed_and_nothing_else_the_relay_submits() {
        let s = state(true);
        let relay = crate::policy::connection::identify(&s, Origin::Local, &Default::default());
        let signing = decide(&s, &relay, Some("Ann@contoso.com")).unwrap();
        assert_eq!(signing.selector, Selector::Selector2);
        // The relay's own mail with someone else's From (such as a bounce) is not.
        let why = decide(&s, &relay, Some("nobody@contoso.com")).unwrap_err();
        assert!(why.reason.contains("from a hosted mailbox"), "{why:?}");
    }
}
