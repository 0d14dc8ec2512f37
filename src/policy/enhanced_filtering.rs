//! Enhanced Filtering for Connectors (`EFSkipIPs`, `EFSkipLastIP` on an InboundConnector):
//! when mail reaches the relay through a server in front (the on-premises server, a
//! third-party filter), the connecting address is that server's, not the original
//! sender's. Filtering that judges the sender's address (connection filter, SPF) should
//! judge the original one, which the servers in front recorded in their Received headers.
//!
//! As in Exchange: with EFSkipLastIP $true, the last hop (the client connected to the
//! relay) is skipped and the address it recorded is used; with EFSkipLastIP $false,
//! the hops whose addresses are in EFSkipIPs are skipped, newest first, and the first
//! address not in the list is used; with neither, enhanced filtering is off and the
//! connecting address is used.

use std::net::IpAddr;

use super::decision::{Blame, Client, Origin};
use crate::state::State;
use crate::state::values::canonical_ip;

/// The address filtering should judge, and why. `None` for the relay's own mail.
/// `received` are the values of the message's Received headers as it arrived, newest
/// (topmost) first.
pub fn original_ip(state: &State, client: &Client, received: &[String]) -> Option<(IpAddr, Blame)> {
    let Origin::Client(peer) = client.origin else {
        return None;
    };
    let peer = canonical_ip(peer);
    let connector = client
        .connector
        .as_ref()
        .and_then(|(name, _)| state.inbound_connectors.iter().find(|c| &c.name == name));
    let Some(c) = connector.filter(|c| c.ef_skip_last_ip || !c.ef_skip_ips.is_empty()) else {
        return Some((
            peer,
            Blame::new(
                "connecting client",
                format!(
                    "{peer} connected; no enhanced filtering (EFSkipLastIP, EFSkipIPs) applies"
                ),
            ),
        ));
    };
    let object = format!("InboundConnector \"{}\"", c.name);
    let hops: Vec<IpAddr> = std::iter::once(peer)
        .chain(received.iter().filter_map(|h| from_ip(h)))
        .collect();
    if c.ef_skip_last_ip {
        return Some(match hops.get(1) {
            Some(ip) => (
                *ip,
                Blame::new(
                    object,
                    format!(
                        "EFSkipLastIP: skipped {peer}; {ip} is the hop before it in the Received headers"
                    ),
                ),
            ),
            None => (
                peer,
                Blame::new(
                    object,
                    format!(
                        "EFSkipLastIP: no Received header names a hop before {peer}, so {peer} is used"
                    ),
                ),
            ),
        });
    }
    let skipped = hops
        .iter()
        .take_while(|ip| c.ef_skip_ips.iter().any(|r| r.contains(**ip)))
        .count();
    Some(match hops.get(skipped) {
        Some(ip) => (
            *ip,
            Blame::new(
                object,
                if skipped == 0 {
                    format!("EFSkipIPs: {ip} connected and is not in the list")
                } else {
                    format!(
                        "EFSkipIPs: skipped {}; {ip} is the first hop not in the list",
                        hops[..skipped]
                            .iter()
                            .map(ToString::to_string)
                            .collect::<Vec<_>>()
                            .join(", ")
                    )
                },
            ),
        ),
        None => {
            let earliest = *hops.last().unwrap_or(&peer);
            (
                earliest,
                Blame::new(
                    object,
                    format!(
                        "EFSkipIPs: every hop is in the list; the earliest, {earliest}, is used"
                    ),
                ),
            )
        }
    })
}

/// The address a Received header says the message came from: in its `from` clause, the
/// bracketed address (`from mx.example (mx.example [192.0.2.1])`, Postfix and eopctl) or
/// else a bare one in parentheses (`from mx.example (192.0.2.1)`, Exchange).
pub fn from_ip(received: &str) -> Option<IpAddr> {
    let text = received.trim_start();
    let lower = text.to_ascii_lowercase();
    let rest = lower.strip_prefix("from")?;
    let from = &text[4..4 + rest.find(" by ").unwrap_or(rest.len())];
    let parse = |s: &str| {
        let s = s.trim_matches(|c: char| matches!(c, '[' | ']' | '(' | ')' | ';' | ','));
        let s = s
            .strip_prefix("IPv6:")
            .or_else(|| s.strip_prefix("ipv6:"))
            .unwrap_or(s);
        s.parse::<IpAddr>().ok().map(canonical_ip)
    };
    let bracketed = from
        .split('[')
        .skip(1)
        .filter_map(|part| part.split(']').next())
        .filter_map(parse)
        .last();
    bracketed.or_else(|| {
        from.split(|c: char| c.is_whitespace() || c == '(' || c == ')')
            .skip(2)
            .find_map(parse)
    })
}

/// The values of a message's Received headers, unfolded, topmost first.
pub fn received_headers(message: &[u8]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut in_received = false;
    for line in message.split(|b| *b == b'\n') {
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        if line.is_empty() {
            break;
        }
        if matches!(line[0], b' ' | b'\t') {
            if in_received && let Some(last) = out.last_mut() {
                last.push(' ');
                last.push_str(String::from_utf8_lossy(line).trim());
            }
            continue;
        }
        in_received = line.len() >= 9 && line[..9].eq_ignore_ascii_case(b"received:");
        if in_received {
            out.push(String::from_utf8_lossy(&line[9..]).trim().to_string());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::policy::connection::identify;
    use crate::policy::decision::TlsFacts;

    fn state(connector: &str) -> State {
        let text = format!(
            "apiVersion: eopctl/v3\nInboundConnectors:\n  - {{ Name: Filter, ConnectorType: Partner, SenderDomains: ['*'], SenderIPAddresses: [198.51.100.0/24]{connector} }}\n"
        );
        crate::state::store::parse(&text, std::path::Path::new("t.yaml")).unwrap()
    }

    const MESSAGE: &[u8] = b"Received: from filter2.example (filter2.example [198.51.100.7])\r\n\tby filter1.example with ESMTP; Mon, 1 Jan 2026 00:00:00 +0000\r\nReceived: from mx.sender.example (mx.sender.example\r\n [203.0.113.9]) by filter2.example with ESMTP\r\nReceived: from laptop (10.1.1.1) by mx.sender.example\r\nSubject: hi\r\nReceived: not a header, the body\r\n\r\nReceived: body\r\n";

    fn at(s: &State) -> (IpAddr, Blame) {
        let client = identify(
            s,
            Origin::Client("198.51.100.5".parse().unwrap()),
            &TlsFacts::default(),
        );
        original_ip(s, &client, &received_headers(MESSAGE)).unwrap()
    }

    #[test]
    fn received_headers_are_read_unfolded_and_their_source_found() {
        let r = received_headers(MESSAGE);
        assert_eq!(r.len(), 4);
        let ips: Vec<Option<IpAddr>> = r.iter().map(|h| from_ip(h)).collect();
        let ip = |s: &str| Some(s.parse().unwrap());
        assert_eq!(
            ips,
            [ip("198.51.100.7"), ip("203.0.113.9"), ip("10.1.1.1"), None]
        );
        assert_eq!(
            from_ip("from x ([IPv6:2001:db8::1]) by y"),
            ip("2001:db8::1")
        );
        assert_eq!(from_ip("by y from ([192.0.2.1])"), None);
    }

    #[test]
    fn exchange_semantics_of_ef_skip_last_ip_and_ef_skip_ips() {
        let (ip, b) = at(&state(""));
        assert_eq!(ip.to_string(), "198.51.100.5");
        assert!(b.reason.contains("no enhanced filtering"));
        let (ip, b) = at(&state(", EFSkipLastIP: true"));
        assert_eq!(ip.to_string(), "198.51.100.7");
        assert_eq!(b.object, "InboundConnector \"Filter\"");
        let (ip, b) = at(&state(", EFSkipIPs: [198.51.100.0/24]"));
        assert_eq!(ip.to_string(), "203.0.113.9");
        assert!(
            b.reason.contains("skipped 198.51.100.5, 198.51.100.7"),
            "{}",
            b.reason
        );
        let (ip, _) = at(&state(", EFSkipIPs: [192.0.2.0/24]"));
        assert_eq!(ip.to_string(), "198.51.100.5");
        let (ip, b) = at(&state(", EFSkipIPs: [0.0.0.0/0]"));
        assert_eq!(ip.to_string(), "10.1.1.1");
        assert!(b.reason.contains("every hop"));
        // An anonymous client gets no enhanced filtering, whatever its headers say.
        let s = state(", EFSkipLastIP: true");
        let anon = identify(
            &s,
            Origin::Client("192.0.2.1".parse().unwrap()),
            &TlsFacts::default(),
        );
        assert_eq!(
            original_ip(&s, &anon, &received_headers(MESSAGE))
                .unwrap()
                .0
                .to_string(),
            "192.0.2.1"
        );
    }
}
