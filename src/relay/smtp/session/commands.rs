//! The commands of a conversation: EHLO/HELO, STARTTLS, MAIL, RCPT, DATA and the rest,
//! each checked against the protocol's order and the receive connector's limits, asking
//! the policy where a command needs a decision (the sender, each recipient). DATA (or
//! BDAT's chunks) reads the message and hands it to the cleanup pipeline.

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
            // First: a chunk's octets must be read even when the command is refused.
            Command::Bdat { size, last } => return self.bdat(size, last, must_tls).await,
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
                lines.push("CHUNKING".into());
                match self.rc().max_message_size.limit() {
                    Some(l) => lines.push(format!("SIZE {l}")),
                    None => lines.push("SIZE".into()),
                }
                lines.extend(["8BITMIME", "ENHANCEDSTATUSCODES", "SMTPUTF8"].map(String::from));
                if self.tls_offered() {
                    lines.push("STARTTLS".into());
                }
                if self.auth_offered() {
                    lines.push(crate::relay::smtp::sasl::Mechanism::OFFERED.into());
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
            Command::Auth { mechanism, initial } => return self.auth(&mechanism, initial).await,
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
                let refused = self.may_send_as(from.as_deref()).or_else(|| {
                    policy::tabl::mail_from(
                        &self.ctx.snapshot.tabl.current(),
                        &self.client,
                        from.as_deref(),
                        chrono::Utc::now().timestamp(),
                    )
                });
                let outbound = match refused {
                    Some(r) => Err(r),
                    None => {
                        crate::relay::outbound::begin(
                            &self.ctx.snapshot,
                            &self.client,
                            from.as_deref(),
                            // SMTP AUTH: the organisation's own sender, under its
                            // outbound spam policy like mail from on premises.
                            self.client.submitter.is_some(),
                            self.ctx.id,
                        )
                        .await
                    }
                };
                let outbound = match outbound {
                    Ok(o) => o,
                    Err((refusal, blame)) => {
                        info!(session = self.ctx.id, from = from.as_deref().unwrap_or("<>"), refusal = %refusal, blame = %blame, "mail refused");
                        self.refuse(refusal);
                        return Step::Continue;
                    }
                };
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
                    chunks: None,
                    outbound,
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
                let declared = tx.params.size;
                let d = policy::recipient::decide(&self.ctx.snapshot.state, &self.client, &to);
                let blame: Vec<String> = d.blame.iter().map(|b| b.to_string()).collect();
                match d.outcome {
                    // RFC 1870 §6.2: a size one recipient's way cannot carry is refused
                    // for that recipient (its send connector's MaxMessageSize).
                    Ok(route) if declared.is_some_and(|s| route.limits().too_big(s)) => {
                        info!(session = self.ctx.id, rcpt = %to, route = %route.describe(), blame = %blame.join("; "), "rcpt refused: declared SIZE over the send connector's MaxMessageSize");
                        self.reply(&reply::SIZE_EXCEEDED);
                    }
                    Ok(route) => {
                        let external = d.class == Some(policy::RecipientClass::External);
                        if let Some(tx) = &mut self.tx
                            && let Some(tally) = &mut tx.outbound
                            && let Err((refusal, why)) = crate::relay::outbound::rcpt(
                                &self.ctx.snapshot,
                                &self.ctx.queue,
                                tally,
                                external,
                                self.ctx.id,
                            )
                            .await
                        {
                            info!(session = self.ctx.id, rcpt = %to, refusal = %refusal, blame = %why, "rcpt refused");
                            self.refuse(refusal);
                            return Step::Continue;
                        }
                        info!(session = self.ctx.id, rcpt = %to, route = %route.describe(), blame = %blame.join("; "), "rcpt accepted");
                        if let Some(tx) = &mut self.tx {
                            tx.recipients.push(QueuedRecipient { rcpt: to, route });
                            tx.blame.push(d.blame);
                        }
                        self.reply(&reply::RECIPIENT_OK);
                    }
                    Err(refusal) => {
                        info!(session = self.ctx.id, rcpt = %to, refusal = %refusal, blame = %blame.join("; "), "rcpt refused");
                        if refusal == policy::Refusal::UnknownRecipient {
                            self.edge_blocked(&to, d.blame);
                        }
                        self.refuse(refusal);
                    }
                }
            }
            Command::Data => {
                match &self.tx {
                    None => return self.protocol_error(&reply::NEED_MAIL),
                    // RFC 3030 §2: one message is sent with BDAT or with DATA, never both.
                    Some(tx) if tx.chunks.is_some() => {
                        return self.protocol_error(&reply::BAD_SEQUENCE);
                    }
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

    /// Whether the client may send through this connector (PermissionGroups), and as this
    /// sender: an authenticated client as its own addresses, anyone else within the
    /// partner restrictions. `Some` is the refusal.
    fn may_send_as(&self, from: Option<&str>) -> Option<(policy::Refusal, policy::Blame)> {
        if let Err(refused) = policy::submission::may_send(self.rc(), &self.client) {
            return Some(refused);
        }
        match &self.client.submitter {
            Some(who) => policy::submission::send_as(&self.ctx.snapshot.state, who, from).err(),
            None => policy::sender::check(
                &self.ctx.snapshot.state,
                Origin::Client(self.ctx.peer.ip()),
                &self.tls,
                from,
            )
            .err(),
        }
    }

    async fn data(&mut self) -> Step {
        self.reply(&reply::START_DATA);
        let limit = self.rc().max_message_size.limit();
        let mut decoder = DataDecoder::new(limit);
        let mut body = Vec::with_capacity(8 * 1024);
        loop {
            let lines = decoder.lines;
            let end = decoder.feed(&self.buf, &mut body);
            if decoder.lines > lines {
                self.next_record();
            }
            if let Some(end) = end {
                self.buf.drain(..end);
                break;
            }
            self.buf.clear();
            if let Some(end) = self.more_of_message("client closed in DATA").await {
                return end;
            }
        }
        self.shrink_buffer();
        let tx = self.tx.take().expect("DATA without a transaction");
        self.submit(tx, &decoder, body).await
    }

    /// BDAT (RFC 3030): takes the chunk's `size` octets whatever the answer will be (they
    /// are data, never commands), then answers; the LAST chunk submits the message. A
    /// chunk that takes the message over MaxMessageSize ends the transaction with 552,
    /// and later chunks of it get 503, as they would with no MAIL.
    async fn bdat(&mut self, size: u64, last: bool, must_tls: bool) -> Step {
        let refusal = if must_tls {
            Some(reply::MUST_STARTTLS)
        } else {
            match &self.tx {
                None => Some(reply::NEED_MAIL),
                Some(tx) if tx.recipients.is_empty() => Some(reply::NO_VALID_RECIPIENTS),
                Some(_) => None,
            }
        };
        let limit = self.rc().max_message_size.limit();
        let mut chunks = match (&refusal, self.tx.as_mut()) {
            (None, Some(tx)) => tx
                .chunks
                .take()
                .unwrap_or_else(|| (DataDecoder::chunks(limit), Vec::new())),
            // Read and thrown away: the checks still run, nothing is kept.
            _ => (DataDecoder::chunks(Some(0)), Vec::new()),
        };
        let mut left = size;
        loop {
            let take = left.min(self.buf.len() as u64) as usize;
            let lines = chunks.0.lines;
            chunks.0.feed(&self.buf[..take], &mut chunks.1);
            if chunks.0.lines > lines {
                self.next_record();
            }
            self.buf.drain(..take);
            left -= take as u64;
            if left == 0 {
                break;
            }
            if let Some(end) = self.more_of_message("client closed in BDAT").await {
                return end;
            }
        }
        self.shrink_buffer();
        if let Some(r) = refusal {
            return self.protocol_error(&r);
        }
        if chunks.0.too_big {
            info!(
                session = self.ctx.id,
                reason = "message over MaxMessageSize",
                "message refused"
            );
            self.ctx
                .queue
                .metrics
                .rejected("message over MaxMessageSize");
            self.tx = None;
            self.reply(&reply::SIZE_EXCEEDED);
            return Step::Continue;
        }
        if !last {
            self.reply(&reply::chunk_received(size));
            if let Some(tx) = self.tx.as_mut() {
                tx.chunks = Some(chunks);
            }
            return Step::Continue;
        }
        let (mut decoder, mut body) = chunks;
        decoder.finish(&mut body);
        let tx = self.tx.take().expect("BDAT LAST without a transaction");
        self.submit(tx, &decoder, body).await
    }

    /// Reads more of a message; the step that ends the session (the transaction dropped)
    /// when the client is gone or too slow.
    async fn more_of_message(&mut self, closed: &'static str) -> Option<Step> {
        let why = match self.read_more(false).await {
            Ok(true) => return None,
            Ok(false) => closed,
            Err(why) => why,
        };
        self.tx = None;
        Some(Step::Drop(why))
    }

    /// After a message: an idle session goes back to a small buffer.
    fn shrink_buffer(&mut self) {
        if self.buf.capacity() > 16 * 1024 {
            self.buf.shrink_to(8 * 1024);
        }
    }

    /// A whole message, from DATA or BDAT: refused for what the decoder found wrong in it,
    /// or handed to the cleanup pipeline.
    async fn submit(&mut self, tx: Transaction, decoder: &DataDecoder, body: Vec<u8>) -> Step {
        let refused = if decoder.bare_line_ending {
            Some((reply::BARE_LINE_ENDING, "bare CR or LF in data"))
        } else if decoder.nul {
            Some((reply::NUL_IN_DATA, "NUL in data"))
        } else if decoder.too_big {
            Some((reply::SIZE_EXCEEDED, "message over MaxMessageSize"))
        } else if decoder.line_too_long {
            Some((reply::DATA_LINE_TOO_LONG, "line over 998 octets"))
        } else if !tx.recipients.is_empty()
            && tx
                .recipients
                .iter()
                .all(|r| r.route.limits().too_big(body.len() as u64))
        {
            // Every recipient's send connector would refuse it: refused now rather than
            // accepted and returned. (When only some would, the others get it and those
            // recipients a non-delivery report.)
            Some((
                reply::SIZE_EXCEEDED,
                "message over its send connectors' MaxMessageSize",
            ))
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
            authenticated: self.client.submitter.is_some(),
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
            outbound: tx.outbound,
        };
        let answer = cleanup::submit(self.ctx.snapshot.clone(), &self.ctx.queue, submission).await;
        match answer {
            Ok(id) => self.reply(&reply::queued(&id)),
            Err(r) => self.reply(&r),
        }
        Step::Continue
    }
}
