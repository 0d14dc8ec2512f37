//! The pickup directory, `<data-dir>/pickup/`: messages dropped by the CLI (a release from
//! quarantine) for the relay to send, as Postfix's maildrop. A file is
//! `EOPP1 <envelope length>\n<envelope JSON>\n<message>`, written under a dot-name and
//! renamed, so the relay never sees half a file. The relay scans the directory every
//! second, routes each message under the configuration of the moment, hands it to the
//! cleanup pipeline (which decides what a pickup or a release passes through), then
//! removes the file. It also prunes the quarantine of expired messages.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use arc_swap::ArcSwap;
use serde::{Deserialize, Serialize};
use tokio::sync::watch;
use tracing::{info, warn};

use super::Snapshot;
use super::cleanup::{self, Release, Source, Submission};
use super::quarantine;
use super::queue::manager::Queue;
use super::queue::spool::{QueuedRecipient, new_id};
use crate::policy::protection::QuarantineType;
use crate::policy::{self, Origin};

const MAGIC: &str = "EOPP1";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct Dropped {
    pub sender: Option<String>,
    pub recipients: Vec<String>,
    /// The filter not to run again.
    pub skip: Option<QuarantineType>,
    /// The quarantine entry it was released from, for the trace.
    pub released_from: Option<String>,
    /// The trace id of its first arrival: the release is traced there.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trace_id: Option<String>,
}

pub fn dir(data_dir: &Path) -> PathBuf {
    data_dir.join("pickup")
}

/// Drops a message into the pickup directory.
pub fn submit(data_dir: &Path, env: &Dropped, message: &[u8]) -> io::Result<PathBuf> {
    let json = serde_json::to_vec(env).map_err(io::Error::other)?;
    let mut bytes = format!("{MAGIC} {}\n", json.len()).into_bytes();
    bytes.extend_from_slice(&json);
    bytes.push(b'\n');
    bytes.extend_from_slice(message);
    let path = dir(data_dir).join(format!("{}.msg", new_id()));
    quarantine::write_atomic(&path, &bytes)?;
    Ok(path)
}

/// Releases a quarantined message to some of its recipients: drops it here for the relay
/// to deliver without the filter that held it, then records them as released to.
pub fn release(
    data_dir: &Path,
    e: &mut quarantine::Entry,
    recipients: &[String],
) -> io::Result<()> {
    let raw = quarantine::message(data_dir, &e.identity)?;
    let dropped = Dropped {
        sender: (!e.sender_address.is_empty()).then(|| e.sender_address.clone()),
        recipients: recipients.to_vec(),
        skip: Some(e.quarantine_type),
        released_from: Some(e.identity.clone()),
        // Entries written before they recorded it: a rule's quarantine is kept under the
        // queue id, which is the trace id.
        trace_id: e.message_trace_id.clone().or_else(|| {
            (e.quarantine_type == QuarantineType::TransportRule).then(|| e.identity.clone())
        }),
    };
    submit(data_dir, &dropped, &raw)?;
    e.released_to.extend(recipients.iter().cloned());
    quarantine::save(data_dir, e)
}

/// Reads a pickup file.
pub fn read(bytes: &[u8]) -> Option<(Dropped, &[u8])> {
    let nl = bytes.iter().position(|b| *b == b'\n')?;
    let head = std::str::from_utf8(&bytes[..nl]).ok()?;
    let len: usize = head.strip_prefix(MAGIC)?.trim().parse().ok()?;
    let json = bytes.get(nl + 1..nl + 1 + len)?;
    let env = serde_json::from_slice(json).ok()?;
    Some((env, bytes.get(nl + 2 + len..)?))
}

/// Scans the pickup directory until told to stop.
pub async fn run(
    queue: Arc<Queue>,
    snapshot: Arc<ArcSwap<Snapshot>>,
    mut stop: watch::Receiver<bool>,
) {
    let mut tick = tokio::time::interval(Duration::from_secs(1));
    let mut ticks: u64 = 0;
    loop {
        tokio::select! {
            _ = tick.tick() => {}
            _ = stop.wait_for(|s| *s) => return,
        }
        ticks += 1;
        if ticks % 60 == 1 {
            let data = queue.data_dir().to_path_buf();
            let pruned =
                tokio::task::spawn_blocking(move || quarantine::prune(&data, chrono::Utc::now()))
                    .await
                    .unwrap_or(0);
            if pruned > 0 {
                info!(pruned, "expired messages removed from the quarantine");
            }
        }
        let Ok(rd) = fs::read_dir(dir(queue.data_dir())) else {
            continue;
        };
        let mut files: Vec<PathBuf> = rd
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "msg"))
            .collect();
        files.sort();
        for path in files {
            pick(&queue, snapshot.load_full(), &path).await;
        }
    }
}

async fn pick(queue: &Arc<Queue>, snapshot: Arc<Snapshot>, path: &Path) {
    let Ok(bytes) = fs::read(path) else {
        return;
    };
    let Some((dropped, message)) = read(&bytes) else {
        warn!(file = %path.display(), "pickup: not a pickup file; set aside as .bad");
        let _ = fs::rename(path, path.with_extension("bad"));
        return;
    };
    let state = &snapshot.state;
    let client = policy::connection::identify(state, Origin::Local, &Default::default());
    // A hosted mailbox's mail is the organisation's outbound mail (a release is not: it
    // was not sent, it arrived).
    let mut outbound = None;
    if dropped.released_from.is_none() {
        let sender = dropped.sender.as_deref();
        match super::outbound::begin(&snapshot, &client, sender, false, 0).await {
            Ok(t) => outbound = t,
            Err((refusal, blame)) => {
                info!(file = %path.display(), refusal = %refusal, blame = %blame, "pickup: message refused");
                let _ = fs::remove_file(path);
                return;
            }
        }
    }
    let mut blame = Vec::new();
    let mut recipients: Vec<QueuedRecipient> = Vec::new();
    for r in &dropped.recipients {
        let d = policy::recipient::decide(state, &client, r);
        let route = match d.outcome {
            Ok(route) => route,
            Err(refusal) => {
                warn!(rcpt = %r, refusal = %refusal, "pickup: recipient cannot be routed; dropped");
                continue;
            }
        };
        if let Some(tally) = outbound.as_mut() {
            let external = d.class == Some(policy::RecipientClass::External);
            if let Err((refusal, why)) =
                super::outbound::rcpt(&snapshot, queue, tally, external, 0).await
            {
                warn!(rcpt = %r, refusal = %refusal, blame = %why, "pickup: recipient refused; dropped");
                continue;
            }
        }
        blame.push(d.blame);
        recipients.push(QueuedRecipient {
            rcpt: r.clone(),
            route,
        });
    }
    let source = match (&dropped.released_from, dropped.skip) {
        (Some(quarantine_id), Some(skip)) => Source::Release(Release {
            quarantine_id,
            trace_id: dropped.trace_id.as_deref(),
            skip,
        }),
        _ => Source::Pickup,
    };
    let done = if recipients.is_empty() {
        true
    } else {
        let submission = Submission {
            sender: dropped.sender.clone(),
            recipients,
            blame,
            message: message.to_vec(),
            client: &client,
            source,
            outbound,
        };
        match cleanup::submit(snapshot.clone(), queue, submission).await {
            Ok(id) => {
                info!(queue_id = %id, released_from = dropped.released_from.as_deref().unwrap_or_default(), recipients = %dropped.recipients.join(", "), "picked up");
                true
            }
            Err(r) if r.is_positive() || r.code >= 500 => {
                info!(file = %path.display(), reply = %r.text, "pickup: message refused");
                true
            }
            Err(r) => {
                warn!(file = %path.display(), reply = %r.text, "pickup: will try again");
                false
            }
        }
    };
    if done {
        let _ = fs::remove_file(path);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn submit_and_read_back() {
        let d = tempfile::tempdir().unwrap();
        let env = Dropped {
            sender: Some("a@x.example".into()),
            recipients: vec!["b@contoso.com".into()],
            skip: Some(QuarantineType::Spam),
            released_from: Some("Q1".into()),
            trace_id: Some("T1".into()),
        };
        let p = submit(d.path(), &env, b"Subject: x\r\n\r\nbody\n").unwrap();
        let bytes = fs::read(p).unwrap();
        assert_eq!(read(&bytes), Some((env, &b"Subject: x\r\n\r\nbody\n"[..])));
        assert_eq!(read(b"EOPP1 999\n{}"), None);
        assert_eq!(read(b"garbage"), None);
    }
}
