//! Objects as a script sees them: properties by name (case and dashes ignored), the
//! comparisons of Where-Object (OPATH's, `cmdlets::opath::compare`), and Select-Object's
//! projection.

use serde_json::{Map, Value};

pub(super) use crate::cli::names::squash;
pub(super) use crate::cmdlets::opath::compare::{compare, like, property};

/// `$x.A.B`: each step a property; on an array, each element's (member enumeration),
/// and `.Count` its length, as PowerShell gives every collection one.
pub(super) fn walk(mut value: Value, path: &[String]) -> Value {
    for step in path {
        let count = step.eq_ignore_ascii_case("count") && property(&value, step).is_none();
        value = match value {
            Value::Array(items) if count => Value::from(items.len()),
            Value::Array(items) => Value::Array(
                items
                    .iter()
                    .filter_map(|i| property(i, step).cloned())
                    .collect(),
            ),
            Value::Null if count => Value::from(0),
            _ if count => Value::from(1),
            v => property(&v, step).cloned().unwrap_or(Value::Null),
        };
    }
    value
}

/// A value as a command-line argument: lists as PowerShell's `a,b`, a hashtable of
/// Add/Remove as the `@{Add=...}` edit the cmdlets read, an object as its identity.
pub(super) fn arg_text(v: &Value) -> String {
    match v {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => n.to_string(),
        Value::Array(items) => items.iter().map(arg_text).collect::<Vec<_>>().join(","),
        Value::Object(map) => {
            let edit = !map.is_empty()
                && map
                    .keys()
                    .all(|k| k.eq_ignore_ascii_case("add") || k.eq_ignore_ascii_case("remove"));
            if edit {
                let quoted = |v: &Value| -> String {
                    let items = match v {
                        Value::Array(items) => items.clone(),
                        one => vec![one.clone()],
                    };
                    items
                        .iter()
                        .map(|i| format!("\"{}\"", arg_text(i)))
                        .collect::<Vec<_>>()
                        .join(",")
                };
                let parts: Vec<String> = map
                    .iter()
                    .map(|(k, v)| format!("{k}={}", quoted(v)))
                    .collect();
                return format!("@{{{}}}", parts.join("; "));
            }
            identity(v).unwrap_or_else(|| v.to_string())
        }
    }
}

/// What identifies an object when it is passed where an identity goes.
pub(super) fn identity(obj: &Value) -> Option<String> {
    ["Identity", "Name", "Thumbprint", "MessageId"]
        .iter()
        .find_map(|k| property(obj, k).filter(|v| !v.is_null()).map(arg_text))
}

pub(super) fn truthy(v: &Value) -> bool {
    match v {
        Value::Null => false,
        Value::Bool(b) => *b,
        Value::Number(n) => n.as_f64() != Some(0.0),
        Value::String(s) => !s.is_empty(),
        Value::Array(items) => !items.is_empty(),
        Value::Object(_) => true,
    }
}

/// Names given to Select-Object, Format-Table and Format-List: words or arrays of them.
pub(super) fn names(values: &[Value]) -> Vec<String> {
    values
        .iter()
        .flat_map(|v| match v {
            Value::Array(items) => items.iter().map(arg_text).collect::<Vec<_>>(),
            one => vec![arg_text(one)],
        })
        .collect()
}

/// `obj` with only the properties `wanted` (wildcards allowed), in that order, each under
/// its own spelling.
pub(super) fn project(obj: &Value, wanted: &[String]) -> Value {
    let mut out = Map::new();
    for w in wanted {
        match obj.as_object() {
            Some(map) if w.contains(['*', '?']) => {
                for (k, v) in map {
                    if like(k, w) {
                        out.insert(k.clone(), v.clone());
                    }
                }
            }
            Some(map) => {
                let (k, v) = map
                    .iter()
                    .find(|(k, _)| k.eq_ignore_ascii_case(w))
                    .map(|(k, v)| (k.clone(), v.clone()))
                    .unwrap_or((w.clone(), Value::Null));
                out.insert(k, v);
            }
            None => {
                out.insert(w.clone(), Value::Null);
            }
        }
    }
    Value::Object(out)
}
