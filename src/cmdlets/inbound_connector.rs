//! Get/New/Set/Remove/Enable/Disable-InboundConnector: who may send into the service as a
//! trusted on-premises server or partner, and how it is recognised (IP or certificate).

use clap::{Args, Subcommand};

use super::View;
use crate::assign;
use crate::cmdlets::common::{Context, GetArgs, IdentityArgs, edit_list, edit_option, parse_bool};
use crate::error::{Error, Result};
use crate::output::{Output, key, wide};
use crate::policy::lint;
use crate::state::model::{InboundConnector, InboundConnectorType};

const VIEW: View = View {
    columns: &[
        key("Name"),
        key("ConnectorType"),
        wide("Enabled"),
        key("SenderIPAddresses"),
        key("SenderDomains"),
        wide("RequireTls"),
        wide("TlsSenderCertificateName"),
    ],
};

#[derive(Subcommand, Debug)]
pub enum Cmd {
    /// Lists inbound connectors.
    #[command(name = "get-inboundconnector", alias = "Get-InboundConnector")]
    Get(GetArgs),
    /// Creates a connector for mail from on-premises servers or partners.
    #[command(name = "new-inboundconnector", alias = "New-InboundConnector")]
    New(super::NewArgs<Params>),
    /// Changes an inbound connector.
    #[command(name = "set-inboundconnector", alias = "Set-InboundConnector")]
    Set(super::SetArgs<Params>),
    /// Removes an inbound connector.
    #[command(name = "remove-inboundconnector", alias = "Remove-InboundConnector")]
    Remove(IdentityArgs),
    /// Turns an inbound connector on.
    #[command(name = "enable-inboundconnector", alias = "Enable-InboundConnector")]
    Enable(IdentityArgs),
    /// Turns an inbound connector off: its senders are treated as anyone else.
    #[command(name = "disable-inboundconnector", alias = "Disable-InboundConnector")]
    Disable(IdentityArgs),
}

#[derive(Args, Debug, Default)]
pub struct Params {
    /// OnPremises (your own servers) or Partner (another organisation). Default: Partner.
    #[arg(long, ignore_case = true)]
    pub connector_type: Option<InboundConnectorType>,
    /// The sending servers' IPs: addresses, CIDR blocks or ranges (a,b or repeated).
    #[arg(long, value_name = "IPs")]
    #[arg(alias = "SenderIPAddresses")]
    pub sender_ip_addresses: Option<Vec<String>>,
    /// The sender domains this connector applies to (`*` for all, `*.contoso.com`).
    #[arg(long, value_name = "Domains")]
    pub sender_domains: Option<Vec<String>>,
    /// Mail over this connector must come over TLS: a client it identifies gets 530 5.7.0
    /// before STARTTLS, and a Partner's SenderDomains are refused in plain text.
    #[arg(long, value_name = "BOOL", value_parser = parse_bool)]
    pub require_tls: Option<bool>,
    /// Identifies the sending server by its TLS client certificate: the certificate's CN or
    /// a SAN must be this domain (`*.contoso.com`: the domain and its subdomains), and it
    /// must chain to a trusted root (the system's or a Trusted ExchangeCertificate).
    #[arg(long, value_name = "Domain")]
    pub tls_sender_certificate_name: Option<String>,
    /// Reject mail from SenderDomains that does not come from SenderIPAddresses.
    #[arg(long, value_name = "BOOL", value_parser = parse_bool)]
    #[arg(alias = "RestrictDomainsToIPAddresses")]
    pub restrict_domains_to_ip_addresses: Option<bool>,
    /// Reject (550 5.7.1) mail from SenderDomains that does not come with the certificate
    /// named by TlsSenderCertificateName.
    #[arg(long, value_name = "BOOL", value_parser = parse_bool)]
    pub restrict_domains_to_certificate: Option<bool>,
    /// Keep the service's internal headers (X-MS-Exchange-Organization-*, X-Eopctl-*) on
    /// mail from the servers this connector identifies; they are removed from all other mail.
    #[arg(long, value_name = "BOOL", value_parser = parse_bool)]
    pub cloud_services_mail_enabled: Option<bool>,
    /// Enhanced filtering: the addresses of servers in front (on premises, a third-party
    /// filter) to skip in the Received headers when finding the original client's address.
    #[arg(long, value_name = "IPs")]
    #[arg(alias = "EFSkipIPs")]
    pub ef_skip_ips: Option<Vec<String>>,
    /// Enhanced filtering: skip only the last hop (the server that connected) and take the
    /// address it recorded in its Received header as the original client's.
    #[arg(long, value_name = "BOOL", value_parser = parse_bool)]
    #[arg(alias = "EFSkipLastIP")]
    pub ef_skip_last_ip: Option<bool>,
    /// Accepted domains this connector is limited to.
    #[arg(long, value_name = "Domains")]
    pub associated_accepted_domains: Option<Vec<String>>,
    #[arg(long, value_name = "BOOL", value_parser = parse_bool)]
    pub enabled: Option<bool>,
    #[arg(long)]
    pub comment: Option<String>,
    /// Save an OnPremises connector whose SenderIPAddresses reach widely into the public
    /// Internet (beyond a /16 of IPv4 or a /48 of IPv6): everyone there may relay.
    #[arg(long)]
    pub force: bool,
}

impl Params {
    fn apply(&self, c: &mut InboundConnector) -> Result<()> {
        assign!(self => c; connector_type, require_tls, restrict_domains_to_ip_addresses, restrict_domains_to_certificate,
            cloud_services_mail_enabled, ef_skip_last_ip, enabled, comment);
        edit_list(
            &self.sender_ip_addresses,
            &mut c.sender_ip_addresses,
            "SenderIPAddresses",
        )?;
        edit_list(&self.sender_domains, &mut c.sender_domains, "SenderDomains")?;
        edit_list(&self.ef_skip_ips, &mut c.ef_skip_ips, "EFSkipIPs")?;
        edit_list(
            &self.associated_accepted_domains,
            &mut c.associated_accepted_domains,
            "AssociatedAcceptedDomains",
        )?;
        edit_option(
            &self.tls_sender_certificate_name,
            &mut c.tls_sender_certificate_name,
            "TlsSenderCertificateName",
        )?;
        guard_open_relay(c, self.force)
    }
}

/// Test-Configuration's judgement, at the moment of the change: a connector that lets a
/// wide public range relay is refused without -Force, and any wide range is warned about
/// (also under -WhatIf), so an open relay is never made in silence.
fn guard_open_relay(c: &InboundConnector, force: bool) -> Result<()> {
    for (range, f) in lint::open_relay(c) {
        if !force && lint::reaches_public_internet(&range) {
            return Err(
                Error::failed(format!("{} {}: {}", f.object, f.parameter, f.finding))
                    .help(format!("{}; or add -Force if this is really meant", f.fix)),
            );
        }
        eprintln!(
            "warning: {} {}: {}\nhelp: {}",
            f.object, f.parameter, f.finding, f.fix
        );
    }
    Ok(())
}

pub fn run(cmd: Cmd, ctx: &Context) -> Result<Output> {
    match cmd {
        Cmd::Get(a) => super::get::<InboundConnector>(ctx, a.identity.as_deref(), &VIEW),
        Cmd::New(a) => {
            let mut c = InboundConnector::new(a.name);
            a.params.apply(&mut c)?;
            super::new(ctx, &a.change, &VIEW, c, |_, _| {})
        }
        Cmd::Set(a) => super::set::<InboundConnector>(ctx, &a.identity, &a.change, &VIEW, |c| {
            assign!(a => c; name);
            a.params.apply(c)
        }),
        Cmd::Remove(a) => super::remove::<InboundConnector>(ctx, &a.identity, &a.change, &VIEW),
        Cmd::Enable(a) => super::enable::<InboundConnector>(ctx, &a, true, &VIEW),
        Cmd::Disable(a) => super::enable::<InboundConnector>(ctx, &a, false, &VIEW),
    }
}
