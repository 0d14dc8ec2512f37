//! Get-DnsGuidance and Test-DnsRecords: the two sides of one question, "is DNS right for
//! this domain?". Guidance is computed from the state (src/dns/records.rs); the test looks
//! the records up with hickory-resolver and checks each against it.

use std::net::SocketAddr;

use clap::{Args, Subcommand};

use crate::cmdlets::common::Context;
use crate::dns::{guidance, records};
use crate::error::{Error, Kind, Result};
use crate::output::{self, Output, key, rows, text};
use crate::state::State;

#[derive(Subcommand, Debug)]
pub enum Cmd {
    /// Prints the DNS records to publish for a domain in the configured scenario: MX, SPF,
    /// DMARC, the domain-verification record and the DKIM selectors' keys.
    #[command(name = "get-dnsguidance", alias = "Get-DnsGuidance")]
    Get(Guidance),
    /// Looks up a domain's MX, SPF, DMARC, verification and DKIM records and checks each
    /// against the guidance; exits 1 when any check fails.
    #[command(name = "test-dnsrecords", alias = "Test-DnsRecords")]
    Test(TestArgs),
}

#[derive(Args, Debug)]
pub struct Guidance {
    /// The accepted domain.
    #[arg(long, value_name = "Domain")]
    pub domain_name: String,
}

#[derive(Args, Debug)]
pub struct TestArgs {
    /// The accepted domain.
    #[arg(long, value_name = "Domain")]
    pub domain_name: String,
    /// The DNS server to ask, as address:port [default: the system's resolvers].
    #[arg(
        long,
        env = "EOPCTL_DNS",
        hide_env_values = true,
        value_name = "ADDR:PORT"
    )]
    pub dns_server: Option<SocketAddr>,
}

fn guidance(state: &State, domain: &str) -> Result<guidance::Guidance> {
    guidance::guidance(state, domain).map_err(|e| {
        // A domain that is not ours is a wrong name; the rest are settings still missing.
        let kind = match e {
            guidance::GuidanceError::NotAccepted(_) => Kind::NotFound,
            _ => Kind::Failed,
        };
        Error::new(kind, format!("-DomainName {domain}: {e}")).help(e.fix())
    })
}

pub fn run(cmd: Cmd, ctx: &Context) -> Result<Output> {
    let state = ctx.store.load()?;
    match cmd {
        Cmd::Get(a) => Ok(Output::Objects {
            rows: rows(&guidance(&state, &a.domain_name)?.records),
            columns: const { &[key("Type"), key("Name"), key("Value"), text("Purpose")] },
        }),
        Cmd::Test(a) => {
            let g = guidance(&state, &a.domain_name)?;
            let dns = crate::dns::Hickory::new(a.dns_server)
                .map_err(|e| Error::unavailable(format!("-DnsServer: {e}")))?;
            let runtime = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .map_err(|e| {
                    Error::unavailable(format!("cannot start the resolver's runtime: {e}"))
                })?;
            let checks = runtime.block_on(records::test(&dns, &g));
            let total = checks.len();
            Ok(output::findings(&checks, |failed| {
                Error::failed(format!("{failed} of {total} checks of {} failed", g.domain))
                    .help(format!("publish what `eopctl Get-DnsGuidance -DomainName {}` prints; -o list shows each check's fix", g.domain))
            }))
        }
    }
}
