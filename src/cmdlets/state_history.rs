//! Get-StateHistory, Compare-State and Restore-State: every revision of the state file,
//! what changed between two, and bringing an old one back as a new revision.

use clap::{Args, Subcommand};

use crate::cmdlets::common::{ChangeArgs, Context, confirmed};
use crate::error::Result;
use crate::output::{Output, key, rows, text, wide};
use crate::state::diff::diff;

#[derive(Subcommand, Debug)]
pub enum Cmd {
    /// Lists the revisions of the state: when, who, and the command that made each.
    #[command(name = "get-statehistory", alias = "Get-StateHistory")]
    History(History),
    /// Shows what changed between a revision and the current state (or another revision).
    #[command(name = "compare-state", alias = "Compare-State")]
    Compare(Compare),
    /// Brings an old revision back, saved as a new revision.
    #[command(name = "restore-state", alias = "Restore-State")]
    Restore(Restore),
}

#[derive(Args, Debug)]
pub struct History {
    /// Only the newest N revisions.
    #[arg(long)]
    pub newest: Option<usize>,
}

#[derive(Args, Debug)]
pub struct Compare {
    /// The revision to compare from.
    #[arg(long)]
    pub revision: u64,
    /// The revision to compare to [default: the current one].
    #[arg(long)]
    pub to_revision: Option<u64>,
}

#[derive(Args, Debug)]
pub struct Restore {
    /// The revision to bring back.
    #[arg(long)]
    pub revision: u64,
    #[command(flatten)]
    pub change: ChangeArgs,
}

pub fn run(cmd: Cmd, ctx: &Context) -> Result<Output> {
    match cmd {
        Cmd::History(a) => {
            let mut entries = ctx.store.history()?;
            if let Some(n) = a.newest {
                entries = entries.split_off(entries.len().saturating_sub(n));
            }
            Ok(Output::Objects {
                rows: rows(&entries),
                columns: const { &[key("Revision"), key("When"), wide("User"), text("Command")] },
            })
        }
        Cmd::Compare(a) => {
            let from = ctx.store.revision(a.revision)?;
            let to = match a.to_revision {
                Some(r) => ctx.store.revision(r)?,
                None => ctx.store.load()?,
            };
            let changes = diff(&from, &to);
            if changes.is_empty() {
                return Ok(Output::Text(format!(
                    "No differences between revision {} and revision {}.",
                    from.revision, to.revision
                )));
            }
            Ok(Output::Objects {
                rows: rows(&changes),
                columns: super::CHANGE_COLUMNS,
            })
        }
        Cmd::Restore(a) => {
            if !confirmed(
                &a.change,
                &format!(
                    "Replace the current state with the contents of revision {}?",
                    a.revision
                ),
            )? {
                return super::declined("restored");
            }
            let restored = ctx
                .store
                .restore(&ctx.command_line, a.revision, a.change.what_if)?;
            if a.change.what_if {
                return Ok(super::what_if(&ctx.cmdlet, restored.changes));
            }
            let replaced = match &restored.broken {
                Some((aside, why)) => format!(
                    "the state file did not load, so it was replaced whole (kept as {}; it said: {})",
                    aside.display(),
                    why.lines().map(str::trim).collect::<Vec<_>>().join(" ")
                ),
                None => format!("it replaced revision {}", restored.replaced),
            };
            Ok(match restored.revision {
                Some(r) => Output::Text(format!(
                    "Restored revision {} as revision {r}: {replaced}.",
                    a.revision
                )),
                None => Output::Text(format!(
                    "Revision {} is the same as the current state; nothing changed.",
                    a.revision
                )),
            })
        }
    }
}
