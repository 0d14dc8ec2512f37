//! Turns a PowerShell-style command line into the Unix-style one clap parses.
//!
//! clap matches subcommand and flag names case-sensitively (clap-rs/clap#6097), so this
//! runs first: `New-InboundConnector -SenderIPAddresses:1.2.3.4,5.6.7.8 -RequireTls $true`
//! becomes `new-inboundconnector --sender-ip-addresses=1.2.3.4,5.6.7.8 --require-tls true`.
//! Parameter names are matched ignoring case, dashes and underscores against the
//! cmdlet's own arguments, so both spellings reach the same clap definition.

use clap::{Arg, Command};

use super::names::{display_name, param_name, squash};
use crate::error::{Error, Result};

/// What the command line asks for.
#[derive(Debug, PartialEq)]
pub enum Request {
    /// Arguments for clap.
    Run(Vec<String>),
    /// The reference page of a cmdlet (`eopctl help X`, `X -?`).
    Page(String),
    /// `eopctl help` alone: the list of cmdlets, asked for.
    Help,
    /// No cmdlet at all (bare `eopctl`): the list of cmdlets, as a usage error.
    Usage,
}

fn find_arg<'a>(cmd: &'a Command, name: &str) -> Option<&'a Arg> {
    let wanted = squash(name);
    cmd.get_arguments().find(|a| {
        a.get_long().is_some_and(|l| squash(l) == wanted)
            || a.get_all_aliases()
                .is_some_and(|al| al.iter().any(|x| squash(x) == wanted))
            || (name.chars().count() == 1 && a.get_short().is_some_and(|s| s.to_string() == name))
    })
}

fn takes_value(arg: &Arg) -> bool {
    arg.get_action().takes_values() && !arg.is_require_equals_set()
}

fn is_boolean(arg: &Arg) -> bool {
    arg.get_value_names()
        .is_some_and(|v| v.iter().any(|n| n.as_str() == "BOOL"))
        && !arg.is_require_equals_set()
}

/// PowerShell's literals: `$true`, `$false`, and `$null` (an empty value, which clears).
fn value(token: &str) -> String {
    match token.to_ascii_lowercase().as_str() {
        "$true" => "true".into(),
        "$false" => "false".into(),
        "$null" => String::new(),
        _ => token.to_string(),
    }
}

fn looks_like_option(token: &str) -> bool {
    token.len() > 1
        && token.starts_with('-')
        && !token[1..].starts_with(|c: char| c.is_ascii_digit() || c == '.')
}

/// Rewrites `argv` (without the program name) for `root`, which must be built.
pub fn normalize(root: &Command, argv: &[String]) -> Result<Request> {
    let mut out = Vec::new();
    let mut i = 0;
    // Options before the cmdlet name belong to the root command.
    let mut current = root;
    let mut cmdlet: Option<&Command> = None;
    let mut first_after_cmdlet = false;
    while i < argv.len() {
        let token = &argv[i];
        i += 1;
        if cmdlet.is_none() && !looks_like_option(token) {
            if token.eq_ignore_ascii_case("help") {
                return Ok(match argv.get(i) {
                    Some(name) => Request::Page(cmdlet_name(root, name)?),
                    None => Request::Help,
                });
            }
            let sub = root
                .find_subcommand(token.to_ascii_lowercase())
                .ok_or_else(|| unknown_cmdlet(root, token))?;
            cmdlet = Some(sub);
            current = sub;
            first_after_cmdlet = true;
            out.push(sub.get_name().to_string());
            continue;
        }
        if token == "-?" {
            return Ok(Request::Page(
                cmdlet.map(|c| c.get_name().to_string()).unwrap_or_default(),
            ));
        }
        if !looks_like_option(token) || token == "--" {
            // PowerShell's position 0: the Identity (or Name, for New-*).
            let positional = first_after_cmdlet && !token.starts_with('-');
            if let Some(arg) = ["identity", "name"]
                .iter()
                .find_map(|n| find_arg(current, n))
                .filter(|_| positional)
            {
                out.push(format!("--{}", arg.get_long().unwrap_or_default()));
            }
            first_after_cmdlet = false;
            out.push(value(token));
            continue;
        }
        first_after_cmdlet = false;
        let body = token.trim_start_matches('-');
        let (name, inline) = match body.find([':', '=']) {
            Some(at) => (&body[..at], Some(&body[at + 1..])),
            None => (body, None),
        };
        let Some(arg) = find_arg(current, name) else {
            let Some(cmd) = cmdlet else {
                out.push(token.clone()); // before the cmdlet: clap reports it
                continue;
            };
            return Err(unknown_parameter(cmd, token, name));
        };
        let long = match arg.get_long() {
            Some(l) => format!("--{l}"),
            None => format!("-{}", arg.get_short().unwrap_or('?')),
        };
        if let Some(v) = inline {
            out.push(format!("{long}={}", value(v)));
            continue;
        }
        out.push(long);
        if !takes_value(arg) {
            continue;
        }
        let next = argv.get(i);
        let missing = next.is_none_or(|n| {
            looks_like_option(n) && find_arg(current, n.trim_start_matches('-')).is_some()
        });
        if missing && is_boolean(arg) {
            let shown = display_name(current);
            return Err(Error::usage(format!("{shown}: {token} needs a value: $true or $false")).help(
                "in bash and other Unix shells $true is an empty variable: quote it ('$true') or write true",
            ));
        }
        if missing {
            continue; // clap reports the missing value
        }
        // The value, with PowerShell's `a, b` (a space after the comma) joined back up.
        let mut v = value(&argv[i]);
        i += 1;
        while v.ends_with(',') && i < argv.len() {
            v.push_str(&argv[i]);
            i += 1;
        }
        out.push(v);
    }
    let asks_help = out
        .iter()
        .any(|a| ["-h", "--help", "-V", "--version"].contains(&a.as_str()));
    if cmdlet.is_none() && !asks_help {
        return Ok(Request::Usage);
    }
    Ok(Request::Run(out))
}

/// Whether the user writes PowerShell spelling (`New-InboundConnector`, `-Name`) rather
/// than Unix spelling (`new-inboundconnector`, `--name`): suggestions answer in kind.
fn powershell_spelling(token: &str) -> bool {
    !token.starts_with("--") && token.chars().any(|c| c.is_ascii_uppercase())
}

/// The one or two `candidates` (compared as squashed, shown as given) closest to `typed`:
/// one name is an answer, forty are a list to read.
fn closest(typed: &str, candidates: impl Iterator<Item = (String, String)>) -> Vec<String> {
    let typed = squash(typed);
    // Farther than a third of the name is another name, not a typo of it.
    let limit = typed.chars().count().div_ceil(3).max(2);
    let mut scored: Vec<(usize, String)> = candidates
        .map(|(key, shown)| {
            let key = squash(&key);
            // A name typed short (`--domain` for `--domain-name`) is as good as a typo.
            let d = match key.starts_with(&typed) {
                true => 1,
                false => strsim::damerau_levenshtein(&typed, &key),
            };
            (d, shown)
        })
        .filter(|(d, _)| *d <= limit)
        .collect();
    scored.sort();
    scored.dedup_by(|a, b| a.1 == b.1);
    let best = scored.first().map_or(0, |s| s.0);
    scored
        .into_iter()
        .take_while(|(d, _)| *d == best)
        .take(2)
        .map(|(_, shown)| shown)
        .collect()
}

fn did_you_mean(names: &[String]) -> String {
    match names {
        [one] => format!("did you mean {one}?"),
        [one, two] => format!("did you mean {one} or {two}?"),
        _ => String::new(),
    }
}

/// A cmdlet name as typed for `help NAME`, checked, in its canonical (lower-case) form.
fn cmdlet_name(root: &Command, typed: &str) -> Result<String> {
    root.find_subcommand(typed.to_ascii_lowercase())
        .map(|s| s.get_name().to_string())
        .ok_or_else(|| unknown_cmdlet(root, typed))
}

fn unknown_cmdlet(root: &Command, typed: &str) -> Error {
    let powershell = powershell_spelling(typed);
    let names = closest(
        typed,
        root.get_subcommands()
            .filter(|s| !s.is_hide_set())
            .map(|s| {
                let shown = if powershell {
                    display_name(s)
                } else {
                    s.get_name().to_string()
                };
                (s.get_name().to_string(), shown)
            }),
    );
    let list = "`eopctl help` lists the cmdlets";
    let help = match names.is_empty() {
        true => list.to_string(),
        false => format!("{} ({list})", did_you_mean(&names)),
    };
    Error::usage(format!("there is no cmdlet named '{typed}'")).help(help)
}

fn unknown_parameter(cmd: &Command, token: &str, name: &str) -> Error {
    let shown = display_name(cmd);
    let dashes = if token.starts_with("--") { "--" } else { "-" };
    // One Exchange has and eopctl does not: say why, from the one table of them.
    if let Some((param, why)) = super::unsupported::why(&shown, name) {
        return Error::usage(format!(
            "{shown} has no parameter {dashes}{name}: {}",
            why.text()
        ))
        .help(format!(
            "leave -{param} out; `eopctl help {shown}` lists what Exchange has and eopctl does not"
        ));
    }
    let powershell = powershell_spelling(token);
    let names = closest(
        name,
        cmd.get_arguments()
            .filter(|a| !a.is_hide_set() && a.get_long().is_some_and(|l| l != "help"))
            .map(|a| {
                let long = a.get_long().unwrap_or_default().to_string();
                let shown = if powershell {
                    format!("-{}", param_name(a))
                } else {
                    format!("--{long}")
                };
                (long, shown)
            }),
    );
    let list = format!("`eopctl help {shown}` lists its parameters");
    let help = match names.is_empty() {
        true => list,
        false => format!("{} ({list})", did_you_mean(&names)),
    };
    Error::usage(format!("{shown} has no parameter {dashes}{name}")).help(help)
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    fn run(args: &[&str]) -> Vec<String> {
        let mut root = crate::cli::Cli::command();
        root.build();
        match normalize(
            &root,
            &args.iter().map(|s| s.to_string()).collect::<Vec<_>>(),
        )
        .unwrap()
        {
            Request::Run(v) => v,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn powershell_spelling_becomes_unix_spelling() {
        assert_eq!(
            run(&[
                "New-InboundConnector",
                "-Name",
                "X",
                "-SenderIPAddresses",
                "1.2.3.4,5.6.7.0/24",
                "-RequireTls",
                "$true"
            ]),
            [
                "new-inboundconnector",
                "--name",
                "X",
                "--sender-ip-addresses",
                "1.2.3.4,5.6.7.0/24",
                "--require-tls",
                "true"
            ]
        );
    }

    #[test]
    fn colon_values_positions_and_spaced_lists() {
        assert_eq!(
            run(&["Remove-InboundConnector", "From on-prem", "-Confirm:$false"]),
            [
                "remove-inboundconnector",
                "--identity",
                "From on-prem",
                "--confirm=false"
            ]
        );
        assert_eq!(
            run(&[
                "set-inboundconnector",
                "X",
                "-SenderIPAddresses",
                "1.2.3.4,",
                "5.6.7.8"
            ]),
            [
                "set-inboundconnector",
                "--identity",
                "X",
                "--sender-ip-addresses",
                "1.2.3.4,5.6.7.8"
            ]
        );
        assert_eq!(
            run(&["--state", "a.yaml", "GET-ACCEPTEDDOMAIN", "-o", "json"]),
            [
                "--state",
                "a.yaml",
                "get-accepteddomain",
                "--output",
                "json"
            ]
        );
    }

    #[test]
    fn a_bare_boolean_is_refused_with_the_reason() {
        let mut root = crate::cli::Cli::command();
        root.build();
        let argv: Vec<String> = ["New-InboundConnector", "-Name", "X", "-RequireTls"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let err = normalize(&root, &argv).unwrap_err();
        assert!(
            err.message.contains("-RequireTls needs a value"),
            "{}",
            err.message
        );
        assert_eq!(err.exit_code(), 2);
    }

    #[test]
    fn help_requests_a_page() {
        let mut root = crate::cli::Cli::command();
        root.build();
        let argv = |a: &[&str]| a.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(
            normalize(&root, &argv(&["help", "New-InboundConnector"])).unwrap(),
            Request::Page("new-inboundconnector".into())
        );
        assert_eq!(
            normalize(&root, &argv(&["New-InboundConnector", "-?"])).unwrap(),
            Request::Page("new-inboundconnector".into())
        );
    }
}
