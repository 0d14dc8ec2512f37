//! The quarantine's self-service pages, reached from a notification's links:
//! `/quarantine/<action>?t=<token>`. GET shows the message and a confirmation form (or,
//! for preview, the message as text); only POST changes anything. The token alone says
//! which message, which recipient and which action: a page acts for that recipient's
//! copy only, and only as far as its quarantine policy permits now.

use axum::Router;
use axum::extract::{Form, Path, Query, State};
use axum::response::Response;
use axum::routing::get;
use chrono::Utc;
use serde::Deserialize;
use tracing::{info, warn};

use super::Web;
use super::html::{escape, form, page};
use crate::policy::tabl::UserBlock;
use crate::relay::notify::token::{Claim, LinkAction, TokenError};
use crate::relay::notify::{self, digest};
use crate::relay::{pickup, quarantine};
use crate::tabl::Store;

pub fn routes() -> Router<Web> {
    Router::new().route("/quarantine/{action}", get(show).post(act))
}

#[derive(Deserialize)]
pub struct Token {
    t: String,
}

/// The claim and the held message a request names, or the page saying why not.
fn resolve(
    web: &Web,
    slug: &str,
    token: &str,
) -> Result<(Claim, quarantine::Entry), Box<Response>> {
    let Some(action) = LinkAction::from_slug(slug) else {
        return Err(Box::new(page(
            404,
            "Not found",
            "<p>There is no such action.</p>",
        )));
    };
    let claim = match web.key.verify(token, Utc::now().timestamp()) {
        Ok(c) if c.action == action => c,
        Ok(_) | Err(TokenError::Tampered) => {
            return Err(Box::new(page(
                403,
                "This link is not valid",
                "<p>The link is damaged or was changed. Nothing was done. Use the link in your quarantine notification as it was sent.</p>",
            )));
        }
        Err(TokenError::Expired) => {
            return Err(Box::new(page(
                410,
                "This link has expired",
                "<p>Nothing was done. The message may no longer be in the quarantine; ask your administrator if you need it.</p>",
            )));
        }
    };
    let gone = || {
        page(
            404,
            "Message not found",
            "<p>This message is no longer in the quarantine. Nothing was done.</p>",
        )
    };
    let entry = quarantine::get(&web.data_dir, &claim.message)
        .filter(|e| e.expires > Utc::now())
        .ok_or_else(|| Box::new(gone()))?;
    // The MAC binds the recipient; one not on the message cannot come from a digest.
    if entry.recipient(&claim.recipient).is_none() {
        return Err(Box::new(page(
            403,
            "This link is not valid",
            "<p>This message was not sent to you. Nothing was done.</p>",
        )));
    }
    // Preview and block sender still make sense once the message was released or deleted.
    let changes_the_copy = matches!(
        action,
        LinkAction::Release | LinkAction::RequestRelease | LinkAction::Delete
    );
    if changes_the_copy && !entry.held_for(&claim.recipient) {
        return Err(Box::new(page(
            409,
            "Nothing to do",
            "<p>This message was already released to you or deleted.</p>",
        )));
    }
    let state = &web.snapshot.load().state;
    if !crate::policy::quarantine::permitted(
        state,
        &entry.tag_name,
        entry.quarantine_type,
        action.permission(),
    ) {
        return Err(Box::new(page(
            403,
            "Not permitted",
            &format!(
                "<p>Your organization does not let you {} this message. Nothing was done. Ask your administrator if you need it.</p>",
                escape(&digest::label(action).to_ascii_lowercase())
            ),
        )));
    }
    Ok((claim, entry))
}

/// The message's headers summary and text part, as text (never its HTML).
fn summary(e: &quarantine::Entry) -> String {
    format!(
        "<dl><dt>From</dt><dd>{}</dd><dt>Subject</dt><dd>{}</dd><dt>Received</dt><dd>{}</dd><dt>Held as</dt><dd>{:?}</dd></dl>",
        escape(&e.sender_address),
        escape(&e.subject),
        escape(&e.received_time.to_rfc2822()),
        e.quarantine_type
    )
}

fn preview(web: &Web, e: &quarantine::Entry) -> Response {
    let raw = quarantine::message(&web.data_dir, &e.identity).unwrap_or_default();
    let parsed = mail_parser::MessageParser::default().parse(&raw);
    let to = parsed
        .as_ref()
        .and_then(|m| m.to())
        .and_then(|t| t.first())
        .and_then(|a| a.address())
        .unwrap_or_default()
        .to_string();
    // mail-parser renders an HTML-only part as text: tags and scripts are gone.
    let text = parsed
        .as_ref()
        .and_then(|m| m.body_text(0))
        .map(|t| t.into_owned())
        .unwrap_or_default();
    page(
        200,
        "Preview of a quarantined message",
        &format!(
            "{}<p>To: {}</p><h2>Text</h2><pre>{}</pre>",
            summary(e),
            escape(&to),
            escape(&text)
        ),
    )
}

async fn show(
    State(web): State<Web>,
    Path(slug): Path<String>,
    Query(t): Query<Token>,
) -> Response {
    let (claim, entry) = match resolve(&web, &slug, &t.t) {
        Ok(v) => v,
        Err(page) => return *page,
    };
    if claim.action == LinkAction::Preview {
        return tokio::task::spawn_blocking(move || preview(&web, &entry))
            .await
            .unwrap_or_else(|_| page(500, "Error", "<p>The message could not be read.</p>"));
    }
    let label = digest::label(claim.action);
    page(
        200,
        &format!("{label}?"),
        &format!(
            "{}<p>{label} this message for {}?</p>{}",
            summary(&entry),
            escape(&claim.recipient),
            form(&format!("/quarantine/{slug}"), &t.t, label)
        ),
    )
}

async fn act(State(web): State<Web>, Path(slug): Path<String>, Form(t): Form<Token>) -> Response {
    let (claim, mut entry) = match resolve(&web, &slug, &t.t) {
        Ok(v) => v,
        Err(page) => return *page,
    };
    let rcpt = entry
        .recipient(&claim.recipient)
        .unwrap_or_default()
        .to_string();
    let data = web.data_dir.clone();
    let failed = |e: String| {
        warn!(quarantine_id = %claim.message, recipient = %rcpt, error = %e, "quarantine self-service failed");
        page(
            500,
            "Something went wrong",
            "<p>Nothing was done. Try again later, or ask your administrator.</p>",
        )
    };
    match claim.action {
        LinkAction::Preview => preview(&web, &entry),
        LinkAction::Release => {
            let (r, mut e) = (rcpt.clone(), entry);
            let done = tokio::task::spawn_blocking(move || pickup::release(&data, &mut e, &[r]))
                .await
                .map_err(|e| e.to_string())
                .and_then(|r| r.map_err(|e| e.to_string()));
            match done {
                Ok(()) => {
                    info!(quarantine_id = %claim.message, recipient = %rcpt, "released by its recipient");
                    page(
                        200,
                        "Released",
                        "<p>The message is on its way to your mailbox.</p>",
                    )
                }
                Err(e) => failed(e),
            }
        }
        LinkAction::RequestRelease => {
            if entry
                .release_requested_by
                .iter()
                .any(|r| r.eq_ignore_ascii_case(&rcpt))
            {
                return page(
                    200,
                    "Release requested",
                    "<p>You asked for it already: your administrator will decide.</p>",
                );
            }
            entry.release_requested_by.push(rcpt.clone());
            if let Err(e) = quarantine::save(&data, &entry) {
                return failed(e.to_string());
            }
            info!(quarantine_id = %claim.message, recipient = %rcpt, "release requested");
            tell_admins(&web, &entry, &rcpt).await;
            page(
                200,
                "Release requested",
                "<p>Your administrator has been told and will decide.</p>",
            )
        }
        LinkAction::BlockSender => {
            if entry.sender_address.is_empty() {
                return page(
                    409,
                    "Nothing to block",
                    "<p>This message has no sender address.</p>",
                );
            }
            let block = UserBlock {
                recipient: rcpt.clone(),
                sender: entry.sender_address.clone(),
                origin: format!("quarantine message {}", entry.identity),
                created: Utc::now().timestamp(),
            };
            let done = tokio::task::spawn_blocking(move || {
                crate::tabl::Sqlite::open(&data)
                    .map_err(|e| e.to_string())
                    .and_then(|mut db| db.block_for_recipient(&block).map_err(|e| e.to_string()))
            })
            .await
            .map_err(|e| e.to_string())
            .and_then(|r| r);
            match done {
                Ok(_) => {
                    info!(quarantine_id = %claim.message, recipient = %rcpt, sender = %entry.sender_address, "sender blocked by the recipient");
                    page(
                        200,
                        "Sender blocked",
                        &format!(
                            "<p>Mail from {} now goes to your Junk Email folder.</p>",
                            escape(&entry.sender_address)
                        ),
                    )
                }
                Err(e) => failed(e),
            }
        }
        LinkAction::Delete => match quarantine::delete_for(&data, &mut entry, &rcpt) {
            Ok(()) => {
                info!(quarantine_id = %claim.message, recipient = %rcpt, "deleted by its recipient");
                page(
                    200,
                    "Deleted",
                    "<p>The message was deleted from your quarantine.</p>",
                )
            }
            Err(e) => failed(e.to_string()),
        },
    }
}

/// A release request reaches the admins: postmaster of the default accepted domain (the
/// address every organisation keeps, RFC 5321), with the command that releases it.
async fn tell_admins(web: &Web, e: &quarantine::Entry, rcpt: &str) {
    let snap = web.snapshot.load_full();
    let Some(domain) = snap.state.accepted_domains.iter().find(|d| d.default) else {
        warn!(quarantine_id = %e.identity, "release requested, but there is no default accepted domain to tell its postmaster");
        return;
    };
    let to = format!("postmaster@{}", domain.domain_name);
    let id = crate::relay::queue::spool::new_id();
    let subject = format!("Release requested: {}", e.subject);
    let body = format!(
        "{rcpt} asks that a quarantined message be released.\r\n\r\nFrom: {}\r\nSubject: {}\r\nHeld as: {:?}\r\n\r\nRelease it with:\r\n  eopctl Release-QuarantineMessage -Identity {} -User {rcpt}\r\nSee the requests with:\r\n  eopctl Get-QuarantineMessage -ReleaseStatus Requested\r\n",
        e.sender_address, e.subject, e.quarantine_type, e.identity
    );
    let from = format!("quarantine@{}", domain.domain_name);
    let bytes = mail_builder::MessageBuilder::new()
        .from(from.as_str())
        .to(to.as_str())
        .subject(subject.as_str())
        .message_id(format!("{id}@{}", snap.hostname))
        .text_body(body)
        .write_to_vec();
    let sent = match bytes {
        Ok(b) => {
            notify::send_own(
                &web.queue,
                &snap,
                &to,
                &subject,
                &id,
                b,
                "release request notice",
            )
            .await
        }
        Err(e) => Err(e.to_string()),
    };
    if let Err(err) = sent {
        warn!(quarantine_id = %e.identity, error = %err, "could not tell the admins of a release request");
    }
}
