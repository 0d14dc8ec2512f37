//! The commands of a conversation: EHLO/HELO, STARTTLS, MAIL, RCPT, DATA and the rest,
//! each checked against the protocol's order and the receive connector's limits, asking
//! the policy where a command needs a decision (the sender, each recipient). DATA reads
//! the message and hands it to the cleanup pipeline.

use tracing::info;

use super::{Session, Step, Transaction};
use crate::policy::address::parse_sender;
use crate::policy::{self, Origin};
use crate::relay::cleanup;
use crate::relay::queue::spool::QueuedRecipient;
use crate::relay::reply;
use crate::relay::smtp::proto::{self, Command, DataDecoder, ProtoError};

impl Session {
    pub(super) async fn command(&mut self, line: &[u8]) -> Step {
        let cmd = match proto::parse_command(line) {
            Ok(c) => c,
            Err(e) => {
                let r = match e {
                    ProtoError::Unrecognized
                    | ProtoError::BareLineEnding
                    | ProtoError::BadBytes => reply::SYNTAX,
                    ProtoError::Arguments => reply::PARAMETERS,
                    ProtoError::UnknownParameter => reply::PARAM_NOT_RECOGNIZED,
                };
                return self.protocol_error(&r);
            }
        };
        // The receive connector's RequireTLS, or the identifying inbound connector's RequireTls.
        let must_tls = (self.rc().require_tls && !self.tls.on)
            || policy::connection::tls_required(&self.client, &self.tls).is_some();
        match cmd {
            Command::Ehlo(name) => {
                self.helo = Some(name);
                self.esmtp = true;
                self.tx = None;
                let mut lines = vec![
                    reply::helo(&self.fqdn(), &self.ctx.peer.ip().to_string())
                        .text
                        .to_string(),
                ];
                lines.push("PIPELINING".into());
                match self.rc().max_message_size.limit() {
                    Some(l) => lines.push(format!("SIZE {l}")),
                    None => lines.push("SIZE".into()),
                }
                lines.extend(["8BITMIME", "ENHANCEDSTATUSCODES", "SMTPUTF8"].map(String::from));
                if self.tls_offered() {
                    lines.push("STARTTLS".into());
                }
                self.out
                    .extend_from_slice(reply::lines(250, &lines).as_bytes());
            }
            Command::Helo(name) => {
                self.helo = Some(name);
                self.esmtp = false;
                self.tx = None;
                let r = reply::helo(&self.fqdn(), &self.ctx.peer.ip().to_string());
                self.reply(&r);
            }
            Command::StartTls => {
                if self.tls.on || self.tx.is_some() {
                    return self.protocol_error(&reply::BAD_SEQUENCE);
                }
                if !self.tls_offered() {
                    return self.protocol_error(&reply::TLS_UNAVAILABLE);
                }
                return Step::StartTls;
            }
            Command::Mail { .. } | Command::Rcpt { .. } | Command::Data if must_tls => {
                return self.protocol_error(&reply::MUST_STARTTLS);
            }
            Command::Mail { from, params } => {
                if self.helo.is_none() {
                    return self.protocol_error(&reply::NEED_HELO);
                }
                if self.tx.is_some() {
                    return self.protocol_error(&reply::BAD_SEQUENCE);
                }
                if let Some(f) = &from {
                    if !f.is_ascii() && !params.smtputf8 {
                        self.reply(&reply::NEEDS_SMTPUTF8);
                        return Step::Continue;
                    }
                    if parse_sender(f).is_err() {
                        self.reply(&reply::BAD_SENDER);
                        return Step::Continue;
                    }
                }
                if let (Some(size), Some(limit)) = (params.size, self.rc().max_message_size.limit())
                    && size > limit
                {
                    self.reply(&reply::SIZE_EXCEEDED);
                    return Step::Continue;
                }
                if let Err((refusal, blame)) = policy::sender::check(
                    &self.ctx.snapshot.state,
                    Origin::Client(self.ctx.peer.ip()),
                    &self.tls,
                    from.as_deref(),
                ) {
                    info!(session = self.ctx.id, from = from.as_deref().unwrap_or("<>"), refusal = %refusal, blame = %blame, "mail refused");
                    self.refuse(refusal);
                    return Step::Continue;
                }
                info!(
                    session = self.ctx.id,
                    from = from.as_deref().unwrap_or("<>"),
                    "mail"
                );
                let spf = policy::auth::exempt(&self.client).is_none().then(|| {
                    let ip = crate::state::values::canonical_ip(self.ctx.peer.ip());
                    let helo = self.helo.as_deref().unwrap_or_default();
                    let sender = from.as_deref().unwrap_or_default();
                    let host = &self.ctx.snapshot.hostname;
                    self.ctx.auth.spf_early(ip, helo, sender, host)
                });
                self.tx = Some(Transaction {
                    sender: from,
                    params,
                    recipients: Vec::new(),
                    blame: Vec::new(),
                    spf,
                });
                self.reply(&reply::SENDER_OK);
            }
            Command::Rcpt { to } => {
                let max = self.rc().max_recipients_per_message as usize;
                let Some(tx) = &self.tx else {
                    return self.protocol_error(&reply::NEED_MAIL);
                };
                if !to.is_ascii() && !tx.params.smtputf8 {
                    self.reply(&reply::NEEDS_SMTPUTF8);
                    return Step::Continue;
                }
                if tx.recipients.len() >= max {
                    self.reply(&reply::TOO_MANY_RECIPIENTS);
                    return Step::Continue;
                }
                let d = policy::recipient::decide(&self.ctx.snapshot.state, &self.client, &to);
                let blame: Vec<String> = d.blame.iter().map(|b| b.to_string()).collect();
                match d.outcome {
                    Ok(route) => {
                        info!(session = self.ctx.id, rcpt = %to, route = %route.describe(), blame = %blame.join("; "), "rcpt accepted");
                        if let Some(tx) = &mut self.tx {
                            tx.recipients.push(QueuedRecipient { rcpt: to, route });
                            tx.blame.push(d.blame);
                        }
                        self.reply(&reply::RECIPIENT_OK);
                    }
                    Err(refusal) => {
                        info!(session = self.ctx.id, rcpt = %to, refusal = %refusal, blame = %blame.join("; "), "rcpt refused");
                        self.refuse(refusal);
                    }
                }
            }
            Command::Data => {
                match &self.tx {
                    None => return self.protocol_error(&reply::NEED_MAIL),
                    Some(tx) if tx.recipients.is_empty() => {
                        self.reply(&reply::NO_VALID_RECIPIENTS);
                        return Step::Continue;
                    }
                    Some(_) => {}
                }
                return self.data().await;
            }
            Command::Rset => {
                self.tx = None;
                self.reply(&reply::RESET);
            }
            Command::Noop => self.reply(&reply::OK),
            Command::Vrfy => self.reply(&reply::VRFY),
            Command::Expn | Command::Help => self.reply(&reply::NOT_IMPLEMENTED),
            Command::Quit => {
                let r = reply::closing(&self.fqdn());
                self.reply(&r);
                return Step::Close;
            }
        }
        Step::Continue
    }

    async fn data(&mut self) -> Step {
        self.reply(&reply::START_DATA);
        let limit = self.rc().max_message_size.limit();
        let mut decoder = DataDecoder::new(limit);
        let mut body = Vec::with_capacity(8 * 1024);
        loop {
            if let Some(end) = decoder.feed(&self.buf, &mut body) {
                self.buf.drain(..end);
                break;
            }
            self.buf.clear();
            match self.read_more(false).await {
                Ok(true) => {}
                Ok(false) | Err(_) => {
                    self.tx = None;
                    return Step::Close;
                }
            }
        }
        if self.buf.capacity() > 16 * 1024 {
            self.buf.shrink_to(8 * 1024);
        }
        let tx = self.tx.take().expect("DATA without a transaction");
        let refused = if decoder.bare_line_ending {
            Some((reply::BARE_LINE_ENDING, "bare CR or LF in data"))
        } else if decoder.too_big {
            Some((reply::SIZE_EXCEEDED, "message over MaxMessageSize"))
        } else if decoder.line_too_long {
            Some((reply::DATA_LINE_TOO_LONG, "line over 998 octets"))
        } else {
            None
        };
        if let Some((r, why)) = refused {
            info!(session = self.ctx.id, reason = why, "message refused");
            self.ctx.queue.metrics.rejected(why);
            self.reply(&r);
            return Step::Continue;
        }
        let fqdn = self.fqdn();
        let smtp = cleanup::Smtp {
            session: self.ctx.id,
            peer: self.ctx.peer.ip(),
            helo: self.helo.as_deref(),
            esmtp: self.esmtp,
            tls: self.tls.on,
            smtputf8: tx.params.smtputf8,
            fqdn: &fqdn,
            connector: &self.rc().name,
            connection: &self.connection,
            auth: &self.ctx.auth,
        };
        let submission = cleanup::Submission {
            sender: tx.sender,
            recipients: tx.recipients,
            blame: tx.blame,
            message: body,
            client: &self.client,
            source: cleanup::Source::Smtp(smtp, tx.spf),
        };
        let answer = cleanup::submit(self.ctx.snapshot.clone(), &self.ctx.queue, submission).await;
        match answer {
            Ok(id) => self.reply(&reply::queued(&id)),
            Err(r) => self.reply(&r),
        }
        Step::Continue
    }
}
