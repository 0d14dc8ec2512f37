//! DSN routing: a failure report to the sender, built by `ndr` and queued like any
//! message (routed as the relay's own mail), unless the sender is null.

use super::*;
use crate::policy::direction;

impl Queue {
    /// Queues a DSN to the sender, unless the sender is null.
    pub(super) async fn bounce(self: &Arc<Self>, env: &Envelope, failures: &[Failure]) {
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
                warn!(queue_id = %env.id, sender = %sender, refusal = %refusal, "no DSN: the sender cannot be routed");
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
            trace_id: None,
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
            .revision(snapshot.state.revision)
            .direction(direction::of(
                &snapshot.state,
                &policy::connection::identify(
                    &snapshot.state,
                    Origin::Local,
                    &policy::TlsFacts::default(),
                ),
                &dsn.recipients[0].rcpt,
            )),
        );
        match self.accept(dsn, bytes).await {
            Ok(()) => info!(queue_id = %env.id, dsn_id = %dsn_id, "DSN queued"),
            Err(e) => warn!(queue_id = %env.id, error = %e, "cannot queue the DSN"),
        }
    }
}
