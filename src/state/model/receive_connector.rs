use serde::{Deserialize, Serialize};

use super::yes;
use crate::state::values::{Binding, ByteSize, Fqdn, IpRange, TimeSpan};

/// One of the relay's SMTP listeners, as Exchange's receive connectors describe them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct ReceiveConnector {
    pub name: String,
    #[serde(default = "yes")]
    pub enabled: bool,
    pub bindings: Vec<Binding>,
    #[serde(default = "IpRange::everything", rename = "RemoteIPRanges")]
    pub remote_ip_ranges: Vec<IpRange>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fqdn: Option<Fqdn>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub banner: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tls_certificate_name: Option<String>,
    #[serde(default, rename = "RequireTLS")]
    pub require_tls: bool,
    #[serde(default)]
    pub auth_mechanism: AuthMechanism,
    /// The longest a connection may stay open, busy or not.
    #[serde(default = "default_timeout")]
    pub connection_timeout: TimeSpan,
    /// The longest a client may take to send its next command line (or, in DATA, its
    /// next line of the message).
    #[serde(default = "default_inactivity")]
    pub connection_inactivity_timeout: TimeSpan,
    #[serde(default = "default_size")]
    pub max_message_size: ByteSize,
    #[serde(default = "default_recipients")]
    pub max_recipients_per_message: u32,
    #[serde(default = "default_connections")]
    pub max_inbound_connection: u32,
    #[serde(default = "default_per_source")]
    pub max_inbound_connection_per_source: u32,
    /// Bad commands a session may send before it is disconnected.
    #[serde(default = "default_protocol_errors")]
    pub max_protocol_errors: u32,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub comment: String,
}

// Exchange's defaults throughout: a connection may last 10 minutes and idle for 5.
pub(crate) fn default_timeout() -> TimeSpan {
    TimeSpan(600)
}
pub(crate) fn default_inactivity() -> TimeSpan {
    TimeSpan(300)
}
pub(crate) fn default_size() -> ByteSize {
    ByteSize::mb(36)
}
pub(crate) fn default_recipients() -> u32 {
    200
}
pub(crate) fn default_connections() -> u32 {
    5000
}
pub(crate) fn default_per_source() -> u32 {
    20
}
pub(crate) fn default_protocol_errors() -> u32 {
    5
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, clap::ValueEnum)]
#[value(rename_all = "PascalCase")]
pub enum AuthMechanism {
    None,
    /// STARTTLS is offered.
    #[default]
    Tls,
}

impl ReceiveConnector {
    /// A listener with Exchange's defaults, open to every address.
    pub fn new(name: String) -> Self {
        ReceiveConnector {
            name,
            enabled: true,
            bindings: Vec::new(),
            remote_ip_ranges: IpRange::everything(),
            fqdn: None,
            banner: String::new(),
            tls_certificate_name: None,
            require_tls: false,
            auth_mechanism: AuthMechanism::default(),
            connection_timeout: default_timeout(),
            connection_inactivity_timeout: default_inactivity(),
            max_message_size: default_size(),
            max_recipients_per_message: default_recipients(),
            max_inbound_connection: default_connections(),
            max_inbound_connection_per_source: default_per_source(),
            max_protocol_errors: default_protocol_errors(),
            comment: String::new(),
        }
    }

    pub fn problems(&self) -> Vec<String> {
        let mut out = Vec::new();
        if self.bindings.is_empty() {
            out.push("Bindings is empty: give at least one address:port to listen on, such as 0.0.0.0:25".into());
        }
        if self.remote_ip_ranges.is_empty() {
            out.push("RemoteIPRanges is empty, so nobody may connect: list the ranges allowed, such as 0.0.0.0-255.255.255.255".into());
        }
        if self.require_tls && self.auth_mechanism == AuthMechanism::None {
            out.push("RequireTLS is true but AuthMechanism is None, so STARTTLS is never offered: set -AuthMechanism Tls".into());
        }
        if self.require_tls && self.tls_certificate_name.is_none() {
            out.push("RequireTLS is true but no TlsCertificateName is set: name the certificate to offer on STARTTLS".into());
        }
        for (value, param) in [
            (self.max_recipients_per_message, "MaxRecipientsPerMessage"),
            (self.max_inbound_connection, "MaxInboundConnection"),
            (
                self.max_inbound_connection_per_source,
                "MaxInboundConnectionPerSource",
            ),
        ] {
            if value == 0 {
                out.push(format!(
                    "{param} is 0, which would refuse all mail: give a number of at least 1"
                ));
            }
        }
        if self.connection_timeout.seconds() == 0 {
            out.push("ConnectionTimeout is 00:00:00: give a time span such as 00:10:00".into());
        }
        if self.connection_inactivity_timeout.seconds() == 0 {
            out.push(
                "ConnectionInactivityTimeout is 00:00:00: give a time span such as 00:05:00".into(),
            );
        }
        out
    }
}
