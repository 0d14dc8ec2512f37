//! Get/Set-OrganizationConfig: the settings of the whole organisation (Directory Based Edge
//! Blocking, how long the message trace keeps messages, and the service's public names and
//! addresses that DNS records must point at). There is one, as in EOP.

use clap::Subcommand;

use crate::cmdlets::common::{ChangeArgs, Context};
use crate::error::Result;
use crate::output::{Output, rows};
use crate::state::State;
use crate::state::model::{MxRecordPointsTo, OrganizationConfig};

#[derive(Subcommand, Debug)]
pub enum Cmd {
    /// Shows the organisation's settings.
    #[command(name = "get-organizationconfig", alias = "Get-OrganizationConfig")]
    Get,
    /// Changes the organisation's settings.
    #[command(name = "set-organizationconfig", alias = "Set-OrganizationConfig")]
    Set(Set),
}

crate::params! {
    /// The parameters of Set-OrganizationConfig.
    pub struct Set for OrganizationConfig;
    view [];
    /// The organisation's display name.
    name: value(String) = "Name", key;
    /// Refuse mail for unknown recipients of Authoritative domains at RCPT (550 5.4.1).
    directory_based_edge_block_enabled: bool = "DirectoryBasedEdgeBlockEnabled", wide;
    /// The host names the Internet reaches this service at: the MX target of the
    /// organisation's domains (Get-DnsGuidance, Test-DnsRecords).
    #[arg(value_name = "Fqdns")]
    service_host_names: list = "ServiceHostNames", key;
    /// The public addresses this service sends from, which SPF records must authorise.
    #[arg(value_name = "IPs")]
    service_ip_addresses: list = "ServiceIPAddresses", key;
    /// Where the domains' MX records point: Service (hybrid scenarios 1 and 2) or
    /// OnPremises (scenarios 3 and 4).
    #[arg(value_name = "Target", ignore_case = true)]
    mx_record_points_to: value(MxRecordPointsTo) = "MxRecordPointsTo", wide;
    /// Days the message trace keeps a message, 1 to 3650 (90 by default); the relay
    /// removes older ones every hour.
    #[arg(value_name = "Int32", value_parser = clap::value_parser!(u32).range(1..=3650))]
    message_trace_retention_days: value(u32) = "MessageTraceRetentionDays", wide;
    change: flatten(ChangeArgs);
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
        columns: Set::COLUMNS,
    }
}

pub fn run(cmd: Cmd, ctx: &Context) -> Result<Output> {
    match cmd {
        Cmd::Get => Ok(show(&ctx.store.load()?)),
        Cmd::Set(a) => {
            if !super::asked(ctx, &a.change, "OrganizationConfig")? {
                return Ok(Output::Nothing);
            }
            let updated =
                ctx.store
                    .update(&ctx.command_line, a.change.what_if, |state: &mut State| {
                        a.apply_declared(&mut state.organization)
                    })?;
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
