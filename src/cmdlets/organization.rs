//! Get/Set-OrganizationConfig: the settings of the whole organisation (Directory Based
//! Edge Blocking, how long the message trace keeps messages). There is one, as in EOP.

use clap::{Args, Subcommand};
use serde_json::json;

use crate::assign;
use crate::cli::common::{ChangeArgs, Context, parse_bool};
use crate::error::Result;
use crate::output::Output;
use crate::state::model::OrganizationConfig;

const COLUMNS: &[&str] = &[
    "Name",
    "DirectoryBasedEdgeBlockEnabled",
    "MessageTraceRetentionDays",
];

#[derive(Subcommand, Debug)]
pub enum Cmd {
    /// Shows the organisation's settings.
    #[command(name = "get-organizationconfig", alias = "Get-OrganizationConfig")]
    Get,
    /// Changes the organisation's settings.
    #[command(name = "set-organizationconfig", alias = "Set-OrganizationConfig")]
    Set(Set),
}

#[derive(Args, Debug)]
pub struct Set {
    /// Refuse unknown recipients of Authoritative domains at RCPT (550 5.4.1).
    #[arg(long, value_name = "BOOL", value_parser = parse_bool)]
    pub directory_based_edge_block_enabled: Option<bool>,
    /// Days the message trace keeps a message, 1 to 3650 (90 by default); the relay
    /// removes older ones every hour.
    #[arg(long, value_name = "Int32", value_parser = clap::value_parser!(u32).range(1..=3650))]
    pub message_trace_retention_days: Option<u32>,
    #[command(flatten)]
    pub change: ChangeArgs,
}

fn show(o: &OrganizationConfig) -> Output {
    Output::Objects {
        rows: vec![json!({
            "Name": o.name,
            "DirectoryBasedEdgeBlockEnabled": o.directory_based_edge_block_enabled,
            "MessageTraceRetentionDays": o.message_trace_retention_days,
        })],
        columns: COLUMNS,
    }
}

pub fn run(cmd: Cmd, ctx: &Context) -> Result<Output> {
    match cmd {
        Cmd::Get => Ok(show(&ctx.store.load()?.organization)),
        Cmd::Set(a) => {
            let updated = ctx
                .store
                .update(&ctx.command_line, a.change.what_if, |state| {
                    let o = &mut state.organization;
                    assign!(a => o; directory_based_edge_block_enabled, message_trace_retention_days);
                    Ok(())
                })?;
            if a.change.what_if {
                return Ok(super::what_if(&ctx.cmdlet, updated.changes));
            }
            if a.change.pass_thru {
                return Ok(show(&ctx.store.load()?.organization));
            }
            Ok(Output::Nothing)
        }
    }
}
