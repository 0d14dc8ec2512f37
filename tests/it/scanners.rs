//! The external scanners through the real relay, against real daemons on loopback: clamd
//! (Debian's clamav-daemon) and rspamd (Debian's rspamd), each started by the test.

use std::time::Duration;

use crate::malware::{attachment, org};
use crate::support::relay::{Relay, eopctl_ok, free_port, have, state_dir, wait_until};
use crate::support::scanners::{CLAMD_PATTERN, CLAMD_SIGNATURE, Daemon, listening};
use crate::support::smtp::Client;

const SECS: Duration = Duration::from_secs(10);
const GTUBE: &str = "XJS*C4JDBQADN1.NSBN3*2IDNEN*GTUBE-STANDARD-ANTI-UBE-TEST-EMAIL*C.34X";

/// A message with the subject and body given, otherwise clean.
fn mail(subject: &str, body: &str) -> String {
    format!(
        "From: Ann <ann@fabrikam.example>\r\nTo: admin@contoso.test\r\nSubject: {subject}\r\nDate: Tue, 14 Nov 2023 12:00:00 +0000\r\nMessage-ID: <{}@fabrikam.example>\r\n\r\n{body}\r\n",
        subject.replace(' ', "-")
    )
}

/// A relay for admin@contoso.test after `cmdlet` (through the real binary) set its
/// policies; the directory holding the state lives as long as the caller keeps it.
fn relay_after(cmdlet: &[&str]) -> (tempfile::TempDir, Relay) {
    let (dir, state) = state_dir(&org(free_port(), ""));
    eopctl_ok(&state, cmdlet);
    let relay = Relay::start(&state, &[]);
    (dir, relay)
}

/// clamd's own signature gets 550 before the 250; a clean message is delivered; with clamd
/// down the message gets 451 and is neither queued nor delivered, and the client's retry
/// once clamd is back delivers it.
#[test]
fn clamd_rejects_its_signature_and_defers_mail_while_it_is_down() {
    if !have("clamd") {
        return;
    }
    let clam_port = free_port();
    let clamd = Daemon::clamd(clam_port);
    let server = format!("127.0.0.1:{clam_port}");
    let (_dir, relay) = relay_after(&[
        "Set-MalwareFilterPolicy",
        "-Identity",
        "Default",
        "-ClamAvServer",
        &server,
    ]);
    let mut c = Client::hello(relay.addr());
    let infected = attachment("notes.txt", format!("notes {CLAMD_PATTERN}").as_bytes());
    let end = c.send("ann@fabrikam.example", &["admin@contoso.test"], &infected);
    assert!(end.starts_with("550 5.7.1"), "{end}\n{}", clamd.log());
    assert!(
        relay.log_text().contains(CLAMD_SIGNATURE),
        "{}",
        relay.log_text()
    );
    let end = c.send(
        "ann@fabrikam.example",
        &["admin@contoso.test"],
        &mail("lunch", "Noon?"),
    );
    assert!(end.starts_with("250"), "{end}");
    assert!(wait_until(SECS, || relay
        .maildir("admin@contoso.test", "new")
        .len()
        == 1));

    drop(clamd);
    assert!(wait_until(SECS, || !listening(clam_port)));
    let later = mail("minutes", "Attached are the minutes.");
    let end = c.send("ann@fabrikam.example", &["admin@contoso.test"], &later);
    assert!(end.starts_with("451 4.7.0"), "{end}");
    assert!(relay.log_text().contains("malware scanner unavailable"));
    assert_eq!(relay.queued(), 0);
    assert_eq!(relay.maildir("admin@contoso.test", "new").len(), 1);

    let clamd = Daemon::clamd(clam_port);
    let mut c = Client::hello(relay.addr());
    let end = c.send("ann@fabrikam.example", &["admin@contoso.test"], &later);
    assert!(end.starts_with("250"), "{end}\n{}", clamd.log());
    assert!(wait_until(SECS, || relay
        .maildir("admin@contoso.test", "new")
        .iter()
        .any(|m| m.contains("Subject: minutes"))));
}

/// rspamd's score is folded into the SCL (GTUBE: rspamd says reject, the report lists
/// `EXTERNAL:rspamd:+6` and the message goes to Junk); with rspamd down the built-in
/// signals still score the message and it is delivered.
#[test]
fn rspamd_score_is_folded_into_the_scl_and_its_absence_fails_open() {
    if !have("rspamd") {
        return;
    }
    let rspamd_port = free_port();
    let rspamd = Daemon::rspamd(rspamd_port);
    let url = format!("http://127.0.0.1:{rspamd_port}");
    let (_dir, relay) = relay_after(&[
        "Set-HostedContentFilterPolicy",
        "-Identity",
        "Default",
        "-HighConfidenceSpamAction",
        "MoveToJmf",
        "-SpamScanner",
        "Rspamd",
        "-SpamScannerUrl",
        &url,
    ]);
    let mut c = Client::hello(relay.addr());
    let spam = mail("offer", GTUBE);
    let end = c.send("ann@fabrikam.example", &["admin@contoso.test"], &spam);
    assert!(end.starts_with("250"), "{end}");
    assert!(
        wait_until(SECS, || relay
            .maildir("admin@contoso.test", ".Junk/new")
            .len()
            == 1),
        "{}\n{}",
        relay.log_text(),
        rspamd.log()
    );
    let junk = &relay.maildir("admin@contoso.test", ".Junk/new")[0];
    assert!(junk.contains("(EXTERNAL:rspamd:+6)"), "{junk}");
    assert!(
        junk.contains("X-MS-Exchange-Organization-SCL: 7\r\n"),
        "{junk}"
    );
    // The log names rspamd's score and its symbol.
    assert!(
        relay.log_text().contains("score 15.00 (GTUBE"),
        "{}",
        relay.log_text()
    );

    drop(rspamd);
    assert!(wait_until(SECS, || !listening(rspamd_port)));
    let end = c.send("ann@fabrikam.example", &["admin@contoso.test"], &spam);
    assert!(end.starts_with("250"), "{end}");
    assert!(wait_until(SECS, || relay
        .maildir("admin@contoso.test", "new")
        .len()
        == 1));
    let inbox = &relay.maildir("admin@contoso.test", "new")[0];
    assert!(
        inbox.contains("X-Forefront-Antispam-Report: CIP:127.0.0.1;SCL:1;")
            && !inbox.contains("EXTERNAL"),
        "{inbox}"
    );
    assert!(relay.log_text().contains("spam scanner unavailable"));
}
