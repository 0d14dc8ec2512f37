//! `directory.db`: the synchronised users by profile and DN, and each profile's bind
//! password and last sync. The file is created owner-only: it holds passwords.

use std::collections::HashMap;
use std::path::Path;
use std::time::Duration;

use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension, params};

use super::{Entry, Status, Summary};
use crate::state::model::MailUser;
use crate::state::synced::SyncedUser;

/// The database's file name under the data directory.
pub const FILE: &str = "directory.db";

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS users (
    profile          TEXT NOT NULL COLLATE NOCASE,
    dn               TEXT NOT NULL,
    name             TEXT NOT NULL,
    display_name     TEXT NOT NULL,
    primary_address  TEXT NOT NULL,
    external_address TEXT NOT NULL,
    addresses        TEXT NOT NULL,
    PRIMARY KEY (profile, dn)
);
CREATE TABLE IF NOT EXISTS profiles (
    profile      TEXT PRIMARY KEY COLLATE NOCASE,
    password     TEXT,
    last_attempt INTEGER,
    last_success INTEGER,
    last_error   TEXT
);
CREATE TABLE IF NOT EXISTS meta (
    key   TEXT PRIMARY KEY,
    value INTEGER NOT NULL
) WITHOUT ROWID;
INSERT OR IGNORE INTO meta (key, value) VALUES ('generation', 0);
";

pub struct Sqlite {
    conn: Connection,
}

/// A user as stored: the MailUser's fields, its further addresses one per line.
fn user(r: &rusqlite::Row) -> rusqlite::Result<SyncedUser> {
    let address = |i: usize, text: &str| {
        text.parse().map_err(|e: crate::state::values::ValueError| {
            rusqlite::Error::FromSqlConversionFailure(
                i,
                rusqlite::types::Type::Text,
                e.to_string().into(),
            )
        })
    };
    let addresses: String = r.get(6)?;
    Ok(SyncedUser {
        profile: r.get(0)?,
        user: MailUser {
            name: r.get(2)?,
            display_name: r.get(3)?,
            primary_smtp_address: address(4, &r.get::<_, String>(4)?)?,
            external_email_address: address(5, &r.get::<_, String>(5)?)?,
            email_addresses: addresses
                .lines()
                .map(|a| address(6, a))
                .collect::<rusqlite::Result<_>>()?,
        },
    })
}

fn row(u: &MailUser) -> [String; 5] {
    [
        u.name.clone(),
        u.display_name.clone(),
        u.primary_smtp_address.to_string(),
        u.external_email_address.to_string(),
        u.email_addresses
            .iter()
            .map(|a| a.to_string())
            .collect::<Vec<_>>()
            .join("\n"),
    ]
}

fn bump(tx: &rusqlite::Transaction) -> rusqlite::Result<()> {
    tx.execute(
        "UPDATE meta SET value = value + 1 WHERE key = 'generation'",
        [],
    )
    .map(drop)
}

const USER_COLUMNS: &str =
    "profile, dn, name, display_name, primary_address, external_address, addresses";

impl Sqlite {
    /// Opens the database, creating it (owner-only) if needed.
    pub fn open(data_dir: &Path) -> rusqlite::Result<Sqlite> {
        let _ = std::fs::create_dir_all(data_dir);
        let path = data_dir.join(FILE);
        let conn = Connection::open(&path)?;
        {
            use std::os::unix::fs::PermissionsExt;
            let _ = std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600));
        }
        conn.busy_timeout(Duration::from_secs(10))?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.execute_batch(SCHEMA)?;
        Ok(Sqlite { conn })
    }

    /// Opens the database if it exists.
    pub fn open_existing(data_dir: &Path) -> rusqlite::Result<Option<Sqlite>> {
        if !data_dir.join(FILE).exists() {
            return Ok(None);
        }
        Sqlite::open(data_dir).map(Some)
    }

    /// Moves with every change; the relay reloads when it does.
    pub fn generation(&self) -> rusqlite::Result<i64> {
        self.conn
            .query_row("SELECT value FROM meta WHERE key = 'generation'", [], |r| {
                r.get(0)
            })
    }

    /// Every synchronised user, by profile then name.
    pub fn users(&self) -> rusqlite::Result<Vec<SyncedUser>> {
        self.conn
            .prepare(&format!(
                "SELECT {USER_COLUMNS} FROM users ORDER BY profile, name"
            ))?
            .query_map([], user)?
            .collect()
    }

    pub fn count(&self, profile: &str) -> rusqlite::Result<usize> {
        self.conn.query_row(
            "SELECT COUNT(*) FROM users WHERE profile = ?1",
            params![profile],
            |r| r.get(0),
        )
    }

    /// Makes the profile's users `entries` (by DN): adds, changes and removes, in one
    /// transaction; with `what_if` only counts.
    pub fn apply(
        &mut self,
        profile: &str,
        entries: &[Entry],
        what_if: bool,
        now: DateTime<Utc>,
    ) -> rusqlite::Result<Summary> {
        let tx = self.conn.transaction()?;
        let mut before: HashMap<String, [String; 5]> = HashMap::new();
        {
            let mut q = tx.prepare(&format!(
                "SELECT {USER_COLUMNS} FROM users WHERE profile = ?1"
            ))?;
            let mut rows = q.query(params![profile])?;
            while let Some(r) = rows.next()? {
                let dn: String = r.get(1)?;
                before.insert(dn, row(&user(r)?.user));
            }
        }
        let mut summary = Summary {
            profile: profile.to_string(),
            ..Summary::default()
        };
        for e in entries {
            let now_row = row(&e.user);
            match before.remove(&e.dn) {
                None => summary.added += 1,
                Some(old) if old == now_row => {
                    summary.unchanged += 1;
                    continue;
                }
                Some(_) => summary.changed += 1,
            }
            if !what_if {
                let [name, display, primary, external, addresses] = now_row;
                tx.execute(
                    &format!("INSERT OR REPLACE INTO users ({USER_COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"),
                    params![profile, e.dn, name, display, primary, external, addresses],
                )?;
            }
        }
        summary.removed = before.len();
        if !what_if {
            for dn in before.keys() {
                tx.execute(
                    "DELETE FROM users WHERE profile = ?1 AND dn = ?2",
                    params![profile, dn],
                )?;
            }
            tx.execute(
                "INSERT INTO profiles (profile, last_success) VALUES (?1, ?2)
                 ON CONFLICT (profile) DO UPDATE SET last_success = ?2",
                params![profile, now.timestamp()],
            )?;
            bump(&tx)?;
            tx.commit()?;
        }
        Ok(summary)
    }

    /// Records an attempt and its error (`None`: it succeeded).
    pub fn attempted(
        &self,
        profile: &str,
        at: DateTime<Utc>,
        error: Option<&str>,
    ) -> rusqlite::Result<()> {
        self.conn
            .execute(
                "INSERT INTO profiles (profile, last_attempt, last_error) VALUES (?1, ?2, ?3)
                 ON CONFLICT (profile) DO UPDATE SET last_attempt = ?2, last_error = ?3",
                params![profile, at.timestamp(), error],
            )
            .map(drop)
    }

    pub fn status(&self, profile: &str) -> rusqlite::Result<Status> {
        let time = |s: Option<i64>| s.and_then(|s| DateTime::from_timestamp(s, 0));
        let found = self
            .conn
            .query_row(
                "SELECT last_attempt, last_success, last_error FROM profiles WHERE profile = ?1",
                params![profile],
                |r| {
                    Ok(Status {
                        last_sync_attempt: time(r.get(0)?),
                        last_successful_sync: time(r.get(1)?),
                        synced_users: 0,
                        last_error: r.get(2)?,
                    })
                },
            )
            .optional()?;
        Ok(Status {
            synced_users: self.count(profile)?,
            ..found.unwrap_or_default()
        })
    }

    pub fn password(&self, profile: &str) -> rusqlite::Result<Option<String>> {
        self.conn
            .query_row(
                "SELECT password FROM profiles WHERE profile = ?1",
                params![profile],
                |r| r.get(0),
            )
            .optional()
            .map(Option::flatten)
    }

    pub fn set_password(&self, profile: &str, password: &str) -> rusqlite::Result<()> {
        self.conn
            .execute(
                "INSERT INTO profiles (profile, password) VALUES (?1, ?2)
                 ON CONFLICT (profile) DO UPDATE SET password = ?2",
                params![profile, password],
            )
            .map(drop)
    }

    /// Removes a profile's users, password and history (Remove-DirectorySyncProfile).
    pub fn forget(&mut self, profile: &str) -> rusqlite::Result<usize> {
        let tx = self.conn.transaction()?;
        let n = tx.execute("DELETE FROM users WHERE profile = ?1", params![profile])?;
        tx.execute("DELETE FROM profiles WHERE profile = ?1", params![profile])?;
        bump(&tx)?;
        tx.commit()?;
        Ok(n)
    }

    /// Replaces a synchronised user's fields (Set-MailUser; the next sync rewrites them)
    /// or removes it (`None`: Remove-MailUser; the next sync brings it back if the
    /// directory still has it). Says whether the user was found.
    pub fn edit(
        &mut self,
        profile: &str,
        name: &str,
        new: Option<&MailUser>,
    ) -> rusqlite::Result<bool> {
        let tx = self.conn.transaction()?;
        let n = match new {
            Some(u) => {
                let [n, display, primary, external, addresses] = row(u);
                tx.execute(
                    "UPDATE users SET name = ?3, display_name = ?4, primary_address = ?5,
                     external_address = ?6, addresses = ?7 WHERE profile = ?1 AND name = ?2",
                    params![profile, name, n, display, primary, external, addresses],
                )?
            }
            None => tx.execute(
                "DELETE FROM users WHERE profile = ?1 AND name = ?2",
                params![profile, name],
            )?,
        };
        bump(&tx)?;
        tx.commit()?;
        Ok(n > 0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(dn: &str, address: &str) -> Entry {
        Entry {
            dn: dn.into(),
            user: MailUser {
                name: dn
                    .split(',')
                    .next()
                    .unwrap()
                    .trim_start_matches("uid=")
                    .into(),
                display_name: String::new(),
                primary_smtp_address: address.parse().unwrap(),
                external_email_address: address.parse().unwrap(),
                email_addresses: Vec::new(),
            },
        }
    }

    #[test]
    fn a_sync_adds_changes_and_removes_by_dn_and_what_if_writes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let mut db = Sqlite::open(dir.path()).unwrap();
        let now = Utc::now();
        let first = [
            entry("uid=ann,o=c", "ann@contoso.com"),
            entry("uid=bob,o=c", "bob@contoso.com"),
        ];
        let s = db.apply("Corp", &first, false, now).unwrap();
        assert_eq!((s.added, s.changed, s.removed, s.unchanged), (2, 0, 0, 0));
        let g = db.generation().unwrap();
        let second = [
            entry("uid=ann,o=c", "ann.smith@contoso.com"),
            entry("uid=cy,o=c", "cy@contoso.com"),
        ];
        let s = db.apply("corp", &second, true, now).unwrap();
        assert_eq!((s.added, s.changed, s.removed, s.unchanged), (1, 1, 1, 0));
        assert_eq!(db.generation().unwrap(), g, "-WhatIf changed the database");
        assert_eq!(db.count("Corp").unwrap(), 2);
        db.apply("corp", &second, false, now).unwrap();
        let names: Vec<String> = db
            .users()
            .unwrap()
            .into_iter()
            .map(|u| u.user.primary_smtp_address.to_string())
            .collect();
        assert_eq!(names, ["ann.smith@contoso.com", "cy@contoso.com"]);
        let s = db.apply("Corp", &second, false, now).unwrap();
        assert_eq!(s.unchanged, 2);
        assert_eq!(db.status("Corp").unwrap().synced_users, 2);
        db.set_password("Corp", "s3cret").unwrap();
        assert_eq!(db.password("CORP").unwrap().as_deref(), Some("s3cret"));
        assert_eq!(db.forget("Corp").unwrap(), 2);
        assert!(db.users().unwrap().is_empty());
    }
}
