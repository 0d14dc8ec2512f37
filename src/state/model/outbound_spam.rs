//! The outbound spam policy ("Configure outbound spam policies in EOP"): how many
//! recipients a sender of the organisation may reach per hour and per day, what happens
//! when one goes over, who hears of it, and whether hosted mailboxes may forward
//! automatically to the outside. Settings only: the Default policy always exists and
//! applies to every sender no enabled HostedOutboundSpamFilterRule names.

use serde::{Deserialize, Serialize};

use crate::state::values::SmtpAddress;

/// The most a limit may be set to, as Exchange Online allows (0 to 10000).
pub const MAX_RECIPIENT_LIMIT: u32 = 10_000;

/// What 0 ("use the service defaults") means for each limit: Exchange Online's recipient
/// rate limit of 10,000 recipients a day ("Exchange Online limits", Sending limits). The
/// hourly limits are then bounded by the daily one only.
pub const SERVICE_RECIPIENT_LIMIT: u32 = 10_000;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct HostedOutboundSpamFilterPolicy {
    pub name: String,
    /// Recipients outside the accepted domains a sender may reach in an hour; 0 for the
    /// service default.
    #[serde(default)]
    pub recipient_limit_external_per_hour: u32,
    /// Recipients in the accepted domains a sender may reach in an hour; 0 for the
    /// service default.
    #[serde(default)]
    pub recipient_limit_internal_per_hour: u32,
    /// Recipients a sender may reach in a day (24 hours); 0 for the service default.
    #[serde(default)]
    pub recipient_limit_per_day: u32,
    #[serde(default)]
    pub action_when_threshold_reached: ThresholdAction,
    /// Tell NotifyOutboundSpamRecipients of outbound spam and of restricted senders.
    #[serde(default)]
    pub notify_outbound_spam: bool,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notify_outbound_spam_recipients: Vec<SmtpAddress>,
    /// Send a blind copy of outbound spam to BccSuspiciousOutboundAdditionalRecipients.
    #[serde(default)]
    pub bcc_suspicious_outbound_mail: bool,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub bcc_suspicious_outbound_additional_recipients: Vec<SmtpAddress>,
    #[serde(default)]
    pub auto_forwarding_mode: AutoForwardingMode,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub admin_display_name: String,
}

/// ActionWhenThresholdReached.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, clap::ValueEnum,
)]
#[value(rename_all = "PascalCase")]
pub enum ThresholdAction {
    /// The sender may send no more until the next day (UTC midnight).
    #[default]
    BlockUserForToday,
    /// The sender may send no more until an admin removes the restriction
    /// (Remove-BlockedSenderAddress).
    BlockUser,
    /// The mail goes on; the admins are told.
    Alert,
}

/// AutoForwardingMode: automatic forwarding of hosted mailboxes' mail to the outside.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, clap::ValueEnum,
)]
#[value(rename_all = "PascalCase")]
pub enum AutoForwardingMode {
    /// System-controlled: EOP now treats it as Off ("Control automatic external email
    /// forwarding in Microsoft 365").
    #[default]
    Automatic,
    On,
    Off,
}

impl AutoForwardingMode {
    /// Whether automatic forwarding to external recipients is allowed.
    pub fn allows(self) -> bool {
        self == AutoForwardingMode::On
    }
}

/// A limit as it acts: 0 is the service default.
pub fn effective(limit: u32) -> u32 {
    if limit == 0 {
        SERVICE_RECIPIENT_LIMIT
    } else {
        limit
    }
}

impl HostedOutboundSpamFilterPolicy {
    /// A policy with Exchange Online's defaults.
    pub fn new(name: String) -> Self {
        HostedOutboundSpamFilterPolicy {
            name,
            recipient_limit_external_per_hour: 0,
            recipient_limit_internal_per_hour: 0,
            recipient_limit_per_day: 0,
            action_when_threshold_reached: ThresholdAction::default(),
            notify_outbound_spam: false,
            notify_outbound_spam_recipients: Vec::new(),
            bcc_suspicious_outbound_mail: false,
            bcc_suspicious_outbound_additional_recipients: Vec::new(),
            auto_forwarding_mode: AutoForwardingMode::default(),
            admin_display_name: String::new(),
        }
    }

    pub fn problems(&self) -> Vec<String> {
        let mut out = Vec::new();
        for (name, v) in [
            (
                "RecipientLimitExternalPerHour",
                self.recipient_limit_external_per_hour,
            ),
            (
                "RecipientLimitInternalPerHour",
                self.recipient_limit_internal_per_hour,
            ),
            ("RecipientLimitPerDay", self.recipient_limit_per_day),
        ] {
            if v > MAX_RECIPIENT_LIMIT {
                out.push(format!(
                    "{name} {v} is out of range: use 0 (the service default) to {MAX_RECIPIENT_LIMIT}"
                ));
            }
        }
        if self.notify_outbound_spam && self.notify_outbound_spam_recipients.is_empty() {
            out.push(
                "NotifyOutboundSpam is $true but NotifyOutboundSpamRecipients is empty: name the admins to tell".into(),
            );
        }
        if self.bcc_suspicious_outbound_mail
            && self
                .bcc_suspicious_outbound_additional_recipients
                .is_empty()
        {
            out.push(
                "BccSuspiciousOutboundMail is $true but BccSuspiciousOutboundAdditionalRecipients is empty: name who gets the copies".into(),
            );
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_and_problems() {
        let p: HostedOutboundSpamFilterPolicy = serde_yaml::from_str("{ Name: Default }").unwrap();
        assert_eq!(p, HostedOutboundSpamFilterPolicy::new("Default".into()));
        assert_eq!(
            effective(p.recipient_limit_per_day),
            SERVICE_RECIPIENT_LIMIT
        );
        assert!(!p.auto_forwarding_mode.allows(), "Automatic is Off now");
        let p: HostedOutboundSpamFilterPolicy = serde_yaml::from_str(
            "{ Name: X, RecipientLimitPerDay: 20000, NotifyOutboundSpam: true }",
        )
        .unwrap();
        let problems = p.problems();
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(problems[0].starts_with("RecipientLimitPerDay 20000"));
    }
}
