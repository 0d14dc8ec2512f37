//! The relay engine: SMTP listeners built from the receive connectors, sessions, the
//! durable queue and delivery. It asks `policy` for every decision and never writes the
//! state file (the built-in default state is written by `serve`, through the store).
//!
//! Configuration lives in an immutable `Snapshot` behind an `ArcSwap`: a reload (SIGHUP,
//! or the file changing, polled every 250 ms) builds a new snapshot and swaps it in; a
//! session keeps the snapshot it started with. An invalid file is logged and ignored.
//! Listeners follow the bindings of the current snapshot.

pub mod auth;
pub mod cleanup;
pub mod content;
pub mod control;
pub mod delivery;
pub mod dkim;
pub mod error;
pub mod io;
pub mod junk_feedback;
mod listen;
pub mod metrics;
pub mod notify;
pub mod outbound;
pub mod pickup;
pub mod protection;
pub mod quarantine;
pub mod queue;
pub mod reply;
pub mod scanners;
pub mod smtp;
pub mod tls;
pub mod web;

use std::collections::HashMap;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use arc_swap::ArcSwap;
use tokio::sync::{Notify, watch};
use tokio_rustls::TlsAcceptor;
use tokio_rustls::rustls::sign::CertifiedKey;
use tracing::{error, info, warn};

use crate::dns::Dns;
use crate::state::State;
use crate::state::store::parse;
use delivery::smtp::TlsClients;
pub use error::StartError;
use listen::{Counts, Shared, reconcile};
use queue::manager::{Queue, Settings};
use queue::spool::Spool;

/// The configuration a session or a delivery runs under.
pub struct Snapshot {
    pub state: State,
    /// STARTTLS acceptors by receive connector name.
    pub tls: HashMap<String, TlsAcceptor>,
    /// The name the relay gives itself (EHLO, Received, DSNs) where a connector names none;
    /// also the authserv-id of the Authentication-Results it writes.
    pub hostname: String,
    /// Checks client certificates against the trusted roots.
    pub peer_check: tls::PeerCheck,
    /// Delivery's TLS client configurations, validating against the same roots.
    pub tls_clients: TlsClients,
    /// The certificates routes present to next hops as client certificates, by Thumbprint.
    pub client_certificates: HashMap<String, Arc<CertifiedKey>>,
    /// The connection filter's lists, compiled once per snapshot (they may be long).
    pub connection_filter: crate::policy::connection_filter::ConnectionFilter,
    /// The mail flow rules' regular expressions, compiled once per revision.
    pub rules: crate::policy::rules::CompiledRules,
    /// Where quarantined messages are kept.
    pub data_dir: PathBuf,
    /// The DKIM signing keys of the enabled configs, by domain.
    pub dkim: HashMap<String, dkim::Signer>,
    /// SpamAssassin's rules (`--spam-rules`), shared by the snapshots until they change.
    pub spam_rules: Option<Arc<crate::spamrules::Loaded>>,
    /// What the learning filter has learned (read at each message; training cmdlets
    /// write it while the relay runs).
    pub learned: crate::spamdb::Shared,
    /// The Tenant Allow/Block List's live entries: one for the relay's life, kept across
    /// reloads of the state (`serve` refreshes it; a snapshot built elsewhere has none).
    pub tabl: Arc<crate::tabl::Live>,
    /// Recipients counted per outbound sender, and the restricted senders (cmdlets lift
    /// restrictions while the relay runs: read at each outbound MAIL FROM).
    pub outbound: Arc<crate::outbound::Shared>,
}

impl Snapshot {
    /// Compiles a state: loads the certificates its connectors name and the trusted roots
    /// (`ca_file`, the system bundle, plus the state's Trusted certificates). Certificate
    /// files named by a relative path are under the data directory.
    pub fn build(
        state: State,
        data_dir: &Path,
        hostname: &str,
        ca_file: &Path,
    ) -> Result<Snapshot, StartError> {
        let mut acceptors = HashMap::new();
        for rc in state.receive_connectors.iter().filter(|r| r.enabled) {
            let Some(name) = &rc.tls_certificate_name else {
                continue;
            };
            // Validation guarantees the name resolves.
            let Some(cert) = state.certificates.iter().find(|c| c.is_named_by(name)) else {
                continue;
            };
            let acceptor = tls::certified_key(cert, data_dir)
                .and_then(|key| Ok(tls::acceptor(key)?))
                .map_err(|source| StartError::Starttls {
                    connector: rc.name.clone(),
                    name: name.clone(),
                    thumbprint: cert.thumbprint.clone(),
                    source: Box::new(source),
                })?;
            acceptors.insert(rc.name.clone(), acceptor);
        }
        let mut client_certificates = HashMap::new();
        let named = state
            .outbound_connectors
            .iter()
            .filter(|c| c.enabled)
            .map(|c| {
                (
                    format!("OutboundConnector \"{}\"", c.name),
                    c.tls_certificate_name.as_deref(),
                    c.cloud_services_mail_enabled,
                )
            })
            .chain(state.send_connectors.iter().filter(|c| c.enabled).map(|c| {
                (
                    format!("SendConnector \"{}\"", c.name),
                    c.tls_certificate_name.as_deref(),
                    c.cloud_services_mail_enabled,
                )
            }));
        for (who, name, cloud) in named {
            let Some(thumbprint) = crate::policy::route::client_certificate(&state, name, cloud)
            else {
                continue;
            };
            if client_certificates.contains_key(&thumbprint) {
                continue;
            }
            let cert = state
                .certificates
                .iter()
                .find(|c| c.thumbprint == thumbprint)
                .expect("client_certificate names a certificate of the state");
            let key = tls::certified_key(cert, data_dir).map_err(|source| {
                StartError::ClientCertificate {
                    object: who,
                    thumbprint: thumbprint.clone(),
                    source: Box::new(source),
                }
            })?;
            client_certificates.insert(thumbprint, key);
        }
        let roots = Arc::new(tls::roots(ca_file, &state.certificates, data_dir));
        let rules = crate::policy::rules::compile(&state)?;
        let dkim = dkim::load(&state, data_dir).map_err(Box::new)?;
        Ok(Snapshot {
            connection_filter: crate::policy::connection_filter::ConnectionFilter::build(
                &state.connection_filter,
            ),
            state,
            tls: acceptors,
            hostname: hostname.to_string(),
            peer_check: tls::PeerCheck::new(roots.clone()),
            tls_clients: TlsClients::new(roots),
            client_certificates,
            rules,
            data_dir: data_dir.to_path_buf(),
            dkim,
            spam_rules: None,
            learned: crate::spamdb::Shared::new(data_dir),
            tabl: Arc::new(crate::tabl::Live::new(data_dir)),
            outbound: Arc::new(crate::outbound::Shared::new(data_dir)),
        })
    }
}

/// What `serve` is given besides the state.
pub struct Options {
    pub state_path: PathBuf,
    pub data_dir: PathBuf,
    pub dns: Option<SocketAddr>,
    pub hostname: String,
    pub settings: Settings,
    /// How long sessions in flight may run on after SIGTERM.
    pub grace: Duration,
    /// Where to serve Prometheus metrics, if anywhere.
    pub metrics: Option<SocketAddr>,
    /// SpamAssassin's rules, loaded with the first snapshot.
    pub spam_rules: crate::spamrules::Cache,
    /// How often hosted mailboxes are scanned for messages users moved into or out of
    /// Junk (the learning filter's feedback).
    pub junk_scan: Duration,
    /// The web listener's address, if on, and the base URL its links use.
    pub web: Option<(SocketAddr, String)>,
    /// How often quarantine notifications are checked for being due.
    pub notify_check: Duration,
}

/// A change of the file: modification time, size and inode.
fn stamp(path: &Path) -> Option<(std::time::SystemTime, u64, u64)> {
    use std::os::unix::fs::MetadataExt;
    let m = std::fs::metadata(path).ok()?;
    Some((m.modified().ok()?, m.len(), m.ino()))
}

fn load_snapshot(opts: &Options) -> Result<Snapshot, StartError> {
    let text =
        std::fs::read_to_string(&opts.state_path).map_err(|source| StartError::ReadState {
            path: opts.state_path.clone(),
            source,
        })?;
    let state = parse(&text, &opts.state_path).map_err(StartError::State)?;
    // At every start and reload, what Test-Configuration reports (certificates expiring
    // within 30 days among them): the file is valid, but mail may not flow as meant.
    for f in crate::policy::lint::lint(&state, chrono::Utc::now()) {
        warn!("Test-Configuration {}: {f}; fix: {}", f.severity, f.fix);
    }
    let mut snapshot = Snapshot::build(
        state,
        &opts.data_dir,
        &opts.hostname,
        &opts.settings.ca_file,
    )?;
    snapshot.spam_rules = opts.spam_rules.get()?;
    Ok(snapshot)
}

/// Runs the relay until SIGTERM or SIGINT. `ready` is told the addresses listened on.
pub async fn serve(opts: Options, ready: impl FnOnce(&[SocketAddr])) -> Result<(), StartError> {
    // The file's stamp before it is read: a change made while starting is still seen.
    let mut seen = stamp(&opts.state_path);
    // Synchronised recipients, read before the first client and attached to every
    // snapshot: a sync swaps them without a configuration reload.
    let directory = Arc::new(crate::directory::Live::new(&opts.data_dir));
    directory.refresh();
    let mut first = load_snapshot(&opts)?;
    first.state.synced = directory.synced.clone();
    let snapshot = Arc::new(ArcSwap::from_pointee(first));
    // The Tenant Allow/Block List, read before the first client: one for every snapshot
    // (cmdlets write it while the relay runs, and a state reload must not read it again).
    let tabl = snapshot.load().tabl.clone();
    tabl.refresh(chrono::Utc::now());
    let dns: Arc<dyn Dns> = Arc::new(crate::dns::Hickory::new(opts.dns)?);
    // First of what the data directory holds: a relay already running on it stops this
    // one before the spool or the trace is opened a second time.
    let control = control::bind(&opts.data_dir)?;
    let spool = Spool::open(&opts.data_dir).map_err(|source| StartError::Queue {
        data_dir: opts.data_dir.clone(),
        source,
    })?;
    // The trace is a record of mail, not a condition for it: a damaged database costs
    // the trace, never the relay.
    let trace = crate::trace::Trace::start(&opts.data_dir).unwrap_or_else(|e| {
        error!(error = %e, "message trace unavailable: mail flows on untraced");
        crate::trace::Trace::disabled()
    });
    let queue = Queue::new(
        spool,
        opts.data_dir.clone(),
        opts.settings.clone(),
        dns,
        snapshot.clone(),
        trace.clone(),
    );
    let metrics_listener = match opts.metrics {
        Some(addr) => Some((metrics::bind(addr).await?, addr)),
        None => None,
    };
    let web_listener = match &opts.web {
        Some((addr, base)) => Some((web::bind(*addr).await?, base.clone())),
        None => None,
    };
    let (stop_tx, stop_rx) = watch::channel(false);
    let shared = Arc::new(Shared {
        snapshot: snapshot.clone(),
        queue: queue.clone(),
        counts: Mutex::new(Counts::default()),
        active: AtomicUsize::new(0),
        idle: Notify::new(),
        shutdown: stop_rx,
        next_id: AtomicU64::new(1),
        auth: auth::Authenticator::new(opts.dns)?,
    });
    let mut listeners = HashMap::new();
    reconcile(&shared, &mut listeners, true).await?;
    tokio::spawn(pickup::run(
        queue.clone(),
        snapshot.clone(),
        shared.shutdown.clone(),
    ));
    let recovered = queue.recover();
    info!(
        revision = snapshot.load().state.revision,
        recovered, "relay started"
    );
    let mut background = vec![tokio::spawn(control::serve(control, queue.clone()))];
    if let Some((l, asked)) = metrics_listener {
        // The port actually bound (--metrics may ask for port 0).
        info!(address = %l.local_addr().unwrap_or(asked), "metrics on /metrics");
        let q = queue.clone();
        background.push(tokio::spawn(metrics::serve(l, move || {
            let sizes: Vec<(String, usize)> = q
                .queues()
                .into_iter()
                .map(|i| (i.identity, i.message_count))
                .collect();
            q.metrics.render(&sizes)
        })));
    }
    let (watched, synced) = (tabl.clone(), directory.clone());
    background.push(tokio::spawn(async move {
        let mut tick = tokio::time::interval(Duration::from_millis(250));
        loop {
            tick.tick().await;
            let (t, d) = (watched.clone(), synced.clone());
            let _ = tokio::task::spawn_blocking(move || {
                t.refresh(chrono::Utc::now());
                d.refresh();
            })
            .await;
        }
    }));
    let (profiles, roots) = (snapshot.clone(), snapshot.clone());
    let ca_file = opts.settings.ca_file.clone();
    background.push(tokio::spawn(crate::directory::schedule(
        opts.data_dir.clone(),
        move || profiles.load().state.directory_sync_profiles.clone(),
        move || {
            let s = roots.load();
            crate::directory::client_config(tls::roots(
                &ca_file,
                &s.state.certificates,
                &s.data_dir,
            ))
        },
    )));
    // Quarantine notifications, and the pages their links lead to.
    let key = notify::token::Key::load_or_create(&opts.data_dir).map_err(StartError::LinkKey)?;
    let links = web_listener.as_ref().map(|(_, base)| notify::Links {
        base: base.clone(),
        key: key.clone(),
    });
    if let Some((l, _)) = web_listener {
        if let Ok(a) = l.local_addr() {
            info!(address = %a, "web listener on");
        }
        let w = web::Web {
            snapshot: snapshot.clone(),
            queue: queue.clone(),
            key,
            data_dir: opts.data_dir.clone(),
        };
        background.push(tokio::spawn(web::serve(l, w)));
    }
    background.push(tokio::spawn(notify::run(
        queue.clone(),
        snapshot.clone(),
        links,
        opts.notify_check,
    )));
    background.push(tokio::spawn(junk_feedback::run(
        opts.data_dir.clone(),
        opts.junk_scan,
    )));
    // Message trace retention: pruned at start and hourly, under the current setting.
    let prune_snapshot = snapshot.clone();
    background.push(tokio::spawn(async move {
        let mut hourly = tokio::time::interval(Duration::from_secs(3600));
        loop {
            hourly.tick().await;
            trace.prune(
                prune_snapshot
                    .load()
                    .state
                    .organization
                    .message_trace_retention_days,
            );
        }
    }));
    let mut addrs: Vec<SocketAddr> = listeners.keys().copied().collect();
    addrs.sort();
    ready(&addrs);

    use tokio::signal::unix::{SignalKind, signal};
    let watch = |kind: SignalKind, signal_name: &'static str| {
        signal(kind).map_err(|source| StartError::Signal {
            signal: signal_name,
            source,
        })
    };
    let mut term = watch(SignalKind::terminate(), "SIGTERM")?;
    let mut int = watch(SignalKind::interrupt(), "SIGINT")?;
    let mut hup = watch(SignalKind::hangup(), "SIGHUP")?;
    let mut tick = tokio::time::interval(Duration::from_millis(250));
    let mut current = snapshot.load().state.revision;
    loop {
        let forced = tokio::select! {
            _ = term.recv() => break,
            _ = int.recv() => break,
            _ = hup.recv() => true,
            _ = tick.tick() => false,
        };
        let now = stamp(&opts.state_path);
        if !forced && now == seen {
            continue;
        }
        seen = now;
        match load_snapshot(&opts) {
            Ok(mut s) => {
                s.tabl = tabl.clone();
                s.state.synced = directory.synced.clone();
                let revision = s.state.revision;
                snapshot.store(Arc::new(s));
                reconcile(&shared, &mut listeners, false).await.ok();
                info!(from = current, to = revision, "configuration reloaded");
                current = revision;
            }
            // A deleted file is said so (an operator reads "not valid" as "fix its text").
            Err(e) if seen.is_none() => {
                error!(error = %e, revision = current, "reload refused: the state file is missing; the old configuration keeps running until a valid file appears")
            }
            Err(e) => {
                error!(error = %e, help = e.help().as_deref(), revision = current, "reload refused: the state file is not valid; the old configuration keeps running")
            }
        }
    }
    info!("shutting down: no new connections; sessions in flight may finish");
    for (_, task) in listeners.drain() {
        task.abort();
    }
    for task in background {
        task.abort();
    }
    let _ = std::fs::remove_file(control::socket_path(&opts.data_dir));
    let _ = stop_tx.send(true);
    let wait = async {
        loop {
            let notified = shared.idle.notified();
            if shared.active.load(Ordering::SeqCst) == 0 {
                return;
            }
            notified.await;
        }
    };
    // A second SIGTERM or SIGINT cuts the grace period short, as an operator who
    // presses Ctrl-C twice means.
    let second = async {
        tokio::select! {
            _ = term.recv() => {}
            _ = int.recv() => {}
        }
    };
    let hurried = tokio::select! {
        finished = tokio::time::timeout(opts.grace, wait) => {
            if finished.is_err() {
                warn!(
                    sessions = shared.active.load(Ordering::SeqCst),
                    "grace period over; closing the remaining sessions"
                );
            }
            false
        }
        _ = second => {
            warn!(
                sessions = shared.active.load(Ordering::SeqCst),
                "second signal: stopping now; the remaining sessions are closed"
            );
            true
        }
    };
    let flush = if hurried { 1 } else { 10 };
    if !queue.trace.flush(Duration::from_secs(flush)) {
        warn!("the message trace could not record everything before the stop");
    }
    info!(
        queued = queue.len(),
        "stopped; queued mail stays in the spool"
    );
    Ok(())
}
