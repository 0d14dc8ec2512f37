//! Objects as a script sees them: properties by name (case and dashes ignored), the
//! comparisons of Where-Object, and Select-Object's projection.

use serde_json::{Map, Value};

use super::super::parse::Op;
pub(super) use crate::cli::argv::squash;
use crate::error::{Error, Result};

/// A property of an object by name, ignoring case as PowerShell does.
pub(super) fn property<'v>(obj: &'v Value, name: &str) -> Option<&'v Value> {
    obj.as_object()?
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case(name))
        .map(|(_, v)| v)
}

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

/// Text as a comparison sees it (`True` for true, as PowerShell prints it).
pub(super) fn compare_text(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        other => arg_text(other),
    }
}

/// `*` and `?` wildcards, as -like has them (ignoring case, the -clike forms too: the
/// one wildcard matcher eopctl has is the one its Identity lookups use).
pub(super) fn like(text: &str, pattern: &str) -> bool {
    crate::cmdlets::wildcard(pattern, text)
}

pub(super) fn compare(left: &Value, op: Op, case: bool, right: &Value) -> Result<bool> {
    let fold = |s: String| if case { s } else { s.to_lowercase() };
    let equal = |a: &Value, b: &Value| {
        let (x, y) = (fold(compare_text(a)), fold(compare_text(b)));
        match (x.parse::<f64>(), y.parse::<f64>()) {
            (Ok(m), Ok(n)) => m == n,
            _ => x == y,
        }
    };
    let list = |v: &Value| match v {
        Value::Array(items) => items.clone(),
        one => vec![one.clone()],
    };
    // An array on the left filters in PowerShell; in a condition, any match counts.
    if let (Value::Array(items), false) = (left, matches!(op, Op::Contains | Op::NotContains)) {
        let mut any = false;
        for item in items {
            any |= compare(item, op, case, right)?;
        }
        return Ok(any);
    }
    let order = || {
        let (x, y) = (fold(compare_text(left)), fold(compare_text(right)));
        match (x.parse::<f64>(), y.parse::<f64>()) {
            (Ok(m), Ok(n)) => m.partial_cmp(&n),
            _ => Some(x.cmp(&y)),
        }
    };
    let matches = |negate: bool| -> Result<bool> {
        let pattern = compare_text(right);
        let re = regex::RegexBuilder::new(&pattern)
            .case_insensitive(!case)
            .build()
            .map_err(|e| {
                Error::usage(format!("-match '{pattern}': not a regular expression: {e}"))
                    .help("write a regular expression (.NET syntax, as PowerShell's -match takes)")
            })?;
        Ok(re.is_match(&compare_text(left)) != negate)
    };
    use std::cmp::Ordering::*;
    Ok(match op {
        Op::Eq => equal(left, right),
        Op::Ne => !equal(left, right),
        Op::Gt => order() == Some(Greater),
        Op::Ge => matches!(order(), Some(Greater | Equal)),
        Op::Lt => order() == Some(Less),
        Op::Le => matches!(order(), Some(Less | Equal)),
        Op::Like => like(&compare_text(left), &compare_text(right)),
        Op::NotLike => !like(&compare_text(left), &compare_text(right)),
        Op::Match => matches(false)?,
        Op::NotMatch => matches(true)?,
        Op::Contains => list(left).iter().any(|i| equal(i, right)),
        Op::NotContains => !list(left).iter().any(|i| equal(i, right)),
        Op::In => list(right).iter().any(|i| equal(left, i)),
        Op::NotIn => !list(right).iter().any(|i| equal(left, i)),
    })
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
