//! DKIM signing (issue 6): the relay signs the organisation's outbound mail with the
//! active selector of its From domain's DkimSigningConfig; the signature verifies with
//! mail-auth against the records Get-DkimSigningConfig prints, published in a test DNS
//! server, before and after Rotate-DkimSigningKey. Inbound Internet mail is not signed.

use std::time::Duration;

use mail_auth::{AuthenticatedMessage, DkimResult, MessageAuthenticator};

use crate::queue::json;
use crate::support::dns::{Dns, Zone};
use crate::support::relay::{Relay, contoso, eopctl, eopctl_ok, free_port, state_dir, wait_until};
use crate::support::smtp::{Client, Sink};

/// The records Get-DkimSigningConfig prints: (name, value) per selector with a key.
fn records(state: &std::path::Path) -> Vec<(String, String)> {
    let rows = json(
        state,
        &["Get-DkimSigningConfig", "-Identity", "contoso.test"],
    );
    let row = &rows[0];
    // The private key is never shown.
    assert!(
        !serde_json::to_string(&rows)
            .unwrap()
            .contains("PRIVATE KEY")
    );
    ["Selector1", "Selector2"]
        .iter()
        .filter_map(|s| {
            let value = row[format!("{s}Record")].as_str()?;
            Some((row[*s].as_str().unwrap().to_string(), value.to_string()))
        })
        .collect()
}

/// mail-auth's verdicts on a message's DKIM signatures, asking `dns`, with the selector
/// of each.
fn verify(dns: &Dns, message: &str) -> Vec<(DkimResult, String)> {
    let (config, opts) = eopctl::dns::resolver_config(Some(dns.addr));
    let authenticator = MessageAuthenticator::new(config, opts).unwrap();
    let parsed = AuthenticatedMessage::parse(message.as_bytes()).expect("a message");
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let outputs = runtime.block_on(authenticator.verify_dkim(&parsed));
    outputs
        .iter()
        .map(|o| {
            (
                o.result().clone(),
                o.signature().map(|s| s.s.clone()).unwrap_or_default(),
            )
        })
        .collect()
}

/// Waits (bounded) until the relay has loaded `n` new revisions since it started.
fn reloaded(relay: &Relay, n: usize) {
    assert!(
        wait_until(Duration::from_secs(10), || relay
            .log_text()
            .matches("configuration reloaded")
            .count()
            >= n),
        "the relay did not reload:\n{}",
        relay.log_text()
    );
}

fn send_out(relay: &Relay, sink: &Sink, n: usize, subject: &str) -> String {
    let mut c = Client::hello(relay.addr());
    let data = format!(
        "From: Admin <admin@contoso.test>\r\nTo: <someone@fabrikam.test>\r\nSubject: {subject}\r\nDate: Sun, 22 Nov 2026 10:00:00 +0000\r\nMessage-ID: <{n}@contoso.test>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain\r\n\r\nHello,\r\n\r\n  with  spaces  and a trailing line\r\n\r\n"
    );
    let end = c.send("admin@contoso.test", &["someone@fabrikam.test"], &data);
    assert!(end.starts_with("250"), "{end}");
    assert!(
        wait_until(Duration::from_secs(15), || sink.received().len() >= n),
        "the sink got no message {n}:\n{}",
        relay.log_text()
    );
    sink.received()[n - 1].data.clone()
}

fn signs_rotates_and_never_signs_inbound(key: &[&str]) {
    let sink = Sink::start();
    let port = free_port();
    let more = format!(
        "InboundConnectors:\n  - {{ Name: On-prem, ConnectorType: OnPremises, SenderIPAddresses: [127.0.0.1] }}\nOutboundConnectors:\n  - {{ Name: Out, ConnectorType: Partner, SmartHosts: [\"127.0.0.1:{}\"], RecipientDomains: [fabrikam.test] }}\n",
        sink.addr.port()
    );
    let (_dir, state) = state_dir(&contoso(port, "", &more));
    let mut args = vec![
        "New-DkimSigningConfig",
        "-DomainName",
        "contoso.test",
        "-Enabled",
        "$true",
    ];
    args.extend_from_slice(key);
    eopctl_ok(&state, &args);
    let relay = Relay::start(&state, &[]);

    let first = send_out(&relay, &sink, 1, "signed with selector1");
    assert!(first.starts_with("DKIM-Signature:"), "{first}");
    assert!(
        relay.log_text().contains("DKIM-signed"),
        "{}",
        relay.log_text()
    );

    // Rotation: selector2 gets a new key and signs from now on.
    eopctl_ok(
        &state,
        &["Rotate-DkimSigningKey", "-Identity", "contoso.test"],
    );
    reloaded(&relay, 1);
    let second = send_out(&relay, &sink, 2, "signed with selector2");

    // The message trace says which selector signed each, and the config that decided it.
    let signed = || -> Vec<(String, String)> {
        let to = ["-RecipientAddress", "someone@fabrikam.test"];
        let mut found: Vec<(String, String)> =
            json(&state, &[&["Get-MessageTrace"][..], &to].concat())
                .iter()
                .flat_map(|r| {
                    let id = r["MessageTraceId"].as_str().unwrap();
                    json(
                        &state,
                        &[&["Get-MessageTraceDetail", "-MessageTraceId", id][..], &to].concat(),
                    )
                })
                .filter(|e| {
                    e["Detail"]
                        .as_str()
                        .is_some_and(|d| d.starts_with("DKIM-signed"))
                })
                .map(|e| {
                    (
                        e["Detail"].as_str().unwrap().to_string(),
                        e["DecidedBy"][0].as_str().unwrap_or_default().to_string(),
                    )
                })
                .collect();
        found.sort();
        found
    };
    assert!(
        wait_until(Duration::from_secs(15), || signed().len() == 2),
        "{:?}",
        signed()
    );
    let config = "DkimSigningConfig \"contoso.test\"".to_string();
    assert_eq!(
        signed(),
        [
            (
                "DKIM-signed as contoso.test with selector selector1".to_string(),
                config.clone()
            ),
            (
                "DKIM-signed as contoso.test with selector selector2".to_string(),
                config
            ),
        ]
    );

    let published = records(&state);
    assert_eq!(published.len(), 2, "{published:?}");
    let zone = published
        .iter()
        .fold(Zone::default(), |z, (name, value)| z.txt(name, value));
    let dns = Dns::start(zone);
    // Both selectors' records verify: mail signed before the rotation still passes.
    assert_eq!(
        verify(&dns, &first),
        vec![(DkimResult::Pass, "selector1".to_string())],
        "{first}"
    );
    assert_eq!(
        verify(&dns, &second),
        vec![(DkimResult::Pass, "selector2".to_string())],
        "{second}"
    );
    // A changed subject or body no longer verifies: the checks above can fail.
    for (was, is) in [("selector2\r\n", "selector 2\r\n"), ("Hello,", "Hello!")] {
        let verdict = verify(&dns, &second.replace(was, is));
        assert_ne!(verdict[0].0, DkimResult::Pass, "{was}: {verdict:?}");
    }

    // Without the OnPremises connector, 127.0.0.1 is an Internet client: its mail to our
    // mailbox is not signed, though its From is in a signing domain.
    eopctl_ok(
        &state,
        &["Disable-InboundConnector", "-Identity", "On-prem"],
    );
    reloaded(&relay, 2);
    let mut c = Client::hello(relay.addr());
    let end = c.send(
        "admin@contoso.test",
        &["admin@contoso.test"],
        "From: admin@contoso.test\r\nTo: admin@contoso.test\r\nSubject: from the Internet\r\n\r\nx\r\n",
    );
    assert!(end.starts_with("250"), "{end}");
    let mut delivered = Vec::new();
    assert!(wait_until(Duration::from_secs(15), || {
        delivered = relay.maildir("admin@contoso.test", "new");
        delivered.extend(relay.maildir("admin@contoso.test", ".Junk/new"));
        !delivered.is_empty()
    }));
    assert!(delivered[0].contains("Subject: from the Internet"));
    assert!(!delivered[0].contains("DKIM-Signature"), "{}", delivered[0]);
    assert_eq!(relay.log_text().matches("DKIM-signed").count(), 2);

    // A hosted mailbox's own mail, submitted through the pickup directory (as Test-MailFlow
    // and the quarantine release do; the file format is src/relay/pickup.rs's), is signed.
    let message = "From: Admin <admin@contoso.test>\r\nTo: <someone@fabrikam.test>\r\nSubject: from a hosted mailbox\r\nDate: Sun, 22 Nov 2026 11:00:00 +0000\r\nMessage-ID: <hosted@contoso.test>\r\n\r\nHello from the mailbox\r\n";
    let envelope = r#"{"Sender":"admin@contoso.test","Recipients":["someone@fabrikam.test"],"Skip":null,"ReleasedFrom":null}"#;
    let pickup = relay.data_dir.join("pickup");
    std::fs::create_dir_all(&pickup).unwrap();
    let file = format!("EOPP1 {}\n{envelope}\n{message}", envelope.len());
    std::fs::write(pickup.join(".hosted"), file).unwrap();
    std::fs::rename(pickup.join(".hosted"), pickup.join("hosted.msg")).unwrap();
    assert!(
        wait_until(Duration::from_secs(15), || sink.received().len() >= 3),
        "the hosted mailbox's message did not leave:\n{}",
        relay.log_text()
    );
    let hosted = sink.received()[2].data.clone();
    assert_eq!(
        verify(&dns, &hosted),
        vec![(DkimResult::Pass, "selector2".to_string())],
        "{hosted}"
    );
}

#[test]
fn ed25519_signatures_verify_before_and_after_rotation() {
    signs_rotates_and_never_signs_inbound(&["-KeyType", "ed25519"]);
}

#[test]
fn rsa_signatures_verify_before_and_after_rotation() {
    signs_rotates_and_never_signs_inbound(&["-KeySize", "1024"]);
}

#[test]
fn test_messageroute_shows_the_signing_selector() {
    let more = "InboundConnectors:\n  - { Name: On-prem, ConnectorType: OnPremises, SenderIPAddresses: [10.0.0.1] }\n";
    let (_dir, state) = state_dir(&contoso(free_port(), "", more));
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
    eopctl_ok(
        &state,
        &["Rotate-DkimSigningKey", "-Identity", "contoso.test"],
    );
    let signing = |ip: &str| {
        let rows = json(
            &state,
            &[
                "Test-MessageRoute",
                "-Sender",
                "admin@contoso.test",
                "-Recipients",
                "x@fabrikam.test",
                "-ClientIP",
                ip,
            ],
        );
        (
            rows[0]["DkimSigning"].as_str().unwrap().to_string(),
            rows[0]["DkimSigningReason"].as_str().unwrap().to_string(),
        )
    };
    let (on_prem, why) = signing("10.0.0.1");
    assert_eq!(on_prem, "selector2 (contoso.test)");
    assert!(
        why.starts_with("DkimSigningConfig \"contoso.test\""),
        "{why}"
    );
    let (internet, why) = signing("192.0.2.1");
    assert_eq!(internet, "None");
    assert!(why.contains("only the organisation's mail"), "{why}");
    eopctl_ok(
        &state,
        &[
            "Set-DkimSigningConfig",
            "-Identity",
            "contoso.test",
            "-Enabled",
            "$false",
        ],
    );
    assert_eq!(
        signing("10.0.0.1").1,
        "DkimSigningConfig \"contoso.test\": not DKIM-signed: Enabled is false"
    );
    // A domain the organisation does not accept cannot be signed.
    let out = eopctl(
        &state,
        &[
            "New-DkimSigningConfig",
            "-DomainName",
            "fabrikam.test",
            "-Enabled",
            "$true",
        ],
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(3), "{err}");
    assert!(
        err.contains("New-DkimSigningConfig")
            && err.contains("-DomainName fabrikam.test")
            && err.contains("New-AcceptedDomain"),
        "{err}"
    );

    // The keys are files of mode 0600 beside the state, and go with the config.
    let keys = state.with_extension("data").join("dkim");
    let files: Vec<_> = std::fs::read_dir(&keys).unwrap().flatten().collect();
    assert_eq!(files.len(), 2);
    for f in &files {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(f.metadata().unwrap().permissions().mode() & 0o777, 0o600);
    }
    // A second rotation replaces selector1's key: its file goes, two are left.
    eopctl_ok(
        &state,
        &["Rotate-DkimSigningKey", "-Identity", "contoso.test"],
    );
    let after: Vec<_> = std::fs::read_dir(&keys)
        .unwrap()
        .flatten()
        .map(|f| f.file_name())
        .collect();
    assert_eq!(after.len(), 2, "{after:?}");
    assert!(
        files.iter().any(|f| !after.contains(&f.file_name())),
        "{after:?}"
    );
    eopctl_ok(
        &state,
        &[
            "Remove-DkimSigningConfig",
            "-Identity",
            "contoso.test",
            "-Confirm:$false",
        ],
    );
    assert_eq!(std::fs::read_dir(&keys).unwrap().count(), 0);
}
