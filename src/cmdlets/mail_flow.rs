//! Test-MessageRoute: what the relay would decide for a message, and why, without sending
//! anything. It calls the same policy function the relay calls, with facts typed by hand.

mod outbound;

use clap::{Args, Subcommand};
use serde_json::json;

use crate::cmdlets::common::Context;
use crate::error::{Error, Result};
use crate::output::{Column, Output, key, wide};
use crate::policy::{self, Facts, Origin, RecipientDecision, Route};
use crate::relay::reply;

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
    /// A message (.eml) to run through the content stage as the relay would after DATA:
    /// the mail flow rules, anti-malware and anti-spam (SCL, BCL, signals).
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
    /// The client came over TLS (STARTTLS). Default: $false, or $true with
    /// -TlsCertificateName.
    #[arg(long, value_name = "BOOL", value_parser = crate::cmdlets::common::parse_bool)]
    pub tls: Option<bool>,
    /// The names (CN, SANs) of the client's certificate, taken as verified against the
    /// trusted roots, as the relay would after STARTTLS (a,b or repeated). Implies -Tls $true.
    #[arg(long, value_name = "Names")]
    pub tls_certificate_name: Vec<String>,
    /// The values of the message's Received headers, topmost first (repeated): with
    /// -ClientIP, shows the original client address enhanced filtering (EFSkipIPs,
    /// EFSkipLastIP) finds behind the servers in front.
    #[arg(long, value_name = "Header")]
    pub received_headers: Vec<String>,
    /// A DNS server (address:port) to ask the connection filter's IPBlockListZones;
    /// without it they are skipped, with a note.
    #[arg(long, value_name = "ADDR:PORT")]
    pub dns_server: Option<std::net::SocketAddr>,
    /// SpamAssassin rule files (*.cf) to score -MessageFile with, or `none` [default: the
    /// newest sa-update directory under /var/lib/spamassassin, else
    /// /usr/share/spamassassin, else the built-in signals alone].
    #[arg(long, env = "EOPCTL_SPAM_RULES", value_name = "DIR")]
    pub spam_rules: Option<String>,
}

const COLUMNS: &[Column] = &[
    key("Recipient"),
    wide("Class"),
    key("Action"),
    key("Route"),
    key("DecidedBy"),
];

pub fn run(cmd: Cmd, ctx: &Context) -> Result<Output> {
    let Cmd::TestMessageRoute(a) = cmd;
    let state = crate::cmdlets::common::load_with_directory(ctx)?;
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
    let certificate_names: Vec<String> = a
        .tls_certificate_name
        .iter()
        .flat_map(|n| n.split(','))
        .map(|n| n.trim().to_string())
        .filter(|n| !n.is_empty())
        .collect();
    if a.tls == Some(false) && !certificate_names.is_empty() {
        return Err(Error::usage(
            "-TlsCertificateName was given with -Tls $false: a certificate is only seen over TLS",
        )
        .help("drop -Tls $false, or drop -TlsCertificateName"));
    }
    let facts = Facts {
        origin,
        sender: (!sender.is_empty()).then_some(sender.as_str()),
        recipients: &recipients,
        received_headers: (!a.received_headers.is_empty()).then_some(a.received_headers.len()),
        tls: policy::TlsFacts {
            on: a.tls.unwrap_or(!certificate_names.is_empty()),
            certificate_names,
        },
    };
    let decision = policy::decide(&state, &facts);
    let now = chrono::Utc::now();
    // The Tenant Allow/Block List the relay would judge with.
    let tabl = crate::tabl::load(ctx.store.data_dir(), now).map_err(|e| {
        Error::failed(format!(
            "cannot read the Tenant Allow/Block List in {}: {e}",
            ctx.store.data_dir().display()
        ))
        .help("check the data directory (--data-dir); Get-TenantAllowBlockListItems reads the same file")
    })?;
    let trusted = origin == Origin::Local || decision.client.from_on_premises();
    let received: Vec<String> = a
        .received_headers
        .iter()
        .map(|h| {
            let h = h.trim();
            h.get(..9)
                .filter(|p| p.eq_ignore_ascii_case("received:"))
                .map_or(h, |_| h[9..].trim())
                .to_string()
        })
        .collect();
    let filter_ip = policy::enhanced_filtering::original_ip(&state, &decision.client, &received);
    // The connection filter acts before anything else: a blocked client reaches no recipient.
    let (filter, pre) = match origin {
        Origin::Client(ip) => {
            let (v, note) = super::connection_filter::explain(
                &state,
                &tabl,
                &decision.client,
                ip,
                a.dns_server,
            )?;
            // The blame of a refusal leads the reasons anyway (see `row`).
            let blocked = v.blocked.as_ref().map(|(_, b)| b);
            let mut pre: Vec<String> = v
                .blame
                .iter()
                .filter(|b| Some(*b) != blocked)
                .map(|b| b.to_string())
                .collect();
            pre.extend(note);
            let summary = match (&v.blocked, v.allowed) {
                (Some(_), _) => "Blocked",
                (None, true) => "Allowed (spam filtering skipped)",
                (None, false) if !v.dnsbl.is_empty() => "Listed (scored)",
                (None, false) => "None",
            };
            (Some((v, summary)), pre)
        }
        Origin::Local => (None, Vec::new()),
    };
    let early = filter
        .as_ref()
        .and_then(|(v, _)| v.blocked.clone())
        .or_else(|| decision.sender.clone())
        .or_else(|| {
            policy::tabl::mail_from(&tabl, &decision.client, facts.sender, now.timestamp())
        });
    let compiled = policy::rules::compile(&state)
        .map_err(|e| Error::invalid_state(e.to_string()).help(e.fix()))?;
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
    // DKIM signs for the From domain; without a message, the sender stands for it.
    let from = headers
        .as_ref()
        .and_then(|m| m.from())
        .and_then(|f| f.first())
        .and_then(|f| f.address())
        .unwrap_or(&sender);
    let dkim = policy::dkim::decide(&state, &decision.client, Some(from));
    let (dkim_signing, dkim_blame) = match &dkim {
        Ok(s) => (format!("{} ({})", s.selector.as_str(), s.domain), &s.blame),
        Err(blame) => ("None".to_string(), blame),
    };
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
    let outbound = outbound::standing(&state, ctx.store.data_dir(), &decision.client, facts.sender);
    let mut rows: Vec<serde_json::Value> = decision
        .recipients
        .iter()
        .map(|d| {
            let mut r = row(d, &shown, early.as_ref());
            if let Some((governing, standing)) = &outbound {
                outbound::fields(&mut r, d, governing, standing);
            }
            if let Some((ip, blame)) = &filter_ip {
                r["FilterIP"] = ip.to_string().into();
                r["FilterIPReason"] = blame.to_string().into();
            }
            r["ConnectionFilter"] = json!(filter.as_ref().map_or("", |(_, s)| *s));
            r["DkimSigning"] = json!(dkim_signing);
            r["DkimSigningReason"] = json!(dkim_blame.to_string());
            // The filter policies each recipient gets, and the rules that chose them.
            let chosen = |b: Option<policy::Blame>| json!(b.map(|b| b.to_string()));
            r["SpamFilterPolicy"] =
                chosen(policy::filter_scope::content_filter(&state, &d.recipient).map(|a| a.blame));
            r["MalwareFilterPolicy"] =
                chosen(policy::filter_scope::malware_filter(&state, &d.recipient).map(|a| a.blame));
            if let Some(reasons) = r["Reasons"].as_array_mut() {
                let at = usize::from(early.is_some());
                for (i, p) in pre.iter().enumerate() {
                    reasons.insert(at + i, json!(p));
                }
            }
            r
        })
        .collect();
    for (action, _) in &content.actions {
        if let policy::content::ContentAction::AddRecipients { recipients, .. } = action {
            rows.extend(recipients.iter().map(|d| row(d, &shown, None)));
        }
    }
    if let Some(path) = &a.message_file {
        let rules = match crate::spamrules::resolve(a.spam_rules.as_deref()) {
            Some(dir) => Some(
                crate::spamrules::load(&dir)
                    .map_err(|e| Error::usage(format!("-SpamRules: {e}")).help(e.fix()))?,
            ),
            None => None,
        };
        protection_fields(
            &state,
            ctx.store.data_dir(),
            path,
            (&facts, &tabl),
            trusted,
            rules.as_ref().map(|l| &l.rules),
            &mut rows,
        )?;
        return Ok(Output::Objects {
            rows,
            columns: PROTECTION_COLUMNS,
        });
    }
    Ok(Output::Objects {
        rows,
        columns: COLUMNS,
    })
}

/// With a message file: the route and rule decision beside the protection verdict (every
/// signal and the malware findings are in -o list and -o json).
const PROTECTION_COLUMNS: &[Column] = &[
    key("Recipient"),
    key("Action"),
    key("Route"),
    key("DecidedBy"),
    key("SCL"),
    wide("BCL"),
    key("ProtectionAction"),
];

/// The protection stage on a message file (no external scanner is asked): per recipient,
/// the malware verdict, SCL, BCL, category, every signal and the action.
fn protection_fields(
    state: &crate::state::State,
    data_dir: &std::path::Path,
    path: &std::path::Path,
    (facts, tabl): (&Facts, &policy::tabl::Lists),
    trusted: bool,
    spam_rules: Option<&crate::policy::spamrules::RuleSet>,
    rows: &mut [serde_json::Value],
) -> Result<()> {
    use crate::policy::protection::{self, Action};
    let raw = std::fs::read(path).map_err(|e| Error::io("read", path, e))?;
    let parsed = policy::malware::parse(&raw);
    // The learning filter as the relay would ask it (nothing if it never learned).
    let judgement = match (crate::spamdb::Db::open_existing(data_dir), parsed.as_ref()) {
        (Ok(Some(db)), Some(m)) => Some(db.judge(m).map_err(|e| {
            Error::failed(format!(
                "cannot read the learning filter's database in {}: {e}",
                data_dir.display()
            ))
            .help("check the data directory (--data-dir); Get-SpamFilterStatistics reads the same file")
        })?),
        (Err(e), _) => {
            return Err(Error::failed(format!(
                "cannot open the learning filter's database in {}: {e}",
                data_dir.display()
            ))
            .help("check the data directory (--data-dir) is readable"));
        }
        _ => None,
    };
    let pf = protection::Facts {
        sender: facts.sender,
        recipients: facts.recipients,
        client_ip: match facts.origin {
            Origin::Client(ip) => Some(ip),
            Origin::Local => None,
        },
        trusted,
        now: Some(chrono::Utc::now().timestamp()),
        spam_rules,
        bayes: judgement.as_ref().and_then(|j| j.probability()),
        tabl: Some(tabl),
        ..Default::default()
    };
    let outcome = protection::evaluate(state, &raw, parsed.as_ref(), &pf);
    for (row, (_, copy)) in rows.iter_mut().zip(&outcome.copies) {
        let spam = outcome
            .spam
            .iter()
            .find(|s| copy.policies.contains(&s.by))
            .map(|s| &s.verdict);
        let action = match (&outcome.reject, &copy.action) {
            (Some(_), _) => "Reject (550 5.7.1)".to_string(),
            (None, Action::Redirect(to)) => format!("Redirect to {}", to.join(", ")),
            (None, Action::Quarantine(t)) => format!("Quarantine ({t:?})"),
            (None, a) => format!("{a:?}"),
        };
        let malware: Vec<String> = outcome
            .malware
            .iter()
            .flat_map(|(p, f)| {
                f.iter()
                    .map(move |f| format!("MalwareFilterPolicy \"{p}\": {f}"))
            })
            .collect();
        if let Some(o) = row.as_object_mut() {
            o.insert("SCL".into(), json!(spam.map(|v| v.scl)));
            o.insert("BCL".into(), json!(spam.map(|v| v.bcl)));
            o.insert(
                "Verdict".into(),
                json!(spam.map(|v| format!("{:?}", v.category))),
            );
            o.insert("SpamPolicy".into(), json!(spam.map(|v| v.policy.clone())));
            o.insert("ProtectionAction".into(), json!(action));
            o.insert(
                "SpamProbability".into(),
                json!(judgement.as_ref().map(|j| j.classification.probability)),
            );
            o.insert(
                "LearningFilter".into(),
                json!(judgement.as_ref().map(crate::spamdb::describe)),
            );
            o.insert("Malware".into(), json!(malware));
            // The list's verdicts, each naming its entry; one that decided leads.
            let listed = [
                &outcome.tabl.malware,
                &outcome.tabl.phish,
                &outcome.tabl.allowed,
            ];
            let listed: Vec<&policy::Blame> = listed.into_iter().flatten().collect();
            o.insert(
                "TenantAllowBlockList".into(),
                json!(listed.iter().map(ToString::to_string).collect::<Vec<_>>()),
            );
            if let Some(b) = listed
                .iter()
                .find(|b| copy.reasons.first() == Some(&b.to_string()))
            {
                o.insert("DecidedBy".into(), json!(b.object));
                if let Some(r) = o.get_mut("Reasons").and_then(|r| r.as_array_mut()) {
                    r.push(json!(b.to_string()));
                }
            }
            o.insert(
                "Signals".into(),
                json!(
                    spam.map(|v| v
                        .signals
                        .iter()
                        .map(ToString::to_string)
                        .collect::<Vec<_>>())
                        .unwrap_or_default()
                ),
            );
        }
    }
    Ok(())
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
    let mut reasons: Vec<String> = d.blame.iter().map(|b| b.to_string()).collect();
    if let Some(b) = rule_blame {
        decided = b.object.clone();
        reasons.push(b.to_string());
    }
    // The content stage's fate (reject, delete, quarantine) is the message's.
    let fate = shown.content.fate();
    if let Some((_, b)) = fate {
        decided = b.object.clone();
        reasons.push(b.to_string());
    }
    // A client refused at connect, or a sender refused at MAIL FROM: the recipients are
    // never reached.
    let (action, reply_text, route, next_hop) = match sender {
        Some((refusal, blame)) => {
            decided = blame.object.clone();
            reasons.insert(0, blame.to_string());
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
