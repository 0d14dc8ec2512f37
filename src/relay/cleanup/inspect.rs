//! The stages only SMTP mail passes, in order: the loop check, removal of the service's
//! headers from clients that may not set them, enhanced filtering (the original client
//! behind the servers in front), the connection filter again for that client, sender
//! authentication (SPF, DKIM, ARC, DMARC) and the Received header. They judge a client on
//! the network; local mail has none to judge.

use std::net::IpAddr;
use std::sync::Arc;

use tracing::{debug, info};

use super::Smtp;
use crate::policy::{self, Client};
use crate::relay::Snapshot;
use crate::relay::auth::EarlySpf;
use crate::relay::queue::manager::Queue;
use crate::relay::queue::spool::QueuedRecipient;
use crate::relay::reply::{self, Reply};
use crate::state::values::canonical_ip;

/// A message after inspection.
pub struct Inspected {
    /// The fields the relay adds on top (Received, Authentication-Results).
    pub prefix: String,
    pub body: Vec<u8>,
    pub auth: Auth,
    /// The connection filter's IPAllowList matched the client (or the original one).
    pub allowed: bool,
    /// The address the filters judged: the client's, or the original one behind it.
    pub filter_ip: IpAddr,
}

/// Sender authentication's outcome.
#[derive(Default)]
pub struct Auth {
    /// The stamped fields, unfolded, for the trace; `None` for exempt clients.
    pub results: Option<String>,
    /// What the spam filter weighs; `None` for exempt clients.
    pub facts: Option<policy::antispam::AuthFacts>,
}

impl Inspected {
    /// Local mail: nothing added, nothing judged.
    pub fn local(body: Vec<u8>) -> Inspected {
        Inspected {
            prefix: String::new(),
            body,
            auth: Auth::default(),
            allowed: false,
            filter_ip: IpAddr::from([127, 0, 0, 1]),
        }
    }
}

/// The envelope, as the session collected it.
pub struct Transaction<'a> {
    pub sender: Option<&'a str>,
    pub recipients: &'a [QueuedRecipient],
    /// SPF, started at MAIL FROM.
    pub early_spf: Option<EarlySpf>,
}

/// Runs the SMTP-only stages. `Err` is the reply refusing the message.
pub async fn inspect(
    snapshot: &Arc<Snapshot>,
    queue: &Queue,
    s: &Smtp<'_>,
    client: &Client,
    id: &str,
    tx: Transaction<'_>,
    mut body: Vec<u8>,
) -> Result<Inspected, Reply> {
    let refuse = |refusal: policy::Refusal| {
        queue
            .metrics
            .rejected(crate::relay::metrics::reason(refusal));
        reply::refusal(refusal)
    };
    if let Some((refusal, blame)) = policy::check_message(count_received(&body)) {
        info!(session = s.session, reason = %blame.reason, "message refused: loop");
        return Err(refuse(refusal));
    }
    let (keep, why) = policy::headers::retains_service_headers(client);
    if !keep {
        let removed = policy::headers::strip_service_headers(&mut body);
        if removed > 0 {
            info!(session = s.session, removed, blame = %why, "service headers removed");
        }
    }
    let received = policy::enhanced_filtering::received_headers(&body);
    let peer = canonical_ip(s.peer);
    // Filters that judge the sender's address (SPF) use the original client's, found
    // behind the servers in front (enhanced filtering).
    let filter_ip = match policy::enhanced_filtering::original_ip(
        &snapshot.state,
        client,
        &received,
    ) {
        Some((ip, blame)) if ip != peer => {
            info!(session = s.session, filter_ip = %ip, blame = %blame, "original client address");
            ip
        }
        _ => peer,
    };
    // The connection filter judged the connecting address; behind servers in front it
    // judges the original client too.
    let mut allowed = s.connection.allowed;
    if filter_ip != peer {
        let v = policy::tabl::connection(
            &snapshot.connection_filter,
            &snapshot.tabl.current(),
            client,
            filter_ip,
            &[],
            chrono::Utc::now().timestamp(),
        );
        if let Some((refusal, blame)) = v.blocked {
            info!(session = s.session, filter_ip = %filter_ip, blame = %blame, "message refused: original client blocked");
            return Err(refuse(refusal));
        }
        allowed = v.allowed;
    }
    let (stamped, body, facts) = authenticate(
        snapshot,
        s,
        client,
        filter_ip,
        (tx.sender, tx.early_spf),
        body,
    )
    .await?;
    let results = (!stamped.is_empty()).then(|| {
        // Sender authentication's results as the stamped headers say them, unfolded.
        stamped
            .trim_end()
            .replace("\r\n\t", " ")
            .replace("\r\n ", " ")
    });
    let mut prefix = received_header(s, id, tx.recipients);
    prefix.push_str(&stamped);
    Ok(Inspected {
        prefix,
        body,
        auth: Auth { results, facts },
        allowed,
        filter_ip,
    })
}

/// Sender authentication: forged Authentication-Results naming us are removed; for
/// clients no connector trusts, SPF, DKIM, ARC and DMARC are checked and written to an
/// Authentication-Results field, and the DMARC policy is applied (p=reject refused with
/// the returned reply; p=quarantine stamped). Returns the fields to prepend and the
/// message. `ip` is the client's address (or the original one enhanced filtering found).
async fn authenticate(
    snapshot: &Snapshot,
    s: &Smtp<'_>,
    client: &Client,
    ip: IpAddr,
    (sender, early): (Option<&str>, Option<EarlySpf>),
    body: Vec<u8>,
) -> Result<(String, Vec<u8>, Option<policy::antispam::AuthFacts>), Reply> {
    let host = &snapshot.hostname;
    let (body, forged) = crate::relay::auth::strip_forged(&body, host);
    if forged > 0 {
        info!(
            session = s.session,
            fields = forged,
            "removed forged Authentication-Results"
        );
    }
    // A trusted connector's mail is exempt, unless enhanced filtering found the original
    // client behind it: then that client is judged as if it had connected (MX to on
    // premises, in "Enhanced Filtering for Connectors in Exchange Online").
    if ip == canonical_ip(s.peer)
        && let Some(why) = policy::auth::exempt(client)
    {
        debug!(session = s.session, blame = %why, "sender authentication skipped");
        return Ok((String::new(), body, None));
    }
    let helo = s.helo.unwrap_or_default();
    let results = s
        .auth
        .authenticate(ip, helo, sender, &body, host, early)
        .await;
    let verdict = policy::auth::judge(
        &snapshot.state.connection_filter,
        &results,
        s.connection.allowed,
    );
    let dkim: Vec<String> = results
        .dkim
        .iter()
        .map(|d| format!("{} d={} s={}", d.result, d.domain, d.selector))
        .collect();
    info!(
        session = s.session,
        spf_helo = %results.spf_helo.result,
        spf_mailfrom = %results.spf_mail_from.result,
        dkim = ?dkim,
        arc = %results.arc,
        dmarc = %results.dmarc.result,
        dmarc_domain = %results.dmarc.domain,
        action = verdict.action.word(),
        blame = ?verdict.blame.as_ref().map(ToString::to_string),
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

fn received_header(s: &Smtp<'_>, id: &str, recipients: &[QueuedRecipient]) -> String {
    // RFC 3848: ESMTPA/ESMTPSA when the client authenticated.
    let with = match (s.esmtp, s.tls, s.authenticated) {
        (true, true, true) => "ESMTPSA",
        (true, false, true) => "ESMTPA",
        (true, true, false) => "ESMTPS",
        (true, false, false) => "ESMTP",
        (false, _, _) => "SMTP",
    };
    let with = if s.smtputf8 {
        format!("UTF8{with}")
    } else {
        with.to_string()
    };
    let helo = s
        .helo
        .unwrap_or("unknown")
        .replace(|c: char| c.is_control() || c == '(' || c == ')', "");
    let for_ = match recipients {
        [one] => format!("\r\n\tfor <{}>", one.rcpt),
        _ => String::new(),
    };
    format!(
        "Received: from {helo} ([{}])\r\n\tby {} (eopctl) with {with} id {id}{for_};\r\n\t{}\r\n",
        s.peer,
        s.fqdn,
        chrono::Utc::now().to_rfc2822()
    )
}
