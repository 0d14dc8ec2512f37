//! Cost of the whole filter pipeline per message, as the relay runs it at the end of DATA
//! (src/relay/protection.rs, without the external scanners): parse the MIME, evaluate
//! (walk every part for malware and blocked file types, score the anti-spam signals), and
//! rewrite the copy with the stamped headers. Prints median and p99 per message size.
//!
//! With SpamAssassin's rules (`--spam-rules DIR`, default: the system's, as `eopctl serve`
//! finds them) a second table scores with the rule set too, after the rule load time and
//! the resident memory it added.
//!
//! usage: filter-cost [N] [--spam-rules DIR|none]   (bench/filter-bench.sh runs it; N per
//! size, default 2000)

use std::time::{Duration, Instant};

use eopctl::policy::malware;
use eopctl::policy::protection::{Facts, evaluate, rewrite};

const STATE: &str = "apiVersion: eopctl/v3
AcceptedDomains:
  - { Name: contoso.com, DomainName: contoso.com, Default: true }
";

/// A newsletter-like message of about `size` bytes: headers, a text and an HTML part with
/// links, and (past 16 KB) a base64 PDF attachment making up the rest.
fn message(size: usize) -> Vec<u8> {
    let mut m = String::from(
        "Received: from mail.fabrikam.example (mail.fabrikam.example [203.0.113.5])\r\n\
         From: Fabrikam News <news@fabrikam.example>\r\nTo: ann@contoso.com\r\n\
         Subject: This week at Fabrikam\r\nDate: Tue, 14 Nov 2023 12:00:00 +0000\r\n\
         Message-ID: <n1@fabrikam.example>\r\nList-Unsubscribe: <https://fabrikam.example/u>\r\n\
         MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"outer\"\r\n\r\n\
         --outer\r\nContent-Type: multipart/alternative; boundary=\"alt\"\r\n\r\n",
    );
    let para = "Our quarterly figures are in, and the new office opens next month. Read \
                more at https://fabrikam.example/news and tell us what you think.\r\n";
    let text_len = size.min(16 << 10) / 2;
    let text: String = para.repeat(text_len / para.len() + 1);
    m.push_str("--alt\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n");
    m.push_str(&text[..text_len.min(text.len())]);
    m.push_str("\r\n--alt\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<p>");
    m.push_str(&text[..text_len.min(text.len()) / 2]);
    m.push_str("</p><a href=\"https://fabrikam.example/more\">more</a>\r\n--alt--\r\n");
    if size > m.len() + 256 {
        m.push_str(
            "--outer\r\nContent-Type: application/pdf; name=\"report.pdf\"\r\n\
             Content-Disposition: attachment; filename=\"report.pdf\"\r\n\
             Content-Transfer-Encoding: base64\r\n\r\n",
        );
        // Base64 lines of 76 characters (any such text decodes to some bytes).
        const T: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        let lines = (size - m.len() - 32) / 78;
        for l in 0..lines {
            m.extend((0..76).map(|i| T[(l * 31 + i * 7) % 64] as char));
            m.push_str("\r\n");
        }
    }
    m.push_str("\r\n--outer--\r\n");
    m.into_bytes()
}

/// Resident memory now, in KiB (Linux).
fn rss_kib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .unwrap_or_default()
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0)
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let setting = args
        .iter()
        .position(|a| a == "--spam-rules")
        .and_then(|i| args.get(i + 1).cloned());
    let n: usize = args
        .first()
        .filter(|a| !a.starts_with("--"))
        .map(|a| a.parse().expect("N"))
        .unwrap_or(2000);
    let state = eopctl::state::store::parse(STATE, std::path::Path::new("bench.yaml"))
        .expect("bench state");
    let rcpts = vec!["ann@contoso.com".to_string()];
    let mut facts = Facts {
        sender: Some("news@fabrikam.example"),
        recipients: &rcpts,
        client_ip: Some("203.0.113.5".parse().unwrap()),
        now: Some(1_700_000_000),
        ..Default::default()
    };
    println!("Built-in signals:\n");
    table(&state, &facts, n, &[("4 KB", 4 << 10), ("1 MB", 1 << 20)]);
    let Some(dir) = eopctl::spamrules::resolve(setting.as_deref()) else {
        return;
    };
    let before = rss_kib();
    let loaded = eopctl::spamrules::load(&dir).unwrap_or_else(|e| panic!("{e}"));
    println!(
        "\nSpamAssassin rules: {}; resident memory +{} MiB\n",
        eopctl::spamrules::summary(&loaded),
        (rss_kib().saturating_sub(before)) / 1024
    );
    facts.spam_rules = Some(&loaded.rules);
    table(
        &state,
        &facts,
        n,
        &[("4 KB", 4 << 10), ("100 KB", 100 << 10), ("1 MB", 1 << 20)],
    );
}

fn table(state: &eopctl::state::State, facts: &Facts, n: usize, sizes: &[(&str, usize)]) {
    println!("| message | runs | median | p99 | SCL | copy size |");
    println!("|---|---|---|---|---|---|");
    for &(label, size) in sizes {
        let raw = message(size);
        let mut times: Vec<Duration> = Vec::with_capacity(n);
        let mut last = None;
        for _ in 0..n {
            let start = Instant::now();
            let parsed = malware::parse(&raw);
            let outcome = evaluate(state, &raw, parsed.as_ref(), facts);
            let copy = rewrite(&raw, &outcome.copies[0].1);
            times.push(start.elapsed());
            last = Some((outcome, copy.len()));
        }
        times.sort();
        let (outcome, copy_len) = last.expect("at least one run");
        // The pipeline must have done its work: a verdict, and the message clean.
        assert!(outcome.reject.is_none() && !outcome.spam.is_empty());
        println!(
            "| {label} ({} bytes) | {n} | {:.1} µs | {:.1} µs | {} | {copy_len} |",
            raw.len(),
            times[n / 2].as_secs_f64() * 1e6,
            times[(n * 99 / 100).min(n - 1)].as_secs_f64() * 1e6,
            outcome.spam[0].verdict.scl,
        );
    }
}
