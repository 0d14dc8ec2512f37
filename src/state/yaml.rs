//! Writes the state as block-style YAML in one pass.
//!
//! serde_yaml's emitter takes about 50 ms for a state of 10,000 recipients, most of the
//! 30 ms a cmdlet may take in all (issue 2), so the store writes through serde_json's
//! serializer with this formatter instead: the same serde data model, YAML punctuation.
//! Strings stay plain where YAML reads them back as the same string, and are written as
//! double-quoted (JSON-escaped, which YAML accepts) everywhere else. Reading still goes
//! through serde_yaml; a round-trip test holds the two together.

use std::io::{self, Write};

use serde::Serialize;
use serde_json::ser::{CharEscape, Formatter};

#[derive(Clone, Copy, PartialEq)]
enum At {
    LineStart,
    /// Right after `key:`.
    AfterColon,
    /// Right after `- `.
    AfterDash,
}

#[derive(Clone, Copy)]
struct Frame {
    is_array: bool,
    indent: usize,
    count: usize,
    opened: At,
}

struct YamlFormatter {
    stack: Vec<Frame>,
    at: At,
    in_key: bool,
    /// The string being written, collected so it can be written plain or quoted.
    string: String,
    in_string: bool,
}

fn spaces<W: ?Sized + Write>(w: &mut W, n: usize) -> io::Result<()> {
    const SPACES: &[u8] = &[b' '; 64];
    w.write_all(&SPACES[..n.min(64)])
}

/// Whether `s` can be written without quotes and read back by a YAML parser as the same
/// string: no indicator first, no `: ` or ` #`, and nothing YAML would take for a boolean,
/// null or number.
fn is_plain(s: &str) -> bool {
    let bytes = s.as_bytes();
    let (Some(&first), Some(&last)) = (bytes.first(), bytes.last()) else {
        return false;
    };
    if b"-?:,[]{}#&*!|>'\"%@` ".contains(&first) || last == b' ' || last == b':' {
        return false;
    }
    // One pass: only safe characters, and no `: ` or ` #`.
    let mut prev = 0u8;
    for &b in bytes {
        let safe = b.is_ascii_alphanumeric() || b" -._/@+=(),:".contains(&b);
        if !safe || (prev == b':' && b == b' ') || (prev == b' ' && b == b'#') {
            return false;
        }
        prev = b;
    }
    // What YAML 1.1 or 1.2 would read as a boolean, null or number.
    if bytes.len() <= 5
        && ["true", "false", "yes", "no", "on", "off", "y", "n", "null"]
            .iter()
            .any(|w| w.eq_ignore_ascii_case(s))
    {
        return false;
    }
    let numeric_start =
        first.is_ascii_digit() || b"+.".contains(&first) || b"iInN".contains(&first);
    if numeric_start && s.parse::<f64>().is_ok() {
        return false;
    }
    // Integers, and YAML 1.1's sexagesimal numbers such as 12:30.
    !(first.is_ascii_digit()
        && bytes
            .iter()
            .all(|b| b.is_ascii_digit() || b"_:.+-".contains(b))
        && s.matches('.').count() < 2)
}

impl YamlFormatter {
    fn top(&self) -> Option<Frame> {
        self.stack.last().copied()
    }

    /// Where a scalar goes: after `key: `, after `- `, or alone on a line.
    fn scalar<W: ?Sized + Write>(&mut self, w: &mut W, text: &[u8]) -> io::Result<()> {
        if self.in_key {
            return w.write_all(text);
        }
        if self.at == At::AfterColon {
            w.write_all(b" ")?;
        }
        w.write_all(text)?;
        self.at = At::LineStart;
        w.write_all(b"\n")
    }

    /// The indentation of a collection opened at the current position.
    fn child_indent(&self, is_array: bool) -> usize {
        match (self.at, self.top()) {
            // A list under a key sits at the key's column, as serde_yaml writes it.
            (At::AfterColon, Some(f)) => f.indent + if is_array { 0 } else { 2 },
            (At::AfterDash, Some(f)) => f.indent + 2,
            _ => 0,
        }
    }

    fn open(&mut self, is_array: bool) {
        let indent = self.child_indent(is_array);
        self.stack.push(Frame {
            is_array,
            indent,
            count: 0,
            opened: self.at,
        });
    }

    /// Starts an entry (a key or a `- `) of the innermost collection.
    fn entry<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        let Some(frame) = self.stack.last_mut() else {
            return Ok(());
        };
        frame.count += 1;
        let frame = *frame;
        match (frame.count, frame.opened) {
            (1, At::AfterColon) => {
                w.write_all(b"\n")?;
                spaces(w, frame.indent)?;
            }
            (1, At::AfterDash) => {}
            _ => spaces(w, frame.indent)?,
        }
        if frame.is_array {
            w.write_all(b"- ")?;
            self.at = At::AfterDash;
        }
        Ok(())
    }

    fn close<W: ?Sized + Write>(&mut self, w: &mut W, empty: &[u8]) -> io::Result<()> {
        let frame = self.stack.pop().unwrap_or(Frame {
            is_array: false,
            indent: 0,
            count: 1,
            opened: At::LineStart,
        });
        if frame.count == 0 {
            self.at = frame.opened;
            return self.scalar(w, empty);
        }
        self.at = At::LineStart;
        Ok(())
    }
}

/// Formatter methods writing a number as a scalar, as JSON spells it (which YAML reads).
macro_rules! numbers {
    ($($name:ident: $t:ty),*) => {$(
        fn $name<W: ?Sized + Write>(&mut self, w: &mut W, value: $t) -> io::Result<()> {
            self.scalar(w, serde_json::to_string(&value).unwrap_or_default().as_bytes())
        }
    )*};
}

impl Formatter for YamlFormatter {
    fn write_null<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.scalar(w, b"null")
    }
    fn write_bool<W: ?Sized + Write>(&mut self, w: &mut W, value: bool) -> io::Result<()> {
        self.scalar(w, if value { b"true" } else { b"false" })
    }
    // Every width: the defaults write the bare digits, without the `: ` and the newline
    // (a u8 BulkThreshold ran into the next key).
    numbers!(
        write_i8: i8,
        write_i16: i16,
        write_i32: i32,
        write_i64: i64,
        write_i128: i128,
        write_u8: u8,
        write_u16: u16,
        write_u32: u32,
        write_u64: u64,
        write_u128: u128,
        write_f32: f32,
        write_f64: f64
    );
    fn begin_string<W: ?Sized + Write>(&mut self, _: &mut W) -> io::Result<()> {
        self.string.clear();
        self.in_string = true;
        Ok(())
    }
    fn write_string_fragment<W: ?Sized + Write>(
        &mut self,
        _: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        if self.in_string {
            self.string.push_str(fragment);
        }
        Ok(())
    }
    fn write_char_escape<W: ?Sized + Write>(
        &mut self,
        _: &mut W,
        escape: CharEscape,
    ) -> io::Result<()> {
        let c = match escape {
            CharEscape::Quote => '"',
            CharEscape::ReverseSolidus => '\\',
            CharEscape::Solidus => '/',
            CharEscape::Backspace => '\u{8}',
            CharEscape::FormFeed => '\u{c}',
            CharEscape::LineFeed => '\n',
            CharEscape::CarriageReturn => '\r',
            CharEscape::Tab => '\t',
            CharEscape::AsciiControl(b) => b as char,
        };
        if self.in_string {
            self.string.push(c);
        }
        Ok(())
    }
    fn end_string<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.in_string = false;
        let s = std::mem::take(&mut self.string);
        let written = if is_plain(&s) {
            self.scalar(w, s.as_bytes())
        } else {
            self.scalar(w, serde_json::to_string(&s).unwrap_or_default().as_bytes())
        };
        self.string = s;
        written
    }
    fn begin_array<W: ?Sized + Write>(&mut self, _: &mut W) -> io::Result<()> {
        self.open(true);
        Ok(())
    }
    fn end_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.close(w, b"[]")
    }
    fn begin_array_value<W: ?Sized + Write>(&mut self, w: &mut W, _first: bool) -> io::Result<()> {
        self.entry(w)
    }
    fn end_array_value<W: ?Sized + Write>(&mut self, _: &mut W) -> io::Result<()> {
        Ok(())
    }
    fn begin_object<W: ?Sized + Write>(&mut self, _: &mut W) -> io::Result<()> {
        self.open(false);
        Ok(())
    }
    fn end_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.close(w, b"{}")
    }
    fn begin_object_key<W: ?Sized + Write>(&mut self, w: &mut W, _first: bool) -> io::Result<()> {
        self.entry(w)?;
        self.in_key = true;
        Ok(())
    }
    fn end_object_key<W: ?Sized + Write>(&mut self, _: &mut W) -> io::Result<()> {
        self.in_key = false;
        Ok(())
    }
    fn begin_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.at = At::AfterColon;
        w.write_all(b":")
    }
    fn end_object_value<W: ?Sized + Write>(&mut self, _: &mut W) -> io::Result<()> {
        Ok(())
    }
}

/// Why a value cannot be written as YAML.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    /// The value's own `Serialize` refused (a map with keys that are not strings).
    #[error("{0}")]
    Serialize(#[from] serde_json::Error),
    #[error("the YAML written is not UTF-8: {0}")]
    NotUtf8(#[from] std::string::FromUtf8Error),
}

/// `value` as block-style YAML.
pub fn to_string<T: Serialize>(value: &T) -> Result<String, WriteError> {
    let mut out = Vec::with_capacity(1 << 16);
    let formatter = YamlFormatter {
        stack: Vec::new(),
        at: At::LineStart,
        in_key: false,
        string: String::new(),
        in_string: false,
    };
    let mut ser = serde_json::Serializer::with_formatter(&mut out, formatter);
    value.serialize(&mut ser)?;
    Ok(String::from_utf8(out)?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::State;
    use crate::state::model::*;

    #[test]
    fn plain_only_where_yaml_reads_the_same_string() {
        for s in [
            "From on-prem",
            "1.2.3.4",
            "10.0.0.1-10.0.0.50",
            "2001:db8::/32",
            "36 MB (37,748,736 bytes)",
            "a@contoso.com",
        ] {
            assert!(is_plain(s), "{s}");
        }
        for s in [
            "",
            "*",
            "*.contoso.com",
            "yes",
            "No",
            "null",
            "~",
            "1024",
            "1e3",
            "-1",
            ".5",
            "a: b",
            "x #y",
            " x",
            "x ",
            "[::1]:25",
            "é",
            "a\nb",
            "'q'",
            "@x",
            "12:30",
            "00:01:00",
        ] {
            assert!(!is_plain(s), "{s}");
        }
    }

    #[test]
    fn round_trips_through_serde_yaml() {
        let mut state = State::default();
        state.organization.name = "Contoso: \"HQ\" #1".into();
        state.accepted_domains.push(AcceptedDomain {
            name: "yes".into(),
            domain_name: "contoso.com".parse().unwrap(),
            domain_type: DomainType::InternalRelay,
            default: true,
            match_sub_domains: false,
        });
        let mut inbound = InboundConnector::new("- tricky: name ~".into());
        inbound.sender_domains = vec!["*".parse().unwrap(), "*.contoso.com".parse().unwrap()];
        inbound.sender_ip_addresses =
            vec!["1.2.3.4".parse().unwrap(), "2001:db8::/32".parse().unwrap()];
        inbound.comment = "line one\nline two\ttab \\ back 'single' é ✓".into();
        state.inbound_connectors.push(inbound);
        let mut receive = ReceiveConnector::new("1024".into());
        receive.bindings = vec!["[::1]:2525".parse().unwrap(), "0.0.0.0:25".parse().unwrap()];
        receive.banner = String::new();
        state.receive_connectors.push(receive);
        state
            .send_connectors
            .push(SendConnector::new("null".into()));
        state.mailboxes.push(Mailbox {
            name: "Ann".into(),
            display_name: "Ann O'Neil".into(),
            primary_smtp_address: "ann@contoso.com".parse().unwrap(),
            email_addresses: vec!["a.o@contoso.com".parse().unwrap()],
        });
        let text = to_string(&state).unwrap();
        let back: State = serde_yaml::from_str(&text).unwrap_or_else(|e| panic!("{e}\n{text}"));
        assert_eq!(back, state, "{text}");
        // The shape people expect to read.
        assert!(
            text.contains("\nAcceptedDomains:\n- Name: \"yes\"\n  DomainName: contoso.com\n"),
            "{text}"
        );
        assert!(
            text.contains("  SenderDomains:\n  - \"*\"\n  - \"*.contoso.com\"\n"),
            "{text}"
        );
    }

    #[test]
    fn numbers_of_every_width() {
        #[derive(Serialize)]
        struct T {
            a: u8,
            b: i8,
            c: u16,
            d: i16,
            e: i32,
            f: u128,
            g: f32,
            h: u8,
        }
        let text = to_string(&T {
            a: 7,
            b: -1,
            c: 25,
            d: -2,
            e: -3,
            f: 4,
            g: 0.5,
            h: 9,
        })
        .unwrap();
        assert_eq!(
            text,
            "a: 7\nb: -1\nc: 25\nd: -2\ne: -3\nf: 4\ng: 0.5\nh: 9\n"
        );
        // The kind that has a u8: the file it writes reads back.
        let mut state = State::default();
        state
            .content_filter_policies
            .push(HostedContentFilterPolicy::new("Default".into()));
        let text = to_string(&state).unwrap();
        let back: State = serde_yaml::from_str(&text).unwrap_or_else(|e| panic!("{e}\n{text}"));
        assert_eq!(back, state, "{text}");
    }

    #[test]
    fn empty_collections() {
        #[derive(Serialize)]
        struct T {
            a: Vec<u32>,
            b: std::collections::BTreeMap<String, u32>,
            c: Vec<Vec<u32>>,
        }
        let text = to_string(&T {
            a: vec![],
            b: Default::default(),
            c: vec![vec![1, 2], vec![]],
        })
        .unwrap();
        assert_eq!(text, "a: []\nb: {}\nc:\n- - 1\n  - 2\n- []\n");
        let back: serde_yaml::Value = serde_yaml::from_str(&text).unwrap();
        assert_eq!(back["c"][0][1], serde_yaml::Value::from(2));
    }
}
