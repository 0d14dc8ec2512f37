//! Scores many messages with one load of the rule set, for evaluation harnesses (one
//! `eopctl Test-MessageRoute` per message would read and compile the rules each time).
//! Prints `path<TAB>SCL<TAB>SpamAssassin points<TAB>rules hit (comma separated)` per
//! message, and the rule set's load summary on standard error.
//!
//! usage: spam-score [--spam-rules DIR|none] [--bayes P] FILE...

use eopctl::policy::antispam::Scale;
use eopctl::policy::malware;
use eopctl::policy::protection::{Facts, evaluate};

const STATE: &str = "apiVersion: eopctl/v2
AcceptedDomains:
  - { Name: example.com, DomainName: example.com, Default: true }
";

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let mut take = |flag: &str| {
        let at = args.iter().position(|a| a == flag)?;
        let v = args.get(at + 1).cloned();
        args.drain(at..(at + 2).min(args.len()));
        v
    };
    let setting = take("--spam-rules");
    let bayes = take("--bayes").map(|p| p.parse::<f64>().expect("--bayes takes 0..1"));
    let loaded = eopctl::spamrules::resolve(setting.as_deref()).map(|dir| {
        let l = eopctl::spamrules::load(&dir).unwrap_or_else(|e| panic!("{e}"));
        eprintln!("{}", eopctl::spamrules::summary(&l));
        l
    });
    let state =
        eopctl::state::store::parse(STATE, std::path::Path::new("score.yaml")).expect("state");
    let rcpts = vec!["user@example.com".to_string()];
    for path in &args {
        let raw = match std::fs::read(path) {
            Ok(r) => r,
            Err(e) => {
                eprintln!("{path}: {e}");
                continue;
            }
        };
        let parsed = malware::parse(&raw);
        let facts = Facts {
            recipients: &rcpts,
            client_ip: Some("203.0.113.7".parse().expect("ip")),
            now: Some(chrono::Utc::now().timestamp()),
            spam_rules: loaded.as_ref().map(|l| &l.rules),
            bayes,
            ..Default::default()
        };
        let outcome = evaluate(&state, &raw, parsed.as_ref(), &facts);
        let Some(v) = outcome.spam.first() else {
            continue;
        };
        let rules: Vec<&str> = v.signals.iter().map(|s| s.name.as_str()).collect();
        // 0.0 + keeps an empty sum from printing as -0.00.
        let points: f64 = 0.0
            + v.signals
                .iter()
                .filter(|s| s.scale == Scale::Rules)
                .map(|s| s.score)
                .sum::<f64>();
        println!("{path}\t{}\t{points:.2}\t{}", v.scl, rules.join(","));
    }
}
