//! Test-DnsRecords against a real DNS server (the test's own, on loopback): what
//! Get-DnsGuidance prints, once published, passes; the mistakes admins make fail, each
//! named, and the exit code says so.

use crate::support::Org;
use crate::support::dns::{Dns, Zone};

/// contoso.com with the service's names and addresses and an on-premises server.
fn org() -> Org {
    let org = Org::with_domains();
    org.run(&[
        "Set-OrganizationConfig",
        "-ServiceHostNames",
        "mx1.contoso-gw.net",
        "-ServiceIPAddresses",
        "198.51.100.25",
    ])
    .ok();
    org.run(&[
        "New-InboundConnector",
        "-Name",
        "From on-premises",
        "-ConnectorType",
        "OnPremises",
        "-SenderIPAddresses",
        "131.107.21.231",
    ])
    .ok();
    org
}

/// The zone Get-DnsGuidance asks for, record by record.
fn published(org: &Org) -> Zone {
    let guidance = org
        .run(&[
            "Get-DnsGuidance",
            "-DomainName",
            "contoso.com",
            "-o",
            "json",
        ])
        .ok()
        .json();
    let mut zone = Zone::default();
    for r in guidance.as_array().unwrap() {
        let (name, value) = (r["Name"].as_str().unwrap(), r["Value"].as_str().unwrap());
        zone = match r["Type"].as_str().unwrap() {
            "MX" => {
                let (pref, host) = value.split_once(' ').unwrap();
                zone.mx(name, pref.parse().unwrap(), host)
            }
            "TXT" => zone.txt(name, value),
            other => panic!("unexpected record type {other}"),
        };
    }
    zone
}

fn test(org: &Org, dns: &Dns) -> crate::support::Run {
    org.run(&[
        "Test-DnsRecords",
        "-DomainName",
        "contoso.com",
        "-DnsServer",
        &dns.addr.to_string(),
        "-o",
        "json",
    ])
}

fn status<'a>(rows: &'a serde_json::Value, record: &str) -> Vec<&'a str> {
    rows.as_array()
        .unwrap()
        .iter()
        .filter(|r| r["Object"].as_str().unwrap().starts_with(record))
        .map(|r| r["Severity"].as_str().unwrap())
        .collect()
}

#[test]
fn the_published_guidance_passes() {
    let org = org();
    let dns = Dns::start(published(&org));
    let run = test(&org, &dns).ok();
    let rows = run.json();
    for record in ["MX", "SPF", "DMARC", "Verification"] {
        let s = status(&rows, record);
        assert!(!s.is_empty(), "no {record} check in {rows}");
        assert!(s.iter().all(|s| *s == "Pass"), "{record}: {s:?} in {rows}");
    }
}

#[test]
fn broken_records_fail_and_say_which() {
    let org = org();
    let good = published(&org);
    let verification = good.txt["contoso.com"]
        .iter()
        .find(|t| !t.starts_with("v=spf1"))
        .unwrap()
        .clone();
    // The article's typo (ipv4: for ip4:), an MX host the guidance does not name, and no
    // DMARC record.
    let zone = Zone::default()
        .mx("contoso.com", 10, "mx1.contoso-gw.net")
        .mx("contoso.com", 20, "backup.example.net")
        .txt(
            "contoso.com",
            "v=spf1 ipv4:198.51.100.25 ip4:131.107.21.231 -all",
        )
        .txt("contoso.com", &verification);
    let dns = Dns::start(zone.clone());
    let run = test(&org, &dns).fails(1);
    let rows = run.json();
    for record in ["MX", "SPF", "DMARC"] {
        assert!(
            status(&rows, record).contains(&"Error"),
            "{record} should fail: {rows}"
        );
    }
    assert_eq!(status(&rows, "Verification"), ["Pass"], "{rows}");
    let text = rows.to_string();
    assert!(text.contains("backup.example.net"), "{text}");
    assert!(text.contains("ipv4:"), "{text}");
    assert!(run.stderr.contains("Get-DnsGuidance"), "{}", run.stderr);

    // A second SPF record makes both void.
    let dns = Dns::start(zone.txt("contoso.com", "v=spf1 ip4:131.107.21.231 -all"));
    let rows = test(&org, &dns).fails(1).json();
    assert!(rows.to_string().contains("2 SPF records"), "{rows}");
}
