//! The header parsers the relay runs on every message, on attacker input: reading the
//! Received headers and the address in each never panics, and removing the service headers
//! leaves the body alone and leaves nothing to remove a second time.
#![no_main]

use eopctl::policy::enhanced_filtering::{from_ip, received_headers};
use eopctl::policy::headers::strip_service_headers;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    for h in received_headers(data) {
        let _ = from_ip(&h);
    }
    let (once, _) = strip_service_headers(data);
    assert!(once.len() <= data.len());
    let (twice, removed) = strip_service_headers(&once);
    assert_eq!(removed, 0);
    assert_eq!(twice, once);
    let body = |m: &[u8]| {
        m.windows(4)
            .position(|w| w == b"\r\n\r\n")
            .map(|i| m[i..].to_vec())
    };
    if let (Some(a), Some(b)) = (body(data), body(&once)) {
        assert!(a.ends_with(&b) || b.ends_with(&a));
    }
});
