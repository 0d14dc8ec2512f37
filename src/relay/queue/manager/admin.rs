//! The operations behind Get-Queue, Get-QueueMessage, Retry-Queue, Suspend-Message,
//! Resume-Message and Remove-Message (over the control socket).

use super::*;

impl Queue {
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
                            status: Status::Ready,
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
                    q.status = Status::Retry;
                }
            }
        }
        for (key, dest) in &inner.dests {
            let identity = hop_name(&key.hop);
            if let Some(q) = out.iter_mut().find(|q| q.identity == identity)
                && dest.active > dest.idle
            {
                q.status = Status::Active;
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
                    Status::Suspended
                } else if errors.is_empty() {
                    Status::Ready
                } else {
                    Status::Retry
                };
                out.push(MessageInfo {
                    identity: m.env.id.clone(),
                    queue: name,
                    from_address: m.env.sender.clone().unwrap_or_default(),
                    recipients: rcpts
                        .iter()
                        .map(|&i| m.env.recipients[i].rcpt.clone())
                        .collect(),
                    status,
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
    pub fn retry_queue(
        self: &Arc<Self>,
        identity: &str,
        resubmit: bool,
    ) -> Result<usize, AdminError> {
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
                return Err(AdminError::NoQueue(identity.to_string()));
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
    pub fn suspend(&self, id: &str) -> Result<(), AdminError> {
        self.hold(id, true).map(drop)
    }

    /// Resume-Message: lets a suspended message go; what came due meanwhile is sent now.
    pub fn resume(self: &Arc<Self>, id: &str) -> Result<(), AdminError> {
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
    pub(super) fn hold(&self, id: &str, on: bool) -> Result<String, AdminError> {
        let (id, trace_id) = {
            let mut inner = self.inner.lock().unwrap();
            let m = inner
                .messages
                .values_mut()
                .find(|m| m.env.id.eq_ignore_ascii_case(id))
                .ok_or_else(|| AdminError::NotQueued(id.to_string()))?;
            m.suspended = on;
            (m.env.id.clone(), m.env.trace_id().to_string())
        };
        self.spool
            .set_suspended(&id, on)
            .map_err(AdminError::Spool)?;
        self.trace.record(if on {
            Event::new(&trace_id, Kind::Suspend, "held by Suspend-Message")
        } else {
            Event::new(&trace_id, Kind::Resume, "let go by Resume-Message")
        });
        Ok(id)
    }

    /// Remove-Message: deletes a message from the queue; with `ndr`, its open recipients
    /// fail with a DSN to the sender.
    pub async fn remove(self: &Arc<Self>, id: &str, ndr: bool) -> Result<(), AdminError> {
        let m = {
            let mut inner = self.inner.lock().unwrap();
            let key = inner
                .messages
                .keys()
                .find(|k| k.eq_ignore_ascii_case(id))
                .cloned()
                .ok_or_else(|| AdminError::NotQueued(id.to_string()))?;
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
                Event::new(
                    env.trace_id(),
                    Kind::Fail,
                    format!("{why}; {}", ndr_note(&env)),
                )
            } else {
                Event::new(
                    env.trace_id(),
                    Kind::Drop,
                    "removed by Remove-Message without a DSN",
                )
            };
            self.trace.record(e.recipient(&f.original));
        }
        if ndr {
            self.bounce(&env, &failures).await;
        }
        self.spool.remove(&env.id).map_err(AdminError::Spool)?;
        info!(queue_id = %env.id, ndr, "removed by Remove-Message");
        Ok(())
    }
}

/// The Status of a queue or a queued message, as Exchange names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Status {
    /// Waiting for a connection (or, for a message, its turn).
    Ready,
    /// A connection is delivering from the queue now.
    Active,
    /// The last attempt failed for the time being: tried again at NextRetryTime.
    Retry,
    /// Held by Suspend-Message.
    Suspended,
}

/// A queue (next hop) as Get-Queue shows it.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct QueueInfo {
    pub identity: String,
    pub delivery_type: String,
    pub status: Status,
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
    pub status: Status,
    /// Seconds since the epoch.
    pub date_received: u64,
    pub retry_count: u32,
    pub next_retry_time: Option<u64>,
    pub last_error: Option<String>,
}

/// Why an admin operation did nothing.
#[derive(Debug, thiserror::Error)]
pub enum AdminError {
    #[error("queue \"{0}\" was not found (Get-Queue lists the queues)")]
    NoQueue(String),
    #[error("message \"{0}\" is not in the queue (Get-QueueMessage lists the queued messages)")]
    NotQueued(String),
    #[error("cannot record the change in the spool: {0}")]
    Spool(#[source] std::io::Error),
}
