//! Get/New/Set/Remove-Mailbox: mailboxes hosted by the service (delivered to a Maildir).

use clap::{Args, Subcommand};

use super::View;
use crate::assign;
use crate::cmdlets::common::{ChangeArgs, Context, FilteredGetArgs, IdentityArgs, parse_value};
use crate::error::Result;
use crate::output::{Output, key};
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
            super::new(ctx, &a.change, &VIEW, m, |_, _| {})
        }
        Cmd::Set(a) => super::set::<Mailbox>(ctx, &a.identity, &a.change, &VIEW, |m| {
            assign!(a => m; name);
            a.params.apply_declared(m)
        }),
        Cmd::Remove(a) => super::remove::<Mailbox>(ctx, &a.identity, &a.change, &VIEW),
    }
}
