//! A newcomer's first hour: the README's quick start, run as written (its commands are
//! read from README.md) against a real relay, with a sink standing for the on-premises
//! server, must end with the message delivered; and the relay's logs as an operator
//! collects them (`--log-format json`).

use std::process::Command;
use std::time::Duration;

use crate::support::relay::{Relay, free_port, wait_until};
use crate::support::smtp::{Client, Sink};
use crate::support::{Org, bin};

/// The commands of the README's quick start, continuation lines joined.
fn quick_start() -> Vec<String> {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md"))
        .expect("README.md");
    let section = &readme[readme
        .find("## Quick start")
        .expect("a Quick start section")..];
    let block = &section[section.find("```console\n").expect("a console block") + 11..];
    let block = &block[..block.find("```").expect("the block's end")];
    let mut commands: Vec<String> = Vec::new();
    let mut continued = false;
    for line in block.lines() {
        let text = line.trim();
        if continued {
            commands.last_mut().unwrap().push_str(text);
        } else if let Some(c) = text.strip_prefix("$ ") {
            commands.push(c.to_string());
        } else {
            continue;
        }
        continued = text.ends_with('\\');
        if continued {
            let last = commands.last_mut().unwrap();
            last.pop();
            last.push(' ');
        }
    }
    commands
}

/// Runs one README command through bash, as a reader pastes it, with `eopctl` the binary.
fn shell(org: &Org, command: &str) -> std::process::Output {
    Command::new("bash")
        .arg("-c")
        .arg(format!("eopctl() {{ '{}' \"$@\"; }}; {command}", bin()))
        .env("EOPCTL_STATE", org.state())
        .env_remove("EOPCTL_DATA")
        .current_dir(org.path())
        .output()
        .expect("bash")
}

/// The value after `flag` in a command line.
fn arg<'a>(command: &'a str, flag: &str) -> &'a str {
    let mut words = command.split_whitespace();
    words.find(|w| *w == flag);
    words
        .next()
        .unwrap_or_else(|| panic!("{flag} in {command}"))
}

#[test]
fn the_readme_quick_start_delivers_a_first_message() {
    let commands = quick_start();
    assert!(commands.len() >= 6, "{commands:?}");
    // The README's ports, moved to free ones so tests run side by side.
    let (relay_port, onprem_port) = (free_port(), free_port());
    let sink = Sink::start_on(onprem_port);
    let org = Org::new();
    let (mut served, mut sent) = (false, false);
    for command in &commands {
        let command = command
            .replace(":2525", &format!(":{relay_port}"))
            .replace(":2526", &format!(":{onprem_port}"));
        if command.starts_with("eopctl serve") {
            // Started the way the tests start every relay: bounded, and stopped on drop.
            served = true;
            continue;
        }
        if command.starts_with("swaks") {
            assert!(served, "the quick start sends before it serves");
            let relay = Relay::start(&org.state(), &[]);
            assert_eq!(relay.addr().port(), relay_port);
            let (from, to) = (arg(&command, "--from"), arg(&command, "--to"));
            let reply = Client::hello(relay.addr()).send(
                from,
                &[to],
                "Subject: first message\r\n\r\nHello from the quick start.\r\n",
            );
            assert!(reply.starts_with("250"), "{reply}");
            assert!(
                wait_until(Duration::from_secs(20), || !sink.received().is_empty()),
                "not delivered to the on-premises server:\n{}",
                relay.log_text()
            );
            assert_eq!(sink.received()[0].to, [to]);
            // The trace says Delivered once the relay has recorded it (written in batches).
            let traced = wait_until(Duration::from_secs(10), || {
                let out = shell(&org, "eopctl Get-MessageTrace -o json");
                String::from_utf8_lossy(&out.stdout).contains("Delivered")
            });
            assert!(traced, "no Delivered trace:\n{}", relay.log_text());
            sent = true;
            continue;
        }
        let out = shell(&org, &command);
        assert!(
            out.status.success(),
            "{command}\n{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        if command.contains("Test-Configuration") {
            assert!(String::from_utf8_lossy(&out.stdout).contains("No findings"));
        }
        if command.contains("Get-MessageTrace") {
            let shown = String::from_utf8_lossy(&out.stdout);
            assert!(shown.contains("Delivered"), "{shown}");
        }
    }
    assert!(sent, "the quick start sends no message: {commands:?}");
}

#[test]
fn json_logs_for_a_collector() {
    let org = Org::with_domains();
    let port = free_port();
    org.run(&[
        "New-Mailbox",
        "-Name",
        "Ann",
        "-PrimarySmtpAddress",
        "ann@contoso.com",
    ])
    .ok();
    org.run(&[
        "New-ReceiveConnector",
        "-Name",
        "R",
        "-Bindings",
        &format!("127.0.0.1:{port}"),
    ])
    .ok();
    let relay = Relay::start(
        &org.state(),
        &["--log-format", "json", "--log-level", "debug"],
    );
    let reply = Client::hello(relay.addr()).send(
        "sun@fabrikam.example",
        &["ann@contoso.com"],
        "Subject: hi\r\n\r\nhi\r\n",
    );
    assert!(reply.starts_with("250"), "{reply}");
    assert!(wait_until(Duration::from_secs(10), || {
        !relay.maildir("ann@contoso.com", "new").is_empty()
    }));
    let log = relay.log_text();
    let events: Vec<serde_json::Value> = log
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect();
    assert!(events.iter().any(|e| e["level"] == "INFO"), "{log}");
    assert!(events.iter().any(|e| e["level"] == "DEBUG"), "{log}");
    assert!(
        events.iter().all(|e| e["fields"]["message"].is_string()),
        "{log}"
    );
}
