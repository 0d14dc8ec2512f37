//! The address and host lists of the rule files and WLBLEval's tests on them:
//! `enlist_addrlist (NAME) *@paypal.com ...` (glob patterns: `*` any text, `?` one
//! character) for `check_from_in_list(NAME)` (any of the From, Envelope-Sender,
//! Resent-Sender, X-Envelope-From and envelope sender addresses, or the Resent-From when
//! there is one) and `check_replyto_in_list(NAME)`; `enlist_uri_host (NAME) online ...`
//! (a host, or any domain above it: `online` lists every `.online` link) for
//! `check_uri_host_listed(NAME)`, a `!host` exempting it. FROM_PAYPAL_SPOOF,
//! FROM_BANK_NOAUTH and the suspicious-TLD rules read them.

use std::collections::HashMap;

use regex::Regex;

use super::address;
use super::view::View;

#[derive(Debug, Default)]
pub struct AddrLists {
    lists: HashMap<String, Regex>,
    /// List name -> host -> listed (false: exempted with `!`).
    hosts: HashMap<String, HashMap<String, bool>>,
}

impl AddrLists {
    /// `lists`: each list's name (without its parentheses) and every pattern enlisted.
    /// `hosts`: each host list's entries as written (`!` exempts).
    pub fn new(
        lists: &HashMap<String, Vec<String>>,
        hosts: &HashMap<String, Vec<String>>,
    ) -> AddrLists {
        let lists = lists
            .iter()
            .filter_map(|(name, globs)| {
                let alternatives: Vec<String> = globs
                    .iter()
                    .map(|g| regex::escape(g).replace(r"\*", ".*").replace(r"\?", "."))
                    .collect();
                let re = Regex::new(&format!("(?i)^(?:{})$", alternatives.join("|"))).ok()?;
                Some((name.clone(), re))
            })
            .collect();
        let hosts = hosts
            .iter()
            .map(|(name, entries)| {
                let map = entries
                    .iter()
                    .map(|e| match e.strip_prefix('!') {
                        Some(h) => (h.to_ascii_lowercase(), false),
                        None => (e.to_ascii_lowercase(), true),
                    })
                    .collect();
                (name.clone(), map)
            })
            .collect();
        AddrLists { lists, hosts }
    }

    /// Whether a list eval holds; None for a name that is not one of these.
    pub fn run(&self, func: &str, args: &[String], v: &View) -> Option<bool> {
        let list = args.first().and_then(|n| self.lists.get(n));
        let listed = |a: &str| !a.is_empty() && list.is_some_and(|re| re.is_match(a));
        Some(match func {
            "check_from_in_list" => from_addrs(v).iter().any(|a| listed(a)),
            "check_replyto_in_list" => listed(&address(&v.get("Reply-To", false))),
            "check_uri_host_listed" => {
                let Some(list) = args.first().and_then(|n| self.hosts.get(n)) else {
                    return Some(false);
                };
                v.uris.iter().filter_map(|u| host(u)).any(|h| {
                    // The host, then each domain above it: the first entry found decides.
                    let mut at = Some(h.as_str());
                    while let Some(q) = at {
                        if let Some(&verdict) = list.get(q) {
                            return verdict;
                        }
                        at = q.split_once('.').map(|(_, up)| up);
                    }
                    false
                })
            }
            _ => return None,
        })
    }
}

/// A link's host, lower case (None for mailto: links and links without one).
fn host(uri: &str) -> Option<String> {
    let lower = uri.to_ascii_lowercase();
    if lower.starts_with("mailto:") {
        return None;
    }
    let rest = lower.split_once("://").map_or(lower.as_str(), |(_, r)| r);
    let authority = rest.split(['/', '?', '#']).next()?;
    let host = authority.rsplit('@').next()?;
    let host = match host.strip_prefix('[') {
        Some(v6) => v6.split(']').next()?,
        None => host.split(':').next()?,
    };
    (!host.is_empty()).then(|| host.trim_end_matches('.').to_string())
}

/// The sender addresses SpamAssassin's all_from_addrs lists.
fn from_addrs(v: &View) -> Vec<String> {
    let resent = address(&v.get("Resent-From", false));
    if !resent.is_empty() {
        return vec![resent];
    }
    [
        "From",
        "Envelope-Sender",
        "Resent-Sender",
        "X-Envelope-From",
        "EnvelopeFrom",
    ]
    .iter()
    .map(|h| address(&v.get(h, false)))
    .filter(|a| !a.is_empty())
    .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use mail_parser::MessageParser;

    #[test]
    fn senders_in_a_list() {
        let lists = AddrLists::new(
            &HashMap::from([(
                "PAYPAL".to_string(),
                vec!["*@paypal.com".to_string(), "*@*.paypal.co.uk".to_string()],
            )]),
            &HashMap::new(),
        );
        let run = |raw: &str, env: Option<&str>, func: &str| {
            let m = MessageParser::default().parse(raw.as_bytes()).unwrap();
            let v = View::new(&m, raw.as_bytes(), env);
            lists.run(func, &["PAYPAL".to_string()], &v)
        };
        let from = "From: PayPal <service@PayPal.com>\r\n\r\nx\r\n";
        assert_eq!(run(from, None, "check_from_in_list"), Some(true));
        let env = "From: a@example.org\r\n\r\nx\r\n";
        assert_eq!(
            run(env, Some("x@mail.paypal.co.uk"), "check_from_in_list"),
            Some(true)
        );
        assert_eq!(
            run(env, Some("x@paypal.co.uk"), "check_from_in_list"),
            Some(false)
        );
        let reply = "From: a@example.org\r\nReply-To: b@paypal.com\r\n\r\nx\r\n";
        assert_eq!(run(reply, None, "check_replyto_in_list"), Some(true));
        assert_eq!(run(reply, None, "check_freemail_from"), None);
    }

    #[test]
    fn link_hosts_in_a_list() {
        let lists = AddrLists::new(
            &HashMap::new(),
            &HashMap::from([(
                "NTLD".to_string(),
                vec!["online".to_string(), "!ok.online".to_string()],
            )]),
        );
        let run = |body: &str| {
            let raw = format!("Subject: x\r\n\r\n{body}\r\n");
            let m = MessageParser::default().parse(raw.as_bytes()).unwrap();
            let v = View::new(&m, raw.as_bytes(), None);
            lists.run("check_uri_host_listed", &["NTLD".to_string()], &v)
        };
        assert_eq!(run("see http://Shop.Example.ONLINE/x"), Some(true));
        assert_eq!(run("see http://www.ok.online/x"), Some(false));
        assert_eq!(run("see http://example.com/online"), Some(false));
    }
}
