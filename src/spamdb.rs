//! The learning filter's database: what `policy::bayes` has learned, in SQLite under the
//! data directory (`<data-dir>/spamfilter.db`, WAL mode, so the relay classifies while a
//! cmdlet trains). The relay, Test-MessageRoute and the training cmdlets all go through
//! here; the arithmetic stays in `policy::bayes`.
//!
//! Tables: `tokens` (token → messages of each class that contained it), `totals` (messages
//! learned per class), `learned` (one row per learned message: its signature, class, where
//! the lesson came from and when) and `placements` (where each hosted-mailbox message was
//! last seen, for the Junk folder feedback).
//!
//! A message's signature is a digest of its Message-ID (or of its body when it has none),
//! so learning it again in the same class changes nothing and learning it in the other
//! class moves it: its tokens leave the old class and join the new one.
//!
//! Training goes in batches ([`Db::batch`]): one transaction, the token deltas summed in
//! memory and written once per batch, so thousands of messages cost a few writes each.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::Duration;

use mail_parser::Message;
use rusqlite::{Connection, OptionalExtension, params};
use serde::Serialize;
use sha1::{Digest, Sha1};

use crate::policy::bayes::{self, Classification, Counts};

/// The database's file name under the data directory.
pub const FILE: &str = "spamfilter.db";

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS tokens (
    token TEXT PRIMARY KEY,
    spam  INTEGER NOT NULL,
    ham   INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS totals (
    class    TEXT PRIMARY KEY,
    messages INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS learned (
    signature TEXT PRIMARY KEY,
    class     TEXT NOT NULL,
    source    TEXT NOT NULL,
    time      INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS learned_source ON learned (source, class);
CREATE TABLE IF NOT EXISTS placements (
    message TEXT PRIMARY KEY,
    folder  TEXT NOT NULL
) WITHOUT ROWID;
";

/// Tokens looked up per statement: one prepared statement with this many parameters
/// (a short message's list is padded by repeating its last token).
const LOOKUP_CHUNK: usize = 64;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum Class {
    Spam,
    Ham,
}

impl Class {
    fn key(self) -> &'static str {
        match self {
            Class::Spam => "spam",
            Class::Ham => "ham",
        }
    }
    fn parse(text: &str) -> Option<Class> {
        match text {
            "spam" => Some(Class::Spam),
            "ham" => Some(Class::Ham),
            _ => None,
        }
    }
}

/// Where a lesson came from (Get-SpamFilterStatistics' LearnedFrom).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Source {
    TrainSpamFilter,
    JunkFeedback,
    QuarantineRelease,
}

impl Source {
    pub fn name(self) -> &'static str {
        match self {
            Source::TrainSpamFilter => "Train-SpamFilter",
            Source::JunkFeedback => "Junk feedback",
            Source::QuarantineRelease => "Quarantine release",
        }
    }
}

/// What learning one message did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Learned {
    New,
    /// It had been learned in the other class.
    Moved,
    /// Already learned in this class: nothing changed.
    Known,
}

/// A batch's summary.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Tally {
    pub spam: u64,
    pub ham: u64,
    pub moved: u64,
    pub known: u64,
}

/// One row of the statistics by source and class.
#[derive(Debug, Clone)]
pub struct SourceStats {
    pub source: String,
    pub class: Class,
    pub messages: u64,
    pub first: i64,
    pub last: i64,
}

#[derive(Debug, Clone)]
pub struct Stats {
    pub messages: Counts,
    /// Distinct tokens seen in each class.
    pub tokens: Counts,
    pub by_source: Vec<SourceStats>,
    /// Hosted-mailbox messages whose folder the Junk feedback follows.
    pub tracked: u64,
}

/// The signature that identifies a message across learnings.
pub fn signature(raw: &[u8], message: Option<&Message>) -> String {
    let mut h = Sha1::new();
    match message.and_then(|m| m.message_id()) {
        Some(id) => {
            h.update(b"message-id:");
            h.update(id.as_bytes());
        }
        None => {
            // The body only: delivery adds headers (Return-Path, Delivered-To) that must
            // not make a delivered copy a different message.
            let body = memchr::memmem::find(raw, b"\r\n\r\n")
                .map(|i| i + 4)
                .or_else(|| memchr::memmem::find(raw, b"\n\n").map(|i| i + 2))
                .unwrap_or(0);
            h.update(b"body:");
            h.update(&raw[body..]);
        }
    }
    h.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

pub struct Db {
    conn: Connection,
}

impl Db {
    /// Opens the database, creating it if needed.
    pub fn open(data_dir: &Path) -> rusqlite::Result<Db> {
        // A first run may train before the relay ever started.
        let _ = std::fs::create_dir_all(data_dir);
        let conn = Connection::open(data_dir.join(FILE))?;
        conn.busy_timeout(Duration::from_secs(10))?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        // A power loss may lose the last lessons, never mail; training is repeatable.
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        conn.execute_batch(SCHEMA)?;
        Ok(Db { conn })
    }

    /// Opens the database if it exists (nothing learned yet otherwise).
    pub fn open_existing(data_dir: &Path) -> rusqlite::Result<Option<Db>> {
        if !data_dir.join(FILE).exists() {
            return Ok(None);
        }
        Db::open(data_dir).map(Some)
    }

    pub fn totals(&self) -> rusqlite::Result<Counts> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT class, messages FROM totals")?;
        let mut c = Counts::default();
        for row in stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)))? {
            let (class, n) = row?;
            match Class::parse(&class) {
                Some(Class::Spam) => c.spam = n.max(0) as u64,
                Some(Class::Ham) => c.ham = n.max(0) as u64,
                None => {}
            }
        }
        Ok(c)
    }

    /// The counts of each token, in the order given (unknown tokens count zero).
    pub fn lookup(&self, tokens: &[String]) -> rusqlite::Result<Vec<(String, Counts)>> {
        let mut found: HashMap<String, Counts> = HashMap::with_capacity(tokens.len());
        let sql = format!(
            "SELECT token, spam, ham FROM tokens WHERE token IN ({})",
            vec!["?"; LOOKUP_CHUNK].join(",")
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        for chunk in tokens.chunks(LOOKUP_CHUNK) {
            let last = chunk.last().map(String::as_str).unwrap_or_default();
            let args = (0..LOOKUP_CHUNK).map(|i| chunk.get(i).map_or(last, String::as_str));
            let mut rows = stmt.query(rusqlite::params_from_iter(args))?;
            while let Some(r) = rows.next()? {
                found.insert(
                    r.get(0)?,
                    Counts {
                        spam: r.get::<_, i64>(1)?.max(0) as u64,
                        ham: r.get::<_, i64>(2)?.max(0) as u64,
                    },
                );
            }
        }
        Ok(tokens
            .iter()
            .map(|t| (t.clone(), found.get(t).copied().unwrap_or_default()))
            .collect())
    }

    /// The filter's view of a message. The relay and Test-MessageRoute both take the
    /// scorer's input from here ([`Judgement::probability`]).
    pub fn judge(&self, message: &Message) -> rusqlite::Result<Judgement> {
        let totals = self.totals()?;
        let counts = self.lookup(&bayes::tokenize(message))?;
        Ok(Judgement {
            totals,
            classification: bayes::classify(&counts, totals),
        })
    }

    /// Starts a batch of lessons: one transaction.
    pub fn batch(&mut self, source: Source) -> rusqlite::Result<Batch<'_>> {
        Ok(Batch {
            tx: self.conn.transaction()?,
            source,
            deltas: HashMap::new(),
            totals: (0, 0),
            tally: Tally::default(),
            now: chrono::Utc::now().timestamp(),
        })
    }

    pub fn stats(&self) -> rusqlite::Result<Stats> {
        let one = |sql: &str| -> rusqlite::Result<u64> {
            self.conn
                .query_row(sql, [], |r| r.get::<_, i64>(0))
                .map(|n| n.max(0) as u64)
        };
        let mut stmt = self.conn.prepare(
            "SELECT source, class, count(*), min(time), max(time) FROM learned
             GROUP BY source, class ORDER BY source, class DESC",
        )?;
        let by_source = stmt
            .query_map([], |r| {
                Ok(SourceStats {
                    source: r.get(0)?,
                    class: Class::parse(&r.get::<_, String>(1)?).unwrap_or(Class::Ham),
                    messages: r.get::<_, i64>(2)?.max(0) as u64,
                    first: r.get(3)?,
                    last: r.get(4)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(Stats {
            messages: self.totals()?,
            tokens: Counts {
                spam: one("SELECT count(*) FROM tokens WHERE spam > 0")?,
                ham: one("SELECT count(*) FROM tokens WHERE ham > 0")?,
            },
            by_source,
            tracked: one("SELECT count(*) FROM placements")?,
        })
    }

    /// Every known placement: hosted-mailbox message → folder.
    pub fn placements(&self) -> rusqlite::Result<HashMap<String, String>> {
        let mut stmt = self
            .conn
            .prepare("SELECT message, folder FROM placements")?;
        stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect()
    }

    /// Records where messages are now (new ones and moved ones), and forgets those gone.
    pub fn place(&mut self, now_at: &[(String, String)], gone: &[String]) -> rusqlite::Result<()> {
        let tx = self.conn.transaction()?;
        {
            let mut put = tx.prepare_cached(
                "INSERT INTO placements (message, folder) VALUES (?1, ?2)
                 ON CONFLICT (message) DO UPDATE SET folder = excluded.folder",
            )?;
            for (m, f) in now_at {
                put.execute(params![m, f])?;
            }
            let mut del = tx.prepare_cached("DELETE FROM placements WHERE message = ?1")?;
            for m in gone {
                del.execute(params![m])?;
            }
        }
        tx.commit()
    }
}

/// What the filter makes of one message, and how much it had learned when it did.
#[derive(Debug, Clone, PartialEq)]
pub struct Judgement {
    pub totals: Counts,
    pub classification: Classification,
}

impl Judgement {
    /// The spam probability the scorer gets: None until the filter has learned
    /// [`bayes::MIN_LEARNED`] messages of each class (an untrained filter's guesses would
    /// only add noise to the score).
    pub fn probability(&self) -> Option<f64> {
        active(self.totals).then_some(self.classification.probability)
    }
}

/// The judgement in words, for the trace and Test-MessageRoute: the probability, whether
/// the scorer uses it, and the strongest tokens.
pub fn describe(j: &Judgement) -> String {
    let tokens: Vec<String> = j
        .classification
        .strongest
        .iter()
        .map(|(t, f)| format!("{t} {f:.2}"))
        .collect();
    let state = if j.probability().is_some() {
        "scored".to_string()
    } else {
        format!(
            "not scored: {} spam and {} ham learned, {} of each needed",
            j.totals.spam,
            j.totals.ham,
            bayes::MIN_LEARNED
        )
    };
    format!(
        "learning filter: spam probability {:.3} ({state}); strongest tokens: {}",
        j.classification.probability,
        tokens.join(", ")
    )
}

/// Whether the filter has learned enough of both classes to give answers.
pub fn active(totals: Counts) -> bool {
    totals.spam >= bayes::MIN_LEARNED && totals.ham >= bayes::MIN_LEARNED
}

/// Lessons in one transaction; nothing is written until [`Batch::commit`].
pub struct Batch<'a> {
    tx: rusqlite::Transaction<'a>,
    source: Source,
    deltas: HashMap<String, (i64, i64)>,
    totals: (i64, i64),
    tally: Tally,
    now: i64,
}

impl Batch<'_> {
    /// Learns one message as `class`.
    pub fn learn(
        &mut self,
        raw: &[u8],
        message: &Message,
        class: Class,
    ) -> rusqlite::Result<Learned> {
        let sig = signature(raw, Some(message));
        let before: Option<String> = self
            .tx
            .prepare_cached("SELECT class FROM learned WHERE signature = ?1")?
            .query_row(params![sig], |r| r.get(0))
            .optional()?;
        let before = before.as_deref().and_then(Class::parse);
        if before == Some(class) {
            self.tally.known += 1;
            return Ok(Learned::Known);
        }
        let sign = |c: Class| if c == class { 1 } else { -1 };
        let classes: &[Class] = if before.is_some() {
            &[Class::Spam, Class::Ham]
        } else {
            std::slice::from_ref(&class)
        };
        for token in bayes::tokenize(message) {
            let d = self.deltas.entry(token).or_default();
            for c in classes {
                match c {
                    Class::Spam => d.0 += sign(*c),
                    Class::Ham => d.1 += sign(*c),
                }
            }
        }
        for c in classes {
            match c {
                Class::Spam => self.totals.0 += sign(*c),
                Class::Ham => self.totals.1 += sign(*c),
            }
        }
        self.tx
            .prepare_cached(
                "INSERT INTO learned (signature, class, source, time) VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT (signature) DO UPDATE SET class = excluded.class,
                 source = excluded.source, time = excluded.time",
            )?
            .execute(params![sig, class.key(), self.source.name(), self.now])?;
        match class {
            Class::Spam => self.tally.spam += 1,
            Class::Ham => self.tally.ham += 1,
        }
        if before.is_some() {
            self.tally.moved += 1;
            Ok(Learned::Moved)
        } else {
            Ok(Learned::New)
        }
    }

    /// What the batch has done so far.
    pub fn tally(&self) -> Tally {
        self.tally
    }

    /// Writes the batch's token counts and totals and commits.
    pub fn commit(self) -> rusqlite::Result<Tally> {
        {
            let mut up = self.tx.prepare_cached(
                "INSERT INTO tokens (token, spam, ham) VALUES (?1, max(?2, 0), max(?3, 0))
                 ON CONFLICT (token) DO UPDATE SET spam = max(spam + ?2, 0), ham = max(ham + ?3, 0)",
            )?;
            for (token, (s, h)) in &self.deltas {
                if (*s, *h) != (0, 0) {
                    up.execute(params![token, s, h])?;
                }
            }
            self.tx
                .execute("DELETE FROM tokens WHERE spam = 0 AND ham = 0", [])?;
            let mut tot = self.tx.prepare_cached(
                "INSERT INTO totals (class, messages) VALUES (?1, max(?2, 0))
                 ON CONFLICT (class) DO UPDATE SET messages = max(messages + ?2, 0)",
            )?;
            tot.execute(params![Class::Spam.key(), self.totals.0])?;
            tot.execute(params![Class::Ham.key(), self.totals.1])?;
        }
        self.tx.commit()?;
        Ok(self.tally)
    }
}

/// The relay's connections to the database of its data directory: a pool, so sessions
/// judging messages at once do not wait for each other (SQLite in WAL mode serves many
/// readers). Connections open when the database first exists (a relay may start before
/// anything was trained) and are reused after.
pub struct Shared {
    data_dir: PathBuf,
    idle: Mutex<Vec<Db>>,
}

impl Shared {
    pub fn new(data_dir: &Path) -> Shared {
        Shared {
            data_dir: data_dir.to_path_buf(),
            idle: Mutex::new(Vec::new()),
        }
    }

    /// The filter's view of a message ([`Db::judge`]); None while it is not active (the
    /// scorer has no use for its guesses then, so the relay does not pay for them).
    pub fn judge(&self, message: &Message) -> rusqlite::Result<Option<Judgement>> {
        let pooled = self.idle.lock().unwrap_or_else(|p| p.into_inner()).pop();
        let db = match pooled {
            Some(db) => db,
            None => match Db::open_existing(&self.data_dir)? {
                Some(db) => db,
                None => return Ok(None),
            },
        };
        let totals = db.totals()?;
        let judgement = if active(totals) {
            Some(db.judge(message)?)
        } else {
            None
        };
        self.idle.lock().unwrap_or_else(|p| p.into_inner()).push(db);
        Ok(judgement)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::policy::malware::parse;

    fn msg(i: usize, spam: bool) -> String {
        let (subject, body) = if spam {
            (
                "Cheap pills discount",
                "Buy cheap pills now, huge discount, click http://pills.example/buy",
            )
        } else {
            (
                "Meeting notes",
                "Attached are the notes from the quarterly planning meeting, see agenda",
            )
        };
        format!(
            "From: a{i}@{d}\r\nTo: bob@contoso.com\r\nSubject: {subject} {i}\r\nMessage-ID: <{i}.{spam}@x>\r\n\r\n{body} variant{i}\r\n",
            d = if spam {
                "pills.example"
            } else {
                "fabrikam.com"
            }
        )
    }

    fn learn(db: &mut Db, raws: &[String], class: Class) -> Tally {
        let mut b = db.batch(Source::TrainSpamFilter).unwrap();
        for raw in raws {
            b.learn(raw.as_bytes(), &parse(raw.as_bytes()).unwrap(), class)
                .unwrap();
        }
        b.commit().unwrap()
    }

    #[test]
    fn training_moves_the_score_and_needs_200_of_each() {
        let dir = tempfile::tempdir().unwrap();
        let mut db = Db::open(dir.path()).unwrap();
        let spam: Vec<String> = (0..200).map(|i| msg(i, true)).collect();
        let ham: Vec<String> = (0..199).map(|i| msg(i, false)).collect();
        assert_eq!(learn(&mut db, &spam, Class::Spam).spam, 200);
        assert_eq!(learn(&mut db, &ham, Class::Ham).ham, 199);
        let probe = msg(9999, true);
        let probe = parse(probe.as_bytes()).unwrap();
        let early = db.judge(&probe).unwrap();
        assert_eq!(early.probability(), None, "199 ham is not enough");
        learn(&mut db, &[msg(199, false)], Class::Ham);
        let spammy = db.judge(&probe).unwrap().probability().unwrap();
        assert!(spammy > 0.9, "{spammy}");
        let hammy = msg(9999, false);
        let hammy = db.judge(&parse(hammy.as_bytes()).unwrap()).unwrap();
        assert!(hammy.probability().unwrap() < 0.1, "{hammy:?}");
    }

    #[test]
    fn relearning_moves_a_message_and_twice_is_a_no_op() {
        let dir = tempfile::tempdir().unwrap();
        let mut db = Db::open(dir.path()).unwrap();
        let m = msg(1, true);
        assert_eq!(
            learn(&mut db, std::slice::from_ref(&m), Class::Spam).spam,
            1
        );
        assert_eq!(
            learn(&mut db, std::slice::from_ref(&m), Class::Spam).known,
            1
        );
        assert_eq!(db.totals().unwrap(), Counts { spam: 1, ham: 0 });
        let t = learn(&mut db, std::slice::from_ref(&m), Class::Ham);
        assert_eq!((t.ham, t.moved), (1, 1));
        assert_eq!(db.totals().unwrap(), Counts { spam: 0, ham: 1 });
        let counts = db.lookup(&["pills".to_string()]).unwrap();
        assert_eq!(counts[0].1, Counts { spam: 0, ham: 1 });
        let s = db.stats().unwrap();
        assert_eq!((s.tokens.spam, s.by_source.len()), (0, 1));
    }
}
