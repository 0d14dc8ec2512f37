//! Anti-spam, pure: a spam confidence level (SCL 0-9, or -1 when the sender is allowed)
//! and a bulk complaint level (BCL 0-9) from listed signals, and the action a policy takes.
//!
//! SCL = 1 + the sum of the SCL signals, kept within 1..=9 (a clean message is 1, as in
//! EOP). 5-6 is spam, 7-9 high confidence spam. BCL = the sum of the bulk signals, 0..=9.
//! A MarkAsSpam* switch that is On and matches makes the message high confidence spam
//! (SCL 9); one in Test only lists its signal. Signals, with their scores:
//!
//! | signal | score | when |
//! | --- | --- | --- |
//! | `SPF_FAIL` / `SPF_SOFTFAIL` | +2 / +1 | authentication results (from the sender authentication stage) |
//! | `DKIM_FAIL` | +2 | a DKIM signature that does not verify |
//! | `DMARC_FAIL` | +3 | the From domain fails DMARC |
//! | `SPOOF_ACCEPTED_DOMAIN` | +4, phish | DMARC fails for a From in an accepted domain |
//! | `DNSBL:<zone>` | +3 each | the client is listed (from the connection filter) |
//! | `MISSING_DATE` / `BAD_DATE` / `FUTURE_DATE` | +1 | no Date, an unreadable one, one over a day ahead |
//! | `MISSING_MESSAGE_ID` / `BAD_MESSAGE_ID` | +1 | no Message-ID, or one without `@` |
//! | `FROM_RETURN_PATH_MISMATCH` | +1 | the From domain is not the envelope sender's (nor a parent) |
//! | `URL_IP_LITERAL` | +2 | a link to `http://203.0.113.9/...` |
//! | `LOOKALIKE_DOMAIN:<domain>` | +4, phish | From or a link in a domain one edit (or a homoglyph) away from an accepted domain |
//! | `SPAM_PHRASE` | +1 each, at most +3 | phrases of the built-in list |
//! | `HTML_ONLY` | +1 | HTML with no text alternative |
//! | `HIDDEN_TEXT` | +2 | HTML with display:none, visibility:hidden or font-size:0 text |
//! | `EXTERNAL:<scanner>` | score / 2, rounded, -2..=6 | the external scanner's score (rspamd) |
//! | `BLOCKED_SENDER` | SCL 9 | BlockedSenders / BlockedSenderDomains |
//! | `ALLOWED_SENDER` | SCL -1 | AllowedSenders / AllowedSenderDomains (nothing else is scored) |
//!
//! With a SpamAssassin rule set loaded (`policy::spamrules`), the rules replace the
//! content signals above (the Date, Message-ID, From/envelope, link, phrase, HTML-only
//! and hidden-text ones): every rule that hits is a signal with its SpamAssassin points,
//! and the points' total maps to an SCL; the signals SpamAssassin lacks offline
//! (authentication, DNSBL, lookalikes and spoofing, the external scanner, bulk) add to
//! it as before. Two link signals of the gateway's own are scored in points beside the
//! rules (`links.rs`): `DECEPTIVE_LINK` (+3, a link whose text shows one site and opens
//! another the headers never name) and `LINK_TO_IP` (+1, an HTML link to a bare address).
//!
//! | SpamAssassin points | SCL |
//! | --- | --- |
//! | below 0 | 0 |
//! | 0 to below 1 | 1 |
//! | 1 to below 2 | 2 |
//! | 2 to below 3.5 | 3 |
//! | 3.5 to below 5 | 4 |
//! | 5 to below 7.5 (SpamAssassin's spam line) | 5 |
//! | 7.5 to below 10 | 6 |
//! | 10 to below 15 (high confidence) | 7 |
//! | 15 to below 20 | 8 |
//! | 20 and more | 9 |
//!
//! The learning filter's probability (`Inputs::bayes`) runs the rule set's BAYES_*
//! rules (score set 2); with no rule set it is one signal of its own, in
//! SpamAssassin's bands: BAYES_00 (< 1 %) -2, BAYES_05 -1, BAYES_20 and BAYES_40 0,
//! BAYES_50 +1, BAYES_60 +1, BAYES_80 +2, BAYES_95 +3, BAYES_99 (>= 99 %) +4.
//!
//! Bulk: `LIST_UNSUBSCRIBE` +3, `LIST_UNSUBSCRIBE_POST` +1, `PRECEDENCE_BULK` +3, `LIST_ID`
//! +1, `UNSUBSCRIBE_TEXT` +1, `FEEDBACK_ID` +1.

use std::fmt;

use mail_parser::{Address, Message};
use serde::Serialize;

use super::spamrules::{self, RuleSet};

mod links;
mod signals;
use crate::state::model::{HostedContentFilterPolicy, SpamFilteringAction, SpamFilteringOption};
pub use signals::looks_like;
use signals::{anomalies, bounced_sender, bulk_headers, content};

/// Sender authentication as the scorer reads it; defined beside the checks that make it, so
/// only this module imports the other.
pub use super::auth::AuthFacts;
/// The result of one sender authentication check: the sender authentication stage's own.
pub use super::auth::Outcome as AuthResult;

/// An external scanner's opinion (rspamd's score and its top symbols).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ExternalScore {
    pub scanner: String,
    pub score: f64,
    pub symbols: Vec<String>,
}

/// What the scorer is given besides the message and the policy.
#[derive(Debug, Clone, Default)]
pub struct Inputs<'a> {
    /// The envelope sender; None for the null sender.
    pub sender: Option<&'a str>,
    /// The accepted domains (lower case), for spoofing and lookalikes.
    pub accepted_domains: &'a [String],
    pub auth: Option<AuthFacts>,
    /// The block list zones that list the client.
    pub dnsbl: &'a [String],
    pub external: Option<&'a ExternalScore>,
    /// Now, seconds since the epoch (the relay's clock), for the Date check.
    pub now: Option<i64>,
    /// SpamAssassin's rules, when loaded: they replace the built-in content signals.
    pub rules: Option<&'a RuleSet>,
    /// The learning filter's spam probability, 0..1; None when it is not trained enough
    /// (fewer than 200 spam or 200 ham learned) or has no database.
    pub bayes: Option<f64>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Scale {
    Scl,
    Bcl,
    /// A SpamAssassin rule's points: summed, then mapped to an SCL.
    Rules,
}

/// One reason for the score.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Signal {
    pub name: String,
    pub score: f64,
    pub scale: Scale,
    pub detail: String,
}

impl fmt::Display for Signal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let scale = match self.scale {
            Scale::Scl => "",
            Scale::Bcl => " BCL",
            Scale::Rules => " SA",
        };
        write!(f, "{}({:+}{scale}): {}", self.name, self.score, self.detail)
    }
}

/// The verdict categories, as EOP's CAT field and the quarantine's types name them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Category {
    None,
    Spam,
    HighConfidenceSpam,
    Phish,
    Bulk,
}

impl Category {
    /// EOP's CAT code in the antispam report.
    pub fn code(self) -> &'static str {
        match self {
            Category::None => "NONE",
            Category::Spam => "SPM",
            Category::HighConfidenceSpam => "HSPM",
            Category::Phish => "PHSH",
            Category::Bulk => "BULK",
        }
    }
}

/// The scorer's verdict for one policy.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Verdict {
    pub scl: i8,
    pub bcl: u8,
    pub category: Category,
    /// None: deliver normally.
    pub action: Option<SpamFilteringAction>,
    pub signals: Vec<Signal>,
    /// Why the filter was skipped or forced (SFV): NSPM, SPM, SKA (allowed), SKB (blocked).
    pub sfv: &'static str,
    pub policy: String,
}

struct Score {
    signals: Vec<Signal>,
    /// A rule set scored the message: its points set the base SCL.
    rules: bool,
}

impl Score {
    fn add(&mut self, name: impl Into<String>, score: i32, detail: impl Into<String>) {
        self.signals.push(Signal {
            name: name.into(),
            score: f64::from(score),
            scale: Scale::Scl,
            detail: detail.into(),
        });
    }
    fn bulk(&mut self, name: &str, score: i32, detail: &str) {
        self.signals.push(Signal {
            name: name.into(),
            score: f64::from(score),
            scale: Scale::Bcl,
            detail: detail.into(),
        });
    }
}

fn domain_of(address: &str) -> Option<String> {
    address
        .rsplit_once('@')
        .map(|(_, d)| d.trim_end_matches('>').to_ascii_lowercase())
}

/// The From address of the message (the first).
pub fn from_address(m: &Message) -> Option<String> {
    match m.from()? {
        Address::List(list) => list.first()?.address.as_deref().map(str::to_string),
        Address::Group(groups) => groups
            .first()?
            .addresses
            .first()?
            .address
            .as_deref()
            .map(str::to_string),
    }
}

/// Whether `a` is `b` or under it.
fn same_or_under(a: &str, b: &str) -> bool {
    a == b || a.ends_with(&format!(".{b}")) || b.ends_with(&format!(".{a}"))
}

/// Scores a message under a policy. `message` is None when the bytes are not a message at
/// all (then only the envelope and the external score count, plus `UNPARSEABLE`).
pub fn score(
    message: Option<&Message>,
    policy: &HostedContentFilterPolicy,
    inputs: &Inputs,
) -> Verdict {
    let mut s = Score {
        signals: Vec::new(),
        rules: false,
    };
    let from = message.and_then(from_address);
    let from_domain = from.as_deref().and_then(domain_of);
    let sender_domain = inputs.sender.and_then(domain_of);

    // Allowed and blocked senders decide alone, on the From address or the envelope sender.
    let candidates: Vec<&str> = from
        .iter()
        .map(String::as_str)
        .chain(inputs.sender)
        .collect();
    let listed = |addrs: &[crate::state::values::SmtpAddress],
                  domains: &[crate::state::values::DomainPattern]| {
        candidates.iter().find(|c| {
            addrs.iter().any(|a| a.to_string().eq_ignore_ascii_case(c))
                || domain_of(c).is_some_and(|d| domains.iter().any(|p| p.matches(&d)))
        })
    };
    if let Some(who) = listed(&policy.blocked_senders, &policy.blocked_sender_domains) {
        s.add("BLOCKED_SENDER", 9, format!("{who} is a blocked sender"));
        return finish(s, policy, Some(9), "SKB");
    }
    if let Some(who) = listed(&policy.allowed_senders, &policy.allowed_sender_domains) {
        s.add("ALLOWED_SENDER", 0, format!("{who} is an allowed sender"));
        return finish(s, policy, Some(-1), "SKA");
    }

    let mut forced = false;
    let mut mark =
        |s: &mut Score, option: SpamFilteringOption, name: &str, detail: String| match option {
            SpamFilteringOption::Off => {}
            SpamFilteringOption::On => {
                s.add(name, 9, detail);
                forced = true;
            }
            SpamFilteringOption::Test => s.add(format!("{name}(test)"), 0, detail),
        };

    if let Some(a) = inputs.auth {
        match a.spf {
            AuthResult::Fail => {
                s.add("SPF_FAIL", 2, "SPF hard fail");
                mark(
                    &mut s,
                    policy.mark_as_spam_spf_record_hard_fail,
                    "MARK_SPF_HARD_FAIL",
                    "MarkAsSpamSpfRecordHardFail".into(),
                );
            }
            AuthResult::SoftFail => s.add("SPF_SOFTFAIL", 1, "SPF soft fail"),
            _ => {}
        }
        if a.dkim == AuthResult::Fail {
            s.add("DKIM_FAIL", 2, "DKIM signature does not verify");
        }
        if a.dmarc_policy_spam {
            s.add(
                "DMARC_POLICY",
                5,
                "the From domain's DMARC policy (p=quarantine, or p=reject not honoured) marks it spam",
            );
        }
        if a.dmarc == AuthResult::Fail {
            s.add("DMARC_FAIL", 3, "the From domain fails DMARC");
            if let Some(d) = &from_domain
                && inputs.accepted_domains.iter().any(|a| a == d)
            {
                s.add(
                    "SPOOF_ACCEPTED_DOMAIN",
                    4,
                    format!("From {d} is an accepted domain, unauthenticated"),
                );
            }
            mark(
                &mut s,
                policy.mark_as_spam_from_address_auth_fail,
                "MARK_FROM_AUTH_FAIL",
                "MarkAsSpamFromAddressAuthFail".into(),
            );
        }
    }
    for zone in inputs.dnsbl {
        s.add(format!("DNSBL:{zone}"), 3, "the client is listed");
    }
    if let Some(ext) = inputs.external {
        let folded = ((ext.score / 2.0).round() as i32).clamp(-2, 6);
        s.add(
            format!("EXTERNAL:{}", ext.scanner),
            folded,
            format!("score {:.2} ({})", ext.score, ext.symbols.join(", ")),
        );
    }

    let Some(m) = message else {
        s.add("UNPARSEABLE", 2, "the data is not an RFC 5322 message");
        return finish(s, policy, None, "");
    };
    match inputs.rules {
        Some(rules) => rule_signals(&mut s, rules, m, inputs),
        None => {
            anomalies(&mut s, m, inputs, &from_domain, &sender_domain);
            if let Some(p) = inputs.bayes {
                let (name, points) = bayes_band(p);
                s.add(
                    name,
                    points,
                    format!("the learning filter's spam probability {p:.3}"),
                );
            }
        }
    }
    bulk_headers(&mut s, m);
    let has_text = content(&mut s, m, inputs, &from_domain);

    if policy.mark_as_spam_empty_messages != SpamFilteringOption::Off
        && !has_text
        && m.attachment_count() == 0
        && m.subject().is_none_or(|t| t.trim().is_empty())
    {
        mark(
            &mut s,
            policy.mark_as_spam_empty_messages,
            "MARK_EMPTY_MESSAGE",
            "no subject, body or attachment".into(),
        );
    }
    if inputs.sender.is_none()
        && policy.mark_as_spam_ndr_backscatter != SpamFilteringOption::Off
        && let Some(original) = bounced_sender(m)
        && !domain_of(&original).is_some_and(|d| inputs.accepted_domains.contains(&d))
    {
        mark(
            &mut s,
            policy.mark_as_spam_ndr_backscatter,
            "MARK_NDR_BACKSCATTER",
            format!("a bounce of mail from {original}, not sent by the organisation"),
        );
    }
    finish(s, policy, forced.then_some(9), "")
}

/// SpamAssassin's rules for the message: each hit a signal with its points.
fn rule_signals(s: &mut Score, rules: &RuleSet, m: &Message, inputs: &Inputs) {
    let view =
        spamrules::View::with_registry(m, &m.raw_message, inputs.sender, Some(&rules.registry));
    let ctx = spamrules::Ctx {
        bayes: inputs.bayes,
    };
    s.rules = true;
    for hit in spamrules::check(rules, &view, &ctx) {
        s.signals.push(Signal {
            name: hit.name,
            score: hit.points,
            scale: Scale::Rules,
            detail: hit.describe,
        });
    }
    for found in links::link_signals(&view, &rules.registry) {
        s.signals.push(Signal {
            name: found.name.into(),
            score: found.points,
            scale: Scale::Rules,
            detail: found.detail,
        });
    }
}

/// SpamAssassin's Bayes band for a probability, with its SCL points.
pub fn bayes_band(p: f64) -> (&'static str, i32) {
    const BANDS: &[(f64, &str, i32)] = &[
        (0.01, "BAYES_00", -2),
        (0.05, "BAYES_05", -1),
        (0.20, "BAYES_20", 0),
        (0.40, "BAYES_40", 0),
        (0.60, "BAYES_50", 1),
        (0.80, "BAYES_60", 1),
        (0.95, "BAYES_80", 2),
        (0.99, "BAYES_95", 3),
    ];
    BANDS
        .iter()
        .find(|(hi, _, _)| p < *hi)
        .map_or(("BAYES_99", 4), |&(_, n, pts)| (n, pts))
}

/// SpamAssassin's points as an SCL (the table in the module docs).
pub fn scl_of_points(points: f64) -> i32 {
    const LINES: &[(f64, i32)] = &[
        (0.0, 0),
        (1.0, 1),
        (2.0, 2),
        (3.5, 3),
        (5.0, 4),
        (7.5, 5),
        (10.0, 6),
        (15.0, 7),
        (20.0, 8),
    ];
    LINES
        .iter()
        .find(|(below, _)| points < *below)
        .map_or(9, |&(_, scl)| scl)
}

/// The header anomalies the built-in scorer looks for when no rule set is loaded.
/// Sums the signals and picks the category and the policy's action.
fn finish(
    s: Score,
    policy: &HostedContentFilterPolicy,
    forced: Option<i8>,
    sfv: &'static str,
) -> Verdict {
    let sum = |scale| -> f64 {
        s.signals
            .iter()
            .filter(|g| g.scale == scale)
            .map(|g| g.score)
            .sum()
    };
    let built_in = sum(Scale::Scl).round() as i32;
    let scl = forced.unwrap_or_else(|| {
        if s.rules {
            (scl_of_points(sum(Scale::Rules)) + built_in).clamp(0, 9) as i8
        } else {
            (1 + built_in).clamp(1, 9) as i8
        }
    });
    let bcl = (sum(Scale::Bcl).round() as i32).clamp(0, 9) as u8;
    let phish = s
        .signals
        .iter()
        .any(|g| g.name == "SPOOF_ACCEPTED_DOMAIN" || g.name.starts_with("LOOKALIKE_DOMAIN"));
    let bulk =
        policy.mark_as_spam_bulk_mail == SpamFilteringOption::On && bcl >= policy.bulk_threshold;
    let (category, action) = if scl < 0 {
        (Category::None, None)
    } else if phish && scl >= 5 {
        (Category::Phish, Some(policy.phish_spam_action))
    } else if scl >= 7 {
        (
            Category::HighConfidenceSpam,
            Some(policy.high_confidence_spam_action),
        )
    } else if scl >= 5 {
        (Category::Spam, Some(policy.spam_action))
    } else if bulk {
        (Category::Bulk, Some(policy.bulk_spam_action))
    } else {
        (Category::None, None)
    };
    let sfv = match (sfv, category) {
        ("", Category::None) => "NSPM",
        ("", _) => "SPM",
        (v, _) => v,
    };
    Verdict {
        scl,
        bcl,
        category,
        action,
        signals: s.signals,
        sfv,
        policy: policy.name.clone(),
    }
}

/// The antispam report header (after EOP's `X-Forefront-Antispam-Report`): the client,
/// the verdict fields and every signal with its score.
pub fn report_header(v: &Verdict, client_ip: &str) -> String {
    let signals: Vec<String> = v
        .signals
        .iter()
        .map(|g| {
            // Rule names only: there may be dozens.
            match g.scale {
                Scale::Rules => format!("({})", g.name),
                Scale::Bcl => format!("({}:B{:+})", g.name, g.score),
                Scale::Scl => format!("({}:{:+})", g.name, g.score),
            }
        })
        .collect();
    format!(
        "CIP:{client_ip};SCL:{};BCL:{};SFV:{};CAT:{};PLC:{};SFS:{};DIR:INB;",
        v.scl,
        v.bcl,
        v.sfv,
        v.category.code(),
        v.policy.replace([';', '\r', '\n'], " "),
        signals.join("")
    )
}

#[cfg(test)]
mod tests;
