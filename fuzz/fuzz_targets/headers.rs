//! The header parsers the relay runs on every message, on attacker input: reading the
//! Received headers and the address in each never panics, and removing the service headers
//! only shortens the message and leaves nothing to remove a second time.
#![no_main]

use eopctl::policy::enhanced_filtering::{from_ip, received_headers};
use eopctl::policy::headers::strip_service_headers;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    for h in received_headers(data) {
        let _ = from_ip(&h);
    }
    let mut once = data.to_vec();
    strip_service_headers(&mut once);
    assert!(once.len() <= data.len());
    let mut twice = once.clone();
    assert_eq!(strip_service_headers(&mut twice), 0);
    assert_eq!(twice, once);
});
