use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use super::yes;
use crate::state::values::{ByteSize, DomainPattern, Fqdn, SmartHost, TimeSpan, ValueError};

/// An on-premises style outbound connector (the "My company to Office 365" connector of "Set up connectors to route mail between Microsoft 365 or Office 365 and your own email servers").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct SendConnector {
    pub name: String,
    #[serde(default = "yes")]
    pub enabled: bool,
    pub address_spaces: Vec<AddressSpace>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub smart_hosts: Vec<SmartHost>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fqdn: Option<Fqdn>,
    #[serde(default, rename = "RequireTLS")]
    pub require_tls: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tls_auth_level: Option<TlsAuthLevel>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tls_domain: Option<DomainPattern>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tls_certificate_name: Option<String>,
    #[serde(default)]
    pub cloud_services_mail_enabled: bool,
    /// Microsoft advises no more than 50 messages per connection.
    #[serde(default = "default_per_connection")]
    pub max_messages_per_connection: u32,
    /// The largest message sent through this connector; unset, Exchange's 25 MB.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_message_size: Option<ByteSize>,
    /// How long the next hop may keep the relay waiting for a reply; unset, Exchange's
    /// ten minutes.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        rename = "ConnectionInactivityTimeOut"
    )]
    pub connection_inactivity_timeout: Option<TimeSpan>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub comment: String,
}

pub(crate) fn default_per_connection() -> u32 {
    50
}

/// New-SendConnector's documented MaxMessageSize default.
pub const DEFAULT_MAX_MESSAGE_SIZE: ByteSize = ByteSize::mb(25);
/// New-SendConnector's documented ConnectionInactivityTimeOut default.
pub const DEFAULT_INACTIVITY_TIMEOUT: TimeSpan = TimeSpan(600);

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, clap::ValueEnum)]
#[value(rename_all = "PascalCase")]
pub enum TlsAuthLevel {
    EncryptionOnly,
    CertificateValidation,
    DomainValidation,
}

/// An address space: a domain pattern with an optional cost, written as Exchange does
/// (`*`, `contoso.com`, `SMTP:*.contoso.com;1`).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct AddressSpace {
    pub domain: DomainPattern,
    pub cost: u32,
}

impl FromStr for AddressSpace {
    type Err = ValueError;
    fn from_str(s: &str) -> Result<Self, ValueError> {
        let t = s.trim();
        let t = t
            .strip_prefix("SMTP:")
            .or_else(|| t.strip_prefix("smtp:"))
            .unwrap_or(t);
        let (domain, cost) = match t.split_once(';') {
            Some((d, c)) => (
                d,
                c.trim()
                    .parse::<u32>()
                    .ok()
                    .filter(|c| (1..=100).contains(c))
                    .ok_or_else(|| ValueError::Cost(s.to_string()))?,
            ),
            None => (t, 1),
        };
        Ok(AddressSpace {
            domain: domain.parse()?,
            cost,
        })
    }
}

impl fmt::Display for AddressSpace {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.cost == 1 {
            write!(f, "{}", self.domain)
        } else {
            write!(f, "SMTP:{};{}", self.domain, self.cost)
        }
    }
}

impl Serialize for AddressSpace {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for AddressSpace {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        String::deserialize(d)?
            .parse()
            .map_err(serde::de::Error::custom)
    }
}

impl SendConnector {
    pub fn new(name: String) -> Self {
        SendConnector {
            name,
            enabled: true,
            address_spaces: Vec::new(),
            smart_hosts: Vec::new(),
            fqdn: None,
            require_tls: false,
            tls_auth_level: None,
            tls_domain: None,
            tls_certificate_name: None,
            cloud_services_mail_enabled: false,
            max_messages_per_connection: default_per_connection(),
            max_message_size: None,
            connection_inactivity_timeout: None,
            comment: String::new(),
        }
    }
}

impl SendConnector {
    /// The message size limit in bytes (None: Unlimited).
    pub fn size_limit(&self) -> Option<u64> {
        self.max_message_size
            .unwrap_or(DEFAULT_MAX_MESSAGE_SIZE)
            .limit()
    }

    /// The inactivity timeout in seconds.
    pub fn inactivity_timeout(&self) -> u64 {
        self.connection_inactivity_timeout
            .unwrap_or(DEFAULT_INACTIVITY_TIMEOUT)
            .seconds()
    }

    pub fn problems(&self) -> Vec<String> {
        let mut out = Vec::new();
        if self.address_spaces.is_empty() {
            out.push(
                "AddressSpaces is empty: give the domains this connector sends to, or * for all"
                    .into(),
            );
        }
        if self.tls_auth_level.is_some() && !self.require_tls {
            out.push("TlsAuthLevel is set but RequireTLS is false: set -RequireTLS $true or clear TlsAuthLevel".into());
        }
        match (self.tls_auth_level, &self.tls_domain) {
            (Some(TlsAuthLevel::DomainValidation), None) => {
                // Exchange then checks the smart host's own name; only an error without smart hosts.
                if self.smart_hosts.is_empty() {
                    out.push("TlsAuthLevel is DomainValidation but neither TlsDomain nor SmartHosts names the domain to validate: set -TlsDomain".into());
                }
            }
            (Some(TlsAuthLevel::DomainValidation), Some(_)) | (_, None) => {}
            (_, Some(_)) => {
                out.push("TlsDomain is only used with -TlsAuthLevel DomainValidation".into())
            }
        }
        if self
            .connection_inactivity_timeout
            .is_some_and(|t| t.seconds() == 0)
        {
            out.push(
                "ConnectionInactivityTimeOut is 00:00:00: give a time span such as 00:10:00".into(),
            );
        }
        if self.max_messages_per_connection == 0 {
            out.push(
                "MaxMessagesPerConnection is 0: give a number of at least 1 (Microsoft advises 50)"
                    .into(),
            );
        }
        out
    }
}
