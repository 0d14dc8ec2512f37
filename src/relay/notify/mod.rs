//! Quarantine notifications ("Quarantine notifications (end-user spam notifications)"):
//! on the global EndUserSpamNotificationFrequency, each recipient with messages held
//! under a quarantine policy with ESNEnabled gets one digest of the messages new since
//! their last, with a signed link (`token`) per action the policy permits, served by the
//! web listener. The time of each recipient's last digest is kept in SQLite under the
//! data directory (`quarantine-notify.db`, behind [`SentLog`]), so the schedule survives
//! restarts. Notifications, and the admins' notice of a release request, are the relay's
//! own mail: routed as it, queued through `Queue::accept` and traced.

pub mod digest;
pub mod token;

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use arc_swap::ArcSwap;
use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension, params};
use tracing::{info, warn};

use super::Snapshot;
use super::quarantine::{self, Entry};
use super::queue::manager::Queue;
use super::queue::spool::{Envelope, QueuedRecipient, new_id, now_secs};
use crate::policy::{self, Facts, Origin};
use crate::state::State;
use crate::state::model::quarantine_policy::GlobalQuarantinePolicy;
use crate::trace::{self, Event, Kind};
use token::{Claim, Key, LinkAction};

/// When each recipient last got a notification.
pub trait SentLog {
    /// Milliseconds since the epoch, or `None` if never.
    fn last_sent(&self, recipient: &str) -> rusqlite::Result<Option<i64>>;
    fn record(&mut self, recipient: &str, at_ms: i64) -> rusqlite::Result<()>;
}

/// The log in SQLite (`<data-dir>/quarantine-notify.db`).
pub struct SqliteLog(Connection);

impl SqliteLog {
    pub fn open(data_dir: &Path) -> rusqlite::Result<SqliteLog> {
        let _ = std::fs::create_dir_all(data_dir);
        let c = Connection::open(data_dir.join("quarantine-notify.db"))?;
        c.busy_timeout(Duration::from_secs(10))?;
        c.pragma_update(None, "journal_mode", "WAL")?;
        c.execute_batch(
            "CREATE TABLE IF NOT EXISTS digests (recipient TEXT PRIMARY KEY, last_sent INTEGER NOT NULL) WITHOUT ROWID;",
        )?;
        Ok(SqliteLog(c))
    }
}

impl SentLog for SqliteLog {
    fn last_sent(&self, recipient: &str) -> rusqlite::Result<Option<i64>> {
        self.0
            .query_row(
                "SELECT last_sent FROM digests WHERE recipient = ?1",
                params![recipient.to_ascii_lowercase()],
                |r| r.get(0),
            )
            .optional()
    }

    fn record(&mut self, recipient: &str, at_ms: i64) -> rusqlite::Result<()> {
        self.0
            .execute(
                "INSERT INTO digests (recipient, last_sent) VALUES (?1, ?2) ON CONFLICT (recipient) DO UPDATE SET last_sent = ?2",
                params![recipient.to_ascii_lowercase(), at_ms],
            )
            .map(drop)
    }
}

/// Where notification links point: the web listener's public base URL
/// (`http://127.0.0.1:8080`, or the reverse proxy's `https://quarantine.contoso.com`).
#[derive(Clone)]
pub struct Links {
    pub base: String,
    pub key: Key,
}

impl Links {
    pub fn url(&self, entry: &Entry, recipient: &str, action: LinkAction) -> String {
        let t = self.key.sign(&Claim {
            message: entry.identity.clone(),
            recipient: recipient.to_string(),
            action,
            expires: entry.expires.timestamp(),
        });
        format!(
            "{}/quarantine/{}?t={t}",
            self.base.trim_end_matches('/'),
            action.slug()
        )
    }
}

/// The digests due at `now`: per recipient, the held messages new since their last one.
pub fn due<'e>(
    state: &State,
    entries: &'e [Entry],
    log: &impl SentLog,
    now: DateTime<Utc>,
) -> rusqlite::Result<BTreeMap<String, Vec<&'e Entry>>> {
    let frequency = state
        .global_quarantine_policy
        .end_user_spam_notification_frequency
        .seconds();
    let mut out: BTreeMap<String, Vec<&Entry>> = BTreeMap::new();
    for e in entries.iter().filter(|e| e.expires > now) {
        if !policy::quarantine::notifies(state, &e.tag_name, e.quarantine_type) {
            continue;
        }
        for r in e.recipient_address.iter().filter(|r| e.held_for(r)) {
            out.entry(r.to_ascii_lowercase()).or_default().push(e);
        }
    }
    let mut due = BTreeMap::new();
    for (r, list) in out {
        let last = log.last_sent(&r)?;
        let fresh: Vec<&Entry> = list
            .into_iter()
            .filter(|e| last.is_none_or(|l| e.received_time.timestamp_millis() > l))
            .collect();
        let last_secs = last.map(|l| l / 1000);
        if !fresh.is_empty()
            && policy::quarantine::digest_due(last_secs, now.timestamp(), frequency)
        {
            due.insert(r, fresh);
        }
    }
    Ok(due)
}

/// The organisation's name and its notification sender (the custom From address, else
/// quarantine@ its default accepted domain).
fn sender(state: &State, host: &str) -> (String, String) {
    let g: &GlobalQuarantinePolicy = &state.global_quarantine_policy;
    let name = g
        .multi_language_sender_name
        .first()
        .cloned()
        .unwrap_or_else(|| "Quarantine".into());
    let address = g
        .end_user_spam_notification_custom_from_address
        .as_ref()
        .map(ToString::to_string)
        .or_else(|| {
            state
                .accepted_domains
                .iter()
                .find(|d| d.default)
                .map(|d| format!("quarantine@{}", d.domain_name))
        })
        .unwrap_or_else(|| format!("quarantine@{host}"));
    (name, address)
}

/// Routes and queues a message of the relay's own to `to`, traced under `subject`.
pub async fn send_own(
    queue: &Arc<Queue>,
    snapshot: &Snapshot,
    to: &str,
    subject: &str,
    id: &str,
    bytes: Vec<u8>,
    what: &str,
) -> Result<(), String> {
    let rcpts = vec![to.to_string()];
    let decision = policy::decide(
        &snapshot.state,
        &Facts {
            origin: Origin::Local,
            sender: None,
            recipients: &rcpts,
            received_headers: None,
            tls: Default::default(),
        },
    );
    let route = match &decision.recipients[0].outcome {
        Ok(r) => r.clone(),
        Err(refusal) => return Err(format!("{to} cannot be routed: {refusal}")),
    };
    queue.trace.message(trace::Message {
        trace_id: id.to_string(),
        recipients: rcpts.clone(),
        received: now_secs() as i64,
        sender: String::new(),
        subject: subject.to_string(),
        message_id: format!("<{id}@{}>", snapshot.hostname),
        from_ip: "local".into(),
        size: bytes.len() as u64,
    });
    queue.trace.record(
        Event::new(id, Kind::Receive, format!("{what} from the relay itself"))
            .revision(snapshot.state.revision),
    );
    let env = Envelope {
        id: id.to_string(),
        sender: None,
        received_at: now_secs(),
        client: "local".into(),
        recipients: vec![QueuedRecipient {
            rcpt: to.to_string(),
            route,
        }],
        junk: false,
        trace_id: None,
    };
    queue.accept(env, bytes).await.map_err(|e| e.to_string())
}

/// Sends the digests due now; returns how many went.
async fn round(
    queue: &Arc<Queue>,
    snapshot: &Arc<ArcSwap<Snapshot>>,
    links: Option<&Links>,
) -> rusqlite::Result<usize> {
    let snap = snapshot.load_full();
    let data_dir = queue.data_dir().to_path_buf();
    let now = Utc::now();
    let (entries, mut log) = {
        let d = data_dir.clone();
        tokio::task::spawn_blocking(move || {
            SqliteLog::open(&d).map(|log| (quarantine::list(&d), log))
        })
        .await
        .map_err(|_| rusqlite::Error::InvalidQuery)??
    };
    let due = due(&snap.state, &entries, &log, now)?;
    let mut sent = 0;
    for (rcpt, held) in due {
        let items: Vec<digest::Item> = held
            .iter()
            .map(|e| digest::Item {
                entry: e,
                links: links.map_or_else(Vec::new, |l| {
                    LinkAction::ALL
                        .into_iter()
                        .filter(|a| {
                            policy::quarantine::permitted(
                                &snap.state,
                                &e.tag_name,
                                e.quarantine_type,
                                a.permission(),
                            )
                        })
                        .map(|a| (a, l.url(e, &rcpt, a)))
                        .collect()
                }),
            })
            .collect();
        let (from_name, from_address) = sender(&snap.state, &snap.hostname);
        let g = &snap.state.global_quarantine_policy;
        let id = new_id();
        let message_id = format!("{id}@{}", snap.hostname);
        let subject = g.esn_custom_subject.first().cloned().unwrap_or_else(|| {
            format!(
                "Quarantine notification: {} message(s) held for you",
                items.len()
            )
        });
        let organization = if snap.state.organization.name.is_empty() {
            "your organization"
        } else {
            &snap.state.organization.name
        };
        let header = digest::Header {
            from_name: &from_name,
            from_address: &from_address,
            to: &rcpt,
            subject: subject.clone(),
            organization,
            disclaimer: g
                .multi_language_custom_disclaimer
                .first()
                .map(String::as_str),
            message_id: &message_id,
            date: now,
        };
        let bytes = match digest::build(&header, &items) {
            Ok(b) => b,
            Err(e) => {
                warn!(recipient = %rcpt, error = %e, "could not build a quarantine notification");
                continue;
            }
        };
        let what = format!("quarantine notification of {} held message(s)", items.len());
        match send_own(queue, &snap, &rcpt, &subject, &id, bytes, &what).await {
            Ok(()) => {
                log.record(&rcpt, now.timestamp_millis())?;
                info!(recipient = %rcpt, queue_id = %id, messages = items.len(), "quarantine notification queued");
                sent += 1;
            }
            Err(e) => {
                warn!(recipient = %rcpt, error = %e, "could not queue a quarantine notification")
            }
        }
    }
    Ok(sent)
}

/// Sends digests as they fall due, checking every `every`. Without `links` (no web
/// listener) digests still list the messages, without actions.
pub async fn run(
    queue: Arc<Queue>,
    snapshot: Arc<ArcSwap<Snapshot>>,
    links: Option<Links>,
    every: Duration,
) {
    if links.is_none() {
        info!("quarantine notifications carry no links: the web listener is off (serve --web)");
    }
    let mut tick = tokio::time::interval(every);
    loop {
        tick.tick().await;
        if let Err(e) = round(&queue, &snapshot, links.as_ref()).await {
            warn!(error = %e, "quarantine notifications: the notification log is unreadable; retrying");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_log_survives_reopening() {
        let d = tempfile::tempdir().unwrap();
        let mut log = SqliteLog::open(d.path()).unwrap();
        assert_eq!(log.last_sent("Bob@contoso.com").unwrap(), None);
        log.record("Bob@contoso.com", 5).unwrap();
        log.record("bob@contoso.com", 7).unwrap();
        drop(log);
        let log = SqliteLog::open(d.path()).unwrap();
        assert_eq!(log.last_sent("bob@contoso.com").unwrap(), Some(7));
    }
}
