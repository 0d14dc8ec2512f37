//! Get/Set-OrganizationConfig: the settings of the whole organisation (Directory Based Edge
//! Blocking, how long the message trace keeps messages, and the service's public names and
//! addresses that DNS records must point at). There is one, as in EOP.

use clap::{Args, Subcommand};

use crate::assign;
use crate::cmdlets::common::{ChangeArgs, Context, edit_list, parse_bool};
use crate::error::Result;
use crate::output::{Column, Output, key, rows, wide};
use crate::state::State;
use crate::state::model::MxRecordPointsTo;

const COLUMNS: &[Column] = &[
    key("Name"),
    wide("DirectoryBasedEdgeBlockEnabled"),
    key("ServiceHostNames"),
    key("ServiceIPAddresses"),
    wide("MxRecordPointsTo"),
    wide("MessageTraceRetentionDays"),
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
    /// The organisation's display name.
    #[arg(long)]
    pub name: Option<String>,
    /// Refuse mail for unknown recipients of Authoritative domains at RCPT (550 5.4.1).
    #[arg(long, value_name = "BOOL", value_parser = parse_bool)]
    pub directory_based_edge_block_enabled: Option<bool>,
    /// The host names the Internet reaches this service at: the MX target of the
    /// organisation's domains (Get-DnsGuidance, Test-DnsRecords).
    #[arg(long, value_name = "Fqdns")]
    pub service_host_names: Option<Vec<String>>,
    /// The public addresses this service sends from, which SPF records must authorise.
    #[arg(
        long = "service-ip-addresses",
        alias = "ServiceIPAddresses",
        value_name = "IPs"
    )]
    pub service_ip_addresses: Option<Vec<String>>,
    /// Where the domains' MX records point: Service (hybrid scenarios 1 and 2) or
    /// OnPremises (scenarios 3 and 4).
    #[arg(long, value_name = "Target", ignore_case = true)]
    pub mx_record_points_to: Option<MxRecordPointsTo>,
    /// Days the message trace keeps a message, 1 to 3650 (90 by default); the relay
    /// removes older ones every hour.
    #[arg(long, value_name = "Int32", value_parser = clap::value_parser!(u32).range(1..=3650))]
    pub message_trace_retention_days: Option<u32>,
    #[command(flatten)]
    pub change: ChangeArgs,
}

fn show(state: &State) -> Output {
    let mut row = rows(std::slice::from_ref(&state.organization));
    // The file leaves the default retention out; Get shows it anyway.
    if let Some(o) = row[0].as_object_mut() {
        o.insert(
            "MessageTraceRetentionDays".into(),
            state.organization.message_trace_retention_days.into(),
        );
    }
    Output::Objects {
        rows: row,
        columns: COLUMNS,
    }
}

pub fn run(cmd: Cmd, ctx: &Context) -> Result<Output> {
    match cmd {
        Cmd::Get => Ok(show(&ctx.store.load()?)),
        Cmd::Set(a) => {
            if !super::asked(ctx, &a.change, "OrganizationConfig")? {
                return Ok(Output::Nothing);
            }
            let updated = ctx.store.update(
                &ctx.command_line,
                a.change.what_if,
                |state: &mut State| {
                    let o = &mut state.organization;
                    assign!(a => o; name, directory_based_edge_block_enabled, mx_record_points_to, message_trace_retention_days);
                    edit_list(
                        &a.service_host_names,
                        &mut o.service_host_names,
                        "ServiceHostNames",
                    )?;
                    edit_list(
                        &a.service_ip_addresses,
                        &mut o.service_ip_addresses,
                        "ServiceIPAddresses",
                    )
                },
            )?;
            if a.change.what_if {
                return Ok(super::what_if(&ctx.cmdlet, updated.changes));
            }
            if a.change.pass_thru {
                return Ok(show(&ctx.store.load()?));
            }
            Ok(Output::Nothing)
        }
    }
}
