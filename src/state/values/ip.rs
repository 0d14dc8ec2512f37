//! IP addresses and ranges as connectors and allow/block lists take them: a single address,
//! a CIDR block or an Exchange-style range.

use std::fmt;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};
use std::str::FromStr;

use super::ValueError;

/// An IP address, a CIDR block or an Exchange-style range `10.0.0.1-10.0.0.50`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum IpRange {
    Single(IpAddr),
    Cidr(IpAddr, u8),
    Range(IpAddr, IpAddr),
}

fn ip_to_u128(ip: IpAddr) -> (bool, u128) {
    match ip {
        IpAddr::V4(v4) => (false, u32::from(v4) as u128),
        IpAddr::V6(v6) => (true, u128::from(v6)),
    }
}

/// IPv4-mapped IPv6 addresses (`::ffff:1.2.3.4`) are the IPv4 address: a dual-stack
/// listener reports IPv4 clients that way and must match IPv4 ranges.
pub fn canonical_ip(ip: IpAddr) -> IpAddr {
    match ip {
        IpAddr::V6(v6) => v6.to_ipv4_mapped().map_or(ip, IpAddr::V4),
        v4 => v4,
    }
}

impl IpRange {
    /// First and last address as integers, and whether the family is IPv6.
    pub fn bounds(&self) -> (bool, u128, u128) {
        match *self {
            IpRange::Single(ip) => {
                let (v6, n) = ip_to_u128(ip);
                (v6, n, n)
            }
            IpRange::Cidr(ip, len) => {
                let (v6, n) = ip_to_u128(ip);
                let bits = if v6 { 128 } else { 32 };
                let host = bits - u32::from(len);
                let mask = if host == 128 { 0 } else { !0u128 << host };
                let mask = if v6 { mask } else { mask & 0xffff_ffff };
                let start = n & mask;
                let end = match host {
                    0 => start,
                    // `::/0`: every address (1 << 128 would overflow).
                    128 => u128::MAX,
                    _ => start | ((1u128 << host) - 1),
                };
                (v6, start, end)
            }
            IpRange::Range(a, b) => {
                let (v6, s) = ip_to_u128(a);
                let (_, e) = ip_to_u128(b);
                (v6, s, e)
            }
        }
    }

    pub fn contains(&self, ip: IpAddr) -> bool {
        let (v6, n) = ip_to_u128(canonical_ip(ip));
        let (rv6, s, e) = self.bounds();
        v6 == rv6 && s <= n && n <= e
    }

    pub fn overlaps(&self, other: &IpRange) -> bool {
        let (a6, a1, a2) = self.bounds();
        let (b6, b1, b2) = other.bounds();
        a6 == b6 && a1 <= b2 && b1 <= a2
    }

    /// How many addresses the range covers (saturating): smaller is more specific.
    pub fn size(&self) -> u128 {
        let (_, s, e) = self.bounds();
        (e - s).saturating_add(1)
    }

    /// Every IPv4 and IPv6 address: Exchange's default RemoteIPRanges.
    pub fn everything() -> Vec<IpRange> {
        vec![
            IpRange::Range(Ipv4Addr::UNSPECIFIED.into(), Ipv4Addr::BROADCAST.into()),
            IpRange::Range(
                Ipv6Addr::UNSPECIFIED.into(),
                Ipv6Addr::from(u128::MAX).into(),
            ),
        ]
    }
}

impl FromStr for IpRange {
    type Err = ValueError;
    fn from_str(s: &str) -> Result<Self, ValueError> {
        let s = s.trim();
        let ip = |t: &str| -> Result<IpAddr, ValueError> {
            t.trim()
                .parse::<IpAddr>()
                .map_err(|_| ValueError::NotAnIp(t.to_string()))
        };
        if let Some((addr, len)) = s.split_once('/') {
            let addr = ip(addr)?;
            let max = if addr.is_ipv4() { 32 } else { 128 };
            let len: u8 =
                len.parse()
                    .ok()
                    .filter(|l| *l <= max)
                    .ok_or_else(|| ValueError::PrefixLength {
                        text: s.to_string(),
                        max,
                    })?;
            return Ok(IpRange::Cidr(addr, len));
        }
        if let Some((a, b)) = s.split_once('-') {
            let (a, b) = (ip(a)?, ip(b)?);
            if a.is_ipv4() != b.is_ipv4() {
                return Err(ValueError::MixedFamilies(s.to_string()));
            }
            if ip_to_u128(a).1 > ip_to_u128(b).1 {
                return Err(ValueError::ReversedRange(s.to_string()));
            }
            return Ok(IpRange::Range(a, b));
        }
        Ok(IpRange::Single(ip(s)?))
    }
}

impl fmt::Display for IpRange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            IpRange::Single(ip) => write!(f, "{ip}"),
            IpRange::Cidr(ip, len) => write!(f, "{ip}/{len}"),
            IpRange::Range(a, b) => write!(f, "{a}-{b}"),
        }
    }
}
