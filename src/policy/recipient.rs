//! What a recipient is and whether this client may send to it.
//!
//! - A hosted Mailbox (any of its addresses): delivered to its Maildir; with centralized
//!   mail transport (RouteAllMessagesViaOnPremises), Internet mail for it goes through on
//!   premises first.
//! - A MailUser (mailbox on premises, "Protect on-premises mailboxes", step 2), listed in
//!   the state or synchronised from a directory: routed through the connectors to its
//!   ExternalEmailAddress.
//! - Unknown in an Authoritative domain: refused at RCPT with 550 5.4.1 while Directory
//!   Based Edge Blocking is on (the default); with it off, sent on through the connector for
//!   the domain.
//! - Unknown in an InternalRelay domain: sent on through the connector for the domain (the
//!   on-premises servers know the rest of the recipients).
//! - Anything else is external: only a client identified by an OnPremises inbound
//!   connector (or the relay itself) may send there; anyone else gets 550 5.7.1.

use super::address::{Address, parse_recipient};
use super::decision::{Blame, Client, Origin, RecipientClass, RecipientDecision, Refusal, Route};
use super::route::{self, Choose};
use crate::state::State;
use crate::state::model::{DomainType, MailUser};

/// The decision for one RCPT.
pub fn decide(state: &State, client: &Client, text: &str) -> RecipientDecision {
    let mut blame = vec![client.blame.clone()];
    let addr = match parse_recipient(text) {
        Ok(a) => a,
        Err(e) => {
            blame.push(Blame::new("address syntax", e.to_string()));
            return RecipientDecision {
                recipient: text.to_string(),
                address: None,
                class: None,
                outcome: Err(Refusal::BadAddress(e)),
                blame,
            };
        }
    };
    let key = addr.key();
    let (class, outcome) = classify(state, client, &addr, &key, &mut blame);
    RecipientDecision {
        recipient: text.to_string(),
        address: Some(addr),
        class: Some(class),
        outcome,
        blame,
    }
}

/// A MailUser (of the state file or synchronised from a directory): routed on to its
/// ExternalEmailAddress.
fn mail_user(
    state: &State,
    client: &Client,
    u: &MailUser,
    object: String,
    key: &str,
    blame: &mut Vec<Blame>,
) -> (RecipientClass, Result<Route, Refusal>) {
    let external = u.external_email_address.to_string();
    blame.push(Blame::new(
        object,
        format!("{key} is a mail user on premises; delivered to {external}"),
    ));
    let domain = u.external_email_address.domain().to_string();
    (
        RecipientClass::MailUser,
        Ok(remote(state, client, &external, &domain, true, blame)),
    )
}

fn classify(
    state: &State,
    client: &Client,
    addr: &Address,
    key: &str,
    blame: &mut Vec<Blame>,
) -> (RecipientClass, Result<Route, Refusal>) {
    if let Some(m) = state.mailbox(key) {
        blame.push(Blame::new(
            format!("Mailbox \"{}\"", m.name),
            format!("{key} is an address of a hosted mailbox"),
        ));
        // Centralized mail transport (hybrid scenario 2, line 1): Internet mail for a
        // hosted mailbox goes through on premises first, and is delivered when it comes
        // back from there.
        if matches!(client.origin, Origin::Client(_))
            && !client.organization_outbound()
            && let Some((r, b)) = route::via_on_premises(
                state,
                &addr.to_string(),
                "RouteAllMessagesViaOnPremises: Internet mail for hosted mailboxes goes through on-premises first",
            )
        {
            blame.push(b);
            return (RecipientClass::HostedMailbox, Ok(r));
        }
        let route = Route::Mailbox {
            mailbox: m.name.clone(),
            primary: m.primary_smtp_address.key(),
        };
        return (RecipientClass::HostedMailbox, Ok(route));
    }
    if let Some(u) = state
        .mail_users
        .iter()
        .find(|u| u.addresses().any(|a| a.key() == key))
    {
        let object = format!("MailUser \"{}\"", u.name);
        return mail_user(state, client, u, object, key, blame);
    }
    if let Some(s) = state.synced.find(key) {
        let object = format!(
            "MailUser \"{}\" (DirectorySyncProfile \"{}\")",
            s.user.name, s.profile
        );
        return mail_user(state, client, &s.user, object, key, blame);
    }
    if let Some(d) = state.accepted_domain(&addr.domain) {
        let object = format!("AcceptedDomain \"{}\"", d.name);
        return match d.domain_type {
            DomainType::Authoritative if state.organization.directory_based_edge_block_enabled => {
                blame.push(Blame::new(
                    object,
                    format!(
                        "{} is Authoritative and {key} is no known recipient",
                        addr.domain
                    ),
                ));
                blame.push(Blame::new("OrganizationConfig", "DirectoryBasedEdgeBlockEnabled is true: unknown recipients are refused at RCPT"));
                (
                    RecipientClass::UnknownInAcceptedDomain,
                    Err(Refusal::UnknownRecipient),
                )
            }
            kind => {
                let why = match kind {
                    DomainType::InternalRelay => {
                        "is InternalRelay: unknown recipients go on to on-premises"
                    }
                    DomainType::Authoritative => {
                        "is Authoritative, but DirectoryBasedEdgeBlockEnabled is false: unknown recipients go on"
                    }
                };
                blame.push(Blame::new(object, format!("{} {why}", addr.domain)));
                match route::by_connector(state, &addr.to_string(), &addr.domain, Choose::default())
                {
                    Some((r, b)) => {
                        blame.push(b);
                        (RecipientClass::UnknownInAcceptedDomain, Ok(r))
                    }
                    None => {
                        blame.push(Blame::new(
                            "no connector",
                            format!(
                                "no enabled connector applies to {}: nowhere to send {key}",
                                addr.domain
                            ),
                        ));
                        (
                            RecipientClass::UnknownInAcceptedDomain,
                            Err(Refusal::NoSuchUser),
                        )
                    }
                }
            }
        };
    }
    if !client.may_relay() {
        blame.push(Blame::new(
            "relay rule",
            format!("{} is not an accepted domain and only clients identified by an OnPremises inbound connector or by SMTP AUTH may relay", addr.domain),
        ));
        return (RecipientClass::External, Err(Refusal::RelayDenied));
    }
    let domain = addr.domain.clone();
    (
        RecipientClass::External,
        Ok(remote(
            state,
            client,
            &addr.to_string(),
            &domain,
            false,
            blame,
        )),
    )
}

/// The route of a recipient that leaves the service. `internal`: the recipient belongs to
/// the organisation (a MailUser), so centralized transport does not apply.
fn remote(
    state: &State,
    client: &Client,
    recipient: &str,
    domain: &str,
    internal: bool,
    blame: &mut Vec<Blame>,
) -> Route {
    let internet = !internal && state.accepted_domain(domain).is_none();
    if internet
        && !client.from_on_premises()
        && let Some((r, b)) = route::via_on_premises(
            state,
            recipient,
            "RouteAllMessagesViaOnPremises: Internet-bound mail goes through on-premises first",
        )
    {
        blame.push(b);
        return r;
    }
    let opts = Choose {
        skip_on_premises: internet && client.from_on_premises(),
    };
    let (r, b) = route::by_connector(state, recipient, domain, opts)
        .unwrap_or_else(|| route::by_mx(recipient, domain));
    blame.push(b);
    r
}
