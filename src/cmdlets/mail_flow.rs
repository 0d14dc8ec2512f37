//! Test-MessageRoute: what the relay would decide for a message, and why, without sending
//! anything. It calls the same policy function the relay calls, with facts typed by hand.

use clap::{Args, Subcommand};
use serde_json::json;

use crate::cli::common::Context;
use crate::error::{Error, Result};
use crate::output::Output;
use crate::policy::{self, Facts, Origin, RecipientDecision, Route};
use crate::relay::smtp::reply;

#[derive(Subcommand, Debug)]
pub enum Cmd {
    /// Shows how the relay would treat a message: which inbound connector identifies the
    /// client, how each recipient resolves, which route it takes, and the object that
    /// decided each. Sends nothing.
    #[command(name = "test-messageroute", alias = "Test-MessageRoute")]
    TestMessageRoute(TestMessageRoute),
}

#[derive(Args, Debug)]
pub struct TestMessageRoute {
    /// The envelope sender (MAIL FROM); `<>` for the null sender. With -MessageFile it
    /// defaults to the message's Return-Path, else its From.
    #[arg(long, value_name = "Address", required_unless_present = "message_file")]
    pub sender: Option<String>,
    /// The recipients (RCPT TO), a,b or repeated. With -MessageFile they default to the
    /// message's To and Cc.
    #[arg(
        long,
        value_name = "Addresses",
        required_unless_present = "message_file"
    )]
    pub recipients: Vec<String>,
    /// A message (.eml) to run the mail flow rules on, as the relay would after DATA.
    #[arg(long, value_name = "Path")]
    pub message_file: Option<std::path::PathBuf>,
    /// The connecting client's IP address. Without it, the message is taken as the relay's
    /// own (a delivery status notification).
    #[arg(long, value_name = "IP")]
    #[arg(alias = "ClientIP")]
    pub client_ip: Option<String>,
    /// The subject, for the mail flow rules (without -MessageFile).
    #[arg(long)]
    pub subject: Option<String>,
}

const COLUMNS: &[&str] = &["Recipient", "Class", "Action", "Route", "DecidedBy"];

pub fn run(cmd: Cmd, ctx: &Context) -> Result<Output> {
    let Cmd::TestMessageRoute(a) = cmd;
    let state = ctx.store.load()?;
    let origin = match &a.client_ip {
        None => Origin::Local,
        Some(ip) => Origin::Client(ip.trim().parse().map_err(|_| {
            Error::usage(format!("-ClientIP: '{ip}' is not an IP address"))
                .help("give the client's address, such as 192.0.2.10 or 2001:db8::10")
        })?),
    };
    let bytes = match &a.message_file {
        Some(path) => {
            std::fs::read(path).map_err(|e| Error::io("read the message file", path, e))?
        }
        None => format!("Subject: {}\r\n\r\n", a.subject.clone().unwrap_or_default()).into_bytes(),
    };
    let headers = mail_parser::MessageParser::default().parse_headers(&bytes);
    let mut recipients: Vec<String> = a
        .recipients
        .iter()
        .flat_map(|r| r.split(','))
        .map(|r| r.trim().trim_matches(['<', '>']).to_string())
        .filter(|r| !r.is_empty())
        .collect();
    if recipients.is_empty()
        && let Some(m) = &headers
    {
        recipients = m
            .to()
            .into_iter()
            .chain(m.cc())
            .flat_map(|l| l.iter())
            .filter_map(|a| a.address())
            .map(str::to_string)
            .collect();
    }
    if recipients.is_empty() {
        return Err(Error::usage(
            "no recipients: -Recipients is empty and the message names none in To or Cc",
        )
        .help("give -Recipients a@contoso.com,b@contoso.com"));
    }
    let sender = match &a.sender {
        Some(s) => s.trim().trim_matches(['<', '>']).to_string(),
        None => headers
            .as_ref()
            .and_then(|m| {
                m.return_address().map(str::to_string).or_else(|| {
                    m.from()
                        .and_then(|f| f.first())
                        .and_then(|f| f.address())
                        .map(str::to_string)
                })
            })
            .unwrap_or_default(),
    };
    let facts = Facts {
        origin,
        sender: (!sender.is_empty()).then_some(sender.as_str()),
        recipients: &recipients,
        received_headers: None,
    };
    let decision = policy::decide(&state, &facts);
    let compiled = policy::rules::compile(&state).map_err(Error::failed)?;
    let message = policy::message::parse(
        &bytes,
        &policy::message::Envelope {
            sender: facts.sender,
            recipients: &recipients,
            client_ip: match origin {
                Origin::Client(ip) => Some(ip),
                Origin::Local => None,
            },
            client_in_organization: decision.client.from_on_premises() || origin == Origin::Local,
            now: chrono::Utc::now(),
        },
    );
    let content = policy::content::decide(&state, &compiled, &decision.client, &message);
    let client = match &decision.client.connector {
        Some((name, kind)) => format!("{name} ({kind:?})"),
        None if origin == Origin::Local => "the relay itself".into(),
        None => "anonymous".into(),
    };
    let shown = Shown {
        client: &client,
        sender: &sender,
        subject: &message.subject,
        content: &content,
    };
    let mut rows: Vec<serde_json::Value> = decision
        .recipients
        .iter()
        .map(|d| row(d, &shown, decision.sender.as_ref()))
        .collect();
    for (action, _) in &content.actions {
        if let policy::content::ContentAction::AddRecipients { recipients, .. } = action {
            rows.extend(recipients.iter().map(|d| row(d, &shown, None)));
        }
    }
    Ok(Output::Objects {
        rows,
        columns: COLUMNS,
    })
}

/// What every row shows besides its recipient.
struct Shown<'a> {
    client: &'a str,
    sender: &'a str,
    subject: &'a str,
    content: &'a policy::content::ContentDecision,
}

fn row(
    d: &RecipientDecision,
    shown: &Shown,
    sender: Option<&(policy::Refusal, policy::Blame)>,
) -> serde_json::Value {
    use policy::content::ContentAction;
    let mut outcome = d.outcome.clone();
    let mut rule_blame = None;
    for (action, blame) in &shown.content.actions {
        match action {
            ContentAction::RouteVia { recipient, route } if *recipient == d.recipient => {
                outcome = Ok(route.clone());
                rule_blame = Some(blame);
            }
            ContentAction::RemoveRecipients(gone) if gone.contains(&d.recipient) => {
                rule_blame = Some(blame);
            }
            _ => {}
        }
    }
    let d = &RecipientDecision {
        outcome,
        ..d.clone()
    };
    let (action, reply_text, route, next_hop) = match &d.outcome {
        Ok(r @ Route::Mailbox { .. }) => (
            "Deliver",
            reply::RECIPIENT_OK.to_wire(),
            r.describe(),
            String::new(),
        ),
        Ok(r @ Route::Remote { next_hop, .. }) => (
            "Relay",
            reply::RECIPIENT_OK.to_wire(),
            r.describe(),
            next_hop.to_string(),
        ),
        Err(refusal) => (
            "Reject",
            reply::refusal(*refusal).to_wire(),
            String::new(),
            String::new(),
        ),
    };
    let mut decided = d.blame.last().map(|b| b.object.clone()).unwrap_or_default();
    let mut reasons: Vec<String> = d
        .blame
        .iter()
        .map(|b| format!("{}: {}", b.object, b.reason))
        .collect();
    if let Some(b) = rule_blame {
        decided = b.object.clone();
        reasons.push(format!("{}: {}", b.object, b.reason));
    }
    // The content stage's fate (reject, delete, quarantine) is the message's.
    let fate = shown.content.fate();
    if let Some((_, b)) = fate {
        decided = b.object.clone();
        reasons.push(format!("{}: {}", b.object, b.reason));
    }
    // A sender refused at MAIL FROM: the recipients are never reached.
    let (action, reply_text, route, next_hop) = match sender {
        Some((refusal, blame)) => {
            decided = blame.object.clone();
            reasons.insert(0, format!("{}: {}", blame.object, blame.reason));
            (
                "Reject",
                reply::refusal(*refusal).to_wire(),
                String::new(),
                String::new(),
            )
        }
        None => match fate {
            Some((ContentAction::Reject { enhanced, text }, _)) => (
                "Reject",
                reply::rule_reject(enhanced, text).to_wire(),
                String::new(),
                String::new(),
            ),
            Some((ContentAction::Delete, _)) => {
                ("Delete", reply_text, String::new(), String::new())
            }
            Some((ContentAction::Quarantine { .. }, _)) => {
                ("Quarantine", reply_text, String::new(), String::new())
            }
            _ => (action, reply_text, route, next_hop),
        },
    };
    let via = match (&d.outcome, fate) {
        (_, Some(_)) | (Err(_), None) => String::new(),
        (Ok(Route::Remote { via, .. }), None) => via.clone(),
        (Ok(Route::Mailbox { mailbox, .. }), None) => format!("Mailbox \"{mailbox}\""),
    };
    json!({
        "Recipient": d.recipient,
        "Class": d.class.as_ref().map(|c| format!("{c:?}")).unwrap_or_else(|| "Invalid".into()),
        "Action": action,
        "Reply": reply_text.trim_end(),
        "Route": route,
        "NextHop": next_hop,
        "Via": via,
        "DecidedBy": decided,
        "Client": shown.client,
        "Sender": shown.sender,
        "Subject": shown.subject,
        "Reasons": reasons,
        "ContentActions": shown.content.actions.iter().map(|(a, b)| format!("{} ({})", a.describe(), b.object)).collect::<Vec<_>>(),
        "Rules": shown.content.rules,
    })
}
