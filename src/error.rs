//! The one error type of the binary: a message that names the object and the parameter,
//! an optional `help:` line with the fix, and whether it was a usage error (exit 2) or a
//! failed operation (exit 1). Only `main.rs` turns it into an exit code.

use std::fmt;

#[derive(Debug)]
pub struct Error {
    pub message: String,
    pub help: Option<String>,
    pub usage: bool,
    /// Already shown (clap's help or version text): print nothing more.
    pub quiet: bool,
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    /// A failed operation: the command was well formed but could not be done.
    pub fn failed(message: impl Into<String>) -> Self {
        Error {
            message: message.into(),
            help: None,
            usage: false,
            quiet: false,
        }
    }

    /// The command line itself is wrong.
    pub fn usage(message: impl Into<String>) -> Self {
        Error {
            message: message.into(),
            help: None,
            usage: true,
            quiet: false,
        }
    }

    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// An I/O failure on a file, naming the file.
    pub fn io(what: &str, path: &std::path::Path, err: std::io::Error) -> Self {
        Error::failed(format!("cannot {what} {}: {err}", path.display()))
    }

    pub fn exit_code(&self) -> i32 {
        match (self.quiet, self.usage) {
            (true, _) => 0,
            (false, true) => 2,
            (false, false) => 1,
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "error: {}", self.message)?;
        if let Some(help) = &self.help {
            write!(f, "\nhelp: {help}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Error {}
