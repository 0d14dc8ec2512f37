//! Get/New/Set/Remove/Enable/Disable-SendConnector: on-premises style outbound routes
//! by address space (the "My company to Office 365" connector of "Set up connectors to route mail between Microsoft 365 or Office 365 and your own email servers").

use clap::Subcommand;

use super::View;
use crate::assign;
use crate::cmdlets::common::{Context, GetArgs, IdentityArgs};
use crate::error::Result;
use crate::output::{Output, key};
use crate::state::model::{SendConnector, TlsAuthLevel};

const VIEW: View = View {
    columns: Params::COLUMNS,
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

crate::params! {
    /// The parameters of New- and Set-SendConnector.
    pub struct Params for SendConnector;
    view [key("Name")];
    enabled: bool = "Enabled", wide;
    /// Recipient domains this connector sends to: `*`, `contoso.com`, `SMTP:*.contoso.com;1`.
    #[arg(value_name = "Domains")]
    address_spaces: list = "AddressSpaces", key;
    /// Smart hosts to deliver to (FQDN or IP, optional :port); none means MX lookup.
    #[arg(value_name = "Hosts")]
    smart_hosts: list = "SmartHosts", key;
    /// The name the relay gives in EHLO on this connector.
    fqdn: option = "Fqdn", wide;
    /// Deliver only over TLS.
    require_tls: bool = "RequireTLS", wide;
    /// With RequireTLS: EncryptionOnly, CertificateValidation or DomainValidation.
    tls_auth_level: manual(Option<String>) = "TlsAuthLevel", wide;
    /// With DomainValidation: the domain the certificate must carry.
    tls_domain: option = "TlsDomain";
    /// The relay's certificate to present as a client certificate.
    tls_certificate_name: option = "TlsCertificateName";
    /// Keep the service's internal headers across this connector.
    cloud_services_mail_enabled: bool = "CloudServicesMailEnabled";
    /// Messages sent over one connection before it is closed (default 50).
    max_messages_per_connection: value(u32) = "MaxMessagesPerConnection";
    comment: value(String) = "Comment";
}

impl Params {
    fn apply(&self, c: &mut SendConnector) -> Result<()> {
        self.apply_declared(c)?;
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
