//! Scores many messages with one load of the rule set, for evaluation harnesses (one
//! `eopctl Test-MessageRoute` per message would read and compile the rules each time).
//! Prints `path<TAB>SCL<TAB>SpamAssassin points<TAB>rules hit (comma separated)` per
//! message, or with `--json` one object a line in Test-MessageRoute's form (`path`, `SCL`,
//! `Signals`, `Malware`, and `Bayes`, the learning filter's probability: what
//! bench/spam_eval.py's `--eopctl-batch` reads), and the rule
//! set's load summary on standard error. With no FILE, the paths come on standard input.
//!
//! usage: spam-score [--spam-rules DIR|none] [--bayes P] [--state FILE] [--data-dir DIR]
//!                   [--json] [FILE...]
//! `--data-dir` asks the learning filter of that data directory (as Test-MessageRoute
//! does), `--bayes` sets its probability by hand; `--state` scores under that state's
//! policies, for a recipient in its first accepted domain.

use std::io::BufRead;

use eopctl::policy::antispam::Scale;
use eopctl::policy::malware;
use eopctl::policy::protection::{Facts, evaluate};

const STATE: &str = "apiVersion: eopctl/v3
AcceptedDomains:
  - { Name: example.com, DomainName: example.com, Default: true }
";

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let json = match args.iter().position(|a| a == "--json") {
        Some(at) => {
            args.remove(at);
            true
        }
        None => false,
    };
    let mut take = |flag: &str| {
        let at = args.iter().position(|a| a == flag)?;
        let v = args.get(at + 1).cloned();
        args.drain(at..(at + 2).min(args.len()));
        v
    };
    let setting = take("--spam-rules");
    let bayes = take("--bayes").map(|p| p.parse::<f64>().expect("--bayes takes 0..1"));
    let state_path = take("--state");
    let data_dir = take("--data-dir");
    let loaded = eopctl::spamrules::resolve(setting.as_deref()).map(|dir| {
        let l = eopctl::spamrules::load(&dir).unwrap_or_else(|e| panic!("{e}"));
        eprintln!("{}", eopctl::spamrules::summary(&l));
        l
    });
    let (text, path) = match &state_path {
        Some(p) => (
            std::fs::read_to_string(p).expect("read --state"),
            p.as_str(),
        ),
        None => (STATE.to_string(), "score.yaml"),
    };
    let state = eopctl::state::store::parse(&text, std::path::Path::new(path)).expect("state");
    let domain = state
        .accepted_domains
        .first()
        .map_or("example.com".to_string(), |d| d.domain_name.to_string());
    let rcpts = vec![format!("user@{domain}")];
    let learned = data_dir.and_then(|d| {
        eopctl::spamdb::Db::open_existing(std::path::Path::new(&d)).expect("open the learned data")
    });
    let files: Box<dyn Iterator<Item = String>> = match args.is_empty() {
        true => Box::new(std::io::stdin().lock().lines().map_while(Result::ok)),
        false => Box::new(args.into_iter()),
    };
    for path in files.filter(|p| !p.is_empty()) {
        let raw = match std::fs::read(&path) {
            Ok(r) => r,
            Err(e) => {
                eprintln!("{path}: {e}");
                continue;
            }
        };
        let parsed = malware::parse(&raw);
        let judged = match (&learned, parsed.as_ref()) {
            (Some(db), Some(m)) => db.judge(m).expect("judge").probability(),
            _ => None,
        };
        // The envelope sender as Test-MessageRoute -MessageFile takes it: the Return-Path
        // (the MAIL FROM the message was received with), else the From address.
        let sender = parsed.as_ref().and_then(|m| {
            m.return_address().map(str::to_string).or_else(|| {
                m.from()
                    .and_then(|f| f.first())
                    .and_then(|f| f.address())
                    .map(str::to_string)
            })
        });
        let facts = Facts {
            sender: sender.as_deref(),
            recipients: &rcpts,
            client_ip: Some("203.0.113.7".parse().expect("ip")),
            now: Some(chrono::Utc::now().timestamp()),
            spam_rules: loaded.as_ref().map(|l| &l.rules),
            bayes: bayes.or(judged),
            ..Default::default()
        };
        let outcome = evaluate(&state, &raw, parsed.as_ref(), &facts);
        if json {
            let malware: Vec<String> = outcome
                .malware
                .iter()
                .flat_map(|(_, f)| f.iter().map(ToString::to_string))
                .collect();
            let v = outcome.spam.first().map(|s| &s.verdict);
            let line = serde_json::json!({
                "path": path,
                "SCL": if outcome.reject.is_some() { None } else { v.map(|v| v.scl) },
                "Signals": v.map_or(Vec::new(), |v| v.signals.iter().map(ToString::to_string).collect()),
                "Malware": malware,
                "Bayes": facts.bayes,
            });
            println!("{line}");
            continue;
        }
        let Some(v) = outcome.spam.first().map(|s| &s.verdict) else {
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
