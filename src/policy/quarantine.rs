//! Quarantine policies, pure ("Quarantine policies"): which quarantine policy a held copy
//! falls under (the recipient's filter policy names one per verdict), what its recipient
//! may do with it, and when a recipient is due a quarantine notification.
//!
//! EOP's fixed rules on top of any policy: users never release malware or high
//! confidence phishing themselves (PermissionToRelease acts as PermissionToRequestRelease
//! there), and a mail flow rule's quarantine is for admins only.

use super::Blame;
use super::filter_scope;
use super::protection::QuarantineType;
use crate::state::State;
use crate::state::model::quarantine_policy::ADMIN_ONLY;
use crate::state::model::{Permission, QuarantinePolicy};

/// The quarantine policy a recipient's copy is held under, and who named it.
pub fn tag(state: &State, recipient: &str, kind: QuarantineType) -> (String, Blame) {
    let fixed = || {
        (
            ADMIN_ONLY.to_string(),
            Blame::new(
                format!("QuarantinePolicy \"{ADMIN_ONLY}\""),
                "a mail flow rule's quarantine is for admins only",
            ),
        )
    };
    let named = |object: String, param: &str, tag: &str| {
        let reason = format!("its {param} names QuarantinePolicy \"{tag}\"");
        (tag.to_string(), Blame::new(object, reason))
    };
    match kind {
        QuarantineType::TransportRule => fixed(),
        QuarantineType::Malware => match filter_scope::malware_filter(state, recipient) {
            Some(a) => named(a.blame.object, "QuarantineTag", &a.policy.quarantine_tag),
            None => fixed(),
        },
        _ => match filter_scope::content_filter(state, recipient) {
            Some(a) => {
                let p = a.policy;
                let (param, tag) = match kind {
                    QuarantineType::HighConfidenceSpam => (
                        "HighConfidenceSpamQuarantineTag",
                        &p.high_confidence_spam_quarantine_tag,
                    ),
                    QuarantineType::Phish => ("PhishQuarantineTag", &p.phish_quarantine_tag),
                    QuarantineType::HighConfidencePhish => (
                        "HighConfidencePhishQuarantineTag",
                        &p.high_confidence_phish_quarantine_tag,
                    ),
                    QuarantineType::Bulk => ("BulkQuarantineTag", &p.bulk_quarantine_tag),
                    _ => ("SpamQuarantineTag", &p.spam_quarantine_tag),
                };
                named(a.blame.object, param, tag)
            }
            None => fixed(),
        },
    }
}

/// The policy named `name`; a policy removed since the message was held leaves it to the
/// admins.
pub fn policy<'a>(state: &'a State, name: &str) -> Option<&'a QuarantinePolicy> {
    state
        .quarantine_policies
        .iter()
        .find(|p| p.name.eq_ignore_ascii_case(name))
}

/// What a recipient may do with a copy held under `tag` as `kind`.
pub fn permitted(state: &State, tag: &str, kind: QuarantineType, p: Permission) -> bool {
    let Some(policy) = policy(state, tag) else {
        return false;
    };
    let admin_release_only = matches!(
        kind,
        QuarantineType::Malware | QuarantineType::HighConfidencePhish
    );
    match (kind, p) {
        (QuarantineType::TransportRule, _) => false,
        (_, Permission::Release) if admin_release_only => false,
        (_, Permission::RequestRelease) if admin_release_only => {
            policy.allows(Permission::Release) || policy.allows(Permission::RequestRelease)
        }
        _ => policy.allows(p),
    }
}

/// Whether recipients of copies held under `tag` get quarantine notifications.
pub fn notifies(state: &State, tag: &str, kind: QuarantineType) -> bool {
    kind != QuarantineType::TransportRule && policy(state, tag).is_some_and(|p| p.esn_enabled)
}

/// Whether a recipient last notified at `last` (seconds; `None` never) is due another
/// notification at `now`: once per EndUserSpamNotificationFrequency.
pub fn digest_due(last: Option<i64>, now: i64, frequency_secs: u64) -> bool {
    last.is_none_or(|l| now.saturating_sub(l) >= frequency_secs as i64)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::model::quarantine_policy::{FULL_ACCESS, FULL_ACCESS_NOTIFY};

    fn state(yaml: &str) -> State {
        let text = format!("apiVersion: eopctl/v3\n{yaml}");
        crate::state::store::parse(&text, std::path::Path::new("t.yaml")).unwrap()
    }

    #[test]
    fn tags_follow_the_recipients_filter_policy() {
        let s = state(
            "QuarantinePolicies:\n  - { Name: Notify, EndUserQuarantinePermissionsValue: 27, ESNEnabled: true }\nHostedContentFilterPolicies:\n  - { Name: Default, SpamQuarantineTag: Notify }\n",
        );
        let (t, by) = tag(&s, "bob@contoso.com", QuarantineType::Spam);
        assert_eq!(t, "Notify");
        assert_eq!(
            by.to_string(),
            "HostedContentFilterPolicy \"Default\": its SpamQuarantineTag names QuarantinePolicy \"Notify\""
        );
        assert_eq!(
            tag(&s, "bob@contoso.com", QuarantineType::Bulk).0,
            FULL_ACCESS
        );
        assert_eq!(
            tag(&s, "bob@contoso.com", QuarantineType::HighConfidencePhish).0,
            ADMIN_ONLY
        );
        assert_eq!(
            tag(&s, "bob@contoso.com", QuarantineType::Malware).0,
            ADMIN_ONLY
        );
        assert!(notifies(&s, "Notify", QuarantineType::Spam));
        assert!(!notifies(&s, FULL_ACCESS, QuarantineType::Spam));
        assert!(permitted(
            &s,
            "Notify",
            QuarantineType::Spam,
            Permission::RequestRelease
        ));
        assert!(!permitted(
            &s,
            "Notify",
            QuarantineType::Spam,
            Permission::Release
        ));
    }

    #[test]
    fn malware_and_high_confidence_phish_are_never_released_by_users() {
        let s = state("");
        for kind in [QuarantineType::Malware, QuarantineType::HighConfidencePhish] {
            assert!(!permitted(
                &s,
                FULL_ACCESS_NOTIFY,
                kind,
                Permission::Release
            ));
            assert!(permitted(
                &s,
                FULL_ACCESS_NOTIFY,
                kind,
                Permission::RequestRelease
            ));
            assert!(permitted(&s, FULL_ACCESS_NOTIFY, kind, Permission::Preview));
        }
        assert!(permitted(
            &s,
            FULL_ACCESS_NOTIFY,
            QuarantineType::Spam,
            Permission::Release
        ));
        let rule = QuarantineType::TransportRule;
        assert!(!permitted(
            &s,
            FULL_ACCESS_NOTIFY,
            rule,
            Permission::Preview
        ));
        assert!(!notifies(&s, FULL_ACCESS_NOTIFY, rule));
        assert!(!permitted(
            &s,
            "Gone",
            QuarantineType::Spam,
            Permission::Preview
        ));
    }

    #[test]
    fn digests_follow_the_frequency() {
        assert!(digest_due(None, 100, 14_400));
        assert!(!digest_due(Some(100), 100 + 14_399, 14_400));
        assert!(digest_due(Some(100), 100 + 14_400, 14_400));
    }
}
