//! Get/New/Set/Remove/Enable/Disable-SmtpAuthAccount: applications and devices that
//! submit mail with SMTP AUTH without a mailbox of their own, each scoped to the sender
//! addresses it may use. Exchange Online has no such noun (an application there logs in
//! as a licensed mailbox, or as a High Volume Email account, `New-MailUser -HVEAccount`);
//! eopctl keeps them apart from recipients, since they receive no mail. The password is
//! kept under the data directory (`cmdlets::password`), never in the state file.

use clap::Subcommand;

use super::{View, password};
use crate::assign;
use crate::cmdlets::common::{Context, GetArgs, IdentityArgs};
use crate::error::Result;
use crate::output::{Output, key};
use crate::policy::Submitter;
use crate::state::model::SmtpAuthAccount;

const VIEW: View = View {
    columns: Params::COLUMNS,
};

#[derive(Subcommand, Debug)]
pub enum Cmd {
    /// Lists SMTP AUTH accounts.
    #[command(name = "get-smtpauthaccount", alias = "Get-SmtpAuthAccount")]
    Get(GetArgs),
    /// Creates an account for an application that submits mail with SMTP AUTH.
    #[command(name = "new-smtpauthaccount", alias = "New-SmtpAuthAccount")]
    New(super::NewArgs<Params>),
    /// Changes an account: its sender addresses, or (-Password) its password.
    #[command(name = "set-smtpauthaccount", alias = "Set-SmtpAuthAccount")]
    Set(super::SetArgs<Params>),
    /// Removes an account and its password.
    #[command(name = "remove-smtpauthaccount", alias = "Remove-SmtpAuthAccount")]
    Remove(IdentityArgs),
    /// Lets an account log in again.
    #[command(name = "enable-smtpauthaccount", alias = "Enable-SmtpAuthAccount")]
    Enable(IdentityArgs),
    /// Stops an account from logging in (its password is kept).
    #[command(name = "disable-smtpauthaccount", alias = "Disable-SmtpAuthAccount")]
    Disable(IdentityArgs),
}

crate::params! {
    /// The parameters of New- and Set-SmtpAuthAccount.
    pub struct Params for SmtpAuthAccount;
    view [key("Name")];
    /// Whether the account may log in ($false keeps it and its password, unused).
    enabled: bool = "Enabled", key;
    /// The envelope and From addresses the account may send as.
    #[arg(value_name = "Addresses")]
    allowed_sender_addresses: list = "AllowedSenderAddresses", key;
    /// Ask for the password (twice, on a terminal) or read it from the first line of
    /// stdin; never given on the command line.
    password: manual(bool) = "Password";
    /// A note for admins: what the account is for.
    comment: value(String) = "Comment", wide;
}

pub fn run(cmd: Cmd, ctx: &Context) -> Result<Output> {
    match cmd {
        Cmd::Get(a) => super::get::<SmtpAuthAccount>(ctx, a.identity.as_deref(), &VIEW),
        Cmd::New(a) => {
            let mut account = SmtpAuthAccount {
                name: a.name,
                enabled: true,
                allowed_sender_addresses: Vec::new(),
                comment: String::new(),
            };
            a.params.apply_declared(&mut account)?;
            let who = Submitter::Account(account.name.clone());
            let secret = a
                .params
                .password
                .then(|| password::read(&who))
                .transpose()?;
            let out = super::new(ctx, &a.change, &VIEW, account, |_, _| {})?;
            match secret {
                Some(p) if !a.change.what_if => password::store(ctx, &who, &p)?,
                None if !a.change.what_if => eprintln!(
                    "warning: {who} has no password and cannot log in until one is set: eopctl Set-SmtpAuthAccount -Identity \"{}\" -Password",
                    who.name()
                ),
                _ => {}
            }
            Ok(out)
        }
        Cmd::Set(a) => {
            let state = ctx.store.load()?;
            let old = state.smtp_auth_accounts
                [super::find::<SmtpAuthAccount>(&state, &a.identity)?]
            .name
            .clone();
            let new = a.name.clone().unwrap_or_else(|| old.clone());
            let who = Submitter::Account(new.clone());
            let secret = a
                .params
                .password
                .then(|| password::read(&who))
                .transpose()?;
            let only_password = a.name.is_none()
                && a.params.enabled.is_none()
                && a.params.allowed_sender_addresses.is_none()
                && a.params.comment.is_none();
            let out = if secret.is_some() && only_password {
                Output::Nothing
            } else {
                super::set::<SmtpAuthAccount>(ctx, &a.identity, &a.change, &VIEW, |c| {
                    assign!(a => c; name);
                    a.params.apply_declared(c)
                })?
            };
            if a.change.what_if {
                return Ok(match secret {
                    Some(_) if only_password => Output::Text(format!(
                        "What if: {} would set the password of {who}.",
                        ctx.cmdlet
                    )),
                    _ => out,
                });
            }
            // A renamed account keeps its password under its new name.
            if new != old {
                password::rename(ctx, &Submitter::Account(old), &who)?;
            }
            if let Some(p) = secret {
                password::store(ctx, &who, &p)?;
            }
            Ok(out)
        }
        Cmd::Remove(a) => {
            let state = ctx.store.load()?;
            let name = state.smtp_auth_accounts
                [super::find::<SmtpAuthAccount>(&state, &a.identity)?]
            .name
            .clone();
            let out = super::remove::<SmtpAuthAccount>(ctx, &a.identity, &a.change, &VIEW)?;
            if !ctx
                .store
                .load()?
                .smtp_auth_accounts
                .iter()
                .any(|c| c.name == name)
            {
                password::forget(ctx, &Submitter::Account(name))?;
            }
            Ok(out)
        }
        Cmd::Enable(a) => super::enable::<SmtpAuthAccount>(ctx, &a, true, &VIEW),
        Cmd::Disable(a) => super::enable::<SmtpAuthAccount>(ctx, &a, false, &VIEW),
    }
}
