use serde::{Deserialize, Serialize};

use super::yes;
use crate::state::values::{DomainPattern, SmartHost};

/// A connector for mail going *out of* the service: to on-premises servers or to a
/// partner, through smart hosts or by MX lookup ("Create required connectors to set up basic email flow through EOP"; "Set up connectors to route mail between Microsoft 365 or Office 365 and your own email servers").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct OutboundConnector {
    pub name: String,
    #[serde(default = "yes")]
    pub enabled: bool,
    pub connector_type: OutboundConnectorType,
    #[serde(default, rename = "UseMXRecord")]
    pub use_mx_record: bool,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub smart_hosts: Vec<SmartHost>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub recipient_domains: Vec<DomainPattern>,
    #[serde(default)]
    pub all_accepted_domains: bool,
    /// Absent: opportunistic TLS (try STARTTLS, fall back to plain text).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tls_settings: Option<TlsSettings>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tls_domain: Option<DomainPattern>,
    #[serde(default)]
    pub is_transport_rule_scoped: bool,
    #[serde(default)]
    pub route_all_messages_via_on_premises: bool,
    #[serde(default)]
    pub cloud_services_mail_enabled: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tls_certificate_name: Option<String>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub comment: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, clap::ValueEnum)]
#[value(rename_all = "PascalCase")]
pub enum OutboundConnectorType {
    OnPremises,
    Partner,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, clap::ValueEnum)]
#[value(rename_all = "PascalCase")]
pub enum TlsSettings {
    /// TLS required, any certificate.
    EncryptionOnly,
    /// TLS required, the certificate chain must be valid.
    CertificateValidation,
    /// TLS required, valid chain, and the name must match TlsDomain.
    DomainValidation,
}

impl OutboundConnector {
    /// A Partner connector, as Exchange creates by default.
    pub fn new(name: String) -> Self {
        OutboundConnector {
            name,
            enabled: true,
            connector_type: OutboundConnectorType::Partner,
            use_mx_record: false,
            smart_hosts: Vec::new(),
            recipient_domains: Vec::new(),
            all_accepted_domains: false,
            tls_settings: None,
            tls_domain: None,
            is_transport_rule_scoped: false,
            route_all_messages_via_on_premises: false,
            cloud_services_mail_enabled: false,
            tls_certificate_name: None,
            comment: String::new(),
        }
    }
}

impl OutboundConnector {
    pub fn problems(&self) -> Vec<String> {
        let mut out = Vec::new();
        if self.use_mx_record && !self.smart_hosts.is_empty() {
            out.push("UseMXRecord is true and SmartHosts are set: use one, -UseMXRecord $false to use the smart hosts or -SmartHosts $null to look up MX".into());
        }
        if !self.use_mx_record && self.smart_hosts.is_empty() {
            out.push(
                "no way to deliver: set SmartHosts, or -UseMXRecord $true to look up MX records"
                    .into(),
            );
        }
        match (self.tls_settings, &self.tls_domain) {
            (Some(TlsSettings::DomainValidation), None) => out.push(
                "TlsSettings is DomainValidation but TlsDomain is empty: name the domain the smart host's certificate must carry".into(),
            ),
            (Some(TlsSettings::DomainValidation), Some(_)) | (_, None) => {}
            (_, Some(_)) => out.push("TlsDomain is only used with -TlsSettings DomainValidation: set that or clear TlsDomain".into()),
        }
        if !self.is_transport_rule_scoped
            && self.recipient_domains.is_empty()
            && !self.all_accepted_domains
        {
            out.push("the connector applies to no recipients: set RecipientDomains, -AllAcceptedDomains $true, or -IsTransportRuleScoped $true".into());
        }
        if self.all_accepted_domains && !self.recipient_domains.is_empty() {
            out.push(
                "AllAcceptedDomains is true and RecipientDomains are set: use one of them".into(),
            );
        }
        if self.route_all_messages_via_on_premises
            && self.connector_type != OutboundConnectorType::OnPremises
        {
            out.push("RouteAllMessagesViaOnPremises needs -ConnectorType OnPremises".into());
        }
        out
    }
}
