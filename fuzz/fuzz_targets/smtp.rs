//! The relay's wire parsers on attacker input: a command line (BDAT's too) or an address
//! never panics, the DATA decoder finds the same end and the same message whether bytes
//! arrive at once or one by one (no smuggling through a split CRLF.CRLF), and BDAT chunks
//! cut anywhere make the same message with the same flags.
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
    assert_eq!(whole.nul, split.nul);

    // BDAT: the first byte picks where the chunks are cut.
    let cut = data.first().map_or(0, |b| *b as usize).min(data.len());
    let mut one = DataDecoder::chunks(Some(1 << 20));
    let mut one_out = Vec::new();
    assert_eq!(one.feed(data, &mut one_out), None);
    one.finish(&mut one_out);
    let mut two = DataDecoder::chunks(Some(1 << 20));
    let mut two_out = Vec::new();
    two.feed(&data[..cut], &mut two_out);
    two.feed(&data[cut..], &mut two_out);
    two.finish(&mut two_out);
    assert_eq!(one_out, two_out);
    assert_eq!(
        (one.bare_line_ending, one.nul, one.line_too_long),
        (two.bare_line_ending, two.nul, two.line_too_long)
    );
});
