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

use regex::{Regex, RegexBuilder, RegexSet, RegexSetBuilder};

use super::message::MessageFacts;
use crate::state::State;
use crate::state::model::{Pattern, Predicates, Scope, TransportRule};
use crate::state::values::Fqdn;

/// The compiled regular expressions of every rule, in state order.
#[derive(Debug, Default)]
pub struct CompiledRules {
    rules: Vec<CompiledRule>,
    /// By `Field`: every rule's regex on that text in one set, so each text of a message
    /// is scanned once, not once per rule (a rule's own regex runs only on a hit, to say
    /// what matched).
    sets: [Option<RegexSet>; 3],
}

/// The texts of a message that many rules search.
#[derive(Debug, Clone, Copy)]
enum Field {
    /// The sender's address.
    Sender = 0,
    Subject = 1,
    /// The subject and every text part of the body.
    SubjectOrBody = 2,
}

/// A regex of one rule on one `Field`, and its index in that field's set.
#[derive(Debug)]
struct Text {
    re: Regex,
    field: Field,
    index: usize,
}

#[derive(Debug)]
struct CompiledRule {
    conditions: Compiled,
    exceptions: Compiled,
}

/// One regex per multi-valued text predicate (the values joined as alternatives).
#[derive(Debug, Default)]
struct Compiled {
    from_words: Option<Text>,
    from_patterns: Option<Text>,
    recipient_words: Option<Regex>,
    subject_words: Option<Text>,
    subject_or_body_words: Option<Text>,
    subject_patterns: Option<Text>,
    header_words: Option<Regex>,
    header_patterns: Option<Regex>,
    attachment_patterns: Option<Regex>,
}

/// Why the rules cannot be compiled. Patterns are checked when they are set, so what is
/// left is size: a rule's words and patterns together over the regex engine's limits.
#[derive(Debug, thiserror::Error)]
pub enum CompileError {
    #[error("TransportRule \"{rule}\" cannot be compiled: {source}")]
    Rule {
        rule: String,
        #[source]
        source: regex::Error,
    },
    #[error("the mail flow rules cannot be compiled together: {0}")]
    Together(#[source] regex::Error),
}

impl CompileError {
    /// What to do about it: fewer or simpler words and patterns.
    pub fn fix(&self) -> String {
        match self {
            CompileError::Rule { rule, .. } => format!(
                "make its words and patterns fewer or simpler: `eopctl Set-TransportRule -Identity \"{rule}\"`"
            ),
            CompileError::Together(_) => {
                "split the words and patterns over fewer rules, or make them simpler".into()
            }
        }
    }
}

fn build(source: String) -> Result<Regex, regex::Error> {
    RegexBuilder::new(&source)
        .case_insensitive(true)
        .size_limit(1 << 24)
        .build()
}

/// Words and phrases as one regex: whole words, any case, any run of white space between
/// the words of a phrase.
fn words(list: &[String]) -> Result<Option<Regex>, regex::Error> {
    words_source(list).map(build).transpose()
}

fn words_source(list: &[String]) -> Option<String> {
    if list.is_empty() {
        return None;
    }
    let alternatives: Vec<String> = list
        .iter()
        .map(|w| {
            let w = w.trim();
            let body = w
                .split_whitespace()
                .map(regex::escape)
                .collect::<Vec<_>>()
                .join(r"\s+");
            let word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_');
            let start = if word(w.chars().next()) { r"\b" } else { "" };
            let end = if word(w.chars().last()) { r"\b" } else { "" };
            format!("{start}{body}{end}")
        })
        .collect();
    Some(format!("(?:{})", alternatives.join("|")))
}

fn patterns(list: &[Pattern]) -> Result<Option<Regex>, regex::Error> {
    patterns_source(list).map(build).transpose()
}

fn patterns_source(list: &[Pattern]) -> Option<String> {
    if list.is_empty() {
        return None;
    }
    let alternatives: Vec<String> = list.iter().map(|p| format!("(?:{})", p.as_str())).collect();
    Some(alternatives.join("|"))
}

/// Compiles a regex on `field`, adding its source to that field's set.
fn text(
    source: Option<String>,
    field: Field,
    sets: &mut [Vec<String>; 3],
) -> Result<Option<Text>, regex::Error> {
    source
        .map(|s| {
            let index = sets[field as usize].len();
            sets[field as usize].push(s.clone());
            Ok(Text {
                re: build(s)?,
                field,
                index,
            })
        })
        .transpose()
}

impl Compiled {
    /// Compiles `p`; the sources of its regexes on the message's main texts join `sets`.
    fn new(p: &Predicates, sets: &mut [Vec<String>; 3]) -> Result<Compiled, regex::Error> {
        Ok(Compiled {
            from_words: text(
                words_source(&p.from_address_contains_words),
                Field::Sender,
                sets,
            )?,
            from_patterns: text(
                patterns_source(&p.from_address_matches_patterns),
                Field::Sender,
                sets,
            )?,
            recipient_words: words(&p.recipient_address_contains_words)?,
            subject_words: text(
                words_source(&p.subject_contains_words),
                Field::Subject,
                sets,
            )?,
            subject_or_body_words: text(
                words_source(&p.subject_or_body_contains_words),
                Field::SubjectOrBody,
                sets,
            )?,
            subject_patterns: text(
                patterns_source(&p.subject_matches_patterns),
                Field::Subject,
                sets,
            )?,
            header_words: words(&p.header_contains_words)?,
            header_patterns: patterns(&p.header_matches_patterns)?,
            attachment_patterns: patterns(&p.attachment_name_matches_patterns)?,
        })
    }
}

/// Compiles every rule of the state; an error names the rule.
pub fn compile(state: &State) -> Result<CompiledRules, CompileError> {
    let mut sources: [Vec<String>; 3] = Default::default();
    let rules = state
        .transport_rules
        .iter()
        .map(|r| {
            let named = |source| CompileError::Rule {
                rule: r.name.clone(),
                source,
            };
            Ok(CompiledRule {
                conditions: Compiled::new(&r.conditions, &mut sources).map_err(named)?,
                exceptions: Compiled::new(&r.exceptions, &mut sources).map_err(named)?,
            })
        })
        .collect::<Result<Vec<_>, CompileError>>()?;
    let set = |list: &Vec<String>| -> Result<Option<RegexSet>, CompileError> {
        if list.is_empty() {
            return Ok(None);
        }
        RegexSetBuilder::new(list)
            .case_insensitive(true)
            .size_limit(1 << 26)
            .dfa_size_limit(1 << 24)
            .build()
            .map(Some)
            .map_err(CompileError::Together)
    };
    let sets = [set(&sources[0])?, set(&sources[1])?, set(&sources[2])?];
    Ok(CompiledRules { rules, sets })
}

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
pub(crate) mod tests {
    use std::path::Path;

    use super::*;
    use crate::policy::message::{Envelope, parse};
    use crate::state::store;

    pub fn state(body: &str) -> State {
        store::parse(
            &format!(
                "apiVersion: eopctl/v2\nAcceptedDomains:\n  - {{ Name: contoso.test, DomainName: contoso.test, Default: true }}\n  - {{ Name: sales.contoso.test, DomainName: sales.contoso.test, DomainType: InternalRelay }}\nMailboxes:\n  - {{ Name: Admin, PrimarySmtpAddress: admin@contoso.test }}\n  - {{ Name: Audit, PrimarySmtpAddress: audit@contoso.test }}\n{body}"
            ),
            Path::new("t.yaml"),
        )
        .unwrap_or_else(|e| panic!("{e}"))
    }

    /// A message as the relay would see it; change the fields a case needs.
    #[derive(Clone)]
    pub struct M {
        pub from: &'static str,
        pub subject: &'static str,
        pub headers: &'static str,
        pub body: String,
        pub attachment: bool,
        pub rcpts: Vec<&'static str>,
        pub ip: &'static str,
        pub in_org: bool,
        pub scl: Option<i8>,
    }

    impl Default for M {
        fn default() -> Self {
            M {
                from: "alice@fabrikam.example",
                subject: "hello",
                headers: "",
                body: "nothing to see\r\n".into(),
                attachment: false,
                rcpts: vec!["admin@contoso.test"],
                ip: "203.0.113.9",
                in_org: false,
                scl: None,
            }
        }
    }

    impl M {
        pub fn facts(&self) -> MessageFacts {
            let mut text = format!(
                "From: {}\r\nTo: admin@contoso.test\r\nSubject: {}\r\n{}MIME-Version: 1.0\r\n",
                self.from, self.subject, self.headers
            );
            if self.attachment {
                text.push_str(&format!("Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\n{}\r\n--b\r\nContent-Type: application/octet-stream\r\nContent-Disposition: attachment; filename=\"Setup.EXE\"\r\nContent-Transfer-Encoding: base64\r\n\r\nTVqQAAMAAAAEAAAA//8AALgAAAAAAAAAQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAgAAAAA==\r\n--b--\r\n", self.body));
            } else {
                text.push_str(&format!("Content-Type: text/plain\r\n\r\n{}", self.body));
            }
            let rcpts: Vec<String> = self.rcpts.iter().map(|r| r.to_string()).collect();
            let mut f = parse(
                text.as_bytes(),
                &Envelope {
                    sender: Some(self.from),
                    recipients: &rcpts,
                    client_ip: Some(self.ip.parse().unwrap()),
                    client_in_organization: self.in_org,
                    now: "2026-06-01T00:00:00Z".parse().unwrap(),
                },
            );
            f.scl = self.scl;
            f
        }
    }

    fn matched(s: &State, m: &M) -> bool {
        let compiled = compile(s).unwrap();
        let f = m.facts();
        matches(
            &compiled,
            0,
            &s.transport_rules[0],
            &f,
            &Prepared::new(s, &compiled, &f),
        )
        .matched
    }

    /// Each predicate, as a condition (holds on `hit`, not on `miss`) and as an exception
    /// (the same rule with it under Exceptions matches `miss` only).
    #[test]
    fn every_condition_and_its_exception() {
        let d = M::default();
        let cases: Vec<(&str, M, M)> = vec![
            (
                "From: [Alice@Fabrikam.example]",
                d.clone(),
                M {
                    from: "bob@fabrikam.example",
                    ..d.clone()
                },
            ),
            (
                "FromAddressContainsWords: [fabrikam]",
                d.clone(),
                M {
                    from: "alice@fabrikamx.example",
                    ..d.clone()
                },
            ),
            (
                "FromAddressMatchesPatterns: ['^ALICE@']",
                d.clone(),
                M {
                    from: "bob@fabrikam.example",
                    ..d.clone()
                },
            ),
            (
                "SenderDomainIs: [fabrikam.example]",
                M {
                    from: "a@mail.fabrikam.example",
                    ..d.clone()
                },
                M {
                    from: "a@notfabrikam.example",
                    ..d.clone()
                },
            ),
            (
                "FromScope: InOrganization",
                M {
                    in_org: true,
                    ..d.clone()
                },
                d.clone(),
            ),
            (
                "FromScope: NotInOrganization",
                d.clone(),
                M {
                    in_org: true,
                    ..d.clone()
                },
            ),
            (
                "SentTo: [admin@contoso.test]",
                d.clone(),
                M {
                    rcpts: vec!["other@contoso.test"],
                    ..d.clone()
                },
            ),
            (
                "SentToScope: NotInOrganization",
                M {
                    rcpts: vec!["x@external.example"],
                    ..d.clone()
                },
                d.clone(),
            ),
            (
                "SentToScope: InOrganization",
                d.clone(),
                M {
                    rcpts: vec!["x@external.example"],
                    ..d.clone()
                },
            ),
            (
                "RecipientDomainIs: [sales.contoso.test]",
                M {
                    rcpts: vec!["c@sales.contoso.test"],
                    ..d.clone()
                },
                d.clone(),
            ),
            (
                "RecipientAddressContainsWords: [sales]",
                M {
                    rcpts: vec!["c@sales.contoso.test"],
                    ..d.clone()
                },
                M {
                    rcpts: vec!["c@salesforce.test"],
                    ..d.clone()
                },
            ),
            (
                "SubjectContainsWords: [wire transfer, urgent]",
                M {
                    subject: "Re: WIRE  transfer now",
                    ..d.clone()
                },
                M {
                    subject: "wireless transfers",
                    ..d.clone()
                },
            ),
            (
                "SubjectOrBodyContainsWords: [invoice]",
                M {
                    body: "see the Invoice attached\r\n".into(),
                    ..d.clone()
                },
                M {
                    body: "invoices\r\n".into(),
                    ..d.clone()
                },
            ),
            (
                "SubjectMatchesPatterns: ['^\\[ext\\]']",
                M {
                    subject: "[EXT] hi",
                    ..d.clone()
                },
                M {
                    subject: "hi [EXT]",
                    ..d.clone()
                },
            ),
            (
                "{ HeaderContainsMessageHeader: X-Tag, HeaderContainsWords: [secret] }",
                M {
                    headers: "X-Tag: top Secret\r\n",
                    ..d.clone()
                },
                M {
                    headers: "X-Other: secret\r\n",
                    ..d.clone()
                },
            ),
            (
                "{ HeaderMatchesMessageHeader: x-tag, HeaderMatchesPatterns: ['^s.c'] }",
                M {
                    headers: "X-Tag: secret\r\n",
                    ..d.clone()
                },
                M {
                    headers: "X-Tag: unsecret\r\n",
                    ..d.clone()
                },
            ),
            (
                "AttachmentNameMatchesPatterns: ['\\.exe$']",
                M {
                    attachment: true,
                    ..d.clone()
                },
                d.clone(),
            ),
            (
                "AttachmentExtensionMatchesWords: [.EXE, scr]",
                M {
                    attachment: true,
                    ..d.clone()
                },
                d.clone(),
            ),
            (
                "AttachmentSizeOver: 50B",
                M {
                    attachment: true,
                    ..d.clone()
                },
                d.clone(),
            ),
            (
                "MessageSizeOver: 1KB",
                M {
                    body: "x".repeat(2000),
                    ..d.clone()
                },
                d.clone(),
            ),
            (
                "SenderIpRanges: [192.0.2.0/24]",
                M {
                    ip: "192.0.2.5",
                    ..d.clone()
                },
                d.clone(),
            ),
            (
                "SCLOver: 5",
                M {
                    scl: Some(6),
                    ..d.clone()
                },
                M {
                    scl: Some(4),
                    ..d.clone()
                },
            ),
        ];
        for (predicate, hit, miss) in cases {
            let body = if predicate.starts_with('{') {
                predicate.trim_matches(['{', '}']).trim().to_string()
            } else {
                predicate.to_string()
            };
            let cond = state(&format!(
                "TransportRules:\n  - {{ Name: R, Conditions: {{ {body} }}, Actions: {{ SetSCL: 1 }} }}\n"
            ));
            assert!(matched(&cond, &hit), "condition {predicate} should hold");
            assert!(
                !matched(&cond, &miss),
                "condition {predicate} should not hold"
            );
            let except = state(&format!(
                "TransportRules:\n  - {{ Name: R, Exceptions: {{ {body} }}, Actions: {{ SetSCL: 1 }} }}\n"
            ));
            assert!(
                !matched(&except, &hit),
                "ExceptIf {predicate} should exempt"
            );
            assert!(
                matched(&except, &miss),
                "ExceptIf {predicate} should not exempt"
            );
        }
    }

    /// Recipient conditions select recipients; a recipient exception takes one out.
    #[test]
    fn recipient_conditions_select_recipients() {
        let s = state(
            "TransportRules:\n  - { Name: R, Conditions: { RecipientDomainIs: [contoso.test] }, Exceptions: { SentTo: [audit@contoso.test] }, Actions: { SetSCL: 1 } }\n",
        );
        let m = M {
            rcpts: vec![
                "admin@contoso.test",
                "x@external.example",
                "audit@contoso.test",
                "c@sales.contoso.test",
            ],
            ..M::default()
        };
        let f = m.facts();
        let compiled = compile(&s).unwrap();
        let v = matches(
            &compiled,
            0,
            &s.transport_rules[0],
            &f,
            &Prepared::new(&s, &compiled, &f),
        );
        assert!(v.matched);
        assert_eq!(v.recipients, [0, 3]);
        assert!(
            v.reasons
                .iter()
                .any(|r| r == "ExceptIfSentTo: audit@contoso.test is a SentTo address"),
            "{:?}",
            v.reasons
        );
    }

    #[test]
    fn words_escape_and_patterns_ignore_case() {
        let re = words(&["c++".into(), "a.b".into()]).unwrap().unwrap();
        assert!(re.is_match("we use C++ here"));
        assert!(!re.is_match("axb"));
        assert!(re.is_match("see A.B now"));
    }
}
