//! Planning Test-MailFlow's messages: for each direction, a sender and recipient from the
//! parameters or the state, and how to reach the relay so that it takes the message for
//! what the direction says (an anonymous Internet client, the on-premises server, its own
//! hosted mail).

use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;

use tokio_rustls::rustls::sign::CertifiedKey;

use super::{Direction, TestMailFlow};
use crate::policy::{Origin, Route, TlsFacts};
use crate::state::State;
use crate::state::model::{InboundConnectorType, OutboundConnectorType};
use crate::state::values::{DomainPattern, IpRange};
/// Why a direction cannot be tested: shown as its Skipped result, with the parameter or
/// object that would make it possible.
#[derive(Debug, Clone, thiserror::Error)]
pub(super) enum Unplanned {
    #[error(
        "every loopback address is claimed by an InboundConnector: no anonymous source to send from (run from another machine with -Server)"
    )]
    NoAnonymousSource,
    #[error(
        "no enabled OnPremises InboundConnector: the relay takes nobody for the on-premises server"
    )]
    NoOnPremisesConnector,
    #[error(
        "cannot send as the on-premises server: no address of {connectors} is on this machine, and no certificate of the state with its key matches a TlsSenderCertificateName"
    )]
    NoOnPremisesIdentity { connectors: String },
    /// The certificate that would identify the on-premises server cannot be loaded.
    #[error("{0}")]
    Certificate(String),
    #[error("no Mailbox: give -HostedAddress")]
    NoHostedAddress,
    #[error(
        "no MailUser and no accepted domain routed to an OnPremises OutboundConnector: give -OnPremisesAddress"
    )]
    NoOnPremisesAddress,
    #[error("no Internet recipient known: give -ExternalAddress")]
    NoExternalAddress,
}

/// How a test message reaches the relay.
pub(super) enum Submit {
    /// Over SMTP from this address (None: the system's choice), presenting this
    /// certificate after STARTTLS.
    Smtp {
        bind: Option<IpAddr>,
        present: Option<Arc<CertifiedKey>>,
    },
    /// Through the pickup directory, as the relay's own (hosted) mail.
    Pickup,
}

pub(super) struct Plan {
    pub(super) direction: Direction,
    pub(super) sender: String,
    pub(super) recipient: String,
    pub(super) submit: std::result::Result<Submit, Unplanned>,
}

/// The first binding of an enabled receive connector, a wildcard address taken as loopback.
pub(super) fn listener(state: &State) -> Option<SocketAddr> {
    let b = state
        .receive_connectors
        .iter()
        .filter(|r| r.enabled)
        .flat_map(|r| r.bindings.iter())
        .next()?;
    let mut addr = b.0;
    if addr.ip().is_unspecified() {
        addr.set_ip(if addr.is_ipv4() {
            IpAddr::from([127, 0, 0, 1])
        } else {
            IpAddr::from(std::net::Ipv6Addr::LOCALHOST)
        });
    }
    Some(addr)
}

/// Whether this machine has `ip` (a socket can be bound to it).
fn is_local(ip: IpAddr) -> bool {
    std::net::UdpSocket::bind(SocketAddr::new(ip, 0)).is_ok()
}

/// A source address the relay takes for an anonymous Internet client: the system's
/// choice, or on loopback one that no InboundConnector claims.
fn anonymous_source(
    state: &State,
    server: SocketAddr,
) -> std::result::Result<Option<IpAddr>, Unplanned> {
    let anonymous = |ip: IpAddr| {
        crate::policy::connection::identify(state, Origin::Client(ip), &TlsFacts::default())
            .connector
            .is_none()
    };
    if !server.ip().is_loopback() {
        return Ok(None);
    }
    let candidates: Vec<IpAddr> = if server.is_ipv4() {
        (1..=254u8).map(|n| IpAddr::from([127, 0, 0, n])).collect()
    } else {
        vec![IpAddr::from(std::net::Ipv6Addr::LOCALHOST)]
    };
    candidates
        .into_iter()
        .find(|ip| anonymous(*ip) && is_local(*ip))
        .map(Some)
        .ok_or(Unplanned::NoAnonymousSource)
}

/// How to be taken for the on-premises server: an address of an OnPremises connector's
/// SenderIPAddresses that is on this machine, or a certificate of the state (with its key)
/// that its TlsSenderCertificateName names.
fn on_premises_source(
    state: &State,
    data_dir: &std::path::Path,
) -> std::result::Result<Submit, Unplanned> {
    let connectors: Vec<_> = state
        .inbound_connectors
        .iter()
        .filter(|c| c.enabled && c.connector_type == InboundConnectorType::OnPremises)
        .collect();
    if connectors.is_empty() {
        return Err(Unplanned::NoOnPremisesConnector);
    }
    for c in &connectors {
        for r in &c.sender_ip_addresses {
            let ip = match *r {
                IpRange::Single(ip) => ip,
                IpRange::Cidr(ip, len) if len == 32 || len == 128 => ip,
                _ => continue,
            };
            let ours = crate::policy::connection::identify(
                state,
                Origin::Client(ip),
                &TlsFacts::default(),
            )
            .connector
            .is_some_and(|(n, _)| n == c.name);
            if ours && is_local(ip) {
                return Ok(Submit::Smtp {
                    bind: Some(ip),
                    present: None,
                });
            }
        }
    }
    for c in &connectors {
        let Some(name) = &c.tls_sender_certificate_name else {
            continue;
        };
        let cert = state.certificates.iter().find(|cert| {
            cert.key_path.is_some()
                && (cert.is_named_by(&name.to_string())
                    || cert.domain_names.iter().any(|d| match name {
                        DomainPattern::Exact(n) => d.matches(n.as_str()),
                        _ => false,
                    }))
        });
        if let Some(cert) = cert {
            let key = crate::relay::tls::certified_key(cert, data_dir)
                .map_err(|e| Unplanned::Certificate(e.to_string()))?;
            return Ok(Submit::Smtp {
                bind: None,
                present: Some(key),
            });
        }
    }
    Err(Unplanned::NoOnPremisesIdentity {
        connectors: connectors
            .iter()
            .map(|c| format!("InboundConnector \"{}\"", c.name))
            .collect::<Vec<_>>()
            .join(", "),
    })
}

fn hosted_address(state: &State, a: &TestMailFlow) -> std::result::Result<String, Unplanned> {
    a.hosted_address
        .clone()
        .or_else(|| {
            state
                .mailboxes
                .first()
                .map(|m| m.primary_smtp_address.to_string())
        })
        .ok_or(Unplanned::NoHostedAddress)
}

fn on_premises_address(state: &State, a: &TestMailFlow) -> std::result::Result<String, Unplanned> {
    if let Some(r) = &a.on_premises_address {
        return Ok(r.clone());
    }
    if let Some(u) = state.mail_users.first() {
        return Ok(u.primary_smtp_address.to_string());
    }
    state
        .accepted_domains
        .iter()
        .map(|d| format!("postmaster@{}", d.domain_name))
        .find(|r| {
            let domain = r.rsplit_once('@').map(|(_, d)| d).unwrap_or_default();
            matches!(
                crate::policy::route::by_connector(state, r, domain, Default::default()),
                Some((Route::Remote { via, .. }, _)) if state.outbound_connectors.iter().any(|c| c.connector_type == OutboundConnectorType::OnPremises && via == format!("OutboundConnector \"{}\"", c.name))
            )
        })
        .ok_or(Unplanned::NoOnPremisesAddress)
}

fn external_address(state: &State, a: &TestMailFlow) -> std::result::Result<String, Unplanned> {
    if let Some(r) = &a.external_address {
        return Ok(r.clone());
    }
    state
        .outbound_connectors
        .iter()
        .filter(|c| c.enabled && c.connector_type == OutboundConnectorType::Partner)
        .flat_map(|c| c.recipient_domains.iter())
        .find_map(|p| match p {
            DomainPattern::Exact(d) => Some(format!("postmaster@{d}")),
            _ => None,
        })
        .ok_or(Unplanned::NoExternalAddress)
}

pub(super) fn plan(
    state: &State,
    a: &TestMailFlow,
    direction: Direction,
    server: SocketAddr,
    data_dir: &std::path::Path,
) -> Plan {
    let pair = |sender: std::result::Result<String, Unplanned>,
                recipient: std::result::Result<String, Unplanned>,
                submit: &dyn Fn() -> std::result::Result<Submit, Unplanned>| {
        let (s, r) = (
            sender.clone().unwrap_or_default(),
            recipient.clone().unwrap_or_default(),
        );
        Plan {
            direction,
            sender: s,
            recipient: r,
            submit: sender.and(recipient).and_then(|_| submit()),
        }
    };
    let anonymous = || {
        anonymous_source(state, server).map(|bind| Submit::Smtp {
            bind,
            present: None,
        })
    };
    match direction {
        Direction::InternetToHosted => pair(
            Ok(a.internet_sender.clone()),
            hosted_address(state, a),
            &anonymous,
        ),
        Direction::InternetToOnPremises => pair(
            Ok(a.internet_sender.clone()),
            on_premises_address(state, a),
            &anonymous,
        ),
        Direction::OnPremisesToInternet => pair(
            on_premises_address(state, a),
            external_address(state, a),
            &|| on_premises_source(state, data_dir),
        ),
        Direction::HostedToOnPremises => pair(
            hosted_address(state, a),
            on_premises_address(state, a),
            &|| Ok(Submit::Pickup),
        ),
    }
}
