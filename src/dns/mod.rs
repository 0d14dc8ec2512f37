//! DNS for delivery: MX and address lookups behind a small trait, so the relay can be
//! pointed at any resolver (`eopctl serve --dns 127.0.0.1:5353`, or `EOPCTL_DNS`) and tests
//! run their own DNS server on loopback.

mod authorize;
pub mod dmarc;
pub mod guidance;
pub mod records;
pub mod spf;

use std::future::Future;
use std::net::{IpAddr, SocketAddr};
use std::pin::Pin;
use std::time::Duration;

use hickory_resolver::TokioResolver;
use hickory_resolver::config::{ConnectionConfig, NameServerConfig, ResolverConfig, ResolverOpts};
use hickory_resolver::net::runtime::TokioRuntimeProvider;
use hickory_resolver::proto::rr::RData;

/// Why a lookup failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DnsError {
    /// The name does not exist (NXDOMAIN): a permanent failure.
    NoSuchDomain,
    /// Anything else (timeouts, SERVFAIL): try again later.
    Temporary(String),
}

type BoxFut<'a, T> = Pin<Box<dyn Future<Output = T> + Send + 'a>>;

pub trait Dns: Send + Sync {
    /// MX records as (preference, exchange), unsorted; empty when the domain has none.
    fn mx<'a>(&'a self, domain: &'a str) -> BoxFut<'a, Result<Vec<(u16, String)>, DnsError>>;
    /// A and AAAA addresses of a host.
    fn ips<'a>(&'a self, host: &'a str) -> BoxFut<'a, Result<Vec<IpAddr>, DnsError>>;
    /// TXT records of a name, each with its strings joined (RFC 7208 §3.3); empty when none.
    fn txt<'a>(&'a self, name: &'a str) -> BoxFut<'a, Result<Vec<String>, DnsError>>;
}

pub struct Hickory(TokioResolver);

/// The name servers of /etc/resolv.conf, or 127.0.0.1:53.
fn system_servers() -> Vec<SocketAddr> {
    let text = std::fs::read_to_string("/etc/resolv.conf").unwrap_or_default();
    let found: Vec<SocketAddr> = text
        .lines()
        .filter_map(|l| l.trim().strip_prefix("nameserver"))
        .filter_map(|ip| ip.trim().parse::<IpAddr>().ok())
        .map(|ip| SocketAddr::new(ip, 53))
        .collect();
    if found.is_empty() {
        vec![SocketAddr::from(([127, 0, 0, 1], 53))]
    } else {
        found
    }
}

/// The resolver configuration for `server` (or the system's servers), UDP then TCP: shared
/// by delivery's resolver and sender authentication's (mail-auth), so `--dns` steers both.
pub fn resolver_config(server: Option<SocketAddr>) -> (ResolverConfig, ResolverOpts) {
    let servers = server.map(|s| vec![s]).unwrap_or_else(system_servers);
    let configs = servers
        .iter()
        .map(|s| {
            let mut udp = ConnectionConfig::udp();
            udp.port = s.port();
            let mut tcp = ConnectionConfig::tcp();
            tcp.port = s.port();
            NameServerConfig::new(s.ip(), true, vec![udp, tcp])
        })
        .collect();
    let mut opts = ResolverOpts::default();
    opts.timeout = Duration::from_secs(5);
    opts.attempts = 2;
    opts.ndots = 0;
    (ResolverConfig::from_name_servers(configs), opts)
}

/// Whom a resolver asks, for messages: `server`, or the system's servers.
pub fn asking(server: Option<SocketAddr>) -> String {
    server.map_or_else(|| "the system's name servers".into(), |s| s.to_string())
}

/// The resolver cannot be built over the servers it is given.
#[derive(Debug, thiserror::Error)]
#[error("cannot start the DNS resolver (asking {}): {source}", asking(*.server))]
pub struct ResolverError {
    pub server: Option<SocketAddr>,
    #[source]
    pub source: hickory_resolver::net::NetError,
}

impl Hickory {
    /// A resolver asking `server` (or the system's servers).
    pub fn new(server: Option<SocketAddr>) -> Result<Hickory, ResolverError> {
        let (config, opts) = resolver_config(server);
        let mut builder =
            TokioResolver::builder_with_config(config, TokioRuntimeProvider::default());
        *builder.options_mut() = opts;
        builder
            .build()
            .map(Hickory)
            .map_err(|source| ResolverError { server, source })
    }
}

fn classify(e: hickory_resolver::net::NetError) -> Result<(), DnsError> {
    if e.is_nx_domain() {
        Err(DnsError::NoSuchDomain)
    } else if e.is_no_records_found() {
        Ok(())
    } else {
        Err(DnsError::Temporary(e.to_string()))
    }
}

fn fqdn(name: &str) -> String {
    if name.ends_with('.') {
        name.to_string()
    } else {
        format!("{name}.")
    }
}

impl Dns for Hickory {
    fn mx<'a>(&'a self, domain: &'a str) -> BoxFut<'a, Result<Vec<(u16, String)>, DnsError>> {
        Box::pin(async move {
            match self.0.mx_lookup(fqdn(domain)).await {
                Ok(l) => Ok(l
                    .answers()
                    .iter()
                    .filter_map(|r| match &r.data {
                        RData::MX(mx) => Some((
                            mx.preference,
                            mx.exchange
                                .to_utf8()
                                .trim_end_matches('.')
                                .to_ascii_lowercase(),
                        )),
                        _ => None,
                    })
                    .collect()),
                Err(e) => classify(e).map(|()| Vec::new()),
            }
        })
    }

    fn ips<'a>(&'a self, host: &'a str) -> BoxFut<'a, Result<Vec<IpAddr>, DnsError>> {
        Box::pin(async move {
            if let Ok(ip) = host.parse::<IpAddr>() {
                return Ok(vec![ip]);
            }
            match self.0.lookup_ip(fqdn(host)).await {
                Ok(l) => Ok(l.iter().collect()),
                Err(e) => classify(e).map(|()| Vec::new()),
            }
        })
    }

    fn txt<'a>(&'a self, name: &'a str) -> BoxFut<'a, Result<Vec<String>, DnsError>> {
        Box::pin(async move {
            match self.0.txt_lookup(fqdn(name)).await {
                Ok(l) => Ok(l
                    .answers()
                    .iter()
                    .filter_map(|r| match &r.data {
                        RData::TXT(t) => Some(
                            t.txt_data
                                .iter()
                                .map(|s| String::from_utf8_lossy(s))
                                .collect::<String>(),
                        ),
                        _ => None,
                    })
                    .collect()),
                Err(e) => classify(e).map(|()| Vec::new()),
            }
        })
    }
}
