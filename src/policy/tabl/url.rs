//! URL entries and the links they are matched with: the URL forms "Allow or block URLs
//! using the Tenant Allow/Block List" accepts (host wildcards, paths, percent escapes), and
//! the links found in a message's text.

use std::sync::LazyLock;

use std::net::IpAddr;

use super::{Action, EntryError, MAX_URL};
use crate::state::values::{Fqdn, canonical_ip};

pub(super) fn percent_decode(t: &str) -> String {
    let b = t.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let hex = |c: u8| (c as char).to_digit(16);
        if b[i] == b'%'
            && let (Some(h), Some(l)) = (
                b.get(i + 1).copied().and_then(hex),
                b.get(i + 2).copied().and_then(hex),
            )
        {
            out.push((h * 16 + l) as u8);
            i += 3;
            continue;
        }
        out.push(b[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Which hosts a URL entry covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Hosts {
    /// `contoso.com`: the host (a block also covers its subdomains).
    Exact,
    /// `*.contoso.com`: subdomains only.
    Subdomains,
    /// `~contoso.com`: the domain and its subdomains.
    DomainAndSubdomains,
}

/// Which paths a URL entry covers.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Paths {
    /// No path given: the bare host (a block of a plain host covers every path).
    None,
    /// `contoso.com/a`: that path (a block also covers what is under it).
    Exact(String),
    /// `contoso.com/a/*`: anything under `/a/`.
    Under(String),
    /// `~contoso.com~`: any path.
    Any,
}

/// A URL entry, read by "URL syntax for the Tenant Allow/Block List" ("Allow or block URLs
/// using the Tenant Allow/Block List"): a host name with a period, or an IP address; a left
/// `*.` for subdomains; a right `/*` after a slash for paths; a left `~` for the domain and
/// its subdomains, a right `~` for any path. No ports, no user names, no quotes, no other
/// wildcards.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UrlPattern {
    pub(super) host: String,
    /// The host is an IP address (never a domain with subdomains).
    ip: bool,
    hosts: Hosts,
    paths: Paths,
}

impl UrlPattern {
    pub fn parse(text: &str) -> Result<UrlPattern, EntryError> {
        let bad = |why: &'static str| EntryError::Url(text.to_string(), why);
        if text.len() > MAX_URL {
            return Err(bad("longer than 250 characters"));
        }
        if text.contains(['"', '\'']) {
            return Err(bad("quotes are not allowed"));
        }
        if text.contains(char::is_whitespace) || text.is_empty() {
            return Err(bad("a URL entry has no spaces and is not empty"));
        }
        let t = text.to_ascii_lowercase();
        let t = t
            .strip_prefix("https://")
            .or_else(|| t.strip_prefix("http://"))
            .unwrap_or(&t);
        let (mut left, rest) = match t.find(['/', '?']) {
            Some(i) => (&t[..i], &t[i..]),
            None => (t, ""),
        };
        let mut hosts = Hosts::Exact;
        let mut any_path = false;
        if let Some(l) = left.strip_prefix('~') {
            hosts = Hosts::DomainAndSubdomains;
            left = l;
            if let Some(l) = left.strip_suffix('~')
                && rest.is_empty()
            {
                left = l;
                any_path = true;
            }
        } else if let Some(l) = left.strip_prefix("*.") {
            hosts = Hosts::Subdomains;
            left = l;
        }
        if left.contains('~') || rest.contains('~') {
            return Err(bad(
                "a tilde goes only before the domain (~contoso.com) or after it (~contoso.com~)",
            ));
        }
        if left.contains('@') {
            return Err(bad("a user name or password is not supported"));
        }
        if left.contains('*') {
            return Err(bad(
                "a left wildcard is `*.` before a domain (*.contoso.com); no other wildcard in a host name",
            ));
        }
        let paths = if any_path {
            Paths::Any
        } else if rest.is_empty() || rest == "/" {
            Paths::None
        } else if let Some(under) = rest.strip_suffix("/*") {
            if under.contains('*') {
                return Err(bad(
                    "only one right wildcard, after a slash (contoso.com/a/*)",
                ));
            }
            Paths::Under(format!("{under}/"))
        } else if rest.contains('*') {
            return Err(bad(
                "a right wildcard must follow a slash (contoso.com/*, not contoso.com/a*)",
            ));
        } else {
            Paths::Exact(rest.trim_end_matches('/').to_string())
        };
        let bracketed = left.strip_prefix('[').and_then(|l| l.strip_suffix(']'));
        let ip = bracketed.unwrap_or(left).parse::<IpAddr>();
        let host = match ip {
            Ok(ip) => {
                if hosts != Hosts::Exact {
                    return Err(bad("wildcards are not allowed in IP addresses"));
                }
                canonical_ip(ip).to_string()
            }
            Err(_) => {
                if left.contains(':') {
                    return Err(bad(
                        "ports are not allowed (contoso.com, not contoso.com:443)",
                    ));
                }
                let top_level = hosts == Hosts::Subdomains && paths == Paths::Under("/".into());
                let (l, r) = left.rsplit_once('.').unwrap_or(("", left));
                if !top_level && (l.is_empty() || r.len() < 2) {
                    return Err(bad(
                        "a host name has a period with at least one character before it and two after it (t.co)",
                    ));
                }
                left.parse::<Fqdn>()
                    .map_err(|_| {
                        bad("the host name is not a valid domain name (Punycode for Unicode)")
                    })?
                    .to_string()
            }
        };
        Ok(UrlPattern {
            ip: ip.is_ok(),
            host,
            hosts,
            paths,
        })
    }

    /// Whether the link (host, and path with its query, lower-case) is covered.
    pub(super) fn matches(&self, action: Action, host: &str, path: &str) -> bool {
        let path = if path == "/" { "" } else { path };
        let exact_host = host == self.host;
        let sub = host.len() > self.host.len() + 1
            && host.ends_with(self.host.as_str())
            && host.as_bytes()[host.len() - self.host.len() - 1] == b'.';
        // A plain entry blocks the host's subdomains and paths too; an allow is exact.
        let block_plain = action == Action::Block && self.hosts == Hosts::Exact && !self.ip;
        let host_ok = match self.hosts {
            Hosts::Exact => exact_host || (block_plain && self.paths == Paths::None && sub),
            Hosts::Subdomains => sub,
            Hosts::DomainAndSubdomains => exact_host || sub,
        };
        host_ok
            && match &self.paths {
                Paths::None => path.is_empty() || block_plain,
                Paths::Any => true,
                Paths::Under(p) => path.len() > p.len() && path.starts_with(p.as_str()),
                Paths::Exact(p) => {
                    let p = p.as_str();
                    path.trim_end_matches('/') == p
                        || (action == Action::Block
                            && path.starts_with(p)
                            && matches!(path.as_bytes().get(p.len()), Some(b'/' | b'?')))
                }
            }
    }
}

impl std::fmt::Display for UrlPattern {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let host = if self.host.contains(':') {
            format!("[{}]", self.host)
        } else {
            self.host.clone()
        };
        match self.hosts {
            Hosts::Exact => write!(f, "{host}")?,
            Hosts::Subdomains => write!(f, "*.{host}")?,
            Hosts::DomainAndSubdomains => write!(f, "~{host}")?,
        }
        match &self.paths {
            Paths::None => Ok(()),
            Paths::Any => f.write_str("~"),
            Paths::Exact(p) => f.write_str(p),
            Paths::Under(p) => write!(f, "{p}*"),
        }
    }
}

/// A link as found in a message: host and path (with its query), lower-case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    pub host: String,
    pub path: String,
}

impl Link {
    /// Reads `http://user@host:port/path?query#fragment` (the scheme optional).
    pub fn parse(url: &str) -> Option<Link> {
        let t = url.trim().to_ascii_lowercase();
        let t = t.split_once("://").map_or(t.as_str(), |(_, r)| r);
        let t = t.split('#').next().unwrap_or_default();
        let (authority, path) = match t.find(['/', '?']) {
            Some(i) => (&t[..i], &t[i..]),
            None => (t, ""),
        };
        let authority = authority.rsplit('@').next().unwrap_or_default();
        let host = match authority.strip_prefix('[') {
            Some(v6) => v6.split(']').next().unwrap_or_default(),
            None => authority.split(':').next().unwrap_or_default(),
        };
        let host = host.trim_end_matches('.');
        let host = match host.parse::<IpAddr>() {
            Ok(ip) => canonical_ip(ip).to_string(),
            Err(_) => host.to_string(),
        };
        (!host.is_empty()).then(|| Link {
            host,
            path: path.to_string(),
        })
    }
}

/// Links are looked up to this many per message: enough for any real message, bounded
/// for a hostile one.
const MAX_LINKS: usize = 1000;

static LINK: LazyLock<regex::Regex> =
    LazyLock::new(|| regex::Regex::new(r#"(?i)\bhttps?://[^\s"'<>()\[\]{}]+"#).expect("compiles"));

/// The http(s) links in the message's text and HTML parts (not in attachments).
pub fn links(message: &mail_parser::Message) -> Vec<Link> {
    use mail_parser::{MimeHeaders, PartType};
    let mut out: Vec<Link> = Vec::new();
    for part in &message.parts {
        let text = match &part.body {
            PartType::Text(t) | PartType::Html(t) if part.attachment_name().is_none() => t,
            _ => continue,
        };
        for m in LINK.find_iter(text) {
            // Sentence punctuation after a link is not part of it.
            let url = m.as_str().trim_end_matches(['.', ',', ';', ':', '!']);
            if let Some(l) = Link::parse(url)
                && !out.contains(&l)
            {
                out.push(l);
            }
            if out.len() >= MAX_LINKS {
                return out;
            }
        }
    }
    out
}
