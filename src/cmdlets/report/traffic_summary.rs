//! Get-MailTrafficSummaryReport: the top senders, recipients and spam sources of a range,
//! in EOP's generic columns (C1 the address or source, C2 its count), with a bar chart.

use clap::Args;

use super::{Dates, db_error, open, range, summary};
use crate::chart::Chart;
use crate::cmdlets::common::Context;
use crate::output::{Column, Output, Report, key, rows};
use crate::trace::report::{self, Category};

#[derive(Args, Debug)]
pub struct GetMailTrafficSummaryReport {
    /// What to rank: TopMailSender, TopMailRecipient, TopSpamRecipient,
    /// TopMalwareRecipient, TopSpamSender, TopSpamSenderDomain, TopSpamSourceIP.
    #[arg(long, value_enum, ignore_case = true, value_name = "String")]
    pub category: Category,
    #[command(flatten)]
    pub dates: Dates,
    /// Rows per page, 1 to 5000 (the top N).
    #[arg(long, default_value_t = 10, value_name = "Int32",
          value_parser = clap::value_parser!(u32).range(1..=5000))]
    pub page_size: u32,
    /// The page to show, 1 to 1000.
    #[arg(long, default_value_t = 1, value_name = "Int32",
          value_parser = clap::value_parser!(u32).range(1..=1000))]
    pub page: u32,
}

const COLUMNS: &[Column] = &[key("C1"), key("C2")];

pub fn run(a: GetMailTrafficSummaryReport, ctx: &Context) -> Result<Output, crate::error::Error> {
    let (start, end) = range(&a.dates, ctx)?;
    let found = match open(ctx)? {
        Some(conn) => report::top(
            &conn,
            a.category,
            start.timestamp(),
            end.timestamp(),
            a.page_size,
            a.page,
        )
        .map_err(|e| db_error(ctx, e))?,
        None => Vec::new(),
    };
    let name = clap::ValueEnum::to_possible_value(&a.category)
        .map(|v| v.get_name().to_string())
        .unwrap_or_default();
    let chart = Chart {
        title: name.clone(),
        unit: "Messages".into(),
        labels: found.iter().map(|r| r.c1.clone()).collect(),
        series: vec![("Messages".into(), found.iter().map(|r| r.c2).collect())],
        horizontal: true,
    };
    Ok(Output::Report(Box::new(Report {
        title: format!("Mail traffic summary report: {name}"),
        summary: summary(start, end, ""),
        rows: rows(&found),
        columns: COLUMNS,
        charts: vec![chart],
    })))
}
