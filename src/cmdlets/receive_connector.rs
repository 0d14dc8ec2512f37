//! Get/New/Set/Remove/Enable/Disable-ReceiveConnector: the relay's SMTP listeners, their
//! limits and who may connect to them.

use clap::Subcommand;

use super::View;
use crate::assign;
use crate::cmdlets::common::{Context, GetArgs, IdentityArgs};
use crate::error::Result;
use crate::output::{Output, key};
use crate::state::model::{AuthMechanism, ReceiveConnector};

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
    New(super::NewArgs<Params>),
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
    /// Tls (offer STARTTLS) or None.
    #[arg(ignore_case = true)]
    auth_mechanism: value(AuthMechanism) = "AuthMechanism";
    /// Idle time before a session is dropped, hh:mm:ss (default 00:01:00).
    connection_timeout: parsed = "ConnectionTimeout";
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

pub fn run(cmd: Cmd, ctx: &Context) -> Result<Output> {
    match cmd {
        Cmd::Get(a) => super::get::<ReceiveConnector>(ctx, a.identity.as_deref(), &VIEW),
        Cmd::New(a) => {
            let mut c = ReceiveConnector::new(a.name);
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
