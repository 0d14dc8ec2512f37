//! The Tenant Allow/Block List through the real relay: entries added with the cmdlets act
//! on the running relay (senders at MAIL FROM and after DATA, links, attachments, client
//! addresses), expired ones stop acting, and Test-MessageRoute names the entry.

use std::path::Path;
use std::time::Duration;

use serde_json::Value;

use crate::malware::{EICAR, attachment, org};
use crate::queue::json;
use crate::support::relay::{Relay, eopctl, eopctl_ok, free_port, state_dir, wait_until};
use crate::support::smtp::Client;

const SECS: Duration = Duration::from_secs(10);

const SPAM: &str = "From: Prize <win@prizes.example>\r\nTo: admin@contoso.test\r\nSubject: Claim your prize\r\nContent-Type: text/html\r\n\r\n<p>Act now, winner!</p><div style=\"display:none\">x</div><a href=\"http://203.0.113.9/win\">win</a>\r\n";

fn phishing(link: &str) -> String {
    format!(
        "From: IT <it@helpdesk.example>\r\nTo: admin@contoso.test\r\nSubject: password expiry\r\nDate: Tue, 14 Nov 2023 12:00:00 +0000\r\nMessage-ID: <p1@helpdesk.example>\r\n\r\nKeep your password: {link}\r\n"
    )
}

fn add(state: &Path, args: &[&str]) -> Vec<Value> {
    let mut all = vec!["New-TenantAllowBlockListItems"];
    all.extend(args);
    json(state, &all)
}

/// Whether the relay's last reading of the list found `n` live entries.
fn loaded(relay: &Relay, n: usize) -> bool {
    relay
        .log_text()
        .lines()
        .rfind(|l| l.contains("Tenant Allow/Block List loaded"))
        .is_some_and(|l| l.contains(&format!("entries={n} ")))
}

/// The sender's MAIL FROM reply, on a fresh connection.
fn mail_from(relay: &Relay, sender: &str) -> String {
    let mut c = Client::hello(relay.addr());
    c.cmd(&format!("MAIL FROM:<{sender}>"))
}

#[test]
fn senders_blocked_at_mail_from_allowed_past_spam_but_not_malware() {
    let port = free_port();
    let (_dir, state) = state_dir(&org(port, ""));
    let relay = Relay::start(&state, &[]);
    let blocked = add(
        &state,
        &[
            "-ListType",
            "Sender",
            "-Block",
            "-Entries",
            "spammer@bad.example",
        ],
    );
    let id = blocked[0]["Identity"].as_str().unwrap().to_string();
    add(
        &state,
        &[
            "-ListType",
            "Sender",
            "-Allow",
            "-Entries",
            "prizes.example",
        ],
    );
    // The running relay picks the entries up by itself.
    assert!(wait_until(SECS, || loaded(&relay, 2)));
    assert!(mail_from(&relay, "spammer@bad.example").starts_with("550 5.7.1"));
    assert!(mail_from(&relay, "friend@bad.example").starts_with("250"));
    let log = relay.log_text();
    assert!(
        log.contains(&format!("TenantAllowBlockListItem \\\"{id}\\\""))
            || log.contains(&format!("TenantAllowBlockListItem \"{id}\"")),
        "{log}"
    );

    // The allowed sender's spam reaches the inbox, unscored...
    let mut c = Client::hello(relay.addr());
    assert!(
        c.send("win@prizes.example", &["admin@contoso.test"], SPAM)
            .starts_with("250")
    );
    assert!(wait_until(SECS, || relay
        .maildir("admin@contoso.test", "new")
        .len()
        == 1));
    assert!(relay.maildir("admin@contoso.test", ".Junk/new").is_empty());
    // ...but its malware is still refused.
    let eicar = attachment("eicar.com", EICAR.as_bytes())
        .replace("a@fabrikam.example", "win@prizes.example");
    assert!(
        c.send("win@prizes.example", &["admin@contoso.test"], &eicar)
            .starts_with("550 5.7.1")
    );
    let rows = json(
        &state,
        &["Get-MessageTrace", "-SenderAddress", "win@prizes.example"],
    );
    let detail: Vec<Value> = rows
        .iter()
        .filter_map(|r| r["MessageTraceId"].as_str())
        .flat_map(|id| {
            json(
                &state,
                &[
                    "Get-MessageTraceDetail",
                    "-MessageTraceId",
                    id,
                    "-RecipientAddress",
                    "admin@contoso.test",
                ],
            )
        })
        .collect();
    assert!(
        detail
            .iter()
            .any(|e| e["Detail"].as_str().unwrap_or_default().contains(
                "Sender allow entry prizes.example: the From win@prizes.example is allowed"
            )),
        "{detail:?}"
    );

    // An IP block entry refuses the client before the greeting.
    add(
        &state,
        &[
            "-ListType",
            "IP",
            "-Block",
            "-Entries",
            "127.0.0.0/8",
            "-NoExpiration",
        ],
    );
    assert!(wait_until(SECS, || {
        Client::connect(relay.addr())
            .reply()
            .starts_with("550 5.7.1")
    }));
}

#[test]
fn blocked_links_and_files_quarantine_until_the_entry_expires() {
    let port = free_port();
    let (_dir, state) = state_dir(&org(port, ""));
    let relay = Relay::start(&state, &[]);
    let url = add(
        &state,
        &[
            "-ListType",
            "Url",
            "-Block",
            "-Entries",
            "*.phish.example/*",
            "-Notes",
            "campaign 7",
        ],
    );
    let file = b"invoice macro payload";
    let sha: String = {
        use sha2::Digest;
        sha2::Sha256::digest(file)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect()
    };
    add(
        &state,
        &["-ListType", "FileHash", "-Block", "-Entries", &sha],
    );
    // Until the relay has read them, mail passes: wait for the log to say it has (it
    // reads the list once per change).
    assert!(wait_until(SECS, || loaded(&relay, 2)));
    let mut c = Client::hello(relay.addr());
    assert!(
        c.send(
            "it@helpdesk.example",
            &["admin@contoso.test"],
            &phishing("https://login.phish.example/reset?u=admin")
        )
        .starts_with("250")
    );
    assert!(
        c.send(
            "a@fabrikam.example",
            &["admin@contoso.test"],
            &attachment("invoice.dat", file)
        )
        .starts_with("250")
    );
    let held = |kind: &str| -> Vec<Value> {
        json(&state, &["Get-QuarantineMessage", "-QuarantineTypes", kind])
    };
    assert!(wait_until(SECS, || held("HighConfidencePhish").len() == 1
        && held("Malware").len() == 1));
    let phish = &held("HighConfidencePhish")[0];
    assert!(
        phish["Reasons"][0].as_str().unwrap().contains(&format!(
            "TenantAllowBlockListItem \"{}\": Url block entry *.phish.example/*",
            url[0]["Identity"].as_str().unwrap()
        )),
        "{phish}"
    );
    assert!(
        held("Malware")[0]["Reasons"][0]
            .as_str()
            .unwrap()
            .contains("invoice.dat is blocked")
    );

    // The URL entry expires (as if its date had come): it stops acting, and shows as
    // expired.
    {
        use eopctl::tabl::{Change, Sqlite, Store};
        let mut db = Sqlite::open(&relay.data_dir).unwrap();
        let past = chrono::Utc::now() - chrono::Duration::minutes(1);
        let id = url[0]["Identity"].as_str().unwrap().to_string();
        let change = Change {
            expiration: Some(Some(past)),
            ..Default::default()
        };
        db.update(&[id], &change, past).unwrap();
    }
    assert!(wait_until(SECS, || loaded(&relay, 1)));
    assert!(
        c.send(
            "it@helpdesk.example",
            &["admin@contoso.test"],
            &phishing("https://login.phish.example/again")
        )
        .starts_with("250")
    );
    assert!(wait_until(SECS, || !relay
        .maildir("admin@contoso.test", "new")
        .is_empty()
        || !relay.maildir("admin@contoso.test", ".Junk/new").is_empty()));
    assert_eq!(held("HighConfidencePhish").len(), 1);
    let expired = json(
        &state,
        &[
            "Get-TenantAllowBlockListItems",
            "-ListType",
            "Url",
            "-Expired",
        ],
    );
    assert_eq!(expired.len(), 1);
    assert!(
        json(
            &state,
            &["Get-TenantAllowBlockListItems", "-ListType", "Url"]
        )
        .is_empty()
    );
}

#[test]
fn test_messageroute_names_the_entry() {
    let (dir, state) = state_dir(&org(free_port(), ""));
    let msg = dir.path().join("phish.eml");
    std::fs::write(&msg, phishing("http://www.phish.example/login")).unwrap();
    add(
        &state,
        &["-ListType", "Sender", "-Block", "-Entries", "*.bad.example"],
    );
    let url = add(
        &state,
        &["-ListType", "Url", "-Block", "-Entries", "~phish.example~"],
    );
    let rows = json(
        &state,
        &[
            "Test-MessageRoute",
            "-Sender",
            "x@mail.bad.example",
            "-Recipients",
            "admin@contoso.test",
            "-ClientIP",
            "192.0.2.10",
        ],
    );
    assert_eq!(rows[0]["Action"], "Reject");
    assert!(
        rows[0]["DecidedBy"]
            .as_str()
            .unwrap()
            .starts_with("TenantAllowBlockListItem"),
        "{rows:?}"
    );
    assert!(rows[0]["Reply"].as_str().unwrap().starts_with("550 5.7.1"));
    let rows = json(
        &state,
        &[
            "Test-MessageRoute",
            "-MessageFile",
            msg.to_str().unwrap(),
            "-ClientIP",
            "192.0.2.10",
        ],
    );
    let id = url[0]["Identity"].as_str().unwrap();
    assert_eq!(
        rows[0]["ProtectionAction"],
        "Quarantine (HighConfidencePhish)"
    );
    assert_eq!(
        rows[0]["DecidedBy"],
        format!("TenantAllowBlockListItem \"{id}\"")
    );
    assert!(
        rows[0]["TenantAllowBlockList"][0]
            .as_str()
            .unwrap()
            .contains("the link www.phish.example/login is blocked")
    );
}

#[test]
fn cmdlets_refuse_what_eop_refuses_and_pipe_into_remove() {
    let (_dir, state) = state_dir(&org(free_port(), ""));
    let fails = |args: &[&str], code: i32, needle: &str| {
        let out = eopctl(&state, args);
        let err = String::from_utf8_lossy(&out.stderr).to_string();
        assert_eq!(out.status.code(), Some(code), "{args:?}: {err}");
        assert!(
            err.contains(needle) && err.contains("help: "),
            "{args:?}: {err}"
        );
    };
    let new = "New-TenantAllowBlockListItems";
    fails(
        &[
            new,
            "-ListType",
            "Url",
            "-Block",
            "-Entries",
            "contoso.com/ab*",
        ],
        2,
        "a right wildcard must follow a slash",
    );
    fails(
        &[
            new,
            "-ListType",
            "FileHash",
            "-Block",
            "-Entries",
            "abc,def",
        ],
        2,
        "'def' is not a SHA256 file hash",
    );
    fails(
        &[new, "-ListType", "Sender", "-Entries", "a@fabrikam.com"],
        2,
        "give -Allow or -Block",
    );
    fails(
        &[
            new,
            "-ListType",
            "Sender",
            "-Allow",
            "-Entries",
            "fabrikam.com",
            "-NoExpiration",
        ],
        2,
        "Sender allow entries expire",
    );
    fails(
        &[
            new,
            "-ListType",
            "Sender",
            "-Block",
            "-Entries",
            "fabrikam.com",
            "-ExpirationDate",
            "2099-01-01",
        ],
        2,
        "block entries expire within 90 days",
    );
    eopctl_ok(
        &state,
        &[
            new,
            "-ListType",
            "Sender",
            "-Block",
            "-Entries",
            "a@fabrikam.com,b@fabrikam.com",
        ],
    );
    fails(
        &[
            new,
            "-ListType",
            "Sender",
            "-Allow",
            "-Entries",
            "A@Fabrikam.com",
        ],
        6,
        "Sender entry a@fabrikam.com exists already",
    );
    // Script mode binds the piped entries' Identity to -Ids.
    let out = eopctl(
        &state,
        &[
            "-Command",
            "Get-TenantAllowBlockListItems -ListType Sender | Remove-TenantAllowBlockListItems -Confirm:$false",
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        json(
            &state,
            &["Get-TenantAllowBlockListItems", "-ListType", "Sender"]
        )
        .is_empty()
    );
}
