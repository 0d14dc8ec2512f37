//! Message trace: what happened to each message, kept in an SQLite database under the
//! data directory (`<data-dir>/trace.db`, WAL mode, so `Get-MessageTrace` reads while the
//! relay writes).
//!
//! Two tables: `messages` has one row per (message, recipient) with its current status
//! (Exchange's statuses: GettingStatus, Pending, Delivered, Failed, Expanded, Quarantined,
//! FilteredAsSpam); `events` has one row per event, with the state revision it was decided
//! under and the objects that decided it (the policy's Blame list).
//!
//! # Recording (the relay and its stages)
//!
//! A [`Trace`] is a cheap, cloneable handle. [`Trace::message`] records a new message
//! (its rows, status GettingStatus); [`Trace::record`] records any [`Event`]:
//!
//! ```text
//! trace.record(Event::new(&queue_id, Kind::Quarantine, "SCL 9 from the spam filter")
//!     .recipient("ann@contoso.com")
//!     .revision(snapshot.state.revision)
//!     .blame(vec![Blame::new("HostedContentFilterPolicy \"Default\"", "SCL 9")]));
//! ```
//!
//! An event for no recipient concerns the whole message. Each [`Kind`] says which status
//! it leaves the recipient in ([`Kind::status`]); a stage that needs a new kind adds a
//! variant. Neither call blocks the SMTP path: records go down a channel to one writer
//! thread that commits them in batches (one transaction for whatever has queued up), so a
//! busy relay pays one fsync per batch, not per event. The writer also prunes rows older
//! than OrganizationConfig's MessageTraceRetentionDays when asked ([`Trace::prune`]).
//!
//! # Reading (the cmdlets)
//!
//! [`open_read`], [`query`] and [`details`] serve Get-MessageTrace and
//! Get-MessageTraceDetail. They work with the relay stopped; the busy timeout covers the
//! moments the writer holds the lock.

use std::path::Path;
use std::time::Duration;

use rusqlite::{Connection, OpenFlags};
use serde::Serialize;

use crate::policy::Blame;
use crate::policy::direction::Direction;

/// The database's file name under the data directory.
pub const FILE: &str = "trace.db";

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS messages (
    trace_id   TEXT NOT NULL,
    recipient  TEXT NOT NULL,
    received   INTEGER NOT NULL,
    sender     TEXT NOT NULL,
    subject    TEXT NOT NULL,
    message_id TEXT NOT NULL,
    from_ip    TEXT NOT NULL,
    to_ip      TEXT NOT NULL DEFAULT '',
    size       INTEGER NOT NULL,
    status     TEXT NOT NULL,
    direction  TEXT NOT NULL DEFAULT '',
    verdict    TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (trace_id, recipient)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS messages_received ON messages (received);
CREATE INDEX IF NOT EXISTS messages_sender ON messages (sender, received);
CREATE INDEX IF NOT EXISTS messages_recipient ON messages (recipient, received);
CREATE INDEX IF NOT EXISTS messages_message_id ON messages (message_id);
CREATE INDEX IF NOT EXISTS messages_from_ip ON messages (from_ip, received);
CREATE INDEX IF NOT EXISTS messages_to_ip ON messages (to_ip, received);
CREATE INDEX IF NOT EXISTS messages_status ON messages (status, received);
CREATE TABLE IF NOT EXISTS events (
    id        INTEGER PRIMARY KEY,
    trace_id  TEXT NOT NULL,
    recipient TEXT NOT NULL,
    time_ms   INTEGER NOT NULL,
    event     TEXT NOT NULL,
    detail    TEXT NOT NULL,
    revision  INTEGER,
    blame     TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS events_trace ON events (trace_id, id);
CREATE INDEX IF NOT EXISTS events_time ON events (time_ms);
";

/// Columns added after the first release, for a trace.db written before them (SQLite
/// has no ADD COLUMN IF NOT EXISTS), then the index the reports read (it names them).
const UPGRADES: &[(&str, &str)] = &[
    (
        "direction",
        "ALTER TABLE messages ADD COLUMN direction TEXT NOT NULL DEFAULT ''",
    ),
    (
        "verdict",
        "ALTER TABLE messages ADD COLUMN verdict TEXT NOT NULL DEFAULT ''",
    ),
];
/// Covers the reports' counts (time, direction, verdict) so they read the index alone.
const REPORT_INDEX: &str =
    "CREATE INDEX IF NOT EXISTS messages_report ON messages (received, direction, verdict)";

/// The statuses Get-MessageTrace shows and filters on, as Exchange spells them.
pub const STATUSES: &[&str] = &[
    "GettingStatus",
    "Pending",
    "Delivered",
    "Failed",
    "Expanded",
    "Quarantined",
    "FilteredAsSpam",
];

/// What happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Accepted from a client (client IP, receive connector, TLS, size, Message-ID).
    Receive,
    /// A policy verdict (recipient resolution, sender check), with its Blame.
    Verdict,
    /// Handed to the queue for a next hop.
    Queue,
    /// Written to a hosted mailbox's Maildir.
    Deliver,
    /// Sent to the next hop (its reply).
    Send,
    /// A temporary failure: retried later.
    Defer,
    /// A permanent failure; a DSN went to the sender (or none, for the null sender).
    Fail,
    /// Expanded to several recipients.
    Expand,
    /// Sent to another recipient instead.
    Redirect,
    /// Held in quarantine.
    Quarantine,
    /// Released from quarantine.
    Release,
    /// Filtered as spam (delivered to Junk, or dropped).
    Spam,
    /// A mail flow rule acted on it.
    TransportRule,
    /// Routed again under the current state (Retry-Queue -Resubmit, or a retry).
    Resubmit,
    /// Held by Suspend-Message.
    Suspend,
    /// Let go by Resume-Message.
    Resume,
    /// Removed from the queue by Remove-Message without a DSN.
    Drop,
}

impl Kind {
    /// The name Get-MessageTraceDetail shows (Exchange's Event column).
    pub fn name(self) -> &'static str {
        match self {
            Kind::Receive => "Receive",
            Kind::Verdict => "Verdict",
            Kind::Queue => "Queue",
            Kind::Deliver => "Deliver",
            Kind::Send => "Send external",
            Kind::Defer => "Defer",
            Kind::Fail => "Fail",
            Kind::Expand => "Expand",
            Kind::Redirect => "Redirect",
            Kind::Quarantine => "Quarantine",
            Kind::Release => "Release",
            Kind::Spam => "Spam",
            Kind::TransportRule => "Transport rule",
            Kind::Resubmit => "Resubmit",
            Kind::Suspend => "Suspend",
            Kind::Resume => "Resume",
            Kind::Drop => "Drop",
        }
    }

    /// The status the recipient is in after this event, when the event changes it.
    pub fn status(self) -> Option<&'static str> {
        match self {
            Kind::Queue | Kind::Defer | Kind::Release | Kind::Resubmit => Some("Pending"),
            Kind::Deliver | Kind::Send => Some("Delivered"),
            Kind::Fail | Kind::Drop => Some("Failed"),
            Kind::Expand => Some("Expanded"),
            Kind::Quarantine => Some("Quarantined"),
            Kind::Spam => Some("FilteredAsSpam"),
            _ => None,
        }
    }
}

/// What a filter made of a message for a recipient: its final disposition, which EOP's
/// reports count by (`report::EVENT_TYPES` maps each to EOP's event types). The last
/// verdict recorded for a recipient stands; a recipient with none was good mail. A stage
/// that decides a new kind of fate adds a variant here and a row there.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Verdict {
    /// Filtered as spam (Junk, quarantine, deleted or redirected by anti-spam).
    Spam,
    /// Phishing (quarantined as Phish or HighConfidencePhish).
    Phish,
    /// Malware: refused, or quarantined.
    Malware,
    /// A mail flow rule matched and acted.
    TransportRule,
    /// Refused at RCPT: Directory Based Edge Blocking (an unknown recipient).
    EdgeBlock,
}

impl Verdict {
    pub const ALL: [Verdict; 5] = [
        Verdict::Spam,
        Verdict::Phish,
        Verdict::Malware,
        Verdict::TransportRule,
        Verdict::EdgeBlock,
    ];

    /// The word kept in the `verdict` column.
    pub fn name(self) -> &'static str {
        match self {
            Verdict::Spam => "Spam",
            Verdict::Phish => "Phish",
            Verdict::Malware => "Malware",
            Verdict::TransportRule => "TransportRule",
            Verdict::EdgeBlock => "EdgeBlock",
        }
    }

    pub fn parse(s: &str) -> Option<Verdict> {
        Verdict::ALL.into_iter().find(|v| v.name() == s)
    }
}

/// One event of a message.
#[derive(Debug, Clone)]
pub struct Event {
    pub trace_id: String,
    /// `None`: the whole message.
    pub recipient: Option<String>,
    pub kind: Kind,
    pub detail: String,
    /// The state revision the decision was made under.
    pub revision: Option<u64>,
    /// The objects that decided, in order.
    pub blame: Vec<Blame>,
    /// Milliseconds since the epoch.
    pub time_ms: i64,
    /// The next hop's address, for Get-MessageTrace -ToIP.
    pub to_ip: Option<String>,
    /// The recipient's direction, for the reports (set once, at arrival).
    pub direction: Option<Direction>,
    /// The recipient's disposition, for the reports (the last one stands).
    pub verdict: Option<Verdict>,
}

impl Event {
    pub fn new(trace_id: &str, kind: Kind, detail: impl Into<String>) -> Event {
        Event {
            trace_id: trace_id.to_string(),
            recipient: None,
            kind,
            detail: detail.into(),
            revision: None,
            blame: Vec::new(),
            time_ms: chrono::Utc::now().timestamp_millis(),
            to_ip: None,
            direction: None,
            verdict: None,
        }
    }

    pub fn recipient(mut self, r: impl Into<String>) -> Event {
        self.recipient = Some(r.into());
        self
    }

    pub fn revision(mut self, r: u64) -> Event {
        self.revision = Some(r);
        self
    }

    pub fn blame(mut self, b: Vec<Blame>) -> Event {
        self.blame = b;
        self
    }

    pub fn to_ip(mut self, ip: impl Into<String>) -> Event {
        self.to_ip = Some(ip.into());
        self
    }

    pub fn direction(mut self, d: Direction) -> Event {
        self.direction = Some(d);
        self
    }

    pub fn verdict(mut self, v: Verdict) -> Event {
        self.verdict = Some(v);
        self
    }
}

/// A new message: one row per recipient.
#[derive(Debug, Clone)]
pub struct Message {
    pub trace_id: String,
    pub recipients: Vec<String>,
    /// Seconds since the epoch.
    pub received: i64,
    pub sender: String,
    pub subject: String,
    pub message_id: String,
    pub from_ip: String,
    pub size: u64,
}

impl Message {
    /// A message as accepted: Subject and Message-ID come from its header section.
    pub fn of(
        trace_id: &str,
        sender: Option<&str>,
        recipients: Vec<String>,
        from_ip: String,
        bytes: &[u8],
    ) -> Message {
        Message {
            trace_id: trace_id.to_string(),
            recipients,
            received: chrono::Utc::now().timestamp(),
            sender: sender.unwrap_or_default().to_string(),
            subject: header(bytes, "Subject"),
            message_id: header(bytes, "Message-ID"),
            from_ip,
            size: bytes.len() as u64,
        }
    }
}

/// What the SMTP session knows of a message it accepted.
pub struct Received<'a> {
    pub id: &'a str,
    pub sender: Option<&'a str>,
    pub client_ip: String,
    pub helo: &'a str,
    /// The receive connector's name.
    pub connector: &'a str,
    pub tls: bool,
    pub revision: u64,
    /// How the client was identified.
    pub client: Blame,
    /// The message's size as queued (with the fields the relay adds).
    pub size: u64,
    /// Each recipient, its route, and the Blame of the policy's verdict.
    pub recipients: Vec<(String, String, Vec<Blame>)>,
    /// Each recipient's direction, in the order of `recipients`.
    pub directions: Vec<Direction>,
}

/// The first header field `name` in the header section, unfolded; "" when absent.
pub fn header(message: &[u8], name: &str) -> String {
    let mut value: Option<String> = None;
    for line in message.split(|b| *b == b'\n') {
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        if line.is_empty() {
            break;
        }
        let text = String::from_utf8_lossy(line);
        match &mut value {
            Some(v) if line[0] == b' ' || line[0] == b'\t' => {
                v.push(' ');
                v.push_str(text.trim());
            }
            Some(_) => break,
            None => {
                if let Some((field, rest)) = text.split_once(':')
                    && field.trim().eq_ignore_ascii_case(name)
                {
                    value = Some(rest.trim().to_string());
                }
            }
        }
    }
    value.unwrap_or_default()
}

/// Opens a database with the settings every user shares: WAL, and a wait for the lock
/// instead of an immediate SQLITE_BUSY.
fn configure(conn: &Connection) -> rusqlite::Result<()> {
    conn.busy_timeout(Duration::from_secs(5))?;
    conn.pragma_update(None, "journal_mode", "WAL")?;
    // WAL with synchronous=NORMAL is durable across application crashes; a power loss
    // can lose the last batches of trace, never the mail (the spool has its own fsyncs).
    conn.pragma_update(None, "synchronous", "NORMAL")?;
    Ok(())
}

/// Opens (creating) the database for writing.
pub fn open_write(path: &Path) -> rusqlite::Result<Connection> {
    let conn = Connection::open(path)?;
    configure(&conn)?;
    create(&conn)?;
    Ok(conn)
}

/// Creates the tables, or brings an older file's up to date.
fn create(conn: &Connection) -> rusqlite::Result<()> {
    conn.execute_batch(SCHEMA)?;
    let mut have = Vec::new();
    let mut stmt = conn.prepare("SELECT name FROM pragma_table_info('messages')")?;
    for name in stmt.query_map([], |r| r.get::<_, String>(0))? {
        have.push(name?);
    }
    for (column, sql) in UPGRADES {
        if !have.iter().any(|h| h == column) {
            conn.execute(sql, [])?;
        }
    }
    conn.execute(REPORT_INDEX, [])?;
    Ok(())
}

/// Opens the database for queries; `None` when no message was ever traced.
pub fn open_read(data_dir: &Path) -> rusqlite::Result<Option<Connection>> {
    let path = data_dir.join(FILE);
    if !path.exists() {
        return Ok(None);
    }
    let conn = Connection::open_with_flags(
        &path,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    configure(&conn)?;
    create(&conn)?;
    Ok(Some(conn))
}

mod query;
pub mod report;
mod writer;

pub use query::{DetailRow, Filter, TraceRow, details, oldest, query, time_text};
pub use writer::{StartError, Trace};

#[cfg(test)]
mod tests {
    use super::*;

    fn msg(id: &str, received: i64, rcpts: &[&str]) -> Message {
        Message {
            trace_id: id.into(),
            recipients: rcpts.iter().map(|s| s.to_string()).collect(),
            received,
            sender: "A@X.example".into(),
            subject: "hello".into(),
            message_id: format!("<{id}@x.example>"),
            from_ip: "192.0.2.1".into(),
            size: 10,
        }
    }

    #[test]
    fn record_query_details_prune() {
        let dir = tempfile::tempdir().unwrap();
        let t = Trace::start(dir.path()).unwrap();
        let now = chrono::Utc::now().timestamp();
        t.message(msg("T1", now, &["b@y.example", "c@y.example"]));
        t.message(msg("T0", now - 100 * 86_400, &["b@y.example"]));
        t.record(Event::new("T1", Kind::Receive, "from 192.0.2.1").revision(3));
        t.record(
            Event::new("T1", Kind::Deliver, "maildir")
                .recipient("B@y.example")
                .blame(vec![Blame::new("Mailbox \"B\"", "hosted")]),
        );
        t.record(Event::new("T1", Kind::Defer, "421 busy").recipient("c@y.example"));
        assert!(t.flush(Duration::from_secs(10)));
        let conn = open_read(dir.path()).unwrap().unwrap();
        let all = Filter {
            start: 0,
            end: now + 10,
            page_size: 100,
            page: 1,
            ..Filter::default()
        };
        let rows = query(&conn, &all).unwrap();
        assert_eq!(rows.len(), 3);
        assert_eq!(rows[0].status, "Delivered");
        assert_eq!(rows[1].status, "Pending");
        assert_eq!(rows[0].sender_address, "a@x.example");
        let delivered = Filter {
            statuses: vec!["Delivered".into()],
            recipients: vec!["*@Y.example".into()],
            ..all.clone()
        };
        assert_eq!(query(&conn, &delivered).unwrap().len(), 1);
        let page2 = Filter {
            page_size: 2,
            page: 2,
            ..all.clone()
        };
        assert_eq!(query(&conn, &page2).unwrap()[0].message_trace_id, "T0");
        let d = details(&conn, "T1", "b@y.example").unwrap();
        let events: Vec<&str> = d.iter().map(|r| r.event.as_str()).collect();
        assert_eq!(events, ["Receive", "Deliver"]);
        assert_eq!(d[0].state_revision, Some(3));
        assert_eq!(d[1].decided_by, ["Mailbox \"B\""]);
        assert!(details(&conn, "T1", "z@y.example").unwrap().is_empty());
        t.prune(90);
        assert!(t.flush(Duration::from_secs(10)));
        assert_eq!(query(&conn, &all).unwrap().len(), 2);
        assert_eq!(oldest(&conn).unwrap(), Some(now));
    }

    #[test]
    fn header_fields_unfolded() {
        let m =
            b"Received: x\r\nSubject: two\r\n  lines\r\nMessage-ID: <1@x>\r\n\r\nSubject: body\r\n";
        assert_eq!(header(m, "subject"), "two lines");
        assert_eq!(header(m, "Message-ID"), "<1@x>");
        assert_eq!(header(m, "To"), "");
    }
}
