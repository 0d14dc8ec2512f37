//! Which anti-spam and anti-malware policy applies to a recipient, and which outbound spam
//! policy to a sender, as Exchange Online decides it: the enabled filter rules in Priority
//! order (0 first), the first that names the address applying its policy; the Default
//! policy when none does. Pure: the state and the address are all it reads. The answer's
//! `Blame` names the rule and the policy, so the trace and Test-MessageRoute show both.

use super::Blame;
use crate::state::model::{
    FilterPolicy, FilterRule, HostedContentFilterPolicy, HostedContentFilterRule,
    HostedOutboundSpamFilterPolicy, HostedOutboundSpamFilterRule, MalwareFilterPolicy,
    MalwareFilterRule,
};
use crate::state::{State, StateObject};

/// The policy that applies to an address, and who chose it.
#[derive(Debug, Clone, PartialEq)]
pub struct Applied<'a, P> {
    pub policy: &'a P,
    /// The rule that applied it; None for the Default policy.
    pub rule: Option<&'a str>,
    pub blame: Blame,
}

/// The first enabled rule naming `address`, with its policy, else the Default policy.
/// None only for a state that lacks its Default policy (the store always adds it).
fn applied<'a, R: FilterRule, P: StateObject + FilterPolicy>(
    rules: &'a [R],
    policies: &'a [P],
    address: &str,
) -> Option<Applied<'a, P>> {
    // The store keeps rules in Priority order; sorting again costs little and keeps the
    // answer right for a state built in code.
    let mut enabled: Vec<&R> = rules.iter().filter(|r| r.enabled()).collect();
    enabled.sort_by_key(|r| r.priority());
    let named = enabled
        .into_iter()
        .find_map(|r| r.names(address).map(|why| (r, why)));
    if let Some((rule, why)) = named
        && let Some(policy) = policies
            .iter()
            .find(|p| p.name().eq_ignore_ascii_case(rule.policy()))
    {
        return Some(Applied {
            policy,
            rule: Some(rule.name()),
            blame: Blame::new(
                format!(
                    "{} \"{}\", {} \"{}\"",
                    R::KIND,
                    rule.name(),
                    P::KIND,
                    policy.name()
                ),
                format!("Priority {}: {why}", rule.priority()),
            ),
        });
    }
    let policy = policies.iter().find(|p| p.is_default())?;
    Some(Applied {
        policy,
        rule: None,
        blame: Blame::new(
            format!("{} \"{}\"", P::KIND, policy.name()),
            format!("no enabled {} names the {}", R::KIND, R::WHOM),
        ),
    })
}

/// The anti-spam policy of `recipient`.
pub fn content_filter<'a>(
    state: &'a State,
    recipient: &str,
) -> Option<Applied<'a, HostedContentFilterPolicy>> {
    applied::<HostedContentFilterRule, _>(
        &state.content_filter_rules,
        &state.content_filter_policies,
        recipient,
    )
}

/// The anti-malware policy of `recipient`.
pub fn malware_filter<'a>(
    state: &'a State,
    recipient: &str,
) -> Option<Applied<'a, MalwareFilterPolicy>> {
    applied::<MalwareFilterRule, _>(
        &state.malware_filter_rules,
        &state.malware_filter_policies,
        recipient,
    )
}

/// The outbound spam policy of `sender` (the envelope sender of the organisation's mail).
pub fn outbound_spam<'a>(
    state: &'a State,
    sender: &str,
) -> Option<Applied<'a, HostedOutboundSpamFilterPolicy>> {
    applied::<HostedOutboundSpamFilterRule, _>(
        &state.outbound_spam_rules,
        &state.outbound_spam_policies,
        sender,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn state(extra: &str) -> State {
        let text = format!(
            "apiVersion: eopctl/v3\nAcceptedDomains:\n  - {{ Name: contoso.com, DomainName: contoso.com, Default: true }}\nHostedContentFilterPolicies:\n  - {{ Name: Strict }}\n  - {{ Name: Lenient }}\n{extra}"
        );
        crate::state::store::parse(&text, std::path::Path::new("t.yaml")).unwrap()
    }

    #[test]
    fn first_enabled_rule_by_priority_else_default() {
        let s = state(
            "HostedContentFilterRules:\n  - { Name: Bosses, HostedContentFilterPolicy: Lenient, Priority: 0, SentTo: [ceo@contoso.com] }\n  - { Name: Everyone, HostedContentFilterPolicy: Strict, Priority: 1, RecipientDomainIs: [contoso.com] }\n",
        );
        let a = content_filter(&s, "ceo@contoso.com").unwrap();
        assert_eq!(
            (a.policy.name.as_str(), a.rule),
            ("Lenient", Some("Bosses"))
        );
        assert_eq!(
            a.blame.to_string(),
            "HostedContentFilterRule \"Bosses\", HostedContentFilterPolicy \"Lenient\": Priority 0: SentTo ceo@contoso.com"
        );
        let a = content_filter(&s, "bob@contoso.com").unwrap();
        assert_eq!(
            (a.policy.name.as_str(), a.rule),
            ("Strict", Some("Everyone"))
        );
        let a = content_filter(&s, "bob@fabrikam.com").unwrap();
        assert_eq!((a.policy.name.as_str(), a.rule), ("Default", None));
        assert_eq!(
            a.blame.to_string(),
            "HostedContentFilterPolicy \"Default\": no enabled HostedContentFilterRule names the recipient"
        );
    }

    #[test]
    fn disabled_rules_are_skipped() {
        let s = state(
            "HostedContentFilterRules:\n  - { Name: Bosses, HostedContentFilterPolicy: Lenient, State: Disabled, SentTo: [ceo@contoso.com] }\n",
        );
        let a = content_filter(&s, "ceo@contoso.com").unwrap();
        assert_eq!((a.policy.name.as_str(), a.rule), ("Default", None));
        let a = malware_filter(&s, "ceo@contoso.com").unwrap();
        assert_eq!(a.policy.name, "Default");
    }
}
