//! The DNS records a domain needs for the configured scenario (`Get-DnsGuidance`): MX to
//! the service (or on premises), SPF authorising the service and the on-premises servers,
//! DMARC, a verification record, and the DKIM selectors' keys (DkimSigningConfig).
//! `records` checks the published ones against it.

use std::net::IpAddr;

use serde::Serialize;
use sha1::{Digest, Sha1};

use crate::policy::route::{self, Choose};
use crate::policy::{NextHop, Route};
use crate::state::State;
use crate::state::model::{InboundConnectorType, MxRecordPointsTo, Selector};
use crate::state::values::{Host, IpRange};

/// A record to publish.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct Expected {
    #[serde(rename = "Type")]
    pub kind: &'static str,
    pub name: String,
    pub value: String,
    pub purpose: String,
}

/// What the guidance is for, kept for the checks.
#[derive(Debug, Clone)]
pub struct Guidance {
    pub domain: String,
    pub records: Vec<Expected>,
    /// MX hosts, lower-case.
    pub mx_hosts: Vec<String>,
    /// Addresses SPF must authorise, with who they are.
    pub senders: Vec<(IpAddr, String)>,
    pub verification: String,
    /// The DKIM selector records: name, the public key p= must carry, and whether the
    /// selector signs now.
    pub dkim: Vec<(String, String, bool)>,
}

/// Why there is no guidance; `fix` says what to set.
#[derive(Debug, thiserror::Error)]
pub enum GuidanceError {
    #[error("{0} is not an accepted domain")]
    NotAccepted(String),
    #[error(
        "OrganizationConfig has no ServiceHostNames, so there is nothing for the MX record to point to"
    )]
    NoServiceHostNames,
    #[error(
        "OrganizationConfig has no ServiceIPAddresses, so the SPF record cannot name this service"
    )]
    NoServiceIpAddresses,
    #[error(
        "MxRecordPointsTo is OnPremises, but no OnPremises OutboundConnector with smart hosts carries {0}"
    )]
    NoOnPremisesConnector(String),
}

impl GuidanceError {
    pub fn fix(&self) -> String {
        match self {
            GuidanceError::NotAccepted(d) => format!(
                "add it with New-AcceptedDomain -Name {d} -DomainName {d}, or name one of Get-AcceptedDomain"
            ),
            GuidanceError::NoServiceHostNames => "Set-OrganizationConfig -ServiceHostNames <the public name of this service, such as mx1.contoso-gateway.net>".into(),
            GuidanceError::NoServiceIpAddresses => "Set-OrganizationConfig -ServiceIPAddresses <the public addresses this service sends from>".into(),
            GuidanceError::NoOnPremisesConnector(d) => format!(
                "New-OutboundConnector -ConnectorType OnPremises -SmartHosts <on-premises server> -RecipientDomains {d}"
            ),
        }
    }
}

/// The verification record's value: proves whoever runs this service controls the domain's
/// DNS. Derived from the organisation's name and the domain, so it is stable across runs;
/// it is not a secret (only publishing it proves anything).
pub fn verification_value(state: &State, domain: &str) -> String {
    let digest = Sha1::digest(format!("eopctl:{}:{domain}", state.organization.name).as_bytes());
    let hex: String = digest.iter().take(10).map(|b| format!("{b:02x}")).collect();
    format!("eopctl-verification={hex}")
}

pub fn guidance(state: &State, domain: &str) -> Result<Guidance, GuidanceError> {
    let domain = domain.trim().trim_end_matches('.').to_ascii_lowercase();
    let Some(accepted) = state.accepted_domain(&domain) else {
        return Err(GuidanceError::NotAccepted(domain));
    };
    let org = &state.organization;
    let mx_hosts: Vec<String> = match org.mx_record_points_to {
        MxRecordPointsTo::Service => {
            if org.service_host_names.is_empty() {
                return Err(GuidanceError::NoServiceHostNames);
            }
            org.service_host_names
                .iter()
                .map(|h| h.as_str().to_ascii_lowercase())
                .collect()
        }
        MxRecordPointsTo::OnPremises => on_premises_hosts(state, &domain)?,
    };
    if org.service_ip_addresses.is_empty() {
        return Err(GuidanceError::NoServiceIpAddresses);
    }
    let mut senders: Vec<(IpAddr, String)> = Vec::new();
    let mut mechanisms: Vec<String> = Vec::new();
    let mut add = |r: &IpRange, who: String| {
        for block in cidrs(r) {
            mechanisms.push(block.clone());
        }
        senders.push((first_address(r), who));
    };
    for r in &org.service_ip_addresses {
        add(
            r,
            "this service (OrganizationConfig ServiceIPAddresses)".into(),
        );
    }
    for c in state
        .inbound_connectors
        .iter()
        .filter(|c| c.enabled && c.connector_type == InboundConnectorType::OnPremises)
    {
        for r in &c.sender_ip_addresses {
            add(
                r,
                format!("on-premises server (InboundConnector \"{}\")", c.name),
            );
        }
    }
    mechanisms.dedup();
    let mut records = Vec::new();
    let mx_purpose = match org.mx_record_points_to {
        MxRecordPointsTo::Service => format!(
            "mail for {domain} arrives at this service, which filters it (hybrid scenarios 1 and 2)"
        ),
        MxRecordPointsTo::OnPremises => {
            format!("mail for {domain} arrives on premises first (hybrid scenarios 3 and 4)")
        }
    };
    for (i, h) in mx_hosts.iter().enumerate() {
        records.push(Expected {
            kind: "MX",
            name: domain.clone(),
            value: format!("{} {h}", 10 * (i + 1)),
            purpose: mx_purpose.clone(),
        });
    }
    records.push(Expected {
        kind: "TXT",
        name: domain.clone(),
        value: format!("v=spf1 {} -all", mechanisms.join(" ")),
        purpose: "SPF: the servers that may send as the domain (this service and the on-premises servers), and no one else".into(),
    });
    records.push(Expected {
        kind: "TXT",
        name: format!("_dmarc.{domain}"),
        value: format!("v=DMARC1; p=quarantine; rua=mailto:postmaster@{domain}"),
        purpose:
            "DMARC: receivers quarantine mail that fails SPF and DKIM alignment, and send reports"
                .into(),
    });
    let verification = verification_value(state, &domain);
    records.push(Expected {
        kind: "TXT",
        name: domain.clone(),
        value: verification.clone(),
        purpose: format!(
            "proves you control {domain}'s DNS (AcceptedDomain \"{}\")",
            accepted.name
        ),
    });
    let mut dkim = Vec::new();
    if let Some(c) = state
        .dkim_signing_configs
        .iter()
        .find(|c| c.domain.as_str() == domain)
    {
        for selector in [Selector::Selector1, Selector::Selector2] {
            let Some(key) = c.key(selector) else { continue };
            let active = selector == c.active_selector;
            let name = c.record_name(selector);
            records.push(Expected {
                kind: "TXT",
                name: name.clone(),
                value: key.record(),
                purpose: if active {
                    format!(
                        "DKIM: {} signs {domain}'s outbound mail (DkimSigningConfig \"{domain}\"{})",
                        selector.as_str(),
                        if c.enabled { "" } else { ", not Enabled yet" }
                    )
                } else {
                    format!(
                        "DKIM: the previous key; keep it while mail {} signed may still be verified",
                        selector.as_str()
                    )
                },
            });
            dkim.push((name, key.public_key.clone(), active));
        }
    }
    Ok(Guidance {
        domain,
        records,
        mx_hosts,
        senders,
        verification,
        dkim,
    })
}

/// The smart hosts of the OnPremises connector that carries `domain`.
fn on_premises_hosts(state: &State, domain: &str) -> Result<Vec<String>, GuidanceError> {
    match route::by_connector(
        state,
        &format!("postmaster@{domain}"),
        domain,
        Choose::default(),
    ) {
        Some((
            Route::Remote {
                next_hop: NextHop::SmartHosts(hosts),
                ..
            },
            _,
        )) => Ok(hosts
            .iter()
            .map(|h| match &h.host {
                Host::Name(n) => n.as_str().to_ascii_lowercase(),
                Host::Ip(ip) => ip.to_string(),
            })
            .collect()),
        _ => Err(GuidanceError::NoOnPremisesConnector(domain.to_string())),
    }
}

fn first_address(r: &IpRange) -> IpAddr {
    let (v6, start, _) = r.bounds();
    to_ip(v6, start)
}

fn to_ip(v6: bool, n: u128) -> IpAddr {
    if v6 {
        IpAddr::V6(n.into())
    } else {
        IpAddr::V4((n as u32).into())
    }
}

/// A range as `ip4:`/`ip6:` mechanisms: the fewest CIDR blocks that cover exactly it.
fn cidrs(r: &IpRange) -> Vec<String> {
    let (v6, mut start, end) = r.bounds();
    let bits: u32 = if v6 { 128 } else { 32 };
    let mech = if v6 { "ip6" } else { "ip4" };
    let mut out = Vec::new();
    loop {
        // The largest block aligned at `start` that does not run past `end`.
        let mut host = if start == 0 {
            bits
        } else {
            start.trailing_zeros().min(bits)
        };
        while host > 0 && block_last(start, host).is_none_or(|last| last > end) {
            host -= 1;
        }
        let last = block_last(start, host).unwrap_or(start);
        let len = bits - host;
        out.push(if len == bits {
            format!("{mech}:{}", to_ip(v6, start))
        } else {
            format!("{mech}:{}/{len}", to_ip(v6, start))
        });
        if last >= end {
            return out;
        }
        start = last + 1;
    }
}

/// The last address of the block of 2^host addresses starting at `start`.
fn block_last(start: u128, host: u32) -> Option<u128> {
    if host >= 128 {
        (start == 0).then_some(u128::MAX)
    } else {
        start.checked_add((1u128 << host) - 1)
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// Contoso with two service hosts, a service range and one on-premises server.
    pub(crate) fn state() -> State {
        crate::state::store::parse(
            "apiVersion: eopctl/v3\nOrganizationConfig: { Name: Contoso, ServiceHostNames: [mx1.gw.example, mx2.gw.example], ServiceIPAddresses: [192.0.2.10, 192.0.2.16-192.0.2.23] }\nAcceptedDomains:\n  - { Name: contoso.com, DomainName: contoso.com, Default: true }\nInboundConnectors:\n  - { Name: OnPrem, ConnectorType: OnPremises, SenderIPAddresses: [131.107.21.231] }\n",
            std::path::Path::new("t.yaml"),
        )
        .unwrap()
    }

    #[test]
    fn guidance_names_the_service_and_on_premises() {
        let g = guidance(&state(), "contoso.com").unwrap();
        let values: Vec<String> = g
            .records
            .iter()
            .map(|r| format!("{} {} {}", r.kind, r.name, r.value))
            .collect();
        assert_eq!(values[0], "MX contoso.com 10 mx1.gw.example");
        assert_eq!(values[1], "MX contoso.com 20 mx2.gw.example");
        assert_eq!(
            values[2],
            "TXT contoso.com v=spf1 ip4:192.0.2.10 ip4:192.0.2.16/29 ip4:131.107.21.231 -all"
        );
        assert_eq!(
            values[3],
            "TXT _dmarc.contoso.com v=DMARC1; p=quarantine; rua=mailto:postmaster@contoso.com"
        );
        assert!(values[4].starts_with("TXT contoso.com eopctl-verification="));
        let e = guidance(&state(), "fabrikam.com").unwrap_err();
        assert!(matches!(&e, GuidanceError::NotAccepted(d) if d == "fabrikam.com"));
        assert!(e.fix().contains("New-AcceptedDomain"));
    }

    #[test]
    fn ranges_become_the_fewest_cidr_blocks() {
        let c = |r: &str| cidrs(&r.parse().unwrap());
        assert_eq!(
            c("10.0.0.1-10.0.0.6"),
            [
                "ip4:10.0.0.1",
                "ip4:10.0.0.2/31",
                "ip4:10.0.0.4/31",
                "ip4:10.0.0.6"
            ]
        );
        assert_eq!(c("10.0.0.0/8"), ["ip4:10.0.0.0/8"]);
        assert_eq!(c("0.0.0.0/0"), ["ip4:0.0.0.0/0"]);
        assert_eq!(c("2001:db8::/32"), ["ip6:2001:db8::/32"]);
        assert_eq!(c("::/0"), ["ip6:::/0"]);
    }
}
