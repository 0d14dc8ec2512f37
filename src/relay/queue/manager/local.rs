//! Local delivery: recipients with a hosted mailbox, written to its Maildir (one copy
//! per mailbox, however many of its addresses were named).

use super::*;

impl Queue {
    pub(super) async fn deliver_local(
        self: Arc<Self>,
        env: Arc<Envelope>,
        rcpts: Vec<usize>,
        attempt: u32,
    ) {
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
                out.push((
                    i,
                    r.map(|()| None)
                        .map_err(|e| DeliveryError::Mailbox(e.to_string())),
                ));
            }
            Ok::<Vec<(usize, Attempt)>, std::io::Error>(out)
        })
        .await;
        let outcomes = match results {
            Ok(Ok(r)) => r,
            Ok(Err(e)) => {
                warn!(queue_id = %env.id, error = %e, "cannot read queued message");
                return;
            }
            Err(e) => {
                warn!(queue_id = %env.id, error = %e, "local delivery task failed");
                return;
            }
        };
        let rcpts: Vec<usize> = outcomes.iter().map(|(i, _)| *i).collect();
        self.finish(
            &env,
            Job {
                id: env.id.clone(),
                rcpts,
                attempt,
            },
            outcomes,
            &Via::Mailbox,
        )
        .await;
    }
}
