//! Exchange's value formats, parsed once and kept in their canonical text form.
//!
//! Every type here parses from the text an admin types (or a YAML scalar) and prints back
//! the form Exchange prints, so the state file stays readable and a round trip is lossless.
//! They deserialize through `FromStr`, which is what gives a hand-edited file an error with
//! its line and column.

use std::fmt;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Implements serde through `Display`/`FromStr`, so files hold the canonical text.
macro_rules! text_serde {
    ($($t:ty),*) => {$(
        impl Serialize for $t {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.collect_str(self)
            }
        }
        impl<'de> Deserialize<'de> for $t {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let text = String::deserialize(d)?;
                text.parse().map_err(serde::de::Error::custom)
            }
        }
    )*};
}

text_serde!(
    IpRange,
    Fqdn,
    DomainPattern,
    SmtpAddress,
    SmartHost,
    Binding,
    ByteSize,
    TimeSpan
);

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
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        let s = s.trim();
        let ip = |t: &str| -> Result<IpAddr, String> {
            t.trim().parse::<IpAddr>().map_err(|_| {
                format!("'{t}' is not an IP address (expected 192.0.2.1, 2001:db8::1, a CIDR block 192.0.2.0/24 or a range 192.0.2.1-192.0.2.50)")
            })
        };
        if let Some((addr, len)) = s.split_once('/') {
            let addr = ip(addr)?;
            let max = if addr.is_ipv4() { 32 } else { 128 };
            let len: u8 = len.parse().ok().filter(|l| *l <= max).ok_or_else(|| {
                format!("'{s}': the prefix length must be a number from 0 to {max}")
            })?;
            return Ok(IpRange::Cidr(addr, len));
        }
        if let Some((a, b)) = s.split_once('-') {
            let (a, b) = (ip(a)?, ip(b)?);
            if a.is_ipv4() != b.is_ipv4() {
                return Err(format!(
                    "'{s}': both ends of a range must be IPv4 or both IPv6"
                ));
            }
            if ip_to_u128(a).1 > ip_to_u128(b).1 {
                return Err(format!(
                    "'{s}': the range starts after it ends; write the lower address first"
                ));
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

/// A fully qualified domain name (lower-cased; a trailing dot is dropped).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Fqdn(String);

impl Fqdn {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

fn check_fqdn(s: &str) -> Result<String, String> {
    let name = s.trim().trim_end_matches('.').to_ascii_lowercase();
    if name.is_empty() {
        return Err("a domain name cannot be empty".into());
    }
    if name.len() > 253 {
        return Err(format!("'{s}' is longer than 253 characters"));
    }
    for label in name.split('.') {
        let ok = !label.is_empty()
            && label.len() <= 63
            && label
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
            && !label.starts_with('-')
            && !label.ends_with('-');
        if !ok {
            return Err(format!(
                "'{s}' is not a valid domain name: each dot-separated label is 1-63 letters, digits or hyphens, not starting or ending with a hyphen"
            ));
        }
    }
    if name.parse::<Ipv4Addr>().is_ok() {
        return Err(format!("'{s}' is an IP address, not a domain name"));
    }
    Ok(name)
}

impl FromStr for Fqdn {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        check_fqdn(s).map(Fqdn)
    }
}

impl fmt::Display for Fqdn {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A domain as connectors name them: `contoso.com`, `*.contoso.com` or `*`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum DomainPattern {
    Any,
    Subdomains(Fqdn),
    Exact(Fqdn),
}

impl DomainPattern {
    /// Whether `domain` (already lower-case) matches. `*.contoso.com` matches
    /// `sales.contoso.com` but not `contoso.com`, as in Exchange.
    pub fn matches(&self, domain: &str) -> bool {
        match self {
            DomainPattern::Any => true,
            DomainPattern::Exact(d) => d.as_str().eq_ignore_ascii_case(domain),
            DomainPattern::Subdomains(d) => {
                let d = d.as_str();
                domain.len() > d.len() + 1
                    && domain[domain.len() - d.len()..].eq_ignore_ascii_case(d)
                    && domain.as_bytes()[domain.len() - d.len() - 1] == b'.'
            }
        }
    }
}

impl FromStr for DomainPattern {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        let s = s.trim();
        if s == "*" {
            Ok(DomainPattern::Any)
        } else if let Some(rest) = s.strip_prefix("*.") {
            Ok(DomainPattern::Subdomains(rest.parse()?))
        } else if s.contains('*') {
            Err(format!(
                "'{s}': a wildcard is only allowed as '*' or at the start, as in '*.contoso.com'"
            ))
        } else {
            Ok(DomainPattern::Exact(s.parse()?))
        }
    }
}

impl fmt::Display for DomainPattern {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DomainPattern::Any => f.write_str("*"),
            DomainPattern::Subdomains(d) => write!(f, "*.{d}"),
            DomainPattern::Exact(d) => write!(f, "{d}"),
        }
    }
}

/// An SMTP address `local@domain` (RFC 5321 dot-atom local part; the domain lower-cased).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SmtpAddress {
    local: String,
    domain: Fqdn,
}

impl SmtpAddress {
    pub fn local(&self) -> &str {
        &self.local
    }
    pub fn domain(&self) -> &str {
        self.domain.as_str()
    }
    /// The key two addresses are equal under: local parts compare case-insensitively,
    /// as Exchange does for its recipients.
    pub fn key(&self) -> String {
        format!("{}@{}", self.local.to_ascii_lowercase(), self.domain)
    }
}

fn is_atext(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"!#$%&'*+-/=?^_`{|}~".contains(&b)
}

impl FromStr for SmtpAddress {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        let t = s.trim();
        let t = t
            .strip_prefix("SMTP:")
            .or_else(|| t.strip_prefix("smtp:"))
            .unwrap_or(t);
        let (local, domain) = t
            .rsplit_once('@')
            .ok_or_else(|| format!("'{s}' is not an SMTP address: expected user@domain"))?;
        let atoms_ok = !local.is_empty()
            && local.len() <= 64
            && local
                .split('.')
                .all(|a| !a.is_empty() && a.bytes().all(is_atext));
        if !atoms_ok {
            return Err(format!(
                "'{s}' is not an SMTP address: the part before @ must be letters, digits and !#$%&'*+-/=?^_`{{|}}~ separated by single dots"
            ));
        }
        let domain = domain
            .parse::<Fqdn>()
            .map_err(|e| format!("'{s}' is not an SMTP address: {e}"))?;
        Ok(SmtpAddress {
            local: local.to_string(),
            domain,
        })
    }
}

impl fmt::Display for SmtpAddress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}@{}", self.local, self.domain)
    }
}

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

/// A size in Exchange's format: `25MB`, `36 MB (37,748,736 bytes)`, `1024`, `unlimited`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ByteSize {
    Bytes(u64),
    Unlimited,
}

impl ByteSize {
    pub const fn mb(n: u64) -> Self {
        ByteSize::Bytes(n * 1024 * 1024)
    }
    /// The limit in bytes, `None` when unlimited.
    pub fn limit(&self) -> Option<u64> {
        match self {
            ByteSize::Bytes(b) => Some(*b),
            ByteSize::Unlimited => None,
        }
    }
}

const UNITS: [(&str, u64); 5] = [
    ("TB", 1 << 40),
    ("GB", 1 << 30),
    ("MB", 1 << 20),
    ("KB", 1 << 10),
    ("B", 1),
];

impl FromStr for ByteSize {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        let t = s.trim();
        if t.eq_ignore_ascii_case("unlimited") {
            return Ok(ByteSize::Unlimited);
        }
        let bad = || {
            format!(
                "'{s}' is not a size: expected a number with an optional unit (B, KB, MB, GB, TB), such as 25MB, or 'unlimited'"
            )
        };
        // Exchange prints "36 MB (37,748,736 bytes)": the exact count in brackets wins.
        if let Some(open) = t.find('(') {
            let inner = t[open + 1..].trim_end_matches(')').trim();
            let digits = inner
                .strip_suffix("bytes")
                .ok_or_else(bad)?
                .trim()
                .replace(',', "");
            return digits.parse().map(ByteSize::Bytes).map_err(|_| bad());
        }
        let split = t
            .find(|c: char| !(c.is_ascii_digit() || c == '.'))
            .unwrap_or(t.len());
        let (num, unit) = (&t[..split], t[split..].trim());
        let num: f64 = num.parse().map_err(|_| bad())?;
        let mult = if unit.is_empty() {
            1
        } else {
            UNITS
                .iter()
                .find(|(u, _)| {
                    u.eq_ignore_ascii_case(unit)
                        || (unit.len() == 1
                            && u.starts_with(&unit.to_ascii_uppercase())
                            && *u != "B")
                })
                .map(|(_, m)| *m)
                .ok_or_else(bad)?
        };
        let bytes = num * mult as f64;
        if !bytes.is_finite() || bytes < 0.0 || bytes > u64::MAX as f64 || bytes.fract() != 0.0 {
            return Err(bad());
        }
        Ok(ByteSize::Bytes(bytes as u64))
    }
}

fn group_thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

impl fmt::Display for ByteSize {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let bytes = match self {
            ByteSize::Unlimited => return f.write_str("Unlimited"),
            ByteSize::Bytes(b) => *b,
        };
        let (unit, mult) = UNITS
            .iter()
            .find(|(_, m)| bytes >= *m)
            .copied()
            .unwrap_or(("B", 1));
        let value = bytes as f64 / mult as f64;
        let shown = format!("{value:.3}");
        let shown = shown.trim_end_matches('0').trim_end_matches('.');
        write!(f, "{shown} {unit} ({} bytes)", group_thousands(bytes))
    }
}

/// A time span in .NET's format `[d.]hh:mm:ss`, as Exchange's ConnectionTimeout takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TimeSpan(pub u64);

impl TimeSpan {
    pub fn seconds(&self) -> u64 {
        self.0
    }
}

impl FromStr for TimeSpan {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        let t = s.trim();
        let bad = || {
            format!(
                "'{s}' is not a time span: expected hh:mm:ss or d.hh:mm:ss, such as 00:01:00 for one minute"
            )
        };
        let (days, clock) = match t.split_once('.') {
            Some((d, rest)) if rest.contains(':') && !d.contains(':') => {
                (d.parse::<u64>().map_err(|_| bad())?, rest)
            }
            _ => (0, t),
        };
        let parts: Vec<&str> = clock.split(':').collect();
        if parts.len() != 3 {
            return Err(bad());
        }
        let num = |p: &str, max: u64| p.parse::<u64>().ok().filter(|v| *v < max).ok_or_else(bad);
        let (h, m, sec) = (num(parts[0], 24)?, num(parts[1], 60)?, num(parts[2], 60)?);
        let seconds = days
            .checked_mul(86_400)
            .and_then(|d| d.checked_add(h * 3600 + m * 60 + sec));
        seconds.map(TimeSpan).ok_or_else(bad)
    }
}

impl fmt::Display for TimeSpan {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (d, rest) = (self.0 / 86_400, self.0 % 86_400);
        if d > 0 {
            write!(f, "{d}.")?;
        }
        write!(
            f,
            "{:02}:{:02}:{:02}",
            rest / 3600,
            rest % 3600 / 60,
            rest % 60
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ip_ranges_parse_and_match() {
        let r: IpRange = "10.0.0.1-10.0.0.50".parse().unwrap();
        assert!(r.contains("10.0.0.50".parse().unwrap()));
        assert!(!r.contains("10.0.0.51".parse().unwrap()));
        let c: IpRange = "5.6.7.0/24".parse().unwrap();
        assert!(c.contains("5.6.7.255".parse().unwrap()));
        assert!(c.contains("::ffff:5.6.7.1".parse().unwrap()));
        assert!(!c.contains("5.6.8.0".parse().unwrap()));
        let v6: IpRange = "2001:db8::/32".parse().unwrap();
        assert!(v6.contains("2001:db8:1::1".parse().unwrap()));
        assert!(v6.overlaps(&"2001:db8:ffff::1".parse().unwrap()));
        assert!(!v6.overlaps(&c));
        assert!("1.2.3".parse::<IpRange>().is_err());
        assert!("1.2.3.4/33".parse::<IpRange>().is_err());
        assert!("10.0.0.9-10.0.0.1".parse::<IpRange>().is_err());
        assert!("10.0.0.1-::1".parse::<IpRange>().is_err());
        assert_eq!("0.0.0.0/0".parse::<IpRange>().unwrap().size(), 1 << 32);
        // Every IPv6 address, without overflowing (it once held only `::`).
        let all6: IpRange = "::/0".parse().unwrap();
        assert!(all6.contains("2001:db8::1".parse().unwrap()));
        assert_eq!(all6.size(), u128::MAX);
    }

    #[test]
    fn domains_and_patterns() {
        assert_eq!(
            "Contoso.COM.".parse::<Fqdn>().unwrap().as_str(),
            "contoso.com"
        );
        assert!("bad..com".parse::<Fqdn>().is_err());
        assert!("-x.com".parse::<Fqdn>().is_err());
        assert!("a b.com".parse::<Fqdn>().is_err());
        let p: DomainPattern = "*.contoso.com".parse().unwrap();
        assert!(p.matches("sales.contoso.com"));
        assert!(!p.matches("contoso.com"));
        assert!(!p.matches("xcontoso.com"));
        assert!("con*.com".parse::<DomainPattern>().is_err());
    }

    #[test]
    fn smtp_addresses() {
        let a: SmtpAddress = "John.Doe@Contoso.com".parse().unwrap();
        assert_eq!(a.to_string(), "John.Doe@contoso.com");
        assert_eq!(a.key(), "john.doe@contoso.com");
        for bad in [
            "nobody",
            "a..b@x.com",
            "@x.com",
            "a@",
            "a b@x.com",
            "\"a@b\"@x.com",
        ] {
            assert!(bad.parse::<SmtpAddress>().is_err(), "{bad}");
        }
    }

    #[test]
    fn smart_hosts() {
        assert_eq!(
            "mail.contoso.com".parse::<SmartHost>().unwrap().to_string(),
            "mail.contoso.com"
        );
        assert_eq!(
            "127.0.0.1:2526".parse::<SmartHost>().unwrap().port,
            Some(2526)
        );
        assert_eq!(
            "[::1]:25".parse::<SmartHost>().unwrap().to_string(),
            "[::1]:25"
        );
        // Postfix's form, as operators write relayhost.
        assert_eq!(
            "[127.0.0.1]:2600".parse::<SmartHost>().unwrap().to_string(),
            "127.0.0.1:2600"
        );
        assert_eq!(
            "[mail.contoso.com]"
                .parse::<SmartHost>()
                .unwrap()
                .to_string(),
            "mail.contoso.com"
        );
        assert!("[mail.contoso.com".parse::<SmartHost>().is_err());
        assert_eq!("::1".parse::<SmartHost>().unwrap().to_string(), "[::1]");
        assert!("mail.contoso.com:0".parse::<SmartHost>().is_err());
        assert!("mail contoso".parse::<SmartHost>().is_err());
    }

    #[test]
    fn sizes_in_exchange_format() {
        assert_eq!("25MB".parse::<ByteSize>().unwrap(), ByteSize::mb(25));
        assert_eq!("25 mb".parse::<ByteSize>().unwrap(), ByteSize::mb(25));
        assert_eq!(
            "36 MB (37,748,736 bytes)".parse::<ByteSize>().unwrap(),
            ByteSize::Bytes(37_748_736)
        );
        assert_eq!(ByteSize::mb(36).to_string(), "36 MB (37,748,736 bytes)");
        assert_eq!(ByteSize::Bytes(1536).to_string(), "1.5 KB (1,536 bytes)");
        assert_eq!(
            "unlimited".parse::<ByteSize>().unwrap(),
            ByteSize::Unlimited
        );
        assert_eq!("1024".parse::<ByteSize>().unwrap(), ByteSize::Bytes(1024));
        assert!("25 parsecs".parse::<ByteSize>().is_err());
        for s in [
            ByteSize::mb(10),
            ByteSize::Bytes(7),
            ByteSize::Bytes(123_456_789),
        ] {
            assert_eq!(s.to_string().parse::<ByteSize>().unwrap(), s);
        }
    }

    #[test]
    fn time_spans() {
        assert_eq!("00:01:00".parse::<TimeSpan>().unwrap().seconds(), 60);
        assert_eq!(
            "1.02:00:00".parse::<TimeSpan>().unwrap().to_string(),
            "1.02:00:00"
        );
        assert!("00:61:00".parse::<TimeSpan>().is_err());
        assert!("60".parse::<TimeSpan>().is_err());
    }

    #[test]
    fn bindings_overlap() {
        let any: Binding = "0.0.0.0:25".parse().unwrap();
        let lo: Binding = "127.0.0.1:25".parse().unwrap();
        let v6: Binding = "[::1]:25".parse().unwrap();
        assert!(any.overlaps(&lo));
        assert!(!any.overlaps(&v6));
        assert!(!lo.overlaps(&"127.0.0.1:2525".parse().unwrap()));
    }
}
