//! `eopctl serve`: runs the relay over the state file. With no state file it writes the
//! built-in default state first (through the store), so a first message can be sent at
//! once. The only cmdlet that runs an async runtime, and the only one that prints as it
//! goes (what it listens on), since it runs until stopped.

use std::io::Write;
use std::net::SocketAddr;
use std::time::Duration;

use clap::{Args, Subcommand};

use crate::cmdlets::common::Context;
use crate::error::{Error, Result};
use crate::output::Output;
use crate::relay::queue::manager::Settings;
use crate::relay::{self, Options};
use crate::state::State;
use crate::state::model::{AcceptedDomain, Mailbox, ReceiveConnector};
use crate::state::values::ValueError;

#[derive(Subcommand, Debug)]
pub enum Cmd {
    /// Runs the mail relay: listens on the receive connectors' bindings, accepts, routes,
    /// queues and delivers mail, and reloads when the state file changes (or on SIGHUP).
    /// SIGTERM or SIGINT stops it gracefully.
    #[command(name = "serve")]
    Serve(Serve),
}

#[derive(Args, Debug)]
pub struct Serve {
    #[command(flatten)]
    pub network: Network,
    /// Waits between delivery attempts, the last repeating (s, m, h, d units).
    #[arg(
        long,
        value_delimiter = ',',
        default_value = "5m,10m,20m,40m,66m",
        value_name = "LIST"
    )]
    pub retry: Vec<String>,
    /// How long a message may wait in the queue before it bounces.
    #[arg(long, default_value = "2d", value_name = "TIME")]
    pub expire: String,
    /// How long sessions in flight may run on after SIGTERM.
    #[arg(long, default_value = "10s", value_name = "TIME")]
    pub grace: String,
    /// Connections per destination at once (fewer than 50, as Microsoft advises for EOP).
    #[arg(long, default_value_t = 20, value_name = "N")]
    pub concurrency: usize,
    /// How often hosted mailboxes are scanned for messages users moved into or out of
    /// their Junk Email folder, which the learning filter learns as spam or ham.
    #[arg(long, default_value = "1m", value_name = "TIME")]
    pub junk_scan: String,
    /// Serve Prometheus metrics over HTTP at http://ADDR:PORT/metrics (such as
    /// 127.0.0.1:9325).
    #[arg(long, value_name = "ADDR:PORT")]
    pub metrics: Option<SocketAddr>,
    /// Serve the quarantine's self-service pages (the links of quarantine notifications)
    /// over HTTP at ADDR:PORT, such as 127.0.0.1:8080; put a reverse proxy in front for
    /// TLS.
    #[arg(long, value_name = "ADDR:PORT")]
    pub web: Option<SocketAddr>,
    /// The base URL notification links use, as users reach the web listener (the reverse
    /// proxy's https://quarantine.contoso.com) [default: http://ADDR:PORT of --web].
    #[arg(long, value_name = "URL", requires = "web")]
    pub web_url: Option<String>,
    /// How often the relay checks whether quarantine notifications are due (they go on
    /// the global EndUserSpamNotificationFrequency).
    #[arg(long, default_value = "1m", value_name = "TIME")]
    pub notify_check: String,
    /// SpamAssassin rule files (*.cf) for the anti-spam filter, or `none` [default: the
    /// newest sa-update directory under /var/lib/spamassassin, else
    /// /usr/share/spamassassin, else the built-in signals alone].
    #[arg(long, env = "EOPCTL_SPAM_RULES", value_name = "DIR")]
    pub spam_rules: Option<String>,
    /// The least severe log events written: error, warn, info, debug or trace; or a
    /// tracing filter (`info,eopctl::relay::queue=debug`).
    #[arg(long, env = "EOPCTL_LOG", default_value = "info", value_name = "LEVEL")]
    pub log_level: String,
    /// How log events are written to stderr: text, or json (one object a line, for a log
    /// collector).
    #[arg(long, value_enum, default_value_t = LogFormat::Text, value_name = "FORMAT")]
    pub log_format: LogFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum LogFormat {
    Text,
    Json,
}

/// How the relay reaches next hops: shared by `serve` and Validate-OutboundConnector, so a
/// validation goes the way delivery goes.
#[derive(Args, Debug)]
pub struct Network {
    /// The DNS server for MX lookups, as address:port [default: the system's resolvers].
    #[arg(
        long,
        env = "EOPCTL_DNS",
        hide_env_values = true,
        value_name = "ADDR:PORT"
    )]
    pub dns: Option<SocketAddr>,
    /// The port MX hosts and smart hosts without a port are reached on (tests use a
    /// loopback port).
    #[arg(
        long,
        env = "EOPCTL_SMTP_PORT",
        hide_env_values = true,
        default_value_t = 25,
        value_name = "PORT"
    )]
    pub smtp_port: u16,
    /// The name the relay gives itself where a connector sets no Fqdn [default: the host name].
    #[arg(long, value_name = "FQDN")]
    pub hostname: Option<String>,
    /// Trusted CA certificates (PEM): the roots client certificates (TlsSenderCertificateName)
    /// and next hops' certificates (CertificateValidation, DomainValidation) are checked
    /// against, with the state's Trusted certificates.
    #[arg(
        long,
        default_value = "/etc/ssl/certs/ca-certificates.crt",
        value_name = "FILE"
    )]
    pub ca_file: std::path::PathBuf,
}

impl Network {
    /// The name the relay says in EHLO.
    pub fn hostname(&self) -> String {
        self.hostname.clone().unwrap_or_else(system_hostname)
    }
}

/// `30s`, `5m`, `2h`, `2d`, or plain seconds.
pub fn parse_duration(text: &str) -> std::result::Result<Duration, ValueError> {
    let bad = || ValueError::Duration(text.to_string());
    let t = text.trim();
    let split = t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len());
    let (num, unit) = t.split_at(split);
    let n: u64 = num.parse().map_err(|_| bad())?;
    let mult = match unit {
        "" | "s" => 1,
        "m" => 60,
        "h" => 3600,
        "d" => 86_400,
        _ => return Err(bad()),
    };
    n.checked_mul(mult).map(Duration::from_secs).ok_or_else(bad)
}

/// The built-in default state: one accepted domain, one hosted mailbox, one listener on
/// loopback. Documented in the README.
pub fn default_state() -> State {
    let mut s = State::default();
    s.organization.name = "Contoso (eopctl default)".into();
    s.accepted_domains.push(AcceptedDomain {
        name: "contoso.test".into(),
        domain_name: "contoso.test".parse().expect("domain"),
        domain_type: Default::default(),
        default: true,
        match_sub_domains: false,
    });
    s.mailboxes.push(Mailbox {
        name: "Admin".into(),
        display_name: "Administrator".into(),
        primary_smtp_address: "admin@contoso.test".parse().expect("address"),
        email_addresses: vec!["postmaster@contoso.test".parse().expect("address")],
    });
    let mut rc = ReceiveConnector::new("Default".into());
    rc.bindings = vec!["127.0.0.1:2525".parse().expect("binding")];
    s.receive_connectors.push(rc);
    s
}

pub(crate) fn system_hostname() -> String {
    let name = std::fs::read_to_string("/proc/sys/kernel/hostname").unwrap_or_default();
    let name = name.trim();
    if name.is_empty() {
        "localhost".into()
    } else {
        name.to_string()
    }
}

/// A positive interval option (`--junk-scan 1m`).
fn interval(text: &str, param: &str) -> Result<Duration> {
    parse_duration(text)
        .ok()
        .filter(|d| !d.is_zero())
        .ok_or_else(|| {
            Error::usage(format!("--{param}: '{text}' is not a positive time"))
                .help("give an interval such as 30s or 5m")
        })
}

pub fn run(cmd: Cmd, ctx: &Context) -> Result<Output> {
    let Cmd::Serve(a) = cmd;
    let usage = |param: &str, e: ValueError| Error::usage(format!("--{param}: {e}"));
    let retry = a
        .retry
        .iter()
        .map(|r| parse_duration(r))
        .collect::<std::result::Result<Vec<_>, _>>()
        .map_err(|e| usage("retry", e))?;
    let expire = parse_duration(&a.expire).map_err(|e| usage("expire", e))?;
    let grace = parse_duration(&a.grace).map_err(|e| usage("grace", e))?;
    let junk_scan = interval(&a.junk_scan, "junk-scan")?;
    let notify_check = interval(&a.notify_check, "notify-check")?;
    if let Some(url) = &a.web_url
        && !(url.starts_with("http://") || url.starts_with("https://"))
    {
        return Err(Error::usage(format!("--web-url: '{url}' is not an http(s) URL"))
            .help("give the address users reach the web listener at, such as https://quarantine.contoso.com"));
    }
    let web = a.web.map(|addr| {
        let base = a
            .web_url
            .clone()
            .unwrap_or_else(|| format!("http://{addr}"));
        (addr, base)
    });
    if a.concurrency == 0 || a.concurrency >= 50 {
        return Err(Error::usage("--concurrency must be from 1 to 49")
            .help("Microsoft advises fewer than 50 connections per destination"));
    }
    let path = ctx.store.path().to_path_buf();
    if !path.exists() {
        ctx.store
            .update("serve (built-in default state)", false, |s| {
                *s = default_state();
                Ok(())
            })?;
        eprintln!(
            "no state file at {}: wrote the built-in default state",
            path.display()
        );
    }
    let hostname = a.network.hostname();
    let opts = Options {
        state_path: path.clone(),
        data_dir: ctx.store.data_dir().to_path_buf(),
        dns: a.network.dns,
        hostname,
        settings: Settings {
            retry,
            expire,
            smtp_port: a.network.smtp_port,
            concurrency: a.concurrency,
            ca_file: a.network.ca_file,
            ..Settings::default()
        },
        grace,
        metrics: a.metrics,
        spam_rules: crate::spamrules::Cache::new(a.spam_rules.as_deref()),
        junk_scan,
        web,
        notify_check,
    };
    let filter = tracing_subscriber::EnvFilter::try_new(&a.log_level).map_err(|e| {
        Error::usage(format!("--log-level {}: {e}", a.log_level))
            .help("give error, warn, info, debug or trace")
    })?;
    let log = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_target(false);
    let _ = match a.log_format {
        LogFormat::Text => log
            .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
            .try_init(),
        LogFormat::Json => log.json().with_ansi(false).try_init(),
    };
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| Error::unavailable(format!("cannot start the runtime: {e}")))?;
    let data_dir = opts.data_dir.clone();
    let state = ctx.store.load()?;
    let result = runtime.block_on(relay::serve(opts, |addrs| {
        let mut out = std::io::stdout().lock();
        let _ = writeln!(
            out,
            "eopctl serve: state {} (revision {}), data {}",
            path.display(),
            state.revision,
            data_dir.display()
        );
        for addr in addrs {
            let _ = writeln!(out, "listening on {addr}");
        }
        let _ = writeln!(out, "{}", first_message(addrs, &state, &data_dir));
        let _ = out.flush();
    }));
    runtime.shutdown_timeout(Duration::from_secs(2));
    result?;
    Ok(Output::Nothing)
}

/// How to send a first message, or what is missing before one can be sent (only what is
/// missing: a relay that listens needs no receive connector added).
fn first_message(addrs: &[SocketAddr], state: &State, data_dir: &std::path::Path) -> String {
    match (addrs.first(), state.mailboxes.first()) {
        (Some(addr), Some(mb)) => {
            let to = &mb.primary_smtp_address;
            format!(
                "send a first message:\n  swaks --server {} --port {} --from you@example.com --to {to}\n  it lands in {}",
                addr.ip(),
                addr.port(),
                crate::relay::delivery::mailbox::maildir(data_dir, &to.key())
                    .join("new")
                    .display()
            )
        }
        (Some(_), None) => {
            "send a first message: add a mailbox (eopctl New-Mailbox), then send with swaks".into()
        }
        (None, _) => "send a first message: add a receive connector (eopctl New-ReceiveConnector) to listen on, then send with swaks".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_and_default_state() {
        assert_eq!(parse_duration("5m"), Ok(Duration::from_secs(300)));
        assert_eq!(parse_duration("2d"), Ok(Duration::from_secs(172_800)));
        assert_eq!(parse_duration("7"), Ok(Duration::from_secs(7)));
        assert!(parse_duration("5x").is_err());
        assert!(crate::state::validate::validate(&default_state()).is_empty());
    }

    #[test]
    fn the_banner_asks_only_for_what_is_missing() {
        let addr: SocketAddr = "127.0.0.1:2525".parse().unwrap();
        let dir = std::path::Path::new("eop.data");
        let mut state = default_state();
        assert!(
            first_message(&[addr], &state, dir).contains("swaks --server 127.0.0.1 --port 2525")
        );
        state.mailboxes.clear();
        let listening = first_message(&[addr], &state, dir);
        assert!(listening.contains("add a mailbox"), "{listening}");
        assert!(!listening.contains("receive connector"), "{listening}");
        assert!(first_message(&[], &state, dir).contains("add a receive connector"));
    }
}
