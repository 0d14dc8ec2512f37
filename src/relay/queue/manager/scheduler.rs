//! The scheduler: a message's recipients are sent on their way (local ones to the
//! Maildir, remote ones to the queue of their destination), routed again before a retry,
//! and their outcomes recorded: done, bounced (a DSN), or retried on the backoff schedule.

use super::*;

impl Queue {
    pub(super) fn schedule(
        self: &Arc<Self>,
        env: Arc<Envelope>,
        done: &[usize],
        suspended: bool,
        deferral: Option<Deferral>,
    ) {
        let open: Vec<usize> = (0..env.recipients.len())
            .filter(|i| !done.contains(i))
            .collect();
        let now = now_secs();
        // Deferred before a restart and not yet due: wait for its time, as it would have.
        let waiting = deferral.filter(|d| d.due > now);
        let attempts = waiting.as_ref().map_or(0, |d| d.attempts);
        let retry = match &waiting {
            Some(d) => open.iter().map(|&i| (i, (d.why.clone(), d.due))).collect(),
            None => HashMap::new(),
        };
        self.inner.lock().unwrap().messages.insert(
            env.id.clone(),
            MsgState {
                env: env.clone(),
                open: open.iter().copied().collect(),
                suspended,
                parked: Vec::new(),
                retry,
                attempts,
            },
        );
        match waiting {
            Some(d) => {
                let job = Job {
                    id: env.id.clone(),
                    rcpts: open,
                    attempt: d.attempts,
                };
                self.wait_for_retry(job, Duration::from_secs(d.due - now));
            }
            None => self.dispatch(env, open, 0),
        }
    }

    /// Holds a job until its retry time (Retry-Queue can fire it sooner).
    fn wait_for_retry(self: &Arc<Self>, job: Job, delay: Duration) {
        let timer = {
            let mut inner = self.inner.lock().unwrap();
            inner.next_timer += 1;
            let n = inner.next_timer;
            inner.deferred.insert(n, job);
            n
        };
        let q = self.clone();
        tokio::spawn(async move {
            tokio::time::sleep(delay).await;
            q.fire(timer, true);
        });
    }

    /// The current envelope of a job's message, or `None` when the job must not run now:
    /// the message was removed, or is suspended (then the job is parked for Resume).
    pub(super) fn runnable(&self, job: &Job) -> Option<Arc<Envelope>> {
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
    pub(super) fn dispatch(self: &Arc<Self>, env: Arc<Envelope>, rcpts: Vec<usize>, attempt: u32) {
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
                    limits,
                    ..
                } => {
                    let e = remote
                        .entry(DestKey {
                            hop: next_hop.clone(),
                            tls: tls.clone(),
                            client_certificate: client_certificate.clone(),
                            keeps_service_headers: *keeps_service_headers,
                            limits: *limits,
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
    pub(super) fn reroute(&self, env: &Arc<Envelope>, rcpts: &[usize]) -> Arc<Envelope> {
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
                            env.trace_id(),
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
                    info!(queue_id = %env.id, rcpt = %new.recipients[i].rcpt, refusal = %refusal, "the current configuration would refuse this recipient; keeping its route")
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

    pub(super) fn kick(self: &Arc<Self>, inner: &mut Inner, key: &DestKey) {
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

    /// Records the outcome of an attempt: done recipients, bounces, retries.
    pub(super) async fn finish(
        self: &Arc<Self>,
        env: &Arc<Envelope>,
        job: Job,
        outcomes: Vec<(usize, Attempt)>,
        via: &Via,
    ) {
        if !self.inner.lock().unwrap().messages.contains_key(&env.id) {
            // Removed (Remove-Message) while this attempt ran.
            return;
        }
        let expired = now_secs().saturating_sub(env.received_at) >= self.settings.expire.as_secs();
        let mut done = Vec::new();
        let mut failures = Vec::new();
        let mut retry = Vec::new();
        let revision = self.snapshot.load().state.revision;
        let event = |rcpt: &str, kind: Kind, detail: String| {
            let e = Event::new(env.trace_id(), kind, detail)
                .recipient(rcpt)
                .revision(revision);
            match via.to_ip() {
                Some(ip) => e.to_ip(ip.to_string()),
                None => e,
            }
        };
        for (i, outcome) in outcomes {
            let r = &env.recipients[i];
            let rcpt = remote_rcpt(r);
            match outcome {
                Ok(answer) => {
                    let reply = answer.as_ref().map(Answer::line).unwrap_or_default();
                    info!(queue_id = %env.id, rcpt = %rcpt, relay = %via, attempt = job.attempt + 1, result = "delivered", reply = %reply, "delivery");
                    let latency = std::time::SystemTime::now()
                        .duration_since(
                            std::time::UNIX_EPOCH + Duration::from_secs(env.received_at),
                        )
                        .unwrap_or_default();
                    match via {
                        Via::Smtp { tls, .. } => {
                            self.metrics.delivered(latency, Some(*tls));
                            self.trace.record(event(
                                &r.rcpt,
                                Kind::Send,
                                format!("sent to {rcpt} via {via}: {reply}"),
                            ));
                        }
                        Via::Mailbox | Via::Unreached(_) => {
                            self.metrics.delivered(latency, None);
                            self.trace.record(event(
                                &r.rcpt,
                                Kind::Deliver,
                                format!("delivered to the Maildir of {rcpt}"),
                            ));
                        }
                    }
                    done.push(i);
                }
                Err(why) if why.permanent() || expired => {
                    // A refusal bounces as the next hop said; a temporary failure that
                    // outlived the queue's lifetime bounces as expired (4.4.7).
                    let (result, status, diagnostic) = if why.permanent() {
                        ("bounced", why.status(), why.to_string())
                    } else {
                        let gave_up = humanize(self.settings.expire);
                        (
                            "expired",
                            "4.4.7".into(),
                            format!("gave up after {gave_up}: {why}"),
                        )
                    };
                    info!(queue_id = %env.id, rcpt = %rcpt, relay = %via, attempt = job.attempt + 1, result, reason = %why, "delivery");
                    self.metrics.failed();
                    self.trace.record(event(
                        &r.rcpt,
                        Kind::Fail,
                        format!("{diagnostic}; {}", ndr_note(env)),
                    ));
                    failures.push(Failure {
                        recipient: rcpt,
                        original: r.rcpt.clone(),
                        status,
                        diagnostic,
                    });
                    done.push(i);
                }
                Err(why) => {
                    info!(queue_id = %env.id, rcpt = %rcpt, relay = %via, attempt = job.attempt + 1, result = "deferred", reason = %why, "delivery");
                    self.metrics.deferred();
                    self.trace
                        .record(event(&r.rcpt, Kind::Defer, why.to_string()));
                    retry.push((i, why.to_string()));
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
            let deferral = Deferral {
                attempts: next.attempt,
                due,
                why: retry.last().map(|(_, why)| why.clone()).unwrap_or_default(),
            };
            {
                let mut inner = self.inner.lock().unwrap();
                if let Some(m) = inner.messages.get_mut(&env.id) {
                    m.attempts = m.attempts.max(next.attempt);
                    for (i, why) in retry {
                        m.retry.insert(i, (why, due));
                    }
                }
            }
            if let Err(e) = self.spool.mark_deferred(&env.id, &deferral) {
                warn!(queue_id = %env.id, error = %e, "cannot record the retry time (after a restart it is retried at once)");
            }
            self.wait_for_retry(next, delay);
        }
    }

    /// Records recipients as finished; removes the message when none is left.
    pub(super) fn finished(&self, id: &str, done: &[usize]) {
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
    pub(super) fn fire(self: &Arc<Self>, timer: u64, reroute: bool) {
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
}
