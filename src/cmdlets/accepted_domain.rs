//! Get/New/Set/Remove-AcceptedDomain: the domains the organisation receives mail for.

use clap::{Args, Subcommand};

use super::View;
use crate::cmdlets::common::{ChangeArgs, Context, GetArgs, IdentityArgs, parse_bool};
use crate::error::{Error, Result};
use crate::output::{Output, key, wide};
use crate::state::model::{AcceptedDomain, DomainType};

const VIEW: View = View {
    columns: &[
        key("Name"),
        key("DomainName"),
        wide("DomainType"),
        wide("Default"),
    ],
};

#[derive(Subcommand, Debug)]
pub enum Cmd {
    /// Lists accepted domains.
    #[command(name = "get-accepteddomain", alias = "Get-AcceptedDomain")]
    Get(GetArgs),
    /// Adds a domain the organisation receives mail for.
    #[command(name = "new-accepteddomain", alias = "New-AcceptedDomain")]
    New(New),
    /// Changes an accepted domain.
    #[command(name = "set-accepteddomain", alias = "Set-AcceptedDomain")]
    Set(Set),
    /// Removes an accepted domain.
    #[command(name = "remove-accepteddomain", alias = "Remove-AcceptedDomain")]
    Remove(IdentityArgs),
}

crate::params! {
    /// The parameters New- and Set-AcceptedDomain share.
    pub struct Params for AcceptedDomain;
    view [];
    /// Authoritative (all recipients are known here) or InternalRelay (some live elsewhere).
    #[arg(ignore_case = true)]
    domain_type: value(DomainType) = "DomainType";
    /// Accept and route mail for every subdomain as for this domain (InternalRelay only).
    match_sub_domains: bool = "MatchSubDomains";
}

#[derive(Args, Debug)]
pub struct New {
    /// A unique name for the accepted domain.
    #[arg(long)]
    pub name: String,
    /// The domain, such as contoso.com.
    #[arg(long)]
    pub domain_name: String,
    #[command(flatten)]
    pub params: Params,
    #[command(flatten)]
    pub change: ChangeArgs,
}

#[derive(Args, Debug)]
pub struct Set {
    /// The accepted domain's name or domain.
    #[arg(long)]
    pub identity: String,
    /// A new name.
    #[arg(long)]
    pub name: Option<String>,
    #[command(flatten)]
    pub params: Params,
    /// Make this the default domain (the one other defaults come from).
    #[arg(long, value_name = "BOOL", value_parser = parse_bool)]
    pub make_default: Option<bool>,
    #[command(flatten)]
    pub change: ChangeArgs,
}

pub fn run(cmd: Cmd, ctx: &Context) -> Result<Output> {
    match cmd {
        Cmd::Get(a) => super::get::<AcceptedDomain>(ctx, a.identity.as_deref(), &VIEW),
        Cmd::New(a) => {
            let mut domain = AcceptedDomain {
                name: a.name,
                domain_name: crate::cmdlets::common::parse_value(&a.domain_name, "DomainName")?,
                domain_type: DomainType::default(),
                default: false,
                match_sub_domains: false,
            };
            a.params.apply_declared(&mut domain)?;
            // The first domain is the default, as in Exchange.
            super::new(ctx, &a.change, &VIEW, domain, |state, d| {
                d.default = state.accepted_domains.is_empty()
            })
        }
        Cmd::Set(a) => {
            if a.make_default == Some(false) {
                return Err(Error::usage("-MakeDefault $false is not possible: one domain is always the default")
                    .help("make another domain the default with `eopctl Set-AcceptedDomain -Identity <other> -MakeDefault $true`"));
            }
            super::set_with::<AcceptedDomain>(ctx, &a.identity, &a.change, &VIEW, |state, i| {
                if a.make_default == Some(true) {
                    for (n, d) in state.accepted_domains.iter_mut().enumerate() {
                        d.default = n == i;
                    }
                }
                let d = &mut state.accepted_domains[i];
                if let Some(name) = a.name {
                    d.name = name;
                }
                a.params.apply_declared(d)
            })
        }
        Cmd::Remove(a) => {
            let state = ctx.store.load()?;
            let d = &state.accepted_domains[super::find::<AcceptedDomain>(&state, &a.identity)?];
            if d.default && state.accepted_domains.len() > 1 {
                return Err(Error::conflict(format!("AcceptedDomain \"{}\" is the default domain and cannot be removed", d.name))
                    .help("make another domain the default first with `eopctl Set-AcceptedDomain -Identity <other> -MakeDefault $true`"));
            }
            super::remove::<AcceptedDomain>(ctx, &a.identity, &a.change, &VIEW)
        }
    }
}
