//! What the renderer knows of tags: which are HTML elements, which change the text
//! style, which take which style attributes, and how a tag's text is read into its name
//! and attributes (HTML::Parser's rules: names lower case, quotes protect `>`, values
//! entity-decoded, a bare attribute's value its name), and the values in them: entities,
//! colours as numbers, sizes.

/// HTML 4.01 and XHTML 1.0 elements (and three common non-standard ones).
pub(super) const ELEMENTS: &[&str] = &[
    "a",
    "abbr",
    "acronym",
    "address",
    "applet",
    "area",
    "b",
    "base",
    "basefont",
    "bdo",
    "big",
    "blockquote",
    "body",
    "br",
    "button",
    "caption",
    "center",
    "cite",
    "code",
    "col",
    "colgroup",
    "dd",
    "del",
    "dfn",
    "dir",
    "div",
    "dl",
    "dt",
    "em",
    "fieldset",
    "font",
    "form",
    "frame",
    "frameset",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "head",
    "hr",
    "html",
    "i",
    "iframe",
    "img",
    "input",
    "ins",
    "isindex",
    "kbd",
    "label",
    "legend",
    "li",
    "link",
    "map",
    "menu",
    "meta",
    "nobr",
    "noframes",
    "noscript",
    "object",
    "ol",
    "optgroup",
    "option",
    "p",
    "param",
    "pre",
    "q",
    "s",
    "samp",
    "script",
    "select",
    "small",
    "span",
    "strike",
    "strong",
    "style",
    "sub",
    "sup",
    "table",
    "tbody",
    "td",
    "textarea",
    "tfoot",
    "th",
    "thead",
    "title",
    "tr",
    "tt",
    "u",
    "ul",
    "var",
    "x-sigsep",
    "x-tab",
];
/// Rendered like elements, not counted as valid ones.
pub(super) const TRICKS: &[&str] = &["bgsound", "embed", "listing", "plaintext", "xmp"];
pub(super) const TEXT_STYLE: &[&str] = &[
    "body", "font", "table", "tr", "th", "td", "big", "small", "basefont", "marquee", "span", "p",
    "div", "a",
];
/// Elements whose content is text up to their end tag (HTML::Parser's literal mode).
pub(super) const LITERAL: &[&str] = &["script", "style", "xmp", "plaintext"];

/// The attributes each style element takes (others are ignored for colour and size).
pub(super) fn ok_attribute(tag: &str, attr: &str) -> bool {
    let allowed: &[&str] = match tag {
        "basefont" | "font" => &["color", "face", "size"],
        "body" => &["text", "bgcolor", "link", "alink", "vlink", "background"],
        "marquee" => &["bgcolor", "background"],
        "table" | "td" | "th" | "tr" => &["bgcolor", "style"],
        "span" | "p" | "div" | "a" => &["style"],
        _ => &[],
    };
    allowed.contains(&attr)
}

/// Office's `o:p` and `st1:place` tags: counted as elements, otherwise ignored.
pub(super) fn is_namespace(tag: &str) -> bool {
    let local = match tag.split_once(':') {
        Some(("o", l)) => l,
        Some((p, l)) if p.len() == 3 && p.starts_with("st") && p.as_bytes()[2].is_ascii_digit() => {
            l
        }
        _ => return false,
    };
    let local = local.strip_suffix('/').unwrap_or(local);
    !local.is_empty()
        && local
            .chars()
            .all(|c| c.is_alphanumeric() || c == '_' || c == '-')
}

/// The byte after the tag that starts at `lt`: its `>` outside quoted attribute values.
pub(super) fn tag_end(b: &[u8], lt: usize) -> usize {
    let mut quote = None;
    for (i, &c) in b.iter().enumerate().skip(lt + 1) {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if c == b'"' || c == b'\'' => {
                // A quote opens a value only after '='.
                let before = b[lt..i].iter().rev().find(|c| !c.is_ascii_whitespace());
                if before == Some(&b'=') {
                    quote = Some(c);
                }
            }
            None if c == b'>' => return i + 1,
            None => {}
        }
    }
    // An unclosed quote: the first '>' ends the tag after all.
    memchr::memchr(b'>', &b[lt..]).map_or(b.len(), |e| lt + e + 1)
}

/// A tag's lower-case name and attributes (names lower case, values decoded).
pub(super) fn read_tag(inner: &str) -> (String, Vec<(String, String)>) {
    let inner = inner.strip_prefix('/').unwrap_or(inner);
    let name_end = inner
        .find(|c: char| c.is_whitespace() || c == '/' || c == '>')
        .unwrap_or(inner.len());
    let name = inner[..name_end].to_ascii_lowercase();
    let mut attrs = Vec::new();
    let mut rest = &inner[name_end..];
    loop {
        rest = rest.trim_start_matches(|c: char| c.is_whitespace() || c == '/');
        if rest.is_empty() {
            break;
        }
        let key_end = rest
            .find(|c: char| c.is_whitespace() || c == '=' || c == '>')
            .unwrap_or(rest.len());
        let key = rest[..key_end].to_ascii_lowercase();
        rest = rest[key_end..].trim_start();
        let value = if let Some(after) = rest.strip_prefix('=') {
            let after = after.trim_start();
            let (v, r) = match after.chars().next() {
                Some(q @ ('"' | '\'')) => match after[1..].find(q) {
                    Some(e) => (&after[1..1 + e], &after[e + 2..]),
                    None => (&after[1..], ""),
                },
                _ => {
                    let e = after.find(char::is_whitespace).unwrap_or(after.len());
                    (&after[..e], &after[e..])
                }
            };
            rest = r;
            decode_entities(v)
        } else {
            key.clone()
        };
        if key.is_empty() {
            // A stray '=' or quote: skip one character.
            rest = rest.get(1..).unwrap_or("");
            continue;
        }
        attrs.push((key, value));
    }
    (name, attrs)
}

pub(super) fn find_ci(hay: &str, needle: &str) -> Option<usize> {
    let n = needle.len();
    hay.as_bytes()
        .windows(n)
        .position(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
}
/// `#rrggbb` as numbers.
pub(super) fn rgb(c: &str) -> Option<[f64; 3]> {
    let h = c.strip_prefix('#').unwrap_or(c);
    if h.len() != 6 || !h.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    let n = |i: usize| f64::from(u8::from_str_radix(&h[i..i + 2], 16).unwrap_or(0));
    Some([n(0), n(2), n(4)])
}

/// The digits at the start (after white space and a sign).
pub(super) fn leading_int(v: &str) -> Option<i64> {
    let v = v.trim_start();
    let (sign, digits) = match v.strip_prefix('-') {
        Some(d) => (-1, d),
        None => (1, v.strip_prefix('+').unwrap_or(v)),
    };
    let end = digits
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(digits.len());
    digits[..end].parse::<i64>().ok().map(|n| sign * n)
}

/// The common named entities and numeric ones.
pub fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let end = rest[1..]
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '#'))
            .map(|e| e + 1)
            .unwrap_or(rest.len());
        let ent = &rest[1..end];
        let decoded = match ent {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            "nbsp" => Some(' '),
            "copy" => Some('©'),
            "reg" => Some('®'),
            _ => ent.strip_prefix('#').and_then(|n| {
                let v = match n.strip_prefix(['x', 'X']) {
                    Some(hex) => u32::from_str_radix(hex, 16).ok(),
                    None => n.parse().ok(),
                };
                v.and_then(char::from_u32)
            }),
        };
        match decoded {
            Some(c) => {
                out.push(c);
                rest = &rest[end..];
                if rest.starts_with(';') {
                    rest = &rest[1..];
                }
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}
