//! Prometheus metrics (`eopctl serve --metrics 127.0.0.1:9325`): counters kept with atomics
//! on the relay's paths, the queue sizes read from the queue at scrape time, and a tiny
//! HTTP/1.0 responder for `GET /metrics` in the text exposition format (version 0.0.4).

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::net::SocketAddr;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering::Relaxed};
use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;

use crate::policy::direction::Direction;
use crate::trace::Verdict;
use crate::trace::report::event_type;

/// A refusal's name in `eopctl_rejected_total{reason=...}`.
pub fn reason(r: crate::policy::Refusal) -> &'static str {
    use crate::policy::Refusal::*;
    match r {
        BadAddress(_) => "BadAddress",
        RelayDenied => "RelayDenied",
        UnknownRecipient => "UnknownRecipient",
        NoSuchUser => "NoSuchUser",
        Loop => "Loop",
        ClientNotAllowed => "ClientNotAllowed",
        SenderNotAllowed => "SenderNotAllowed",
        TlsRequired => "TlsRequired",
        IpBlocked => "IpBlocked",
        DnsBlocked => "DnsBlocked",
        DmarcReject => "DmarcReject",
        SenderBlocked => "SenderBlocked",
        SendAsDenied => "SendAsDenied",
        NotAuthenticated => "NotAuthenticated",
        SenderRestricted => "SenderRestricted",
        AutoForwardDenied => "AutoForwardDenied",
    }
}

/// Upper bounds (seconds) of the delivery latency histogram's buckets.
const BUCKETS: [f64; 9] = [1.0, 5.0, 10.0, 30.0, 60.0, 300.0, 900.0, 3600.0, 86_400.0];

#[derive(Default)]
pub struct Metrics {
    received: AtomicU64,
    received_tls: AtomicU64,
    delivered: AtomicU64,
    delivered_tls: AtomicU64,
    sent_remote: AtomicU64,
    deferred: AtomicU64,
    failed: AtomicU64,
    rejected: Mutex<BTreeMap<&'static str, u64>>,
    /// Recipients by (direction, event type): the live side of Get-MailflowStatusReport.
    dispositions: Mutex<BTreeMap<(Direction, &'static str), u64>>,
    latency: [AtomicU64; BUCKETS.len() + 1],
    latency_sum_ms: AtomicU64,
}

impl Metrics {
    /// A message accepted from a client.
    pub fn received(&self, tls: bool) {
        self.received.fetch_add(1, Relaxed);
        if tls {
            self.received_tls.fetch_add(1, Relaxed);
        }
    }

    /// A command or message refused in the SMTP session, by reason.
    pub fn rejected(&self, reason: &'static str) {
        *self.rejected.lock().unwrap().entry(reason).or_default() += 1;
    }

    /// A recipient whose fate the filters settled: counted by direction and by the event
    /// type of its verdict (`None`: good mail), with the names the reports use.
    pub fn disposition(&self, direction: Direction, verdict: Option<Verdict>) {
        *self
            .dispositions
            .lock()
            .unwrap()
            .entry((direction, event_type(verdict)))
            .or_default() += 1;
    }

    /// A recipient delivered; `tls` is `None` for the Maildir.
    pub fn delivered(&self, latency: Duration, tls: Option<bool>) {
        self.delivered.fetch_add(1, Relaxed);
        if let Some(tls) = tls {
            self.sent_remote.fetch_add(1, Relaxed);
            if tls {
                self.delivered_tls.fetch_add(1, Relaxed);
            }
        }
        let secs = latency.as_secs_f64();
        let bucket = BUCKETS
            .iter()
            .position(|b| secs <= *b)
            .unwrap_or(BUCKETS.len());
        self.latency[bucket].fetch_add(1, Relaxed);
        self.latency_sum_ms
            .fetch_add(latency.as_millis() as u64, Relaxed);
    }

    pub fn deferred(&self) {
        self.deferred.fetch_add(1, Relaxed);
    }

    pub fn failed(&self) {
        self.failed.fetch_add(1, Relaxed);
    }

    /// The exposition text; `queues` is (next hop, messages) of each queue.
    pub fn render(&self, queues: &[(String, usize)]) -> String {
        let mut out = String::new();
        let mut counter = |name: &str, help: &str, v: &AtomicU64| {
            let _ = writeln!(
                out,
                "# HELP {name} {help}\n# TYPE {name} counter\n{name} {}",
                v.load(Relaxed)
            );
        };
        counter(
            "eopctl_messages_received_total",
            "Messages accepted from SMTP clients.",
            &self.received,
        );
        counter(
            "eopctl_messages_received_tls_total",
            "Messages accepted over TLS.",
            &self.received_tls,
        );
        counter(
            "eopctl_recipients_delivered_total",
            "Recipients delivered (Maildir or next hop).",
            &self.delivered,
        );
        counter(
            "eopctl_recipients_sent_total",
            "Recipients sent to a next hop.",
            &self.sent_remote,
        );
        counter(
            "eopctl_recipients_sent_tls_total",
            "Recipients sent to a next hop over TLS.",
            &self.delivered_tls,
        );
        counter(
            "eopctl_recipients_deferred_total",
            "Delivery attempts that failed temporarily.",
            &self.deferred,
        );
        counter(
            "eopctl_recipients_failed_total",
            "Recipients that failed permanently (a DSN was sent).",
            &self.failed,
        );
        let _ = writeln!(
            out,
            "# HELP eopctl_rejected_total Commands and messages refused in the SMTP session, by reason.\n# TYPE eopctl_rejected_total counter"
        );
        for (reason, n) in self.rejected.lock().unwrap().iter() {
            let _ = writeln!(out, "eopctl_rejected_total{{reason=\"{reason}\"}} {n}");
        }
        let _ = writeln!(
            out,
            "# HELP eopctl_recipients_total Recipients by direction and event type (the filters' verdict), as Get-MailflowStatusReport counts them.\n# TYPE eopctl_recipients_total counter"
        );
        for ((direction, event_type), n) in self.dispositions.lock().unwrap().iter() {
            let _ = writeln!(
                out,
                "eopctl_recipients_total{{direction=\"{}\",event_type=\"{event_type}\"}} {n}",
                direction.name()
            );
        }
        let share = |part: &AtomicU64, whole: &AtomicU64| {
            let w = whole.load(Relaxed);
            if w == 0 {
                0.0
            } else {
                part.load(Relaxed) as f64 / w as f64
            }
        };
        let _ = writeln!(
            out,
            "# HELP eopctl_tls_share Share of traffic over TLS, by direction.\n# TYPE eopctl_tls_share gauge\neopctl_tls_share{{direction=\"inbound\"}} {}\neopctl_tls_share{{direction=\"outbound\"}} {}",
            share(&self.received_tls, &self.received),
            share(&self.delivered_tls, &self.sent_remote)
        );
        let _ = writeln!(
            out,
            "# HELP eopctl_queue_messages Messages waiting, per next hop.\n# TYPE eopctl_queue_messages gauge"
        );
        for (hop, n) in queues {
            let hop = hop.replace('\\', "\\\\").replace('"', "\\\"");
            let _ = writeln!(out, "eopctl_queue_messages{{next_hop=\"{hop}\"}} {n}");
        }
        let _ = writeln!(
            out,
            "# HELP eopctl_delivery_latency_seconds Time from acceptance to delivery.\n# TYPE eopctl_delivery_latency_seconds histogram"
        );
        let mut cumulative = 0;
        for (i, bound) in BUCKETS.iter().enumerate() {
            cumulative += self.latency[i].load(Relaxed);
            let _ = writeln!(
                out,
                "eopctl_delivery_latency_seconds_bucket{{le=\"{bound}\"}} {cumulative}"
            );
        }
        cumulative += self.latency[BUCKETS.len()].load(Relaxed);
        let _ = writeln!(
            out,
            "eopctl_delivery_latency_seconds_bucket{{le=\"+Inf\"}} {cumulative}\neopctl_delivery_latency_seconds_sum {}\neopctl_delivery_latency_seconds_count {cumulative}",
            self.latency_sum_ms.load(Relaxed) as f64 / 1000.0
        );
        out
    }
}

/// Serves `GET /metrics` on `listener` until the task is aborted. `body` renders the text.
pub async fn serve(listener: TcpListener, body: impl Fn() -> String + Send + Sync + 'static) {
    let body = std::sync::Arc::new(body);
    loop {
        let Ok((mut stream, _)) = listener.accept().await else {
            tokio::time::sleep(Duration::from_millis(50)).await;
            continue;
        };
        let body = body.clone();
        tokio::spawn(async move {
            // The request line and headers: small, read with a bound in size and time.
            let mut buf = Vec::with_capacity(1024);
            let read = async {
                while !buf.windows(4).any(|w| w == b"\r\n\r\n") && buf.len() < 8192 {
                    if stream.read_buf(&mut buf).await.ok()? == 0 {
                        break;
                    }
                }
                Some(())
            };
            if tokio::time::timeout(Duration::from_secs(5), read)
                .await
                .ok()
                .flatten()
                .is_none()
            {
                return;
            }
            let line = String::from_utf8_lossy(&buf);
            let mut words = line.split_whitespace();
            let (method, path) = (words.next(), words.next());
            let (status, text) = match (method, path) {
                (Some("GET"), Some("/metrics")) => ("200 OK", body()),
                (Some("GET"), _) => ("404 Not Found", "try /metrics\n".to_string()),
                _ => ("405 Method Not Allowed", "GET only\n".to_string()),
            };
            let head = format!(
                "HTTP/1.0 {status}\r\nContent-Type: text/plain; version=0.0.4; charset=utf-8\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                text.len()
            );
            let _ = stream.write_all(head.as_bytes()).await;
            let _ = stream.write_all(text.as_bytes()).await;
            let _ = stream.shutdown().await;
        });
    }
}

/// The metrics address cannot be listened on.
#[derive(Debug, thiserror::Error)]
#[error("--metrics: cannot listen on {addr}: {source}")]
pub struct BindError {
    pub addr: SocketAddr,
    #[source]
    pub source: std::io::Error,
}

/// Binds the metrics listener (at start, so a taken port stops `serve` with a clear error).
pub async fn bind(addr: SocketAddr) -> Result<TcpListener, BindError> {
    TcpListener::bind(addr)
        .await
        .map_err(|source| BindError { addr, source })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exposition_text() {
        let m = Metrics::default();
        m.received(true);
        m.received(false);
        m.rejected("RelayDenied");
        m.delivered(Duration::from_secs(2), Some(true));
        m.disposition(Direction::Inbound, Some(Verdict::Spam));
        m.disposition(Direction::Inbound, Some(Verdict::Spam));
        m.disposition(Direction::Outbound, None);
        let text = m.render(&[("mx.example".into(), 3)]);
        assert!(
            text.contains("eopctl_messages_received_total 2\n"),
            "{text}"
        );
        assert!(text.contains("eopctl_rejected_total{reason=\"RelayDenied\"} 1\n"));
        assert!(text.contains("eopctl_tls_share{direction=\"inbound\"} 0.5\n"));
        assert!(text.contains(
            "eopctl_recipients_total{direction=\"Inbound\",event_type=\"SpamDetections\"} 2\n"
        ));
        assert!(text.contains(
            "eopctl_recipients_total{direction=\"Outbound\",event_type=\"GoodMail\"} 1\n"
        ));
        assert!(text.contains("eopctl_queue_messages{next_hop=\"mx.example\"} 3\n"));
        assert!(text.contains("eopctl_delivery_latency_seconds_bucket{le=\"1\"} 0\n"));
        assert!(text.contains("eopctl_delivery_latency_seconds_bucket{le=\"5\"} 1\n"));
        assert!(text.contains("eopctl_delivery_latency_seconds_count 1\n"));
    }
}
