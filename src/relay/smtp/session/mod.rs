//! One SMTP conversation, server side, over any stream (`AsyncRead + AsyncWrite`), so
//! tests can drive it in memory and the listener can hand it TCP or TLS.
//!
//! The session is the protocol only: the state machine, its limits and its replies. The
//! checks a command needs (connection filter, sender, recipient) are the policy's; a
//! finished message goes to the cleanup pipeline (`relay::cleanup`), which owns every
//! stage after DATA. The session holds one `Arc<Snapshot>` for its whole life: a reload
//! never changes the rules under a conversation. Every reply comes from `reply`; the log
//! line names what decided (with the session id), the client never sees it.

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt};
use tokio::sync::watch;
use tokio::time::Instant;
use tracing::{info, warn};

use crate::policy::connection_filter::ConnectionVerdict;
use crate::policy::{self, Blame, Client, Origin, TlsFacts};
use crate::relay::Snapshot;
use crate::relay::io::Stream;
use crate::relay::queue::manager::Queue;
use crate::relay::queue::spool::{QueuedRecipient, new_id};
use crate::relay::reply::{self, Reply};
use crate::relay::smtp::proto::{self, LineResult, MailParams};
use crate::state::model::{AuthMechanism, ReceiveConnector};
use crate::trace;

mod auth;
mod commands;

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
    /// The message so far, once a BDAT chunk has come (and DATA may no longer).
    chunks: Option<(proto::DataDecoder, Vec<u8>)>,
    /// The organisation's outbound mail: the sender's recipients counted against its
    /// outbound spam policy's limits.
    outbound: Option<crate::relay::outbound::Tally>,
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
    /// When the connection must end, however busy (ConnectionTimeout).
    ends: Instant,
    /// When the record being read (a command line, a line of DATA) must be complete
    /// (ConnectionInactivityTimeout): a client that trickles a byte at a time is dropped
    /// once its line is late, not kept alive by each byte (Postfix's
    /// `smtpd_per_record_deadline`).
    record_due: Instant,
}

enum Step {
    Continue,
    Close,
    /// The connection is lost or given up (the reason, for the log).
    Drop(&'static str),
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
    let start = Instant::now();
    let mut stream = stream;
    let connection = match connection_filter(&ctx, &client, ctx.peer.ip()).await {
        Ok(v) => v,
        Err(refused) => {
            let _ = stream.write_all(refused.to_wire().as_bytes()).await;
            info!(session = ctx.id, peer = %ctx.peer, reason = "connection filter", "disconnect");
            return;
        }
    };
    let ends = start + seconds(rc(&ctx).connection_timeout.seconds());
    let record_due = start + seconds(rc(&ctx).connection_inactivity_timeout.seconds());
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
        ends,
        record_due,
    };
    // RFC 8314 §3.3: on an implicit-TLS listener the handshake comes first, the greeting
    // inside it.
    if s.rc().implicit_tls
        && let Err(why) = s.handshake().await
    {
        info!(session = s.ctx.id, peer = %s.ctx.peer, reason = why, "disconnect");
        return;
    }
    let why = s.converse().await;
    info!(session = s.ctx.id, peer = %s.ctx.peer, reason = why, "disconnect");
}

/// The connection filter, before the greeting (EOP refuses blocked sources at connection
/// time): the Tenant Allow/Block List's IP entries, the IP allow and block lists, then the
/// DNS block lists for anonymous clients.
/// `ip` is the client's address (or the original one enhanced filtering found). `Err` is
/// the reply to send before closing.
async fn connection_filter(
    ctx: &Context,
    client: &Client,
    ip: std::net::IpAddr,
) -> Result<ConnectionVerdict, Reply> {
    let filter = &ctx.snapshot.connection_filter;
    let tabl = ctx.snapshot.tabl.current();
    let now = chrono::Utc::now().timestamp();
    let zones = policy::tabl::zones_to_query(filter, &tabl, client, ip, now);
    let answers = if zones.is_empty() {
        Vec::new()
    } else {
        ctx.auth.dnsbl(ip, zones).await
    };
    let verdict = policy::tabl::connection(filter, &tabl, client, ip, &answers, now);
    let blame: Vec<String> = verdict.blame.iter().map(|b| b.to_string()).collect();
    if let Some((refusal, _)) = &verdict.blocked {
        info!(session = ctx.id, peer = %ctx.peer, refusal = %refusal, blame = %blame.join("; "), "refused at connect");
        return Err(reply::refusal(*refusal));
    }
    if !blame.is_empty() {
        info!(session = ctx.id, peer = %ctx.peer, allowed = verdict.allowed, blame = %blame.join("; "), "connection filter");
    }
    Ok(verdict)
}

fn seconds(n: u64) -> Duration {
    Duration::from_secs(n.max(1))
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

    /// Directory Based Edge Blocking refused `rcpt`: traced as a failed message of its own
    /// (EOP's trace shows these too) and counted, so the reports' EdgeBlockSpam has it.
    fn edge_blocked(&self, rcpt: &str, blame: Vec<Blame>) {
        let state = &self.ctx.snapshot.state;
        let direction = policy::direction::of(state, &self.client, rcpt);
        let id = new_id();
        let queue = &self.ctx.queue;
        queue.trace.message(trace::Message {
            trace_id: id.clone(),
            recipients: vec![rcpt.to_string()],
            received: chrono::Utc::now().timestamp(),
            sender: self
                .tx
                .as_ref()
                .and_then(|t| t.sender.clone())
                .unwrap_or_default(),
            subject: String::new(),
            message_id: String::new(),
            from_ip: self.ctx.peer.ip().to_string(),
            size: 0,
        });
        let wire = reply::refusal(policy::Refusal::UnknownRecipient).to_wire();
        queue.trace.record(
            trace::Event::new(
                &id,
                trace::Kind::Fail,
                format!("refused at RCPT: {}", wire.trim_end()),
            )
            .recipient(rcpt)
            .revision(state.revision)
            .blame(blame)
            .direction(direction)
            .verdict(trace::Verdict::EdgeBlock),
        );
        queue
            .metrics
            .disposition(direction, Some(trace::Verdict::EdgeBlock));
    }

    async fn flush(&mut self) -> std::io::Result<()> {
        if !self.out.is_empty() {
            self.io.write_all(&self.out).await?;
            self.io.flush().await?;
            self.out.clear();
        }
        Ok(())
    }

    /// Starts the clock for the next record: the client has
    /// ConnectionInactivityTimeout to deliver it whole.
    fn next_record(&mut self) {
        self.record_due =
            Instant::now() + seconds(self.rc().connection_inactivity_timeout.seconds());
    }

    /// The moment the current read must finish by: the record's deadline, or the
    /// connection's end if that comes first.
    fn due(&self) -> Instant {
        self.record_due.min(self.ends)
    }

    /// Why a read timed out, for the log.
    fn late(&self) -> &'static str {
        if Instant::now() >= self.ends {
            "connection time limit"
        } else {
            "timeout"
        }
    }

    /// Reads more input. `Ok(false)` on end of stream.
    async fn read_more(&mut self, idle_ok_to_stop: bool) -> Result<bool, &'static str> {
        self.flush().await.map_err(|_| "write failed")?;
        let due = self.due();
        // Small for idle sessions (a thousand of them must stay cheap), large while a
        // message streams in (fewer reads and wake-ups).
        let room = if idle_ok_to_stop { 8 * 1024 } else { 64 * 1024 };
        if self.buf.capacity() - self.buf.len() < room / 4 {
            self.buf.reserve(room);
        }
        let start = self.buf.len();
        let mut shutdown = self.ctx.shutdown.clone();
        let read = tokio::time::timeout_at(due, self.io.read_buf(&mut self.buf));
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
                Err(self.late())
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
                    self.next_record();
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
                Step::Drop(why) => return why,
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
        self.handshake().await
    }

    /// The TLS handshake (after STARTTLS, or first thing on an implicit-TLS listener),
    /// then the client identified again with what TLS proved.
    async fn handshake(&mut self) -> Result<(), &'static str> {
        let acceptor = self
            .ctx
            .snapshot
            .tls
            .get(&self.rc().name)
            .cloned()
            .ok_or("no TLS")?;
        let io = std::mem::replace(&mut self.io, Box::new(tokio::io::empty()));
        let tls = tokio::time::timeout_at(self.due(), acceptor.accept(io))
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
            && self.rc().has(AuthMechanism::Tls)
            && self.ctx.snapshot.tls.contains_key(&self.rc().name)
    }
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
        let text = "apiVersion: eopctl/v3\nAcceptedDomains:\n  - { Name: contoso.test, DomainName: contoso.test, Default: true }\nMailboxes:\n  - { Name: Admin, PrimarySmtpAddress: admin@contoso.test }\nReceiveConnectors:\n  - { Name: R, Bindings: [\"127.0.0.1:1\"] }\nInboundConnectors:\n  - { Name: On-prem, ConnectorType: OnPremises, SenderIPAddresses: [192.0.2.7] }\n";
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
