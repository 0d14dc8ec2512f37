//! The content stage: what to do with a message once its data is in, from what it says
//! (`MessageFacts`). Mail flow rules decide here today; the spam and malware filters plug
//! in beside them by adding their own actions, each with its Blame, to the same
//! `ContentDecision` (a Reject, Quarantine, SetScl or DeliverToJunk of theirs is applied
//! by the relay exactly like a rule's).
//!
//! The decision is a list of actions in the order they apply. The relay
//! (`relay::content`) carries them out: a Reject is answered in the SMTP session instead
//! of the 250; Delete and Quarantine take the message away after the 250; the rest edit
//! the bytes or the recipients before the message is queued.

use serde::Serialize;

use super::decision::{Blame, Client, Origin, RecipientDecision, Route};
use super::message::MessageFacts;
use super::rules::{self, CompiledRules, RecipientFacts};
use super::{connection, recipient, route};
use crate::state::State;
use crate::state::model::{DEFAULT_REJECT_CODE, DEFAULT_REJECT_TEXT, RuleMode, TransportRule};

/// From this spam confidence level up a message is spam (Exchange: SCL 5 and 6 are spam,
/// 7 to 9 high confidence spam).
pub const SPAM_SCL: i8 = 5;

/// The header carrying the spam confidence level, as Exchange writes it (seed 000, step 5:
/// on-premises servers act on it).
pub const SCL_HEADER: &str = "X-MS-Exchange-Organization-SCL";

/// One thing to do to the message.
#[derive(Debug, Clone, PartialEq)]
pub enum ContentAction {
    /// Refuse it in the SMTP session: `550 <enhanced> <text>`.
    Reject {
        enhanced: String,
        text: String,
    },
    /// Accept it (250) and drop it silently.
    Delete,
    /// Accept it and keep it in the quarantine instead of delivering it.
    Quarantine {
        reason: String,
    },
    SetScl(i8),
    /// Replace every field of this name with one holding `value` (or add it).
    SetHeader {
        name: String,
        value: String,
    },
    RemoveHeader {
        name: String,
    },
    PrependSubject(String),
    /// Append `html` to the text/html parts and `text` to the text/plain parts.
    Disclaimer {
        html: String,
        text: String,
    },
    /// These recipients no longer get the message (RedirectMessageTo).
    RemoveRecipients(Vec<String>),
    /// New recipients, already through the recipient decision; `to_header` also names
    /// them in the To header (AddToRecipients), otherwise they are invisible (BlindCopyTo,
    /// RedirectMessageTo).
    AddRecipients {
        recipients: Vec<RecipientDecision>,
        to_header: bool,
    },
    /// This recipient leaves by this route instead of its own.
    RouteVia {
        recipient: String,
        route: Route,
    },
    /// Hosted mailboxes get the message in their Junk folder.
    DeliverToJunk,
}

impl ContentAction {
    /// In words, for the log and `Test-MessageRoute`.
    pub fn describe(&self) -> String {
        match self {
            ContentAction::Reject { enhanced, text } => format!("Reject 550 {enhanced} {text}"),
            ContentAction::Delete => "Delete the message".into(),
            ContentAction::Quarantine { reason } => format!("Quarantine ({reason})"),
            ContentAction::SetScl(n) => format!("Set SCL to {n}"),
            ContentAction::SetHeader { name, value } => format!("Set header {name}: {value}"),
            ContentAction::RemoveHeader { name } => format!("Remove header {name}"),
            ContentAction::PrependSubject(p) => format!("Prepend '{p}' to the subject"),
            ContentAction::Disclaimer { .. } => "Append the disclaimer".into(),
            ContentAction::RemoveRecipients(r) => format!("Take out {}", r.join(", ")),
            ContentAction::AddRecipients {
                recipients,
                to_header,
            } => {
                let list: Vec<String> = recipients
                    .iter()
                    .map(|d| match &d.outcome {
                        Ok(r) => format!("{} ({})", d.recipient, r.describe()),
                        Err(e) => format!("{} (refused: {e:?})", d.recipient),
                    })
                    .collect();
                let how = if *to_header { "Add to To" } else { "Add (Bcc)" };
                format!("{how}: {}", list.join(", "))
            }
            ContentAction::RouteVia { recipient, route } => {
                format!("Route {recipient} via {}", route.describe())
            }
            ContentAction::DeliverToJunk => "Deliver to the Junk folder".into(),
        }
    }

    /// Whether the message goes no further (nothing after it applies).
    pub fn is_final(&self) -> bool {
        matches!(
            self,
            ContentAction::Reject { .. } | ContentAction::Delete | ContentAction::Quarantine { .. }
        )
    }
}

/// How a rule fared.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum RuleResult {
    Matched,
    NotMatched,
    /// Disabled, not in force at this time, or after a rule that stopped processing.
    Skipped,
}

/// One rule as the message met it: for `Test-MessageRoute`, the log and the trace.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct RuleTrace {
    pub rule: String,
    pub priority: u32,
    pub mode: RuleMode,
    pub result: RuleResult,
    pub reasons: Vec<String>,
    /// What it did (Enforce) or would have done (Audit).
    pub actions: Vec<String>,
}

/// The content decision: the actions in order, each with the object that decided it, and
/// every rule evaluated (matched or not).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ContentDecision {
    pub actions: Vec<(ContentAction, Blame)>,
    pub rules: Vec<RuleTrace>,
}

impl ContentDecision {
    /// The action that ends the message's way (Reject, Delete, Quarantine), if any.
    pub fn fate(&self) -> Option<&(ContentAction, Blame)> {
        self.actions.iter().find(|(a, _)| a.is_final())
    }
}

fn rule_blame(r: &TransportRule, why: impl Into<String>) -> Blame {
    Blame::new(format!("TransportRule \"{}\"", r.name), why)
}

/// The actions a matched rule takes, for the recipients it matched.
fn actions_of(
    state: &State,
    client: &Client,
    r: &TransportRule,
    facts: &MessageFacts,
    chosen: &[usize],
) -> Vec<ContentAction> {
    let a = &r.actions;
    let mut out = Vec::new();
    if a.reject_message_reason_text.is_some() || a.reject_message_enhanced_status_code.is_some() {
        out.push(ContentAction::Reject {
            enhanced: a
                .reject_message_enhanced_status_code
                .clone()
                .unwrap_or_else(|| DEFAULT_REJECT_CODE.into()),
            text: a
                .reject_message_reason_text
                .clone()
                .unwrap_or_else(|| DEFAULT_REJECT_TEXT.into()),
        });
    }
    if a.delete_message {
        out.push(ContentAction::Delete);
    }
    if a.quarantine {
        out.push(ContentAction::Quarantine {
            reason: format!("TransportRule \"{}\"", r.name),
        });
    }
    let chosen_rcpts: Vec<String> = chosen
        .iter()
        .map(|i| facts.recipients[*i].clone())
        .collect();
    // Added recipients are the organisation's own doing: routed as the relay's own mail,
    // so a rule may send a copy outside even for an anonymous client.
    let added = |list: &[crate::state::values::SmtpAddress]| -> Vec<RecipientDecision> {
        let relay = connection::identify(state, Origin::Local);
        list.iter()
            .map(|addr| recipient::decide(state, &relay, &addr.to_string()))
            .collect()
    };
    if !a.redirect_message_to.is_empty() {
        out.push(ContentAction::RemoveRecipients(chosen_rcpts.clone()));
        out.push(ContentAction::AddRecipients {
            recipients: added(&a.redirect_message_to),
            to_header: false,
        });
    }
    if let Some(name) = &a.route_message_outbound_connector
        && a.redirect_message_to.is_empty()
    {
        for rcpt in &chosen_rcpts {
            // The address the next hop gets: a mail user's external address, else as given.
            let target = match recipient::decide(state, client, rcpt).outcome {
                Ok(Route::Remote { recipient, .. }) => recipient,
                _ => rcpt.trim_matches(['<', '>']).to_string(),
            };
            if let Some(route) = route::via_named(state, name, &target) {
                out.push(ContentAction::RouteVia {
                    recipient: rcpt.clone(),
                    route,
                });
            }
        }
    }
    if let Some(n) = a.set_scl {
        out.push(ContentAction::SetScl(n));
    }
    if let (Some(name), Some(value)) = (&a.set_header_name, &a.set_header_value) {
        out.push(ContentAction::SetHeader {
            name: name.clone(),
            value: value.clone(),
        });
    }
    if let Some(name) = &a.remove_header {
        out.push(ContentAction::RemoveHeader { name: name.clone() });
    }
    if let Some(p) = &a.prepend_subject {
        out.push(ContentAction::PrependSubject(p.clone()));
    }
    if let Some(html) = &a.apply_html_disclaimer_text {
        out.push(ContentAction::Disclaimer {
            html: html.clone(),
            text: html_to_text(html),
        });
    }
    if !a.add_to_recipients.is_empty() {
        out.push(ContentAction::AddRecipients {
            recipients: added(&a.add_to_recipients),
            to_header: true,
        });
    }
    if !a.blind_copy_to.is_empty() {
        out.push(ContentAction::AddRecipients {
            recipients: added(&a.blind_copy_to),
            to_header: false,
        });
    }
    out
}

/// Whether the content stage has anything to do for this state (else the relay skips
/// parsing the message).
pub fn needed(state: &State) -> bool {
    !state.transport_rules.is_empty()
}

/// The content decision for a message: every mail flow rule in Priority order.
pub fn decide(
    state: &State,
    compiled: &CompiledRules,
    client: &Client,
    facts: &MessageFacts,
) -> ContentDecision {
    let mut d = ContentDecision::default();
    let rcpts = RecipientFacts::new(state, facts);
    let mut facts_now = None::<MessageFacts>;
    let mut stopped: Option<String> = None;
    let mut spam_by: Option<(i8, Blame)> = None;
    for (i, r) in state.transport_rules.iter().enumerate() {
        let mut trace = RuleTrace {
            rule: r.name.clone(),
            priority: r.priority,
            mode: r.mode,
            result: RuleResult::Skipped,
            reasons: Vec::new(),
            actions: Vec::new(),
        };
        if let Some(why) = &stopped {
            trace.reasons.push(format!("not evaluated: {why}"));
        } else if !r.enabled {
            trace.reasons.push("disabled".into());
        } else if !r.active_at(facts.now) {
            trace.reasons.push(format!(
                "not in force at {}: ActivationDate {}, ExpiryDate {}",
                facts.now.format("%Y-%m-%dT%H:%M:%SZ"),
                r.activation_date.map_or("-".into(), |d| d.to_string()),
                r.expiry_date.map_or("-".into(), |d| d.to_string())
            ));
        } else {
            // A rule that set the SCL is seen by the rules after it (SCLOver).
            let seen = facts_now.as_ref().unwrap_or(facts);
            let v = rules::matches(compiled, i, r, seen, &rcpts);
            trace.reasons = v.reasons;
            trace.result = if v.matched {
                RuleResult::Matched
            } else {
                RuleResult::NotMatched
            };
            if v.matched {
                let actions = actions_of(state, client, r, seen, &v.recipients);
                trace.actions = actions.iter().map(ContentAction::describe).collect();
                if r.mode == RuleMode::Enforce {
                    for a in actions {
                        if let ContentAction::SetScl(n) = a {
                            facts_now.get_or_insert_with(|| facts.clone()).scl = Some(n);
                            spam_by = Some((n, rule_blame(r, format!("SetSCL {n}"))));
                        }
                        let final_action = a.is_final();
                        d.actions.push((a, rule_blame(r, trace.reasons.join("; "))));
                        if final_action {
                            stopped = Some(format!("rule \"{}\" ended the message's way", r.name));
                        }
                    }
                    if r.actions.stop_rule_processing {
                        stopped = Some(format!("rule \"{}\" has StopRuleProcessing", r.name));
                    }
                } else {
                    trace
                        .reasons
                        .push(format!("Mode {:?}: recorded, nothing done", r.mode));
                }
            }
        }
        d.rules.push(trace);
    }
    if let Some((n, blame)) = spam_by
        && n >= SPAM_SCL
        && d.fate().is_none()
    {
        d.actions.push((
            ContentAction::DeliverToJunk,
            Blame::new(
                blame.object,
                format!("SCL {n} is spam (from {SPAM_SCL}): hosted mailboxes get it in Junk, the default spam action"),
            ),
        ));
    }
    d
}

/// The plain-text form of an HTML disclaimer, for text/plain parts: tags dropped, line
/// breaks where the HTML breaks lines, the common entities decoded.
pub fn html_to_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        out.push_str(&rest[..open]);
        let Some(close) = rest[open..].find('>') else {
            rest = &rest[open..];
            break;
        };
        let tag = rest[open + 1..open + close]
            .trim_start_matches('/')
            .split(|c: char| c.is_whitespace() || c == '/')
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        if matches!(tag.as_str(), "br" | "p" | "div" | "tr" | "li" | "hr")
            && !out.ends_with('\n')
            && !out.is_empty()
        {
            out.push('\n');
        }
        rest = &rest[open + close + 1..];
    }
    out.push_str(rest);
    let out = out
        .replace("&nbsp;", " ")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&");
    out.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}
