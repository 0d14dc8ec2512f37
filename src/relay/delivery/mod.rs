//! Delivery: `mailbox` writes to hosted mailboxes' Maildirs, `smtp` talks to the next hop.
//! Here: the next hop's addresses, and the typed results both kinds of delivery give the
//! queue (how a recipient went, `Via`, and why it did not, `DeliveryError`).

pub mod mailbox;
pub mod smtp;

use std::net::{IpAddr, SocketAddr};

use crate::dns::{Dns, DnsError};
use crate::policy::NextHop;
use crate::state::values::Host;
use smtp::{Answer, ConnError};

/// Where a recipient's attempt went.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Via {
    /// A hosted mailbox's Maildir.
    Mailbox,
    /// The next hop, not reached (no address answered, or none was found).
    Unreached(NextHop),
    /// An SMTP server reached: its name and address (`mx.example[192.0.2.1]`), its
    /// address, and whether STARTTLS succeeded.
    Smtp { peer: String, ip: IpAddr, tls: bool },
}

impl Via {
    /// The address reached, for Get-MessageTrace -ToIP.
    pub fn to_ip(&self) -> Option<IpAddr> {
        match self {
            Via::Smtp { ip, .. } => Some(*ip),
            Via::Mailbox | Via::Unreached(_) => None,
        }
    }
}

impl std::fmt::Display for Via {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Via::Mailbox => f.write_str("local"),
            Via::Unreached(hop) => write!(f, "{hop}"),
            Via::Smtp {
                peer, tls: true, ..
            } => write!(f, "{peer} (TLS)"),
            Via::Smtp { peer, .. } => f.write_str(peer),
        }
    }
}

/// The SMTP command a next hop refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Stage {
    MailFrom,
    RcptTo(String),
    Data,
    /// The reply to the message's end.
    EndOfData,
}

impl std::fmt::Display for Stage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Stage::MailFrom => f.write_str("to MAIL FROM"),
            Stage::RcptTo(r) => write!(f, "to RCPT TO:<{r}>"),
            Stage::Data => f.write_str("to DATA"),
            Stage::EndOfData => f.write_str("after DATA"),
        }
    }
}

/// Why a recipient was not delivered in an attempt.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DeliveryError {
    /// The next hop refused, with its reply.
    #[error("{peer} said {} {stage}", reply.line())]
    Refused {
        peer: String,
        stage: Stage,
        reply: Answer,
    },
    /// No usable connection: DNS, TCP, TLS, a timeout, a broken connection.
    #[error(transparent)]
    Connection(#[from] ConnError),
    /// The hosted mailbox could not be written.
    #[error("maildir: {0}")]
    Mailbox(String),
    /// Over the send connector's MaxMessageSize.
    #[error(
        "the message ({size} bytes) is larger than the send connector's MaxMessageSize ({limit} bytes)"
    )]
    TooBig { size: u64, limit: u64 },
}

impl DeliveryError {
    /// Whether trying again cannot help (a 5xx reply, a domain that takes no mail): bounce.
    pub fn permanent(&self) -> bool {
        match self {
            DeliveryError::Refused { reply, .. } => reply.code >= 500,
            DeliveryError::Connection(c) => c.permanent,
            DeliveryError::Mailbox(_) => false,
            DeliveryError::TooBig { .. } => true,
        }
    }

    /// The enhanced status code for the DSN: the next hop's own, or a generic one.
    pub fn status(&self) -> String {
        let own = match self {
            DeliveryError::Refused { reply, .. } => reply.enhanced(),
            // RFC 3463: message length exceeds administrative limit.
            DeliveryError::TooBig { .. } => Some("5.3.4"),
            _ => None,
        };
        match own {
            Some(s) => s.to_string(),
            None if self.permanent() => "5.0.0".into(),
            None => "4.0.0".into(),
        }
    }
}

fn no_route(permanent: bool, message: String) -> ConnError {
    ConnError { permanent, message }
}

/// The host names of a next hop, in the order to try them (MX preference), each with its
/// port: smart hosts as listed (`port` when they name none), or the MX hosts of the domain.
/// `Err` when there is nowhere to go.
pub async fn hop_names(
    dns: &dyn Dns,
    hop: &NextHop,
    port: u16,
) -> Result<Vec<(String, u16)>, ConnError> {
    let mut names: Vec<(String, u16)> = Vec::new();
    match hop {
        NextHop::SmartHosts(hosts) => {
            for h in hosts {
                let p = h.port.unwrap_or(port);
                match &h.host {
                    Host::Ip(ip) => names.push((ip.to_string(), p)),
                    Host::Name(n) => names.push((n.to_string(), p)),
                }
            }
        }
        NextHop::Mx(domain) => match dns.mx(domain).await {
            Ok(mut mx) if !mx.is_empty() => {
                mx.sort_by_key(|(pref, _)| *pref);
                // Null MX (RFC 7505): the domain accepts no mail.
                if mx.len() == 1 && (mx[0].1.is_empty() || mx[0].1 == ".") {
                    return Err(no_route(
                        true,
                        format!("{domain} has a null MX: it accepts no mail"),
                    ));
                }
                names.extend(mx.into_iter().map(|(_, h)| (h, port)));
            }
            // No MX: the domain itself (RFC 5321 §5.1).
            Ok(_) => names.push((domain.clone(), port)),
            Err(DnsError::NoSuchDomain) => {
                return Err(no_route(true, format!("{domain}: no such domain")));
            }
            Err(DnsError::Temporary(e)) => {
                return Err(no_route(false, format!("MX lookup for {domain}: {e}")));
            }
        },
    }
    Ok(names)
}

/// Addresses to try for a next hop, in order (MX preference, then each host's addresses).
/// `Err` when there is nowhere to go.
pub async fn hosts(
    dns: &dyn Dns,
    hop: &NextHop,
    port: u16,
) -> Result<Vec<(String, SocketAddr)>, ConnError> {
    let mut out = Vec::new();
    let mut last = String::new();
    for (name, p) in hop_names(dns, hop, port).await? {
        match dns.ips(&name).await {
            Ok(ips) => out.extend(
                ips.into_iter()
                    .map(|ip| (name.clone(), SocketAddr::new(ip, p))),
            ),
            Err(e) => last = format!("address lookup for {name}: {e:?}"),
        }
    }
    if out.is_empty() {
        return Err(no_route(
            false,
            if last.is_empty() {
                format!("no addresses for {hop}")
            } else {
                last
            },
        ));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refused(code: u16, text: &str) -> DeliveryError {
        DeliveryError::Refused {
            peer: "mx.example[192.0.2.1]".into(),
            stage: Stage::RcptTo("b@example.com".into()),
            reply: Answer {
                code,
                text: text.into(),
            },
        }
    }

    #[test]
    fn a_refusal_keeps_the_reply_and_its_status() {
        let e = refused(550, "5.1.1 no such user");
        assert!(e.permanent());
        assert_eq!(e.status(), "5.1.1");
        assert_eq!(
            e.to_string(),
            "mx.example[192.0.2.1] said 550 5.1.1 no such user to RCPT TO:<b@example.com>"
        );
        let later = refused(451, "try again");
        assert!(!later.permanent());
        assert_eq!(later.status(), "4.0.0");
        let gone = DeliveryError::from(no_route(true, "x.example: no such domain".into()));
        assert!(gone.permanent());
        assert_eq!(gone.status(), "5.0.0");
        assert!(!DeliveryError::Mailbox("disk full".into()).permanent());
    }

    #[test]
    fn only_a_reached_server_has_an_address() {
        let ip: IpAddr = "2001:db8::1".parse().unwrap();
        let smtp = Via::Smtp {
            peer: "mx.example[2001:db8::1]".into(),
            ip,
            tls: true,
        };
        assert_eq!(smtp.to_ip(), Some(ip));
        assert_eq!(smtp.to_string(), "mx.example[2001:db8::1] (TLS)");
        assert_eq!(Via::Mailbox.to_ip(), None);
        assert_eq!(
            Via::Unreached(NextHop::Mx("example.com".into())).to_ip(),
            None
        );
    }
}
