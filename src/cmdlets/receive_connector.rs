//! Get/New/Set/Remove/Enable/Disable-ReceiveConnector: the relay's SMTP listeners, their
//! limits and who may connect to them.

use clap::{Args, Subcommand};

use super::View;
use crate::assign;
use crate::cmdlets::common::{Context, GetArgs, IdentityArgs};
use crate::error::{Error, Result};
use crate::output::{Output, key};
use crate::state::model::{AuthMechanism, PermissionGroup, ReceiveConnector};

const VIEW: View = View {
    columns: Params::COLUMNS,
};

#[derive(Subcommand, Debug)]
pub enum Cmd {
    /// Lists receive connectors (the relay's listeners).
    #[command(name = "get-receiveconnector", alias = "Get-ReceiveConnector")]
    Get(GetArgs),
    /// Creates a listener.
    #[command(name = "new-receiveconnector", alias = "New-ReceiveConnector")]
    New(New),
    /// Changes a listener; a running relay picks the change up.
    #[command(name = "set-receiveconnector", alias = "Set-ReceiveConnector")]
    Set(super::SetArgs<Params>),
    /// Removes a listener.
    #[command(name = "remove-receiveconnector", alias = "Remove-ReceiveConnector")]
    Remove(IdentityArgs),
    /// Turns a listener on.
    #[command(name = "enable-receiveconnector", alias = "Enable-ReceiveConnector")]
    Enable(IdentityArgs),
    /// Turns a listener off.
    #[command(name = "disable-receiveconnector", alias = "Disable-ReceiveConnector")]
    Disable(IdentityArgs),
}

crate::params! {
    /// The parameters of New- and Set-ReceiveConnector.
    pub struct Params for ReceiveConnector;
    view [key("Name")];
    enabled: bool = "Enabled", wide;
    /// Addresses and ports to listen on: 0.0.0.0:25, [::1]:2525.
    #[arg(value_name = "Bindings")]
    bindings: list = "Bindings", key;
    /// Who may connect: addresses, CIDR blocks or ranges. Default: everyone.
    #[arg(value_name = "IPs")]
    remote_ip_ranges: list = "RemoteIPRanges", key;
    /// The name the relay gives in its banner and EHLO reply.
    fqdn: option = "Fqdn", wide;
    /// The text of the 220 greeting after the FQDN.
    banner: value(String) = "Banner";
    /// The certificate offered on STARTTLS.
    tls_certificate_name: option = "TlsCertificateName";
    /// Refuse MAIL until the client has used STARTTLS.
    require_tls: bool = "RequireTLS", wide;
    /// Tls (offer STARTTLS), BasicAuth and BasicAuthRequireTLS (offer AUTH under TLS), or None.
    #[arg(value_name = "Mechanisms")]
    auth_mechanism: list = "AuthMechanism";
    /// Who may send: AnonymousUsers, ExchangeUsers (clients that authenticated),
    /// ExchangeServers (OnPremises connectors), Partners (Partner connectors).
    #[arg(value_name = "Groups")]
    permission_groups: list = "PermissionGroups";
    /// TLS from the first byte, as on port 465 (RFC 8314), instead of STARTTLS.
    implicit_tls: bool = "ImplicitTls";
    /// The longest a connection may stay open even while it sends, hh:mm:ss (default 00:10:00).
    connection_timeout: parsed = "ConnectionTimeout";
    /// The longest a client may take over its next command, hh:mm:ss (default 00:05:00).
    connection_inactivity_timeout: parsed = "ConnectionInactivityTimeout";
    /// Largest message accepted, such as 25MB (default 36 MB).
    max_message_size: parsed = "MaxMessageSize", wide;
    /// Recipients per message (default 200).
    max_recipients_per_message: value(u32) = "MaxRecipientsPerMessage";
    /// Sessions at once over all clients (default 5000).
    max_inbound_connection: value(u32) = "MaxInboundConnection";
    /// Sessions at once from one IP (default 20).
    max_inbound_connection_per_source: value(u32) = "MaxInboundConnectionPerSource";
    /// Bad commands before a session is dropped (default 5).
    max_protocol_errors: value(u32) = "MaxProtocolErrors";
    comment: value(String) = "Comment";
}

impl Params {
    fn apply(&self, c: &mut ReceiveConnector) -> Result<()> {
        self.apply_declared(c)
    }
}

/// New-ReceiveConnector: the shared parameters and Exchange's usage type.
#[derive(Args, Debug)]
pub struct New {
    #[command(flatten)]
    pub new: super::NewArgs<Params>,
    #[command(flatten)]
    pub usage: UsageArgs,
}

/// Who a listener is for, as New-ReceiveConnector's -Usage and its switches say. Each
/// sets Exchange's defaults (the New-ReceiveConnector reference) as far as eopctl has the
/// settings: every type offers STARTTLS; Client and Internal listen on a fixed port, and
/// Internet takes mail from every address. The permission groups follow the type: Client
/// takes authenticated users only (and offers AUTH), Internet anonymous clients, Internal
/// the organisation's servers, Partner its partners.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
#[value(rename_all = "PascalCase")]
pub enum Usage {
    /// Mail clients submitting mail with SMTP AUTH: listens on 0.0.0.0:587; RemoteIPRanges required.
    Client,
    /// Anything else: Bindings and RemoteIPRanges required.
    Custom,
    /// Other servers of the organisation: listens on 0.0.0.0:25; RemoteIPRanges required.
    Internal,
    /// The Internet: Bindings required; open to every address.
    Internet,
    /// A partner's servers: Bindings and RemoteIPRanges required.
    Partner,
}

#[derive(Args, Debug, Default)]
#[group(id = "usage_type", multiple = false)]
pub struct UsageArgs {
    /// Client, Custom, Internal, Internet or Partner (the switches below are the same).
    #[arg(long, ignore_case = true)]
    pub usage: Option<Usage>,
    /// The same as -Usage Client.
    #[arg(long)]
    pub client: bool,
    /// The same as -Usage Custom.
    #[arg(long)]
    pub custom: bool,
    /// The same as -Usage Internal.
    #[arg(long)]
    pub internal: bool,
    /// The same as -Usage Internet.
    #[arg(long)]
    pub internet: bool,
    /// The same as -Usage Partner.
    #[arg(long)]
    pub partner: bool,
}

impl UsageArgs {
    /// The usage type given, if any (none keeps eopctl's own defaults).
    fn usage(&self) -> Option<Usage> {
        self.usage.or(match self {
            a if a.client => Some(Usage::Client),
            a if a.custom => Some(Usage::Custom),
            a if a.internal => Some(Usage::Internal),
            a if a.internet => Some(Usage::Internet),
            a if a.partner => Some(Usage::Partner),
            _ => None,
        })
    }
}

impl Usage {
    /// Sets the usage type's defaults on `c` and checks the parameters it requires or
    /// forbids, as Exchange does.
    fn apply(self, params: &Params, c: &mut ReceiveConnector) -> Result<()> {
        let fixed_binding = match self {
            Usage::Client => Some("0.0.0.0:587"),
            Usage::Internal => Some("0.0.0.0:25"),
            _ => None,
        };
        let needs_ranges = self != Usage::Internet;
        let shown = format!("New-ReceiveConnector \"{}\" -Usage {self:?}", c.name);
        match (fixed_binding, params.bindings.is_some()) {
            (Some(b), true) => {
                return Err(
                    Error::usage(format!("{shown}: -Bindings is fixed at {b}")).help(
                        "leave -Bindings out, or use -Usage Custom to choose the address and port",
                    ),
                );
            }
            (Some(b), false) => c.bindings = vec![b.parse().expect("a valid binding")],
            (None, false) => {
                return Err(Error::usage(format!("{shown}: -Bindings is required"))
                    .help("give the address and port to listen on, such as -Bindings 0.0.0.0:25"));
            }
            (None, true) => {}
        }
        match (needs_ranges, params.remote_ip_ranges.is_some()) {
            (true, false) => {
                return Err(Error::usage(format!("{shown}: -RemoteIPRanges is required"))
                    .help("give the addresses that may connect, such as -RemoteIPRanges 192.168.0.1-192.168.0.24"));
            }
            (false, true) => {
                return Err(Error::usage(format!("{shown}: an Internet listener takes mail from every address, so -RemoteIPRanges does not apply"))
                    .help("leave -RemoteIPRanges out, or use -Usage Custom to restrict who may connect"));
            }
            _ => {}
        }
        c.auth_mechanism = vec![AuthMechanism::Tls];
        let group = match self {
            Usage::Client => {
                c.auth_mechanism
                    .extend([AuthMechanism::BasicAuth, AuthMechanism::BasicAuthRequireTls]);
                Some(PermissionGroup::ExchangeUsers)
            }
            Usage::Internet => Some(PermissionGroup::AnonymousUsers),
            Usage::Internal => Some(PermissionGroup::ExchangeServers),
            Usage::Partner => Some(PermissionGroup::Partners),
            Usage::Custom => None,
        };
        if let Some(g) = group {
            c.permission_groups = vec![g];
        }
        Ok(())
    }
}

pub fn run(cmd: Cmd, ctx: &Context) -> Result<Output> {
    match cmd {
        Cmd::Get(a) => super::get::<ReceiveConnector>(ctx, a.identity.as_deref(), &VIEW),
        Cmd::New(New { new: a, usage }) => {
            let mut c = ReceiveConnector::new(a.name);
            if let Some(u) = usage.usage() {
                u.apply(&a.params, &mut c)?;
            }
            a.params.apply(&mut c)?;
            super::new(ctx, &a.change, &VIEW, c, |_, _| {})
        }
        Cmd::Set(a) => super::set::<ReceiveConnector>(ctx, &a.identity, &a.change, &VIEW, |c| {
            assign!(a => c; name);
            a.params.apply(c)
        }),
        Cmd::Remove(a) => super::remove::<ReceiveConnector>(ctx, &a.identity, &a.change, &VIEW),
        Cmd::Enable(a) => super::enable::<ReceiveConnector>(ctx, &a, true, &VIEW),
        Cmd::Disable(a) => super::enable::<ReceiveConnector>(ctx, &a, false, &VIEW),
    }
}
