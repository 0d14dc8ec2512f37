//! SPF evaluated through DNS, for `Test-DnsRecords`: whether a domain's record, with its
//! includes and redirect followed, authorises an address, and how many lookups a
//! receiver spends on it (RFC 7208 §4.6.4 allows ten).

use std::future::Future;
use std::net::IpAddr;
use std::pin::Pin;

use super::spf::{self, Qualifier, Term};
use super::{Dns, DnsError};

type Fut<'a, T> = Pin<Box<dyn Future<Output = T> + Send + 'a>>;

/// Lookups across includes and redirects, as receivers count them (§4.6.4).
pub(super) fn count_lookups<'a>(
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
                Err(why) => notes.push(why.to_string()),
            }
        }
    })
}

/// Why an included domain's SPF record cannot be read: each is a permerror for receivers.
#[derive(Debug, thiserror::Error)]
enum IncludeError {
    #[error("include:{0}: the lookup failed ({1:?}): receivers return permerror")]
    Lookup(String, DnsError),
    #[error("include:{0} has no SPF record: receivers return permerror")]
    None(String),
    #[error("include:{0} has several SPF records: receivers return permerror")]
    Several(String),
}

/// The SPF record of an included domain.
async fn included(dns: &dyn Dns, domain: &str) -> Result<spf::Record, IncludeError> {
    let txt = dns
        .txt(domain)
        .await
        .map_err(|e| IncludeError::Lookup(domain.to_string(), e))?;
    let found: Vec<&String> = txt.iter().filter(|t| spf::is_spf(t)).collect();
    match found.as_slice() {
        [one] => Ok(spf::parse(one)),
        [] => Err(IncludeError::None(domain.to_string())),
        _ => Err(IncludeError::Several(domain.to_string())),
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
pub(super) fn authorizes<'a>(
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
