//! Quarantine notifications and the self-service pages through the real relay: a spam
//! message held under a policy with notifications, the digest in the recipients'
//! mailboxes, its links over HTTP (release, block sender), and links that must not act
//! (tampered, expired, another recipient's).

use std::time::Duration;

use crate::queue::json;
use crate::support::http;
use crate::support::relay::{Relay, free_port, state_dir, wait_until};
use crate::support::smtp::Client;

const SECS: Duration = Duration::from_secs(15);

const SPAM: &str = "From: Prize <win@prizes.example>\r\nTo: bob@contoso.test, ann@contoso.test\r\nSubject: Claim your prize\r\nContent-Type: text/html\r\n\r\n<p>Act now, winner!</p><script>alert(1)</script><div style=\"display:none\">x</div><a href=\"http://203.0.113.9/win\">win</a>\r\n";
const AGAIN: &str = "From: Prize <win@prizes.example>\r\nTo: bob@contoso.test, ann@contoso.test\r\nSubject: hello again\r\nDate: Tue, 14 Nov 2023 12:00:00 +0000\r\nMessage-ID: <a2@prizes.example>\r\n\r\nJust saying hello.\r\n";

/// The state: two hosted mailboxes; high confidence spam quarantined under a policy
/// that notifies and lets users release and block senders.
pub fn notifying(port: u16) -> String {
    format!(
        r#"
AcceptedDomains:
  - {{ Name: contoso.test, DomainName: contoso.test, Default: true }}
Mailboxes:
  - {{ Name: Admin, PrimarySmtpAddress: admin@contoso.test, EmailAddresses: [postmaster@contoso.test] }}
  - {{ Name: Bob, PrimarySmtpAddress: bob@contoso.test }}
  - {{ Name: Ann, PrimarySmtpAddress: ann@contoso.test }}
ReceiveConnectors:
  - {{ Name: Default, Bindings: ["127.0.0.1:{port}"] }}
QuarantinePolicies:
  - {{ Name: Notify, EndUserQuarantinePermissionsValue: 23, ESNEnabled: true }}
HostedContentFilterPolicies:
  - {{ Name: Default, HighConfidenceSpamAction: Quarantine, HighConfidenceSpamQuarantineTag: Notify }}
"#
    )
}

/// The digest in a mailbox's inbox, if one came.
pub fn digest(relay: &Relay, address: &str) -> Option<String> {
    relay
        .maildir(address, "new")
        .into_iter()
        .find(|m| m.contains("Subject: Quarantine notification"))
}

/// The URL of one action in a digest's text part ("Release: http://...").
pub fn link(digest: &str, label: &str) -> Option<String> {
    let m = mail_parser::MessageParser::default().parse(digest.as_bytes())?;
    let text = m.body_text(0)?.into_owned();
    text.lines()
        .filter_map(|l| l.trim().strip_prefix(&format!("{label}: ")))
        .map(str::to_string)
        .next()
}

/// Whether the held message itself (not a digest naming it) is in a mailbox's inbox.
pub fn delivered(relay: &Relay, address: &str) -> bool {
    relay
        .maildir(address, "new")
        .iter()
        .any(|m| m.contains("Subject: Claim your prize") && !m.contains("Quarantine notification"))
}

fn token(url: &str) -> &str {
    url.split_once("?t=").map(|(_, t)| t).unwrap()
}

pub fn start(port: u16) -> (tempfile::TempDir, std::path::PathBuf, Relay, u16) {
    let (dir, state) = state_dir(&notifying(port));
    let web = free_port();
    let addr = format!("127.0.0.1:{web}");
    let relay = Relay::start(&state, &["--web", &addr, "--notify-check", "1s"]);
    (dir, state, relay, web)
}

#[test]
fn a_digest_links_release_and_block_sender_for_that_user_only() {
    let (dir, state, relay, _web) = start(free_port());
    let data = dir.path().join("eop.data");
    let d = data.to_str().unwrap();
    let mut c = Client::hello(relay.addr());
    let rcpts = ["bob@contoso.test", "ann@contoso.test"];
    assert!(
        c.send("win@prizes.example", &rcpts, SPAM)
            .starts_with("250")
    );
    assert!(
        wait_until(SECS, || digest(&relay, "bob@contoso.test").is_some()
            && digest(&relay, "ann@contoso.test").is_some()),
        "{}",
        relay.log_text()
    );
    let held = json(&state, &["--data-dir", d, "Get-QuarantineMessage"]);
    assert_eq!(held.len(), 1, "{held:?}");
    assert_eq!(held[0]["TagName"], "Notify");
    let bob = digest(&relay, "bob@contoso.test").unwrap();
    assert!(bob.contains("Content-Type: multipart/alternative"), "{bob}");
    assert!(bob.contains("win@prizes.example") && bob.contains("Claim your prize"));
    // Full access: preview, release, block sender, delete; never request release too.
    for label in ["Preview", "Release", "Block sender", "Delete"] {
        assert!(link(&bob, label).is_some(), "{label}: {bob}");
    }
    assert!(link(&bob, "Request release").is_none());

    // Preview: text only, escaped, under a strict CSP.
    let p = http::get(&link(&bob, "Preview").unwrap());
    assert_eq!(p.status, 200, "{}", p.body);
    assert!(p.body.contains("Act now, winner!"), "{}", p.body);
    assert!(
        !p.body.contains("<script>") && !p.body.contains("<p>Act"),
        "{}",
        p.body
    );
    assert!(
        p.header("content-security-policy")
            .unwrap()
            .contains("default-src 'none'")
    );

    // Release: GET asks and changes nothing; POST releases to bob only.
    let release = link(&bob, "Release").unwrap();
    let ask = http::get(&release);
    assert_eq!(ask.status, 200);
    assert!(ask.body.contains("<form method=\"post\""), "{}", ask.body);
    std::thread::sleep(Duration::from_millis(1500));
    assert!(!delivered(&relay, "bob@contoso.test"));
    let done = http::post_token(&release, token(&release));
    assert_eq!(done.status, 200, "{}", done.body);
    assert!(
        wait_until(SECS, || delivered(&relay, "bob@contoso.test")),
        "{}",
        relay.log_text()
    );
    assert!(!delivered(&relay, "ann@contoso.test"));
    let held = json(&state, &["--data-dir", d, "Get-QuarantineMessage"]);
    assert_eq!(held[0]["ReleaseStatus"], "PartiallyReleased");
    // The same link again: already released, nothing happens.
    assert_eq!(http::post_token(&release, token(&release)).status, 409);

    // Block sender: bob's next message from that sender goes to his Junk folder; ann's
    // does not.
    let block = link(&bob, "Block sender").unwrap();
    assert_eq!(http::post_token(&block, token(&block)).status, 200);
    std::thread::sleep(Duration::from_millis(600));
    assert!(
        c.send("win@prizes.example", &rcpts, AGAIN)
            .starts_with("250")
    );
    assert!(
        wait_until(SECS, || relay
            .maildir("bob@contoso.test", ".Junk/new")
            .iter()
            .any(|m| m.contains("hello again"))
            && relay
                .maildir("ann@contoso.test", "new")
                .iter()
                .any(|m| m.contains("hello again"))),
        "{}",
        relay.log_text()
    );
    assert!(
        !relay
            .maildir("bob@contoso.test", "new")
            .iter()
            .any(|m| m.contains("hello again"))
    );
}

#[test]
fn tampered_expired_and_other_users_links_change_nothing() {
    use base64::Engine;
    use base64::engine::general_purpose::URL_SAFE_NO_PAD;
    let (dir, state, relay, _web) = start(free_port());
    let data = dir.path().join("eop.data");
    let d = data.to_str().unwrap();
    let mut c = Client::hello(relay.addr());
    let rcpts = ["bob@contoso.test", "ann@contoso.test"];
    assert!(
        c.send("win@prizes.example", &rcpts, SPAM)
            .starts_with("250")
    );
    assert!(
        wait_until(SECS, || digest(&relay, "bob@contoso.test").is_some()),
        "{}",
        relay.log_text()
    );
    let bob = digest(&relay, "bob@contoso.test").unwrap();
    let release = link(&bob, "Release").unwrap();
    let t = token(&release);
    let (payload, mac) = t.split_once('.').unwrap();
    let claim = String::from_utf8(URL_SAFE_NO_PAD.decode(payload).unwrap()).unwrap();
    assert!(claim.contains("bob@contoso.test"), "{claim}");

    // Bob's link made to name ann: the MAC no longer fits.
    let as_ann = URL_SAFE_NO_PAD.encode(claim.replace("bob@contoso.test", "ann@contoso.test"));
    let forged = format!("{as_ann}.{mac}");
    let r = http::post_token(&release, &forged);
    assert_eq!(r.status, 403, "{}", r.body);
    assert!(r.body.contains("This link is not valid"), "{}", r.body);
    // One character changed.
    let mut bytes = t.as_bytes().to_vec();
    bytes[3] = if bytes[3] == b'A' { b'B' } else { b'A' };
    let r = http::post_token(&release, std::str::from_utf8(&bytes).unwrap());
    assert_eq!(r.status, 403);
    // Bob's release token on another action's page.
    let delete = link(&bob, "Delete").unwrap();
    assert_eq!(http::post_token(&delete, t).status, 403);

    // Expired: signed with the relay's own key, an hour ago.
    let key = eopctl::relay::notify::token::Key::load_or_create(&data).unwrap();
    let mut parts: Vec<&str> = claim.split('\n').collect();
    let past = (chrono::Utc::now().timestamp() - 3600).to_string();
    parts[4] = &past;
    let old = eopctl::relay::notify::token::Claim {
        message: parts[1].into(),
        recipient: parts[2].into(),
        action: eopctl::relay::notify::token::LinkAction::Release,
        expires: past.parse().unwrap(),
    };
    let r = http::post_token(&release, &key.sign(&old));
    assert_eq!(r.status, 410, "{}", r.body);
    assert!(r.body.contains("This link has expired"));

    std::thread::sleep(Duration::from_millis(1500));
    let held = json(&state, &["--data-dir", d, "Get-QuarantineMessage"]);
    assert_eq!(held.len(), 1);
    assert_eq!(held[0]["ReleaseStatus"], "NotReleased", "{held:?}");
    for who in rcpts {
        assert!(!delivered(&relay, who));
    }

    // The policy is read when a link is used: made Limited access, release is refused
    // and a release request goes to the admins.
    crate::support::relay::eopctl_ok(
        &state,
        &[
            "Set-QuarantinePolicy",
            "-Identity",
            "Notify",
            "-EndUserQuarantinePermissionsValue",
            "27",
        ],
    );
    assert!(
        wait_until(SECS, || {
            let r = http::get(&release);
            r.status == 403 && r.body.contains("Not permitted")
        }),
        "{}",
        relay.log_text()
    );
    let request = eopctl::relay::notify::token::Claim {
        message: parts[1].into(),
        recipient: parts[2].into(),
        action: eopctl::relay::notify::token::LinkAction::RequestRelease,
        expires: chrono::Utc::now().timestamp() + 3600,
    };
    let url = release.replace("/release?", "/request-release?");
    let r = http::post_token(&url, &key.sign(&request));
    assert_eq!(r.status, 200, "{}", r.body);
    let requested = json(
        &state,
        &[
            "--data-dir",
            d,
            "Get-QuarantineMessage",
            "-ReleaseStatus",
            "Requested",
        ],
    );
    assert_eq!(requested.len(), 1, "{requested:?}");
    assert!(
        wait_until(SECS, || relay
            .maildir("admin@contoso.test", "new")
            .iter()
            .any(|m| m
                .contains("Subject: Release requested: Claim your prize")
                && m.contains("bob@contoso.test asks"))),
        "{}",
        relay.log_text()
    );
}
