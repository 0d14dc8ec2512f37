//! The queue cmdlets: Get-Queue, Get-QueueMessage (Get-Message), Retry-Queue,
//! Suspend-Message, Resume-Message, Remove-Message. The queue lives in the running relay,
//! so they ask it over the control socket under the data directory
//! (`crate::relay::control`), and say so plainly when no relay is running there. With no
//! relay, Get-Queue and Get-QueueMessage read the spool itself, as `postqueue -p` reads
//! Postfix's: what waits and where to, but not the retry times and errors, which only a
//! running relay holds. Each takes Exchange's `-Filter` (OPATH) over its objects'
//! properties; the actions then apply to every message or queue matched.

use clap::{Args, Subcommand};
use serde_json::Value;

use crate::cmdlets::common::{Context, parse_bool};
use crate::cmdlets::opath;
use crate::error::{Error, Result};
use crate::output::{Column, Output, key, text, wide};
use crate::relay::control::{self, CallError, Request};
use crate::relay::queue::manager::{MessageInfo, QueueInfo, Status, queue_name};
use crate::relay::queue::spool::Spool;

#[derive(Subcommand, Debug)]
pub enum Cmd {
    /// Lists the relay's queues, one per next hop (a smart host, a domain's MX hosts, or
    /// the Maildir), with how many messages wait in each and the last error.
    #[command(name = "get-queue", alias = "Get-Queue")]
    GetQueue(GetQueue),
    /// Lists queued messages: all, those of one queue (-Queue), or one (-Identity).
    #[command(
        name = "get-queuemessage",
        alias = "Get-QueueMessage",
        alias = "get-message"
    )]
    GetQueueMessage(GetQueueMessage),
    /// Tries a queue's waiting messages now; with -Resubmit $true, routes them again under
    /// the current state first.
    #[command(name = "retry-queue", alias = "Retry-Queue")]
    RetryQueue(RetryQueue),
    /// Holds a queued message: it is not delivered until Resume-Message, even across a
    /// restart of the relay.
    #[command(name = "suspend-message", alias = "Suspend-Message")]
    SuspendMessage(MessageIdentity),
    /// Lets a suspended message go: what came due while it was held is tried at once.
    #[command(name = "resume-message", alias = "Resume-Message")]
    ResumeMessage(MessageIdentity),
    /// Deletes a queued message, with or without a non-delivery report to its sender.
    #[command(name = "remove-message", alias = "Remove-Message")]
    RemoveMessage(RemoveMessage),
}

#[derive(Args, Debug)]
pub struct GetQueue {
    /// One queue (its Identity: the next hop).
    #[arg(long, value_name = "Identity")]
    pub identity: Option<String>,
    /// The queues an OPATH filter matches: "MessageCount -gt 10 -and Status -eq 'Retry'".
    #[arg(long, value_name = "OPATH")]
    pub filter: Option<String>,
}

#[derive(Args, Debug)]
pub struct GetQueueMessage {
    /// The queue whose messages to list (an Identity of Get-Queue).
    #[arg(long, value_name = "QueueIdentity")]
    pub queue: Option<String>,
    /// One message (its queue id).
    #[arg(long, value_name = "MessageIdentity")]
    pub identity: Option<String>,
    /// The messages an OPATH filter matches: "FromAddress -like '*@contoso.com'".
    #[arg(long, value_name = "OPATH")]
    pub filter: Option<String>,
}

#[derive(Args, Debug)]
#[group(id = "queues", required = true, multiple = false)]
pub struct QueueTarget {
    /// The queue (an Identity of Get-Queue).
    #[arg(long, value_name = "QueueIdentity")]
    pub identity: Option<String>,
    /// The queues an OPATH filter matches: "Status -eq 'Retry'".
    #[arg(long, value_name = "OPATH")]
    pub filter: Option<String>,
}

#[derive(Args, Debug)]
pub struct RetryQueue {
    #[command(flatten)]
    pub target: QueueTarget,
    /// Route the messages again under the current state (after a connector was fixed).
    #[arg(long, value_name = "BOOL", num_args = 0..=1, default_missing_value = "true",
          value_parser = parse_bool)]
    pub resubmit: Option<bool>,
}

#[derive(Args, Debug)]
#[group(id = "messages", required = true, multiple = false)]
pub struct MessageIdentity {
    /// The message (its queue id, as Get-QueueMessage shows it).
    #[arg(long, value_name = "MessageIdentity")]
    pub identity: Option<String>,
    /// The messages an OPATH filter matches: "FromAddress -like '*@contoso.com'".
    #[arg(long, value_name = "OPATH")]
    pub filter: Option<String>,
}

#[derive(Args, Debug)]
pub struct RemoveMessage {
    #[command(flatten)]
    pub target: MessageIdentity,
    /// Send the sender a non-delivery report ($true) or remove silently ($false).
    #[arg(long = "with-ndr", alias = "WithNDR", value_name = "BOOL", value_parser = parse_bool, action = clap::ArgAction::Set, required = true)]
    pub with_ndr: bool,
}

const QUEUE_COLUMNS: &[Column] = &[
    key("Identity"),
    wide("DeliveryType"),
    key("Status"),
    key("MessageCount"),
    wide("NextRetryTime"),
    text("LastError"),
];
const MESSAGE_COLUMNS: &[Column] = &[
    key("Identity"),
    key("Queue"),
    key("FromAddress"),
    key("Recipients"),
    key("Status"),
    wide("RetryCount"),
    text("LastError"),
];

/// What -Filter may name: every property of Get-Queue's objects (`QueueInfo`).
const QUEUE_PROPERTIES: &[&str] = &[
    "Identity",
    "DeliveryType",
    "Status",
    "MessageCount",
    "NextRetryTime",
    "LastError",
];
/// Every property of Get-QueueMessage's objects (`MessageInfo`).
const MESSAGE_PROPERTIES: &[&str] = &[
    "Identity",
    "Queue",
    "FromAddress",
    "Recipients",
    "Status",
    "DateReceived",
    "RetryCount",
    "NextRetryTime",
    "LastError",
];

/// A failed call, and whether it failed because no relay runs.
struct CallFailed {
    error: Error,
    not_running: bool,
}

fn call(ctx: &Context, req: &Request) -> std::result::Result<Vec<Value>, CallFailed> {
    let data_dir = ctx.store.data_dir();
    control::call(data_dir, req).map_err(|e| CallFailed {
        not_running: matches!(e, CallError::NotRunning(_)),
        error: explain(ctx, e),
    })
}

fn explain(ctx: &Context, e: CallError) -> Error {
    let data_dir = ctx.store.data_dir();
    match e {
        CallError::NotRunning(path) => Error::unavailable(format!(
            "the relay is not running for the data directory {} (no control socket at {})",
            data_dir.display(),
            path.display()
        ))
        .help(format!(
            "start it with `eopctl --state {} serve`, then run {} again",
            ctx.store.path().display(),
            ctx.cmdlet
        )),
        CallError::Refused(why) => Error::failed(why),
        CallError::Io(path, e) => Error::unavailable(format!(
            "cannot talk to the relay over {}: {e}",
            path.display()
        )),
    }
}

/// Times come over the socket as seconds since the epoch; admins read dates.
fn dates(mut rows: Vec<Value>) -> Vec<Value> {
    for row in &mut rows {
        for field in ["NextRetryTime", "DateReceived"] {
            if let Some(v) = row.get_mut(field)
                && let Some(secs) = v.as_i64()
            {
                *v = Value::String(crate::trace::time_text(secs));
            }
        }
    }
    rows
}

pub fn run(cmd: Cmd, ctx: &Context) -> Result<Output> {
    let filter = |text: &Option<String>, properties| {
        text.as_deref()
            .map(|f| opath::filter(&ctx.cmdlet, f, properties))
            .transpose()
    };
    match cmd {
        Cmd::GetQueue(a) => {
            let filter = filter(&a.filter, QUEUE_PROPERTIES)?;
            let mut rows = listing(ctx, &Request::GetQueue)?;
            if let Some(id) = &a.identity {
                rows.retain(|r| {
                    r["Identity"]
                        .as_str()
                        .is_some_and(|q| super::wildcard(id, q))
                });
            }
            Ok(listed(rows, filter.as_ref(), QUEUE_COLUMNS))
        }
        Cmd::GetQueueMessage(a) => {
            let filter = filter(&a.filter, MESSAGE_PROPERTIES)?;
            let req = Request::GetQueueMessage {
                queue: a.queue,
                identity: a.identity,
            };
            let rows = listing(ctx, &req)?;
            Ok(listed(rows, filter.as_ref(), MESSAGE_COLUMNS))
        }
        Cmd::RetryQueue(a) => {
            let resubmit = a.resubmit.unwrap_or(false);
            let queues = chosen(ctx, a.target.identity, &a.target.filter, Request::GetQueue)?;
            let mut rows = Vec::new();
            for identity in queues {
                rows.extend(act(ctx, &Request::RetryQueue { identity, resubmit })?);
            }
            Ok(Output::Objects {
                rows,
                columns: const { &[key("Identity"), key("MessagesRetried")] },
            })
        }
        Cmd::SuspendMessage(a) => {
            on_messages(ctx, a, |identity| Request::SuspendMessage { identity })
        }
        Cmd::ResumeMessage(a) => {
            on_messages(ctx, a, |identity| Request::ResumeMessage { identity })
        }
        Cmd::RemoveMessage(a) => {
            let with_ndr = a.with_ndr;
            on_messages(ctx, a.target, |identity| Request::RemoveMessage {
                identity,
                with_ndr,
            })
        }
    }
}

/// Get-Queue's or Get-QueueMessage's rows: from the relay, or from the spool when none
/// runs.
fn listing(ctx: &Context, req: &Request) -> Result<Vec<Value>> {
    match call(ctx, req) {
        Err(e) if e.not_running => offline(ctx, req).ok_or(e.error),
        result => result.map_err(|e| e.error),
    }
}

/// A request only a running relay can carry out.
fn act(ctx: &Context, req: &Request) -> Result<Vec<Value>> {
    call(ctx, req).map_err(|e| e.error)
}

/// The rows a listing shows: dates made readable (so a filter compares them as dates),
/// then filtered.
fn listed(rows: Vec<Value>, filter: Option<&opath::Expr>, columns: &'static [Column]) -> Output {
    let mut rows = dates(rows);
    opath::keep(&mut rows, filter);
    if rows.is_empty() {
        // Said on stderr: stdout stays data (nothing), for scripts.
        eprintln!("The queue is empty.");
    }
    Output::Objects { rows, columns }
}

/// The identities an action applies to: the one given, or those of the objects `list`
/// returns that the filter matches (each once: a message is listed once per queue).
fn chosen(
    ctx: &Context,
    identity: Option<String>,
    filter: &Option<String>,
    list: Request,
) -> Result<Vec<String>> {
    let (Some(text), None) = (filter, &identity) else {
        return Ok(identity.into_iter().collect());
    };
    let properties = match list {
        Request::GetQueue => QUEUE_PROPERTIES,
        _ => MESSAGE_PROPERTIES,
    };
    let expr = opath::filter(&ctx.cmdlet, text, properties)?;
    let mut rows = dates(act(ctx, &list)?);
    opath::keep(&mut rows, Some(&expr));
    let mut ids: Vec<String> = Vec::new();
    for id in rows.iter().filter_map(|r| r["Identity"].as_str()) {
        if !ids.iter().any(|i| i == id) {
            ids.push(id.to_owned());
        }
    }
    if ids.is_empty() {
        eprintln!("Nothing in the queue matches the filter {text}.");
    }
    Ok(ids)
}

/// Suspend-, Resume- or Remove-Message on the one message or on every one matched.
fn on_messages(
    ctx: &Context,
    target: MessageIdentity,
    request: impl Fn(String) -> Request,
) -> Result<Output> {
    let list = Request::GetQueueMessage {
        queue: None,
        identity: None,
    };
    for identity in chosen(ctx, target.identity, &target.filter, list)? {
        act(ctx, &request(identity))?;
    }
    Ok(Output::Nothing)
}

/// Get-Queue and Get-QueueMessage answered from the spool, when no relay runs (None for
/// the requests only a relay can carry out).
fn offline(ctx: &Context, req: &Request) -> Option<Vec<Value>> {
    let messages = match req {
        Request::GetQueue | Request::GetQueueMessage { .. } => spooled(ctx.store.data_dir()),
        _ => return None,
    };
    eprintln!(
        "The relay is not running: read from the spool in {} (retry times and errors are \
         known only to a running relay).",
        ctx.store.data_dir().join("queue").display()
    );
    let rows = match req {
        Request::GetQueueMessage { queue, identity } => messages
            .into_iter()
            .filter(|(m, _)| {
                queue
                    .as_deref()
                    .is_none_or(|q| q.eq_ignore_ascii_case(&m.queue))
                    && identity
                        .as_deref()
                        .is_none_or(|id| id.eq_ignore_ascii_case(&m.identity))
            })
            .map(|(m, _)| {
                let mut row = serde_json::to_value(&m).unwrap_or_default();
                // Unknown without the relay, not zero.
                row["RetryCount"] = Value::Null;
                row
            })
            .collect(),
        _ => {
            let mut queues: Vec<QueueInfo> = Vec::new();
            for (m, delivery_type) in messages {
                match queues.iter_mut().find(|q| q.identity == m.queue) {
                    Some(q) => q.message_count += 1,
                    None => queues.push(QueueInfo {
                        identity: m.queue,
                        delivery_type: delivery_type.into(),
                        status: Status::Ready,
                        message_count: 1,
                        next_retry_time: None,
                        last_error: None,
                    }),
                }
            }
            crate::output::rows(&queues)
        }
    };
    Some(rows)
}

/// Every spooled message once per queue it has open recipients in, with that queue's
/// DeliveryType.
fn spooled(data_dir: &std::path::Path) -> Vec<(MessageInfo, &'static str)> {
    // A data directory the relay never ran on has no queue: nothing waits.
    if !data_dir.join("queue").is_dir() {
        return Vec::new();
    }
    let Ok(spool) = Spool::open(data_dir) else {
        return Vec::new();
    };
    let mut out: Vec<(MessageInfo, &'static str)> = Vec::new();
    for (env, done) in spool.load_all() {
        let status = match spool.is_suspended(&env.id) {
            true => Status::Suspended,
            false => Status::Ready,
        };
        let first = out.len();
        for (i, r) in env.recipients.iter().enumerate() {
            if done.contains(&i) {
                continue;
            }
            let (queue, delivery_type) = queue_name(&r.route);
            match out[first..].iter_mut().find(|(m, _)| m.queue == queue) {
                Some((m, _)) => m.recipients.push(r.rcpt.clone()),
                None => out.push((
                    MessageInfo {
                        identity: env.id.clone(),
                        queue,
                        from_address: env.sender.clone().unwrap_or_default(),
                        recipients: vec![r.rcpt.clone()],
                        status,
                        date_received: env.received_at,
                        retry_count: 0,
                        next_retry_time: None,
                        last_error: None,
                    },
                    delivery_type,
                )),
            }
        }
    }
    out.sort_by(|a, b| (&a.0.queue, &a.0.identity).cmp(&(&b.0.queue, &b.0.identity)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(v: Value) -> Vec<String> {
        v.as_object()
            .map(|m| m.keys().cloned().collect())
            .unwrap_or_default()
    }

    #[test]
    fn filters_may_name_every_property_the_objects_have() {
        let queue = QueueInfo {
            identity: String::new(),
            delivery_type: String::new(),
            status: Status::Ready,
            message_count: 0,
            next_retry_time: None,
            last_error: None,
        };
        let message = MessageInfo {
            identity: String::new(),
            queue: String::new(),
            from_address: String::new(),
            recipients: Vec::new(),
            status: Status::Ready,
            date_received: 0,
            retry_count: 0,
            next_retry_time: None,
            last_error: None,
        };
        let sorted = |l: &[&str]| {
            let mut v: Vec<String> = l.iter().map(|s| s.to_string()).collect();
            v.sort();
            v
        };
        let mut q = keys(serde_json::to_value(queue).unwrap());
        let mut m = keys(serde_json::to_value(message).unwrap());
        q.sort();
        m.sort();
        assert_eq!(q, sorted(QUEUE_PROPERTIES));
        assert_eq!(m, sorted(MESSAGE_PROPERTIES));
    }
}
