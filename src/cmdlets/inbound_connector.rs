//! Get/New/Set/Remove/Enable/Disable-InboundConnector: who may send into the service as a
//! trusted on-premises server or partner, and how it is recognised (IP or certificate).

use clap::Subcommand;

use super::View;
use crate::assign;
use crate::cmdlets::common::{Context, GetArgs, IdentityArgs};
use crate::error::{Error, Result};
use crate::output::{Output, key};
use crate::policy::lint;
use crate::state::model::{InboundConnector, InboundConnectorType};

const VIEW: View = View {
    columns: Params::COLUMNS,
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

crate::params! {
    /// The parameters of New- and Set-InboundConnector.
    pub struct Params for InboundConnector;
    view [key("Name")];
    /// OnPremises (your own servers) or Partner (another organisation). Default: Partner.
    #[arg(ignore_case = true)]
    connector_type: value(InboundConnectorType) = "ConnectorType", key;
    #[arg(value_name = "BOOL", value_parser = parse_bool)]
    enabled: bool = "Enabled", wide;
    /// The sending servers' IPs: addresses, CIDR blocks or ranges (a,b or repeated).
    #[arg(value_name = "IPs")]
    sender_ip_addresses: list = "SenderIPAddresses", key;
    /// The sender domains this connector applies to (`*` for all, `*.contoso.com`).
    #[arg(value_name = "Domains")]
    sender_domains: list = "SenderDomains", key;
    /// Mail over this connector must come over TLS: a client it identifies gets 530 5.7.0
    /// before STARTTLS, and a Partner's SenderDomains are refused in plain text.
    require_tls: bool = "RequireTls", wide;
    /// Identifies the sending server by its TLS client certificate: the certificate's CN or
    /// a SAN must be this domain (`*.contoso.com`: the domain and its subdomains), and it
    /// must chain to a trusted root (the system's or a Trusted ExchangeCertificate).
    #[arg(value_name = "Domain")]
    tls_sender_certificate_name: option = "TlsSenderCertificateName", wide;
    /// Reject mail from SenderDomains that does not come from SenderIPAddresses.
    restrict_domains_to_ip_addresses: bool = "RestrictDomainsToIPAddresses";
    /// Reject (550 5.7.1) mail from SenderDomains that does not come with the certificate
    /// named by TlsSenderCertificateName.
    restrict_domains_to_certificate: bool = "RestrictDomainsToCertificate";
    /// Keep the service's internal headers (X-MS-Exchange-Organization-*, X-Eopctl-*) on
    /// mail from the servers this connector identifies; they are removed from all other mail.
    cloud_services_mail_enabled: bool = "CloudServicesMailEnabled";
    /// Enhanced filtering: the addresses of servers in front (on premises, a third-party
    /// filter) to skip in the Received headers when finding the original client's address.
    #[arg(value_name = "IPs")]
    ef_skip_ips: list = "EFSkipIPs";
    /// Enhanced filtering: skip only the last hop (the server that connected) and take the
    /// address it recorded in its Received header as the original client's.
    ef_skip_last_ip: bool = "EFSkipLastIP";
    /// Accepted domains this connector is limited to.
    #[arg(value_name = "Domains")]
    associated_accepted_domains: list = "AssociatedAcceptedDomains";
    comment: value(String) = "Comment";
    /// Save an OnPremises connector whose SenderIPAddresses reach widely into the public
    /// Internet (beyond a /16 of IPv4 or a /48 of IPv6): everyone there may relay.
    force: manual(bool) = "Force";
}

impl Params {
    fn apply(&self, c: &mut InboundConnector) -> Result<()> {
        self.apply_declared(c)?;
        guard_open_relay(c, self.force)
    }
}

/// Test-Configuration's judgement, at the moment of the change: a connector that lets a
/// wide public range relay is refused without -Force, and any wide range is warned about
/// (also under -WhatIf), so an open relay is never made in silence.
fn guard_open_relay(c: &InboundConnector, force: bool) -> Result<()> {
    for (range, f) in lint::open_relay(c) {
        if !force && lint::reaches_public_internet(&range) {
            return Err(Error::failed(f.to_string())
                .help(format!("{}; or add -Force if this is really meant", f.fix)));
        }
        eprintln!("warning: {f}\nhelp: {}", f.fix);
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
