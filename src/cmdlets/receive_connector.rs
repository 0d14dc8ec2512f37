//! Get/New/Set/Remove/Enable/Disable-ReceiveConnector: the relay's SMTP listeners, their
//! limits and who may connect to them.

use clap::{Args, Subcommand};

use super::View;
use crate::assign;
use crate::cmdlets::common::{
    Context, GetArgs, IdentityArgs, edit_list, edit_option, parse_bool, parse_value,
};
use crate::error::Result;
use crate::output::{Output, key, wide};
use crate::state::model::{AuthMechanism, ReceiveConnector};

const VIEW: View = View {
    columns: &[
        key("Name"),
        wide("Enabled"),
        key("Bindings"),
        key("RemoteIPRanges"),
        wide("Fqdn"),
        wide("RequireTLS"),
        wide("MaxMessageSize"),
    ],
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

#[derive(Args, Debug, Default)]
pub struct Params {
    /// Addresses and ports to listen on: 0.0.0.0:25, [::1]:2525.
    #[arg(long, value_name = "Bindings")]
    pub bindings: Option<Vec<String>>,
    /// Who may connect: addresses, CIDR blocks or ranges. Default: everyone.
    #[arg(
        long = "remote-ip-ranges",
        alias = "RemoteIPRanges",
        value_name = "IPs"
    )]
    pub remote_ip_ranges: Option<Vec<String>>,
    /// The name the relay gives in its banner and EHLO reply.
    #[arg(long)]
    pub fqdn: Option<String>,
    /// The text of the 220 greeting after the FQDN.
    #[arg(long)]
    pub banner: Option<String>,
    /// The certificate offered on STARTTLS.
    #[arg(long)]
    pub tls_certificate_name: Option<String>,
    /// Refuse MAIL until the client has used STARTTLS.
    #[arg(long = "require-tls", alias = "RequireTLS", value_name = "BOOL", value_parser = parse_bool)]
    pub require_tls: Option<bool>,
    /// Tls (offer STARTTLS) or None.
    #[arg(long, ignore_case = true)]
    pub auth_mechanism: Option<AuthMechanism>,
    /// The longest a connection may stay open even while it sends, hh:mm:ss (default 00:10:00).
    #[arg(long)]
    pub connection_timeout: Option<String>,
    /// The longest a client may take over its next command, hh:mm:ss (default 00:05:00).
    #[arg(long)]
    pub connection_inactivity_timeout: Option<String>,
    /// Largest message accepted, such as 25MB (default 36 MB).
    #[arg(long)]
    pub max_message_size: Option<String>,
    /// Recipients per message (default 200).
    #[arg(long)]
    pub max_recipients_per_message: Option<u32>,
    /// Sessions at once over all clients (default 5000).
    #[arg(long)]
    pub max_inbound_connection: Option<u32>,
    /// Sessions at once from one IP (default 20).
    #[arg(long)]
    pub max_inbound_connection_per_source: Option<u32>,
    /// Bad commands before a session is dropped (default 5).
    #[arg(long)]
    pub max_protocol_errors: Option<u32>,
    #[arg(long, value_name = "BOOL", value_parser = parse_bool)]
    pub enabled: Option<bool>,
    #[arg(long)]
    pub comment: Option<String>,
}

impl Params {
    fn apply(&self, c: &mut ReceiveConnector) -> Result<()> {
        assign!(self => c; banner, require_tls, auth_mechanism, max_recipients_per_message, max_inbound_connection,
            max_inbound_connection_per_source, max_protocol_errors, enabled, comment);
        edit_list(&self.bindings, &mut c.bindings, "Bindings")?;
        edit_list(
            &self.remote_ip_ranges,
            &mut c.remote_ip_ranges,
            "RemoteIPRanges",
        )?;
        edit_option(&self.fqdn, &mut c.fqdn, "Fqdn")?;
        edit_option(
            &self.tls_certificate_name,
            &mut c.tls_certificate_name,
            "TlsCertificateName",
        )?;
        if let Some(v) = &self.connection_timeout {
            c.connection_timeout = parse_value(v, "ConnectionTimeout")?;
        }
        if let Some(v) = &self.connection_inactivity_timeout {
            c.connection_inactivity_timeout = parse_value(v, "ConnectionInactivityTimeout")?;
        }
        if let Some(v) = &self.max_message_size {
            c.max_message_size = parse_value(v, "MaxMessageSize")?;
        }
        Ok(())
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
