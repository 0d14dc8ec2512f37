use serde::{Deserialize, Serialize};

use crate::state::values::{DomainPattern, SmtpAddress};

/// An anti-spam policy ("Protect on-premises mailboxes", step 5): settings only. EOP's
/// Default policy always exists and applies to every recipient no enabled
/// HostedContentFilterRule names; a custom policy applies to whom its rule names.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct HostedContentFilterPolicy {
    pub name: String,
    #[serde(default = "spam")]
    pub spam_action: SpamFilteringAction,
    #[serde(default = "spam")]
    pub high_confidence_spam_action: SpamFilteringAction,
    #[serde(default = "quarantine")]
    pub phish_spam_action: SpamFilteringAction,
    #[serde(default = "spam")]
    pub bulk_spam_action: SpamFilteringAction,
    /// The BCL (1-9) from which a message is bulk.
    #[serde(default = "bulk_threshold")]
    pub bulk_threshold: u8,
    /// The header AddXHeader adds (`X-This-Is-Spam: This message appears to be spam.`).
    #[serde(default = "x_header", rename = "AddXHeaderValue")]
    pub add_x_header_value: String,
    /// The prefix ModifySubject puts before the subject.
    #[serde(default = "subject_prefix")]
    pub modify_subject_value: String,
    /// Where Redirect sends the message instead.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub redirect_to_recipients: Vec<SmtpAddress>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub allowed_senders: Vec<SmtpAddress>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub allowed_sender_domains: Vec<DomainPattern>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub blocked_senders: Vec<SmtpAddress>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub blocked_sender_domains: Vec<DomainPattern>,
    #[serde(default)]
    pub mark_as_spam_empty_messages: SpamFilteringOption,
    #[serde(default)]
    pub mark_as_spam_from_address_auth_fail: SpamFilteringOption,
    #[serde(default)]
    pub mark_as_spam_ndr_backscatter: SpamFilteringOption,
    #[serde(default)]
    pub mark_as_spam_spf_record_hard_fail: SpamFilteringOption,
    #[serde(default = "on")]
    pub mark_as_spam_bulk_mail: SpamFilteringOption,
    /// Days a quarantined message is kept (1-30).
    #[serde(default = "retention")]
    pub quarantine_retention_period: u32,
    /// The quarantine policy of each verdict's quarantine: what its recipients may do
    /// and whether they are notified ("Quarantine policies"; EOP's defaults).
    #[serde(default = "full_access")]
    pub spam_quarantine_tag: String,
    #[serde(default = "full_access")]
    pub high_confidence_spam_quarantine_tag: String,
    #[serde(default = "full_access")]
    pub phish_quarantine_tag: String,
    #[serde(default = "full_access")]
    pub bulk_quarantine_tag: String,
    /// Users never release high confidence phishing themselves, whatever this policy
    /// lets them do: at most they request its release.
    #[serde(default = "admin_only")]
    pub high_confidence_phish_quarantine_tag: String,
    /// An external scanner whose score is folded into the SCL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub spam_scanner: Option<SpamScanner>,
    /// The scanner's base URL, `http://127.0.0.1:11333` for rspamd's normal worker.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub spam_scanner_url: Option<String>,
}

/// What happens to a message of a verdict.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, clap::ValueEnum)]
#[value(rename_all = "PascalCase")]
pub enum SpamFilteringAction {
    /// Junk Email folder: `.Junk` of a hosted mailbox; the SCL header for on-premises.
    MoveToJmf,
    AddXHeader,
    ModifySubject,
    Redirect,
    Delete,
    Quarantine,
}

/// An Advanced Spam Filter switch: Test only records the signal in the report header.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, clap::ValueEnum)]
#[value(rename_all = "PascalCase")]
pub enum SpamFilteringOption {
    #[default]
    Off,
    On,
    Test,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, clap::ValueEnum)]
#[value(rename_all = "PascalCase")]
pub enum SpamScanner {
    Rspamd,
}

fn spam() -> SpamFilteringAction {
    SpamFilteringAction::MoveToJmf
}
fn quarantine() -> SpamFilteringAction {
    SpamFilteringAction::Quarantine
}
fn bulk_threshold() -> u8 {
    7
}
fn x_header() -> String {
    "X-This-Is-Spam: This message appears to be spam.".into()
}
fn subject_prefix() -> String {
    "[SPAM] ".into()
}
fn on() -> SpamFilteringOption {
    SpamFilteringOption::On
}
fn retention() -> u32 {
    15
}
pub(crate) fn full_access() -> String {
    super::quarantine_policy::FULL_ACCESS.into()
}
pub(crate) fn admin_only() -> String {
    super::quarantine_policy::ADMIN_ONLY.into()
}

impl HostedContentFilterPolicy {
    /// A policy with Exchange's defaults.
    pub fn new(name: String) -> Self {
        HostedContentFilterPolicy {
            name,
            spam_action: spam(),
            high_confidence_spam_action: spam(),
            phish_spam_action: quarantine(),
            bulk_spam_action: spam(),
            bulk_threshold: bulk_threshold(),
            add_x_header_value: x_header(),
            modify_subject_value: subject_prefix(),
            redirect_to_recipients: Vec::new(),
            allowed_senders: Vec::new(),
            allowed_sender_domains: Vec::new(),
            blocked_senders: Vec::new(),
            blocked_sender_domains: Vec::new(),
            mark_as_spam_empty_messages: SpamFilteringOption::Off,
            mark_as_spam_from_address_auth_fail: SpamFilteringOption::Off,
            mark_as_spam_ndr_backscatter: SpamFilteringOption::Off,
            mark_as_spam_spf_record_hard_fail: SpamFilteringOption::Off,
            mark_as_spam_bulk_mail: on(),
            quarantine_retention_period: retention(),
            spam_quarantine_tag: full_access(),
            high_confidence_spam_quarantine_tag: full_access(),
            phish_quarantine_tag: full_access(),
            bulk_quarantine_tag: full_access(),
            high_confidence_phish_quarantine_tag: admin_only(),
            spam_scanner: None,
            spam_scanner_url: None,
        }
    }

    /// Each quarantine tag with its parameter's name (state validation checks they name
    /// quarantine policies).
    pub fn quarantine_tags(&self) -> [(&'static str, &str); 5] {
        [
            ("SpamQuarantineTag", &self.spam_quarantine_tag),
            (
                "HighConfidenceSpamQuarantineTag",
                &self.high_confidence_spam_quarantine_tag,
            ),
            ("PhishQuarantineTag", &self.phish_quarantine_tag),
            ("BulkQuarantineTag", &self.bulk_quarantine_tag),
            (
                "HighConfidencePhishQuarantineTag",
                &self.high_confidence_phish_quarantine_tag,
            ),
        ]
    }

    pub fn problems(&self) -> Vec<String> {
        let mut out = Vec::new();
        if !(1..=9).contains(&self.bulk_threshold) {
            out.push(format!(
                "BulkThreshold {} is out of range: use 1 (strictest) to 9",
                self.bulk_threshold
            ));
        }
        if !(1..=30).contains(&self.quarantine_retention_period) {
            out.push(format!(
                "QuarantineRetentionPeriod {} is out of range: use 1 to 30 days",
                self.quarantine_retention_period
            ));
        }
        let actions = [
            self.spam_action,
            self.high_confidence_spam_action,
            self.phish_spam_action,
            self.bulk_spam_action,
        ];
        if actions.contains(&SpamFilteringAction::Redirect)
            && self.redirect_to_recipients.is_empty()
        {
            out.push(
                "an action is Redirect but RedirectToRecipients is empty: name where the mail goes"
                    .into(),
            );
        }
        if actions.contains(&SpamFilteringAction::AddXHeader)
            && header_line(&self.add_x_header_value).is_none()
        {
            out.push(format!(
                "AddXHeaderValue '{}' is not a header: write it as 'X-Name: value'",
                self.add_x_header_value
            ));
        }
        match (self.spam_scanner, &self.spam_scanner_url) {
            (Some(_), None) => out.push(
                "SpamScanner is set but SpamScannerUrl is empty: give the scanner's URL, such as http://127.0.0.1:11333".into(),
            ),
            (_, Some(url)) if !url.starts_with("http://") => out.push(format!(
                "SpamScannerUrl '{url}' is not an http:// URL: rspamd is asked over plain HTTP, such as http://127.0.0.1:11333"
            )),
            _ => {}
        }
        out
    }
}

/// `X-Name: value` as (name, value), if it is a well-formed header line.
pub fn header_line(text: &str) -> Option<(&str, &str)> {
    let (name, value) = text.split_once(':')?;
    let name = name.trim();
    let ok = !name.is_empty()
        && name.bytes().all(|b| b.is_ascii_graphic() && b != b':')
        && !value.contains(['\r', '\n']);
    ok.then_some((name, value.trim()))
}

/// A filter policy: the Default one is the catch-all and keeps its name.
pub trait FilterPolicy {
    /// Whom it applies to: `recipients` or `senders`.
    const WHOM: &'static str;
    fn is_default(&self) -> bool;
}

macro_rules! filter_policy {
    ($($t:ty: $whom:literal),*) => {$(
        impl FilterPolicy for $t {
            const WHOM: &'static str = $whom;
            fn is_default(&self) -> bool {
                self.name.eq_ignore_ascii_case("Default")
            }
        }
    )*};
}

filter_policy!(
    HostedContentFilterPolicy: "recipients",
    super::MalwareFilterPolicy: "recipients",
    super::HostedOutboundSpamFilterPolicy: "senders"
);

/// The policies as the file holds them: Default is always there (first), whether the file
/// names it or not.
pub fn with_default<T: FilterPolicy>(mut all: Vec<T>, make: impl FnOnce() -> T) -> Vec<T> {
    if !all.iter().any(|p| p.is_default()) {
        all.insert(0, make());
    }
    all
}
