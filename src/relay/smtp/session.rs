//! One SMTP conversation, server side, over any stream (`AsyncRead + AsyncWrite`), so
//! tests can drive it in memory and the listener can hand it TCP or TLS.
//!
//! The session holds one `Arc<Snapshot>` for its whole life: a reload never changes the
//! rules under a conversation. Every decision is the policy's; every reply comes from
//! `reply`; the log line names what decided (with the session id), the client never sees it.

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt};
use tokio::sync::watch;
use tracing::{debug, info, warn};

use super::proto::{self, Command, DataDecoder, LineResult, MailParams, ProtoError};
use super::reply::{self, Reply};
use crate::policy::address::parse_sender;
use crate::policy::connection_filter::ConnectionVerdict;
use crate::policy::content::RuleResult;
use crate::policy::{self, Blame, Client, Origin, TlsFacts};
use crate::relay::Snapshot;
use crate::relay::content::{self, Outcome};
use crate::relay::quarantine;
use crate::relay::queue::manager::Queue;
use crate::relay::queue::spool::{Envelope, QueuedRecipient, new_id, now_secs};
use crate::state::model::{AuthMechanism, ReceiveConnector};

/// A stream a session can run over.
pub trait Stream: AsyncRead + AsyncWrite + Unpin + Send {}
impl<T: AsyncRead + AsyncWrite + Unpin + Send> Stream for T {}

/// What a session needs from the relay.
pub struct Context {
    pub snapshot: Arc<Snapshot>,
    /// Index of the receive connector in `snapshot.state.receive_connectors`.
    pub connector: usize,
    pub peer: SocketAddr,
    pub queue: Arc<Queue>,
    pub shutdown: watch::Receiver<bool>,
    /// A short id for the log.
    pub id: u64,
    /// DNS block lists and sender authentication.
    pub auth: crate::relay::auth::Authenticator,
}

struct Transaction {
    sender: Option<String>,
    params: MailParams,
    recipients: Vec<QueuedRecipient>,
    /// Each accepted recipient's Blame list (for the message trace).
    blame: Vec<Vec<Blame>>,
    /// SPF, started at MAIL FROM for clients that sender authentication judges.
    spf: Option<crate::relay::auth::EarlySpf>,
}

struct Session {
    io: Box<dyn Stream>,
    ctx: Context,
    client: Client,
    /// The connection filter's verdict (IPAllowList: spam filtering skipped).
    connection: ConnectionVerdict,
    buf: Vec<u8>,
    out: Vec<u8>,
    helo: Option<String>,
    esmtp: bool,
    /// STARTTLS done, and the client certificate's verified names.
    tls: TlsFacts,
    tx: Option<Transaction>,
    errors: u32,
    /// Discarding the rest of an over-long command line.
    skipping: bool,
}

enum Step {
    Continue,
    Close,
    StartTls,
}

/// Runs a session to its end.
pub async fn run<S: AsyncRead + AsyncWrite + Unpin + Send + 'static>(stream: S, ctx: Context) {
    let client = policy::connection::identify(
        &ctx.snapshot.state,
        Origin::Client(ctx.peer.ip()),
        &TlsFacts::default(),
    );
    info!(session = ctx.id, peer = %ctx.peer, connector = %rc(&ctx).name, client = %client.blame.object, "connect");
    let mut stream = stream;
    let connection = match connection_filter(&ctx, &client, ctx.peer.ip()).await {
        Ok(v) => v,
        Err(refused) => {
            let _ = stream.write_all(refused.to_wire().as_bytes()).await;
            info!(session = ctx.id, peer = %ctx.peer, reason = "connection filter", "disconnect");
            return;
        }
    };
    let mut s = Session {
        io: Box::new(stream),
        ctx,
        client,
        connection,
        buf: Vec::with_capacity(1024),
        out: Vec::with_capacity(512),
        helo: None,
        esmtp: false,
        tls: TlsFacts::default(),
        tx: None,
        errors: 0,
        skipping: false,
    };
    let why = s.converse().await;
    info!(session = s.ctx.id, peer = %s.ctx.peer, reason = why, "disconnect");
}

/// The connection filter, before the greeting (EOP refuses blocked sources at connection
/// time): the IP allow and block lists, then the DNS block lists for anonymous clients.
/// `ip` is the client's address (or the original one enhanced filtering found). `Err` is
/// the reply to send before closing.
async fn connection_filter(
    ctx: &Context,
    client: &Client,
    ip: std::net::IpAddr,
) -> Result<ConnectionVerdict, Reply> {
    let filter = &ctx.snapshot.connection_filter;
    let zones = filter.zones_to_query(client, ip);
    let answers = if zones.is_empty() {
        Vec::new()
    } else {
        ctx.auth.dnsbl(ip, zones).await
    };
    let verdict = filter.judge(client, ip, &answers);
    let blame: Vec<String> = verdict
        .blame
        .iter()
        .map(|b| format!("{}: {}", b.object, b.reason))
        .collect();
    if let Some((refusal, _)) = &verdict.blocked {
        info!(session = ctx.id, peer = %ctx.peer, refusal = ?refusal, blame = ?blame, "refused at connect");
        return Err(reply::refusal(*refusal));
    }
    if !blame.is_empty() {
        info!(session = ctx.id, peer = %ctx.peer, allowed = verdict.allowed, blame = ?blame, "connection filter");
    }
    Ok(verdict)
}

fn rc(ctx: &Context) -> &ReceiveConnector {
    &ctx.snapshot.state.receive_connectors[ctx.connector]
}

impl Session {
    fn rc(&self) -> &ReceiveConnector {
        rc(&self.ctx)
    }

    fn fqdn(&self) -> String {
        self.rc()
            .fqdn
            .as_ref()
            .map(|f| f.to_string())
            .unwrap_or_else(|| self.ctx.snapshot.hostname.clone())
    }

    fn reply(&mut self, r: &Reply) {
        self.out.extend_from_slice(r.to_wire().as_bytes());
    }

    /// Answers a policy refusal with its reply, and counts it in the metrics.
    fn refuse(&mut self, refusal: policy::Refusal) {
        self.ctx
            .queue
            .metrics
            .rejected(crate::relay::metrics::reason(refusal));
        self.reply(&reply::refusal(refusal));
    }

    async fn flush(&mut self) -> std::io::Result<()> {
        if !self.out.is_empty() {
            self.io.write_all(&self.out).await?;
            self.io.flush().await?;
            self.out.clear();
        }
        Ok(())
    }

    fn timeout(&self) -> Duration {
        Duration::from_secs(self.rc().connection_timeout.seconds().max(1))
    }

    /// Reads more input. `Ok(false)` on end of stream.
    async fn read_more(&mut self, idle_ok_to_stop: bool) -> Result<bool, &'static str> {
        self.flush().await.map_err(|_| "write failed")?;
        let timeout = self.timeout();
        // Small for idle sessions (a thousand of them must stay cheap), large while a
        // message streams in (fewer reads and wake-ups).
        let room = if idle_ok_to_stop { 8 * 1024 } else { 64 * 1024 };
        if self.buf.capacity() - self.buf.len() < room / 4 {
            self.buf.reserve(room);
        }
        let start = self.buf.len();
        let mut shutdown = self.ctx.shutdown.clone();
        let read = tokio::time::timeout(timeout, self.io.read_buf(&mut self.buf));
        let n = if idle_ok_to_stop {
            tokio::select! {
                r = read => r,
                _ = async { shutdown.wait_for(|s| *s).await.map(drop) } => {
                    self.reply(&reply::SHUTTING_DOWN);
                    let _ = self.flush().await;
                    return Err("shutting down");
                }
            }
        } else {
            read.await
        };
        match n {
            Err(_) => {
                self.reply(&reply::TIMEOUT);
                let _ = self.flush().await;
                Err("timeout")
            }
            Ok(Err(_)) => Err("read failed"),
            Ok(Ok(0)) => Ok(false),
            Ok(Ok(_)) => {
                if self.skipping {
                    match self.buf[start..].iter().position(|b| *b == b'\n') {
                        Some(i) => {
                            self.skipping = false;
                            self.buf.drain(start..start + i + 1);
                        }
                        None => self.buf.truncate(start),
                    }
                }
                Ok(true)
            }
        }
    }

    fn protocol_error(&mut self, r: &Reply) -> Step {
        self.errors += 1;
        if self.errors > self.rc().max_protocol_errors {
            self.reply(&reply::TOO_MANY_ERRORS);
            return Step::Close;
        }
        self.reply(r);
        Step::Continue
    }

    async fn converse(&mut self) -> &'static str {
        let rc = self.rc();
        let greeting = reply::greeting(&self.fqdn(), &rc.banner.clone());
        self.reply(&greeting);
        loop {
            let step = match proto::next_line(&self.buf) {
                LineResult::Line(n) => {
                    let line: Vec<u8> = self.buf.drain(..n + 2).take(n).collect();
                    self.command(&line).await
                }
                LineResult::BareLf(n) => {
                    self.buf.drain(..n + 1);
                    self.protocol_error(&reply::SYNTAX)
                }
                LineResult::TooLong => {
                    match self.buf.iter().position(|b| *b == b'\n') {
                        Some(i) => drop(self.buf.drain(..i + 1)),
                        None => {
                            self.buf.clear();
                            self.skipping = true;
                        }
                    }
                    self.protocol_error(&reply::LINE_TOO_LONG)
                }
                LineResult::Incomplete => match self.read_more(true).await {
                    Ok(true) => Step::Continue,
                    Ok(false) => return "client closed",
                    Err(why) => return why,
                },
            };
            match step {
                Step::Continue => {}
                Step::Close => {
                    let _ = self.flush().await;
                    return "closed";
                }
                Step::StartTls => {
                    if let Err(why) = self.start_tls().await {
                        return why;
                    }
                }
            }
        }
    }

    async fn start_tls(&mut self) -> Result<(), &'static str> {
        self.reply(&reply::READY_TLS);
        self.flush().await.map_err(|_| "write failed")?;
        // Anything the client sent after STARTTLS in the clear must not be taken as
        // commands inside TLS (CVE-2011-0411 and its kin).
        if !self.buf.is_empty() {
            warn!(
                session = self.ctx.id,
                bytes = self.buf.len(),
                "discarded plaintext pipelined after STARTTLS"
            );
            self.buf.clear();
        }
        let acceptor = self
            .ctx
            .snapshot
            .tls
            .get(&self.rc().name)
            .cloned()
            .ok_or("no TLS")?;
        let io = std::mem::replace(&mut self.io, Box::new(tokio::io::empty()));
        let tls = tokio::time::timeout(self.timeout(), acceptor.accept(io))
            .await
            .map_err(|_| "TLS handshake timeout")?
            .map_err(|e| {
                warn!(session = self.ctx.id, error = %e, "TLS handshake failed");
                "TLS handshake failed"
            })?;
        // A client certificate identifies the client only once its chain is verified;
        // the policy sees verified names and nothing else.
        let (version, names) = {
            let (_, conn) = tls.get_ref();
            let version = conn
                .protocol_version()
                .map(|v| format!("{v:?}"))
                .unwrap_or_default();
            let names = match conn.peer_certificates() {
                None => Ok(Vec::new()),
                Some(certs) => self
                    .ctx
                    .snapshot
                    .peer_check
                    .verify(certs)
                    .map_err(|e| (crate::relay::tls::names(&certs[0]).join(", "), e)),
            };
            (version, names)
        };
        self.io = Box::new(tls);
        self.helo = None;
        self.tx = None;
        let certificate_names = match names {
            Ok(names) => names,
            Err((shown, why)) => {
                info!(session = self.ctx.id, certificate = %shown, reason = %why, "client certificate not trusted: the client is not identified by it");
                Vec::new()
            }
        };
        self.tls = TlsFacts {
            on: true,
            certificate_names,
        };
        // The client again, now with what TLS proved.
        self.client = policy::connection::identify(
            &self.ctx.snapshot.state,
            Origin::Client(self.ctx.peer.ip()),
            &self.tls,
        );
        info!(session = self.ctx.id, version = %version, certificate = %self.tls.certificate_names.join(", "), client = %self.client.blame.object, reason = %self.client.blame.reason, "starttls");
        Ok(())
    }

    fn tls_offered(&self) -> bool {
        !self.tls.on
            && self.rc().auth_mechanism == AuthMechanism::Tls
            && self.ctx.snapshot.tls.contains_key(&self.rc().name)
    }

    async fn command(&mut self, line: &[u8]) -> Step {
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
                    info!(session = self.ctx.id, from = from.as_deref().unwrap_or("<>"), refusal = ?refusal, blame = %format!("{}: {}", blame.object, blame.reason), "mail refused");
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
                let blame: Vec<String> = d
                    .blame
                    .iter()
                    .map(|b| format!("{}: {}", b.object, b.reason))
                    .collect();
                match d.outcome {
                    Ok(route) => {
                        info!(session = self.ctx.id, rcpt = %to, route = %route.describe(), blame = ?blame, "rcpt accepted");
                        if let Some(tx) = &mut self.tx {
                            tx.recipients.push(QueuedRecipient { rcpt: to, route });
                            tx.blame.push(d.blame);
                        }
                        self.reply(&reply::RECIPIENT_OK);
                    }
                    Err(refusal) => {
                        info!(session = self.ctx.id, rcpt = %to, refusal = ?refusal, blame = ?blame, "rcpt refused");
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
        let mut tx = self.tx.take().expect("DATA without a transaction");
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
        if let Some((refusal, blame)) = policy::check_message(count_received(&body)) {
            info!(session = self.ctx.id, reason = %blame.reason, "message refused: loop");
            self.refuse(refusal);
            return Step::Continue;
        }
        let (keep, why) = policy::headers::retains_service_headers(&self.client);
        if !keep {
            let removed = policy::headers::strip_service_headers(&mut body);
            if removed > 0 {
                info!(session = self.ctx.id, removed, blame = %format!("{}: {}", why.object, why.reason), "service headers removed");
            }
        }
        let received = policy::enhanced_filtering::received_headers(&body);
        let peer = crate::state::values::canonical_ip(self.ctx.peer.ip());
        // Filters that judge the sender's address (SPF) use the original client's, found
        // behind the servers in front (enhanced filtering).
        let filter_ip = match policy::enhanced_filtering::original_ip(
            &self.ctx.snapshot.state,
            &self.client,
            &received,
        ) {
            Some((ip, blame)) if ip != peer => {
                info!(session = self.ctx.id, filter_ip = %ip, blame = %format!("{}: {}", blame.object, blame.reason), "original client address");
                ip
            }
            _ => peer,
        };
        // The connection filter judged the connecting address; behind servers in front it
        // judges the original client too.
        let mut allowed = self.connection.allowed;
        if filter_ip != peer {
            let v = self
                .ctx
                .snapshot
                .connection_filter
                .judge(&self.client, filter_ip, &[]);
            if let Some((refusal, blame)) = v.blocked {
                info!(session = self.ctx.id, filter_ip = %filter_ip, blame = %format!("{}: {}", blame.object, blame.reason), "message refused: original client blocked");
                self.refuse(refusal);
                return Step::Continue;
            }
            allowed = v.allowed;
        }
        let helo = self.helo.clone().unwrap_or_default();
        let authenticated = authenticate(
            &self.ctx,
            &self.client,
            filter_ip,
            &self.connection,
            &helo,
            (tx.sender.as_deref(), tx.spf.take()),
            body,
        );
        let (stamped, body, auth) = match authenticated.await {
            Ok(done) => done,
            Err(refused) => {
                self.reply(&refused);
                return Step::Continue;
            }
        };
        let id = new_id();
        let received = received_header(self, &id, &tx);
        let sender = tx.sender.clone();
        // Mail flow rules first: they may reject, delete, quarantine, edit, reroute or add
        // recipients; the protection stage then judges what is left.
        let (body, recipients, junk, rule_scl) =
            match self.content_stage(&id, &received, body, &tx).await {
                Some(queued) => queued,
                None => return Step::Continue,
            };
        let mut message = received.into_bytes();
        message.extend_from_slice(stamped.as_bytes());
        message.extend_from_slice(&body);
        drop(body);
        let env = Envelope {
            id: id.clone(),
            sender,
            received_at: now_secs(),
            client: self.ctx.peer.ip().to_string(),
            recipients,
            junk,
        };
        let rcpts = env.recipients.len();
        let trace = self.ctx.queue.trace.clone();
        trace.received(
            crate::trace::Received {
                id: &id,
                sender: env.sender.as_deref(),
                client_ip: env.client.clone(),
                helo: self.helo.as_deref().unwrap_or("unknown"),
                connector: &self.rc().name,
                tls: self.tls.on,
                revision: self.ctx.snapshot.state.revision,
                client: self.client.blame.clone(),
                recipients: env
                    .recipients
                    .iter()
                    .zip(tx.blame)
                    .map(|(r, b)| (r.rcpt.clone(), r.route.describe(), b))
                    .collect(),
            },
            &message,
        );
        if !stamped.is_empty() {
            // Sender authentication's results as the stamped headers say them, unfolded.
            let results = stamped
                .trim_end()
                .replace("\r\n\t", " ")
                .replace("\r\n ", " ");
            trace.record(
                crate::trace::Event::new(
                    &id,
                    crate::trace::Kind::Verdict,
                    format!("sender authentication of {filter_ip}: {results}"),
                )
                .revision(self.ctx.snapshot.state.revision),
            );
        }
        let arrival = crate::relay::protection::Arrival {
            snapshot: self.ctx.snapshot.clone(),
            queue: &self.ctx.queue,
            client: &self.client,
            helo: self.helo.as_deref(),
            skip: None,
            session: self.ctx.id,
            auth,
            allowed,
            rule_scl,
            dnsbl: self
                .connection
                .dnsbl
                .iter()
                .map(|l| l.zone.clone())
                .collect(),
        };
        match crate::relay::protection::accept(&arrival, env, message).await {
            Ok(id) => {
                info!(session = self.ctx.id, queue_id = %id, recipients = rcpts, "queued");
                self.ctx.queue.metrics.received(self.tls.on);
                self.reply(&reply::queued(&id));
            }
            Err(r) => {
                trace.record(crate::trace::Event::new(
                    &id,
                    crate::trace::Kind::Fail,
                    format!("refused after DATA: {}", r.to_wire().trim_end()),
                ));
                self.reply(&r);
            }
        }
        Step::Continue
    }

    /// The content stage (mail flow rules): parses the message once, asks the policy, and
    /// carries the decision out. `None` when the message is answered here (rejected, or
    /// accepted and then deleted or quarantined); otherwise the bytes, recipients and Junk
    /// flag to queue.
    async fn content_stage(
        &mut self,
        id: &str,
        received: &str,
        body: Vec<u8>,
        tx: &Transaction,
    ) -> Option<(Vec<u8>, Vec<QueuedRecipient>, bool, Option<i8>)> {
        let snapshot = self.ctx.snapshot.clone();
        if !policy::content::needed(&snapshot.state) {
            return Some((body, tx.recipients.clone(), false, None));
        }
        let rcpts: Vec<String> = tx.recipients.iter().map(|r| r.rcpt.clone()).collect();
        let facts = policy::message::parse(
            &body,
            &policy::message::Envelope {
                sender: tx.sender.as_deref(),
                recipients: &rcpts,
                client_ip: Some(self.ctx.peer.ip()),
                client_in_organization: self.client.from_on_premises(),
                now: chrono::Utc::now(),
            },
        );
        let decision =
            policy::content::decide(&snapshot.state, &snapshot.rules, &self.client, &facts);
        // Rules that matched (acted or audited) at info; with 1,000 rules the others
        // would drown the log, so they are at debug.
        for t in &decision.rules {
            if t.result != RuleResult::Matched {
                debug!(session = self.ctx.id, queue_id = %id, rule = %t.rule, result = ?t.result, reasons = ?t.reasons, "transport rule");
                continue;
            }
            info!(session = self.ctx.id, queue_id = %id, rule = %t.rule, mode = ?t.mode, result = ?t.result, reasons = ?t.reasons, actions = ?t.actions, "transport rule");
            self.ctx.queue.trace.record(
                crate::trace::Event::new(
                    id,
                    crate::trace::Kind::TransportRule,
                    format!(
                        "{:?}: {}; actions: {}",
                        t.mode,
                        t.reasons.join("; "),
                        t.actions.join("; ")
                    ),
                )
                .revision(snapshot.state.revision)
                .blame(vec![Blame::new(
                    format!("TransportRule \"{}\"", t.rule),
                    "matched",
                )]),
            );
        }
        let blamed = |b: &policy::Blame| format!("{}: {}", b.object, b.reason);
        let rule_scl = decision.actions.iter().find_map(|(a, _)| match a {
            policy::content::ContentAction::SetScl(n) => Some(*n),
            _ => None,
        });
        match content::apply(&decision, body, tx.recipients.clone()) {
            Outcome::Reject(r, blame) => {
                info!(session = self.ctx.id, blame = %blamed(&blame), "message rejected by the content stage");
                self.reply(&r);
                None
            }
            Outcome::Delete(blame) => {
                info!(session = self.ctx.id, queue_id = %id, blame = %blamed(&blame), "message deleted");
                self.reply(&reply::queued(id));
                None
            }
            Outcome::Quarantine {
                reason,
                blame,
                message,
            } => {
                let mut bytes = received.as_bytes().to_vec();
                bytes.extend_from_slice(&message);
                let now = chrono::Utc::now();
                // Rule quarantines are kept as long as the Default anti-spam policy says.
                let days = snapshot
                    .state
                    .content_filter_policies
                    .iter()
                    .find(|p| p.name == "Default")
                    .map_or(15, |p| p.quarantine_retention_period);
                let record = quarantine::Entry {
                    identity: id.to_string(),
                    received_time: now,
                    expires: now + chrono::Duration::days(i64::from(days)),
                    quarantine_type: policy::protection::QuarantineType::TransportRule,
                    sender_address: tx.sender.clone().unwrap_or_default(),
                    recipient_address: rcpts,
                    subject: facts.subject.clone(),
                    message_id: facts
                        .header_values("Message-ID")
                        .next()
                        .unwrap_or_default()
                        .to_string(),
                    size: bytes.len() as u64,
                    policy_name: blame.object.clone(),
                    reasons: vec![reason],
                    released_to: Vec::new(),
                };
                let dir = snapshot.data_dir.clone();
                let stored =
                    tokio::task::spawn_blocking(move || quarantine::put(&dir, &record, &bytes))
                        .await;
                match stored {
                    Ok(Ok(_)) => {
                        info!(session = self.ctx.id, queue_id = %id, blame = %blamed(&blame), "message quarantined");
                        self.reply(&reply::queued(id));
                    }
                    Ok(Err(e)) => {
                        warn!(session = self.ctx.id, error = %e, "could not quarantine the message");
                        self.reply(&reply::LOCAL_ERROR);
                    }
                    Err(e) => {
                        warn!(session = self.ctx.id, error = %e, "quarantine task failed");
                        self.reply(&reply::LOCAL_ERROR);
                    }
                }
                None
            }
            Outcome::Queue {
                message,
                recipients,
                junk,
                refused,
            } => {
                for (rcpt, blame) in refused {
                    info!(session = self.ctx.id, queue_id = %id, rcpt = %rcpt, blame = %blamed(&blame), "added recipient refused");
                }
                if recipients.is_empty() {
                    info!(session = self.ctx.id, queue_id = %id, "no recipient left after the content stage: message dropped");
                    self.reply(&reply::queued(id));
                    return None;
                }
                Some((message, recipients, junk, rule_scl))
            }
        }
    }
}

/// Sender authentication at the end of DATA: forged Authentication-Results naming us
/// are removed; for clients no connector trusts, SPF, DKIM, ARC and DMARC are checked
/// and written to an Authentication-Results field, and the DMARC policy is applied
/// (p=reject refused with the returned reply; p=quarantine stamped). Returns the
/// fields to prepend and the message.
/// `ip` is the client's address (or the original one enhanced filtering found). (A free
/// function, not a method: the session's stream is not `Sync`.)
async fn authenticate(
    ctx: &Context,
    client: &Client,
    ip: std::net::IpAddr,
    connection: &ConnectionVerdict,
    helo: &str,
    (sender, early_spf): (Option<&str>, Option<crate::relay::auth::EarlySpf>),
    body: Vec<u8>,
) -> Result<(String, Vec<u8>, Option<policy::antispam::AuthFacts>), Reply> {
    let host = &ctx.snapshot.hostname;
    let (body, forged) = crate::relay::auth::strip_forged(&body, host);
    if forged > 0 {
        info!(
            session = ctx.id,
            fields = forged,
            "removed forged Authentication-Results"
        );
    }
    // A trusted connector's mail is exempt, unless enhanced filtering found the original
    // client behind it: then that client is judged as if it had connected (hybrid scenarios 3 and 4, MX
    // to on premises).
    if ip == crate::state::values::canonical_ip(ctx.peer.ip())
        && let Some(why) = policy::auth::exempt(client)
    {
        tracing::debug!(session = ctx.id, blame = %format!("{}: {}", why.object, why.reason), "sender authentication skipped");
        return Ok((String::new(), body, None));
    }
    let results = ctx
        .auth
        .authenticate(ip, helo, sender, &body, host, early_spf)
        .await;
    let verdict = policy::auth::judge(
        &ctx.snapshot.state.connection_filter,
        &results,
        connection.allowed,
    );
    let dkim: Vec<String> = results
        .dkim
        .iter()
        .map(|d| format!("{} d={} s={}", d.result, d.domain, d.selector))
        .collect();
    info!(
        session = ctx.id,
        spf_helo = %results.spf_helo.result,
        spf_mailfrom = %results.spf_mail_from.result,
        dkim = ?dkim,
        arc = %results.arc,
        dmarc = %results.dmarc.result,
        dmarc_domain = %results.dmarc.domain,
        action = verdict.action.word(),
        blame = ?verdict.blame.as_ref().map(|b| format!("{}: {}", b.object, b.reason)),
        "sender authentication"
    );
    if let Some(refusal) = verdict.refusal() {
        return Err(reply::refusal(refusal));
    }
    let mut stamped = format!("Authentication-Results: {}\r\n", results.header);
    if verdict.is_spam() {
        stamped.push_str(&format!(
            "X-Eopctl-DMARC-Action: {}; header.from={}\r\n",
            verdict.action.word(),
            results.dmarc.domain
        ));
    }
    Ok((stamped, body, Some(results.facts(&verdict))))
}

/// The number of `Received:` headers in the header section.
pub fn count_received(message: &[u8]) -> usize {
    let mut n = 0;
    for line in message.split(|b| *b == b'\n') {
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        if line.is_empty() {
            break;
        }
        if line.len() >= 9 && line[..9].eq_ignore_ascii_case(b"received:") {
            n += 1;
        }
    }
    n
}

fn received_header(s: &Session, id: &str, tx: &Transaction) -> String {
    let with = match (s.esmtp, s.tls.on) {
        (true, true) => "ESMTPS",
        (true, false) => "ESMTP",
        (false, _) => "SMTP",
    };
    let with = if tx.params.smtputf8 {
        format!("UTF8{with}")
    } else {
        with.to_string()
    };
    let helo = s
        .helo
        .as_deref()
        .unwrap_or("unknown")
        .replace(|c: char| c.is_control() || c == '(' || c == ')', "");
    let for_ = match tx.recipients.as_slice() {
        [one] => format!("\r\n\tfor <{}>", one.rcpt),
        _ => String::new(),
    };
    format!(
        "Received: from {helo} ([{}])\r\n\tby {} (eopctl) with {with} id {id}{for_};\r\n\t{}\r\n",
        s.ctx.peer.ip(),
        s.fqdn(),
        chrono::Utc::now().to_rfc2822()
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::relay::queue::manager::Settings;
    use crate::relay::queue::spool::Spool;
    use arc_swap::ArcSwap;
    use tokio::io::{AsyncBufReadExt, BufReader};

    /// A session over an in-memory pipe: pipelined commands get their replies in order,
    /// and a message is queued and delivered to the Maildir. The client is on premises
    /// (trusted), so no DNS is asked: sender authentication has its own tests.
    #[tokio::test]
    async fn pipelined_session_in_memory() {
        let dir = tempfile::tempdir().unwrap();
        let text = "apiVersion: eopctl/v2\nAcceptedDomains:\n  - { Name: contoso.test, DomainName: contoso.test, Default: true }\nMailboxes:\n  - { Name: Admin, PrimarySmtpAddress: admin@contoso.test }\nReceiveConnectors:\n  - { Name: R, Bindings: [\"127.0.0.1:1\"] }\nInboundConnectors:\n  - { Name: On-prem, ConnectorType: OnPremises, SenderIPAddresses: [192.0.2.7] }\n";
        let state = crate::state::store::parse(text, std::path::Path::new("t.yaml")).unwrap();
        let snapshot = Arc::new(ArcSwap::from_pointee(
            Snapshot::build(
                state,
                dir.path(),
                "relay.test",
                &dir.path().join("none.pem"),
            )
            .unwrap(),
        ));
        let dns: Arc<dyn crate::dns::Dns> =
            Arc::new(crate::dns::Hickory::new(Some("127.0.0.1:9".parse().unwrap())).unwrap());
        let queue = Queue::new(
            Spool::open(dir.path()).unwrap(),
            dir.path().to_path_buf(),
            Settings::default(),
            dns,
            snapshot.clone(),
            crate::trace::Trace::disabled(),
        );
        let (_stop, shutdown) = watch::channel(false);
        let ctx = Context {
            snapshot: snapshot.load_full(),
            connector: 0,
            peer: "192.0.2.7:4000".parse().unwrap(),
            queue,
            shutdown,
            id: 1,
            auth: crate::relay::auth::Authenticator::new(Some("127.0.0.1:9".parse().unwrap()))
                .unwrap(),
        };
        let (client, server) = tokio::io::duplex(64 * 1024);
        let task = tokio::spawn(run(server, ctx));
        let (r, mut w) = tokio::io::split(client);
        let mut lines = BufReader::new(r).lines();
        w.write_all(b"EHLO c.test\r\nMAIL FROM:<a@x.example>\r\nRCPT TO:<nobody@contoso.test>\r\nRCPT TO:<admin@contoso.test>\r\nDATA\r\n").await.unwrap();
        let mut got = Vec::new();
        while let Some(l) = lines.next_line().await.unwrap() {
            let done = l.starts_with("354");
            got.push(l);
            if done {
                break;
            }
        }
        let codes: Vec<&str> = got
            .iter()
            .filter(|l| l.as_bytes().get(3) == Some(&b' '))
            .map(|l| &l[..3])
            .collect();
        assert_eq!(codes, ["220", "250", "250", "550", "250", "354"], "{got:?}");
        w.write_all(b"Subject: hi\r\n\r\nbody\r\n.\r\nQUIT\r\n")
            .await
            .unwrap();
        let end = lines.next_line().await.unwrap().unwrap();
        assert!(end.starts_with("250 2.6.0 Queued as "), "{end}");
        assert!(
            lines
                .next_line()
                .await
                .unwrap()
                .unwrap()
                .starts_with("221 2.0.0")
        );
        task.await.unwrap();
        let new = dir.path().join("mailboxes/admin@contoso.test/new");
        for _ in 0..200 {
            if std::fs::read_dir(&new).map(|d| d.count()).unwrap_or(0) == 1 {
                return;
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        panic!("not delivered");
    }
}
