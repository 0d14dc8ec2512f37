//! Tests of mail flow rule matching; `state` and `M` are shared with the content stage's tests.

use std::path::Path;

use super::*;
use crate::policy::message::{Envelope, parse};
use crate::state::store;

pub fn state(body: &str) -> State {
    store::parse(
        &format!(
            "apiVersion: eopctl/v3\nAcceptedDomains:\n  - {{ Name: contoso.test, DomainName: contoso.test, Default: true }}\n  - {{ Name: sales.contoso.test, DomainName: sales.contoso.test, DomainType: InternalRelay }}\nMailboxes:\n  - {{ Name: Admin, PrimarySmtpAddress: admin@contoso.test }}\n  - {{ Name: Audit, PrimarySmtpAddress: audit@contoso.test }}\n{body}"
        ),
        Path::new("t.yaml"),
    )
    .unwrap_or_else(|e| panic!("{e}"))
}

/// A message as the relay would see it; change the fields a case needs.
#[derive(Clone)]
pub struct M {
    pub from: &'static str,
    pub subject: &'static str,
    pub headers: &'static str,
    pub body: String,
    pub attachment: bool,
    pub rcpts: Vec<&'static str>,
    pub ip: &'static str,
    pub in_org: bool,
    pub scl: Option<i8>,
}

impl Default for M {
    fn default() -> Self {
        M {
            from: "alice@fabrikam.example",
            subject: "hello",
            headers: "",
            body: "nothing to see\r\n".into(),
            attachment: false,
            rcpts: vec!["admin@contoso.test"],
            ip: "203.0.113.9",
            in_org: false,
            scl: None,
        }
    }
}

impl M {
    pub fn facts(&self) -> MessageFacts {
        let mut text = format!(
            "From: {}\r\nTo: admin@contoso.test\r\nSubject: {}\r\n{}MIME-Version: 1.0\r\n",
            self.from, self.subject, self.headers
        );
        if self.attachment {
            text.push_str(&format!("Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\n{}\r\n--b\r\nContent-Type: application/octet-stream\r\nContent-Disposition: attachment; filename=\"Setup.EXE\"\r\nContent-Transfer-Encoding: base64\r\n\r\nTVqQAAMAAAAEAAAA//8AALgAAAAAAAAAQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAgAAAAA==\r\n--b--\r\n", self.body));
        } else {
            text.push_str(&format!("Content-Type: text/plain\r\n\r\n{}", self.body));
        }
        let rcpts: Vec<String> = self.rcpts.iter().map(|r| r.to_string()).collect();
        let mut f = parse(
            text.as_bytes(),
            &Envelope {
                sender: Some(self.from),
                recipients: &rcpts,
                client_ip: Some(self.ip.parse().unwrap()),
                client_in_organization: self.in_org,
                now: "2026-06-01T00:00:00Z".parse().unwrap(),
            },
        );
        f.scl = self.scl;
        f
    }
}

fn matched(s: &State, m: &M) -> bool {
    let compiled = compile(s).unwrap();
    let f = m.facts();
    matches(
        &compiled,
        0,
        &s.transport_rules[0],
        &f,
        &Prepared::new(s, &compiled, &f),
    )
    .matched
}

/// Each predicate, as a condition (holds on `hit`, not on `miss`) and as an exception
/// (the same rule with it under Exceptions matches `miss` only).
#[test]
fn every_condition_and_its_exception() {
    let d = M::default();
    let cases: Vec<(&str, M, M)> = vec![
        (
            "From: [Alice@Fabrikam.example]",
            d.clone(),
            M {
                from: "bob@fabrikam.example",
                ..d.clone()
            },
        ),
        (
            "FromAddressContainsWords: [fabrikam]",
            d.clone(),
            M {
                from: "alice@fabrikamx.example",
                ..d.clone()
            },
        ),
        (
            "FromAddressMatchesPatterns: ['^ALICE@']",
            d.clone(),
            M {
                from: "bob@fabrikam.example",
                ..d.clone()
            },
        ),
        (
            "SenderDomainIs: [fabrikam.example]",
            M {
                from: "a@mail.fabrikam.example",
                ..d.clone()
            },
            M {
                from: "a@notfabrikam.example",
                ..d.clone()
            },
        ),
        (
            "FromScope: InOrganization",
            M {
                in_org: true,
                ..d.clone()
            },
            d.clone(),
        ),
        (
            "FromScope: NotInOrganization",
            d.clone(),
            M {
                in_org: true,
                ..d.clone()
            },
        ),
        (
            "SentTo: [admin@contoso.test]",
            d.clone(),
            M {
                rcpts: vec!["other@contoso.test"],
                ..d.clone()
            },
        ),
        (
            "SentToScope: NotInOrganization",
            M {
                rcpts: vec!["x@external.example"],
                ..d.clone()
            },
            d.clone(),
        ),
        (
            "SentToScope: InOrganization",
            d.clone(),
            M {
                rcpts: vec!["x@external.example"],
                ..d.clone()
            },
        ),
        (
            "RecipientDomainIs: [sales.contoso.test]",
            M {
                rcpts: vec!["c@sales.contoso.test"],
                ..d.clone()
            },
            d.clone(),
        ),
        (
            "RecipientAddressContainsWords: [sales]",
            M {
                rcpts: vec!["c@sales.contoso.test"],
                ..d.clone()
            },
            M {
                rcpts: vec!["c@salesforce.test"],
                ..d.clone()
            },
        ),
        (
            "SubjectContainsWords: [wire transfer, urgent]",
            M {
                subject: "Re: WIRE  transfer now",
                ..d.clone()
            },
            M {
                subject: "wireless transfers",
                ..d.clone()
            },
        ),
        (
            "SubjectOrBodyContainsWords: [invoice]",
            M {
                body: "see the Invoice attached\r\n".into(),
                ..d.clone()
            },
            M {
                body: "invoices\r\n".into(),
                ..d.clone()
            },
        ),
        (
            "SubjectMatchesPatterns: ['^\\[ext\\]']",
            M {
                subject: "[EXT] hi",
                ..d.clone()
            },
            M {
                subject: "hi [EXT]",
                ..d.clone()
            },
        ),
        (
            "{ HeaderContainsMessageHeader: X-Tag, HeaderContainsWords: [secret] }",
            M {
                headers: "X-Tag: top Secret\r\n",
                ..d.clone()
            },
            M {
                headers: "X-Other: secret\r\n",
                ..d.clone()
            },
        ),
        (
            "{ HeaderMatchesMessageHeader: x-tag, HeaderMatchesPatterns: ['^s.c'] }",
            M {
                headers: "X-Tag: secret\r\n",
                ..d.clone()
            },
            M {
                headers: "X-Tag: unsecret\r\n",
                ..d.clone()
            },
        ),
        (
            "AttachmentNameMatchesPatterns: ['\\.exe$']",
            M {
                attachment: true,
                ..d.clone()
            },
            d.clone(),
        ),
        (
            "AttachmentExtensionMatchesWords: [.EXE, scr]",
            M {
                attachment: true,
                ..d.clone()
            },
            d.clone(),
        ),
        (
            "AttachmentSizeOver: 50B",
            M {
                attachment: true,
                ..d.clone()
            },
            d.clone(),
        ),
        (
            "MessageSizeOver: 1KB",
            M {
                body: "x".repeat(2000),
                ..d.clone()
            },
            d.clone(),
        ),
        (
            "SenderIpRanges: [192.0.2.0/24]",
            M {
                ip: "192.0.2.5",
                ..d.clone()
            },
            d.clone(),
        ),
        (
            "SCLOver: 5",
            M {
                scl: Some(6),
                ..d.clone()
            },
            M {
                scl: Some(4),
                ..d.clone()
            },
        ),
    ];
    for (predicate, hit, miss) in cases {
        let body = if predicate.starts_with('{') {
            predicate.trim_matches(['{', '}']).trim().to_string()
        } else {
            predicate.to_string()
        };
        let cond = state(&format!(
            "TransportRules:\n  - {{ Name: R, Conditions: {{ {body} }}, Actions: {{ SetSCL: 1 }} }}\n"
        ));
        assert!(matched(&cond, &hit), "condition {predicate} should hold");
        assert!(
            !matched(&cond, &miss),
            "condition {predicate} should not hold"
        );
        let except = state(&format!(
            "TransportRules:\n  - {{ Name: R, Exceptions: {{ {body} }}, Actions: {{ SetSCL: 1 }} }}\n"
        ));
        assert!(
            !matched(&except, &hit),
            "ExceptIf {predicate} should exempt"
        );
        assert!(
            matched(&except, &miss),
            "ExceptIf {predicate} should not exempt"
        );
    }
}

/// Recipient conditions select recipients; a recipient exception takes one out.
#[test]
fn recipient_conditions_select_recipients() {
    let s = state(
        "TransportRules:\n  - { Name: R, Conditions: { RecipientDomainIs: [contoso.test] }, Exceptions: { SentTo: [audit@contoso.test] }, Actions: { SetSCL: 1 } }\n",
    );
    let m = M {
        rcpts: vec![
            "admin@contoso.test",
            "x@external.example",
            "audit@contoso.test",
            "c@sales.contoso.test",
        ],
        ..M::default()
    };
    let f = m.facts();
    let compiled = compile(&s).unwrap();
    let v = matches(
        &compiled,
        0,
        &s.transport_rules[0],
        &f,
        &Prepared::new(&s, &compiled, &f),
    );
    assert!(v.matched);
    assert_eq!(v.recipients, [0, 3]);
    assert!(
        v.reasons
            .iter()
            .any(|r| r == "ExceptIfSentTo: audit@contoso.test is a SentTo address"),
        "{:?}",
        v.reasons
    );
}
