//! The outbound spam policy's decisions, pure ("Configure outbound spam policies in EOP",
//! "Outbound spam protection in EOP"): whether mail is the organisation's outbound mail,
//! which policy governs its sender, whether the sender is restricted, and whether one
//! more recipient takes the sender over a limit. The relay counts and keeps the
//! restricted senders (`crate::outbound`); here the counts and the restriction come in as
//! facts, and every answer names the policy (and rule) that gave it.

use serde::Serialize;

use super::{Blame, Client, Origin, Refusal};
use crate::state::State;
use crate::state::model::outbound_spam::effective;
use crate::state::model::{HostedOutboundSpamFilterPolicy, ThresholdAction};

/// What a sender sent: recipients outside the accepted domains and in them, and messages
/// scored as spam.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Sent {
    pub external: u32,
    pub internal: u32,
    pub spam: u32,
}

impl Sent {
    /// One recipient of this kind.
    pub fn one(external: bool) -> Sent {
        Sent {
            external: u32::from(external),
            internal: u32::from(!external),
            spam: 0,
        }
    }

    /// One message scored as spam.
    pub fn spam() -> Sent {
        Sent {
            spam: 1,
            ..Sent::default()
        }
    }

    /// The recipients.
    pub fn total(&self) -> u32 {
        self.external + self.internal
    }
}

impl std::ops::Add for Sent {
    type Output = Sent;
    fn add(self, o: Sent) -> Sent {
        Sent {
            external: self.external + o.external,
            internal: self.internal + o.internal,
            spam: self.spam + o.spam,
        }
    }
}

/// Outbound spam messages in an hour from which a sender is handled as over a limit
/// ("Outbound spam protection in EOP" restricts a user who "sends too much spam" without
/// a figure; three in an hour stops a burst while one misjudged message does not).
pub const SPAM_PER_HOUR: u32 = 3;

/// What a sender reached in each window, the recipient being judged included.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub hour: Sent,
    pub day: Sent,
}

/// The limit a sender went over.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Limit {
    ExternalPerHour(u32),
    InternalPerHour(u32),
    PerDay(u32),
    /// Messages scored as spam in an hour.
    SpamPerHour(u32),
}

impl std::fmt::Display for Limit {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Limit::ExternalPerHour(n) => write!(f, "RecipientLimitExternalPerHour {n}"),
            Limit::InternalPerHour(n) => write!(f, "RecipientLimitInternalPerHour {n}"),
            Limit::PerDay(n) => write!(f, "RecipientLimitPerDay {n}"),
            Limit::SpamPerHour(n) => write!(f, "{n} outbound spam messages in an hour"),
        }
    }
}

/// The policy that governs a sender, and who chose it.
#[derive(Debug, Clone)]
pub struct Governing<'a> {
    pub policy: &'a HostedOutboundSpamFilterPolicy,
    pub blame: Blame,
}

/// A sender over a limit: what the policy does about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Over {
    pub limit: Limit,
    pub action: ThresholdAction,
    /// The admins to tell (NotifyOutboundSpamRecipients; the policy's own, whether or not
    /// NotifyOutboundSpam is on: EOP always alerts on a restricted user).
    pub notify: Vec<String>,
    pub blame: Blame,
}

impl Over {
    /// Whether the recipient is refused (and the sender restricted).
    pub fn blocks(&self) -> bool {
        self.action != ThresholdAction::Alert
    }
}

/// Whether mail from this client is the organisation's outbound mail, and why: mail from
/// an OnPremises connector's servers, or the relay's own hosted mailboxes (pickup) with
/// the sender one of them. `authenticated` is the fact that a client proved it is one of
/// the organisation's senders (SMTP AUTH submission).
pub fn organisation_mail(
    state: &State,
    client: &Client,
    sender: Option<&str>,
    authenticated: bool,
) -> Option<Blame> {
    let sender = sender?;
    if authenticated {
        return Some(Blame::new(
            "authenticated submission",
            "the client logged in",
        ));
    }
    if client.from_on_premises() {
        return Some(client.blame.clone());
    }
    let hosted = client.origin == Origin::Local
        && state.mailboxes.iter().any(|m| {
            m.addresses()
                .any(|a| a.to_string().eq_ignore_ascii_case(sender))
        });
    hosted.then(|| {
        Blame::new(
            "hosted mailbox",
            format!("{sender} is a hosted mailbox sending through the relay"),
        )
    })
}

/// The outbound spam policy of `sender`.
pub fn governing<'a>(state: &'a State, sender: &str) -> Option<Governing<'a>> {
    let a = super::filter_scope::outbound_spam(state, sender)?;
    Some(Governing {
        policy: a.policy,
        blame: a.blame,
    })
}

/// A restricted sender is refused (550 5.1.8) whatever it sends; `restriction` is the
/// fact (the restricted list's reason for it, if it is on the list).
pub fn restricted(sender: &str, restriction: Option<&str>) -> Option<(Refusal, Blame)> {
    restriction.map(|why| {
        (
            Refusal::SenderRestricted,
            Blame::new(
                "Restricted entities",
                format!("{sender} is restricted from sending: {why}"),
            ),
        )
    })
}

/// Whether `counts` (this recipient included) take the sender over one of its policy's
/// limits. Over is said only at the recipient that crosses the limit and after it, so an
/// Alert policy keeps letting mail through.
pub fn judge(g: &Governing, counts: Counts) -> Option<Over> {
    let p = g.policy;
    let limits = [
        (
            Limit::ExternalPerHour(effective(p.recipient_limit_external_per_hour)),
            counts.hour.external,
        ),
        (
            Limit::InternalPerHour(effective(p.recipient_limit_internal_per_hour)),
            counts.hour.internal,
        ),
        (
            Limit::PerDay(effective(p.recipient_limit_per_day)),
            counts.day.total(),
        ),
        (Limit::SpamPerHour(SPAM_PER_HOUR), counts.hour.spam),
    ];
    let (limit, count) = limits.into_iter().find(|(l, n)| match l {
        Limit::ExternalPerHour(m) | Limit::InternalPerHour(m) | Limit::PerDay(m) => n > m,
        Limit::SpamPerHour(m) => n >= m,
    })?;
    let what = match limit {
        Limit::SpamPerHour(_) => "spam messages",
        _ => "recipients",
    };
    Some(Over {
        limit,
        action: p.action_when_threshold_reached,
        notify: p
            .notify_outbound_spam_recipients
            .iter()
            .map(ToString::to_string)
            .collect(),
        blame: Blame::new(
            g.blame.object.clone(),
            format!(
                "{count} {what}, over {limit}; ActionWhenThresholdReached {:?}",
                p.action_when_threshold_reached
            ),
        ),
    })
}

/// Whether automatic forwarding of `recipients`' mail to external addresses is denied:
/// the outbound spam policy of the first hosted mailbox among them whose
/// AutoForwardingMode is not On (Automatic is Off now, "Control automatic external email
/// forwarding in Microsoft 365"). Forwarding of other recipients' mail is not the policy's.
pub fn forwarding_denied(state: &State, recipients: &[String]) -> Option<Blame> {
    recipients.iter().find_map(|r| {
        let hosted = state
            .mailboxes
            .iter()
            .any(|m| m.addresses().any(|a| a.to_string().eq_ignore_ascii_case(r)));
        let g = governing(state, r).filter(|_| hosted)?;
        let mode = g.policy.auto_forwarding_mode;
        (!mode.allows()).then(|| {
            Blame::new(
                g.blame.object,
                format!("AutoForwardingMode {mode:?}: {r}'s mail is not forwarded automatically to external recipients"),
            )
        })
    })
}

/// Outbound spam: the blind copies and the admins to tell, as the sender's policy says
/// (BccSuspiciousOutboundMail, NotifyOutboundSpam).
pub fn on_spam(g: &Governing) -> (Vec<String>, Vec<String>) {
    let p = g.policy;
    let list = |on: bool, v: &[crate::state::values::SmtpAddress]| -> Vec<String> {
        if on {
            v.iter().map(ToString::to_string).collect()
        } else {
            Vec::new()
        }
    };
    (
        list(
            p.bcc_suspicious_outbound_mail,
            &p.bcc_suspicious_outbound_additional_recipients,
        ),
        list(p.notify_outbound_spam, &p.notify_outbound_spam_recipients),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn state(extra: &str) -> State {
        let text = format!(
            "apiVersion: eopctl/v3\nAcceptedDomains:\n  - {{ Name: contoso.com, DomainName: contoso.com, Default: true }}\n{extra}"
        );
        crate::state::store::parse(&text, std::path::Path::new("t.yaml")).unwrap()
    }

    #[test]
    fn the_recipient_over_the_limit_is_the_one_named() {
        let s = state(
            "HostedOutboundSpamFilterPolicies:\n  - { Name: Default, RecipientLimitExternalPerHour: 100, NotifyOutboundSpamRecipients: [admin@contoso.com] }\n  - { Name: Execs, RecipientLimitPerDay: 5, ActionWhenThresholdReached: Alert }\nHostedOutboundSpamFilterRules:\n  - { Name: Execs, HostedOutboundSpamFilterPolicy: Execs, From: [ceo@contoso.com] }\n",
        );
        let g = governing(&s, "ann@contoso.com").unwrap();
        let sent = |n| Sent {
            external: n,
            ..Sent::default()
        };
        let at = |n| Counts {
            hour: sent(n),
            day: sent(n),
        };
        assert_eq!(judge(&g, at(100)), None);
        let over = judge(&g, at(101)).unwrap();
        assert_eq!(over.limit, Limit::ExternalPerHour(100));
        assert!(over.blocks());
        assert_eq!(over.notify, ["admin@contoso.com"]);
        assert_eq!(
            over.blame.to_string(),
            "HostedOutboundSpamFilterPolicy \"Default\": 101 recipients, over RecipientLimitExternalPerHour 100; ActionWhenThresholdReached BlockUserForToday"
        );
        let g = governing(&s, "ceo@contoso.com").unwrap();
        assert!(
            g.blame
                .object
                .contains("HostedOutboundSpamFilterRule \"Execs\"")
        );
        let over = judge(&g, at(6)).unwrap();
        assert_eq!(over.limit, Limit::PerDay(5));
        assert!(!over.blocks(), "Alert lets the mail through");
        let burst = Counts {
            hour: Sent {
                spam: SPAM_PER_HOUR,
                ..Sent::default()
            },
            day: Sent::default(),
        };
        let g = governing(&s, "ann@contoso.com").unwrap();
        assert_eq!(judge(&g, burst).unwrap().limit, Limit::SpamPerHour(3));
    }

    #[test]
    fn whose_mail_is_outbound() {
        let s = state(
            "Mailboxes:\n  - { Name: Ann, PrimarySmtpAddress: ann@contoso.com }\nInboundConnectors:\n  - { Name: On-prem, ConnectorType: OnPremises, SenderIPAddresses: [192.0.2.7] }\n",
        );
        let client = |origin| super::super::connection::identify(&s, origin, &Default::default());
        let onprem = client(Origin::Client("192.0.2.7".parse().unwrap()));
        let internet = client(Origin::Client("203.0.113.1".parse().unwrap()));
        let local = client(Origin::Local);
        assert!(organisation_mail(&s, &onprem, Some("bob@contoso.com"), false).is_some());
        assert!(
            organisation_mail(&s, &onprem, None, false).is_none(),
            "bounces"
        );
        assert!(organisation_mail(&s, &internet, Some("x@fabrikam.com"), false).is_none());
        assert!(organisation_mail(&s, &internet, Some("x@fabrikam.com"), true).is_some());
        assert!(organisation_mail(&s, &local, Some("Ann@contoso.com"), false).is_some());
        assert!(organisation_mail(&s, &local, Some("quarantine@contoso.com"), false).is_none());
        assert_eq!(
            restricted("ann@contoso.com", Some("over the limit")).map(|r| r.0),
            Some(Refusal::SenderRestricted)
        );
    }
}
