//! The rules that say whom a filter policy applies to, kept apart from the policy's settings
//! as Exchange Online keeps them (New-HostedContentFilterRule, New-MalwareFilterRule): a
//! policy holds only settings, a rule names recipients and one custom policy, and the
//! Default policy takes every recipient no enabled rule names. Rules run in Priority order
//! (0 first, 0..n-1 without gaps, as transport rules); the first enabled rule that names a
//! recipient decides. This file holds the objects and their own invariants; the choice
//! for a recipient is made in `policy::filter_scope`.

use serde::{Deserialize, Serialize};

use crate::state::values::{DomainPattern, SmtpAddress};

/// Enabled or Disabled, as Get-HostedContentFilterRule shows a rule's State.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum RuleState {
    #[default]
    Enabled,
    Disabled,
}

/// Recipient filters: who a rule names (its conditions) or spares (its exceptions).
/// Within one filter the values are alternatives; the filters given must all hold, as in
/// Microsoft's "Configure anti-spam policies in EOP" ("multiple different conditions or
/// exceptions aren't additive; they're inclusive").
#[derive(Debug, Clone, Copy)]
pub struct Recipients<'a> {
    pub sent_to: &'a [SmtpAddress],
    pub recipient_domain_is: &'a [DomainPattern],
}

impl Recipients<'_> {
    pub fn is_empty(&self) -> bool {
        self.sent_to.is_empty() && self.recipient_domain_is.is_empty()
    }

    /// The filters that name `recipient`, in words (`RecipientDomainIs contoso.com`), when
    /// every filter given does; None when one does not (or none is given).
    pub fn naming(&self, recipient: &str) -> Option<String> {
        if self.is_empty() {
            return None;
        }
        let domain = recipient
            .rsplit_once('@')
            .map(|(_, d)| d.to_ascii_lowercase())
            .unwrap_or_default();
        let mut why = Vec::new();
        if !self.sent_to.is_empty() {
            let a = self
                .sent_to
                .iter()
                .find(|a| a.to_string().eq_ignore_ascii_case(recipient))?;
            why.push(format!("SentTo {a}"));
        }
        if !self.recipient_domain_is.is_empty() {
            let d = self
                .recipient_domain_is
                .iter()
                .find(|d| d.matches(&domain))?;
            why.push(format!("RecipientDomainIs {d}"));
        }
        Some(why.join(" and "))
    }
}

/// What the two kinds of filter rule share, for the code written once over both.
pub trait FilterRule: crate::state::StateObject {
    /// The kind of policy the rule applies (`HostedContentFilterPolicy`).
    const POLICY_KIND: &'static str;
    /// A new enabled rule applying `policy`, naming no one yet.
    fn create(name: String, policy: String) -> Self;
    fn rename(&mut self, name: String);
    fn policy(&self) -> &str;
    fn set_policy(&mut self, policy: String);
    fn priority(&self) -> u32;
    fn set_priority(&mut self, priority: u32);
    fn enabled(&self) -> bool;
    fn set_state(&mut self, state: RuleState);
    fn conditions(&self) -> Recipients<'_>;
    fn exceptions(&self) -> Recipients<'_>;

    /// Why the rule names `recipient` (its conditions hold and no exception does), if it
    /// does; whether it is enabled is the caller's question.
    fn names(&self, recipient: &str) -> Option<String> {
        let why = self.conditions().naming(recipient)?;
        self.exceptions().naming(recipient).is_none().then_some(why)
    }

    fn rule_problems(&self) -> Vec<String> {
        let mut out = Vec::new();
        if self.conditions().is_empty() {
            out.push(
                "the rule names no recipient: set SentTo or RecipientDomainIs (the Default policy is the one for everyone)".into(),
            );
        }
        if self.policy().eq_ignore_ascii_case("Default") {
            out.push(format!(
                "{} is Default, which applies to everyone no rule names without a rule: name a custom policy (New-{})",
                Self::POLICY_KIND,
                Self::POLICY_KIND
            ));
        }
        out
    }
}

macro_rules! filter_rule {
    ($(#[$doc:meta])* $name:ident, $policy_field:ident, $policy:literal) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
        #[serde(rename_all = "PascalCase", deny_unknown_fields)]
        pub struct $name {
            pub name: String,
            /// The custom policy the rule applies.
            pub $policy_field: String,
            /// 0 runs first; 0..n-1 in list order.
            #[serde(default)]
            pub priority: u32,
            #[serde(default)]
            pub state: RuleState,
            #[serde(default, skip_serializing_if = "String::is_empty")]
            pub comments: String,
            #[serde(default, skip_serializing_if = "Vec::is_empty")]
            pub sent_to: Vec<SmtpAddress>,
            #[serde(default, skip_serializing_if = "Vec::is_empty")]
            pub recipient_domain_is: Vec<DomainPattern>,
            #[serde(default, skip_serializing_if = "Vec::is_empty")]
            pub except_if_sent_to: Vec<SmtpAddress>,
            #[serde(default, skip_serializing_if = "Vec::is_empty")]
            pub except_if_recipient_domain_is: Vec<DomainPattern>,
        }

        impl $name {
            pub fn new(name: String, policy: String) -> Self {
                $name {
                    name,
                    $policy_field: policy,
                    priority: 0,
                    state: RuleState::Enabled,
                    comments: String::new(),
                    sent_to: Vec::new(),
                    recipient_domain_is: Vec::new(),
                    except_if_sent_to: Vec::new(),
                    except_if_recipient_domain_is: Vec::new(),
                }
            }

            pub fn problems(&self) -> Vec<String> {
                FilterRule::rule_problems(self)
            }
        }

        impl FilterRule for $name {
            const POLICY_KIND: &'static str = $policy;
            fn create(name: String, policy: String) -> Self {
                $name::new(name, policy)
            }
            fn rename(&mut self, name: String) {
                self.name = name;
            }
            fn policy(&self) -> &str {
                &self.$policy_field
            }
            fn set_policy(&mut self, policy: String) {
                self.$policy_field = policy;
            }
            fn priority(&self) -> u32 {
                self.priority
            }
            fn set_priority(&mut self, priority: u32) {
                self.priority = priority;
            }
            fn enabled(&self) -> bool {
                self.state == RuleState::Enabled
            }
            fn set_state(&mut self, state: RuleState) {
                self.state = state;
            }
            fn conditions(&self) -> Recipients<'_> {
                Recipients {
                    sent_to: &self.sent_to,
                    recipient_domain_is: &self.recipient_domain_is,
                }
            }
            fn exceptions(&self) -> Recipients<'_> {
                Recipients {
                    sent_to: &self.except_if_sent_to,
                    recipient_domain_is: &self.except_if_recipient_domain_is,
                }
            }
        }
    };
}

filter_rule!(
    /// Whom an anti-spam policy applies to.
    HostedContentFilterRule,
    hosted_content_filter_policy,
    "HostedContentFilterPolicy"
);
filter_rule!(
    /// Whom an anti-malware policy applies to.
    MalwareFilterRule,
    malware_filter_policy,
    "MalwareFilterPolicy"
);

#[cfg(test)]
mod tests {
    use super::*;

    fn rule(yaml: &str) -> HostedContentFilterRule {
        serde_yaml::from_str(yaml).unwrap()
    }

    #[test]
    fn conditions_are_inclusive_and_exceptions_spare() {
        let r = rule(
            "{ Name: R, HostedContentFilterPolicy: P, RecipientDomainIs: [contoso.com], ExceptIfSentTo: [ceo@contoso.com] }",
        );
        assert_eq!(
            r.names("bob@Contoso.com").as_deref(),
            Some("RecipientDomainIs contoso.com")
        );
        assert_eq!(r.names("ceo@contoso.com"), None);
        assert_eq!(r.names("bob@fabrikam.com"), None);
        let both = rule(
            "{ Name: R, HostedContentFilterPolicy: P, SentTo: [bob@contoso.com], RecipientDomainIs: [fabrikam.com] }",
        );
        assert_eq!(
            both.names("bob@contoso.com"),
            None,
            "both filters must hold"
        );
    }

    #[test]
    fn a_rule_names_someone_and_a_custom_policy() {
        let r = rule("{ Name: R, HostedContentFilterPolicy: default }");
        let problems = r.rule_problems();
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(problems[0].contains("SentTo or RecipientDomainIs"));
        assert!(problems[1].contains("New-HostedContentFilterPolicy"));
    }
}
