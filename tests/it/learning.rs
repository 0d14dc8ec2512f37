//! The learning filter through the real binary: Train-SpamFilter on a Maildir, a directory
//! and an mbox the tests write, Get-SpamFilterStatistics, Test-MessageRoute's probability,
//! and the Junk folder feedback loop against a running relay.

use std::path::Path;
use std::time::Duration;

use crate::support::Org;
use crate::support::relay::*;
use crate::support::smtp::Client;

const SECS: Duration = Duration::from_secs(30);

const SPAM_WORDS: &[&str] = &[
    "cheap",
    "pills",
    "discount",
    "casino",
    "bonus",
    "winner",
    "crypto",
    "profit",
    "offer",
    "exclusive",
    "limited",
    "deal",
    "viagra",
    "jackpot",
    "guaranteed",
];
const HAM_WORDS: &[&str] = &[
    "meeting",
    "agenda",
    "report",
    "project",
    "schedule",
    "review",
    "budget",
    "minutes",
    "lunch",
    "deadline",
    "draft",
    "team",
    "quarterly",
    "invoice",
    "contract",
];

/// A generated message: `i` picks a varied subset of the class's words. The classes
/// differ in their words and senders only (a class-wide mark, such as a top-level domain
/// or a word in the Message-ID, would be learned as the class's strongest sign).
fn message(i: usize, spam: bool) -> String {
    let (words, from, id) = if spam {
        (SPAM_WORDS, format!("promo{i}@deals{}.example", i % 7), i)
    } else {
        (
            HAM_WORDS,
            format!("colleague{}@fabrikam.example", i % 11),
            100_000 + i,
        )
    };
    let pick = |k: usize| words[(i * 7 + k * 3) % words.len()];
    format!(
        "From: {from}\r\nTo: admin@contoso.test\r\nSubject: {} {}\r\n\
         Date: Tue, 01 Dec 2026 10:00:00 +0000\r\nMessage-ID: <{id}@gen.test>\r\n\r\n\
         {} {} {} {} and {} number {i}\r\n",
        pick(0),
        pick(1),
        pick(2),
        pick(3),
        pick(4),
        pick(5),
        pick(6),
    )
}

fn write_maildir(dir: &Path, range: std::ops::Range<usize>, spam: bool) {
    for sub in ["cur", "new", "tmp"] {
        std::fs::create_dir_all(dir.join(sub)).unwrap();
    }
    // A subfolder of another class must not be read as part of the Maildir.
    std::fs::create_dir_all(dir.join(".Other/cur")).unwrap();
    std::fs::write(dir.join(".Other/cur/x"), message(9999, !spam)).unwrap();
    for i in range {
        let sub = if i % 2 == 0 { "cur" } else { "new" };
        std::fs::write(dir.join(sub).join(format!("{i}.eml:2,S")), message(i, spam)).unwrap();
    }
}

fn write_mbox(path: &Path, range: std::ops::Range<usize>, spam: bool) {
    let mut text = String::new();
    for i in range {
        text.push_str("From sender@example.test Tue Dec  1 10:00:00 2026\n");
        text.push_str(&message(i, spam).replace("\r\n", "\n"));
        text.push('\n');
    }
    std::fs::write(path, text).unwrap();
}

fn probability(out: &serde_json::Value) -> f64 {
    out[0]["SpamProbability"]
        .as_f64()
        .unwrap_or_else(|| panic!("no probability: {out}"))
}

#[test]
fn train_spam_filter_learns_maildirs_directories_and_mboxes() {
    let org = Org::new();
    org.write_state(&format!(
        "apiVersion: eopctl/v3\n{}",
        contoso(free_port(), "", "")
    ));
    let p = org.path();
    write_maildir(&p.join("spam.maildir"), 0..210, true);
    std::fs::create_dir_all(p.join("ham/nested")).unwrap();
    for i in 0..150 {
        let sub = if i % 3 == 0 { "ham/nested" } else { "ham" };
        std::fs::write(p.join(sub).join(format!("{i}.eml")), message(i, false)).unwrap();
    }
    std::fs::write(p.join("ham/not-a-message"), "").unwrap();
    write_mbox(&p.join("more-ham.mbox"), 150..210, false);

    let stats = org
        .run(&["Get-SpamFilterStatistics", "-o", "json"])
        .ok()
        .json();
    assert_eq!(stats[0]["Active"], false);
    let probe = p.join("probe.eml");
    std::fs::write(&probe, message(5000, true)).unwrap();
    let route = |org: &Org| {
        org.run(&[
            "Test-MessageRoute",
            "-MessageFile",
            "probe.eml",
            "-ClientIP",
            "203.0.113.7",
            "-o",
            "json",
        ])
        .ok()
        .json()
    };
    assert!(route(&org)[0]["SpamProbability"].is_null());

    let train = |extra: &[&str]| {
        let mut args = vec![
            "Train-SpamFilter",
            "-Spam",
            "spam.maildir",
            "-Ham",
            "ham,more-ham.mbox",
            "-o",
            "json",
        ];
        args.extend(extra);
        org.run(&args).ok().json()
    };
    let what_if = train(&["-WhatIf"]);
    assert_eq!(
        (&what_if[0]["SpamLearned"], &what_if[0]["HamLearned"]),
        (&serde_json::json!(210), &serde_json::json!(210))
    );
    let stats = org
        .run(&["Get-SpamFilterStatistics", "-o", "json"])
        .ok()
        .json();
    assert_eq!(
        stats[0]["SpamMessages"], 0,
        "-WhatIf wrote nothing: {stats}"
    );

    let t = train(&[]);
    assert_eq!(
        t[0],
        serde_json::json!({"SpamLearned": 210, "HamLearned": 210, "Moved": 0, "AlreadyKnown": 0, "Unreadable": 1})
    );
    let stats = org
        .run(&["Get-SpamFilterStatistics", "-o", "json"])
        .ok()
        .json();
    let s = &stats[0];
    assert_eq!(
        (&s["Active"], &s["SpamMessages"], &s["HamMessages"]),
        (
            &serde_json::json!(true),
            &serde_json::json!(210),
            &serde_json::json!(210)
        ),
        "{stats}"
    );
    assert!(s["SpamTokens"].as_u64().unwrap() > 20, "{stats}");
    assert!(
        s["LearnedFrom"][0]
            .as_str()
            .unwrap()
            .starts_with("Train-SpamFilter: 210"),
        "{stats}"
    );

    let spammy = route(&org);
    assert!(probability(&spammy) > 0.9, "{spammy}");
    assert!(
        spammy[0]["LearningFilter"]
            .as_str()
            .unwrap()
            .contains("(scored)"),
        "{spammy}"
    );
    std::fs::write(&probe, message(5001, false)).unwrap();
    assert!(probability(&route(&org)) < 0.1);

    let again = org
        .run(&["Train-SpamFilter", "-Spam", "spam.maildir", "-o", "json"])
        .ok()
        .json();
    assert_eq!(again[0]["AlreadyKnown"], 210);
    org.run(&["Train-SpamFilter", "-Ham", "nowhere"])
        .fails(2)
        .stderr_has("-Ham: cannot read nowhere");
}

/// Trains the organisation of `state` on 200 generated messages of each class (written
/// under `dir`): enough for the filter to give answers.
fn train_generated(dir: &Path, state: &Path) {
    let (spam, ham) = (dir.join("spam"), dir.join("ham"));
    write_maildir(&spam, 0..200, true);
    write_maildir(&ham, 0..200, false);
    let (spam, ham) = (spam.to_str().unwrap(), ham.to_str().unwrap());
    eopctl_ok(state, &["Train-SpamFilter", "-Spam", spam, "-Ham", ham]);
}

/// The learning filter's probability for a message file, as Test-MessageRoute gives it.
fn route_probability(state: &Path, file: &Path) -> f64 {
    let file = file.to_str().unwrap();
    let args = [
        "Test-MessageRoute",
        "-MessageFile",
        file,
        "-ClientIP",
        "203.0.113.7",
        "-o",
        "json",
    ];
    let out = eopctl(state, &args);
    assert!(out.status.success());
    probability(&serde_json::from_slice(&out.stdout).unwrap())
}

/// Get-SpamFilterStatistics of the relay's organisation.
fn stats(state: &Path) -> serde_json::Value {
    let out = eopctl(state, &["Get-SpamFilterStatistics", "-o", "json"]);
    assert!(out.status.success());
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn a_message_moved_into_junk_teaches_the_relay() {
    let port = free_port();
    let (dir, state) = state_dir(&contoso(port, "", ""));
    // Trained enough to be active, on topics unlike the message the user will judge.
    train_generated(dir.path(), &state);
    let novel = |n: usize| {
        format!(
            "From: solar{n}@sunpower.example\r\nTo: admin@contoso.test\r\n\
             Subject: Solar panel financing\r\nDate: Tue, 01 Dec 2026 10:00:00 +0000\r\n\
             Message-ID: <solar{n}@sunpower.example>\r\n\r\n\
             Rooftop solar panel financing with zero down payment, call today {n}\r\n"
        )
    };
    let probe = dir.path().join("probe.eml");
    std::fs::write(&probe, novel(2)).unwrap();
    let score = || route_probability(&state, &probe);
    let before = score();

    let relay = Relay::start(&state, &["--junk-scan", "1s"]);
    let mut c = Client::hello(relay.addr());
    assert!(
        c.send(
            "solar1@sunpower.example",
            &["admin@contoso.test"],
            &novel(1)
        )
        .starts_with("250")
    );
    let inbox = relay.data_dir.join("mailboxes/admin@contoso.test");
    let listed = || -> Vec<std::path::PathBuf> {
        std::fs::read_dir(inbox.join("new"))
            .map(|d| d.flatten().map(|e| e.path()).collect())
            .unwrap_or_default()
    };
    assert!(
        wait_until(SECS, || listed().len() == 1),
        "{}",
        relay.log_text()
    );
    // The relay judged it too (the filter is active), and said so in its log.
    assert!(
        relay.log_text().contains("learning filter"),
        "{}",
        relay.log_text()
    );
    // The scan must have seen it where delivery put it before the user moves it.
    assert!(
        wait_until(SECS, || stats(&state)[0]["TrackedMailboxMessages"] == 1),
        "{}",
        relay.log_text()
    );
    let file = listed().remove(0);
    let name = file.file_name().unwrap().to_string_lossy().to_string();
    std::fs::rename(&file, inbox.join(".Junk/cur").join(format!("{name}:2,S"))).unwrap();
    let learned = || {
        stats(&state)[0]["LearnedFrom"].as_array().is_some_and(|l| {
            l.iter()
                .any(|s| s.as_str().unwrap().starts_with("Junk feedback: 1 spam"))
        })
    };
    assert!(
        wait_until(SECS, learned),
        "{}\n{}",
        stats(&state),
        relay.log_text()
    );
    assert_eq!(stats(&state)[0]["SpamMessages"], 201);
    let after = score();
    assert!(after > before + 0.2, "before {before}, after {after}");
}

/// A quarantined message released with -ReportFalsePositive is learned as ham (the next
/// message like it scores lower); deleting one teaches nothing.
#[test]
fn a_released_false_positive_teaches_ham() {
    let port = free_port();
    let (dir, state) = state_dir(&contoso(
        port,
        "",
        "HostedContentFilterPolicies:\n  - { Name: Default, SpamAction: Quarantine, HighConfidenceSpamAction: Quarantine }\n",
    ));
    train_generated(dir.path(), &state);
    // A newsletter the built-in signals flag (HTML only, hidden text, a link to an
    // address), on a topic the filter has never seen.
    let newsletter = |n: usize| {
        format!(
            "From: news@birdwatch.example\r\nTo: admin@contoso.test\r\n\
             Subject: Heron migration bulletin {n}\r\nDate: Tue, 01 Dec 2026 10:00:00 +0000\r\n\
             Message-ID: <bulletin{n}@birdwatch.example>\r\nContent-Type: text/html\r\n\r\n\
             <p>Herons and egrets return to the wetland marshes, binoculars ready, issue {n}</p>\
             <div style=\"display:none\">x</div><a href=\"http://203.0.113.9/map\">map</a>\r\n"
        )
    };
    let probe = dir.path().join("probe.eml");
    std::fs::write(&probe, newsletter(3)).unwrap();
    let score = || route_probability(&state, &probe);
    let before = score();

    let relay = Relay::start(&state, &[]);
    let mut c = Client::hello(relay.addr());
    for n in [1, 2] {
        assert!(
            c.send(
                "news@birdwatch.example",
                &["admin@contoso.test"],
                &newsletter(n)
            )
            .starts_with("250")
        );
    }
    let data = relay.data_dir.to_str().unwrap().to_string();
    let quarantined = || {
        let out = eopctl(
            &state,
            &["--data-dir", &data, "Get-QuarantineMessage", "-o", "json"],
        );
        serde_json::from_slice::<serde_json::Value>(&out.stdout).unwrap_or_default()
    };
    assert!(
        wait_until(SECS, || quarantined()
            .as_array()
            .is_some_and(|a| a.len() == 2)),
        "{}",
        relay.log_text()
    );
    let ids: Vec<String> = quarantined()
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["Identity"].as_str().unwrap().to_string())
        .collect();
    let ham_learned = || stats(&state)[0]["HamMessages"].as_u64();
    eopctl_ok(
        &state,
        &[
            "--data-dir",
            &data,
            "Delete-QuarantineMessage",
            "-Identity",
            &ids[0],
            "-Confirm:$false",
        ],
    );
    assert_eq!(ham_learned(), Some(200), "deleting teaches nothing");
    assert_eq!(score(), before);

    let out = eopctl(
        &state,
        &[
            "--data-dir",
            &data,
            "Release-QuarantineMessage",
            "-Identity",
            &ids[1],
            "-ReleaseToAll",
            "-ReportFalsePositive",
        ],
    );
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success() && said.contains("learned as ham"),
        "{said}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(ham_learned(), Some(201));
    assert!(
        stats(&state)[0]["LearnedFrom"]
            .as_array()
            .unwrap()
            .iter()
            .any(|s| s.as_str().unwrap().starts_with("Quarantine release: 1 ham")),
        "{}",
        stats(&state)
    );
    let after = score();
    assert!(after < before - 0.2, "before {before}, after {after}");
}
