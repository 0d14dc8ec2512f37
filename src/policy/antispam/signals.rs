//! The built-in signals, used when no SpamAssassin rule set is loaded (and the few that
//! stay beside one): header anomalies, bulk headers, content phrases, hidden text,
//! links to IP literals and lookalike domains, bounces.

use mail_parser::{HeaderValue, Message, MimeHeaders, PartType};

use super::{Inputs, Score, from_address, same_or_under};

pub(super) const SPAM_PHRASES: &[&str] = &[
    "act now",
    "limited time offer",
    "you have been selected",
    "claim your prize",
    "100% free",
    "risk-free",
    "no credit check",
    "winner",
    "wire transfer",
    "verify your account",
    "your account has been suspended",
    "click here to unsubscribe",
    "viagra",
    "cialis",
    "bitcoin investment",
    "double your",
    "earn money fast",
    "work from home",
    "lottery",
    "urgent reply",
    "dear friend",
    "million dollars",
];

pub(super) fn anomalies(
    s: &mut Score,
    m: &Message,
    inputs: &Inputs,
    from_domain: &Option<String>,
    sender_domain: &Option<String>,
) {
    match m.header("Date") {
        None => s.add("MISSING_DATE", 1, "no Date header"),
        Some(HeaderValue::DateTime(d)) => {
            if let Some(now) = inputs.now
                && d.to_timestamp() > now + 86_400
            {
                s.add(
                    "FUTURE_DATE",
                    1,
                    format!("Date {} is in the future", d.to_rfc3339()),
                );
            }
        }
        Some(_) => s.add("BAD_DATE", 1, "the Date header is not a date"),
    }
    match m.header_raw("Message-ID") {
        None => s.add("MISSING_MESSAGE_ID", 1, "no Message-ID header"),
        Some(raw) if !raw.contains('@') => s.add("BAD_MESSAGE_ID", 1, "the Message-ID has no @"),
        Some(_) => {}
    }
    if let (Some(f), Some(e)) = (from_domain, sender_domain)
        && !same_or_under(f, e)
    {
        s.add(
            "FROM_RETURN_PATH_MISMATCH",
            1,
            format!("From {f}, envelope sender {e}"),
        );
    }
}

/// The bulk mail headers (BCL).
pub(super) fn bulk_headers(s: &mut Score, m: &Message) {
    if m.header("List-Unsubscribe").is_some() {
        s.bulk("LIST_UNSUBSCRIBE", 3, "List-Unsubscribe header");
    }
    if m.header("List-Unsubscribe-Post").is_some() {
        s.bulk("LIST_UNSUBSCRIBE_POST", 1, "one-click unsubscribe");
    }
    if m.header_raw("Precedence")
        .is_some_and(|p| ["bulk", "list", "junk"].contains(&p.trim().to_ascii_lowercase().as_str()))
    {
        s.bulk("PRECEDENCE_BULK", 3, "Precedence: bulk");
    }
    if m.header("List-Id").is_some() {
        s.bulk("LIST_ID", 1, "List-Id header");
    }
    if m.header("Feedback-ID").is_some() {
        s.bulk("FEEDBACK_ID", 1, "Feedback-ID header");
    }
}

/// The spam phrases, hidden-text styles and links the content signals look for, compiled
/// once. Phrases are searched (memmem) in one ASCII-lowercased copy of the text; the
/// styles and links by case-insensitive regexes, which find their literal prefix fast.
pub(super) struct ContentPatterns {
    phrases: Vec<memchr::memmem::Finder<'static>>,
    hidden: regex::Regex,
    link: regex::Regex,
}

pub(super) static CONTENT: std::sync::LazyLock<ContentPatterns> =
    std::sync::LazyLock::new(|| ContentPatterns {
        phrases: SPAM_PHRASES
            .iter()
            .map(|p| memchr::memmem::Finder::new(p.as_bytes()))
            .collect(),
        // Styles that hide text, spaces allowed around the colon as CSS allows.
        hidden: regex::Regex::new(
            r"(?i)(display\s*:\s*none|visibility\s*:\s*hidden|font-size\s*:\s*0(?:[^.0-9]|$))",
        )
        .expect("compiles"),
        link: regex::Regex::new(r#"(?i)https?://([^/?#"'<> \r\n\t)]+)"#).expect("compiles"),
    });

/// The content signals; returns whether the message has any body text.
pub(super) fn content(
    s: &mut Score,
    m: &Message,
    inputs: &Inputs,
    from_domain: &Option<String>,
) -> bool {
    let mut text = String::new();
    let mut html = String::new();
    for part in m.parts.iter() {
        match &part.body {
            PartType::Text(t) if part.attachment_name().is_none() => text.push_str(t),
            PartType::Html(h) if part.attachment_name().is_none() => html.push_str(h),
            _ => {}
        }
        // Bounded: the first megabyte of text is plenty to score.
        if text.len() + html.len() > 1 << 20 {
            break;
        }
    }
    // The rule set covers these better; only the bulk and lookalike signals stay.
    let builtin = inputs.rules.is_none();
    if builtin && !html.is_empty() && text.trim().is_empty() {
        s.add("HTML_ONLY", 1, "HTML without a text alternative");
    }
    let patterns = &*CONTENT;
    if builtin && let Some(hidden) = patterns.hidden.find(&html) {
        let style: String = hidden
            .as_str()
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect();
        let style = style.to_lowercase();
        let style = style.trim_end_matches(|c: char| !c.is_ascii_alphanumeric());
        s.add("HIDDEN_TEXT", 2, format!("HTML hides text ({style})"));
    }
    // The phrases are ASCII: ASCII-lowercased copies find them in any case.
    let lower = [text.as_str(), html.as_str()]
        .join("\n")
        .to_ascii_lowercase();
    let subject = m.subject().unwrap_or_default().to_ascii_lowercase();
    let found = patterns.phrases.iter().enumerate().filter(|(_, f)| {
        f.find(lower.as_bytes()).is_some() || f.find(subject.as_bytes()).is_some()
    });
    for (i, _) in found.take(if builtin { 3 } else { 0 }) {
        s.add("SPAM_PHRASE", 1, format!("\"{}\"", SPAM_PHRASES[i]));
    }
    if memchr::memmem::find(lower.as_bytes(), b"unsubscribe").is_some() {
        s.bulk("UNSUBSCRIBE_TEXT", 1, "the body offers to unsubscribe");
    }
    let hosts = link_hosts(&patterns.link, &[&text, &html]);
    if builtin && let Some(ip) = hosts.iter().find(|h| is_ip_literal(h)) {
        s.add("URL_IP_LITERAL", 2, format!("a link to {ip}"));
    }
    let mut lookalike = None;
    for d in from_domain.iter().chain(hosts.iter()) {
        if let Some(a) = inputs.accepted_domains.iter().find(|a| looks_like(d, a)) {
            lookalike = Some((d.clone(), a.clone()));
            break;
        }
    }
    if let Some((d, a)) = lookalike {
        s.add(
            format!("LOOKALIKE_DOMAIN:{d}"),
            4,
            format!("{d} imitates {a}"),
        );
    }
    !(text.trim().is_empty() && html.trim().is_empty())
}

/// The host names (lowercased) of http(s) links in the texts (the first 1000 links).
pub(super) fn link_hosts(link: &regex::Regex, texts: &[&str]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for found in texts.iter().flat_map(|t| link.captures_iter(t)).take(1000) {
        let host = authority_host(&found[1]);
        if !host.is_empty() && !out.contains(&host) {
            out.push(host);
        }
    }
    out
}

/// The host of a link's authority (`user@host:port`, `[2001:db8::1]`), lower case.
pub(super) fn authority_host(authority: &str) -> String {
    let host = authority.rsplit('@').next().unwrap_or("");
    let host = match host.strip_prefix('[') {
        Some(v6) => v6.split(']').next().unwrap_or(""),
        None => host.split(':').next().unwrap_or(""),
    };
    host.to_lowercase()
}

/// Whether a link's host is an address rather than a name (IPv4, IPv6, or dotted numbers).
pub(super) fn is_ip_literal(host: &str) -> bool {
    host.parse::<std::net::IpAddr>().is_ok()
        || (host.split('.').count() == 4 && host.split('.').all(|p| p.parse::<u8>().is_ok()))
}

/// Whether `domain` imitates `accepted` without being it (or under it): one edit apart,
/// the same once homoglyphs are folded (0→o, 1→l, rn→m, ...), or the accepted name with a
/// different top-level domain or a hyphenated suffix (contoso-com.net).
pub fn looks_like(domain: &str, accepted: &str) -> bool {
    if same_or_under(domain, accepted) || domain.len() < 4 {
        return false;
    }
    let fold = |d: &str| {
        d.replace("rn", "m")
            .replace("vv", "w")
            .chars()
            .map(|c| match c {
                '0' => 'o',
                '1' | 'i' => 'l',
                '3' => 'e',
                '5' => 's',
                _ => c,
            })
            .collect::<String>()
    };
    let label = |d: &str| d.split('.').next().unwrap_or("").to_string();
    if fold(domain) == fold(accepted) || edit_distance(domain, accepted) == 1 {
        return true;
    }
    let (dl, al) = (fold(&label(domain)), fold(&label(accepted)));
    al.len() >= 5 && (dl == al || dl.starts_with(&format!("{al}-")))
}

pub(super) fn edit_distance(a: &str, b: &str) -> usize {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if a.len().abs_diff(b.len()) > 1 || a.len() > 255 || b.len() > 255 {
        return usize::MAX;
    }
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut cur = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let sub = prev[j] + usize::from(ca != cb);
            cur.push(sub.min(prev[j + 1] + 1).min(cur[j] + 1));
        }
        prev = cur;
    }
    prev[b.len()]
}

/// For a bounce (multipart/report or a returned message): the original sender.
pub(super) fn bounced_sender(m: &Message) -> Option<String> {
    let is_report = m.content_type().is_some_and(|ct| {
        ct.subtype()
            .is_some_and(|s| s.eq_ignore_ascii_case("report"))
    });
    if !is_report {
        return None;
    }
    m.parts.iter().find_map(|p| match &p.body {
        PartType::Message(inner) => from_address(inner),
        PartType::Text(t)
            if p.content_type().is_some_and(|ct| {
                ct.subtype()
                    .is_some_and(|s| s.eq_ignore_ascii_case("rfc822-headers"))
            }) =>
        {
            t.lines()
                .find_map(|l| l.strip_prefix("From:").or_else(|| l.strip_prefix("from:")))
                .and_then(|v| {
                    let v = v.trim();
                    let v = v.rsplit('<').next().unwrap_or(v).trim_end_matches('>');
                    v.contains('@').then(|| v.to_string())
                })
        }
        _ => None,
    })
}
