//! The SMTP listeners: one per binding of the enabled receive connectors, opened and
//! closed as a reload changes the bindings, and the admission of each connection (which
//! receive connector serves it, within its connection limits) before its session runs.

use std::collections::HashMap;
use std::net::{IpAddr, SocketAddr};
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use arc_swap::ArcSwap;
use tokio::io::AsyncWriteExt;
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{Notify, watch};
use tokio::task::JoinHandle;
use tracing::{error, info, warn};

use super::queue::manager::Queue;
use super::{Snapshot, StartError, auth, reply, smtp};
use crate::policy::connection::admits;
use crate::state::State;

/// Sessions open, per connector and per (connector, source).
#[derive(Default)]
pub(super) struct Counts {
    total: HashMap<String, usize>,
    per_source: HashMap<(String, IpAddr), usize>,
}

/// What the listeners and `serve` share.
pub(super) struct Shared {
    pub snapshot: Arc<ArcSwap<Snapshot>>,
    pub queue: Arc<Queue>,
    pub counts: Mutex<Counts>,
    /// Sessions running; `idle` is notified when the last one ends.
    pub active: AtomicUsize,
    pub idle: Notify,
    pub shutdown: watch::Receiver<bool>,
    pub next_id: AtomicU64,
    pub auth: auth::Authenticator,
}

/// Releases a session's connection counts (and wakes shutdown) when it ends.
struct Slot {
    shared: Arc<Shared>,
    connector: String,
    ip: IpAddr,
}

impl Drop for Slot {
    fn drop(&mut self) {
        let mut c = self.shared.counts.lock().unwrap();
        if let Some(n) = c.total.get_mut(&self.connector) {
            *n = n.saturating_sub(1);
        }
        let key = (self.connector.clone(), self.ip);
        if let Some(n) = c.per_source.get_mut(&key) {
            *n = n.saturating_sub(1);
            if *n == 0 {
                c.per_source.remove(&key);
            }
        }
        drop(c);
        if self.shared.active.fetch_sub(1, Ordering::SeqCst) == 1 {
            self.shared.idle.notify_waiters();
        }
    }
}

/// The receive connector that serves a client on a local address: the enabled one whose
/// bindings cover the address and whose RemoteIPRanges hold the client, the smallest
/// matching range winning (as in Exchange).
fn choose_connector(state: &State, local: SocketAddr, peer: IpAddr) -> Option<usize> {
    let local_ip = crate::state::values::canonical_ip(local.ip());
    state
        .receive_connectors
        .iter()
        .enumerate()
        .filter(|(_, rc)| rc.enabled)
        .filter(|(_, rc)| {
            rc.bindings.iter().any(|b| {
                b.0.port() == local.port()
                    && (b.0.ip().is_unspecified()
                        || crate::state::values::canonical_ip(b.0.ip()) == local_ip)
            })
        })
        .filter(|(_, rc)| admits(rc, peer))
        .min_by_key(|(_, rc)| {
            rc.remote_ip_ranges
                .iter()
                .filter(|r| r.contains(peer))
                .map(|r| r.size())
                .min()
                .unwrap_or(u128::MAX)
        })
        .map(|(i, _)| i)
}

async fn handle(shared: Arc<Shared>, mut stream: TcpStream, peer: SocketAddr) {
    let _ = stream.set_nodelay(true);
    let snapshot = shared.snapshot.load_full();
    let Ok(local) = stream.local_addr() else {
        return;
    };
    let Some(index) = choose_connector(&snapshot.state, local, peer.ip()) else {
        info!(peer = %peer, local = %local, "refused: no receive connector admits the client (RemoteIPRanges)");
        let _ = stream
            .write_all(reply::CLIENT_NOT_ALLOWED.to_wire().as_bytes())
            .await;
        return;
    };
    let rc = &snapshot.state.receive_connectors[index];
    let allowed = {
        let mut c = shared.counts.lock().unwrap();
        let total = c.total.get(&rc.name).copied().unwrap_or(0);
        let mine = c
            .per_source
            .get(&(rc.name.clone(), peer.ip()))
            .copied()
            .unwrap_or(0);
        if total >= rc.max_inbound_connection as usize
            || mine >= rc.max_inbound_connection_per_source as usize
        {
            false
        } else {
            *c.total.entry(rc.name.clone()).or_default() += 1;
            *c.per_source
                .entry((rc.name.clone(), peer.ip()))
                .or_default() += 1;
            true
        }
    };
    if !allowed {
        info!(peer = %peer, connector = %rc.name, "refused: MaxInboundConnection or MaxInboundConnectionPerSource reached");
        let _ = stream
            .write_all(reply::TOO_MANY_CONNECTIONS.to_wire().as_bytes())
            .await;
        return;
    }
    shared.active.fetch_add(1, Ordering::SeqCst);
    let _slot = Slot {
        shared: shared.clone(),
        connector: rc.name.clone(),
        ip: peer.ip(),
    };
    let ctx = smtp::session::Context {
        snapshot: snapshot.clone(),
        connector: index,
        peer,
        queue: shared.queue.clone(),
        shutdown: shared.shutdown.clone(),
        id: shared.next_id.fetch_add(1, Ordering::Relaxed),
        auth: shared.auth.clone(),
    };
    smtp::session::run(stream, ctx).await;
}

async fn accept_loop(shared: Arc<Shared>, listener: TcpListener) {
    loop {
        match listener.accept().await {
            Ok((stream, peer)) => {
                tokio::spawn(handle(shared.clone(), stream, peer));
            }
            Err(e) => {
                // Out of file descriptors and the like: back off briefly, keep serving.
                warn!(error = %e, "accept failed");
                tokio::time::sleep(Duration::from_millis(50)).await;
            }
        }
    }
}

/// Every binding of the enabled receive connectors.
fn bindings(state: &State) -> Vec<SocketAddr> {
    let mut out: Vec<SocketAddr> = state
        .receive_connectors
        .iter()
        .filter(|r| r.enabled)
        .flat_map(|r| r.bindings.iter().map(|b| b.0))
        .collect();
    out.sort();
    out.dedup();
    out
}

/// Opens listeners for new bindings and closes those no longer wanted.
pub(super) async fn reconcile(
    shared: &Arc<Shared>,
    listeners: &mut HashMap<SocketAddr, JoinHandle<()>>,
    strict: bool,
) -> Result<(), StartError> {
    let snapshot = shared.snapshot.load();
    let wanted = bindings(&snapshot.state);
    listeners.retain(|addr, task| {
        let keep = wanted.contains(addr);
        if !keep {
            info!(binding = %addr, "listener closed");
            task.abort();
        }
        keep
    });
    for addr in wanted {
        if listeners.contains_key(&addr) {
            continue;
        }
        match bind(addr) {
            Ok(l) => {
                info!(binding = %addr, "listening");
                listeners.insert(addr, tokio::spawn(accept_loop(shared.clone(), l)));
            }
            Err(source) if strict => {
                return Err(StartError::Listen {
                    addr,
                    connectors: bound_by(&snapshot.state, addr),
                    source,
                });
            }
            Err(e) => error!(binding = %addr, error = %e, "cannot listen"),
        }
    }
    Ok(())
}

/// The enabled receive connectors listening on `addr`, for messages.
fn bound_by(state: &State, addr: SocketAddr) -> String {
    state
        .receive_connectors
        .iter()
        .filter(|r| r.enabled && r.bindings.iter().any(|b| b.0 == addr))
        .map(|r| format!("ReceiveConnector \"{}\"", r.name))
        .collect::<Vec<_>>()
        .join(", ")
}

fn bind(addr: SocketAddr) -> std::io::Result<TcpListener> {
    let socket = if addr.is_ipv4() {
        tokio::net::TcpSocket::new_v4()?
    } else {
        tokio::net::TcpSocket::new_v6()?
    };
    if addr.is_ipv6() {
        // `[::]:25` serves IPv6 only, so `0.0.0.0:25` can be bound beside it.
        nix::sys::socket::setsockopt(&socket, nix::sys::socket::sockopt::Ipv6V6Only, &true)
            .map_err(std::io::Error::from)?;
    }
    socket.set_reuseaddr(true)?;
    socket.bind(addr)?;
    socket.listen(1024)
}
