//! The protection stage, pure: for each recipient, its anti-malware and anti-spam policy,
//! their verdicts, and what happens to its copy of the message. The relay gathers the
//! facts that need I/O (the external scanners' answers, authentication, block lists) and
//! applies the outcome; Test-MessageRoute prints it.
//!
//! Malware runs first. A Reject verdict for any recipient refuses the whole message at the
//! end of DATA (one reply covers every recipient); otherwise each recipient's policies
//! decide its copy. Mail from the relay itself and from on-premises connectors is not spam
//! filtered (as EOP trusts the organisation's own servers); it is still malware filtered.

use std::collections::HashMap;
use std::net::IpAddr;

use mail_parser::Message;
use serde::{Deserialize, Serialize};

use super::Blame;
use super::antispam::{self, AuthFacts, Category, ExternalScore, Inputs};
use super::filter_scope;
use super::malware::{self, Finding, Limits, Reason};
use crate::state::State;
use crate::state::model::{MalwareAction, SpamFilteringAction, content_filter::header_line};

/// Why a message is in quarantine (Get-QuarantineMessage -QuarantineTypes).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, clap::ValueEnum)]
#[value(rename_all = "PascalCase")]
pub enum QuarantineType {
    Spam,
    HighConfidenceSpam,
    Phish,
    /// A blocked URL or sender of the Tenant Allow/Block List.
    HighConfidencePhish,
    Bulk,
    Malware,
    TransportRule,
}

impl QuarantineType {
    fn of(c: Category) -> QuarantineType {
        match c {
            Category::HighConfidenceSpam => QuarantineType::HighConfidenceSpam,
            Category::Phish => QuarantineType::Phish,
            Category::Bulk => QuarantineType::Bulk,
            Category::Spam | Category::None => QuarantineType::Spam,
        }
    }
}

/// The facts gathered by the relay (or given to Test-MessageRoute).
#[derive(Debug, Clone, Default)]
pub struct Facts<'a> {
    pub sender: Option<&'a str>,
    pub recipients: &'a [String],
    pub client_ip: Option<IpAddr>,
    /// Mail from the relay itself or an on-premises connector: not spam filtered.
    pub trusted: bool,
    pub auth: Option<AuthFacts>,
    pub dnsbl: &'a [String],
    pub external: Option<&'a ExternalScore>,
    /// clamd's signature name, when it found one.
    pub signature: Option<&'a str>,
    pub now: Option<i64>,
    /// A filter not to run again (a message released from its quarantine).
    pub skip: Option<QuarantineType>,
    /// SpamAssassin's rules, when loaded.
    pub spam_rules: Option<&'a crate::policy::spamrules::RuleSet>,
    /// The learning filter's spam probability (see `antispam::Inputs::bayes`).
    pub bayes: Option<f64>,
    /// The Tenant Allow/Block List's live entries (judged at `now`).
    pub tabl: Option<&'a super::tabl::Lists>,
}

/// What happens to one recipient's copy.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub enum Action {
    Deliver,
    /// Into the Junk Email folder (hosted mailboxes); headers only for remote ones.
    Junk,
    Quarantine(QuarantineType),
    Delete,
    /// To these recipients instead.
    Redirect(Vec<String>),
}

/// One recipient's outcome: the action, the headers to add, the subject prefix.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct Copy {
    pub action: Action,
    pub headers: Vec<(String, String)>,
    pub subject_prefix: Option<String>,
    /// The verdict's words for the trace and the quarantine.
    pub reasons: Vec<String>,
    /// The anti-malware and anti-spam policies that judged this copy, each with the rule
    /// that applied it.
    pub policies: Vec<Blame>,
}

/// An anti-spam verdict and the rule and policy it was scored under.
#[derive(Debug, Clone, Serialize)]
pub struct Scored {
    pub by: Blame,
    pub verdict: antispam::Verdict,
}

#[derive(Debug, Clone, Serialize)]
pub struct Outcome {
    /// Malware or a blocked file type refused at the end of DATA.
    pub reject: Option<Finding>,
    pub malware: Vec<(String, Vec<Finding>)>,
    /// The anti-spam verdict of each rule and policy that applied.
    pub spam: Vec<Scored>,
    /// What the Tenant Allow/Block List decided about the message.
    pub tabl: super::tabl::ContentVerdict,
    /// Per recipient, in order.
    pub copies: Vec<(String, Copy)>,
}

/// The headers the relay stamps and so removes from arriving mail first (a sender must not
/// pick its own SCL).
pub const STAMPED: &[&str] = &[
    "X-MS-Exchange-Organization-SCL",
    "X-Forefront-Antispam-Report",
    "X-Microsoft-Antispam",
];

pub fn evaluate(state: &State, raw: &[u8], message: Option<&Message>, facts: &Facts) -> Outcome {
    let accepted: Vec<String> = state
        .accepted_domains
        .iter()
        .map(|d| d.domain_name.as_str().to_ascii_lowercase())
        .collect();
    let inputs = Inputs {
        sender: facts.sender,
        accepted_domains: &accepted,
        auth: facts.auth,
        dnsbl: facts.dnsbl,
        external: facts.external,
        now: facts.now,
        rules: facts.spam_rules,
        bayes: facts.bayes,
    };
    let mut malware_by_policy: HashMap<String, Vec<Finding>> = HashMap::new();
    let mut spam_by_policy: HashMap<Blame, antispam::Verdict> = HashMap::new();
    // The list's verdicts, but not the one a release skips (it was quarantined for it).
    let mut tabl = facts.tabl.map_or_else(Default::default, |l| {
        super::tabl::content(l, facts.sender, message, facts.now.unwrap_or_default())
    });
    if facts.skip == Some(QuarantineType::Malware) {
        tabl.malware = None;
    }
    if facts.skip == Some(QuarantineType::HighConfidencePhish) {
        tabl.phish = None;
    }
    let mut out = Outcome {
        reject: None,
        malware: Vec::new(),
        spam: Vec::new(),
        tabl: tabl.clone(),
        copies: Vec::new(),
    };
    let client_ip = facts.client_ip.map(|ip| ip.to_string()).unwrap_or_default();
    let from = message.and_then(antispam::from_address);
    for rcpt in facts.recipients {
        let mut copy = Copy {
            action: Action::Deliver,
            headers: Vec::new(),
            subject_prefix: None,
            reasons: Vec::new(),
            policies: Vec::new(),
        };
        if facts.skip != Some(QuarantineType::Malware)
            && let Some(applied) = filter_scope::malware_filter(state, rcpt)
        {
            let p = applied.policy;
            let by = applied.blame.object.clone();
            copy.policies.push(applied.blame);
            let findings = malware_by_policy.entry(p.name.clone()).or_insert_with(|| {
                let types = p.enable_file_filter.then_some(p.file_types.as_slice());
                let mut f = malware::scan(raw, message, types, Limits::default());
                // An allowed file passes the file type filter; malware in it is still caught.
                // (A finding names its part `part 2 "name"`.)
                f.retain(|f| {
                    f.reason.is_malware()
                        || !tabl
                            .allowed_files
                            .iter()
                            .any(|n| !n.is_empty() && f.part.ends_with(&format!("\"{n}\"")))
                });
                if let Some(sig) = facts.signature {
                    f.insert(
                        0,
                        Finding {
                            part: "message".into(),
                            reason: Reason::Signature(sig.to_string()),
                        },
                    );
                }
                out.malware.push((p.name.clone(), f.clone()));
                f
            });
            if let Some(first) = findings.first() {
                let action = if first.reason.is_malware() {
                    p.action
                } else {
                    p.file_type_action
                };
                copy.reasons = vec![format!("{by}: {first}")];
                match action {
                    MalwareAction::Reject => {
                        out.reject.get_or_insert_with(|| first.clone());
                    }
                    MalwareAction::Quarantine => {
                        copy.action = Action::Quarantine(QuarantineType::Malware);
                    }
                }
                out.copies.push((rcpt.clone(), copy));
                continue;
            }
        }
        // The list's blocks: malware first (an allowed sender never skips it), then phish.
        let blocked = [
            (QuarantineType::Malware, &tabl.malware),
            (QuarantineType::HighConfidencePhish, &tabl.phish),
        ];
        if let Some((t, Some(why))) = blocked.into_iter().find(|(_, w)| w.is_some()) {
            copy.action = Action::Quarantine(t);
            copy.reasons = vec![why.to_string()];
            out.copies.push((rcpt.clone(), copy));
            continue;
        }
        // A sender the recipient blocked for themselves: to their Junk Email folder, as
        // Outlook's Blocked Senders list does.
        let senders = from.iter().map(String::as_str).chain(facts.sender);
        if let Some(b) = facts.tabl.and_then(|l| l.blocked_for(rcpt, senders)) {
            copy.action = Action::Junk;
            copy.reasons = vec![b.blame().to_string()];
            out.copies.push((rcpt.clone(), copy));
            continue;
        }
        if let Some(why) = &tabl.allowed {
            copy.reasons = vec![why.to_string()];
        }
        let spam_filtered = !facts.trusted
            && tabl.allowed.is_none()
            && !matches!(
                facts.skip,
                Some(
                    QuarantineType::Spam
                        | QuarantineType::HighConfidenceSpam
                        | QuarantineType::Phish
                        | QuarantineType::HighConfidencePhish
                        | QuarantineType::Bulk
                )
            );
        if spam_filtered && let Some(applied) = filter_scope::content_filter(state, rcpt) {
            let p = applied.policy;
            copy.policies.push(applied.blame.clone());
            // Scored once per rule and policy: the verdict depends on the policy only, but
            // the trace names the rule that chose it.
            let v = spam_by_policy
                .entry(applied.blame)
                .or_insert_with_key(|by| {
                    let v = antispam::score(message, p, &inputs);
                    out.spam.push(Scored {
                        by: by.clone(),
                        verdict: v.clone(),
                    });
                    v
                });
            copy.headers = vec![
                (STAMPED[0].into(), v.scl.to_string()),
                (STAMPED[1].into(), antispam::report_header(v, &client_ip)),
                (STAMPED[2].into(), format!("BCL:{};", v.bcl)),
            ];
            copy.reasons = v.signals.iter().map(ToString::to_string).collect();
            copy.action = match v.action {
                None => Action::Deliver,
                Some(SpamFilteringAction::MoveToJmf) => Action::Junk,
                Some(SpamFilteringAction::AddXHeader) => {
                    if let Some((name, value)) = header_line(&p.add_x_header_value) {
                        copy.headers.push((name.into(), value.into()));
                    }
                    Action::Deliver
                }
                Some(SpamFilteringAction::ModifySubject) => {
                    copy.subject_prefix = Some(p.modify_subject_value.clone());
                    Action::Deliver
                }
                Some(SpamFilteringAction::Redirect) => Action::Redirect(
                    p.redirect_to_recipients
                        .iter()
                        .map(ToString::to_string)
                        .collect(),
                ),
                Some(SpamFilteringAction::Delete) => Action::Delete,
                Some(SpamFilteringAction::Quarantine) => {
                    Action::Quarantine(QuarantineType::of(v.category))
                }
            };
        }
        out.copies.push((rcpt.clone(), copy));
    }
    out
}

/// The message as one group of recipients gets it: arriving copies of the stamped headers
/// removed, the new headers on top, the subject prefixed.
pub fn rewrite(raw: &[u8], copy: &Copy) -> Vec<u8> {
    if copy.headers.is_empty() && copy.subject_prefix.is_none() {
        return raw.to_vec();
    }
    let mut out = Vec::with_capacity(raw.len() + 512);
    let end = header_end(raw);
    // The relay's own Received header stays on top; the stamped headers follow it, as
    // Postfix places headers its milters add.
    let mut at = 0;
    if starts_with_header(raw, "Received") {
        at = field_end(raw, end);
        out.extend_from_slice(&raw[..at]);
    }
    for (name, value) in &copy.headers {
        out.extend_from_slice(format!("{name}: {value}\r\n").as_bytes());
    }
    let mut skipping = false;
    let mut subject_done = false;
    while at < end {
        let line_end = raw[at..end]
            .iter()
            .position(|b| *b == b'\n')
            .map(|i| at + i + 1)
            .unwrap_or(end);
        let line = &raw[at..line_end];
        let folded = line.first().is_some_and(|b| *b == b' ' || *b == b'\t');
        if !folded {
            skipping = STAMPED.iter().any(|h| starts_with_header(line, h));
        }
        if !skipping {
            match &copy.subject_prefix {
                Some(prefix) if !folded && !subject_done && starts_with_header(line, "Subject") => {
                    out.extend_from_slice(b"Subject: ");
                    out.extend_from_slice(prefix.as_bytes());
                    out.extend_from_slice(line[8..].trim_ascii_start());
                    subject_done = true;
                }
                _ => out.extend_from_slice(line),
            }
        }
        at = line_end;
    }
    if let (Some(prefix), false) = (&copy.subject_prefix, subject_done) {
        out.extend_from_slice(format!("Subject: {}\r\n", prefix.trim_end()).as_bytes());
    }
    out.extend_from_slice(&raw[end..]);
    out
}

/// The end of the first header field (with its folded lines).
fn field_end(raw: &[u8], end: usize) -> usize {
    let mut at = 0;
    while at < end {
        let next = raw[at..end]
            .iter()
            .position(|b| *b == b'\n')
            .map(|i| at + i + 1)
            .unwrap_or(end);
        at = next;
        if !raw.get(at).is_some_and(|b| *b == b' ' || *b == b'\t') {
            break;
        }
    }
    at
}

fn starts_with_header(line: &[u8], name: &str) -> bool {
    line.len() > name.len()
        && line[..name.len()].eq_ignore_ascii_case(name.as_bytes())
        && line[name.len()] == b':'
}

/// Where the header section ends (the start of the blank line), or the end of the data.
fn header_end(raw: &[u8]) -> usize {
    let mut at = 0;
    while at < raw.len() {
        let next = raw[at..]
            .iter()
            .position(|b| *b == b'\n')
            .map(|i| at + i + 1)
            .unwrap_or(raw.len());
        let line = &raw[at..next];
        if line == b"\r\n" || line == b"\n" {
            return at;
        }
        at = next;
    }
    raw.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn state(extra: &str) -> State {
        let text = format!(
            "apiVersion: eopctl/v3\nAcceptedDomains:\n  - {{ Name: contoso.com, DomainName: contoso.com, Default: true }}\n{extra}"
        );
        crate::state::store::parse(&text, std::path::Path::new("t.yaml")).unwrap()
    }

    const SPAMMY: &[u8] = b"From: a@fabrikam.com\r\nSubject: Claim your prize\r\nContent-Type: text/html\r\n\r\n<p>Act now, winner!</p><a href=\"http://203.0.113.9/x\">x</a>\r\n";

    fn run(state: &State, raw: &[u8], rcpts: &[&str]) -> Outcome {
        let rcpts: Vec<String> = rcpts.iter().map(|s| s.to_string()).collect();
        let facts = Facts {
            sender: Some("a@fabrikam.com"),
            recipients: &rcpts,
            ..Default::default()
        };
        evaluate(state, raw, malware::parse(raw).as_ref(), &facts)
    }

    #[test]
    fn per_recipient_policies() {
        let s = state(
            "HostedContentFilterPolicies:\n  - { Name: Strict, HighConfidenceSpamAction: Quarantine }\nHostedContentFilterRules:\n  - { Name: Contoso, HostedContentFilterPolicy: Strict, RecipientDomainIs: [contoso.com] }\n",
        );
        let o = run(&s, SPAMMY, &["bob@contoso.com", "eve@fabrikam.com"]);
        assert_eq!(
            o.copies[0].1.action,
            Action::Quarantine(QuarantineType::HighConfidenceSpam),
            "{o:?}"
        );
        assert_eq!(o.copies[1].1.action, Action::Junk);
        assert_eq!(o.spam.len(), 2);
        assert_eq!(
            o.copies[0].1.policies[1].object,
            "HostedContentFilterRule \"Contoso\", HostedContentFilterPolicy \"Strict\""
        );
        assert_eq!(o.spam[0].by, o.copies[0].1.policies[1]);
    }

    #[test]
    fn malware_reject_and_quarantine() {
        let mut raw = b"From: a@fabrikam.com\r\n\r\n".to_vec();
        raw.extend_from_slice(malware::EICAR);
        let s = state("");
        let o = run(&s, &raw, &["bob@contoso.com"]);
        assert_eq!(o.reject.map(|f| f.reason), Some(Reason::Eicar));
        let s = state("MalwareFilterPolicies:\n  - { Name: Default, Action: Quarantine }\n");
        let o = run(&s, &raw, &["bob@contoso.com"]);
        assert!(o.reject.is_none());
        assert_eq!(
            o.copies[0].1.action,
            Action::Quarantine(QuarantineType::Malware)
        );
    }

    #[test]
    fn rewrite_stamps_strips_and_prefixes() {
        let raw = b"Received: x\r\n\tby y\r\nX-MS-Exchange-Organization-SCL: -1\r\n\tfolded\r\nSubject: hello\r\n\r\nbody\r\nSubject: not a header\r\n";
        let copy = Copy {
            action: Action::Deliver,
            headers: vec![("X-MS-Exchange-Organization-SCL".into(), "6".into())],
            subject_prefix: Some("[SPAM] ".into()),
            reasons: vec![],
            policies: vec![],
        };
        let out = String::from_utf8(rewrite(raw, &copy)).unwrap();
        assert_eq!(
            out,
            "Received: x\r\n\tby y\r\nX-MS-Exchange-Organization-SCL: 6\r\nSubject: [SPAM] hello\r\n\r\nbody\r\nSubject: not a header\r\n"
        );
    }
}
