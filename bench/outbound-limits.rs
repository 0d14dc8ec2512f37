//! The outbound spam policy's limit check, alone: what the relay does for one message of
//! the organisation's outbound mail with one recipient — read the sender's standing at
//! MAIL FROM (its restriction, its hour's and day's counts), judge the recipient against
//! its policy, record the recipient once queued — against `outbound.db` holding a day of
//! sends from many senders. Compare the median with the relay's time per message
//! (BENCHMARKS.md) to get the check's share of throughput.
//!
//!     cargo run --release --example outbound-limits [-- N]   (N messages, default 20000)

use std::time::{Duration, Instant};

use chrono::Utc;
use eopctl::outbound::{Counter, HOUR, KEPT, Restricted, Sent, Sqlite};
use eopctl::policy::outbound::{Counts, governing, judge};

fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(20_000);
    let dir = tempfile::tempdir().expect("temp dir");
    let state = eopctl::state::store::parse(
        "apiVersion: eopctl/v3\nAcceptedDomains:\n  - { Name: contoso.com, DomainName: contoso.com, Default: true }\nHostedOutboundSpamFilterPolicies:\n  - { Name: Default, RecipientLimitExternalPerHour: 10000, ActionWhenThresholdReached: Alert }\n",
        std::path::Path::new("bench.yaml"),
    )
    .expect("state");
    let mut db = Sqlite::open(dir.path()).expect("outbound.db");
    // A day's history: 1,000 senders, 20 sends each, spread over the last 24 hours.
    let now = Utc::now();
    for s in 0..1000 {
        for k in 0..20 {
            let at = now - chrono::Duration::seconds(((s * 20 + k) * 4) as i64 % 86_400);
            db.record(&format!("user{s}@contoso.com"), Sent::one(true), at)
                .expect("record");
        }
    }
    let mut times = Vec::with_capacity(n);
    for i in 0..n {
        let sender = format!("user{}@contoso.com", i % 1000);
        let t = Instant::now();
        let now = Utc::now();
        let restricted = db.restriction(&sender, now).expect("restriction");
        let hour = db.count(&sender, HOUR, now).expect("hour");
        let day = db.count(&sender, KEPT, now).expect("day");
        let g = governing(&state, &sender).expect("Default policy");
        let next = Sent::one(true);
        let over = judge(
            &g,
            Counts {
                hour: hour + next,
                day: day + next,
            },
        );
        db.record(&sender, next, now).expect("record");
        times.push(t.elapsed());
        std::hint::black_box((restricted, over));
    }
    times.sort();
    let at = |q: f64| times[((times.len() - 1) as f64 * q) as usize];
    let total: Duration = times.iter().sum();
    println!("| messages | median | p99 | mean |");
    println!("|---|---|---|---|");
    println!(
        "| {n} | {:.1} µs | {:.1} µs | {:.1} µs |",
        at(0.5).as_secs_f64() * 1e6,
        at(0.99).as_secs_f64() * 1e6,
        total.as_secs_f64() * 1e6 / n as f64
    );
}
