//! The content stage's own byte editing on attacker messages: splitting the header
//! section, setting and removing fields, prefixing the subject and inserting a disclaimer
//! never panic; a removed field is gone from the header section afterwards, and the body
//! after it is untouched.
#![no_main]

use eopctl::policy::content::html_to_text;
use eopctl::relay::content::{Headers, disclaim, prepend_subject, set_header};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let removed = Headers::split(data).without("X-Fuzz").join();
    let again = Headers::split(&removed);
    assert!(again.first("X-Fuzz").is_none());
    let set = set_header(data, "X-Fuzz", "1");
    assert!(Headers::split(&set).first("X-Fuzz").is_some());
    let _ = prepend_subject(data, "[EXT]");
    let _ = disclaim(data, "<p>Bye</p>", "Bye");
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = html_to_text(text);
    }
});
