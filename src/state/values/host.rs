//! Where mail goes and where the relay listens: a smart host (name or address, optional
//! port) and a receive connector binding.

use std::fmt;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::str::FromStr;

use super::Fqdn;

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
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        let t = s.trim();
        let bad_port = || format!("'{s}': the port after ':' must be a number from 1 to 65535");
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
            let (inner, after) = rest.split_once(']').ok_or_else(|| {
                format!("'{s}': a bracketed smart host is written [host] or [host]:port")
            })?;
            let port = match after.strip_prefix(':') {
                Some(p) => Some(parse_port(p)?),
                None if after.is_empty() => None,
                None => return Err(format!("'{s}': unexpected text after ']'")),
            };
            let host = match inner.parse::<IpAddr>() {
                Ok(ip) => Host::Ip(ip),
                Err(_) if inner.contains(':') => {
                    return Err(format!("'{s}': '{inner}' is not an IPv6 address"));
                }
                Err(_) => Host::Name(inner.parse().map_err(|e| {
                    format!("'{s}': '{inner}' is not a host name or IP address: {e}")
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
            Err(_) => Host::Name(host.parse().map_err(|e| {
                format!(
                    "'{s}' is not a smart host (an FQDN or IP address, optionally with :port): {e}"
                )
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
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        s.trim().parse::<SocketAddr>().map(Binding).map_err(|_| {
            format!("'{s}' is not a binding: expected address:port, such as 0.0.0.0:25, 127.0.0.1:2525 or [::1]:2525")
        })
    }
}

impl fmt::Display for Binding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}
