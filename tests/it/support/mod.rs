//! Test support: a temporary organisation and a way to run the real binary against it;
//! for the relay, free ports, an SMTP client and sink, a test DNS server, and child
//! processes killed on drop. Everything binds to 127.0.0.1 and every wait is bounded.

pub mod dns;
pub mod http;
pub mod ldap;
pub mod mime;
pub mod pki;
pub mod postfix;
pub mod relay;
pub mod scanners;
pub mod smtp;

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// A temporary directory with a state file path; each test gets its own.
pub struct Org {
    pub dir: tempfile::TempDir,
}

/// What a run of the binary did.
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    #[track_caller]
    pub fn ok(self) -> Self {
        assert_eq!(
            self.code, 0,
            "expected success\nstdout: {}\nstderr: {}",
            self.stdout, self.stderr
        );
        self
    }

    #[track_caller]
    pub fn fails(self, code: i32) -> Self {
        assert_eq!(
            self.code, code,
            "expected exit {code}\nstdout: {}\nstderr: {}",
            self.stdout, self.stderr
        );
        self
    }

    #[track_caller]
    pub fn stderr_has(self, needle: &str) -> Self {
        assert!(
            self.stderr.contains(needle),
            "stderr lacks {needle:?}:\n{}",
            self.stderr
        );
        self
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("not JSON ({e}):\n{}", self.stdout))
    }
}

impl From<Output> for Run {
    fn from(o: Output) -> Self {
        Run {
            code: o.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&o.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&o.stderr).into_owned(),
        }
    }
}

pub fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_eopctl")
}

impl Org {
    pub fn new() -> Self {
        Org {
            dir: tempfile::tempdir().expect("temp dir"),
        }
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    pub fn state(&self) -> PathBuf {
        self.path().join("eop.yaml")
    }

    pub fn state_text(&self) -> String {
        std::fs::read_to_string(self.state()).unwrap_or_default()
    }

    pub fn write_state(&self, text: &str) {
        std::fs::write(self.state(), text).unwrap();
    }

    /// The command, ready to run in the org's directory with its state file.
    pub fn command(&self, args: &[&str]) -> Command {
        let mut c = Command::new(bin());
        c.args(args)
            .current_dir(self.path())
            .env("EOPCTL_STATE", self.state())
            .env_remove("EOPCTL_DATA")
            // The built-in signals alone, unless a test names a rule directory: the
            // SpamAssassin rules installed on a machine must not change other tests.
            .env("EOPCTL_SPAM_RULES", "none")
            .stdin(Stdio::null());
        c
    }

    pub fn run(&self, args: &[&str]) -> Run {
        self.command(args).output().expect("run eopctl").into()
    }

    /// Runs with `input` on standard input.
    pub fn run_with_input(&self, args: &[&str], input: &str) -> Run {
        use std::io::Write;
        let mut child = self
            .command(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        child
            .stdin
            .take()
            .unwrap()
            .write_all(input.as_bytes())
            .unwrap();
        child.wait_with_output().unwrap().into()
    }

    /// An organisation with contoso.com and fabrikam.com accepted.
    pub fn with_domains() -> Self {
        let org = Org::new();
        org.run(&[
            "New-AcceptedDomain",
            "-Name",
            "contoso.com",
            "-DomainName",
            "contoso.com",
        ])
        .ok();
        org.run(&[
            "New-AcceptedDomain",
            "-Name",
            "fabrikam.com",
            "-DomainName",
            "fabrikam.com",
        ])
        .ok();
        org
    }

    pub fn revision(&self) -> u64 {
        self.state_text()
            .lines()
            .find_map(|l| l.strip_prefix("revision: "))
            .map(|r| r.trim().parse().unwrap())
            .unwrap_or(0)
    }
}

/// Whether python3 is here; in CI its absence is a failure, not a skip.
pub fn have_python() -> bool {
    relay::have("python3")
}
