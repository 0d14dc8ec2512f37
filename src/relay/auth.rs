//! The DNS side of protection: DNS block list lookups at connect, and sender
//! authentication (SPF, DKIM, DMARC, ARC) with the mail-auth crate at the end of DATA.
//! Both ask the relay's DNS server (`--dns` / EOPCTL_DNS, or the system's), with time
//! limits, and hand what they found to the pure policy (`policy::connection_filter`,
//! `policy::auth`) as facts.
//!
//! Every function takes the client IP as a parameter: the caller passes the connecting
//! address, or the original one enhanced filtering found.

use std::net::IpAddr;
use std::net::SocketAddr;
use std::time::Duration;

use mail_auth::dmarc::Policy;
use mail_auth::dmarc::verify::DmarcParameters;
use mail_auth::hickory_resolver::proto::rr::RData;
use mail_auth::spf::verify::SpfParameters;
use mail_auth::{
    AuthenticatedMessage, AuthenticationResults, DkimResult, DmarcResult, MessageAuthenticator,
    SpfResult,
};
use tracing::info;

use crate::policy::auth::{AuthResults, DkimCheck, DmarcCheck, DmarcPolicy, Outcome, SpfCheck};
use crate::policy::connection_filter::DnsblAnswer;
use crate::state::values::Fqdn;

/// How long the DNS block lists may take, all zones together, before the client is
/// served as if unlisted (a slow list must not hold every connection).
pub const DNSBL_TIMEOUT: Duration = Duration::from_secs(5);
/// How long sender authentication may take for one message before it is recorded as a
/// temporary error and the message goes on.
pub const AUTH_TIMEOUT: Duration = Duration::from_secs(20);

/// Sender authentication's resolver cannot be built.
#[derive(Debug, thiserror::Error)]
#[error(
    "cannot build the sender authentication resolver (asking {}): {source}",
    crate::dns::asking(*.server)
)]
pub struct ResolverError {
    pub server: Option<SocketAddr>,
    #[source]
    pub source: mail_auth::hickory_resolver::net::NetError,
}

/// mail-auth's authenticator over the relay's DNS server.
#[derive(Clone)]
pub struct Authenticator(MessageAuthenticator);

impl Authenticator {
    pub fn new(dns: Option<SocketAddr>) -> Result<Authenticator, ResolverError> {
        let (config, opts) = crate::dns::resolver_config(dns);
        MessageAuthenticator::new(config, opts)
            .map(Authenticator)
            .map_err(|source| ResolverError {
                server: dns,
                source,
            })
    }

    /// Asks every zone about `ip` at once; a zone that fails or is slow counts as not
    /// listing the client (logged).
    pub async fn dnsbl(&self, ip: IpAddr, zones: &[Fqdn]) -> Vec<DnsblAnswer> {
        let mut tasks = tokio::task::JoinSet::new();
        for zone in zones {
            let resolver = self.0.resolver().clone();
            let zone = zone.to_string();
            let name = format!(
                "{}.",
                crate::policy::connection_filter::dnsbl_query(ip, &zone)
            );
            tasks.spawn(async move {
                let answer = resolver.ipv4_lookup(name.as_str()).await;
                (zone, answer)
            });
        }
        let mut out = Vec::new();
        let gather = async {
            while let Some(Ok((zone, answer))) = tasks.join_next().await {
                match answer {
                    Ok(lookup) => out.push(DnsblAnswer {
                        zone,
                        addresses: lookup
                            .answers()
                            .iter()
                            .filter_map(|r| match &r.data {
                                RData::A(a) => Some(a.0),
                                _ => None,
                            })
                            .collect(),
                    }),
                    Err(e) if e.is_nx_domain() || e.is_no_records_found() => {}
                    Err(e) => {
                        info!(zone = %zone, client = %ip, error = %e, "DNS block list lookup failed; taken as not listed")
                    }
                }
            }
        };
        if tokio::time::timeout(DNSBL_TIMEOUT, gather).await.is_err() {
            info!(client = %ip, "DNS block list lookups timed out; the rest taken as not listed");
        }
        out
    }

    /// Starts SPF for the client and identities known at MAIL FROM, so its lookups run
    /// while the client sends the message rather than after it.
    pub fn spf_early(&self, ip: IpAddr, helo: &str, sender: &str, authserv_id: &str) -> EarlySpf {
        let (me, id) = (self.clone(), authserv_id.to_string());
        let (h, s) = (helo.to_string(), sender.to_string());
        let task = tokio::spawn(async move {
            tokio::time::timeout(AUTH_TIMEOUT, me.spf(ip, &h, &s, &id))
                .await
                .ok()
        });
        EarlySpf {
            key: (ip, helo.to_string(), sender.to_string()),
            task: Some(task),
        }
    }

    /// SPF for the HELO and MAIL FROM identities, both at once.
    async fn spf(&self, ip: IpAddr, helo: &str, sender: &str, authserv_id: &str) -> Spf {
        let ma = &self.0;
        let spf_helo = ma.verify_spf(SpfParameters::verify_ehlo(ip, helo, authserv_id));
        let spf_mail_from = async {
            // The null sender's MAIL FROM identity is the HELO one (RFC 7208 §2.4).
            if sender.is_empty() {
                None
            } else {
                let p = SpfParameters::verify_mail_from(ip, helo, authserv_id, sender);
                Some(ma.verify_spf(p).await)
            }
        };
        let (helo, mail_from) = tokio::join!(spf_helo, spf_mail_from);
        Spf {
            mail_from: mail_from.unwrap_or_else(|| helo.clone()),
            helo,
        }
    }

    /// Checks SPF (HELO and MAIL FROM identities), DKIM, ARC and DMARC for a message
    /// from `ip`, and builds the Authentication-Results header with `authserv_id`.
    /// `early` is the SPF started at MAIL FROM, used when it judged the same client.
    pub async fn authenticate(
        &self,
        ip: IpAddr,
        helo: &str,
        sender: Option<&str>,
        message: &[u8],
        authserv_id: &str,
        early: Option<EarlySpf>,
    ) -> AuthResults {
        let checks = self.check(ip, helo, sender, message, authserv_id, early);
        match tokio::time::timeout(AUTH_TIMEOUT, checks).await {
            Ok(results) => results,
            Err(_) => timed_out(helo, sender, authserv_id),
        }
    }

    async fn check(
        &self,
        ip: IpAddr,
        helo: &str,
        sender: Option<&str>,
        message: &[u8],
        authserv_id: &str,
        early: Option<EarlySpf>,
    ) -> AuthResults {
        let ma = &self.0;
        let sender = sender.unwrap_or("");
        let early = early.filter(|e| e.key == (ip, helo.to_string(), sender.to_string()));
        let spf_now = async {
            if let Some(spf) = match early {
                Some(e) => e.result().await,
                None => None,
            } {
                return spf;
            }
            self.spf(ip, helo, sender, authserv_id).await
        };
        let parsed = AuthenticatedMessage::parse(message);
        // DKIM and ARC need only the message: their lookups run beside SPF's.
        let signatures = async {
            match &parsed {
                Some(p) => Some(tokio::join!(ma.verify_dkim(p), ma.verify_arc(p))),
                None => None,
            }
        };
        let (
            Spf {
                helo: spf_helo,
                mail_from: spf_mail_from,
            },
            signatures,
        ) = tokio::join!(spf_now, signatures);
        let mail_from_domain = sender.rsplit_once('@').map_or(helo, |(_, d)| d);
        let spf = |o: &mail_auth::SpfOutput| SpfCheck {
            result: spf_outcome(o.result()),
            domain: o.domain().to_string(),
        };
        let (Some(parsed), Some((dkim, arc))) = (parsed.as_ref(), signatures) else {
            // No header section to verify: SPF still says something.
            let header = AuthenticationResults::new(authserv_id)
                .with_spf_ehlo_result(&spf_helo, ip, helo)
                .with_spf_mailfrom_result(&spf_mail_from, ip, sender, helo);
            return AuthResults {
                spf_helo: spf(&spf_helo),
                spf_mail_from: spf(&spf_mail_from),
                dkim: Vec::new(),
                arc: Outcome::None,
                dmarc: DmarcCheck {
                    result: Outcome::None,
                    domain: String::new(),
                    policy: DmarcPolicy::None,
                },
                header: header.to_string(),
            };
        };
        let dmarc = ma
            .verify_dmarc(DmarcParameters::new(
                parsed,
                &dkim,
                mail_from_domain,
                &spf_mail_from,
            ))
            .await;
        let header = AuthenticationResults::new(authserv_id)
            .with_spf_ehlo_result(&spf_helo, ip, helo)
            .with_spf_mailfrom_result(&spf_mail_from, ip, sender, helo)
            .with_dkim_results(&dkim, parsed.from.first().map_or("", String::as_str))
            .with_arc_result(&arc, ip)
            .with_dmarc_result(&dmarc);
        AuthResults {
            spf_helo: spf(&spf_helo),
            spf_mail_from: spf(&spf_mail_from),
            dkim: dkim
                .iter()
                .map(|d| DkimCheck {
                    result: dkim_outcome(d.result()),
                    domain: d.signature().map(|s| s.d.clone()).unwrap_or_default(),
                    selector: d.signature().map(|s| s.s.clone()).unwrap_or_default(),
                })
                .collect(),
            arc: dkim_outcome(arc.result()),
            dmarc: DmarcCheck {
                result: dmarc_outcome(&dmarc.result()),
                domain: dmarc.domain().to_string(),
                policy: match dmarc.policy() {
                    Policy::Reject => DmarcPolicy::Reject,
                    Policy::Quarantine => DmarcPolicy::Quarantine,
                    Policy::None | Policy::Unspecified => DmarcPolicy::None,
                },
            },
            header: header.to_string(),
        }
    }
}

/// SPF's results for the HELO and MAIL FROM identities.
struct Spf {
    helo: mail_auth::SpfOutput,
    mail_from: mail_auth::SpfOutput,
}

/// SPF started at MAIL FROM for (client IP, HELO, sender); stopped if the transaction
/// ends without a message.
pub struct EarlySpf {
    key: (IpAddr, String, String),
    task: Option<tokio::task::JoinHandle<Option<Spf>>>,
}

impl EarlySpf {
    /// Its results; `None` when it timed out or failed (the caller checks again).
    async fn result(mut self) -> Option<Spf> {
        self.task.take()?.await.ok().flatten()
    }
}

impl Drop for EarlySpf {
    fn drop(&mut self) {
        if let Some(task) = &self.task {
            task.abort();
        }
    }
}

/// Results when the checks ran out of time: temporary errors, nothing concluded.
fn timed_out(helo: &str, sender: Option<&str>, authserv_id: &str) -> AuthResults {
    let domain = sender
        .and_then(|s| s.rsplit_once('@'))
        .map_or(helo, |(_, d)| d);
    let spf = |d: &str| SpfCheck {
        result: Outcome::TempError,
        domain: d.to_string(),
    };
    AuthResults {
        spf_helo: spf(helo),
        spf_mail_from: spf(domain),
        dkim: Vec::new(),
        arc: Outcome::TempError,
        dmarc: DmarcCheck {
            result: Outcome::TempError,
            domain: String::new(),
            policy: DmarcPolicy::None,
        },
        header: format!(
            "{authserv_id};\r\n\tspf=temperror (sender authentication timed out) smtp.helo={helo}"
        ),
    }
}

fn spf_outcome(r: SpfResult) -> Outcome {
    match r {
        SpfResult::Pass => Outcome::Pass,
        SpfResult::Fail => Outcome::Fail,
        SpfResult::SoftFail => Outcome::SoftFail,
        SpfResult::Neutral => Outcome::Neutral,
        SpfResult::TempError => Outcome::TempError,
        SpfResult::PermError => Outcome::PermError,
        SpfResult::None => Outcome::None,
    }
}

fn dkim_outcome(r: &DkimResult) -> Outcome {
    match r {
        DkimResult::Pass => Outcome::Pass,
        DkimResult::Neutral(_) => Outcome::Neutral,
        DkimResult::Fail(_) => Outcome::Fail,
        DkimResult::PermError(_) => Outcome::PermError,
        DkimResult::TempError(_) => Outcome::TempError,
        DkimResult::None => Outcome::None,
    }
}

fn dmarc_outcome(r: &DmarcResult) -> Outcome {
    match r {
        DmarcResult::Pass => Outcome::Pass,
        DmarcResult::Fail(_) => Outcome::Fail,
        DmarcResult::TempError(_) => Outcome::TempError,
        DmarcResult::PermError(_) => Outcome::PermError,
        DmarcResult::None => Outcome::None,
    }
}

/// The message without the Authentication-Results fields that claim our `authserv_id`
/// (RFC 8601 §5: a receiver removes such fields from outside, or they forge our
/// verdict). Only the header section is touched; folded lines go with their field.
/// Returns the message and how many fields were removed.
pub fn strip_forged(message: &[u8], authserv_id: &str) -> (Vec<u8>, usize) {
    let mut out = Vec::with_capacity(message.len());
    let mut removed = 0;
    let mut dropping = false;
    let mut rest = message;
    while !rest.is_empty() {
        let end = rest
            .iter()
            .position(|b| *b == b'\n')
            .map_or(rest.len(), |i| i + 1);
        let (line, tail) = rest.split_at(end);
        let bare = line.strip_suffix(b"\n").unwrap_or(line);
        let bare = bare.strip_suffix(b"\r").unwrap_or(bare);
        if bare.is_empty() {
            // The end of the header section: the body goes out untouched.
            out.extend_from_slice(rest);
            break;
        }
        let continuation = matches!(line[0], b' ' | b'\t');
        if !continuation {
            dropping = is_ours(bare, authserv_id);
            removed += usize::from(dropping);
        }
        if !dropping {
            out.extend_from_slice(line);
        }
        rest = tail;
    }
    (out, removed)
}

/// Whether a header line is an Authentication-Results field naming `authserv_id`.
fn is_ours(line: &[u8], authserv_id: &str) -> bool {
    const NAME: &[u8] = b"authentication-results:";
    if line.len() < NAME.len() || !line[..NAME.len()].eq_ignore_ascii_case(NAME) {
        return false;
    }
    let value = String::from_utf8_lossy(&line[NAME.len()..]);
    // authserv-id [CFWS version] ";" ...: the first word, before any comment or ';'.
    let id = value
        .trim_start()
        .split(|c: char| c == ';' || c == '(' || c.is_whitespace())
        .next()
        .unwrap_or("");
    id.eq_ignore_ascii_case(authserv_id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forged_results_with_our_id_are_stripped_only_in_the_header() {
        let msg = b"Authentication-Results: relay.test; spf=pass\r\n smtp.mailfrom=a@b\r\nSubject: x\r\nAUTHENTICATION-RESULTS:   Relay.Test (forged); dkim=pass\r\nAuthentication-Results: mx.other.example; spf=fail\r\nAuthentication-Results: relay.testing; spf=pass\r\n\r\nAuthentication-Results: relay.test; body stays\r\n";
        let (out, n) = strip_forged(msg, "relay.test");
        assert_eq!(n, 2);
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "Subject: x\r\nAuthentication-Results: mx.other.example; spf=fail\r\nAuthentication-Results: relay.testing; spf=pass\r\n\r\nAuthentication-Results: relay.test; body stays\r\n"
        );
        let (out, n) = strip_forged(b"Subject: y\r\n\r\nbody", "relay.test");
        assert_eq!((out.as_slice(), n), (&b"Subject: y\r\n\r\nbody"[..], 0));
    }
}
