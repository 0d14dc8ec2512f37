//! A DMARC record checker (RFC 7489 §6.3), for `Test-DnsRecords`: names every tag that is
//! wrong and why, where a verifier would only fall back to "no policy".

use crate::finding::{Finding, Severity};

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Record {
    /// `p=`: none, quarantine or reject.
    pub policy: Option<String>,
    pub problems: Vec<Finding>,
}

pub fn is_dmarc(txt: &str) -> bool {
    let t = txt.trim_start();
    t.len() >= 8
        && t[..8].eq_ignore_ascii_case("v=DMARC1")
        && t[8..].trim_start().chars().next().is_none_or(|c| c == ';')
}

fn problem(severity: Severity, tag: &str, message: String, fix: &str) -> Finding {
    Finding::new(severity, "DMARC", tag, message).fix(fix)
}

pub fn parse(txt: &str) -> Record {
    let mut rec = Record::default();
    let tags: Vec<(&str, &str, &str)> = txt
        .split(';')
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(|t| match t.split_once('=') {
            Some((k, v)) => (t, k.trim(), v.trim()),
            None => (t, t, ""),
        })
        .collect();
    match tags.first() {
        Some((_, k, v)) if *k == "v" && *v == "DMARC1" => {}
        _ => {
            rec.problems.push(problem(
                Severity::Error,
                tags.first().map_or("", |t| t.0),
                "the record does not start with v=DMARC1".into(),
                "start the record with \"v=DMARC1; p=...\"",
            ));
            return rec;
        }
    }
    for (i, (term, key, value)) in tags.iter().enumerate().skip(1) {
        let bad = |why: &str, fix: &str| problem(Severity::Error, term, why.to_string(), fix);
        match key.to_ascii_lowercase().as_str() {
            "p" | "sp" => {
                if !["none", "quarantine", "reject"].contains(&value.to_ascii_lowercase().as_str())
                {
                    rec.problems.push(bad(
                        &format!("\"{value}\" is not a DMARC policy"),
                        "use none, quarantine or reject",
                    ));
                } else if *key == "p" {
                    if i != 1 {
                        rec.problems.push(problem(
                            Severity::Warning,
                            term,
                            "p= should come right after v=DMARC1; some receivers ignore the record otherwise".into(),
                            "move p= to the second place",
                        ));
                    }
                    rec.policy = Some(value.to_ascii_lowercase());
                }
            }
            "pct" => match value.parse::<u8>() {
                Ok(n) if n <= 100 => {}
                _ => rec
                    .problems
                    .push(bad("pct= must be a number from 0 to 100", "write pct=100")),
            },
            "adkim" | "aspf" => {
                if !["r", "s"].contains(value) {
                    rec.problems.push(bad(
                        &format!("{key}= must be r or s"),
                        "write r (relaxed) or s (strict)",
                    ));
                }
            }
            "rua" | "ruf" => {
                for uri in value.split(',') {
                    let uri = uri.trim();
                    if !uri.to_ascii_lowercase().starts_with("mailto:") || !uri.contains('@') {
                        rec.problems.push(bad(
                            &format!("\"{uri}\" is not a mailto: address for reports"),
                            "write rua=mailto:dmarc-reports@example.com",
                        ));
                    }
                }
            }
            "fo" | "rf" | "ri" => {}
            _ => rec.problems.push(problem(
                Severity::Warning,
                term,
                format!("\"{key}\" is not a DMARC tag; receivers ignore it"),
                "remove it, or check its spelling (p, sp, pct, rua, ruf, adkim, aspf, fo, rf, ri)",
            )),
        }
    }
    match rec.policy.as_deref() {
        None => rec.problems.push(problem(
            Severity::Error,
            txt,
            "no p= tag: receivers treat the record as missing".into(),
            "add p=none to monitor, then p=quarantine or p=reject",
        )),
        Some("none") => rec.problems.push(problem(
            Severity::Warning,
            "p=none",
            "p=none only monitors: forged mail is still delivered".into(),
            "move to p=quarantine, then p=reject, once reports show your own mail passes",
        )),
        _ => {}
    }
    rec
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn good_weak_and_broken_records() {
        let r = parse("v=DMARC1; p=reject; rua=mailto:d@contoso.com; pct=100; adkim=s");
        assert_eq!(r.problems, vec![]);
        assert_eq!(r.policy.as_deref(), Some("reject"));
        let r = parse("v=DMARC1; p=none");
        assert_eq!(r.problems.len(), 1);
        assert!(r.problems[0].message.contains("only monitors"));
        let r = parse("v=DMARC1; rua=dmarc@contoso.com; p=block; pct=150; aspf=x; pc=1");
        let m: Vec<&str> = r.problems.iter().map(|p| p.message.as_str()).collect();
        assert_eq!(m.len(), 6, "{m:#?}");
        assert!(m[0].contains("not a mailto:"));
        assert!(m[1].contains("\"block\" is not a DMARC policy"));
        assert!(m[2].contains("0 to 100"));
        assert!(m[3].contains("aspf= must be r or s"));
        assert!(m[4].contains("\"pc\" is not a DMARC tag"));
        assert!(m[5].contains("no p= tag"));
        assert!(parse("p=reject").problems[0].message.contains("v=DMARC1"));
        assert!(is_dmarc("v=DMARC1; p=none") && is_dmarc("v=DMARC1") && !is_dmarc("v=spf1 -all"));
    }
}
