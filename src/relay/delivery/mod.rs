//! Delivery: `mailbox` writes to hosted mailboxes' Maildirs, `smtp` talks to the next hop.

pub mod mailbox;
pub mod smtp;

use std::net::SocketAddr;

use crate::dns::{Dns, DnsError};
use crate::policy::NextHop;
use crate::state::values::Host;

/// The host names of a next hop, in the order to try them (MX preference), each with its
/// port: smart hosts as listed (`port` when they name none), or the MX hosts of the domain.
/// `Err((permanent, why))` when there is nowhere to go.
pub async fn hop_names(
    dns: &dyn Dns,
    hop: &NextHop,
    port: u16,
) -> Result<Vec<(String, u16)>, (bool, String)> {
    let mut names: Vec<(String, u16)> = Vec::new();
    match hop {
        NextHop::SmartHosts(hosts) => {
            for h in hosts {
                let p = h.port.unwrap_or(port);
                match &h.host {
                    Host::Ip(ip) => names.push((ip.to_string(), p)),
                    Host::Name(n) => names.push((n.to_string(), p)),
                }
            }
        }
        NextHop::Mx(domain) => match dns.mx(domain).await {
            Ok(mut mx) if !mx.is_empty() => {
                mx.sort_by_key(|(pref, _)| *pref);
                // Null MX (RFC 7505): the domain accepts no mail.
                if mx.len() == 1 && (mx[0].1.is_empty() || mx[0].1 == ".") {
                    return Err((true, format!("{domain} has a null MX: it accepts no mail")));
                }
                names.extend(mx.into_iter().map(|(_, h)| (h, port)));
            }
            // No MX: the domain itself (RFC 5321 §5.1).
            Ok(_) => names.push((domain.clone(), port)),
            Err(DnsError::NoSuchDomain) => {
                return Err((true, format!("{domain}: no such domain")));
            }
            Err(DnsError::Temporary(e)) => {
                return Err((false, format!("MX lookup for {domain}: {e}")));
            }
        },
    }
    Ok(names)
}

/// Addresses to try for a next hop, in order (MX preference, then each host's addresses).
/// `Err((permanent, why))` when there is nowhere to go.
pub async fn hosts(
    dns: &dyn Dns,
    hop: &NextHop,
    port: u16,
) -> Result<Vec<(String, SocketAddr)>, (bool, String)> {
    let mut out = Vec::new();
    let mut last = String::new();
    for (name, p) in hop_names(dns, hop, port).await? {
        match dns.ips(&name).await {
            Ok(ips) => out.extend(
                ips.into_iter()
                    .map(|ip| (name.clone(), SocketAddr::new(ip, p))),
            ),
            Err(e) => last = format!("address lookup for {name}: {e:?}"),
        }
    }
    if out.is_empty() {
        return Err((
            false,
            if last.is_empty() {
                format!("no addresses for {hop}")
            } else {
                last
            },
        ));
    }
    Ok(out)
}
