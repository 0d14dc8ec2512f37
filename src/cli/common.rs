//! Exchange's common parameters that eopctl takes on every cmdlet whose own parameters do
//! not claim the name: `-ResultSize Unlimited|N` on Get-* (how many objects to show; eopctl
//! shows every one by default, its lists being one organisation's), and `-Server` and
//! `-DomainController` (which Exchange server or domain controller to ask: eopctl is one
//! server with one state file, so they are accepted and ignored with a note). They are
//! taken out of the command line here, before the cmdlet's own parameters are parsed.

use clap::Command;

use super::names::squash;
use crate::error::{Error, Result};
use crate::output::Output;

/// What the common parameters asked for.
#[derive(Debug, Default, PartialEq)]
pub struct Common {
    /// `-ResultSize N`: at most N objects.
    pub result_size: Option<usize>,
}

impl Common {
    /// `out` with at most `-ResultSize` objects.
    pub fn apply(&self, out: Output) -> Output {
        match (out, self.result_size) {
            (Output::Objects { mut rows, columns }, Some(n)) => {
                rows.truncate(n);
                Output::Objects { rows, columns }
            }
            (out, _) => out,
        }
    }
}

/// Options of the root command that take a value, so their value is not the cmdlet name.
const ROOT_VALUED: &[&str] = &["--state", "--data-dir", "-o", "--output", "--from-json"];

/// Takes the common parameters out of `argv` (in either spelling, `-Name value` or
/// `-Name:value`); notes on stderr what is ignored.
pub fn take(root: &Command, argv: &[String]) -> Result<(Vec<String>, Common)> {
    let mut common = Common::default();
    let mut at = 0;
    while at < argv.len() && argv[at].starts_with('-') {
        at += usize::from(ROOT_VALUED.contains(&argv[at].to_ascii_lowercase().as_str())) + 1;
    }
    let Some(sub) = argv
        .get(at)
        .and_then(|name| root.find_subcommand(name.to_ascii_lowercase()))
    else {
        return Ok((argv.to_vec(), common));
    };
    let shown = super::names::display_name(sub);
    let own = |name: &str| {
        sub.get_arguments()
            .any(|a| a.get_long().is_some_and(|l| squash(l) == name))
    };
    let mut out = argv[..=at].to_vec();
    let mut rest = argv[at + 1..].iter();
    while let Some(token) = rest.next() {
        let body = token.trim_start_matches('-');
        let (name, inline) = match body.split_once([':', '=']) {
            Some((n, v)) => (squash(n), Some(v.to_string())),
            None => (squash(body), None),
        };
        let common_name = token.starts_with('-')
            && ["resultsize", "server", "domaincontroller"].contains(&name.as_str())
            && !own(&name)
            && (name != "resultsize" || sub.get_name().starts_with("get-"));
        if !common_name {
            out.push(token.clone());
            continue;
        }
        let typed = body.split([':', '=']).next().unwrap_or(body);
        let Some(value) = inline.or_else(|| rest.next().cloned()) else {
            return Err(Error::usage(format!("{shown}: -{typed} needs a value"))
                .help(match name.as_str() {
                    "resultsize" => "write -ResultSize Unlimited, or a number of objects",
                    _ => "write the server's name, or leave the parameter out: eopctl is one server",
                }));
        };
        match name.as_str() {
            "resultsize" => common.result_size = result_size(&shown, &value)?,
            _ => {
                let host = crate::cmdlets::serve::system_hostname();
                let first = |h: &str| h.split('.').next().unwrap_or("").to_ascii_lowercase();
                let here = value.is_empty()
                    || value.eq_ignore_ascii_case("localhost")
                    || first(&value) == first(&host);
                match here {
                    true => eprintln!(
                        "note: -{typed} {value} is ignored: eopctl is one server, this one"
                    ),
                    false => eprintln!(
                        "note: -{typed} {value} is ignored: eopctl manages this host ({host}) only, through its state file"
                    ),
                }
            }
        }
    }
    Ok((out, common))
}

/// `Unlimited` or a number, as Exchange's -ResultSize takes.
fn result_size(shown: &str, value: &str) -> Result<Option<usize>> {
    if value.eq_ignore_ascii_case("unlimited") {
        return Ok(None);
    }
    value.trim().parse::<usize>().map(Some).map_err(|_| {
        Error::usage(format!("{shown}: -ResultSize {value} is not a number"))
            .help("write -ResultSize Unlimited, or a number of objects such as -ResultSize 100")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn take_from(args: &[&str]) -> Result<(Vec<String>, Common)> {
        let root = crate::cli::command();
        take(
            &root,
            &args.iter().map(|s| s.to_string()).collect::<Vec<_>>(),
        )
    }

    #[test]
    fn result_size_and_server_are_taken_out() {
        let (argv, common) = take_from(&[
            "--state",
            "x.yaml",
            "Get-MailUser",
            "-ResultSize",
            "2",
            "-Server:ex01",
        ])
        .unwrap();
        assert_eq!(argv, ["--state", "x.yaml", "Get-MailUser"]);
        assert_eq!(common.result_size, Some(2));
        let (_, common) = take_from(&["get-mailuser", "--result-size=Unlimited"]).unwrap();
        assert_eq!(common.result_size, None);
        assert!(take_from(&["Get-MailUser", "-ResultSize", "many"]).is_err());
    }

    #[test]
    fn a_cmdlets_own_parameter_of_the_name_is_left_alone() {
        // Test-MailFlow -Server is the relay's address, its own parameter.
        let (argv, _) = take_from(&["Test-MailFlow", "-Server", "127.0.0.1:25"]).unwrap();
        assert_eq!(argv, ["Test-MailFlow", "-Server", "127.0.0.1:25"]);
    }
}
