//! Where mail goes and where the relay listens: a smart host (name or address, optional
//! port) and a receive connector binding.

use std::fmt;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::str::FromStr;

use super::{Fqdn, ValueError};

/// A smart host: an FQDN or an IP address, with an optional `:port` (an extension to
/// Exchange's syntax so that tests and benchmarks can use loopback ports).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct SmartHost {
    pub host: Host,
    pub port: Option<u16>,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Host {
    Name(Fqdn),
    Ip(IpAddr),
}

impl fmt::Display for Host {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Host::Name(n) => write!(f, "{n}"),
            Host::Ip(IpAddr::V6(v6)) => write!(f, "[{v6}]"),
            Host::Ip(ip) => write!(f, "{ip}"),
        }
    }
}

impl FromStr for SmartHost {
    type Err = ValueError;
    fn from_str(s: &str) -> Result<Self, ValueError> {
        let t = s.trim();
        let bad_port = || ValueError::Port(s.to_string());
        let parse_port = |p: &str| {
            p.parse::<u16>()
                .ok()
                .filter(|p| *p > 0)
                .ok_or_else(bad_port)
        };
        // Postfix's `[host]:port`: the brackets say "no MX lookup", which is what a smart
        // host always is here (its name is looked up by address), so they are accepted
        // around any host and dropped; IPv6 needs them to carry a port.
        if let Some(rest) = t.strip_prefix('[') {
            let (inner, after) = rest
                .split_once(']')
                .ok_or_else(|| ValueError::Unclosed(s.to_string()))?;
            let port = match after.strip_prefix(':') {
                Some(p) => Some(parse_port(p)?),
                None if after.is_empty() => None,
                None => return Err(ValueError::AfterBracket(s.to_string())),
            };
            let host = match inner.parse::<IpAddr>() {
                Ok(ip) => Host::Ip(ip),
                Err(_) if inner.contains(':') => {
                    return Err(ValueError::NotIpv6 {
                        text: s.to_string(),
                        inner: inner.to_string(),
                    });
                }
                Err(_) => Host::Name(inner.parse().map_err(|e| ValueError::BracketedHost {
                    text: s.to_string(),
                    inner: inner.to_string(),
                    source: Box::new(e),
                })?),
            };
            return Ok(SmartHost { host, port });
        }
        if let Ok(ip) = t.parse::<IpAddr>() {
            return Ok(SmartHost {
                host: Host::Ip(ip),
                port: None,
            });
        }
        let (host, port) = match t.rsplit_once(':') {
            Some((h, p)) => (h, Some(parse_port(p)?)),
            None => (t, None),
        };
        let host = match host.parse::<Ipv4Addr>() {
            Ok(ip) => Host::Ip(ip.into()),
            Err(_) => Host::Name(host.parse().map_err(|e| ValueError::SmartHost {
                text: s.to_string(),
                source: Box::new(e),
            })?),
        };
        Ok(SmartHost { host, port })
    }
}

impl fmt::Display for SmartHost {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.host)?;
        if let Some(p) = self.port {
            write!(f, ":{p}")?;
        }
        Ok(())
    }
}

/// A receive connector binding: `0.0.0.0:25`, `127.0.0.1:2525`, `[::1]:2525`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Binding(pub SocketAddr);

impl Binding {
    /// Two bindings overlap when they share a port and one address covers the other
    /// (the unspecified address covers every address of its family).
    pub fn overlaps(&self, other: &Binding) -> bool {
        let (a, b) = (self.0, other.0);
        a.port() == b.port()
            && (a.ip() == b.ip()
                || (a.ip().is_unspecified() && a.is_ipv4() == b.is_ipv4())
                || (b.ip().is_unspecified() && a.is_ipv4() == b.is_ipv4()))
    }
}

impl FromStr for Binding {
    type Err = ValueError;
    fn from_str(s: &str) -> Result<Self, ValueError> {
        s.trim()
            .parse::<SocketAddr>()
            .map(Binding)
            .map_err(|_| ValueError::Binding(s.to_string()))
    }
}

impl fmt::Display for Binding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}
