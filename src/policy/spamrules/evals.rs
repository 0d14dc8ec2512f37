//! The `eval:` tests that run offline, in Rust, after SpamAssassin's plugins (MIMEEval,
//! HTMLEval, HeaderEval, BodyEval, ImageInfo, Bayes). Each returns 1.0 for a hit and
//! 0.0 for none. Network evals (DNS block lists, Razor, Pyzor, DCC, SPF, DKIM, ...) are
//! named so the loader can list them; the gateway's own authentication and block list
//! stages give those facts as built-in signals instead.

use mail_parser::{DateTime, Encoding};

use super::Ctx;
use super::view::View;

mod headers;
pub use headers::registry_run;
mod html;

pub enum Support {
    Local,
    Network,
    Unknown,
}

const LOCAL: &[&str] = &[
    "check_for_mime",
    "check_for_mime_html",
    "check_for_mime_html_only",
    "check_mime_multipart_ratio",
    "check_ma_non_text",
    "check_base64_length",
    "check_msg_parse_flags",
    "check_for_missing_to_header",
    "check_header_count_range",
    "check_illegal_chars",
    "check_for_ascii_text_illegal",
    "check_for_shifted_date",
    "subject_is_all_caps",
    "check_messageid_not_usable",
    "check_for_unique_subject_id",
    "check_equal_from_domains",
    "check_no_relays",
    "tvd_vertical_words",
    "check_for_uppercase",
    "check_all_trusted",
    "check_relays_unparseable",
    "helo_ip_mismatch",
    "check_for_matching_env_and_hdr_from",
    "check_for_forged_gmail_received_headers",
    "check_for_forged_yahoo_received_headers",
    "check_unresolved_template",
    "check_bayes",
    "html_tag_exists",
    "html_test",
    "html_image_only",
    "html_image_ratio",
    "html_range",
    "html_eval",
    "html_tag_balance",
    "html_title_subject_ratio",
    "html_text_match",
    "check_iframe_src",
    "check_stock_info",
    "check_body_length",
    "image_count",
    "check_for_to_in_subject",
    "check_fromname_equals_to",
    "multipart_alternative_difference",
    "multipart_alternative_difference_count",
    // FreeMail's, run by freemail.rs.
    "check_freemail_from",
    "check_freemail_header",
    "check_freemail_replyto",
    // The address lists', run by addrlist.rs.
    "check_from_in_list",
    "check_replyto_in_list",
    "check_uri_host_listed",
    // The registry's, run by registry.rs.
    "check_mailfrom_matches_rcvd",
];

const NETWORK: &[&str] = &[
    "check_rbl",
    "check_rbl_sub",
    "check_rbl_txt",
    "check_rbl_from_host",
    "check_rbl_from_domain",
    "check_rbl_envfrom",
    "check_rbl_headers",
    "check_rbl_ns_from",
    "check_rbl_rcvd",
    "check_uridnsbl",
    "check_dns_sender",
    "check_razor2",
    "check_razor2_range",
    "check_pyzor",
    "check_dcc",
    "check_dcc_reputation_range",
    "check_hashbl_bodyre",
    "check_hashbl_emails",
    "check_hashbl_uris",
    "askdns",
    "check_senders_reputation",
    "short_url",
    "short_url_chained",
];

pub fn support(name: &str) -> Support {
    if LOCAL.contains(&name) {
        Support::Local
    } else if NETWORK.contains(&name)
        || name.starts_with("check_dkim")
        || name.starts_with("check_spf")
        || name.starts_with("check_dmarc")
        || name.starts_with("check_arc")
    {
        Support::Network
    } else {
        Support::Unknown
    }
}

/// `func('a', "b", 3)` into its name and arguments.
pub fn parse_call(spec: &str) -> Option<(String, Vec<String>)> {
    let call = spec.strip_prefix("eval:")?.trim();
    let (name, args) = call.split_once('(')?;
    let args = args.trim_end().strip_suffix(')')?;
    // Commas inside a quoted argument (a regex's `{0,6}`) do not split it.
    let mut list = Vec::new();
    let (mut cur, mut quote) = (String::new(), None);
    for c in args.chars() {
        match (quote, c) {
            (None, '\'' | '"') => quote = Some(c),
            (Some(q), _) if c == q => quote = None,
            (None, ',') => list.push(std::mem::take(&mut cur)),
            _ => cur.push(c),
        }
    }
    list.push(cur);
    let args = list
        .into_iter()
        .map(|a| a.trim().to_string())
        .filter(|a| !a.is_empty())
        .collect();
    Some((name.trim().to_string(), args))
}

fn num(args: &[String], i: usize) -> Option<f64> {
    args.get(i)
        .filter(|a| *a != "undef")
        .and_then(|a| a.parse().ok())
}

/// `lo <= x < hi`, with a missing bound open (SpamAssassin's `undef`).
fn within(x: f64, args: &[String], from: usize) -> bool {
    num(args, from).is_none_or(|lo| x >= lo) && num(args, from + 1).is_none_or(|hi| x < hi)
}

fn truth(b: bool) -> f64 {
    if b { 1.0 } else { 0.0 }
}

pub fn run(func: &str, args: &[String], v: &View, ctx: &Ctx) -> f64 {
    if let Some(hit) = html::run(func, args, v).or_else(|| headers::run(func, args, v)) {
        return truth(hit);
    }
    let text_parts = |sub: &str| {
        v.parts
            .iter()
            .filter(|p| p.ctype == format!("text/{sub}") && !p.attachment)
            .count()
    };
    truth(match func {
        "check_for_mime" => mime_flag(v, args.first().map_or("", String::as_str)),
        "check_for_mime_html" => v.ctype == "text/html" || text_parts("html") > 0,
        "check_for_mime_html_only" => {
            v.ctype == "text/html" || (text_parts("html") > 0 && text_parts("plain") == 0)
        }
        "check_mime_multipart_ratio" => {
            let (t, h) = (text_len(v, "text/plain"), text_len(v, "text/html"));
            v.ctype == "multipart/alternative"
                && t > 0
                && h > 0
                && within(t as f64 / h as f64, args, 0)
        }
        "check_ma_non_text" => {
            v.ctype == "multipart/alternative"
                && v.parts.iter().any(|p| !p.ctype.starts_with("text/"))
        }
        "check_base64_length" => {
            let min = num(args, 0).unwrap_or(77.0) as usize;
            v.parts.iter().any(|p| {
                p.encoding == Encoding::Base64
                    && p.raw
                        .split(|&b| b == b'\n')
                        .any(|l| l.trim_ascii().len() > min)
            })
        }
        "check_msg_parse_flags" => match args.first().map(String::as_str) {
            Some("missing_head_body_separator") => !has_separator(v.full.as_bytes()),
            Some("missing_mime_headers") => {
                v.ctype.starts_with("multipart/") && !v.has("MIME-Version")
            }
            _ => false,
        },
        "check_for_missing_to_header" => {
            v.get("To", false).is_empty() && v.get("Apparently-To", false).is_empty()
        }
        "check_header_count_range" => {
            let name = args.first().map_or("", String::as_str).to_ascii_lowercase();
            let n = v.headers.iter().filter(|(h, _, _)| *h == name).count() as f64;
            num(args, 1).is_none_or(|lo| n >= lo) && num(args, 2).is_none_or(|hi| n <= hi)
        }
        "check_illegal_chars" => illegal_chars(v, args),
        "check_for_ascii_text_illegal" => ascii_text_illegal(v),
        "check_for_shifted_date" => date_diff(v).is_some_and(|d| {
            num(args, 0).is_none_or(|lo| d >= lo * 3600.0)
                && num(args, 1).is_none_or(|hi| d < hi * 3600.0)
        }),
        "subject_is_all_caps" => {
            let s = v.get("Subject", false);
            let s = s.trim();
            let words = s.split_whitespace().count();
            words > 1
                && s.chars().any(|c| c.is_alphabetic())
                && !s.chars().any(char::is_lowercase)
                && s.len() >= 10
        }
        "check_messageid_not_usable" => {
            let id = v.get("Message-Id", false);
            id.contains("@hotmail.") || id.is_empty() && !v.has("Message-Id")
        }
        "check_for_unique_subject_id" => {
            let s = v.get("Subject", false);
            s.split_whitespace().last().is_some_and(|w| {
                let w = w.trim_matches(|c: char| !c.is_ascii_alphanumeric());
                w.len() >= 6
                    && w.chars().any(|c| c.is_ascii_digit())
                    && w.chars().any(|c| c.is_ascii_alphabetic())
                    && !w.contains('.')
            }) && s
                .trim_end()
                .ends_with(|c: char| c.is_ascii_alphanumeric() || c == ']')
                && s.contains(['#', '[', '-'])
        }
        // SpamAssassin's bands are (min, max], the lowest [0, max]: a probability on a
        // boundary is in one band only.
        "check_bayes" => ctx.bayes.is_some_and(|p| {
            num(args, 0).is_none_or(|lo| lo == 0.0 || p > lo)
                && num(args, 1).is_none_or(|hi| p <= hi)
        }),
        "check_stock_info" => stock_info(v) >= num(args, 0).unwrap_or(1.0) as usize,
        "check_body_length" => {
            let len: usize = v.body.iter().skip(1).map(String::len).sum();
            len <= num(args, 0).unwrap_or(0.0) as usize
        }
        "image_count" => {
            let kind = args.first().map_or("all", String::as_str);
            let n = v
                .parts
                .iter()
                .filter(|p| {
                    p.ctype.starts_with("image/")
                        && (kind == "all" || p.ctype == format!("image/{kind}"))
                })
                .count() as f64;
            num(args, 1).is_none_or(|lo| n >= lo) && num(args, 2).is_none_or(|hi| n <= hi)
        }
        "multipart_alternative_difference" => {
            // Perl's `$min == 0 || madiff > $min` and `$max eq "undef" || madiff <= $max`.
            let d = v.madiff.percent;
            num(args, 0).is_none_or(|lo| lo == 0.0 || d > lo)
                && num(args, 1).is_none_or(|hi| d <= hi)
        }
        "multipart_alternative_difference_count" => {
            let m = v.madiff;
            let (ratio, min_html) = (num(args, 0).unwrap_or(0.0), num(args, 1).unwrap_or(0.0));
            m.html_words as f64 > min_html && m.text_words as f64 / m.html_words as f64 > ratio
        }
        "check_for_to_in_subject" => to_in_subject(v, args.first().map_or("", String::as_str)),
        "check_fromname_equals_to" => {
            let from = v.get("From", false);
            let name = from
                .split('<')
                .next()
                .unwrap_or("")
                .trim()
                .trim_matches('"');
            let to = v.get("To", false);
            name.contains('@') && to.to_lowercase().contains(&name.to_lowercase())
        }
        _ => false,
    })
}

/// HeaderEval's check_for_to_in_subject: the To address (`address`), or its local
/// part as the whole subject, after "Re:"/"Fw:", or followed by punctuation (`user`).
fn to_in_subject(v: &View, test: &str) -> bool {
    let to = super::address(&v.get("To", false));
    if to.is_empty() {
        return false;
    }
    let subject = v.get("Subject", false);
    let subject = subject.trim();
    let lower = subject.to_lowercase();
    match test {
        "address" => lower.contains(&to.to_lowercase()),
        "user" => {
            let user = to.split('@').next().unwrap_or("");
            // Every branch below contains the local part: in ASCII text (where the
            // regex's case folding is ASCII's) its absence answers without compiling a
            // regex for each message (the slowest rule of all, measured).
            if subject.is_ascii() && user.is_ascii() && !lower.contains(&user.to_ascii_lowercase())
            {
                return false;
            }
            let u = regex::escape(user);
            let re = format!(
                r"(?i)^(?:(?:re|fw):\s*(?:\w+\s+)?{u}$|(?-i:{u})\s*[,:;!?-](?:$|\s)|{u}$|,\s*{u}[,:;!?-]$)"
            );
            regex::Regex::new(&re).is_ok_and(|r| r.is_match(subject))
        }
        _ => false,
    }
}

fn has_separator(raw: &[u8]) -> bool {
    memchr::memmem::find(raw, b"\n\n").is_some() || memchr::memmem::find(raw, b"\n\r\n").is_some()
}

fn text_len(v: &View, ctype: &str) -> usize {
    v.parts
        .iter()
        .filter(|p| p.ctype == ctype && !p.attachment)
        .map(|p| p.text_len)
        .sum()
}

/// `diff OP n` for a Perl expression `OP n` (`< 384`, `!= 0`), as HTMLEval evaluates
/// html_eval's and html_tag_balance's.
fn compare(diff: f64, expr: &str) -> bool {
    let expr = expr.trim();
    let (op, n) = expr.split_at(
        expr.find(|c: char| c.is_ascii_digit() || c == '-')
            .unwrap_or(0),
    );
    let n: f64 = n.trim().parse().unwrap_or(0.0);
    match op.trim() {
        "<" => diff < n,
        ">" => diff > n,
        "==" => diff == n,
        "!=" => diff != n,
        ">=" => diff >= n,
        "<=" => diff <= n,
        _ => false,
    }
}

static NEEDLESS_QP: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new("=(?:09|3[0-9ABCEF]|[2456][0-9A-F]|7[0-9A-E])").expect("compiles")
});
static TRAILING_QP: std::sync::LazyLock<regex::Regex> =
    std::sync::LazyLock::new(|| regex::Regex::new(r"(?:=09|=20)+\s*$").expect("compiles"));

fn qp_parts(v: &View) -> impl Iterator<Item = &super::view::Part> {
    v.parts
        .iter()
        .filter(|p| p.encoding == Encoding::QuotedPrintable)
}

/// A text/plain part declared US-ASCII (or with no charset) carries NUL, bare CR or
/// 8-bit bytes in its transferred form.
fn ascii_text_illegal(v: &View) -> bool {
    v.parts.iter().any(|p| {
        p.ctype == "text/plain"
            && p.charset.as_deref().is_none_or(|c| c == "us-ascii")
            && p.raw.split(|&b| b == b'\n').any(|l| {
                let l = l.strip_suffix(b"\r").unwrap_or(l);
                l.iter().any(|&b| b == 0 || b == b'\r' || b >= 0x80)
            })
    })
}

/// MIMEEval's flags from the parts.
fn mime_flag(v: &View, flag: &str) -> bool {
    match flag {
        "mime_base64_count" => v.parts.iter().any(|p| p.encoding == Encoding::Base64),
        "mime_base64_encoded_text" => v
            .parts
            .iter()
            .any(|p| p.encoding == Encoding::Base64 && p.ctype.starts_with("text/")),
        "mime_body_html_count" => v.parts.iter().any(|p| p.ctype == "text/html"),
        "mime_body_text_count" => v.parts.iter().any(|p| p.ctype == "text/plain"),
        // Characters encoded that need not be (=41 for "A"), not counting encoded white
        // space at the ends of lines: MIMEEval's qp_count, true when above zero.
        "mime_qp_count" => qp_parts(v).any(|p| {
            let raw = String::from_utf8_lossy(&p.raw);
            raw.lines().any(|l| {
                let needless = NEEDLESS_QP.find_iter(l).count();
                let trailing = TRAILING_QP
                    .find(l)
                    .map_or(0, |m| m.as_str().trim_end().len() / 3);
                needless > trailing
            })
        }),
        // RFC 5322's 78 characters, not RFC 2045's 76 (Apple Mail and Outlook write 78).
        "mime_qp_long_line" => qp_parts(v).any(|p| {
            p.raw
                .split(|&b| b == b'\n')
                .any(|l| l.strip_suffix(b"\r").unwrap_or(l).len() > 78)
        }),
        "mime_multipart_alternative" => v.ctype == "multipart/alternative",
        "mime_attachment" => {
            let attachment = |(n, val): &(String, String)| {
                n.eq_ignore_ascii_case("Content-Disposition")
                    && val.to_ascii_lowercase().contains("attachment")
            };
            v.parts.iter().any(|p| p.headers.iter().any(attachment))
                || v.get("Content-Disposition", false)
                    .to_ascii_lowercase()
                    .contains("attachment")
        }
        "mime_missing_boundary" => v.ctype.starts_with("multipart/") && v.parts.is_empty(),
        "mime_ascii_text_illegal" => ascii_text_illegal(v),
        _ => false,
    }
}

fn illegal_chars(v: &View, args: &[String]) -> bool {
    let name = args.first().map_or("", String::as_str);
    let s = v.get(name, true);
    let s = s.trim_end_matches('\n');
    if s.trim().is_empty() {
        return false;
    }
    let control = |c: char| (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r');
    // The view decodes header bytes lossily: U+FFFD stands for a byte that was not UTF-8.
    let invalid = s.contains('\u{FFFD}');
    // Valid UTF-8 is legal, as in HeaderEval, unless it carries control characters.
    if !s.is_ascii() && !invalid && !s.chars().any(control) {
        return false;
    }
    let (mut illegal, mut len) = (0usize, 0usize);
    for c in s.chars() {
        let bytes = if c == '\u{FFFD}' { 1 } else { c.len_utf8() };
        len += bytes;
        if control(c) || c == '\x7f' || !c.is_ascii() {
            illegal += bytes;
        }
    }
    let ratio = num(args, 1).unwrap_or(0.0);
    let count = num(args, 2).unwrap_or(1.0);
    illegal as f64 / len.max(1) as f64 >= ratio && illegal as f64 >= count
}

/// Seconds from the Received times to the Date header, the one closest to zero
/// (HeaderEval's date_diff); None when either is missing.
fn date_diff(v: &View) -> Option<f64> {
    let date = DateTime::parse_rfc822(v.get("Date", false).trim())?.to_timestamp();
    let times: Vec<i64> = v
        .headers
        .iter()
        .filter(|(n, _, _)| n == "received")
        .filter_map(|(_, val, _)| {
            let (_, when) = val.rsplit_once(';')?;
            Some(DateTime::parse_rfc822(when.trim())?.to_timestamp())
        })
        .collect();
    if times.is_empty() {
        // No Received header: an archived message, not judged (HeaderEval).
        return None;
    }
    let mut diffs: Vec<i64> = times.iter().map(|t| date - t).collect();
    if diffs.len() > 1 && diffs.last() == Some(&0) {
        diffs.pop();
    }
    diffs.sort_by_key(|d| d.abs());
    diffs.first().map(|&d| d as f64)
}

/// BodyEval's stock-spam test: how many stock ticker fields ("Symbol:", "Price:",
/// "Target:"...) the body lists.
fn stock_info(v: &View) -> usize {
    const FIELDS: &[&str] = &[
        "company",
        "symbol",
        "sym",
        "current price",
        "price",
        "target",
        "expected",
        "recommendation",
        "sector",
        "industry",
        "market",
    ];
    let text = v.body.join(" ").to_lowercase();
    FIELDS
        .iter()
        .filter(|f| text.contains(&format!("{f}:")))
        .count()
}

#[cfg(test)]
mod tests;
