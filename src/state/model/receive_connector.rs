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
    /// How clients may secure and authenticate their sessions, as Exchange writes it:
    /// `Tls, BasicAuth, BasicAuthRequireTLS`.
    #[serde(default = "default_auth", with = "comma_list")]
    pub auth_mechanism: Vec<AuthMechanism>,
    /// Who may send mail through the listener.
    #[serde(default = "default_permission_groups", with = "comma_list")]
    pub permission_groups: Vec<PermissionGroup>,
    /// TLS from the first byte (RFC 8314's implicit TLS, port 465) instead of STARTTLS.
    /// Exchange has no such setting; eopctl's own.
    #[serde(
        default,
        rename = "ImplicitTls",
        skip_serializing_if = "std::ops::Not::not"
    )]
    pub implicit_tls: bool,
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

pub(crate) fn default_auth() -> Vec<AuthMechanism> {
    vec![AuthMechanism::Tls]
}
/// Files written before PermissionGroups existed let every client send, as the relay did.
pub(crate) fn default_permission_groups() -> Vec<PermissionGroup> {
    vec![
        PermissionGroup::AnonymousUsers,
        PermissionGroup::ExchangeServers,
        PermissionGroup::Partners,
    ]
}

/// One value of AuthMechanism (the New-ReceiveConnector reference). Exchange also has
/// Integrated, ExchangeServer and ExternalAuthoritative, which need Windows or Exchange
/// servers: eopctl refuses them by name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AuthMechanism {
    None,
    /// STARTTLS is offered.
    Tls,
    /// AUTH PLAIN and AUTH LOGIN are offered to hosted mailboxes and SMTP AUTH accounts.
    BasicAuth,
    /// AUTH is offered only once the session is encrypted. eopctl never takes a
    /// password in the clear, so it offers AUTH only under TLS either way; the value is
    /// kept for Exchange's rules and scripts.
    BasicAuthRequireTls,
}

/// One value of PermissionGroups (the New-ReceiveConnector reference). Exchange's
/// ExchangeLegacyServers and Custom have no meaning here and are refused by name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PermissionGroup {
    /// Clients nobody identified may send (to accepted domains only).
    AnonymousUsers,
    /// Clients that authenticated (SMTP AUTH) may send, as their own addresses.
    ExchangeUsers,
    /// Servers identified by an OnPremises InboundConnector may send.
    ExchangeServers,
    /// Servers identified by a Partner InboundConnector may send.
    Partners,
}

/// Exchange's spellings, for parsing (case-insensitive) and printing.
macro_rules! named {
    ($t:ty, [$($v:ident = $s:literal),*], [$($no:literal),*]) => {
        impl $t {
            pub const NAMES: &[&str] = &[$($s),*];
        }
        impl std::fmt::Display for $t {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(match self { $(Self::$v => $s),* })
            }
        }
        impl std::str::FromStr for $t {
            type Err = String;
            fn from_str(s: &str) -> Result<Self, String> {
                let s = s.trim();
                $(if s.eq_ignore_ascii_case($s) { return Ok(Self::$v); })*
                if [$($no),*].iter().any(|n: &&str| n.eq_ignore_ascii_case(s)) {
                    return Err(format!("{s} is an Exchange value that eopctl does not support: use {}", Self::NAMES.join(", ")));
                }
                Err(format!("{s:?} is not one of {}", Self::NAMES.join(", ")))
            }
        }
    };
}
named!(
    AuthMechanism,
    [
        None = "None",
        Tls = "Tls",
        BasicAuth = "BasicAuth",
        BasicAuthRequireTls = "BasicAuthRequireTLS"
    ],
    ["Integrated", "ExchangeServer", "ExternalAuthoritative"]
);
named!(
    PermissionGroup,
    [
        AnonymousUsers = "AnonymousUsers",
        ExchangeUsers = "ExchangeUsers",
        ExchangeServers = "ExchangeServers",
        Partners = "Partners"
    ],
    ["ExchangeLegacyServers", "Custom"]
);

/// A list written as Exchange shows it, `Tls, BasicAuth`; a YAML sequence is read too.
mod comma_list {
    use serde::{Deserialize, Deserializer, Serializer};
    use std::fmt::Display;
    use std::str::FromStr;

    pub fn serialize<S: Serializer, T: Display>(v: &[T], s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&v.iter().map(T::to_string).collect::<Vec<_>>().join(", "))
    }

    pub fn deserialize<'de, D, T>(d: D) -> Result<Vec<T>, D::Error>
    where
        D: Deserializer<'de>,
        T: FromStr<Err = String>,
    {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Form {
            One(String),
            Many(Vec<String>),
        }
        let words: Vec<String> = match Form::deserialize(d)? {
            Form::One(s) => s.split(',').map(str::to_string).collect(),
            Form::Many(v) => v,
        };
        let mut out: Vec<T> = Vec::new();
        for w in words.iter().filter(|w| !w.trim().is_empty()) {
            out.push(w.parse().map_err(serde::de::Error::custom)?);
        }
        Ok(out)
    }
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
            auth_mechanism: default_auth(),
            permission_groups: default_permission_groups(),
            implicit_tls: false,
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

    pub fn has(&self, m: AuthMechanism) -> bool {
        self.auth_mechanism.contains(&m)
    }

    pub fn permits(&self, g: PermissionGroup) -> bool {
        self.permission_groups.contains(&g)
    }

    /// Exchange's rules between AuthMechanism and PermissionGroups (the
    /// New-ReceiveConnector reference), plus what eopctl needs to offer AUTH at all.
    fn auth_problems(&self) -> Vec<String> {
        let mut out = Vec::new();
        if self.has(AuthMechanism::None) && self.auth_mechanism.len() > 1 {
            out.push("AuthMechanism None cannot be combined with other values: give None alone, or leave it out".into());
        }
        if self.has(AuthMechanism::BasicAuthRequireTls)
            && !(self.has(AuthMechanism::BasicAuth) && self.has(AuthMechanism::Tls))
        {
            out.push("AuthMechanism BasicAuthRequireTLS also requires BasicAuth and Tls: set -AuthMechanism Tls,BasicAuth,BasicAuthRequireTLS".into());
        }
        if self.permits(PermissionGroup::ExchangeUsers) && !self.has(AuthMechanism::BasicAuth) {
            out.push("PermissionGroups has ExchangeUsers but AuthMechanism lacks BasicAuth, so no user can authenticate: add BasicAuth to -AuthMechanism".into());
        }
        if self.has(AuthMechanism::BasicAuth) && !self.permits(PermissionGroup::ExchangeUsers) {
            out.push("AuthMechanism has BasicAuth but PermissionGroups lacks ExchangeUsers, so an authenticated user may not send: add ExchangeUsers to -PermissionGroups".into());
        }
        if self.implicit_tls && self.has(AuthMechanism::None) {
            out.push(
                "ImplicitTls is true but AuthMechanism is None: set -AuthMechanism Tls".into(),
            );
        }
        if self.permission_groups.is_empty() {
            out.push("PermissionGroups is empty, so nobody may send: give AnonymousUsers, ExchangeUsers, ExchangeServers or Partners".into());
        }
        out
    }

    pub fn problems(&self) -> Vec<String> {
        let mut out = Vec::new();
        if self.bindings.is_empty() {
            out.push("Bindings is empty: give at least one address:port to listen on, such as 0.0.0.0:25".into());
        }
        if self.remote_ip_ranges.is_empty() {
            out.push("RemoteIPRanges is empty, so nobody may connect: list the ranges allowed, such as 0.0.0.0-255.255.255.255".into());
        }
        out.extend(self.auth_problems());
        if self.require_tls && !self.has(AuthMechanism::Tls) && !self.implicit_tls {
            out.push("RequireTLS is true but AuthMechanism lacks Tls, so STARTTLS is never offered: set -AuthMechanism Tls".into());
        }
        if (self.require_tls || self.implicit_tls) && self.tls_certificate_name.is_none() {
            out.push("RequireTLS or ImplicitTls is true but no TlsCertificateName is set: name the certificate to offer".into());
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
