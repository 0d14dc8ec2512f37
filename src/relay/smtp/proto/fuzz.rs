//! Random input against the SMTP parser and decoder: no panic, and cutting the input
//! anywhere gives the same result (a deterministic generator, so failures reproduce).

use super::*;

/// A small deterministic generator (xorshift), so the test needs no dependency and
/// every failure reproduces.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    /// Bytes biased towards the ones that matter: CR, LF, '.', ':', '<', '>', '@'.
    fn bytes(&mut self, max: usize) -> Vec<u8> {
        let n = (self.next() as usize) % max;
        (0..n)
            .map(|_| match self.next() % 10 {
                0 => b'\r',
                1 => b'\n',
                2 => b'.',
                3 => b"<>:@ =\"\\"[(self.next() % 8) as usize],
                4 => (self.next() % 256) as u8,
                _ => b"MAILFROMRCPTTODATAEHLO"[(self.next() % 22) as usize],
            })
            .collect()
    }
}

#[test]
fn random_input_never_panics_and_chunking_never_matters() {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    for _ in 0..20_000 {
        let input = rng.bytes(300);
        let _ = parse_command(&input);
        let _ = next_line(&input);
        let _ = crate::policy::address::parse_recipient(&String::from_utf8_lossy(&input));
        // Whole, or one byte at a time: the same end, the same bytes, the same flags.
        let mut whole = DataDecoder::new(Some(200));
        let mut out_whole = Vec::new();
        let end_whole = whole.feed(&input, &mut out_whole);
        let mut split = DataDecoder::new(Some(200));
        let mut out_split = Vec::new();
        let mut end_split = None;
        for (i, b) in input.iter().enumerate() {
            if split
                .feed(std::slice::from_ref(b), &mut out_split)
                .is_some()
            {
                end_split = Some(i + 1);
                break;
            }
        }
        assert_eq!(end_whole, end_split, "{input:?}");
        // Over the limit the bytes are thrown away, wherever the cut fell.
        if !whole.too_big {
            assert_eq!(out_whole, out_split, "{input:?}");
        }
        assert!(out_whole.len() <= 200 && out_split.len() <= 200);
        assert_eq!(
            (
                whole.bare_line_ending,
                whole.nul,
                whole.line_too_long,
                whole.too_big
            ),
            (
                split.bare_line_ending,
                split.nul,
                split.line_too_long,
                split.too_big
            ),
            "{input:?}"
        );
        // BDAT: the chunks of a message may be cut anywhere, with the same result.
        let cut = (rng.next() as usize) % (input.len() + 1);
        let mut one = DataDecoder::chunks(Some(200));
        let mut out_one = Vec::new();
        assert_eq!(one.feed(&input, &mut out_one), None);
        one.finish(&mut out_one);
        let mut two = DataDecoder::chunks(Some(200));
        let mut out_two = Vec::new();
        two.feed(&input[..cut], &mut out_two);
        two.feed(&input[cut..], &mut out_two);
        two.finish(&mut out_two);
        if !one.too_big {
            assert_eq!(out_one, out_two, "{input:?}");
        }
        assert_eq!(
            (one.bare_line_ending, one.nul, one.too_big),
            (two.bare_line_ending, two.nul, two.too_big),
            "{input:?}"
        );
        // Data only ends right after CRLF "." CRLF (or "." CRLF at the very start).
        if let Some(end) = end_whole {
            let head = &input[..end];
            assert!(
                head == b".\r\n" || head.ends_with(b"\r\n.\r\n"),
                "{input:?}"
            );
        }
    }
}
