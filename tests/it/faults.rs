//! The relay under faults, through the real binary on loopback: a full disk, a smart
//! host down for long, a kill in the middle of a delivery, the state file broken or
//! removed while serving, a bounded shutdown. Each test states what the relay promises
//! (docs/operations.md, "What the relay promises under faults") and checks it.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use crate::support::relay::*;
use crate::support::smtp::{Client, Sink};

const SECS: Duration = Duration::from_secs(30);

/// A small tmpfs mounted on a directory for the life of a test (mounting needs root: CI
/// runs the tests as root; elsewhere the test says so and passes unless `CI` is set).
struct Tmpfs(PathBuf);

impl Tmpfs {
    fn mount(dir: &Path, size: &str) -> Option<Tmpfs> {
        std::fs::create_dir_all(dir).unwrap();
        let ok = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(dir)
            .status()
            .is_ok_and(|s| s.success());
        if !ok {
            assert!(
                std::env::var_os("CI").is_none(),
                "mounting a tmpfs needs root, and CI must run this test"
            );
            eprintln!("skipped: cannot mount a tmpfs here (not root)");
            return None;
        }
        Some(Tmpfs(dir.to_path_buf()))
    }

    fn resize(&self, size: &str) {
        let ok = Command::new("mount")
            .args(["-o", &format!("remount,size={size}")])
            .arg(&self.0)
            .status()
            .is_ok_and(|s| s.success());
        assert!(ok, "remount {}", self.0.display());
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg("-l").arg(&self.0).status();
    }
}

/// An on-premises client (so no DNS is asked) and one outbound connector for
/// `onprem.test` (a Partner connector: mail from on premises never goes back there) to a smart host on `smart_port`.
fn relaying(port: u16, smart_port: u16) -> String {
    contoso(
        port,
        "",
        &format!(
            r#"InboundConnectors:
  - {{ Name: From on-prem, ConnectorType: OnPremises, SenderIPAddresses: [127.0.0.1] }}
OutboundConnectors:
  - {{ Name: To partner, ConnectorType: Partner, SmartHosts: ["127.0.0.1:{smart_port}"], RecipientDomains: [onprem.test] }}
"#
        ),
    )
}

/// How many times the sink received each Subject.
fn subjects(sink: &Sink) -> BTreeMap<String, usize> {
    let mut out = BTreeMap::new();
    for m in sink.received() {
        let subject = m
            .data
            .lines()
            .find_map(|l| l.strip_prefix("Subject: "))
            .unwrap_or_default()
            .to_string();
        *out.entry(subject).or_insert(0) += 1;
    }
    out
}

/// The disk fills while mail arrives: the client gets 452 4.3.1, never a 250 for a
/// message not on disk; what was queued stays whole; once there is room again the
/// queue drains and new mail is taken, without a restart; the log says why.
#[test]
fn disk_full_gives_452_and_loses_nothing_queued() {
    let (dir, state) = state_dir("");
    let down = free_port();
    let port = free_port();
    write_state(&state, &relaying(port, down));
    let Some(disk) = Tmpfs::mount(&dir.path().join("eop.data"), "1m") else {
        return;
    };
    let relay = Relay::start(&state, &["--retry", "1s"]);
    let body = format!("{}\r\n", "x".repeat(900)).repeat(100);
    let mut c = Client::hello(relay.addr());
    let mut accepted = 0;
    let mut full = String::new();
    for n in 0..40 {
        let r = c.send(
            "a@contoso.test",
            &["bob@onprem.test"],
            &format!("Subject: m{n}\r\n\r\n{body}"),
        );
        if r.starts_with("250") {
            accepted += 1;
        } else {
            full = r;
            break;
        }
    }
    assert!(full.starts_with("452 4.3.1"), "{full}");
    assert!(accepted > 0);
    assert_eq!(
        relay.queued(),
        accepted,
        "every 250 is a whole queue file, no more"
    );
    assert!(relay.log_text().contains("No space left on device"));

    disk.resize("16m");
    let sink = Sink::start_on(down);
    let r = c.send(
        "a@contoso.test",
        &["bob@onprem.test"],
        &format!("Subject: after\r\n\r\n{body}"),
    );
    assert!(r.starts_with("250"), "{r}");
    assert!(
        wait_until(SECS, || relay.queued() == 0
            && sink.received().len() > accepted),
        "{}",
        relay.log_text()
    );
    let got = subjects(&sink);
    assert_eq!(got.len(), accepted + 1, "{got:?}");
    assert!(got.values().all(|n| *n == 1), "{got:?}");
    assert!(
        sink.received().iter().all(|m| m.data.ends_with(&body)),
        "a queued message came out damaged"
    );
    drop(relay);
    drop(disk);
}

/// The smart host is down through many retries: once it is back every message is
/// delivered, none twice; a message its next hop keeps deferring expires with exactly
/// one DSN.
#[test]
fn smart_host_down_for_long_delivers_each_message_once() {
    let down = free_port();
    let port = free_port();
    let (_dir, state) = state_dir(&relaying(port, down));
    let relay = Relay::start(&state, &["--retry", "1s", "--expire", "12s"]);
    let mut c = Client::hello(relay.addr());
    for n in 0..20 {
        let r = c.send(
            "admin@contoso.test",
            &["bob@onprem.test"],
            &format!("Subject: m{n}\r\n\r\nbody {n}\r\n"),
        );
        assert!(r.starts_with("250"), "{r}");
    }
    let r = c.send(
        "admin@contoso.test",
        &["defer-always@onprem.test"],
        "Subject: never\r\n\r\nx\r\n",
    );
    assert!(r.starts_with("250"), "{r}");
    // Several rounds of retries against nobody.
    assert!(
        wait_until(SECS, || relay
            .log_text()
            .matches("rcpt=bob@onprem.test")
            .count()
            >= 60),
        "{}",
        relay.log_text()
    );
    let sink = Sink::start_on(down);
    assert!(
        wait_until(SECS, || relay.queued() == 0),
        "{}",
        relay.log_text()
    );
    // A little longer, for any second delivery to show.
    std::thread::sleep(Duration::from_secs(3));
    let got = subjects(&sink);
    assert_eq!(got.len(), 20, "{got:?}");
    assert!(got.values().all(|n| *n == 1), "{got:?}");
    let dsns = relay.maildir("admin@contoso.test", "new");
    assert_eq!(dsns.len(), 1, "{dsns:?}");
    assert!(dsns[0].contains("Final-Recipient: rfc822; defer-always@onprem.test"));
}

/// The state file is removed, then replaced by an invalid one, while serving: the relay
/// says so each time and keeps the last good configuration (mail flows on); a valid
/// file later is picked up.
#[test]
fn state_file_deleted_or_broken_while_serving_keeps_the_last_good_one() {
    let port = free_port();
    let (_dir, state) = state_dir(&contoso(port, "", ""));
    let relay = Relay::start(&state, &[]);
    std::fs::remove_file(&state).unwrap();
    assert!(
        wait_until(SECS, || relay.log_text().contains("the state file is missing")),
        "{}",
        relay.log_text()
    );
    let mut c = Client::hello(relay.addr());
    let r = c.send("a@x.example", &["admin@contoso.test"], "Subject: one\r\n\r\nx\r\n");
    assert!(r.starts_with("250"), "{r}");
    std::fs::write(&state, "apiVersion: eopctl/v2\nAcceptedDomains: [ {Name: broken} ]\n").unwrap();
    assert!(
        wait_until(SECS, || relay.log_text().contains("the state file is not valid")),
        "{}",
        relay.log_text()
    );
    let r = c.send("a@x.example", &["admin@contoso.test"], "Subject: two\r\n\r\nx\r\n");
    assert!(r.starts_with("250"), "{r}");
    let carol = "Mailboxes:\n  - { Name: Carol, PrimarySmtpAddress: carol@contoso.test }\n";
    write_state(
        &state,
        &format!("revision: 7\n{}", contoso(port, "", "").replace("Mailboxes:\n", carol)),
    );
    assert!(
        wait_until(SECS, || relay.log_text().contains("to=7 ")
            || relay.log_text().contains("to=7\n")),
        "{}",
        relay.log_text()
    );
    let mut c = Client::hello(relay.addr());
    let r = c.send("a@x.example", &["carol@contoso.test"], "Subject: three\r\n\r\nx\r\n");
    assert!(r.starts_with("250"), "{r}");
    assert!(wait_until(SECS, || relay.maildir("admin@contoso.test", "new").len() == 2));
    assert!(wait_until(SECS, || relay.maildir("carol@contoso.test", "new").len() == 1));
}
