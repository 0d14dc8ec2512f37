//! The SMTP wire format, server side, without I/O: command lines in, `Command`s out, and
//! the DATA decoder that finds the end of a message.
//!
//! Strict on purpose (RFC 5321 §2.3.8, §4.1.1.4): only CRLF ends a line, and only
//! CRLF "." CRLF ends DATA. A bare CR or LF never ends a line or the message; a message
//! that contains one is refused as a whole once its real end arrives, which closes the
//! "SMTP smuggling" hole (a second message hidden behind `\n.\n` or `\r.\r`, read
//! differently by the next hop). A NUL byte is refused the same way: a lenient next hop
//! may take `<CRLF><NUL>.<CRLF>` for the end of data, and neither DATA nor 8BITMIME
//! allows NUL (RFC 6152 §3). Lines longer than the RFC limits are refused, never
//! buffered without bound.

/// RFC 5321 §4.5.3.1.4 allows 512 octets for a command line, more with extensions; we
/// take up to this many (with CRLF) before refusing the line.
pub const MAX_COMMAND_LINE: usize = 2048;
/// RFC 5321 §4.5.3.1.6: 1000 octets per text line including CRLF.
pub const MAX_DATA_LINE: usize = 998;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    Ehlo(String),
    Helo(String),
    /// `None` is the null reverse path `<>`.
    Mail {
        from: Option<String>,
        params: MailParams,
    },
    Rcpt {
        to: String,
    },
    Data,
    /// RFC 3030 CHUNKING: the next `size` octets are message data, taken as they are (no
    /// dot-stuffing); `last` ends the message.
    Bdat {
        size: u64,
        last: bool,
    },
    Rset,
    Noop,
    Quit,
    Vrfy,
    Expn,
    Help,
    StartTls,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MailParams {
    pub size: Option<u64>,
    pub eight_bit: bool,
    pub smtputf8: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProtoError {
    /// Unknown verb (500 5.5.2).
    Unrecognized,
    /// Known verb, bad arguments (501 5.5.4).
    Arguments,
    /// A parameter we do not implement (555 5.5.4).
    UnknownParameter,
    /// A bare CR or LF in a command line.
    BareLineEnding,
    /// Not UTF-8, or control characters.
    BadBytes,
}

/// Parses one command line (without its CRLF).
pub fn parse_command(line: &[u8]) -> Result<Command, ProtoError> {
    if line.contains(&b'\r') || line.contains(&b'\n') {
        return Err(ProtoError::BareLineEnding);
    }
    let line = std::str::from_utf8(line).map_err(|_| ProtoError::BadBytes)?;
    if line.chars().any(|c| c.is_control() && c != '\t') {
        return Err(ProtoError::BadBytes);
    }
    let (verb, rest) = match line.find(' ') {
        Some(i) => (&line[..i], &line[i + 1..]),
        None => (line, ""),
    };
    let no_args = |c: Command| {
        if rest.trim().is_empty() {
            Ok(c)
        } else {
            Err(ProtoError::Arguments)
        }
    };
    match verb.to_ascii_uppercase().as_str() {
        "EHLO" => domain_arg(rest).map(Command::Ehlo),
        "HELO" => domain_arg(rest).map(Command::Helo),
        "MAIL" => {
            let (path, params) = path_arg(rest, "FROM:")?;
            let params = mail_params(params)?;
            Ok(Command::Mail {
                from: (!path.is_empty()).then(|| path.to_string()),
                params,
            })
        }
        "RCPT" => {
            let (path, params) = path_arg(rest, "TO:")?;
            if path.is_empty() {
                return Err(ProtoError::Arguments);
            }
            if !params.trim().is_empty() {
                return Err(ProtoError::UnknownParameter);
            }
            Ok(Command::Rcpt {
                to: path.to_string(),
            })
        }
        "DATA" => no_args(Command::Data),
        "BDAT" => bdat_args(rest),
        "RSET" => no_args(Command::Rset),
        "NOOP" => Ok(Command::Noop),
        "QUIT" => no_args(Command::Quit),
        "VRFY" => Ok(Command::Vrfy),
        "EXPN" => Ok(Command::Expn),
        "HELP" => Ok(Command::Help),
        "STARTTLS" => no_args(Command::StartTls),
        _ => Err(ProtoError::Unrecognized),
    }
}

/// `<size> [LAST]`: the size in digits only (RFC 3030 §2's `1*DIGIT`).
fn bdat_args(rest: &str) -> Result<Command, ProtoError> {
    let mut words = rest.split(' ').filter(|w| !w.is_empty());
    let size = words.next().ok_or(ProtoError::Arguments)?;
    if !size.bytes().all(|b| b.is_ascii_digit()) {
        return Err(ProtoError::Arguments);
    }
    let size = size.parse().map_err(|_| ProtoError::Arguments)?;
    let last = match words.next() {
        None => false,
        Some(w) if w.eq_ignore_ascii_case("LAST") => true,
        Some(_) => return Err(ProtoError::Arguments),
    };
    if words.next().is_some() {
        return Err(ProtoError::Arguments);
    }
    Ok(Command::Bdat { size, last })
}

fn domain_arg(rest: &str) -> Result<String, ProtoError> {
    let d = rest.trim();
    if d.is_empty() || d.contains(' ') || d.len() > 255 {
        return Err(ProtoError::Arguments);
    }
    Ok(d.to_string())
}

/// `FROM:<path> params` or `TO:<path> params` (a space after the colon is tolerated).
fn path_arg<'a>(rest: &'a str, keyword: &str) -> Result<(&'a str, &'a str), ProtoError> {
    let head = rest.get(..keyword.len()).ok_or(ProtoError::Arguments)?;
    if !head.eq_ignore_ascii_case(keyword) {
        return Err(ProtoError::Arguments);
    }
    let after = rest[keyword.len()..].trim_start();
    let inner = after.strip_prefix('<').ok_or(ProtoError::Arguments)?;
    let close = inner.find('>').ok_or(ProtoError::Arguments)?;
    let path = &inner[..close];
    let params = &inner[close + 1..];
    if !params.is_empty() && !params.starts_with(' ') {
        return Err(ProtoError::Arguments);
    }
    if path.contains(['<', ' ']) {
        return Err(ProtoError::Arguments);
    }
    Ok((path, params))
}

fn mail_params(text: &str) -> Result<MailParams, ProtoError> {
    let mut p = MailParams::default();
    for word in text.split(' ').filter(|w| !w.is_empty()) {
        let (key, value) = match word.split_once('=') {
            Some((k, v)) => (k, Some(v)),
            None => (word, None),
        };
        match (key.to_ascii_uppercase().as_str(), value) {
            ("SIZE", Some(v)) => p.size = Some(v.parse().map_err(|_| ProtoError::Arguments)?),
            ("BODY", Some(v)) if v.eq_ignore_ascii_case("8BITMIME") => p.eight_bit = true,
            ("BODY", Some(v)) if v.eq_ignore_ascii_case("7BIT") => p.eight_bit = false,
            ("SMTPUTF8", None) => p.smtputf8 = true,
            _ => return Err(ProtoError::UnknownParameter),
        }
    }
    Ok(p)
}

/// Splits complete command lines off the front of `buf`.
#[derive(Debug, PartialEq, Eq)]
pub enum LineResult {
    /// A line of this length (without CRLF); consume `len + 2`.
    Line(usize),
    /// A bare LF ends what the client thinks is a line at this offset; consume `len + 1`.
    BareLf(usize),
    /// No complete line yet.
    Incomplete,
    /// The line is longer than allowed; discard up to and including the next LF.
    TooLong,
}

pub fn next_line(buf: &[u8]) -> LineResult {
    match buf.iter().position(|b| *b == b'\n') {
        Some(i) if i + 1 > MAX_COMMAND_LINE => LineResult::TooLong,
        Some(i) if i > 0 && buf[i - 1] == b'\r' => LineResult::Line(i - 1),
        Some(i) => LineResult::BareLf(i),
        None if buf.len() >= MAX_COMMAND_LINE => LineResult::TooLong,
        None => LineResult::Incomplete,
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum DataState {
    LineStart,
    Mid,
    Cr,
    Dot,
    DotCr,
}

/// Decodes DATA: finds the end, removes dot-stuffing, and notes what makes the message
/// unacceptable (bare CR/LF, NUL, over-long lines, over the size limit) without stopping.
/// For BDAT (`DataDecoder::chunks`) the same checks run over the chunks' octets, which
/// carry no dot-stuffing and no end marker: a message is judged the same whichever way
/// it came, so what the next hop receives over DATA is always clean.
#[derive(Debug)]
pub struct DataDecoder {
    /// DATA (dot-stuffed, ends at CRLF "." CRLF), or BDAT chunks (taken as they are).
    dotted: bool,
    state: DataState,
    line_len: usize,
    limit: Option<u64>,
    seen: u64,
    /// Lines ended so far (the session's per-record deadline restarts at each).
    pub lines: u64,
    pub bare_line_ending: bool,
    /// A NUL byte was seen.
    pub nul: bool,
    pub line_too_long: bool,
    pub too_big: bool,
}

impl DataDecoder {
    pub fn new(limit: Option<u64>) -> Self {
        DataDecoder {
            dotted: true,
            state: DataState::LineStart,
            line_len: 0,
            limit,
            seen: 0,
            lines: 0,
            bare_line_ending: false,
            nul: false,
            line_too_long: false,
            too_big: false,
        }
    }

    /// A decoder for the chunks of one BDAT message.
    pub fn chunks(limit: Option<u64>) -> Self {
        DataDecoder {
            dotted: false,
            ..DataDecoder::new(limit)
        }
    }

    /// The end of a BDAT message (after its LAST chunk): a trailing bare CR is one more
    /// bare line ending, and a last line without CRLF gets one, so the message can be
    /// forwarded with DATA.
    pub fn finish(&mut self, out: &mut Vec<u8>) {
        match self.state {
            DataState::Cr => self.bare_line_ending = true,
            DataState::Mid if !self.too_big => out.extend_from_slice(b"\r\n"),
            _ => {}
        }
    }

    /// Feeds bytes; appends the message's bytes to `out` (unless over the limit). Returns
    /// `Some(n)` when the end was found after consuming `n` bytes of `input` (never for
    /// BDAT chunks).
    pub fn feed(&mut self, input: &[u8], out: &mut Vec<u8>) -> Option<usize> {
        let emit = |this: &mut Self, bytes: &[u8], out: &mut Vec<u8>| {
            this.seen += bytes.len() as u64;
            if this.limit.is_some_and(|l| this.seen > l) {
                this.too_big = true;
            }
            if !this.too_big {
                out.extend_from_slice(bytes);
            }
        };
        let mut i = 0;
        while i < input.len() {
            // Fast path: a run of ordinary bytes inside a line is copied at once.
            if self.state == DataState::Mid {
                let run = input[i..]
                    .iter()
                    .position(|b| *b == b'\r' || *b == b'\n')
                    .unwrap_or(input.len() - i);
                if run > 0 {
                    if input[i..i + run].contains(&0) {
                        self.nul = true;
                    }
                    self.line_len += run;
                    if self.line_len > MAX_DATA_LINE + 2 {
                        self.line_too_long = true;
                    }
                    emit(self, &input[i..i + run], out);
                    i += run;
                    continue;
                }
            }
            let b = input[i];
            i += 1;
            if b == 0 {
                self.nul = true;
            }
            self.line_len += 1;
            if self.line_len > MAX_DATA_LINE + 2 {
                self.line_too_long = true;
            }
            self.state = match (self.state, b) {
                (DataState::LineStart, b'.') if self.dotted => DataState::Dot,
                (DataState::LineStart | DataState::Mid, b'\r') => DataState::Cr,
                (DataState::LineStart | DataState::Mid, b'\n') => {
                    self.bare_line_ending = true;
                    emit(self, b"\n", out);
                    DataState::Mid
                }
                (DataState::LineStart | DataState::Mid, _) => {
                    emit(self, &[b], out);
                    DataState::Mid
                }
                (DataState::Cr, b'\n') => {
                    emit(self, b"\r\n", out);
                    self.line_len = 0;
                    self.lines += 1;
                    DataState::LineStart
                }
                (DataState::Cr, b'\r') => {
                    self.bare_line_ending = true;
                    emit(self, b"\r", out);
                    DataState::Cr
                }
                (DataState::Cr, _) => {
                    self.bare_line_ending = true;
                    emit(self, &[b'\r', b], out);
                    DataState::Mid
                }
                (DataState::Dot, b'\r') => DataState::DotCr,
                (DataState::Dot, b'\n') => {
                    self.bare_line_ending = true;
                    emit(self, b".\n", out);
                    DataState::Mid
                }
                // Dot-stuffing: a leading dot is dropped (RFC 5321 §4.5.2).
                (DataState::Dot, _) => {
                    emit(self, &[b], out);
                    DataState::Mid
                }
                (DataState::DotCr, b'\n') => return Some(i),
                (DataState::DotCr, _) => {
                    self.bare_line_ending = true;
                    emit(self, &[b'.', b'\r', b], out);
                    DataState::Mid
                }
            };
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decode(chunks: &[&[u8]]) -> (Option<usize>, Vec<u8>, DataDecoder) {
        let mut d = DataDecoder::new(None);
        let mut out = Vec::new();
        for (n, c) in chunks.iter().enumerate() {
            if let Some(end) = d.feed(c, &mut out) {
                assert_eq!(n, chunks.len() - 1, "ended early");
                return (Some(end), out, d);
            }
        }
        (None, out, d)
    }

    #[test]
    fn commands_parse() {
        assert_eq!(
            parse_command(b"EHLO client.example"),
            Ok(Command::Ehlo("client.example".into()))
        );
        assert_eq!(parse_command(b"helo x"), Ok(Command::Helo("x".into())));
        assert_eq!(
            parse_command(b"MAIL FROM:<a@b.example> SIZE=1000 BODY=8BITMIME SMTPUTF8"),
            Ok(Command::Mail {
                from: Some("a@b.example".into()),
                params: MailParams {
                    size: Some(1000),
                    eight_bit: true,
                    smtputf8: true
                }
            })
        );
        assert_eq!(
            parse_command(b"MAIL FROM:<>"),
            Ok(Command::Mail {
                from: None,
                params: MailParams::default()
            })
        );
        assert_eq!(
            parse_command(b"mail from: <a@b.example>"),
            Ok(Command::Mail {
                from: Some("a@b.example".into()),
                params: MailParams::default()
            })
        );
        assert_eq!(
            parse_command(b"RCPT TO:<c@d.example>"),
            Ok(Command::Rcpt {
                to: "c@d.example".into()
            })
        );
        assert_eq!(
            parse_command(b"RCPT TO:<@a,@b:c@d.example>"),
            Ok(Command::Rcpt {
                to: "@a,@b:c@d.example".into()
            })
        );
        assert_eq!(parse_command(b"DATA"), Ok(Command::Data));
        assert_eq!(
            parse_command(b"BDAT 1000"),
            Ok(Command::Bdat {
                size: 1000,
                last: false
            })
        );
        assert_eq!(
            parse_command(b"bdat 0 last"),
            Ok(Command::Bdat {
                size: 0,
                last: true
            })
        );
        assert_eq!(parse_command(b"STARTTLS"), Ok(Command::StartTls));
        assert_eq!(parse_command(b"VRFY postmaster"), Ok(Command::Vrfy));
    }

    #[test]
    fn bad_commands_are_errors_not_panics() {
        assert_eq!(parse_command(b"FOO"), Err(ProtoError::Unrecognized));
        assert_eq!(parse_command(b""), Err(ProtoError::Unrecognized));
        assert_eq!(parse_command(b"EHLO"), Err(ProtoError::Arguments));
        assert_eq!(parse_command(b"MAIL TO:<a@b>"), Err(ProtoError::Arguments));
        assert_eq!(parse_command(b"MAIL FROM:a@b"), Err(ProtoError::Arguments));
        assert_eq!(parse_command(b"MAIL FROM:<a@b"), Err(ProtoError::Arguments));
        assert_eq!(
            parse_command(b"MAIL FROM:<a@b>x"),
            Err(ProtoError::Arguments)
        );
        assert_eq!(
            parse_command(b"MAIL FROM:<a@b> SIZE=x"),
            Err(ProtoError::Arguments)
        );
        assert_eq!(
            parse_command(b"MAIL FROM:<a@b> AUTH=<>"),
            Err(ProtoError::UnknownParameter)
        );
        assert_eq!(parse_command(b"RCPT TO:<>"), Err(ProtoError::Arguments));
        assert_eq!(
            parse_command(b"RCPT TO:<a@b> NOTIFY=NEVER"),
            Err(ProtoError::UnknownParameter)
        );
        assert_eq!(parse_command(b"DATA now"), Err(ProtoError::Arguments));
        for bad in [
            &b"BDAT"[..],
            b"BDAT -1",
            b"BDAT +5",
            b"BDAT 1e3",
            b"BDAT 99999999999999999999999",
            b"BDAT 5 FIRST",
            b"BDAT 5 LAST LAST",
        ] {
            assert_eq!(
                parse_command(bad),
                Err(ProtoError::Arguments),
                "{}",
                String::from_utf8_lossy(bad)
            );
        }
        assert_eq!(
            parse_command(b"QUIT\rRSET"),
            Err(ProtoError::BareLineEnding)
        );
        assert_eq!(parse_command(b"NOOP \xff"), Err(ProtoError::BadBytes));
        assert_eq!(parse_command(b"NOOP \x00"), Err(ProtoError::BadBytes));
        assert_eq!(
            parse_command("M\u{e9}IL".as_bytes()),
            Err(ProtoError::Unrecognized)
        );
        assert_eq!(parse_command(b"MA"), Err(ProtoError::Unrecognized));
        assert_eq!(parse_command(b"RCPT"), Err(ProtoError::Arguments));
    }

    #[test]
    fn lines_end_only_at_crlf_and_are_bounded() {
        assert_eq!(next_line(b"NOOP\r\nQUIT\r\n"), LineResult::Line(4));
        assert_eq!(next_line(b"NOOP\nQUIT\r\n"), LineResult::BareLf(4));
        assert_eq!(next_line(b"NOOP\r"), LineResult::Incomplete);
        assert_eq!(
            next_line(&vec![b'a'; MAX_COMMAND_LINE]),
            LineResult::TooLong
        );
        let mut long = vec![b'a'; MAX_COMMAND_LINE + 5];
        long.extend_from_slice(b"\r\n");
        assert_eq!(next_line(&long), LineResult::TooLong);
    }

    #[test]
    fn data_ends_at_crlf_dot_crlf_and_unstuffs() {
        let (end, out, d) = decode(&[b"Subject: x\r\n\r\n..leading dot\r\nbody\r\n.\r\nQUIT\r\n"]);
        assert_eq!(out, b"Subject: x\r\n\r\n.leading dot\r\nbody\r\n");
        assert_eq!(
            end,
            Some(b"Subject: x\r\n\r\n..leading dot\r\nbody\r\n.\r\n".len())
        );
        assert!(!d.bare_line_ending && !d.line_too_long && !d.too_big);
        // Split at every byte: same result.
        let msg = b"a\r\n.\r\n";
        let chunks: Vec<&[u8]> = msg.chunks(1).collect();
        let (end, out, _) = decode(&chunks);
        assert_eq!((end, out.as_slice()), (Some(1), &b"a\r\n"[..]));
        // An empty message.
        assert_eq!(decode(&[b".\r\n"]).0, Some(3));
    }

    #[test]
    fn smuggling_attempts_never_end_data() {
        // Each hides a second message behind a non-CRLF "end of data".
        for trick in [
            &b"x\n.\nMAIL FROM:<a@b>\r\n"[..],
            b"x\r.\rMAIL FROM:<a@b>\r\n",
            b"x\r\n.\nMAIL FROM:<a@b>\r\n",
            b"x\n.\r\nRCPT",
            b"x\r.\r\nRCPT",
            b"x\r\n.\rRCPT",
        ] {
            let (end, _, d) = decode(&[trick]);
            assert_eq!(end, None, "{:?}", String::from_utf8_lossy(trick));
            assert!(d.bare_line_ending, "{:?}", String::from_utf8_lossy(trick));
        }
        // A NUL never ends data either, wherever it sits, and is always flagged.
        for (trick, ends) in [
            (&b"x\r\n\0.\r\nRCPT"[..], None),
            (b"x\r\n.\0\r\nRCPT", None),
            (b"x\0\r\n.\r\n", Some(7)),
        ] {
            let (end, _, d) = decode(&[trick]);
            assert!(d.nul, "{:?}", String::from_utf8_lossy(trick));
            assert_eq!(end, ends, "{:?}", String::from_utf8_lossy(trick));
        }
        // The message carrying one is flagged even when its real end follows.
        let (end, _, d) = decode(&[b"x\n.\nMAIL FROM:<a@b>\r\n.\r\n"]);
        assert!(end.is_some() && d.bare_line_ending);
    }

    /// BDAT chunks are taken as they are: no dot-stuffing, no end marker; the same
    /// flags as DATA; a last line without CRLF gets one, a trailing bare CR is flagged.
    #[test]
    fn chunks_are_checked_like_data_and_never_unstuffed() {
        let mut d = DataDecoder::chunks(None);
        let mut out = Vec::new();
        assert_eq!(d.feed(b"Subject: x\r\n\r\n..two\r\n.\r\n", &mut out), None);
        assert_eq!(d.feed(b"tail", &mut out), None);
        d.finish(&mut out);
        assert_eq!(out, b"Subject: x\r\n\r\n..two\r\n.\r\ntail\r\n");
        assert!(!d.bare_line_ending && !d.nul);
        for (chunk, bare, nul) in [
            (&b"a\nb\r\n"[..], true, false),
            (b"a\r", true, false),
            (b"a\r\n\0.\r\n", false, true),
        ] {
            let mut d = DataDecoder::chunks(None);
            let mut out = Vec::new();
            d.feed(chunk, &mut out);
            d.finish(&mut out);
            assert_eq!((d.bare_line_ending, d.nul), (bare, nul), "{chunk:?}");
        }
        let mut d = DataDecoder::chunks(Some(4));
        let mut out = Vec::new();
        d.feed(b"12345\r\n", &mut out);
        assert!(d.too_big && out.len() <= 4);
    }

    #[test]
    fn long_lines_and_size_are_flagged_not_buffered() {
        let mut d = DataDecoder::new(Some(10));
        let mut out = Vec::new();
        assert_eq!(d.feed(b"0123456789ABCDEF\r\n.\r\n", &mut out), Some(21));
        assert!(d.too_big);
        assert!(out.len() <= 10);
        let mut line = vec![b'a'; MAX_DATA_LINE + 1];
        line.extend_from_slice(b"\r\n.\r\n");
        let (end, _, d) = decode(&[&line]);
        assert!(end.is_some() && d.line_too_long);
        let mut ok = vec![b'a'; MAX_DATA_LINE];
        ok.extend_from_slice(b"\r\n.\r\n");
        assert!(!decode(&[&ok]).2.line_too_long);
    }
}

#[cfg(test)]
mod fuzz {
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
}
