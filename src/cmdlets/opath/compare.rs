//! PowerShell's comparison operators on property values, shared by OPATH filters
//! (`-Filter "MessageCount -gt 10"`) and script mode's Where-Object, so the two agree on
//! what `-eq`, `-like` or `-gt` mean: case ignored unless asked for, numbers as numbers,
//! dates as dates, an array on the left matching when any element does.

use serde_json::Value;

use crate::cmdlets::common::date;
use crate::error::{Error, Result};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    Eq,
    Ne,
    Gt,
    Ge,
    Lt,
    Le,
    Like,
    NotLike,
    Match,
    NotMatch,
    Contains,
    NotContains,
    In,
    NotIn,
}

impl Op {
    /// PowerShell's comparison operators by name (without the dash); `-ieq` is `-eq`
    /// (case-insensitive already) and `-ceq` asks for case, returned as the flag.
    pub fn parse(name: &str) -> Option<(Op, bool)> {
        let lower = name.to_ascii_lowercase();
        let (case, bare) = match lower.strip_prefix('c') {
            Some(rest) if Op::plain(rest).is_some() => (true, rest),
            _ => (
                false,
                lower
                    .strip_prefix('i')
                    .filter(|r| Op::plain(r).is_some())
                    .unwrap_or(&lower),
            ),
        };
        Op::plain(bare).map(|op| (op, case))
    }

    /// The operator's name, as [`Op::parse`] reads it (without the dash).
    pub fn name(self) -> &'static str {
        match self {
            Op::Eq => "eq",
            Op::Ne => "ne",
            Op::Gt => "gt",
            Op::Ge => "ge",
            Op::Lt => "lt",
            Op::Le => "le",
            Op::Like => "like",
            Op::NotLike => "notlike",
            Op::Match => "match",
            Op::NotMatch => "notmatch",
            Op::Contains => "contains",
            Op::NotContains => "notcontains",
            Op::In => "in",
            Op::NotIn => "notin",
        }
    }

    fn plain(name: &str) -> Option<Op> {
        Some(match name {
            "eq" => Op::Eq,
            "ne" => Op::Ne,
            "gt" => Op::Gt,
            "ge" => Op::Ge,
            "lt" => Op::Lt,
            "le" => Op::Le,
            "like" => Op::Like,
            "notlike" => Op::NotLike,
            "match" => Op::Match,
            "notmatch" => Op::NotMatch,
            "contains" => Op::Contains,
            "notcontains" => Op::NotContains,
            "in" => Op::In,
            "notin" => Op::NotIn,
            _ => return None,
        })
    }
}

/// A property of an object by name, ignoring case as PowerShell and OPATH do.
pub fn property<'v>(obj: &'v Value, name: &str) -> Option<&'v Value> {
    obj.as_object()?
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case(name))
        .map(|(_, v)| v)
}

/// Text as a comparison sees it: lists as PowerShell's `a,b`, `$null` as nothing.
pub fn compare_text(v: &Value) -> String {
    match v {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => n.to_string(),
        Value::Array(items) => items.iter().map(compare_text).collect::<Vec<_>>().join(","),
        Value::Object(_) => v.to_string(),
    }
}

/// `*` and `?` wildcards, as -like has them (ignoring case, the -clike forms too: the
/// one wildcard matcher eopctl has is the one its Identity lookups use).
pub fn like(text: &str, pattern: &str) -> bool {
    crate::cmdlets::wildcard(pattern, text)
}

/// How two texts order: as dates when both are dates (`2017-06-13T17:00:00Z` against
/// `"6/13/2017 5:00 PM"`), as numbers when both are numbers, else as text.
fn order(x: &str, y: &str) -> Option<std::cmp::Ordering> {
    if let (Some(m), Some(n)) = (date(x), date(y)) {
        return Some(m.cmp(&n));
    }
    match (x.parse::<f64>(), y.parse::<f64>()) {
        (Ok(m), Ok(n)) => m.partial_cmp(&n),
        _ => Some(x.cmp(y)),
    }
}

/// `left op right`; `case` for the -c forms. Only -match can fail (a bad regex).
pub fn compare(left: &Value, op: Op, case: bool, right: &Value) -> Result<bool> {
    let fold = |s: String| if case { s } else { s.to_lowercase() };
    let ordered = |a: &Value, b: &Value| order(&fold(compare_text(a)), &fold(compare_text(b)));
    let equal = |a: &Value, b: &Value| ordered(a, b) == Some(std::cmp::Ordering::Equal);
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
        Op::Gt => ordered(left, right) == Some(Greater),
        Op::Ge => matches!(ordered(left, right), Some(Greater | Equal)),
        Op::Lt => ordered(left, right) == Some(Less),
        Op::Le => matches!(ordered(left, right), Some(Less | Equal)),
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
