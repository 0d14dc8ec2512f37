//! The cleanup pipeline: every way into the queue hands a finished message here (an SMTP
//! session at the end of DATA, the pickup directory, a release from quarantine), as
//! Postfix's smtpd, pickup and sendmail all hand theirs to cleanup. It runs the message's
//! stages in one order and writes the queue file; the caller gets the queue id for its
//! 250, or the reply refusing the message. It speaks no protocol and reads no socket.
//!
//! Which stages run depends on where the message comes from, decided here and nowhere
//! else ([`Source`]):
//!
//! | stage                                              | SMTP | pickup | release |
//! |----------------------------------------------------|------|--------|---------|
//! | loop check, service headers, enhanced filtering,   | yes  | no     | no      |
//! | second connection filter pass, sender              |      |        |         |
//! | authentication, Received header (`inspect`)        |      |        |         |
//! | trace: arrival (rows, Receive, a Verdict per rcpt) | yes  | yes    | no      |
//! | trace: Release under the first arrival's trace id  | no   | no     | yes     |
//! | mail flow rules (`rules`)                          | yes  | yes    | no      |
//! | outbound spam (the organisation's own mail only)    | yes  | yes    | no      |
//! | protection, quarantine, DKIM, queue write          | yes  | yes    | yes (*) |
//!
//! The SMTP-only stages judge a client on the network; pickup mail is the relay's own
//! (Test-MailFlow's probe, written by the CLI on this host). A release already passed the
//! rules and the filters on its first arrival: running the rules again would quarantine a
//! rule-quarantined message once more. (*) A release skips the filter that quarantined it,
//! and is not DKIM-signed: it leaves as it arrived (`protection`).

mod inspect;
mod rules;

use std::net::IpAddr;
use std::sync::Arc;

use tracing::info;

use crate::policy::connection_filter::ConnectionVerdict;
use crate::policy::protection::QuarantineType;
use crate::policy::{Blame, Client};
use crate::relay::Snapshot;
use crate::relay::auth::{Authenticator, EarlySpf};
use crate::relay::protection::{self, Arrival};
use crate::relay::queue::manager::Queue;
use crate::relay::queue::spool::{Envelope, QueuedRecipient, new_id, now_secs};
use crate::relay::reply::Reply;
use crate::trace::{Event, Kind};

/// A finished message, handed in by an entry point.
pub struct Submission<'a> {
    /// The reverse path; `None` is the null sender.
    pub sender: Option<String>,
    /// The recipients accepted, each routed.
    pub recipients: Vec<QueuedRecipient>,
    /// Each recipient's Blame list, in the same order (for the trace).
    pub blame: Vec<Vec<Blame>>,
    /// The message as received (for SMTP: dot-unstuffed, without the relay's headers).
    pub message: Vec<u8>,
    /// How the policy identified the sender's client.
    pub client: &'a Client,
    pub source: Source<'a>,
    /// The organisation's outbound mail: its sender's tally (`relay::outbound`), spam
    /// scored before the protection stage and counted once queued.
    pub outbound: Option<crate::relay::outbound::Tally>,
}

/// Where a message comes from: decides the stages it passes (see the table above).
pub enum Source<'a> {
    /// From an SMTP client, with SPF started at MAIL FROM (if it was).
    Smtp(Smtp<'a>, Option<EarlySpf>),
    /// Dropped into the pickup directory by a local tool.
    Pickup,
    /// Released from quarantine by Release-QuarantineMessage.
    Release(Release<'a>),
}

/// A message released from quarantine.
#[derive(Clone, Copy)]
pub struct Release<'a> {
    /// The quarantine entry's Identity.
    pub quarantine_id: &'a str,
    /// The trace id of the message's first arrival, when known.
    pub trace_id: Option<&'a str>,
    /// The filter that quarantined it, not to run again.
    pub skip: QuarantineType,
}

/// What an SMTP session knows of the client and the conversation.
pub struct Smtp<'a> {
    /// The session id, for the log.
    pub session: u64,
    pub peer: IpAddr,
    pub helo: Option<&'a str>,
    /// EHLO (not HELO) was used.
    pub esmtp: bool,
    pub tls: bool,
    /// The client authenticated (SMTP AUTH).
    pub authenticated: bool,
    /// MAIL FROM asked for SMTPUTF8.
    pub smtputf8: bool,
    /// The name the relay gave itself on this connection.
    pub fqdn: &'a str,
    /// The receive connector's name.
    pub connector: &'a str,
    /// The connection filter's verdict at connect.
    pub connection: &'a ConnectionVerdict,
    pub auth: &'a Authenticator,
}

/// Runs the stages and writes the queue file. `Ok(id)` is the queue id for the 250
/// (also when the message was accepted and then deleted or quarantined); `Err` the reply
/// refusing it.
pub async fn submit(
    snapshot: Arc<Snapshot>,
    queue: &Arc<Queue>,
    sub: Submission<'_>,
) -> Result<String, Reply> {
    let Submission {
        sender,
        recipients,
        blame,
        message,
        client,
        source,
        mut outbound,
    } = sub;
    if let (Source::Smtp(s, _), Some(who)) = (&source, &client.submitter) {
        sent_as_own(&snapshot, queue, s.session, who, &message)?;
    }
    let id = new_id();
    let revision = snapshot.state.revision;
    let trace = &queue.trace;
    let (smtp, early_spf, release) = match source {
        Source::Smtp(s, spf) => (Some(s), spf, None),
        Source::Pickup => (None, None, None),
        Source::Release(r) => (None, None, Some(r)),
    };
    let smtp = smtp.as_ref();
    let inspected = match smtp {
        Some(s) => {
            let tx = inspect::Transaction {
                sender: sender.as_deref(),
                recipients: &recipients,
                early_spf,
            };
            inspect::inspect(&snapshot, queue, s, client, &id, tx, message).await?
        }
        None => inspect::Inspected::local(message),
    };
    let inspect::Inspected {
        prefix,
        body,
        auth,
        allowed,
        filter_ip,
    } = inspected;
    let from_ip = smtp.map_or_else(|| "local".to_string(), |s| s.peer.to_string());
    match release {
        Some(Release {
            quarantine_id,
            trace_id: Some(t),
            ..
        }) => {
            for r in &recipients {
                trace.record(
                    Event::new(
                        t,
                        Kind::Release,
                        format!("released from quarantine ({quarantine_id})"),
                    )
                    .recipient(&r.rcpt)
                    .revision(revision),
                );
            }
        }
        // Everything else arrives now (a release whose first arrival is unknown, too):
        // its rows and its Receive event, before any stage can end its journey.
        _ => trace.received(
            crate::trace::Received {
                id: &id,
                sender: sender.as_deref(),
                client_ip: from_ip.clone(),
                helo: match smtp {
                    Some(s) => s.helo.unwrap_or("unknown"),
                    None => "pickup directory",
                },
                connector: smtp.map_or("Pickup", |s| s.connector),
                tls: smtp.is_some_and(|s| s.tls),
                revision,
                client: client.blame.clone(),
                size: (prefix.len() + body.len()) as u64,
                recipients: recipients
                    .iter()
                    .zip(blame)
                    .map(|(r, b)| (r.rcpt.clone(), r.route.describe(), b))
                    .collect(),
                directions: recipients
                    .iter()
                    .map(|r| crate::policy::direction::of(&snapshot.state, client, &r.rcpt))
                    .collect(),
            },
            &body,
        ),
    }
    if let Some(results) = &auth.results {
        trace.record(
            Event::new(
                &id,
                Kind::Verdict,
                format!("sender authentication of {filter_ip}: {results}"),
            )
            .revision(revision),
        );
    }
    let session = smtp.map_or(0, |s| s.session);
    // Mail flow rules first: they may reject, delete, quarantine, edit, reroute or add
    // recipients; the protection stage then judges what is left.
    let ruled = if release.is_some() {
        rules::Ruled::untouched(body, recipients)
    } else {
        let arrival = rules::Arrival {
            snapshot: &snapshot,
            queue,
            client,
            session,
            id: &id,
            sender: sender.as_deref(),
            prefix: &prefix,
            from_ip: &from_ip,
        };
        match rules::apply(&arrival, body, recipients).await {
            rules::Fate::Queue(ruled) => ruled,
            rules::Fate::Answered(answer) => {
                if let Err(r) = &answer {
                    refused(queue, &id, r);
                }
                return answer.map(|()| id);
            }
        }
    };
    if let Some(tally) = outbound.as_mut()
        && let Err(r) =
            crate::relay::outbound::scan(&snapshot, queue, tally, &ruled.body, &id, session).await
    {
        return Err(r);
    }
    let mut message = prefix.into_bytes();
    message.extend_from_slice(&ruled.body);
    drop(ruled.body);
    let env = Envelope {
        id: id.clone(),
        sender,
        received_at: now_secs(),
        client: from_ip,
        recipients: ruled.recipients,
        junk: ruled.junk,
        trace_id: release.and_then(|r| r.trace_id).map(str::to_string),
    };
    let rcpts = env.recipients.len();
    let arrival = Arrival {
        snapshot: snapshot.clone(),
        queue,
        client,
        helo: smtp.and_then(|s| s.helo),
        skip: release.map(|r| r.skip),
        session,
        auth: auth.facts,
        allowed,
        rule_scl: ruled.rule_scl,
        rule_acted: ruled.rule_acted,
        dnsbl: smtp
            .map(|s| s.connection.dnsbl.iter().map(|l| l.zone.clone()).collect())
            .unwrap_or_default(),
    };
    match protection::accept(&arrival, env, message).await {
        Ok(id) => {
            info!(session, queue_id = %id, recipients = rcpts, "queued");
            if let Some(tally) = outbound {
                crate::relay::outbound::sent(&snapshot, tally, session);
            }
            if let Some(s) = smtp {
                queue.metrics.received(s.tls);
            }
            Ok(id)
        }
        Err(r) => {
            // A release's refusal belongs to the message it was released from.
            let traced = release.and_then(|r| r.trace_id).unwrap_or(&id);
            refused(queue, traced, &r);
            Err(r)
        }
    }
}

/// An authenticated client's From address must be its own, as its MAIL FROM was (EOP
/// refuses with 5.7.60 otherwise). Checked before anything is recorded: the message
/// never arrived.
fn sent_as_own(
    snapshot: &Snapshot,
    queue: &Queue,
    session: u64,
    who: &crate::policy::Submitter,
    message: &[u8],
) -> Result<(), Reply> {
    let parsed = mail_parser::MessageParser::default().parse_headers(message);
    let from = parsed
        .as_ref()
        .and_then(|m| m.from())
        .and_then(|f| f.first())
        .and_then(|f| f.address())
        .map(str::to_string);
    match crate::policy::submission::send_as(&snapshot.state, who, from.as_deref()) {
        Ok(_) => Ok(()),
        Err((refusal, blame)) => {
            info!(session, from = from.as_deref().unwrap_or("none"), refusal = %refusal, blame = %blame, "message refused: From is not the client's own address");
            queue
                .metrics
                .rejected(crate::relay::metrics::reason(refusal));
            Err(crate::relay::reply::refusal(refusal))
        }
    }
}

/// Records a refusal after the message's arrival was traced.
fn refused(queue: &Queue, id: &str, r: &Reply) {
    queue.trace.record(Event::new(
        id,
        Kind::Fail,
        format!("refused after DATA: {}", r.to_wire().trim_end()),
    ));
}
