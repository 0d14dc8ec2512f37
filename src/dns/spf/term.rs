//! Reading one SPF term (mechanism or modifier) into a `Term`, or saying what is wrong with
//! it and the fix.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use super::{Qualifier, Term, suggest};
type TermError = (String, String);

pub(super) fn term(token: &str) -> Result<Term, TermError> {
    // Modifiers: name=value.
    if let Some((name, value)) = token.split_once('=')
        && !name.contains(':')
        && !name.contains('/')
    {
        return match name.to_ascii_lowercase().as_str() {
            "redirect" => domain_spec(value, token).map(Term::Redirect),
            "exp" => domain_spec(value, token).map(Term::Exp),
            _ if name
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "-_.".contains(c))
                && name.starts_with(|c: char| c.is_ascii_alphabetic()) =>
            {
                // Unknown modifiers are ignored by receivers (§6), so are fine, but an
                // unknown one is almost always a typo.
                Err((
                    format!("\"{name}=\" is not a modifier receivers know, so they ignore it"),
                    "use redirect= or exp=, or remove it".into(),
                ))
            }
            _ => Err((
                format!("\"{token}\" is not a valid modifier"),
                "write name=value with a letter first".into(),
            )),
        };
    }
    let (q, rest) = match token.as_bytes().first() {
        Some(b'+') => (Qualifier::Pass, &token[1..]),
        Some(b'-') => (Qualifier::Fail, &token[1..]),
        Some(b'~') => (Qualifier::SoftFail, &token[1..]),
        Some(b'?') => (Qualifier::Neutral, &token[1..]),
        _ => (Qualifier::Pass, token),
    };
    let (name, arg) = match rest.find([':', '/']) {
        Some(i) if rest.as_bytes()[i] == b':' => (&rest[..i], Some(&rest[i + 1..])),
        // `a/24`: the name ends at the slash; the prefix is read from the rest below.
        Some(i) => (&rest[..i], None),
        None => (rest, None),
    };
    let lname = name.to_ascii_lowercase();
    let need = |what: &str| -> Result<&str, TermError> {
        match arg {
            Some(a) if !a.is_empty() => Ok(a),
            _ => Err((
                format!("\"{token}\" needs {what} after the colon"),
                format!("write {lname}:{what}"),
            )),
        }
    };
    match lname.as_str() {
        "all" if arg.is_none() && name.len() == rest.len() => Ok(Term::All(q)),
        "include" => domain_spec(need("a domain")?, token).map(|d| Term::Include(q, d)),
        "exists" => domain_spec(need("a domain")?, token).map(|d| Term::Exists(q, d)),
        "ptr" => match arg {
            None => Ok(Term::Ptr(q, None)),
            Some(a) => domain_spec(a, token).map(|d| Term::Ptr(q, Some(d))),
        },
        "a" | "mx" => {
            let spec = arg.unwrap_or("");
            let tail = &rest[name.len()..];
            let (domain, cidr) = match spec.find('/') {
                Some(i) => (&spec[..i], &spec[i..]),
                None if arg.is_none() => ("", tail),
                None => (spec, ""),
            };
            let domain = if domain.is_empty() {
                if arg.is_some() {
                    return Err((
                        format!("\"{token}\" has a colon and no domain"),
                        format!("write {lname} alone, or {lname}:example.com"),
                    ));
                }
                None
            } else {
                Some(domain_spec(domain, token)?)
            };
            let (v4, v6) = dual_cidr(cidr, token)?;
            Ok(if lname == "a" {
                Term::A(q, domain, v4, v6)
            } else {
                Term::Mx(q, domain, v4, v6)
            })
        }
        "ip4" => {
            let v = need("an IPv4 address or network")?;
            let (ip, len) = v.split_once('/').map_or((v, None), |(a, l)| (a, Some(l)));
            let ip: Ipv4Addr = ip.parse().map_err(|_| {
                (
                    format!("\"{ip}\" in \"{token}\" is not an IPv4 address"),
                    if ip.contains(':') {
                        format!("write ip6:{v} for an IPv6 address")
                    } else {
                        "write four numbers 0-255, such as ip4:192.0.2.1 or ip4:192.0.2.0/24".into()
                    },
                )
            })?;
            Ok(Term::Ip4(q, ip, prefix(len, 32, token)?))
        }
        "ip6" => {
            let v = need("an IPv6 address or network")?;
            let (ip, len) = v.split_once('/').map_or((v, None), |(a, l)| (a, Some(l)));
            let ip: Ipv6Addr = ip.parse().map_err(|_| {
                (
                    format!("\"{ip}\" in \"{token}\" is not an IPv6 address"),
                    if ip.parse::<Ipv4Addr>().is_ok() {
                        format!("write ip4:{v} for an IPv4 address")
                    } else {
                        "write an IPv6 address such as ip6:2001:db8::/32".into()
                    },
                )
            })?;
            Ok(Term::Ip6(q, ip, prefix(len, 128, token)?))
        }
        _ => {
            if token.parse::<IpAddr>().is_ok() {
                let m = if token.contains(':') { "ip6" } else { "ip4" };
                return Err((
                    format!("\"{token}\" is an address without a mechanism"),
                    format!("write {m}:{token}"),
                ));
            }
            let fix = match suggest(&lname) {
                Some(m) => format!(
                    "did you mean \"{m}\"? write {m}{}",
                    arg.map(|a| format!(":{a}")).unwrap_or_default()
                ),
                None => "use one of all, include, a, mx, ptr, ip4, ip6, exists".into(),
            };
            Err((format!("\"{name}\" is not an SPF mechanism"), fix))
        }
    }
}

fn prefix(len: Option<&str>, max: u8, token: &str) -> Result<u8, TermError> {
    match len {
        None => Ok(max),
        Some(l) => match l.parse::<u8>() {
            // No leading zeros (RFC 7208 §5.6 ABNF), so "/024" is refused.
            Ok(n) if n <= max && (l == "0" || !l.starts_with('0')) => Ok(n),
            _ => Err((
                format!("\"/{l}\" in \"{token}\" is not a prefix length from 0 to {max}"),
                format!("write a prefix length from 0 to {max}"),
            )),
        },
    }
}

/// `/24`, `//64` or `/24//64` after a and mx.
fn dual_cidr(s: &str, token: &str) -> Result<(Option<u8>, Option<u8>), TermError> {
    if s.is_empty() {
        return Ok((None, None));
    }
    let (v4, v6) = match s.find("//") {
        Some(i) => (&s[..i], Some(&s[i + 2..])),
        None => (s, None),
    };
    let v4 = match v4.strip_prefix('/') {
        Some(l) => Some(prefix(Some(l), 32, token)?),
        None if v4.is_empty() => None,
        None => {
            return Err((
                format!("\"{s}\" in \"{token}\" is not a prefix length"),
                "write /24 or //64".into(),
            ));
        }
    };
    let v6 = match v6 {
        Some(l) => Some(prefix(Some(l), 128, token)?),
        None => None,
    };
    Ok((v4, v6))
}

/// A domain-spec (§7.1): a host name, possibly with macros, with a real top-level label.
fn domain_spec(value: &str, token: &str) -> Result<String, TermError> {
    let bad = |why: String| {
        Err((
            format!("\"{value}\" in \"{token}\" is not a valid domain: {why}"),
            "write a full host name such as spf.example.com".into(),
        ))
    };
    if value.contains('%') {
        // Macros expand at evaluation time; only their syntax can be checked here.
        let mut rest = value;
        while let Some(i) = rest.find('%') {
            let after = &rest[i + 1..];
            match after.chars().next() {
                Some('{') => match after.find('}') {
                    Some(end) => rest = &after[end + 1..],
                    None => return bad("a macro \"%{\" is not closed".into()),
                },
                Some('%' | '_' | '-') => rest = &after[1..],
                _ => return bad("\"%\" must start a macro (%{s}, %%, %_ or %-)".into()),
            }
        }
        return Ok(value.to_string());
    }
    let name = value.trim_end_matches('.');
    if name.is_empty() || name.len() > 253 {
        return bad("empty or too long".into());
    }
    let labels: Vec<&str> = name.split('.').collect();
    if labels.len() < 2 {
        return bad("it has no dot".into());
    }
    for l in &labels {
        if l.is_empty() || l.len() > 63 {
            return bad("an empty or over-long label".into());
        }
        if !l
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        {
            return bad(format!("\"{l}\" has characters a host name cannot have"));
        }
    }
    let tld = labels[labels.len() - 1];
    if tld.chars().all(|c| c.is_ascii_digit()) {
        return bad("the last label is a number".into());
    }
    Ok(value.to_ascii_lowercase())
}
