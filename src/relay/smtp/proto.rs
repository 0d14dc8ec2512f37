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
    /// RFC 4954: the mechanism's name and the initial response, if the client sent one.
    Auth {
        mechanism: String,
        initial: Option<String>,
    },
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
        "AUTH" => {
            let mut words = rest.split(' ').filter(|w| !w.is_empty());
            let mechanism = words.next().ok_or(ProtoError::Arguments)?.to_string();
            let initial = words.next().map(str::to_string);
            if words.next().is_some() {
                return Err(ProtoError::Arguments);
            }
            Ok(Command::Auth { mechanism, initial })
        }
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
mod tests;

#[cfg(test)]
mod fuzz;
