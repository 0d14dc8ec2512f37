//! HTML as SpamAssassin's HTML parser reports it: the visible text (tags dropped,
//! `script`/`style` skipped, entities decoded, block elements as paragraph breaks), the
//! links (`href`, `src`, `action`), the tags seen, the images and their declared area,
//! for the `html_*` evals and the rendered body.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::LazyLock;

use regex::Regex;

#[derive(Debug, Default, Clone)]
pub struct Html {
    pub text: String,
    pub links: Vec<String>,
    /// Tag names seen (lower case), with how often each opened.
    pub tags: BTreeMap<String, usize>,
    /// Closing tags seen.
    pub closed: BTreeMap<String, usize>,
    pub images: usize,
    /// Width x height summed over images that declare both.
    pub image_area: u64,
    /// Bytes of HTML, and of tags (for the tag/text ratio evals).
    pub bytes: usize,
    pub title: String,
    pub has_html: bool,
}

impl Html {
    pub fn merge(&mut self, other: Html) {
        self.text.push_str(&other.text);
        for l in other.links {
            if !self.links.contains(&l) {
                self.links.push(l);
            }
        }
        for (t, n) in other.tags {
            *self.tags.entry(t).or_default() += n;
        }
        for (t, n) in other.closed {
            *self.closed.entry(t).or_default() += n;
        }
        self.images += other.images;
        self.image_area += other.image_area;
        self.bytes += other.bytes;
        if self.title.is_empty() {
            self.title = other.title;
        }
        self.has_html |= other.has_html;
    }
}

const BLOCK: &[&str] = &[
    "p",
    "div",
    "br",
    "tr",
    "li",
    "table",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "ul",
    "ol",
    "blockquote",
    "td",
    "title",
];

static ATTR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?i)\b(href|src|action|background|width|height)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))"#)
        .expect("compiles")
});

static TEXT_URI: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?i)\b(?:(?:https?|ftp)://|mailto:|www\.)[^\s<>"'()\[\]]+"#).expect("compiles")
});

pub fn render(src: &str) -> Html {
    let mut h = Html {
        bytes: src.len(),
        has_html: true,
        ..Html::default()
    };
    let mut rest = src;
    let mut skip_until: Option<&str> = None;
    let mut in_title = false;
    while let Some(lt) = rest.find('<') {
        let before = &rest[..lt];
        if skip_until.is_none() {
            let t = decode_entities(before);
            if in_title {
                h.title.push_str(&t);
            }
            h.text.push_str(&t);
        }
        rest = &rest[lt..];
        if rest.starts_with("<!--") {
            let end = rest.find("-->").map_or(rest.len(), |e| e + 3);
            rest = &rest[end..];
            continue;
        }
        let end = rest.find('>').map_or(rest.len(), |e| e + 1);
        let tag = &rest[1..end.saturating_sub(1).max(1)];
        rest = &rest[end..];
        let closing = tag.starts_with('/');
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        if name.is_empty() {
            continue;
        }
        if let Some(until) = skip_until {
            if closing && name == until {
                skip_until = None;
            }
            continue;
        }
        if closing {
            *h.closed.entry(name.clone()).or_default() += 1;
            if name == "title" {
                in_title = false;
            }
        } else {
            *h.tags.entry(name.clone()).or_default() += 1;
            match name.as_str() {
                "script" => skip_until = Some("script"),
                "style" => skip_until = Some("style"),
                "title" => in_title = true,
                _ => {}
            }
            let (mut w, mut ht) = (None::<u64>, None::<u64>);
            for c in ATTR.captures_iter(tag) {
                let value = c
                    .get(2)
                    .or(c.get(3))
                    .or(c.get(4))
                    .map_or("", |m| m.as_str());
                match c[1].to_ascii_lowercase().as_str() {
                    "width" => w = value.trim_end_matches("px").parse().ok(),
                    "height" => ht = value.trim_end_matches("px").parse().ok(),
                    _ => {
                        let link = decode_entities(value.trim());
                        if !link.is_empty() && !link.starts_with('#') && !h.links.contains(&link) {
                            h.links.push(link);
                        }
                    }
                }
            }
            if name == "img" {
                h.images += 1;
                if let (Some(w), Some(ht)) = (w, ht) {
                    h.image_area += w * ht;
                }
            }
        }
        if BLOCK.contains(&name.as_str()) {
            h.text.push_str("\n\n");
        }
    }
    if skip_until.is_none() {
        h.text.push_str(&decode_entities(rest));
    }
    h
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

/// Links in plain text: with a scheme, or `www.` (given `http://`, as SpamAssassin does).
pub fn text_uris(text: &str) -> Vec<String> {
    let mut seen = BTreeSet::new();
    let mut out = Vec::new();
    for m in TEXT_URI.find_iter(text).take(1000) {
        let u = m.as_str().trim_end_matches(['.', ',', ';', ':', '!', '?']);
        let u = if u.get(..4).is_some_and(|p| p.eq_ignore_ascii_case("www.")) {
            format!("http://{u}")
        } else {
            u.to_string()
        };
        if seen.insert(u.clone()) {
            out.push(u);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_and_collects() {
        let h = render(
            "<html><head><title>Hi &amp; bye</title><script>var x='<b>';</script></head>\
             <body><p>One&nbsp;two</p><img src=\"cid:1\" width=\"10\" height=\"20\">\
             <a href='http://a.example/'>x</a><!-- <p>hidden</p> --></body></html>",
        );
        assert_eq!(h.title, "Hi & bye");
        assert!(h.text.contains("One two"));
        assert!(!h.text.contains("var x"));
        assert!(!h.text.contains("hidden"));
        assert_eq!(h.images, 1);
        assert_eq!(h.image_area, 200);
        assert_eq!(h.links, ["cid:1", "http://a.example/"]);
        assert_eq!(h.tags["p"], 1);
        assert_eq!(h.closed["p"], 1);
    }

    #[test]
    fn entities() {
        assert_eq!(
            decode_entities("a &lt;b&gt; &#65;&#x42; &bogus;"),
            "a <b> AB &bogus;"
        );
    }
}
