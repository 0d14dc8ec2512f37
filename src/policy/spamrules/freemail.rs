//! SpamAssassin's FreeMail plugin: is an address at a free mail provider (the rule files'
//! `freemail_domains`, `*` and `?` wildcards allowed, less `freemail_welcomelist`), and
//! its evals `check_freemail_from`, `check_freemail_header` and
//! `check_freemail_replyto` (a free mail Reply-To, or a body address, that differs from
//! the From). Spam sent from webmail or pointing replies at a throwaway mailbox is what
//! FREEMAIL_REPLYTO, FREEMAIL_FORGED_REPLYTO and the metas built on them catch.

use std::collections::HashSet;
use std::sync::LazyLock;

use fancy_regex::Regex;

use super::view::View;

/// The lists from the rule files.
#[derive(Debug, Default)]
pub struct FreeMail {
    domains: HashSet<String>,
    wildcards: Option<Regex>,
    welcome: HashSet<String>,
}

/// Addresses FreeMail never counts (bounces, postmasters, provider-generated ids).
static WELCOME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:abuse|(?:post|host|domain)master|undisclosed.*|request-[a-f0-9]{16}|bounced?-|[a-f0-9]{8}(?:\.[a-f0-9]{8}|-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12})|.+=.+=.+)@",
    )
    .expect("compiles")
});

/// Envelope senders of bulk and list mail, for which the Reply-To check is skipped.
static BULK_ENVFROM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?:^(?:post|host|domain)master|^double-bounce|^(?:sentto|owner|return|(?:gr)?bounced?)-.+|-(?:request|bounces?|admin|owner)|\b(?:do[._-t]?)?no[._-t]?repl(?:y|ies)|.+=.+)@",
    )
    .expect("compiles")
});

/// An address in text, as the plugin's `email_regex` finds them.
static EMAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?=.{0,64}@)(?<![a-z0-9!#$%&'*+/=?^_`{|}~-])([a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(?:[a-z0-9](?:[a-z0-9-]{0,59}[a-z0-9])?\.){1,4}[a-z]{2,24})\b",
    )
    .expect("compiles")
});

/// A link with an address in it: its @ is not an address's.
static URL_WITH_AT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)<?https?://\S{0,255}(?:@|%40)\S{0,255}").expect("compiles"));

/// The plugin's limits: more distinct body addresses (or free mail ones) than this and
/// the body is not looked at (a list of addresses is no Reply-To trick).
const MAX_BODY_EMAILS: usize = 5;
const MAX_BODY_FREEMAILS: usize = 3;

impl FreeMail {
    /// `domains`: the words of every `freemail_domains` line; `welcome`: of every
    /// `freemail_welcomelist` line.
    pub fn new(domains: &[String], welcome: &[String]) -> FreeMail {
        let mut plain = HashSet::new();
        let mut wild = Vec::new();
        for d in domains.iter().map(|d| d.to_ascii_lowercase()) {
            if d.contains(['*', '?']) {
                wild.push(
                    d.replace('.', r"\.")
                        .replace('?', ".")
                        .replace('*', "[^.]*"),
                );
            } else {
                plain.insert(d);
            }
        }
        let wildcards = (!wild.is_empty())
            .then(|| Regex::new(&format!("@(?:{})$", wild.join("|"))).ok())
            .flatten();
        FreeMail {
            domains: plain,
            wildcards,
            welcome: welcome.iter().map(|w| w.to_ascii_lowercase()).collect(),
        }
    }

    fn available(&self) -> bool {
        !self.domains.is_empty() || self.wildcards.is_some()
    }

    pub fn is_freemail(&self, email: &str) -> bool {
        let email = email.to_ascii_lowercase();
        let Some((_, domain)) = email.rsplit_once('@') else {
            return false;
        };
        if self.welcome.contains(&email)
            || self.welcome.contains(domain)
            || WELCOME.is_match(&email).unwrap_or(false)
        {
            return false;
        }
        self.domains.contains(domain)
            || self
                .wildcards
                .as_ref()
                .is_some_and(|w| w.is_match(&email).unwrap_or(false))
    }

    /// The distinct addresses of the body (mailto links, then the text), free mail ones
    /// only; None when there are too many to judge.
    fn body_freemails(&self, v: &View) -> Option<Vec<String>> {
        let mut seen: Vec<String> = Vec::new();
        let push = |e: String, seen: &mut Vec<String>| {
            if !seen.contains(&e) {
                seen.push(e);
            }
        };
        for u in &v.html_links {
            if let Some(rest) = u.get(..7).filter(|s| s.eq_ignore_ascii_case("mailto:"))
                && let Ok(Some(c)) = EMAIL.captures(&u[rest.len()..])
                && let Some(m) = c.get(1)
            {
                push(m.as_str().to_ascii_lowercase(), &mut seen);
            }
        }
        'body: for para in &v.body {
            let text = URL_WITH_AT.replace_all(para, " ");
            for c in EMAIL.captures_iter(text.as_ref()).flatten() {
                if let Some(m) = c.get(1) {
                    push(m.as_str().to_ascii_lowercase(), &mut seen);
                }
                if seen.len() >= 40 {
                    break 'body;
                }
            }
        }
        let mut free = Vec::new();
        for (n, e) in seen.iter().enumerate() {
            if n + 1 == MAX_BODY_EMAILS {
                return None;
            }
            if self.is_freemail(e) {
                free.push(e.clone());
                if free.len() == MAX_BODY_FREEMAILS {
                    return None;
                }
            }
        }
        Some(free)
    }
}

fn addresses(v: &View, header: &str) -> Vec<String> {
    v.get(header, false)
        .lines()
        .flat_map(|line| {
            EMAIL
                .captures_iter(line)
                .flatten()
                .filter_map(|c| c.get(1).map(|m| m.as_str().to_ascii_lowercase()))
                .collect::<Vec<_>>()
        })
        .collect()
}

/// `pattern`: a rule's regex argument, `/…/` delimiters optional.
fn matches(pattern: Option<&String>, email: &str) -> bool {
    let Some(p) = pattern else {
        return true;
    };
    let p = p
        .strip_prefix('/')
        .and_then(|p| p.strip_suffix('/'))
        .unwrap_or(p);
    Regex::new(p).is_ok_and(|re| re.is_match(email).unwrap_or(false))
}

/// The FreeMail evals; None for another function.
pub fn run(fm: &FreeMail, func: &str, args: &[String], v: &View) -> Option<bool> {
    if !func.starts_with("check_freemail_") {
        return None;
    }
    if !fm.available() {
        return Some(false);
    }
    Some(match func {
        "check_freemail_from" => {
            let mut from = addresses(v, "From");
            from.extend(addresses(v, "EnvelopeFrom"));
            from.iter()
                .any(|e| fm.is_freemail(e) && matches(args.first(), e))
        }
        "check_freemail_header" => args.first().is_some_and(|h| {
            addresses(v, h)
                .iter()
                .find(|e| fm.is_freemail(e))
                .is_some_and(|e| matches(args.get(1), e))
        }),
        "check_freemail_replyto" => replyto(fm, v, args.first().map_or("replyto", String::as_str)),
        _ => false,
    })
}

fn replyto(fm: &FreeMail, v: &View, what: &str) -> bool {
    if addresses(v, "EnvelopeFrom")
        .first()
        .is_some_and(|e| BULK_ENVFROM.is_match(e).unwrap_or(false))
    {
        return false;
    }
    let from = addresses(v, "From");
    let reply = addresses(v, "Reply-To");
    let from_fm = from.iter().any(|e| fm.is_freemail(e));
    let reply_fm = reply.iter().any(|e| fm.is_freemail(e));
    let from_not_in_reply = !from.iter().any(|f| reply.contains(f));
    if from_fm && reply_fm && from_not_in_reply {
        return true;
    }
    match what {
        "replyto" if !reply_fm => return false,
        "reply" if (!reply.is_empty() && !reply_fm) || !from_fm => return false,
        _ => {}
    }
    let Some(body) = fm.body_freemails(v) else {
        return false;
    };
    let against = if what == "replyto" || reply_fm {
        &reply
    } else {
        &from
    };
    body.iter().any(|b| against.iter().any(|r| r != b))
}

#[cfg(test)]
mod tests {
    use super::*;
    use mail_parser::MessageParser;

    fn view(raw: &str) -> View {
        let m = MessageParser::default().parse(raw.as_bytes()).unwrap();
        View::new(&m, raw.as_bytes(), None)
    }

    fn fm() -> FreeMail {
        FreeMail::new(
            &["gmail.com".into(), "yahoo.*".into(), "mail.ru".into()],
            &["friend@mail.ru".into()],
        )
    }

    fn hit(func: &str, args: &[&str], raw: &str) -> bool {
        let args: Vec<String> = args.iter().map(|a| a.to_string()).collect();
        run(&fm(), func, &args, &view(raw)).unwrap()
    }

    #[test]
    fn lists_and_wildcards() {
        let f = fm();
        assert!(f.is_freemail("Bob@GMail.com"));
        assert!(f.is_freemail("x@yahoo.co"));
        assert!(!f.is_freemail("x@yahoo.co.uk"), "* stays within a label");
        assert!(!f.is_freemail("friend@mail.ru"), "welcome-listed");
        assert!(
            !f.is_freemail("postmaster@gmail.com"),
            "the built-in welcome list"
        );
        assert!(!f.is_freemail("a@example.com"));
        assert!(
            run(
                &FreeMail::default(),
                "check_freemail_from",
                &[],
                &view("From: a@gmail.com\r\n\r\nx")
            ) == Some(false)
        );
        assert_eq!(run(&f, "check_stock_info", &[], &view("\r\n\r\nx")), None);
    }

    #[test]
    fn from_header_and_replyto() {
        let from_free = "From: Bob <bob77@gmail.com>\r\nSubject: hi\r\n\r\nhello\r\n";
        assert!(hit("check_freemail_from", &[], from_free));
        assert!(hit("check_freemail_from", &[r"\d@"], from_free));
        assert!(!hit(
            "check_freemail_from",
            &[],
            "From: a@example.com\r\n\r\nx\r\n"
        ));
        assert!(hit("check_freemail_header", &["From", r"\d@"], from_free));
        assert!(!hit("check_freemail_header", &["Reply-To"], from_free));
        // From and Reply-To at free mail providers, and different.
        let forged = "From: a@example.com\r\nReply-To: win@yahoo.com\r\n\r\nx\r\n";
        assert!(hit("check_freemail_header", &["Reply-To"], forged));
        let both = "From: a@gmail.com\r\nReply-To: b@yahoo.com\r\n\r\nx\r\n";
        assert!(hit("check_freemail_replyto", &["replyto"], both));
        let same = "From: a@gmail.com\r\nReply-To: a@gmail.com\r\n\r\nx\r\n";
        assert!(!hit("check_freemail_replyto", &["replyto"], same));
        // A free mail address in the body that is not the sender's.
        let body = "From: a@gmail.com\r\n\r\nwrite to claims@yahoo.com today\r\n";
        assert!(hit("check_freemail_replyto", &["reply"], body));
        assert!(!hit("check_freemail_replyto", &["replyto"], body));
        // Too many addresses in the body: a list, not a trick.
        let list = "From: a@gmail.com\r\n\r\nb@x.com c@x.com d@x.com e@x.com f@yahoo.com\r\n";
        assert!(!hit("check_freemail_replyto", &["reply"], list));
        // Bulk senders are skipped.
        let bulk = "Return-Path: <list-bounces@example.org>\r\nFrom: a@gmail.com\r\nReply-To: b@yahoo.com\r\n\r\nx\r\n";
        let m = MessageParser::default().parse(bulk.as_bytes()).unwrap();
        let v = View::new(&m, bulk.as_bytes(), Some("list-bounces@example.org"));
        assert_eq!(run(&fm(), "check_freemail_replyto", &[], &v), Some(false));
    }
}
