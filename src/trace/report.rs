//! Mail flow reports over the trace: counts by time, direction and event type
//! (Get-MailflowStatusReport) and the top senders, recipients and spam sources
//! (Get-MailTrafficSummaryReport). Every figure is an SQL aggregate the database answers
//! from its indexes (`messages_report` covers the counts), never a walk over rows here:
//! a trace keeps millions of them.
//!
//! A count is one message for one recipient, as Get-MessageTrace's rows are: a message to
//! three recipients counts three times, each in its own direction and event type.

use rusqlite::{Connection, params_from_iter, types::Value};
use serde::Serialize;

use super::Verdict;
use crate::policy::direction::Direction;

/// EOP's event types (Get-MailflowStatusReport's EventType), each with the trace verdict
/// it counts; `None` is mail no filter acted on. A new verdict gets a row here.
pub const EVENT_TYPES: &[(&str, Option<Verdict>)] = &[
    ("GoodMail", None),
    ("EdgeBlockSpam", Some(Verdict::EdgeBlock)),
    ("SpamDetections", Some(Verdict::Spam)),
    ("EmailPhish", Some(Verdict::Phish)),
    ("EmailMalware", Some(Verdict::Malware)),
    ("RuleMessages", Some(Verdict::TransportRule)),
];

/// The event type a verdict is counted under.
pub fn event_type(verdict: Option<Verdict>) -> &'static str {
    EVENT_TYPES
        .iter()
        .find(|(_, v)| *v == verdict)
        .map_or("GoodMail", |(name, _)| name)
}

/// The event type named `s` (any case), as EVENT_TYPES spells it.
pub fn parse_event_type(s: &str) -> Option<&'static str> {
    EVENT_TYPES
        .iter()
        .find(|(name, _)| name.eq_ignore_ascii_case(s.trim()))
        .map(|(name, _)| *name)
}

/// How counts are grouped in time (Get-MailTrafficReport's AggregateBy).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum AggregateBy {
    Hour,
    #[default]
    Day,
    /// One row per direction and event type for the whole range.
    Summary,
}

impl AggregateBy {
    /// The bucket's length in seconds; `None` for the whole range.
    pub fn seconds(self) -> Option<i64> {
        match self {
            AggregateBy::Hour => Some(3600),
            AggregateBy::Day => Some(86_400),
            AggregateBy::Summary => None,
        }
    }
}

/// What a report covers.
#[derive(Debug, Clone, Default)]
pub struct Range {
    /// Seconds since the epoch, inclusive.
    pub start: i64,
    pub end: i64,
    /// Empty: every direction.
    pub directions: Vec<Direction>,
    /// Names from EVENT_TYPES; empty: every event type.
    pub event_types: Vec<&'static str>,
}

impl Range {
    /// The WHERE clause and its arguments.
    fn clause(&self) -> (String, Vec<Value>) {
        let mut sql = String::from("received >= ? AND received <= ?");
        let mut args = vec![Value::Integer(self.start), Value::Integer(self.end)];
        if !self.directions.is_empty() {
            let marks = vec!["?"; self.directions.len()].join(", ");
            sql.push_str(&format!(" AND direction IN ({marks})"));
            args.extend(
                self.directions
                    .iter()
                    .map(|d| Value::Text(d.name().to_string())),
            );
        }
        if !self.event_types.is_empty() {
            let verdicts: Vec<&str> = EVENT_TYPES
                .iter()
                .filter(|(name, _)| self.event_types.contains(name))
                .map(|(_, v)| v.map_or("", Verdict::name))
                .collect();
            let marks = vec!["?"; verdicts.len()].join(", ");
            sql.push_str(&format!(" AND verdict IN ({marks})"));
            args.extend(verdicts.iter().map(|v| Value::Text(v.to_string())));
        }
        (sql, args)
    }
}

/// One row of Get-MailflowStatusReport.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct CountRow {
    /// The start of the hour or day (the range's start for a summary), UTC.
    pub date: String,
    pub direction: String,
    pub event_type: String,
    pub message_count: u64,
}

/// The counts in `range`, one row per time bucket, direction and event type that has any,
/// oldest first. Rows traced before directions were recorded show the direction "Unknown".
pub fn counts(
    conn: &Connection,
    range: &Range,
    by: AggregateBy,
) -> rusqlite::Result<Vec<CountRow>> {
    let (clause, mut args) = range.clause();
    let bucket = match by.seconds() {
        Some(n) => {
            args.insert(0, Value::Integer(n));
            "received - received % ?"
        }
        None => {
            args.insert(0, Value::Integer(range.start));
            "?"
        }
    };
    let sql = format!(
        "SELECT {bucket} AS t, direction, verdict, COUNT(*) FROM messages WHERE {clause} GROUP BY t, direction, verdict ORDER BY t, direction, verdict"
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map(params_from_iter(args), |r| {
        let direction: String = r.get(1)?;
        let verdict: String = r.get(2)?;
        Ok(CountRow {
            date: super::time_text(r.get(0)?),
            direction: if direction.is_empty() {
                "Unknown".to_string()
            } else {
                direction
            },
            event_type: event_type(Verdict::parse(&verdict)).to_string(),
            message_count: r.get::<_, i64>(3)? as u64,
        })
    })?;
    let mut out: Vec<CountRow> = rows.collect::<rusqlite::Result<_>>()?;
    // Event types in EVENT_TYPES' order within a bucket and direction, as a reader scans them.
    let rank = |name: &str| EVENT_TYPES.iter().position(|(n, _)| *n == name);
    out.sort_by(|a, b| {
        (&a.date, &a.direction, rank(&a.event_type)).cmp(&(
            &b.date,
            &b.direction,
            rank(&b.event_type),
        ))
    });
    Ok(out)
}

/// Get-MailTrafficSummaryReport's categories that rank addresses or sources.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Category {
    /// The organisation's senders (Outbound and IntraOrg mail).
    #[value(name = "TopMailSender")]
    TopMailSender,
    /// The organisation's recipients (Inbound and IntraOrg mail).
    #[value(name = "TopMailRecipient")]
    TopMailRecipient,
    /// Recipients of spam and phish.
    #[value(name = "TopSpamRecipient")]
    TopSpamRecipient,
    /// Recipients of malware.
    #[value(name = "TopMalwareRecipient")]
    TopMalwareRecipient,
    /// Senders of spam and phish (envelope sender).
    #[value(name = "TopSpamSender")]
    TopSpamSender,
    /// The sender domains of spam and phish.
    #[value(name = "TopSpamSenderDomain")]
    TopSpamSenderDomain,
    /// The client IP addresses spam and phish came from.
    #[value(name = "TopSpamSourceIP")]
    TopSpamSourceIp,
}

impl Category {
    /// The grouped expression and the condition on direction or verdict.
    fn sql(self) -> (&'static str, &'static str) {
        const SPAM: &str = "verdict IN ('Spam', 'Phish')";
        match self {
            Category::TopMailSender => ("sender", "direction IN ('Outbound', 'IntraOrg')"),
            Category::TopMailRecipient => ("recipient", "direction IN ('Inbound', 'IntraOrg')"),
            Category::TopSpamRecipient => ("recipient", SPAM),
            Category::TopMalwareRecipient => ("recipient", "verdict = 'Malware'"),
            Category::TopSpamSender => ("sender", SPAM),
            Category::TopSpamSenderDomain => ("substr(sender, instr(sender, '@') + 1)", SPAM),
            Category::TopSpamSourceIp => ("from_ip", SPAM),
        }
    }
}

/// One row of Get-MailTrafficSummaryReport: C1 the address or source, C2 its count.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TopRow {
    #[serde(rename = "C1")]
    pub c1: String,
    #[serde(rename = "C2")]
    pub c2: u64,
}

/// The top of `category` between `start` and `end` (seconds, inclusive), most first (ties
/// by name), one page of `page_size` rows (page from 1). The null sender `<>` is not an
/// address to rank.
pub fn top(
    conn: &Connection,
    category: Category,
    start: i64,
    end: i64,
    page_size: u32,
    page: u32,
) -> rusqlite::Result<Vec<TopRow>> {
    let (what, condition) = category.sql();
    let sql = format!(
        "SELECT {what} AS c1, COUNT(*) AS c2 FROM messages WHERE received >= ?1 AND received <= ?2 AND {condition} AND {what} <> '' GROUP BY c1 ORDER BY c2 DESC, c1 LIMIT ?3 OFFSET ?4"
    );
    let size = i64::from(page_size.max(1));
    let offset = size * i64::from(page.max(1) - 1);
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map(rusqlite::params![start, end, size, offset], |r| {
        Ok(TopRow {
            c1: r.get(0)?,
            c2: r.get::<_, i64>(1)? as u64,
        })
    })?;
    rows.collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::trace::{Event, Kind, Message, Trace, open_read};
    use std::time::Duration;

    /// A trace with known counts: per (hour, sender, recipient, ip, direction, verdict).
    fn fill(dir: &std::path::Path, base: i64) {
        let t = Trace::start(dir).unwrap();
        type Row<'a> = (
            i64,
            &'a str,
            &'a str,
            &'a str,
            Direction,
            Option<Verdict>,
            usize,
        );
        let rows: &[Row] = &[
            (
                0,
                "x@fabrikam.com",
                "ann@contoso.com",
                "203.0.113.1",
                Direction::Inbound,
                None,
                5,
            ),
            (
                0,
                "s@spam.example",
                "ann@contoso.com",
                "203.0.113.9",
                Direction::Inbound,
                Some(Verdict::Spam),
                3,
            ),
            (
                1,
                "s@spam.example",
                "bob@contoso.com",
                "203.0.113.9",
                Direction::Inbound,
                Some(Verdict::Spam),
                2,
            ),
            (
                1,
                "p@phish.example",
                "bob@contoso.com",
                "198.51.100.7",
                Direction::Inbound,
                Some(Verdict::Phish),
                1,
            ),
            (
                1,
                "ann@contoso.com",
                "z@fabrikam.com",
                "192.0.2.10",
                Direction::Outbound,
                None,
                4,
            ),
            (
                25,
                "ann@contoso.com",
                "bob@contoso.com",
                "192.0.2.10",
                Direction::IntraOrg,
                Some(Verdict::TransportRule),
                2,
            ),
            (
                25,
                "m@bad.example",
                "bob@contoso.com",
                "203.0.113.5",
                Direction::Inbound,
                Some(Verdict::Malware),
                1,
            ),
        ];
        let mut n = 0;
        for (hour, sender, rcpt, ip, direction, verdict, count) in rows {
            for _ in 0..*count {
                n += 1;
                let id = format!("T{n}");
                t.message(Message {
                    trace_id: id.clone(),
                    recipients: vec![rcpt.to_string()],
                    received: base + hour * 3600 + 60,
                    sender: sender.to_string(),
                    subject: String::new(),
                    message_id: String::new(),
                    from_ip: ip.to_string(),
                    size: 1,
                });
                t.record(
                    Event::new(&id, Kind::Verdict, "route")
                        .recipient(*rcpt)
                        .direction(*direction),
                );
                if let Some(v) = verdict {
                    t.record(Event::new(&id, Kind::Spam, "filtered").verdict(*v));
                }
            }
        }
        assert!(t.flush(Duration::from_secs(10)));
    }

    fn row(date: &str, direction: &str, event_type: &str, n: u64) -> CountRow {
        CountRow {
            date: date.into(),
            direction: direction.into(),
            event_type: event_type.into(),
            message_count: n,
        }
    }

    #[test]
    fn counts_by_hour_day_and_summary() {
        let dir = tempfile::tempdir().unwrap();
        let base = 1_764_720_000; // 2025-12-03T00:00:00Z
        fill(dir.path(), base);
        let conn = open_read(dir.path()).unwrap().unwrap();
        let all = Range {
            start: base,
            end: base + 3 * 86_400,
            ..Range::default()
        };
        let by_day = counts(&conn, &all, AggregateBy::Day).unwrap();
        let d0 = "2025-12-03T00:00:00Z";
        let d1 = "2025-12-04T00:00:00Z";
        assert_eq!(
            by_day,
            [
                row(d0, "Inbound", "GoodMail", 5),
                row(d0, "Inbound", "SpamDetections", 5),
                row(d0, "Inbound", "EmailPhish", 1),
                row(d0, "Outbound", "GoodMail", 4),
                row(d1, "Inbound", "EmailMalware", 1),
                row(d1, "IntraOrg", "RuleMessages", 2),
            ]
        );
        let by_hour = counts(&conn, &all, AggregateBy::Hour).unwrap();
        assert_eq!(by_hour.len(), 7);
        assert_eq!(by_hour[1], row(d0, "Inbound", "SpamDetections", 3));
        assert_eq!(
            by_hour[2],
            row("2025-12-03T01:00:00Z", "Inbound", "SpamDetections", 2)
        );
        let spam_in = Range {
            directions: vec![Direction::Inbound],
            event_types: vec!["SpamDetections", "EmailPhish"],
            ..all.clone()
        };
        assert_eq!(
            counts(&conn, &spam_in, AggregateBy::Summary).unwrap(),
            [
                row(d0, "Inbound", "SpamDetections", 5),
                row(d0, "Inbound", "EmailPhish", 1)
            ]
        );
        // The range's bounds are inclusive and exclude what is outside.
        let first_hour = Range {
            end: base + 3599,
            ..all.clone()
        };
        let n: u64 = counts(&conn, &first_hour, AggregateBy::Summary)
            .unwrap()
            .iter()
            .map(|r| r.message_count)
            .sum();
        assert_eq!(n, 8);

        let top3 = |c| top(&conn, c, all.start, all.end, 3, 1).unwrap();
        let pairs = |rows: Vec<TopRow>| -> Vec<(String, u64)> {
            rows.into_iter().map(|r| (r.c1, r.c2)).collect()
        };
        assert_eq!(
            pairs(top3(Category::TopSpamSourceIp)),
            [("203.0.113.9".into(), 5), ("198.51.100.7".into(), 1)]
        );
        assert_eq!(
            pairs(top3(Category::TopSpamRecipient)),
            [("ann@contoso.com".into(), 3), ("bob@contoso.com".into(), 3)]
        );
        assert_eq!(
            pairs(top3(Category::TopMailSender)),
            [("ann@contoso.com".into(), 6)]
        );
        assert_eq!(
            pairs(top3(Category::TopSpamSenderDomain)),
            [("spam.example".into(), 5), ("phish.example".into(), 1)]
        );
        assert_eq!(
            pairs(top(&conn, Category::TopMailRecipient, all.start, all.end, 1, 2).unwrap()),
            [("bob@contoso.com".into(), 6)]
        );
    }
}
