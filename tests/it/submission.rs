//! SMTP AUTH submission with a real client (swaks): a hosted mailbox and an SMTP AUTH
//! account send through port 587 with STARTTLS and port 465 with implicit TLS (RFC
//! 8314), their mail leaves DKIM-signed for a partner's sink; a wrong password, AUTH
//! before TLS, anonymous mail on a submission listener and sending as someone else are
//! refused; a burst of wrong passwords from one address is slowed and then blocked while
//! the right password from another address still works. Passwords go in on stdin.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::Duration;

use crate::support::pki::{Kind, Pki};
use crate::support::relay::{Relay, bin, eopctl_ok, free_port, have, state_dir, wait_until};
use crate::support::smtp::{Client, Sink};

const SECS: Duration = Duration::from_secs(20);
const ANN: &str = "correct horse battery";
const SCANNER: &str = "scanner staple 42";

/// An organisation with a submission listener on `p587` (STARTTLS) and `p465` (implicit
/// TLS), both for authenticated users only, the mailbox Ann, a partner domain whose mail
/// goes to `sink`, and contoso.test signing with DKIM.
struct Org {
    _pki: Pki,
    _dir: tempfile::TempDir,
    state: std::path::PathBuf,
    p587: u16,
    p465: u16,
    sink: Sink,
}

fn org() -> Org {
    let pki = Pki::new();
    pki.issue("relay", "relay.test", Kind::Valid);
    let sink = Sink::start();
    let (p587, p465) = (free_port(), free_port());
    let submission = r#"TlsCertificateName: relay.test, AuthMechanism: "Tls, BasicAuth, BasicAuthRequireTLS", PermissionGroups: ExchangeUsers"#;
    let body = format!(
        r#"
AcceptedDomains:
  - {{ Name: contoso.test, DomainName: contoso.test, Default: true }}
Mailboxes:
  - {{ Name: Ann, PrimarySmtpAddress: ann@contoso.test, EmailAddresses: [a.o@contoso.test] }}
  - {{ Name: Bob, PrimarySmtpAddress: bob@contoso.test }}
ReceiveConnectors:
  - {{ Name: Submission, Bindings: ["127.0.0.1:{p587}"], {submission} }}
  - {{ Name: Submissions, Bindings: ["127.0.0.1:{p465}"], ImplicitTls: true, {submission} }}
OutboundConnectors:
  - {{ Name: Partner, ConnectorType: Partner, SmartHosts: ["127.0.0.1:{}"], RecipientDomains: [fabrikam.test] }}
Certificates:
{}"#,
        sink.addr.port(),
        pki.entry(1, "relay", "relay.test"),
    );
    let (dir, state) = state_dir(&body);
    eopctl_ok(
        &state,
        &[
            "New-DkimSigningConfig",
            "-DomainName",
            "contoso.test",
            "-Enabled",
            "$true",
            "-KeyType",
            "ed25519",
        ],
    );
    with_stdin(
        &state,
        &["Set-Mailbox", "-Identity", "ann@contoso.test", "-Password"],
        ANN,
    );
    with_stdin(
        &state,
        &[
            "New-SmtpAuthAccount",
            "-Name",
            "scanner",
            "-AllowedSenderAddresses",
            "scans@contoso.test",
            "-Password",
        ],
        SCANNER,
    );
    Org {
        _pki: pki,
        _dir: dir,
        state,
        p587,
        p465,
        sink,
    }
}

/// Runs a cmdlet with `password` as its stdin's first line; it must succeed.
#[track_caller]
fn with_stdin(state: &Path, args: &[&str], password: &str) {
    let mut child = Command::new(bin())
        .arg("--state")
        .arg(state)
        .args(args)
        .env_remove("EOPCTL_STATE")
        .env_remove("EOPCTL_DATA")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    writeln!(child.stdin.take().unwrap(), "{password}").unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    // The password never reaches the state file or the output.
    let text = std::fs::read_to_string(state).unwrap();
    assert!(!text.contains(password), "{text}");
    assert!(!String::from_utf8_lossy(&out.stdout).contains(password));
}

/// swaks against the relay; `extra` holds the TLS, AUTH and address options.
fn swaks(port: u16, extra: &[&str]) -> Output {
    Command::new("swaks")
        .args(["--server", &format!("127.0.0.1:{port}")])
        .args(["--timeout", "30", "--helo", "client.test"])
        .args(extra)
        .stdin(Stdio::null())
        .output()
        .unwrap()
}

fn text(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr)
}

fn auth<'a>(mechanism: &'a str, user: &'a str, password: &'a str) -> [&'a str; 6] {
    [
        "--auth",
        mechanism,
        "--auth-user",
        user,
        "--auth-password",
        password,
    ]
}

#[test]
fn mailbox_and_account_submit_over_587_and_465() {
    if !have("swaks") {
        return;
    }
    let o = org();
    let relay = Relay::start(&o.state, &[]);
    let subject = |s: &str| format!("Subject: {s}");

    // Ann over 587 with STARTTLS and AUTH PLAIN, logging in with another of her addresses.
    let s1 = subject("from Ann over 587");
    let out = swaks(
        o.p587,
        &[
            &[
                "-tls",
                "--from",
                "ann@contoso.test",
                "--to",
                "carol@fabrikam.test",
            ][..],
            &auth("PLAIN", "a.o@contoso.test", ANN),
            &["--header", &s1, "--header", "From: Ann <ann@contoso.test>"],
        ]
        .concat(),
    );
    assert!(out.status.success(), "{}\n{}", text(&out), relay.log_text());
    assert!(text(&out).contains("235 2.7.0"), "{}", text(&out));

    // The scanner's password changes while the relay runs: the next login uses it.
    let renewed = "scanner staple 43";
    with_stdin(
        &o.state,
        &["Set-SmtpAuthAccount", "-Identity", "scanner", "-Password"],
        renewed,
    );
    let out = swaks(
        o.p465,
        &[
            &["--tls-on-connect", "--quit-after", "AUTH"][..],
            &auth("PLAIN", "scanner", SCANNER),
        ]
        .concat(),
    );
    assert!(text(&out).contains("535 5.7.8"), "{}", text(&out));

    // The scanner over 465 with implicit TLS and AUTH LOGIN.
    let s2 = subject("from the scanner over 465");
    let out = swaks(
        o.p465,
        &[
            &[
                "--tls-on-connect",
                "--from",
                "scans@contoso.test",
                "--to",
                "carol@fabrikam.test",
            ][..],
            &auth("LOGIN", "scanner", renewed),
            &["--header", &s2, "--header", "From: scans@contoso.test"],
        ]
        .concat(),
    );
    assert!(out.status.success(), "{}\n{}", text(&out), relay.log_text());

    assert!(
        wait_until(SECS, || o.sink.received().len() == 2),
        "{}",
        relay.log_text()
    );
    for (m, s) in o.sink.received().iter().zip([&s1, &s2]) {
        assert!(m.data.contains(s.as_str()), "{}", m.data);
        // The organisation's mail: relayed to a partner and DKIM-signed.
        assert!(m.data.starts_with("DKIM-Signature:"), "{}", m.data);
        assert!(m.data.contains("with ESMTPSA"), "{}", m.data);
    }
    let log = relay.log_text();
    assert!(log.contains("submitter=Mailbox \"Ann\""), "{log}");
    assert!(
        log.contains("submitter=SmtpAuthAccount \"scanner\""),
        "{log}"
    );
}

#[test]
fn wrong_password_cleartext_auth_anonymous_mail_and_send_as_are_refused() {
    if !have("swaks") {
        return;
    }
    let o = org();
    let relay = Relay::start(&o.state, &[]);
    let to = ["--to", "carol@fabrikam.test"];

    let out = swaks(
        o.p587,
        &[
            &["-tls", "--from", "ann@contoso.test"][..],
            &to,
            &auth("PLAIN", "ann@contoso.test", "wrong password"),
        ]
        .concat(),
    );
    assert!(!out.status.success());
    assert!(text(&out).contains("535 5.7.8"), "{}", text(&out));

    // Before STARTTLS, AUTH is not offered and refused if tried.
    let mut c = Client::hello(([127, 0, 0, 1], o.p587).into());
    let ehlo = c.cmd("EHLO client.test");
    assert!(
        ehlo.contains("STARTTLS") && !ehlo.contains("AUTH"),
        "{ehlo}"
    );
    let plain = base64_plain("ann@contoso.test", ANN);
    let r = c.cmd(&format!("AUTH PLAIN {plain}"));
    assert!(r.starts_with("538 5.7.11"), "{r}");
    // Nor may an anonymous client send through a listener for authenticated users.
    let r = c.cmd("MAIL FROM:<ann@contoso.test>");
    assert!(r.starts_with("530"), "{r}");
    let out = swaks(
        o.p587,
        &[&[
            "-tls",
            "--from",
            "x@fabrikam.test",
            "--to",
            "ann@contoso.test",
        ][..]]
        .concat(),
    );
    assert!(text(&out).contains("530 5.7.57"), "{}", text(&out));

    // Ann may not send as Bob: not in MAIL FROM, nor in the From header.
    let out = swaks(
        o.p587,
        &[
            &["-tls", "--from", "bob@contoso.test"][..],
            &to,
            &auth("LOGIN", "ann@contoso.test", ANN),
        ]
        .concat(),
    );
    assert!(text(&out).contains("550 5.7.60"), "{}", text(&out));
    let out = swaks(
        o.p587,
        &[
            &["-tls", "--from", "ann@contoso.test"][..],
            &to,
            &auth("PLAIN", "ann@contoso.test", ANN),
            &["--header", "From: Bob <bob@contoso.test>"],
        ]
        .concat(),
    );
    assert!(text(&out).contains("550 5.7.60"), "{}", text(&out));
    // The scanner only as its allowed address.
    let out = swaks(
        o.p465,
        &[
            &["--tls-on-connect", "--from", "ann@contoso.test"][..],
            &to,
            &auth("PLAIN", "scanner", SCANNER),
        ]
        .concat(),
    );
    assert!(text(&out).contains("550 5.7.60"), "{}", text(&out));
    std::thread::sleep(Duration::from_millis(500));
    assert!(o.sink.received().is_empty(), "{:?}", o.sink.received());
    let log = relay.log_text();
    assert!(log.contains("authentication failed"), "{log}");
    assert!(
        log.contains("is not among the mailbox's addresses"),
        "{log}"
    );
}

#[test]
fn a_burst_of_wrong_passwords_is_slowed_then_blocked_per_address() {
    if !have("swaks") {
        return;
    }
    let o = org();
    let relay = Relay::start(&o.state, &[]);
    let from_attacker = [
        "--local-interface",
        "127.0.0.2",
        "-tls",
        "--from",
        "ann@contoso.test",
        "--to",
        "carol@fabrikam.test",
    ];
    let mut replies = Vec::new();
    for i in 0..6 {
        // Half the guesses name nobody: they fail the same way.
        let user = if i % 2 == 0 {
            "ann@contoso.test"
        } else {
            "nobody@contoso.test"
        };
        let out = swaks(
            o.p587,
            &[&from_attacker[..], &auth("PLAIN", user, "guess")].concat(),
        );
        assert!(!out.status.success());
        let t = text(&out);
        replies.push(if t.contains("454 4.7.0") {
            "454"
        } else if t.contains("535 5.7.8") {
            "535"
        } else {
            "?"
        });
    }
    assert_eq!(
        replies,
        ["535", "535", "535", "535", "535", "454"],
        "{}",
        relay.log_text()
    );
    // Even the right password is not tried from the blocked address...
    let out = swaks(
        o.p587,
        &[&from_attacker[..], &auth("PLAIN", "ann@contoso.test", ANN)].concat(),
    );
    assert!(text(&out).contains("454 4.7.0"), "{}", text(&out));
    // ...while Ann, from her own address, still gets in.
    let out = swaks(
        o.p587,
        &[
            &[
                "-tls",
                "--from",
                "ann@contoso.test",
                "--to",
                "carol@fabrikam.test",
            ][..],
            &auth("LOGIN", "ann@contoso.test", ANN),
        ]
        .concat(),
    );
    assert!(out.status.success(), "{}\n{}", text(&out), relay.log_text());
    assert!(
        wait_until(SECS, || o.sink.received().len() == 1),
        "{}",
        relay.log_text()
    );

    // The log shows the growing count, the unknown names and the block.
    let log = relay.log_text();
    for n in 1..=5 {
        assert!(log.contains(&format!("failures={n}")), "{log}");
    }
    assert!(log.contains("no such mailbox or SmtpAuthAccount"), "{log}");
    assert!(
        log.contains("too many failed logins from this client address"),
        "{log}"
    );
}

/// A PLAIN initial response, as a client encodes it.
fn base64_plain(user: &str, password: &str) -> String {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD.encode(format!("\0{user}\0{password}"))
}

/// Authenticated submission is the organisation's outbound mail: its recipients count
/// against the outbound spam policy's limits, as mail from on premises does.
#[test]
fn an_authenticated_sender_is_held_to_the_outbound_limits() {
    if !have("swaks") {
        return;
    }
    let o = org();
    eopctl_ok(
        &o.state,
        &[
            "Set-HostedOutboundSpamFilterPolicy",
            "-Identity",
            "Default",
            "-RecipientLimitExternalPerHour",
            "2",
            "-ActionWhenThresholdReached",
            "BlockUserForToday",
        ],
    );
    let relay = Relay::start(&o.state, &[]);
    let send = |to: &str| {
        swaks(
            o.p587,
            &[
                &["-tls", "--from", "ann@contoso.test", "--to", to][..],
                &auth("PLAIN", "ann@contoso.test", ANN),
                &["--header", "From: Ann <ann@contoso.test>"],
            ]
            .concat(),
        )
    };
    let out = send("carol@fabrikam.test,dave@fabrikam.test");
    assert!(out.status.success(), "{}\n{}", text(&out), relay.log_text());
    let out = send("erin@fabrikam.test");
    assert!(!out.status.success(), "{}", text(&out));
    assert!(text(&out).contains("550 5.1.8"), "{}", text(&out));
    let blocked =
        crate::support::relay::eopctl(&o.state, &["Get-BlockedSenderAddress", "-o", "json"]);
    assert!(
        String::from_utf8_lossy(&blocked.stdout).contains("ann@contoso.test"),
        "{}",
        String::from_utf8_lossy(&blocked.stdout)
    );
    assert!(
        wait_until(SECS, || o.sink.received().len() == 1),
        "{}",
        relay.log_text()
    );
}
