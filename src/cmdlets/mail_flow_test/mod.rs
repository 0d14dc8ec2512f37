//! Test-MailFlow: the "How do you know this task worked?" of Microsoft's articles done for real. Sends one
//! test message per direction through the running relay (Internet → hosted mailbox,
//! Internet → on-premises, on-premises → Internet, hosted → on-premises), each with its
//! own Message-ID, then reads the message trace (which the relay writes as it goes) until
//! each shows where its message went. Nothing is decided here: every result is the trace's.

use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;
use std::time::{Duration, Instant};

use clap::{Args, Subcommand, ValueEnum};
use serde::Serialize;

use crate::cmdlets::common::Context;
use crate::cmdlets::serve::parse_duration;
use crate::error::{Error, Result};
use crate::output::{self, Column, Output, key, text, wide};
use crate::policy::OutboundTls;
use crate::relay::control;
use crate::relay::delivery::smtp::{Conn, ConnError, TlsClients, offers};
use crate::relay::pickup::{self, Dropped};
use crate::trace;
use tokio_rustls::rustls::sign::CertifiedKey;

mod plan;

use plan::{Plan, Submit, listener, plan};

#[derive(Subcommand, Debug)]
pub enum Cmd {
    /// Sends a test message through the running relay in each direction mail flows
    /// (Internet to a hosted mailbox, Internet to on-premises, on-premises to the Internet,
    /// hosted to on-premises) and waits for the message trace to show each delivered or
    /// sent on. Exits 1 when a direction failed or timed out.
    #[command(name = "test-mailflow", alias = "Test-MailFlow")]
    TestMailFlow(TestMailFlow),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Serialize)]
#[value(rename_all = "PascalCase")]
pub enum Direction {
    InternetToHosted,
    InternetToOnPremises,
    OnPremisesToInternet,
    HostedToOnPremises,
}

#[derive(Args, Debug)]
pub struct TestMailFlow {
    /// The directions to test (a,b or repeated) [default: all four].
    #[arg(
        long,
        value_name = "Directions",
        value_delimiter = ',',
        ignore_case = true
    )]
    pub directions: Vec<Direction>,
    /// How long to wait for the trace to show each message delivered or sent.
    #[arg(long, default_value = "30s", value_name = "TIME")]
    pub timeout: String,
    /// The relay's SMTP listener [default: the first binding of an enabled ReceiveConnector].
    #[arg(long, value_name = "ADDR:PORT")]
    pub server: Option<SocketAddr>,
    /// The hosted mailbox to send to [default: the first Mailbox].
    #[arg(long, value_name = "Address")]
    pub hosted_address: Option<String>,
    /// The on-premises recipient [default: the first MailUser, else postmaster of a domain
    /// an OnPremises OutboundConnector carries].
    #[arg(long, value_name = "Address")]
    pub on_premises_address: Option<String>,
    /// The Internet recipient for on-premises to Internet [default: postmaster of a domain a
    /// Partner OutboundConnector names].
    #[arg(long, value_name = "Address")]
    pub external_address: Option<String>,
    /// Test one message to this address, in the direction it takes: to a hosted
    /// mailbox or on premises from the Internet, or to the Internet from on premises.
    #[arg(long, value_name = "Address", conflicts_with_all = ["directions", "hosted_address", "on_premises_address", "external_address"])]
    pub target_email_address: Option<String>,
    /// The Internet sender of the inbound directions.
    #[arg(
        long,
        default_value = "mailflow-test@eopctl.invalid",
        value_name = "Address"
    )]
    pub internet_sender: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum FlowOutcome {
    Delivered,
    Sent,
    Failed,
    Timeout,
    Skipped,
}

/// One direction's result.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct FlowResult {
    pub direction: Direction,
    pub sender: String,
    pub recipient: String,
    pub result: FlowOutcome,
    /// From the trace's Receive event to its Deliver or Send event: the relay's own times,
    /// not the test's (which would count its own polling).
    #[serde(rename = "LatencyMs")]
    pub latency: Option<i64>,
    /// The trace's last event, or why the direction was not tested.
    pub detail: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub message_id: String,
    /// The trace id (the queue id), once the trace knows the message.
    #[serde(skip)]
    pub queue_id: Option<String>,
}

const COLUMNS: &[Column] = &[
    key("Direction"),
    wide("Sender"),
    key("Recipient"),
    key("Result"),
    wide("LatencyMs"),
    text("Detail"),
];

/// The direction a message to `target` takes: to a hosted mailbox, to another recipient
/// of an accepted domain (on premises), or out to the Internet.
fn target_direction(state: &crate::state::State, target: &str) -> Result<Direction> {
    let address: crate::state::values::SmtpAddress = target.parse().map_err(|e| {
        Error::usage(format!("Test-MailFlow -TargetEmailAddress '{target}': {e}"))
            .help("give an email address, such as -TargetEmailAddress admin@contoso.com")
    })?;
    Ok(if state.mailbox(&address.key()).is_some() {
        Direction::InternetToHosted
    } else if state.accepted_domain(address.domain()).is_some() {
        Direction::InternetToOnPremises
    } else {
        Direction::OnPremisesToInternet
    })
}

pub fn run(cmd: Cmd, ctx: &Context) -> Result<Output> {
    let Cmd::TestMailFlow(mut a) = cmd;
    let state = ctx.store.load()?;
    if let Some(target) = a.target_email_address.clone() {
        let d = target_direction(&state, &target)?;
        match d {
            Direction::InternetToHosted => a.hosted_address = Some(target),
            Direction::InternetToOnPremises => a.on_premises_address = Some(target),
            _ => a.external_address = Some(target),
        }
        a.directions = vec![d];
    }
    let timeout = parse_duration(&a.timeout).map_err(|e| Error::usage(format!("-Timeout: {e}")))?;
    let server = match a.server {
        Some(s) => s,
        None => listener(&state).ok_or_else(|| {
            Error::not_found("no enabled ReceiveConnector has a binding: nothing to send to")
                .help("give the relay's address with -Server 127.0.0.1:25")
        })?,
    };
    let directions = if a.directions.is_empty() {
        Direction::value_variants().to_vec()
    } else {
        a.directions.clone()
    };
    let data_dir = ctx.store.data_dir().to_path_buf();
    let plans: Vec<Plan> = directions
        .iter()
        .map(|d| plan(&state, &a, *d, server, &data_dir))
        .collect();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| Error::unavailable(format!("cannot start the runtime: {e}")))?;
    let clients = TlsClients::new(Arc::new(tokio_rustls::rustls::RootCertStore::empty()));
    let helo = format!(
        "{}.mailflow.test",
        std::fs::read_to_string("/proc/sys/kernel/hostname")
            .unwrap_or_default()
            .trim()
    );
    let token = chrono::Utc::now().timestamp_nanos_opt().unwrap_or_default();
    // Send everything first, then wait for all at once.
    let mut results: Vec<(FlowResult, i64)> = Vec::new();
    for p in plans {
        let mut r = FlowResult {
            direction: p.direction,
            sender: p.sender.clone(),
            recipient: p.recipient.clone(),
            result: FlowOutcome::Skipped,
            latency: None,
            detail: String::new(),
            message_id: String::new(),
            queue_id: None,
        };
        let submit = match &p.submit {
            Ok(s) => s,
            Err(why) => {
                r.detail = why.to_string();
                results.push((r, 0));
                continue;
            }
        };
        let message = message(&p, token, &helo);
        r.message_id = trace::header(&message, "Message-ID");
        let sent = match submit {
            Submit::Pickup => pickup::submit(
                &data_dir,
                &Dropped {
                    sender: Some(p.sender.clone()),
                    recipients: vec![p.recipient.clone()],
                    skip: None,
                    released_from: None,
                    trace_id: None,
                },
                &message,
            )
            .map(drop)
            .map_err(SendError::Pickup),
            Submit::Smtp { bind, present } => runtime.block_on(send(
                server,
                *bind,
                present.as_ref(),
                &clients,
                &helo,
                &p,
                &message,
                timeout,
            )),
        };
        match sent {
            Ok(_) => results.push((r, now_ms())),
            Err(why) => {
                r.result = FlowOutcome::Failed;
                r.detail = why.to_string();
                results.push((r, 0));
            }
        }
    }
    wait(&data_dir, &mut results, timeout)?;
    for (r, _) in results
        .iter_mut()
        .filter(|(r, _)| r.result == FlowOutcome::Timeout)
    {
        withdraw(&data_dir, r);
    }
    let failed = results
        .iter()
        .filter(|(r, _)| matches!(r.result, FlowOutcome::Failed | FlowOutcome::Timeout))
        .count();
    let first = results
        .iter()
        .find(|(r, _)| matches!(r.result, FlowOutcome::Failed | FlowOutcome::Timeout))
        .cloned();
    let rows: Vec<FlowResult> = results.into_iter().map(|(r, _)| r).collect();
    let shown = Output::Objects {
        rows: output::rows(&rows),
        columns: COLUMNS,
    };
    let Some((first, sent)) = first else {
        return Ok(shown);
    };
    let help = if sent == 0 {
        "the relay did not take the message (see Detail): if it is not running, start it with `eopctl serve`, or give its address with -Server".to_string()
    } else {
        format!(
            "see what happened with Get-MessageTraceDetail (Get-MessageTrace -MessageId '{}'), and check the next hop with Validate-OutboundConnector",
            first.message_id
        )
    };
    Ok(Output::Failing(
        Box::new(shown),
        Error::failed(format!(
            "{failed} of {} directions did not arrive: {:?} ({} to {}) {:?}: {}",
            rows.len(),
            first.direction,
            first.sender,
            first.recipient,
            first.result,
            first.detail
        ))
        .help(help),
    ))
}

/// A test message that did not arrive in time is taken out of the queue (without an NDR):
/// left there, it would be retried for days and bounce to a real mailbox.
fn withdraw(data_dir: &std::path::Path, r: &mut FlowResult) {
    let Some(id) = r.queue_id.clone() else {
        return;
    };
    let request = control::Request::RemoveMessage {
        identity: id.clone(),
        with_ndr: false,
    };
    let outcome = match control::call(data_dir, &request) {
        Ok(_) => format!("test message {id} removed from the queue"),
        // Delivered or failed between the last look at the trace and now: nothing to do.
        Err(control::CallError::Refused(why)) => format!("test message {id}: {why}"),
        Err(control::CallError::NotRunning(p)) => {
            still_queued(&id, &format!("no relay answers on {}", p.display()))
        }
        Err(control::CallError::Io(p, e)) => still_queued(&id, &format!("{}: {e}", p.display())),
    };
    r.detail = format!("{}; {outcome}", r.detail);
}

fn still_queued(id: &str, why: &str) -> String {
    format!(
        "test message {id} is still queued ({why}): remove it with Remove-Message -Identity {id} -WithNDR $false"
    )
}

fn now_ms() -> i64 {
    chrono::Utc::now().timestamp_millis()
}

fn message(p: &Plan, token: i64, helo: &str) -> Vec<u8> {
    let d = format!("{:?}", p.direction);
    format!(
        "From: <{}>\r\nTo: <{}>\r\nSubject: eopctl mail flow test {d} {token}\r\nDate: {}\r\nMessage-ID: <mailflow.{d}.{token}@{helo}>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nThis message tests mail flow {d} (eopctl Test-MailFlow). You may delete it.\r\n",
        p.sender,
        p.recipient,
        chrono::Utc::now().to_rfc2822(),
    )
    .into_bytes()
}

/// Why a test message could not be handed to the relay: shown as its Failed result.
#[derive(Debug, thiserror::Error)]
enum SendError {
    #[error("cannot drop into the pickup directory: {0}")]
    Pickup(#[source] std::io::Error),
    #[error("the relay: {0}")]
    Connect(String),
    /// The connection broke or timed out mid-conversation.
    #[error("{0}")]
    Conversation(String),
    #[error("the relay greeted with {0}")]
    Greeting(String),
    #[error("the relay refused STARTTLS: {0}")]
    StartTls(String),
    /// The relay refused the message or its recipient.
    #[error("{0}")]
    Refused(String),
    #[error("no reply")]
    NoReply,
}

impl From<ConnError> for SendError {
    fn from(e: ConnError) -> Self {
        SendError::Conversation(e.message)
    }
}

#[allow(clippy::too_many_arguments)]
async fn send(
    server: SocketAddr,
    bind: Option<IpAddr>,
    present: Option<&Arc<CertifiedKey>>,
    clients: &TlsClients,
    helo: &str,
    p: &Plan,
    message: &[u8],
    timeout: Duration,
) -> std::result::Result<(), SendError> {
    let relay = server.ip().to_string();
    let mut c = Conn::connect(server, bind, &relay, timeout)
        .await
        .map_err(|e| SendError::Connect(e.message))?;
    let greeting = c.greeting().await.map_err(SendError::from)?;
    if greeting.code != 220 {
        return Err(SendError::Greeting(greeting.line()));
    }
    let mut ehlo = c.ehlo(helo).await.map_err(SendError::from)?;
    if present.is_some() || offers(&ehlo, "STARTTLS") {
        // A certificate is presented only over TLS; otherwise TLS when offered.
        let tls = if present.is_some() {
            OutboundTls::Required
        } else {
            OutboundTls::Opportunistic
        };
        match c
            .start_tls(&tls, clients, present)
            .await
            .map_err(SendError::from)?
        {
            Ok(_) => ehlo = c.ehlo(helo).await.map_err(SendError::from)?,
            Err(a) if present.is_some() => {
                return Err(SendError::StartTls(a.line()));
            }
            Err(_) => {}
        }
    }
    c.extensions(&ehlo);
    let outcome = c
        .send(Some(&p.sender), std::slice::from_ref(&p.recipient), message)
        .await
        .map_err(SendError::from)?;
    c.quit().await;
    match outcome.into_iter().next() {
        Some(Ok(_)) => Ok(()),
        Some(Err(why)) => Err(SendError::Refused(why.to_string())),
        None => Err(SendError::NoReply),
    }
}

/// Polls the trace until every sent message is delivered, sent on or failed, or the time
/// is up; fills in each result from the trace.
fn wait(
    data_dir: &std::path::Path,
    results: &mut [(FlowResult, i64)],
    timeout: Duration,
) -> Result<()> {
    let pending = |results: &[(FlowResult, i64)]| {
        results
            .iter()
            .filter(|(r, sent)| *sent > 0 && r.result == FlowOutcome::Skipped)
            .count()
    };
    if pending(results) == 0 {
        return Ok(());
    }
    let spinner = crate::output::spinner("waiting for the message trace");
    let start = Instant::now();
    loop {
        let left = pending(results);
        spinner.set_message(format!(
            "waiting for the message trace: {left} of {} messages",
            results.len()
        ));
        if left == 0 {
            break;
        }
        let timed_out = start.elapsed() >= timeout;
        if let Ok(Some(conn)) = trace::open_read(data_dir) {
            for (r, _) in results
                .iter_mut()
                .filter(|(r, s)| *s > 0 && r.result == FlowOutcome::Skipped)
            {
                settle(&conn, r, timed_out);
            }
        }
        if timed_out {
            for (r, _) in results
                .iter_mut()
                .filter(|(r, s)| *s > 0 && r.result == FlowOutcome::Skipped)
            {
                r.result = FlowOutcome::Timeout;
                if r.detail.is_empty() {
                    r.detail = "the message trace has no record of it".into();
                }
            }
            break;
        }
        std::thread::sleep(Duration::from_millis(200));
    }
    spinner.finish_and_clear();
    Ok(())
}

/// Reads one message's trace: its status and its last event.
fn settle(conn: &rusqlite::Connection, r: &mut FlowResult, timed_out: bool) {
    let filter = trace::Filter {
        message_id: Some(r.message_id.clone()),
        start: 0,
        end: i64::MAX,
        page_size: 10,
        page: 1,
        ..Default::default()
    };
    let Ok(rows) = trace::query(conn, &filter) else {
        return;
    };
    let Some(row) = rows.first() else {
        return;
    };
    let Ok(events) = trace::details(conn, &row.message_trace_id, &row.recipient_address) else {
        return;
    };
    let Some(last) = events.last() else {
        return;
    };
    r.detail = format!("{}: {}", last.event, last.detail);
    r.queue_id = Some(row.message_trace_id.clone());
    let at = |e: &trace::DetailRow| {
        chrono::DateTime::parse_from_rfc3339(&e.date)
            .map(|t| t.timestamp_millis())
            .ok()
    };
    let received = events.iter().find(|e| e.event == "Receive").and_then(at);
    let result = match row.status.as_str() {
        "Delivered" => {
            let done = events
                .iter()
                .rev()
                .find(|e| e.event == "Deliver" || e.event == "Send external");
            r.latency = match (received, done.and_then(at)) {
                (Some(start), Some(end)) => Some(end - start),
                _ => None,
            };
            Some(match done.map(|e| e.event.as_str()) {
                Some("Deliver") => FlowOutcome::Delivered,
                _ => FlowOutcome::Sent,
            })
        }
        "Failed" | "Quarantined" | "FilteredAsSpam" => Some(FlowOutcome::Failed),
        _ if timed_out => Some(FlowOutcome::Timeout),
        _ => None,
    };
    if let Some(result) = result {
        r.result = result;
    }
}
