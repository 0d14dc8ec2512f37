//! Mail flow rules (TransportRule): whether a rule's conditions hold for a message, which
//! recipients they hold for, and why, in words for `Test-MessageRoute` and the log.
//!
//! Matching as Exchange matches: words and phrases ignore case and match whole words
//! (`wire` matches "Wire transfer", not "wireless"); patterns are regular expressions,
//! ignoring case. Sender conditions read the From header (Exchange Online's default
//! SenderAddressLocation), the envelope sender when there is none.
//!
//! Recipient conditions (SentTo, SentToScope, RecipientDomainIs,
//! RecipientAddressContainsWords) hold for some recipients: the rule matches when at least
//! one recipient satisfies all of them and none of the recipient exceptions, and its
//! routing and redirection act on those recipients only (Exchange splits the message the
//! same way).
//!
//! Regular expressions are compiled once per state revision (`compile`, kept by the relay
//! beside its snapshot), never per message: with 1,000 rules, compiling per message would
//! cost more than the whole SMTP conversation.

use regex::Regex;

use super::message::MessageFacts;
use crate::state::State;
use crate::state::model::{Predicates, Scope, TransportRule};
use crate::state::values::Fqdn;

mod compile;

pub use compile::{CompileError, CompiledRules, compile};
use compile::{Compiled, Text};

/// What one predicate found.
enum Found {
    /// About the whole message: `Some(why)` when it holds.
    Message(Option<String>),
    /// Per recipient (in `facts.recipients` order), with a description of the predicate.
    Recipients(Vec<bool>, String),
}

/// What is worked out once per message for all rules: the recipients, and which body
/// words occur in the body.
pub struct Prepared {
    /// Lower-case address of each recipient.
    pub keys: Vec<String>,
    /// Whether each is in the organisation (an accepted domain, a mailbox or mail user).
    pub internal: Vec<bool>,
    /// By `Field`, then by index in its set: whether that regex matches the text.
    hits: [Vec<bool>; 3],
}

impl Prepared {
    pub fn new(state: &State, compiled: &CompiledRules, facts: &MessageFacts) -> Prepared {
        let keys: Vec<String> = facts
            .recipients
            .iter()
            .map(|r| r.trim_matches(['<', '>']).to_ascii_lowercase())
            .collect();
        let internal = keys
            .iter()
            .map(|k| state.accepted_domain(domain_of(k)).is_some())
            .collect();
        let sender = facts.sender_address().unwrap_or("");
        let texts: [Vec<&str>; 3] = [
            vec![sender],
            vec![&facts.subject],
            std::iter::once(facts.subject.as_str())
                .chain(facts.body.iter().map(String::as_str))
                .collect(),
        ];
        let hits = std::array::from_fn(|f| {
            let Some(set) = &compiled.sets[f] else {
                return Vec::new();
            };
            let mut hits = vec![false; set.len()];
            for t in &texts[f] {
                for i in set.matches(t).iter() {
                    hits[i] = true;
                }
            }
            hits
        });
        Prepared {
            keys,
            internal,
            hits,
        }
    }
}

fn domain_of(address: &str) -> &str {
    address.rsplit_once('@').map_or("", |(_, d)| d)
}

/// `domain` is `d` or under it (SenderDomainIs, RecipientDomainIs).
fn in_domain(domain: &str, list: &[Fqdn]) -> Option<String> {
    list.iter()
        .find(|d| {
            let d = d.as_str();
            domain.len() >= d.len()
                && domain.is_char_boundary(domain.len() - d.len())
                && domain[domain.len() - d.len()..].eq_ignore_ascii_case(d)
                && (domain.len() == d.len()
                    || domain.as_bytes()[domain.len() - d.len() - 1] == b'.')
        })
        .map(|d| d.to_string())
}

fn first_match(re: &Regex, text: &str) -> Option<String> {
    re.find(text).map(|m| m.as_str().to_string())
}

impl Prepared {
    /// What `t` matched in `text`, when its set says it matches the message at all.
    fn found(&self, t: &Text, text: &str) -> Option<String> {
        if self.hits[t.field as usize][t.index] {
            first_match(&t.re, text)
        } else {
            None
        }
    }
}

/// Every predicate of `p` that is set, with what it found.
fn evaluate(
    p: &Predicates,
    c: &Compiled,
    facts: &MessageFacts,
    rcpts: &Prepared,
) -> Vec<(&'static str, Found)> {
    let mut out: Vec<(&'static str, Found)> = Vec::new();
    let sender = facts.sender_address().unwrap_or("");
    let mut message = |name, found: Option<String>| out.push((name, Found::Message(found)));
    if !p.from.is_empty() {
        message(
            "From",
            p.from
                .iter()
                .find(|a| a.key() == sender)
                .map(|a| format!("the sender is {a}")),
        );
    }
    if let Some(t) = &c.from_words {
        message(
            "FromAddressContainsWords",
            rcpts
                .found(t, sender)
                .map(|w| format!("'{w}' in the sender {sender}")),
        );
    }
    if let Some(t) = &c.from_patterns {
        message(
            "FromAddressMatchesPatterns",
            rcpts
                .found(t, sender)
                .map(|w| format!("'{w}' of the sender {sender} matches")),
        );
    }
    if !p.sender_domain_is.is_empty() {
        message(
            "SenderDomainIs",
            in_domain(domain_of(sender), &p.sender_domain_is)
                .map(|d| format!("the sender {sender} is in {d}")),
        );
    }
    if let Some(scope) = p.from_scope {
        let inside = facts.client_in_organization;
        message(
            "FromScope",
            ((scope == Scope::InOrganization) == inside).then(|| {
                format!(
                    "the client is {}in the organisation",
                    if inside { "" } else { "not " }
                )
            }),
        );
    }
    if let Some(t) = &c.subject_words {
        message(
            "SubjectContainsWords",
            rcpts
                .found(t, &facts.subject)
                .map(|w| format!("'{w}' in the subject")),
        );
    }
    if let Some(t) = &c.subject_or_body_words {
        let found = rcpts
            .found(t, &facts.subject)
            .map(|w| format!("'{w}' in the subject"))
            .or_else(|| {
                facts
                    .body
                    .iter()
                    .find_map(|b| rcpts.found(t, b))
                    .map(|w| format!("'{w}' in the body"))
            });
        message("SubjectOrBodyContainsWords", found);
    }
    if let Some(t) = &c.subject_patterns {
        message(
            "SubjectMatchesPatterns",
            rcpts
                .found(t, &facts.subject)
                .map(|w| format!("'{w}' of the subject matches")),
        );
    }
    if let (Some(name), Some(re)) = (&p.header_contains_message_header, &c.header_words) {
        message(
            "HeaderContainsWords",
            facts
                .header_values(name)
                .find_map(|v| first_match(re, v))
                .map(|w| format!("'{w}' in the {name} header")),
        );
    }
    if let (Some(name), Some(re)) = (&p.header_matches_message_header, &c.header_patterns) {
        message(
            "HeaderMatchesPatterns",
            facts
                .header_values(name)
                .find_map(|v| first_match(re, v))
                .map(|w| format!("'{w}' of the {name} header matches")),
        );
    }
    if let Some(re) = &c.attachment_patterns {
        message(
            "AttachmentNameMatchesPatterns",
            facts
                .attachments
                .iter()
                .find(|a| re.is_match(&a.name))
                .map(|a| format!("attachment '{}' matches", a.name)),
        );
    }
    if !p.attachment_extension_matches_words.is_empty() {
        message(
            "AttachmentExtensionMatchesWords",
            facts
                .attachments
                .iter()
                .find(|a| {
                    p.attachment_extension_matches_words.iter().any(|w| {
                        w.trim()
                            .trim_start_matches('.')
                            .eq_ignore_ascii_case(&a.extension)
                    })
                })
                .map(|a| format!("attachment '{}' has extension {}", a.name, a.extension)),
        );
    }
    if let Some(limit) = p.attachment_size_over.and_then(|s| s.limit()) {
        message(
            "AttachmentSizeOver",
            facts
                .attachments
                .iter()
                .find(|a| a.size > limit)
                .map(|a| format!("attachment '{}' is {} bytes, over {limit}", a.name, a.size)),
        );
    }
    if let Some(limit) = p.message_size_over.and_then(|s| s.limit()) {
        message(
            "MessageSizeOver",
            (facts.size > limit)
                .then(|| format!("the message is {} bytes, over {limit}", facts.size)),
        );
    }
    if !p.sender_ip_ranges.is_empty() {
        message(
            "SenderIpRanges",
            facts.client_ip.and_then(|ip| {
                p.sender_ip_ranges
                    .iter()
                    .find(|r| r.contains(ip))
                    .map(|r| format!("the client {ip} is in {r}"))
            }),
        );
    }
    if let Some(n) = p.scl_over {
        message(
            "SCLOver",
            facts
                .scl
                .filter(|scl| *scl >= n)
                .map(|scl| format!("SCL {scl} is at least {n}")),
        );
    }
    let mut recipients = |name, hits: Vec<bool>, what: String| {
        out.push((name, Found::Recipients(hits, what)));
    };
    if !p.sent_to.is_empty() {
        let hits = rcpts
            .keys
            .iter()
            .map(|k| p.sent_to.iter().any(|a| a.key() == *k))
            .collect();
        recipients("SentTo", hits, "is a SentTo address".into());
    }
    if let Some(scope) = p.sent_to_scope {
        let hits = rcpts
            .internal
            .iter()
            .map(|i| *i == (scope == Scope::InOrganization))
            .collect();
        recipients("SentToScope", hits, format!("is {scope}"));
    }
    if !p.recipient_domain_is.is_empty() {
        let hits = rcpts
            .keys
            .iter()
            .map(|k| in_domain(domain_of(k), &p.recipient_domain_is).is_some())
            .collect();
        recipients(
            "RecipientDomainIs",
            hits,
            "is in a RecipientDomainIs domain".into(),
        );
    }
    if let Some(re) = &c.recipient_words {
        let hits = rcpts.keys.iter().map(|k| re.is_match(k)).collect();
        recipients(
            "RecipientAddressContainsWords",
            hits,
            "contains one of the RecipientAddressContainsWords".into(),
        );
    }
    out
}

/// Whether a rule matches, for which recipients, and why.
#[derive(Debug, Clone, PartialEq)]
pub struct Verdict {
    pub matched: bool,
    /// Indices into `facts.recipients` the rule acts on (all of them when it has no
    /// recipient condition).
    pub recipients: Vec<usize>,
    pub reasons: Vec<String>,
}

/// Evaluates rule number `index` of the state against a message.
pub fn matches(
    rules: &CompiledRules,
    index: usize,
    rule: &TransportRule,
    facts: &MessageFacts,
    rcpts: &Prepared,
) -> Verdict {
    let compiled = &rules.rules[index];
    let n = rcpts.keys.len();
    let mut chosen = vec![true; n];
    let mut reasons = Vec::new();
    let mut matched = true;
    let conditions = evaluate(&rule.conditions, &compiled.conditions, facts, rcpts);
    if conditions.is_empty() {
        reasons.push("no conditions: applies to every message".into());
    }
    for (name, found) in conditions {
        match found {
            Found::Message(Some(why)) => reasons.push(format!("{name}: {why}")),
            Found::Message(None) => {
                matched = false;
                reasons.push(format!("{name}: no match"));
            }
            Found::Recipients(hits, what) => {
                let names: Vec<&str> = hits
                    .iter()
                    .zip(&rcpts.keys)
                    .filter(|(h, _)| **h)
                    .map(|(_, k)| k.as_str())
                    .collect();
                if names.is_empty() {
                    matched = false;
                    reasons.push(format!("{name}: no recipient {what}"));
                } else {
                    reasons.push(format!("{name}: {} {what}", names.join(", ")));
                }
                for (c, h) in chosen.iter_mut().zip(hits) {
                    *c &= h;
                }
            }
        }
    }
    if matched && !chosen.iter().any(|c| *c) {
        matched = false;
        reasons.push("no recipient satisfies all the recipient conditions".into());
    }
    if matched {
        for (name, found) in evaluate(&rule.exceptions, &compiled.exceptions, facts, rcpts) {
            match found {
                Found::Message(Some(why)) => {
                    matched = false;
                    reasons.push(format!("ExceptIf{name}: {why}"));
                }
                Found::Message(None) => {}
                Found::Recipients(hits, what) => {
                    for ((c, h), k) in chosen.iter_mut().zip(hits).zip(&rcpts.keys) {
                        if *c && h {
                            *c = false;
                            reasons.push(format!("ExceptIf{name}: {k} {what}"));
                        }
                    }
                }
            }
        }
        if matched && !chosen.iter().any(|c| *c) {
            matched = false;
            reasons.push("every recipient is excepted".into());
        }
    }
    Verdict {
        matched,
        recipients: (0..n).filter(|i| chosen[*i]).collect(),
        reasons,
    }
}

#[cfg(test)]
pub(crate) mod tests;
