//! Protection through the real relay: the connection filter (IP allow and block lists,
//! DNS block lists) at connect, and sender authentication (SPF, DKIM, DMARC) at the end of
//! DATA against records served by the test's own DNS server.

use std::net::Ipv4Addr;
use std::time::Duration;

use mail_auth::common::crypto::Ed25519Key;
use mail_auth::common::headers::HeaderWriter;
use mail_auth::dkim::DkimSigner;

use crate::support::dns::{Dns, Zone};
use crate::support::relay::*;
use crate::support::smtp::Client;

const SECS: Duration = Duration::from_secs(20);

/// An organisation with one hosted mailbox and one listener, plus `more`.
fn org(port: u16, more: &str) -> String {
    crate::support::relay::contoso(port, "", more)
}

fn greeting(relay: &Relay) -> String {
    let mut c = Client::connect(relay.addr());
    c.reply()
}

/// Sends one message to admin@contoso.test; the reply to the end of data.
fn send(relay: &Relay, from: &str, data: &str) -> String {
    let mut c = Client::hello(relay.addr());
    c.send(from, &["admin@contoso.test"], data)
}

/// The one message delivered to admin@contoso.test (waits, bounded), in the inbox or, when
/// the anti-spam stage judged it spam, in Junk.
fn delivered(relay: &Relay) -> String {
    let all = || {
        let mut m = relay.maildir("admin@contoso.test", "new");
        m.extend(relay.maildir("admin@contoso.test", ".Junk/new"));
        m
    };
    assert!(
        wait_until(SECS, || all().len() == 1),
        "{}",
        relay.log_text()
    );
    all().remove(0)
}

/// The header section's Authentication-Results fields, unfolded.
fn auth_results(message: &str) -> Vec<String> {
    let header = message.split("\r\n\r\n").next().unwrap();
    let unfolded = header.replace("\r\n\t", " ").replace("\r\n ", " ");
    unfolded
        .lines()
        .filter(|l| {
            l.to_ascii_lowercase()
                .starts_with("authentication-results:")
        })
        .map(String::from)
        .collect()
}

#[test]
fn blocked_ips_are_refused_at_connect_and_allowed_ones_served() {
    let port = free_port();
    // 127.0.0.0/8 blocked, 127.0.0.1 allowed: the most specific entry decides.
    let (_dir, state) = state_dir(&org(
        port,
        "HostedConnectionFilterPolicy: { Name: Default, IPBlockList: [127.0.0.0/8, 2001:db8::/32], IPAllowList: [127.0.0.1] }\n",
    ));
    let relay = Relay::start(&state, &[]);
    assert!(greeting(&relay).starts_with("220 "));
    assert!(
        send(&relay, "a@x.test", "Subject: allowed\r\n\r\nx\r\n").starts_with("250"),
        "{}",
        relay.log_text()
    );
    assert!(relay.log_text().contains("IPAllowList (127.0.0.1)"));

    // Now 127.0.0.1 itself is blocked: refused before any greeting, then closed.
    write_state(
        &state,
        &format!(
            "revision: 2\n{}",
            org(
                port,
                "HostedConnectionFilterPolicy: { Name: Default, IPBlockList: [10.0.0.0/8, 127.0.0.1-127.0.0.9] }\n"
            )
        ),
    );
    assert!(wait_until(SECS, || relay
        .log_text()
        .contains("configuration reloaded")));
    let mut c = Client::connect(relay.addr());
    let first = c.reply();
    assert!(first.starts_with("550 5.7.1 "), "{first}");
    assert!(
        !first.contains("IPBlockList"),
        "the client is not told the entry: {first}"
    );
    assert_eq!(c.reply(), "", "the connection is closed");
    let log = relay.log_text();
    assert!(
        log.contains("refused at connect") && log.contains("IPBlockList (127.0.0.1-127.0.0.9)"),
        "{log}"
    );
}

/// 100,000 entries (the lists EOP allows are far shorter) still load, and the one entry
/// that holds the client decides.
#[test]
fn a_hundred_thousand_entry_block_list_loads_and_matches() {
    let port = free_port();
    let mut list = String::from("HostedConnectionFilterPolicy:\n  Name: Default\n  IPBlockList:\n");
    for i in 0..100_000u32 {
        let ip = Ipv4Addr::from(0x0a00_0000 + i * 7);
        list.push_str(&format!("    - {ip}\n"));
    }
    let with = |entry: &str| format!("{list}    - {entry}\n");
    let (_dir, state) = state_dir(&org(port, &with("192.0.2.0/24")));
    let relay = Relay::start(&state, &[]);
    assert!(greeting(&relay).starts_with("220 "), "{}", relay.log_text());
    write_state(
        &state,
        &format!("revision: 2\n{}", org(port, &with("127.0.0.0/30"))),
    );
    assert!(
        wait_until(SECS, || relay.log_text().contains("configuration reloaded")),
        "{}",
        relay.log_text()
    );
    assert!(greeting(&relay).starts_with("550 5.7.1 "));
    assert!(relay.log_text().contains("IPBlockList (127.0.0.0/30)"));
}

fn dnsbl_zone() -> Zone {
    // 127.0.0.1 listed in zen.test with code 127.0.0.2 (RFC 5782 test-point style).
    Zone::default().a("1.0.0.127.zen.test", Ipv4Addr::new(127, 0, 0, 2))
}

#[test]
fn dnsbl_listing_rejects_at_connect() {
    let dns = Dns::start(dnsbl_zone());
    let port = free_port();
    let (_dir, state) = state_dir(&org(
        port,
        "HostedConnectionFilterPolicy: { Name: Default, IPBlockListZones: [clean.test, zen.test] }\n",
    ));
    let relay = Relay::start(&state, &["--dns", &dns.addr.to_string()]);
    let first = greeting(&relay);
    assert!(first.starts_with("550 5.7.1 "), "{first}");
    assert!(!first.contains("zen.test"), "{first}");
    let log = relay.log_text();
    assert!(
        log.contains("listed in IPBlockListZones zen.test (127.0.0.2)"),
        "{log}"
    );
}

#[test]
fn dnsbl_listing_with_score_is_accepted_and_logged() {
    let dns = Dns::start(dnsbl_zone());
    let port = free_port();
    let (_dir, state) = state_dir(&org(
        port,
        "HostedConnectionFilterPolicy: { Name: Default, IPBlockListZones: [zen.test], IPBlockListZoneAction: Score }\n",
    ));
    let relay = Relay::start(&state, &["--dns", &dns.addr.to_string()]);
    assert!(send(&relay, "a@x.test", "Subject: listed\r\n\r\nx\r\n").starts_with("250"));
    let log = relay.log_text();
    assert!(
        log.contains("zen.test (127.0.0.2); IPBlockListZoneAction Score"),
        "{log}"
    );
    // Scored, not refused: the listing is a signal of the anti-spam stage, which files the
    // message as spam (the Default policy's MoveToJmf) with the listing in its report.
    let m = delivered(&relay);
    assert_eq!(relay.maildir("admin@contoso.test", ".Junk/new").len(), 1);
    assert!(m.contains("DNSBL:zen.test"), "{m}");
}

/// Test-MessageRoute asks the DNS block lists only when given a DNS server, and shows
/// the listing.
#[test]
fn test_messageroute_shows_the_connection_filter_verdict() {
    let dns = Dns::start(dnsbl_zone());
    let (_dir, state) = state_dir(&org(
        free_port(),
        "HostedConnectionFilterPolicy: { Name: Default, IPBlockListZones: [zen.test], IPAllowList: [192.0.2.1] }\n",
    ));
    let route = |ip: &str, dns: Option<&str>| {
        let mut args = vec![
            "Test-MessageRoute",
            "-Sender",
            "a@x.test",
            "-Recipients",
            "admin@contoso.test",
            "-ClientIP",
            ip,
            "-o",
            "json",
        ];
        args.extend(dns.iter().flat_map(|d| ["-DnsServer", *d]));
        let out = eopctl(&state, &args);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let rows: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        rows[0].clone()
    };
    let addr = dns.addr.to_string();
    let listed = route("127.0.0.1", Some(&addr));
    assert_eq!(listed["Action"], "Reject", "{listed}");
    assert_eq!(listed["ConnectionFilter"], "Blocked");
    assert!(listed["Reply"].as_str().unwrap().starts_with("550 5.7.1 "));
    assert!(
        listed["Reasons"][0]
            .as_str()
            .unwrap()
            .contains("zen.test (127.0.0.2)"),
        "{listed}"
    );
    let skipped = route("127.0.0.1", None);
    assert_eq!(skipped["Action"], "Deliver", "{skipped}");
    assert!(
        skipped["Reasons"].to_string().contains("give -DnsServer"),
        "{skipped}"
    );
    let allowed = route("192.0.2.1", Some(&addr));
    assert_eq!(
        allowed["ConnectionFilter"],
        "Allowed (spam filtering skipped)"
    );
}

/// The zone every sender authentication test serves.
fn auth_zone() -> Zone {
    Zone::default()
        .txt("spf-pass.test", "v=spf1 ip4:127.0.0.0/8 -all")
        .txt("spf-fail.test", "v=spf1 ip4:192.0.2.1 -all")
        .txt("spf-soft.test", "v=spf1 ~all")
        .txt("client.test", "v=spf1 ip4:127.0.0.1 -all")
        .txt(
            "sel._domainkey.dkim.test",
            "v=DKIM1; k=ed25519; p=gjP4C5LDNi+MyW6XyeUI+E5cU+hSiki/XnavgqLKJSM=",
        )
        .txt("dkim.test", "v=spf1 -all")
        .txt("_dmarc.dkim.test", "v=DMARC1; p=reject")
        .txt("reject.test", "v=spf1 -all")
        .txt("_dmarc.reject.test", "v=DMARC1; p=reject")
        .txt("quarantine.test", "v=spf1 -all")
        .txt("_dmarc.quarantine.test", "v=DMARC1; p=quarantine")
}

fn auth_relay(more: &str) -> (tempfile::TempDir, Relay, Dns) {
    let dns = Dns::start(auth_zone());
    let port = free_port();
    let (dir, state) = state_dir(&org(port, more));
    let relay = Relay::start(&state, &["--dns", &dns.addr.to_string()]);
    (dir, relay, dns)
}

#[test]
fn spf_pass_fail_and_softfail_are_written_to_authentication_results() {
    for (domain, want) in [
        ("spf-pass.test", "spf=pass"),
        ("spf-fail.test", "spf=fail"),
        ("spf-soft.test", "spf=softfail"),
        ("nothing.test", "spf=none"),
    ] {
        let (_dir, relay, _dns) = auth_relay("");
        let from = format!("someone@{domain}");
        let reply = send(
            &relay,
            &from,
            &format!("From: {from}\r\nSubject: spf\r\n\r\nx\r\n"),
        );
        assert!(reply.starts_with("250"), "{domain}: {reply}");
        let msg = delivered(&relay);
        let ar = auth_results(&msg);
        assert_eq!(ar.len(), 1, "{msg}");
        assert!(
            ar[0].starts_with("Authentication-Results: relay.test;"),
            "{}",
            ar[0]
        );
        // The MAIL FROM identity, and the HELO identity (client.test passes).
        assert!(
            ar[0].contains(&format!("{want} ")) && ar[0].contains(&format!("smtp.mailfrom={from}")),
            "{domain}: {}",
            ar[0]
        );
        assert!(
            ar[0].contains("spf=pass") && ar[0].contains("smtp.helo=client.test"),
            "{}",
            ar[0]
        );
        assert!(relay.log_text().contains("sender authentication"));
    }
}

/// Signs with the Ed25519 key published at sel._domainkey.dkim.test.
fn dkim_signed(message: &str) -> String {
    const SEED: [u8; 32] = [
        0x61, 0x71, 0x36, 0xb5, 0x59, 0xc9, 0xb7, 0x96, 0x3e, 0x92, 0x3f, 0xec, 0x8a, 0xdf, 0x1f,
        0x40, 0x68, 0xe7, 0xf4, 0xd4, 0xeb, 0x15, 0x96, 0x98, 0xd9, 0x9b, 0xcf, 0x09, 0x2b, 0xe2,
        0x1d, 0xfb,
    ];
    const PUBLIC: [u8; 32] = [
        0x82, 0x33, 0xf8, 0x0b, 0x92, 0xc3, 0x36, 0x2f, 0x8c, 0xc9, 0x6e, 0x97, 0xc9, 0xe5, 0x08,
        0xf8, 0x4e, 0x5c, 0x53, 0xe8, 0x52, 0x8a, 0x48, 0xbf, 0x5e, 0x76, 0xaf, 0x82, 0xa2, 0xca,
        0x25, 0x23,
    ];
    let key = Ed25519Key::from_seed_and_public_key(&SEED, &PUBLIC).unwrap();
    let signature = DkimSigner::from_key(key)
        .domain("dkim.test")
        .selector("sel")
        .headers(["From", "To", "Subject"])
        .sign(message.as_bytes())
        .unwrap();
    format!("{}{message}", signature.to_header())
}

const SIGNED: &str =
    "From: news@dkim.test\r\nTo: admin@contoso.test\r\nSubject: signed\r\n\r\nThe signed body.\r\n";

#[test]
fn dkim_signature_passes_and_carries_dmarc() {
    let (_dir, relay, _dns) = auth_relay("");
    // SPF fails for dkim.test, but the aligned DKIM signature passes DMARC (p=reject).
    let reply = send(&relay, "bounce@dkim.test", &dkim_signed(SIGNED));
    assert!(reply.starts_with("250"), "{reply}\n{}", relay.log_text());
    let ar = auth_results(&delivered(&relay)).remove(0);
    assert!(ar.contains("dkim=pass") && ar.contains("dkim.test"), "{ar}");
    assert!(
        ar.contains("dmarc=pass") && ar.contains("header.from=dkim.test"),
        "{ar}"
    );
}

#[test]
fn tampered_dkim_signature_fails_and_dmarc_rejects() {
    let (_dir, relay, _dns) = auth_relay("");
    let tampered = dkim_signed(SIGNED).replace("The signed body.", "The changed body.");
    let reply = send(&relay, "bounce@dkim.test", &tampered);
    assert!(reply.starts_with("550 5.7.1 "), "{reply}");
    let log = relay.log_text();
    assert!(log.contains("dmarc=fail"), "{log}");
    assert!(!log.contains("dkim=[\"pass"), "{log}");
    assert!(log.contains("p=reject"), "{log}");
}

#[test]
fn tampered_dkim_signature_is_reported_as_failing() {
    // With the DMARC policy switched off the message arrives and shows the failure.
    let (_dir, relay, _dns) =
        auth_relay("HostedConnectionFilterPolicy: { Name: Default, HonorDmarcPolicy: false }\n");
    let tampered = dkim_signed(SIGNED).replace("The signed body.", "The changed body.");
    assert!(send(&relay, "bounce@dkim.test", &tampered).starts_with("250"));
    let msg = delivered(&relay);
    let ar = auth_results(&msg).remove(0);
    assert!(!ar.contains("dkim=pass"), "{ar}");
    assert!(
        ar.contains("dkim=fail") || ar.contains("dkim=neutral"),
        "{ar}"
    );
    assert!(ar.contains("dmarc=fail"), "{ar}");
    // Not honoured: only marked, as EOP's oreject.
    assert!(
        msg.contains("X-Eopctl-DMARC-Action: oreject; header.from=dkim.test"),
        "{msg}"
    );
}

#[test]
fn dmarc_reject_is_refused_after_data() {
    let (_dir, relay, _dns) = auth_relay("");
    let reply = send(
        &relay,
        "ceo@reject.test",
        "From: ceo@reject.test\r\nSubject: wire money\r\n\r\nx\r\n",
    );
    assert!(reply.starts_with("550 5.7.1 "), "{reply}");
    assert!(reply.contains("DMARC"), "{reply}");
    let log = relay.log_text();
    assert!(
        log.contains("reject.test fails DMARC and publishes p=reject"),
        "{log}"
    );
    assert_eq!(relay.queued(), 0);
}

#[test]
fn allowed_ips_skip_the_dmarc_action_but_are_still_authenticated() {
    let (_dir, relay, _dns) =
        auth_relay("HostedConnectionFilterPolicy: { Name: Default, IPAllowList: [127.0.0.1] }\n");
    let reply = send(
        &relay,
        "ceo@reject.test",
        "From: ceo@reject.test\r\nSubject: allowed\r\n\r\nx\r\n",
    );
    assert!(reply.starts_with("250"), "{reply}");
    let msg = delivered(&relay);
    assert!(auth_results(&msg)[0].contains("dmarc=fail"), "{msg}");
    assert!(!msg.contains("X-Eopctl-DMARC-Action"), "{msg}");
    assert!(
        relay
            .log_text()
            .contains("but the client is in IPAllowList")
    );
}

#[test]
fn dmarc_quarantine_is_honoured_as_spam() {
    let (_dir, relay, _dns) = auth_relay("");
    let reply = send(
        &relay,
        "a@quarantine.test",
        "From: a@quarantine.test\r\nSubject: q\r\n\r\nx\r\n",
    );
    assert!(reply.starts_with("250"), "{reply}");
    let msg = delivered(&relay);
    assert!(
        msg.contains("X-Eopctl-DMARC-Action: quarantine; header.from=quarantine.test"),
        "{msg}"
    );
    assert!(auth_results(&msg)[0].contains("dmarc=fail"), "{msg}");
    // Honoured: the anti-spam stage files it as spam (the Default policy's MoveToJmf).
    assert_eq!(
        relay.maildir("admin@contoso.test", ".Junk/new").len(),
        1,
        "{msg}"
    );
    assert!(msg.contains("DMARC_POLICY"), "{msg}");
}

#[test]
fn forged_authentication_results_are_stripped() {
    let (_dir, relay, _dns) = auth_relay("");
    let forged = "Authentication-Results: relay.test; spf=pass smtp.mailfrom=ceo@reject.test;\r\n\tdmarc=pass header.from=reject.test\r\nAuthentication-Results: mx.elsewhere.test; spf=pass\r\nFrom: a@spf-pass.test\r\nSubject: forged\r\n\r\nx\r\n";
    assert!(send(&relay, "a@spf-pass.test", forged).starts_with("250"));
    let msg = delivered(&relay);
    let ar = auth_results(&msg);
    assert_eq!(ar.len(), 2, "{msg}");
    let ours: Vec<&String> = ar.iter().filter(|a| a.contains("relay.test")).collect();
    assert_eq!(ours.len(), 1, "{msg}");
    assert!(!ours[0].contains("header.from=reject.test"), "{msg}");
    assert!(ar.iter().any(|a| a.contains("mx.elsewhere.test")), "{msg}");
    assert!(
        relay
            .log_text()
            .contains("removed forged Authentication-Results")
    );
}

#[test]
fn trusted_connectors_are_not_authenticated() {
    let (_dir, relay, _dns) = auth_relay(
        "InboundConnectors:\n  - { Name: On-prem, ConnectorType: OnPremises, SenderIPAddresses: [127.0.0.1] }\n",
    );
    // p=reject would refuse this from the Internet; from on premises it is delivered.
    assert!(
        send(
            &relay,
            "ceo@reject.test",
            "From: ceo@reject.test\r\nSubject: internal\r\n\r\nx\r\n"
        )
        .starts_with("250")
    );
    assert!(auth_results(&delivered(&relay)).is_empty());
}

/// Enhanced filtering (MX to on premises): mail relayed by the on-premises server is judged
/// by its original client. An original client on the IP Block list is refused after DATA;
/// its SPF is checked against that address, not the on-premises server's.
#[test]
fn enhanced_filtering_applies_the_filters_to_the_original_client() {
    let dns = Dns::start(Zone::default().txt("fabrikam.test", "v=spf1 ip4:203.0.113.0/24 -all"));
    let port = free_port();
    let (_dir, state) = state_dir(&org(
        port,
        "InboundConnectors:\n  - { Name: From on-prem, ConnectorType: OnPremises, SenderIPAddresses: [127.0.0.1], EFSkipLastIP: true }\nHostedConnectionFilterPolicy: { Name: Default, IPBlockList: [198.51.100.0/24] }\n",
    ));
    let relay = Relay::start(&state, &["--dns", &dns.addr.to_string()]);
    let via = |ip: &str| {
        format!(
            "Received: from pc ([{ip}])\r\n\tby mail.onprem.test with ESMTP id 1;\r\n\tMon, 2 Mar 2026 10:00:00 +0000\r\nFrom: a@fabrikam.test\r\nSubject: behind on-prem\r\n\r\nx\r\n"
        )
    };
    let end = send(&relay, "a@fabrikam.test", &via("198.51.100.7"));
    assert!(end.starts_with("550 5.7.1"), "{end}");
    assert!(send(&relay, "a@fabrikam.test", &via("203.0.113.5")).starts_with("250"));
    let m = delivered(&relay);
    let results = auth_results(&m).join("\n");
    assert!(results.contains("spf=pass"), "{results}\n{m}");
}
