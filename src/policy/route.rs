//! Which way a recipient leaves: the most specific connector for its domain, or the MX of
//! the domain when no connector applies.
//!
//! Specificity ("Set up connectors to route mail between Microsoft 365 or Office 365 and your own email servers", "What happens when I have multiple connectors"): an exact domain
//! beats a wildcard (`*.contoso.com`, longer suffix first), which beats AllAcceptedDomains,
//! which beats `*`. That article's numbered list puts AllAcceptedDomains before wildcards, but
//! its own worked example sends john@sales.contoso.com through the `*.contoso.com`
//! connector even though sales.contoso.com is an accepted domain; the example is the rule
//! (the most specific match wins), and so it is here. Ties go to the lower SendConnector
//! cost, then OutboundConnectors before SendConnectors, then file order.
//!
//! Skipped: disabled connectors, and transport-rule-scoped connectors (used only when a
//! mail flow rule routes to them, never by domain).

use super::decision::{Blame, NameCheck, NextHop, OutboundTls, Route, SendLimits};
use crate::state::State;
use crate::state::model::{
    OutboundConnector, OutboundConnectorType, SendConnector, TlsAuthLevel, TlsSettings,
};
use crate::state::values::DomainPattern;

/// The default per-connection limit for OutboundConnectors (Microsoft advises 50).
pub const DEFAULT_MESSAGES_PER_CONNECTION: u32 = 50;

/// How specifically a pattern matches a domain: higher is more specific.
fn specificity(pattern: &DomainPattern, domain: &str) -> Option<(u8, usize)> {
    if !pattern.matches(domain) {
        return None;
    }
    Some(match pattern {
        DomainPattern::Exact(d) => (4, d.as_str().len()),
        DomainPattern::Subdomains(d) => (3, d.as_str().len()),
        DomainPattern::Any => (1, 0),
    })
}

struct Candidate {
    /// (specificity class, suffix length, negative cost, outbound first, negative index)
    rank: (u8, usize, i64, u8, i64),
    via: String,
    matched: String,
    next_hop: NextHop,
    tls: OutboundTls,
    max: u32,
    client_certificate: Option<String>,
    keeps_service_headers: bool,
    limits: SendLimits,
}

/// Options for choosing.
#[derive(Debug, Clone, Copy, Default)]
pub struct Choose {
    /// Skip OnPremises connectors: the mail came from on premises and is bound for the
    /// Internet, so sending it back would loop.
    pub skip_on_premises: bool,
}

/// The most specific connector for `domain` that would carry `recipient`.
pub fn by_connector(
    state: &State,
    recipient: &str,
    domain: &str,
    opts: Choose,
) -> Option<(Route, Blame)> {
    let accepted = state.accepted_domain(domain).is_some();
    let mut best: Option<Candidate> = None;
    let mut offer = |c: Candidate| {
        if best.as_ref().is_none_or(|b| c.rank > b.rank) {
            best = Some(c);
        }
    };
    for (i, c) in state.outbound_connectors.iter().enumerate() {
        if !c.enabled || c.is_transport_rule_scoped {
            continue;
        }
        if opts.skip_on_premises && c.connector_type == OutboundConnectorType::OnPremises {
            continue;
        }
        let mut matches: Vec<((u8, usize), String)> = c
            .recipient_domains
            .iter()
            .filter_map(|p| specificity(p, domain).map(|s| (s, format!("RecipientDomains {p}"))))
            .collect();
        if c.all_accepted_domains && accepted {
            matches.push(((2, 0), "AllAcceptedDomains".into()));
        }
        let Some(((class, len), matched)) = matches.into_iter().max_by_key(|(s, _)| *s) else {
            continue;
        };
        let next_hop = if c.use_mx_record || c.smart_hosts.is_empty() {
            NextHop::Mx(domain.to_string())
        } else {
            NextHop::SmartHosts(c.smart_hosts.clone())
        };
        let tls = outbound_tls(c);
        offer(Candidate {
            rank: (class, len, 0, 1, -(i as i64)),
            via: format!("OutboundConnector \"{}\"", c.name),
            matched,
            next_hop,
            tls,
            max: DEFAULT_MESSAGES_PER_CONNECTION,
            client_certificate: client_certificate(
                state,
                c.tls_certificate_name.as_deref(),
                c.cloud_services_mail_enabled,
            ),
            keeps_service_headers: keeps_service_headers(c),
            limits: SendLimits::default(),
        });
    }
    for (i, c) in state.send_connectors.iter().enumerate() {
        if !c.enabled {
            continue;
        }
        let Some(((class, len), cost, matched)) = c
            .address_spaces
            .iter()
            .filter_map(|a| {
                specificity(&a.domain, domain).map(|s| (s, a.cost, format!("AddressSpaces {a}")))
            })
            .max_by_key(|(s, cost, _)| (*s, -(*cost as i64)))
        else {
            continue;
        };
        let next_hop = if c.smart_hosts.is_empty() {
            NextHop::Mx(domain.to_string())
        } else {
            NextHop::SmartHosts(c.smart_hosts.clone())
        };
        offer(Candidate {
            rank: (class, len, -(cost as i64), 0, -(i as i64)),
            via: format!("SendConnector \"{}\"", c.name),
            matched,
            next_hop,
            tls: send_tls(c),
            max: c.max_messages_per_connection,
            client_certificate: client_certificate(
                state,
                c.tls_certificate_name.as_deref(),
                c.cloud_services_mail_enabled,
            ),
            keeps_service_headers: c.cloud_services_mail_enabled,
            limits: SendLimits {
                max_message_size: c.size_limit(),
                inactivity_timeout: Some(c.inactivity_timeout()),
            },
        });
    }
    best.map(|c| {
        let blame = Blame::new(
            c.via.clone(),
            format!("most specific match for {domain}: {}", c.matched),
        );
        (
            Route::Remote {
                recipient: recipient.to_string(),
                via: c.via,
                next_hop: c.next_hop,
                tls: c.tls,
                max_messages_per_connection: c.max,
                client_certificate: c.client_certificate,
                keeps_service_headers: c.keeps_service_headers,
                limits: c.limits,
            },
            blame,
        )
    })
}

/// The connector with RouteAllMessagesViaOnPremises (centralized mail transport, hybrid
/// scenario 2), if one is enabled.
pub fn via_on_premises(state: &State, recipient: &str, why: &str) -> Option<(Route, Blame)> {
    let c = state.outbound_connectors.iter().find(|c| {
        c.enabled
            && c.route_all_messages_via_on_premises
            && c.connector_type == OutboundConnectorType::OnPremises
    })?;
    let blame = Blame::new(format!("OutboundConnector \"{}\"", c.name), why);
    Some((through(state, c, recipient), blame))
}

/// The route through the enabled outbound connector a mail flow rule names
/// (RouteMessageOutboundConnector, conditional routing ("Mail Flow" (Office 365))).
pub fn via_named(state: &State, name: &str, recipient: &str) -> Option<Route> {
    state
        .outbound_connectors
        .iter()
        .find(|c| c.enabled && c.name.eq_ignore_ascii_case(name))
        .map(|c| through(state, c, recipient))
}

/// The route of `recipient` through connector `c`: its smart hosts, or the MX of the
/// recipient's domain.
pub fn through(state: &State, c: &OutboundConnector, recipient: &str) -> Route {
    let domain = recipient
        .rsplit_once('@')
        .map(|(_, d)| d)
        .unwrap_or_default();
    let next_hop = if c.use_mx_record || c.smart_hosts.is_empty() {
        NextHop::Mx(domain.to_string())
    } else {
        NextHop::SmartHosts(c.smart_hosts.clone())
    };
    Route::Remote {
        recipient: recipient.to_string(),
        via: format!("OutboundConnector \"{}\"", c.name),
        next_hop,
        tls: outbound_tls(c),
        max_messages_per_connection: DEFAULT_MESSAGES_PER_CONNECTION,
        client_certificate: client_certificate(
            state,
            c.tls_certificate_name.as_deref(),
            c.cloud_services_mail_enabled,
        ),
        keeps_service_headers: keeps_service_headers(c),
        limits: SendLimits::default(),
    }
}

/// Whether mail through `c` keeps the service's internal headers: it goes to the
/// organisation's own servers, or the connector retains them (CloudServicesMailEnabled,
/// "Retain service header in transmission").
fn keeps_service_headers(c: &OutboundConnector) -> bool {
    c.connector_type == OutboundConnectorType::OnPremises || c.cloud_services_mail_enabled
}

/// Direct delivery by the domain's MX, when no connector applies.
pub fn by_mx(recipient: &str, domain: &str) -> (Route, Blame) {
    (
        Route::Remote {
            recipient: recipient.to_string(),
            via: "DNS".into(),
            next_hop: NextHop::Mx(domain.to_string()),
            tls: OutboundTls::Opportunistic,
            max_messages_per_connection: DEFAULT_MESSAGES_PER_CONNECTION,
            client_certificate: None,
            keeps_service_headers: false,
            limits: SendLimits::default(),
        },
        Blame::new(
            "default route",
            format!("no connector applies to {domain}: delivered to its MX hosts"),
        ),
    )
}

/// The Thumbprint of the certificate the relay presents to a connector's next hop as its
/// TLS client certificate: the one the connector's TlsCertificateName names; without a
/// name, when the connector has CloudServicesMailEnabled (the on-premises server wants to
/// know the mail is the service's), the certificate of the first enabled receive connector
/// that offers one. Only a certificate with a private key can be presented.
pub fn client_certificate(
    state: &State,
    named: Option<&str>,
    cloud_services_mail_enabled: bool,
) -> Option<String> {
    let name = match named {
        Some(n) => n,
        None if cloud_services_mail_enabled => state
            .receive_connectors
            .iter()
            .filter(|r| r.enabled)
            .find_map(|r| r.tls_certificate_name.as_deref())?,
        None => return None,
    };
    state
        .certificates
        .iter()
        .find(|c| c.key_path.is_some() && c.is_named_by(name))
        .map(|c| c.thumbprint.clone())
}

/// An outbound connector's TlsSettings as the delivery agent needs them.
fn outbound_tls(c: &OutboundConnector) -> OutboundTls {
    match c.tls_settings {
        None => OutboundTls::Opportunistic,
        Some(TlsSettings::EncryptionOnly) => OutboundTls::Required,
        Some(TlsSettings::CertificateValidation) => OutboundTls::Validated {
            name: NameCheck::Chain,
        },
        Some(TlsSettings::DomainValidation) => OutboundTls::Validated {
            name: c
                .tls_domain
                .as_ref()
                .map_or(NameCheck::Host, |d| NameCheck::Domain(d.to_string())),
        },
    }
}

/// A send connector's RequireTLS and TlsAuthLevel.
fn send_tls(c: &SendConnector) -> OutboundTls {
    match (c.require_tls, c.tls_auth_level) {
        (false, _) => OutboundTls::Opportunistic,
        (true, None | Some(TlsAuthLevel::EncryptionOnly)) => OutboundTls::Required,
        (true, Some(TlsAuthLevel::CertificateValidation)) => OutboundTls::Validated {
            name: NameCheck::Chain,
        },
        (true, Some(TlsAuthLevel::DomainValidation)) => OutboundTls::Validated {
            name: c
                .tls_domain
                .as_ref()
                .map_or(NameCheck::Host, |d| NameCheck::Domain(d.to_string())),
        },
    }
}
