//! What changed between two states, object by object and property by property.
//! `-WhatIf` prints it before a change; `Compare-State` prints it between revisions.

use serde::Serialize;
use serde_json::Value;

use super::State;

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct Change {
    /// The list or section of the state file (`InboundConnectors`).
    pub section: String,
    pub name: String,
    /// Added, Removed or Modified.
    pub change: &'static str,
    pub property: String,
    pub old_value: Value,
    pub new_value: Value,
}

fn as_object_list(v: &Value) -> Option<Vec<(String, &Value)>> {
    v.as_array()?
        .iter()
        .map(|o| {
            Some((
                o.get("Name")
                    .or_else(|| o.get("Domain"))?
                    .as_str()?
                    .to_string(),
                o,
            ))
        })
        .collect()
}

fn find<'a>(list: &[(String, &'a Value)], name: &str) -> Option<&'a Value> {
    list.iter().find(|(n, _)| n == name).map(|(_, v)| *v)
}

fn properties(section: &str, name: &str, old: &Value, new: &Value, out: &mut Vec<Change>) {
    let empty = serde_json::Map::new();
    let (o, n) = (
        old.as_object().unwrap_or(&empty),
        new.as_object().unwrap_or(&empty),
    );
    let mut keys: Vec<&String> = o.keys().chain(n.keys()).collect();
    keys.sort();
    keys.dedup();
    for k in keys {
        let (a, b) = (
            o.get(k).unwrap_or(&Value::Null),
            n.get(k).unwrap_or(&Value::Null),
        );
        if a != b {
            out.push(Change {
                section: section.into(),
                name: name.into(),
                change: "Modified",
                property: k.clone(),
                old_value: a.clone(),
                new_value: b.clone(),
            });
        }
    }
}

/// Every difference from `old` to `new`, in file order; the revision counter is ignored.
pub fn diff(old: &State, new: &State) -> Vec<Change> {
    let (old, new) = (
        serde_json::to_value(old).unwrap_or_default(),
        serde_json::to_value(new).unwrap_or_default(),
    );
    let empty = serde_json::Map::new();
    let (o, n) = (
        old.as_object().unwrap_or(&empty),
        new.as_object().unwrap_or(&empty),
    );
    let mut out = Vec::new();
    let mut sections: Vec<&String> = n.keys().collect();
    sections.extend(o.keys().filter(|k| !n.contains_key(*k)));
    for section in sections.into_iter().filter(|s| *s != "revision") {
        let (a, b) = (
            o.get(section).unwrap_or(&Value::Null),
            n.get(section).unwrap_or(&Value::Null),
        );
        if a == b {
            continue;
        }
        let lists = (
            as_object_list(a).or_else(|| a.is_null().then(Vec::new)),
            as_object_list(b).or_else(|| b.is_null().then(Vec::new)),
        );
        let (Some(a_list), Some(b_list)) = lists else {
            // A single object (OrganizationConfig, the connection filter policy) by its own
            // Name where it has one.
            let name = b
                .get("Name")
                .or_else(|| a.get("Name"))
                .and_then(|n| n.as_str())
                .filter(|n| !n.is_empty())
                .unwrap_or(section);
            properties(section, name, a, b, &mut out);
            continue;
        };
        for (name, before) in &a_list {
            match find(&b_list, name) {
                None => out.push(Change {
                    section: section.clone(),
                    name: name.clone(),
                    change: "Removed",
                    property: String::new(),
                    old_value: (*before).clone(),
                    new_value: Value::Null,
                }),
                Some(after) => properties(section, name, before, after, &mut out),
            }
        }
        for (name, after) in &b_list {
            if find(&a_list, name).is_none() {
                out.push(Change {
                    section: section.clone(),
                    name: name.clone(),
                    change: "Added",
                    property: String::new(),
                    old_value: Value::Null,
                    new_value: (*after).clone(),
                });
            }
        }
    }
    out
}
