//! Get/New/Set/Remove/Enable/Disable-OutboundConnector: how mail leaves the service for
//! on-premises servers and partners (smart hosts or MX, which domains, which TLS).

use clap::Subcommand;

use super::View;
use crate::assign;
use crate::cmdlets::common::{Context, GetArgs, IdentityArgs};
use crate::error::Result;
use crate::output::{Output, key};
use crate::state::model::{OutboundConnector, OutboundConnectorType, TlsSettings};
use crate::state::values::ValueError;

const VIEW: View = View {
    columns: Params::COLUMNS,
};

#[derive(Subcommand, Debug)]
pub enum Cmd {
    /// Lists outbound connectors.
    #[command(name = "get-outboundconnector", alias = "Get-OutboundConnector")]
    Get(GetArgs),
    /// Creates a connector for mail to on-premises servers or partners.
    #[command(name = "new-outboundconnector", alias = "New-OutboundConnector")]
    New(super::NewArgs<Params>),
    /// Changes an outbound connector.
    #[command(name = "set-outboundconnector", alias = "Set-OutboundConnector")]
    Set(super::SetArgs<Params>),
    /// Removes an outbound connector.
    #[command(name = "remove-outboundconnector", alias = "Remove-OutboundConnector")]
    Remove(IdentityArgs),
    /// Turns an outbound connector on.
    #[command(name = "enable-outboundconnector", alias = "Enable-OutboundConnector")]
    Enable(IdentityArgs),
    /// Turns an outbound connector off: its domains route as if it did not exist.
    #[command(
        name = "disable-outboundconnector",
        alias = "Disable-OutboundConnector"
    )]
    Disable(IdentityArgs),
}

crate::params! {
    /// The parameters of New- and Set-OutboundConnector.
    pub struct Params for OutboundConnector;
    view [key("Name")];
    /// OnPremises (your own servers) or Partner (another organisation). Default: Partner.
    #[arg(ignore_case = true)]
    connector_type: value(OutboundConnectorType) = "ConnectorType", key;
    enabled: bool = "Enabled", wide;
    /// FQDNs or IPs to deliver to, each with an optional :port.
    #[arg(value_name = "Hosts")]
    smart_hosts: list = "SmartHosts", key;
    /// Deliver by looking up the recipient domain's MX records instead of smart hosts.
    use_mx_record: bool = "UseMXRecord", wide;
    /// The recipient domains this connector delivers for (`*.contoso.com` allowed).
    #[arg(value_name = "Domains")]
    recipient_domains: list = "RecipientDomains", key;
    /// Deliver mail for every accepted domain through this connector.
    all_accepted_domains: bool = "AllAcceptedDomains", wide;
    /// EncryptionOnly, CertificateValidation or DomainValidation; $null for opportunistic TLS.
    tls_settings: manual(Option<String>) = "TlsSettings", wide;
    /// With DomainValidation: the domain the smart host's certificate must carry.
    tls_domain: option = "TlsDomain";
    /// Use this connector only when a mail flow rule routes to it.
    is_transport_rule_scoped: bool = "IsTransportRuleScoped";
    /// Send Internet-bound mail of hosted mailboxes through on premises first.
    route_all_messages_via_on_premises: bool = "RouteAllMessagesViaOnPremises";
    /// Keep the service's internal headers, and present the relay's certificate.
    cloud_services_mail_enabled: bool = "CloudServicesMailEnabled";
    /// The relay's certificate to present to the smart hosts.
    tls_certificate_name: option = "TlsCertificateName";
    comment: value(String) = "Comment";
}

fn parse_tls(value: &str) -> Result<TlsSettings, ValueError> {
    <TlsSettings as clap::ValueEnum>::from_str(value, true).map_err(|_| ValueError::Choice {
        text: value.to_string(),
        what: "a TLS setting",
        choices: "EncryptionOnly, CertificateValidation or DomainValidation ($null for opportunistic TLS)",
    })
}

impl Params {
    fn apply(&self, c: &mut OutboundConnector) -> Result<()> {
        self.apply_declared(c)?;
        if let Some(v) = &self.tls_settings {
            c.tls_settings = match v.trim() {
                "" => None,
                v => Some(
                    parse_tls(v)
                        .map_err(|e| crate::error::Error::usage(format!("-TlsSettings: {e}")))?,
                ),
            };
        }
        Ok(())
    }
}

pub fn run(cmd: Cmd, ctx: &Context) -> Result<Output> {
    match cmd {
        Cmd::Get(a) => super::get::<OutboundConnector>(ctx, a.identity.as_deref(), &VIEW),
        Cmd::New(a) => {
            let mut c = OutboundConnector::new(a.name);
            a.params.apply(&mut c)?;
            // Exchange's UseMXRecord defaults to $true: a connector given no smart hosts
            // looks up the recipient domain's MX records.
            if a.params.use_mx_record.is_none() {
                c.use_mx_record = c.smart_hosts.is_empty();
            }
            super::new(ctx, &a.change, &VIEW, c, |_, _| {})
        }
        Cmd::Set(a) => super::set::<OutboundConnector>(ctx, &a.identity, &a.change, &VIEW, |c| {
            assign!(a => c; name);
            a.params.apply(c)
        }),
        Cmd::Remove(a) => super::remove::<OutboundConnector>(ctx, &a.identity, &a.change, &VIEW),
        Cmd::Enable(a) => super::enable::<OutboundConnector>(ctx, &a, true, &VIEW),
        Cmd::Disable(a) => super::enable::<OutboundConnector>(ctx, &a, false, &VIEW),
    }
}
