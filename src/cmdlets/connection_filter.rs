//! Get/Set-HostedConnectionFilterPolicy: the IP allow and block lists, the DNS block list
//! zones and whether senders' DMARC policies are honoured. There is one policy, named
//! Default, as in EOP.

use clap::Subcommand;

use super::View;
use crate::cmdlets::common::{ChangeArgs, Context, GetArgs};
use crate::error::{Error, Result};
use crate::output::{Output, key, rows};
use crate::policy::connection_filter::{ConnectionFilter, ConnectionVerdict};
use crate::relay::auth::Authenticator;
use crate::state::State;
use crate::state::model::{HostedConnectionFilterPolicy, ZoneAction};

const VIEW: View = View {
    columns: Set::COLUMNS,
};

#[derive(Subcommand, Debug)]
pub enum Cmd {
    /// Shows the connection filter policy.
    #[command(
        name = "get-hostedconnectionfilterpolicy",
        alias = "Get-HostedConnectionFilterPolicy"
    )]
    Get(GetArgs),
    /// Changes the connection filter policy's allow and block lists.
    #[command(
        name = "set-hostedconnectionfilterpolicy",
        alias = "Set-HostedConnectionFilterPolicy"
    )]
    Set(Set),
}

crate::params! {
    /// The parameters of Set-HostedConnectionFilterPolicy.
    pub struct Set for HostedConnectionFilterPolicy;
    view [key("Name")];
    /// The policy: Default.
    #[arg(default_value = "Default")]
    identity: manual(String) = "Identity";
    /// IPs whose mail skips spam filtering (not malware filtering).
    #[arg(value_name = "IPs")]
    ip_allow_list: list = "IPAllowList", key;
    /// IPs whose mail is refused at connect.
    #[arg(value_name = "IPs")]
    ip_block_list: list = "IPBlockList", key;
    /// Trust well-known good senders.
    enable_safe_list: bool = "EnableSafeList";
    /// DNS block list zones asked about every anonymous client at connect (zen.example).
    #[arg(value_name = "Zones")]
    ip_block_list_zones: list = "IPBlockListZones", wide;
    /// What a DNS block list listing does: Reject (550 5.7.1 at connect) or Score (a
    /// fact for spam filtering).
    #[arg(value_name = "Action", ignore_case = true)]
    ip_block_list_zone_action: value(ZoneAction) = "IPBlockListZoneAction", wide;
    /// Act on the sender's DMARC policy: p=reject refused, p=quarantine quarantined. With
    /// $false such mail is only marked as spam.
    honor_dmarc_policy: bool = "HonorDmarcPolicy", wide;
    change: flatten(ChangeArgs);
}

fn check_identity(identity: &str) -> Result<()> {
    if identity.eq_ignore_ascii_case("Default") || crate::cmdlets::wildcard(identity, "Default") {
        return Ok(());
    }
    Err(Error::not_found(format!(
        "HostedConnectionFilterPolicy \"{identity}\" was not found"
    ))
    .help("there is one connection filter policy, named Default"))
}

pub fn run(cmd: Cmd, ctx: &Context) -> Result<Output> {
    match cmd {
        Cmd::Get(a) => {
            if let Some(id) = &a.identity {
                check_identity(id)?;
            }
            let state = ctx.store.load()?;
            Ok(Output::Objects {
                rows: rows(std::slice::from_ref(&state.connection_filter)),
                columns: VIEW.columns,
            })
        }
        Cmd::Set(a) => {
            check_identity(&a.identity)?;
            if !super::asked(ctx, &a.change, "HostedConnectionFilterPolicy \"Default\"")? {
                return Ok(Output::Nothing);
            }
            let updated =
                ctx.store
                    .update(&ctx.command_line, a.change.what_if, |state: &mut State| {
                        a.apply_declared(&mut state.connection_filter)
                    })?;
            if a.change.what_if {
                return Ok(super::what_if(&ctx.cmdlet, updated.changes));
            }
            if a.change.pass_thru {
                let state = ctx.store.load()?;
                return Ok(Output::Objects {
                    rows: rows(std::slice::from_ref(&state.connection_filter)),
                    columns: VIEW.columns,
                });
            }
            Ok(Output::Nothing)
        }
    }
}

/// The connection filter's verdict for Test-MessageRoute: the Tenant Allow/Block List's IP
/// entries, the allow and block lists, and the DNS block lists when `dns` names a server
/// to ask (without one they are skipped, and the returned note says so). `ip` is the
/// client's address.
pub fn explain(
    state: &State,
    tabl: &crate::policy::tabl::Lists,
    client: &crate::policy::Client,
    ip: std::net::IpAddr,
    dns: Option<std::net::SocketAddr>,
) -> Result<(ConnectionVerdict, Option<String>)> {
    let filter = ConnectionFilter::build(&state.connection_filter);
    let now = chrono::Utc::now().timestamp();
    let zones = crate::policy::tabl::zones_to_query(&filter, tabl, client, ip, now);
    let (answers, note) = match (zones.is_empty(), dns) {
        (true, _) => (Vec::new(), None),
        (false, None) => (
            Vec::new(),
            Some(format!(
                "IPBlockListZones not asked ({}): give -DnsServer to ask them",
                zones
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join(", ")
            )),
        ),
        (false, Some(server)) => {
            let auth = Authenticator::new(Some(server))
                .map_err(|e| Error::unavailable(format!("-DnsServer: {e}")))?;
            let runtime = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .map_err(|e| Error::unavailable(format!("cannot start the runtime: {e}")))?;
            (runtime.block_on(auth.dnsbl(ip, zones)), None)
        }
    };
    let verdict = crate::policy::tabl::connection(&filter, tabl, client, ip, &answers, now);
    Ok((verdict, note))
}
