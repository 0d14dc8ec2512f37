//! The queue cmdlets: Get-Queue, Get-QueueMessage (Get-Message), Retry-Queue,
//! Suspend-Message, Resume-Message, Remove-Message. The queue lives in the running relay,
//! so they ask it over the control socket under the data directory
//! (`crate::relay::control`), and say so plainly when no relay is running there.

use crate::output::{Column, key, text, wide};
use clap::{Args, Subcommand};
use serde_json::Value;

use crate::cli::common::{Context, parse_bool};
use crate::error::{Error, Result};
use crate::output::Output;
use crate::relay::control::{self, CallError, Request};

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
}

#[derive(Args, Debug)]
pub struct GetQueueMessage {
    /// The queue whose messages to list (an Identity of Get-Queue).
    #[arg(long, value_name = "QueueIdentity")]
    pub queue: Option<String>,
    /// One message (its queue id).
    #[arg(long, value_name = "MessageIdentity")]
    pub identity: Option<String>,
}

#[derive(Args, Debug)]
pub struct RetryQueue {
    /// The queue (an Identity of Get-Queue).
    #[arg(long, value_name = "QueueIdentity")]
    pub identity: String,
    /// Route the messages again under the current state (after a connector was fixed).
    #[arg(long, value_name = "BOOL", num_args = 0..=1, default_missing_value = "true",
          value_parser = parse_bool)]
    pub resubmit: Option<bool>,
}

#[derive(Args, Debug)]
pub struct MessageIdentity {
    /// The message (its queue id, as Get-QueueMessage shows it).
    #[arg(long, value_name = "MessageIdentity")]
    pub identity: String,
}

#[derive(Args, Debug)]
pub struct RemoveMessage {
    /// The message (its queue id, as Get-QueueMessage shows it).
    #[arg(long, value_name = "MessageIdentity")]
    pub identity: String,
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
    key("Status"),
    wide("RetryCount"),
    text("LastError"),
];

fn call(ctx: &Context, req: Request) -> Result<Vec<Value>> {
    let data_dir = ctx.store.data_dir();
    control::call(data_dir, &req).map_err(|e| match e {
        CallError::NotRunning(path) => Error::failed(format!(
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
        CallError::Io(path, e) => Error::failed(format!(
            "cannot talk to the relay over {}: {e}",
            path.display()
        )),
    })
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
    // The request, the columns of its answer (none: the cmdlet prints nothing), and for
    // Get-Queue the queues to keep.
    let (req, columns, only): (Request, &'static [Column], Option<String>) = match cmd {
        Cmd::GetQueue(a) => (Request::GetQueue, QUEUE_COLUMNS, a.identity),
        Cmd::GetQueueMessage(a) => (
            Request::GetQueueMessage {
                queue: a.queue,
                identity: a.identity,
            },
            MESSAGE_COLUMNS,
            None,
        ),
        Cmd::RetryQueue(a) => (
            Request::RetryQueue {
                identity: a.identity,
                resubmit: a.resubmit.unwrap_or(false),
            },
            const { &[key("Identity"), key("MessagesRetried")] },
            None,
        ),
        Cmd::SuspendMessage(a) => (
            Request::SuspendMessage {
                identity: a.identity,
            },
            &[],
            None,
        ),
        Cmd::ResumeMessage(a) => (
            Request::ResumeMessage {
                identity: a.identity,
            },
            &[],
            None,
        ),
        Cmd::RemoveMessage(a) => (
            Request::RemoveMessage {
                identity: a.identity,
                with_ndr: a.with_ndr,
            },
            &[],
            None,
        ),
    };
    let mut rows = call(ctx, req)?;
    if columns.is_empty() {
        return Ok(Output::Nothing);
    }
    if let Some(id) = &only {
        rows.retain(|r| {
            r["Identity"]
                .as_str()
                .is_some_and(|q| super::wildcard(id, q))
        });
    }
    Ok(Output::Objects {
        rows: dates(rows),
        columns,
    })
}
