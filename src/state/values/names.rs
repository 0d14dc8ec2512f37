//! Names of mail domains and addresses: an FQDN, a connector's domain pattern and an SMTP
//! address.

use std::fmt;
use std::net::Ipv4Addr;
use std::str::FromStr;

use super::ValueError;

/// A fully qualified domain name (lower-cased; a trailing dot is dropped).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Fqdn(String);

impl Fqdn {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

fn check_fqdn(s: &str) -> Result<String, ValueError> {
    let name = s.trim().trim_end_matches('.').to_ascii_lowercase();
    if name.is_empty() {
        return Err(ValueError::EmptyDomain);
    }
    if name.len() > 253 {
        return Err(ValueError::LongDomain(s.to_string()));
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
            return Err(ValueError::BadLabel(s.to_string()));
        }
    }
    if name.parse::<Ipv4Addr>().is_ok() {
        return Err(ValueError::IpNotDomain(s.to_string()));
    }
    Ok(name)
}

impl FromStr for Fqdn {
    type Err = ValueError;
    fn from_str(s: &str) -> Result<Self, ValueError> {
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
    type Err = ValueError;
    fn from_str(s: &str) -> Result<Self, ValueError> {
        let s = s.trim();
        if s == "*" {
            Ok(DomainPattern::Any)
        } else if let Some(rest) = s.strip_prefix("*.") {
            Ok(DomainPattern::Subdomains(rest.parse()?))
        } else if s.contains('*') {
            Err(ValueError::Wildcard(s.to_string()))
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
    type Err = ValueError;
    fn from_str(s: &str) -> Result<Self, ValueError> {
        let t = s.trim();
        let t = t
            .strip_prefix("SMTP:")
            .or_else(|| t.strip_prefix("smtp:"))
            .unwrap_or(t);
        let (local, domain) = t
            .rsplit_once('@')
            .ok_or_else(|| ValueError::NoAt(s.to_string()))?;
        let atoms_ok = !local.is_empty()
            && local.len() <= 64
            && local
                .split('.')
                .all(|a| !a.is_empty() && a.bytes().all(is_atext));
        if !atoms_ok {
            return Err(ValueError::LocalPart(s.to_string()));
        }
        let domain = domain
            .parse::<Fqdn>()
            .map_err(|e| ValueError::AddressDomain {
                text: s.to_string(),
                source: Box::new(e),
            })?;
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
