//! The learning filter's tokens, made as SpamAssassin's Bayes tokenizer makes them (its
//! `tokenize`, `_tokenize_line` and `_tokenize_headers`, SpamAssassin 4.0): the filter
//! learns what decades of tuning there found to carry the signal, and no more.
//!
//! - **Headers**: every header but the ones that only add noise or leak another filter's
//!   verdict ([`IGNORED`]: list and mailbox annotations, other filters' X-Spam-* headers,
//!   Date, Subject; and the relay's own verdict headers), each word prefixed `H<name>:` as the header is spelled (ratware's
//!   spelling is a clue). Addresses become their parts (`N*` name words, `U*` local part,
//!   `D*` domain and each parent); Message-IDs are split on their generators' formats;
//!   only the two oldest Received fields count, with ids and dates dropped and addresses
//!   cut to their /24; Content-Type keeps the shape of its boundary; From/To/Cc,
//!   Message-ID/References and X-Mailer/User-Agent are also pooled (`H*Ad`, `H*MI`,
//!   `H*UA`).
//! - **Body**: the Subject, then the text of every text part and the rendered text of
//!   every HTML part (SpamAssassin's HTML parser: tags and scripts dropped, entities
//!   decoded), in words of `A-Za-z0-9,@*!_'"$.-` and non-ASCII letters, edge punctuation
//!   trimmed; case is kept and the lower-case and punctuation-free forms are added; a
//!   word with a dot adds `UD:` domain tokens, one with `@` its address parts; words over
//!   15 bytes become `sk:` and their first 7 characters (SpamBayes' habit), long runs of
//!   CJK characters one `u8:` token per character.
//! - **Parts and links**: a digest of every part's content with its type (`MIME:`; a
//!   campaign's identical image recurs), attachment extensions, the HTML tags used, and
//!   each link's host, parent domains and path words.
//!
//! Each token counts once per message.

use std::borrow::Cow;
use std::collections::HashSet;
use std::sync::LazyLock;

use mail_parser::{Address, HeaderValue, Message, MimeHeaders, PartType};
use regex::Regex;
use sha1::{Digest, Sha1};

use crate::policy::headers::is_service_header;
use crate::policy::spamrules::{html, uris};

/// SpamAssassin's `bayes_max_token_length`: longer words become `sk:` tokens.
const MAX_TOKEN: usize = 15;
/// The most body text read per part: spam's signal is early, and the cost must stay flat.
const MAX_TEXT: usize = 64 * 1024;

/// Headers whose words are not learned (SpamAssassin's `IGNORED_HDRS`): noise, mailing
/// list furniture (a list is not a sender), other filters' verdicts (learning them
/// would learn the other filter), mailbox annotations, and Date and Subject (the
/// Subject is read with the body).
static IGNORED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)^(?:
        (?:X-)?Sender | Delivered-To | Delivery-Date | (?:X-)?Envelope-To
        | X-MIME-Auto[Cc]onverted | X-Converted-To-Plain-Text
        | Subject | Date
        | X-List | (?:X-)?Mailing-List
        | (?:X-)?List-(?:Archive|Help|Id|Owner|Post|Subscribe|Unsubscribe|Host|Manager|Admin|Comment|Name|Url)
        | X-Unsub(?:scribe)? | X-Mailman-Version | X-Been[Tt]here | X-Loop | Mail-Followup-To
        | X-eGroups-(?:Return|From) | X-MDMailing-List | X-XEmacs-List | X-Sympa-To
        | (?:X-)?Resent-(?:From|To|Date) | (?:X-)?Original-(?:From|To|Date)
        | X-MailScanner(?:-SpamCheck)?
        | X-Spam(?:-(?:Status|Level|Flag|Report|Hits|Score|Checker-Version))?
        | X-Antispam | X-RBL-Warning | X-MDaemon-Deliver-To | X-Virus-Scanned | X-Mass-Check-Id
        | X-Pyzor | X-DCC-\S{2,25}-Metrics | X-Filtered-B[Yy] | X-Scanned-By | X-Scanner
        | X-AP-Spam-(?:Score|Status) | X-RIPE-Spam-Status | X-SpamCop-[^:]+ | X-SMTPD
        | (?:X-)?Spam-Apparently-To | SPAM | X-Perlmx-Spam | X-Bogosity
        | Content-Class | Thread-(?:Index|Topic) | X-Original[Aa]rrival[Tt]ime
        | (?:X-)?Status | X-Flags | X-Keywords | Replied | Forwarded | Lines | Content-Length
        | X-UIDL? | X-IMAPbase | X-Bugzilla-[^:]+
        | X-VM-(?:Bookmark|(?:POP|IMAP)-Retrieved|Labels|Last-Modified|Summary-Format|VHeader|v\d-Data|Message-Order)
        | X-Gnus-Mail-Source | Xref
        )$",
    )
    .expect("compiles")
});

/// Headers noted by presence only: their values are all hapaxes.
static PRESENCE_ONLY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)^(?: X-Face | X-(?:Gnu-?PG|PGP|GPG)(?:-Key)?-Fingerprint | D(?:KIM|omainKey)-Signature
        | X-Google-DKIM-Signature | ARC-(?:Message-Signature|Seal) | Autocrypt )$",
    )
    .expect("compiles")
});

static MSGID_OUTLOOK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"<([0-9a-f]{4})[0-9a-f]{8}\$([0-9a-f]{4})[0-9a-f]{4}\$([0-9a-f]{8})@(\S+)>")
        .expect("compiles")
});
static MSGID_EXIM_SENDMAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"<[A-Za-z0-9]{7}-[A-Za-z0-9]{6}-0[A-Za-z0-9]@|<20\d\d[01]\d[0123]\d[012]\d[0-5]\d[0-5]\d\.[A-F0-9]{10,12}@",
    )
    .expect("compiles")
});
/// What a Received field says that is unique to the message: queue ids and the date.
static RECEIVED_NOISE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)
        \swith\sSMTP\sid\sg[\dA-Z]{10,12}\s | \swith\sESMTP\sid\s[\dA-F]{10,12}\s
        | \bid\s[A-Za-z0-9]{7}-[A-Za-z0-9]{6}-0[A-Za-z0-9] | \bid\s[a-zA-Z0-9]{7,20}\b
        | (?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun),\s)?[0-3\s]?[0-9]\s
          (?:Jan|Feb|Ma[ry]|Apr|Ju[nl]|Aug|Sep|Oct|Nov|Dec)\s(?:19|20)?[0-9]{2}\s
          [0-2][0-9](?::[0-5][0-9]){1,2}\s(?:\s*\(|\)|\s*(?:[+-][0-9]{4})|\s*(?:UT|[A-Z]{2,3}T))*
        | \b(?:with|from|for|SMTP|ESMTP)\b",
    )
    .expect("compiles")
});
static IPV4: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(\d{1,3}\.\d{1,3}\.\d{1,3})(\.\d{1,3})\b").expect("compiles"));
static BOUNDARY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"(?i)boundary=["'](.*?)["']"#).expect("compiles"));
static SEPARATORS: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"[-_.=]+").expect("compiles"));
static CTYPE_GRAY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(?:text|charset)\b").expect("compiles"));
/// "..." and "--" inside a word are a formatting habit, not part of the word.
static RUNS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(\w)(\.{3,6}|-{2,6})(\w)").expect("compiles"));

/// The distinct tokens of a message, in first-seen order.
pub fn tokenize(m: &Message) -> Vec<String> {
    let mut t = Tokens::default();
    headers(&mut t, m);
    // SpamAssassin renders the Subject as the body's first line.
    if let Some(subject) = m.subject() {
        t.line("", subject, Region::Body);
    }
    for part in &m.parts {
        let ctype = part.content_type().map_or_else(
            || "text/plain".to_string(),
            |ct| {
                format!(
                    "{}/{}",
                    ct.c_type,
                    ct.c_subtype.as_deref().unwrap_or_default()
                )
                .to_ascii_lowercase()
            },
        );
        let content: &[u8] = match &part.body {
            PartType::Text(text) => {
                let text = cut(text, MAX_TEXT);
                t.line("", text, Region::Body);
                for uri in uris::text_uris(text.lines(), None) {
                    t.url(&uri);
                }
                text.as_bytes()
            }
            PartType::Html(source) => {
                let r = html::render(cut(source, MAX_TEXT));
                t.line("", &r.text, Region::Body);
                for link in &r.links {
                    t.url(link);
                }
                for tag in r.inside.keys() {
                    t.push(format!("html:<{tag}>"));
                }
                source.as_bytes()
            }
            PartType::Binary(b) | PartType::InlineBinary(b) => {
                if let Some(name) = part.attachment_name() {
                    let ext = name.rsplit_once('.').map_or("", |(_, e)| e);
                    t.push(format!("attach:.{}", ext.to_ascii_lowercase()));
                }
                b
            }
            PartType::Message(_) | PartType::Multipart(_) => continue,
        };
        // The first 64 KiB identify a part as well as all of it, at a bounded cost.
        let digest: String = Sha1::digest(&content[..content.len().min(MAX_TEXT)])
            .iter()
            .take(6)
            .map(|b| format!("{b:02x}"))
            .collect();
        t.push(format!("MIME:{digest}:{ctype}"));
    }
    t.list
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Region {
    Header,
    Body,
}

#[derive(Default)]
struct Tokens {
    seen: HashSet<String>,
    list: Vec<String>,
}

impl Tokens {
    fn push(&mut self, token: String) {
        if !self.seen.contains(&token) {
            self.seen.insert(token.clone());
            self.list.push(token);
        }
    }

    /// The words of one line of text, each prefixed by `prefix` (SpamAssassin's
    /// `_tokenize_line`).
    fn line(&mut self, prefix: &str, text: &str, region: Region) {
        let kept: String = text
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || ",@*!_'\"$. -".contains(c) {
                    c
                } else if c.is_ascii() || c.is_whitespace() || c.is_control() {
                    ' '
                } else {
                    c
                }
            })
            .collect();
        let kept = RUNS.replace_all(&kept, "$1 $2 $3");
        // Line by line: the title-case rule looks at each line's first word.
        for line in kept.split(['\n', '\r']) {
            let mut sentence_start = true;
            for word in line.split_whitespace() {
                let starts = sentence_start;
                sentence_start = word.ends_with('.');
                let word = word.trim_matches(|c: char| "-'\".,".contains(c));
                if word.len() < 3 {
                    continue;
                }
                let word = if region == Region::Body && starts && title_case(word) {
                    Cow::Owned(word.to_lowercase())
                } else {
                    Cow::Borrowed(word)
                };
                self.word(prefix, &word, region);
            }
        }
    }

    fn word(&mut self, prefix: &str, word: &str, region: Region) {
        if region == Region::Body {
            let bytes = word.as_bytes();
            if let Some(at) = word.find('@')
                && at > 0
                && at + 1 < bytes.len()
            {
                for t in address_parts(word) {
                    self.push(t);
                }
            } else if let Some(dot) = word.find('.')
                && word[dot + 1..].starts_with(|c: char| c.is_ascii_alphabetic())
                && dot > 0
            {
                self.push(format!("UD:{word}"));
                let mut rest = word;
                while let Some((_, tail)) = rest.split_once('.') {
                    if !tail.is_empty() {
                        self.push(format!("UD:{tail}"));
                    }
                    rest = tail;
                }
            }
        }
        let mut word = Cow::Borrowed(word);
        if word.len() > MAX_TOKEN && !word.contains('*') {
            let wide: Vec<char> = word.chars().filter(|c| c.len_utf8() >= 3).collect();
            if !wide.is_empty() {
                for c in wide {
                    self.push(format!("{prefix}u8:{c}"));
                }
                return;
            }
            let seven: String = word.chars().take(7).collect();
            if word.len() >= seven.len() + 2 {
                word = Cow::Owned(format!("sk:{seven}"));
            }
        }
        if region == Region::Body {
            let plain = |w: &str| -> String {
                w.chars()
                    .filter(|c| c.is_alphanumeric() || "_:*".contains(*c))
                    .collect()
            };
            let punctuated = word
                .chars()
                .any(|c| !(c.is_alphanumeric() || "_:*".contains(c)));
            if punctuated {
                self.push(format!("{prefix}{}", plain(&word)));
            }
            if word.chars().any(char::is_uppercase) {
                let lower = word.to_lowercase();
                if punctuated {
                    self.push(format!("{prefix}{}", plain(&lower)));
                }
                self.push(format!("{prefix}{lower}"));
            }
        }
        self.push(format!("{prefix}{word}"));
    }

    /// A link: its host and parent domains (or that it is an address literal) and the
    /// words of its path.
    fn url(&mut self, url: &str) {
        let lower = url.to_ascii_lowercase();
        let Some(rest) = lower
            .strip_prefix("https://")
            .or_else(|| lower.strip_prefix("http://"))
            .or_else(|| lower.starts_with("www.").then_some(lower.as_str()))
        else {
            return;
        };
        let (authority, path) = rest.split_once(['/', '?', '#']).unwrap_or((rest, ""));
        let host = authority.rsplit('@').next().unwrap_or(authority);
        let host = host.split(':').next().unwrap_or(host).trim_end_matches('.');
        if host.is_empty() {
            return;
        }
        if host.parse::<std::net::IpAddr>().is_ok() {
            self.push("url:ip".into());
        } else {
            let labels: Vec<&str> = host.split('.').collect();
            for i in 0..labels.len().saturating_sub(1) {
                self.push(format!("url:{}", labels[i..].join(".")));
            }
        }
        for word in path
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| (3..=MAX_TOKEN).contains(&w.len()))
        {
            self.push(format!("urlpath:{word}"));
        }
    }
}

/// "Hello" at a sentence's start is the word "hello" (SpamAssassin's IGNORE_TITLE_CASE).
fn title_case(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(|c| c.is_ascii_uppercase())
        && chars.clone().next().is_some()
        && !chars.any(|c| c.is_ascii_uppercase())
}

/// `U*local`, `D*domain` and `D*` of each parent domain.
fn address_parts(address: &str) -> Vec<String> {
    let Some((local, domain)) = address.rsplit_once('@') else {
        return Vec::new();
    };
    if local.is_empty() || domain.is_empty() {
        return Vec::new();
    }
    let mut out = vec![format!("U*{local}"), format!("D*{domain}")];
    let mut rest = domain;
    while let Some((_, parent)) = rest.split_once('.') {
        if parent.is_empty() {
            break;
        }
        out.push(format!("D*{parent}"));
        rest = parent;
    }
    out
}

fn cut(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

fn headers(t: &mut Tokens, m: &Message) {
    let raw = m.raw_message();
    let slice = |a: u32, b: u32| {
        raw.get(a as usize..b as usize)
            .map(String::from_utf8_lossy)
            .unwrap_or_default()
    };
    let mut received = Vec::new();
    for h in m.headers() {
        // As spelled in the message: "Message-Id" and "Message-ID" are different mailers.
        let name = slice(h.offset_field, h.offset_start);
        let name = name.trim_end().trim_end_matches(':').trim();
        let value = slice(h.offset_start, h.offset_end)
            .replace(['\r', '\n'], " ")
            .trim()
            .to_string();
        if name.eq_ignore_ascii_case("received") {
            received.push(value);
        } else if !IGNORED.is_match(name) && !is_service_header(name) {
            // The relay's own verdict headers (on delivered and quarantined copies) are
            // never learned: the filter would learn its own opinion.
            header(t, name, &value, h.value());
        }
    }
    // The two oldest hops: where the message entered the mail system, the spamware's
    // own HELO and address; the newer ones are the recipient's own servers.
    for value in received.iter().rev().take(2) {
        header(t, "Received", value, &HeaderValue::Empty);
    }
}

fn header(t: &mut Tokens, name: &str, value: &str, parsed: &HeaderValue) {
    let lower = name.to_ascii_lowercase();
    let bare = lower
        .strip_prefix("x-")
        .or_else(|| lower.strip_prefix("resent-"))
        .unwrap_or(&lower);
    let chewed: Cow<str> = match (lower.as_str(), bare) {
        (_, "message-id") => Cow::Owned(message_id(value)),
        (
            _,
            "return-path" | "from" | "to" | "cc" | "reply-to" | "errors-to" | "mail-followup-to"
            | "sender",
        ) => Cow::Owned(addresses(value, parsed)),
        ("received", _) => Cow::Owned(received(value)),
        ("content-type", _) => Cow::Owned(content_type(value)),
        ("mime-version", _) => Cow::Owned(value.replace("1.0", "")),
        _ if PRESENCE_ONLY.is_match(name) => Cow::Borrowed("1"),
        _ => Cow::Borrowed(value),
    };
    t.line(&format!("H{name}:"), &chewed, Region::Header);
    let pool = match lower.as_str() {
        "from" | "to" | "cc" => "*Ad",
        "message-id" | "in-reply-to" | "references" => "*MI",
        "x-mailer" | "user-agent" => "*UA",
        _ => return,
    };
    t.line(&format!("H{pool}:"), &chewed, Region::Header);
}

/// A Message-ID cut at its generator's boundaries (Outlook's three fields and server
/// id; Exim's and sendmail's queue ids dropped, they are unique per message).
fn message_id(value: &str) -> String {
    let v = MSGID_OUTLOOK.replace_all(value, " OEA$1 OEB$2 OEC$3 $4 ");
    let v = MSGID_EXIM_SENDMAIL.replace_all(&v, "");
    v.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '_' {
                c
            } else {
                ' '
            }
        })
        .collect()
}

fn received(value: &str) -> String {
    let v = RECEIVED_NOISE.replace_all(value, " ");
    // The /24 as a word, the whole address marked.
    IPV4.replace_all(&v, "$1 ip*$1$2 ").into_owned()
}

fn content_type(value: &str) -> String {
    let mut v = value.to_string();
    if let Some(c) = BOUNDARY.captures(value) {
        // The boundary's shape (hex digits masked, separators apart) names the mailer.
        let shape: String = c[1]
            .chars()
            .map(|ch| if ch.is_ascii_hexdigit() { 'H' } else { ch })
            .collect();
        let spaced = SEPARATORS.replace_all(&shape, " $0 ");
        v = BOUNDARY.replace_all(&v, " ").into_owned();
        v.push_str(&spaced);
    }
    CTYPE_GRAY.replace_all(&v, " ").into_owned()
}

/// An address header as words: `N*` for each word of a display name, then the
/// address's parts.
fn addresses(value: &str, parsed: &HeaderValue) -> String {
    let mut words = Vec::new();
    match parsed {
        HeaderValue::Address(Address::List(list)) => {
            for a in list {
                addr_words(&mut words, a.name.as_deref(), a.address.as_deref());
            }
        }
        HeaderValue::Address(Address::Group(groups)) => {
            for a in groups.iter().flat_map(|g| &g.addresses) {
                addr_words(&mut words, a.name.as_deref(), a.address.as_deref());
            }
        }
        _ => {
            for w in value.split(|c: char| c.is_whitespace() || "<>,;\"".contains(c)) {
                if w.contains('@') {
                    words.extend(address_parts(w));
                } else if !w.is_empty() {
                    words.push(format!("N*{w}"));
                }
            }
        }
    }
    words.join(" ")
}

fn addr_words(words: &mut Vec<String>, name: Option<&str>, address: Option<&str>) {
    if let Some(name) = name {
        words.extend(name.split_whitespace().map(|w| format!("N*{w}")));
    }
    if let Some(address) = address {
        words.extend(address_parts(address));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::policy::malware::parse;

    fn tokens(raw: &str) -> Vec<String> {
        tokenize(&parse(raw.as_bytes()).unwrap())
    }

    #[test]
    fn tokenizes_headers_body_html_and_urls() {
        let raw = "Received: from edge.contoso.com by inbox.contoso.com; Tue, 1 May 2007 13:54:50 -0400\r\n\
            Received: from mx.contoso.com by edge.contoso.com; Tue, 1 May 2007 13:54:49 -0400\r\n\
            Received: from relay.lucky.example ([198.51.100.7]) by mx.contoso.com with SMTP id l41DsLC8021222; Tue, 1 May 2007 09:54:23 -0400\r\n\
            From: \"Prize Desk\" <win@lucky.example>\r\nTo: bob@contoso.com\r\n\
            Subject: Claim your PRIZE now\r\nMessage-ID: <000001c78bf8$09728980$0100007f@localhost>\r\n\
            X-Mailer: BulkBlaster 3\r\nX-Spam-Status: No, score=1.0\r\nList-Id: <deals.lucky.example>\r\n\
            MIME-Version: 1.0\r\nContent-Type: multipart/alternative; boundary=\"----=_NextPart_000_0001_01C78BF8.09728980\"\r\n\r\n\
            ------=_NextPart_000_0001_01C78BF8.09728980\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n\
            Send $1,000,000 to http://login.bank.example/verify/account now...really now\r\n\
            ------=_NextPart_000_0001_01C78BF8.09728980\r\nContent-Type: text/html\r\n\r\n\
            <p>Click&nbsp;<a href=\"https://evil.example/x\">HERE!</a></p>\
            <script>var ignored;</script>Supercalifragilisticexpialidocious\r\n\
            ------=_NextPart_000_0001_01C78BF8.09728980--\r\n";
        let t = tokens(raw);
        for want in [
            // The Subject is read as body text; Title Case at a line's start folds.
            "claim",
            "PRIZE",
            "prize",
            "HFrom:N*Prize",
            "HFrom:U*win",
            "HFrom:D*lucky.example",
            "HFrom:D*example",
            "H*Ad:D*contoso.com",
            "HTo:U*bob",
            "HMessage-ID:OEA0000",
            "HMessage-ID:OEC0100007f",
            "HMessage-ID:localhost",
            "HX-Mailer:BulkBlaster",
            "H*UA:BulkBlaster",
            "HContent-Type:NHxtPHrt",
            "HContent-Type:HHHHHHHH",
            // Over 15 characters: cut to 7, as SpamAssassin does.
            "HReceived:sk:relay.l",
            "HReceived:mx.contoso.com",
            "HReceived:198.51.100",
            "HReceived:ip*198.51.100.7",
            "send",
            "$1,000,000",
            "1000000",
            "now",
            "really",
            "url:login.bank.example",
            "url:bank.example",
            "urlpath:verify",
            "UD:login.bank.example",
            "UD:bank.example",
            "html:<p>",
            "url:evil.example",
            "HERE!",
            "here",
            "sk:Superca",
        ] {
            assert!(t.contains(&want.to_string()), "{want} missing from {t:?}");
        }
        for unwanted in [
            "ignored",
            // Title Case at a line's start is the lower-case word.
            "Send",
            "HX-Spam-Status:score=1.0",
            "HList-Id:deals.lucky.example",
            // The newest hop is the recipient's own server, and queue ids are unique.
            "HReceived:inbox.contoso.com",
            "HReceived:l41DsLC8021222",
            "HMIME-Version:1.0",
        ] {
            assert!(!t.contains(&unwanted.to_string()), "{unwanted} in {t:?}");
        }
        assert!(
            t.iter()
                .any(|w| w.starts_with("MIME:") && w.ends_with(":text/html"))
        );
        assert_eq!(t.iter().filter(|w| *w == "now").count(), 1, "deduplicated");
    }

    #[test]
    fn long_words_and_wide_characters() {
        let t = tokens("Subject: x\r\n\r\nantidisestablishmentarianism 東京都の特別区です\r\n");
        assert!(t.contains(&"sk:antidis".to_string()), "{t:?}");
        assert!(t.contains(&"u8:東".to_string()), "{t:?}");
        assert!(
            !t.iter().any(|w| w.starts_with("antidisestablish")),
            "{t:?}"
        );
    }
}
