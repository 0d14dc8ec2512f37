//! The learning filter's costs: training speed (messages/s through `spamdb` batches, as
//! Train-SpamFilter runs them), the database size for N learned messages, and the cost of
//! judging one message as the relay does (parse, tokenize, one batched lookup, combine),
//! median and p99 for a 4 KiB and a 100 KiB message.
//!
//! usage: learning-cost [N] [RUNS]   (N messages learned, half of each class, default
//! 10000; RUNS judgements per size, default 2000). Everything is generated here.

use std::time::{Duration, Instant};

use eopctl::policy::malware;
use eopctl::spamdb::{Class, Db, Source};

/// A deterministic pseudo-random stream (no dependency, same figures every run).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }
}

/// Word `i` of a 20,000-word vocabulary.
fn word(i: u64) -> String {
    const SYL: &[&str] = &["ka", "lo", "mi", "ne", "ru", "ta", "vo", "si", "pe", "gu"];
    let mut w = String::new();
    let mut n = i + 100;
    while n > 0 {
        w.push_str(SYL[(n % 10) as usize]);
        n /= 10;
    }
    w
}

/// A message of about `size` bytes whose words lean to one half of the vocabulary.
fn message(rng: &mut Lcg, id: usize, spam: bool, size: usize) -> Vec<u8> {
    let lean = if spam { 0 } else { 10_000 };
    let pick = |rng: &mut Lcg| {
        // Four words in five from the class's half, the rest from anywhere.
        if rng.next().is_multiple_of(5) {
            word(rng.next() % 20_000)
        } else {
            word(lean + rng.next() % 10_000)
        }
    };
    let subject: Vec<String> = (0..5).map(|_| pick(rng)).collect();
    let mut m = format!(
        "Received: from mail{}.example.net (mail.example.net [198.51.100.{}])\r\n\
         From: sender{}@domain{}.example\r\nTo: ann@contoso.com\r\nSubject: {}\r\n\
         Date: Tue, 14 Nov 2023 12:00:00 +0000\r\nMessage-ID: <{id}.{spam}@bench>\r\n\
         MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n",
        id % 50,
        id % 250,
        id % 300,
        id % 40,
        subject.join(" ")
    );
    while m.len() < size {
        m.push_str(&pick(rng));
        m.push(if rng.next().is_multiple_of(12) {
            '\n'
        } else {
            ' '
        });
        if rng.next().is_multiple_of(200) {
            m.push_str(&format!(
                " https://site{}.example/{} ",
                rng.next() % 500,
                pick(rng)
            ));
        }
    }
    m.into_bytes()
}

fn size_of(dir: &std::path::Path) -> u64 {
    std::fs::read_dir(dir)
        .map(|d| {
            d.flatten()
                .filter_map(|e| e.metadata().ok())
                .map(|m| m.len())
                .sum()
        })
        .unwrap_or(0)
}

fn main() {
    let mut args = std::env::args()
        .skip(1)
        .map(|a| a.parse::<usize>().expect("a number"));
    let n = args.next().unwrap_or(10_000);
    let runs = args.next().unwrap_or(2000);
    let dir = tempfile::tempdir().expect("temp dir");
    let mut db = Db::open(dir.path()).expect("database");
    let mut rng = Lcg(42);
    let corpus: Vec<(Vec<u8>, Class)> = (0..n)
        .map(|i| {
            let spam = i % 2 == 0;
            let size = 2048 + (rng.next() % 6144) as usize;
            let class = if spam { Class::Spam } else { Class::Ham };
            (message(&mut rng, i, spam, size), class)
        })
        .collect();
    let bytes: usize = corpus.iter().map(|(m, _)| m.len()).sum();
    let start = Instant::now();
    for chunk in corpus.chunks(500) {
        let mut batch = db.batch(Source::TrainSpamFilter).expect("batch");
        for (raw, class) in chunk {
            let parsed = malware::parse(raw).expect("a message");
            batch.learn(raw, &parsed, *class).expect("learn");
        }
        batch.commit().expect("commit");
    }
    let took = start.elapsed();
    let stats = db.stats().expect("stats");
    println!(
        "trained {n} messages ({:.1} MB, 2-8 KiB each) in {:.2} s: {:.0} messages/s; \
         database {:.1} MB ({} spam tokens, {} ham tokens)",
        bytes as f64 / 1e6,
        took.as_secs_f64(),
        n as f64 / took.as_secs_f64(),
        size_of(dir.path()) as f64 / 1e6,
        stats.tokens.spam,
        stats.tokens.ham,
    );
    println!();
    println!("| message | runs | median | p99 | tokens | probability |");
    println!("|---|---|---|---|---|---|");
    for (label, size) in [("4 KiB", 4 << 10), ("100 KiB", 100 << 10)] {
        let raw = message(&mut rng, 1_000_000, true, size);
        let mut times: Vec<Duration> = Vec::with_capacity(runs);
        let mut last = None;
        for _ in 0..runs {
            let start = Instant::now();
            let parsed = malware::parse(&raw).expect("a message");
            let j = db.judge(&parsed).expect("judge");
            times.push(start.elapsed());
            last = Some(j);
        }
        times.sort();
        let j = last.expect("at least one run");
        let tokens = eopctl::policy::bayes::tokenize(&malware::parse(&raw).expect("a message"));
        // A spam-leaning message must come out as spam, or the figure measures nothing.
        assert!(j.probability().is_some_and(|p| p > 0.9), "{j:?}");
        println!(
            "| {label} ({} bytes) | {runs} | {:.0} µs | {:.0} µs | {} | {:.3} |",
            raw.len(),
            times[runs / 2].as_secs_f64() * 1e6,
            times[(runs * 99 / 100).min(runs - 1)].as_secs_f64() * 1e6,
            tokens.len(),
            j.classification.probability,
        );
    }
}
