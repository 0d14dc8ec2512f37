//! What the outbound spam policy acts on: how many recipients each sender of the
//! organisation reached lately, and the senders restricted from sending (EOP's
//! Restricted entities, Get-BlockedSenderAddress). Operational data, not configuration:
//! SQLite under the data directory (`<data-dir>/outbound.db`, WAL mode, so a cmdlet
//! writes while the relay reads), never the state file. Two narrow traits, [`Counter`]
//! and [`Restricted`], are the whole interface, so a database several relays share can
//! hold them instead. Counts survive a restart: the windows slide over recorded rows.

use std::path::Path;
use std::time::Duration;

use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension, params};
use serde::Serialize;

pub use crate::policy::outbound::Sent;

/// The database's file name under the data directory.
pub const FILE: &str = "outbound.db";

/// How long sends are kept: the longest window (a day).
pub const KEPT: Duration = Duration::from_secs(24 * 3600);

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS sent (
    sender   TEXT NOT NULL,
    at       INTEGER NOT NULL,
    external INTEGER NOT NULL,
    internal INTEGER NOT NULL,
    spam     INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS sent_by_sender ON sent (sender, at);
CREATE TABLE IF NOT EXISTS restricted (
    sender  TEXT PRIMARY KEY,
    reason  TEXT NOT NULL,
    policy  TEXT NOT NULL,
    created INTEGER NOT NULL,
    until   INTEGER
) WITHOUT ROWID;
";

/// A sender restricted from sending, as Get-BlockedSenderAddress shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct BlockedSender {
    pub sender_address: String,
    /// Why, in words: the limit crossed, or outbound spam.
    pub reason: String,
    /// The outbound spam policy (and rule) that restricted it.
    pub policy: String,
    pub created_datetime: DateTime<Utc>,
    /// When the restriction ends by itself (BlockUserForToday); none for BlockUser.
    pub expires: Option<DateTime<Utc>>,
}

impl BlockedSender {
    pub fn active(&self, now: DateTime<Utc>) -> bool {
        self.expires.is_none_or(|e| e > now)
    }
}

#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct StoreError(#[from] rusqlite::Error);

/// Recipients per sender over sliding windows.
pub trait Counter {
    /// Records that `sender` reached `recipients` at `now`.
    fn record(
        &mut self,
        sender: &str,
        recipients: Sent,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError>;
    /// The recipients `sender` reached in the `window` up to `now`.
    fn count(&self, sender: &str, window: Duration, now: DateTime<Utc>)
    -> Result<Sent, StoreError>;
}

/// The restricted senders.
pub trait Restricted {
    /// Restricts a sender (again: the newer restriction stands).
    fn restrict(&mut self, entry: &BlockedSender) -> Result<(), StoreError>;
    /// The sender's restriction, if one is in force at `now`.
    fn restriction(
        &self,
        sender: &str,
        now: DateTime<Utc>,
    ) -> Result<Option<BlockedSender>, StoreError>;
    /// Every restriction in force at `now`, oldest first.
    fn restricted(&self, now: DateTime<Utc>) -> Result<Vec<BlockedSender>, StoreError>;
    /// Lifts a sender's restriction; whether there was one.
    fn lift(&mut self, sender: &str) -> Result<bool, StoreError>;
}

/// Both, in SQLite.
pub struct Sqlite {
    conn: Connection,
    /// Sends recorded since the last pruning of old rows.
    since_prune: u32,
}

/// Senders are compared as their lower-case address.
fn key(sender: &str) -> String {
    sender.to_ascii_lowercase()
}

fn time(secs: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(secs, 0).unwrap_or_default()
}

impl Sqlite {
    /// Opens the database, creating it if needed.
    pub fn open(data_dir: &Path) -> rusqlite::Result<Sqlite> {
        let _ = std::fs::create_dir_all(data_dir);
        let conn = Connection::open(data_dir.join(FILE))?;
        conn.busy_timeout(Duration::from_secs(10))?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        // WAL with NORMAL survives a crash of the relay (not of the machine), which is
        // what a count needs; a full fsync per message would cost the relay its speed.
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        conn.execute_batch(SCHEMA)?;
        Ok(Sqlite {
            conn,
            since_prune: 0,
        })
    }
}

impl Counter for Sqlite {
    fn record(
        &mut self,
        sender: &str,
        recipients: Sent,
        now: DateTime<Utc>,
    ) -> Result<(), StoreError> {
        self.conn
            .prepare_cached("INSERT INTO sent (sender, at, external, internal, spam) VALUES (?1, ?2, ?3, ?4, ?5)")?
            .execute(params![
                key(sender),
                now.timestamp(),
                recipients.external,
                recipients.internal,
                recipients.spam
            ])?;
        self.since_prune += 1;
        // Rows older than the longest window count for nothing: dropped now and then.
        if self.since_prune >= 1000 {
            self.since_prune = 0;
            self.conn.execute(
                "DELETE FROM sent WHERE at <= ?1",
                params![now.timestamp() - KEPT.as_secs() as i64],
            )?;
        }
        Ok(())
    }

    fn count(
        &self,
        sender: &str,
        window: Duration,
        now: DateTime<Utc>,
    ) -> Result<Sent, StoreError> {
        let sums: [i64; 3] = self
            .conn
            .prepare_cached(
                "SELECT coalesce(sum(external), 0), coalesce(sum(internal), 0),
                        coalesce(sum(spam), 0) FROM sent
                 WHERE sender = ?1 AND at > ?2",
            )?
            .query_row(
                params![key(sender), now.timestamp() - window.as_secs() as i64],
                |r| Ok([r.get(0)?, r.get(1)?, r.get(2)?]),
            )?;
        let n = |i: usize| sums[i].clamp(0, u32::MAX as i64) as u32;
        Ok(Sent {
            external: n(0),
            internal: n(1),
            spam: n(2),
        })
    }
}

fn blocked(r: &rusqlite::Row) -> rusqlite::Result<BlockedSender> {
    Ok(BlockedSender {
        sender_address: r.get(0)?,
        reason: r.get(1)?,
        policy: r.get(2)?,
        created_datetime: time(r.get(3)?),
        expires: r.get::<_, Option<i64>>(4)?.map(time),
    })
}

impl Restricted for Sqlite {
    fn restrict(&mut self, e: &BlockedSender) -> Result<(), StoreError> {
        self.conn.execute(
            "INSERT OR REPLACE INTO restricted (sender, reason, policy, created, until)
             VALUES (?1, ?2, ?3, ?4, ?5)",
            params![
                key(&e.sender_address),
                e.reason,
                e.policy,
                e.created_datetime.timestamp(),
                e.expires.map(|x| x.timestamp())
            ],
        )?;
        Ok(())
    }

    fn restriction(
        &self,
        sender: &str,
        now: DateTime<Utc>,
    ) -> Result<Option<BlockedSender>, StoreError> {
        Ok(self
            .conn
            .prepare_cached(
                "SELECT sender, reason, policy, created, until FROM restricted
                 WHERE sender = ?1 AND (until IS NULL OR until > ?2)",
            )?
            .query_row(params![key(sender), now.timestamp()], blocked)
            .optional()?)
    }

    fn restricted(&self, now: DateTime<Utc>) -> Result<Vec<BlockedSender>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT sender, reason, policy, created, until FROM restricted
             WHERE until IS NULL OR until > ?1 ORDER BY created, sender",
        )?;
        let rows = stmt.query_map(params![now.timestamp()], blocked)?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    fn lift(&mut self, sender: &str) -> Result<bool, StoreError> {
        Ok(self.conn.execute(
            "DELETE FROM restricted WHERE sender = ?1",
            params![key(sender)],
        )? > 0)
    }
}

/// The relay's handle: one connection, opened on first use, shared by the sessions
/// (callers run it on a blocking thread). A database that cannot be opened is reported
/// each time it is asked: the caller decides to let mail go on.
pub struct Shared {
    data_dir: std::path::PathBuf,
    db: std::sync::Mutex<Option<Sqlite>>,
}

/// What the relay reads at MAIL FROM for an outbound sender.
#[derive(Debug, Clone, Default)]
pub struct Standing {
    pub restriction: Option<BlockedSender>,
    pub hour: Sent,
    pub day: Sent,
}

/// The hour window.
pub const HOUR: Duration = Duration::from_secs(3600);

impl Shared {
    pub fn new(data_dir: &Path) -> Shared {
        Shared {
            data_dir: data_dir.to_path_buf(),
            db: std::sync::Mutex::new(None),
        }
    }

    fn with<T>(
        &self,
        f: impl FnOnce(&mut Sqlite) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        let mut db = self.db.lock().unwrap_or_else(|p| p.into_inner());
        if db.is_none() {
            *db = Some(Sqlite::open(&self.data_dir)?);
        }
        f(db.as_mut().expect("opened above"))
    }

    /// The sender's restriction and what it sent in the last hour and day.
    pub fn standing(&self, sender: &str, now: DateTime<Utc>) -> Result<Standing, StoreError> {
        self.with(|db| {
            Ok(Standing {
                restriction: db.restriction(sender, now)?,
                hour: db.count(sender, HOUR, now)?,
                day: db.count(sender, KEPT, now)?,
            })
        })
    }

    pub fn record(&self, sender: &str, sent: Sent, now: DateTime<Utc>) -> Result<(), StoreError> {
        self.with(|db| db.record(sender, sent, now))
    }

    pub fn restrict(&self, entry: &BlockedSender) -> Result<(), StoreError> {
        self.with(|db| db.restrict(entry))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_slide_and_survive_reopening() {
        let dir = tempfile::tempdir().unwrap();
        let t0 = DateTime::from_timestamp(1_800_000_000, 0).unwrap();
        let hour = Duration::from_secs(3600);
        {
            let mut db = Sqlite::open(dir.path()).unwrap();
            let one = Sent {
                external: 3,
                internal: 1,
                spam: 0,
            };
            db.record("Ann@Contoso.com", one, t0).unwrap();
            db.record("ann@contoso.com", one, t0 + chrono::Duration::minutes(30))
                .unwrap();
            db.record("bob@contoso.com", one, t0).unwrap();
        }
        let db = Sqlite::open(dir.path()).unwrap();
        let at = |m: i64| t0 + chrono::Duration::minutes(m);
        assert_eq!(
            db.count("ann@contoso.com", hour, at(31)).unwrap().external,
            6
        );
        // The first send left the hour at t0 + 60 min.
        assert_eq!(
            db.count("ann@contoso.com", hour, at(60)).unwrap(),
            Sent {
                external: 3,
                internal: 1,
                spam: 0
            }
        );
        assert_eq!(
            db.count("ann@contoso.com", KEPT, at(60)).unwrap().total(),
            8
        );
        assert_eq!(
            db.count("eve@contoso.com", KEPT, at(60)).unwrap().total(),
            0
        );
    }

    #[test]
    fn restrictions_expire_and_lift() {
        let dir = tempfile::tempdir().unwrap();
        let mut db = Sqlite::open(dir.path()).unwrap();
        let now = Utc::now();
        let entry = |who: &str, expires| BlockedSender {
            sender_address: who.into(),
            reason: "over the limit".into(),
            policy: "HostedOutboundSpamFilterPolicy \"Default\"".into(),
            created_datetime: now,
            expires,
        };
        db.restrict(&entry("Ann@contoso.com", None)).unwrap();
        db.restrict(&entry(
            "bob@contoso.com",
            Some(now + chrono::Duration::hours(1)),
        ))
        .unwrap();
        assert!(db.restriction("ann@CONTOSO.com", now).unwrap().is_some());
        assert_eq!(db.restricted(now).unwrap().len(), 2);
        let later = now + chrono::Duration::hours(2);
        assert!(db.restriction("bob@contoso.com", later).unwrap().is_none());
        assert!(db.lift("ann@contoso.com").unwrap());
        assert!(!db.lift("ann@contoso.com").unwrap());
        assert!(db.restricted(now).unwrap().len() == 1);
    }
}
