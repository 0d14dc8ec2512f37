//! Private scanner daemons for the relay's external scanners, each in a temp directory with
//! its own configuration, bound to 127.0.0.1 on a port the test picks, and killed (its
//! whole process group: rspamd forks workers) when dropped: clamd with a signature file the
//! test writes (no freshclam, no official databases), rspamd with Debian's rules and a
//! resolver that points nowhere, so nothing leaves the machine.

use std::os::unix::process::CommandExt;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use super::relay::wait_until;

/// A pattern only the test's own clamd signature knows (neither EICAR nor anything the
/// relay finds built-in), so a rejection proves clamd was asked.
pub const CLAMD_PATTERN: &str = "EOPCTL-CLAMD-TEST-PATTERN-7f3a";
/// The name clamd reports (it marks signatures from unofficial files).
pub const CLAMD_SIGNATURE: &str = "Eopctl.Test.Signature.UNOFFICIAL";

pub struct Daemon {
    pub dir: tempfile::TempDir,
    child: Child,
    log: &'static str,
}

impl Daemon {
    /// clamd in the foreground on 127.0.0.1:`port`, its database a one-line .ndb.
    pub fn clamd(port: u16) -> Daemon {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        std::fs::create_dir(d.join("db")).unwrap();
        let hex: String = CLAMD_PATTERN.bytes().map(|b| format!("{b:02x}")).collect();
        std::fs::write(
            d.join("db/eopctl-test.ndb"),
            format!("Eopctl.Test.Signature:0:*:{hex}\n"),
        )
        .unwrap();
        let conf = format!(
            "Foreground yes\nTCPSocket {port}\nTCPAddr 127.0.0.1\nDatabaseDirectory {db}\n\
             TemporaryDirectory {tmp}\nLogFile {tmp}/clamd.log\nPidFile {tmp}/clamd.pid\n",
            db = d.join("db").display(),
            tmp = d.display()
        );
        std::fs::write(d.join("clamd.conf"), conf).unwrap();
        let mut cmd = Command::new("clamd");
        cmd.arg("-c").arg(d.join("clamd.conf"));
        Daemon::start(dir, cmd, port, "clamd.log")
    }

    /// rspamd's normal worker on 127.0.0.1:`port` (no controller, no proxy), Debian's
    /// rules from /etc/rspamd, everything it writes in the temp directory.
    pub fn rspamd(port: u16) -> Daemon {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        let conf = format!(
            r#".include "$CONFDIR/common.conf"
options {{
    pidfile = "$RUNDIR/rspamd.pid";
    .include "$CONFDIR/options.inc"
    .include(try=true; priority=1,duplicate=merge) "$LOCAL_CONFDIR/local.d/options.inc"
}}
logging {{
    type = "file";
    filename = "$LOGDIR/rspamd.log";
    level = "info";
}}
worker "normal" {{
    bind_socket = "127.0.0.1:{port}";
    count = 1;
    .include "$CONFDIR/worker-normal.inc"
}}
"#
        );
        std::fs::write(d.join("rspamd.conf"), conf).unwrap();
        // The fuzzy check resolves rspamd.com's servers with the system resolver.
        std::fs::create_dir(d.join("local.d")).unwrap();
        std::fs::write(d.join("local.d/fuzzy_check.conf"), "enabled = false;\n").unwrap();
        // DNS to a closed loopback port, so the test is offline. Here, not beside
        // options.inc's own dns block: rspamd ignores a second block there.
        std::fs::write(
            d.join("local.d/options.inc"),
            "dns { nameserver = [\"127.0.0.1:9\"]; timeout = 0.2s; retransmits = 1; }\n",
        )
        .unwrap();
        let mut cmd = Command::new("rspamd");
        cmd.arg("-f").arg("-c").arg(d.join("rspamd.conf"));
        for var in ["LOCAL_CONFDIR", "DBDIR", "RUNDIR", "LOGDIR"] {
            cmd.arg("--var").arg(format!("{var}={}", d.display()));
        }
        // rspamd refuses to run its workers as root; they run as Debian's _rspamd user,
        // which must be able to write its directory.
        if is_root() {
            Command::new("chown")
                .args(["-R", "_rspamd:_rspamd"])
                .arg(d)
                .status()
                .unwrap();
            cmd.args(["-u", "_rspamd", "-g", "_rspamd"]);
        }
        Daemon::start(dir, cmd, port, "rspamd.log")
    }

    /// Starts `cmd` in its own process group and waits (bounded: rspamd compiles its
    /// rules first, which takes a while on a busy machine) until `port` answers.
    fn start(dir: tempfile::TempDir, mut cmd: Command, port: u16, log: &'static str) -> Daemon {
        let child = cmd
            .process_group(0)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(std::fs::File::create(dir.path().join("stderr")).unwrap())
            .spawn()
            .expect("start the scanner");
        let mut daemon = Daemon { dir, child, log };
        let up = wait_until(Duration::from_secs(180), || {
            listening(port) || matches!(daemon.child.try_wait(), Ok(Some(_)))
        });
        assert!(
            up && listening(port),
            "the scanner did not listen on {port}:\n{}",
            daemon.log()
        );
        daemon
    }

    pub fn log(&self) -> String {
        let read = |p: &Path| std::fs::read_to_string(p).unwrap_or_default();
        read(&self.dir.path().join(self.log)) + &read(&self.dir.path().join("stderr"))
    }
}

impl Drop for Daemon {
    fn drop(&mut self) {
        let _ = Command::new("kill")
            .args(["-s", "KILL", "--"])
            .arg(format!("-{}", self.child.id()))
            .status();
        let _ = self.child.wait();
    }
}

pub fn listening(port: u16) -> bool {
    std::net::TcpStream::connect(("127.0.0.1", port)).is_ok()
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| o.stdout.trim_ascii() == b"0")
}
