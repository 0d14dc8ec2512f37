//! The decision types every stage of the policy shares. `decide`, which composes the
//! stages, is in the parent module, so that the stages import this one and not the reverse.

use std::net::IpAddr;

use serde::{Deserialize, Serialize};

use super::address::{Address, AddressError};
use crate::state::values::SmartHost;

/// Where a message came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// An SMTP client at this address.
    Client(IpAddr),
    /// The relay itself (delivery status notifications).
    Local,
}

/// What the relay knows about a message when it asks.
#[derive(Debug, Clone)]
pub struct Facts<'a> {
    pub origin: Origin,
    /// The reverse path; `None` is the null sender `<>`.
    pub sender: Option<&'a str>,
    pub recipients: &'a [String],
    /// `Received:` headers already on the message (loop detection), once the data is in.
    pub received_headers: Option<usize>,
    /// What the relay knows of the connection's TLS.
    pub tls: TlsFacts,
}

/// The connection's TLS, as the relay saw it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TlsFacts {
    /// STARTTLS completed.
    pub on: bool,
    /// The client certificate's subject CN and DNS SANs, only when the certificate chains
    /// to a trusted root and is within its validity period; empty otherwise.
    pub certificate_names: Vec<String>,
}

/// The object that decided something, and why, in words for an admin.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Blame {
    /// `InboundConnector "From on-prem"`, `AcceptedDomain "contoso.com"`, or a built-in rule.
    pub object: String,
    pub reason: String,
}

impl Blame {
    pub fn new(object: impl Into<String>, reason: impl Into<String>) -> Self {
        Blame {
            object: object.into(),
            reason: reason.into(),
        }
    }
}

/// `InboundConnector "From on-prem": the client IP is in SenderIPAddresses`: how logs,
/// the trace and Test-MessageRoute show a decision's author.
impl std::fmt::Display for Blame {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.object, self.reason)
    }
}

/// How the client is identified.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Client {
    pub origin: Origin,
    /// The InboundConnector that identified it, if any, with its type.
    pub connector: Option<(String, crate::state::model::InboundConnectorType)>,
    /// The identifying connector's RequireTls: mail only over TLS.
    pub require_tls: bool,
    /// The identifying connector's CloudServicesMailEnabled: the service's internal
    /// headers on its mail are kept (the "retain internal Exchange email headers").
    pub cloud_services_mail_enabled: bool,
    /// Who the client authenticated as with SMTP AUTH, if it did.
    pub submitter: Option<Submitter>,
    pub blame: Blame,
}

/// Who an SMTP AUTH login names: a hosted mailbox or an SMTP AUTH account, by Name.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Submitter {
    Mailbox(String),
    Account(String),
}

impl Submitter {
    /// The kind of object, as the state file and the credentials store name it.
    pub fn kind(&self) -> &'static str {
        match self {
            Submitter::Mailbox(_) => "Mailbox",
            Submitter::Account(_) => "SmtpAuthAccount",
        }
    }

    pub fn name(&self) -> &str {
        match self {
            Submitter::Mailbox(n) | Submitter::Account(n) => n,
        }
    }
}

/// `Mailbox "Ann"`, `SmtpAuthAccount "scanner"`.
impl std::fmt::Display for Submitter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} \"{}\"", self.kind(), self.name())
    }
}

impl Client {
    /// The organisation's outbound mail: the relay's own, a server identified by an
    /// OnPremises connector, or a client that authenticated as a hosted mailbox or an SMTP
    /// AUTH account. It may relay, is DKIM-signed, and is what an outbound spam policy
    /// judges.
    pub fn organization_outbound(&self) -> bool {
        self.origin == Origin::Local || self.from_on_premises() || self.submitter.is_some()
    }

    /// Whether the client may send to domains the organisation does not accept.
    pub fn may_relay(&self) -> bool {
        matches!(self.origin, Origin::Local)
            || self.submitter.is_some()
            || matches!(
                self.connector,
                Some((_, crate::state::model::InboundConnectorType::OnPremises))
            )
    }

    pub fn from_on_premises(&self) -> bool {
        matches!(
            self.connector,
            Some((_, crate::state::model::InboundConnectorType::OnPremises))
        )
    }
}

/// Why something is refused. `relay::reply` turns each into a code and a text that
/// names no configuration object.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Refusal {
    /// The address itself is refused (syntax or a relay trick).
    BadAddress(AddressError),
    /// The client may not send to this domain (550 5.7.1).
    RelayDenied,
    /// Directory Based Edge Blocking: no such recipient in an Authoritative domain (550 5.4.1).
    UnknownRecipient,
    /// An accepted domain with nowhere to send the recipient (550 5.1.1).
    NoSuchUser,
    /// Too many Received headers (554 5.4.14).
    Loop,
    /// The client's address is outside the receive connector's RemoteIPRanges.
    ClientNotAllowed,
    /// The sender's domain is restricted to other addresses or a certificate (550 5.7.1).
    SenderNotAllowed,
    /// The sender's domain must arrive over TLS (530 5.7.0).
    TlsRequired,
    /// The client's address is on the connection filter's IPBlockList (550 5.7.1 at connect).
    IpBlocked,
    /// The client's address is listed in a DNS block list zone (550 5.7.1 at connect).
    DnsBlocked,
    /// The message fails DMARC and its domain publishes p=reject (550 5.7.1 after DATA).
    DmarcReject,
    /// The envelope sender is on a block entry of the Tenant Allow/Block List (550 5.7.1 at
    /// MAIL FROM).
    SenderBlocked,
    /// An authenticated client sends as an address that is not its own (550 5.7.60).
    SendAsDenied,
    /// The receive connector takes mail only from clients that authenticated, or from
    /// identified servers (530 5.7.57).
    NotAuthenticated,
    /// The sender is restricted from sending (over an outbound spam policy's limit, or
    /// sending spam): 550 5.1.8.
    SenderRestricted,
    /// Automatic forwarding of a hosted mailbox's mail to an external address, which its
    /// outbound spam policy turns off (550 5.7.520).
    AutoForwardDenied,
}

impl std::fmt::Display for Refusal {
    /// Words for logs and traces (the SMTP reply's text comes from `relay::reply`).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Refusal::BadAddress(e) => write!(f, "bad address: {e}"),
            Refusal::RelayDenied => f.write_str("relay denied"),
            Refusal::UnknownRecipient => {
                f.write_str("unknown recipient (directory based edge blocking)")
            }
            Refusal::NoSuchUser => f.write_str("no such user"),
            Refusal::Loop => f.write_str("mail loop (too many Received headers)"),
            Refusal::ClientNotAllowed => {
                f.write_str("client outside the receive connector's RemoteIPRanges")
            }
            Refusal::SenderNotAllowed => {
                f.write_str("sender domain restricted to other addresses or a certificate")
            }
            Refusal::TlsRequired => f.write_str("TLS required"),
            Refusal::IpBlocked => f.write_str("client IP on the IP Block list"),
            Refusal::DnsBlocked => f.write_str("client IP on a DNS block list"),
            Refusal::DmarcReject => f.write_str("DMARC failed, policy reject"),
            Refusal::SenderBlocked => f.write_str("sender on the Tenant Allow/Block List"),
            Refusal::SendAsDenied => f.write_str("authenticated client sending as another address"),
            Refusal::NotAuthenticated => f.write_str(
                "client not authenticated, and the receive connector's PermissionGroups need it",
            ),
            Refusal::SenderRestricted => f.write_str("sender restricted from sending"),
            Refusal::AutoForwardDenied => f.write_str("automatic external forwarding is off"),
        }
    }
}

/// What a recipient is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum RecipientClass {
    HostedMailbox,
    MailUser,
    /// In an accepted domain, not a known recipient.
    UnknownInAcceptedDomain,
    /// Not in any accepted domain.
    External,
}

/// The next hop of a remote route.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum NextHop {
    SmartHosts(Vec<SmartHost>),
    /// Look up the MX records of this domain.
    Mx(String),
}

impl std::fmt::Display for NextHop {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            NextHop::SmartHosts(hosts) => {
                let list: Vec<String> = hosts.iter().map(ToString::to_string).collect();
                write!(f, "[{}]", list.join(", "))
            }
            NextHop::Mx(d) => write!(f, "MX of {d}"),
        }
    }
}

/// TLS on the way out.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum OutboundTls {
    /// Try STARTTLS, send in the clear if the server does not offer it.
    Opportunistic,
    /// STARTTLS required, any certificate (EncryptionOnly).
    Required,
    /// STARTTLS required with a certificate that chains to a trusted root
    /// (CertificateValidation), and that names `name` (DomainValidation).
    Validated { name: NameCheck },
}

/// Which name a validated certificate must carry.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum NameCheck {
    /// None: the chain is enough (CertificateValidation).
    Chain,
    /// The next hop's own host name (a send connector's DomainValidation without TlsDomain).
    Host,
    /// TlsDomain: `mail.contoso.com`, or `*.contoso.com` for the host name under it.
    Domain(String),
}

/// Where a recipient goes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Route {
    /// A mailbox hosted here: delivered to its Maildir.
    Mailbox { mailbox: String, primary: String },
    /// Another server.
    Remote {
        /// The address to give the next hop (a MailUser's ExternalEmailAddress).
        recipient: String,
        /// `OutboundConnector "X"`, `SendConnector "Y"`, or `DNS` for direct delivery.
        via: String,
        next_hop: NextHop,
        tls: OutboundTls,
        max_messages_per_connection: u32,
        /// The Thumbprint of the certificate the relay presents as a TLS client
        /// certificate to the next hop (a connector with CloudServicesMailEnabled or a
        /// TlsCertificateName), so an on-premises server can identify the service.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        client_certificate: Option<String>,
        /// The next hop is the organisation's own server (an OnPremises connector, or one
        /// with CloudServicesMailEnabled): the service's internal headers go along. To the
        /// Internet or a partner they are removed on the way out.
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        keeps_service_headers: bool,
        /// A send connector's MaxMessageSize and ConnectionInactivityTimeOut.
        #[serde(default, skip_serializing_if = "SendLimits::is_none")]
        limits: SendLimits,
    },
}

/// What a send connector bounds in delivery through it (outbound connectors have no such
/// settings: the relay's own apply).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct SendLimits {
    /// The largest message in bytes; a bigger one is returned to its sender (5.3.4).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_message_size: Option<u64>,
    /// Seconds the next hop may stay silent before the connection is given up.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inactivity_timeout: Option<u64>,
}

impl SendLimits {
    pub fn is_none(&self) -> bool {
        *self == SendLimits::default()
    }

    /// Whether a message of `size` bytes is over the limit.
    pub fn too_big(&self, size: u64) -> bool {
        self.max_message_size.is_some_and(|m| size > m)
    }
}

impl Route {
    /// What the send connector of this route bounds (nothing for a mailbox).
    pub fn limits(&self) -> SendLimits {
        match self {
            Route::Remote { limits, .. } => *limits,
            Route::Mailbox { .. } => SendLimits::default(),
        }
    }

    pub fn describe(&self) -> String {
        match self {
            Route::Mailbox { primary, .. } => format!("Maildir of {primary}"),
            Route::Remote {
                recipient,
                next_hop,
                ..
            } => format!("{recipient} via {next_hop}"),
        }
    }
}

/// The decision for one recipient.
#[derive(Debug, Clone, PartialEq)]
pub struct RecipientDecision {
    pub recipient: String,
    pub address: Option<Address>,
    pub class: Option<RecipientClass>,
    pub outcome: Result<Route, Refusal>,
    /// Every object that had a say, in order.
    pub blame: Vec<Blame>,
}

/// More `Received:` headers than this and the message is looping (RFC 5321 §6.3 asks for
/// a limit of at least 100 hops... in practice MTAs use 30-50; Postfix's default is 50).
pub const MAX_HOPS: usize = 50;

/// The message-level check once the data is in: a loop is refused.
pub fn check_message(received_headers: usize) -> Option<(Refusal, Blame)> {
    (received_headers > MAX_HOPS).then(|| {
        (
            Refusal::Loop,
            Blame::new(
                "hop limit",
                format!("{received_headers} Received headers, more than the limit of {MAX_HOPS}"),
            ),
        )
    })
}
