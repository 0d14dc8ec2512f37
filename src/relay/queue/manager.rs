//! The queue manager: takes accepted messages (already durable), delivers each recipient
//! along its route, retries temporary failures on a backoff schedule, expires what waited
//! too long, and sends DSNs for what failed.
//!
//! Remote recipients are grouped by destination (next hop and TLS policy). Per
//! destination at most `concurrency` connections are open (fewer than 50, as the seeds
//! advise) and each carries at most MaxMessagesPerConnection messages (50 by default).

use std::collections::{HashMap, VecDeque};
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use arc_swap::ArcSwap;
use tokio::sync::Notify;
use tracing::{info, warn};

use super::ndr::{self, Failure};
use super::spool::{Envelope, QueuedRecipient, Spool, new_id, now_secs};
use crate::dns::{Dns, DnsError};
use crate::policy::{self, Facts, NextHop, Origin, OutboundTls, Route};
use crate::relay::Snapshot;
use crate::relay::delivery::mailbox;
use crate::relay::delivery::smtp::{Conn, ConnError, Outcome, TlsClients};
use crate::state::values::Host;

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
    /// Trusted CA certificates (PEM) for CertificateValidation and DomainValidation.
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
}

#[derive(Debug)]
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
    open: usize,
}

#[derive(Default)]
struct Inner {
    messages: HashMap<String, MsgState>,
    dests: HashMap<DestKey, Dest>,
}

pub struct Queue {
    spool: Spool,
    data_dir: PathBuf,
    settings: Settings,
    dns: Arc<dyn Dns>,
    snapshot: Arc<ArcSwap<Snapshot>>,
    inner: Mutex<Inner>,
    tls: TlsClients,
}

impl Queue {
    pub fn new(
        spool: Spool,
        data_dir: PathBuf,
        settings: Settings,
        dns: Arc<dyn Dns>,
        snapshot: Arc<ArcSwap<Snapshot>>,
    ) -> Arc<Queue> {
        let tls = TlsClients::new(&settings.ca_file);
        Arc::new(Queue {
            spool,
            data_dir,
            settings,
            dns,
            snapshot,
            inner: Mutex::new(Inner::default()),
            tls,
        })
    }

    /// Makes a message durable, then schedules it. When this returns `Ok`, the message
    /// is on disk (fsync'd) and the client may be told 250.
    pub async fn accept(self: &Arc<Self>, env: Envelope, message: Vec<u8>) -> std::io::Result<()> {
        let q = self.clone();
        let env = tokio::task::spawn_blocking(move || q.spool.store(&env, &message).map(|()| env))
            .await
            .map_err(std::io::Error::other)??;
        self.schedule(Arc::new(env), &[]);
        Ok(())
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
            self.schedule(env, &done);
        }
        n
    }

    fn schedule(self: &Arc<Self>, env: Arc<Envelope>, done: &[usize]) {
        let open: Vec<usize> = (0..env.recipients.len())
            .filter(|i| !done.contains(i))
            .collect();
        self.inner.lock().unwrap().messages.insert(
            env.id.clone(),
            MsgState {
                env: env.clone(),
                open: open.len(),
            },
        );
        self.dispatch(env, open, 0);
    }

    /// Sends recipients on their way: local ones to the Maildir, remote ones to the queue
    /// of their destination.
    fn dispatch(self: &Arc<Self>, env: Arc<Envelope>, rcpts: Vec<usize>, attempt: u32) {
        let mut local = Vec::new();
        let mut remote: HashMap<DestKey, (Vec<usize>, u32)> = HashMap::new();
        for i in rcpts {
            match &env.recipients[i].route {
                Route::Mailbox { .. } => local.push(i),
                Route::Remote {
                    next_hop,
                    tls,
                    max_messages_per_connection,
                    ..
                } => {
                    let e = remote
                        .entry(DestKey {
                            hop: next_hop.clone(),
                            tls: tls.clone(),
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
        let client = policy::connection::identify(&snapshot.state, origin);
        let mut new = (**env).clone();
        let mut changed = false;
        for &i in rcpts {
            let d = policy::recipient::decide(&snapshot.state, &client, &new.recipients[i].rcpt);
            match d.outcome {
                Ok(route) if route != new.recipients[i].route => {
                    info!(queue_id = %env.id, rcpt = %new.recipients[i].rcpt, route = %route.describe(), "rerouted under the current configuration");
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
        if dest.active < self.settings.concurrency && !dest.pending.is_empty() {
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

    /// Addresses to try for a next hop, in order (MX preference, then each host's
    /// addresses). `Err((permanent, why))` when there is nowhere to go.
    async fn hosts(&self, hop: &NextHop) -> Result<Vec<(String, SocketAddr)>, (bool, String)> {
        let port = self.settings.smtp_port;
        let mut names: Vec<(String, u16)> = Vec::new();
        match hop {
            NextHop::SmartHosts(hosts) => {
                for h in hosts {
                    let p = h.port.unwrap_or(port);
                    match &h.host {
                        Host::Ip(ip) => names.push((ip.to_string(), p)),
                        Host::Name(n) => names.push((n.to_string(), p)),
                    }
                }
            }
            NextHop::Mx(domain) => match self.dns.mx(domain).await {
                Ok(mut mx) if !mx.is_empty() => {
                    mx.sort_by_key(|(pref, _)| *pref);
                    // Null MX (RFC 7505): the domain accepts no mail.
                    if mx.len() == 1 && (mx[0].1.is_empty() || mx[0].1 == ".") {
                        return Err((true, format!("{domain} has a null MX: it accepts no mail")));
                    }
                    names.extend(mx.into_iter().map(|(_, h)| (h, port)));
                }
                // No MX: the domain itself (RFC 5321 §5.1).
                Ok(_) => names.push((domain.clone(), port)),
                Err(DnsError::NoSuchDomain) => {
                    return Err((true, format!("{domain}: no such domain")));
                }
                Err(DnsError::Temporary(e)) => {
                    return Err((false, format!("MX lookup for {domain}: {e}")));
                }
            },
        }
        let mut out = Vec::new();
        let mut last = String::new();
        for (name, p) in names {
            match self.dns.ips(&name).await {
                Ok(ips) => out.extend(
                    ips.into_iter()
                        .map(|ip| (name.clone(), SocketAddr::new(ip, p))),
                ),
                Err(e) => last = format!("address lookup for {name}: {e:?}"),
            }
        }
        if out.is_empty() {
            return Err((
                false,
                if last.is_empty() {
                    format!("no addresses for {hop}")
                } else {
                    last
                },
            ));
        }
        Ok(out)
    }

    async fn connect(&self, key: &DestKey) -> Result<Conn, (bool, String)> {
        let hosts = self.hosts(&key.hop).await?;
        let helo = self.snapshot.load().hostname.clone();
        let mut last = String::new();
        for (name, addr) in hosts {
            match Conn::open(
                addr,
                &name,
                &helo,
                &key.tls,
                &self.tls,
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
            let env = match self.inner.lock().unwrap().messages.get(&first.id) {
                Some(m) => m.env.clone(),
                None => continue,
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
                let env = match self.inner.lock().unwrap().messages.get(&j.id) {
                    Some(m) => m.env.clone(),
                    None => break,
                };
                let rcpts: Vec<String> = j
                    .rcpts
                    .iter()
                    .map(|&i| remote_rcpt(&env.recipients[i]))
                    .collect();
                let q = self.clone();
                let id = j.id.clone();
                let message = match tokio::task::spawn_blocking(move || q.spool.read(&id)).await {
                    Ok(Ok((_, m))) => m,
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
                let peer = conn.peer.clone();
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
        let expired = now_secs().saturating_sub(env.received_at) >= self.settings.expire.as_secs();
        let mut done = Vec::new();
        let mut failures = Vec::new();
        let mut retry = Vec::new();
        for (i, outcome) in outcomes {
            let r = &env.recipients[i];
            let rcpt = remote_rcpt(r);
            match outcome {
                Outcome::Delivered(a) => {
                    info!(queue_id = %env.id, rcpt = %rcpt, relay = %relay, attempt = job.attempt + 1, result = "delivered", reply = %a.line(), "delivery");
                    done.push(i);
                }
                Outcome::Failed(why) => {
                    info!(queue_id = %env.id, rcpt = %rcpt, relay = %relay, attempt = job.attempt + 1, result = "bounced", reason = %why, "delivery");
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
                    failures.push(Failure {
                        recipient: rcpt,
                        original: r.rcpt.clone(),
                        status: "4.4.7".into(),
                        diagnostic: format!(
                            "gave up after {}: {why}",
                            humanize(self.settings.expire)
                        ),
                    });
                    done.push(i);
                }
                Outcome::Deferred(why) => {
                    info!(queue_id = %env.id, rcpt = %rcpt, relay = %relay, attempt = job.attempt + 1, result = "deferred", reason = %why, "delivery");
                    retry.push(i);
                }
            }
        }
        if !failures.is_empty() {
            self.bounce(env, &failures).await;
        }
        if !done.is_empty() {
            let finished = {
                let mut inner = self.inner.lock().unwrap();
                match inner.messages.get_mut(&env.id) {
                    Some(m) => {
                        m.open = m.open.saturating_sub(done.len());
                        if m.open == 0 {
                            inner.messages.remove(&env.id);
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
                self.spool.remove(&env.id)
            } else {
                self.spool.mark_done(&env.id, &done)
            };
            match recorded {
                Ok(()) if finished => info!(queue_id = %env.id, "removed"),
                Ok(()) => {}
                Err(e) => {
                    warn!(queue_id = %env.id, error = %e, "cannot record finished recipients")
                }
            }
        }
        if !retry.is_empty() {
            let delay = self
                .settings
                .retry
                .get(job.attempt as usize)
                .or(self.settings.retry.last())
                .copied()
                .unwrap_or(Duration::from_secs(300));
            let q = self.clone();
            let env = env.clone();
            let next = Job {
                id: job.id,
                rcpts: retry,
                attempt: job.attempt + 1,
            };
            tokio::spawn(async move {
                tokio::time::sleep(delay).await;
                q.requeue(&env, next);
            });
        }
    }

    fn requeue(self: &Arc<Self>, env: &Arc<Envelope>, job: Job) {
        let env = self.reroute(env, &job.rcpts);
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
        match self.accept(dsn, bytes).await {
            Ok(()) => info!(queue_id = %env.id, dsn_id = %dsn_id, "DSN queued"),
            Err(e) => warn!(queue_id = %env.id, error = %e, "cannot queue the DSN"),
        }
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
