//! A private Postfix instance (its own config, queue and Maildirs in a temp directory)
//! playing the organisation's on-premises server: it delivers
//! `bob@onprem.contoso.test` to a Maildir and relays everything else through eopctl.

use std::os::unix::fs::PermissionsExt;
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::Duration;

pub struct Postfix {
    pub dir: tempfile::TempDir,
    /// One instance at a time: on a loaded machine an instance has hung with every daemon
    /// silent (its log, through postlogd, stopped after startup); fewer instances and
    /// fewer log lines at once have made that rarer, not impossible.
    _one: std::sync::MutexGuard<'static, ()>,
}

static ONE_AT_A_TIME: std::sync::Mutex<()> = std::sync::Mutex::new(());

impl Postfix {
    /// Starts Postfix on 127.0.0.1:`port`, relaying to 127.0.0.1:`relay_port` from
    /// `bind` (so eopctl can tell it apart from other loopback clients).
    pub fn start(port: u16, relay_port: u16, bind: &str) -> Postfix {
        Postfix::start_with(port, relay_port, bind, "")
    }

    /// As `start`, with `extra` settings in main.cf (each replaces the default of the same
    /// name), such as TLS settings.
    pub fn start_with(port: u16, relay_port: u16, bind: &str, extra: &str) -> Postfix {
        // A test that failed while holding it poisons it; the next may still run.
        let one = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path().display().to_string();
        // Postfix's daemons run as `postfix` and must reach their queue.
        std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
        for sub in ["spool", "data", "vmail"] {
            std::fs::create_dir_all(dir.path().join(sub)).unwrap();
        }
        let uid = |flag: &str| {
            String::from_utf8(
                Command::new("id")
                    .args([flag, "postfix"])
                    .output()
                    .unwrap()
                    .stdout,
            )
            .unwrap()
            .trim()
            .to_string()
        };
        let (u, g) = (uid("-u"), uid("-g"));
        Command::new("chown")
            .arg(format!("{u}:{g}"))
            .arg(dir.path().join("data"))
            .arg(dir.path().join("vmail"))
            .status()
            .unwrap();
        let main = format!(
            "compatibility_level = 3.6
queue_directory = {d}/spool
data_directory = {d}/data
mail_owner = postfix
myhostname = onprem.contoso.test
mydomain = contoso.test
myorigin = $myhostname
mydestination =
local_transport = error:local delivery disabled
alias_maps =
alias_database =
local_recipient_maps =
biff = no
inet_interfaces = 127.0.0.1
inet_protocols = ipv4
mynetworks = 127.0.0.0/8
virtual_mailbox_domains = onprem.contoso.test
virtual_mailbox_base = {d}/vmail
virtual_mailbox_maps = inline:{{ bob@onprem.contoso.test=bob/ }}
virtual_uid_maps = static:{u}
virtual_gid_maps = static:{g}
relayhost = [127.0.0.1]:{relay_port}
smtp_bind_address = {bind}
smtp_dns_support_level = disabled
smtpd_peername_lookup = no
smtpd_tls_security_level = none
smtp_tls_security_level = none
maillog_file_prefixes = {d}
maillog_file = {d}/maillog
"
        );
        // A setting in `extra` replaces the default line, rather than following it: every
        // daemon would log an "overriding earlier entry" warning for each.
        let replaced: Vec<&str> = extra
            .lines()
            .filter_map(|l| l.split_once('=').map(|(k, _)| k.trim()))
            .collect();
        let mut main: String = main
            .lines()
            .filter(|l| {
                l.split_once('=')
                    .is_none_or(|(k, _)| !replaced.contains(&k.trim()))
            })
            .map(|l| format!("{l}\n"))
            .collect();
        main.push_str(extra);
        std::fs::write(dir.path().join("main.cf"), main).unwrap();
        std::fs::write(
            dir.path().join("master.cf"),
            MASTER.replace("PORT", &port.to_string()),
        )
        .unwrap();
        let out = Command::new("postfix")
            .arg("-c")
            .arg(dir.path())
            .arg("start")
            .output()
            .expect("postfix");
        let pf = Postfix { dir, _one: one };
        assert!(
            out.status.success(),
            "postfix start: {}\n{}",
            String::from_utf8_lossy(&out.stderr),
            pf.log()
        );
        assert!(
            super::relay::wait_until(Duration::from_secs(20), || {
                std::net::TcpStream::connect(("127.0.0.1", port)).is_ok()
            }),
            "postfix did not listen:\n{}",
            pf.log()
        );
        pf
    }

    pub fn log(&self) -> String {
        std::fs::read_to_string(self.dir.path().join("maillog")).unwrap_or_default()
    }

    /// Messages in bob's Maildir.
    pub fn bob(&self) -> Vec<String> {
        let new: PathBuf = self.dir.path().join("vmail/bob/new");
        std::fs::read_dir(new)
            .map(|d| {
                d.flatten()
                    .filter_map(|e| std::fs::read_to_string(e.path()).ok())
                    .collect()
            })
            .unwrap_or_default()
    }
}

impl Drop for Postfix {
    fn drop(&mut self) {
        // Bounded: an instance whose logger is stuck blocks `postfix stop` (it logs first);
        // then its master is killed, which ends the rest.
        let stop = Command::new("postfix")
            .arg("-c")
            .arg(self.dir.path())
            .arg("stop")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn();
        let Ok(mut stop) = stop else {
            return;
        };
        let stopped = super::relay::wait_until(Duration::from_secs(20), || {
            matches!(stop.try_wait(), Ok(Some(_)))
        });
        if !stopped {
            let _ = stop.kill();
            let _ = stop.wait();
            let pid = std::fs::read_to_string(self.dir.path().join("spool/pid/master.pid"))
                .unwrap_or_default();
            if let Ok(pid) = pid.trim().parse::<u32>() {
                let _ = Command::new("kill")
                    .arg("-KILL")
                    .arg(pid.to_string())
                    .status();
            }
        }
    }
}

const MASTER: &str = "127.0.0.1:PORT inet n - n - - smtpd
pickup unix n - n 60 1 pickup
cleanup unix n - n - 0 cleanup
qmgr unix n - n 300 1 qmgr
tlsmgr unix - - n 1000? 1 tlsmgr
rewrite unix - - n - - trivial-rewrite
bounce unix - - n - 0 bounce
defer unix - - n - 0 bounce
trace unix - - n - 0 bounce
verify unix - - n - 1 verify
flush unix n - n 1000? 0 flush
proxymap unix - - n - - proxymap
proxywrite unix - - n - 1 proxymap
smtp unix - - n - - smtp
relay unix - - n - - smtp
showq unix n - n - - showq
error unix - - n - - error
retry unix - - n - - error
discard unix - - n - - discard
local unix - n n - - local
virtual unix - n n - - virtual
lmtp unix - - n - - lmtp
anvil unix - - n - 1 anvil
scache unix - - n - 1 scache
postlog unix-dgram n - n - 1 postlogd
";
