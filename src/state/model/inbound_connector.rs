use serde::{Deserialize, Serialize};

use super::yes;
use crate::state::values::{DomainPattern, IpRange};

/// A connector for mail coming *into* the service from a server the organisation trusts:
/// its own on-premises servers (OnPremises) or a partner (Partner). Identified by
/// sending IP or by TLS certificate ("Create required connectors to set up basic email flow through EOP"; "Set up connectors to route mail between Microsoft 365 or Office 365 and your own email servers").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct InboundConnector {
    pub name: String,
    #[serde(default = "yes")]
    pub enabled: bool,
    pub connector_type: InboundConnectorType,
    #[serde(
        default,
        rename = "SenderIPAddresses",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub sender_ip_addresses: Vec<IpRange>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sender_domains: Vec<DomainPattern>,
    #[serde(default)]
    pub require_tls: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tls_sender_certificate_name: Option<DomainPattern>,
    #[serde(default, rename = "RestrictDomainsToIPAddresses")]
    pub restrict_domains_to_ip_addresses: bool,
    #[serde(default)]
    pub restrict_domains_to_certificate: bool,
    /// "Retain service headers on transmission" in the Exchange admin center's connector wizard.
    #[serde(default)]
    pub cloud_services_mail_enabled: bool,
    #[serde(default, rename = "EFSkipIPs", skip_serializing_if = "Vec::is_empty")]
    pub ef_skip_ips: Vec<IpRange>,
    #[serde(default, rename = "EFSkipLastIP")]
    pub ef_skip_last_ip: bool,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub associated_accepted_domains: Vec<String>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub comment: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, clap::ValueEnum)]
#[value(rename_all = "PascalCase")]
pub enum InboundConnectorType {
    OnPremises,
    Partner,
}

impl InboundConnector {
    /// A Partner connector, as Exchange creates by default.
    pub fn new(name: String) -> Self {
        InboundConnector {
            name,
            enabled: true,
            connector_type: InboundConnectorType::Partner,
            sender_ip_addresses: Vec::new(),
            sender_domains: Vec::new(),
            require_tls: false,
            tls_sender_certificate_name: None,
            restrict_domains_to_ip_addresses: false,
            restrict_domains_to_certificate: false,
            cloud_services_mail_enabled: false,
            ef_skip_ips: Vec::new(),
            ef_skip_last_ip: false,
            associated_accepted_domains: Vec::new(),
            comment: String::new(),
        }
    }
}

impl InboundConnector {
    pub fn problems(&self) -> Vec<String> {
        let mut out = Vec::new();
        let by_cert = self.tls_sender_certificate_name.is_some();
        match self.connector_type {
            InboundConnectorType::OnPremises if self.sender_ip_addresses.is_empty() && !by_cert => out.push(
                "an OnPremises connector must identify the server: set SenderIPAddresses, or TlsSenderCertificateName with RequireTls $true".into(),
            ),
            InboundConnectorType::Partner if self.sender_domains.is_empty() => out.push(
                "a Partner connector needs SenderDomains (the partner's domains, or * for any)".into(),
            ),
            _ => {}
        }
        if by_cert && !self.require_tls {
            out.push("TlsSenderCertificateName is set but RequireTls is false: a certificate is only seen over TLS, so set -RequireTls $true".into());
        }
        if self.restrict_domains_to_certificate && !by_cert {
            out.push("RestrictDomainsToCertificate is true but TlsSenderCertificateName is empty: name the certificate's subject or set RestrictDomainsToCertificate $false".into());
        }
        if self.restrict_domains_to_ip_addresses && self.sender_ip_addresses.is_empty() {
            out.push("RestrictDomainsToIPAddresses is true but SenderIPAddresses is empty: list the partner's IPs or set RestrictDomainsToIPAddresses $false".into());
        }
        if self.ef_skip_last_ip && !self.ef_skip_ips.is_empty() {
            out.push("EFSkipLastIP and EFSkipIPs cannot both be set: use one way to find the original client IP".into());
        }
        out
    }
}
