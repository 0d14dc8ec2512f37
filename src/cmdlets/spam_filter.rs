//! Train-SpamFilter and Get-SpamFilterStatistics: teaching the learning filter from mail
//! an admin has sorted, and what it has learned so far (`crate::spamdb` under the data
//! directory). They work whether or not the relay runs; the relay sees new lessons at its
//! next message.

use std::fs;
use std::path::{Path, PathBuf};

use clap::{Args, Subcommand};
use indicatif::{ProgressBar, ProgressStyle};
use serde_json::json;

use crate::cmdlets::common::Context;
use crate::error::{Error, Result};
use crate::output::{Column, Output, key, text, wide};
use crate::policy::bayes::MIN_LEARNED;
use crate::spamdb::{self, Class, Db, Source, Tally};

#[derive(Subcommand, Debug)]
pub enum Cmd {
    /// Teaches the learning filter: every message under -Spam is learned as spam, every
    /// one under -Ham as ham. A message learned before in the other class moves; one
    /// learned before in the same class is counted as already known.
    #[command(name = "train-spamfilter", alias = "Train-SpamFilter")]
    Train(Train),
    /// Shows what the learning filter has learned: messages and tokens per class, when and
    /// from where, and whether it is active (it scores mail once it has learned 200 spam
    /// and 200 ham).
    #[command(name = "get-spamfilterstatistics", alias = "Get-SpamFilterStatistics")]
    Statistics(Statistics),
}

#[derive(Args, Debug)]
pub struct Train {
    /// Spam to learn: a message file, a directory of them, a Maildir (its cur/ and new/)
    /// or an mbox file; a,b for several.
    #[arg(
        long,
        value_name = "Path",
        value_delimiter = ',',
        required_unless_present = "ham"
    )]
    pub spam: Vec<PathBuf>,
    /// Ham (wanted mail) to learn, in the same forms as -Spam.
    #[arg(long, value_name = "Path", value_delimiter = ',')]
    pub ham: Vec<PathBuf>,
    /// Count what would be learned, and learn nothing.
    #[arg(long)]
    pub what_if: bool,
}

#[derive(Args, Debug)]
pub struct Statistics {}

/// Messages learned per transaction: large enough that training thousands of messages
/// costs a few commits, small enough that the relay's readers never wait long.
const BATCH: usize = 500;

const TRAIN_COLUMNS: &[Column] = &[
    key("SpamLearned"),
    key("HamLearned"),
    key("Moved"),
    key("AlreadyKnown"),
    key("Unreadable"),
];

const STATS_COLUMNS: &[Column] = &[
    key("Active"),
    key("SpamMessages"),
    key("HamMessages"),
    wide("SpamTokens"),
    wide("HamTokens"),
    text("LastLearned"),
];

pub fn run(cmd: Cmd, ctx: &Context) -> Result<Output> {
    match cmd {
        Cmd::Train(a) => train(&a, ctx),
        Cmd::Statistics(_) => statistics(ctx),
    }
}

/// Where messages are read from.
enum Item {
    File(PathBuf),
    Mbox(PathBuf),
}

fn db_error(data: &Path, e: rusqlite::Error) -> Error {
    Error::failed(format!(
        "cannot use the learning filter's database {}: {e}",
        data.join(spamdb::FILE).display()
    ))
    .help("check that the data directory (--data-dir) exists and is writable")
}

fn train(a: &Train, ctx: &Context) -> Result<Output> {
    let mut work: Vec<(Class, Item)> = Vec::new();
    for (class, paths, param) in [(Class::Spam, &a.spam, "Spam"), (Class::Ham, &a.ham, "Ham")] {
        for path in paths {
            let mut items = Vec::new();
            collect(path, &mut items).map_err(|e| {
                Error::usage(format!("-{param}: cannot read {}: {e}", path.display())).help(
                    "give a message file, a directory of them, a Maildir or an mbox file that exists and is readable",
                )
            })?;
            work.extend(items.into_iter().map(|i| (class, i)));
        }
    }
    let data = ctx.store.data_dir();
    let mut db = Db::open(data).map_err(|e| db_error(data, e))?;
    let bar = ProgressBar::new(work.len() as u64).with_style(
        ProgressStyle::with_template("{msg} [{bar:30}] {pos}/{len} files, {per_sec}")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    bar.set_message("learning");
    let mut total = Tally::default();
    let mut unreadable = 0u64;
    let mut batch = db
        .batch(Source::TrainSpamFilter)
        .map_err(|e| db_error(data, e))?;
    let mut in_batch = 0;
    for (class, item) in &work {
        let messages = match item {
            Item::File(p) => fs::read(p).map(|m| vec![m]),
            Item::Mbox(p) => fs::read(p).map(|m| split_mbox(&m)),
        };
        let Ok(messages) = messages else {
            unreadable += 1;
            bar.inc(1);
            continue;
        };
        for raw in messages {
            let parsed = mail_parser::MessageParser::default().parse(&raw);
            let Some(m) = parsed.filter(|m| !m.headers().is_empty()) else {
                unreadable += 1;
                continue;
            };
            batch
                .learn(&raw, &m, *class)
                .map_err(|e| db_error(data, e))?;
            in_batch += 1;
        }
        bar.inc(1);
        if in_batch >= BATCH && !a.what_if {
            add(&mut total, batch.commit().map_err(|e| db_error(data, e))?);
            batch = db
                .batch(Source::TrainSpamFilter)
                .map_err(|e| db_error(data, e))?;
            in_batch = 0;
        }
    }
    if a.what_if {
        // Counted inside the transaction, which is dropped: rolled back, nothing written.
        add(&mut total, batch.tally());
    } else {
        add(&mut total, batch.commit().map_err(|e| db_error(data, e))?);
    }
    bar.finish_and_clear();
    let mut row = json!({
        "SpamLearned": total.spam,
        "HamLearned": total.ham,
        "Moved": total.moved,
        "AlreadyKnown": total.known,
        "Unreadable": unreadable,
    });
    if a.what_if {
        row["WhatIf"] = json!(true);
    }
    Ok(Output::Objects {
        rows: vec![row],
        columns: TRAIN_COLUMNS,
    })
}

fn add(total: &mut Tally, t: Tally) {
    total.spam += t.spam;
    total.ham += t.ham;
    total.moved += t.moved;
    total.known += t.known;
}

/// The message sources under `path`: a Maildir's cur/ and new/ (not its subfolders, whose
/// class may differ, such as .Junk), a directory's files and subdirectories, an mbox, or
/// one message file.
fn collect(path: &Path, out: &mut Vec<Item>) -> std::io::Result<()> {
    let meta = fs::metadata(path)?;
    if meta.is_file() {
        let mut head = [0u8; 5];
        let n = std::io::Read::read(&mut fs::File::open(path)?, &mut head)?;
        out.push(if &head[..n] == b"From " {
            Item::Mbox(path.to_path_buf())
        } else {
            Item::File(path.to_path_buf())
        });
        return Ok(());
    }
    let maildir = path.join("cur").is_dir() || path.join("new").is_dir();
    let dirs: Vec<PathBuf> = if maildir {
        vec![path.join("cur"), path.join("new")]
    } else {
        vec![path.to_path_buf()]
    };
    for dir in dirs.into_iter().filter(|d| d.is_dir()) {
        let mut entries: Vec<PathBuf> = fs::read_dir(&dir)?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| {
                !p.file_name()
                    .is_some_and(|n| n.to_string_lossy().starts_with('.'))
            })
            .collect();
        entries.sort();
        for entry in entries {
            if entry.is_dir() && maildir {
                continue;
            }
            collect(&entry, out)?;
        }
    }
    Ok(())
}

/// The messages of an mbox: each starts at a "From " line at the start of the file or
/// after a blank line; ">From " lines lose one '>' (mboxrd quoting).
fn split_mbox(data: &[u8]) -> Vec<Vec<u8>> {
    let mut out: Vec<Vec<u8>> = Vec::new();
    let mut current: Option<Vec<u8>> = None;
    let mut blank_before = true;
    for line in data.split_inclusive(|b| *b == b'\n') {
        if blank_before && line.starts_with(b"From ") {
            out.extend(current.take());
            current = Some(Vec::new());
            blank_before = false;
            continue;
        }
        blank_before = line == b"\n" || line == b"\r\n";
        if let Some(m) = current.as_mut() {
            let unquoted = line.strip_prefix(b">").filter(|rest| {
                let rest = rest
                    .iter()
                    .position(|b| *b != b'>')
                    .map_or(&[][..], |i| &rest[i..]);
                rest.starts_with(b"From ")
            });
            m.extend_from_slice(unquoted.unwrap_or(line));
        }
    }
    out.extend(current);
    out.into_iter().filter(|m| !m.is_empty()).collect()
}

fn time(t: i64) -> String {
    chrono::DateTime::from_timestamp(t, 0)
        .map(|d| d.format("%Y-%m-%d %H:%M:%S UTC").to_string())
        .unwrap_or_default()
}

fn statistics(ctx: &Context) -> Result<Output> {
    let data = ctx.store.data_dir();
    let stats = match Db::open_existing(data).map_err(|e| db_error(data, e))? {
        Some(db) => Some(db.stats().map_err(|e| db_error(data, e))?),
        None => None,
    };
    let row = match stats {
        None => json!({
            "Active": false,
            "SpamMessages": 0, "HamMessages": 0, "SpamTokens": 0, "HamTokens": 0,
            "FirstLearned": null, "LastLearned": null, "LearnedFrom": [],
            "TrackedMailboxMessages": 0,
            "MinimumPerClass": MIN_LEARNED,
        }),
        Some(s) => {
            let from: Vec<String> = s
                .by_source
                .iter()
                .map(|b| {
                    format!(
                        "{}: {} {} (first {}, last {})",
                        b.source,
                        b.messages,
                        match b.class {
                            Class::Spam => "spam",
                            Class::Ham => "ham",
                        },
                        time(b.first),
                        time(b.last)
                    )
                })
                .collect();
            json!({
                "Active": spamdb::active(s.messages),
                "SpamMessages": s.messages.spam,
                "HamMessages": s.messages.ham,
                "SpamTokens": s.tokens.spam,
                "HamTokens": s.tokens.ham,
                "FirstLearned": s.by_source.iter().map(|b| b.first).min().map(time),
                "LastLearned": s.by_source.iter().map(|b| b.last).max().map(time),
                "LearnedFrom": from,
                "TrackedMailboxMessages": s.tracked,
                "MinimumPerClass": MIN_LEARNED,
            })
        }
    };
    Ok(Output::Objects {
        rows: vec![row],
        columns: STATS_COLUMNS,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_an_mbox_and_unquotes_from_lines() {
        let mbox = b"From a@x Thu Jan  1 00:00:00 2026\nSubject: one\n\n>From here\nbody\n\nFrom b@x Thu Jan  1 00:00:00 2026\nSubject: two\n\ntext\nFrom the middle is not a separator\n";
        let m = split_mbox(mbox);
        assert_eq!(m.len(), 2, "{m:?}");
        assert_eq!(m[0], b"Subject: one\n\nFrom here\nbody\n\n");
        assert!(m[1].ends_with(b"From the middle is not a separator\n"));
    }
}
