//! A message as SpamAssassin's rules see it, built once per message:
//!
//! - headers: decoded (RFC 2047), unfolded, several of one name joined by newlines, each
//!   value ending in a newline (`Name:raw` keeps the encoded text); the pseudo-headers
//!   `ALL` (and its trusted, internal, untrusted and external parts), `ToCc`, `MESSAGEID`,
//!   `EnvelopeFrom` and the `X-Spam-Relays-*` relays (`relays.rs`);
//! - body: the Subject line first (an empty line without one: `tflags nosubject` rules
//!   skip it), then the text/plain and text/html parts, HTML rendered (`html.rs`), each
//!   cut at 50,000 characters, joined by a line break, cut into paragraphs at blank lines
//!   with every run of white space one space (Message.pm's "rendered" body);
//! - rawbody: each text part decoded as written (HTML tags kept), whole, or in pieces of
//!   2-4 KB cut at a line end, `>` or space when it is longer (Message.pm's);
//! - uri: links in the rendered text (`uris.rs`: schemes, `www.`, addresses, bare host
//!   names given the rule files' TLDs) and in HTML attributes;
//! - full: the whole message as received.
//!
//! Text is UTF-8 (mail-parser decodes each part's charset), matched as octets.

use mail_parser::{Encoding, Message, MessageParser, MimeHeaders, PartType};

use super::html::{self, Html};
use super::registry::Registry;
use super::uris;

/// One MIME leaf part, for the MIME evals.
#[derive(Debug, Clone)]
pub struct Part {
    /// `type/subtype`, lower case.
    pub ctype: String,
    pub encoding: Encoding,
    /// The part's body as transferred (before decoding).
    pub raw: Vec<u8>,
    pub text_len: usize,
    pub attachment: bool,
    pub charset: Option<String>,
    /// `Name: value` lines of the part (for `mimeheader`).
    pub headers: Vec<(String, String)>,
}

#[derive(Debug, Default)]
pub struct View {
    /// (lower-case name, decoded value, raw value), in order.
    pub headers: Vec<(String, String, String)>,
    /// The header names as written, in the same order (`ALL` prints them so: rules
    /// such as `ALL =~ /to: \S{5}/` tell a lower-case "to:" from "To:").
    pub names: Vec<String>,
    pub body: Vec<String>,
    pub rawbody: Vec<String>,
    pub uris: Vec<String>,
    pub full: String,
    pub parts: Vec<Part>,
    /// Each HTML part's results, in order (SpamAssassin's `html_all`).
    pub html: Vec<Html>,
    /// The links of every HTML part, each once.
    pub html_links: Vec<String>,
    pub envelope_from: Option<String>,
    /// The relays pseudo-headers' values (internal is trusted, external untrusted: no
    /// trusted_networks are configured, so SpamAssassin infers one boundary for both).
    pub relays: super::relays::Relays,
    pub relays_trusted: String,
    pub relays_untrusted: String,
    /// The top-level Content-Type, lower case.
    pub ctype: String,
    pub madiff: MaDiff,
}

/// How far the HTML alternative's words stray from the text one's (BodyEval's
/// `multipart_alternative_difference`): the largest share (%) of HTML words the text
/// part lacks over the multipart/alternative parts, and that part's word counts.
#[derive(Debug, Default, Clone, Copy, PartialEq)]
pub struct MaDiff {
    pub percent: f64,
    pub html_words: usize,
    pub text_words: usize,
}

/// The headers SpamAssassin reads as the oldest hops (its `originating_ip_headers`).
const ORIGINATING: &[&str] = &[
    "x-yahoo-post-ip",
    "x-originating-ip",
    "x-apparently-from",
    "x-senderip",
];

/// A line break and the white space that continues a folded header.
static FOLD: std::sync::LazyLock<regex::Regex> =
    std::sync::LazyLock::new(|| regex::Regex::new(r"\n[ \t]+").expect("compiles"));

/// Paragraphs longer than this are cut, as SpamAssassin cuts lines (MAX_BODY_LINE_LENGTH).
const MAX_PARAGRAPH: usize = 2048;

impl View {
    pub fn new(m: &Message, raw: &[u8], envelope_from: Option<&str>) -> View {
        View::with_registry(m, raw, envelope_from, None)
    }

    /// With the rule files' top-level domains, which tell bare host names in the text
    /// (`example.com/path`) and addresses at a real domain.
    pub fn with_registry(
        m: &Message,
        raw: &[u8],
        envelope_from: Option<&str>,
        registry: Option<&Registry>,
    ) -> View {
        let mut v = View {
            // SpamAssassin reads messages with LF line ends.
            full: String::from_utf8_lossy(raw).replace("\r\n", "\n"),
            envelope_from: envelope_from.map(str::to_string),
            ctype: m
                .content_type()
                .map(|c| {
                    format!("{}/{}", c.ctype(), c.subtype().unwrap_or("")).to_ascii_lowercase()
                })
                .unwrap_or_else(|| "text/plain".into()),
            ..View::default()
        };
        let root = m.parts.first().map_or(&[][..], |p| &p.headers[..]);
        for h in root {
            let text = |from: u32, to: u32| {
                m.raw_message
                    .get(from as usize..to as usize)
                    .map(String::from_utf8_lossy)
                    .unwrap_or_default()
            };
            let value = text(h.offset_start, h.offset_end);
            let written = text(h.offset_field, h.offset_start);
            let name = written.split(':').next().unwrap_or_default().trim();
            // As SpamAssassin's Message::Node keeps them: the raw value everything after
            // the colon (its leading white space too: `Date:raw =~ /^\t/` and
            // `From:raw =~ /^\s?"\s/` look at it), the decoded one unfolded to single
            // spaces and trimmed.
            let raw = value.trim_end_matches(['\r', '\n']).replace("\r\n", "\n");
            let plain = FOLD.replace_all(&raw, " ").trim().to_string();
            let raw = raw.replace('\n', "");
            let decoded = if plain.contains("=?") {
                decode_2047(&plain)
            } else {
                plain
            };
            v.headers.push((name.to_ascii_lowercase(), decoded, raw));
            v.names.push(name.to_string());
        }
        let subject = v.get("subject", false);
        let mut rendered = String::new();
        let mut leaves = Vec::new();
        collect_parts(m, &mut v, &mut rendered, &mut leaves);
        v.madiff = madiff(m, &leaves);
        v.body = std::iter::once(if subject.is_empty() {
            "\n".to_string()
        } else {
            subject
        })
        .chain(rendered_lines(&rendered))
        .collect();
        let mut uris = uris::text_uris(v.body.iter().map(String::as_str), registry);
        for u in &v.html_links {
            if !uris.contains(u) {
                uris.push(u.clone());
            }
        }
        uris.truncate(1000);
        v.uris = uris;
        v.relays = super::relays::Relays::new(
            v.headers
                .iter()
                .filter(|(n, _, _)| n == "received")
                .map(|(_, _, raw)| raw.as_str()),
            v.headers
                .iter()
                .filter(|(n, _, _)| ORIGINATING.contains(&n.as_str()))
                .map(|(_, _, raw)| raw.as_str()),
        );
        v.relays_trusted = v.relays.trusted_str();
        v.relays_untrusted = v.relays.untrusted_str();
        v
    }

    /// A header's values as the rules see them ("" when absent).
    pub fn get(&self, name: &str, raw: bool) -> String {
        let mut out = String::new();
        let mut push = |s: &str| {
            out.push_str(s);
            out.push('\n');
        };
        // The pseudo-headers are spelt exactly; real header names in any case.
        let name = match name {
            "ALL" | "ToCc" | "MESSAGEID" | "EnvelopeFrom" | "ALL-TRUSTED" | "ALL-INTERNAL"
            | "ALL-UNTRUSTED" | "ALL-EXTERNAL" => name.to_string(),
            _ => name.to_ascii_lowercase(),
        };
        match name.as_str() {
            "ALL" => {
                for (n, (_, d, r)) in self.names.iter().zip(&self.headers) {
                    push(&match raw {
                        true => format!("{n}:{r}"),
                        false => format!("{n}: {d}"),
                    });
                }
            }
            // The headers the trusted (internal) relays added: down to and including the
            // Received header below the last trusted one; the untrusted (external) ones:
            // from that Received header on. Nothing is configured, so internal is trusted.
            "ALL-TRUSTED" | "ALL-INTERNAL" | "ALL-UNTRUSTED" | "ALL-EXTERNAL" => {
                let boundary = self.relays.trusted.len() as i64;
                let upper = name == "ALL-TRUSTED" || name == "ALL-INTERNAL";
                let mut index = -1i64;
                for (n, (h, d, r)) in self.names.iter().zip(&self.headers) {
                    if h == "received" {
                        index += 1;
                    }
                    let take = if upper {
                        index <= boundary
                    } else {
                        index >= boundary
                    };
                    if take {
                        push(&match raw {
                            true => format!("{n}:{r}"),
                            false => format!("{n}: {d}"),
                        });
                    }
                    if upper && index == boundary && h == "received" {
                        break;
                    }
                }
            }
            "ToCc" => {
                for (n, d, r) in &self.headers {
                    if n == "to" || n == "cc" {
                        push(if raw { r } else { d });
                    }
                }
            }
            "MESSAGEID" => {
                for (n, d, _) in &self.headers {
                    if ["message-id", "resent-message-id", "x-message-id"].contains(&n.as_str()) {
                        push(d);
                    }
                }
            }
            "EnvelopeFrom" => {
                if let Some(e) = &self.envelope_from {
                    push(e);
                }
            }
            "x-spam-relays-trusted" | "x-spam-relays-internal" => push(&self.relays_trusted),
            "x-spam-relays-untrusted" | "x-spam-relays-external" => push(&self.relays_untrusted),
            _ => {
                for (n, d, r) in &self.headers {
                    if *n == name {
                        push(if raw { r } else { d });
                    }
                }
            }
        }
        out
    }

    pub fn has(&self, name: &str) -> bool {
        match name {
            "ALL" | "ToCc" | "MESSAGEID" | "EnvelopeFrom" | "ALL-TRUSTED" | "ALL-INTERNAL"
            | "ALL-UNTRUSTED" | "ALL-EXTERNAL" => !self.get(name, true).is_empty(),
            _ if name.to_ascii_lowercase().starts_with("x-spam-relays-") => {
                !self.get(name, true).is_empty()
            }
            _ => {
                let name = name.to_ascii_lowercase();
                self.headers.iter().any(|(n, _, _)| *n == name)
            }
        }
    }
}

fn unfold(value: &str) -> String {
    let v = value.trim_end_matches(['\r', '\n']);
    let v = v.strip_prefix(' ').unwrap_or(v);
    v.replace("\r\n", "\n").replace('\n', "")
}

/// RFC 2047 words decoded by parsing a one-header message (mail-parser does the charsets).
fn decode_2047(value: &str) -> String {
    let fake = format!("Subject: {value}\r\n\r\n");
    MessageParser::default()
        .parse(fake.as_bytes())
        .and_then(|m| m.subject().map(str::to_string))
        .unwrap_or_else(|| value.to_string())
}

/// A text leaf's rendered text, by part index, for comparing the alternatives.
struct Leaf {
    index: usize,
    html: bool,
    text: String,
    has_img: bool,
}

fn collect_parts(m: &Message, v: &mut View, rendered: &mut String, leaves: &mut Vec<Leaf>) {
    for (index, part) in m.parts.iter().enumerate() {
        let ctype = part
            .content_type()
            .map(|c| format!("{}/{}", c.ctype(), c.subtype().unwrap_or("")).to_ascii_lowercase())
            .unwrap_or_else(|| "text/plain".into());
        if matches!(part.body, PartType::Multipart(_)) {
            continue;
        }
        let raw = m
            .raw_message
            .get(part.offset_body as usize..part.offset_end as usize)
            .unwrap_or_default();
        let headers = part
            .headers
            .iter()
            .filter_map(|h| {
                let value = m
                    .raw_message
                    .get(h.offset_start as usize..h.offset_end as usize)?;
                Some((
                    h.name.as_str().to_string(),
                    unfold(&String::from_utf8_lossy(value)),
                ))
            })
            .collect();
        let mut info = Part {
            ctype: ctype.clone(),
            encoding: part.encoding,
            raw: raw.to_vec(),
            text_len: 0,
            attachment: part.attachment_name().is_some(),
            charset: part
                .content_type()
                .and_then(|c| c.attribute("charset"))
                .map(str::to_ascii_lowercase),
            headers,
        };
        // The declared type decides, not the parser's reading of it (`text/HTML`).
        let body = match &part.body {
            PartType::Text(t) if ctype == "text/html" => Some((t, true)),
            PartType::Html(h) => Some((h, true)),
            PartType::Text(t) if ctype != "text/calendar" => Some((t, false)),
            _ => None,
        };
        match (body, &part.body) {
            (Some((t, false)), _) => {
                info.text_len = t.len();
                if ctype == "text/plain" {
                    push_part(rendered, t);
                }
                v.rawbody.extend(raw_pieces(t));
                leaves.push(Leaf {
                    index,
                    html: false,
                    text: t.to_string(),
                    has_img: false,
                });
            }
            (Some((h, true)), _) => {
                let doc = html::render(h);
                info.text_len = doc.text.len();
                push_part(rendered, &doc.text);
                v.rawbody.extend(raw_pieces(h));
                leaves.push(Leaf {
                    index,
                    html: true,
                    text: doc.text.clone(),
                    has_img: doc.inside.contains_key("img"),
                });
                for l in &doc.links {
                    if !v.html_links.contains(l) {
                        v.html_links.push(l.clone());
                    }
                }
                v.html.push(doc);
            }
            (None, PartType::Message(inner)) => {
                collect_parts(inner, v, rendered, &mut Vec::new());
            }
            _ => {}
        }
        v.parts.push(info);
        if rendered.len() > 1 << 20 {
            break;
        }
    }
}

fn madiff(m: &Message, leaves: &[Leaf]) -> MaDiff {
    let mut out = MaDiff::default();
    let ctype = |p: &mail_parser::MessagePart| {
        p.content_type()
            .map(|c| format!("{}/{}", c.ctype(), c.subtype().unwrap_or("")).to_ascii_lowercase())
            .unwrap_or_else(|| "text/plain".into())
    };
    // Exchange's meeting requests (text/html beside text/calendar) differ by design.
    let summary: Vec<String> = m.parts.iter().map(ctype).collect();
    if summary == ["multipart/alternative", "text/html", "text/calendar"] {
        return out;
    }
    fn below(m: &Message, at: usize, out: &mut Vec<usize>) {
        if let Some(PartType::Multipart(ids)) = m.parts.get(at).map(|p| &p.body) {
            for &id in ids {
                out.push(id as usize);
                below(m, id as usize, out);
            }
        }
    }
    let words = |text: &str, into: &mut std::collections::HashMap<String, usize>| {
        for w in text.split_whitespace() {
            if w.chars().any(|c| c.is_alphanumeric() || c == '_') {
                *into.entry(w.to_string()).or_default() += 1;
            }
        }
    };
    for (at, part) in m.parts.iter().enumerate() {
        if !ctype(part).starts_with("multipart/alternative") {
            continue;
        }
        let mut inside = Vec::new();
        below(m, at, &mut inside);
        let (mut html, mut text) = (Default::default(), Default::default());
        for leaf in leaves.iter().filter(|l| inside.contains(&l.index)) {
            if leaf.html {
                words(&leaf.text, &mut html);
                // A wordless HTML part with an image still counts as one "word".
                if html.is_empty() && leaf.has_img {
                    html.insert("\n".to_string(), 1);
                }
            } else {
                words(&leaf.text, &mut text);
            }
        }
        let orig = html.len();
        if orig == 0 {
            continue;
        }
        out.html_words = orig;
        out.text_words = text.len();
        html.retain(|w, n| text.get(w).is_none_or(|t| *n as i64 - *t as i64 >= 1));
        let diff = html.len() as f64 / orig as f64 * 100.0;
        if diff > out.percent {
            out.percent = diff;
        }
    }
    out
}

/// Characters of one part's rendered text the body rules see (body_part_scan_size).
const PART_SCAN: usize = 50_000;

/// Appends a part's rendered text, a line break between parts, the text cut after
/// PART_SCAN characters (at a line break or space within the next 1,024 when there is one).
fn push_part(rendered: &mut String, text: &str) {
    if !rendered.is_empty() {
        rendered.push('\n');
    }
    let Some((cut, _)) = text.char_indices().nth(PART_SCAN) else {
        rendered.push_str(text);
        return;
    };
    let near = |c: char| {
        text[cut..]
            .find(c)
            .filter(|&i| i <= 1024)
            .map(|i| cut + i + 1)
    };
    let end = near('\n').or_else(|| near(' ')).unwrap_or(cut);
    rendered.push_str(&text[..end]);
}

/// Paragraph breaks (line breaks around blank space).
static BREAKS: std::sync::LazyLock<regex::Regex> =
    std::sync::LazyLock::new(|| regex::Regex::new(r"\n+\s*\n+").expect("compiles"));

/// The rendered body's lines: a paragraph a line, every run of white space in it one
/// space, each ending in a line break but the last.
fn rendered_lines(text: &str) -> Vec<String> {
    // SpamAssassin reads messages with LF line ends.
    let text = text.replace("\r\n", "\n");
    let paras: Vec<String> = BREAKS
        .split(&text)
        .map(|p| {
            let mut out = String::with_capacity(p.len());
            for c in p.chars() {
                if !c.is_whitespace() {
                    out.push(c);
                } else if !out.ends_with(' ') {
                    out.push(' ');
                }
            }
            out
        })
        .collect();
    let joined = paras.join("\n");
    short_lines(&joined)
}

/// Characters of one part the rawbody rules see (rawbody_part_scan_size).
const RAW_SCAN: usize = 500_000;

/// A part's decoded text for the rawbody rules: whole up to MAX_PARAGRAPH bytes, else
/// in pieces of one to two MAX_PARAGRAPH, each cut after a line break, a `>` or a space
/// found past MAX_PARAGRAPH (split_into_array_of_short_paragraphs).
fn raw_pieces(text: &str) -> Vec<String> {
    let text = text.replace("\r\n", "\n");
    let mut text = text.as_str();
    if let Some((cut, _)) = text.char_indices().nth(RAW_SCAN) {
        text = &text[..cut];
    }
    if text.len() <= MAX_PARAGRAPH {
        return vec![text.to_string()];
    }
    let mut out = Vec::new();
    let mut ofs = 0;
    while text.len() - ofs > 2 * MAX_PARAGRAPH {
        let from = ofs + MAX_PARAGRAPH;
        let within = |j: usize| j - ofs < 2 * MAX_PARAGRAPH;
        let end = [b'\n', b'>', b' ']
            .iter()
            .find_map(|&c| {
                memchr::memchr(c, &text.as_bytes()[from..])
                    .map(|i| from + i)
                    .filter(|&j| within(j))
            })
            .map(|j| j + 1)
            .unwrap_or_else(|| {
                let mut e = from;
                while !text.is_char_boundary(e) {
                    e += 1;
                }
                e
            });
        out.push(text[ofs..end].to_string());
        ofs = end;
    }
    out.push(text[ofs..].to_string());
    out
}

/// Lines (each with its line break), lines longer than MAX_PARAGRAPH cut after the last
/// space within it, or at it (split_into_array_of_short_lines).
fn short_lines(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for line in text.split_inclusive('\n') {
        let mut rest = line;
        while rest.len() > MAX_PARAGRAPH {
            // At a character boundary: the text is UTF-8 (lossy), not bytes.
            let mut end = MAX_PARAGRAPH;
            while !rest.is_char_boundary(end) {
                end -= 1;
            }
            let cut = rest[..end].rfind(' ').map_or(end, |s| s + 1);
            out.push(rest[..cut].to_string());
            rest = &rest[cut..];
        }
        if !rest.is_empty() {
            out.push(rest.to_string());
        }
    }
    out
}

#[cfg(test)]
mod tests;
