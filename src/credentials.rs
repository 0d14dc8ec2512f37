//! SMTP AUTH passwords and failed logins: operational data, so in SQLite under the data
//! directory (`<data-dir>/credentials.db`, WAL mode: the relay verifies while a cmdlet
//! sets a password), never in the state file, which only says that a mailbox or an SMTP
//! AUTH account exists. [`Store`] is the whole interface.
//!
//! Passwords are kept as Argon2id PHC strings (the `argon2` crate, its default cost).
//! [`verify`] checks a password against a stored hash, or against a fixed dummy hash when
//! the login names nobody or has no password, so a missing account costs the same time
//! as a wrong password. Failed logins are rows (key, time) counted over a window
//! (`policy::submission` decides what the counts allow); old rows are pruned as new ones
//! come, and every relay sharing the data directory sees the same counts.

use std::path::Path;
use std::sync::OnceLock;
use std::time::Duration;

use argon2::Argon2;
use argon2::password_hash::rand_core::OsRng;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use rusqlite::{Connection, OptionalExtension, params};

use crate::policy::Submitter;

/// The database's file name under the data directory.
pub const FILE: &str = "credentials.db";

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS passwords (
    kind    TEXT NOT NULL,
    name    TEXT NOT NULL COLLATE NOCASE,
    hash    TEXT NOT NULL,
    changed INTEGER NOT NULL,
    PRIMARY KEY (kind, name)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS failures (
    key  TEXT NOT NULL,
    time INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS failures_key ON failures (key, time);
";

#[derive(Debug, thiserror::Error)]
pub enum CredentialError {
    #[error("{0}")]
    Db(#[from] rusqlite::Error),
    #[error("could not hash the password: {0}")]
    Hash(String),
}

/// Where passwords and failed logins are kept.
pub trait Store {
    /// Sets (or replaces) the password hash of a mailbox or an account.
    fn set_password(
        &mut self,
        who: &Submitter,
        hash: &str,
        now: i64,
    ) -> Result<(), CredentialError>;
    /// The PHC string, if a password is set.
    fn password(&self, who: &Submitter) -> Result<Option<String>, CredentialError>;
    /// Forgets a password (the object was removed).
    fn remove_password(&mut self, who: &Submitter) -> Result<(), CredentialError>;
    /// Moves a password to the object's new name (same kind).
    fn rename(&mut self, from: &Submitter, to: &Submitter) -> Result<(), CredentialError>;
    /// Records a failed login under each key (a client address, a login name).
    fn fail(&mut self, keys: &[String], now: i64, window: i64) -> Result<(), CredentialError>;
    /// Failures under `key` since `since`.
    fn failures(&self, key: &str, since: i64) -> Result<u32, CredentialError>;
}

/// The store in SQLite.
pub struct Sqlite {
    conn: Connection,
}

impl Sqlite {
    /// Opens the database, creating it (readable by its owner only) if needed.
    pub fn open(data_dir: &Path) -> Result<Sqlite, CredentialError> {
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
}

impl Store for Sqlite {
    fn set_password(
        &mut self,
        who: &Submitter,
        hash: &str,
        now: i64,
    ) -> Result<(), CredentialError> {
        self.conn.execute(
            "INSERT OR REPLACE INTO passwords (kind, name, hash, changed) VALUES (?1, ?2, ?3, ?4)",
            params![who.kind(), who.name(), hash, now],
        )?;
        Ok(())
    }

    fn password(&self, who: &Submitter) -> Result<Option<String>, CredentialError> {
        Ok(self
            .conn
            .prepare_cached("SELECT hash FROM passwords WHERE kind = ?1 AND name = ?2")?
            .query_row(params![who.kind(), who.name()], |r| r.get(0))
            .optional()?)
    }

    fn remove_password(&mut self, who: &Submitter) -> Result<(), CredentialError> {
        self.conn.execute(
            "DELETE FROM passwords WHERE kind = ?1 AND name = ?2",
            params![who.kind(), who.name()],
        )?;
        Ok(())
    }

    fn rename(&mut self, from: &Submitter, to: &Submitter) -> Result<(), CredentialError> {
        self.conn.execute(
            "UPDATE OR REPLACE passwords SET name = ?3 WHERE kind = ?1 AND name = ?2",
            params![from.kind(), from.name(), to.name()],
        )?;
        Ok(())
    }

    fn fail(&mut self, keys: &[String], now: i64, window: i64) -> Result<(), CredentialError> {
        let tx = self.conn.transaction()?;
        tx.execute(
            "DELETE FROM failures WHERE time < ?1",
            params![now - window],
        )?;
        for k in keys {
            tx.execute(
                "INSERT INTO failures (key, time) VALUES (?1, ?2)",
                params![k, now],
            )?;
        }
        tx.commit()?;
        Ok(())
    }

    fn failures(&self, key: &str, since: i64) -> Result<u32, CredentialError> {
        Ok(self
            .conn
            .prepare_cached("SELECT count(*) FROM failures WHERE key = ?1 AND time >= ?2")?
            .query_row(params![key, since], |r| r.get(0))?)
    }
}

/// A new password's PHC string (Argon2id, a random salt).
pub fn hash(password: &str) -> Result<String, CredentialError> {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| CredentialError::Hash(e.to_string()))
}

/// A hash no password matches in practice, made once, verified against when there is no
/// real one so that the answer takes as long.
fn dummy() -> &'static str {
    static DUMMY: OnceLock<String> = OnceLock::new();
    DUMMY.get_or_init(|| {
        let mut random = [0u8; 32];
        use argon2::password_hash::rand_core::RngCore;
        OsRng.fill_bytes(&mut random);
        let text: String = random.iter().map(|b| format!("{b:02x}")).collect();
        hash(&text).expect("hashing a random string")
    })
}

/// Whether `password` matches `stored`; with no stored hash (or an unreadable one), the
/// dummy is verified and the answer is no. Takes an Argon2 verification either way.
pub fn verify(stored: Option<&str>, password: &str) -> bool {
    let parsed = stored.and_then(|s| PasswordHash::new(s).ok());
    match parsed {
        Some(h) => Argon2::default()
            .verify_password(password.as_bytes(), &h)
            .is_ok(),
        None => {
            let h = PasswordHash::new(dummy()).expect("the dummy hash parses");
            let _ = Argon2::default().verify_password(password.as_bytes(), &h);
            false
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_are_hashed_verified_and_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let mut db = Sqlite::open(dir.path()).unwrap();
        let ann = Submitter::Mailbox("Ann".into());
        assert_eq!(db.password(&ann).unwrap(), None);
        let h = hash("correct horse").unwrap();
        assert!(h.starts_with("$argon2id$"), "{h}");
        db.set_password(&ann, &h, 1).unwrap();
        let stored = db.password(&Submitter::Mailbox("ann".into())).unwrap();
        assert!(verify(stored.as_deref(), "correct horse"));
        assert!(!verify(stored.as_deref(), "Correct horse"));
        assert_eq!(
            db.password(&Submitter::Account("Ann".into())).unwrap(),
            None
        );
        db.set_password(&ann, &hash("new").unwrap(), 2).unwrap();
        assert!(!verify(
            db.password(&ann).unwrap().as_deref(),
            "correct horse"
        ));
        db.rename(&ann, &Submitter::Mailbox("Anna".into())).unwrap();
        assert_eq!(db.password(&ann).unwrap(), None);
        let anna = Submitter::Mailbox("Anna".into());
        assert!(verify(db.password(&anna).unwrap().as_deref(), "new"));
        db.remove_password(&anna).unwrap();
        assert_eq!(db.password(&anna).unwrap(), None);
        assert!(!verify(None, "anything"));
    }

    #[test]
    fn failures_are_counted_over_the_window_and_pruned() {
        let dir = tempfile::tempdir().unwrap();
        let mut db = Sqlite::open(dir.path()).unwrap();
        let keys = ["ip:192.0.2.1".to_string(), "login:ann".to_string()];
        db.fail(&keys, 100, 60).unwrap();
        db.fail(&keys[..1], 130, 60).unwrap();
        assert_eq!(db.failures("ip:192.0.2.1", 90).unwrap(), 2);
        assert_eq!(db.failures("login:ann", 90).unwrap(), 1);
        assert_eq!(db.failures("ip:192.0.2.1", 120).unwrap(), 1);
        db.fail(&keys[1..], 200, 60).unwrap();
        let rows: i64 = db
            .conn
            .query_row("SELECT count(*) FROM failures", [], |r| r.get(0))
            .unwrap();
        assert_eq!(rows, 1, "rows older than the window are gone");
    }
}
