//! The outbound spam policy in the relay: for the organisation's outbound mail (the fact
//! `policy::outbound::organisation_mail` decides from the client), the sender's
//! restriction is read at MAIL FROM, each recipient is judged against the sender's limits
//! (counts from `crate::outbound`, the verdict from `policy::outbound`), the recipients of
//! a queued message are recorded, and the admins are told by a notice the relay queues
//! as its own mail (as it does a DSN), traced. The SQLite work runs on a blocking thread.

use std::sync::Arc;

use chrono::{DateTime, Utc};
use tracing::{info, warn};

use super::Snapshot;
use super::queue::manager::Queue;
use super::queue::spool::{Envelope, QueuedRecipient, new_id, now_secs};
use super::reply::{self, Reply};
use crate::outbound::{BlockedSender, Standing};
use crate::policy::antispam;
use crate::policy::outbound::{self, Counts, Over, Sent};
use crate::policy::{self, Blame, Facts, Origin, Refusal};
use crate::state::model::ThresholdAction;
use crate::trace::{Event, Kind};

/// An outbound sender's transaction: what it had sent before, and what this one adds.
#[derive(Debug, Clone)]
pub struct Tally {
    pub sender: String,
    /// Why the mail is outbound (the connector, or the hosted mailbox).
    pub why: Blame,
    before: Standing,
    added: Sent,
    /// Restricted during this transaction: later recipients are refused at once.
    restricted: Option<Blame>,
}

impl Tally {
    fn counts(&self, next: Sent) -> Counts {
        Counts {
            hour: self.before.hour + self.added + next,
            day: self.before.day + self.added + next,
        }
    }
}

/// At MAIL FROM: `Ok(None)` for mail that is not the organisation's outbound mail, the
/// sender's tally for mail that is, `Err` for a restricted sender. A database that cannot
/// be read lets the mail go on uncounted (logged): the limits protect, they are not a
/// condition for mail to flow.
pub async fn begin(
    snapshot: &Arc<Snapshot>,
    client: &policy::Client,
    sender: Option<&str>,
    authenticated: bool,
    session: u64,
) -> Result<Option<Tally>, (Refusal, Blame)> {
    let Some(why) = outbound::organisation_mail(&snapshot.state, client, sender, authenticated)
    else {
        return Ok(None);
    };
    let sender = sender.unwrap_or_default().to_string();
    let (s, who) = (snapshot.clone(), sender.clone());
    let read = tokio::task::spawn_blocking(move || s.outbound.standing(&who, Utc::now())).await;
    let before = match read {
        Ok(Ok(b)) => b,
        Ok(Err(e)) => {
            warn!(session, sender = %sender, error = %e, "outbound limits unreadable: the sender is not counted");
            return Ok(None);
        }
        Err(e) => {
            warn!(session, error = %e, "outbound limits task failed");
            return Ok(None);
        }
    };
    let reason = before.restriction.as_ref().map(|r| r.reason.as_str());
    if let Some(refused) = outbound::restricted(&sender, reason) {
        return Err(refused);
    }
    Ok(Some(Tally {
        sender,
        why,
        before,
        added: Sent::default(),
        restricted: None,
    }))
}

/// At RCPT, for an accepted recipient: `Err` when it takes the sender over a limit of a
/// blocking policy (the sender is then restricted and the admins told); under Alert the
/// admins are told once, at the recipient that crosses the limit, and it goes on.
pub async fn rcpt(
    snapshot: &Arc<Snapshot>,
    queue: &Arc<Queue>,
    tally: &mut Tally,
    external: bool,
    session: u64,
) -> Result<(), (Refusal, Blame)> {
    if let Some(blame) = &tally.restricted {
        return Err((Refusal::SenderRestricted, blame.clone()));
    }
    let Some(governing) = outbound::governing(&snapshot.state, &tally.sender) else {
        return Ok(());
    };
    let next = Sent::one(external);
    let Some(over) = outbound::judge(&governing, tally.counts(next)) else {
        tally.added = tally.added + next;
        return Ok(());
    };
    let crossing = outbound::judge(&governing, tally.counts(Sent::default())).is_none();
    match over_limit(snapshot, queue, tally, over, crossing, session).await {
        Ok(()) => {
            tally.added = tally.added + next;
            Ok(())
        }
        Err(e) => Err(e),
    }
}

/// A sender over a limit: under Alert the admins are told (when it is `crossing` the
/// limit now) and the mail goes on; otherwise the sender is restricted, the admins told,
/// and `Err` refuses.
async fn over_limit(
    snapshot: &Arc<Snapshot>,
    queue: &Arc<Queue>,
    tally: &mut Tally,
    over: Over,
    crossing: bool,
    session: u64,
) -> Result<(), (Refusal, Blame)> {
    info!(session, sender = %tally.sender, blame = %over.blame, crossing, "outbound limit reached");
    if !over.blocks() {
        if crossing {
            notify_over(snapshot, queue, &tally.sender, &over, None).await;
        }
        return Ok(());
    }
    let now = Utc::now();
    let entry = BlockedSender {
        sender_address: tally.sender.to_ascii_lowercase(),
        reason: format!("over {}", over.limit),
        policy: over.blame.object.clone(),
        created_datetime: now,
        expires: match over.action {
            ThresholdAction::BlockUserForToday => Some(next_midnight(now)),
            _ => None,
        },
    };
    let (s, e) = (snapshot.clone(), entry.clone());
    match tokio::task::spawn_blocking(move || s.outbound.restrict(&e)).await {
        Ok(Ok(())) => {
            info!(session, sender = %tally.sender, until = ?entry.expires, blame = %over.blame, "sender restricted");
            notify_over(snapshot, queue, &tally.sender, &over, Some(&entry)).await;
        }
        Ok(Err(e)) => {
            warn!(session, sender = %tally.sender, error = %e, "could not restrict the sender")
        }
        Err(e) => warn!(session, error = %e, "outbound limits task failed"),
    }
    tally.restricted = Some(over.blame.clone());
    Err((Refusal::SenderRestricted, over.blame))
}

/// After DATA: the organisation's outbound mail is spam-scored as well ("Outbound spam
/// protection in EOP"), under the Default anti-spam policy's scale (the recipients'
/// policies are for mail coming in). Spam is not relayed: it is refused with the returned
/// reply, counted toward the sender's restriction, copied to the policy's
/// BccSuspiciousOutboundAdditionalRecipients and reported to its NotifyOutboundSpamRecipients.
pub async fn scan(
    snapshot: &Arc<Snapshot>,
    queue: &Arc<Queue>,
    tally: &mut Tally,
    message: &[u8],
    id: &str,
    session: u64,
) -> Result<(), Reply> {
    let Some(content) = snapshot
        .state
        .content_filter_policies
        .iter()
        .find(|p| p.name.eq_ignore_ascii_case("Default"))
        .cloned()
    else {
        return Ok(());
    };
    let (s, bytes, sender) = (snapshot.clone(), message.to_vec(), tally.sender.clone());
    let scored = tokio::task::spawn_blocking(move || {
        let parsed = crate::policy::malware::parse(&bytes);
        let inputs = antispam::Inputs {
            sender: Some(&sender),
            // The organisation's own mail cannot spoof its own domains.
            accepted_domains: &[],
            auth: None,
            dnsbl: &[],
            external: None,
            now: Some(Utc::now().timestamp()),
            rules: s.spam_rules.as_ref().map(|l| &l.rules),
            bayes: None,
        };
        (antispam::score(parsed.as_ref(), &content, &inputs), bytes)
    })
    .await;
    let Ok((verdict, bytes)) = scored else {
        return Ok(());
    };
    if verdict.scl < 5 {
        return Ok(());
    }
    let signals: Vec<String> = verdict.signals.iter().map(ToString::to_string).collect();
    let Some(governing) = outbound::governing(&snapshot.state, &tally.sender) else {
        return Ok(());
    };
    info!(session, queue_id = %id, sender = %tally.sender, scl = verdict.scl, signals = %signals.join("; "), blame = %governing.blame, "outbound spam refused");
    queue.trace.record(
        Event::new(
            id,
            Kind::Fail,
            format!(
                "outbound spam: SCL {}, refused; signals: {}",
                verdict.scl,
                signals.join("; ")
            ),
        )
        .revision(snapshot.state.revision)
        .blame(vec![governing.blame.clone()]),
    );
    let (bcc, notify_to) = outbound::on_spam(&governing);
    if !bcc.is_empty() {
        queue_copy(snapshot, queue, &bcc, bytes, "outbound spam copy").await;
    }
    let subject = format!("Outbound spam from {}", tally.sender);
    let text = format!(
        "A message from {} was scored as spam (SCL {}) and was not relayed.\r\n\r\nSignals: {}\r\nPolicy: {}\r\nMessage trace id: {id}\r\n",
        tally.sender,
        verdict.scl,
        signals.join("; "),
        governing.blame
    );
    notify(snapshot, queue, &notify_to, &subject, &text).await;
    let strike = Sent::spam();
    let counted = outbound::judge(&governing, tally.counts(strike));
    let crossing = outbound::judge(&governing, tally.counts(Sent::default())).is_none();
    let (s, who) = (snapshot.clone(), tally.sender.clone());
    match tokio::task::spawn_blocking(move || s.outbound.record(&who, strike, Utc::now())).await {
        Ok(Ok(())) => tally.before.hour = tally.before.hour + strike,
        Ok(Err(e)) => warn!(session, error = %e, "could not count the outbound spam"),
        Err(e) => warn!(session, error = %e, "outbound limits task failed"),
    }
    if let Some(over) = counted {
        let _ = over_limit(snapshot, queue, tally, over, crossing, session).await;
    }
    Err(reply::OUTBOUND_SPAM)
}

/// After the message is queued: its recipients count for the sender. Written on a
/// blocking thread the caller does not wait for: the 250 need not wait for SQLite (whose
/// WAL checkpoints fsync now and then).
pub fn sent(snapshot: &Arc<Snapshot>, tally: Tally, session: u64) {
    if tally.added.total() == 0 {
        return;
    }
    let s = snapshot.clone();
    drop(tokio::task::spawn_blocking(move || {
        if let Err(e) = s.outbound.record(&tally.sender, tally.added, Utc::now()) {
            warn!(session, sender = %tally.sender, error = %e, "could not count the sender's recipients");
        }
    }));
}

/// When BlockUserForToday ends: the next midnight, UTC ("until the following day").
fn next_midnight(now: DateTime<Utc>) -> DateTime<Utc> {
    let tomorrow = now.date_naive() + chrono::Days::new(1);
    tomorrow
        .and_hms_opt(0, 0, 0)
        .map(|t| t.and_utc())
        .unwrap_or(now + chrono::Duration::days(1))
}

async fn notify_over(
    snapshot: &Arc<Snapshot>,
    queue: &Arc<Queue>,
    sender: &str,
    over: &Over,
    restricted: Option<&BlockedSender>,
) {
    let (subject, what) = match restricted {
        Some(r) => (
            format!("User restricted from sending email: {sender}"),
            match r.expires {
                Some(until) => format!(
                    "{sender} may not send mail until {} (BlockUserForToday).",
                    until.to_rfc3339()
                ),
                None => format!(
                    "{sender} may not send mail until an administrator lifts the restriction:\r\n\r\n    eopctl Remove-BlockedSenderAddress -SenderAddress {sender}"
                ),
            },
        ),
        None => (
            format!("Sending limit reached: {sender}"),
            format!("{sender} went over a sending limit; its mail still flows (Alert)."),
        ),
    };
    let text = format!(
        "{what}\r\n\r\nLimit: {}\r\nDecided by: {}\r\n\r\nThe sender's account may be compromised: check what it sent with Get-MessageTrace -SenderAddress {sender}.\r\n",
        over.limit, over.blame
    );
    notify(snapshot, queue, &over.notify, &subject, &text).await;
}

/// Queues a notice to the admins `to` as the relay's own mail (null sender, so no
/// notice ever comes back), traced like any message.
pub async fn notify(
    snapshot: &Arc<Snapshot>,
    queue: &Arc<Queue>,
    to: &[String],
    subject: &str,
    text: &str,
) {
    if to.is_empty() {
        return;
    }
    let id = new_id();
    let host = &snapshot.hostname;
    let from = format!("postmaster@{host}");
    let built = mail_builder::MessageBuilder::new()
        .from(("Outbound spam protection", from.as_str()))
        .to(to.iter().map(String::as_str).collect::<Vec<_>>())
        .subject(subject)
        .message_id(format!("{id}@{host}"))
        .date(now_secs() as i64)
        .text_body(text)
        .write_to_vec();
    let bytes = match built {
        Ok(b) => b,
        Err(e) => {
            warn!(error = %e, "could not build the outbound spam notice");
            return;
        }
    };
    queue.trace.record(
        Event::new(
            &id,
            Kind::Receive,
            format!("outbound spam notice: {subject}"),
        )
        .revision(snapshot.state.revision),
    );
    queue_local(snapshot, queue, id, to, bytes).await;
}

/// Queues a copy of a message to `to` as the relay's own mail.
async fn queue_copy(
    snapshot: &Arc<Snapshot>,
    queue: &Arc<Queue>,
    to: &[String],
    bytes: Vec<u8>,
    what: &str,
) {
    let id = new_id();
    queue
        .trace
        .record(Event::new(&id, Kind::Receive, what.to_string()).revision(snapshot.state.revision));
    queue_local(snapshot, queue, id, to, bytes).await;
}

/// Routes `to` as the relay's own mail (null sender: nothing ever comes back) and queues
/// the message for them, traced like any message.
async fn queue_local(
    snapshot: &Arc<Snapshot>,
    queue: &Arc<Queue>,
    id: String,
    to: &[String],
    bytes: Vec<u8>,
) {
    let decision = policy::decide(
        &snapshot.state,
        &Facts {
            origin: Origin::Local,
            sender: None,
            recipients: to,
            received_headers: None,
            tls: Default::default(),
        },
    );
    let recipients: Vec<QueuedRecipient> = decision
        .recipients
        .iter()
        .filter_map(|d| match &d.outcome {
            Ok(route) => Some(QueuedRecipient {
                rcpt: d.recipient.clone(),
                route: route.clone(),
            }),
            Err(refusal) => {
                warn!(rcpt = %d.recipient, refusal = %refusal, "outbound spam protection: the admin's address cannot be routed");
                None
            }
        })
        .collect();
    if recipients.is_empty() {
        return;
    }
    let names: Vec<String> = recipients.iter().map(|r| r.rcpt.clone()).collect();
    queue.trace.message(crate::trace::Message::of(
        &id,
        None,
        names.clone(),
        "local".into(),
        &bytes,
    ));
    let env = Envelope {
        id: id.clone(),
        sender: None,
        received_at: now_secs(),
        client: "local".into(),
        recipients,
        junk: false,
        trace_id: None,
    };
    match queue.accept(env, bytes).await {
        Ok(()) => info!(queue_id = %id, to = %names.join(", "), "queued to the admins"),
        Err(e) => warn!(error = %e, "could not queue the message to the admins"),
    }
}
