//! The mail flow rule stage: parses the message once, asks the policy
//! (`policy::content`), and carries the decision out (`relay::content`): a refusal, a
//! deletion, a quarantine (written here), or the edited message and recipients to go on.
//! Each outcome is in the message trace, recipient by recipient.

use std::sync::Arc;

use tracing::{debug, info, warn};

use crate::policy::content::{ContentAction, RuleResult};
use crate::policy::direction;
use crate::policy::{self, Blame, Client};
use crate::relay::Snapshot;
use crate::relay::content::{self, Outcome};
use crate::relay::quarantine;
use crate::relay::queue::manager::Queue;
use crate::relay::queue::spool::QueuedRecipient;
use crate::relay::reply::{self, Reply};
use crate::state::model::RuleMode;
use crate::trace::{Event, Kind, Verdict};

/// The message as it arrived, for the stage.
pub struct Arrival<'a> {
    pub snapshot: &'a Arc<Snapshot>,
    pub queue: &'a Queue,
    pub client: &'a Client,
    /// The session id, for the log.
    pub session: u64,
    /// The queue id, which is also the trace id.
    pub id: &'a str,
    pub sender: Option<&'a str>,
    /// The fields the relay added (kept with a quarantined message).
    pub prefix: &'a str,
    /// The client's address; `local` for the relay's own mail.
    pub from_ip: &'a str,
}

/// What goes on to the protection stage.
pub struct Ruled {
    pub body: Vec<u8>,
    pub recipients: Vec<QueuedRecipient>,
    /// A rule filed it in Junk (DeliverToJunk, or an SCL).
    pub junk: bool,
    /// The SCL a rule set.
    pub rule_scl: Option<i8>,
    /// A rule in Enforce mode matched (the reports' RuleMessages).
    pub rule_acted: bool,
}

impl Ruled {
    /// The message as it came, when no rule is to run.
    pub fn untouched(body: Vec<u8>, recipients: Vec<QueuedRecipient>) -> Ruled {
        Ruled {
            body,
            recipients,
            junk: false,
            rule_scl: None,
            rule_acted: false,
        }
    }
}

/// The stage's outcome.
pub enum Fate {
    Queue(Ruled),
    /// Answered here: `Ok` accepted and then deleted or quarantined; `Err` refused.
    Answered(Result<(), Reply>),
}

/// Runs the rules on the message and carries out their decision.
pub async fn apply(a: &Arrival<'_>, body: Vec<u8>, recipients: Vec<QueuedRecipient>) -> Fate {
    let snapshot = a.snapshot;
    if !policy::content::needed(&snapshot.state) {
        return Fate::Queue(Ruled::untouched(body, recipients));
    }
    let (session, id) = (a.session, a.id);
    let trace = &a.queue.trace;
    let revision = snapshot.state.revision;
    let rcpts: Vec<String> = recipients.iter().map(|r| r.rcpt.clone()).collect();
    let facts = policy::message::parse(
        &body,
        &policy::message::Envelope {
            sender: a.sender,
            recipients: &rcpts,
            client_ip: match a.client.origin {
                policy::Origin::Client(ip) => Some(ip),
                policy::Origin::Local => None,
            },
            client_in_organization: a.client.from_on_premises(),
            now: chrono::Utc::now(),
        },
    );
    let decision = policy::content::decide(&snapshot.state, &snapshot.rules, a.client, &facts);
    // Rules that matched (acted or audited) at info; with 1,000 rules the others
    // would drown the log, so they are at debug.
    for t in &decision.rules {
        if t.result != RuleResult::Matched {
            debug!(session, queue_id = %id, rule = %t.rule, result = ?t.result, reasons = %t.reasons.join("; "), "transport rule");
            continue;
        }
        info!(session, queue_id = %id, rule = %t.rule, mode = ?t.mode, result = ?t.result, reasons = %t.reasons.join("; "), actions = %t.actions.join("; "), "transport rule");
        let event = Event::new(
            id,
            Kind::TransportRule,
            format!(
                "{:?}: {}; actions: {}",
                t.mode,
                t.reasons.join("; "),
                t.actions.join("; ")
            ),
        )
        .revision(revision)
        .blame(vec![Blame::new(
            format!("TransportRule \"{}\"", t.rule),
            "matched",
        )]);
        // The reports count a rule's message only when the rule acted (Audit records).
        trace.record(match t.mode {
            RuleMode::Enforce => event.verdict(Verdict::TransportRule),
            _ => event,
        });
    }
    let rule_acted = decision
        .rules
        .iter()
        .any(|t| t.result == RuleResult::Matched && t.mode == RuleMode::Enforce);
    let rule_scl = decision.actions.iter().find_map(|(a, _)| match a {
        ContentAction::SetScl(n) => Some(*n),
        _ => None,
    });
    // Each recipient's row ends in the status of what became of the message.
    let each = |kind: Kind, detail: &str, blame: &Blame| {
        for r in &rcpts {
            a.queue.metrics.disposition(
                direction::of(&snapshot.state, a.client, r),
                Some(Verdict::TransportRule),
            );
            trace.record(
                Event::new(id, kind, detail)
                    .recipient(r)
                    .revision(revision)
                    .blame(vec![blame.clone()]),
            );
        }
    };
    match content::apply(&decision, body, recipients) {
        Outcome::Reject(r, blame) => {
            info!(session, blame = %blame, "message rejected by the content stage");
            for r in &rcpts {
                let direction = direction::of(&snapshot.state, a.client, r);
                a.queue
                    .metrics
                    .disposition(direction, Some(Verdict::TransportRule));
            }
            Fate::Answered(Err(r))
        }
        Outcome::Delete(blame) => {
            info!(session, queue_id = %id, blame = %blame, "message deleted");
            each(Kind::Drop, "deleted by a mail flow rule", &blame);
            Fate::Answered(Ok(()))
        }
        Outcome::Quarantine {
            reason,
            blame,
            message,
        } => {
            let stored = put(a, &facts, &rcpts, reason.clone(), &blame, message).await;
            if stored.is_ok() {
                info!(session, queue_id = %id, blame = %blame, "message quarantined");
                each(
                    Kind::Quarantine,
                    &format!("quarantined as TransportRule ({id}): {reason}"),
                    &blame,
                );
            }
            Fate::Answered(stored)
        }
        Outcome::Queue {
            message,
            recipients,
            junk,
            refused,
        } => {
            for (rcpt, blame) in refused {
                info!(session, queue_id = %id, rcpt = %rcpt, blame = %blame, "added recipient refused");
            }
            // Recipients a rule added get their rows, as the ones the client named did.
            let added: Vec<&QueuedRecipient> = recipients
                .iter()
                .filter(|r| !rcpts.contains(&r.rcpt))
                .collect();
            if !added.is_empty() {
                let names = added.iter().map(|r| r.rcpt.clone()).collect();
                let mut m =
                    crate::trace::Message::of(id, a.sender, names, a.from_ip.to_string(), &message);
                m.size += a.prefix.len() as u64;
                trace.message(m);
                for r in added {
                    trace.record(
                        Event::new(id, Kind::Verdict, r.route.describe())
                            .recipient(&r.rcpt)
                            .revision(revision)
                            .direction(direction::of(&a.snapshot.state, a.client, &r.rcpt)),
                    );
                }
            }
            if recipients.is_empty() {
                info!(session, queue_id = %id, "no recipient left after the content stage: message dropped");
                return Fate::Answered(Ok(()));
            }
            Fate::Queue(Ruled {
                body: message,
                recipients,
                junk,
                rule_scl,
                rule_acted,
            })
        }
    }
}

/// Keeps a message a rule quarantined (as received, with the relay's fields), under its
/// queue id; `Err` is the reply when it cannot be kept.
async fn put(
    a: &Arrival<'_>,
    facts: &policy::message::MessageFacts,
    rcpts: &[String],
    reason: String,
    blame: &Blame,
    message: Vec<u8>,
) -> Result<(), Reply> {
    let state = &a.snapshot.state;
    let mut bytes = a.prefix.as_bytes().to_vec();
    bytes.extend_from_slice(&message);
    let now = chrono::Utc::now();
    // Rule quarantines are kept as long as the Default anti-spam policy says.
    let days = state
        .content_filter_policies
        .iter()
        .find(|p| p.name == "Default")
        .map_or(15, |p| p.quarantine_retention_period);
    let record = quarantine::Entry {
        identity: a.id.to_string(),
        received_time: now,
        expires: now + chrono::Duration::days(i64::from(days)),
        quarantine_type: policy::protection::QuarantineType::TransportRule,
        sender_address: a.sender.unwrap_or_default().to_string(),
        recipient_address: rcpts.to_vec(),
        subject: facts.subject.clone(),
        message_id: facts
            .header_values("Message-ID")
            .next()
            .unwrap_or_default()
            .to_string(),
        size: bytes.len() as u64,
        policy_name: blame.object.clone(),
        reasons: vec![reason],
        released_to: Vec::new(),
        message_trace_id: Some(a.id.to_string()),
        tag_name: policy::quarantine::tag(
            state,
            "",
            policy::protection::QuarantineType::TransportRule,
        )
        .0,
        release_requested_by: Vec::new(),
        deleted_for: Vec::new(),
    };
    let dir = a.snapshot.data_dir.clone();
    match tokio::task::spawn_blocking(move || quarantine::put(&dir, &record, &bytes)).await {
        Ok(Ok(_)) => Ok(()),
        Ok(Err(e)) => {
            warn!(session = a.session, error = %e, "could not quarantine the message");
            Err(reply::LOCAL_ERROR)
        }
        Err(e) => {
            warn!(session = a.session, error = %e, "quarantine task failed");
            Err(reply::LOCAL_ERROR)
        }
    }
}
