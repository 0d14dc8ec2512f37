//! EOP's mail flow report cmdlets over the message trace: Get-MailflowStatusReport (counts
//! by time, direction and event type) and Get-MailTrafficSummaryReport (top senders,
//! recipients and spam sources). The trace answers with SQL aggregates
//! (`crate::trace::report`); these cmdlets check parameters, choose the range and shape
//! the answer as rows and charts (`-o html`, `-o png`). They read the database file, so
//! they work whether or not the relay runs.

use chrono::{DateTime, Utc};
use clap::{Args, Subcommand};

use crate::cmdlets::common::{Context, parse_date};
use crate::error::{Error, Kind, Result};
use crate::output::Output;
use crate::trace;

mod mailflow_status;
mod traffic_summary;

pub use mailflow_status::GetMailflowStatusReport;
pub use traffic_summary::GetMailTrafficSummaryReport;

#[derive(Subcommand, Debug)]
pub enum Cmd {
    /// Counts messages by date, direction (Inbound, Outbound, IntraOrg) and event type
    /// (GoodMail, EdgeBlockSpam, SpamDetections, EmailPhish, EmailMalware, RuleMessages),
    /// per hour, per day or for the whole range, from the message trace.
    #[command(name = "get-mailflowstatusreport", alias = "Get-MailflowStatusReport")]
    MailflowStatus(GetMailflowStatusReport),
    /// Ranks the top senders, recipients, spam recipients, malware recipients and spam
    /// sources (senders, sender domains, client IP addresses) of a date range, from the
    /// message trace.
    #[command(
        name = "get-mailtrafficsummaryreport",
        alias = "Get-MailTrafficSummaryReport"
    )]
    TrafficSummary(GetMailTrafficSummaryReport),
}

pub fn run(cmd: Cmd, ctx: &Context) -> Result<Output> {
    match cmd {
        Cmd::MailflowStatus(a) => mailflow_status::run(a, ctx),
        Cmd::TrafficSummary(a) => traffic_summary::run(a, ctx),
    }
}

/// The dates every report takes.
#[derive(Args, Debug)]
pub struct Dates {
    /// The start of the range, UTC (2026-11-22, "2026-11-22 18:00", 11/22/2026)
    /// [default: 7 days before -EndDate].
    #[arg(long, value_name = "DateTime")]
    pub start_date: Option<String>,
    /// The end of the range, UTC; a date alone is its midnight [default: now].
    #[arg(long, value_name = "DateTime")]
    pub end_date: Option<String>,
}

/// A report's range, checked, with a warning on stderr when it reaches before what the
/// trace keeps.
fn range(dates: &Dates, ctx: &Context) -> Result<(DateTime<Utc>, DateTime<Utc>)> {
    let date = |param: &str, v: &Option<String>| -> Result<Option<DateTime<Utc>>> {
        v.as_deref().map(|v| parse_date(v, param)).transpose()
    };
    let end = date("EndDate", &dates.end_date)?.unwrap_or_else(Utc::now);
    let start = date("StartDate", &dates.start_date)?.unwrap_or(end - chrono::Duration::days(7));
    if start > end {
        return Err(Error::usage("-StartDate is after -EndDate")
            .help("give a -StartDate earlier than the -EndDate"));
    }
    let days = ctx
        .store
        .load()
        .map(|s| s.organization.message_trace_retention_days)
        .unwrap_or(90);
    let cutoff = Utc::now() - chrono::Duration::days(i64::from(days));
    if start < cutoff {
        eprintln!(
            "warning: {}: -StartDate {} is older than the message trace keeps (MessageTraceRetentionDays {days} in OrganizationConfig): counts start at {}",
            ctx.cmdlet,
            trace::time_text(start.timestamp()),
            trace::time_text(cutoff.timestamp()),
        );
    }
    Ok((start, end))
}

/// The trace database, `None` when nothing was ever traced.
fn open(ctx: &Context) -> Result<Option<rusqlite::Connection>> {
    trace::open_read(ctx.store.data_dir()).map_err(|e| db_error(ctx, e))
}

fn db_error(ctx: &Context, e: rusqlite::Error) -> Error {
    Error::new(
        Kind::Io,
        format!(
            "cannot read the message trace {}: {e}",
            ctx.store.data_dir().join(trace::FILE).display()
        ),
    )
    .help("check that the file is readable; Get-MessageTrace reads the same file")
}

/// `a,b` lists, as the other multi-valued parameters take them.
fn list(values: &[String]) -> Vec<String> {
    values
        .iter()
        .flat_map(|v| v.split(','))
        .map(|v| v.trim().to_string())
        .filter(|v| !v.is_empty())
        .collect()
}

/// The line under a report's title.
fn summary(start: DateTime<Utc>, end: DateTime<Utc>, more: &str) -> String {
    format!(
        "From {} to {} (UTC){more}. One count is one message for one recipient.",
        trace::time_text(start.timestamp()),
        trace::time_text(end.timestamp()),
    )
}
