//! Links in the rendered body text as SpamAssassin finds them (PerMsgStatus's
//! `_process_text_uri_list`, after how Thunderbird and Outlook Express linkify text):
//! `http://`, `ftp://`, `www.` and `ftp.` links; e-mail addresses, as `mailto:` links;
//! and, given the rule files' top-level domains, bare host names (`example.com/path`).
//! Trailing punctuation is dropped, a `)` without its `(` ends the link, and an address
//! or host whose domain has no known top-level domain is no link.

use std::collections::HashSet;
use std::sync::LazyLock;

use regex::Regex;

use super::registry::Registry;

/// Characters that end a link (`><"`}]{[|`, white space, ESC, no-break space).
const END: &str = r#"><"`}\]{\[|\s\x1b\xa0"#;
/// An address also ends at `,`, `(`, `'` and non-ASCII text.
const END_MAIL: &str = r#"><"`}\]{\[|\s\x1b\xa0,('\x{80}-\x{10FFFF}"#;
/// What may come before a bare host name.
const HOST_START: &str = r##"!"#$&'()*+,/:;<=>?@\[\\\]^`{|}~\s\x1b\xa0"##;

/// The scheme and address patterns; `bare` adds the host name one (its top-level domain
/// is checked after). Case is ignored only in the words (a case-insensitive class of
/// non-ASCII text would take in `ſ` and so `s`). Lengths are bounded after matching.
fn pattern(bare: bool) -> String {
    let known = format!(r"(?:(?i:https?|ftp)://|(?i:www\d{{0,2}}|ftp)\.)[^{END}]+");
    let mail = format!(r"(?i:mailto):[^{END_MAIL}]+|[^{END_MAIL}@]+@[^{END_MAIL}]+");
    let mut p = format!(r"\b(?:({known})|({mail}))");
    if bare {
        p.push_str(&format!(
            r"|(?:^|[{HOST_START}])(([a-zA-Z\d][a-zA-Z\d._-]*\.[a-zA-Z][a-zA-Z\d-]*)\.?(?::\d{{1,5}})?(?:/[^{END}]+)?)"
        ));
    }
    p
}

static SCHEMES: LazyLock<Regex> = LazyLock::new(|| Regex::new(&pattern(false)).expect("compiles"));
static WITH_HOSTS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&pattern(true)).expect("compiles"));

/// The links in the body lines, each once, in order.
pub fn text_uris<'a>(
    lines: impl Iterator<Item = &'a str>,
    registry: Option<&Registry>,
) -> Vec<String> {
    let re = if registry.is_some() {
        &*WITH_HOSTS
    } else {
        &*SCHEMES
    };
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for line in lines {
        for c in re.captures_iter(line) {
            let (raw, kind) = match (c.get(1), c.get(2), c.get(3)) {
                (Some(k), _, _) => (k.as_str(), Kind::Scheme),
                (_, Some(m), _) => (m.as_str(), Kind::Mail),
                (_, _, Some(s)) => (s.as_str(), Kind::Bare(c.get(4).map_or("", |h| h.as_str()))),
                _ => continue,
            };
            if let Some(uri) = clean(raw, kind, registry)
                && seen.insert(uri.clone())
            {
                out.push(uri);
            }
            if out.len() >= 1000 {
                return out;
            }
        }
    }
    out
}

#[derive(Clone, Copy)]
enum Kind<'a> {
    Scheme,
    Mail,
    Bare(&'a str),
}

/// A found link as the rules see it, or None when it is not one.
fn clean(raw: &str, kind: Kind, registry: Option<&Registry>) -> Option<String> {
    // A ')' ends the link unless a '(' came before it; trailing punctuation is dropped.
    let mut raw = raw;
    if let Some(close) = raw.find(')')
        && !raw[..close].contains('(')
    {
        raw = &raw[..close];
    }
    let raw = raw.trim_end_matches(|c: char| "-~!@#^&*()_+=:;'?,.".contains(c));
    if let Kind::Mail = kind
        && !raw.contains('@')
    {
        return None;
    }
    if let Kind::Bare(host) = kind
        && !(fqdn_valid(host) && registry.is_some_and(|r| r.is_domain_valid(host)))
    {
        return None;
    }
    if raw.len() > 2048 {
        return None;
    }
    let lower = raw.to_ascii_lowercase();
    if lower.starts_with("cid:") || lower.starts_with("mid:") {
        return None;
    }
    if let Some((scheme, rest)) = lower.split_once(':')
        && scheme.chars().all(|c| c.is_alphanumeric() || c == '_')
        && rest.trim_start_matches('/').is_empty()
    {
        return None;
    }
    let uri = if ["http:", "https:", "ftp:", "mailto:"]
        .iter()
        .any(|s| lower.starts_with(s))
    {
        raw.to_string()
    } else if lower.starts_with("ftp.") {
        format!("ftp://{raw}")
    } else if lower.starts_with("www") && www_prefix(&lower)
        || raw.find('/').is_some_and(|s| raw[s..].contains('@'))
    {
        // `www.` links, and a '/' before an '@' (no address has one).
        format!("http://{raw}")
    } else if let Some(at) = raw.find('@') {
        if !raw[at + 1..].contains('.') || raw.contains("&nbsp;") {
            return None;
        }
        let bare = raw.trim_start_matches(':');
        let bare = [
            "skype:", "mail:", "email:", "e-mail:", "e-mail", "email", "mail", "skype",
        ]
        .iter()
        .find_map(|p| {
            bare.get(..p.len())
                .filter(|h| h.eq_ignore_ascii_case(p))
                .and_then(|_| bare[p.len()..].strip_prefix(':'))
        })
        .map_or(bare, |b| b.trim_start_matches(':'));
        format!("mailto:{bare}")
    } else if raw.contains('.') {
        format!("http://{raw}")
    } else {
        return None;
    };
    if uri
        .get(..7)
        .is_some_and(|p| p.eq_ignore_ascii_case("mailto:"))
    {
        let host = uri.split_once('@')?.1;
        let host = host.split(['?', '&', '>']).next().unwrap_or("");
        let host = host.trim_end_matches("%20");
        let valid = match registry {
            Some(r) => r.is_domain_valid(host),
            None => host.rsplit_once('.').is_some_and(|(_, tld)| {
                tld.len() >= 2 && tld.chars().all(|c| c.is_ascii_alphabetic())
            }),
        };
        if !valid {
            return None;
        }
    }
    Some(uri)
}

/// `www`, up to two digits, then a dot.
fn www_prefix(lower: &str) -> bool {
    let rest = &lower[3..];
    let digits = rest.chars().take_while(char::is_ascii_digit).count();
    digits <= 2 && rest[digits..].starts_with('.')
}

/// A syntactically valid host name: two labels or more of letters, digits, `-` inside
/// and `_` (not in the last two), 1-63 characters each, 253 in all.
fn fqdn_valid(host: &str) -> bool {
    let host = host.to_ascii_lowercase();
    let host = host.trim_end_matches('.');
    let labels: Vec<&str> = host.split('.').collect();
    host.len() <= 253
        && labels.len() > 1
        && labels.iter().enumerate().all(|(i, l)| {
            let last_two = i + 2 >= labels.len();
            (1..=63).contains(&l.len())
                && l.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
                && !l.starts_with('-')
                && !l.ends_with('-')
                && !(last_two && l.contains('_'))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str, registry: Option<&Registry>) -> Vec<String> {
        text_uris(std::iter::once(text), registry)
    }

    #[test]
    fn schemes_addresses_and_bare_hosts() {
        assert_eq!(
            found("see http://a.example/x. and (www.b.example/y) now", None),
            ["http://a.example/x", "http://www.b.example/y"]
        );
        assert_eq!(
            found(
                "write to list-unsubscribe@lists.example.org, or mail:bob@x.example.com",
                None
            ),
            [
                "mailto:list-unsubscribe@lists.example.org",
                "mailto:bob@x.example.com"
            ]
        );
        // No link without a top-level domain, nor a bare name without a TLD list.
        assert!(found("user@localhost and example.com", None).is_empty());
        let s = |l: &[&str]| l.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        let r = Registry::new(&s(&["com", "org"]), &[], &[]);
        assert_eq!(
            found("visit shop.example.com/deals today", Some(&r)),
            ["http://shop.example.com/deals"]
        );
        assert_eq!(
            found("write bob@example.org", Some(&r)),
            ["mailto:bob@example.org"]
        );
        assert!(found("bob@example.invalid and a.b_c.com", Some(&r)).is_empty());
    }
}
