//! The queue manager: takes accepted messages (already durable), delivers each recipient
//! along its route, retries temporary failures on a backoff schedule, expires what waited
//! too long, and sends DSNs for what failed.
//!
//! Remote recipients are grouped by destination (next hop and TLS policy). Per
//! destination at most `concurrency` connections are open (fewer than 50, as Microsoft
//! advises for EOP) and each carries at most MaxMessagesPerConnection messages (50 by default).

use std::collections::{BTreeSet, HashMap, VecDeque};
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use arc_swap::ArcSwap;
use tokio::sync::Notify;
use tracing::{info, warn};

use super::ndr::{self, Failure};
use super::spool::{Deferral, Envelope, QueuedRecipient, Spool, new_id, now_secs};
use crate::dns::Dns;
use crate::policy::{self, Facts, NextHop, Origin, OutboundTls, Route, SendLimits};
use crate::relay::Snapshot;
use crate::relay::delivery::mailbox;
use crate::relay::delivery::smtp::{Answer, Conn, ConnError};
use crate::relay::delivery::{DeliveryError, Via};
use crate::relay::metrics::Metrics;
use crate::trace::{self, Event, Kind, Trace};

mod admin;
mod dsn;
mod local;
mod remote;
mod scheduler;

pub use admin::{AdminError, MessageInfo, QueueInfo, Status};

/// One recipient's attempt: the next hop's reply (`None` from a Maildir, which gives
/// none), or why it was not delivered.
type Attempt = Result<Option<Answer>, DeliveryError>;

/// Delivery settings that are not part of the state (command-line options of `serve`).
#[derive(Debug, Clone)]
pub struct Settings {
    /// Waits between attempts; the last one repeats.
    pub retry: Vec<Duration>,
    /// How long a message may wait before it bounces.
    pub expire: Duration,
    /// The port MX hosts (and smart hosts without a port) are reached on.
    pub smtp_port: u16,
    /// Connections per destination at once.
    pub concurrency: usize,
    pub timeout: Duration,
    /// Trusted CA certificates (PEM): with the state's Trusted certificates, the roots of
    /// CertificateValidation, DomainValidation and inbound client certificates (read by
    /// `Snapshot::build`).
    pub ca_file: PathBuf,
}

impl Default for Settings {
    fn default() -> Self {
        // Postfix-like: first retry after 5 minutes, doubling up to about an hour;
        // expire after 2 days (Postfix's maximal_queue_lifetime is 5d; EOP keeps 2).
        let retry = [300, 600, 1200, 2400, 4000]
            .map(Duration::from_secs)
            .to_vec();
        Settings {
            retry,
            expire: Duration::from_secs(2 * 86_400),
            smtp_port: 25,
            concurrency: 20,
            timeout: Duration::from_secs(60),
            ca_file: PathBuf::from("/etc/ssl/certs/ca-certificates.crt"),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct DestKey {
    hop: NextHop,
    tls: OutboundTls,
    /// The Thumbprint of the client certificate presented.
    client_certificate: Option<String>,
    /// The service's internal headers go along (to on premises); else they are removed.
    keeps_service_headers: bool,
    /// The send connector's size limit and inactivity timeout.
    limits: SendLimits,
}

#[derive(Debug, Clone)]
struct Job {
    id: String,
    rcpts: Vec<usize>,
    attempt: u32,
}

#[derive(Default)]
struct Dest {
    pending: VecDeque<Job>,
    /// Workers (connections) of this destination, busy or idle.
    active: usize,
    /// Workers holding an open connection and waiting for a job.
    idle: usize,
    wake: Arc<Notify>,
    per_connection: u32,
}

struct MsgState {
    env: Arc<Envelope>,
    /// Recipients not finished with.
    open: BTreeSet<usize>,
    /// Held by Suspend-Message (kept in the spool as `<id>.suspended`).
    suspended: bool,
    /// Jobs that came due while suspended; Resume-Message sends them on.
    parked: Vec<Job>,
    /// The last temporary failure of each recipient, and when it is tried again.
    retry: HashMap<usize, (String, u64)>,
    attempts: u32,
}

#[derive(Default)]
struct Inner {
    messages: HashMap<String, MsgState>,
    dests: HashMap<DestKey, Dest>,
    /// Jobs waiting for their retry timer, by timer number.
    deferred: HashMap<u64, Job>,
    next_timer: u64,
}

pub struct Queue {
    spool: Spool,
    data_dir: PathBuf,
    settings: Settings,
    dns: Arc<dyn Dns>,
    snapshot: Arc<ArcSwap<Snapshot>>,
    inner: Mutex<Inner>,
    pub trace: Trace,
    pub metrics: Metrics,
}

impl Queue {
    pub fn new(
        spool: Spool,
        data_dir: PathBuf,
        settings: Settings,
        dns: Arc<dyn Dns>,
        snapshot: Arc<ArcSwap<Snapshot>>,
        trace: Trace,
    ) -> Arc<Queue> {
        Arc::new(Queue {
            spool,
            data_dir,
            settings,
            dns,
            snapshot,
            inner: Mutex::new(Inner::default()),
            trace,
            metrics: Metrics::default(),
        })
    }

    /// Makes a message durable, then schedules it. When this returns `Ok`, the message
    /// is on disk (fsync'd) and the client may be told 250.
    pub async fn accept(self: &Arc<Self>, env: Envelope, message: Vec<u8>) -> std::io::Result<()> {
        let q = self.clone();
        let env = tokio::task::spawn_blocking(move || q.spool.store(&env, &message).map(|()| env))
            .await
            .map_err(std::io::Error::other)??;
        let revision = self.snapshot.load().state.revision;
        for r in &env.recipients {
            self.trace.record(
                Event::new(
                    env.trace_id(),
                    Kind::Queue,
                    format!(
                        "queued for {}: {}",
                        queue_name(&r.route).0,
                        r.route.describe()
                    ),
                )
                .recipient(&r.rcpt)
                .revision(revision),
            );
        }
        self.schedule(Arc::new(env), &[], false, None);
        Ok(())
    }

    /// The data directory (the quarantine and the pickup directory live there).
    pub fn data_dir(&self) -> &std::path::Path {
        &self.data_dir
    }

    /// Loads what the spool holds (after a restart) and schedules it.
    pub fn recover(self: &Arc<Self>) -> usize {
        let all = self.spool.load_all();
        let n = all.len();
        for (env, done) in all {
            if done.len() >= env.recipients.len() {
                let _ = self.spool.remove(&env.id);
                continue;
            }
            let env = Arc::new(env);
            let open: Vec<usize> = (0..env.recipients.len())
                .filter(|i| !done.contains(i))
                .collect();
            let env = self.reroute(&env, &open);
            let suspended = self.spool.is_suspended(&env.id);
            let deferral = self.spool.deferral(&env.id);
            self.schedule(env, &done, suspended, deferral);
        }
        n
    }

    /// Messages still in the queue.
    pub fn len(&self) -> usize {
        self.inner.lock().unwrap().messages.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

fn remote_rcpt(r: &QueuedRecipient) -> String {
    match &r.route {
        Route::Remote { recipient, .. } => recipient.clone(),
        Route::Mailbox { primary, .. } => primary.clone(),
    }
}

fn humanize(d: Duration) -> String {
    let s = d.as_secs();
    if s >= 86_400 && s.is_multiple_of(86_400) {
        format!("{} days", s / 86_400)
    } else if s >= 3600 {
        format!("{} hours", s / 3600)
    } else {
        format!("{s} seconds")
    }
}

/// What a failure's trace event says about the DSN.
fn ndr_note(env: &Envelope) -> String {
    match &env.sender {
        Some(s) => format!("NDR sent to {s}"),
        None => "no NDR: the null sender gets none".into(),
    }
}

/// The queue a route waits in (its Identity, as Get-Queue names it) and its DeliveryType.
pub fn queue_name(route: &Route) -> (String, &'static str) {
    match route {
        Route::Mailbox { .. } => ("Maildir".into(), "SmtpDeliveryToMailbox"),
        Route::Remote { next_hop, .. } => (
            hop_name(next_hop),
            match next_hop {
                NextHop::SmartHosts(_) => "SmartHostConnectorDelivery",
                NextHop::Mx(_) => "DnsConnectorDelivery",
            },
        ),
    }
}

fn hop_name(hop: &NextHop) -> String {
    match hop {
        NextHop::SmartHosts(hosts) => hosts
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(","),
        NextHop::Mx(domain) => domain.clone(),
    }
}
