//! Get/New/Set/Remove-Mailbox: mailboxes hosted by the service (delivered to a Maildir).

use clap::{Args, Subcommand};

use super::View;
use crate::assign;
use crate::cmdlets::common::{ChangeArgs, Context, FilteredGetArgs, IdentityArgs, parse_value};
use crate::error::Result;
use crate::output::{Output, key, wide};
use crate::state::model::Mailbox;

const VIEW: View = View {
    columns: &[
        key("Name"),
        wide("DisplayName"),
        key("PrimarySmtpAddress"),
        wide("EmailAddresses"),
    ],
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

#[derive(Args, Debug)]
pub struct New {
    /// A unique name for the mailbox.
    #[arg(long)]
    pub name: String,
    /// The mailbox's address; its domain must be an accepted domain.
    #[arg(long)]
    pub primary_smtp_address: String,
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
    #[arg(long)]
    pub primary_smtp_address: Option<String>,
    #[command(flatten)]
    pub params: Params,
    #[command(flatten)]
    pub change: ChangeArgs,
}

crate::params! {
    /// The parameters New- and Set-Mailbox share.
    pub struct Params for Mailbox;
    view [];
    display_name: value(String) = "DisplayName";
    /// Further addresses that deliver to this mailbox.
    #[arg(value_name = "Addresses")]
    email_addresses: list = "EmailAddresses";
}

pub fn run(cmd: Cmd, ctx: &Context) -> Result<Output> {
    match cmd {
        Cmd::Get(a) => super::get_filtered::<Mailbox>(ctx, &a, &VIEW, PROPERTIES),
        Cmd::New(a) => {
            let mut m = Mailbox {
                name: a.name,
                display_name: String::new(),
                primary_smtp_address: parse_value(&a.primary_smtp_address, "PrimarySmtpAddress")?,
                email_addresses: Vec::new(),
            };
            a.params.apply_declared(&mut m)?;
            super::new(ctx, &a.change, &VIEW, m, |_, _| {})
        }
        Cmd::Set(a) => super::set::<Mailbox>(ctx, &a.identity, &a.change, &VIEW, |m| {
            assign!(a => m; name);
            if let Some(p) = &a.primary_smtp_address {
                m.primary_smtp_address = parse_value(p, "PrimarySmtpAddress")?;
            }
            a.params.apply_declared(m)
        }),
        Cmd::Remove(a) => super::remove::<Mailbox>(ctx, &a.identity, &a.change, &VIEW),
    }
}
