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
use super::rules::{self, CompiledRules, Prepared};
use super::{connection, recipient, route};
use crate::state::State;
use crate::state::model::{DEFAULT_REJECT_CODE, DEFAULT_REJECT_TEXT, RuleMode, TransportRule};

/// From this spam confidence level up a message is spam (Exchange: SCL 5 and 6 are spam,
/// 7 to 9 high confidence spam).
pub const SPAM_SCL: i8 = 5;

/// The header carrying the spam confidence level, as Exchange writes it ("Protect on-premises mailboxes", step 5:
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
            // The reason names the rule, which the caller shows as the blame.
            ContentAction::Quarantine { .. } => "Quarantine the message".into(),
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
                        Err(e) => format!("{} (refused: {e})", d.recipient),
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
    // A hosted mailbox's mail sent on to the outside is automatic forwarding, which its
    // outbound spam policy may turn off: those added recipients are refused.
    let forwarding = super::outbound::forwarding_denied(state, &chosen_rcpts);
    let added = |list: &[crate::state::values::SmtpAddress]| -> Vec<RecipientDecision> {
        let relay = connection::identify(state, Origin::Local, &Default::default());
        list.iter()
            .map(|addr| {
                let mut d = recipient::decide(state, &relay, &addr.to_string());
                if let Some(why) = &forwarding
                    && d.class == Some(super::RecipientClass::External)
                {
                    d.outcome = Err(super::Refusal::AutoForwardDenied);
                    d.blame.push(why.clone());
                }
                d
            })
            .collect()
    };
    if !a.redirect_message_to.is_empty() {
        let to = added(&a.redirect_message_to);
        // Redirected nowhere (every address refused): the mailboxes keep their mail.
        if to.iter().any(|d| d.outcome.is_ok()) {
            out.push(ContentAction::RemoveRecipients(chosen_rcpts.clone()));
        }
        out.push(ContentAction::AddRecipients {
            recipients: to,
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
    let rcpts = Prepared::new(state, compiled, facts);
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::policy::rules::compile;
    use crate::policy::rules::tests::{M, state};
    use crate::state::values::SmartHost;

    const CONNECTOR: &str = "OutboundConnectors:\n  - { Name: Finance, ConnectorType: OnPremises, SmartHosts: [\"10.0.0.9:25\"], IsTransportRuleScoped: true }\n";

    fn run(rules: &str, m: &M) -> ContentDecision {
        let s = state(&format!("{CONNECTOR}TransportRules:\n{rules}"));
        let client = connection::identify(
            &s,
            Origin::Client(m.ip.parse().unwrap()),
            &Default::default(),
        );
        decide(&s, &compile(&s).unwrap(), &client, &m.facts())
    }

    fn actions(d: &ContentDecision) -> Vec<String> {
        d.actions.iter().map(|(a, _)| a.describe()).collect()
    }

    #[test]
    fn each_action() {
        let m = M {
            rcpts: vec!["admin@contoso.test", "c@sales.contoso.test"],
            ..M::default()
        };
        let d = run(
            "  - { Name: All, Actions: { SetSCL: 3, SetHeaderName: X-A, SetHeaderValue: b, RemoveHeader: X-B, PrependSubject: '[EXT] ', ApplyHtmlDisclaimerText: '<p>Bye &amp; thanks</p>', AddToRecipients: [audit@contoso.test], BlindCopyTo: [nobody@contoso.test] } }\n",
            &m,
        );
        assert_eq!(
            actions(&d),
            [
                "Set SCL to 3",
                "Set header X-A: b",
                "Remove header X-B",
                "Prepend '[EXT] ' to the subject",
                "Append the disclaimer",
                "Add to To: audit@contoso.test (Maildir of audit@contoso.test)",
                "Add (Bcc): nobody@contoso.test (refused: unknown recipient (directory based edge blocking))",
            ]
        );
        assert!(
            matches!(&d.actions[4].0, ContentAction::Disclaimer { text, .. } if text == "Bye & thanks")
        );
        assert_eq!(d.actions[0].1.object, "TransportRule \"All\"");
        assert!(d.fate().is_none());
    }

    #[test]
    fn reject_defaults_to_5_7_1_and_ends_processing() {
        let d = run(
            "  - { Name: R, Priority: 0, Actions: { RejectMessageReasonText: Go away } }\n  - { Name: S, Priority: 1, Actions: { SetSCL: 1 } }\n",
            &M::default(),
        );
        assert_eq!(actions(&d), ["Reject 550 5.7.1 Go away"]);
        assert_eq!(d.rules[1].result, RuleResult::Skipped);
        assert!(d.rules[1].reasons[0].contains("ended the message's way"));
        let d = run(
            "  - { Name: R, Actions: { RejectMessageEnhancedStatusCode: 5.7.950 } }\n",
            &M::default(),
        );
        assert_eq!(
            actions(&d),
            [format!("Reject 550 5.7.950 {DEFAULT_REJECT_TEXT}")]
        );
        for (yaml, want) in [
            ("DeleteMessage: true", "Delete the message"),
            ("Quarantine: true", "Quarantine the message"),
        ] {
            let d = run(
                &format!("  - {{ Name: R, Actions: {{ {yaml} }} }}\n"),
                &M::default(),
            );
            assert_eq!(actions(&d), [want]);
            assert!(d.fate().is_some());
        }
    }

    #[test]
    fn routing_and_redirect_act_on_the_selected_recipients() {
        let m = M {
            rcpts: vec!["admin@contoso.test", "c@sales.contoso.test"],
            ..M::default()
        };
        let d = run(
            "  - { Name: R, Conditions: { RecipientDomainIs: [sales.contoso.test] }, Actions: { RouteMessageOutboundConnector: Finance } }\n",
            &m,
        );
        match &d.actions[..] {
            [
                (
                    ContentAction::RouteVia {
                        recipient,
                        route: Route::Remote { via, next_hop, .. },
                    },
                    _,
                ),
            ] => {
                assert_eq!(recipient, "c@sales.contoso.test");
                assert_eq!(via, "OutboundConnector \"Finance\"");
                assert_eq!(
                    *next_hop,
                    crate::policy::NextHop::SmartHosts(vec![
                        "10.0.0.9:25".parse::<SmartHost>().unwrap()
                    ])
                );
            }
            other => panic!("{other:?}"),
        }
        let d = run(
            "  - { Name: R, Conditions: { SentTo: [admin@contoso.test] }, Actions: { RedirectMessageTo: [audit@contoso.test] } }\n",
            &m,
        );
        assert_eq!(
            actions(&d),
            [
                "Take out admin@contoso.test",
                "Add (Bcc): audit@contoso.test (Maildir of audit@contoso.test)"
            ]
        );
    }

    #[test]
    fn audit_disabled_dates_stop_and_scl() {
        let rules = "  - { Name: Audit, Priority: 0, Mode: Audit, Actions: { DeleteMessage: true } }\n  - { Name: Off, Priority: 1, Enabled: false, Actions: { DeleteMessage: true } }\n  - { Name: Later, Priority: 2, ActivationDate: 2027-01-01, Actions: { DeleteMessage: true } }\n  - { Name: Over, Priority: 3, ExpiryDate: 2026-01-01, Actions: { DeleteMessage: true } }\n  - { Name: Spam, Priority: 4, Actions: { SetSCL: 6 } }\n  - { Name: Sees SCL, Priority: 5, Conditions: { SCLOver: 6 }, Actions: { SetHeaderName: X-Spam, SetHeaderValue: 'yes', StopRuleProcessing: true } }\n  - { Name: Never, Priority: 6, Actions: { DeleteMessage: true } }\n";
        let d = run(rules, &M::default());
        let results: Vec<(&str, RuleResult)> = d
            .rules
            .iter()
            .map(|t| (t.rule.as_str(), t.result))
            .collect();
        assert_eq!(
            results,
            [
                ("Audit", RuleResult::Matched),
                ("Off", RuleResult::Skipped),
                ("Later", RuleResult::Skipped),
                ("Over", RuleResult::Skipped),
                ("Spam", RuleResult::Matched),
                ("Sees SCL", RuleResult::Matched),
                ("Never", RuleResult::Skipped),
            ]
        );
        assert_eq!(d.rules[0].actions, ["Delete the message"]);
        assert!(d.rules[0].reasons.last().unwrap().contains("Mode Audit"));
        assert!(d.rules[2].reasons[0].contains("not in force"));
        assert!(d.rules[6].reasons[0].contains("StopRuleProcessing"));
        assert_eq!(
            actions(&d),
            [
                "Set SCL to 6",
                "Set header X-Spam: yes",
                "Deliver to the Junk folder"
            ]
        );
    }

    #[test]
    fn html_disclaimer_as_text() {
        assert_eq!(
            html_to_text("<div>Contoso<br/>Legal &lt;dept&gt;</div><p>Line&nbsp;two"),
            "Contoso\nLegal <dept>\nLine two"
        );
        assert_eq!(html_to_text("a < b"), "a < b");
    }
}
