//! The DNS records a domain needs for the configured scenario (`Get-DnsGuidance`), and
//! whether the published ones are right (`Test-DnsRecords`), as Microsoft's articles' "How do you know
//! this task worked?" steps ask: MX to the service (or on premises), SPF authorising the
//! service and the on-premises servers, DMARC, a verification record, and the DKIM
//! selectors' keys (DkimSigningConfig).

use std::collections::BTreeSet;
use std::future::Future;
use std::net::IpAddr;
use std::pin::Pin;

use serde::Serialize;
use sha1::{Digest, Sha1};

use super::spf::{self, Qualifier, Term};
use super::{Dns, DnsError, dmarc};
use crate::finding::{Finding, Severity};
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

/// One check of `Test-DnsRecords`: the record checked is the object.
fn check(
    record: &'static str,
    status: Severity,
    detail: String,
    fix: impl Into<String>,
) -> Finding {
    Finding::new(status, record, "", detail).fix(fix)
}

fn dns_failed(record: &'static str, name: &str, e: &DnsError) -> Finding {
    let why = match e {
        DnsError::NoSuchDomain => format!("{name} does not exist (NXDOMAIN)"),
        DnsError::Temporary(t) => format!("looking up {name} failed: {t}"),
    };
    check(
        record,
        Severity::Error,
        why,
        "check the name, and that the resolver (--dns or /etc/resolv.conf) answers",
    )
}

/// Looks up the domain's records and checks each against the guidance.
pub async fn test(dns: &dyn Dns, g: &Guidance) -> Vec<Finding> {
    let mut out = Vec::new();
    mx(dns, g, &mut out).await;
    let txt = dns.txt(&g.domain).await;
    match &txt {
        Ok(records) => {
            spf_checks(dns, g, records, &mut out).await;
            if records.iter().any(|r| r.trim() == g.verification) {
                out.push(check(
                    "Verification",
                    Severity::Pass,
                    format!("{} TXT {} is published", g.domain, g.verification),
                    "",
                ));
            } else {
                out.push(check(
                    "Verification",
                    Severity::Error,
                    format!("no TXT record {} at {}", g.verification, g.domain),
                    format!("publish {} TXT \"{}\"", g.domain, g.verification),
                ));
            }
        }
        Err(e) => out.push(dns_failed("SPF", &g.domain, e)),
    }
    dmarc_checks(dns, g, &mut out).await;
    for (name, key, active) in &g.dkim {
        dkim_check(dns, g, name, key, *active, &mut out).await;
    }
    out
}

/// A selector's record is published with the key the state holds. A wrong or missing
/// record of the signing selector fails; of the previous one it is a warning (only mail
/// signed before the rotation suffers).
async fn dkim_check(
    dns: &dyn Dns,
    g: &Guidance,
    name: &str,
    key: &str,
    active: bool,
    out: &mut Vec<Finding>,
) {
    let expected = g
        .records
        .iter()
        .find(|r| r.name == name)
        .map(|r| r.value.clone())
        .unwrap_or_default();
    let txt = match dns.txt(name).await {
        Ok(t) => t,
        Err(DnsError::NoSuchDomain) => Vec::new(),
        Err(e) => return out.push(dns_failed("DKIM", name, &e)),
    };
    let published: Vec<String> = txt
        .iter()
        .filter_map(|t| {
            t.split(';').find_map(|tag| {
                let (k, v) = tag.split_once('=')?;
                (k.trim() == "p").then(|| v.split_whitespace().collect::<String>())
            })
        })
        .collect();
    let fix = format!("publish {name} TXT \"{expected}\"");
    let bad = if active {
        Severity::Error
    } else {
        Severity::Warning
    };
    let signs = if active {
        "signs the domain's mail"
    } else {
        "signed mail that may still be verified"
    };
    if published.iter().any(|p| p == key) {
        out.push(check(
            "DKIM",
            Severity::Pass,
            format!("{name} carries the key that {signs}"),
            "",
        ));
    } else if published.is_empty() {
        out.push(check(
            "DKIM",
            bad,
            format!("no DKIM record at {name}, whose key {signs}: receivers cannot verify it"),
            fix,
        ));
    } else {
        out.push(check(
            "DKIM",
            bad,
            format!(
                "{name} publishes another key (p=) than the one that {signs}: its signatures fail"
            ),
            fix,
        ));
    }
}

async fn mx(dns: &dyn Dns, g: &Guidance, out: &mut Vec<Finding>) {
    let found = match dns.mx(&g.domain).await {
        Ok(f) => f,
        Err(e) => return out.push(dns_failed("MX", &g.domain, &e)),
    };
    let published: BTreeSet<String> = found.iter().map(|(_, h)| h.to_ascii_lowercase()).collect();
    let wanted: BTreeSet<String> = g.mx_hosts.iter().cloned().collect();
    let fix = format!(
        "publish {}",
        g.mx_hosts
            .iter()
            .enumerate()
            .map(|(i, h)| format!("{} MX {} {h}", g.domain, 10 * (i + 1)))
            .collect::<Vec<_>>()
            .join(", ")
    );
    if published.is_empty() {
        return out.push(check(
            "MX",
            Severity::Error,
            format!(
                "{} has no MX record: mail for it goes to its A record, or nowhere",
                g.domain
            ),
            fix,
        ));
    }
    let stray: Vec<&String> = published.difference(&wanted).collect();
    let missing: Vec<&String> = wanted.difference(&published).collect();
    if stray.is_empty() && missing.is_empty() {
        let list: Vec<&str> = wanted.iter().map(String::as_str).collect();
        return out.push(check(
            "MX",
            Severity::Pass,
            format!("{} MX points to {}", g.domain, list.join(", ")),
            "",
        ));
    }
    if !stray.is_empty() {
        out.push(check(
            "MX",
            Severity::Error,
            format!("{} MX also points to {}: mail sent there bypasses the path this configuration expects", g.domain, stray.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(", ")),
            fix.clone(),
        ));
    }
    if !missing.is_empty() {
        out.push(check(
            "MX",
            Severity::Error,
            format!(
                "{} MX does not point to {}",
                g.domain,
                missing
                    .iter()
                    .map(|s| s.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            fix,
        ));
    }
}

async fn spf_checks(dns: &dyn Dns, g: &Guidance, txt: &[String], out: &mut Vec<Finding>) {
    let expected = &g
        .records
        .iter()
        .find(|r| r.value.starts_with("v=spf1"))
        .map(|r| r.value.clone())
        .unwrap_or_default();
    let records: Vec<&String> = txt.iter().filter(|t| spf::is_spf(t)).collect();
    let record = match records.as_slice() {
        [] => {
            return out.push(check(
                "SPF",
                Severity::Error,
                format!(
                    "{} has no SPF record: receivers cannot tell forged mail from yours",
                    g.domain
                ),
                format!("publish {} TXT \"{expected}\"", g.domain),
            ));
        }
        [one] => one.as_str(),
        many => {
            return out.push(check("SPF", Severity::Error, format!("{} has {} SPF records, which is a permanent error (RFC 7208 §4.5): receivers ignore them all", g.domain, many.len()), format!("merge them into one: \"{expected}\"")));
        }
    };
    let parsed = spf::parse(record);
    out.extend(parsed.problems.iter().cloned());
    let mut lookups = 0usize;
    let mut notes = Vec::new();
    count_lookups(dns, &parsed, 0, &mut lookups, &mut notes).await;
    for n in notes {
        out.push(check(
            "SPF",
            Severity::Warning,
            n,
            "check the included domain's SPF record",
        ));
    }
    if lookups > spf::MAX_LOOKUPS && parsed.direct_lookups() <= spf::MAX_LOOKUPS {
        out.push(check("SPF", Severity::Error, format!("evaluating the record takes {lookups} DNS lookups with its includes, more than the limit of {}: receivers return permerror", spf::MAX_LOOKUPS), "flatten includes into ip4:/ip6: terms"));
    }
    if parsed.has_errors() {
        return;
    }
    for (ip, who) in &g.senders {
        match authorizes(dns, &g.domain, &parsed, *ip, 0).await {
            Some(Qualifier::Pass) => out.push(check(
                "SPF",
                Severity::Pass,
                format!("authorises {ip}, {who}"),
                "",
            )),
            other => {
                let result = match other {
                    Some(Qualifier::Fail) => "fail",
                    Some(Qualifier::SoftFail) => "softfail",
                    Some(Qualifier::Neutral) | None => "neutral",
                    Some(Qualifier::Pass) => unreachable!(),
                };
                out.push(check(
                    "SPF",
                    Severity::Error,
                    format!("does not authorise {ip}, {who}: the result for it is {result}, so its mail may be refused as forged"),
                    format!("add {} to the record", if ip.is_ipv4() { format!("ip4:{ip}") } else { format!("ip6:{ip}") }),
                ));
            }
        }
    }
}

type Fut<'a, T> = Pin<Box<dyn Future<Output = T> + Send + 'a>>;

/// Lookups across includes and redirects, as receivers count them (§4.6.4).
fn count_lookups<'a>(
    dns: &'a dyn Dns,
    rec: &'a spf::Record,
    depth: usize,
    total: &'a mut usize,
    notes: &'a mut Vec<String>,
) -> Fut<'a, ()> {
    Box::pin(async move {
        for t in &rec.terms {
            if !t.costs_lookup() {
                continue;
            }
            *total += 1;
            let target = match t {
                Term::Include(_, d) | Term::Redirect(d) => d,
                _ => continue,
            };
            if depth >= spf::MAX_LOOKUPS || *total > spf::MAX_LOOKUPS || target.contains('%') {
                continue;
            }
            match included(dns, target).await {
                Ok(inner) => count_lookups(dns, &inner, depth + 1, total, notes).await,
                Err(why) => notes.push(why),
            }
        }
    })
}

/// The SPF record of an included domain.
async fn included(dns: &dyn Dns, domain: &str) -> Result<spf::Record, String> {
    let txt = dns.txt(domain).await.map_err(|e| {
        format!("include:{domain}: the lookup failed ({e:?}): receivers return permerror")
    })?;
    let found: Vec<&String> = txt.iter().filter(|t| spf::is_spf(t)).collect();
    match found.as_slice() {
        [one] => Ok(spf::parse(one)),
        [] => Err(format!(
            "include:{domain} has no SPF record: receivers return permerror"
        )),
        _ => Err(format!(
            "include:{domain} has several SPF records: receivers return permerror"
        )),
    }
}

fn in_block(ip: IpAddr, net: IpAddr, len: u8) -> bool {
    match (ip, net) {
        (IpAddr::V4(a), IpAddr::V4(n)) => {
            let mask = if len == 0 {
                0
            } else {
                u32::MAX << (32 - u32::from(len))
            };
            u32::from(a) & mask == u32::from(n) & mask
        }
        (IpAddr::V6(a), IpAddr::V6(n)) => {
            let mask = if len == 0 {
                0
            } else {
                u128::MAX << (128 - u32::from(len))
            };
            u128::from(a) & mask == u128::from(n) & mask
        }
        _ => false,
    }
}

/// The SPF result for `ip` under `rec` (the first matching term's qualifier), evaluating
/// ip4, ip6, a, mx, include and redirect; `None` when nothing matches (neutral) or a term
/// cannot be evaluated here (macros, ptr, exists).
fn authorizes<'a>(
    dns: &'a dyn Dns,
    domain: &'a str,
    rec: &'a spf::Record,
    ip: IpAddr,
    depth: usize,
) -> Fut<'a, Option<Qualifier>> {
    Box::pin(async move {
        if depth > spf::MAX_LOOKUPS {
            return None;
        }
        let v4_or_v6 = |v4: Option<u8>, v6: Option<u8>| {
            if ip.is_ipv4() {
                v4.unwrap_or(32)
            } else {
                v6.unwrap_or(128)
            }
        };
        for t in &rec.terms {
            let (q, hit) = match t {
                Term::All(q) => (*q, true),
                Term::Ip4(q, net, len) => (*q, in_block(ip, IpAddr::V4(*net), *len)),
                Term::Ip6(q, net, len) => (*q, in_block(ip, IpAddr::V6(*net), *len)),
                Term::A(q, d, v4, v6) => {
                    let host = d.as_deref().unwrap_or(domain);
                    let len = v4_or_v6(*v4, *v6);
                    let ips = dns.ips(host).await.unwrap_or_default();
                    (*q, ips.iter().any(|n| in_block(ip, *n, len)))
                }
                Term::Mx(q, d, v4, v6) => {
                    let host = d.as_deref().unwrap_or(domain);
                    let len = v4_or_v6(*v4, *v6);
                    let mut hit = false;
                    for (_, exchange) in dns.mx(host).await.unwrap_or_default().iter().take(10) {
                        if dns
                            .ips(exchange)
                            .await
                            .unwrap_or_default()
                            .iter()
                            .any(|n| in_block(ip, *n, len))
                        {
                            hit = true;
                            break;
                        }
                    }
                    (*q, hit)
                }
                Term::Include(q, d) if !d.contains('%') => match included(dns, d).await {
                    Ok(inner) => (
                        *q,
                        authorizes(dns, d, &inner, ip, depth + 1).await == Some(Qualifier::Pass),
                    ),
                    Err(_) => return None,
                },
                _ => continue,
            };
            if hit {
                return Some(q);
            }
        }
        if let Some(Term::Redirect(d)) = rec.terms.iter().find(|t| matches!(t, Term::Redirect(_)))
            && !d.contains('%')
            && let Ok(inner) = included(dns, d).await
        {
            return authorizes(dns, d, &inner, ip, depth + 1).await;
        }
        None
    })
}

async fn dmarc_checks(dns: &dyn Dns, g: &Guidance, out: &mut Vec<Finding>) {
    let name = format!("_dmarc.{}", g.domain);
    let expected = g
        .records
        .iter()
        .find(|r| r.name == name)
        .map(|r| r.value.clone())
        .unwrap_or_default();
    let txt = match dns.txt(&name).await {
        Ok(t) => t,
        Err(DnsError::NoSuchDomain) => Vec::new(),
        Err(e) => return out.push(dns_failed("DMARC", &name, &e)),
    };
    let found: Vec<&String> = txt.iter().filter(|t| dmarc::is_dmarc(t)).collect();
    let record = match found.as_slice() {
        [] => {
            return out.push(check(
                "DMARC",
                Severity::Error,
                format!(
                    "no DMARC record at {name}: receivers apply no policy to mail forging {}",
                    g.domain
                ),
                format!("publish {name} TXT \"{expected}\""),
            ));
        }
        [one] => one.as_str(),
        many => {
            return out.push(check(
                "DMARC",
                Severity::Error,
                format!(
                    "{} DMARC records at {name}: receivers ignore them all",
                    many.len()
                ),
                "keep one",
            ));
        }
    };
    let parsed = dmarc::parse(record);
    if parsed.problems.is_empty() {
        out.push(check(
            "DMARC",
            Severity::Pass,
            format!("{name}: {record}"),
            "",
        ));
    }
    out.extend(parsed.problems);
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    /// Answers from tables, as a zone file would.
    #[derive(Default)]
    struct Zone {
        mx: HashMap<String, Vec<(u16, String)>>,
        a: HashMap<String, Vec<IpAddr>>,
        txt: HashMap<String, Vec<String>>,
    }

    impl Dns for Zone {
        fn mx<'a>(
            &'a self,
            d: &'a str,
        ) -> super::super::BoxFut<'a, Result<Vec<(u16, String)>, DnsError>> {
            Box::pin(async move { Ok(self.mx.get(d).cloned().unwrap_or_default()) })
        }
        fn ips<'a>(
            &'a self,
            h: &'a str,
        ) -> super::super::BoxFut<'a, Result<Vec<IpAddr>, DnsError>> {
            Box::pin(async move { Ok(self.a.get(h).cloned().unwrap_or_default()) })
        }
        fn txt<'a>(
            &'a self,
            n: &'a str,
        ) -> super::super::BoxFut<'a, Result<Vec<String>, DnsError>> {
            Box::pin(async move { self.txt.get(n).cloned().ok_or(DnsError::NoSuchDomain) })
        }
    }

    fn state() -> State {
        crate::state::store::parse(
            "apiVersion: eopctl/v2\nOrganizationConfig: { Name: Contoso, ServiceHostNames: [mx1.gw.example, mx2.gw.example], ServiceIPAddresses: [192.0.2.10, 192.0.2.16-192.0.2.23] }\nAcceptedDomains:\n  - { Name: contoso.com, DomainName: contoso.com, Default: true }\nInboundConnectors:\n  - { Name: OnPrem, ConnectorType: OnPremises, SenderIPAddresses: [131.107.21.231] }\n",
            std::path::Path::new("t.yaml"),
        )
        .unwrap()
    }

    fn run(zone: &Zone) -> Vec<(String, Severity, String)> {
        let g = guidance(&state(), "Contoso.com.").unwrap();
        let rt = tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap();
        rt.block_on(test(zone, &g))
            .into_iter()
            .map(|c| {
                // SPF and DMARC findings name the term at fault: quoted before the message.
                let detail = match c.parameter.is_empty() {
                    true => c.message,
                    false => format!("\"{}\": {}", c.parameter, c.message),
                };
                (c.object, c.severity, detail)
            })
            .collect()
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

    #[test]
    fn a_correct_domain_passes_every_check() {
        let g = guidance(&state(), "contoso.com").unwrap();
        let mut z = Zone::default();
        z.mx.insert(
            "contoso.com".into(),
            vec![(10, "MX1.gw.example".into()), (20, "mx2.gw.example".into())],
        );
        z.txt.insert(
            "contoso.com".into(),
            vec![g.records[2].value.clone(), g.verification.clone()],
        );
        z.txt.insert(
            "_dmarc.contoso.com".into(),
            vec![g.records[3].value.clone()],
        );
        let r = run(&z);
        assert!(r.iter().all(|c| c.1 == Severity::Pass), "{r:#?}");
        assert_eq!(r.iter().filter(|c| c.0 == "SPF").count(), 3, "{r:#?}");
    }

    #[test]
    fn dkim_selectors_are_guided_and_their_published_keys_checked() {
        let mut s = state();
        s.dkim_signing_configs.push(
            serde_yaml::from_str(
                "Domain: contoso.com\nActiveSelector: selector2\nSelector1: { KeyType: rsa, KeySize: 2048, PublicKey: OLD, KeyPath: a.key, KeyCreationTime: 2026-01-01T00:00:00Z }\nSelector2: { KeyType: ed25519, KeySize: 256, PublicKey: NEW+/=, KeyPath: b.key, KeyCreationTime: 2026-02-01T00:00:00Z }\n",
            )
            .unwrap(),
        );
        let g = guidance(&s, "contoso.com").unwrap();
        let dkim: Vec<String> = g
            .records
            .iter()
            .filter(|r| r.purpose.starts_with("DKIM"))
            .map(|r| format!("{} {} {}", r.kind, r.name, r.value))
            .collect();
        assert_eq!(
            dkim,
            [
                "TXT selector1._domainkey.contoso.com v=DKIM1; k=rsa; p=OLD",
                "TXT selector2._domainkey.contoso.com v=DKIM1; k=ed25519; p=NEW+/="
            ]
        );
        let mut z = Zone::default();
        // The signing selector published right (split into strings, spaces in p=); the
        // previous one with a stale key.
        z.txt.insert(
            "selector2._domainkey.contoso.com".into(),
            vec!["v=DKIM1; k=ed25519; p=NEW +/=".into()],
        );
        z.txt.insert(
            "selector1._domainkey.contoso.com".into(),
            vec!["v=DKIM1; k=rsa; p=STALE".into()],
        );
        let rt = tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap();
        let checks: Vec<Finding> = rt
            .block_on(test(&z, &g))
            .into_iter()
            .filter(|c| c.object == "DKIM")
            .collect();
        assert_eq!(checks.len(), 2, "{checks:#?}");
        assert_eq!(checks[0].severity, Severity::Warning, "{checks:#?}");
        assert!(checks[0].message.contains("another key"));
        assert!(checks[0].fix.contains("p=OLD"));
        assert_eq!(checks[1].severity, Severity::Pass, "{checks:#?}");
        // Missing, the signing selector's record fails.
        z.txt.remove("selector2._domainkey.contoso.com");
        let missing = rt.block_on(test(&z, &g));
        let last = missing.last().unwrap();
        assert_eq!(
            (last.object.as_str(), last.severity),
            ("DKIM", Severity::Error)
        );
        assert!(last.message.starts_with("no DKIM record at selector2"));
    }

    /// The article's record, published as printed, and the usual mistakes around it.
    #[test]
    fn the_articles_record_and_a_stray_mx_fail() {
        let mut z = Zone::default();
        z.mx.insert(
            "contoso.com".into(),
            vec![
                (10, "mx1.gw.example".into()),
                (20, "mx2.gw.example".into()),
                (30, "old-mx.contoso.com".into()),
            ],
        );
        z.txt.insert(
            "contoso.com".into(),
            vec!["v=spf1 ipv4: 131.107.21.231  include:spf.protection.outlook.co  m -all".into()],
        );
        let r = run(&z);
        let fails: Vec<&(String, Severity, String)> =
            r.iter().filter(|c| c.1 == Severity::Error).collect();
        assert!(
            fails
                .iter()
                .any(|c| c.0 == "MX" && c.2.contains("old-mx.contoso.com")),
            "{r:#?}"
        );
        assert!(
            fails
                .iter()
                .any(|c| c.0 == "SPF" && c.2.contains("nothing after the colon")),
            "{r:#?}"
        );
        assert!(
            fails
                .iter()
                .any(|c| c.0 == "SPF" && c.2.contains("cut off by a space")),
            "{r:#?}"
        );
        assert!(fails.iter().any(|c| c.0 == "Verification"), "{r:#?}");
        assert!(
            fails
                .iter()
                .any(|c| c.0 == "DMARC" && c.2.contains("no DMARC record")),
            "{r:#?}"
        );
    }

    #[test]
    fn includes_are_followed_for_authorisation_and_lookup_counts() {
        let g = guidance(&state(), "contoso.com").unwrap();
        let mut z = Zone::default();
        z.mx.insert(
            "contoso.com".into(),
            vec![(10, "mx1.gw.example".into()), (20, "mx2.gw.example".into())],
        );
        // The service's addresses come through an include; on premises is missing.
        z.txt.insert(
            "contoso.com".into(),
            vec![
                "v=spf1 include:spf.gw.example a:deep.contoso.com ~all".into(),
                g.verification.clone(),
            ],
        );
        z.txt.insert(
            "spf.gw.example".into(),
            vec![
                "v=spf1 ip4:192.0.2.0/24 ".to_string()
                    + &(0..9)
                        .map(|i| format!("include:i{i}.gw.example"))
                        .collect::<Vec<_>>()
                        .join(" ")
                    + " -all",
            ],
        );
        for i in 0..9 {
            z.txt
                .insert(format!("i{i}.gw.example"), vec!["v=spf1 -all".into()]);
        }
        z.txt
            .insert("_dmarc.contoso.com".into(), vec!["v=DMARC1; p=none".into()]);
        let r = run(&z);
        assert!(
            r.iter().any(|c| c.0 == "SPF"
                && c.1 == Severity::Pass
                && c.2.contains("authorises 192.0.2.10")),
            "{r:#?}"
        );
        assert!(
            r.iter().any(|c| c.0 == "SPF"
                && c.1 == Severity::Error
                && c.2.contains("does not authorise 131.107.21.231")
                && c.2.contains("softfail")),
            "{r:#?}"
        );
        assert!(
            r.iter()
                .any(|c| c.0 == "SPF" && c.1 == Severity::Error && c.2.contains("11 DNS lookups")),
            "{r:#?}"
        );
        assert!(
            r.iter().any(|c| c.0 == "DMARC"
                && c.1 == Severity::Warning
                && c.2.contains("only monitors")),
            "{r:#?}"
        );
    }

    #[test]
    fn two_spf_records_are_a_permanent_error() {
        let mut z = Zone::default();
        z.txt.insert(
            "contoso.com".into(),
            vec!["v=spf1 -all".into(), "v=spf1 ip4:192.0.2.10 -all".into()],
        );
        let r = run(&z);
        assert!(
            r.iter()
                .any(|c| c.0 == "SPF" && c.1 == Severity::Error && c.2.contains("2 SPF records")),
            "{r:#?}"
        );
    }
}
