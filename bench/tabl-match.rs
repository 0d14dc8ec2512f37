//! The Tenant Allow/Block List with 100,000 entries per list (400,000 in all): how long
//! storing them takes (one New-TenantAllowBlockListItems transaction per list), how long
//! the relay takes to read and compile them (at start, and after every change), and how
//! long one lookup takes per list: a sender address, a link, a file hash, a client address.
//!
//!     cargo run --example tabl-match [-- N]      (N entries per list, default 100000)
//!
//! Plain `std::time`, medians of the lookups, printed as a table. Half the probes hit.

use std::hint::black_box;
use std::net::IpAddr;
use std::time::{Duration, Instant};

use chrono::Utc;
use eopctl::policy::tabl::{Action, Entry, Link, ListType, Lists, normalize};
use eopctl::tabl::{NewItem, Sqlite, Store};

fn value(list: ListType, i: u64) -> String {
    match list {
        // Addresses, domains and `*.` domains, a third each.
        ListType::Sender => match i % 3 {
            0 => format!("user{i}@sender{i}.example"),
            1 => format!("sender{i}.example"),
            _ => format!("*.tree{i}.example"),
        },
        // Plain hosts, subdomain patterns and paths.
        ListType::Url => match i % 3 {
            0 => format!("site{i}.example"),
            1 => format!("*.site{i}.example/*"),
            _ => format!("site{i}.example/path/{i}/*"),
        },
        ListType::FileHash => format!("{:064x}", u128::from(i as u32) * 0x9e37_79b9_7f4a_7c15),
        // IPv6 /64s and IPv4 addresses.
        ListType::Ip => match i % 2 {
            0 => format!("2001:db8:{:x}:{:x}::/64", i >> 16, i & 0xffff),
            _ => format!("10.{}.{}.{}", (i >> 16) & 255, (i >> 8) & 255, i & 255),
        },
    }
}

/// A probe for entry `i` (a hit) or for no entry (a miss).
fn probe(list: ListType, i: u64, hit: bool) -> String {
    let j = if hit { i } else { i + 10_000_000 };
    match list {
        ListType::Sender => match j % 3 {
            0 => format!("user{j}@sender{j}.example"),
            1 => format!("anyone@sender{j}.example"),
            _ => format!("x@mail.tree{j}.example"),
        },
        ListType::Url => match j % 3 {
            0 => format!("http://site{j}.example/"),
            1 => format!("https://www.site{j}.example/login"),
            _ => format!("https://site{j}.example/path/{j}/x?y=1"),
        },
        ListType::FileHash => value(list, j),
        ListType::Ip => match j % 2 {
            0 => format!("2001:db8:{:x}:{:x}::7", (j >> 16) & 0xffff, j & 0xffff),
            _ => format!("10.{}.{}.{}", (j >> 16) & 255, (j >> 8) & 255, j & 255),
        },
    }
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn main() {
    let n: u64 = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(100_000);
    let lists = [
        ListType::Sender,
        ListType::Url,
        ListType::FileHash,
        ListType::Ip,
    ];
    let dir = tempfile::tempdir().expect("temp dir");
    let mut db = Sqlite::open(dir.path()).expect("database");
    let now = Utc::now();
    println!("entries per list: {n}\n");
    println!("| step | time |\n|---|---|");
    for list in lists {
        let items: Vec<NewItem> = (0..n)
            .map(|i| NewItem {
                list_type: list,
                value: normalize(list, &value(list, i)).expect("valid value"),
                action: if i % 10 == 0 {
                    Action::Allow
                } else {
                    Action::Block
                },
                expiration: None,
                remove_after: None,
                notes: String::new(),
            })
            .collect();
        let t = Instant::now();
        db.add(&items, now).expect("stored");
        println!(
            "| store {n} {} entries (one transaction) | {:.2?} |",
            list.name(),
            t.elapsed()
        );
    }
    let t = Instant::now();
    let items = db.list(None).expect("read");
    let read = t.elapsed();
    let entries: Vec<Entry> = items.iter().map(|i| i.entry()).collect();
    let t = Instant::now();
    let compiled = Lists::build(entries, now.timestamp());
    let build = t.elapsed();
    println!(
        "| read all {} entries from the database | {read:.2?} |",
        items.len()
    );
    println!("| compile them (`Lists::build`) | {build:.2?} |");
    assert_eq!(compiled.len() as u64, 4 * n);

    println!("\n| lookup | median | hits |\n|---|---|---|");
    let at = now.timestamp();
    for list in lists {
        let probes: Vec<(String, bool)> = (0..20_000)
            // Entries spread over the list (a prime stride), the same every run.
            .map(|k: u64| {
                (
                    probe(list, k * 7919 % n, k.is_multiple_of(2)),
                    k.is_multiple_of(2),
                )
            })
            .collect();
        let links: Vec<Link> = probes.iter().filter_map(|(p, _)| Link::parse(p)).collect();
        let ips: Vec<IpAddr> = probes.iter().filter_map(|(p, _)| p.parse().ok()).collect();
        let mut times = Vec::with_capacity(probes.len());
        let mut hits = 0;
        for (k, (p, _)) in probes.iter().enumerate() {
            let t = Instant::now();
            let hit = match list {
                ListType::Sender => compiled.sender(black_box(p), at).is_some(),
                ListType::Url => compiled.url(black_box(&links[k]), at).is_some(),
                ListType::FileHash => compiled.file(black_box(p), at).is_some(),
                ListType::Ip => compiled.ip(black_box(ips[k]), at).is_some(),
            };
            times.push(t.elapsed());
            hits += usize::from(hit);
        }
        let expected = probes.iter().filter(|(_, h)| *h).count();
        assert_eq!(hits, expected, "{} hits", list.name());
        println!(
            "| {} | {:.2?} | {hits} of {} |",
            list.name(),
            median(times),
            probes.len()
        );
    }
}
