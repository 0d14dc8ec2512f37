//! The anti-spam pipeline's cost per message, as the relay runs it at the end of DATA:
//! parse, the learning filter's judgement (with `--data-dir`), then `protection::evaluate`
//! (anti-malware, the built-in signals and the rule engine: its message view and every
//! rule). Prints, per set of messages, the median, p99 and mean time per message over
//! RUNS passes, and the rule set's load time and the process's memory (RSS after loading,
//! peak at the end).
//!
//! With `--phases`, each set also gets the share of each phase (parse, the learning filter,
//! the rest of `evaluate` without the rules, the rule engine's message view, its
//! prefilters, its rules by kind) and the 20 rules that took longest, each phase timed
//! apart on the same messages.
//!
//! usage: spam-speed [--spam-rules DIR|none] [--data-dir DIR] [--runs N] [--phases] LABEL=LIST...
//! LIST is a file of message paths, one a line (`bench/spam-speed.sh` makes them by size).

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use eopctl::policy::malware;
use eopctl::policy::protection::{Facts, evaluate};
use eopctl::policy::spamrules::compile::{Re, Test};
use eopctl::policy::spamrules::{self, RuleSet, Step, View};

const STATE: &str = "apiVersion: eopctl/v3
AcceptedDomains:
  - { Name: example.com, DomainName: example.com, Default: true }
";

/// A line of /proc/self/status in KiB (VmRSS, VmHWM); 0 where there is none.
fn status_kib(key: &str) -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .unwrap_or_default()
        .lines()
        .find_map(|l| {
            l.strip_prefix(key)?
                .trim()
                .strip_suffix("kB")?
                .trim()
                .parse()
                .ok()
        })
        .unwrap_or(0)
}

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let phases = match args.iter().position(|a| a == "--phases") {
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
    let data_dir = take("--data-dir");
    let runs: usize = take("--runs").map_or(20, |n| n.parse().expect("--runs takes a count"));
    let rss_before = status_kib("VmRSS:");
    let started = Instant::now();
    let loaded = eopctl::spamrules::resolve(setting.as_deref())
        .map(|dir| eopctl::spamrules::load(&dir).unwrap_or_else(|e| panic!("{e}")));
    let load_time = started.elapsed();
    if let Some(l) = &loaded {
        eprintln!("{}", eopctl::spamrules::summary(l));
    }
    println!(
        "rule load: {:.2} s, RSS {} MiB after loading ({} MiB before)",
        load_time.as_secs_f64(),
        status_kib("VmRSS:") / 1024,
        rss_before / 1024
    );
    let state =
        eopctl::state::store::parse(STATE, std::path::Path::new("speed.yaml")).expect("state");
    let rcpts = vec!["user@example.com".to_string()];
    let learned = data_dir.map(|d| {
        eopctl::spamdb::Db::open_existing(std::path::Path::new(&d))
            .expect("open the learned data")
            .expect("--data-dir has no learned data")
    });
    println!("| set | messages | mean size | runs | median | p99 | mean |");
    println!("|---|---|---|---|---|---|---|");
    for set in &args {
        let (label, list) = set.split_once('=').expect("LABEL=LIST");
        let messages: Vec<Vec<u8>> = std::fs::read_to_string(list)
            .expect("read the list")
            .lines()
            .filter(|l| !l.is_empty())
            .map(|p| std::fs::read(p).unwrap_or_else(|e| panic!("{p}: {e}")))
            .collect();
        assert!(!messages.is_empty(), "{list} lists no messages");
        let mut times: Vec<Duration> = Vec::with_capacity(runs * messages.len());
        // The first pass warms the caches (the rule engine's lazy DFAs); it is not counted.
        for pass in 0..=runs {
            for raw in &messages {
                let t = Instant::now();
                let parsed = malware::parse(raw);
                let bayes = match (&learned, parsed.as_ref()) {
                    (Some(db), Some(m)) => db.judge(m).expect("judge").probability(),
                    _ => None,
                };
                let facts = Facts {
                    recipients: &rcpts,
                    client_ip: Some("203.0.113.7".parse().expect("ip")),
                    now: Some(1_700_000_000),
                    spam_rules: loaded.as_ref().map(|l| &l.rules),
                    bayes,
                    ..Default::default()
                };
                let outcome = evaluate(&state, raw, parsed.as_ref(), &facts);
                std::hint::black_box(outcome);
                if pass > 0 {
                    times.push(t.elapsed());
                }
            }
        }
        times.sort();
        let at = |q: f64| times[((times.len() - 1) as f64 * q).round() as usize];
        let mean = times.iter().sum::<Duration>() / times.len() as u32;
        let size = messages.iter().map(Vec::len).sum::<usize>() / messages.len();
        println!(
            "| {label} | {} | {} B | {runs} | {:.3} ms | {:.3} ms | {:.3} ms |",
            messages.len(),
            size,
            at(0.5).as_secs_f64() * 1e3,
            at(0.99).as_secs_f64() * 1e3,
            mean.as_secs_f64() * 1e3
        );
        if phases {
            let rules = loaded.as_ref().map(|l| &l.rules);
            profile(
                label,
                &messages,
                runs,
                &state,
                &rcpts,
                learned.as_ref(),
                rules,
            );
        }
    }
    println!("peak RSS {} MiB", status_kib("VmHWM:") / 1024);
}

/// What a rule is, for the phase table: its kind, and "fancy" for fancy-regex rules.
fn phase_of(rules: &RuleSet, i: usize) -> &'static str {
    let fancy = |re: &Re| matches!(re, Re::Pcre(..));
    match &rules.rules[i].test {
        Test::Header { re, .. } if fancy(re) => "rules: header (fancy)",
        Test::Header { .. } | Test::Exists(_) => "rules: header",
        Test::Lines { re, .. } if fancy(re) => "rules: body-like (fancy)",
        Test::Lines { kind, .. } => match kind {
            spamrules::parse::Kind::Body => "rules: body",
            spamrules::parse::Kind::Rawbody => "rules: rawbody",
            spamrules::parse::Kind::Uri => "rules: uri",
            _ => "rules: full",
        },
        Test::Mimeheader { .. } => "rules: mimeheader",
        Test::Eval { .. } => "rules: eval",
        Test::Meta { .. } => "rules: meta",
    }
}

/// Times each phase of the pipeline apart, over `runs` passes after a warm-up, and prints
/// each phase's share and the slowest rules.
fn profile(
    label: &str,
    messages: &[Vec<u8>],
    runs: usize,
    state: &eopctl::state::State,
    rcpts: &[String],
    learned: Option<&eopctl::spamdb::Db>,
    rules: Option<&RuleSet>,
) {
    let mut phase: BTreeMap<&'static str, Duration> = BTreeMap::new();
    let mut per_rule: BTreeMap<usize, (Duration, u64)> = BTreeMap::new();
    for pass in 0..=runs {
        for raw in messages {
            let mut add = |name: &'static str, d: Duration| {
                if pass > 0 {
                    *phase.entry(name).or_default() += d;
                }
            };
            let t = Instant::now();
            let parsed = malware::parse(raw);
            add("parse", t.elapsed());
            let t = Instant::now();
            let bayes = match (learned, parsed.as_ref()) {
                (Some(db), Some(m)) => db.judge(m).expect("judge").probability(),
                _ => None,
            };
            add("learning filter", t.elapsed());
            let facts = Facts {
                recipients: rcpts,
                client_ip: Some("203.0.113.7".parse().expect("ip")),
                now: Some(1_700_000_000),
                bayes,
                ..Default::default()
            };
            let t = Instant::now();
            std::hint::black_box(evaluate(state, raw, parsed.as_ref(), &facts));
            add("malware and built-in signals", t.elapsed());
            let (Some(rules), Some(m)) = (rules, parsed.as_ref()) else {
                continue;
            };
            let t = Instant::now();
            let view = View::new(m, &m.raw_message, None);
            add("message view", t.elapsed());
            let ctx = spamrules::Ctx { bayes };
            let mut last = Instant::now();
            let hits = spamrules::check_observed(rules, &view, &ctx, &mut |s| {
                let now = Instant::now();
                let d = now - last;
                last = now;
                match s {
                    Step::Prefiltered => add("prefilters", d),
                    Step::Ran(i) => {
                        add(phase_of(rules, i), d);
                        if pass > 0 {
                            let e = per_rule.entry(i).or_default();
                            e.0 += d;
                            e.1 += 1;
                        }
                    }
                }
            });
            add("hits", last.elapsed());
            std::hint::black_box(hits);
        }
    }
    let total: Duration = phase.values().sum();
    let per_message = |d: Duration| d.as_secs_f64() * 1e6 / (runs * messages.len()) as f64;
    println!();
    println!("| {label}: phase | per message | share |");
    println!("|---|---|---|");
    for (name, d) in &phase {
        println!(
            "| {name} | {:.1} us | {:.1} % |",
            per_message(*d),
            d.as_secs_f64() / total.as_secs_f64() * 100.0
        );
    }
    println!("| total | {:.1} us | |", per_message(total));
    let Some(rules) = rules else {
        return;
    };
    let mut slow: Vec<_> = per_rule.into_iter().collect();
    slow.sort_by_key(|r| std::cmp::Reverse(r.1.0));
    println!();
    println!("| {label}: slowest rules | kind | per message | runs per message |");
    println!("|---|---|---|---|");
    for (i, (d, n)) in slow.into_iter().take(20) {
        println!(
            "| {} | {} | {:.1} us | {:.2} |",
            rules.rules[i].name,
            phase_of(rules, i),
            per_message(d),
            n as f64 / (runs * messages.len()) as f64
        );
    }
    println!();
}
