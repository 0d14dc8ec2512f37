//! Mail flow rules through the real relay, on real MIME messages: conditional routing to a
//! rule-scoped connector, rejection in the SMTP session, redirect and blind copy into hosted
//! mailboxes, header and subject edits, the disclaimer, quarantine; and Test-MessageRoute
//! explaining every rule.

use std::time::Duration;

use crate::support::relay::*;
use crate::support::smtp::{Client, Sink};

const SECS: Duration = Duration::from_secs(20);

/// multipart/mixed: a text/plain and a quoted-printable text/html alternative, and a base64
/// attachment named Invoice.EXE.
const MIME: &str = "From: Alice <alice@fabrikam.example>\r\nTo: admin@contoso.test\r\nSubject: Quarterly report\r\nX-Internal-Only: yes\r\nMessage-ID: <r1@fabrikam.example>\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n--b1\r\nContent-Type: multipart/alternative; boundary=\"b2\"\r\n\r\n--b2\r\nContent-Type: text/plain; charset=us-ascii\r\n\r\nPlease wire the money today.\r\n--b2\r\nContent-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n<html><body><p>Please wire the money =\r\ntoday.</p></body></html>\r\n--b2--\r\n\r\n--b1\r\nContent-Type: application/octet-stream; name=\"Invoice.EXE\"\r\nContent-Disposition: attachment; filename=\"Invoice.EXE\"\r\nContent-Transfer-Encoding: base64\r\n\r\nTVqQAAMAAAAEAAAA//8AALgAAAAAAAAAQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAgAAAAA==\r\n--b1--\r\n";

fn org(port: u16, more: &str) -> String {
    format!(
        r#"
AcceptedDomains:
  - {{ Name: contoso.test, DomainName: contoso.test, Default: true }}
  - {{ Name: sales.contoso.test, DomainName: sales.contoso.test, DomainType: InternalRelay }}
Mailboxes:
  - {{ Name: Admin, PrimarySmtpAddress: admin@contoso.test }}
  - {{ Name: Audit, PrimarySmtpAddress: audit@contoso.test }}
  - {{ Name: Legal, PrimarySmtpAddress: legal@contoso.test }}
ReceiveConnectors:
  - {{ Name: Default, Bindings: ["127.0.0.1:{port}"] }}
# The messages carry an .exe for the attachment conditions; the common attachment types
# filter would refuse them before any rule ran.
MalwareFilterPolicies:
  - {{ Name: Default, EnableFileFilter: false }}
{more}"#
    )
}

/// Conditional routing ("Mail Flow" (Office 365)): mail for sales.contoso.test normally goes to the
/// on-premises site by domain; a rule sends the mail with "wire" in it through a
/// rule-scoped connector to a second site instead, and a rule-scoped connector is never
/// chosen by domain.
#[test]
fn conditional_routing_through_a_rule_scoped_connector() {
    let site = Sink::start();
    let special = Sink::start();
    let port = free_port();
    let more = format!(
        r#"OutboundConnectors:
  - {{ Name: To Sales site, ConnectorType: OnPremises, SmartHosts: ["127.0.0.1:{}"], RecipientDomains: [sales.contoso.test] }}
  - {{ Name: To Finance site, ConnectorType: OnPremises, SmartHosts: ["127.0.0.1:{}"], IsTransportRuleScoped: true }}
TransportRules:
  - Name: Payments to Finance
    Priority: 0
    Conditions: {{ SubjectOrBodyContainsWords: [wire], RecipientDomainIs: [sales.contoso.test] }}
    Exceptions: {{ From: [boss@fabrikam.example] }}
    Actions: {{ RouteMessageOutboundConnector: To Finance site }}
"#,
        site.addr.port(),
        special.addr.port()
    );
    let (_dir, state) = state_dir(&org(port, &more));
    let relay = Relay::start(&state, &[]);
    let mut c = Client::hello(relay.addr());
    // Matches (the body says "wire"): the sales recipient goes to the Finance site, the
    // hosted recipient of the same message still lands in its mailbox.
    let end = c.send(
        "alice@fabrikam.example",
        &["carol@sales.contoso.test", "admin@contoso.test"],
        MIME,
    );
    assert!(end.starts_with("250 2.6.0"), "{end}");
    // Excepted (From boss): by domain, to the Sales site.
    let boss = MIME.replace("alice@fabrikam.example", "boss@fabrikam.example");
    assert!(
        c.send("boss@fabrikam.example", &["dave@sales.contoso.test"], &boss)
            .starts_with("250")
    );
    // No "wire": by domain.
    let plain = "From: alice@fabrikam.example\r\nSubject: lunch\r\n\r\nSee you at noon.\r\n";
    assert!(
        c.send(
            "alice@fabrikam.example",
            &["erin@sales.contoso.test"],
            plain
        )
        .starts_with("250")
    );
    assert!(
        wait_until(SECS, || special.received().len() == 1
            && site.received().len() == 2),
        "{}",
        relay.log_text()
    );
    assert_eq!(special.received()[0].to, ["carol@sales.contoso.test"]);
    let mut by_domain: Vec<String> = site.received().iter().flat_map(|m| m.to.clone()).collect();
    by_domain.sort();
    assert_eq!(
        by_domain,
        ["dave@sales.contoso.test", "erin@sales.contoso.test"]
    );
    assert!(wait_until(SECS, || relay
        .maildir("admin@contoso.test", "new")
        .len()
        == 1));
    assert!(
        relay.log_text().contains("Payments to Finance"),
        "{}",
        relay.log_text()
    );
}

/// RejectMessageReasonText with a configured code: refused at the end of DATA, in the
/// session, with the admin's code and text; nothing is queued; the session goes on.
#[test]
fn reject_in_the_session_with_the_configured_code_and_text() {
    let port = free_port();
    let more = r#"TransportRules:
  - Name: No executables
    Conditions: { AttachmentExtensionMatchesWords: [exe, scr] }
    Actions: { RejectMessageReasonText: Executable attachments are not accepted, RejectMessageEnhancedStatusCode: 5.7.901 }
"#;
    let (_dir, state) = state_dir(&org(port, more));
    let relay = Relay::start(&state, &[]);
    let mut c = Client::hello(relay.addr());
    let end = c.send("alice@fabrikam.example", &["admin@contoso.test"], MIME);
    assert_eq!(
        end.trim_end(),
        "550 5.7.901 Executable attachments are not accepted"
    );
    let ok = c.send(
        "alice@fabrikam.example",
        &["admin@contoso.test"],
        "Subject: no attachment\r\n\r\nhello\r\n",
    );
    assert!(ok.starts_with("250 2.6.0"), "{ok}");
    assert!(wait_until(SECS, || relay
        .maildir("admin@contoso.test", "new")
        .len()
        == 1));
    let got = relay.maildir("admin@contoso.test", "new");
    assert!(got[0].contains("no attachment"));
}

/// One message, four rules in priority order: subject prefixed, a header set and another
/// removed, the disclaimer in both text parts (the HTML one re-encoded from
/// quoted-printable, the plain one appended as is), a blind copy to a hosted mailbox;
/// then a redirect of another message; the attachment comes through byte for byte.
#[test]
fn edits_blind_copy_and_redirect_land_in_hosted_mailboxes() {
    let port = free_port();
    let more = r#"TransportRules:
  - Name: Tag external
    Priority: 0
    Conditions: { FromScope: NotInOrganization }
    Actions: { PrependSubject: "[EXT] ", SetHeaderName: X-Contoso-Scanned, SetHeaderValue: rule 1, RemoveHeader: X-Internal-Only }
  - Name: Disclaimer
    Priority: 1
    Actions: { ApplyHtmlDisclaimerText: "<p><b>Confidential:</b> for the addressee only.</p>" }
  - Name: Copy payments to audit
    Priority: 2
    Conditions: { SubjectOrBodyContainsWords: [wire] }
    Actions: { BlindCopyTo: [audit@contoso.test] }
  - Name: Redirect legal hold
    Priority: 3
    Conditions: { SubjectContainsWords: [legal hold] }
    Actions: { RedirectMessageTo: [legal@contoso.test], StopRuleProcessing: true }
"#;
    let (_dir, state) = state_dir(&org(port, more));
    let relay = Relay::start(&state, &[]);
    let mut c = Client::hello(relay.addr());
    assert!(
        c.send("alice@fabrikam.example", &["admin@contoso.test"], MIME)
            .starts_with("250")
    );
    assert!(
        wait_until(SECS, || relay.maildir("admin@contoso.test", "new").len()
            == 1
            && relay.maildir("audit@contoso.test", "new").len() == 1),
        "{}",
        relay.log_text()
    );
    let got = relay.maildir("admin@contoso.test", "new").remove(0);
    let copy = relay.maildir("audit@contoso.test", "new").remove(0);
    // The same message; only the Maildir's Delivered-To differs.
    assert_eq!(
        got.split_once("Received:").unwrap().1,
        copy.split_once("Received:").unwrap().1,
        "the blind copy is the same message"
    );
    assert!(
        got.contains("\r\nSubject: [EXT] Quarterly report\r\n"),
        "{got}"
    );
    assert!(got.contains("\r\nX-Contoso-Scanned: rule 1\r\n"), "{got}");
    assert!(!got.contains("X-Internal-Only"), "{got}");
    assert!(
        !got.contains("audit@contoso.test"),
        "a blind copy is not named in the headers: {got}"
    );
    assert!(
        got.contains(
            "Please wire the money today.\r\nConfidential: for the addressee only.\r\n--b2\r\n"
        ),
        "{got}"
    );
    let parsed = mail_parser::MessageParser::default()
        .parse(got.as_bytes())
        .unwrap();
    let html = parsed.body_html(0).unwrap();
    assert!(
        html.contains("today.</p><p><b>Confidential:</b> for the addressee only.</p></body>"),
        "{html}"
    );
    let attachment = parsed.attachment(0).unwrap();
    assert_eq!(attachment.contents().len(), 67);
    assert!(got.contains("TVqQAAMAAAAEAAAA//8AALgAAAAAAAAAQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAgAAAAA==\r\n--b1--"));
    // Redirect: admin never gets it, legal does.
    let hold =
        "From: alice@fabrikam.example\r\nSubject: Legal  Hold notice\r\n\r\nKeep everything.\r\n";
    assert!(
        c.send("alice@fabrikam.example", &["admin@contoso.test"], hold)
            .starts_with("250")
    );
    assert!(
        wait_until(SECS, || relay.maildir("legal@contoso.test", "new").len()
            == 1),
        "{}",
        relay.log_text()
    );
    assert_eq!(relay.maildir("admin@contoso.test", "new").len(), 1);
    assert!(
        relay.maildir("legal@contoso.test", "new")[0].contains("Subject: [EXT] Legal  Hold notice")
    );
}

/// SetSCL 6 files the message in Junk; Quarantine keeps it under the data directory with
/// its record; DeleteMessage accepts and drops; Audit mode only logs.
#[test]
fn scl_junk_quarantine_delete_and_audit() {
    let port = free_port();
    let more = r#"TransportRules:
  - Name: Audit only
    Priority: 0
    Mode: Audit
    Conditions: { SubjectContainsWords: [junk, hold, drop] }
    Actions: { DeleteMessage: true }
  - Name: Spammy
    Priority: 1
    Conditions: { SubjectContainsWords: [junk] }
    Actions: { SetSCL: 6 }
  - Name: Hold
    Priority: 2
    Conditions: { SubjectMatchesPatterns: ["^hold\\b"] }
    Actions: { Quarantine: true }
  - Name: Drop
    Priority: 3
    Conditions: { HeaderContainsMessageHeader: X-Drop, HeaderContainsWords: ["yes"] }
    Actions: { DeleteMessage: true }
"#;
    let (_dir, state) = state_dir(&org(port, more));
    let relay = Relay::start(&state, &[]);
    let mut c = Client::hello(relay.addr());
    assert!(
        c.send(
            "a@fabrikam.example",
            &["admin@contoso.test"],
            "Subject: junk offer\r\n\r\nx\r\n"
        )
        .starts_with("250")
    );
    assert!(
        c.send(
            "a@fabrikam.example",
            &["admin@contoso.test"],
            "Subject: Hold this\r\n\r\nx\r\n"
        )
        .starts_with("250")
    );
    assert!(
        c.send(
            "a@fabrikam.example",
            &["admin@contoso.test"],
            "Subject: drop me\r\nX-Drop: yes\r\n\r\nx\r\n"
        )
        .starts_with("250")
    );
    assert!(
        c.send(
            "a@fabrikam.example",
            &["admin@contoso.test"],
            "Subject: fine\r\n\r\nx\r\n"
        )
        .starts_with("250")
    );
    assert!(
        wait_until(SECS, || relay
            .maildir("admin@contoso.test", ".Junk/new")
            .len()
            == 1
            && relay.maildir("admin@contoso.test", "new").len() == 1),
        "{}",
        relay.log_text()
    );
    let junk = &relay.maildir("admin@contoso.test", ".Junk/new")[0];
    assert!(
        junk.contains("X-MS-Exchange-Organization-SCL: 6\r\n"),
        "{junk}"
    );
    assert!(relay.maildir("admin@contoso.test", "new")[0].contains("Subject: fine"));
    let q = relay.data_dir.join("quarantine");
    let records: Vec<_> = std::fs::read_dir(&q)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    assert_eq!(records.len(), 1);
    let rec: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&records[0]).unwrap()).unwrap();
    assert_eq!(rec["Type"], "TransportRule");
    assert_eq!(rec["PolicyName"], "TransportRule \"Hold\"");
    let eml = std::fs::read_to_string(records[0].with_extension("eml")).unwrap();
    assert!(eml.contains("Subject: Hold this"));
    let log = relay.log_text();
    assert!(log.contains("message deleted"), "{log}");
    assert!(log.contains("Mode Audit: recorded, nothing done"), "{log}");
}

/// Test-MessageRoute lists every rule, matched or not, and why; -MessageFile reads a real
/// message and takes the envelope from its headers.
#[test]
fn test_messageroute_explains_each_rule_for_a_message_file() {
    let more = r#"OutboundConnectors:
  - { Name: To Finance site, ConnectorType: OnPremises, SmartHosts: [10.0.0.9], IsTransportRuleScoped: true }
TransportRules:
  - Name: Payments to Finance
    Priority: 0
    Conditions: { SubjectOrBodyContainsWords: [wire] }
    Actions: { RouteMessageOutboundConnector: To Finance site }
  - Name: Big only
    Priority: 1
    Conditions: { MessageSizeOver: 10MB }
    Actions: { PrependSubject: "[BIG] " }
  - Name: Off
    Priority: 2
    Enabled: false
    Actions: { SetSCL: 9 }
"#;
    let (dir, state) = state_dir(&org(free_port(), more));
    let file = dir.path().join("msg.eml");
    std::fs::write(&file, MIME).unwrap();
    let out = eopctl(
        &state,
        &[
            "Test-MessageRoute",
            "-MessageFile",
            file.to_str().unwrap(),
            "-ClientIP",
            "192.0.2.1",
            "-o",
            "json",
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let rows = v.as_array().unwrap();
    assert_eq!(rows[0]["Recipient"], "admin@contoso.test");
    assert_eq!(rows[0]["Sender"], "alice@fabrikam.example");
    assert_eq!(rows[0]["Via"], "OutboundConnector \"To Finance site\"");
    let rules = rows[0]["Rules"].as_array().unwrap();
    let results: Vec<(&str, &str)> = rules
        .iter()
        .map(|r| (r["Rule"].as_str().unwrap(), r["Result"].as_str().unwrap()))
        .collect();
    assert_eq!(
        results,
        [
            ("Payments to Finance", "Matched"),
            ("Big only", "NotMatched"),
            ("Off", "Skipped")
        ]
    );
    assert!(
        rules[0]["Reasons"][0]
            .as_str()
            .unwrap()
            .contains("'wire' in the body"),
        "{}",
        rules[0]
    );
    assert!(
        rules[1]["Reasons"][0]
            .as_str()
            .unwrap()
            .contains("MessageSizeOver: no match"),
        "{}",
        rules[1]
    );
    assert_eq!(rules[2]["Reasons"][0], "disabled");
}
