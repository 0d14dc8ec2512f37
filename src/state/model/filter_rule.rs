//! The rules that say whom a filter policy applies to, kept apart from the policy's settings
//! as Exchange Online keeps them (New-HostedContentFilterRule, New-MalwareFilterRule,
//! New-HostedOutboundSpamFilterRule): a policy holds only settings, a rule names
//! recipients (or, for outbound spam, senders) and one custom policy, and the Default
//! policy takes everyone no enabled rule names. Rules run in Priority order
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

/// Address filters: whom a rule names (its conditions) or spares (its exceptions), by
/// address or by domain. A filter rule judges recipients (anti-spam, anti-malware) or
/// senders (outbound spam); `words` names its two parameters for the reasons it gives.
/// Within one filter the values are alternatives; the filters given must all hold, as in
/// Microsoft's "Configure anti-spam policies in EOP" ("multiple different conditions or
/// exceptions aren't additive; they're inclusive").
#[derive(Debug, Clone, Copy)]
pub struct AddressFilter<'a> {
    pub addresses: &'a [SmtpAddress],
    pub domains: &'a [DomainPattern],
    /// The parameters' names: (`SentTo`, `RecipientDomainIs`) or (`From`, `SenderDomainIs`).
    pub words: (&'static str, &'static str),
}

impl AddressFilter<'_> {
    pub fn is_empty(&self) -> bool {
        self.addresses.is_empty() && self.domains.is_empty()
    }

    /// The filters that name `address`, in words (`RecipientDomainIs contoso.com`), when
    /// every filter given does; None when one does not (or none is given).
    pub fn naming(&self, address: &str) -> Option<String> {
        if self.is_empty() {
            return None;
        }
        let domain = address
            .rsplit_once('@')
            .map(|(_, d)| d.to_ascii_lowercase())
            .unwrap_or_default();
        let mut why = Vec::new();
        if !self.addresses.is_empty() {
            let a = self
                .addresses
                .iter()
                .find(|a| a.to_string().eq_ignore_ascii_case(address))?;
            why.push(format!("{} {a}", self.words.0));
        }
        if !self.domains.is_empty() {
            let d = self.domains.iter().find(|d| d.matches(&domain))?;
            why.push(format!("{} {d}", self.words.1));
        }
        Some(why.join(" and "))
    }
}

/// What the kinds of filter rule share, for the code written once over them all.
pub trait FilterRule: crate::state::StateObject {
    /// The kind of policy the rule applies (`HostedContentFilterPolicy`).
    const POLICY_KIND: &'static str;
    /// Whom its filters name: `recipient` or `sender`.
    const WHOM: &'static str;
    /// A new enabled rule applying `policy`, naming no one yet.
    fn create(name: String, policy: String) -> Self;
    fn rename(&mut self, name: String);
    fn policy(&self) -> &str;
    fn set_policy(&mut self, policy: String);
    fn priority(&self) -> u32;
    fn set_priority(&mut self, priority: u32);
    fn enabled(&self) -> bool;
    fn set_state(&mut self, state: RuleState);
    fn conditions(&self) -> AddressFilter<'_>;
    fn exceptions(&self) -> AddressFilter<'_>;

    /// Why the rule names `address` (its conditions hold and no exception does), if it
    /// does; whether it is enabled is the caller's question.
    fn names(&self, address: &str) -> Option<String> {
        let why = self.conditions().naming(address)?;
        self.exceptions().naming(address).is_none().then_some(why)
    }

    fn rule_problems(&self) -> Vec<String> {
        let mut out = Vec::new();
        let c = self.conditions();
        if c.is_empty() {
            out.push(format!(
                "the rule names no {}: set {} or {} (the Default policy is the one for everyone)",
                Self::WHOM,
                c.words.0,
                c.words.1
            ));
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

/// A kind of filter rule: its name, its policy field and kind, whom it names, and its
/// four filter fields (addresses, domains, and the exceptions of each) with their
/// parameter names.
macro_rules! filter_rule {
    ($(#[$doc:meta])* $name:ident, $policy_field:ident, $policy:literal, $whom:literal,
     $addr:ident = $addr_word:literal, $dom:ident = $dom_word:literal,
     $ex_addr:ident, $ex_dom:ident) => {
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
            pub $addr: Vec<SmtpAddress>,
            #[serde(default, skip_serializing_if = "Vec::is_empty")]
            pub $dom: Vec<DomainPattern>,
            #[serde(default, skip_serializing_if = "Vec::is_empty")]
            pub $ex_addr: Vec<SmtpAddress>,
            #[serde(default, skip_serializing_if = "Vec::is_empty")]
            pub $ex_dom: Vec<DomainPattern>,
        }

        impl $name {
            pub fn new(name: String, policy: String) -> Self {
                $name {
                    name,
                    $policy_field: policy,
                    priority: 0,
                    state: RuleState::Enabled,
                    comments: String::new(),
                    $addr: Vec::new(),
                    $dom: Vec::new(),
                    $ex_addr: Vec::new(),
                    $ex_dom: Vec::new(),
                }
            }

            pub fn problems(&self) -> Vec<String> {
                FilterRule::rule_problems(self)
            }
        }

        impl FilterRule for $name {
            const POLICY_KIND: &'static str = $policy;
            const WHOM: &'static str = $whom;
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
            fn conditions(&self) -> AddressFilter<'_> {
                AddressFilter {
                    addresses: &self.$addr,
                    domains: &self.$dom,
                    words: ($addr_word, $dom_word),
                }
            }
            fn exceptions(&self) -> AddressFilter<'_> {
                AddressFilter {
                    addresses: &self.$ex_addr,
                    domains: &self.$ex_dom,
                    words: (concat!("ExceptIf", $addr_word), concat!("ExceptIf", $dom_word)),
                }
            }
        }
    };
}

filter_rule!(
    /// Whom an anti-spam policy applies to.
    HostedContentFilterRule,
    hosted_content_filter_policy,
    "HostedContentFilterPolicy",
    "recipient",
    sent_to = "SentTo",
    recipient_domain_is = "RecipientDomainIs",
    except_if_sent_to,
    except_if_recipient_domain_is
);
filter_rule!(
    /// Whom an anti-malware policy applies to.
    MalwareFilterRule,
    malware_filter_policy,
    "MalwareFilterPolicy",
    "recipient",
    sent_to = "SentTo",
    recipient_domain_is = "RecipientDomainIs",
    except_if_sent_to,
    except_if_recipient_domain_is
);
filter_rule!(
    /// Which senders an outbound spam policy applies to ("Configure outbound spam
    /// policies in EOP": From, SenderDomainIs and their exceptions).
    HostedOutboundSpamFilterRule,
    hosted_outbound_spam_filter_policy,
    "HostedOutboundSpamFilterPolicy",
    "sender",
    from = "From",
    sender_domain_is = "SenderDomainIs",
    except_if_from,
    except_if_sender_domain_is
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
