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

/// Sends one message on `c` that must be accepted (250).
#[track_caller]
fn accepted(c: &mut Client, from: &str, to: &str, subject: &str) {
    let r = c.send(from, &[to], &format!("Subject: {subject}\r\n\r\nx\r\n"));
    assert!(r.starts_with("250"), "{subject}: {r}");
}

/// Waits (bounded) until `address`'s inbox holds `n` messages.
fn arrived(relay: &Relay, address: &str, n: usize) -> bool {
    wait_until(SECS, || relay.maildir(address, "new").len() == n)
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
    accepted(
        &mut c,
        "admin@contoso.test",
        "defer-always@onprem.test",
        "never",
    );
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

/// A restart keeps the retry schedule: a message deferred for an hour is not sent the
/// moment the relay is back (10,000 such messages would all go at once); Get-QueueMessage
/// still shows its retry count and error, and Retry-Queue sends it at once.
#[test]
fn a_restart_keeps_the_retry_schedule() {
    let down = free_port();
    let port = free_port();
    let (_dir, state) = state_dir(&relaying(port, down));
    let mut relay = Relay::start(&state, &["--retry", "1h"]);
    let mut c = Client::hello(relay.addr());
    accepted(&mut c, "admin@contoso.test", "bob@onprem.test", "later");
    drop(c);
    let deferred = || {
        crate::queue::json(&state, &["Get-QueueMessage"])
            .first()
            .is_some_and(|m| m["RetryCount"] == 1)
    };
    assert!(wait_until(SECS, deferred), "{}", relay.log_text());
    relay.signal("TERM");
    assert_eq!(relay.wait_exit(SECS), Some(0), "{}", relay.log_text());

    let sink = Sink::start_on(down);
    let relay = Relay::start(&state, &["--retry", "1h"]);
    assert!(wait_until(SECS, deferred), "{}", relay.log_text());
    let m = crate::queue::json(&state, &["Get-QueueMessage"]).remove(0);
    assert!(
        m["LastError"]
            .as_str()
            .unwrap_or_default()
            .contains("connect"),
        "{m}"
    );
    // Not due for an hour: nothing goes out by itself.
    std::thread::sleep(Duration::from_secs(3));
    assert!(sink.received().is_empty(), "{}", relay.log_text());
    eopctl_ok(
        &state,
        &["Retry-Queue", "-Identity", &format!("127.0.0.1:{down}")],
    );
    assert!(
        wait_until(SECS, || relay.queued() == 0),
        "{}",
        relay.log_text()
    );
    assert_eq!(subjects(&sink).len(), 1);
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
        wait_until(SECS, || relay
            .log_text()
            .contains("the state file is missing")),
        "{}",
        relay.log_text()
    );
    let mut c = Client::hello(relay.addr());
    accepted(&mut c, "a@x.example", "admin@contoso.test", "one");
    std::fs::write(
        &state,
        "apiVersion: eopctl/v3\nAcceptedDomains: [ {Name: broken} ]\n",
    )
    .unwrap();
    assert!(
        wait_until(SECS, || relay
            .log_text()
            .contains("the state file is not valid")),
        "{}",
        relay.log_text()
    );
    accepted(&mut c, "a@x.example", "admin@contoso.test", "two");
    let carol = "Mailboxes:\n  - { Name: Carol, PrimarySmtpAddress: carol@contoso.test }\n";
    write_state(
        &state,
        &format!(
            "revision: 7\n{}",
            contoso(port, "", "").replace("Mailboxes:\n", carol)
        ),
    );
    assert!(
        wait_until(SECS, || relay.log_text().contains("to=7 ")
            || relay.log_text().contains("to=7\n")),
        "{}",
        relay.log_text()
    );
    let mut c = Client::hello(relay.addr());
    accepted(&mut c, "a@x.example", "carol@contoso.test", "three");
    assert!(arrived(&relay, "admin@contoso.test", 2));
    assert!(arrived(&relay, "carol@contoso.test", 1));
}

/// A next hop that takes the first message it is sent and then, for the next, reads
/// the whole DATA and never answers: a delivery caught half done. It says (through
/// `got`) how many messages' data it has read; it lives at most a minute.
fn stalling_next_hop() -> (u16, std::sync::Arc<std::sync::atomic::AtomicUsize>) {
    use std::io::{BufRead, BufReader, Write};
    use std::sync::atomic::{AtomicUsize, Ordering};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let got = std::sync::Arc::new(AtomicUsize::new(0));
    let seen = got.clone();
    std::thread::spawn(move || {
        let Ok((stream, _)) = listener.accept() else {
            return;
        };
        stream
            .set_read_timeout(Some(Duration::from_secs(60)))
            .unwrap();
        let mut w = stream.try_clone().unwrap();
        let mut r = BufReader::new(stream);
        let _ = w.write_all(b"220 stall.test ESMTP\r\n");
        let mut line = String::new();
        let mut in_data = false;
        while r.read_line(&mut line).unwrap_or(0) > 0 {
            let reply: &[u8] = if in_data {
                if line == ".\r\n" {
                    in_data = false;
                    if seen.fetch_add(1, Ordering::SeqCst) > 0 {
                        // The second message: hold the connection, say nothing.
                        std::thread::sleep(Duration::from_secs(60));
                        return;
                    }
                    b"250 2.0.0 ok\r\n"
                } else {
                    b""
                }
            } else if line.to_ascii_uppercase().starts_with("DATA") {
                in_data = true;
                b"354 go\r\n"
            } else if line.to_ascii_uppercase().starts_with("EHLO") {
                b"250-stall.test\r\n250 8BITMIME\r\n"
            } else {
                b"250 ok\r\n"
            };
            if w.write_all(reply).is_err() {
                return;
            }
            line.clear();
        }
    });
    (port, got)
}

/// A relay whose next hop took a first message and holds a second one half delivered
/// (`stalling_next_hop`): the state's directory and path, the listener's port, the
/// relay and its client's session.
fn half_delivered(extra: &[&str]) -> (tempfile::TempDir, PathBuf, u16, Relay, Client) {
    use std::sync::atomic::Ordering;
    let (smart, got) = stalling_next_hop();
    let port = free_port();
    let (dir, state) = state_dir(&relaying(port, smart));
    let relay = Relay::start(&state, extra);
    let mut c = Client::hello(relay.addr());
    accepted(&mut c, "a@contoso.test", "bob@onprem.test", "first");
    assert!(
        wait_until(SECS, || relay.queued() == 0),
        "{}",
        relay.log_text()
    );
    accepted(&mut c, "a@contoso.test", "bob@onprem.test", "second");
    assert!(
        wait_until(SECS, || got.load(Ordering::SeqCst) == 2),
        "{}",
        relay.log_text()
    );
    (dir, state, port, relay, c)
}

/// Starts the relay again on `state` with a well-behaved next hop (on another port, so
/// the state is rewritten to point at it): the half-delivered message arrives once, the
/// one delivered before does not arrive again.
fn restart_delivers_the_half_delivered_one(state: &Path, port: u16) {
    let sink = Sink::start();
    write_state(state, &relaying(port, sink.addr.port()));
    let relay = Relay::start(state, &["--retry", "1s"]);
    assert!(
        wait_until(SECS, || relay.queued() == 0),
        "{}",
        relay.log_text()
    );
    let got = subjects(&sink);
    assert_eq!(got.get("second"), Some(&1), "{got:?}");
    assert_eq!(got.get("first"), None, "{got:?}");
}

/// SIGKILL while a message is half delivered (its data sent, no answer yet): after a
/// restart it is sent again (at least once, never lost); the message delivered just
/// before the kill is not sent again.
#[test]
fn sigkill_during_delivery_sends_again_after_restart() {
    let (_dir, state, port, mut relay, _c) = half_delivered(&["--retry", "1s"]);
    relay.signal("KILL");
    assert!(wait_until(SECS, || matches!(
        relay.child.try_wait(),
        Ok(Some(_))
    )));
    assert_eq!(
        relay.queued(),
        1,
        "the half-delivered message is still queued"
    );
    drop(relay);
    restart_delivers_the_half_delivered_one(&state, port);
}

/// `serve --grace` bounds a shutdown that a stuck session would hold open; within a long
/// grace a second SIGTERM stops at once; a delivery in flight at the stop keeps its
/// queue file whole, and the next start delivers it.
#[test]
fn grace_bounds_the_shutdown_and_a_second_sigterm_stops_at_once() {
    // A session stuck in DATA, and --grace 2s: the relay stops once the grace is over.
    let port = free_port();
    let (_dir, state) = state_dir(&contoso(port, "", ""));
    let mut relay = Relay::start(&state, &["--grace", "2s"]);
    let mut stuck = Client::hello(relay.addr());
    assert!(stuck.cmd("MAIL FROM:<a@x.example>").starts_with("250"));
    assert!(stuck.cmd("RCPT TO:<admin@contoso.test>").starts_with("250"));
    assert!(stuck.cmd("DATA").starts_with("354"));
    relay.signal("TERM");
    assert_eq!(relay.wait_exit(SECS), Some(0), "{}", relay.log_text());
    assert!(relay.log_text().contains("grace period over"));
    drop(stuck);

    // A long grace, a stuck session and a delivery in flight: the second SIGTERM ends it.
    let (_dir, state, port, mut relay, mut c) = half_delivered(&["--grace", "10m"]);
    assert!(c.cmd("MAIL FROM:<a@contoso.test>").starts_with("250"));
    assert!(c.cmd("RCPT TO:<bob@onprem.test>").starts_with("250"));
    assert!(c.cmd("DATA").starts_with("354"));
    relay.signal("TERM");
    assert!(wait_until(SECS, || relay
        .log_text()
        .contains("shutting down")));
    std::thread::sleep(Duration::from_secs(1));
    assert!(
        matches!(relay.child.try_wait(), Ok(None)),
        "the grace is ten minutes: still running"
    );
    relay.signal("TERM");
    assert_eq!(relay.wait_exit(SECS), Some(0), "{}", relay.log_text());
    assert!(relay.log_text().contains("second signal"));
    assert_eq!(relay.queued(), 1);
    drop(relay);
    restart_delivers_the_half_delivered_one(&state, port);
}

/// The DNS server stops answering (it takes queries and never replies): an anonymous
/// message still gets its 250 within a bound (sender authentication gives up with a
/// temporary error and the policy goes on), new clients are greeted meanwhile, and an
/// Internet recipient's MX lookup defers the message instead of bouncing it.
#[test]
fn dns_that_never_answers_bounds_sessions_and_defers_mx() {
    let silent = std::net::UdpSocket::bind("127.0.0.1:0").unwrap();
    let dns = silent.local_addr().unwrap().to_string();
    let port = free_port();
    let (_dir, state) = state_dir(&contoso(port, "", ""));
    let relay = Relay::start(&state, &["--dns", &dns]);
    let addr = relay.addr();
    let anonymous = std::thread::spawn(move || {
        let mut c = Client::hello(addr);
        c.patient(Duration::from_secs(120));
        let start = std::time::Instant::now();
        let r = c.send(
            "someone@example.net",
            &["admin@contoso.test"],
            "Subject: while DNS is silent\r\n\r\nx\r\n",
        );
        (r, start.elapsed())
    });
    // The listener is not held up by the waiting session.
    std::thread::sleep(Duration::from_secs(1));
    let mut other = Client::connect(addr);
    assert!(other.reply().starts_with("220"));
    let (r, took) = anonymous.join().unwrap();
    assert!(r.starts_with("250"), "{r}");
    assert!(took < Duration::from_secs(60), "{took:?}");
    assert!(
        wait_until(SECS, || relay.maildir("admin@contoso.test", "new").len()
            + relay.maildir("admin@contoso.test", ".Junk/new").len()
            == 1),
        "{}",
        relay.log_text()
    );
    let mut got = relay.maildir("admin@contoso.test", "new");
    got.extend(relay.maildir("admin@contoso.test", ".Junk/new"));
    assert!(got[0].contains("spf=temperror"), "{}", got[0]);

    // From on premises to the Internet (another relay, where this client is on
    // premises): the MX lookup times out, the message waits.
    let port = free_port();
    let (_dir2, state) = state_dir(&relaying(port, free_port()));
    let relay = Relay::start(&state, &["--dns", &dns, "--retry", "1s"]);
    let mut c = Client::hello(relay.addr());
    accepted(&mut c, "admin@contoso.test", "x@remote.example", "out");
    assert!(
        wait_until(Duration::from_secs(60), || relay
            .log_text()
            .contains("result=\"deferred\"")),
        "{}",
        relay.log_text()
    );
    let log = relay.log_text();
    assert!(log.contains("rcpt=x@remote.example"), "{log}");
    assert!(!log.contains("result=\"bounced\""), "{log}");
    assert_eq!(relay.queued(), 1);
    drop(silent);
}

/// The message trace locked by another process, or damaged: mail is taken and
/// delivered all the same; what cannot be recorded is dropped with a log line, and once
/// the lock goes the trace records again, without a restart. A damaged database is set
/// aside (kept) and a new one started: the relay traces on.
#[test]
fn a_locked_or_corrupt_trace_never_stops_mail() {
    let port = free_port();
    let (_dir, state) = state_dir(&contoso(port, "", ""));
    let relay = Relay::start(&state, &[]);
    let mut c = Client::hello(relay.addr());
    let send = |c: &mut Client, subject: &str| {
        let r = c.send(
            "sender@example.net",
            &["admin@contoso.test"],
            &format!("Subject: {subject}\r\nMessage-ID: <{subject}@example.net>\r\n\r\nx\r\n"),
        );
        assert!(r.starts_with("250"), "{r}");
    };
    let traced = |subject: &str| {
        eopctl(&state, &["Get-MessageTrace", "-o", "json"])
            .stdout
            .windows(subject.len())
            .any(|w| w == subject.as_bytes())
    };
    send(&mut c, "before");
    assert!(
        wait_until(SECS, || traced("before")),
        "{}",
        relay.log_text()
    );

    let db = rusqlite::Connection::open(relay.data_dir.join("trace.db")).unwrap();
    db.execute_batch("BEGIN EXCLUSIVE").unwrap();
    send(&mut c, "locked");
    assert!(arrived(&relay, "admin@contoso.test", 2));
    assert!(
        wait_until(SECS, || relay
            .log_text()
            .contains("message trace: cannot record a batch")),
        "{}",
        relay.log_text()
    );
    db.execute_batch("COMMIT").unwrap();
    drop(db);
    send(&mut c, "after");
    assert!(arrived(&relay, "admin@contoso.test", 3));
    assert!(wait_until(SECS, || traced("after")), "{}", relay.log_text());
    drop(c);
    drop(relay);

    // Damaged at start.
    std::fs::write(
        relay_data(&state).join("trace.db"),
        b"not a database at all, sorry",
    )
    .unwrap();
    for suffix in ["-wal", "-shm"] {
        let _ = std::fs::remove_file(relay_data(&state).join(format!("trace.db{suffix}")));
    }
    let relay = Relay::start(&state, &[]);
    assert!(
        relay
            .log_text()
            .contains("the database was damaged; it is kept aside and a new one started"),
        "{}",
        relay.log_text()
    );
    let mut c = Client::hello(relay.addr());
    send(&mut c, "traced anew");
    assert!(arrived(&relay, "admin@contoso.test", 4));
    assert!(
        wait_until(SECS, || traced("traced anew")),
        "{}",
        relay.log_text()
    );
    let kept = std::fs::read_dir(relay_data(&state))
        .unwrap()
        .flatten()
        .filter(|e| {
            e.file_name()
                .to_string_lossy()
                .starts_with("trace.db.damaged-")
        })
        .count();
    assert_eq!(kept, 1, "the damaged file is kept for inspection");
}

fn relay_data(state: &Path) -> PathBuf {
    state.with_extension("data")
}

/// The queue directory turns read-only under the relay (a read-only bind mount: the
/// whole data directory cannot be remounted while the trace holds files open for
/// writing): new mail gets a temporary refusal (there is nowhere to make it durable),
/// never a 250; once it is writable again mail is taken and delivered, without a restart.
#[test]
fn a_read_only_queue_refuses_for_now_and_recovers() {
    let port = free_port();
    let (_dir, state) = state_dir(&contoso(port, "", ""));
    let relay = Relay::start(&state, &[]);
    let mut c = Client::hello(relay.addr());
    accepted(&mut c, "a@x.example", "admin@contoso.test", "one");
    assert!(arrived(&relay, "admin@contoso.test", 1));
    let Some(ro) = ReadOnly::bind(&relay.data_dir.join("queue")) else {
        return;
    };
    let r = c.send(
        "a@x.example",
        &["admin@contoso.test"],
        "Subject: two\r\n\r\nx\r\n",
    );
    assert!(r.starts_with("451 4.3.0"), "{r}");
    assert!(
        relay.log_text().contains("Read-only file system"),
        "{}",
        relay.log_text()
    );
    drop(ro);
    accepted(&mut c, "a@x.example", "admin@contoso.test", "three");
    assert!(arrived(&relay, "admin@contoso.test", 2));
    assert!(wait_until(SECS, || relay.queued() == 0));
}

/// A directory made read-only by a read-only bind mount over itself, until dropped
/// (root only, as `Tmpfs`).
struct ReadOnly(PathBuf);

impl ReadOnly {
    fn bind(dir: &Path) -> Option<ReadOnly> {
        let run = |args: &[&str]| {
            Command::new("mount")
                .args(args)
                .arg(dir)
                .arg(dir)
                .status()
                .is_ok_and(|s| s.success())
        };
        if !run(&["--bind"]) {
            assert!(
                std::env::var_os("CI").is_none(),
                "a bind mount needs root, and CI must run this test"
            );
            eprintln!("skipped: cannot bind-mount here (not root)");
            return None;
        }
        let guard = ReadOnly(dir.to_path_buf());
        assert!(run(&["-o", "remount,bind,ro"]), "remount read-only");
        Some(guard)
    }
}

impl Drop for ReadOnly {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.0).status();
    }
}
