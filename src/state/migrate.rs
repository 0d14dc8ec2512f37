//! Schema versions. A file of an older `apiVersion` is brought up to the current one on
//! load (and written in the current form by the next change); each step has a test.
//!
//! - `eopctl/v1`, the first schema: the organisation settings sat under `Organization`, and
//!   a receive connector had a single `Binding` instead of the list `Bindings`.
//! - `eopctl/v2`: the current schema (`super::API_VERSION`).

use serde_yaml::Value;

use super::API_VERSION;

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
pub fn migrate(mut doc: Value) -> Result<Value, String> {
    loop {
        let version = doc
            .get("apiVersion")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_string();
        doc = match version.as_str() {
            API_VERSION => return Ok(doc),
            "eopctl/v1" => v1_to_v2(doc)?,
            other => return Err(unknown_version(other)),
        };
    }
}

pub fn unknown_version(version: &str) -> String {
    format!(
        "apiVersion '{version}' is not one this eopctl reads (it reads eopctl/v1 and {API_VERSION}); a newer eopctl may have written it"
    )
}

fn v1_to_v2(doc: Value) -> Result<Value, String> {
    let Value::Mapping(mut map) = doc else {
        return Err("the file is not a mapping of sections".into());
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
    map.insert("apiVersion".into(), API_VERSION.into());
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
        assert!(migrate(doc).unwrap_err().contains("eopctl/v9"));
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
