//! Get/New/Set/Remove/Enable/Disable-SendConnector: on-premises style outbound routes
//! by address space (the "My company to Office 365" connector of "Set up connectors to route mail between Microsoft 365 or Office 365 and your own email servers").

use clap::{Args, Subcommand};

use super::View;
use crate::assign;
use crate::cmdlets::common::{Context, GetArgs, IdentityArgs};
use crate::error::{Error, Result};
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
    New(New),
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
    /// The largest message sent through this connector, such as 25MB or Unlimited
    /// (default 25 MB); bigger ones are refused or returned to their sender.
    max_message_size: option = "MaxMessageSize";
    /// How long the next hop may leave the relay waiting, hh:mm:ss (default 00:10:00).
    connection_inactivity_timeout: option = "ConnectionInactivityTimeOut";
    /// $true: deliver by the recipient domain's MX records (clears SmartHosts); $false:
    /// through SmartHosts, which must then be given.
    #[arg(value_name = "BOOL", value_parser = crate::cmdlets::common::parse_bool)]
    dns_routing_enabled: manual(Option<bool>) = "DNSRoutingEnabled";
    comment: value(String) = "Comment";
}

/// New-SendConnector: the shared parameters and Exchange's usage type.
#[derive(Args, Debug)]
pub struct New {
    #[command(flatten)]
    pub new: super::NewArgs<Params>,
    #[command(flatten)]
    pub usage: UsageArgs,
}

/// What a send connector is for, as New-SendConnector's -Usage and its switches say.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
#[value(rename_all = "PascalCase")]
pub enum Usage {
    /// To systems that are not Exchange servers: no defaults.
    Custom,
    /// To the organisation's own servers, through smart hosts (SmartHosts required).
    Internal,
    /// To the Internet, by the recipient domains' MX records (no SmartHosts).
    Internet,
    /// To a partner domain, only over TLS with a validated certificate.
    Partner,
}

#[derive(Args, Debug, Default)]
#[group(id = "usage_type", multiple = false)]
pub struct UsageArgs {
    /// Custom, Internal, Internet or Partner (the switches below are the same).
    #[arg(long, ignore_case = true)]
    pub usage: Option<Usage>,
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
    fn usage(&self) -> Usage {
        match (self.usage, self.internal, self.internet, self.partner) {
            (Some(u), ..) => u,
            (None, true, ..) => Usage::Internal,
            (None, _, true, _) => Usage::Internet,
            (None, .., true) => Usage::Partner,
            _ => Usage::Custom,
        }
    }
}

impl Usage {
    /// Exchange's defaults for the usage type ("Send connectors"), before the parameters
    /// given, which win; then the checks the usage type makes.
    fn defaults(self, c: &mut SendConnector) {
        if self == Usage::Partner {
            c.require_tls = true;
            c.tls_auth_level = Some(TlsAuthLevel::CertificateValidation);
        }
    }

    fn check(self, c: &SendConnector) -> Result<()> {
        match self {
            Usage::Internet if !c.smart_hosts.is_empty() => Err(Error::usage(format!(
                "New-SendConnector \"{}\": an Internet send connector delivers by MX records, so -SmartHosts does not apply",
                c.name
            ))
            .help("leave -SmartHosts out, or use -Usage Internal (or Custom) for a connector through smart hosts")),
            Usage::Internal if c.smart_hosts.is_empty() => Err(Error::usage(format!(
                "New-SendConnector \"{}\": an Internal send connector delivers through smart hosts, and none is given",
                c.name
            ))
            .help("give the servers with -SmartHosts mail.contoso.com, or use -Usage Internet to deliver by MX records")),
            _ => Ok(()),
        }
    }
}

impl Params {
    fn apply(&self, c: &mut SendConnector) -> Result<()> {
        self.apply_declared(c)?;
        match (self.dns_routing_enabled, self.smart_hosts.is_some()) {
            (Some(true), true) => {
                return Err(Error::usage(format!(
                    "SendConnector \"{}\": -DNSRoutingEnabled $true and -SmartHosts together: a connector routes by MX records or through smart hosts",
                    c.name
                ))
                .help("give -DNSRoutingEnabled $false with -SmartHosts, or leave -SmartHosts out"));
            }
            (Some(true), false) => c.smart_hosts.clear(),
            (Some(false), _) if c.smart_hosts.is_empty() => {
                return Err(Error::usage(format!(
                    "SendConnector \"{}\": -DNSRoutingEnabled $false needs smart hosts to deliver through",
                    c.name
                ))
                .help("give them with -SmartHosts mail.contoso.com"));
            }
            _ => {}
        }
        if let Some(v) = &self.tls_auth_level {
            c.tls_auth_level = match v.trim() {
                "" => None,
                v => Some(<TlsAuthLevel as clap::ValueEnum>::from_str(v, true).map_err(|_| {
                    Error::usage(format!(
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
        Cmd::New(New { new: a, usage }) => {
            let usage = usage.usage();
            let mut c = SendConnector::new(a.name);
            usage.defaults(&mut c);
            a.params.apply(&mut c)?;
            usage.check(&c)?;
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
