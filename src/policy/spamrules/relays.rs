//! The `X-Spam-Relays-Untrusted` pseudo-header: the Received headers parsed into
//! `[ ip=… rdns=… helo=… by=… ident= envfrom= intl=0 id= auth= msa=0 ]` entries, newest
//! first, as SpamAssassin's Received parser writes them. With no trusted_networks,
//! SpamAssassin trusts only hops from private addresses at the top: the first Received
//! header naming a public client (the one the gateway itself adds for the connecting
//! client) starts the untrusted relays. Rules such as RDNS_NONE and the dynamic-rDNS
//! tests read it.

use std::net::IpAddr;
use std::sync::LazyLock;

use regex::Regex;

static FROM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?is)^\s*from\s+(\S+)\s+\((?:([^\s\[\]()]+)\s+)?(?:\(\S*\)\s*)?\[(?:IPv6:)?([0-9a-f.:]+)\][^)]*\)(?:.*?\bby\s+([^\s;]+))?(?:.*?\bid\s+([^\s;]+))?",
    )
    .expect("compiles")
});

/// One parsed hop.
#[derive(Debug, Clone, PartialEq)]
pub struct Relay {
    pub ip: IpAddr,
    pub rdns: String,
    pub helo: String,
    pub by: String,
    pub id: String,
}

pub fn parse(received: &str) -> Option<Relay> {
    let c = FROM.captures(received)?;
    let ip: IpAddr = c[3].parse().ok()?;
    let rdns = c.get(2).map_or("", |m| m.as_str());
    let rdns = if rdns.eq_ignore_ascii_case("unknown") || rdns.parse::<IpAddr>().is_ok() {
        ""
    } else {
        rdns
    };
    Some(Relay {
        ip,
        rdns: rdns.to_ascii_lowercase(),
        helo: c[1].to_string(),
        by: c.get(4).map_or("", |m| m.as_str()).to_string(),
        id: c.get(5).map_or("", |m| m.as_str()).to_string(),
    })
}

fn private(ip: &IpAddr) -> bool {
    match ip {
        IpAddr::V4(v) => v.is_private() || v.is_loopback() || v.is_link_local(),
        IpAddr::V6(v) => v.is_loopback() || (v.segments()[0] & 0xfe00) == 0xfc00,
    }
}

/// `received`: the Received header values, newest first.
pub fn untrusted<'a>(received: impl Iterator<Item = &'a str>) -> String {
    let relays: Vec<Relay> = received.filter_map(parse).collect();
    let first_public = relays
        .iter()
        .position(|r| !private(&r.ip))
        .unwrap_or(relays.len());
    relays[first_public..]
        .iter()
        .map(|r| {
            format!(
                "[ ip={} rdns={} helo={} by={} ident= envfrom= intl=0 id={} auth= msa=0 ]",
                r.ip, r.rdns, r.helo, r.by, r.id
            )
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn postfix_style() {
        let r = parse(
            "from mail.example.com (mail.example.com [203.0.113.7]) by mx.example.org (Postfix) with ESMTP id 4ABC; Thu, 1 Jan 2026",
        )
        .unwrap();
        assert_eq!(r.ip.to_string(), "203.0.113.7");
        assert_eq!(r.rdns, "mail.example.com");
        assert_eq!(r.by, "mx.example.org");
        assert_eq!(r.id, "4ABC");
        let r = parse("from friend (unknown [198.51.100.2]) by mx").unwrap();
        assert_eq!(r.rdns, "");
        assert_eq!(r.helo, "friend");
        assert!(parse("by localhost with LMTP").is_none());
    }
}
