//! The gateway's own link signals, scored beside SpamAssassin's rules (points on the
//! rules' scale). They look at what a reader is shown against where a click goes, which
//! SpamAssassin's offline rules see only weakly (its HTTPS_HTTP_MISMATCH and
//! NORMAL_HTTP_TO_IP are worth 0.1 and 0.16 points):
//!
//! - `DECEPTIVE_LINK` (+3): an HTML link whose visible text is itself an address
//!   (`https://www.bank.example/login`) of another registered domain than the one the
//!   link opens, when that target domain appears nowhere in the message's headers. The
//!   text promises one site and the click opens another: the phishing link. The header
//!   test spares newsletters, whose links go through their mailing service's click
//!   tracker: that service also sent the message, so its domain is in the Received,
//!   Return-Path or List-Unsubscribe headers. Weighed as rspamd weighs its phished-URL
//!   symbol (4 of its 6-point line): strong evidence, not a verdict on its own.
//! - `LINK_TO_IP` (+1): an HTML link that opens a numeric address (`http://192.0.2.7/`)
//!   instead of a name. Legitimate senders link to their names; a bare address hides who
//!   runs the site from the reader and from name-based block lists. rspamd's
//!   HTTP_TO_IP weight. Links written in plain text are not counted: there the reader
//!   sees the address.

use super::signals::authority_host;
use crate::policy::spamrules::View;
use crate::policy::spamrules::registry::Registry;

/// One signal: its name, points and what was seen.
pub(super) struct LinkSignal {
    pub name: &'static str,
    pub points: f64,
    pub detail: String,
}

/// The link signals of a message, each at most once.
pub(super) fn link_signals(view: &View, registry: &Registry) -> Vec<LinkSignal> {
    let mut out = Vec::new();
    let anchors = view
        .html
        .iter()
        .flat_map(|h| h.anchors.iter().zip(&h.anchor_hrefs));
    // Lower-cased once: every registered target domain is looked for in it.
    let headers = view
        .headers
        .iter()
        .map(|(_, _, raw)| raw.to_ascii_lowercase())
        .collect::<Vec<_>>()
        .join("\n");
    let (mut deceptive, mut to_ip) = (None, None);
    for (text, href) in anchors {
        let Some(target) = web_host(href) else {
            continue;
        };
        if to_ip.is_none() && target.parse::<std::net::IpAddr>().is_ok() {
            to_ip = Some(href.clone());
        }
        if deceptive.is_none()
            && let Some(shown) = shown_host(text, registry)
        {
            let (shown_domain, target_domain) =
                (registry.registered(&shown), registry.registered(&target));
            if shown_domain != target_domain && !headers.contains(&target_domain) {
                deceptive = Some(format!(
                    "a link shows {shown_domain} and opens {target_domain}"
                ));
            }
        }
    }
    if let Some(detail) = deceptive {
        out.push(LinkSignal {
            name: "DECEPTIVE_LINK",
            points: 3.0,
            detail,
        });
    }
    if let Some(href) = to_ip {
        out.push(LinkSignal {
            name: "LINK_TO_IP",
            points: 1.0,
            detail: format!("a link opens {href}"),
        });
    }
    out
}

/// The host of an http(s) link (lower case, without user, port or brackets).
fn web_host(href: &str) -> Option<String> {
    let lower = href.trim().to_ascii_lowercase();
    let rest = lower
        .strip_prefix("http://")
        .or_else(|| lower.strip_prefix("https://"))?;
    let host = authority_host(rest.split(['/', '?', '#', '\\']).next()?);
    let host = host.trim_end_matches('.');
    (!host.is_empty()).then(|| host.to_string())
}

/// The host a link's text shows when the whole text is one address (`www.example.com`,
/// `https://example.com/login`), in a known top-level domain; None for words.
fn shown_host(text: &str, registry: &Registry) -> Option<String> {
    let text = text.trim().to_ascii_lowercase();
    if text.is_empty() || text.contains(char::is_whitespace) {
        return None;
    }
    let rest = text
        .strip_prefix("http://")
        .or_else(|| text.strip_prefix("https://"))
        .unwrap_or(&text);
    let host = rest.split(['/', '?', '#', ':']).next()?;
    let labels_ok = host.split('.').count() >= 2
        && host
            .split('.')
            .all(|l| !l.is_empty() && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-'));
    (labels_ok && registry.is_domain_valid(host)).then(|| host.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::policy::malware::parse;

    fn registry() -> Registry {
        let s = |l: &[&str]| l.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        Registry::new(&s(&["com", "net", "example", "uk"]), &s(&["co.uk"]), &[])
    }

    fn signals(headers: &str, html: &str) -> Vec<(&'static str, String)> {
        let raw = format!(
            "{headers}From: Bank <service@bank.example>\r\nTo: ann@contoso.com\r\nSubject: hello\r\nContent-Type: text/html\r\n\r\n<html><body>{html}</body></html>\r\n"
        );
        let m = parse(raw.as_bytes()).expect("parses");
        let r = registry();
        let view = View::with_registry(&m, raw.as_bytes(), None, Some(&r));
        link_signals(&view, &r)
            .into_iter()
            .map(|s| (s.name, s.detail))
            .collect()
    }

    #[test]
    fn a_link_showing_one_site_and_opening_another_is_deceptive() {
        let found = signals(
            "",
            r#"Sign in at <a href="http://login.evil.com/bank/">https://www.bank.example/signin</a>."#,
        );
        assert_eq!(
            found,
            [(
                "DECEPTIVE_LINK",
                "a link shows bank.example and opens evil.com".to_string()
            )]
        );
    }

    #[test]
    fn honest_links_and_click_trackers_of_the_sender_are_not() {
        // The same site (a subdomain), link words, and a tracker that sent the message.
        let honest = signals(
            "Received: from out.tracker.net (out.tracker.net [198.51.100.4])\r\n\tby mx.contoso.com; Tue, 14 Nov 2023 12:00:00 +0000\r\n",
            r#"<a href="https://secure.bank.example/x">www.bank.example</a>
               <a href="http://evil.com/">click here</a>
               <a href="http://click.tracker.net/r?u=1">www.bank.example/news</a>
               <a href="mailto:a@b.com">www.bank.example</a>"#,
        );
        assert_eq!(honest, []);
    }

    #[test]
    fn a_link_to_a_bare_address_is_counted_once() {
        let found = signals(
            "",
            r#"<a href="http://192.0.2.7/paypal/">Log in</a> <a href="http://198.51.100.1/">again</a>"#,
        );
        assert_eq!(
            found,
            [(
                "LINK_TO_IP",
                "a link opens http://192.0.2.7/paypal/".to_string()
            )]
        );
        assert_eq!(
            signals("", r#"<a href="http://www.bank.example/">Log in</a>"#),
            []
        );
    }
}
