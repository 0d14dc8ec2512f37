//! The policy engine: every mail decision, as a pure function of the state and the facts
//! the relay (or `Test-MessageRoute`) gathered. No I/O, no clock, no DNS: what the relay
//! knows about the world comes in as `Facts`; what to do goes out as a `Decision` that names
//! the object that decided each part (Postfix's "blame").
//!
//! - `connection`: which InboundConnector identifies the client (by address or by TLS
//!   certificate), and may it connect.
//! - `headers`: whether the service's internal headers on a message are kept.
//! - `enhanced_filtering`: the original client address behind servers in front
//!   (EFSkipIPs, EFSkipLastIP), for the filters that judge the sender's address.
//! - `address`: envelope address syntax, refusing relay tricks.
//! - `recipient`: what a recipient is (hosted mailbox, MailUser, unknown in an accepted
//!   domain, external) and whether the client may send to it (relaying, DBEB).
//! - `route`: which connector (or MX) a recipient leaves through.
//! - `sender`: whether the envelope sender may send from this client (partner restrictions:
//!   addresses, certificate, TLS).
//! - `connection_filter`: the IP allow and block lists and DNS block lists, at connect.
//! - `auth`: what SPF, DKIM, DMARC and ARC results mean for a message (DMARC policy).
//! - `antispam`, `malware`, `protection`: the content filters after DATA (SCL, BCL,
//!   malware findings, and what each recipient's policies do with them).
//! - `filter_scope`: which anti-spam and anti-malware policy applies to a recipient (the
//!   first enabled filter rule naming it, else Default).
//! - `bayes`: the learning filter's tokenizer and its Robinson/Fisher arithmetic.
//! - `decision`: the types every stage shares; `decide`, here, composes the stages.
//! - `message`: what the content stage knows about a message (parsed once, after DATA).
//! - `rules`: mail flow rules (TransportRule): conditions, exceptions, compiled regexes.
//! - `content`: the content stage's decision: rules (and, beside them, the filters).
//! - `spamrules`: SpamAssassin's rule files, compiled and run on a message.
//! - `dkim`: whether the organisation's outbound mail is DKIM-signed, and with which key.
//! - `submission`: SMTP AUTH: who a login names, where AUTH is offered, PermissionGroups,
//!   whom an authenticated client may send as, and when failed logins block.
//! - `outbound`: the outbound spam policy: whose mail is outbound, recipient limits per
//!   sender, restricted senders.
//! - `tabl`: the Tenant Allow/Block List's entries, compiled, and what they decide at
//!   connect, at MAIL FROM and after DATA.
//! - `quarantine`: the quarantine policy a held copy falls under, what its recipient may
//!   do with it, and when notifications are due.

pub mod address;
pub mod antispam;
pub mod auth;
pub mod bayes;
pub mod connection;
pub mod connection_filter;
pub mod content;
pub mod decision;
pub mod direction;
pub mod dkim;
pub mod enhanced_filtering;
pub mod filter_scope;
pub mod headers;
pub mod lint;
pub mod malware;
pub mod message;
pub mod outbound;
pub mod protection;
pub mod quarantine;
pub mod recipient;
pub mod route;
pub mod rules;
pub mod sender;
pub mod spamrules;
pub mod submission;
pub mod tabl;

pub use decision::*;

use crate::state::State;

/// The whole decision for a message.
#[derive(Debug, Clone, PartialEq)]
pub struct Decision {
    pub client: Client,
    /// A refusal of the sender at MAIL FROM (then no recipient is asked about).
    pub sender: Option<(Refusal, Blame)>,
    pub recipients: Vec<RecipientDecision>,
    /// A refusal of the whole message after DATA (a loop).
    pub message: Option<(Refusal, Blame)>,
}

/// The decision for a whole message: the composition of the per-stage functions the relay
/// calls one by one.
pub fn decide(state: &State, facts: &Facts) -> Decision {
    let client = connection::identify(state, facts.origin, &facts.tls);
    let sender = connection::tls_required(&client, &facts.tls)
        .or_else(|| sender::check(state, facts.origin, &facts.tls, facts.sender).err());
    let recipients = facts
        .recipients
        .iter()
        .map(|r| recipient::decide(state, &client, r))
        .collect();
    let message = facts.received_headers.and_then(check_message);
    Decision {
        client,
        sender,
        recipients,
        message,
    }
}

#[cfg(test)]
mod tests;
