//! What every cmdlet shares: the context it runs in, the change switches (`-WhatIf`,
//! `-Confirm`, `--yes`, `-PassThru`), and the value forms PowerShell users type
//! (`$true`, comma lists, `@{Add=...; Remove=...}`).

use std::io::IsTerminal;
use std::str::FromStr;

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use clap::Args;

use crate::error::{Error, Kind, Result};
use crate::output::Format;
use crate::state::store::Store;
use crate::state::values::ValueError;

pub struct Context {
    pub store: Store,
    pub format: Format,
    /// The command line as typed, recorded in the state history.
    pub command_line: String,
    /// The cmdlet's name as the user typed it, for messages.
    pub cmdlet: String,
}

/// The identity of one or more objects: a name or address, wildcards allowed.
#[derive(Args, Debug, Clone, Default)]
pub struct GetArgs {
    /// The object's name (or address, for recipients); `*` and `?` wildcards allowed.
    #[arg(long, value_name = "Identity")]
    pub identity: Option<String>,
}

/// Get-* of a kind Exchange filters with OPATH (Get-Mailbox, Get-MailUser): an identity
/// or a `-Filter` over the objects' properties.
#[derive(Args, Debug, Clone, Default)]
pub struct FilteredGetArgs {
    #[command(flatten)]
    pub get: GetArgs,
    /// The objects an OPATH filter matches: "PrimarySmtpAddress -like '*@contoso.com'".
    #[arg(long, value_name = "OPATH")]
    pub filter: Option<String>,
}

/// Switches of every cmdlet that changes the state.
#[derive(Args, Debug, Clone, Default)]
pub struct ChangeArgs {
    /// Show what would change, and change nothing.
    #[arg(long)]
    pub what_if: bool,
    /// Ask before changing (`-Confirm:$false` never asks).
    #[arg(long, value_name = "BOOL", num_args = 0..=1, require_equals = true, default_missing_value = "true", value_parser = parse_bool)]
    pub confirm: Option<bool>,
    /// Never ask for confirmation (the same as `-Confirm:$false`).
    #[arg(long, short = 'y')]
    pub yes: bool,
    /// Print the object after the change.
    #[arg(long)]
    pub pass_thru: bool,
}

/// The identity of exactly one object to change.
#[derive(Args, Debug, Clone)]
pub struct IdentityArgs {
    /// The object's name (or address, for recipients).
    #[arg(long, value_name = "Identity")]
    pub identity: String,
    #[command(flatten)]
    pub change: ChangeArgs,
}

/// Parses a PowerShell or Unix boolean: `$true`, `true`, `1`, `yes` (any case).
pub fn parse_bool(s: &str) -> Result<bool, ValueError> {
    match s
        .trim()
        .trim_start_matches('$')
        .to_ascii_lowercase()
        .as_str()
    {
        "true" | "1" | "yes" | "on" => Ok(true),
        "false" | "0" | "no" | "off" => Ok(false),
        _ => Err(ValueError::Choice {
            text: s.to_string(),
            what: "a boolean",
            choices: "$true or $false (true or false)",
        }),
    }
}

/// Splits a comma list, leaving commas inside double quotes alone.
fn split_list(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut quoted = false;
    for c in s.chars() {
        match c {
            '"' | '\'' => quoted = !quoted,
            ',' if !quoted => out.push(std::mem::take(&mut cur)),
            _ => cur.push(c),
        }
    }
    out.push(cur);
    out.into_iter()
        .map(|v| v.trim().to_string())
        .filter(|v| !v.is_empty())
        .collect()
}

/// A multi-valued parameter as typed: a new list, or PowerShell's
/// `@{Add="a","b"; Remove="c"}` to edit the current one.
#[derive(Debug, Clone, PartialEq)]
pub enum ListEdit {
    Replace(Vec<String>),
    Edit {
        add: Vec<String>,
        remove: Vec<String>,
    },
}

impl ListEdit {
    /// Reads every occurrence of the parameter (`--p a --p b,c` or `-P a,b,c`).
    pub fn parse(values: &[String], param: &str) -> Result<ListEdit> {
        if let [single] = values {
            let t = single.trim();
            if let Some(body) = t.strip_prefix("@{").and_then(|b| b.strip_suffix('}')) {
                let (mut add, mut remove) = (Vec::new(), Vec::new());
                for part in body.split(';').map(str::trim).filter(|p| !p.is_empty()) {
                    let (key, value) = part
                        .split_once('=')
                        .ok_or_else(|| bad_edit(param, single))?;
                    match key.trim().to_ascii_lowercase().as_str() {
                        "add" => add.extend(split_list(value)),
                        "remove" => remove.extend(split_list(value)),
                        _ => return Err(bad_edit(param, single)),
                    }
                }
                return Ok(ListEdit::Edit { add, remove });
            }
        }
        Ok(ListEdit::Replace(
            values.iter().flat_map(|v| split_list(v)).collect(),
        ))
    }

    /// Applies the edit to `current`, parsing each value; errors name the parameter.
    pub fn apply<T: FromStr<Err: std::fmt::Display> + PartialEq + ToString>(
        &self,
        current: &mut Vec<T>,
        param: &str,
    ) -> Result<()> {
        let parse = |v: &String| {
            v.parse::<T>()
                .map_err(|e| Error::usage(format!("-{param}: {e}")))
        };
        match self {
            ListEdit::Replace(values) => {
                let mut parsed = Vec::new();
                for v in values {
                    let v = parse(v)?;
                    if !parsed.contains(&v) {
                        parsed.push(v);
                    }
                }
                *current = parsed;
            }
            ListEdit::Edit { add, remove } => {
                for v in remove {
                    let v = parse(v)?;
                    let before = current.len();
                    current.retain(|c| c != &v);
                    if current.len() == before {
                        return Err(Error::not_found(format!(
                            "-{param}: {} is not in the list, so it cannot be removed",
                            v.to_string()
                        ))
                        .help(format!("the list holds: {}", list_text(current))));
                    }
                }
                for v in add {
                    let v = parse(v)?;
                    if !current.contains(&v) {
                        current.push(v);
                    }
                }
            }
        }
        Ok(())
    }
}

fn list_text<T: ToString>(values: &[T]) -> String {
    if values.is_empty() {
        return "(nothing)".into();
    }
    values
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

fn bad_edit(param: &str, value: &str) -> Error {
    Error::usage(format!("-{param}: '{value}' is not a list edit"))
        .help("write @{Add=\"a\",\"b\"; Remove=\"c\"} to add or remove values, or a comma list to replace them")
}

/// Applies an optional multi-valued parameter to a list field.
pub fn edit_list<T: FromStr<Err: std::fmt::Display> + PartialEq + ToString>(
    values: &Option<Vec<String>>,
    current: &mut Vec<T>,
    param: &str,
) -> Result<()> {
    match values {
        Some(v) => ListEdit::parse(v, param)?.apply(current, param),
        None => Ok(()),
    }
}

/// Parses an optional single-valued parameter where `$null` (an empty value) clears it.
pub fn edit_option<T: FromStr<Err: std::fmt::Display>>(
    value: &Option<String>,
    current: &mut Option<T>,
    param: &str,
) -> Result<()> {
    match value.as_deref().map(str::trim) {
        None => {}
        Some("") => *current = None,
        Some(v) => {
            *current = Some(
                v.parse()
                    .map_err(|e| Error::usage(format!("-{param}: {e}")))?,
            )
        }
    }
    Ok(())
}

/// Parses a required single value; errors name the parameter.
pub fn parse_value<T: FromStr<Err: std::fmt::Display>>(value: &str, param: &str) -> Result<T> {
    value
        .parse()
        .map_err(|e| Error::usage(format!("-{param}: {e}")))
}

/// Asks before a high-impact change on a terminal; never blocks without one.
pub fn confirmed(change: &ChangeArgs, question: &str) -> Result<bool> {
    if change.yes || change.confirm == Some(false) || change.what_if {
        return Ok(true);
    }
    let terminal = std::io::stdin().is_terminal() && std::io::stderr().is_terminal();
    if !terminal {
        if change.confirm == Some(true) {
            return Err(
                Error::usage("-Confirm was given but there is no terminal to ask on")
                    .help("drop -Confirm, or pass -Confirm:$false (or --yes) in scripts"),
            );
        }
        return Ok(true);
    }
    // Enter required: a lone `n` must not answer and leave its Enter to the shell.
    dialoguer::Confirm::new()
        .with_prompt(question)
        .default(false)
        .wait_for_newline(true)
        .interact()
        .map_err(|e| Error::new(Kind::Io, format!("cannot ask for confirmation: {e}")))
}

/// Copies each parameter that was given onto the field of the same name.
#[macro_export]
macro_rules! assign {
    ($params:expr => $obj:expr; $($field:ident),* $(,)?) => {
        $( if let Some(v) = $params.$field.clone() { $obj.$field = v; } )*
    };
}

/// A date as Exchange admins type it (`06/13/2017`, `2017-06-13`, `"6/13/2017 5:00 PM"`,
/// RFC 3339), taken as UTC; an error names the parameter `param`.
pub fn parse_date(text: &str, param: &str) -> Result<DateTime<Utc>> {
    date(text).ok_or_else(|| {
        Error::usage(format!("-{param}: '{text}' is not a date")).help(
            "write 2026-11-22, \"2026-11-22 18:00\", 2026-11-22T18:00:00Z, 11/22/2026 or \"11/22/2026 6:00 PM\" (UTC)",
        )
    })
}

/// `parse_date` without the error: for comparisons that fall back to text.
pub fn date(text: &str) -> Option<DateTime<Utc>> {
    let t = text.trim();
    if let Ok(d) = DateTime::parse_from_rfc3339(t) {
        return Some(d.with_timezone(&Utc));
    }
    for f in [
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%d %H:%M",
        "%Y-%m-%dT%H:%M:%S",
        "%Y-%m-%dT%H:%M",
        "%m/%d/%Y %H:%M:%S",
        "%m/%d/%Y %H:%M",
        // Exchange's own examples: "6/13/2017 5:00 PM".
        "%m/%d/%Y %I:%M %p",
        "%m/%d/%Y %I:%M:%S %p",
        "%Y-%m-%d %I:%M %p",
    ] {
        if let Ok(d) = NaiveDateTime::parse_from_str(t, f) {
            return Some(d.and_utc());
        }
    }
    for f in ["%Y-%m-%d", "%m/%d/%Y"] {
        if let Ok(d) = NaiveDate::parse_from_str(t, f) {
            return d.and_hms_opt(0, 0, 0).map(|d| d.and_utc());
        }
    }
    None
}

/// The state with the MailUsers directory synchronisation brought attached, as the relay
/// sees it (Test-MessageRoute must decide as the relay does).
pub fn load_with_directory(ctx: &Context) -> Result<crate::state::State> {
    let state = ctx.store.load()?;
    let index = crate::directory::load(ctx.store.data_dir()).map_err(|e| {
        Error::new(
            Kind::Io,
            format!(
                "directory database {}: {e}",
                ctx.store.data_dir().join(crate::directory::FILE).display()
            ),
        )
        .help("check the data directory's permissions")
    })?;
    state.synced.replace(index);
    Ok(state)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_as_exchange_takes_them() {
        let date = |t: &str| parse_date(t, "StartDate");
        let five_pm = date("6/13/2017 5:00 PM").unwrap();
        assert_eq!(five_pm.to_rfc3339(), "2017-06-13T17:00:00+00:00");
        assert_eq!(date("06/13/2017").unwrap(), date("2017-06-13").unwrap());
        let e = date("13/06/2017").unwrap_err();
        assert!(
            e.message.starts_with("-StartDate: '13/06/2017'"),
            "{}",
            e.message
        );
    }
    use crate::state::values::IpRange;

    #[test]
    fn lists_replace_and_edit() {
        let mut ips: Vec<IpRange> = Vec::new();
        edit_list(
            &Some(vec!["1.2.3.4,5.6.7.0/24".into()]),
            &mut ips,
            "SenderIPAddresses",
        )
        .unwrap();
        assert_eq!(ips.len(), 2);
        edit_list(
            &Some(vec![
                r#"@{Add="9.9.9.9","8.8.8.8"; Remove="1.2.3.4"}"#.into(),
            ]),
            &mut ips,
            "SenderIPAddresses",
        )
        .unwrap();
        let shown: Vec<String> = ips.iter().map(|i| i.to_string()).collect();
        assert_eq!(shown, ["5.6.7.0/24", "9.9.9.9", "8.8.8.8"]);
        let err = edit_list(
            &Some(vec!["@{Remove=\"7.7.7.7\"}".into()]),
            &mut ips,
            "SenderIPAddresses",
        )
        .unwrap_err();
        assert!(err.message.contains("SenderIPAddresses"), "{}", err.message);
        let err = edit_list(
            &Some(vec!["1.2.3.999".into()]),
            &mut ips,
            "SenderIPAddresses",
        )
        .unwrap_err();
        assert!(
            err.message.starts_with("-SenderIPAddresses: '1.2.3.999'"),
            "{}",
            err.message
        );
        assert!(edit_list(&Some(vec!["@{Put=\"x\"}".into()]), &mut ips, "X").is_err());
    }

    #[test]
    fn booleans_in_both_spellings() {
        assert_eq!(parse_bool("$true"), Ok(true));
        assert_eq!(parse_bool("False"), Ok(false));
        assert!(parse_bool("maybe").is_err());
    }
}
