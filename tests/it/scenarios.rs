//! EOP standalone and the hybrid scenarios end to end: each examples/<scenario>/setup.sh builds the state,
//! then eopctl serve, a real Postfix playing the on-premises server and an SMTP sink
//! playing the Internet carry mail along every line of the article's diagram. Each test
//! checks where every message lands, which hops it took (Received headers), that the
//! service's internal headers reach on premises but never the Internet, and that the
//! trace shows one delivery per recipient and hop (no loop).
//!
//! The players, all on loopback:
//! - the service: eopctl serve on `eop`, the domain contoso.test, the hosted mailbox
//!   alice@contoso.test;
//! - on premises: Postfix on `pf`, connecting out from 127.0.0.2 (ONPREM_IP), with the
//!   mailbox bob@contoso.test; it sends alice's mail to the service and everything else
//!   to the service too (its relay host), unless a scenario says otherwise;
//! - the Internet: an SMTP sink, the MX of fabrikam.test and tailspin.test in the test
//!   DNS server; Internet clients connect from 127.0.0.1, 127.0.0.7 and 127.0.0.8.
//! - a hosted mailbox's client submits through the relay's pickup directory (the relay
//!   has no authenticated submission). A pickup drop gets no Received header; it gets a
//!   trace row of its own (connector "Pickup"), like mail that arrives over SMTP.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::queue::{SECS, json};
use crate::support::dns::{Dns, Zone};
use crate::support::postfix::Postfix;
use crate::support::relay::*;
use crate::support::smtp::{Received, Sink};

const DOMAIN: &str = "contoso.test";
const ALICE: &str = "alice@contoso.test";
const BOB: &str = "bob@contoso.test";
const ONPREM_IP: &str = "127.0.0.2";

/// One scenario's players.
struct World {
    _dir: tempfile::TempDir,
    state: PathBuf,
    relay: Relay,
    postfix: Postfix,
    internet: Sink,
    dns: Dns,
    eop: u16,
    pf: u16,
}

/// Builds the state with examples/`scenario`/setup.sh and starts everyone. `postfix_more`
/// adds entries to on premises' transport map (INTERNET is the sink's port), `main_cf`
/// settings to its main.cf; `state_more` are cmdlets run after setup.
fn world(
    scenario: &str,
    postfix_more: &str,
    main_cf: &str,
    state_more: &[&[&str]],
) -> Option<World> {
    if !have("postfix") || !have("swaks") {
        return None;
    }
    let internet = Sink::start();
    let (eop, pf) = (free_port(), free_port());
    let (dir, state) = state_dir("");
    let script = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("examples")
        .join(scenario)
        .join("setup.sh");
    let out = Command::new("bash")
        .arg(&script)
        .env("EOPCTL", bin())
        .env("EOPCTL_STATE", &state)
        .env("DOMAIN", DOMAIN)
        .env("ONPREM_HOST", format!("onprem.{DOMAIN}:{pf}"))
        .env("ONPREM_IP", ONPREM_IP)
        .env("ONPREM_CERTIFICATE_NAME", "")
        .env("ONPREM_USERS", BOB)
        .env("HOSTED_MAILBOXES", ALICE)
        .env("LISTEN", format!("127.0.0.1:{eop}"))
        .env("SERVICE_HOST", format!("mx.{DOMAIN}"))
        .env("SERVICE_IP", "127.0.0.1")
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}: {}",
        script.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    for args in state_more {
        eopctl_ok(&state, args);
    }
    // DNS as Get-DnsGuidance says to publish it, plus the Internet's MX.
    let mut zone = Zone::default()
        .mx("fabrikam.test", 10, "mx.fabrikam.test")
        .mx("tailspin.test", 10, "mx.fabrikam.test")
        // The Internet sender's SPF: its own client (127.0.0.7) and 127.0.0.1, not on
        // premises, so only enhanced filtering makes its mail through on premises pass.
        .txt("fabrikam.test", "v=spf1 ip4:127.0.0.7 ip4:127.0.0.1 ~all");
    for host in ["mx.fabrikam.test", "mx.contoso.test", "onprem.contoso.test"] {
        zone = zone.a(host, "127.0.0.1".parse().unwrap());
    }
    for r in json(&state, &["Get-DnsGuidance", "-DomainName", DOMAIN]) {
        let (name, value) = (r["Name"].as_str().unwrap(), r["Value"].as_str().unwrap());
        zone = match (r["Type"].as_str().unwrap(), value.split_once(' ')) {
            ("MX", Some((pref, host))) => zone.mx(name, pref.parse().unwrap(), host),
            _ => zone.txt(name, value),
        };
    }
    let dns = Dns::start(zone);
    let relay = Relay::start(
        &state,
        &[
            "--dns",
            &dns.addr.to_string(),
            "--smtp-port",
            &internet.addr.port().to_string(),
        ],
    );
    // On premises knows both mailboxes of the domain: bob's is its own, alice's is in the
    // service (Exchange's target address), so it sends her mail there.
    let extra = format!(
        "virtual_mailbox_domains = {DOMAIN}
virtual_mailbox_maps = inline:{{ {BOB}=bob/, {ALICE}=alice/ }}
transport_maps = inline:{{ {ALICE}=smtp:[127.0.0.1]:{eop}{} }}
{main_cf}",
        postfix_more.replace("INTERNET", &internet.addr.port().to_string())
    );
    let postfix = Postfix::start_with(pf, eop, ONPREM_IP, &extra);
    Some(World {
        _dir: dir,
        state,
        relay,
        postfix,
        internet,
        dns,
        eop,
        pf,
    })
}

impl World {
    /// An Internet client at `client_ip` sends to the server on `port`.
    fn smtp(&self, port: u16, client_ip: &str, from: &str, to: &str, subject: &str) {
        let out = Command::new("swaks")
            .args(["--server", &format!("127.0.0.1:{port}")])
            .args(["--local-interface", client_ip])
            .args(["--helo", "client.fabrikam.test"])
            .args(["--from", from, "--to", to])
            .args(["--header", &format!("Subject: {subject}")])
            .args(["--silent", "2", "--timeout", "30"])
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "swaks {subject}: {}\nrelay:\n{}\npostfix:\n{}",
            String::from_utf8_lossy(&out.stdout),
            self.relay.log_text(),
            self.postfix.log()
        );
    }

    /// "Protect on-premises mailboxes" "How do you know this task worked?" for DNS: the records the guidance
    /// printed, as published, pass Test-DnsRecords.
    fn dns_records_pass(&self) {
        eopctl_ok(
            &self.state,
            &[
                "Test-DnsRecords",
                "-DomainName",
                DOMAIN,
                "-DnsServer",
                &self.dns.addr.to_string(),
            ],
        );
    }

    /// The Internet (127.0.0.1) sends to the service.
    fn to_service(&self, from: &str, to: &str, subject: &str) {
        self.smtp(self.eop, "127.0.0.1", from, to, subject);
    }

    /// Someone sends to the on-premises server: the Internet (MX on premises) or its users.
    fn to_on_premises(&self, client_ip: &str, from: &str, to: &str, subject: &str) {
        self.smtp(self.pf, client_ip, from, to, subject);
    }

    /// A hosted mailbox's client submits a message (the pickup directory).
    fn hosted_sends(&self, to: &str, subject: &str) {
        let dir = self.relay.data_dir.join("pickup");
        std::fs::create_dir_all(&dir).unwrap();
        let envelope = serde_json::json!({"Sender": ALICE, "Recipients": [to]}).to_string();
        let message = format!(
            "From: <{ALICE}>\r\nTo: <{to}>\r\nSubject: {subject}\r\nMessage-ID: <{}@contoso.test>\r\n\r\nhello\r\n",
            subject.replace(' ', ".")
        );
        let file = format!("EOPP1 {}\n{envelope}\n{message}", envelope.len());
        let tmp = dir.join(format!(".{}", subject.replace(' ', "-")));
        std::fs::write(&tmp, file).unwrap();
        std::fs::rename(&tmp, dir.join(format!("{}.msg", subject.replace(' ', "-")))).unwrap();
    }

    fn wait(&self, what: &str, mut found: impl FnMut() -> bool) {
        assert!(
            wait_until(SECS, &mut found),
            "{what} never arrived\nrelay:\n{}\npostfix:\n{}",
            self.relay.log_text(),
            self.postfix.log()
        );
    }

    /// The one message with `subject` in bob's on-premises Maildir.
    fn at_bob(&self, subject: &str) -> String {
        self.wait(subject, || {
            with_subject(&self.postfix.bob(), subject).is_some()
        });
        with_subject(&self.postfix.bob(), subject).unwrap()
    }

    /// The one message with `subject` in alice's hosted Maildir.
    fn at_alice(&self, subject: &str) -> String {
        let inbox = || self.relay.maildir(ALICE, "new");
        self.wait(subject, || with_subject(&inbox(), subject).is_some());
        with_subject(&inbox(), subject).unwrap()
    }

    /// The one message with `subject` the Internet received.
    fn at_internet(&self, subject: &str) -> Received {
        let find = || {
            let all: Vec<Received> = self
                .internet
                .received()
                .into_iter()
                .filter(|m| m.data.contains(&format!("Subject: {subject}\r\n")))
                .collect();
            assert!(all.len() <= 1, "{subject} arrived {} times", all.len());
            all.into_iter().next()
        };
        self.wait(subject, || find().is_some());
        let got = find().unwrap();
        no_service_headers(&got.data);
        got
    }

    /// The trace of `recipient`'s copies of `subject`: `n` rows (one per pass through the
    /// service), each with exactly one final event (Deliver or Send external).
    fn passes(&self, recipient: &str, subject: &str, n: usize) -> Vec<Vec<serde_json::Value>> {
        let rows = || {
            json(
                &self.state,
                &["Get-MessageTrace", "-RecipientAddress", recipient],
            )
            .into_iter()
            .filter(|r| r["Subject"] == subject)
            .collect::<Vec<_>>()
        };
        let done = wait_until(SECS, || {
            let r = rows();
            r.len() == n && r.iter().all(|r| r["Status"] == "Delivered")
        });
        assert!(
            done,
            "{subject} to {recipient}: not {n} delivered passes: {:?}\n{}",
            rows(),
            self.relay.log_text()
        );
        rows()
            .iter()
            .map(|r| {
                let events = json(
                    &self.state,
                    &[
                        "Get-MessageTraceDetail",
                        "-MessageTraceId",
                        r["MessageTraceId"].as_str().unwrap(),
                        "-RecipientAddress",
                        recipient,
                    ],
                );
                let finals = events
                    .iter()
                    .filter(|e| matches!(e["Event"].as_str(), Some("Deliver" | "Send external")))
                    .count();
                assert_eq!(finals, 1, "{subject} to {recipient}: {events:?}");
                events
            })
            .collect()
    }
}

fn with_subject(messages: &[String], subject: &str) -> Option<String> {
    let all: Vec<&String> = messages
        .iter()
        .filter(|m| {
            m.contains(&format!("Subject: {subject}\n"))
                || m.contains(&format!("Subject: {subject}\r\n"))
        })
        .collect();
    assert!(all.len() <= 1, "{subject} arrived {} times", all.len());
    all.first().map(|m| m.to_string())
}

/// The hops a message took, oldest first: "eopctl" or "Postfix" for each Received header.
fn hops(message: &str) -> Vec<&'static str> {
    let head = message.split("\r\n\r\n").next().unwrap_or(message);
    let head = head.split("\n\n").next().unwrap_or(head);
    // The stamping server is named on a continuation line: read the headers unfolded.
    let unfolded = head
        .replace("\r\n", "\n")
        .replace("\n\t", " ")
        .replace("\n ", " ");
    let mut out: Vec<&'static str> = unfolded
        .lines()
        .filter(|l| l.len() >= 9 && l[..9].eq_ignore_ascii_case("received:"))
        .map(|l| {
            if l.contains("(eopctl)") {
                "eopctl"
            } else if l.contains("(Postfix)") {
                "Postfix"
            } else {
                "other"
            }
        })
        .collect();
    out.reverse();
    out
}

/// None of the service's internal headers are on a message that left for the Internet.
#[track_caller]
fn no_service_headers(message: &str) {
    let lower = message.to_ascii_lowercase();
    for prefix in [
        "\nx-ms-exchange-organization-",
        "\nx-forefront-antispam-report",
        "\nx-eopctl-",
    ] {
        assert!(!lower.contains(prefix), "{prefix} leaked:\n{message}");
    }
}

/// The service's verdict headers are on a message it sent on premises.
#[track_caller]
fn service_headers(message: &str) {
    assert!(
        message.contains("X-MS-Exchange-Organization-SCL:")
            && message.contains("X-Forefront-Antispam-Report:"),
        "{message}"
    );
}

/// The Internet client whose address the IP Block list names, in the scenarios with MX on
/// premises: only enhanced filtering can see it.
const BLOCKED: &str = "127.0.0.8";
const BLOCK: &[&str] = &["Set-HostedConnectionFilterPolicy", "-IPBlockList", BLOCKED];

#[test]
fn standalone_protects_on_premises_mailboxes() {
    // Bob forwards his mail to dave@fabrikam.test too: on premises relays it back out
    // through the service, with the verdict headers the service stamped on the way in,
    // which the inbound connector keeps (CloudServicesMailEnabled).
    let Some(w) = world(
        "standalone",
        "",
        &format!("virtual_alias_maps = inline:{{ {{ {BOB} = {BOB}, dave@fabrikam.test }} }}"),
        &[],
    ) else {
        return;
    };
    w.dns_records_pass();
    // "Protect on-premises mailboxes" step 6: Internet -> service (MX) -> filter -> on premises.
    w.to_service("carol@fabrikam.test", BOB, "sa internet to bob");
    // On premises -> service (inbound connector) -> Internet.
    w.to_on_premises("127.0.0.1", BOB, "dave@fabrikam.test", "sa bob to internet");

    let m = w.at_bob("sa internet to bob");
    assert_eq!(hops(&m), ["eopctl", "Postfix"], "{m}");
    service_headers(&m);
    let m = w.at_internet("sa bob to internet");
    assert_eq!(hops(&m.data), ["Postfix", "eopctl"], "{}", m.data);
    assert_eq!(m.to, ["dave@fabrikam.test"]);
    w.passes(BOB, "sa internet to bob", 1);
    // The forwarded copy leaves for the Internet without the service's internal headers.
    let m = w.at_internet("sa internet to bob");
    assert_eq!(hops(&m.data), ["eopctl", "Postfix", "eopctl"], "{}", m.data);
    assert_eq!(m.to, ["dave@fabrikam.test"]);
    w.passes("dave@fabrikam.test", "sa bob to internet", 1);
    // Step 2: Directory Based Edge Blocking refuses recipients nobody listed.
    let mut c = crate::support::smtp::Client::hello(w.relay.addr());
    assert!(c.cmd("MAIL FROM:<carol@fabrikam.test>").starts_with("250"));
    let r = c.cmd("RCPT TO:<nobody@contoso.test>");
    assert!(r.starts_with("550 5.4.1"), "{r}");
}

#[test]
fn hybrid_scenario1_mx_to_the_service_which_filters_all() {
    let Some(w) = world("hybrid-scenario1", "", "", &[]) else {
        return;
    };
    w.dns_records_pass();
    // Internet -> service (MX) -> filter -> on premises (OutboundConnector "To on-premises").
    w.to_service("carol@fabrikam.test", BOB, "s1 internet to bob");
    // Internet -> service -> hosted mailbox.
    w.to_service("carol@fabrikam.test", ALICE, "s1 internet to alice");
    // On premises -> service -> Internet, and -> hosted mailbox.
    w.to_on_premises("127.0.0.1", BOB, "dave@fabrikam.test", "s1 bob to internet");
    w.to_on_premises("127.0.0.1", BOB, ALICE, "s1 bob to alice");
    // Hosted mailbox -> Internet (the service sends it by MX), and -> on premises.
    w.hosted_sends("dave@fabrikam.test", "s1 alice to internet");
    w.hosted_sends(BOB, "s1 alice to bob");

    let m = w.at_bob("s1 internet to bob");
    assert_eq!(hops(&m), ["eopctl", "Postfix"], "{m}");
    service_headers(&m);
    let m = w.at_alice("s1 internet to alice");
    assert_eq!(hops(&m), ["eopctl"], "{m}");
    let m = w.at_internet("s1 bob to internet");
    assert_eq!(hops(&m.data), ["Postfix", "eopctl"], "{}", m.data);
    let m = w.at_alice("s1 bob to alice");
    assert_eq!(hops(&m), ["Postfix", "eopctl"], "{m}");
    let m = w.at_internet("s1 alice to internet");
    assert_eq!(hops(&m.data), Vec::<&str>::new(), "{}", m.data);
    // A hosted mailbox's own mail is not filtered: no verdict headers.
    let m = w.at_bob("s1 alice to bob");
    assert_eq!(hops(&m), ["Postfix"], "{m}");
    for (rcpt, subject) in [
        (BOB, "s1 internet to bob"),
        (ALICE, "s1 internet to alice"),
        ("dave@fabrikam.test", "s1 bob to internet"),
        (ALICE, "s1 bob to alice"),
        ("dave@fabrikam.test", "s1 alice to internet"),
        (BOB, "s1 alice to bob"),
    ] {
        w.passes(rcpt, subject, 1);
    }
}

#[test]
fn hybrid_scenario2_centralized_mail_transport() {
    let Some(w) = world("hybrid-scenario2", "", "", &[]) else {
        return;
    };
    w.dns_records_pass();
    // Line 1: Internet -> service -> on premises -> service -> hosted mailbox.
    w.to_service("carol@fabrikam.test", ALICE, "s2 internet to alice");
    // Internet -> service -> on premises.
    w.to_service("carol@fabrikam.test", BOB, "s2 internet to bob");
    // Line 4: hosted mailbox -> service -> on premises -> service -> Internet.
    w.hosted_sends("dave@fabrikam.test", "s2 alice to internet");
    // On premises -> service -> Internet: never sent back on premises.
    w.to_on_premises("127.0.0.1", BOB, "dave@fabrikam.test", "s2 bob to internet");
    // Between the two sides.
    w.to_on_premises("127.0.0.1", BOB, ALICE, "s2 bob to alice");
    w.hosted_sends(BOB, "s2 alice to bob");

    let m = w.at_alice("s2 internet to alice");
    assert_eq!(hops(&m), ["eopctl", "Postfix", "eopctl"], "{m}");
    w.passes(ALICE, "s2 internet to alice", 2);
    let m = w.at_bob("s2 internet to bob");
    assert_eq!(hops(&m), ["eopctl", "Postfix"], "{m}");
    service_headers(&m);
    let m = w.at_internet("s2 alice to internet");
    assert_eq!(hops(&m.data), ["Postfix", "eopctl"], "{}", m.data);
    // Two passes: the pickup, then the return from on premises.
    w.passes("dave@fabrikam.test", "s2 alice to internet", 2);
    let m = w.at_internet("s2 bob to internet");
    assert_eq!(hops(&m.data), ["Postfix", "eopctl"], "{}", m.data);
    let m = w.at_alice("s2 bob to alice");
    assert_eq!(hops(&m), ["Postfix", "eopctl"], "{m}");
    let m = w.at_bob("s2 alice to bob");
    assert_eq!(hops(&m), ["Postfix"], "{m}");
    for (rcpt, subject) in [
        (BOB, "s2 internet to bob"),
        ("dave@fabrikam.test", "s2 bob to internet"),
        (ALICE, "s2 bob to alice"),
        (BOB, "s2 alice to bob"),
    ] {
        w.passes(rcpt, subject, 1);
    }
}

/// The Internet's mail for the hosted mailbox through on premises (MX there): the service
/// judges the original client (enhanced filtering), so the one on the IP Block list is
/// refused and on premises returns an NDR. Returns that NDR as the Internet got it.
fn through_on_premises_with_enhanced_filtering(w: &World, tag: &str) -> Received {
    let good = format!("{tag} internet to alice");
    let blocked = format!("{tag} blocked client");
    w.to_on_premises("127.0.0.7", "carol@fabrikam.test", ALICE, &good);
    w.to_on_premises(BLOCKED, "carol@fabrikam.test", ALICE, &blocked);
    let m = w.at_alice(&good);
    assert_eq!(hops(&m), ["Postfix", "eopctl"], "{m}");
    assert!(
        m.contains("spf=pass"),
        "SPF judged the on-premises hop:\n{m}"
    );
    let passes = w.passes(ALICE, &good, 1);
    // The connecting client is on premises; sender authentication judged the original.
    assert!(
        passes[0]
            .iter()
            .any(|e| e["Event"] == "Receive" && e["Detail"].as_str().unwrap().contains(ONPREM_IP)),
        "{passes:?}"
    );
    assert!(
        passes[0].iter().any(|e| e["Event"] == "Verdict"
            && e["Detail"]
                .as_str()
                .unwrap()
                .contains("sender authentication of 127.0.0.7")),
        "{passes:?}"
    );
    let ndr = w.at_internet(&blocked);
    assert!(
        ndr.data.contains("Undelivered Mail Returned to Sender")
            && ndr.to == ["carol@fabrikam.test"],
        "{}",
        ndr.data
    );
    assert!(with_subject(&w.relay.maildir(ALICE, "new"), &blocked).is_none());
    ndr
}

#[test]
fn hybrid_scenario3_mx_to_on_premises() {
    let Some(w) = world(
        "hybrid-scenario3",
        // On premises sends its Internet mail itself.
        ", fabrikam.test=smtp:[127.0.0.1]:INTERNET",
        "",
        &[BLOCK],
    ) else {
        return;
    };
    w.dns_records_pass();
    // Internet -> on premises (MX) -> service (enhanced filtering) -> hosted mailbox; the
    // blocked client's NDR goes from on premises straight to the Internet.
    let ndr = through_on_premises_with_enhanced_filtering(&w, "s3");
    assert_eq!(hops(&ndr.data), ["Postfix"], "{}", ndr.data);
    // Internet -> on premises.
    w.to_on_premises(
        "127.0.0.7",
        "carol@fabrikam.test",
        BOB,
        "s3 internet to bob",
    );
    // Hosted mailbox -> service -> on premises -> Internet.
    w.hosted_sends("dave@fabrikam.test", "s3 alice to internet");
    // On premises -> Internet, without the service.
    w.to_on_premises("127.0.0.1", BOB, "dave@fabrikam.test", "s3 bob to internet");
    // On premises -> service -> hosted mailbox.
    w.to_on_premises("127.0.0.1", BOB, ALICE, "s3 bob to alice");

    let m = w.at_bob("s3 internet to bob");
    assert_eq!(hops(&m), ["Postfix"], "{m}");
    let m = w.at_internet("s3 alice to internet");
    assert_eq!(hops(&m.data), ["Postfix"], "{}", m.data);
    let m = w.at_internet("s3 bob to internet");
    assert_eq!(hops(&m.data), ["Postfix"], "{}", m.data);
    let m = w.at_alice("s3 bob to alice");
    assert_eq!(hops(&m), ["Postfix", "eopctl"], "{m}");
    assert!(
        json(
            &w.state,
            &[
                "Get-MessageTrace",
                "-RecipientAddress",
                "dave@fabrikam.test"
            ]
        )
        .iter()
        .all(|r| r["Subject"] != "s3 bob to internet"),
        "on premises sent it itself"
    );
    // The hosted mailbox's message passed the service once, on its way on premises.
    w.passes("dave@fabrikam.test", "s3 alice to internet", 1);
}

#[test]
fn hybrid_scenario4_on_premises_relays_all_through_the_service() {
    let Some(w) = world("hybrid-scenario4", "", "", &[BLOCK]) else {
        return;
    };
    w.dns_records_pass();
    // Internet -> on premises (MX) -> service (enhanced filtering) -> hosted mailbox; the
    // blocked client's NDR relays from on premises through the service to the Internet.
    let ndr = through_on_premises_with_enhanced_filtering(&w, "s4");
    assert_eq!(hops(&ndr.data), ["Postfix", "eopctl"], "{}", ndr.data);
    // Internet -> on premises.
    w.to_on_premises(
        "127.0.0.7",
        "carol@fabrikam.test",
        BOB,
        "s4 internet to bob",
    );
    // On premises -> service -> Internet, also mail a user forwards (neither the sender's
    // nor the recipient's domain is ours).
    w.to_on_premises("127.0.0.1", BOB, "dave@fabrikam.test", "s4 bob to internet");
    w.to_on_premises(
        "127.0.0.1",
        "john@fabrikam.test",
        "kate@tailspin.test",
        "s4 forwarded",
    );
    // Hosted mailbox -> service -> Internet, and -> on premises.
    w.hosted_sends("dave@fabrikam.test", "s4 alice to internet");
    w.hosted_sends(BOB, "s4 alice to bob");

    let m = w.at_bob("s4 internet to bob");
    assert_eq!(hops(&m), ["Postfix"], "{m}");
    for subject in ["s4 bob to internet", "s4 forwarded"] {
        let m = w.at_internet(subject);
        assert_eq!(hops(&m.data), ["Postfix", "eopctl"], "{}", m.data);
    }
    let m = w.at_internet("s4 alice to internet");
    assert_eq!(hops(&m.data), Vec::<&str>::new(), "{}", m.data);
    let m = w.at_bob("s4 alice to bob");
    assert_eq!(hops(&m), ["Postfix"], "{m}");
    for (rcpt, subject) in [
        ("dave@fabrikam.test", "s4 bob to internet"),
        ("kate@tailspin.test", "s4 forwarded"),
        ("dave@fabrikam.test", "s4 alice to internet"),
        (BOB, "s4 alice to bob"),
    ] {
        w.passes(rcpt, subject, 1);
    }
}
