//! Get/Preview/Release/Delete-QuarantineMessage: the messages the protection stage held
//! back, under `<data-dir>/quarantine/`. They work whether or not the relay runs: a release
//! drops the message into `<data-dir>/pickup/`, which the relay sends on when it scans it
//! (at once if it is running, at its next start otherwise), without the filter that
//! quarantined it.

use chrono::Utc;
use clap::{Args, Subcommand};
use serde_json::json;

use crate::cmdlets::common::{Context, IdentityArgs, confirmed, parse_date};
use crate::error::{Error, Result};
use crate::output::{Column, Output, key, text, wide};
use crate::policy::protection::QuarantineType;
use crate::relay::{pickup, quarantine};

const COLUMNS: &[Column] = &[
    key("Identity"),
    wide("ReceivedTime"),
    key("Type"),
    key("SenderAddress"),
    key("RecipientAddress"),
    text("Subject"),
    key("ReleaseStatus"),
    wide("Expires"),
];

#[derive(Subcommand, Debug)]
pub enum Cmd {
    /// Lists quarantined messages.
    #[command(name = "get-quarantinemessage", alias = "Get-QuarantineMessage")]
    Get(Get),
    /// Shows a quarantined message: its headers and its text.
    #[command(
        name = "preview-quarantinemessage",
        alias = "Preview-QuarantineMessage"
    )]
    Preview(Identity),
    /// Sends a quarantined message on to its recipients (all, or some).
    #[command(
        name = "release-quarantinemessage",
        alias = "Release-QuarantineMessage"
    )]
    Release(Release),
    /// Deletes a quarantined message.
    #[command(name = "delete-quarantinemessage", alias = "Delete-QuarantineMessage")]
    Delete(IdentityArgs),
}

#[derive(Args, Debug)]
pub struct Get {
    /// One message, by the Identity Get-QuarantineMessage shows.
    #[arg(long)]
    pub identity: Option<String>,
    /// Only these types: Spam, HighConfidenceSpam, Phish, HighConfidencePhish, Bulk, Malware,
    /// TransportRule.
    #[arg(long, value_name = "Types", value_delimiter = ',', ignore_case = true)]
    pub quarantine_types: Option<Vec<QuarantineType>>,
    /// Only messages from these senders.
    #[arg(long, value_name = "Addresses", value_delimiter = ',')]
    pub sender_address: Option<Vec<String>>,
    /// Only messages to these recipients.
    #[arg(long, value_name = "Addresses", value_delimiter = ',')]
    pub recipient_address: Option<Vec<String>>,
    /// Only messages received on or after this date (2024-05-01, or RFC 3339).
    #[arg(long, value_name = "DateTime")]
    pub start_received_date: Option<String>,
    /// Only messages received before this date.
    #[arg(long, value_name = "DateTime")]
    pub end_received_date: Option<String>,
    /// One message by its Message-ID header (with or without the angle brackets).
    #[arg(long, value_name = "MessageId")]
    pub message_id: Option<String>,
    /// Inbound (to a recipient in an accepted domain) or Outbound (from the organisation
    /// to others only).
    #[arg(long, ignore_case = true)]
    pub direction: Option<Direction>,
    /// Only this type (the single-valued form of -QuarantineTypes).
    #[arg(long = "type", value_name = "Type", ignore_case = true)]
    pub quarantine_type: Option<QuarantineType>,
    /// Only messages of this release status: NotReleased, Requested (a recipient asked an
    /// admin to release it), PartiallyReleased or Released.
    #[arg(long, ignore_case = true, value_name = "Status")]
    pub release_status: Option<ReleaseStatus>,
    /// Messages per page, 1 to 1000 (default 100).
    #[arg(long, value_name = "Int32", value_parser = clap::value_parser!(u32).range(1..=1000))]
    pub page_size: Option<u32>,
    /// The page to show, from 1 (default 1).
    #[arg(long, value_name = "Int32", value_parser = clap::value_parser!(u32).range(1..=1000))]
    pub page: Option<u32>,
}

/// Get-QuarantineMessage -ReleaseStatus.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
#[value(rename_all = "PascalCase")]
pub enum ReleaseStatus {
    NotReleased,
    Requested,
    PartiallyReleased,
    Released,
}

/// Which way a quarantined message was going, as Get-QuarantineMessage -Direction says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
#[value(rename_all = "PascalCase")]
pub enum Direction {
    Inbound,
    Outbound,
}

#[derive(Args, Debug)]
pub struct Identity {
    /// The message, by the Identity Get-QuarantineMessage shows.
    #[arg(long)]
    pub identity: String,
}

#[derive(Args, Debug)]
pub struct Release {
    /// The message, by the Identity Get-QuarantineMessage shows.
    #[arg(long)]
    pub identity: String,
    /// Release to every original recipient not yet released to.
    #[arg(long)]
    pub release_to_all: bool,
    /// Release to these original recipients only.
    #[arg(long, value_name = "Addresses", value_delimiter = ',')]
    pub user: Option<Vec<String>>,
    /// Report the message as not spam: the learning filter learns it as ham (as Exchange
    /// sends it to Microsoft for analysis).
    #[arg(long)]
    pub report_false_positive: bool,
}

fn row(e: &quarantine::Entry) -> serde_json::Value {
    let mut v = serde_json::to_value(e).unwrap_or_default();
    if let Some(o) = v.as_object_mut() {
        o.insert("ReleaseStatus".into(), json!(e.release_status()));
    }
    v
}

/// Inbound: some recipient is in an accepted domain (EOP counts mail to the organisation
/// as inbound); otherwise the organisation was sending out.
fn inbound(state: &crate::state::State, e: &quarantine::Entry) -> bool {
    e.recipient_address.iter().any(|r| {
        r.rsplit_once('@')
            .is_some_and(|(_, d)| state.accepted_domain(d).is_some())
    })
}

fn entry(ctx: &Context, identity: &str) -> Result<quarantine::Entry> {
    quarantine::get(ctx.store.data_dir(), identity.trim())
        .filter(|e| e.expires > Utc::now())
        .ok_or_else(|| {
            Error::not_found(format!("QuarantineMessage \"{identity}\" was not found"))
                .help("list them with `eopctl Get-QuarantineMessage`")
        })
}

/// -ReportFalsePositive: the learning filter learns the released message as ham.
fn learn_ham(data: &std::path::Path, raw: &[u8]) -> Result<&'static str> {
    use crate::spamdb::{Class, Db, Learned, Source};
    let fail = |e: rusqlite::Error| {
        Error::failed(format!(
            "the message was released, but the learning filter could not learn it as ham: {e}"
        ))
        .help("check the data directory is writable, then train it with `eopctl Train-SpamFilter -Ham FILE`")
    };
    let Some(m) = mail_parser::MessageParser::default().parse(raw) else {
        return Ok("; it is not a readable message, so the learning filter did not learn it");
    };
    let mut db = Db::open(data).map_err(fail)?;
    let mut batch = db.batch(Source::QuarantineRelease).map_err(fail)?;
    let learned = batch.learn(raw, &m, Class::Ham).map_err(fail)?;
    batch.commit().map_err(fail)?;
    tracing::info!(
        ?learned,
        "learning filter: learned a released message as ham"
    );
    Ok(match learned {
        Learned::New => "; learned as ham (reported as a false positive)",
        Learned::Moved => "; learned as ham instead of spam (reported as a false positive)",
        Learned::Known => "; the learning filter already knew it as ham",
    })
}

pub fn run(cmd: Cmd, ctx: &Context) -> Result<Output> {
    let data = ctx.store.data_dir();
    match cmd {
        Cmd::Get(a) => {
            let start = a
                .start_received_date
                .as_deref()
                .map(|d| parse_date(d, "StartReceivedDate"))
                .transpose()?;
            let end = a
                .end_received_date
                .as_deref()
                .map(|d| parse_date(d, "EndReceivedDate"))
                .transpose()?;
            // Direction needs the accepted domains; the state is read only then.
            let state = a.direction.map(|_| ctx.store.load()).transpose()?;
            let direction = a.direction.zip(state.as_ref());
            let page_size = a.page_size.unwrap_or(100) as usize;
            let page = a.page.unwrap_or(1) as usize;
            let now = Utc::now();
            let any = |list: &Option<Vec<String>>, addrs: &[&str]| {
                list.as_ref().is_none_or(|l| {
                    l.iter()
                        .any(|w| addrs.iter().any(|a| a.eq_ignore_ascii_case(w.trim())))
                })
            };
            let chosen: Vec<serde_json::Value> = quarantine::list(data)
                .iter()
                .filter(|e| e.expires > now)
                .filter(|e| {
                    a.identity
                        .as_deref()
                        .is_none_or(|i| e.identity.eq_ignore_ascii_case(i.trim()))
                })
                .filter(|e| {
                    a.quarantine_types
                        .as_ref()
                        .is_none_or(|t| t.contains(&e.quarantine_type))
                })
                .filter(|e| any(&a.sender_address, &[e.sender_address.as_str()]))
                .filter(|e| {
                    let r: Vec<&str> = e.recipient_address.iter().map(String::as_str).collect();
                    any(&a.recipient_address, &r)
                })
                .filter(|e| start.is_none_or(|s| e.received_time >= s))
                .filter(|e| end.is_none_or(|s| e.received_time < s))
                .filter(|e| a.quarantine_type.is_none_or(|t| t == e.quarantine_type))
                .filter(|e| {
                    a.release_status.is_none_or(|s| {
                        let name = clap::ValueEnum::to_possible_value(&s);
                        name.is_some_and(|n| n.get_name() == e.release_status())
                    })
                })
                .filter(|e| {
                    let bare = |id: &str| id.trim().trim_matches(['<', '>']).to_ascii_lowercase();
                    a.message_id
                        .as_deref()
                        .is_none_or(|m| bare(m) == bare(&e.message_id))
                })
                .filter(|e| {
                    direction
                        .is_none_or(|(d, state)| inbound(state, e) == (d == Direction::Inbound))
                })
                .skip((page - 1) * page_size)
                .take(page_size)
                .map(row)
                .collect();
            if let (Some(id), true) = (&a.identity, chosen.is_empty()) {
                return Err(entry(ctx, id)
                    .err()
                    .unwrap_or_else(|| Error::not_found("not found")));
            }
            Ok(Output::Objects {
                rows: chosen,
                columns: COLUMNS,
            })
        }
        Cmd::Preview(a) => {
            let e = entry(ctx, &a.identity)?;
            let raw = quarantine::message(data, &e.identity)
                .map_err(|err| Error::io("read", &quarantine::dir(data), err))?;
            let parsed = crate::policy::malware::parse(&raw);
            let body = parsed
                .as_ref()
                .and_then(|m| m.body_text(0))
                .map(|b| b.into_owned())
                .unwrap_or_default();
            let header_end = memchr::memmem::find(&raw, b"\r\n\r\n")
                .or_else(|| memchr::memmem::find(&raw, b"\n\n"))
                .unwrap_or(raw.len());
            let mut v = row(&e);
            if let Some(o) = v.as_object_mut() {
                o.insert(
                    "Headers".into(),
                    json!(String::from_utf8_lossy(&raw[..header_end])),
                );
                o.insert("Body".into(), json!(body));
            }
            Ok(Output::Objects {
                rows: vec![v],
                columns: const {
                    &[
                        key("Identity"),
                        key("SenderAddress"),
                        key("RecipientAddress"),
                        text("Subject"),
                        text("Reasons"),
                        text("Body"),
                    ]
                },
            })
        }
        Cmd::Release(a) => {
            let mut e = entry(ctx, &a.identity)?;
            let wanted: Vec<String> = match (&a.user, a.release_to_all) {
                (Some(_), true) | (None, false) => {
                    return Err(Error::usage("give -ReleaseToAll or -User (not both)")
                        .help("-ReleaseToAll sends it to every original recipient; -User a@contoso.com to some"));
                }
                (None, true) => e
                    .recipient_address
                    .iter()
                    .filter(|r| !e.released_to.contains(r))
                    .cloned()
                    .collect(),
                (Some(users), false) => {
                    let mut out = Vec::new();
                    for u in users {
                        let Some(r) = e
                            .recipient_address
                            .iter()
                            .find(|r| r.eq_ignore_ascii_case(u.trim()))
                        else {
                            return Err(Error::not_found(format!(
                                "{u} is not a recipient of QuarantineMessage \"{}\"",
                                e.identity
                            ))
                            .help(format!(
                                "its recipients are {}",
                                e.recipient_address.join(", ")
                            )));
                        };
                        out.push(r.clone());
                    }
                    out
                }
            };
            let wanted: Vec<String> = wanted
                .into_iter()
                .filter(|r| !e.released_to.contains(r))
                .collect();
            if wanted.is_empty() {
                return Err(Error::conflict(format!(
                    "QuarantineMessage \"{}\" was already released to those recipients",
                    e.identity
                ))
                .help("Get-QuarantineMessage shows its ReleaseStatus"));
            }
            pickup::release(data, &mut e, &wanted)
                .map_err(|err| Error::io("release", &pickup::dir(data), err))?;
            let reported = if a.report_false_positive {
                let raw = quarantine::message(data, &e.identity)
                    .map_err(|err| Error::io("read", &quarantine::dir(data), err))?;
                learn_ham(data, &raw)?
            } else {
                ""
            };
            Ok(Output::Text(format!(
                "Released {} to {}: the relay delivers it from {}{reported}",
                e.identity,
                wanted.join(", "),
                pickup::dir(data).display()
            )))
        }
        Cmd::Delete(a) => {
            let e = entry(ctx, &a.identity)?;
            if !confirmed(
                &a.change,
                &format!("Delete QuarantineMessage \"{}\"?", e.identity),
            )? {
                return super::declined("deleted");
            }
            if a.change.what_if {
                return Ok(Output::Text(format!(
                    "What if: would delete QuarantineMessage \"{}\"",
                    e.identity
                )));
            }
            quarantine::delete(data, &e.identity)
                .map_err(|err| Error::io("delete", &quarantine::dir(data), err))?;
            Ok(Output::Nothing)
        }
    }
}
