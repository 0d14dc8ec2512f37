//! Test-Configuration: the mistakes a valid state file can still hold (src/policy/lint.rs),
//! each with the object, the parameter, what goes wrong and the fix. Exits 1 when any
//! finding is an error, so a script can run it after a change.

use clap::{Args, Subcommand};

use crate::cmdlets::common::Context;
use crate::error::{Error, Result};
use crate::output::{self, Output};
use crate::policy::lint;

#[derive(Subcommand, Debug)]
pub enum Cmd {
    /// Checks the configuration for mistakes a valid file can still hold: no enabled
    /// receive connector, RequireTls where no listener offers STARTTLS, an OnPremises
    /// connector that trusts the Internet, overlapping or shadowed connectors, an
    /// InternalRelay domain with nowhere to go, edge blocking with no recipients, smart hosts
    /// that loop back, certificates about to expire. Exits 1 when any finding is an error.
    #[command(name = "test-configuration", alias = "Test-Configuration")]
    TestConfiguration(TestConfiguration),
}

#[derive(Args, Debug)]
pub struct TestConfiguration {}

pub fn run(cmd: Cmd, ctx: &Context) -> Result<Output> {
    let Cmd::TestConfiguration(TestConfiguration {}) = cmd;
    let state = ctx.store.load()?;
    let findings = lint::lint(&state, chrono::Utc::now());
    if findings.is_empty() {
        return Ok(Output::Text(format!(
            "No findings in revision {} of {}.",
            state.revision,
            ctx.store.path().display()
        )));
    }
    let total = findings.len();
    Ok(output::findings(&findings, |errors| {
        Error::failed(format!(
            "{errors} of {total} findings are errors: mail is refused, lost or loops, or strangers may relay"
        ))
        .help("each finding's Fix says what to change (see them with -o list)")
    }))
}
