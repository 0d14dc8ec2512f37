//! Schema versions. A file of an older `apiVersion` is brought up to the current one on
//! load (and written in the current form by the next change); each step has a test.
//!
//! - `eopctl/v1`, the first schema: the organisation settings sat under `Organization`, and
//!   a receive connector had a single `Binding` instead of the list `Bindings`.
//! - `eopctl/v2`: a custom anti-spam or anti-malware policy carried its own scope
//!   (`SentTo`, `RecipientDomainIs`, `Priority`).
//! - `eopctl/v3`: the current schema (`super::API_VERSION`). Policies hold settings only; a
//!   HostedContentFilterRule or MalwareFilterRule names the recipients, as in Exchange
//!   Online.

use serde_yaml::{Mapping, Value};

use super::API_VERSION;

/// The versions this build reads, oldest first; each but the last is migrated.
pub const READS: &[&str] = &["eopctl/v1", "eopctl/v2", API_VERSION];

/// Why a file cannot be brought up to the current schema.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MigrateError {
    #[error(
        "apiVersion '{0}' is not one this eopctl reads (it reads {reads}); a newer eopctl may have written it",
        reads = READS.join(", ")
    )]
    UnknownVersion(String),
    #[error("the file is not a mapping of sections")]
    NotAMapping,
}

/// The `apiVersion` a file declares, read from its text without parsing the whole file
/// (so a current file is parsed once, straight into the typed model).
pub fn declared_version(text: &str) -> Option<&str> {
    text.lines()
        .find_map(|l| l.strip_prefix("apiVersion:"))
        .map(|v| {
            v.split('#')
                .next()
                .unwrap_or("")
                .trim()
                .trim_matches(|c| c == '"' || c == '\'')
        })
}

/// Upgrades a parsed older file to the current schema, or says why it cannot.
pub fn migrate(mut doc: Value) -> Result<Value, MigrateError> {
    loop {
        let version = doc
            .get("apiVersion")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_string();
        doc = match version.as_str() {
            API_VERSION => return Ok(doc),
            "eopctl/v1" => v1_to_v2(doc)?,
            "eopctl/v2" => v2_to_v3(doc)?,
            other => return Err(MigrateError::UnknownVersion(other.into())),
        };
    }
}

fn v1_to_v2(doc: Value) -> Result<Value, MigrateError> {
    let Value::Mapping(mut map) = doc else {
        return Err(MigrateError::NotAMapping);
    };
    if let Some(org) = map.remove("Organization") {
        map.insert("OrganizationConfig".into(), org);
    }
    if let Some(Value::Sequence(connectors)) = map.get_mut("ReceiveConnectors") {
        for c in connectors.iter_mut().filter_map(Value::as_mapping_mut) {
            if let Some(binding) = c.remove("Binding") {
                c.insert("Bindings".into(), Value::Sequence(vec![binding]));
            }
        }
    }
    map.insert("apiVersion".into(), "eopctl/v2".into());
    Ok(Value::Mapping(map))
}

/// Each scoped custom policy becomes the same policy without its scope plus a rule of the
/// same name that applies it to the same recipients. v2 chose among policies by Priority,
/// then by place in the file; the rules keep that order, numbered 0..n-1 as rules must be.
/// (v2 took a policy naming SentTo or RecipientDomainIs; a rule needs both to hold, so a
/// policy that set both becomes a narrower rule: the only behaviour this step changes.)
fn v2_to_v3(doc: Value) -> Result<Value, MigrateError> {
    let Value::Mapping(mut map) = doc else {
        return Err(MigrateError::NotAMapping);
    };
    for (policies, rules, policy_key) in [
        (
            "HostedContentFilterPolicies",
            "HostedContentFilterRules",
            "HostedContentFilterPolicy",
        ),
        (
            "MalwareFilterPolicies",
            "MalwareFilterRules",
            "MalwareFilterPolicy",
        ),
    ] {
        let mut made: Vec<(u64, Mapping)> = Vec::new();
        if let Some(Value::Sequence(list)) = map.get_mut(policies) {
            for p in list.iter_mut().filter_map(Value::as_mapping_mut) {
                let priority = p.remove("Priority").and_then(|v| v.as_u64()).unwrap_or(0);
                let scope: Vec<(&str, Value)> = ["SentTo", "RecipientDomainIs"]
                    .into_iter()
                    .filter_map(|k| p.remove(k).map(|v| (k, v)))
                    .collect();
                let name = p.get("Name").cloned().unwrap_or(Value::Null);
                let default = name
                    .as_str()
                    .is_some_and(|n| n.eq_ignore_ascii_case("Default"));
                if scope.is_empty() || default {
                    continue;
                }
                let mut rule = Mapping::new();
                rule.insert("Name".into(), name.clone());
                rule.insert(policy_key.into(), name);
                for (k, v) in scope {
                    rule.insert(k.into(), v);
                }
                made.push((priority, rule));
            }
        }
        // A stable sort: equal priorities keep their order in the file.
        made.sort_by_key(|(priority, _)| *priority);
        if !made.is_empty() {
            let list = made
                .into_iter()
                .enumerate()
                .map(|(i, (_, mut rule))| {
                    rule.insert("Priority".into(), Value::from(i as u64));
                    Value::Mapping(rule)
                })
                .collect();
            map.insert(rules.into(), Value::Sequence(list));
        }
    }
    map.insert("apiVersion".into(), "eopctl/v3".into());
    Ok(Value::Mapping(map))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn v1_files_are_migrated() {
        let v1 = "apiVersion: eopctl/v1\nrevision: 3\nOrganization:\n  Name: Contoso\nReceiveConnectors:\n- Name: Default\n  Binding: 0.0.0.0:25\n";
        assert_eq!(declared_version(v1), Some("eopctl/v1"));
        let doc: Value = serde_yaml::from_str(v1).unwrap();
        let migrated = migrate(doc).unwrap();
        let state: crate::state::State = serde_yaml::from_value(migrated).unwrap();
        assert_eq!(state.api_version, API_VERSION);
        assert_eq!(state.revision, 3);
        assert_eq!(state.organization.name, "Contoso");
        assert_eq!(
            state.receive_connectors[0].bindings[0].to_string(),
            "0.0.0.0:25"
        );
    }

    #[test]
    fn unknown_versions_are_refused() {
        let doc: Value = serde_yaml::from_str("apiVersion: eopctl/v9\n").unwrap();
        let e = migrate(doc).unwrap_err();
        assert_eq!(e, MigrateError::UnknownVersion("eopctl/v9".into()));
        assert!(
            e.to_string().contains("eopctl/v1, eopctl/v2, eopctl/v3"),
            "{e}"
        );
    }

    fn load(text: &str) -> crate::state::State {
        let migrated = migrate(serde_yaml::from_str(text).unwrap()).unwrap();
        serde_yaml::from_value(migrated).unwrap()
    }

    /// A v2 file as eopctl v2 wrote it (every policy with its Priority, custom ones with
    /// their scope; priorities tied and out of file order).
    const V2: &str = "apiVersion: eopctl/v2
revision: 9
AcceptedDomains:
- Name: contoso.com
  DomainName: contoso.com
  DomainType: Authoritative
  Default: true
HostedContentFilterPolicies:
- Name: Default
  Priority: 0
  SpamAction: MoveToJmf
- Name: Strict
  RecipientDomainIs:
  - contoso.com
  Priority: 2
  HighConfidenceSpamAction: Quarantine
- Name: Executives
  SentTo:
  - ceo@contoso.com
  Priority: 1
- Name: Spare
  Priority: 2
  SentTo:
  - spare@contoso.com
MalwareFilterPolicies:
- Name: Default
  Priority: 0
- Name: Sales
  RecipientDomainIs:
  - contoso.com
  Priority: 0
  Action: Quarantine
";

    #[test]
    fn v2_scoped_policies_become_policies_and_rules() {
        let state = load(V2);
        assert_eq!(state.api_version, API_VERSION);
        assert_eq!(state.revision, 9);
        let names: Vec<&str> = state
            .content_filter_policies
            .iter()
            .map(|p| p.name.as_str())
            .collect();
        assert_eq!(names, ["Default", "Strict", "Executives", "Spare"]);
        let rules: Vec<(&str, &str, u32)> = state
            .content_filter_rules
            .iter()
            .map(|r| {
                (
                    r.name.as_str(),
                    r.hosted_content_filter_policy.as_str(),
                    r.priority,
                )
            })
            .collect();
        assert_eq!(
            rules,
            [
                ("Executives", "Executives", 0),
                ("Strict", "Strict", 1),
                ("Spare", "Spare", 2)
            ]
        );
        assert_eq!(
            state.content_filter_rules[1].recipient_domain_is[0].to_string(),
            "contoso.com"
        );
        assert_eq!(
            state.content_filter_rules[0].sent_to[0].to_string(),
            "ceo@contoso.com"
        );
        assert_eq!(state.malware_filter_rules.len(), 1);
        assert_eq!(state.malware_filter_rules[0].malware_filter_policy, "Sales");
        assert!(
            crate::state::validate::validate(&state).is_empty(),
            "{:?}",
            crate::state::validate::validate(&state)
        );
    }

    #[test]
    fn v1_files_reach_v3() {
        let v1 = V2.replace("eopctl/v2", "eopctl/v1").replace(
            "revision: 9\n",
            "revision: 9\nOrganization:\n  Name: Contoso\n",
        );
        let state = load(&v1);
        assert_eq!(state.api_version, API_VERSION);
        assert_eq!(state.organization.name, "Contoso");
        assert_eq!(state.content_filter_rules.len(), 3);
    }

    #[test]
    fn declared_version_reads_quoted_values() {
        assert_eq!(
            declared_version("# c\napiVersion: \"eopctl/v2\" # now\n"),
            Some("eopctl/v2")
        );
        assert_eq!(declared_version("revision: 1\n"), None);
    }
}
