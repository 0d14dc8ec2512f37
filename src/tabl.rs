//! The Tenant Allow/Block List's entries: operational data, not configuration, so they
//! live in SQLite under the data directory (`<data-dir>/tenantallowblocklist.db`, WAL
//! mode: the relay reads while a cmdlet writes), never in the state file. The cmdlets
//! write them through [`Store`]; the relay and Test-MessageRoute read the live ones and
//! hand them to `policy::tabl` as compiled [`Lists`]. [`Store`] is the whole interface, so
//! another database (one several relays share) can hold them instead.
//!
//! Every write bumps a generation number: the relay polls it ([`Live::refresh`]) and
//! recompiles when it moved, or when the next entry's expiry has passed (expired entries
//! stay in the database, shown by `Get-TenantAllowBlockListItems -Expired`, but act no more).

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use arc_swap::ArcSwap;
use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension, params};
use serde::Serialize;

use crate::policy::tabl::{Action, Entry, ListType, Lists, UserBlock};

/// The database's file name under the data directory.
pub const FILE: &str = "tenantallowblocklist.db";

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS entries (
    id           TEXT PRIMARY KEY,
    list_type    TEXT NOT NULL,
    value        TEXT NOT NULL,
    action       TEXT NOT NULL,
    expiration   INTEGER,
    remove_after INTEGER,
    last_used    INTEGER,
    notes        TEXT NOT NULL,
    created      INTEGER NOT NULL,
    modified     INTEGER NOT NULL,
    UNIQUE (list_type, value)
);
CREATE TABLE IF NOT EXISTS user_blocked_senders (
    recipient TEXT NOT NULL,
    sender    TEXT NOT NULL,
    origin    TEXT NOT NULL,
    created   INTEGER NOT NULL,
    PRIMARY KEY (recipient, sender)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS meta (
    key   TEXT PRIMARY KEY,
    value INTEGER NOT NULL
) WITHOUT ROWID;
INSERT OR IGNORE INTO meta (key, value) VALUES ('generation', 0);
";

/// One entry, as Get-TenantAllowBlockListItems shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct Item {
    pub identity: String,
    pub list_type: ListType,
    pub value: String,
    pub action: Action,
    /// A fixed end (-ExpirationDate); `None` with `remove_after`, or never.
    pub expiration_date: Option<DateTime<Utc>>,
    /// Days after the entry was last used (or last changed) that it goes (-RemoveAfter).
    pub remove_after: Option<u32>,
    pub last_used_date: Option<DateTime<Utc>>,
    pub notes: String,
    pub created_date_time: DateTime<Utc>,
    pub last_modified_date_time: DateTime<Utc>,
}

impl Item {
    /// When the entry stops acting; `None` never.
    pub fn expires(&self) -> Option<DateTime<Utc>> {
        self.expiration_date.or_else(|| {
            let days = self.remove_after?;
            let from = self
                .last_used_date
                .map_or(self.last_modified_date_time, |u| {
                    u.max(self.last_modified_date_time)
                });
            Some(from + chrono::Duration::days(i64::from(days)))
        })
    }

    pub fn expired(&self, now: DateTime<Utc>) -> bool {
        self.expires().is_some_and(|e| e <= now)
    }

    /// The entry as the policy judges with it.
    pub fn entry(&self) -> Entry {
        Entry {
            id: self.identity.clone(),
            list_type: self.list_type,
            value: self.value.clone(),
            action: self.action,
            expires: self.expires().map(|e| e.timestamp()),
        }
    }
}

/// A new entry (its value already in normal form, `policy::tabl::normalize`).
#[derive(Debug, Clone)]
pub struct NewItem {
    pub list_type: ListType,
    pub value: String,
    pub action: Action,
    pub expiration: Option<DateTime<Utc>>,
    pub remove_after: Option<u32>,
    pub notes: String,
}

/// What Set-TenantAllowBlockListItems changes; `None` leaves a field alone.
#[derive(Debug, Clone, Default)]
pub struct Change {
    /// A new end: a date, or `Some(None)` for none (-NoExpiration).
    pub expiration: Option<Option<DateTime<Utc>>>,
    pub remove_after: Option<Option<u32>>,
    pub notes: Option<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{0}")]
    Db(#[from] rusqlite::Error),
    /// The value is on the list already.
    #[error("{list} entry {value} exists already (Identity {identity})")]
    Exists {
        list: &'static str,
        value: String,
        identity: String,
    },
}

/// Where entries are kept.
pub trait Store {
    /// Adds entries, all or none; an expired entry of the same value is replaced.
    fn add(&mut self, items: &[NewItem], now: DateTime<Utc>) -> Result<Vec<Item>, StoreError>;
    /// Every entry (expired ones too), of one list or all, oldest first.
    fn list(&self, list: Option<ListType>) -> Result<Vec<Item>, StoreError>;
    /// Changes entries by Identity; returns them as they are now.
    fn update(
        &mut self,
        ids: &[String],
        change: &Change,
        now: DateTime<Utc>,
    ) -> Result<Vec<Item>, StoreError>;
    /// Removes entries by Identity; returns how many went.
    fn remove(&mut self, ids: &[String]) -> Result<usize, StoreError>;
    /// Moves with every write: readers recompile when it does.
    fn generation(&self) -> Result<i64, StoreError>;
    /// Blocks `sender` for one recipient only (a user's Block sender from a quarantine
    /// notification); says whether it was new.
    fn block_for_recipient(&mut self, block: &UserBlock) -> Result<bool, StoreError>;
    /// Every sender blocked for one recipient.
    fn recipient_blocks(&self) -> Result<Vec<UserBlock>, StoreError>;
    /// Records that entries acted now (LastUsedDate). Not a change of the list: the
    /// generation stays, and an entry kept by its use outlives its old expiry when the
    /// reader recompiles then.
    fn used(&mut self, ids: &[String], now: DateTime<Utc>) -> Result<(), StoreError>;
}

/// The entries in SQLite.
pub struct Sqlite {
    conn: Connection,
}

fn time(secs: Option<i64>) -> Option<DateTime<Utc>> {
    secs.and_then(|s| DateTime::from_timestamp(s, 0))
}

fn item(r: &rusqlite::Row) -> rusqlite::Result<Item> {
    let text = |i: usize| r.get::<_, String>(i);
    let bad = |i: usize, what: &str| {
        rusqlite::Error::FromSqlConversionFailure(
            i,
            rusqlite::types::Type::Text,
            format!("not a {what}").into(),
        )
    };
    Ok(Item {
        identity: text(0)?,
        list_type: ListType::parse(&text(1)?).ok_or_else(|| bad(1, "list type"))?,
        value: text(2)?,
        action: Action::parse(&text(3)?).ok_or_else(|| bad(3, "action"))?,
        expiration_date: time(r.get(4)?),
        remove_after: r.get::<_, Option<i64>>(5)?.map(|d| d.clamp(0, 3650) as u32),
        last_used_date: time(r.get(6)?),
        notes: text(7)?,
        created_date_time: time(Some(r.get(8)?)).unwrap_or_default(),
        last_modified_date_time: time(Some(r.get(9)?)).unwrap_or_default(),
    })
}

const COLUMNS: &str =
    "id, list_type, value, action, expiration, remove_after, last_used, notes, created, modified";

/// An Identity nobody can guess or reuse: a digest of the value, the time and a counter.
fn new_id(item: &NewItem, now: DateTime<Utc>) -> String {
    use sha2::{Digest, Sha256};
    use std::sync::atomic::{AtomicU64, Ordering};
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let mut h = Sha256::new();
    h.update(item.list_type.name());
    h.update(&item.value);
    h.update(now.timestamp_nanos_opt().unwrap_or_default().to_le_bytes());
    h.update(std::process::id().to_le_bytes());
    h.update(COUNTER.fetch_add(1, Ordering::Relaxed).to_le_bytes());
    h.finalize()[..12]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

impl Sqlite {
    /// Opens the database, creating it if needed.
    pub fn open(data_dir: &Path) -> rusqlite::Result<Sqlite> {
        let _ = std::fs::create_dir_all(data_dir);
        let conn = Connection::open(data_dir.join(FILE))?;
        conn.busy_timeout(Duration::from_secs(10))?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.execute_batch(SCHEMA)?;
        Ok(Sqlite { conn })
    }

    /// Opens the database if it exists (no entries otherwise).
    pub fn open_existing(data_dir: &Path) -> rusqlite::Result<Option<Sqlite>> {
        if !data_dir.join(FILE).exists() {
            return Ok(None);
        }
        Sqlite::open(data_dir).map(Some)
    }

    fn get(&self, id: &str) -> rusqlite::Result<Option<Item>> {
        self.conn
            .prepare_cached(&format!("SELECT {COLUMNS} FROM entries WHERE id = ?1"))?
            .query_row(params![id], item)
            .optional()
    }
}

fn bump(tx: &rusqlite::Transaction) -> rusqlite::Result<()> {
    tx.execute(
        "UPDATE meta SET value = value + 1 WHERE key = 'generation'",
        [],
    )
    .map(drop)
}

impl Store for Sqlite {
    fn add(&mut self, items: &[NewItem], now: DateTime<Utc>) -> Result<Vec<Item>, StoreError> {
        let tx = self.conn.transaction()?;
        let mut ids = Vec::new();
        for it in items {
            let old: Option<Item> = tx
                .prepare_cached(&format!(
                    "SELECT {COLUMNS} FROM entries WHERE list_type = ?1 AND value = ?2"
                ))?
                .query_row(params![it.list_type.name(), it.value], item)
                .optional()?;
            if let Some(old) = old {
                if !old.expired(now) {
                    return Err(StoreError::Exists {
                        list: it.list_type.name(),
                        value: it.value.clone(),
                        identity: old.identity,
                    });
                }
                tx.execute("DELETE FROM entries WHERE id = ?1", params![old.identity])?;
            }
            let id = new_id(it, now);
            tx.execute(
                &format!(
                    "INSERT INTO entries ({COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, NULL, ?7, ?8, ?8)"
                ),
                params![
                    id,
                    it.list_type.name(),
                    it.value,
                    it.action.name(),
                    it.expiration.map(|e| e.timestamp()),
                    it.remove_after,
                    it.notes,
                    now.timestamp()
                ],
            )?;
            ids.push(id);
        }
        bump(&tx)?;
        tx.commit()?;
        let mut out = Vec::new();
        for id in ids {
            out.extend(self.get(&id)?);
        }
        Ok(out)
    }

    fn list(&self, list: Option<ListType>) -> Result<Vec<Item>, StoreError> {
        let mut stmt = self.conn.prepare_cached(&format!(
            "SELECT {COLUMNS} FROM entries WHERE ?1 IS NULL OR list_type = ?1 ORDER BY created, rowid"
        ))?;
        let rows = stmt.query_map(params![list.map(ListType::name)], item)?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    fn update(
        &mut self,
        ids: &[String],
        change: &Change,
        now: DateTime<Utc>,
    ) -> Result<Vec<Item>, StoreError> {
        let tx = self.conn.transaction()?;
        for id in ids {
            if let Some(e) = change.expiration {
                tx.execute(
                    "UPDATE entries SET expiration = ?2 WHERE id = ?1",
                    params![id, e.map(|e| e.timestamp())],
                )?;
            }
            if let Some(r) = change.remove_after {
                tx.execute(
                    "UPDATE entries SET remove_after = ?2 WHERE id = ?1",
                    params![id, r],
                )?;
            }
            if let Some(n) = &change.notes {
                tx.execute(
                    "UPDATE entries SET notes = ?2 WHERE id = ?1",
                    params![id, n],
                )?;
            }
            tx.execute(
                "UPDATE entries SET modified = ?2 WHERE id = ?1",
                params![id, now.timestamp()],
            )?;
        }
        bump(&tx)?;
        tx.commit()?;
        let mut out = Vec::new();
        for id in ids {
            out.extend(self.get(id)?);
        }
        Ok(out)
    }

    fn remove(&mut self, ids: &[String]) -> Result<usize, StoreError> {
        let tx = self.conn.transaction()?;
        let mut n = 0;
        for id in ids {
            n += tx.execute("DELETE FROM entries WHERE id = ?1", params![id])?;
        }
        bump(&tx)?;
        tx.commit()?;
        Ok(n)
    }

    fn generation(&self) -> Result<i64, StoreError> {
        Ok(self
            .conn
            .query_row("SELECT value FROM meta WHERE key = 'generation'", [], |r| {
                r.get(0)
            })?)
    }

    fn block_for_recipient(&mut self, block: &UserBlock) -> Result<bool, StoreError> {
        let tx = self.conn.transaction()?;
        let n = tx.execute(
            "INSERT OR IGNORE INTO user_blocked_senders (recipient, sender, origin, created) VALUES (?1, ?2, ?3, ?4)",
            params![
                block.recipient.to_ascii_lowercase(),
                block.sender.to_ascii_lowercase(),
                block.origin,
                block.created
            ],
        )?;
        if n > 0 {
            bump(&tx)?;
        }
        tx.commit()?;
        Ok(n > 0)
    }

    fn recipient_blocks(&self) -> Result<Vec<UserBlock>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT recipient, sender, origin, created FROM user_blocked_senders ORDER BY created",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(UserBlock {
                recipient: r.get(0)?,
                sender: r.get(1)?,
                origin: r.get(2)?,
                created: r.get(3)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    fn used(&mut self, ids: &[String], now: DateTime<Utc>) -> Result<(), StoreError> {
        let tx = self.conn.transaction()?;
        for id in ids {
            tx.execute(
                "UPDATE entries SET last_used = max(coalesce(last_used, 0), ?2) WHERE id = ?1",
                params![id, now.timestamp()],
            )?;
        }
        tx.commit()?;
        Ok(())
    }
}

/// The live entries of a data directory's database, compiled (an empty list when there is
/// no database).
pub fn load(data_dir: &Path, now: DateTime<Utc>) -> Result<Lists, StoreError> {
    Ok(match Sqlite::open_existing(data_dir)? {
        Some(db) => compile(&db, now)?,
        None => Lists::default(),
    })
}

/// The live entries and the per-recipient blocks of a store, compiled.
fn compile(db: &impl Store, now: DateTime<Utc>) -> Result<Lists, StoreError> {
    let items = db.list(None)?;
    Ok(Lists::build(items.iter().map(Item::entry), now.timestamp())
        .with_recipient_blocks(db.recipient_blocks()?))
}

/// The relay's view: the compiled live entries, swapped for a new compilation when the
/// database changes or an entry expires. Sessions read [`Live::current`]; the relay's
/// loop calls [`Live::refresh`].
pub struct Live {
    data_dir: PathBuf,
    lists: ArcSwap<Lists>,
    /// The generation compiled, and the connection it was read on.
    seen: Mutex<(Option<i64>, Option<Sqlite>)>,
}

impl Live {
    /// No entries until the first [`Live::refresh`] reads them. An unreadable database
    /// is logged and acts as empty: the list is an override, not a condition for mail to
    /// flow.
    pub fn new(data_dir: &Path) -> Live {
        Live {
            data_dir: data_dir.to_path_buf(),
            lists: ArcSwap::from_pointee(Lists::default()),
            seen: Mutex::new((None, None)),
        }
    }

    pub fn current(&self) -> Arc<Lists> {
        self.lists.load_full()
    }

    /// Records that entries acted (best effort: a lost LastUsedDate only shortens an
    /// allow entry's life).
    pub fn used(&self, ids: &[String], now: DateTime<Utc>) {
        let mut seen = self.seen.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(db) = seen.1.as_mut()
            && let Err(e) = db.used(ids, now)
        {
            tracing::warn!(error = %e, "could not record the Tenant Allow/Block List entries' last use");
        }
    }

    /// Recompiles if the entries changed or one expired since; says whether it did.
    pub fn refresh(&self, now: DateTime<Utc>) -> bool {
        let mut seen = self.seen.lock().unwrap_or_else(|p| p.into_inner());
        if seen.1.is_none() {
            match Sqlite::open_existing(&self.data_dir) {
                Ok(db) => seen.1 = db,
                Err(e) => {
                    tracing::warn!(error = %e, "Tenant Allow/Block List unreadable: no entries act");
                    return false;
                }
            }
        }
        let Some(db) = &seen.1 else {
            return false;
        };
        let generation = match db.generation() {
            Ok(g) => g,
            Err(e) => {
                tracing::warn!(error = %e, "Tenant Allow/Block List unreadable: the last entries read still act");
                return false;
            }
        };
        let expired = self
            .lists
            .load()
            .next_expiry()
            .is_some_and(|x| x <= now.timestamp());
        if seen.0 == Some(generation) && !expired {
            return false;
        }
        match compile(db, now) {
            Ok(lists) => {
                tracing::info!(
                    entries = lists.len(),
                    generation,
                    "Tenant Allow/Block List loaded"
                );
                self.lists.store(Arc::new(lists));
                seen.0 = Some(generation);
                true
            }
            Err(e) => {
                tracing::warn!(error = %e, "Tenant Allow/Block List unreadable: the last entries read still act");
                false
            }
        }
    }
}

#[cfg(test)]
mod tests;
