//! An SPF record linter (RFC 7208), for `Test-DnsRecords`. Verifiers (mail-auth) answer
//! "pass or fail" and stop at the first syntax error; an admin fixing a record wants every
//! mistake named with the fix, including the ones a verifier silently accepts (`+all`, a
//! missing `all`, `ptr`). So this parser is written for diagnosis, term by term, and keeps
//! going after an error.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use crate::finding::{Finding, Severity};

mod term;

use term::term;

/// A qualifier: what a match means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Qualifier {
    Pass,
    Fail,
    SoftFail,
    Neutral,
}

/// A parsed term. Domain specs keep their macros unexpanded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Term {
    All(Qualifier),
    Include(Qualifier, String),
    A(Qualifier, Option<String>, Option<u8>, Option<u8>),
    Mx(Qualifier, Option<String>, Option<u8>, Option<u8>),
    Ptr(Qualifier, Option<String>),
    Ip4(Qualifier, Ipv4Addr, u8),
    Ip6(Qualifier, Ipv6Addr, u8),
    Exists(Qualifier, String),
    Redirect(String),
    Exp(String),
}

impl Term {
    /// Whether evaluating the term costs a DNS lookup (RFC 7208 §4.6.4: at most 10).
    pub fn costs_lookup(&self) -> bool {
        matches!(
            self,
            Term::Include(..)
                | Term::A(..)
                | Term::Mx(..)
                | Term::Ptr(..)
                | Term::Exists(..)
                | Term::Redirect(_)
        )
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Record {
    pub terms: Vec<Term>,
    /// What is wrong with it: object SPF, the term at fault as the parameter.
    pub problems: Vec<Finding>,
}

impl Record {
    /// DNS lookups this record costs on its own (not counting what its includes cost).
    pub fn direct_lookups(&self) -> usize {
        self.terms.iter().filter(|t| t.costs_lookup()).count()
    }

    pub fn has_errors(&self) -> bool {
        self.problems.iter().any(|p| p.severity == Severity::Error)
    }
}

/// Whether a TXT record is an SPF record at all (version tag, case-insensitive).
pub fn is_spf(txt: &str) -> bool {
    let t = txt.trim_start();
    t.len() >= 6
        && t[..6].eq_ignore_ascii_case("v=spf1")
        && t[6..].chars().next().is_none_or(|c| c == ' ')
}

const MECHANISMS: [&str; 8] = ["all", "include", "a", "mx", "ptr", "ip4", "ip6", "exists"];

/// Parses and checks one SPF record.
pub fn parse(txt: &str) -> Record {
    let mut rec = Record::default();
    if !is_spf(txt) {
        rec.problems.push(Finding {
            object: "SPF".into(),
            severity: Severity::Error,
            parameter: txt.split(' ').next().unwrap_or("").to_string(),
            message: "the record does not start with the version tag v=spf1".into(),
            fix: "start the record with \"v=spf1 \"".into(),
        });
        return rec;
    }
    if txt.contains("  ") || txt.ends_with(' ') || txt.contains('\t') {
        rec.problems.push(Finding {
            object: "SPF".into(),
            severity: Severity::Warning,
            parameter: txt.to_string(),
            message: "the record has extra spaces or tabs between terms".into(),
            fix: "separate terms with exactly one space".into(),
        });
    }
    let tokens: Vec<&str> = txt.trim_start()[6..].split_whitespace().collect();
    let mut previous: Option<&str> = None;
    let mut seen_all = false;
    for (i, token) in tokens.iter().enumerate() {
        if seen_all {
            rec.problems.push(Finding {
                object: "SPF".into(),
                severity: Severity::Warning,
                parameter: token.to_string(),
                message: "comes after \"all\", so receivers never look at it".into(),
                fix: "move it before the \"all\" term, or remove it".into(),
            });
        }
        match term(token) {
            Ok(t) => {
                if let Term::All(q) = t {
                    seen_all = true;
                    all_checks(&mut rec, token, q);
                }
                if matches!(t, Term::Ptr(..)) {
                    rec.problems.push(Finding {
                        object: "SPF".into(),
                        severity: Severity::Warning,
                        parameter: token.to_string(),
                        message: "the ptr mechanism is slow and unreliable (RFC 7208 §5.5: SHOULD NOT be used)".into(),
                        fix: "list the sending servers with ip4:/ip6: or a: instead".into(),
                    });
                }
                rec.terms.push(t);
            }
            Err((message, fix)) => {
                let (message, fix) = explain_split(previous, token, tokens.get(i + 1).copied())
                    .unwrap_or((message, fix));
                rec.problems.push(Finding {
                    object: "SPF".into(),
                    severity: Severity::Error,
                    parameter: token.to_string(),
                    message,
                    fix,
                });
            }
        }
        previous = Some(token);
    }
    let count = |f: fn(&Term) -> bool| rec.terms.iter().filter(|t| f(t)).count();
    if count(|t| matches!(t, Term::Redirect(_))) > 1 || count(|t| matches!(t, Term::Exp(_))) > 1 {
        rec.problems.push(Finding {
            object: "SPF".into(),
            severity: Severity::Error,
            parameter: "redirect=/exp=".into(),
            message: "a modifier appears more than once, which is a permanent error".into(),
            fix: "keep one redirect= and at most one exp=".into(),
        });
    }
    let has_redirect = count(|t| matches!(t, Term::Redirect(_))) > 0;
    if seen_all && has_redirect {
        rec.problems.push(Finding {
            object: "SPF".into(),
            severity: Severity::Warning,
            parameter: "redirect=".into(),
            message: "redirect= is ignored when the record has an \"all\" term".into(),
            fix: "remove one of them".into(),
        });
    }
    if !seen_all && !has_redirect {
        rec.problems.push(Finding {
            object: "SPF".into(),
            severity: Severity::Warning,
            parameter: "(end of record)".into(),
            message: "no \"all\" term: mail from anyone else gets a neutral result".into(),
            fix: "end the record with -all (or ~all while you test)".into(),
        });
    }
    let lookups = rec.direct_lookups();
    if lookups > MAX_LOOKUPS {
        rec.problems.push(Finding {
            object: "SPF".into(),
            severity: Severity::Error,
            parameter: "(whole record)".into(),
            message: format!(
                "{lookups} terms that need DNS lookups, more than the limit of {MAX_LOOKUPS}: receivers return permerror"
            ),
            fix: "replace a: and mx: terms with ip4:/ip6:, or flatten includes".into(),
        });
    }
    rec
}

/// RFC 7208 §4.6.4.
pub const MAX_LOOKUPS: usize = 10;

fn all_checks(rec: &mut Record, token: &str, q: Qualifier) {
    let (message, fix) = match q {
        Qualifier::Pass => (
            "+all authorises every server on the Internet to send as this domain",
            "end the record with -all",
        ),
        Qualifier::Neutral => (
            "?all says nothing about other servers, so forged mail is not caught",
            "end the record with -all (or ~all while you test)",
        ),
        _ => return,
    };
    rec.problems.push(Finding {
        object: "SPF".into(),
        severity: if q == Qualifier::Pass {
            Severity::Error
        } else {
            Severity::Warning
        },
        parameter: token.to_string(),
        message: message.into(),
        fix: fix.into(),
    });
}

/// When a bad token is half of something a space split in two (`ipv4: 1.2.3.4`,
/// `outlook.co  m`), says so: that is the mistake admins actually make.
fn explain_split(
    previous: Option<&str>,
    token: &str,
    next: Option<&str>,
) -> Option<(String, String)> {
    let (name, value) = token.split_once(':').unwrap_or((token, ""));
    let bare = name.trim_start_matches(['+', '-', '~', '?']);
    if !value.is_empty() || !token.contains(':') {
        // A fragment with no mechanism name: glue it to the term before it.
        if !token.contains(['=', ':', '/']) && token.parse::<IpAddr>().is_err() {
            let prev = previous?;
            if prev.contains(':') || prev.contains('=') {
                let joined = format!("{prev}{token}");
                return Some((
                    format!(
                        "\"{token}\" is not a term: it looks like the end of \"{prev}\" cut off by a space"
                    ),
                    format!("write \"{joined}\" without the space"),
                ));
            }
        }
        if token.parse::<IpAddr>().is_ok() && previous.is_some_and(|p| p.ends_with(':')) {
            return Some((
                format!(
                    "\"{token}\" is an address on its own: a space separates it from \"{}\"",
                    previous.unwrap_or_default()
                ),
                format!(
                    "write \"{}{token}\" without the space",
                    mechanism_fix(previous.unwrap_or_default())
                ),
            ));
        }
        return None;
    }
    // `ipv4:` with nothing after the colon, and the value as the next token.
    let fixed = suggest(&bare.to_ascii_lowercase()).unwrap_or(bare.to_string());
    let next = next.unwrap_or("<value>");
    Some((
        format!("\"{token}\" has nothing after the colon: the value is cut off by a space"),
        format!("write \"{fixed}:{next}\" without the space"),
    ))
}

/// `ipv4:` → `ip4:` (the mechanism part of a term, with the colon).
fn mechanism_fix(term: &str) -> String {
    let name = term.trim_end_matches(':');
    let (q, bare) = name.split_at(name.len() - name.trim_start_matches(['+', '-', '~', '?']).len());
    format!(
        "{q}{}:",
        suggest(&bare.to_ascii_lowercase()).unwrap_or(bare.to_string())
    )
}

/// The known mechanism a misspelt one was meant to be.
fn suggest(name: &str) -> Option<String> {
    match name {
        "ipv4" | "ip" | "ipv4addr" => return Some("ip4".into()),
        "ipv6" => return Some("ip6".into()),
        _ => {}
    }
    MECHANISMS
        .iter()
        .filter(|m| m.len() > 2)
        .map(|m| (distance(name, m), m))
        .filter(|(d, _)| *d <= 2)
        .min()
        .map(|(_, m)| m.to_string())
}

/// Levenshtein distance; names are short.
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != *cb)).min(row[j] + 1).min(cur + 1);
            prev = cur;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problems(txt: &str) -> Vec<String> {
        parse(txt)
            .problems
            .iter()
            .map(|p| format!("{}: {} / {}", p.parameter, p.message, p.fix))
            .collect()
    }

    #[test]
    fn a_good_record_has_no_problems() {
        let r = parse(
            "v=spf1 ip4:131.107.21.231 ip6:2001:db8::/32 a mx:mail.contoso.com/24 include:spf.protection.outlook.com -all",
        );
        assert_eq!(r.problems, vec![]);
        assert_eq!(r.terms.len(), 6);
        assert_eq!(r.direct_lookups(), 3);
        assert_eq!(
            r.terms[0],
            Term::Ip4(Qualifier::Pass, Ipv4Addr::new(131, 107, 21, 231), 32)
        );
        assert_eq!(
            r.terms[3],
            Term::Mx(
                Qualifier::Pass,
                Some("mail.contoso.com".into()),
                Some(24),
                None
            )
        );
        assert_eq!(r.terms[5], Term::All(Qualifier::Fail));
    }

    /// The record printed in "Manage mail flow with mailboxes in multiple locations", with both of its mistakes.
    #[test]
    fn the_articles_record_shows_both_split_terms() {
        let p = problems("v=spf1 ipv4: 131.107.21.231  include:spf.protection.outlook.co  m -all");
        assert!(
            p.iter().any(
                |p| p.starts_with("ipv4:: \"ipv4:\" has nothing after the colon")
                    && p.contains("write \"ip4:131.107.21.231\"")
            ),
            "{p:#?}"
        );
        assert!(
            p.iter()
                .any(|p| p.starts_with("131.107.21.231: ") && p.contains("ip4:131.107.21.231")),
            "{p:#?}"
        );
        assert!(
            p.iter()
                .any(|p| p.starts_with("m: ") && p.contains("include:spf.protection.outlook.com")),
            "{p:#?}"
        );
        assert!(p.iter().any(|p| p.contains("extra spaces")), "{p:#?}");
    }

    #[test]
    fn typos_get_the_mechanism_they_meant() {
        let p = problems("v=spf1 ipv4:192.0.2.1 inclde:x.example -all");
        assert!(
            p[0].contains("did you mean \"ip4\"? write ip4:192.0.2.1"),
            "{p:?}"
        );
        assert!(p[1].contains("did you mean \"include\""), "{p:?}");
        let p = problems("v=spf1 192.0.2.1 -all");
        assert!(p[0].contains("write ip4:192.0.2.1"), "{p:?}");
    }

    #[test]
    fn weak_and_dangerous_endings() {
        assert!(problems("v=spf1 mx +all")[0].contains("every server"));
        assert!(problems("v=spf1 mx all")[0].contains("every server"));
        assert!(
            problems("v=spf1 mx ?all")[0].contains("neutral")
                || problems("v=spf1 mx ?all")[0].contains("not caught")
        );
        assert!(problems("v=spf1 mx")[0].contains("no \"all\" term"));
        assert_eq!(
            problems("v=spf1 redirect=_spf.example.com"),
            Vec::<String>::new()
        );
        assert!(problems("v=spf1 -all mx")[0].contains("comes after \"all\""));
        assert!(problems("v=spf1 ptr -all")[0].contains("ptr mechanism"));
    }

    #[test]
    fn bad_values_are_named() {
        let p = problems(
            "v=spf1 ip4:300.1.1.1 ip4:10.0.0.0/33 ip6:192.0.2.1 include:localhost a:bad..name mx:/24 -all",
        );
        assert_eq!(p.len(), 6, "{p:#?}");
        assert!(p[0].contains("not an IPv4 address"));
        assert!(p[1].contains("prefix length from 0 to 32"));
        assert!(p[2].contains("write ip4:192.0.2.1"));
        assert!(p[3].contains("no dot"));
        assert!(p[4].contains("empty or over-long label"));
        assert!(p[5].contains("colon and no domain"));
    }

    #[test]
    fn lookups_over_ten_and_repeated_modifiers_are_errors() {
        let many = (0..11)
            .map(|i| format!("include:s{i}.example.com"))
            .collect::<Vec<_>>()
            .join(" ");
        let r = parse(&format!("v=spf1 {many} -all"));
        assert!(r.has_errors());
        assert!(
            r.problems[0]
                .message
                .contains("11 terms that need DNS lookups")
        );
        assert!(
            problems("v=spf1 redirect=a.example redirect=b.example")[0].contains("more than once")
        );
        assert!(problems("v=spf1 foo=bar -all")[0].contains("not a modifier receivers know"));
    }

    #[test]
    fn macros_dual_cidr_and_the_version_tag() {
        let r = parse("v=spf1 exists:%{i}._spf.%{d} a/24//64 mx//48 -all");
        assert_eq!(r.problems, vec![]);
        assert_eq!(
            r.terms[1],
            Term::A(Qualifier::Pass, None, Some(24), Some(64))
        );
        assert_eq!(r.terms[2], Term::Mx(Qualifier::Pass, None, None, Some(48)));
        assert!(parse("v=spf1 exists:%{i._spf.example.com -all").has_errors());
        assert!(
            is_spf("V=SPF1 -all")
                && is_spf("v=spf1")
                && !is_spf("v=spf10 -all")
                && !is_spf("v=DMARC1")
        );
        assert!(
            parse("spf1 -all").problems[0]
                .message
                .contains("version tag")
        );
    }
}
