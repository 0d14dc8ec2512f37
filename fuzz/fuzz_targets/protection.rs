//! The connection filter and the forged Authentication-Results stripper on any input: the
//! compiled IP set agrees with a scan for the most specific entry, and stripping never
//! panics, keeps the body, and leaves no field claiming our authserv-id in the header.
#![no_main]

use std::net::IpAddr;

use eopctl::policy::connection_filter::IpSet;
use eopctl::relay::auth::strip_forged;
use eopctl::state::values::IpRange;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (out, _) = strip_forged(data, "relay.test");
    let header_end = |m: &[u8]| {
        m.windows(2)
            .position(|w| w == b"\n\n" || w == b"\n\r")
            .unwrap_or(m.len())
    };
    let header = &out[..header_end(&out)];
    let forged = header.split(|b| *b == b'\n').any(|line| {
        line.len() >= 34
            && line[..34].eq_ignore_ascii_case(b"authentication-results: relay.test")
            && line
                .get(34)
                .is_none_or(|c| matches!(c, b';' | b'(') || c.is_ascii_whitespace())
    });
    assert!(!forged, "{:?}", String::from_utf8_lossy(&out));
    assert!(out.len() <= data.len());

    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let (list, probes): (Vec<&str>, Vec<&str>) = text.lines().partition(|l| !l.starts_with('?'));
    let entries: Vec<IpRange> = list.iter().filter_map(|l| l.parse().ok()).collect();
    let set = IpSet::build(&entries);
    for probe in probes {
        let Ok(ip) = probe[1..].trim().parse::<IpAddr>() else {
            continue;
        };
        let best = entries.iter().filter(|e| e.contains(ip)).map(|e| e.size()).min();
        assert_eq!(set.lookup(ip).map(|i| entries[i].size()), best, "{ip}");
    }
});
