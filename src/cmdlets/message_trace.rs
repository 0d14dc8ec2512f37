//! Get-MessageTrace and Get-MessageTraceDetail: what happened to real messages, read from
//! the trace database under the data directory (see `crate::trace`). They read the file
//! directly, so they work whether or not the relay is running.

use chrono::{DateTime, Utc};
use clap::{Args, Subcommand};

use crate::cmdlets::common::{Context, parse_date};
use crate::error::{Error, Kind, Result};
use crate::output::{Column, Output, key, rows, text, wide};
use crate::trace::{self, Filter, STATUSES};

#[derive(Subcommand, Debug)]
pub enum Cmd {
    /// Lists messages the relay received, one row per recipient, with their status
    /// (Delivered, Failed, Pending...), newest first. Covers the last 48 hours unless
    /// -StartDate and -EndDate say otherwise.
    #[command(name = "get-messagetrace", alias = "Get-MessageTrace")]
    Get(GetMessageTrace),
    /// Shows the events of one message for one recipient: Receive, each policy verdict,
    /// Queue, Deliver or Send, Defer, Fail..., with the state revision and the objects
    /// that decided each.
    #[command(name = "get-messagetracedetail", alias = "Get-MessageTraceDetail")]
    Detail(GetMessageTraceDetail),
}

#[derive(Args, Debug)]
pub struct GetMessageTrace {
    /// Envelope senders, a,b; `*` wildcards allowed (`*@contoso.com`).
    #[arg(long, value_name = "Addresses")]
    pub sender_address: Vec<String>,
    /// Recipients, a,b; `*` wildcards allowed.
    #[arg(long, value_name = "Addresses")]
    pub recipient_address: Vec<String>,
    /// The start of the time range, UTC (2026-11-22, "2026-11-22 18:00", 11/22/2026)
    /// [default: 48 hours before -EndDate].
    #[arg(long, value_name = "DateTime")]
    pub start_date: Option<String>,
    /// The end of the time range, UTC [default: now].
    #[arg(long, value_name = "DateTime")]
    pub end_date: Option<String>,
    /// Statuses, a,b: GettingStatus, Pending, Delivered, Failed, Expanded, Quarantined,
    /// FilteredAsSpam.
    #[arg(long, value_name = "Statuses")]
    pub status: Vec<String>,
    /// The Message-ID header field, with its angle brackets.
    #[arg(long, value_name = "String")]
    pub message_id: Option<String>,
    /// The IP address of the client that sent the message.
    #[arg(long = "from-ip", alias = "FromIP", value_name = "IP")]
    pub from_ip: Option<String>,
    /// The IP address of the next hop it was sent to.
    #[arg(long = "to-ip", alias = "ToIP", value_name = "IP")]
    pub to_ip: Option<String>,
    /// Rows per page, 1 to 5000.
    #[arg(long, default_value_t = 1000, value_name = "Int32",
          value_parser = clap::value_parser!(u32).range(1..=5000))]
    pub page_size: u32,
    /// The page to show, 1 to 1000.
    #[arg(long, default_value_t = 1, value_name = "Int32",
          value_parser = clap::value_parser!(u32).range(1..=1000))]
    pub page: u32,
}

#[derive(Args, Debug)]
pub struct GetMessageTraceDetail {
    /// The message's MessageTraceId (a column of Get-MessageTrace).
    #[arg(long, value_name = "String")]
    pub message_trace_id: String,
    /// The recipient whose events to show.
    #[arg(long, value_name = "Address")]
    pub recipient_address: String,
}

const TRACE_COLUMNS: &[Column] = &[
    wide("Received"),
    wide("SenderAddress"),
    key("RecipientAddress"),
    text("Subject"),
    key("Status"),
    key("MessageTraceId"),
];
const DETAIL_COLUMNS: &[Column] = &[key("Date"), key("Event"), key("Action"), text("Detail")];

fn list(values: &[String]) -> Vec<String> {
    values
        .iter()
        .flat_map(|v| v.split(','))
        .map(|v| v.trim().trim_matches(['<', '>']).to_string())
        .filter(|v| !v.is_empty())
        .collect()
}

fn db_error(ctx: &Context, e: rusqlite::Error) -> Error {
    Error::new(
        Kind::Io,
        format!(
            "cannot read the message trace {}: {e}",
            ctx.store.data_dir().join(trace::FILE).display()
        ),
    )
}

pub fn run(cmd: Cmd, ctx: &Context) -> Result<Output> {
    match cmd {
        Cmd::Get(a) => get(a, ctx),
        Cmd::Detail(a) => {
            let Some(conn) =
                trace::open_read(ctx.store.data_dir()).map_err(|e| db_error(ctx, e))?
            else {
                return Err(not_found(&a));
            };
            let found = trace::details(&conn, &a.message_trace_id, a.recipient_address.trim())
                .map_err(|e| db_error(ctx, e))?;
            if found.is_empty() {
                return Err(not_found(&a));
            }
            Ok(Output::Objects {
                rows: rows(&found),
                columns: DETAIL_COLUMNS,
            })
        }
    }
}

fn not_found(a: &GetMessageTraceDetail) -> Error {
    Error::not_found(format!(
        "no trace of message {} for {}",
        a.message_trace_id, a.recipient_address
    ))
    .help("Get-MessageTrace lists the MessageTraceId and RecipientAddress of each traced message")
}

fn get(a: GetMessageTrace, ctx: &Context) -> Result<Output> {
    let date = |param: &str, v: &Option<String>| -> Result<Option<DateTime<Utc>>> {
        v.as_deref().map(|v| parse_date(v, param)).transpose()
    };
    let end = date("EndDate", &a.end_date)?.unwrap_or_else(Utc::now);
    let start = date("StartDate", &a.start_date)?.unwrap_or(end - chrono::Duration::hours(48));
    if start > end {
        return Err(Error::usage("-StartDate is after -EndDate")
            .help("give a -StartDate earlier than the -EndDate"));
    }
    let statuses = list(&a.status);
    let statuses = statuses
        .iter()
        .map(|s| {
            STATUSES
                .iter()
                .find(|k| k.eq_ignore_ascii_case(s))
                .map(|k| k.to_string())
                .ok_or_else(|| {
                    Error::usage(format!("-Status: '{s}' is not a message trace status"))
                        .help(format!("use one of {}", STATUSES.join(", ")))
                })
        })
        .collect::<Result<Vec<_>>>()?;
    // Retention: say so when the range reaches before what is kept.
    let days = ctx
        .store
        .load()
        .map(|s| s.organization.message_trace_retention_days)
        .unwrap_or(90);
    let cutoff = Utc::now() - chrono::Duration::days(i64::from(days));
    if start < cutoff {
        let what = if end < cutoff {
            "the whole range is outside it, so nothing is kept from that time".to_string()
        } else {
            format!("results start at {}", trace::time_text(cutoff.timestamp()))
        };
        eprintln!(
            "warning: {}: -StartDate {} is older than the message trace keeps (MessageTraceRetentionDays {days} in OrganizationConfig): {what}",
            ctx.cmdlet,
            trace::time_text(start.timestamp()),
        );
    }
    let Some(conn) = trace::open_read(ctx.store.data_dir()).map_err(|e| db_error(ctx, e))? else {
        return Ok(Output::Objects {
            rows: Vec::new(),
            columns: TRACE_COLUMNS,
        });
    };
    let filter = Filter {
        senders: list(&a.sender_address),
        recipients: list(&a.recipient_address),
        start: start.timestamp(),
        end: end.timestamp(),
        statuses,
        // Exchange's MessageId keeps the angle brackets; accept it either way.
        message_id: a
            .message_id
            .map(|m| format!("<{}>", m.trim().trim_matches(['<', '>']))),
        from_ip: a.from_ip.map(|m| m.trim().to_string()),
        to_ip: a.to_ip.map(|m| m.trim().to_string()),
        page_size: a.page_size,
        page: a.page,
    };
    let found = trace::query(&conn, &filter).map_err(|e| db_error(ctx, e))?;
    Ok(Output::Objects {
        rows: rows(&found),
        columns: TRACE_COLUMNS,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        let want = "2026-11-22T18:00:00Z";
        for t in [
            "2026-11-22 18:00",
            "2026-11-22T18:00:00Z",
            "11/22/2026 18:00",
            "2026-11-22T19:00:00+01:00",
        ] {
            assert_eq!(
                trace::time_text(parse_date(t, "StartDate").unwrap().timestamp()),
                want
            );
        }
        assert!(parse_date("11/22/2026", "StartDate").is_ok());
        assert!(parse_date("yesterday", "StartDate").is_err());
    }
}
