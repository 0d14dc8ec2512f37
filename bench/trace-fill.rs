//! Fills a message trace database for the Get-MessageTrace and report benchmarks
//! (bench/trace-bench.sh): N messages (one recipient each) received over the last 30 days,
//! each with Receive, Queue and a final event, written through the relay's own batched
//! writer; 70 % inbound, 20 % outbound, 10 % intra-org, and about a fifth filtered (spam,
//! phish, malware, rules, edge blocks), so the reports have every kind of row to count.
//!
//! usage: trace-fill DATA_DIR [N]

use std::time::Instant;

use eopctl::policy::Blame;
use eopctl::policy::direction::Direction;
use eopctl::trace::{Event, Kind, Message, Trace, Verdict};

fn main() {
    let mut args = std::env::args().skip(1);
    let dir = std::path::PathBuf::from(args.next().expect("usage: trace-fill DATA_DIR [N]"));
    let n: u64 = args
        .next()
        .map(|a| a.parse().expect("N"))
        .unwrap_or(1_000_000);
    std::fs::create_dir_all(&dir).expect("data dir");
    let trace = Trace::start(&dir).expect("trace");
    let now = chrono::Utc::now().timestamp();
    let span = 30 * 86_400;
    let started = Instant::now();
    for i in 0..n {
        let id = format!("{:020X}", i);
        // Oldest first, evenly over the span, as a relay would write them.
        let received = now - span + (i as i64 * span / n as i64);
        let domain = [
            "contoso.test",
            "fabrikam.test",
            "tailspin.test",
            "woodgrove.test",
            "litware.test",
        ][(i % 5) as usize];
        let rcpt = format!("user{}@{domain}", i % 50_000);
        trace.message(Message {
            trace_id: id.clone(),
            recipients: vec![rcpt.clone()],
            received,
            sender: format!("sender{}@example.net", i % 10_000),
            subject: format!("Message {i}"),
            message_id: format!("<m{i}@example.net>"),
            from_ip: format!("198.51.100.{}", i % 256),
            size: 2_000 + i % 100_000,
        });
        let at = |e: Event, ms: i64| Event {
            time_ms: received * 1000 + ms,
            ..e
        };
        trace.record(at(
            Event::new(&id, Kind::Receive, "received")
                .revision(7)
                .blame(vec![Blame::new("no InboundConnector", "anonymous")]),
            0,
        ));
        let direction = match i % 10 {
            0..=6 => Direction::Inbound,
            7 | 8 => Direction::Outbound,
            _ => Direction::IntraOrg,
        };
        trace.record(at(
            Event::new(&id, Kind::Queue, "queued")
                .recipient(&rcpt)
                .direction(direction),
            20,
        ));
        let verdict = [
            (7, Verdict::Spam),
            (13, Verdict::EdgeBlock),
            (17, Verdict::TransportRule),
            (29, Verdict::Malware),
            (31, Verdict::Phish),
        ]
        .into_iter()
        .find(|(m, _)| i % m == 0)
        .map(|(_, v)| v);
        if let Some(v) = verdict {
            trace.record(at(
                Event::new(&id, Kind::Verdict, "filtered")
                    .recipient(&rcpt)
                    .verdict(v),
                100,
            ));
        }
        let last = match i % 20 {
            0 => Event::new(&id, Kind::Fail, "550 5.1.1 unknown; NDR sent"),
            1 => Event::new(&id, Kind::Defer, "421 try later"),
            _ => Event::new(&id, Kind::Send, "250 OK").to_ip("203.0.113.25"),
        };
        trace.record(at(last.recipient(&rcpt), 300));
    }
    // Everything must be in before the figures mean anything.
    assert!(trace.flush(std::time::Duration::from_secs(3600)));
    let secs = started.elapsed().as_secs_f64();
    println!(
        "wrote {n} messages ({} rows, {} events) in {secs:.1} s: {:.0} events/s",
        n,
        3 * n,
        (4 * n) as f64 / secs
    );
}
