//! The one error type of the binary: a kind (which decides the exit code), a message that
//! names the object and the parameter, and an optional `help:` line with the fix. Only
//! `main.rs` turns it into an exit code; `docs/exit-codes.md` is the table users read, and
//! `Kind::exit_code` is the only place the numbers are written.

use std::fmt;

/// What went wrong, as far as a script calling eopctl needs to know to decide what to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// The command ran and failed: a Test-*/Validate-* found problems, a test message did
    /// not arrive, the user did not confirm.
    Failed,
    /// The command line is wrong: an unknown parameter, a value that cannot be read.
    Usage,
    /// The named object (connector, domain, revision, message) does not exist.
    NotFound,
    /// The change would break a rule of the configuration: a name taken, a domain routed
    /// twice, the default that cannot go.
    Conflict,
    /// The state file on disk cannot be read, migrated or breaks the rules.
    InvalidState,
    /// A file could not be read or written.
    Io,
    /// Another eopctl holds the state file's lock, or another relay the data directory.
    LockBusy,
    /// Something the command needs is not there: the relay is not running, a resolver or
    /// a runtime could not start, an address to listen on is taken.
    Unavailable,
    /// Not a failure: help or version text was asked for and has been shown.
    Shown,
}

impl Kind {
    /// Exit 1 is what PowerShell scripts and shells treat as plain failure, so the check
    /// cmdlets keep it; the rest get their own codes so a script can tell them apart.
    pub fn exit_code(self) -> i32 {
        match self {
            Kind::Failed => 1,
            Kind::Usage => 2,
            Kind::NotFound => 3,
            Kind::InvalidState => 4,
            Kind::Io | Kind::LockBusy => 5,
            Kind::Conflict => 6,
            Kind::Unavailable => 7,
            Kind::Shown => 0,
        }
    }
}

#[derive(Debug)]
pub struct Error {
    pub kind: Kind,
    pub message: String,
    pub help: Option<String>,
    /// Already shown (clap's help or version text, the cmdlet list for an empty command
    /// line): print nothing more; the kind still decides the exit code.
    pub quiet: bool,
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    pub fn new(kind: Kind, message: impl Into<String>) -> Self {
        Error {
            kind,
            message: message.into(),
            help: None,
            quiet: false,
        }
    }

    /// The command ran and failed (a check found problems; see `Kind::Failed`).
    pub fn failed(message: impl Into<String>) -> Self {
        Error::new(Kind::Failed, message)
    }

    /// The command line itself is wrong.
    pub fn usage(message: impl Into<String>) -> Self {
        Error::new(Kind::Usage, message)
    }

    pub fn not_found(message: impl Into<String>) -> Self {
        Error::new(Kind::NotFound, message)
    }

    pub fn conflict(message: impl Into<String>) -> Self {
        Error::new(Kind::Conflict, message)
    }

    pub fn invalid_state(message: impl Into<String>) -> Self {
        Error::new(Kind::InvalidState, message)
    }

    pub fn unavailable(message: impl Into<String>) -> Self {
        Error::new(Kind::Unavailable, message)
    }

    /// Help or version text that clap has printed already.
    pub fn shown() -> Self {
        Error::new(Kind::Shown, "").quiet()
    }

    /// Says nothing more: what was to be said has been printed.
    pub fn quiet(mut self) -> Self {
        self.quiet = true;
        self
    }

    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// An I/O failure on a file, naming the file.
    pub fn io(what: &str, path: &std::path::Path, err: std::io::Error) -> Self {
        Error::new(Kind::Io, format!("cannot {what} {}: {err}", path.display()))
    }

    pub fn exit_code(&self) -> i32 {
        self.kind.exit_code()
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

#[cfg(test)]
mod tests {
    use super::Kind;

    /// The codes users read, in the README's tour and docs/exit-codes.md's table, are the
    /// codes `exit_code` gives.
    #[test]
    fn the_documented_exit_codes_are_the_kinds_codes() {
        let root = env!("CARGO_MANIFEST_DIR");
        let readme = std::fs::read_to_string(format!("{root}/README.md")).unwrap();
        let table = std::fs::read_to_string(format!("{root}/docs/exit-codes.md")).unwrap();
        let readme = readme.split_whitespace().collect::<Vec<_>>().join(" ");
        for (kind, label) in [
            (Kind::Failed, "check failed"),
            (Kind::Usage, "usage"),
            (Kind::NotFound, "not found"),
            (Kind::InvalidState, "invalid state file"),
            (Kind::Io, "I/O or lock busy"),
            (Kind::LockBusy, "I/O or lock busy"),
            (Kind::Conflict, "conflict"),
            (Kind::Unavailable, "unavailable"),
        ] {
            let code = kind.exit_code();
            assert!(
                readme.contains(&format!("{code} {label}")),
                "README.md lacks \"{code} {label}\""
            );
            assert!(
                table.contains(&format!("| {code} | {label} |")),
                "docs/exit-codes.md lacks \"| {code} | {label} |\""
            );
        }
    }
}
