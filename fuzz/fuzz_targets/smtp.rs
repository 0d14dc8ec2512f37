//! The relay's wire parsers on attacker input: a command line or an address never panics, and the DATA
//! decoder finds the same end and the same message whether bytes arrive at once or one
//! by one (no smuggling through a split CRLF.CRLF).
#![no_main]

use eopctl::policy::address::{parse_recipient, parse_sender};
use eopctl::relay::smtp::proto::{DataDecoder, parse_command};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = parse_command(data);
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = parse_recipient(text);
        let _ = parse_sender(text);
    }

    let mut whole = DataDecoder::new(Some(1 << 20));
    let mut whole_out = Vec::new();
    let whole_end = whole.feed(data, &mut whole_out);

    let mut split = DataDecoder::new(Some(1 << 20));
    let mut split_out = Vec::new();
    let mut split_end = None;
    for (i, b) in data.iter().enumerate() {
        if let Some(n) = split.feed(std::slice::from_ref(b), &mut split_out) {
            assert_eq!(n, 1);
            split_end = Some(i + 1);
            break;
        }
    }
    assert_eq!(whole_end, split_end);
    assert_eq!(whole_out, split_out);
    assert_eq!(whole.bare_line_ending, split.bare_line_ending);
});
