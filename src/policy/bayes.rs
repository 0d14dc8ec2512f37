//! The learning filter's pure half: the tokenizer and the arithmetic of a Bayesian spam
//! classifier in the Robinson/Fisher family, as bogofilter and SpamBayes use it. No I/O:
//! the token counts come in (`crate::spamdb` reads them), a probability goes out.
//!
//! - Tokens ([`tokenize`]): header tokens prefixed by their header's name (Subject words,
//!   From/To/Reply-To addresses, domains and display-name words, Received hosts and
//!   networks, Content-Type, X-Mailer/User-Agent, the Message-ID's domain, and which
//!   headers are present), the words of every decoded text part, HTML rendered to text
//!   plus hints about its tags and attributes, and URLs as host, parent domains and path
//!   words. Words are lower-cased; numbers become a bucket of their length; very long
//!   words become one `skip:` token of their first letter and length (SpamBayes' habit).
//!   Each token counts once per message.
//! - Per token, Robinson's f(w) ("A Statistical Approach to the Spam Problem", Gary
//!   Robinson, Linux Journal 2003): p(w) = (b/nspam) / (b/nspam + g/nham), then
//!   f(w) = (s·x + n·p(w)) / (s + n) with n = b + g, so rare tokens lean to x.
//! - Tokens with |f(w) − 0.5| below the minimum deviation are ignored; of the rest, the
//!   [`MAX_TOKENS`] farthest from 0.5 are combined with Fisher's method: S = 1 − Q(−2 ln
//!   Π (1−f), 2n) (evidence of spam), H = 1 − Q(−2 ln Π f, 2n) (evidence of ham), and the
//!   spam probability is (1 + S − H) / 2, where Q is the chi-square survival function
//!   (SpamBayes' `chi2Q`). Values near 0 are ham,
//!   near 1 spam, near 0.5 "unsure" (both or neither side has evidence).
//!
//! The constants are SpamBayes' defaults (its classifier options `unknown_word_strength`
//! 0.45, `unknown_word_prob` 0.5, `minimum_prob_strength` 0.1, `max_discriminators` 150);
//! bogofilter's `robs`/`robx`/`min_dev` are the same three knobs.

use std::collections::HashSet;

use mail_parser::{Address, HeaderValue, Message, MimeHeaders, PartType};

/// Robinson's s: how strongly the prior x holds against a token's own evidence.
pub const S: f64 = 0.45;
/// Robinson's x: the probability assumed for a token never seen.
pub const X: f64 = 0.5;
/// Tokens closer to 0.5 than this say too little to count.
pub const MIN_DEVIATION: f64 = 0.1;
/// The most significant tokens combined per message.
pub const MAX_TOKENS: usize = 150;
/// Messages of each class the filter must have learned before it gives an answer.
pub const MIN_LEARNED: u64 = 200;

/// Word lengths kept as words; longer ones become a `skip:` token.
const MIN_WORD: usize = 3;
const MAX_WORD: usize = 20;
/// The most body text read per part: spam's signal is early, and the cost must stay flat.
const MAX_TEXT: usize = 64 * 1024;

/// A token's counts: messages of each class that contained it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub spam: u64,
    pub ham: u64,
}

/// The filter's answer for one message.
#[derive(Debug, Clone, PartialEq)]
pub struct Classification {
    /// The spam probability, 0..1.
    pub probability: f64,
    /// The tokens that decided it, strongest first, with their f(w).
    pub strongest: Vec<(String, f64)>,
}

/// Robinson's f(w) for a token seen in `c` messages, given the totals learned.
pub fn token_probability(c: Counts, totals: Counts) -> f64 {
    let n = (c.spam + c.ham) as f64;
    if n == 0.0 || totals.spam == 0 || totals.ham == 0 {
        return X;
    }
    let spam_ratio = c.spam as f64 / totals.spam as f64;
    let ham_ratio = c.ham as f64 / totals.ham as f64;
    let p = spam_ratio / (spam_ratio + ham_ratio);
    (S * X + n * p) / (S + n)
}

/// The chi-square survival function for an even number of degrees of freedom: the
/// probability that a chi-square variable with `dof` degrees exceeds `x2`.
pub fn chi2q(x2: f64, dof: usize) -> f64 {
    let m = x2 / 2.0;
    let mut term = (-m).exp();
    let mut sum = term;
    for i in 1..dof / 2 {
        term *= m / i as f64;
        sum += term;
    }
    sum.min(1.0)
}

/// Combines the tokens' counts into a spam probability (Fisher's method over the most
/// significant tokens). `tokens` pairs each token of the message with its counts.
pub fn classify(tokens: &[(String, Counts)], totals: Counts) -> Classification {
    let mut scored: Vec<(&str, f64)> = tokens
        .iter()
        .map(|(t, c)| (t.as_str(), token_probability(*c, totals)))
        .filter(|(_, f)| (f - 0.5).abs() >= MIN_DEVIATION)
        .collect();
    // Strongest first; ties by name so the answer does not depend on lookup order.
    scored.sort_by(|a, b| {
        (b.1 - 0.5)
            .abs()
            .total_cmp(&(a.1 - 0.5).abs())
            .then_with(|| a.0.cmp(b.0))
    });
    scored.truncate(MAX_TOKENS);
    if scored.is_empty() {
        return Classification {
            probability: 0.5,
            strongest: Vec::new(),
        };
    }
    // Sums of logs, not products: hundreds of small factors would underflow.
    let (mut ln_ham, mut ln_spam) = (0.0, 0.0);
    for (_, f) in &scored {
        ln_ham += f.ln();
        ln_spam += (1.0 - f).ln();
    }
    let dof = 2 * scored.len();
    let h = 1.0 - chi2q(-2.0 * ln_ham, dof);
    let s = 1.0 - chi2q(-2.0 * ln_spam, dof);
    Classification {
        probability: ((s - h + 1.0) / 2.0).clamp(0.0, 1.0),
        strongest: scored
            .into_iter()
            .take(10)
            .map(|(t, f)| (t.to_string(), f))
            .collect(),
    }
}

/// The distinct tokens of a message, in first-seen order.
pub fn tokenize(m: &Message) -> Vec<String> {
    let mut t = Tokens::default();
    headers(&mut t, m);
    for part in &m.parts {
        if let Some(ct) = part.content_type() {
            content_type(&mut t, ct);
        }
        match &part.body {
            PartType::Text(text) => {
                let text = cut(text, MAX_TEXT);
                t.words("", text);
                t.urls(text);
            }
            PartType::Html(html) => html_tokens(&mut t, cut(html, MAX_TEXT)),
            PartType::Binary(_) | PartType::InlineBinary(_) => {
                if let Some(name) = part.attachment_name() {
                    let ext = name.rsplit_once('.').map_or("", |(_, e)| e);
                    t.push(format!("attach:.{}", ext.to_ascii_lowercase()));
                }
            }
            PartType::Message(_) | PartType::Multipart(_) => {}
        }
    }
    t.list
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

    /// Words of `text`, each prefixed by `prefix` (a header's name, or none for the body).
    fn words(&mut self, prefix: &str, text: &str) {
        for word in text.split(|c: char| !(c.is_alphanumeric() || "$'-!".contains(c))) {
            let word = word.trim_matches(|c: char| "'-!".contains(c));
            let len = word.chars().count();
            if len == 0 {
                continue;
            }
            if word.chars().all(|c| c.is_ascii_digit()) {
                // The number's size says something (prices, years, codes); its value
                // rarely repeats.
                self.push(format!("{prefix}num:{}", len.min(12)));
            } else if len > MAX_WORD {
                let first = word.chars().next().unwrap_or('?').to_lowercase();
                self.push(format!("{prefix}skip:{first}{}", len / 10 * 10));
            } else if len >= MIN_WORD {
                self.push(format!("{prefix}{}", word.to_lowercase()));
            }
        }
    }

    /// The URLs in `text`: host, its parent domains, and path words.
    fn urls(&mut self, text: &str) {
        let lower = text.to_ascii_lowercase();
        for (at, _) in lower.match_indices("http") {
            let rest = &lower[at..];
            let Some(after) = rest
                .strip_prefix("https://")
                .or_else(|| rest.strip_prefix("http://"))
            else {
                continue;
            };
            let end = after
                .find(|c: char| c.is_whitespace() || "\"'<>()[]{}".contains(c))
                .unwrap_or(after.len());
            self.url(&after[..end]);
        }
    }

    fn url(&mut self, url: &str) {
        let (authority, path) = url.split_once('/').unwrap_or((url, ""));
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
            .filter(|w| (MIN_WORD..=MAX_WORD).contains(&w.len()))
        {
            self.push(format!("urlpath:{word}"));
        }
    }
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
    if let Some(s) = m.subject() {
        t.words("subject:", s);
    }
    for (prefix, addr) in [
        ("from:", m.from()),
        ("to:", m.to()),
        ("reply-to:", m.reply_to()),
    ] {
        addresses(t, prefix, addr);
    }
    if let Some(id) = m.message_id() {
        let domain = id.rsplit_once('@').map_or("none", |(_, d)| d);
        t.push(format!("message-id:@{}", domain.to_ascii_lowercase()));
    }
    for h in m.headers() {
        let name = h.name().to_ascii_lowercase();
        // Which headers a mailer writes is a fingerprint of the mailer.
        t.push(format!("header:{name}"));
        match name.as_str() {
            "x-mailer" | "user-agent" => {
                if let Some(v) = text_of(h.value()) {
                    t.words("mailer:", v);
                }
            }
            "content-type" => {
                if let HeaderValue::ContentType(ct) = h.value() {
                    content_type(t, ct);
                }
            }
            "received" => received(t, m, h),
            _ => {}
        }
    }
}

fn content_type(t: &mut Tokens, ct: &mail_parser::ContentType) {
    let sub = ct.c_subtype.as_deref().unwrap_or("");
    t.push(format!("content-type:{}/{sub}", ct.c_type).to_ascii_lowercase());
    if let Some(cs) = ct.attribute("charset") {
        t.push(format!("charset:{}", cs.to_ascii_lowercase()));
    }
}

/// The hosts and networks a Received field names (the relays a message passed through).
fn received(t: &mut Tokens, m: &Message, h: &mail_parser::Header) {
    let raw = m
        .raw_message()
        .get(h.offset_start as usize..h.offset_end as usize)
        .map(String::from_utf8_lossy)
        .unwrap_or_default();
    for word in raw.split(|c: char| c.is_whitespace() || "()[];".contains(c)) {
        let word = word
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_ascii_lowercase();
        if let Ok(std::net::IpAddr::V4(ip)) = word.parse::<std::net::IpAddr>() {
            let [a, b, c, _] = ip.octets();
            t.push(format!("received:{a}.{b}.{c}"));
            t.push(format!("received:{a}.{b}"));
        } else if word.contains('.') && word.chars().any(|c| c.is_ascii_alphabetic()) {
            let labels: Vec<&str> = word.split('.').collect();
            if labels.len() >= 2 {
                t.push(format!("received:{}", labels[labels.len() - 2..].join(".")));
            }
        }
    }
}

fn text_of<'a>(v: &'a HeaderValue) -> Option<&'a str> {
    match v {
        HeaderValue::Text(s) => Some(s),
        HeaderValue::TextList(l) => l.first().map(|s| s.as_ref()),
        _ => None,
    }
}

fn addresses(t: &mut Tokens, prefix: &str, addr: Option<&Address>) {
    let Some(addr) = addr else {
        t.push(format!("{prefix}none"));
        return;
    };
    for a in addr.iter() {
        if let Some(name) = &a.name {
            t.words(&format!("{prefix}name:"), name);
        }
        if let Some(address) = &a.address {
            let address = address.to_ascii_lowercase();
            if let Some((_, domain)) = address.rsplit_once('@') {
                t.push(format!("{prefix}@{domain}"));
            }
            t.push(format!("{prefix}{address}"));
        }
    }
}

/// The HTML's text (tags dropped, entities left as words), plus a token for each tag and
/// for the attributes spam uses to hide or style text.
fn html_tokens(t: &mut Tokens, html: &str) {
    let mut text = String::with_capacity(html.len() / 2);
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        text.push_str(&rest[..open]);
        text.push(' ');
        let after = &rest[open + 1..];
        let close = after.find('>').unwrap_or(after.len());
        let tag = &after[..close];
        let lower = tag.to_ascii_lowercase();
        let name: String = lower
            .trim_start_matches('/')
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .collect();
        if !name.is_empty() {
            t.push(format!("html:<{name}>"));
        }
        for attr in [
            "style", "color", "bgcolor", "width", "height", "src", "href",
        ] {
            if lower.contains(&format!("{attr}=")) {
                t.push(format!("html:{name}.{attr}"));
            }
        }
        for hint in [
            "display:none",
            "visibility:hidden",
            "font-size:0",
            "font-size:1px",
        ] {
            if lower.replace(' ', "").contains(hint) {
                t.push(format!("html:{hint}"));
            }
        }
        // URLs in attributes (href, src) are as telling as those in the text.
        t.urls(tag);
        // Script and style content is not text.
        if (name == "script" || name == "style") && !lower.starts_with('/') {
            let end = format!("</{name}");
            let skip = after.to_ascii_lowercase().find(&end).unwrap_or(after.len());
            rest = &after[skip..];
            continue;
        }
        rest = after.get(close + 1..).unwrap_or("");
    }
    text.push_str(rest);
    t.words("", &text);
    t.urls(&text);
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
        let raw = "From: \"Prize Desk\" <win@lucky.example>\r\nTo: bob@contoso.com\r\n\
            Subject: Claim your PRIZE now\r\nMessage-ID: <1@mailer.lucky.example>\r\n\
            X-Mailer: BulkBlaster 3\r\nReceived: from relay.lucky.example ([198.51.100.7]) by mx.contoso.com\r\n\
            MIME-Version: 1.0\r\nContent-Type: multipart/alternative; boundary=b\r\n\r\n\
            --b\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n\
            Send 1000000 dollars to http://login.bank.example/verify/account now now\r\n\
            --b\r\nContent-Type: text/html\r\n\r\n\
            <p style=\"display: none\">hidden</p><a href=\"https://evil.example/x\">Click</a>\
            <script>var ignored;</script>Supercalifragilisticexpialidocious\r\n--b--\r\n";
        let t = tokens(raw);
        for want in [
            "subject:claim",
            "subject:prize",
            "from:@lucky.example",
            "from:win@lucky.example",
            "from:name:prize",
            "to:@contoso.com",
            "message-id:@mailer.lucky.example",
            "mailer:bulkblaster",
            "received:198.51.100",
            "received:lucky.example",
            "content-type:text/plain",
            "charset:utf-8",
            "header:x-mailer",
            "send",
            "dollars",
            "num:7",
            "url:login.bank.example",
            "url:bank.example",
            "urlpath:verify",
            "html:<p>",
            "html:p.style",
            "html:display:none",
            "url:evil.example",
            "click",
            "hidden",
            "skip:s30",
        ] {
            assert!(t.contains(&want.to_string()), "{want} missing from {t:?}");
        }
        assert!(
            !t.contains(&"ignored".to_string()),
            "script text is not text"
        );
        assert_eq!(t.iter().filter(|w| *w == "now").count(), 1, "deduplicated");
    }

    #[test]
    fn chi_square_extremes() {
        assert!((chi2q(0.0, 10) - 1.0).abs() < 1e-12);
        assert!(chi2q(1000.0, 10) < 1e-100);
        let totals = Counts {
            spam: 500,
            ham: 500,
        };
        let spammy: Vec<(String, Counts)> = (0..50)
            .map(|i| (format!("s{i}"), Counts { spam: 400, ham: 1 }))
            .collect();
        let hammy: Vec<(String, Counts)> = (0..50)
            .map(|i| (format!("h{i}"), Counts { spam: 1, ham: 400 }))
            .collect();
        assert!(classify(&spammy, totals).probability > 0.99);
        assert!(classify(&hammy, totals).probability < 0.01);
        let both: Vec<_> = spammy.iter().chain(&hammy).cloned().collect();
        let mixed = classify(&both, totals).probability;
        assert!((mixed - 0.5).abs() < 0.05, "{mixed}");
        // Nothing known: exactly unsure, and no token to show.
        let unknown = classify(&[("new".into(), Counts::default())], totals);
        assert_eq!((unknown.probability, unknown.strongest.len()), (0.5, 0));
    }

    #[test]
    fn robinson_leans_rare_tokens_to_x() {
        let totals = Counts { spam: 10, ham: 10 };
        let once = token_probability(Counts { spam: 1, ham: 0 }, totals);
        let often = token_probability(Counts { spam: 9, ham: 0 }, totals);
        assert!(once > 0.5 && once < often && often < 1.0, "{once} {often}");
        assert_eq!(token_probability(Counts::default(), totals), X);
    }
}
