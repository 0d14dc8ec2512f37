//! Reading the trace for Get-MessageTrace and Get-MessageTraceDetail: filters, pages and
//! the rows the cmdlets show.

use rusqlite::{Connection, params_from_iter, types::Value};

use super::*;

/// Get-MessageTrace's filters. Addresses may hold `*` wildcards.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    pub senders: Vec<String>,
    pub recipients: Vec<String>,
    /// Seconds since the epoch, inclusive.
    pub start: i64,
    pub end: i64,
    pub statuses: Vec<String>,
    pub message_id: Option<String>,
    pub from_ip: Option<String>,
    pub to_ip: Option<String>,
    pub page_size: u32,
    /// From 1.
    pub page: u32,
}

/// One row of Get-MessageTrace.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct TraceRow {
    pub received: String,
    pub sender_address: String,
    pub recipient_address: String,
    pub subject: String,
    pub status: String,
    #[serde(rename = "ToIP")]
    pub to_ip: String,
    #[serde(rename = "FromIP")]
    pub from_ip: String,
    pub size: u64,
    pub message_id: String,
    pub message_trace_id: String,
}

/// `a@x`, `*@contoso.com`: exact or GLOB (SQLite's wildcard match, case-folded first).
fn address_clause(column: &str, values: &[String], sql: &mut String, args: &mut Vec<Value>) {
    if values.is_empty() {
        return;
    }
    let parts: Vec<String> = values
        .iter()
        .map(|v| {
            let v = v.to_lowercase();
            let op = if v.contains(['*', '?']) { "GLOB" } else { "=" };
            args.push(Value::Text(v));
            format!("{column} {op} ?")
        })
        .collect();
    sql.push_str(&format!(" AND ({})", parts.join(" OR ")));
}

pub fn time_text(secs: i64) -> String {
    chrono::DateTime::from_timestamp(secs, 0)
        .unwrap_or_default()
        .format("%Y-%m-%dT%H:%M:%SZ")
        .to_string()
}

/// The rows matching `f`, newest first, one page.
pub fn query(conn: &Connection, f: &Filter) -> rusqlite::Result<Vec<TraceRow>> {
    let mut sql = String::from(
        "SELECT received, sender, recipient, subject, status, to_ip, from_ip, size, message_id, trace_id FROM messages WHERE received >= ? AND received <= ?",
    );
    let mut args = vec![Value::Integer(f.start), Value::Integer(f.end)];
    address_clause("sender", &f.senders, &mut sql, &mut args);
    address_clause("recipient", &f.recipients, &mut sql, &mut args);
    if !f.statuses.is_empty() {
        let marks = vec!["?"; f.statuses.len()].join(", ");
        sql.push_str(&format!(" AND status IN ({marks})"));
        args.extend(f.statuses.iter().map(|s| Value::Text(s.clone())));
    }
    for (column, value) in [
        ("message_id", &f.message_id),
        ("from_ip", &f.from_ip),
        ("to_ip", &f.to_ip),
    ] {
        if let Some(v) = value {
            sql.push_str(&format!(" AND {column} = ?"));
            args.push(Value::Text(v.clone()));
        }
    }
    sql.push_str(" ORDER BY received DESC, trace_id DESC, recipient LIMIT ? OFFSET ?");
    let size = i64::from(f.page_size.max(1));
    args.push(Value::Integer(size));
    args.push(Value::Integer(size * i64::from(f.page.max(1) - 1)));
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map(params_from_iter(args), |r| {
        Ok(TraceRow {
            received: time_text(r.get(0)?),
            sender_address: r.get(1)?,
            recipient_address: r.get(2)?,
            subject: r.get(3)?,
            status: r.get(4)?,
            to_ip: r.get(5)?,
            from_ip: r.get(6)?,
            size: r.get::<_, i64>(7)? as u64,
            message_id: r.get(8)?,
            message_trace_id: r.get(9)?,
        })
    })?;
    rows.collect()
}

/// One row of Get-MessageTraceDetail.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct DetailRow {
    pub date: String,
    pub event: String,
    pub action: String,
    pub detail: String,
    pub recipient_address: String,
    pub state_revision: Option<u64>,
    pub decided_by: Vec<String>,
    pub reasons: Vec<String>,
    pub message_trace_id: String,
}

/// The events of one message for one recipient (with the message-wide ones), in order.
pub fn details(
    conn: &Connection,
    trace_id: &str,
    recipient: &str,
) -> rusqlite::Result<Vec<DetailRow>> {
    let recipient = recipient.to_lowercase();
    let known: bool = conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM messages WHERE trace_id = ?1 AND recipient = ?2)",
        [trace_id, &recipient],
        |r| r.get(0),
    )?;
    if !known {
        return Ok(Vec::new());
    }
    let mut stmt = conn.prepare_cached(
        "SELECT time_ms, event, detail, revision, blame, recipient FROM events WHERE trace_id = ?1 AND (recipient = '' OR recipient = ?2) ORDER BY id",
    )?;
    let rows = stmt.query_map([trace_id, &recipient], |r| {
        let blame: Vec<Blame> = serde_json::from_str(&r.get::<_, String>(4)?).unwrap_or_default();
        let ms: i64 = r.get(0)?;
        let event: String = r.get(1)?;
        let rcpt: String = r.get(5)?;
        Ok(DetailRow {
            date: chrono::DateTime::from_timestamp_millis(ms)
                .unwrap_or_default()
                .format("%Y-%m-%dT%H:%M:%S%.3fZ")
                .to_string(),
            action: action_of(&event).to_string(),
            event,
            detail: r.get(2)?,
            recipient_address: if rcpt.is_empty() {
                recipient.clone()
            } else {
                rcpt
            },
            state_revision: r.get::<_, Option<i64>>(3)?.map(|v| v as u64),
            decided_by: blame.iter().map(|b| b.object.clone()).collect(),
            reasons: blame.iter().map(|b| b.to_string()).collect(),
            message_trace_id: trace_id.to_string(),
        })
    })?;
    rows.collect()
}

/// Exchange's Action column: what the event did to the message.
fn action_of(event: &str) -> &'static str {
    match event {
        "Receive" => "Received",
        "Verdict" => "Routed",
        "Queue" => "Queued",
        "Deliver" | "Send external" => "Delivered",
        "Defer" => "Deferred",
        "Fail" => "Failed",
        "Expand" => "Expanded",
        "Redirect" => "Redirected",
        "Quarantine" => "Quarantined",
        "Release" => "Released",
        "Spam" => "FilteredAsSpam",
        "Resubmit" => "Resubmitted",
        "Suspend" => "Suspended",
        "Resume" => "Resumed",
        "Drop" => "Removed",
        _ => "",
    }
}

/// The time of the oldest message kept, if any.
pub fn oldest(conn: &Connection) -> rusqlite::Result<Option<i64>> {
    conn.query_row("SELECT MIN(received) FROM messages", [], |r| r.get(0))
}
