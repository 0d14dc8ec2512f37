//! `-Password` for the objects that log in with SMTP AUTH (Set-Mailbox, New- and
//! Set-SmtpAuthAccount). A switch, never a value: the password is asked for twice without
//! echo on a terminal (dialoguer), or read as the first line of stdin when piped, so it is
//! never in the shell's history or the state history's command lines. It is hashed with
//! Argon2 and kept in the credentials store under the data directory (`crate::credentials`);
//! the state file never sees it, and a running relay uses it at its next AUTH.

use std::io::{BufRead, IsTerminal};

use crate::cmdlets::common::Context;
use crate::credentials::{self, CredentialError, Store};
use crate::error::{Error, Kind, Result};
use crate::policy::Submitter;

/// Shortest password taken: Exchange Online's own minimum for its accounts.
const MIN_LEN: usize = 8;

/// Reads the new password for `who`.
pub fn read(who: &Submitter) -> Result<String> {
    read_secret(&who.to_string(), "-Password", MIN_LEN)
}

/// Reads a secret for `who`'s `param` switch: asked twice without echo on a terminal, or
/// the first line of stdin; at least `min_len` characters.
pub fn read_secret(who: &str, param: &str, min_len: usize) -> Result<String> {
    let password = if std::io::stdin().is_terminal() && std::io::stderr().is_terminal() {
        dialoguer::Password::new()
            .with_prompt(format!("New password for {who}"))
            .with_confirmation("Repeat it", "The two passwords differ")
            .interact()
            .map_err(|e| {
                Error::new(
                    Kind::Io,
                    format!("{who}: cannot read the password from the terminal: {e}"),
                )
            })?
    } else {
        let mut line = String::new();
        std::io::stdin().lock().read_line(&mut line).map_err(|e| {
            Error::new(
                Kind::Io,
                format!("{who}: cannot read the password from stdin: {e}"),
            )
        })?;
        line.trim_end_matches(['\r', '\n']).to_string()
    };
    if password.is_empty() {
        return Err(Error::usage(format!(
            "{who}: {param}: no password was given (standard input is empty)"
        ))
        .help("run the command on a terminal to be asked, or pipe the password in as the first line of stdin: printf '%s' \"$PW\" | eopctl ..."));
    }
    if password.chars().count() < min_len {
        return Err(Error::usage(format!(
            "{who}: {param}: the password is shorter than {min_len} characters"
        ))
        .help("give a longer one: on a terminal when asked, or as the first line of stdin (printf '%s' \"$PW\" | eopctl ...)"));
    }
    Ok(password)
}

fn db_error(ctx: &Context, who: &Submitter, e: CredentialError) -> Error {
    Error::new(
        Kind::Io,
        format!(
            "{who}: cannot keep the password in {}: {e}",
            ctx.store.data_dir().join(credentials::FILE).display()
        ),
    )
    .help("check that the data directory (--data-dir) is writable by this user")
}

/// Hashes `password` and keeps it for `who`.
pub fn store(ctx: &Context, who: &Submitter, password: &str) -> Result<()> {
    let hash = credentials::hash(password).map_err(|e| db_error(ctx, who, e))?;
    credentials::Sqlite::open(ctx.store.data_dir())
        .and_then(|mut db| db.set_password(who, &hash, chrono::Utc::now().timestamp()))
        .map_err(|e| db_error(ctx, who, e))
}

/// Forgets `who`'s password (the object is gone; a new one of the same name starts
/// without one).
pub fn forget(ctx: &Context, who: &Submitter) -> Result<()> {
    credentials::Sqlite::open(ctx.store.data_dir())
        .and_then(|mut db| db.remove_password(who))
        .map_err(|e| db_error(ctx, who, e))
}

/// Moves a password with its object's new name.
pub fn rename(ctx: &Context, from: &Submitter, to: &Submitter) -> Result<()> {
    credentials::Sqlite::open(ctx.store.data_dir())
        .and_then(|mut db| db.rename(from, to))
        .map_err(|e| db_error(ctx, from, e))
}
