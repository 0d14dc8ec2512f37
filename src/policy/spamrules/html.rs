//! HTML as SpamAssassin's HTML renderer (Mail::SpamAssassin::HTML over HTML::Parser)
//! reports it, one [`Html`] per HTML part: the rendered text (tags dropped, `script` and
//! `style` skipped, entities decoded, `br`/`div` a line break, `p`/`hr`/`title` a paragraph
//! break, `td`/`li` a space), the links, how deep each tag is open (`inside`, never below
//! zero), the anchors' text (an image inside a link as `<img>`), comments and titles, the
//! text style stack (colours, font sizes) that tells low-contrast and invalid-colour text,
//! and the ratios the `html_*` evals read. Parsing is forgiving as HTML::Parser is: a `<`
//! that opens no tag is text, quotes protect `>` in attribute values.

mod colors;
mod tags;

pub use tags::decode_entities;
use tags::{
    ELEMENTS, LITERAL, TEXT_STYLE, TRICKS, find_ci, is_namespace, leading_int, ok_attribute,
    read_tag, rgb, tag_end,
};

use std::collections::{BTreeMap, BTreeSet};
use std::sync::LazyLock;

use regex::Regex;

/// One HTML part's results (SpamAssassin's `html_results`).
#[derive(Debug, Default, Clone)]
pub struct Html {
    /// The rendered text, invisible text included (SpamAssassin's `rendered`).
    pub text: String,
    pub links: Vec<String>,
    /// Open minus closed count of every tag seen (a close without an open leaves 0).
    pub inside: BTreeMap<String, i64>,
    pub anchors: Vec<String>,
    /// Each anchor's `href` ("" when it has none), beside `anchors`.
    pub anchor_hrefs: Vec<String>,
    pub comments: Vec<String>,
    pub titles: Vec<String>,
    /// `font_low_contrast`, `font_invalid_color`, `font_face_bad`, `form_action_mailto`,
    /// `embeds`, `iframe`: what `html_test` asks.
    pub flags: BTreeSet<&'static str>,
    /// Width x height summed over images (200 for a missing or unreadable side).
    pub image_area: u64,
    /// Characters of HTML source.
    pub length: usize,
    pub min_size: i64,
    pub max_size: i64,
    tags: usize,
    elements: usize,
    tags_seen: usize,
    elements_seen: usize,
    closed_extra: usize,
    obfuscation: Option<usize>,
}

impl Html {
    /// A numeric result by SpamAssassin's name, None when the part has none.
    pub fn value(&self, name: &str) -> Option<f64> {
        let ratio = |n: usize, d: usize| (d > 0).then(|| n as f64 / d as f64);
        match name {
            "length" => Some(self.length as f64),
            "min_size" => Some(self.min_size as f64),
            "max_size" => Some(self.max_size as f64),
            "image_area" => Some(self.image_area as f64),
            "html_length" => Some(self.text.chars().count() as f64),
            "non_space_len" => Some(self.non_space_len() as f64),
            "closed_extra_ratio" => ratio(self.closed_extra, self.tags),
            "bad_tag_ratio" if self.elements > 0 => {
                ratio(self.tags - self.elements.min(self.tags), self.tags)
            }
            "non_element_ratio" if self.elements_seen > 0 => ratio(
                self.tags_seen - self.elements_seen.min(self.tags_seen),
                self.tags_seen,
            ),
            "obfuscation_ratio" => self.obfuscation.and_then(|o| ratio(o, self.tags)),
            _ => None,
        }
    }

    /// Characters of rendered text that are not white space.
    pub fn non_space_len(&self) -> usize {
        self.text
            .chars()
            .filter(|c| !matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0b'))
            .count()
    }

    /// The strings `html_text_match` reads by name.
    pub fn strings(&self, name: &str) -> &[String] {
        match name {
            "anchor" => &self.anchors,
            "comment" => &self.comments,
            "title" => &self.titles,
            _ => &[],
        }
    }
}

#[derive(Debug, Clone)]
struct Style {
    tag: String,
    fg: String,
    bg: String,
    size: i64,
    display: Option<String>,
    visibility: Option<String>,
}

struct Chunk {
    text: String,
    whitespace: bool,
    invisible: bool,
}

struct Renderer {
    h: Html,
    styles: Vec<Style>,
    basefont: i64,
    chunks: Vec<Chunk>,
}

static SELF_CLOSING: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"<(\w+)\s*/>").expect("compiles"));
static FONT_FACE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r#"(?i)^\s*["'.]?[a-z ][a-z -]*[a-z]\d?["']?(?:,\s*["']?[a-z][a-z -]*[a-z]\d?["']?)*;?$"#,
    )
    .expect("compiles")
});
/// Renders one HTML part.
pub fn render(src: &str) -> Html {
    let mut r = Renderer {
        h: Html {
            length: src.chars().count(),
            min_size: 3,
            max_size: 3,
            ..Html::default()
        },
        styles: vec![Style {
            tag: "default".into(),
            fg: "#000000".into(),
            bg: "#ffffff".into(),
            size: 3,
            display: None,
            visibility: None,
        }],
        basefont: 3,
        chunks: Vec::new(),
    };
    // As the renderer prepares its input: `&nbsp;` is a space, `<br/>` is `<br>`.
    let src = src.replace("&nbsp;", " ");
    let src = SELF_CLOSING.replace_all(&src, "<$1>");
    r.parse(&src);
    r.h.text = r.chunks.iter().map(|c| c.text.as_str()).collect();
    r.h
}

impl Renderer {
    fn parse(&mut self, src: &str) {
        let b = src.as_bytes();
        let (mut at, mut text_from) = (0, 0);
        while let Some(off) = memchr::memchr(b'<', &b[at..]) {
            let lt = at + off;
            let next = b.get(lt + 1).copied().unwrap_or(0);
            let end = if src[lt..].starts_with("<!--") {
                let end = src[lt + 4..]
                    .find("-->")
                    .map_or(src.len(), |e| lt + 4 + e + 3);
                self.flush_text(&src[text_from..lt]);
                self.h.comments.push(src[lt..end].to_string());
                end
            } else if next == b'!' || next == b'?' {
                let end = src[lt..].find('>').map_or(src.len(), |e| lt + e + 1);
                self.flush_text(&src[text_from..lt]);
                let decl = &src[lt..end];
                if decl.len() > 9 && decl[..9].eq_ignore_ascii_case("<!doctype") {
                    self.h.elements += 1;
                    self.h.tags += 1;
                    self.h.inside.insert("!doctype".into(), 0);
                } else if next == b'!' {
                    self.h.comments.push(decl.to_string());
                }
                end
            } else if next.is_ascii_alphabetic()
                || (next == b'/' && b.get(lt + 2).is_some_and(u8::is_ascii_alphabetic))
            {
                let end = tag_end(b, lt);
                self.flush_text(&src[text_from..lt]);
                let (name, attrs) = read_tag(&src[lt + 1..end.saturating_sub(1).max(lt + 1)]);
                if next == b'/' {
                    self.tag(&name, &[], -1);
                    end
                } else {
                    self.tag(&name, &attrs, 1);
                    match LITERAL.contains(&name.as_str()) {
                        // Up to the end tag, as text (the end tag itself is parsed next).
                        true => {
                            let close = find_ci(&src[end..], &format!("</{name}"))
                                .map_or(src.len(), |e| end + e);
                            self.text(&src[end..close]);
                            if close == src.len() {
                                self.tag(&name, &[], -1);
                            }
                            close
                        }
                        false => end,
                    }
                }
            } else {
                // Not markup: the '<' is text.
                at = lt + 1;
                continue;
            };
            at = end;
            text_from = end;
        }
        self.flush_text(&src[text_from..]);
    }

    fn flush_text(&mut self, raw: &str) {
        if !raw.is_empty() {
            self.text(&decode_entities(raw));
        }
    }

    fn tag(&mut self, tag: &str, attrs: &[(String, String)], num: i64) {
        let namespace = is_namespace(tag);
        let element = ELEMENTS.contains(&tag);
        let seen = self.h.inside.contains_key(tag);
        if element || namespace {
            self.h.elements += 1;
            self.h.elements_seen += usize::from(!seen);
        }
        self.h.tags += 1;
        self.h.tags_seen += usize::from(!seen);
        let depth = self.h.inside.entry(tag.to_string()).or_default();
        *depth += num;
        if *depth < 0 {
            *depth = 0;
            self.h.closed_extra += 1;
        }
        if namespace || !(element || TRICKS.contains(&tag)) {
            return;
        }
        if TEXT_STYLE.contains(&tag) {
            self.text_style(tag, attrs, num);
        }
        match tag {
            "br" | "div" => self.display("\n", true, false),
            "li" | "th" | "td" | "dd" | "dt" | "embed" | "h1" | "h2" | "h3" | "h4" | "h5"
            | "h6" => self.display(" ", true, false),
            "p" | "hr" | "blockquote" | "pre" | "listing" | "plaintext" | "xmp" | "title" => {
                self.display("\n\n", true, false)
            }
            _ => {}
        }
        if num == 1 {
            self.uris(tag, attrs);
            self.tests(tag, attrs);
        }
    }

    fn text_style(&mut self, tag: &str, attrs: &[(String, String)], num: i64) {
        let tag = if tag == "th" { "td" } else { tag };
        if num != 1 {
            // Browsers render text after </body>: it closes nothing.
            if tag != "body" && self.styles.iter().any(|s| s.tag == tag) {
                while let Some(s) = self.styles.pop() {
                    if s.tag == tag {
                        break;
                    }
                }
            }
            return;
        }
        let attr = |n: &str| attrs.iter().find(|(k, _)| k == n).map(|(_, v)| v.as_str());
        if tag == "basefont"
            && let Some(n) = attr("size").and_then(leading_int)
        {
            self.basefont = n;
            return;
        }
        if (tag == "td" || tag == "tr") && self.styles.iter().any(|s| s.tag == tag) {
            // Closes what an omitted </td> or </tr> would have.
            while let Some(top) = self.styles.last() {
                let closes = match tag {
                    "td" => top.tag == "font" || top.tag == "td",
                    _ => ["font", "td", "tr"].contains(&top.tag.as_str()),
                };
                if !closes {
                    break;
                }
                self.styles.pop();
            }
        }
        let mut new = self.styles.last().cloned().expect("the default style");
        new.tag = tag.to_string();
        if tag == "big" || tag == "small" {
            new.size += if tag == "big" { 1 } else { -1 };
            self.styles.push(new);
            return;
        }
        for (name, value) in attrs {
            if !ok_attribute(tag, name) {
                continue;
            }
            match name.as_str() {
                "text" | "color" => new.fg = colors::to_rgb(value),
                "size" => {
                    let v = value.trim_start();
                    if v.starts_with(['+', '-']) {
                        if let Some(n) = leading_int(v) {
                            new.size = self.basefont + n;
                        }
                    } else if let Some(n) = leading_int(v) {
                        new.size = n;
                    }
                }
                "style" => self.css(&mut new, value),
                _ => {}
            }
            if new.size > self.h.max_size {
                self.h.max_size = new.size;
            } else if new.size < self.h.min_size {
                self.h.min_size = new.size;
            }
        }
        self.styles.push(new);
    }

    /// The declarations of a `style` attribute that matter: colours, display, visibility.
    fn css(&self, new: &mut Style, style: &str) {
        for decl in style.split(';') {
            let d = decl.trim();
            let Some((prop, value)) = d.split_once(':') else {
                continue;
            };
            let (prop_raw, value) = (prop.trim(), value.trim());
            let prop = prop_raw.to_ascii_lowercase();
            if prop == "color" || prop == "background-color" {
                let mut v = value.to_ascii_lowercase();
                if let Some(at) = v.rfind('!')
                    && v[at + 1..].trim() == "important"
                {
                    v.truncate(at);
                    v = v.trim_end().to_string();
                }
                let rgb = if v.contains("rgb") {
                    let nums: Vec<u32> = v
                        .chars()
                        .filter(|c| c.is_ascii_digit() || *c == ',')
                        .collect::<String>()
                        .split(',')
                        .map(|n| n.parse::<u32>().unwrap_or(0).min(255))
                        .collect();
                    let c = |i: usize| nums.get(i).copied().unwrap_or(0);
                    format!("#{:02x}{:02x}{:02x}", c(0), c(1), c(2))
                } else if v == "inherit" {
                    continue;
                } else if v == "transparent" {
                    v
                } else {
                    colors::to_rgb(&v)
                };
                match prop.as_str() {
                    "color" => new.fg = rgb,
                    _ => new.bg = rgb,
                }
            } else if prop_raw == "background" {
                let layers = value.to_ascii_lowercase();
                let last = layers.rsplit(',').next().unwrap_or("");
                if let Some(c) = last
                    .split_whitespace()
                    .map(colors::to_rgb)
                    .find(|c| c != colors::INVALID)
                {
                    new.bg = c;
                }
            } else if prop == "display" && !value.is_empty() {
                new.display = Some(value.to_string());
            } else if prop == "visibility" && !value.is_empty() {
                new.visibility = Some(value.to_string());
            }
        }
        if new.bg == "transparent" {
            new.bg = self
                .styles
                .last()
                .map_or("#ffffff".into(), |s| s.bg.clone());
        }
        if new.fg == "transparent" {
            new.fg = new.bg.clone();
        }
    }

    fn uris(&mut self, tag: &str, attrs: &[(String, String)]) {
        let attr = |n: &str| attrs.iter().find(|(k, _)| k == n).map(|(_, v)| v.as_str());
        let link = match tag {
            "body" | "table" | "tr" | "td" => attr("background"),
            "a" | "area" | "link" => attr("href"),
            "img" | "frame" | "iframe" | "embed" | "script" | "bgsound" => attr("src"),
            "form" => attr("action"),
            "base" => attr("href"),
            _ => None,
        };
        if let Some(l) = link {
            let l = l.trim();
            if !l.is_empty() && !l.starts_with('#') && !self.h.links.iter().any(|x| x == l) {
                self.h.links.push(l.to_string());
            }
            if tag == "iframe" {
                self.h.flags.insert("iframe");
            }
        }
    }

    fn tests(&mut self, tag: &str, attrs: &[(String, String)]) {
        let attr = |n: &str| attrs.iter().find(|(k, _)| k == n).map(|(_, v)| v.as_str());
        match tag {
            "font" if attr("face").is_some_and(|f| !FONT_FACE.is_match(f)) => {
                self.h.flags.insert("font_face_bad");
            }
            "img" => {
                if self.h.inside.get("a").is_some_and(|&n| n > 0)
                    && let Some(a) = self.h.anchors.last_mut()
                {
                    a.push_str("<img>\n");
                }
                if let (Some(w), Some(h)) = (attr("width"), attr("height")) {
                    // A percentage of an 800x600 screen; 200 when unreadable.
                    let side = |v: &str, pct: u64| {
                        let (n, p) = match v.strip_suffix('%') {
                            Some(n) => (n, true),
                            None => (v, false),
                        };
                        let n = n
                            .parse::<u64>()
                            .ok()
                            .filter(|_| n.bytes().all(|c| c.is_ascii_digit()))
                            .map_or(0, |n| if p { n * pct } else { n });
                        if n == 0 { 200 } else { n }
                    };
                    self.h.image_area += side(w, 8) * side(h, 6);
                }
            }
            "form"
                if attr("action").is_some_and(|a| a.to_ascii_lowercase().contains("mailto:")) =>
            {
                self.h.flags.insert("form_action_mailto");
            }
            "object" | "embed" => {
                self.h.flags.insert("embeds");
            }
            "a" => {
                self.h.anchors.push(String::new());
                self.h
                    .anchor_hrefs
                    .push(attr("href").unwrap_or("").trim().to_string());
            }
            "title" => self.h.titles.push(String::new()),
            _ => {}
        }
    }

    fn text(&mut self, text: &str) {
        let open = |t: &str| self.h.inside.get(t).is_some_and(|&n| n > 0);
        if open("script") || open("style") {
            return;
        }
        if open("a")
            && let Some(a) = self.h.anchors.last_mut()
        {
            a.push_str(text);
        }
        if open("title")
            && let Some(t) = self.h.titles.last_mut()
        {
            t.push_str(text);
        }
        let blank = text
            .chars()
            .all(|c| matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0c' | '\x0b' | '\u{a0}'));
        let invisible = !blank && self.invisible();
        if let Some(last) = self.chunks.last() {
            let word = |c: char| !c.is_whitespace() && !c.is_ascii_punctuation();
            let (first, end) = (text.chars().next(), last.text.chars().last());
            if first.is_some_and(word) && end.is_some_and(word) {
                *self.h.obfuscation.get_or_insert(0) += 1;
            }
        }
        self.display(text, false, invisible);
    }

    /// Whether text in the current style is hard or impossible to see, noting the
    /// low-contrast and invalid-colour tricks.
    fn invisible(&mut self) -> bool {
        let s = self.styles.last().expect("the default style");
        let tail = |c: &str| c[c.len().saturating_sub(6)..].to_string();
        if tail(&s.fg) == tail(&s.bg) {
            self.h.flags.insert("font_low_contrast");
            return true;
        }
        if let (Some(f), Some(b)) = (rgb(&s.fg), rgb(&s.bg)) {
            // Distance weighted by brightness; under 12 is very hard to read.
            let d = |i: usize, w: f64| (w * (f[i] - b[i])).powi(2);
            if (d(0, 0.2126) + d(1, 0.7152) + d(2, 0.0722)).sqrt() < 12.0 {
                self.h.flags.insert("font_low_contrast");
                return true;
            }
        }
        if s.fg == colors::INVALID || s.bg == colors::INVALID {
            self.h.flags.insert("font_invalid_color");
            return true;
        }
        s.size <= 1
            || s.display
                .as_deref()
                .is_some_and(|d| d.eq_ignore_ascii_case("none"))
            || s.visibility
                .as_deref()
                .is_some_and(|v| v.eq_ignore_ascii_case("hidden"))
    }

    fn display(&mut self, text: &str, whitespace: bool, invisible: bool) {
        let mut text = text.to_string();
        if whitespace {
            if let Some(last) = self.chunks.last_mut()
                && !last.whitespace
                && !last.invisible
                && last.text.ends_with(' ')
            {
                last.text.pop();
            }
        } else {
            let mut collapsed = String::with_capacity(text.len());
            for c in text.chars() {
                let space = matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0c' | '\x0b' | '\u{a0}');
                if !(space && collapsed.ends_with(' ')) {
                    collapsed.push(if space { ' ' } else { c });
                }
            }
            text = collapsed;
            if !invisible
                && self.chunks.last().is_some_and(|l| l.whitespace)
                && text.starts_with(' ')
            {
                text.remove(0);
            }
        }
        self.chunks.push(Chunk {
            text,
            whitespace,
            invisible,
        });
    }
}

#[cfg(test)]
mod tests;
