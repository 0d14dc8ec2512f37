//! Script mode: `eopctl -Command '<line>'`, `eopctl -File setup.ps1` and a script on
//! standard input take PowerShell's own syntax, so a command from Microsoft's reference
//! pages can be pasted as it is written (`-RequireTls $true`, `@{Add=...}`, pipelines).
//! The lexer and parser are written here by hand, as no maintained Rust crate parses
//! PowerShell; they cover the subset the reference pages use and name anything else.

pub mod lex;
pub mod parse;
mod run;

use std::io::{IsTerminal, Read};

use crate::error::{Error, Result};

/// Where a script comes from.
#[derive(Debug, PartialEq)]
pub enum Source {
    /// `-Command` and the words after it, joined as PowerShell joins them.
    Command(String),
    /// `-File PATH` (`-` for standard input).
    File(String),
}

/// Root options that take a value, so their value is not taken for a cmdlet name.
const VALUED: &[&str] = &["--state", "--data-dir", "-o", "--output", "--from-json"];

/// `-Command`/`-File` among the options before any cmdlet name: the script, and the
/// other options (passed on to every command of the script).
pub fn source(argv: &[String]) -> Result<Option<(Source, Vec<String>)>> {
    let mut i = 0;
    while i < argv.len() {
        let token = &argv[i];
        let lower = token.to_ascii_lowercase();
        let flag = lower.trim_start_matches('-');
        if token.starts_with('-') && (flag == "command" || token == "-c") {
            let rest = &argv[i + 1..];
            if rest.is_empty() {
                return Err(Error::usage("-Command needs the command to run")
                    .help("write eopctl -Command 'Get-InboundConnector'"));
            }
            return Ok(Some((Source::Command(rest.join(" ")), argv[..i].to_vec())));
        }
        if token.starts_with('-') && flag == "file" {
            let Some(path) = argv.get(i + 1) else {
                return Err(Error::usage("-File needs the script's path")
                    .help("write eopctl -File setup.ps1 (or -File - for standard input)"));
            };
            let mut globals = argv[..i].to_vec();
            globals.extend(argv[i + 2..].iter().cloned());
            return Ok(Some((Source::File(path.clone()), globals)));
        }
        if !token.starts_with('-') {
            return Ok(None); // a cmdlet name: the ordinary command line
        }
        if VALUED.contains(&lower.as_str()) {
            i += 1;
        }
        i += 1;
    }
    Ok(None)
}

/// A script on standard input when it is not a terminal and holds something: the bare
/// `eopctl` of an empty pipe stays the usage error it was.
pub fn from_stdin() -> Result<Option<String>> {
    if std::io::stdin().is_terminal() {
        return Ok(None);
    }
    let mut text = String::new();
    std::io::stdin()
        .read_to_string(&mut text)
        .map_err(|e| Error::io("read", std::path::Path::new("standard input"), e))?;
    Ok(Some(text).filter(|t| !t.trim().is_empty()))
}

/// Runs a script's text; `name` says where it came from in error messages.
pub fn run_text(root: &clap::Command, text: &str, name: &str, globals: Vec<String>) -> Result<()> {
    let script = parse::parse(text).map_err(|e| {
        Error::usage(format!("{name}:{}: {}", e.line, e.message))
            .help("eopctl scripts take PowerShell's syntax for commands, values, pipelines and Where-Object conditions (docs/scripts.md)")
    })?;
    run::Runner::new(root, globals).run(&script, name)
}

/// Runs the script `source` names.
pub fn run(root: &clap::Command, source: Source, globals: Vec<String>) -> Result<()> {
    match source {
        Source::Command(text) => run_text(root, &text, "-Command", globals),
        Source::File(path) if path == "-" => {
            let text = from_stdin()?.unwrap_or_default();
            run_text(root, &text, "standard input", globals)
        }
        Source::File(path) => {
            let text = std::fs::read_to_string(&path)
                .map_err(|e| Error::io("read", std::path::Path::new(&path), e))?;
            run_text(root, &text, &path, globals)
        }
    }
}
