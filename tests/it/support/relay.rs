//! Running `eopctl` and `eopctl serve` from tests.

use std::io::{BufRead, BufReader};
use std::net::{SocketAddr, TcpListener};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

pub fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_eopctl")
}

/// Runs a cmdlet against `state`; returns the output.
pub fn eopctl(state: &Path, args: &[&str]) -> Output {
    Command::new(bin())
        .arg("--state")
        .arg(state)
        .args(args)
        .env_remove("EOPCTL_STATE")
        .env_remove("EOPCTL_DATA")
        .env("EOPCTL_SPAM_RULES", "none")
        .output()
        .expect("run eopctl")
}

/// The organisation most relay tests start from: contoso.test with the hosted mailbox
/// admin@contoso.test and one listener on `port` (with `listener`'s extra settings, such
/// as `, MaxMessageSize: 100MB`), plus `more`.
pub fn contoso(port: u16, listener: &str, more: &str) -> String {
    format!(
        r#"
AcceptedDomains:
  - {{ Name: contoso.test, DomainName: contoso.test, Default: true }}
Mailboxes:
  - {{ Name: Admin, PrimarySmtpAddress: admin@contoso.test }}
ReceiveConnectors:
  - {{ Name: Default, Bindings: ["127.0.0.1:{port}"]{listener} }}
{more}"#
    )
}

/// Runs a cmdlet that must succeed.
#[track_caller]
pub fn eopctl_ok(state: &Path, args: &[&str]) {
    let out = eopctl(state, args);
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// A temp directory holding `eop.yaml` with `body` (after the apiVersion line).
pub fn state_dir(body: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("eop.yaml");
    if !body.is_empty() {
        write_state(&path, body);
    }
    (dir, path)
}

/// Replaces the state file atomically, as the store does.
pub fn write_state(path: &Path, body: &str) {
    let tmp = path.with_extension("tmp");
    std::fs::write(&tmp, format!("apiVersion: eopctl/v3\n{body}")).unwrap();
    std::fs::rename(&tmp, path).unwrap();
}

/// A loopback port nobody listens on right now.
pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// Polls `check` every 20 ms until it is true or `limit` passes.
pub fn wait_until(limit: Duration, mut check: impl FnMut() -> bool) -> bool {
    let start = Instant::now();
    while start.elapsed() < limit {
        if check() {
            return true;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    check()
}

/// A running `eopctl serve`, killed when dropped.
pub struct Relay {
    pub child: Child,
    pub addrs: Vec<SocketAddr>,
    pub data_dir: PathBuf,
    pub log: PathBuf,
    /// The DNS server given when the test names none: every name is NXDOMAIN, at once.
    _dns: Option<crate::support::dns::Dns>,
}

impl Relay {
    /// Starts `serve` on `state` (its data directory beside it) with extra arguments, and
    /// waits (bounded) until it listens.
    pub fn start(state: &Path, extra: &[&str]) -> Relay {
        let data_dir = state.with_extension("data");
        let log = state.with_extension("log");
        let err = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(&log)
            .unwrap();
        // Loopback only: without a test DNS server of the test's own, an empty one answers
        // (sender authentication asks DNS for every anonymous message; an unanswered query
        // would hold each message until its time limit).
        let dns = (!extra.contains(&"--dns"))
            .then(|| crate::support::dns::Dns::start(Default::default()));
        let dns_arg = dns.as_ref().map(|d| d.addr.to_string());
        let mut child = Command::new(bin())
            .arg("--state")
            .arg(state)
            .arg("serve")
            .args(["--hostname", "relay.test"])
            .args(extra)
            .args(dns_arg.iter().flat_map(|a| ["--dns", a.as_str()]))
            .env_remove("EOPCTL_DNS")
            .env_remove("EOPCTL_STATE")
            .env_remove("EOPCTL_DATA")
            .env("EOPCTL_LOG", "info")
            .env("EOPCTL_SPAM_RULES", "none")
            .stdout(Stdio::piped())
            .stderr(err)
            .spawn()
            .expect("start eopctl serve");
        let stdout = child.stdout.take().unwrap();
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
        let mut addrs = Vec::new();
        let deadline = Instant::now() + Duration::from_secs(20);
        while let Ok(line) = rx.recv_timeout(deadline.saturating_duration_since(Instant::now())) {
            if let Some(a) = line.strip_prefix("listening on ") {
                addrs.push(a.trim().parse().unwrap());
            }
            if line.starts_with("send a first message") {
                break;
            }
        }
        let relay = Relay {
            child,
            addrs,
            data_dir,
            log,
            _dns: dns,
        };
        assert!(
            !relay.addrs.is_empty(),
            "the relay did not start:\n{}",
            relay.log_text()
        );
        relay
    }

    pub fn addr(&self) -> SocketAddr {
        self.addrs[0]
    }

    pub fn log_text(&self) -> String {
        std::fs::read_to_string(&self.log).unwrap_or_default()
    }

    pub fn signal(&self, name: &str) {
        let ok = Command::new("kill")
            .arg(format!("-{name}"))
            .arg(self.child.id().to_string())
            .status()
            .unwrap()
            .success();
        assert!(ok, "kill -{name}");
    }

    /// Waits (bounded) for the process to exit; its exit code.
    pub fn wait_exit(&mut self, limit: Duration) -> Option<i32> {
        let start = Instant::now();
        while start.elapsed() < limit {
            if let Ok(Some(status)) = self.child.try_wait() {
                return status.code();
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        None
    }

    /// Files in a mailbox folder (`new`, `.Junk/new`).
    pub fn maildir(&self, address: &str, folder: &str) -> Vec<String> {
        let dir = self.data_dir.join("mailboxes").join(address).join(folder);
        let mut out: Vec<String> = std::fs::read_dir(dir)
            .map(|d| {
                d.flatten()
                    .filter_map(|e| std::fs::read_to_string(e.path()).ok())
                    .collect()
            })
            .unwrap_or_default();
        out.sort();
        out
    }

    /// Messages left in the spool.
    pub fn queued(&self) -> usize {
        std::fs::read_dir(self.data_dir.join("queue"))
            .map(|d| {
                d.flatten()
                    .filter(|e| e.path().extension().is_some_and(|x| x == "msg"))
                    .count()
            })
            .unwrap_or(0)
    }
}

impl Drop for Relay {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Whether a required peer program is here; with `CI` set a missing one fails the test.
pub fn have(program: &str) -> bool {
    let found = Command::new("sh")
        .arg("-c")
        .arg(format!("command -v {program}"))
        .output()
        .map(|o| o.status.success())
        .unwrap_or(false);
    if !found && std::env::var_os("CI").is_some() {
        panic!("{program} is required in CI but is not installed");
    }
    found
}

/// Runs `openssl` in `dir` (its file arguments relative to it); fails the test if it fails.
pub fn openssl(dir: &std::path::Path, args: &[&str]) {
    let out = std::process::Command::new("openssl")
        .current_dir(dir)
        .args(args)
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "openssl {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}
