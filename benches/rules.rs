//! Mail flow rules at scale: 1,000 rules of every kind of text condition against one
//! realistic message. Run with `cargo bench --bench rules`; figures go to BENCHMARKS.md.
//!
//! Times the three costs separately: compiling the rules (once per state revision, when
//! the relay reloads), parsing the message (once per message) and the content decision
//! (once per message), median of many runs.

use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, Instant};

use eopctl::policy::connection::identify;
use eopctl::policy::message::{Envelope, parse};
use eopctl::policy::{Origin, content, rules};
use eopctl::state::store;

fn state(n: usize) -> String {
    let mut s = String::from(
        "apiVersion: eopctl/v3\nAcceptedDomains:\n  - { Name: contoso.test, DomainName: contoso.test, Default: true }\nMailboxes:\n  - { Name: Admin, PrimarySmtpAddress: admin@contoso.test }\nOutboundConnectors:\n  - { Name: Finance, ConnectorType: OnPremises, SmartHosts: [10.0.0.9], IsTransportRuleScoped: true }\nTransportRules:\n",
    );
    for i in 0..n {
        // Ten shapes of rule, none of which matches the message: the worst case, every
        // rule is evaluated to its end.
        let cond = match i % 10 {
            0 => format!("SubjectContainsWords: [project{i}, code name {i}]"),
            1 => format!("SubjectOrBodyContainsWords: [secret{i}, 'wire {i}']"),
            2 => format!("SubjectMatchesPatterns: ['^\\[ticket-{i}\\]']"),
            3 => format!("FromAddressMatchesPatterns: ['^user{i}@.*\\.example$']"),
            4 => format!("SenderDomainIs: [partner{i}.example]"),
            5 => format!("RecipientDomainIs: [branch{i}.contoso.test]"),
            6 => format!("HeaderContainsMessageHeader: X-Project, HeaderContainsWords: [p{i}]"),
            7 => format!("AttachmentNameMatchesPatterns: ['report{i}\\.(xlsm|docm)$']"),
            8 => format!("SenderIpRanges: [10.{}.{}.0/24]", i / 256, i % 256),
            _ => format!("FromAddressContainsWords: [vendor{i}]"),
        };
        s.push_str(&format!(
            "  - {{ Name: Rule {i}, Priority: {i}, Conditions: {{ {cond} }}, Actions: {{ SetHeaderName: X-Rule, SetHeaderValue: '{i}' }} }}\n"
        ));
    }
    s
}

fn message() -> Vec<u8> {
    let mut body = String::new();
    for i in 0..200 {
        body.push_str(&format!(
            "Line {i} of a fairly ordinary business message about the quarterly numbers.\r\n"
        ));
    }
    format!("From: Alice <alice@fabrikam.example>\r\nTo: admin@contoso.test\r\nSubject: Quarterly report\r\nX-Project: none\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n--b1\r\nContent-Type: multipart/alternative; boundary=\"b2\"\r\n\r\n--b2\r\nContent-Type: text/plain; charset=us-ascii\r\n\r\n{body}--b2\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<html><body><pre>{body}</pre></body></html>\r\n--b2--\r\n--b1\r\nContent-Type: application/pdf; name=\"q3.pdf\"\r\nContent-Disposition: attachment; filename=\"q3.pdf\"\r\nContent-Transfer-Encoding: base64\r\n\r\n{}\r\n--b1--\r\n", "JVBERi0xLjQK".repeat(2000)).into_bytes()
}

fn median(mut runs: Vec<Duration>) -> Duration {
    runs.sort();
    runs[runs.len() / 2]
}

fn time(n: usize, mut f: impl FnMut()) -> Duration {
    median(
        (0..n)
            .map(|_| {
                let t = Instant::now();
                f();
                t.elapsed()
            })
            .collect(),
    )
}

fn main() {
    let msg = message();
    println!(
        "message: {} bytes (multipart, text + HTML + a 32 KB attachment)",
        msg.len()
    );
    for n in [0, 100, 1000] {
        let s = store::parse(&state(n), Path::new("bench.yaml")).unwrap();
        let compile = time(5, || drop(black_box(rules::compile(&s).unwrap())));
        let compiled = rules::compile(&s).unwrap();
        let client = identify(
            &s,
            Origin::Client("192.0.2.1".parse().unwrap()),
            &Default::default(),
        );
        let rcpts = vec!["admin@contoso.test".to_string()];
        let env = Envelope {
            sender: Some("alice@fabrikam.example"),
            recipients: &rcpts,
            client_ip: Some("192.0.2.1".parse().unwrap()),
            client_in_organization: false,
            now: chrono::Utc::now(),
        };
        let parse_t = time(200, || drop(black_box(parse(&msg, &env))));
        let facts = parse(&msg, &env);
        let decide = time(200, || {
            drop(black_box(content::decide(&s, &compiled, &client, &facts)))
        });
        let d = content::decide(&s, &compiled, &client, &facts);
        assert_eq!(d.rules.len(), n);
        println!(
            "{n:>5} rules: compile {:>9.2?} (per revision)  parse {:>9.2?}  decide {:>9.2?} (per message)",
            compile, parse_t, decide
        );
    }
}
