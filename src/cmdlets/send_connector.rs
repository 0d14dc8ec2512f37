//! Get/New/Set/Remove/Enable/Disable-SendConnector: on-premises style outbound routes
//! by address space (the "My company to Office 365" connector of "Set up connectors to route mail between Microsoft 365 or Office 365 and your own email servers").

use clap::{Args, Subcommand};

use super::View;
use crate::assign;
use crate::cmdlets::common::{Context, GetArgs, IdentityArgs, edit_list, edit_option, parse_bool};
use crate::error::Result;
use crate::output::{Output, key, wide};
use crate::state::model::{SendConnector, TlsAuthLevel};

const VIEW: View = View {
    columns: &[
        key("Name"),
        wide("Enabled"),
        key("AddressSpaces"),
        key("SmartHosts"),
        wide("Fqdn"),
        wide("RequireTLS"),
        wide("TlsAuthLevel"),
    ],
};

#[derive(Subcommand, Debug)]
pub enum Cmd {
    /// Lists send connectors.
    #[command(name = "get-sendconnector", alias = "Get-SendConnector")]
    Get(GetArgs),
    /// Creates a send connector.
    #[command(name = "new-sendconnector", alias = "New-SendConnector")]
    New(super::NewArgs<Params>),
    /// Changes a send connector.
    #[command(name = "set-sendconnector", alias = "Set-SendConnector")]
    Set(super::SetArgs<Params>),
    /// Removes a send connector.
    #[command(name = "remove-sendconnector", alias = "Remove-SendConnector")]
    Remove(IdentityArgs),
    /// Turns a send connector on.
    #[command(name = "enable-sendconnector", alias = "Enable-SendConnector")]
    Enable(IdentityArgs),
    /// Turns a send connector off.
    #[command(name = "disable-sendconnector", alias = "Disable-SendConnector")]
    Disable(IdentityArgs),
}

#[derive(Args, Debug, Default)]
pub struct Params {
    /// Recipient domains this connector sends to: `*`, `contoso.com`, `SMTP:*.contoso.com;1`.
    #[arg(long, value_name = "Domains")]
    pub address_spaces: Option<Vec<String>>,
    /// Smart hosts to deliver to (FQDN or IP, optional :port); none means MX lookup.
    #[arg(long, value_name = "Hosts")]
    pub smart_hosts: Option<Vec<String>>,
    /// The name the relay gives in EHLO on this connector.
    #[arg(long)]
    pub fqdn: Option<String>,
    /// Deliver only over TLS.
    #[arg(long = "require-tls", alias = "RequireTLS", value_name = "BOOL", value_parser = parse_bool)]
    pub require_tls: Option<bool>,
    /// With RequireTLS: EncryptionOnly, CertificateValidation or DomainValidation.
    #[arg(long)]
    pub tls_auth_level: Option<String>,
    /// With DomainValidation: the domain the certificate must carry.
    #[arg(long)]
    pub tls_domain: Option<String>,
    /// The relay's certificate to present as a client certificate.
    #[arg(long)]
    pub tls_certificate_name: Option<String>,
    /// Keep the service's internal headers across this connector.
    #[arg(long, value_name = "BOOL", value_parser = parse_bool)]
    pub cloud_services_mail_enabled: Option<bool>,
    /// Messages sent over one connection before it is closed (default 50).
    #[arg(long)]
    pub max_messages_per_connection: Option<u32>,
    #[arg(long, value_name = "BOOL", value_parser = parse_bool)]
    pub enabled: Option<bool>,
    #[arg(long)]
    pub comment: Option<String>,
}

impl Params {
    fn apply(&self, c: &mut SendConnector) -> Result<()> {
        assign!(self => c; require_tls, cloud_services_mail_enabled, max_messages_per_connection, enabled, comment);
        edit_list(&self.address_spaces, &mut c.address_spaces, "AddressSpaces")?;
        edit_list(&self.smart_hosts, &mut c.smart_hosts, "SmartHosts")?;
        edit_option(&self.fqdn, &mut c.fqdn, "Fqdn")?;
        edit_option(&self.tls_domain, &mut c.tls_domain, "TlsDomain")?;
        edit_option(
            &self.tls_certificate_name,
            &mut c.tls_certificate_name,
            "TlsCertificateName",
        )?;
        if let Some(v) = &self.tls_auth_level {
            c.tls_auth_level = match v.trim() {
                "" => None,
                v => Some(<TlsAuthLevel as clap::ValueEnum>::from_str(v, true).map_err(|_| {
                    crate::error::Error::usage(format!(
                        "-TlsAuthLevel: '{v}' is not a TLS level: use EncryptionOnly, CertificateValidation or DomainValidation"
                    ))
                })?),
            };
        }
        Ok(())
    }
}

pub fn run(cmd: Cmd, ctx: &Context) -> Result<Output> {
    match cmd {
        Cmd::Get(a) => super::get::<SendConnector>(ctx, a.identity.as_deref(), &VIEW),
        Cmd::New(a) => {
            let mut c = SendConnector::new(a.name);
            a.params.apply(&mut c)?;
            super::new(ctx, &a.change, &VIEW, c, |_, _| {})
        }
        Cmd::Set(a) => super::set::<SendConnector>(ctx, &a.identity, &a.change, &VIEW, |c| {
            assign!(a => c; name);
            a.params.apply(c)
        }),
        Cmd::Remove(a) => super::remove::<SendConnector>(ctx, &a.identity, &a.change, &VIEW),
        Cmd::Enable(a) => super::enable::<SendConnector>(ctx, &a, true, &VIEW),
        Cmd::Disable(a) => super::enable::<SendConnector>(ctx, &a, false, &VIEW),
    }
}
