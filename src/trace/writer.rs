//! The trace's one writer thread: records come down a channel and are committed in
//! batches, one transaction for whatever has queued up, so recording never blocks the relay.

use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use rusqlite::{Connection, ErrorCode};

use super::{Event, FILE, Kind, Message, Received, open_write};

/// Why the trace cannot start.
#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error("cannot start the trace writer thread: {0}")]
    Thread(#[source] std::io::Error),
}

/// How long a trace that cannot be opened waits before the next try.
const REOPEN: Duration = Duration::from_secs(5);

/// The writer's hold on the database. The trace is a record of mail, not a condition for
/// it: one that cannot be opened (locked, read-only, damaged) costs the records meanwhile
/// (counted in the log) and is opened again, so it records again without a restart. A
/// damaged file is set aside, kept for inspection, and a new one started.
struct Db {
    path: PathBuf,
    conn: Option<Connection>,
    retry_at: Instant,
    dropped: usize,
}

impl Db {
    fn open(path: PathBuf) -> Db {
        let mut db = Db {
            path,
            conn: None,
            retry_at: Instant::now(),
            dropped: 0,
        };
        db.connect();
        db
    }

    fn connect(&mut self) {
        match open_or_set_aside(&self.path) {
            Ok(conn) => {
                if self.dropped > 0 {
                    tracing::warn!(
                        dropped = self.dropped,
                        "message trace: recording again; records made while it was unavailable were dropped"
                    );
                }
                self.conn = Some(conn);
                self.dropped = 0;
            }
            Err(e) => {
                tracing::error!(path = %self.path.display(), error = %e, dropped = self.dropped, "message trace unavailable: mail flows on untraced; opened again every {} s", REOPEN.as_secs());
                self.retry_at = Instant::now() + REOPEN;
            }
        }
    }

    /// The connection, opened again when it is time to try.
    fn conn(&mut self) -> Option<&mut Connection> {
        if self.conn.is_none() && Instant::now() >= self.retry_at {
            self.connect();
        }
        self.conn.as_mut()
    }
}

/// SQLite says the file is not a database, or a damaged one.
fn damaged(e: &rusqlite::Error) -> bool {
    matches!(
        e.sqlite_error_code(),
        Some(ErrorCode::DatabaseCorrupt | ErrorCode::NotADatabase)
    )
}

fn open_or_set_aside(path: &Path) -> rusqlite::Result<Connection> {
    match open_write(path) {
        Err(e) if damaged(&e) => {
            let stamp = chrono::Utc::now().format("%Y%m%dT%H%M%SZ");
            let aside = path.with_extension(format!("db.damaged-{stamp}"));
            if std::fs::rename(path, &aside).is_err() {
                return Err(e);
            }
            // Its journal belongs to it, not to the new database.
            for suffix in ["-wal", "-shm"] {
                let mut from = path.as_os_str().to_owned();
                from.push(suffix);
                let mut to = aside.as_os_str().to_owned();
                to.push(suffix);
                let _ = std::fs::rename(from, to);
            }
            tracing::error!(error = %e, kept = %aside.display(), "message trace: the database was damaged; it is kept aside and a new one started");
            open_write(path)
        }
        r => r,
    }
}

enum Record {
    Message(Message),
    Event(Event),
    /// Remove what was received before this time (seconds since the epoch).
    Prune(i64),
    /// Answer once everything sent before has been committed.
    Flush(mpsc::Sender<()>),
}

/// The relay's handle on the trace (cloneable; recording never blocks).
#[derive(Clone)]
pub struct Trace {
    tx: Option<mpsc::Sender<Record>>,
}

/// How many records one transaction takes at most.
const BATCH: usize = 2048;

impl Trace {
    /// A trace that records nothing (unit tests of other parts).
    pub fn disabled() -> Trace {
        Trace { tx: None }
    }

    /// Starts the writer thread over `<data_dir>/trace.db` (opened at once, so a trace that
    /// cannot be opened is in the log from the start).
    pub fn start(data_dir: &Path) -> Result<Trace, StartError> {
        let db = Db::open(data_dir.join(FILE));
        let (tx, rx) = mpsc::channel();
        std::thread::Builder::new()
            .name("trace-writer".into())
            .spawn(move || writer(db, rx))
            .map_err(StartError::Thread)?;
        Ok(Trace { tx: Some(tx) })
    }

    fn send(&self, r: Record) {
        if let Some(tx) = &self.tx {
            let _ = tx.send(r);
        }
    }

    pub fn message(&self, m: Message) {
        self.send(Record::Message(m));
    }

    pub fn record(&self, e: Event) {
        self.send(Record::Event(e));
    }

    /// A message accepted: its rows, the Receive event, and one Verdict event per
    /// recipient. `headers`: the message as the sender wrote it (Subject, Message-ID).
    pub fn received(&self, r: Received, headers: &[u8]) {
        let mut m = Message::of(
            r.id,
            r.sender,
            r.recipients.iter().map(|(a, _, _)| a.clone()).collect(),
            r.client_ip.clone(),
            headers,
        );
        m.size = r.size;
        let detail = format!(
            "received from {} ({}) on ReceiveConnector \"{}\", {}, {} bytes, Message-ID {}",
            r.client_ip,
            r.helo,
            r.connector,
            if r.tls { "TLS" } else { "no TLS" },
            m.size,
            if m.message_id.is_empty() {
                "none"
            } else {
                &m.message_id
            },
        );
        self.message(m);
        self.record(
            Event::new(r.id, Kind::Receive, detail)
                .revision(r.revision)
                .blame(vec![r.client]),
        );
        for ((rcpt, route, blame), direction) in r.recipients.into_iter().zip(r.directions) {
            self.record(
                Event::new(r.id, Kind::Verdict, route)
                    .recipient(rcpt)
                    .revision(r.revision)
                    .blame(blame)
                    .direction(direction),
            );
        }
    }

    /// Removes messages received more than `days` days ago, and their events.
    pub fn prune(&self, days: u32) {
        let cutoff = chrono::Utc::now().timestamp() - i64::from(days) * 86_400;
        self.send(Record::Prune(cutoff));
    }

    /// Waits until what was recorded so far is committed, at most `limit`; whether it was.
    pub fn flush(&self, limit: Duration) -> bool {
        let (tx, rx) = mpsc::channel();
        self.send(Record::Flush(tx));
        rx.recv_timeout(limit).is_ok()
    }
}

fn writer(mut db: Db, rx: mpsc::Receiver<Record>) {
    while let Ok(first) = rx.recv() {
        let mut batch = vec![first];
        while batch.len() < BATCH {
            match rx.try_recv() {
                Ok(r) => batch.push(r),
                Err(_) => break,
            }
        }
        let mut waiting = Vec::new();
        let Some(conn) = db.conn() else {
            db.dropped += batch.len();
            continue;
        };
        if let Err(e) = commit(conn, batch, &mut waiting) {
            tracing::warn!(error = %e, "message trace: cannot record a batch");
            if damaged(&e) {
                // Damaged under the relay: set aside and start anew at the next batch.
                db.conn = None;
            }
        }
        for w in waiting {
            let _ = w.send(());
        }
    }
}

fn commit(
    conn: &mut Connection,
    batch: Vec<Record>,
    waiting: &mut Vec<mpsc::Sender<()>>,
) -> rusqlite::Result<()> {
    let tx = conn.transaction()?;
    {
        let mut insert_row = tx.prepare_cached(
            "INSERT OR IGNORE INTO messages (trace_id, recipient, received, sender, subject, message_id, from_ip, size, status) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 'GettingStatus')",
        )?;
        let mut insert_event = tx.prepare_cached(
            "INSERT INTO events (trace_id, recipient, time_ms, event, detail, revision, blame) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        )?;
        for r in batch {
            match r {
                Record::Message(m) => {
                    for rcpt in &m.recipients {
                        insert_row.execute(rusqlite::params![
                            m.trace_id,
                            rcpt.to_lowercase(),
                            m.received,
                            m.sender.to_lowercase(),
                            m.subject,
                            m.message_id,
                            m.from_ip,
                            m.size as i64,
                        ])?;
                    }
                }
                Record::Event(e) => {
                    let rcpt = e.recipient.as_deref().unwrap_or_default().to_lowercase();
                    let blame = serde_json::to_string(&e.blame).unwrap_or_default();
                    insert_event.execute(rusqlite::params![
                        e.trace_id,
                        rcpt,
                        e.time_ms,
                        e.kind.name(),
                        e.detail,
                        e.revision.map(|r| r as i64),
                        blame,
                    ])?;
                    update_row(&tx, &e, &rcpt)?;
                }
                Record::Prune(cutoff) => {
                    tx.execute(
                        "DELETE FROM events WHERE trace_id IN (SELECT trace_id FROM messages WHERE received < ?1)",
                        [cutoff],
                    )?;
                    tx.execute("DELETE FROM messages WHERE received < ?1", [cutoff])?;
                    // Events of messages that never got rows (none should), by their time.
                    tx.execute("DELETE FROM events WHERE time_ms < ?1", [cutoff * 1000])?;
                }
                Record::Flush(w) => waiting.push(w),
            }
        }
    }
    tx.commit()
}

/// Moves a recipient's row (or every row of the message) to the event's status.
fn update_row(tx: &rusqlite::Transaction, e: &Event, rcpt: &str) -> rusqlite::Result<()> {
    // Two statements rather than one with `(all OR recipient = ?)`, so that each is a
    // primary key lookup.
    let set = |column: &str, value: &str| -> rusqlite::Result<usize> {
        if e.recipient.is_none() {
            tx.prepare_cached(&format!(
                "UPDATE messages SET {column} = ?1 WHERE trace_id = ?2"
            ))?
            .execute([value, &e.trace_id])
        } else {
            tx.prepare_cached(&format!(
                "UPDATE messages SET {column} = ?1 WHERE trace_id = ?2 AND recipient = ?3"
            ))?
            .execute([value, &e.trace_id, rcpt])
        }
    };
    if let Some(status) = e.kind.status() {
        set("status", status)?;
    }
    if let Some(ip) = &e.to_ip {
        set("to_ip", ip)?;
    }
    if let Some(d) = e.direction {
        set("direction", d.name())?;
    }
    if let Some(v) = e.verdict {
        set("verdict", v.name())?;
    }
    Ok(())
}
