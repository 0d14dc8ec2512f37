//! The Junk folder feedback loop: what hosted-mailbox users do with their mail teaches the
//! learning filter. A periodic scan of every Maildir under `<data-dir>/mailboxes/` notes
//! which folder each message is in (by its Maildir unique name, which a move keeps) and
//! compares it with where the previous scan saw it (`spamdb`'s placements):
//!
//! - moved into `.Junk` from any other folder: learned as spam;
//! - moved out of `.Junk` into any other folder (the inbox, an archive): learned as ham.
//!
//! A message is learned once per move (learning it again in the same class is a no-op,
//! see `spamdb`). The first scan that sees a message only records where it is: that is
//! where delivery put it, not a user's choice. So a move made before the relay's first
//! scan of the message (within one interval of delivery) is not seen.

use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::time::Duration;

use tracing::{info, warn};

use crate::spamdb::{Class, Db, Source, Tally};

/// The folder name placements record for the Junk Email folder.
const JUNK: &str = ".Junk";

/// What one scan found.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Scan {
    pub tracked: usize,
    pub learned: Tally,
}

/// Scans every hosted mailbox once and learns the moves since the last scan.
pub fn scan(data_dir: &Path, db: &mut Db) -> rusqlite::Result<Scan> {
    let root = data_dir.join("mailboxes");
    let known = db.placements()?;
    // message key → (folder, a path to its file)
    let mut seen: HashMap<String, (String, std::path::PathBuf)> = HashMap::new();
    let Ok(mailboxes) = std::fs::read_dir(&root) else {
        return Ok(Scan::default());
    };
    for mailbox in mailboxes.filter_map(Result::ok) {
        let mailbox = mailbox.path();
        let Some(name) = mailbox.file_name().map(|n| n.to_string_lossy().to_string()) else {
            continue;
        };
        let mut folders = vec![(String::new(), mailbox.clone())];
        if let Ok(entries) = std::fs::read_dir(&mailbox) {
            folders.extend(entries.filter_map(Result::ok).filter_map(|e| {
                let n = e.file_name().to_string_lossy().to_string();
                (n.starts_with('.') && e.path().is_dir()).then(|| (n, e.path()))
            }));
        }
        for (folder, path) in folders {
            for sub in ["new", "cur"] {
                let Ok(files) = std::fs::read_dir(path.join(sub)) else {
                    continue;
                };
                for f in files.filter_map(Result::ok) {
                    let file = f.file_name().to_string_lossy().to_string();
                    // The unique name stays the same when a client moves the file or
                    // changes its flags (the part after ':').
                    let unique = file.split(':').next().unwrap_or(&file);
                    seen.insert(format!("{name}/{unique}"), (folder.clone(), f.path()));
                }
            }
        }
    }
    let mut placed = Vec::new();
    let mut batch = db.batch(Source::JunkFeedback)?;
    for (key, (folder, path)) in &seen {
        let before = known.get(key);
        if before == Some(folder) {
            continue;
        }
        placed.push((key.clone(), folder.clone()));
        let class = match before {
            None => continue,
            Some(old) if folder == JUNK && old != JUNK => Class::Spam,
            Some(old) if old == JUNK && folder != JUNK => Class::Ham,
            Some(_) => continue,
        };
        let Ok(raw) = std::fs::read(path) else {
            // Moved again since the listing: the next scan sees it where it went.
            placed.pop();
            continue;
        };
        let Some(m) = mail_parser::MessageParser::default().parse(&raw) else {
            continue;
        };
        let learned = batch.learn(&raw, &m, class)?;
        info!(message = %key, from = before.map(String::as_str).unwrap_or_default(), to = %folder, ?class, ?learned, "learning filter: a user moved a message");
    }
    let learned = batch.commit()?;
    let present: HashSet<&String> = seen.keys().collect();
    let gone: Vec<String> = known
        .keys()
        .filter(|k| !present.contains(k))
        .cloned()
        .collect();
    db.place(&placed, &gone)?;
    Ok(Scan {
        tracked: seen.len(),
        learned,
    })
}

/// Runs [`scan`] every `interval` until the task is aborted.
pub async fn run(data_dir: std::path::PathBuf, interval: Duration) {
    let mut tick = tokio::time::interval(interval);
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        tick.tick().await;
        let dir = data_dir.clone();
        let result = tokio::task::spawn_blocking(move || {
            let mut db = Db::open(&dir)?;
            scan(&dir, &mut db)
        })
        .await;
        match result {
            Ok(Ok(_)) => {}
            Ok(Err(e)) => warn!(error = %e, "Junk folder feedback scan failed"),
            Err(e) => warn!(error = %e, "Junk folder feedback scan stopped"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::relay::delivery::mailbox;

    #[test]
    fn a_move_into_junk_is_spam_and_out_of_it_ham_once() {
        let dir = tempfile::tempdir().unwrap();
        let mut db = Db::open(dir.path()).unwrap();
        let p = mailbox::deliver(
            dir.path(),
            "ann@contoso.test",
            None,
            b"Subject: pills\r\nMessage-ID: <m1@x>\r\n\r\ncheap pills\r\n",
            false,
        )
        .unwrap();
        let first = scan(dir.path(), &mut db).unwrap();
        assert_eq!((first.tracked, first.learned), (1, Tally::default()));
        let root = mailbox::maildir(dir.path(), "ann@contoso.test");
        let name = p.file_name().unwrap().to_string_lossy().to_string();
        let junk = root.join(".Junk/cur").join(format!("{name}:2,S"));
        std::fs::rename(&p, &junk).unwrap();
        assert_eq!(scan(dir.path(), &mut db).unwrap().learned.spam, 1);
        assert_eq!(scan(dir.path(), &mut db).unwrap().learned, Tally::default());
        std::fs::rename(&junk, root.join("cur").join(format!("{name}:2,S"))).unwrap();
        let back = scan(dir.path(), &mut db).unwrap().learned;
        assert_eq!((back.ham, back.moved), (1, 1));
        assert_eq!(db.totals().unwrap().ham, 1);
    }
}
