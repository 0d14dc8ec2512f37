//! Get/Remove-BlockedSenderAddress: the senders the outbound spam policy restricted from
//! sending (EOP's Restricted entities, "Remove blocked users from the Restricted entities
//! portal"), kept in `<data-dir>/outbound.db` (`crate::outbound`), never in the state
//! file. A running relay reads them at each outbound MAIL FROM, so a removal acts on the
//! sender's next message.

use chrono::Utc;
use clap::{Args, Subcommand};

use crate::cmdlets::common::{ChangeArgs, Context, confirmed};
use crate::error::{Error, Result};
use crate::outbound::{Restricted, Sqlite, StoreError};
use crate::output::{Column, Output, key, wide};

const COLUMNS: &[Column] = &[
    key("SenderAddress"),
    key("Reason"),
    wide("Policy"),
    key("CreatedDatetime"),
    key("Expires"),
];

#[derive(Subcommand, Debug)]
pub enum Cmd {
    /// Lists the senders restricted from sending.
    #[command(name = "get-blockedsenderaddress", alias = "Get-BlockedSenderAddress")]
    Get(Get),
    /// Lets a restricted sender send again.
    #[command(
        name = "remove-blockedsenderaddress",
        alias = "Remove-BlockedSenderAddress"
    )]
    Remove(Remove),
}

#[derive(Args, Debug)]
pub struct Get {
    /// One sender, by its email address.
    #[arg(long, value_name = "SmtpAddress")]
    pub sender_address: Option<String>,
}

#[derive(Args, Debug)]
pub struct Remove {
    /// The restricted sender's email address.
    #[arg(long, value_name = "SmtpAddress")]
    pub sender_address: String,
    /// Why the restriction is lifted (kept in the log of the command).
    #[arg(long, value_name = "String")]
    pub reason: Option<String>,
    #[command(flatten)]
    pub change: ChangeArgs,
}

fn open(ctx: &Context) -> Result<Sqlite> {
    Sqlite::open(ctx.store.data_dir()).map_err(|e| db_error(ctx, &e.into()))
}

fn db_error(ctx: &Context, e: &StoreError) -> Error {
    Error::failed(format!(
        "cannot read the restricted senders in {}: {e}",
        ctx.store.data_dir().display()
    ))
    .help("check the data directory (--data-dir) is readable and writable")
}

pub fn run(cmd: Cmd, ctx: &Context) -> Result<Output> {
    let now = Utc::now();
    match cmd {
        Cmd::Get(a) => {
            let db = open(ctx)?;
            let mut all = db.restricted(now).map_err(|e| db_error(ctx, &e))?;
            if let Some(s) = &a.sender_address {
                all.retain(|b| b.sender_address.eq_ignore_ascii_case(s.trim()));
            }
            Ok(Output::Objects {
                rows: all
                    .iter()
                    .map(|b| serde_json::to_value(b).unwrap_or_default())
                    .collect(),
                columns: COLUMNS,
            })
        }
        Cmd::Remove(a) => {
            let mut db = open(ctx)?;
            let sender = a.sender_address.trim();
            if db
                .restriction(sender, now)
                .map_err(|e| db_error(ctx, &e))?
                .is_none()
            {
                return Err(Error::not_found(format!(
                    "-SenderAddress {sender}: the sender is not restricted"
                ))
                .help("list the restricted senders with `eopctl Get-BlockedSenderAddress`"));
            }
            if !confirmed(
                &a.change,
                &format!("Remove BlockedSenderAddress {sender}: let it send again?"),
            )? {
                return super::declined("removed");
            }
            if a.change.what_if {
                return Ok(Output::Text(format!(
                    "What if: would let {sender} send again"
                )));
            }
            db.lift(sender).map_err(|e| db_error(ctx, &e))?;
            Ok(Output::Nothing)
        }
    }
}
