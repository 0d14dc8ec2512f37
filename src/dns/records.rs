//! Whether the published DNS records of a domain are right (`Test-DnsRecords`), as
//! Microsoft's articles' "How do you know this task worked?" steps ask: each record the
//! guidance names is looked up and checked, with SPF includes followed and counted.

use std::collections::BTreeSet;

use super::authorize::{authorizes, count_lookups};
use super::guidance::Guidance;
use super::spf::{self, Qualifier};
use super::{Dns, DnsError, dmarc};
use crate::finding::{Finding, Severity};

/// One check of `Test-DnsRecords`: the record checked is the object.
fn check(
    record: &'static str,
    status: Severity,
    detail: String,
    fix: impl Into<String>,
) -> Finding {
    Finding::new(status, record, "", detail).fix(fix)
}

fn dns_failed(record: &'static str, name: &str, e: &DnsError) -> Finding {
    let why = match e {
        DnsError::NoSuchDomain => format!("{name} does not exist (NXDOMAIN)"),
        DnsError::Temporary(t) => format!("looking up {name} failed: {t}"),
    };
    check(
        record,
        Severity::Error,
        why,
        "check the name, and that the resolver (--dns or /etc/resolv.conf) answers",
    )
}

/// Looks up the domain's records and checks each against the guidance.
pub async fn test(dns: &dyn Dns, g: &Guidance) -> Vec<Finding> {
    let mut out = Vec::new();
    mx(dns, g, &mut out).await;
    let txt = dns.txt(&g.domain).await;
    match &txt {
        Ok(records) => {
            spf_checks(dns, g, records, &mut out).await;
            if records.iter().any(|r| r.trim() == g.verification) {
                out.push(check(
                    "Verification",
                    Severity::Pass,
                    format!("{} TXT {} is published", g.domain, g.verification),
                    "",
                ));
            } else {
                out.push(check(
                    "Verification",
                    Severity::Error,
                    format!("no TXT record {} at {}", g.verification, g.domain),
                    format!("publish {} TXT \"{}\"", g.domain, g.verification),
                ));
            }
        }
        Err(e) => out.push(dns_failed("SPF", &g.domain, e)),
    }
    dmarc_checks(dns, g, &mut out).await;
    for (name, key, active) in &g.dkim {
        dkim_check(dns, g, name, key, *active, &mut out).await;
    }
    out
}

/// A selector's record is published with the key the state holds. A wrong or missing
/// record of the signing selector fails; of the previous one it is a warning (only mail
/// signed before the rotation suffers).
async fn dkim_check(
    dns: &dyn Dns,
    g: &Guidance,
    name: &str,
    key: &str,
    active: bool,
    out: &mut Vec<Finding>,
) {
    let expected = g
        .records
        .iter()
        .find(|r| r.name == name)
        .map(|r| r.value.clone())
        .unwrap_or_default();
    let txt = match dns.txt(name).await {
        Ok(t) => t,
        Err(DnsError::NoSuchDomain) => Vec::new(),
        Err(e) => return out.push(dns_failed("DKIM", name, &e)),
    };
    let published: Vec<String> = txt
        .iter()
        .filter_map(|t| {
            t.split(';').find_map(|tag| {
                let (k, v) = tag.split_once('=')?;
                (k.trim() == "p").then(|| v.split_whitespace().collect::<String>())
            })
        })
        .collect();
    let fix = format!("publish {name} TXT \"{expected}\"");
    let bad = if active {
        Severity::Error
    } else {
        Severity::Warning
    };
    let signs = if active {
        "signs the domain's mail"
    } else {
        "signed mail that may still be verified"
    };
    if published.iter().any(|p| p == key) {
        out.push(check(
            "DKIM",
            Severity::Pass,
            format!("{name} carries the key that {signs}"),
            "",
        ));
    } else if published.is_empty() {
        out.push(check(
            "DKIM",
            bad,
            format!("no DKIM record at {name}, whose key {signs}: receivers cannot verify it"),
            fix,
        ));
    } else {
        out.push(check(
            "DKIM",
            bad,
            format!(
                "{name} publishes another key (p=) than the one that {signs}: its signatures fail"
            ),
            fix,
        ));
    }
}

async fn mx(dns: &dyn Dns, g: &Guidance, out: &mut Vec<Finding>) {
    let found = match dns.mx(&g.domain).await {
        Ok(f) => f,
        Err(e) => return out.push(dns_failed("MX", &g.domain, &e)),
    };
    let published: BTreeSet<String> = found.iter().map(|(_, h)| h.to_ascii_lowercase()).collect();
    let wanted: BTreeSet<String> = g.mx_hosts.iter().cloned().collect();
    let fix = format!(
        "publish {}",
        g.mx_hosts
            .iter()
            .enumerate()
            .map(|(i, h)| format!("{} MX {} {h}", g.domain, 10 * (i + 1)))
            .collect::<Vec<_>>()
            .join(", ")
    );
    if published.is_empty() {
        return out.push(check(
            "MX",
            Severity::Error,
            format!(
                "{} has no MX record: mail for it goes to its A record, or nowhere",
                g.domain
            ),
            fix,
        ));
    }
    let stray: Vec<&String> = published.difference(&wanted).collect();
    let missing: Vec<&String> = wanted.difference(&published).collect();
    if stray.is_empty() && missing.is_empty() {
        let list: Vec<&str> = wanted.iter().map(String::as_str).collect();
        return out.push(check(
            "MX",
            Severity::Pass,
            format!("{} MX points to {}", g.domain, list.join(", ")),
            "",
        ));
    }
    if !stray.is_empty() {
        out.push(check(
            "MX",
            Severity::Error,
            format!("{} MX also points to {}: mail sent there bypasses the path this configuration expects", g.domain, stray.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(", ")),
            fix.clone(),
        ));
    }
    if !missing.is_empty() {
        out.push(check(
            "MX",
            Severity::Error,
            format!(
                "{} MX does not point to {}",
                g.domain,
                missing
                    .iter()
                    .map(|s| s.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            fix,
        ));
    }
}

async fn spf_checks(dns: &dyn Dns, g: &Guidance, txt: &[String], out: &mut Vec<Finding>) {
    let expected = &g
        .records
        .iter()
        .find(|r| r.value.starts_with("v=spf1"))
        .map(|r| r.value.clone())
        .unwrap_or_default();
    let records: Vec<&String> = txt.iter().filter(|t| spf::is_spf(t)).collect();
    let record = match records.as_slice() {
        [] => {
            return out.push(check(
                "SPF",
                Severity::Error,
                format!(
                    "{} has no SPF record: receivers cannot tell forged mail from yours",
                    g.domain
                ),
                format!("publish {} TXT \"{expected}\"", g.domain),
            ));
        }
        [one] => one.as_str(),
        many => {
            return out.push(check("SPF", Severity::Error, format!("{} has {} SPF records, which is a permanent error (RFC 7208 §4.5): receivers ignore them all", g.domain, many.len()), format!("merge them into one: \"{expected}\"")));
        }
    };
    let parsed = spf::parse(record);
    out.extend(parsed.problems.iter().cloned());
    let mut lookups = 0usize;
    let mut notes = Vec::new();
    count_lookups(dns, &parsed, 0, &mut lookups, &mut notes).await;
    for n in notes {
        out.push(check(
            "SPF",
            Severity::Warning,
            n,
            "check the included domain's SPF record",
        ));
    }
    if lookups > spf::MAX_LOOKUPS && parsed.direct_lookups() <= spf::MAX_LOOKUPS {
        out.push(check("SPF", Severity::Error, format!("evaluating the record takes {lookups} DNS lookups with its includes, more than the limit of {}: receivers return permerror", spf::MAX_LOOKUPS), "flatten includes into ip4:/ip6: terms"));
    }
    if parsed.has_errors() {
        return;
    }
    for (ip, who) in &g.senders {
        match authorizes(dns, &g.domain, &parsed, *ip, 0).await {
            Some(Qualifier::Pass) => out.push(check(
                "SPF",
                Severity::Pass,
                format!("authorises {ip}, {who}"),
                "",
            )),
            other => {
                let result = match other {
                    Some(Qualifier::Fail) => "fail",
                    Some(Qualifier::SoftFail) => "softfail",
                    Some(Qualifier::Neutral) | None => "neutral",
                    Some(Qualifier::Pass) => unreachable!(),
                };
                out.push(check(
                    "SPF",
                    Severity::Error,
                    format!("does not authorise {ip}, {who}: the result for it is {result}, so its mail may be refused as forged"),
                    format!("add {} to the record", if ip.is_ipv4() { format!("ip4:{ip}") } else { format!("ip6:{ip}") }),
                ));
            }
        }
    }
}

async fn dmarc_checks(dns: &dyn Dns, g: &Guidance, out: &mut Vec<Finding>) {
    let name = format!("_dmarc.{}", g.domain);
    let expected = g
        .records
        .iter()
        .find(|r| r.name == name)
        .map(|r| r.value.clone())
        .unwrap_or_default();
    let txt = match dns.txt(&name).await {
        Ok(t) => t,
        Err(DnsError::NoSuchDomain) => Vec::new(),
        Err(e) => return out.push(dns_failed("DMARC", &name, &e)),
    };
    let found: Vec<&String> = txt.iter().filter(|t| dmarc::is_dmarc(t)).collect();
    let record = match found.as_slice() {
        [] => {
            return out.push(check(
                "DMARC",
                Severity::Error,
                format!(
                    "no DMARC record at {name}: receivers apply no policy to mail forging {}",
                    g.domain
                ),
                format!("publish {name} TXT \"{expected}\""),
            ));
        }
        [one] => one.as_str(),
        many => {
            return out.push(check(
                "DMARC",
                Severity::Error,
                format!(
                    "{} DMARC records at {name}: receivers ignore them all",
                    many.len()
                ),
                "keep one",
            ));
        }
    };
    let parsed = dmarc::parse(record);
    if parsed.problems.is_empty() {
        out.push(check(
            "DMARC",
            Severity::Pass,
            format!("{name}: {record}"),
            "",
        ));
    }
    out.extend(parsed.problems);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dns::guidance::guidance;
    use crate::dns::guidance::tests::state;
    use std::collections::HashMap;
    use std::net::IpAddr;

    /// Answers from tables, as a zone file would.
    #[derive(Default)]
    struct Zone {
        mx: HashMap<String, Vec<(u16, String)>>,
        a: HashMap<String, Vec<IpAddr>>,
        txt: HashMap<String, Vec<String>>,
    }

    impl Dns for Zone {
        fn mx<'a>(
            &'a self,
            d: &'a str,
        ) -> super::super::BoxFut<'a, Result<Vec<(u16, String)>, DnsError>> {
            Box::pin(async move { Ok(self.mx.get(d).cloned().unwrap_or_default()) })
        }
        fn ips<'a>(
            &'a self,
            h: &'a str,
        ) -> super::super::BoxFut<'a, Result<Vec<IpAddr>, DnsError>> {
            Box::pin(async move { Ok(self.a.get(h).cloned().unwrap_or_default()) })
        }
        fn txt<'a>(
            &'a self,
            n: &'a str,
        ) -> super::super::BoxFut<'a, Result<Vec<String>, DnsError>> {
            Box::pin(async move { self.txt.get(n).cloned().ok_or(DnsError::NoSuchDomain) })
        }
    }

    fn run(zone: &Zone) -> Vec<(String, Severity, String)> {
        let g = guidance(&state(), "Contoso.com.").unwrap();
        let rt = tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap();
        rt.block_on(test(zone, &g))
            .into_iter()
            .map(|c| {
                // SPF and DMARC findings name the term at fault: quoted before the message.
                let detail = match c.parameter.is_empty() {
                    true => c.message,
                    false => format!("\"{}\": {}", c.parameter, c.message),
                };
                (c.object, c.severity, detail)
            })
            .collect()
    }

    #[test]
    fn a_correct_domain_passes_every_check() {
        let g = guidance(&state(), "contoso.com").unwrap();
        let mut z = Zone::default();
        z.mx.insert(
            "contoso.com".into(),
            vec![(10, "MX1.gw.example".into()), (20, "mx2.gw.example".into())],
        );
        z.txt.insert(
            "contoso.com".into(),
            vec![g.records[2].value.clone(), g.verification.clone()],
        );
        z.txt.insert(
            "_dmarc.contoso.com".into(),
            vec![g.records[3].value.clone()],
        );
        let r = run(&z);
        assert!(r.iter().all(|c| c.1 == Severity::Pass), "{r:#?}");
        assert_eq!(r.iter().filter(|c| c.0 == "SPF").count(), 3, "{r:#?}");
    }

    #[test]
    fn dkim_selectors_are_guided_and_their_published_keys_checked() {
        let mut s = state();
        s.dkim_signing_configs.push(
            serde_yaml::from_str(
                "Domain: contoso.com\nActiveSelector: selector2\nSelector1: { KeyType: rsa, KeySize: 2048, PublicKey: OLD, KeyPath: a.key, KeyCreationTime: 2026-01-01T00:00:00Z }\nSelector2: { KeyType: ed25519, KeySize: 256, PublicKey: NEW+/=, KeyPath: b.key, KeyCreationTime: 2026-02-01T00:00:00Z }\n",
            )
            .unwrap(),
        );
        let g = guidance(&s, "contoso.com").unwrap();
        let dkim: Vec<String> = g
            .records
            .iter()
            .filter(|r| r.purpose.starts_with("DKIM"))
            .map(|r| format!("{} {} {}", r.kind, r.name, r.value))
            .collect();
        assert_eq!(
            dkim,
            [
                "TXT selector1._domainkey.contoso.com v=DKIM1; k=rsa; p=OLD",
                "TXT selector2._domainkey.contoso.com v=DKIM1; k=ed25519; p=NEW+/="
            ]
        );
        let mut z = Zone::default();
        // The signing selector published right (split into strings, spaces in p=); the
        // previous one with a stale key.
        z.txt.insert(
            "selector2._domainkey.contoso.com".into(),
            vec!["v=DKIM1; k=ed25519; p=NEW +/=".into()],
        );
        z.txt.insert(
            "selector1._domainkey.contoso.com".into(),
            vec!["v=DKIM1; k=rsa; p=STALE".into()],
        );
        let rt = tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap();
        let checks: Vec<Finding> = rt
            .block_on(test(&z, &g))
            .into_iter()
            .filter(|c| c.object == "DKIM")
            .collect();
        assert_eq!(checks.len(), 2, "{checks:#?}");
        assert_eq!(checks[0].severity, Severity::Warning, "{checks:#?}");
        assert!(checks[0].message.contains("another key"));
        assert!(checks[0].fix.contains("p=OLD"));
        assert_eq!(checks[1].severity, Severity::Pass, "{checks:#?}");
        // Missing, the signing selector's record fails.
        z.txt.remove("selector2._domainkey.contoso.com");
        let missing = rt.block_on(test(&z, &g));
        let last = missing.last().unwrap();
        assert_eq!(
            (last.object.as_str(), last.severity),
            ("DKIM", Severity::Error)
        );
        assert!(last.message.starts_with("no DKIM record at selector2"));
    }

    /// The article's record, published as printed, and the usual mistakes around it.
    #[test]
    fn the_articles_record_and_a_stray_mx_fail() {
        let mut z = Zone::default();
        z.mx.insert(
            "contoso.com".into(),
            vec![
                (10, "mx1.gw.example".into()),
                (20, "mx2.gw.example".into()),
                (30, "old-mx.contoso.com".into()),
            ],
        );
        z.txt.insert(
            "contoso.com".into(),
            vec!["v=spf1 ipv4: 131.107.21.231  include:spf.protection.outlook.co  m -all".into()],
        );
        let r = run(&z);
        let fails: Vec<&(String, Severity, String)> =
            r.iter().filter(|c| c.1 == Severity::Error).collect();
        assert!(
            fails
                .iter()
                .any(|c| c.0 == "MX" && c.2.contains("old-mx.contoso.com")),
            "{r:#?}"
        );
        assert!(
            fails
                .iter()
                .any(|c| c.0 == "SPF" && c.2.contains("nothing after the colon")),
            "{r:#?}"
        );
        assert!(
            fails
                .iter()
                .any(|c| c.0 == "SPF" && c.2.contains("cut off by a space")),
            "{r:#?}"
        );
        assert!(fails.iter().any(|c| c.0 == "Verification"), "{r:#?}");
        assert!(
            fails
                .iter()
                .any(|c| c.0 == "DMARC" && c.2.contains("no DMARC record")),
            "{r:#?}"
        );
    }

    #[test]
    fn includes_are_followed_for_authorisation_and_lookup_counts() {
        let g = guidance(&state(), "contoso.com").unwrap();
        let mut z = Zone::default();
        z.mx.insert(
            "contoso.com".into(),
            vec![(10, "mx1.gw.example".into()), (20, "mx2.gw.example".into())],
        );
        // The service's addresses come through an include; on premises is missing.
        z.txt.insert(
            "contoso.com".into(),
            vec![
                "v=spf1 include:spf.gw.example a:deep.contoso.com ~all".into(),
                g.verification.clone(),
            ],
        );
        z.txt.insert(
            "spf.gw.example".into(),
            vec![
                "v=spf1 ip4:192.0.2.0/24 ".to_string()
                    + &(0..9)
                        .map(|i| format!("include:i{i}.gw.example"))
                        .collect::<Vec<_>>()
                        .join(" ")
                    + " -all",
            ],
        );
        for i in 0..9 {
            z.txt
                .insert(format!("i{i}.gw.example"), vec!["v=spf1 -all".into()]);
        }
        z.txt
            .insert("_dmarc.contoso.com".into(), vec!["v=DMARC1; p=none".into()]);
        let r = run(&z);
        assert!(
            r.iter().any(|c| c.0 == "SPF"
                && c.1 == Severity::Pass
                && c.2.contains("authorises 192.0.2.10")),
            "{r:#?}"
        );
        assert!(
            r.iter().any(|c| c.0 == "SPF"
                && c.1 == Severity::Error
                && c.2.contains("does not authorise 131.107.21.231")
                && c.2.contains("softfail")),
            "{r:#?}"
        );
        assert!(
            r.iter()
                .any(|c| c.0 == "SPF" && c.1 == Severity::Error && c.2.contains("11 DNS lookups")),
            "{r:#?}"
        );
        assert!(
            r.iter().any(|c| c.0 == "DMARC"
                && c.1 == Severity::Warning
                && c.2.contains("only monitors")),
            "{r:#?}"
        );
    }

    #[test]
    fn two_spf_records_are_a_permanent_error() {
        let mut z = Zone::default();
        z.txt.insert(
            "contoso.com".into(),
            vec!["v=spf1 -all".into(), "v=spf1 ip4:192.0.2.10 -all".into()],
        );
        let r = run(&z);
        assert!(
            r.iter()
                .any(|c| c.0 == "SPF" && c.1 == Severity::Error && c.2.contains("2 SPF records")),
            "{r:#?}"
        );
    }
}
