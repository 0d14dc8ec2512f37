//! The relay's syncs: each enabled profile with a SyncIntervalMinutes is read again when
//! that long has passed since its last attempt (kept in the database, so a restart
//! neither repeats a sync nor skips one). A sync runs in its own task: whatever the
//! directory sends cannot take the relay down.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use chrono::Utc;
use tokio_rustls::rustls::ClientConfig;

use super::Sqlite;
use crate::state::model::DirectorySyncProfile;

/// How often the schedule is looked at.
const TICK: Duration = Duration::from_secs(15);

/// Runs forever: `profiles` gives the current state's profiles, `tls` the current roots.
pub async fn run(
    data_dir: PathBuf,
    profiles: impl Fn() -> Vec<DirectorySyncProfile>,
    tls: impl Fn() -> Arc<ClientConfig>,
) {
    let mut tick = tokio::time::interval(TICK);
    loop {
        tick.tick().await;
        for p in profiles() {
            if !p.enabled || p.sync_interval_minutes == 0 || !due(&data_dir, &p) {
                continue;
            }
            let (dir, config) = (data_dir.clone(), tls());
            let name = p.name.clone();
            let task =
                tokio::spawn(async move { super::sync(&p, &dir, config, false, &|_| {}).await });
            match task.await {
                Ok(Ok(s)) => tracing::info!(
                    profile = %name, added = s.added, changed = s.changed, removed = s.removed,
                    unchanged = s.unchanged, skipped = s.skipped.len(), "directory synchronised"
                ),
                Ok(Err(e)) => tracing::error!(
                    profile = %name, error = %e, help = %e.help(),
                    "directory sync failed: the recipients synchronised last still count"
                ),
                Err(e) => {
                    tracing::error!(profile = %name, error = %e, "directory sync crashed: the recipients synchronised last still count")
                }
            }
        }
    }
}

fn due(data_dir: &std::path::Path, p: &DirectorySyncProfile) -> bool {
    let last = Sqlite::open(data_dir)
        .and_then(|db| db.status(&p.name))
        .map(|s| s.last_sync_attempt);
    match last {
        Ok(None) => true,
        Ok(Some(at)) => {
            Utc::now() - at >= chrono::Duration::minutes(i64::from(p.sync_interval_minutes))
        }
        Err(e) => {
            tracing::warn!(profile = %p.name, error = %e, "directory database unreadable: sync postponed");
            false
        }
    }
}
