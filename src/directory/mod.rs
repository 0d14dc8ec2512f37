//! Directory synchronisation: MailUsers read from an LDAP directory (Active Directory,
//! OpenLDAP) so Directory Based Edge Blocking knows every recipient, as Microsoft Entra
//! Connect fills Exchange Online from Active Directory and Proxmox Mail Gateway syncs LDAP.
//!
//! What a sync brought is operational data, not configuration: it lives in SQLite under
//! the data directory (`directory.db`, WAL: the relay reads while `Start-DirectorySync`
//! writes), with the profiles' bind passwords (the file is the owner's alone). The relay
//! syncs on each profile's schedule ([`schedule`]) and polls the database's generation
//! ([`Live`]) to swap the users into the state's `synced` cell. A sync that fails keeps
//! the last list: an unreachable directory must never empty DBEB.

mod ldap;
mod schedule;
mod store;

use std::path::Path;
use std::sync::{Arc, Mutex};

use chrono::{DateTime, Utc};
use serde::Serialize;

pub use ldap::{Entry, FetchError};
pub use schedule::run as schedule;
pub use store::{FILE, Sqlite};

use crate::state::model::DirectorySyncProfile;
use crate::state::synced::{Index, Synced};

/// What one sync changed (or, with -WhatIf, would change).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct Summary {
    pub profile: String,
    pub added: usize,
    pub changed: usize,
    pub removed: usize,
    pub unchanged: usize,
    /// Entries with no usable address, by DN (they are not recipients).
    #[serde(skip)]
    pub skipped: Vec<String>,
}

/// A profile's last sync, as Get-DirectorySyncProfile shows it.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct Status {
    pub last_sync_attempt: Option<DateTime<Utc>>,
    pub last_successful_sync: Option<DateTime<Utc>>,
    pub synced_users: usize,
    pub last_error: Option<String>,
}

/// Why a sync did not change the list.
#[derive(Debug, thiserror::Error)]
pub enum SyncError {
    #[error(transparent)]
    Fetch(#[from] Box<FetchError>),
    #[error(
        "the directory returned no recipients, and {had} were synchronised before: the list is kept"
    )]
    Emptied { had: usize },
    #[error("directory database {path}: {source}")]
    Database {
        path: String,
        #[source]
        source: rusqlite::Error,
    },
}

impl SyncError {
    pub fn help(&self) -> String {
        match self {
            SyncError::Fetch(e) => e.help(),
            SyncError::Emptied { .. } => "check -BaseDN and -Filter with `eopctl Get-DirectorySyncProfile`; if the directory really has no recipients now, remove the profile with Remove-DirectorySyncProfile".into(),
            SyncError::Database { .. } => "check the data directory's permissions and free space".into(),
        }
    }
}

fn database(data_dir: &Path, source: rusqlite::Error) -> SyncError {
    SyncError::Database {
        path: data_dir.join(FILE).display().to_string(),
        source,
    }
}

/// One sync of `profile`: read the directory, then replace the profile's users in one
/// transaction (unless `what_if`). A failure is recorded and changes no user.
pub async fn sync(
    profile: &DirectorySyncProfile,
    data_dir: &Path,
    tls: Arc<tokio_rustls::rustls::ClientConfig>,
    what_if: bool,
    progress: &(dyn Fn(usize) + Sync),
) -> Result<Summary, SyncError> {
    let password = Sqlite::open(data_dir)
        .and_then(|db| db.password(&profile.name))
        .map_err(|e| database(data_dir, e))?;
    let fetched = ldap::fetch(profile, password.as_deref(), tls, progress).await;
    let mut db = Sqlite::open(data_dir).map_err(|e| database(data_dir, e))?;
    let now = Utc::now();
    let result = fetched
        .map_err(|e| SyncError::Fetch(Box::new(e)))
        .and_then(|found| {
            let had = db.count(&profile.name).map_err(|e| database(data_dir, e))?;
            // Entra Connect's "prevent accidental deletes", at its bluntest: a directory
            // that suddenly answers nothing is more likely misconfigured than empty.
            if found.entries.is_empty() && had > 0 {
                return Err(SyncError::Emptied { had });
            }
            let mut summary = db
                .apply(&profile.name, &found.entries, what_if, now)
                .map_err(|e| database(data_dir, e))?;
            summary.skipped = found.skipped;
            Ok(summary)
        });
    if !what_if {
        let error = result.as_ref().err().map(|e| e.to_string());
        if let Err(e) = db.attempted(&profile.name, now, error.as_deref()) {
            tracing::warn!(profile = %profile.name, error = %e, "could not record the sync's result");
        }
    }
    result
}

/// The TLS client configuration for ldaps:// and StartTLS: the directory's certificate
/// must chain to `roots` (the system's and the state's Trusted certificates).
pub fn client_config(
    roots: tokio_rustls::rustls::RootCertStore,
) -> Arc<tokio_rustls::rustls::ClientConfig> {
    use tokio_rustls::rustls;
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let config = rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .expect("ring supports the default protocol versions")
        .with_root_certificates(roots)
        .with_no_client_auth();
    Arc::new(config)
}

/// The synchronised users in the data directory (none if nothing was ever synced).
pub fn load(data_dir: &Path) -> rusqlite::Result<Index> {
    match Sqlite::open_existing(data_dir)? {
        Some(db) => Ok(Index::new(db.users()?)),
        None => Ok(Index::default()),
    }
}

/// Keeps a [`Synced`] cell equal to the database: [`Live::refresh`] reloads the users when
/// a sync or a cmdlet changed them.
pub struct Live {
    data_dir: std::path::PathBuf,
    pub synced: Synced,
    /// The generation loaded, and the connection it was read on.
    seen: Mutex<(Option<i64>, Option<Sqlite>)>,
}

impl Live {
    pub fn new(data_dir: &Path) -> Live {
        Live {
            data_dir: data_dir.to_path_buf(),
            synced: Synced::default(),
            seen: Mutex::new((None, None)),
        }
    }

    /// Reloads if the generation moved; says whether it did. An unreadable database keeps
    /// the users read last (logged).
    pub fn refresh(&self) -> bool {
        let mut seen = self.seen.lock().unwrap_or_else(|p| p.into_inner());
        if seen.1.is_none() {
            match Sqlite::open_existing(&self.data_dir) {
                Ok(db) => seen.1 = db,
                Err(e) => {
                    tracing::warn!(error = %e, "directory database unreadable: the recipients read last still count");
                    return false;
                }
            }
        }
        let Some(db) = &seen.1 else {
            return false;
        };
        let read = db.generation().and_then(|g| {
            if seen.0 == Some(g) {
                return Ok(None);
            }
            Ok(Some((g, db.users()?)))
        });
        match read {
            Ok(Some((generation, users))) => {
                tracing::info!(users = users.len(), "synchronised recipients loaded");
                self.synced.replace(Index::new(users));
                seen.0 = Some(generation);
                true
            }
            Ok(None) => false,
            Err(e) => {
                tracing::warn!(error = %e, "directory database unreadable: the recipients read last still count");
                false
            }
        }
    }
}
