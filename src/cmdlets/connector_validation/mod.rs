//! Validate-OutboundConnector and Validate-InboundConnector: Microsoft's "validate your
//! connector" and "How do you know this task worked?". The outbound check walks what
//! delivery would do, step by step, over the network, with delivery's own code (the next
//! hop's names and addresses from `relay::delivery::hosts`, the SMTP client and TLS
//! verifiers of `relay::delivery::smtp`, the client certificate `Snapshot::build` loads);
//! the inbound check is static: the identifying addresses and certificate name against the
//! rest of the state, and the policy's `identify` for a given client address.

mod inbound;
mod outbound;

use clap::{Args, Subcommand};

use crate::cmdlets::common::Context;
use crate::cmdlets::serve::Network;
use crate::error::{Error, Result};
use crate::finding::{Finding, Severity};
use crate::output::{self, Output};

#[derive(Subcommand, Debug)]
pub enum Cmd {
    /// Validates an outbound connector as delivery would use it: for each smart host (or
    /// MX host of the recipients' domain with UseMXRecord) resolves, connects, reads the
    /// banner, says EHLO, starts TLS and checks the certificate per TlsSettings, presents
    /// the client certificate the relay would, and with -Recipients sends a test message.
    /// Exits 1 when a step fails.
    #[command(
        name = "validate-outboundconnector",
        alias = "Validate-OutboundConnector"
    )]
    ValidateOutboundConnector(ValidateOutbound),
    /// Checks that an inbound connector identifies the servers it is meant for: its
    /// SenderIPAddresses and TlsSenderCertificateName against the rest of the
    /// configuration, and with -ClientIP whether that address would be identified by it.
    /// Exits 1 when a check fails.
    #[command(
        name = "validate-inboundconnector",
        alias = "Validate-InboundConnector"
    )]
    ValidateInboundConnector(ValidateInbound),
}

#[derive(Args, Debug)]
pub struct ValidateOutbound {
    /// The connector's name.
    #[arg(long)]
    pub identity: String,
    /// Send a test message (Subject "eopctl connector validation") to these addresses
    /// through each host (a,b or repeated). With UseMXRecord, their domains are the ones
    /// whose MX hosts are checked.
    #[arg(long, value_name = "Addresses", value_delimiter = ',')]
    pub recipients: Vec<String>,
    /// The test message's sender [default: postmaster of the default accepted domain].
    #[arg(long, value_name = "Address")]
    pub sender: Option<String>,
    /// How long each connection step may take.
    #[arg(long, default_value = "30s", value_name = "TIME")]
    pub timeout: String,
    #[command(flatten)]
    pub network: Network,
}

#[derive(Args, Debug)]
pub struct ValidateInbound {
    /// The connector's name.
    #[arg(long)]
    pub identity: String,
    /// Report whether a client at this address would be identified by this connector.
    #[arg(long, value_name = "IP")]
    #[arg(alias = "ClientIP")]
    pub client_ip: Option<String>,
    /// Take private and loopback SenderIPAddresses on a Partner connector as meant (a
    /// partner reached over a private link) instead of warning.
    #[arg(long)]
    pub allow_private_addresses: bool,
}

/// One step of a validation: the host it ran against (`-` for none) and the step.
fn check(host: &str, step: &str, result: Severity, detail: impl Into<String>) -> Finding {
    Finding::new(result, host, step, detail)
}

pub fn run(cmd: Cmd, ctx: &Context) -> Result<Output> {
    match cmd {
        Cmd::ValidateOutboundConnector(a) => outbound::run(a, ctx),
        Cmd::ValidateInboundConnector(a) => inbound::run(a, ctx),
    }
}

/// The findings, failing with the first failed step (its object, step and fix).
fn report(object: &str, checks: Vec<Finding>) -> Output {
    output::findings(&checks, |_| {
        let f = checks.iter().find(|c| c.is_error()).expect("an error");
        Error::failed(match f.object.as_str() {
            "-" => format!("{object}: {} failed: {}", f.parameter, f.message),
            host => format!("{object}: {} failed for {host}: {}", f.parameter, f.message),
        })
        .help(f.fix.clone())
    })
}
