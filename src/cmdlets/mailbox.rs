//! Get/New/Set/Remove-Mailbox: mailboxes hosted by the service (delivered to a Maildir),
//! and their SMTP AUTH password (`-Password`, see `cmdlets::password`).

use clap::{Args, Subcommand};

use super::{View, password};
use crate::assign;
use crate::cmdlets::common::{ChangeArgs, Context, FilteredGetArgs, IdentityArgs, parse_value};
use crate::error::Result;
use crate::output::{Output, key};
use crate::policy::Submitter;
use crate::state::model::Mailbox;

const VIEW: View = View {
    columns: Params::COLUMNS,
};

/// What Get-Mailbox -Filter may name: every property of the model.
pub const PROPERTIES: &[&str] = &[
    "Name",
    "DisplayName",
    "PrimarySmtpAddress",
    "EmailAddresses",
];

#[derive(Subcommand, Debug)]
pub enum Cmd {
    /// Lists hosted mailboxes.
    #[command(name = "get-mailbox", alias = "Get-Mailbox")]
    Get(FilteredGetArgs),
    /// Creates a mailbox hosted by the service.
    #[command(name = "new-mailbox", alias = "New-Mailbox")]
    New(New),
    /// Changes a hosted mailbox.
    #[command(name = "set-mailbox", alias = "Set-Mailbox")]
    Set(Set),
    /// Removes a hosted mailbox (its Maildir stays on disk).
    #[command(name = "remove-mailbox", alias = "Remove-Mailbox")]
    Remove(IdentityArgs),
}

/// New-Mailbox: a mailbox needs its address from the start.
#[derive(Args, Debug)]
#[command(mut_args(|a| if a.get_id() == "primary_smtp_address" { a.required(true) } else { a }))]
pub struct New {
    /// A unique name for the mailbox.
    #[arg(long)]
    pub name: String,
    #[command(flatten)]
    pub params: Params,
    /// Ask for the mailbox's SMTP AUTH password (twice, on a terminal) or read it from
    /// the first line of stdin; never given on the command line.
    #[arg(long)]
    pub password: bool,
    #[command(flatten)]
    pub change: ChangeArgs,
}

#[derive(Args, Debug)]
pub struct Set {
    /// The mailbox's name or one of its addresses.
    #[arg(long)]
    pub identity: String,
    #[arg(long)]
    pub name: Option<String>,
    #[command(flatten)]
    pub params: Params,
    /// Ask for a new SMTP AUTH password (twice, on a terminal) or read it from the first
    /// line of stdin; never given on the command line.
    #[arg(long)]
    pub password: bool,
    #[command(flatten)]
    pub change: ChangeArgs,
}

crate::params! {
    /// The parameters New- and Set-Mailbox share.
    pub struct Params for Mailbox;
    view [key("Name")];
    /// The name shown for the mailbox in lists.
    display_name: value(String) = "DisplayName", wide;
    /// The mailbox's address; its domain must be an accepted domain.
    primary_smtp_address: parsed = "PrimarySmtpAddress", key;
    /// Further addresses that deliver to this mailbox.
    #[arg(value_name = "Addresses")]
    email_addresses: list = "EmailAddresses", wide;
}

pub fn run(cmd: Cmd, ctx: &Context) -> Result<Output> {
    match cmd {
        Cmd::Get(a) => super::get_filtered::<Mailbox>(ctx, &a, &VIEW, PROPERTIES),
        Cmd::New(a) => {
            // Required, so given: parsed here to make the mailbox, set again by the table.
            let address = a.params.primary_smtp_address.as_deref().unwrap_or_default();
            let mut m = Mailbox {
                name: a.name,
                display_name: String::new(),
                primary_smtp_address: parse_value(address, "PrimarySmtpAddress")?,
                email_addresses: Vec::new(),
            };
            a.params.apply_declared(&mut m)?;
            let who = Submitter::Mailbox(m.name.clone());
            let password = a.password.then(|| password::read(&who)).transpose()?;
            let out = super::new(ctx, &a.change, &VIEW, m, |_, _| {})?;
            if let Some(p) = password.filter(|_| !a.change.what_if) {
                password::store(ctx, &who, &p)?;
            }
            Ok(out)
        }
        Cmd::Set(a) => {
            let state = ctx.store.load()?;
            let old = state.mailboxes[super::find::<Mailbox>(&state, &a.identity)?]
                .name
                .clone();
            let who = Submitter::Mailbox(a.name.clone().unwrap_or_else(|| old.clone()));
            let password = a.password.then(|| password::read(&who)).transpose()?;
            // -Password alone changes nothing in the state: no revision, no warning.
            let out = if password.is_some() && a.name.is_none() && unchanged(&a.params) {
                Output::Nothing
            } else {
                super::set::<Mailbox>(ctx, &a.identity, &a.change, &VIEW, |m| {
                    assign!(a => m; name);
                    a.params.apply_declared(m)
                })?
            };
            if a.change.what_if {
                return Ok(match password {
                    Some(_) if matches!(out, Output::Nothing) => Output::Text(format!(
                        "What if: {} would set the SMTP AUTH password of {who}.",
                        ctx.cmdlet
                    )),
                    _ => out,
                });
            }
            // A renamed mailbox keeps its password under its new name.
            if who.name() != old {
                password::rename(ctx, &Submitter::Mailbox(old), &who)?;
            }
            if let Some(p) = password {
                password::store(ctx, &who, &p)?;
            }
            Ok(out)
        }
        Cmd::Remove(a) => {
            let state = ctx.store.load()?;
            let name = state.mailboxes[super::find::<Mailbox>(&state, &a.identity)?]
                .name
                .clone();
            let out = super::remove::<Mailbox>(ctx, &a.identity, &a.change, &VIEW)?;
            let gone = !ctx.store.load()?.mailboxes.iter().any(|m| m.name == name);
            if gone {
                password::forget(ctx, &Submitter::Mailbox(name))?;
            }
            Ok(out)
        }
    }
}

/// No parameter of the table was given (they are all `None` then, so the derived
/// `Default` is the value of an empty command line).
fn unchanged(p: &Params) -> bool {
    format!("{p:?}") == format!("{:?}", Params::default())
}
