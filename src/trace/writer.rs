//! The trace's one writer thread: records come down a channel and are committed in
//! batches, one transaction for whatever has queued up, so recording never blocks the relay.

use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

use rusqlite::Connection;

use super::{Event, FILE, Kind, Message, Received, open_write};

/// Why the trace cannot start.
#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error("{}: {source}", path.display())]
    Open {
        path: PathBuf,
        #[source]
        source: rusqlite::Error,
    },
    #[error("cannot start the trace writer thread: {0}")]
    Thread(#[source] std::io::Error),
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

    /// Starts the writer thread over `<data_dir>/trace.db`.
    pub fn start(data_dir: &Path) -> Result<Trace, StartError> {
        let path: PathBuf = data_dir.join(FILE);
        let conn = open_write(&path).map_err(|source| StartError::Open {
            path: path.clone(),
            source,
        })?;
        let (tx, rx) = mpsc::channel();
        std::thread::Builder::new()
            .name("trace-writer".into())
            .spawn(move || writer(conn, rx))
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
        for (rcpt, route, blame) in r.recipients {
            self.record(
                Event::new(r.id, Kind::Verdict, route)
                    .recipient(rcpt)
                    .revision(r.revision)
                    .blame(blame),
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

fn writer(mut conn: Connection, rx: mpsc::Receiver<Record>) {
    while let Ok(first) = rx.recv() {
        let mut batch = vec![first];
        while batch.len() < BATCH {
            match rx.try_recv() {
                Ok(r) => batch.push(r),
                Err(_) => break,
            }
        }
        let mut waiting = Vec::new();
        if let Err(e) = commit(&mut conn, batch, &mut waiting) {
            tracing::warn!(error = %e, "message trace: cannot record a batch");
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
    Ok(())
}
