//! The web listener (`eopctl serve --web 127.0.0.1:8080`, off by default; TLS is the
//! admin's reverse proxy's job): axum on the relay's runtime. Each feature adds its routes
//! in [`router`] (the quarantine's self-service pages now; MTA-STS policy files can join
//! them the same way). Every response carries a strict Content-Security-Policy and no
//! caching: pages are plain HTML with no scripts, styles or external assets.

mod html;
mod quarantine;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;

use arc_swap::ArcSwap;
use axum::Router;
use axum::http::{HeaderValue, header};
use axum::response::Response;

use super::Snapshot;
use super::notify::token::Key;
use super::queue::manager::Queue;

/// What the pages need of the relay.
#[derive(Clone)]
pub struct Web {
    pub snapshot: Arc<ArcSwap<Snapshot>>,
    pub queue: Arc<Queue>,
    pub key: Key,
    pub data_dir: PathBuf,
}

/// Every route of the listener.
pub fn router(web: Web) -> Router {
    Router::new()
        .merge(quarantine::routes())
        .fallback(|| async { html::page(404, "Not found", "<p>There is no page here.</p>") })
        .layer(axum::middleware::map_response(harden))
        .with_state(web)
}

/// No script, style, frame or plug-in may load; forms post back here only; the link's
/// token never leaks through a Referer.
async fn harden(mut r: Response) -> Response {
    let h = r.headers_mut();
    for (name, value) in [
        (
            header::CONTENT_SECURITY_POLICY,
            "default-src 'none'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
        ),
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        (header::REFERRER_POLICY, "no-referrer"),
        (header::CACHE_CONTROL, "no-store"),
        (header::X_FRAME_OPTIONS, "DENY"),
    ] {
        h.insert(name, HeaderValue::from_static(value));
    }
    r
}

pub async fn bind(addr: SocketAddr) -> Result<tokio::net::TcpListener, super::StartError> {
    tokio::net::TcpListener::bind(addr)
        .await
        .map_err(|source| super::StartError::Web { addr, source })
}

/// Serves until the task is aborted.
pub async fn serve(listener: tokio::net::TcpListener, web: Web) {
    if let Err(e) = axum::serve(listener, router(web)).await {
        tracing::error!(error = %e, "web listener stopped");
    }
}
