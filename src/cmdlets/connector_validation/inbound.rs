//! Validate-InboundConnector: static checks of the identifying addresses and certificate
//! name against the rest of the state, and the policy's `identify` for a client address.

use std::net::IpAddr;

use super::{ValidateInbound, check, report};
use crate::cmdlets::common::Context;
use crate::error::{Error, Result};
use crate::finding::{Finding, Severity};
use crate::output::Output;
use crate::policy::TlsFacts;
use crate::state::State;
use crate::state::model::{InboundConnector, InboundConnectorType};
use crate::state::values::{DomainPattern, IpRange};

fn is_private(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => {
            v4.is_private() || v4.is_loopback() || v4.is_link_local() || v4.is_unspecified()
        }
        IpAddr::V6(v6) => {
            v6.is_loopback()
                || v6.is_unspecified()
                || v6.is_unique_local()
                || v6.is_unicast_link_local()
        }
    }
}

fn range_is_private(r: &IpRange) -> bool {
    match *r {
        IpRange::Single(ip) | IpRange::Cidr(ip, _) => is_private(ip),
        IpRange::Range(a, b) => is_private(a) || is_private(b),
    }
}

pub(super) fn run(a: ValidateInbound, ctx: &Context) -> Result<Output> {
    let state = ctx.store.load()?;
    let i = crate::cmdlets::find::<InboundConnector>(&state, &a.identity)?;
    let c = &state.inbound_connectors[i];
    let object = format!("InboundConnector \"{}\"", c.name);
    let mut checks = inbound_checks(&state, c, a.allow_private_addresses);
    if let Some(ip) = &a.client_ip {
        let ip: IpAddr = ip.trim().parse().map_err(|_| {
            Error::usage(format!("-ClientIP: '{ip}' is not an IP address"))
                .help("give the client's address, such as 192.0.2.10")
        })?;
        let client = crate::policy::connection::identify(
            &state,
            crate::policy::Origin::Client(ip),
            &TlsFacts::default(),
        );
        let ours = client
            .connector
            .as_ref()
            .is_some_and(|(n, _)| n.eq_ignore_ascii_case(&c.name));
        let detail = client.blame.to_string();
        checks.push(if ours {
            check(&ip.to_string(), "Identify", Severity::Pass, detail)
        } else {
            check(&ip.to_string(), "Identify", Severity::Error, detail).fix(format!(
                "add {ip} to -SenderIPAddresses of this connector{}",
                if client.connector.is_some() {
                    " and remove it from the connector that identifies it now"
                } else {
                    ""
                }
            ))
        });
    }
    Ok(report(&object, checks))
}

/// The static checks of one inbound connector.
fn inbound_checks(state: &State, c: &InboundConnector, allow_private: bool) -> Vec<Finding> {
    let mut out = Vec::new();
    let object = format!("InboundConnector \"{}\"", c.name);
    if !c.enabled {
        out.push(
            check(
                "-",
                "Connector",
                Severity::Warning,
                "disabled: it identifies nobody",
            )
            .fix(format!("Enable-InboundConnector -Identity \"{}\"", c.name)),
        );
    }
    if c.sender_ip_addresses.is_empty() && c.tls_sender_certificate_name.is_none() {
        out.push(
            check("-", "Identity", Severity::Error, "neither SenderIPAddresses nor TlsSenderCertificateName: no server can be identified by it")
                .fix("set -SenderIPAddresses to the servers' public addresses, or -TlsSenderCertificateName to their certificate's name"),
        );
    }
    // Test-Configuration's findings about this connector (too wide, overlapping).
    let findings = crate::policy::lint::lint(state, chrono::Utc::now());
    for r in &c.sender_ip_addresses {
        let text = r.to_string();
        let mine: Vec<_> = findings
            .iter()
            .filter(|f| f.object == object && f.message.starts_with(&text))
            .collect();
        if let Some(f) = mine.iter().find(|f| f.is_error()) {
            out.push(check(&text, "SenderIPAddresses", Severity::Error, &f.message).fix(&f.fix));
        } else if let Some(f) = mine.first() {
            out.push(check(&text, "SenderIPAddresses", Severity::Warning, &f.message).fix(&f.fix));
        } else if c.connector_type == InboundConnectorType::Partner
            && range_is_private(r)
            && !allow_private
        {
            out.push(check(&text, "SenderIPAddresses", Severity::Warning, "a private or loopback address: a partner on the Internet never connects from it")
                .fix("list the partner's public addresses, or give -AllowPrivateAddresses when the partner is reached over a private link"));
        } else {
            out.push(check(
                &text,
                "SenderIPAddresses",
                Severity::Pass,
                format!("{} address(es)", r.size()),
            ));
        }
    }
    if let Some(name) = &c.tls_sender_certificate_name {
        let text = name.to_string();
        let certificate = state.certificates.iter().find(|cert| {
            cert.is_named_by(&text)
                || cert
                    .domain_names
                    .iter()
                    .any(|d| d.to_string().eq_ignore_ascii_case(&text))
        });
        let accepted = state.accepted_domains.iter().find(|d| {
            let domain = d.domain_name.to_string();
            match name {
                DomainPattern::Any => false,
                DomainPattern::Exact(n) | DomainPattern::Subdomains(n) => {
                    let n = n.as_str();
                    n.eq_ignore_ascii_case(&domain)
                        || n.to_ascii_lowercase().ends_with(&format!(".{domain}"))
                }
            }
        });
        if matches!(name, DomainPattern::Any) {
            out.push(check(&text, "TlsSenderCertificateName", Severity::Error, "'*' matches every certificate: any server with a trusted certificate is identified")
                .fix("set -TlsSenderCertificateName to the name on your servers' certificate"));
        } else if let Some(cert) = certificate {
            out.push(check(
                &text,
                "TlsSenderCertificateName",
                Severity::Pass,
                format!("names certificate {} ({})", cert.thumbprint, cert.subject),
            ));
        } else if let Some(d) = accepted {
            out.push(check(
                &text,
                "TlsSenderCertificateName",
                Severity::Pass,
                format!("under accepted domain {}", d.domain_name),
            ));
        } else if c.connector_type == InboundConnectorType::OnPremises {
            out.push(check(&text, "TlsSenderCertificateName", Severity::Warning, "names no certificate of the state and no accepted domain: is it your servers' name?")
                .fix("set it to the name on your on-premises servers' certificate (a name in one of your accepted domains)"));
        } else {
            out.push(check(
                &text,
                "TlsSenderCertificateName",
                Severity::Pass,
                "the partner's certificate name",
            ));
        }
        if !c.require_tls {
            out.push(
                check(
                    &text,
                    "RequireTls",
                    Severity::Warning,
                    "a certificate name identifies only over TLS, yet RequireTls is $false",
                )
                .fix("set -RequireTls $true so the servers must use TLS"),
            );
        }
    }
    if c.require_tls || c.tls_sender_certificate_name.is_some() {
        let offered: Vec<String> = state
            .receive_connectors
            .iter()
            .filter(|r| r.enabled)
            .filter_map(|r| {
                let name = r.tls_certificate_name.as_ref()?;
                state
                    .certificates
                    .iter()
                    .find(|cert| cert.is_named_by(name))
                    .map(|cert| {
                        format!("ReceiveConnector \"{}\" offers {}", r.name, cert.thumbprint)
                    })
            })
            .collect();
        if offered.is_empty() {
            out.push(check("-", "RelayCertificate", Severity::Error, "no enabled ReceiveConnector has a TlsCertificateName: the relay cannot offer STARTTLS, so these servers cannot use TLS")
                .fix("make or import a certificate (New-ExchangeCertificate) and set -TlsCertificateName on the ReceiveConnector"));
        } else {
            out.push(check(
                "-",
                "RelayCertificate",
                Severity::Pass,
                offered.join("; "),
            ));
        }
    }
    out
}
