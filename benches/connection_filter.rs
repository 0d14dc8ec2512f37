//! The connection filter's lists with 100,000 entries: how long compiling them takes (once
//! per state snapshot) and how long one lookup takes (once per connection).
//!
//!     cargo bench --bench connection_filter
//!
//! Plain `std::time`, no harness: medians of repeated runs, printed as a table.

use std::hint::black_box;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};
use std::time::{Duration, Instant};

use eopctl::policy::connection_filter::{ConnectionFilter, IpSet};
use eopctl::state::values::IpRange;

/// A small deterministic generator (xorshift), so runs compare.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

/// 100,000 entries: 70 % IPv4 addresses, 15 % IPv4 CIDR blocks, 5 % IPv4 ranges, 10 %
/// IPv6 prefixes, overlapping at random.
fn entries(n: usize, rng: &mut Rng) -> Vec<IpRange> {
    (0..n)
        .map(|i| {
            let v4 = Ipv4Addr::from(rng.next() as u32);
            match i % 20 {
                0..14 => IpRange::Single(v4.into()),
                14..17 => IpRange::Cidr(v4.into(), 16 + (rng.next() % 17) as u8),
                17 => {
                    let start = u32::from(v4);
                    let end = start.saturating_add((rng.next() % 4096) as u32);
                    IpRange::Range(v4.into(), Ipv4Addr::from(end).into())
                }
                _ => IpRange::Cidr(
                    Ipv6Addr::from((rng.next() as u128) << 64 | rng.next() as u128).into(),
                    32 + (rng.next() % 97) as u8,
                ),
            }
        })
        .collect()
}

fn median(mut runs: Vec<Duration>) -> Duration {
    runs.sort();
    runs[runs.len() / 2]
}

fn main() {
    let mut rng = Rng(0x5eed);
    let n = 100_000;
    let list = entries(n, &mut rng);

    let builds: Vec<Duration> = (0..15)
        .map(|_| {
            let t = Instant::now();
            black_box(IpSet::build(black_box(&list)));
            t.elapsed()
        })
        .collect();
    let set = IpSet::build(&list);

    // Half the probes are addresses the list holds, half random.
    let probes: Vec<IpAddr> = (0..1_000_000)
        .map(|i| {
            if i % 2 == 0 {
                match list[(rng.next() % n as u64) as usize] {
                    IpRange::Single(ip) | IpRange::Cidr(ip, _) | IpRange::Range(ip, _) => ip,
                }
            } else {
                IpAddr::V4(Ipv4Addr::from(rng.next() as u32))
            }
        })
        .collect();
    let lookups: Vec<Duration> = (0..7)
        .map(|_| {
            let t = Instant::now();
            let mut hits = 0usize;
            for ip in &probes {
                hits += usize::from(set.lookup(black_box(*ip)).is_some());
            }
            black_box(hits);
            t.elapsed() / probes.len() as u32
        })
        .collect();

    // The linear scan the compiled set replaces, on a sample of the probes.
    let sample = &probes[..2_000];
    let t = Instant::now();
    for ip in sample {
        black_box(
            list.iter()
                .filter(|r| r.contains(*ip))
                .map(|r| r.size())
                .min(),
        );
    }
    let scan = t.elapsed() / sample.len() as u32;

    // What a reload pays: the whole policy (allow and block lists of 100,000 each).
    let policy = eopctl::state::model::HostedConnectionFilterPolicy {
        ip_allow_list: entries(n, &mut rng),
        ip_block_list: list.clone(),
        ..Default::default()
    };
    let policies: Vec<Duration> = (0..7)
        .map(|_| {
            let t = Instant::now();
            black_box(ConnectionFilter::build(black_box(&policy)));
            t.elapsed()
        })
        .collect();

    println!(
        "| measure ({n} entries, {} segments) | median |",
        set.segments()
    );
    println!("|---|---|");
    println!("| IpSet::build (one list) | {:.1} ms |", ms(median(builds)));
    println!(
        "| ConnectionFilter::build (allow + block, {n} each) | {:.1} ms |",
        ms(median(policies))
    );
    println!(
        "| lookup, compiled set | {} ns |",
        median(lookups).as_nanos()
    );
    println!(
        "| lookup, linear scan (for comparison) | {} ns |",
        scan.as_nanos()
    );
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}
