//! Directory synchronisation against a real OpenLDAP (slapd): MailUsers come from the
//! directory through more pages than the server's size limit, the relay syncs on its own
//! at start, Directory Based Edge Blocking refuses an address removed from the directory
//! after the next sync, and a directory that cannot be reached keeps the last list.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::Duration;

use serde_json::Value;

use crate::support::ldap::{SUFFIX, SYNC, SYNC_PASSWORD, Slapd, have_slapd, people};
use crate::support::relay::{Relay, bin, contoso, eopctl, free_port, state_dir, wait_until};
use crate::support::smtp::Client;

const SECS: Duration = Duration::from_secs(15);

/// A cmdlet with `input` on stdin.
fn eopctl_stdin(state: &Path, args: &[&str], input: &str) -> Output {
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
        .expect("run eopctl");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

fn json(state: &Path, args: &[&str]) -> Value {
    let mut all = vec!["-o", "json"];
    all.extend(args);
    let out = eopctl(state, &all);
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

fn rcpt(relay: &Relay, to: &str) -> String {
    let mut c = Client::hello(relay.addr());
    c.cmd("MAIL FROM:<partner@fabrikam.example>");
    c.cmd(&format!("RCPT TO:<{to}>"))
}

/// contoso.test is Authoritative (DBEB on) and its on-premises users go out through a
/// connector; the directory holds 3,000 people (six times slapd's 500-entry size limit),
/// one with Active Directory's proxyAddresses.
fn setup(dir: &Path) -> Slapd {
    let extra = format!(
        "dn: uid=ann,ou=people,{SUFFIX}\nobjectClass: inetOrgPerson\nobjectClass: mailRecipient\nuid: ann\ncn: Ann Smith\nsn: Smith\nmail: ann@contoso.test\nproxyAddresses: SMTP:Ann.Smith@contoso.test\nproxyAddresses: smtp:ann@contoso.test\nproxyAddresses: X500:/o=Contoso/cn=ann\n\n\
         dn: cn=printer,ou=people,{SUFFIX}\nobjectClass: person\ncn: printer\nsn: printer\n\n"
    );
    Slapd::start(dir, &(people(3000) + &extra))
}

#[test]
fn users_sync_from_ldap_and_dbeb_follows_the_directory() {
    if !have_slapd() {
        return;
    }
    let port = free_port();
    let (dir, state) = state_dir(&contoso(
        port,
        "",
        "OutboundConnectors:\n  - { Name: To on-prem, ConnectorType: OnPremises, SmartHosts: [\"127.0.0.1:9\"], RecipientDomains: [contoso.test] }\n",
    ));
    let mut slapd = setup(dir.path());
    let url = slapd.url();
    let base = format!("ou=people,{SUFFIX}");
    // No password on the command line: it comes on stdin.
    let out = eopctl_stdin(
        &state,
        &[
            "New-DirectorySyncProfile",
            "-Name",
            "Corp",
            "-LdapUrl",
            &url,
            "-BindDN",
            SYNC,
            "-BaseDN",
            &base,
            "-BindPassword",
        ],
        &format!("{SYNC_PASSWORD}\n"),
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        !std::fs::read_to_string(&state)
            .unwrap()
            .contains(SYNC_PASSWORD)
    );

    // -WhatIf counts and changes nothing.
    let what_if = json(&state, &["Start-DirectorySync", "-WhatIf"]);
    assert_eq!(what_if[0]["Added"], 3001, "{what_if}");
    assert_eq!(
        json(&state, &["Get-MailUser"]).as_array().map(Vec::len),
        Some(0)
    );

    // The relay syncs at start (the profile was never synchronised).
    let relay = Relay::start(&state, &[]);
    assert!(
        wait_until(SECS, || relay.log_text().lines().any(|l| l
            .contains("synchronised recipients loaded")
            && l.contains("users=3001"))),
        "{}",
        relay.log_text()
    );
    assert!(rcpt(&relay, "u2999@contoso.test").starts_with("250"));
    assert!(rcpt(&relay, "ann@contoso.test").starts_with("250"));
    assert!(rcpt(&relay, "nobody@contoso.test").starts_with("550 5.4.1"));
    assert!(rcpt(&relay, "printer@contoso.test").starts_with("550 5.4.1"));

    // Synchronised users are listed as such; proxyAddresses named the primary address.
    let ann = json(&state, &["Get-MailUser", "-Identity", "ann@contoso.test"]);
    assert_eq!(ann[0]["IsDirSynced"], true);
    assert_eq!(ann[0]["PrimarySmtpAddress"], "Ann.Smith@contoso.test");
    let route = json(
        &state,
        &[
            "Test-MessageRoute",
            "-Sender",
            "partner@fabrikam.example",
            "-Recipients",
            "u7@contoso.test",
            "-ClientIP",
            "203.0.113.5",
        ],
    );
    assert!(
        route
            .to_string()
            .contains("DirectorySyncProfile \\\"Corp\\\""),
        "{route}"
    );

    // Removed from the directory: refused after the next sync, which the running relay
    // picks up by itself.
    slapd.delete(&format!("uid=u42,ou=people,{SUFFIX}"));
    let sync = json(&state, &["Start-DirectorySync", "-Identity", "Corp"]);
    assert_eq!(
        (sync[0]["Removed"].as_u64(), sync[0]["Unchanged"].as_u64()),
        (Some(1), Some(3000)),
        "{sync}"
    );
    assert!(wait_until(SECS, || rcpt(&relay, "u42@contoso.test")
        .starts_with("550 5.4.1")));
    assert!(rcpt(&relay, "u41@contoso.test").starts_with("250"));

    // A directory that cannot be reached keeps the last list.
    slapd.stop();
    let out = eopctl(&state, &["Start-DirectorySync"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(7), "{err}");
    assert!(
        err.contains("DirectorySyncProfile \"Corp\"")
            && err.contains("kept")
            && err.contains("help:"),
        "{err}"
    );
    let profile = json(&state, &["Get-DirectorySyncProfile"]);
    assert_eq!(profile[0]["SyncedUsers"], 3000, "{profile}");
    assert!(
        profile[0]["LastError"]
            .as_str()
            .is_some_and(|e| e.contains("cannot reach")),
        "{profile}"
    );
    std::thread::sleep(Duration::from_millis(600));
    assert!(rcpt(&relay, "u41@contoso.test").starts_with("250"));

    // A wrong password is a bind error naming the fix.
    slapd.run();
    let url = slapd.url();
    let out = eopctl_stdin(
        &state,
        &[
            "Set-DirectorySyncProfile",
            "-Identity",
            "Corp",
            "-LdapUrl",
            &url,
            "-BindPassword",
        ],
        "wrong\n",
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = eopctl(&state, &["Start-DirectorySync"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        !out.status.success() && err.contains("bind as") && err.contains("-BindPassword"),
        "{err}"
    );

    // Editing a synchronised user says the directory wins.
    let out = eopctl(
        &state,
        &[
            "Set-MailUser",
            "-Identity",
            "u7@contoso.test",
            "-DisplayName",
            "Seven",
        ],
    );
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("the next sync overwrites this change"));
}
