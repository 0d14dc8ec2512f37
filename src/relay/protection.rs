//! The protection stage at the end of DATA (and for released mail from the pickup
//! directory): asks the external scanners the policies name, runs the pure evaluation
//! (`policy::protection`), and applies it: 550 5.7.1 for rejected malware before any 250,
//! quarantine, deletion, redirection, the Junk Email folder, the stamped headers and the
//! subject prefix. Each group of recipients with the same outcome is queued as its own
//! message.

use crate::trace::{Event, Kind, Verdict};
use std::net::IpAddr;
use std::sync::Arc;

use tracing::{info, warn};

use super::Snapshot;
use super::quarantine;
use super::queue::manager::Queue;
use super::queue::spool::{Envelope, QueuedRecipient, new_id};
use super::reply::{self, Reply};
use super::scanners;
use crate::policy::filter_scope;
use crate::policy::protection::{Action, Copy, Facts, QuarantineType, evaluate, rewrite};
use crate::policy::{self, Blame, Client, Origin, malware};

pub const MALWARE_REJECTED: Reply = Reply {
    code: 550,
    text: std::borrow::Cow::Borrowed(
        "5.7.1 Message rejected: it contains malware or a blocked file type",
    ),
};
pub const SCANNER_UNAVAILABLE: Reply = Reply {
    code: 451,
    text: std::borrow::Cow::Borrowed("4.7.0 Message could not be scanned, try again later"),
};

/// Where a message comes from, for the stage.
pub struct Arrival<'a> {
    pub snapshot: Arc<Snapshot>,
    pub queue: &'a Arc<Queue>,
    pub client: &'a Client,
    pub helo: Option<&'a str>,
    /// The filter not to run again (released from its quarantine).
    pub skip: Option<QuarantineType>,
    /// A session id for the log.
    pub session: u64,
    /// Sender authentication's results (none for exempt clients).
    pub auth: Option<crate::policy::antispam::AuthFacts>,
    /// The connection filter's IPAllowList matched: no spam filtering (malware still is).
    pub allowed: bool,
    /// DNS block list zones that list the client (IPBlockListZoneAction Score).
    pub dnsbl: Vec<String>,
    /// The SCL a mail flow rule set (SetSCL): it stands instead of the spam filter's, as in
    /// EOP.
    pub rule_scl: Option<i8>,
    /// A mail flow rule in Enforce mode matched it (the reports' RuleMessages).
    pub rule_acted: bool,
}

/// The reports' verdict for a message quarantined as `t`.
fn quarantined(t: QuarantineType) -> Verdict {
    match t {
        QuarantineType::Malware => Verdict::Malware,
        QuarantineType::TransportRule => Verdict::TransportRule,
        QuarantineType::Phish | QuarantineType::HighConfidencePhish => Verdict::Phish,
        QuarantineType::Spam | QuarantineType::HighConfidenceSpam | QuarantineType::Bulk => {
            Verdict::Spam
        }
    }
}

/// The filters run on at most one thread per core. More at once finish no sooner (the
/// work is CPU-bound), and every thread filtering at once holds its own matching caches
/// of the rule engine's regexes (its lazy DFAs, PCRE2's match data): at 10 concurrent
/// sessions on 2 cores that was 745 MiB against 244 MiB without filtering.
static FILTERING: std::sync::LazyLock<tokio::sync::Semaphore> = std::sync::LazyLock::new(|| {
    tokio::sync::Semaphore::new(std::thread::available_parallelism().map_or(1, |n| n.get()))
});

fn skips_spam(skip: Option<QuarantineType>) -> bool {
    skip.is_some_and(|t| !matches!(t, QuarantineType::Malware | QuarantineType::TransportRule))
}

/// Recipients sharing an outcome: the copy, the quarantine policy of a quarantined one
/// (and who named it), the recipients' indexes.
type Group = (Copy, Option<(String, Blame)>, Vec<usize>);

/// Runs the stage and queues what is to be delivered. `Ok(id)` is the queue id for the
/// 250 reply; `Err` is the reply refusing the message.
pub async fn accept(a: &Arrival<'_>, env: Envelope, message: Vec<u8>) -> Result<String, Reply> {
    let state = &a.snapshot.state;
    let rcpts: Vec<String> = env.recipients.iter().map(|r| r.rcpt.clone()).collect();
    let client_ip: Option<IpAddr> = match a.client.origin {
        Origin::Client(ip) => Some(ip),
        Origin::Local => None,
    };
    let trusted = a.client.organization_outbound() || a.allowed || a.rule_scl.is_some();
    let external = match spam_scanner(a, &rcpts, trusted) {
        Some(url) => {
            let req = scanners::RspamdRequest {
                sender: env.sender.as_deref(),
                recipients: &rcpts,
                client_ip,
                helo: a.helo,
            };
            match scanners::rspamd(&url, &req, &message).await {
                Ok(s) => Some(s),
                Err(e) => {
                    // Fail open: the built-in signals still score the message.
                    warn!(session = a.session, queue_id = %env.id, error = %e, "spam scanner unavailable");
                    None
                }
            }
        }
        None => None,
    };
    let signature = match clam_server(a, &rcpts) {
        Some(server) => match scanners::clamd(&server, &message).await {
            Ok(s) => s,
            Err(e) => {
                // Fail closed: unscanned mail waits for the scanner (the client retries).
                warn!(session = a.session, queue_id = %env.id, error = %e, "malware scanner unavailable");
                return Err(SCANNER_UNAVAILABLE);
            }
        },
        None => None,
    };
    let snapshot = a.snapshot.clone();
    let (sender, skip) = (env.sender.clone(), a.skip);
    let (auth, dnsbl) = (a.auth, a.dnsbl.clone());
    let now = chrono::Utc::now().timestamp();
    let session = a.session;
    let slot = FILTERING.acquire().await.map_err(|_| reply::LOCAL_ERROR)?;
    let blocking = tokio::task::spawn_blocking(move || {
        let parsed = malware::parse(&message);
        let tabl = snapshot.tabl.current();
        let judgement = match parsed.as_ref() {
            Some(m) if !trusted && !skips_spam(skip) => {
                snapshot.learned.judge(m).unwrap_or_else(|e| {
                    // Fail open: the other signals still score the message.
                    warn!(session, error = %e, "learning filter database unreadable");
                    None
                })
            }
            _ => None,
        };
        let facts = Facts {
            sender: sender.as_deref(),
            recipients: &rcpts,
            client_ip,
            trusted,
            auth,
            dnsbl: &dnsbl,
            external: external.as_ref(),
            signature: signature.as_deref(),
            now: Some(now),
            skip,
            spam_rules: snapshot.spam_rules.as_ref().map(|l| &l.rules),
            bayes: judgement.as_ref().and_then(|j| j.probability()),
            tabl: Some(&*tabl),
        };
        let outcome = evaluate(&snapshot.state, &message, parsed.as_ref(), &facts);
        drop(parsed);
        (outcome, message, judgement)
    });
    let (outcome, message, judgement) = blocking.await.map_err(|_| reply::LOCAL_ERROR)?;
    drop(slot);
    let trace = &a.queue.trace;
    let revision = state.revision;
    let event =
        |kind: Kind, detail: String| Event::new(env.trace_id(), kind, detail).revision(revision);
    if let Some(j) = &judgement {
        let detail = crate::spamdb::describe(j);
        info!(session = a.session, queue_id = %env.id, probability = j.classification.probability, active = j.probability().is_some(), "learning filter");
        trace.record(event(Kind::Verdict, detail));
    }
    if !outcome.tabl.used.is_empty() {
        let (s, ids) = (a.snapshot.clone(), outcome.tabl.used.clone());
        drop(tokio::task::spawn_blocking(move || {
            s.tabl.used(&ids, chrono::Utc::now())
        }));
    }
    if let Some(allowed) = &outcome.tabl.allowed {
        info!(session = a.session, queue_id = %env.id, blame = %allowed, "Tenant Allow/Block List");
        trace.record(event(Kind::Verdict, allowed.reason.clone()).blame(vec![allowed.clone()]));
    }
    for scored in &outcome.spam {
        let v = &scored.verdict;
        let signals: Vec<String> = v.signals.iter().map(ToString::to_string).collect();
        let action = v.action.map_or("deliver".to_string(), |a| format!("{a:?}"));
        info!(session = a.session, queue_id = %env.id, policy = %v.policy, scl = v.scl, bcl = v.bcl, category = v.category.code(), action = %action, signals = %signals.join("; "), "anti-spam verdict");
        trace.record(
            event(
                Kind::Verdict,
                format!(
                    "anti-spam: SCL {}, BCL {}, category {}, action {action}; signals: {}",
                    v.scl,
                    v.bcl,
                    v.category.code(),
                    signals.join("; ")
                ),
            )
            .blame(vec![scored.by.clone()]),
        );
    }
    // Counted once, at the first arrival: a release from quarantine was counted then.
    let tally = |names: &[&str], verdict: Option<Verdict>| {
        if a.skip.is_none() {
            for r in names {
                let direction = policy::direction::of(state, a.client, r);
                a.queue.metrics.disposition(direction, verdict);
            }
        }
    };
    if let Some(f) = &outcome.reject {
        info!(session = a.session, queue_id = %env.id, finding = %f, "message rejected: malware");
        let names: Vec<&str> = env.recipients.iter().map(|r| r.rcpt.as_str()).collect();
        tally(&names, Some(Verdict::Malware));
        trace.record(
            event(Kind::Fail, format!("rejected as malware: {f}")).verdict(Verdict::Malware),
        );
        return Err(MALWARE_REJECTED);
    }
    let dkim = dkim_signer(a, &message);
    // Recipients with the same outcome travel together; a quarantined copy also with
    // those held under the same quarantine policy.
    let mut groups: Vec<Group> = Vec::new();
    for (i, (rcpt, copy)) in outcome.copies.iter().enumerate() {
        let tag = match copy.action {
            Action::Quarantine(t) => Some(policy::quarantine::tag(state, rcpt, t)),
            _ => None,
        };
        match groups.iter_mut().find(|(c, g, _)| {
            c.action == copy.action
                && c.headers == copy.headers
                && c.subject_prefix == copy.subject_prefix
                && g.as_ref().map(|g| &g.0) == tag.as_ref().map(|t| &t.0)
        }) {
            Some((_, _, members)) => members.push(i),
            None => groups.push((copy.clone(), tag, vec![i])),
        }
    }
    let mut first = true;
    for (copy, tag, members) in groups {
        let recipients: Vec<QueuedRecipient> =
            members.iter().map(|&i| env.recipients[i].clone()).collect();
        let names: Vec<&str> = recipients.iter().map(|r| r.rcpt.as_str()).collect();
        tally(
            &names,
            match &copy.action {
                Action::Quarantine(t) => Some(quarantined(*t)),
                Action::Delete | Action::Junk | Action::Redirect(_) => Some(Verdict::Spam),
                Action::Deliver => a.rule_acted.then_some(Verdict::TransportRule),
            },
        );
        let (recipients, junk) = match &copy.action {
            Action::Delete => {
                info!(session = a.session, queue_id = %env.id, recipients = %names.join(", "), reasons = %copy.reasons.join("; "), "deleted by anti-spam");
                for r in &names {
                    trace.record(
                        event(Kind::Spam, format!("deleted: {}", copy.reasons.join("; ")))
                            .recipient(*r)
                            .verdict(Verdict::Spam),
                    );
                }
                continue;
            }
            Action::Quarantine(t) => {
                let (tag, by) = tag.unwrap_or_else(|| policy::quarantine::tag(state, "", *t));
                let id = quarantine_message(a, &env, &message, &copy, *t, &names, &tag).await?;
                info!(session = a.session, queue_id = %env.id, quarantine_id = %id, kind = ?t, recipients = %names.join(", "), reasons = %copy.reasons.join("; "), quarantine_policy = %by, "quarantined");
                for r in &names {
                    trace.record(
                        event(
                            Kind::Quarantine,
                            format!(
                                "quarantined as {t:?} ({id}) under QuarantinePolicy \"{tag}\": {}",
                                copy.reasons.join("; ")
                            ),
                        )
                        .recipient(*r)
                        .blame(vec![by.clone()])
                        .verdict(quarantined(*t)),
                    );
                }
                continue;
            }
            Action::Redirect(to) => {
                info!(session = a.session, queue_id = %env.id, recipients = %names.join(", "), to = %to.join(", "), "redirected by anti-spam");
                for r in &names {
                    trace.record(
                        event(
                            Kind::Redirect,
                            format!("redirected by anti-spam to {}", to.join(", ")),
                        )
                        .recipient(*r)
                        .verdict(Verdict::Spam),
                    );
                }
                (redirect(state, to), false)
            }
            Action::Junk => {
                for r in &names {
                    trace.record(
                        event(
                            Kind::Spam,
                            format!("delivered to Junk: {}", copy.reasons.join("; ")),
                        )
                        .recipient(*r)
                        .verdict(Verdict::Spam),
                    );
                }
                (recipients, true)
            }
            Action::Deliver => (recipients, false),
        };
        if recipients.is_empty() {
            continue;
        }
        let id = if first { env.id.clone() } else { new_id() };
        first = false;
        let part = Envelope {
            id: id.clone(),
            sender: env.sender.clone(),
            received_at: env.received_at,
            client: env.client.clone(),
            recipients,
            // A mail flow rule may have set an SCL that files it as junk already.
            junk: junk || env.junk,
            trace_id: (id != env.trace_id()).then(|| env.trace_id().to_string()),
        };
        let mut bytes = rewrite(&message, &copy);
        // Signed last, over the headers and body as they leave.
        if let Some((signer, signing)) = &dkim {
            match signer.sign(&bytes) {
                Ok(field) => {
                    info!(session = a.session, queue_id = %id, domain = %signing.domain, selector = signer.selector.as_str(), "DKIM-signed");
                    trace.record(
                        Event::new(
                            env.trace_id(),
                            Kind::Verdict,
                            format!(
                                "DKIM-signed as {} with selector {}",
                                signing.domain,
                                signer.selector.as_str()
                            ),
                        )
                        .revision(revision)
                        .blame(vec![signing.blame.clone()]),
                    );
                    bytes.splice(0..0, field.into_bytes());
                }
                Err(e) => {
                    warn!(session = a.session, queue_id = %id, domain = %signing.domain, error = %e, "could not DKIM-sign the message; sent unsigned");
                }
            }
        }
        if let Err(e) = a.queue.accept(part, bytes).await {
            warn!(session = a.session, queue_id = %id, error = %e, "could not queue the message");
            // A full disk is the one cause the client is told (RFC 3463's 4.3.1), so it
            // retries later rather than reading it as our fault.
            return Err(if e.kind() == std::io::ErrorKind::StorageFull {
                reply::STORAGE
            } else {
                reply::LOCAL_ERROR
            });
        }
    }
    Ok(env.id)
}

/// The key to DKIM-sign this message with, if the policy signs it: the organisation's
/// mail from a domain with an enabled DkimSigningConfig.
fn dkim_signer<'s>(
    a: &'s Arrival,
    message: &[u8],
) -> Option<(&'s super::dkim::Signer, policy::dkim::Signing)> {
    // A message released from quarantine keeps what it arrived with: the organisation
    // did not write it.
    if a.snapshot.dkim.is_empty() || a.skip.is_some() {
        return None;
    }
    let parsed = mail_parser::MessageParser::default().parse_headers(message);
    let from = parsed
        .as_ref()
        .and_then(|m| m.from())
        .and_then(|f| f.first())
        .and_then(|f| f.address())
        .map(str::to_string);
    let signing = policy::dkim::decide(&a.snapshot.state, a.client, from.as_deref()).ok()?;
    let signer = a.snapshot.dkim.get(&signing.domain)?;
    Some((signer, signing))
}

/// The rspamd URL of the first anti-spam policy of these recipients that names one.
fn spam_scanner(a: &Arrival, rcpts: &[String], trusted: bool) -> Option<String> {
    if trusted || skips_spam(a.skip) {
        return None;
    }
    let state = &a.snapshot.state;
    rcpts.iter().find_map(|r| {
        let p = filter_scope::content_filter(state, r)?.policy;
        p.spam_scanner.and(p.spam_scanner_url.clone())
    })
}

/// The clamd of the first anti-malware policy of these recipients that names one.
fn clam_server(a: &Arrival, rcpts: &[String]) -> Option<String> {
    if a.skip == Some(QuarantineType::Malware) {
        return None;
    }
    let state = &a.snapshot.state;
    rcpts.iter().find_map(|r| {
        filter_scope::malware_filter(state, r).and_then(|a| a.policy.clam_av_server.clone())
    })
}

/// Routes redirect addresses as the relay's own mail.
fn redirect(state: &crate::state::State, to: &[String]) -> Vec<QueuedRecipient> {
    let client = policy::connection::identify(state, Origin::Local, &Default::default());
    to.iter()
        .filter_map(
            |r| match policy::recipient::decide(state, &client, r).outcome {
                Ok(route) => Some(QueuedRecipient {
                    rcpt: r.clone(),
                    route,
                }),
                Err(refusal) => {
                    warn!(rcpt = %r, refusal = %refusal, "redirect address cannot be routed");
                    None
                }
            },
        )
        .collect()
}

async fn quarantine_message(
    a: &Arrival<'_>,
    env: &Envelope,
    message: &[u8],
    copy: &Copy,
    kind: QuarantineType,
    names: &[&str],
    tag: &str,
) -> Result<String, Reply> {
    let state = &a.snapshot.state;
    let first = names.first().copied().unwrap_or_default();
    let (policy_name, days) = match kind {
        QuarantineType::Malware => (
            filter_scope::malware_filter(state, first)
                .map(|a| a.policy.name.clone())
                .unwrap_or_default(),
            // Malware has no retention setting of its own; it follows the anti-spam policy.
            filter_scope::content_filter(state, first)
                .map(|a| a.policy.quarantine_retention_period)
                .unwrap_or(15),
        ),
        _ => filter_scope::content_filter(state, first)
            .map(|a| (a.policy.name.clone(), a.policy.quarantine_retention_period))
            .unwrap_or_else(|| ("Default".into(), 15)),
    };
    let parsed = mail_parser::MessageParser::default().parse_headers(message);
    let now = chrono::Utc::now();
    let entry = quarantine::Entry {
        identity: new_id(),
        received_time: now,
        expires: now + chrono::Duration::days(i64::from(days)),
        quarantine_type: kind,
        sender_address: env.sender.clone().unwrap_or_default(),
        recipient_address: names.iter().map(|s| s.to_string()).collect(),
        subject: parsed
            .as_ref()
            .and_then(|m| m.subject())
            .unwrap_or_default()
            .to_string(),
        message_id: parsed
            .as_ref()
            .and_then(|m| m.message_id())
            .unwrap_or_default()
            .to_string(),
        size: message.len() as u64,
        policy_name,
        reasons: copy.reasons.clone(),
        released_to: Vec::new(),
        message_trace_id: Some(env.trace_id().to_string()),
        tag_name: tag.to_string(),
        release_requested_by: Vec::new(),
        deleted_for: Vec::new(),
    };
    let dir = a.queue.data_dir().to_path_buf();
    let (e2, bytes) = (entry.clone(), rewrite(message, copy));
    tokio::task::spawn_blocking(move || quarantine::put(&dir, &e2, &bytes))
        .await
        .map_err(|_| reply::LOCAL_ERROR)?
        .map_err(|e| {
            warn!(queue_id = %env.id, error = %e, "could not quarantine the message");
            reply::LOCAL_ERROR
        })?;
    Ok(entry.identity)
}
