//! Get/New/Set/Remove/Enable/Disable-OutboundConnector: how mail leaves the service for
//! on-premises servers and partners (smart hosts or MX, which domains, which TLS).

use clap::{Args, Subcommand};

use super::View;
use crate::assign;
use crate::cmdlets::common::{Context, GetArgs, IdentityArgs, edit_list, edit_option, parse_bool};
use crate::error::Result;
use crate::output::{Output, key, wide};
use crate::state::model::{OutboundConnector, OutboundConnectorType, TlsSettings};

const VIEW: View = View {
    columns: &[
        key("Name"),
        key("ConnectorType"),
        wide("Enabled"),
        key("SmartHosts"),
        wide("UseMXRecord"),
        key("RecipientDomains"),
        wide("AllAcceptedDomains"),
        wide("TlsSettings"),
    ],
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

#[derive(Args, Debug, Default)]
pub struct Params {
    /// OnPremises (your own servers) or Partner (another organisation). Default: Partner.
    #[arg(long, ignore_case = true)]
    pub connector_type: Option<OutboundConnectorType>,
    /// Deliver by looking up the recipient domain's MX records instead of smart hosts.
    #[arg(long = "use-mx-record", alias = "UseMXRecord", value_name = "BOOL", value_parser = parse_bool)]
    pub use_mx_record: Option<bool>,
    /// FQDNs or IPs to deliver to, each with an optional :port.
    #[arg(long, value_name = "Hosts")]
    pub smart_hosts: Option<Vec<String>>,
    /// The recipient domains this connector delivers for (`*.contoso.com` allowed).
    #[arg(long, value_name = "Domains")]
    pub recipient_domains: Option<Vec<String>>,
    /// Deliver mail for every accepted domain through this connector.
    #[arg(long, value_name = "BOOL", value_parser = parse_bool)]
    pub all_accepted_domains: Option<bool>,
    /// EncryptionOnly, CertificateValidation or DomainValidation; $null for opportunistic TLS.
    #[arg(long)]
    pub tls_settings: Option<String>,
    /// With DomainValidation: the domain the smart host's certificate must carry.
    #[arg(long)]
    pub tls_domain: Option<String>,
    /// Use this connector only when a mail flow rule routes to it.
    #[arg(long, value_name = "BOOL", value_parser = parse_bool)]
    pub is_transport_rule_scoped: Option<bool>,
    /// Send Internet-bound mail of hosted mailboxes through on premises first.
    #[arg(long, value_name = "BOOL", value_parser = parse_bool)]
    pub route_all_messages_via_on_premises: Option<bool>,
    /// Keep the service's internal headers, and present the relay's certificate.
    #[arg(long, value_name = "BOOL", value_parser = parse_bool)]
    pub cloud_services_mail_enabled: Option<bool>,
    /// The relay's certificate to present to the smart hosts.
    #[arg(long)]
    pub tls_certificate_name: Option<String>,
    #[arg(long, value_name = "BOOL", value_parser = parse_bool)]
    pub enabled: Option<bool>,
    #[arg(long)]
    pub comment: Option<String>,
}

fn parse_tls(value: &str) -> Result<TlsSettings, String> {
    <TlsSettings as clap::ValueEnum>::from_str(value, true)
        .map_err(|_| format!("'{value}' is not a TLS setting: use EncryptionOnly, CertificateValidation or DomainValidation ($null for opportunistic TLS)"))
}

impl Params {
    fn apply(&self, c: &mut OutboundConnector) -> Result<()> {
        assign!(self => c; connector_type, use_mx_record, all_accepted_domains, is_transport_rule_scoped,
            route_all_messages_via_on_premises, cloud_services_mail_enabled, enabled, comment);
        edit_list(&self.smart_hosts, &mut c.smart_hosts, "SmartHosts")?;
        edit_list(
            &self.recipient_domains,
            &mut c.recipient_domains,
            "RecipientDomains",
        )?;
        edit_option(&self.tls_domain, &mut c.tls_domain, "TlsDomain")?;
        edit_option(
            &self.tls_certificate_name,
            &mut c.tls_certificate_name,
            "TlsCertificateName",
        )?;
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
