//! Validate-OutboundConnector: walks what delivery would do for each smart host (or MX
//! host), step by step over the network, with delivery's own code: the next hop's names
//! and addresses, the SMTP client and TLS verifiers, the client certificate.

use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;
use std::time::Duration;

use tokio_rustls::rustls::sign::CertifiedKey;

use super::{ValidateOutbound, check, report};
use crate::cmdlets::common::Context;
use crate::cmdlets::serve::parse_duration;
use crate::error::{Error, Result};
use crate::finding::{Finding, Severity};
use crate::output::Output;
use crate::policy::{NameCheck, NextHop, OutboundTls, Route};
use crate::relay::Snapshot;
use crate::relay::delivery::smtp::{Conn, TlsClients, offers};
use crate::state::model::OutboundConnector;
use crate::state::values::DomainPattern;

fn address_list(values: &[String]) -> Vec<String> {
    values
        .iter()
        .map(|r| r.trim().trim_matches(['<', '>']).to_string())
        .filter(|r| !r.is_empty())
        .collect()
}

/// What delivery would use for this connector, loaded as `serve` loads it.
struct Delivery<'a> {
    helo: &'a str,
    clients: &'a TlsClients,
    present: Option<(String, &'a Arc<CertifiedKey>)>,
    dns: &'a dyn crate::dns::Dns,
    port: u16,
    timeout: Duration,
}

pub(super) fn run(a: ValidateOutbound, ctx: &Context) -> Result<Output> {
    let state = ctx.store.load()?;
    let i = crate::cmdlets::find::<OutboundConnector>(&state, &a.identity)?;
    let c = state.outbound_connectors[i].clone();
    let object = format!("OutboundConnector \"{}\"", c.name);
    let timeout = parse_duration(&a.timeout)
        .map_err(|e| Error::usage(format!("-Timeout: {e}")))?
        .max(Duration::from_secs(1));
    let recipients = address_list(&a.recipients);
    if let Some(bad) = recipients.iter().find(|r| !r.contains('@')) {
        return Err(
            Error::usage(format!("-Recipients: '{bad}' is not an address"))
                .help("give addresses such as ann@contoso.com"),
        );
    }
    let sender = a.sender.clone().unwrap_or_else(|| {
        let domain = state
            .accepted_domains
            .iter()
            .find(|d| d.default)
            .or(state.accepted_domains.first())
            .map(|d| d.domain_name.to_string())
            .unwrap_or_else(|| a.network.hostname());
        format!("postmaster@{domain}")
    });
    // The next hops: the smart hosts once, or the MX of each recipient domain.
    let mut targets: Vec<(Route, Vec<String>)> = Vec::new();
    let domains: Vec<String> = if c.use_mx_record || c.smart_hosts.is_empty() {
        let mut d: Vec<String> = recipients
            .iter()
            .filter_map(|r| r.rsplit_once('@').map(|(_, d)| d.to_ascii_lowercase()))
            .collect();
        if d.is_empty() {
            d = c
                .recipient_domains
                .iter()
                .filter_map(|p| match p {
                    DomainPattern::Exact(d) => Some(d.to_string()),
                    _ => None,
                })
                .take(1)
                .collect();
        }
        if d.is_empty() {
            return Err(Error::usage(format!(
                "{object} delivers by MX and names no exact RecipientDomains: no domain to look up"
            ))
            .help("give -Recipients someone@the-domain.com"));
        }
        d.dedup();
        d
    } else {
        vec![String::new()]
    };
    for d in domains {
        let rcpts: Vec<String> = recipients
            .iter()
            .filter(|r| d.is_empty() || r.to_ascii_lowercase().ends_with(&format!("@{d}")))
            .cloned()
            .collect();
        let probe = format!("postmaster@{}", if d.is_empty() { "invalid" } else { &d });
        targets.push((
            crate::policy::route::through(&state, &c, rcpts.first().unwrap_or(&probe)),
            rcpts,
        ));
    }
    let hostname = a.network.hostname();
    let snapshot = Snapshot::build(
        state.clone(),
        ctx.store.data_dir(),
        &hostname,
        &a.network.ca_file,
    )
    .map_err(Error::from)?;
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| Error::unavailable(format!("cannot start the runtime: {e}")))?;
    let mut checks = Vec::new();
    if !c.enabled {
        checks.push(
            check(
                "-",
                "Connector",
                Severity::Warning,
                "disabled: the relay routes no mail through it",
            )
            .fix(format!("Enable-OutboundConnector -Identity \"{}\"", c.name)),
        );
    }
    let present = match &targets.first() {
        Some((
            Route::Remote {
                client_certificate: Some(t),
                ..
            },
            _,
        )) => snapshot.client_certificates.get(t).map(|k| (t.clone(), k)),
        _ => None,
    };
    let dns = crate::dns::Hickory::new(a.network.dns).map_err(|e| {
        Error::unavailable(e.to_string()).help("give a DNS server with --dns ADDR:PORT")
    })?;
    let delivery = Delivery {
        helo: &snapshot.hostname,
        clients: &snapshot.tls_clients,
        present,
        dns: &dns,
        port: a.network.smtp_port,
        timeout,
    };
    // A next hop that does not answer takes the whole timeout per host.
    let spinner = crate::output::spinner(format!(
        "validating OutboundConnector \"{}\" (up to {}s per host)",
        c.name,
        timeout.as_secs()
    ));
    runtime.block_on(async {
        for (route, rcpts) in &targets {
            if let Route::Remote { next_hop, tls, .. } = route {
                let message = test_message(&sender, rcpts, &c.name, &hostname);
                next_hop_checks(
                    &delivery,
                    next_hop,
                    tls,
                    &sender,
                    rcpts,
                    &message,
                    &mut checks,
                )
                .await;
            }
        }
    });
    spinner.finish_and_clear();
    Ok(report(&object, checks))
}

fn test_message(sender: &str, rcpts: &[String], connector: &str, hostname: &str) -> Vec<u8> {
    let now = chrono::Utc::now();
    format!(
        "From: <{sender}>\r\nTo: {}\r\nSubject: eopctl connector validation\r\nDate: {}\r\nMessage-ID: <validate.{}@{hostname}>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nThis message tests OutboundConnector \"{connector}\" (eopctl Validate-OutboundConnector).\r\nYou may delete it.\r\n",
        rcpts
            .iter()
            .map(|r| format!("<{r}>"))
            .collect::<Vec<_>>()
            .join(", "),
        now.to_rfc2822(),
        now.timestamp_nanos_opt().unwrap_or_default()
    )
    .into_bytes()
}

/// How the route checks the next hop's certificate, in words.
fn tls_check(tls: &OutboundTls) -> String {
    match tls {
        OutboundTls::Opportunistic => "any certificate (opportunistic TLS)".into(),
        OutboundTls::Required => "any certificate (TlsSettings EncryptionOnly)".into(),
        OutboundTls::Validated {
            name: NameCheck::Chain,
        } => "chain to a trusted root (TlsSettings CertificateValidation)".into(),
        OutboundTls::Validated {
            name: NameCheck::Host,
        } => "chain and the host's name (TlsSettings DomainValidation)".into(),
        OutboundTls::Validated {
            name: NameCheck::Domain(d),
        } => format!("chain and the name {d} (TlsSettings DomainValidation, TlsDomain)"),
    }
}

/// The fix for a failed TLS handshake, from rustls's words for it.
fn tls_fix(message: &str) -> (&'static str, String) {
    let m = message.to_ascii_lowercase();
    if m.contains("notvalidforname")
        || m.contains("not valid for name")
        || m.contains("is not under tlsdomain")
    {
        ("Certificate", "set -TlsDomain to a name on the certificate, or give the smart host a certificate for the name the connector checks".into())
    } else if m.contains("unknownissuer") || m.contains("unknown issuer") {
        ("Certificate", "the certificate does not chain to a trusted root: import its CA with Import-ExchangeCertificate -Trusted $true, or set -TlsSettings EncryptionOnly".into())
    } else if m.contains("expired") || m.contains("notvalidyet") {
        (
            "Certificate",
            "the smart host's certificate is outside its validity period: renew it".into(),
        )
    } else if m.contains("certificate") {
        ("Certificate", "the smart host's certificate was refused: check it with openssl s_client -starttls smtp".into())
    } else {
        ("STARTTLS", "the TLS handshake failed: check the smart host's TLS setup, or set -TlsSettings $null to send in the clear".into())
    }
}

/// Every host of one next hop, each step by step until one fails.
async fn next_hop_checks(
    d: &Delivery<'_>,
    hop: &NextHop,
    tls: &OutboundTls,
    sender: &str,
    rcpts: &[String],
    message: &[u8],
    out: &mut Vec<Finding>,
) {
    let names = match crate::relay::delivery::hop_names(d.dns, hop, d.port).await {
        Ok(n) => n,
        Err(e) => {
            out.push(check(&hop.to_string(), "MX", Severity::Error, e.message).fix(
                "publish an MX record for the domain (see its DNS), or set -SmartHosts on the connector",
            ));
            return;
        }
    };
    if let NextHop::Mx(domain) = hop {
        let list: Vec<&str> = names.iter().map(|(n, _)| n.as_str()).collect();
        out.push(check(domain, "MX", Severity::Pass, list.join(", ")));
    }
    for (name, port) in names {
        let ips = match d.dns.ips(&name).await {
            Ok(ips) if !ips.is_empty() => ips,
            Ok(_) => {
                out.push(check(&name, "Resolve", Severity::Error, "no A or AAAA record").fix(
                    "give the smart host an address record, or list it by IP address in -SmartHosts",
                ));
                continue;
            }
            Err(e) => {
                out.push(
                    check(&name, "Resolve", Severity::Error, format!("{e:?}")).fix(
                        "check the smart host's name in -SmartHosts and the DNS server (--dns, EOPCTL_DNS)",
                    ),
                );
                continue;
            }
        };
        let list: Vec<String> = ips.iter().map(IpAddr::to_string).collect();
        out.push(check(&name, "Resolve", Severity::Pass, list.join(", ")));
        for ip in ips {
            host_checks(
                d,
                &name,
                SocketAddr::new(ip, port),
                tls,
                sender,
                rcpts,
                message,
                out,
            )
            .await;
        }
    }
}

#[allow(clippy::too_many_arguments)]
async fn host_checks(
    d: &Delivery<'_>,
    name: &str,
    addr: SocketAddr,
    tls: &OutboundTls,
    sender: &str,
    rcpts: &[String],
    message: &[u8],
    out: &mut Vec<Finding>,
) {
    let host = if name == addr.ip().to_string() {
        addr.to_string()
    } else {
        format!("{name}[{}]:{}", addr.ip(), addr.port())
    };
    let host = host.as_str();
    let mut c = match Conn::connect(addr, None, name, d.timeout).await {
        Ok(c) => {
            out.push(check(
                host,
                "Connect",
                Severity::Pass,
                format!("connected to {addr}"),
            ));
            c
        }
        Err(e) => {
            out.push(check(host, "Connect", Severity::Error, e.message).fix(format!(
                "nothing accepts connections at {addr}: check the smart host's address and port, that its SMTP server runs, and the firewall"
            )));
            return;
        }
    };
    match c.greeting().await {
        Ok(a) if a.code == 220 => out.push(check(host, "Banner", Severity::Pass, a.line())),
        Ok(a) => {
            out.push(check(host, "Banner", Severity::Error, a.line()).fix(
                "the server does not accept mail from this relay now: see its reply and its log",
            ));
            return;
        }
        Err(e) => {
            out.push(
                check(host, "Banner", Severity::Error, e.message).fix(
                    "the server sent no SMTP greeting: check that the port is an SMTP server's",
                ),
            );
            return;
        }
    }
    let ehlo_fix = "the server refused EHLO and HELO from the relay's name: allow it (--hostname sets the name)";
    let mut ehlo = match c.ehlo(d.helo).await {
        Ok(a) => {
            out.push(check(
                host,
                "EHLO",
                Severity::Pass,
                a.line().replace('\n', " | "),
            ));
            a
        }
        Err(e) => {
            out.push(check(host, "EHLO", Severity::Error, e.message).fix(ehlo_fix));
            return;
        }
    };
    let required = *tls != OutboundTls::Opportunistic;
    let cleartext = "set -TlsSettings $null to send in the clear, or enable STARTTLS on the server";
    if ehlo.code == 250 && offers(&ehlo, "STARTTLS") {
        match c
            .start_tls(tls, d.clients, d.present.as_ref().map(|(_, k)| *k))
            .await
        {
            Ok(Ok(info)) => {
                out.push(check(host, "STARTTLS", Severity::Pass, info.version));
                out.push(check(
                    host,
                    "Certificate",
                    Severity::Pass,
                    format!(
                        "{} (checked: {})",
                        if info.names.is_empty() {
                            "no names".to_string()
                        } else {
                            info.names.join(", ")
                        },
                        tls_check(tls)
                    ),
                ));
                if let Some((thumbprint, _)) = &d.present {
                    out.push(check(
                        host,
                        "ClientCertificate",
                        Severity::Pass,
                        format!("{thumbprint} offered to the server when it asks for one"),
                    ));
                }
                match c.ehlo(d.helo).await {
                    Ok(a) => ehlo = a,
                    Err(e) => {
                        out.push(check(host, "EHLO", Severity::Error, e.message).fix(ehlo_fix));
                        return;
                    }
                }
            }
            Ok(Err(a)) if required => {
                out.push(
                    check(host, "STARTTLS", Severity::Error, a.line())
                        .fix(format!("the smart host refused STARTTLS: {cleartext}")),
                );
                return;
            }
            Ok(Err(a)) => out.push(check(
                host,
                "STARTTLS",
                Severity::Warning,
                format!("{}: mail to this host goes in the clear", a.line()),
            )),
            Err(e) => {
                let (step, fix) = tls_fix(&e.message);
                out.push(
                    check(
                        host,
                        step,
                        Severity::Error,
                        format!("{} (checked: {})", e.message, tls_check(tls)),
                    )
                    .fix(fix),
                );
                return;
            }
        }
    } else if required {
        out.push(
            check(
                host,
                "STARTTLS",
                Severity::Error,
                "not offered, and TlsSettings requires TLS",
            )
            .fix(format!(
                "the smart host does not offer STARTTLS: {cleartext}"
            )),
        );
        return;
    } else {
        out.push(check(
            host,
            "STARTTLS",
            Severity::Skipped,
            "not offered: mail to this host goes in the clear (opportunistic TLS)",
        ));
    }
    c.extensions(&ehlo);
    if rcpts.is_empty() {
        out.push(check(
            host,
            "Send",
            Severity::Skipped,
            "no -Recipients: no test message sent",
        ));
    } else {
        match c.send(Some(sender), rcpts, message).await {
            Ok(outcomes) => {
                let mut failed = Vec::new();
                let mut answers = Vec::new();
                for (r, o) in rcpts.iter().zip(outcomes) {
                    match o {
                        Ok(a) => answers.push(format!("{r}: {}", a.line())),
                        Err(why) => failed.push(why.to_string()),
                    }
                }
                if failed.is_empty() {
                    out.push(check(host, "Send", Severity::Pass, answers.join("; ")));
                } else {
                    out.push(check(host, "Send", Severity::Error, failed.join("; ")).fix(
                        "the server refused the test message: see its reply (the recipient, the sender, or relaying from this relay)",
                    ));
                    return;
                }
            }
            Err(e) => {
                out.push(
                    check(host, "Send", Severity::Error, e.message)
                        .fix("the connection broke during the test message: see the server's log"),
                );
                return;
            }
        }
    }
    c.quit().await;
    out.push(check(host, "QUIT", Severity::Pass, "closed"));
}
