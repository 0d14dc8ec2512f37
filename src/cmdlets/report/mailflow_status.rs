//! Get-MailflowStatusReport: message counts by date, direction and event type, with a
//! chart of the event types over time and one of the directions.

use std::collections::BTreeMap;

use clap::Args;

use super::{Dates, db_error, list, open, range, summary};
use crate::chart::Chart;
use crate::cmdlets::common::Context;
use crate::error::{Error, Result};
use crate::output::{Column, Output, Report, key, rows};
use crate::policy::direction::Direction;
use crate::trace::report::{self, AggregateBy, CountRow, EVENT_TYPES, Range};

#[derive(Args, Debug)]
pub struct GetMailflowStatusReport {
    #[command(flatten)]
    pub dates: Dates,
    /// Directions, a,b: Inbound, Outbound, IntraOrg [default: all].
    #[arg(long, value_name = "MultiValuedProperty")]
    pub direction: Vec<String>,
    /// Event types, a,b: GoodMail, EdgeBlockSpam, SpamDetections, EmailPhish, EmailMalware,
    /// RuleMessages [default: all].
    #[arg(long, value_name = "MultiValuedProperty")]
    pub event_type: Vec<String>,
    /// One row per hour, per day, or for the whole range (Summary).
    #[arg(long, value_enum, ignore_case = true, default_value_t = AggregateBy::Day, value_name = "AggregateBy")]
    pub aggregate_by: AggregateBy,
    /// Rows per page, 1 to 5000.
    #[arg(long, default_value_t = 1000, value_name = "Int32",
          value_parser = clap::value_parser!(u32).range(1..=5000))]
    pub page_size: u32,
    /// The page to show, 1 to 1000.
    #[arg(long, default_value_t = 1, value_name = "Int32",
          value_parser = clap::value_parser!(u32).range(1..=1000))]
    pub page: u32,
}

const COLUMNS: &[Column] = &[
    key("Date"),
    key("Direction"),
    key("EventType"),
    key("MessageCount"),
];

pub fn run(a: GetMailflowStatusReport, ctx: &Context) -> Result<Output> {
    let (start, end) = range(&a.dates, ctx)?;
    let directions = list(&a.direction)
        .iter()
        .map(|d| {
            Direction::parse(d).ok_or_else(|| {
                Error::usage(format!("-Direction: '{d}' is not a direction"))
                    .help("use Inbound, Outbound or IntraOrg")
            })
        })
        .collect::<Result<Vec<_>>>()?;
    let event_types = list(&a.event_type)
        .iter()
        .map(|t| {
            report::parse_event_type(t).ok_or_else(|| {
                let names: Vec<&str> = EVENT_TYPES.iter().map(|(n, _)| *n).collect();
                Error::usage(format!("-EventType: '{t}' is not an event type"))
                    .help(format!("use one of {}", names.join(", ")))
            })
        })
        .collect::<Result<Vec<_>>>()?;
    let r = Range {
        start: start.timestamp(),
        end: end.timestamp(),
        directions,
        event_types,
    };
    let found = match open(ctx)? {
        Some(conn) => report::counts(&conn, &r, a.aggregate_by).map_err(|e| db_error(ctx, e))?,
        None => Vec::new(),
    };
    let charts = charts(&found, &r, a.aggregate_by);
    let size = a.page_size as usize;
    let page: Vec<CountRow> = found
        .into_iter()
        .skip(size * (a.page as usize - 1))
        .take(size)
        .collect();
    let per = match a.aggregate_by {
        AggregateBy::Hour => ", per hour",
        AggregateBy::Day => ", per day",
        AggregateBy::Summary => "",
    };
    Ok(Output::Report(Box::new(Report {
        title: "Mail flow status report".into(),
        summary: summary(start, end, per),
        rows: rows(&page),
        columns: COLUMNS,
        charts,
    })))
}

/// The charts: event types over time, and directions over time (a summary has one bar
/// per event type instead, split by direction).
fn charts(found: &[CountRow], r: &Range, by: AggregateBy) -> Vec<Chart> {
    let Some(step) = by.seconds() else {
        let labels: Vec<String> = EVENT_TYPES
            .iter()
            .map(|(n, _)| n.to_string())
            .filter(|n| found.iter().any(|c| &c.event_type == n))
            .collect();
        let series = group(
            found,
            labels.len(),
            |c| c.direction.clone(),
            |c| labels.iter().position(|l| *l == c.event_type),
        );
        return vec![Chart {
            title: "Messages by event type".into(),
            unit: "Messages".into(),
            labels,
            series,
            horizontal: false,
        }];
    };
    // Every bucket of the range, the empty ones too: time runs evenly along the axis.
    let first = r.start - r.start.rem_euclid(step);
    let buckets: Vec<i64> = (0..)
        .map(|i| first + i * step)
        .take_while(|t| *t <= r.end)
        .collect();
    let format = if step < 86_400 {
        "%m-%d %H:%M"
    } else {
        "%Y-%m-%d"
    };
    let labels: Vec<String> = buckets
        .iter()
        .map(|t| {
            chrono::DateTime::from_timestamp(*t, 0)
                .unwrap_or_default()
                .format(format)
                .to_string()
        })
        .collect();
    let at = |c: &CountRow| {
        let t = chrono::DateTime::parse_from_rfc3339(&c.date)
            .ok()?
            .timestamp();
        buckets.binary_search(&t).ok()
    };
    let by_type = group(found, buckets.len(), |c| c.event_type.clone(), at);
    let by_direction = group(found, buckets.len(), |c| c.direction.clone(), at);
    vec![
        Chart {
            title: "Messages by event type".into(),
            unit: "Messages".into(),
            labels: labels.clone(),
            series: by_type,
            horizontal: false,
        },
        Chart {
            title: "Messages by direction".into(),
            unit: "Messages".into(),
            labels,
            series: by_direction,
            horizontal: false,
        },
    ]
}

/// Series named by `name` of each row, summed at the bar (of `bars`) `at` places it; in
/// the order EVENT_TYPES and the directions are listed.
fn group(
    found: &[CountRow],
    bars: usize,
    name: impl Fn(&CountRow) -> String,
    at: impl Fn(&CountRow) -> Option<usize>,
) -> Vec<(String, Vec<u64>)> {
    let order = |n: &str| {
        EVENT_TYPES
            .iter()
            .position(|(t, _)| *t == n)
            .or_else(|| Direction::parse(n).map(|d| d as usize))
            .unwrap_or(usize::MAX)
    };
    let mut series: BTreeMap<(usize, String), Vec<u64>> = BTreeMap::new();
    for c in found {
        let Some(i) = at(c) else { continue };
        let n = name(c);
        let values = series
            .entry((order(&n), n))
            .or_insert_with(|| vec![0; bars]);
        values[i] += c.message_count;
    }
    series.into_iter().map(|((_, n), v)| (n, v)).collect()
}
