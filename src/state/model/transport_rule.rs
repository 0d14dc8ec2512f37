use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::yes;
use crate::state::values::{ByteSize, Fqdn, IpRange, SmtpAddress, ValueError};

/// A mail flow rule (transport rule): conditions and exceptions on a message, and what to
/// do with it when they hold. Rules run in Priority order, 0 first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct TransportRule {
    pub name: String,
    /// 0 runs first. Priorities are 0..n-1 without gaps, kept by the cmdlets as Exchange
    /// keeps them (inserting shifts the rules below down).
    #[serde(default)]
    pub priority: u32,
    #[serde(default = "yes")]
    pub enabled: bool,
    #[serde(default)]
    pub mode: RuleMode,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub activation_date: Option<RuleDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expiry_date: Option<RuleDate>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub comments: String,
    /// All must hold (no condition: every message).
    #[serde(default, skip_serializing_if = "Predicates::is_empty")]
    pub conditions: Predicates,
    /// Any one holding exempts the message (the `ExceptIf*` parameters).
    #[serde(default, skip_serializing_if = "Predicates::is_empty")]
    pub exceptions: Predicates,
    /// What to do when the conditions hold and no exception does.
    #[serde(default)]
    pub actions: Actions,
}

/// Enforce acts; Audit (and AuditAndNotify, which has no one to notify here) only records
/// that the rule would have acted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, clap::ValueEnum)]
#[value(rename_all = "PascalCase")]
pub enum RuleMode {
    #[default]
    Enforce,
    Audit,
    AuditAndNotify,
}

/// InOrganization or NotInOrganization (FromScope, SentToScope).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, clap::ValueEnum)]
#[value(rename_all = "PascalCase")]
pub enum Scope {
    InOrganization,
    NotInOrganization,
}

impl FromStr for Scope {
    type Err = ValueError;
    fn from_str(s: &str) -> Result<Self, ValueError> {
        <Scope as clap::ValueEnum>::from_str(s.trim(), true).map_err(|_| ValueError::Choice {
            text: s.to_string(),
            what: "a scope",
            choices: "InOrganization or NotInOrganization",
        })
    }
}

impl fmt::Display for Scope {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{self:?}")
    }
}

/// A regular expression (Exchange's "patterns"), checked when it is set, matched
/// ignoring case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pattern(String);

impl Pattern {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl FromStr for Pattern {
    type Err = ValueError;
    fn from_str(s: &str) -> Result<Self, ValueError> {
        regex::RegexBuilder::new(s)
            .size_limit(1 << 20)
            .build()
            .map(|_| Pattern(s.to_string()))
            .map_err(|e| ValueError::Pattern {
                text: s.to_string(),
                reason: e.to_string(),
            })
    }
}

impl fmt::Display for Pattern {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A date as Exchange takes it: `2026-12-01`, `2026-12-01 08:00` or RFC 3339; UTC.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct RuleDate(pub DateTime<Utc>);

impl FromStr for RuleDate {
    type Err = ValueError;
    fn from_str(s: &str) -> Result<Self, ValueError> {
        let t = s.trim();
        if let Ok(d) = DateTime::parse_from_rfc3339(t) {
            return Ok(RuleDate(d.with_timezone(&Utc)));
        }
        for f in [
            "%Y-%m-%d %H:%M:%S",
            "%Y-%m-%d %H:%M",
            "%Y-%m-%dT%H:%M:%S",
            "%Y-%m-%dT%H:%M",
        ] {
            if let Ok(d) = NaiveDateTime::parse_from_str(t, f) {
                return Ok(RuleDate(d.and_utc()));
            }
        }
        NaiveDate::parse_from_str(t, "%Y-%m-%d")
            .map(|d| RuleDate(d.and_time(chrono::NaiveTime::MIN).and_utc()))
            .map_err(|_| ValueError::Date(s.to_string()))
    }
}

impl fmt::Display for RuleDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0.format("%Y-%m-%dT%H:%M:%SZ"))
    }
}

macro_rules! text_serde {
    ($($t:ty),*) => {$(
        impl Serialize for $t {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.collect_str(self)
            }
        }
        impl<'de> Deserialize<'de> for $t {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                String::deserialize(d)?.parse().map_err(serde::de::Error::custom)
            }
        }
    )*};
}
text_serde!(Pattern, RuleDate);

/// The predicates of a rule, used twice: as its conditions (all must hold) and as its
/// exceptions (`ExceptIf*`: any one exempts). Exchange's names.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct Predicates {
    /// The sender (From header, else the envelope sender) is one of these addresses.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub from: Vec<SmtpAddress>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub from_address_contains_words: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub from_address_matches_patterns: Vec<Pattern>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sender_domain_is: Vec<Fqdn>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from_scope: Option<Scope>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sent_to: Vec<SmtpAddress>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sent_to_scope: Option<Scope>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub recipient_domain_is: Vec<Fqdn>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub recipient_address_contains_words: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub subject_contains_words: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub subject_or_body_contains_words: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub subject_matches_patterns: Vec<Pattern>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub header_contains_message_header: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub header_contains_words: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub header_matches_message_header: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub header_matches_patterns: Vec<Pattern>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attachment_name_matches_patterns: Vec<Pattern>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attachment_extension_matches_words: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attachment_size_over: Option<ByteSize>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message_size_over: Option<ByteSize>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sender_ip_ranges: Vec<IpRange>,
    #[serde(default, rename = "SCLOver", skip_serializing_if = "Option::is_none")]
    pub scl_over: Option<i8>,
}

impl Predicates {
    pub fn is_empty(&self) -> bool {
        *self == Predicates::default()
    }

    /// `prefix` is "" for conditions and "ExceptIf" for exceptions.
    fn problems(&self, prefix: &str, out: &mut Vec<String>) {
        let pairs = [
            (
                "HeaderContainsMessageHeader",
                self.header_contains_message_header.is_some(),
                "HeaderContainsWords",
                !self.header_contains_words.is_empty(),
            ),
            (
                "HeaderMatchesMessageHeader",
                self.header_matches_message_header.is_some(),
                "HeaderMatchesPatterns",
                !self.header_matches_patterns.is_empty(),
            ),
        ];
        for (a, has_a, b, has_b) in pairs {
            if has_a != has_b {
                out.push(format!(
                    "{prefix}{a} and {prefix}{b} go together: set both (the header to look in and what to look for) or neither"
                ));
            }
        }
        if let Some(n) = self.scl_over
            && !(-1..=9).contains(&n)
        {
            out.push(format!(
                "{prefix}SCLOver is {n}: the spam confidence level runs from -1 to 9"
            ));
        }
        for (name, words) in [
            (
                "FromAddressContainsWords",
                &self.from_address_contains_words,
            ),
            (
                "RecipientAddressContainsWords",
                &self.recipient_address_contains_words,
            ),
            ("SubjectContainsWords", &self.subject_contains_words),
            (
                "SubjectOrBodyContainsWords",
                &self.subject_or_body_contains_words,
            ),
            ("HeaderContainsWords", &self.header_contains_words),
            (
                "AttachmentExtensionMatchesWords",
                &self.attachment_extension_matches_words,
            ),
        ] {
            if words.iter().any(|w| w.trim().is_empty()) {
                out.push(format!(
                    "{prefix}{name} holds an empty word: every word needs at least one character"
                ));
            }
        }
    }
}

/// What a rule does. Several may be set; they apply in this order.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct Actions {
    /// An OutboundConnector with IsTransportRuleScoped $true (conditional routing, "Mail Flow" (Office 365)).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub route_message_outbound_connector: Option<String>,
    #[serde(default, rename = "SetSCL", skip_serializing_if = "Option::is_none")]
    pub set_scl: Option<i8>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub set_header_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub set_header_value: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub remove_header: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prepend_subject: Option<String>,
    /// HTML appended to text/html parts; text/plain parts get its text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub apply_html_disclaimer_text: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub redirect_message_to: Vec<SmtpAddress>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub blind_copy_to: Vec<SmtpAddress>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub add_to_recipients: Vec<SmtpAddress>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reject_message_reason_text: Option<String>,
    /// 5.7.1 (the default) or 5.7.900 to 5.7.999, as Exchange allows.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reject_message_enhanced_status_code: Option<String>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub delete_message: bool,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub quarantine: bool,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub stop_rule_processing: bool,
}

impl Actions {
    /// Whether the rule does anything (StopRuleProcessing alone counts, as in Exchange:
    /// a rule that only shields messages from the rules after it).
    fn any(&self) -> bool {
        *self != Actions::default()
    }
}

/// Whether an enhanced status code is one a rule may reject with.
pub fn valid_reject_code(code: &str) -> bool {
    let parts: Vec<&str> = code.split('.').collect();
    match parts.as_slice() {
        ["5", "7", "1"] => true,
        ["5", "7", n] => n.len() == 3 && n.parse::<u16>().is_ok_and(|n| (900..=999).contains(&n)),
        _ => false,
    }
}

/// Exchange's default RejectMessageEnhancedStatusCode.
pub const DEFAULT_REJECT_CODE: &str = "5.7.1";
/// Exchange's text when only the code is given.
pub const DEFAULT_REJECT_TEXT: &str = "Delivery not authorized, message refused";

impl TransportRule {
    pub fn new(name: String) -> Self {
        TransportRule {
            name,
            priority: 0,
            enabled: true,
            mode: RuleMode::Enforce,
            activation_date: None,
            expiry_date: None,
            comments: String::new(),
            conditions: Predicates::default(),
            exceptions: Predicates::default(),
            actions: Actions::default(),
        }
    }

    /// Whether the rule is in force at `now` (ActivationDate, ExpiryDate).
    pub fn active_at(&self, now: DateTime<Utc>) -> bool {
        self.activation_date.is_none_or(|d| d.0 <= now)
            && self.expiry_date.is_none_or(|d| now < d.0)
    }

    pub fn problems(&self) -> Vec<String> {
        let mut out = Vec::new();
        self.conditions.problems("", &mut out);
        self.exceptions.problems("ExceptIf", &mut out);
        let a = &self.actions;
        if !a.any() {
            out.push("the rule has no action: set one, such as -PrependSubject, -SetSCL, -RejectMessageReasonText, -RouteMessageOutboundConnector or -StopRuleProcessing $true".into());
        }
        if a.set_header_name.is_some() != a.set_header_value.is_some() {
            out.push("SetHeaderName and SetHeaderValue go together: set both or neither".into());
        }
        for (param, name) in [
            ("SetHeaderName", &a.set_header_name),
            ("RemoveHeader", &a.remove_header),
            (
                "HeaderContainsMessageHeader",
                &self.conditions.header_contains_message_header,
            ),
            (
                "HeaderMatchesMessageHeader",
                &self.conditions.header_matches_message_header,
            ),
        ] {
            if let Some(n) = name
                && !valid_header_name(n)
            {
                out.push(format!(
                    "{param} '{n}' is not a header name: printable ASCII without spaces or ':'"
                ));
            }
        }
        if let Some(v) = &a.set_header_value
            && v.contains(['\r', '\n'])
        {
            out.push("SetHeaderValue holds a line break: a header value is one line".into());
        }
        if let Some(p) = &a.prepend_subject
            && p.contains(['\r', '\n'])
        {
            out.push("PrependSubject holds a line break: the prefix is one line".into());
        }
        if let Some(n) = a.set_scl
            && !(-1..=9).contains(&n)
        {
            out.push(format!(
                "SetSCL is {n}: the spam confidence level runs from -1 to 9"
            ));
        }
        if let Some(code) = &a.reject_message_enhanced_status_code
            && !valid_reject_code(code)
        {
            out.push(format!("RejectMessageEnhancedStatusCode {code} is not allowed: use 5.7.1 or a code from 5.7.900 to 5.7.999"));
        }
        if let Some(t) = &a.reject_message_reason_text
            && (t.contains(['\r', '\n']) || !t.is_ascii())
        {
            out.push(
                "RejectMessageReasonText must be one line of ASCII: it is sent in the SMTP reply"
                    .into(),
            );
        }
        if let (Some(from), Some(to)) = (self.activation_date, self.expiry_date)
            && to <= from
        {
            out.push(format!("ExpiryDate {to} is not after ActivationDate {from}: the rule would never be in force"));
        }
        let final_actions = [
            a.reject_message_reason_text.is_some()
                || a.reject_message_enhanced_status_code.is_some(),
            a.delete_message,
            a.quarantine,
            !a.redirect_message_to.is_empty(),
        ];
        if final_actions.iter().filter(|x| **x).count() > 1 {
            out.push("RejectMessage*, DeleteMessage, Quarantine and RedirectMessageTo each decide where the message ends: use one of them per rule".into());
        }
        out
    }
}

/// RFC 5322 field names: printable ASCII except ':' and space.
pub fn valid_header_name(name: &str) -> bool {
    !name.is_empty() && name.bytes().all(|b| (33..=126).contains(&b) && b != b':')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rule_problems() {
        let mut r = TransportRule::new("R".into());
        assert!(r.problems()[0].contains("no action"));
        r.actions.stop_rule_processing = true;
        assert!(r.problems().is_empty());
        r.actions.reject_message_enhanced_status_code = Some("5.7.899".into());
        r.conditions.header_contains_words = vec!["x".into()];
        r.exceptions.scl_over = Some(10);
        let p = r.problems().join("\n");
        assert!(p.contains("5.7.899 is not allowed"), "{p}");
        assert!(
            p.contains("HeaderContainsMessageHeader and HeaderContainsWords go together"),
            "{p}"
        );
        assert!(p.contains("ExceptIfSCLOver is 10"), "{p}");
        assert!(
            valid_reject_code("5.7.1")
                && valid_reject_code("5.7.900")
                && !valid_reject_code("4.7.1")
        );
        assert!("([".parse::<Pattern>().is_err());
        assert_eq!(
            "2026-12-01".parse::<RuleDate>().unwrap().to_string(),
            "2026-12-01T00:00:00Z"
        );
        assert_eq!(
            "2026-12-01 08:30".parse::<RuleDate>().unwrap().to_string(),
            "2026-12-01T08:30:00Z"
        );
    }
}
