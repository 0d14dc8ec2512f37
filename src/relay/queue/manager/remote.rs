//! The remote worker: one connection to a destination, reused for up to
//! MaxMessagesPerConnection messages and kept open a moment for the next one; at most
//! `concurrency` workers per destination.

use super::*;

/// How long an idle connection stays open for the next message (Postfix's connection
/// cache keeps them about as long).
const IDLE_CONNECTION: Duration = Duration::from_secs(2);

impl Queue {
    /// A connection to the first host of the destination that takes one.
    pub(super) async fn connect(&self, key: &DestKey) -> Result<Conn, ConnError> {
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
                key.limits
                    .inactivity_timeout
                    .map_or(self.settings.timeout, Duration::from_secs),
            )
            .await
            {
                Ok(c) => return Ok(c),
                Err(e) => {
                    info!(relay = %addr, error = %e, "connection failed, trying the next host");
                    last = e.message;
                }
            }
        }
        // Every host failed: maybe not for long.
        Err(ConnError {
            permanent: false,
            message: last,
        })
    }

    pub(super) fn pop(&self, key: &DestKey) -> Option<Job> {
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

    pub(super) async fn worker(self: Arc<Self>, key: DestKey) {
        while let Some(first) = self.pop(&key) {
            let Some(env) = self.runnable(&first) else {
                continue;
            };
            let mut conn = match self.connect(&key).await {
                Ok(c) => c,
                Err(e) => {
                    let why = DeliveryError::Connection(e);
                    let outcomes = first.rcpts.iter().map(|&i| (i, Err(why.clone()))).collect();
                    let via = Via::Unreached(key.hop.clone());
                    self.finish(&env, first, outcomes, &via).await;
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
                    Ok(Err(e)) => {
                        warn!(queue_id = %j.id, error = %e, "cannot read queued message");
                        break;
                    }
                    Err(e) => {
                        warn!(queue_id = %j.id, error = %e, "cannot read queued message");
                        break;
                    }
                };
                if key.limits.too_big(message.len() as u64) {
                    // The send connector's MaxMessageSize: returned to the sender, not
                    // tried again (it will not shrink).
                    let why = DeliveryError::TooBig {
                        size: message.len() as u64,
                        limit: key.limits.max_message_size.unwrap_or_default(),
                    };
                    let outcomes = j.rcpts.iter().map(|&i| (i, Err(why.clone()))).collect();
                    self.finish(&env, j, outcomes, &conn.via()).await;
                    job = self.next_on_connection(&key).await;
                    continue;
                }
                let outcomes: Vec<Attempt> =
                    match conn.send(env.sender.as_deref(), &rcpts, &message).await {
                        Ok(o) => o.into_iter().map(|r| r.map(Some)).collect(),
                        Err(e) => {
                            broken = true;
                            // A broken connection is worth another try, whatever it said.
                            let why = DeliveryError::Connection(ConnError {
                                permanent: false,
                                ..e
                            });
                            rcpts.iter().map(|_| Err(why.clone())).collect()
                        }
                    };
                let outcomes = j.rcpts.iter().copied().zip(outcomes).collect();
                self.finish(&env, j, outcomes, &conn.via()).await;
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
    pub(super) async fn next_on_connection(&self, key: &DestKey) -> Option<Job> {
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
}
