//! The queue manager: takes accepted messages (already durable), delivers each recipient
//! along its route, retries temporary failures on a backoff schedule, expires what waited
//! too long, and sends DSNs for what failed.
//!
//! Remote recipients are grouped by destination (next hop and TLS policy). Per
//! destination at most `concurrency` connections are open (fewer than 50, as the seeds
//! advise) and each carries at most MaxMessagesPerConnection messages (50 by default).

use std::collections::{BTreeSet, HashMap, VecDeque};
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use arc_swap::ArcSwap;
use tokio::sync::Notify;
use tracing::{info, warn};

use super::ndr::{self, Failure};
use super::spool::{Envelope, QueuedRecipient, Spool, new_id, now_secs};
use crate::dns::Dns;
use crate::policy::{self, Facts, NextHop, Origin, OutboundTls, Route};
use crate::relay::Snapshot;
use crate::relay::delivery::mailbox;
use crate::relay::delivery::smtp::{Conn, ConnError, Outcome};
use crate::relay::metrics::Metrics;
use crate::trace::{self, Event, Kind, Trace};

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
        // expire after 2 days (Postfix's maximal_queue_lifetime is 5d; the seeds say 2).
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

/// How long an idle connection stays open for the next message (Postfix's connection
/// cache keeps them about as long).
const IDLE_CONNECTION: Duration = Duration::from_secs(2);

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
                    &env.id,
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
        self.schedule(Arc::new(env), &[], false);
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
            self.schedule(env, &done, suspended);
        }
        n
    }

    fn schedule(self: &Arc<Self>, env: Arc<Envelope>, done: &[usize], suspended: bool) {
        let open: Vec<usize> = (0..env.recipients.len())
            .filter(|i| !done.contains(i))
            .collect();
        self.inner.lock().unwrap().messages.insert(
            env.id.clone(),
            MsgState {
                env: env.clone(),
                open: open.iter().copied().collect(),
                suspended,
                parked: Vec::new(),
                retry: HashMap::new(),
                attempts: 0,
            },
        );
        self.dispatch(env, open, 0);
    }

    /// The current envelope of a job's message, or `None` when the job must not run now:
    /// the message was removed, or is suspended (then the job is parked for Resume).
    fn runnable(&self, job: &Job) -> Option<Arc<Envelope>> {
        let mut inner = self.inner.lock().unwrap();
        let m = inner.messages.get_mut(&job.id)?;
        if m.suspended {
            m.parked.push(job.clone());
            return None;
        }
        Some(m.env.clone())
    }

    /// Sends recipients on their way: local ones to the Maildir, remote ones to the queue
    /// of their destination.
    fn dispatch(self: &Arc<Self>, env: Arc<Envelope>, rcpts: Vec<usize>, attempt: u32) {
        let job = Job {
            id: env.id.clone(),
            rcpts,
            attempt,
        };
        let Some(env) = self.runnable(&job) else {
            return;
        };
        let Job { rcpts, attempt, .. } = job;
        let mut local = Vec::new();
        let mut remote: HashMap<DestKey, (Vec<usize>, u32)> = HashMap::new();
        for i in rcpts {
            match &env.recipients[i].route {
                Route::Mailbox { .. } => local.push(i),
                Route::Remote {
                    next_hop,
                    tls,
                    max_messages_per_connection,
                    client_certificate,
                    keeps_service_headers,
                    ..
                } => {
                    let e = remote
                        .entry(DestKey {
                            hop: next_hop.clone(),
                            tls: tls.clone(),
                            client_certificate: client_certificate.clone(),
                            keeps_service_headers: *keeps_service_headers,
                        })
                        .or_insert((Vec::new(), *max_messages_per_connection));
                    e.0.push(i);
                }
            }
        }
        if !remote.is_empty() {
            let mut inner = self.inner.lock().unwrap();
            for (key, (rcpts, per)) in remote {
                let dest = inner.dests.entry(key.clone()).or_default();
                dest.per_connection = per.max(1);
                dest.pending.push_back(Job {
                    id: env.id.clone(),
                    rcpts,
                    attempt,
                });
                self.kick(&mut inner, &key);
            }
        }
        if !local.is_empty() {
            let q = self.clone();
            tokio::spawn(async move { q.deliver_local(env, local, attempt).await });
        }
    }

    /// Routes recipients again under the current configuration before a retry (or after a
    /// restart), so a corrected connector takes effect for mail already queued. A
    /// recipient the new configuration would refuse keeps its old route.
    fn reroute(&self, env: &Arc<Envelope>, rcpts: &[usize]) -> Arc<Envelope> {
        let snapshot = self.snapshot.load();
        let origin = env
            .client
            .parse()
            .map(Origin::Client)
            .unwrap_or(Origin::Local);
        let client = policy::connection::identify(&snapshot.state, origin, &Default::default());
        let mut new = (**env).clone();
        let mut changed = false;
        for &i in rcpts {
            let d = policy::recipient::decide(&snapshot.state, &client, &new.recipients[i].rcpt);
            match d.outcome {
                Ok(route) if route != new.recipients[i].route => {
                    info!(queue_id = %env.id, rcpt = %new.recipients[i].rcpt, route = %route.describe(), "rerouted under the current configuration");
                    self.trace.record(
                        Event::new(
                            &env.id,
                            Kind::Resubmit,
                            format!(
                                "routed again: {} (was {})",
                                route.describe(),
                                new.recipients[i].route.describe()
                            ),
                        )
                        .recipient(&new.recipients[i].rcpt)
                        .revision(snapshot.state.revision)
                        .blame(d.blame.clone()),
                    );
                    new.recipients[i].route = route;
                    changed = true;
                }
                Ok(_) => {}
                Err(refusal) => {
                    info!(queue_id = %env.id, rcpt = %new.recipients[i].rcpt, refusal = ?refusal, "the current configuration would refuse this recipient; keeping its route")
                }
            }
        }
        if !changed {
            return env.clone();
        }
        let new = Arc::new(new);
        if let Some(m) = self.inner.lock().unwrap().messages.get_mut(&env.id) {
            m.env = new.clone();
        }
        new
    }

    fn kick(self: &Arc<Self>, inner: &mut Inner, key: &DestKey) {
        let Some(dest) = inner.dests.get_mut(key) else {
            return;
        };
        if dest.pending.is_empty() {
            return;
        }
        // An open connection waiting for work takes the job at once; without this wake it
        // would sleep out its idle time (2 s) while the job waits.
        if dest.idle > 0 {
            dest.wake.notify_one();
        }
        // More jobs than waiting connections: open another, up to the limit.
        if dest.pending.len() > dest.idle && dest.active < self.settings.concurrency {
            dest.active += 1;
            let q = self.clone();
            let key = key.clone();
            tokio::spawn(async move { q.worker(key).await });
        }
    }

    async fn deliver_local(self: Arc<Self>, env: Arc<Envelope>, rcpts: Vec<usize>, attempt: u32) {
        let q = self.clone();
        let env2 = env.clone();
        let results = tokio::task::spawn_blocking(move || {
            let (_, message) = q.spool.read(&env2.id)?;
            let mut seen = Vec::new();
            let mut out = Vec::new();
            for i in rcpts {
                let Route::Mailbox { primary, .. } = &env2.recipients[i].route else {
                    continue;
                };
                // One copy per mailbox, however many of its addresses were named.
                let r = if seen.contains(primary) {
                    Ok(())
                } else {
                    seen.push(primary.clone());
                    mailbox::deliver(
                        &q.data_dir,
                        primary,
                        env2.sender.as_deref(),
                        &message,
                        env2.junk,
                    )
                    .map(drop)
                };
                out.push((i, r.map_err(|e| e.to_string())));
            }
            Ok::<Vec<(usize, Result<(), String>)>, std::io::Error>(out)
        })
        .await;
        let results: Vec<(usize, Result<String, String>)> = match results {
            Ok(Ok(r)) => r
                .into_iter()
                .map(|(i, r)| (i, r.map(|()| "maildir".to_string())))
                .collect(),
            Ok(Err(e)) => {
                warn!(queue_id = %env.id, error = %e, "cannot read queued message");
                return;
            }
            Err(e) => {
                warn!(queue_id = %env.id, error = %e, "local delivery task failed");
                return;
            }
        };
        let outcomes: Vec<(usize, Outcome)> = results
            .into_iter()
            .map(|(i, r): (usize, Result<String, String>)| match r {
                Ok(_) => (
                    i,
                    Outcome::Delivered(crate::relay::delivery::smtp::Answer {
                        code: 250,
                        text: "delivered to maildir".into(),
                    }),
                ),
                Err(e) => (i, Outcome::Deferred(format!("maildir: {e}"))),
            })
            .collect();
        let rcpts: Vec<usize> = outcomes.iter().map(|(i, _)| *i).collect();
        self.finish(
            &env,
            Job {
                id: env.id.clone(),
                rcpts,
                attempt,
            },
            outcomes,
            "local",
        )
        .await;
    }

    async fn connect(&self, key: &DestKey) -> Result<Conn, (bool, String)> {
        let hosts =
            crate::relay::delivery::hosts(self.dns.as_ref(), &key.hop, self.settings.smtp_port)
                .await?;
        let snapshot = self.snapshot.load_full();
        let present = key
            .client_certificate
            .as_ref()
            .and_then(|t| snapshot.client_certificates.get(t));
        let mut last = String::new();
        for (name, addr) in hosts {
            match Conn::open(
                addr,
                &name,
                &snapshot.hostname,
                &key.tls,
                &snapshot.tls_clients,
                present,
                self.settings.timeout,
            )
            .await
            {
                Ok(c) => return Ok(c),
                Err(ConnError { message, .. }) => {
                    info!(relay = %addr, error = %message, "connection failed, trying the next host");
                    last = message;
                }
            }
        }
        Err((false, last))
    }

    fn pop(&self, key: &DestKey) -> Option<Job> {
        let mut inner = self.inner.lock().unwrap();
        let dest = inner.dests.get_mut(key)?;
        let job = dest.pending.pop_front();
        if job.is_none() {
            dest.active -= 1;
            if dest.active == 0 {
                inner.dests.remove(key);
            }
        }
        job
    }

    async fn worker(self: Arc<Self>, key: DestKey) {
        while let Some(first) = self.pop(&key) {
            let Some(env) = self.runnable(&first) else {
                continue;
            };
            let mut conn = match self.connect(&key).await {
                Ok(c) => c,
                Err((permanent, why)) => {
                    let outcomes = first
                        .rcpts
                        .iter()
                        .map(|&i| {
                            (
                                i,
                                if permanent {
                                    Outcome::Failed(why.clone())
                                } else {
                                    Outcome::Deferred(why.clone())
                                },
                            )
                        })
                        .collect();
                    self.finish(&env, first, outcomes, &key.hop.to_string())
                        .await;
                    continue;
                }
            };
            let per = self
                .inner
                .lock()
                .unwrap()
                .dests
                .get(&key)
                .map(|d| d.per_connection)
                .unwrap_or(1);
            let mut job = Some(first);
            let mut sent = 0;
            let mut broken = false;
            while let Some(j) = job.take() {
                let Some(env) = self.runnable(&j) else {
                    job = self.next_on_connection(&key).await;
                    continue;
                };
                let rcpts: Vec<String> = j
                    .rcpts
                    .iter()
                    .map(|&i| remote_rcpt(&env.recipients[i]))
                    .collect();
                let q = self.clone();
                let id = j.id.clone();
                let strip = !key.keeps_service_headers;
                let read = move || {
                    q.spool.read(&id).map(|(_, mut m)| {
                        if strip {
                            crate::policy::headers::strip_service_headers(&mut m);
                        }
                        m
                    })
                };
                let message = match tokio::task::spawn_blocking(read).await {
                    Ok(Ok(m)) => m,
                    other => {
                        warn!(queue_id = %j.id, error = ?other.err(), "cannot read queued message");
                        break;
                    }
                };
                let outcomes = match conn.send(env.sender.as_deref(), &rcpts, &message).await {
                    Ok(o) => o,
                    Err(e) => {
                        broken = true;
                        rcpts
                            .iter()
                            .map(|_| Outcome::Deferred(e.message.clone()))
                            .collect()
                    }
                };
                let peer = if conn.tls {
                    format!("{} (TLS)", conn.peer)
                } else {
                    conn.peer.clone()
                };
                let outcomes = j.rcpts.iter().copied().zip(outcomes).collect();
                self.finish(&env, j, outcomes, &peer).await;
                sent += 1;
                if broken || sent >= per {
                    break;
                }
                job = self.next_on_connection(&key).await;
            }
            if !broken {
                conn.quit().await;
            }
        }
    }

    /// The next job for an open connection, waiting a little for one to arrive, without
    /// giving up the worker's slot.
    async fn next_on_connection(&self, key: &DestKey) -> Option<Job> {
        let wake = {
            let mut inner = self.inner.lock().unwrap();
            let dest = inner.dests.get_mut(key)?;
            if let Some(job) = dest.pending.pop_front() {
                return Some(job);
            }
            dest.idle += 1;
            dest.wake.clone()
        };
        let _ = tokio::time::timeout(IDLE_CONNECTION, wake.notified()).await;
        let mut inner = self.inner.lock().unwrap();
        let dest = inner.dests.get_mut(key)?;
        dest.idle -= 1;
        dest.pending.pop_front()
    }

    /// Records the outcome of an attempt: done recipients, bounces, retries.
    async fn finish(
        self: &Arc<Self>,
        env: &Arc<Envelope>,
        job: Job,
        outcomes: Vec<(usize, Outcome)>,
        relay: &str,
    ) {
        if !self.inner.lock().unwrap().messages.contains_key(&env.id) {
            // Removed (Remove-Message) while this attempt ran.
            return;
        }
        let expired = now_secs().saturating_sub(env.received_at) >= self.settings.expire.as_secs();
        let local = relay == "local";
        let mut done = Vec::new();
        let mut failures = Vec::new();
        let mut retry = Vec::new();
        let revision = self.snapshot.load().state.revision;
        let event = |rcpt: &str, kind: Kind, detail: String| {
            let e = Event::new(&env.id, kind, detail)
                .recipient(rcpt)
                .revision(revision);
            match peer_ip(relay) {
                Some(ip) => e.to_ip(ip),
                None => e,
            }
        };
        for (i, outcome) in outcomes {
            let r = &env.recipients[i];
            let rcpt = remote_rcpt(r);
            match outcome {
                Outcome::Delivered(a) => {
                    info!(queue_id = %env.id, rcpt = %rcpt, relay = %relay, attempt = job.attempt + 1, result = "delivered", reply = %a.line(), "delivery");
                    let latency = std::time::SystemTime::now()
                        .duration_since(
                            std::time::UNIX_EPOCH + Duration::from_secs(env.received_at),
                        )
                        .unwrap_or_default();
                    if local {
                        self.metrics.delivered(latency, None);
                        self.trace.record(event(
                            &r.rcpt,
                            Kind::Deliver,
                            format!("delivered to the Maildir of {rcpt}"),
                        ));
                    } else {
                        self.metrics
                            .delivered(latency, Some(relay.ends_with("(TLS)")));
                        self.trace.record(event(
                            &r.rcpt,
                            Kind::Send,
                            format!("sent to {rcpt} via {relay}: {}", a.line()),
                        ));
                    }
                    done.push(i);
                }
                Outcome::Failed(why) => {
                    info!(queue_id = %env.id, rcpt = %rcpt, relay = %relay, attempt = job.attempt + 1, result = "bounced", reason = %why, "delivery");
                    self.metrics.failed();
                    self.trace.record(event(
                        &r.rcpt,
                        Kind::Fail,
                        format!("{why}; {}", ndr_note(env)),
                    ));
                    failures.push(Failure {
                        recipient: rcpt,
                        original: r.rcpt.clone(),
                        status: ndr::status_of(&why, true),
                        diagnostic: why,
                    });
                    done.push(i);
                }
                Outcome::Deferred(why) if expired => {
                    info!(queue_id = %env.id, rcpt = %rcpt, relay = %relay, attempt = job.attempt + 1, result = "expired", reason = %why, "delivery");
                    let diagnostic =
                        format!("gave up after {}: {why}", humanize(self.settings.expire));
                    self.metrics.failed();
                    self.trace.record(event(
                        &r.rcpt,
                        Kind::Fail,
                        format!("{diagnostic}; {}", ndr_note(env)),
                    ));
                    failures.push(Failure {
                        recipient: rcpt,
                        original: r.rcpt.clone(),
                        status: "4.4.7".into(),
                        diagnostic,
                    });
                    done.push(i);
                }
                Outcome::Deferred(why) => {
                    info!(queue_id = %env.id, rcpt = %rcpt, relay = %relay, attempt = job.attempt + 1, result = "deferred", reason = %why, "delivery");
                    self.metrics.deferred();
                    self.trace.record(event(&r.rcpt, Kind::Defer, why.clone()));
                    retry.push((i, why));
                }
            }
        }
        if !failures.is_empty() {
            self.bounce(env, &failures).await;
        }
        if !done.is_empty() {
            self.finished(&env.id, &done);
        }
        if !retry.is_empty() {
            let delay = self
                .settings
                .retry
                .get(job.attempt as usize)
                .or(self.settings.retry.last())
                .copied()
                .unwrap_or(Duration::from_secs(300));
            let due = now_secs() + delay.as_secs();
            let next = Job {
                id: job.id,
                rcpts: retry.iter().map(|(i, _)| *i).collect(),
                attempt: job.attempt + 1,
            };
            let timer = {
                let mut inner = self.inner.lock().unwrap();
                if let Some(m) = inner.messages.get_mut(&env.id) {
                    m.attempts = m.attempts.max(next.attempt);
                    for (i, why) in retry {
                        m.retry.insert(i, (why, due));
                    }
                }
                inner.next_timer += 1;
                let n = inner.next_timer;
                inner.deferred.insert(n, next);
                n
            };
            let q = self.clone();
            tokio::spawn(async move {
                tokio::time::sleep(delay).await;
                q.fire(timer, true);
            });
        }
    }

    /// Records recipients as finished; removes the message when none is left.
    fn finished(&self, id: &str, done: &[usize]) {
        let finished = {
            let mut inner = self.inner.lock().unwrap();
            match inner.messages.get_mut(id) {
                Some(m) => {
                    for i in done {
                        m.open.remove(i);
                        m.retry.remove(i);
                    }
                    if m.open.is_empty() {
                        inner.messages.remove(id);
                        true
                    } else {
                        false
                    }
                }
                None => false,
            }
        };
        // A finished message is simply removed; only a partly finished one needs its
        // finished recipients recorded.
        let recorded = if finished {
            self.spool.remove(id)
        } else {
            self.spool.mark_done(id, done)
        };
        match recorded {
            Ok(()) if finished => info!(queue_id = %id, "removed"),
            Ok(()) => {}
            Err(e) => {
                warn!(queue_id = %id, error = %e, "cannot record finished recipients")
            }
        }
    }

    /// Sends a deferred job on its way (its timer ran out, or Retry-Queue), routed again
    /// under the current configuration when `reroute`.
    fn fire(self: &Arc<Self>, timer: u64, reroute: bool) {
        let (job, env) = {
            let mut inner = self.inner.lock().unwrap();
            let Some(job) = inner.deferred.remove(&timer) else {
                return;
            };
            match inner.messages.get(&job.id) {
                Some(m) => (job, m.env.clone()),
                None => return,
            }
        };
        let env = if reroute {
            self.reroute(&env, &job.rcpts)
        } else {
            env
        };
        self.dispatch(env, job.rcpts, job.attempt);
    }

    /// Queues a DSN to the sender, unless the sender is null.
    async fn bounce(self: &Arc<Self>, env: &Envelope, failures: &[Failure]) {
        let Some(sender) = env.sender.clone() else {
            info!(queue_id = %env.id, "no DSN: the null sender gets none");
            return;
        };
        let snapshot = self.snapshot.load_full();
        let q = self.clone();
        let id = env.id.clone();
        let message = match tokio::task::spawn_blocking(move || q.spool.read(&id)).await {
            Ok(Ok((_, m))) => m,
            _ => Vec::new(),
        };
        let dsn_id = new_id();
        let bytes = ndr::build(env, &message, failures, &snapshot.hostname, &dsn_id);
        let rcpts = vec![sender.clone()];
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
        let d = &decision.recipients[0];
        let route = match &d.outcome {
            Ok(r) => r.clone(),
            Err(refusal) => {
                warn!(queue_id = %env.id, sender = %sender, refusal = ?refusal, "no DSN: the sender cannot be routed");
                return;
            }
        };
        let dsn = Envelope {
            id: dsn_id.clone(),
            sender: None,
            received_at: now_secs(),
            client: "local".into(),
            recipients: vec![QueuedRecipient {
                rcpt: sender,
                route,
            }],
            junk: false,
        };
        self.trace.message(trace::Message {
            trace_id: dsn_id.clone(),
            recipients: vec![dsn.recipients[0].rcpt.clone()],
            received: now_secs() as i64,
            sender: String::new(),
            subject: format!(
                "Undeliverable: {}",
                ndr::subject_of(ndr::headers_of(&message))
            ),
            message_id: format!("<{dsn_id}@{}>", snapshot.hostname),
            from_ip: "local".into(),
            size: bytes.len() as u64,
        });
        self.trace.record(
            Event::new(
                &dsn_id,
                Kind::Receive,
                format!("DSN for message {} from the relay itself", env.id),
            )
            .revision(snapshot.state.revision),
        );
        match self.accept(dsn, bytes).await {
            Ok(()) => info!(queue_id = %env.id, dsn_id = %dsn_id, "DSN queued"),
            Err(e) => warn!(queue_id = %env.id, error = %e, "cannot queue the DSN"),
        }
    }

    /// One entry per queue (next hop): what Get-Queue shows.
    pub fn queues(&self) -> Vec<QueueInfo> {
        let inner = self.inner.lock().unwrap();
        let mut out: Vec<QueueInfo> = Vec::new();
        for m in inner.messages.values() {
            let mut seen: Vec<String> = Vec::new();
            for &i in &m.open {
                let (identity, delivery_type) = queue_name(&m.env.recipients[i].route);
                let at = match out.iter().position(|q| q.identity == identity) {
                    Some(at) => at,
                    None => {
                        out.push(QueueInfo {
                            identity: identity.clone(),
                            delivery_type: delivery_type.into(),
                            status: "Ready".into(),
                            message_count: 0,
                            next_retry_time: None,
                            last_error: None,
                        });
                        out.len() - 1
                    }
                };
                let q = &mut out[at];
                if !seen.contains(&identity) {
                    seen.push(identity);
                    q.message_count += 1;
                }
                if let Some((why, due)) = m.retry.get(&i) {
                    if q.next_retry_time.is_none_or(|t| *due < t) {
                        q.next_retry_time = Some(*due);
                    }
                    q.last_error = Some(why.clone());
                    q.status = "Retry".into();
                }
            }
        }
        for (key, dest) in &inner.dests {
            let identity = hop_name(&key.hop);
            if let Some(q) = out.iter_mut().find(|q| q.identity == identity)
                && dest.active > dest.idle
            {
                q.status = "Active".into();
            }
        }
        out.sort_by(|a, b| a.identity.cmp(&b.identity));
        out
    }

    /// The messages of a queue (or one message, or all): what Get-QueueMessage shows, one
    /// entry per (queue, message).
    pub fn messages(&self, queue: Option<&str>, identity: Option<&str>) -> Vec<MessageInfo> {
        let inner = self.inner.lock().unwrap();
        let mut out = Vec::new();
        for m in inner.messages.values() {
            if identity.is_some_and(|id| !id.eq_ignore_ascii_case(&m.env.id)) {
                continue;
            }
            let mut by_queue: Vec<(String, Vec<usize>)> = Vec::new();
            for &i in &m.open {
                let (name, _) = queue_name(&m.env.recipients[i].route);
                match by_queue.iter_mut().find(|(q, _)| *q == name) {
                    Some((_, v)) => v.push(i),
                    None => by_queue.push((name, vec![i])),
                }
            }
            for (name, rcpts) in by_queue {
                if queue.is_some_and(|q| !q.eq_ignore_ascii_case(&name)) {
                    continue;
                }
                let errors: Vec<&(String, u64)> =
                    rcpts.iter().filter_map(|i| m.retry.get(i)).collect();
                let status = if m.suspended {
                    "Suspended"
                } else if errors.is_empty() {
                    "Ready"
                } else {
                    "Retry"
                };
                out.push(MessageInfo {
                    identity: m.env.id.clone(),
                    queue: name,
                    from_address: m.env.sender.clone().unwrap_or_default(),
                    recipients: rcpts
                        .iter()
                        .map(|&i| m.env.recipients[i].rcpt.clone())
                        .collect(),
                    status: status.into(),
                    date_received: m.env.received_at,
                    retry_count: m.attempts,
                    next_retry_time: errors.iter().map(|(_, due)| *due).min(),
                    last_error: errors.first().map(|(why, _)| why.clone()),
                });
            }
        }
        out.sort_by(|a, b| (&a.queue, &a.identity).cmp(&(&b.queue, &b.identity)));
        out
    }

    /// Retry-Queue: tries the queue's waiting messages now; with `resubmit`, routes them
    /// again under the current state first (so mail stuck behind a wrong connector takes
    /// the corrected route). The number of messages retried.
    pub fn retry_queue(self: &Arc<Self>, identity: &str, resubmit: bool) -> Result<usize, String> {
        let timers: Vec<(u64, String)> = {
            let inner = self.inner.lock().unwrap();
            let exists = inner.messages.values().any(|m| {
                m.open.iter().any(|&i| {
                    queue_name(&m.env.recipients[i].route)
                        .0
                        .eq_ignore_ascii_case(identity)
                })
            });
            if !exists {
                return Err(format!(
                    "queue \"{identity}\" was not found (Get-Queue lists the queues)"
                ));
            }
            inner
                .deferred
                .iter()
                .filter(|(_, job)| {
                    inner.messages.get(&job.id).is_some_and(|m| {
                        !m.suspended
                            && job.rcpts.iter().any(|&i| {
                                queue_name(&m.env.recipients[i].route)
                                    .0
                                    .eq_ignore_ascii_case(identity)
                            })
                    })
                })
                .map(|(n, job)| (*n, job.id.clone()))
                .collect()
        };
        let mut ids: Vec<&String> = timers.iter().map(|(_, id)| id).collect();
        ids.sort();
        ids.dedup();
        let count = ids.len();
        for (n, _) in &timers {
            self.fire(*n, resubmit);
        }
        info!(queue = %identity, messages = count, resubmit, "Retry-Queue");
        Ok(count)
    }

    /// Suspend-Message: holds a message (persistently) until Resume-Message. An attempt
    /// already under way finishes.
    pub fn suspend(&self, id: &str) -> Result<(), String> {
        self.hold(id, true).map(drop)
    }

    /// Resume-Message: lets a suspended message go; what came due meanwhile is sent now.
    pub fn resume(self: &Arc<Self>, id: &str) -> Result<(), String> {
        let id = self.hold(id, false)?;
        let (parked, env) = {
            let mut inner = self.inner.lock().unwrap();
            match inner.messages.get_mut(&id) {
                Some(m) => (std::mem::take(&mut m.parked), m.env.clone()),
                None => return Ok(()),
            }
        };
        for job in parked {
            self.dispatch(env.clone(), job.rcpts, job.attempt);
        }
        Ok(())
    }

    /// Finds a message (any case of its id), sets its suspended flag, keeps it in the
    /// spool and records it in the trace; its exact id.
    fn hold(&self, id: &str, on: bool) -> Result<String, String> {
        let id = {
            let mut inner = self.inner.lock().unwrap();
            let m = inner
                .messages
                .values_mut()
                .find(|m| m.env.id.eq_ignore_ascii_case(id))
                .ok_or_else(|| not_queued(id))?;
            m.suspended = on;
            m.env.id.clone()
        };
        self.spool
            .set_suspended(&id, on)
            .map_err(|e| format!("cannot record the change in the spool: {e}"))?;
        self.trace.record(if on {
            Event::new(&id, Kind::Suspend, "held by Suspend-Message")
        } else {
            Event::new(&id, Kind::Resume, "let go by Resume-Message")
        });
        Ok(id)
    }

    /// Remove-Message: deletes a message from the queue; with `ndr`, its open recipients
    /// fail with a DSN to the sender.
    pub async fn remove(self: &Arc<Self>, id: &str, ndr: bool) -> Result<(), String> {
        let m = {
            let mut inner = self.inner.lock().unwrap();
            let key = inner
                .messages
                .keys()
                .find(|k| k.eq_ignore_ascii_case(id))
                .cloned()
                .ok_or_else(|| not_queued(id))?;
            let m = inner.messages.remove(&key).expect("found above");
            inner.deferred.retain(|_, job| job.id != key);
            m
        };
        let env = m.env;
        let why = "550 5.3.0 removed from the queue by an administrator (Remove-Message)";
        let failures: Vec<Failure> = m
            .open
            .iter()
            .map(|&i| {
                let r = &env.recipients[i];
                Failure {
                    recipient: remote_rcpt(r),
                    original: r.rcpt.clone(),
                    status: "5.3.0".into(),
                    diagnostic: why.into(),
                }
            })
            .collect();
        for f in &failures {
            let e = if ndr {
                Event::new(&env.id, Kind::Fail, format!("{why}; {}", ndr_note(&env)))
            } else {
                Event::new(
                    &env.id,
                    Kind::Drop,
                    "removed by Remove-Message without a DSN",
                )
            };
            self.trace.record(e.recipient(&f.original));
        }
        if ndr {
            self.bounce(&env, &failures).await;
        }
        self.spool
            .remove(&env.id)
            .map_err(|e| format!("cannot remove {} from the spool: {e}", env.id))?;
        info!(queue_id = %env.id, ndr, "removed by Remove-Message");
        Ok(())
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

/// A queue (next hop) as Get-Queue shows it.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct QueueInfo {
    pub identity: String,
    pub delivery_type: String,
    pub status: String,
    pub message_count: usize,
    /// Seconds since the epoch.
    pub next_retry_time: Option<u64>,
    pub last_error: Option<String>,
}

/// A message in a queue as Get-QueueMessage shows it.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct MessageInfo {
    pub identity: String,
    pub queue: String,
    pub from_address: String,
    pub recipients: Vec<String>,
    pub status: String,
    /// Seconds since the epoch.
    pub date_received: u64,
    pub retry_count: u32,
    pub next_retry_time: Option<u64>,
    pub last_error: Option<String>,
}

fn not_queued(id: &str) -> String {
    format!("message \"{id}\" is not in the queue (Get-QueueMessage lists the queued messages)")
}

/// The address in a peer's description (`mx.example[192.0.2.1]`, as the connection names
/// it); `None` for a next hop never reached (`[hosts]`, `MX of x`) and for the Maildir.
fn peer_ip(relay: &str) -> Option<&str> {
    let (name, rest) = relay.split_once('[')?;
    (!name.is_empty()).then(|| rest.split(']').next().unwrap_or_default())
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn peer_addresses_only_for_reached_peers() {
        assert_eq!(peer_ip("mx.example[192.0.2.1]"), Some("192.0.2.1"));
        assert_eq!(
            peer_ip("mx.example[2001:db8::1] (TLS)"),
            Some("2001:db8::1")
        );
        assert_eq!(peer_ip("[127.0.0.1:2525]"), None);
        assert_eq!(peer_ip("MX of example.com"), None);
        assert_eq!(peer_ip("local"), None);
    }
}
