//! HeaderEval's and RelayEval's header and Received tests, and two tests of the body's
//! letters: forged free-mail Received trails, HELO addresses that do not match the client,
//! unresolved template tags, the From and envelope sender compared; MIMEEval's upper-case
//! share and BodyEval's space ratio (`tvd_vertical_words`).

use std::sync::LazyLock;

use regex::Regex;

use super::num;
use crate::policy::spamrules::address;
use crate::policy::spamrules::registry::Registry;
use crate::policy::spamrules::relays::is_private;
use crate::policy::spamrules::view::View;

/// Whether a header eval holds; None for a name that is not one of these.
pub fn run(func: &str, args: &[String], v: &View) -> Option<bool> {
    Some(match func {
        "check_unresolved_template" => unresolved_template(v),
        "check_for_forged_yahoo_received_headers" => forged_yahoo(v),
        "check_for_forged_gmail_received_headers" => forged_gmail(v),
        "check_for_matching_env_and_hdr_from" => {
            let env = address(&v.get("EnvelopeFrom", false));
            env.eq_ignore_ascii_case(&address(&v.get("From", false)))
        }
        "check_equal_from_domains" => {
            let from = second_level(&address(&v.get("From", false)));
            let env = second_level(&address(&v.get("EnvelopeFrom", false)));
            !from.is_empty() && !env.is_empty() && !from.eq_ignore_ascii_case(&env)
        }
        "helo_ip_mismatch" => helo_ip_mismatch(v),
        "check_relays_unparseable" => v.relays.unparseable > 0,
        "check_all_trusted" => {
            !v.relays.trusted.is_empty()
                && v.relays.untrusted.is_empty()
                && v.relays.unparseable == 0
        }
        "check_no_relays" => {
            v.relays.trusted.is_empty()
                && v.relays.untrusted.is_empty()
                && v.relays.unparseable == 0
        }
        "check_for_uppercase" => {
            let u = uppercase(v);
            num(args, 0).is_some_and(|lo| u > lo) && num(args, 1).is_some_and(|hi| u <= hi)
        }
        "tvd_vertical_words" => {
            let pct = space_ratio(v);
            // A maximum of 100 or more takes in 100 itself.
            let hi = num(args, 1).map(|h| if h >= 100.0 { 101.0 } else { h });
            num(args, 0).is_some_and(|lo| pct >= lo) && hi.is_some_and(|hi| pct < hi)
        }
        _ => return None,
    })
}

/// The largest share (%) of spaces to other characters over the body lines longer than
/// five characters (100 when spaces outnumber them); -1 without such a line.
fn space_ratio(v: &View) -> f64 {
    let mut most = -1.0f64;
    for line in &v.body {
        let len = line.chars().count();
        if len <= 5 {
            continue;
        }
        let spaces = line.chars().filter(|&c| c == ' ').count();
        let other = len - spaces;
        let pct = if spaces > other || other == 0 {
            100.0
        } else {
            (100 * spaces / other) as f64
        };
        most = most.max(pct);
    }
    most
}

/// A template tag (`%FROM_EMAIL`) left in a header other than the ones that quote mail.
fn unresolved_template(v: &View) -> bool {
    static TAG: LazyLock<Regex> = LazyLock::new(|| Regex::new("%[A-Z][A-Z_-]").expect("compiles"));
    static EXEMPT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^(?:X-VMS-To|X-UIDL|X-Face|To|Cc|From|Subject|References|In-Reply-To|(?:X-|Resent-|X-Original-)?Message-Id):")
            .expect("compiles")
    });
    v.get("ALL", false)
        .lines()
        .any(|h| TAG.is_match(h) && !EXEMPT.is_match(h))
}

/// The second-level domain of an address (`mail.example.com` -> `example.com`), as
/// HeaderEval's check_equal_from_domains cuts it.
fn second_level(addr: &str) -> String {
    let Some((_, domain)) = addr.rsplit_once('@') else {
        return String::new();
    };
    let labels: Vec<&str> = domain.split('.').collect();
    match labels.len() {
        n if n > 2 => labels[n - 2..].join("."),
        _ => domain.to_string(),
    }
}

/// The Received headers went through a list manager that removes them (ezmlm, MSN
/// groups), or there are none: the forged-Received tests cannot judge.
fn gated_through_remover(v: &View) -> bool {
    let rcvd = v.get("Received", false);
    if v.get("Mailing-List", false)
        .lines()
        .any(|l| l.starts_with("contact ") && l.ends_with("; run by ezmlm"))
        && v.get("Delivered-To", false).starts_with("mailing list ")
        && rcvd.contains("qmail ")
    {
        return true;
    }
    !v.has("Received") || rcvd.contains("from groups.msn.com (")
}

/// From a yahoo.com address, but no Received header Yahoo writes.
fn forged_yahoo(v: &View) -> bool {
    static PASSES: LazyLock<Vec<Regex>> = LazyLock::new(|| {
        [
            r"by web\S+\.mail\S*\.yahoo\.com via HTTP",
            r"by sonic\S+\.consmr\.mail\S*\.yahoo\.com with HTTP",
            r"by smtp\S+\.yahoo\.com with SMTP",
            r"from \[\d{1,3}(?:\.\d{1,3}){3}\] by \S+\.(?:groups|scd|dcn)\.yahoo\.com with NNFMP",
            r"by \w+\.\w+\.yahoo\.com \(\d+\.\d+\.\d+/\d+\.\d+\.\d+\)(?: with ESMTP)? id \w+",
        ]
        .iter()
        .map(|p| Regex::new(p).expect("compiles"))
        .collect()
    });
    let from = address(&v.get("From", false)).to_ascii_lowercase();
    if !from.ends_with("yahoo.com") || !word_before(&from, "yahoo.com") {
        return false;
    }
    let mut rcvd = v.get("Received", false);
    if v.has("Resent-From") && v.has("Resent-To") && v.has("X-Received") {
        rcvd = v.get("X-Received", false);
    }
    let rcvd = rcvd.split_whitespace().collect::<Vec<_>>().join(" ");
    if gated_through_remover(v) {
        return false;
    }
    // Yahoo's own servers in the trusted relays, or as the first untrusted one.
    let first_untrusted = v.relays.untrusted.first();
    if v.relays
        .trusted
        .iter()
        .any(|r| r.rdns.ends_with(".yahoo.com"))
        || first_untrusted.is_some_and(|r| r.rdns.ends_with(".yahoo.com"))
    {
        return false;
    }
    if PASSES.iter().any(|p| p.is_match(&rcvd)) {
        return false;
    }
    !(rcvd.contains("bulk.scd.yahoo.com") && from.ends_with("@reply.yahoo.com"))
}

/// From a gmail.com address without the headers Gmail writes.
fn forged_gmail(v: &View) -> bool {
    static X_RECEIVED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"by (?:10\.\S+|2002:a\d\d:\w+:\S+) with SMTP id \S+").expect("compiles")
    });
    let from = address(&v.get("From", false)).to_ascii_lowercase();
    if !from.ends_with("gmail.com") || !word_before(&from, "gmail.com") {
        return false;
    }
    let long = |h: &str| v.get(h, false).trim_end_matches('\n').len() >= 60;
    !(X_RECEIVED.is_match(&v.get("X-Received", false))
        || v.get("Received", false)
            .contains("by smtp.googlemail.com with ESMTPSA id ")
        || long("X-Gm-Message-State") && long("X-Google-Smtp-Source"))
}

/// `\bDOMAIN$`: the domain starts at a word boundary.
fn word_before(addr: &str, domain: &str) -> bool {
    let at = addr.len() - domain.len();
    addr[..at]
        .chars()
        .last()
        .is_none_or(|c| !(c.is_alphanumeric() || c == '_'))
}

/// An untrusted relay whose HELO is a public IPv4 address outside the client's /24.
fn helo_ip_mismatch(v: &View) -> bool {
    let ipv4 = |s: &str| s.parse::<std::net::Ipv4Addr>().is_ok();
    v.relays.untrusted.iter().any(|r| {
        ipv4(&r.helo)
            && !is_private(&r.helo)
            && ipv4(&r.ip)
            && !is_private(&r.ip)
            && r.helo != r.ip
            && r.helo
                .rsplit_once('.')
                .is_some_and(|(net, _)| !r.ip.starts_with(&format!("{net}.")))
    })
}

/// The share (%) of upper-case letters in the body lines with words, numerals counting
/// as lower case; 0 under 200 characters or in charsets written in capitals.
fn uppercase(v: &View) -> f64 {
    static FP_CHARSET: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^[-_a-z0-9]*(?:koi|jp|jis|euc|gb|big5|isoir|cp1251|windows-1251|georgianps|pt154|tis)[-_a-z0-9]*$")
            .expect("compiles")
    });
    static BASE64: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^(?:[A-Za-z0-9+/=]{60,76} ){2}").expect("compiles"));
    static WORDS: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\S\s+\S").expect("compiles"));
    let ctype = v.get("Content-Type", false);
    let top = ctype
        .split(';')
        .filter_map(|p| p.trim().strip_prefix("charset="))
        .map(|c| c.trim_matches(['"', '\'']).to_string());
    let html = v
        .parts
        .iter()
        .filter(|p| p.ctype == "text/html")
        .filter_map(|p| p.charset.clone());
    if top.chain(html).any(|c| FP_CHARSET.is_match(&c)) {
        return 0.0;
    }
    let (mut len, mut lower, mut upper) = (0usize, 0usize, 0usize);
    for line in v
        .body
        .iter()
        .filter(|l| WORDS.is_match(l) && !BASE64.is_match(l))
    {
        len += line.chars().count();
        lower += line
            .bytes()
            .filter(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
            .count();
        upper += line.bytes().filter(u8::is_ascii_uppercase).count();
    }
    if len < 200 || upper + lower == 0 {
        return 0.0;
    }
    upper as f64 / (upper + lower) as f64 * 100.0
}

/// RelayEval's check_mailfrom_matches_rcvd, which needs the registered domains of the
/// rule files' lists: None for another name.
pub fn registry_run(reg: &Registry, func: &str, v: &View) -> Option<bool> {
    match func {
        "check_mailfrom_matches_rcvd" => Some(sender_matches_relay(reg, v)),
        _ => None,
    }
}

/// The envelope sender's registered domain is the first untrusted relay's (or, with
/// none, a trusted relay's) rDNS's.
fn sender_matches_relay(reg: &Registry, v: &View) -> bool {
    let sender = address(&v.get("EnvelopeFrom", false));
    let Some((_, domain)) = sender.rsplit_once('@') else {
        return false;
    };
    if !domain.contains('.') || domain.contains('@') {
        return false;
    }
    let relays = match v.relays.untrusted.first() {
        Some(first) => std::slice::from_ref(first),
        None => &v.relays.trusted[..],
    };
    let mine = reg.registered(domain);
    relays
        .iter()
        .filter(|r| !r.rdns.is_empty())
        .any(|r| reg.registered(&r.rdns) == mine)
}

#[cfg(test)]
mod tests {
    use super::*;
    use mail_parser::MessageParser;

    fn hit(func: &str, args: &[&str], raw: &str) -> bool {
        let m = MessageParser::default().parse(raw.as_bytes()).unwrap();
        let v = View::new(&m, raw.as_bytes(), Some("bounce@lists.example.net"));
        let args: Vec<String> = args.iter().map(|a| a.to_string()).collect();
        run(func, &args, &v).expect("one of these evals")
    }

    const EXT: &str = "Received: from helo.example (host.example [198.51.100.7]) by mx.example.org \
                       (Postfix) with ESMTP id 1; Thu, 1 Jan 2026 00:00:00 +0000\r\n";

    #[test]
    fn templates_and_sender_domains() {
        let m = "X-Mailer: %MAILER_NAME\r\nSubject: %SUBJECT ok\r\n\r\nx\r\n";
        assert!(hit("check_unresolved_template", &[], m));
        assert!(!hit(
            "check_unresolved_template",
            &[],
            "Subject: %SUBJECT\r\n\r\nx\r\n"
        ));
        let sub = "From: a@news.example.net\r\n\r\nx\r\n";
        assert!(
            !hit("check_equal_from_domains", &[], sub),
            "same second level"
        );
        assert!(hit(
            "check_equal_from_domains",
            &[],
            "From: a@other.example\r\n\r\nx\r\n"
        ));
        assert!(!hit("check_for_matching_env_and_hdr_from", &[], sub));
        assert!(hit(
            "check_for_matching_env_and_hdr_from",
            &[],
            "From: Bounce <BOUNCE@lists.example.net>\r\n\r\nx\r\n"
        ));
    }

    #[test]
    fn forged_free_mail_trails() {
        let yahoo = format!("{EXT}From: a@yahoo.com\r\n\r\nx\r\n");
        assert!(hit("check_for_forged_yahoo_received_headers", &[], &yahoo));
        let real = "Received: from [198.51.100.7] by web1.mail.sc5.yahoo.com via HTTP; \
                    Thu, 1 Jan 2026 00:00:00 +0000\r\nFrom: a@yahoo.com\r\n\r\nx\r\n";
        assert!(!hit("check_for_forged_yahoo_received_headers", &[], real));
        assert!(!hit(
            "check_for_forged_yahoo_received_headers",
            &[],
            "From: a@yahoo.com\r\n\r\nx\r\n"
        ));
        let gmail = format!("{EXT}From: a@gmail.com\r\n\r\nx\r\n");
        assert!(hit("check_for_forged_gmail_received_headers", &[], &gmail));
        let real = format!(
            "{EXT}X-Received: by 10.1.2.3 with SMTP id abc;\r\nFrom: a@gmail.com\r\n\r\nx\r\n"
        );
        assert!(!hit("check_for_forged_gmail_received_headers", &[], &real));
    }

    #[test]
    fn relays_helo_and_trust() {
        let helo = "Received: from 203.0.113.9 (host.example [198.51.100.7]) by mx.example.org \
                    (Postfix) with ESMTP id 1; Thu, 1 Jan 2026 00:00:00 +0000\r\n\r\nx\r\n";
        assert!(hit("helo_ip_mismatch", &[], helo));
        assert!(!hit("helo_ip_mismatch", &[], EXT));
        assert!(hit("check_no_relays", &[], "Subject: x\r\n\r\nx\r\n"));
        assert!(!hit("check_no_relays", &[], EXT));
        assert!(hit(
            "check_relays_unparseable",
            &[],
            "Received: from nowhere with nothing\r\n\r\nx\r\n"
        ));
        assert!(!hit("check_all_trusted", &[], EXT));
    }

    #[test]
    fn upper_case_share() {
        let shout = format!(
            "Subject: x\r\n\r\n{}\r\n",
            "BUY THESE CHEAP PILLS NOW ".repeat(10)
        );
        assert!(hit("check_for_uppercase", &["75", "100"], &shout));
        let calm = format!(
            "Subject: x\r\n\r\n{}\r\n",
            "Buy these cheap pills now ".repeat(10)
        );
        assert!(!hit("check_for_uppercase", &["25", "50"], &calm));
        assert!(!hit(
            "check_for_uppercase",
            &["75", "100"],
            "Subject: x\r\n\r\nSHORT SHOUT\r\n"
        ));
    }

    #[test]
    fn space_ratio_of_the_lines() {
        let packed = "Subject: x\r\n\r\nBuyourcheappillsnow,bestprices.\r\n";
        assert!(hit("tvd_vertical_words", &["0", "10"], packed));
        let prose = "Subject: x\r\n\r\nThis is an ordinary line of prose.\r\n";
        assert!(!hit("tvd_vertical_words", &["0", "10"], prose));
    }

    #[test]
    fn envelope_sender_against_the_relay() {
        let s = |l: &[&str]| l.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        let reg = Registry::new(&s(&["com", "uk", "net"]), &s(&["co.uk"]), &s(&[]));
        let raw = "Received: from out.example.com (out1.mail.example.com [198.51.100.7]) by \
                   mx.example.org (Postfix) with ESMTP id 1; Thu, 1 Jan 2026 00:00:00 +0000\r\n\r\nx\r\n";
        let m = mail_parser::MessageParser::default()
            .parse(raw.as_bytes())
            .unwrap();
        let run = |env| {
            registry_run(
                &reg,
                "check_mailfrom_matches_rcvd",
                &View::new(&m, raw.as_bytes(), Some(env)),
            )
        };
        assert_eq!(run("bounce@lists.example.com"), Some(true));
        assert_eq!(run("bounce@other.net"), Some(false));
    }
}
