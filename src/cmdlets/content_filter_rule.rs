//! Get/New/Set/Remove/Enable/Disable-HostedContentFilterRule: whom a custom anti-spam
//! policy applies to. The first enabled rule (Priority 0 first) that names a recipient
//! applies its policy; recipients no rule names get the Default policy. The verbs are
//! written once, for both kinds of filter rule, in `filter_rule.rs`.

use clap::Subcommand;

use super::View;
use super::filter_rule::{NewRule, Verb};
use crate::cmdlets::common::{Context, GetArgs, IdentityArgs};
use crate::error::Result;
use crate::output::Output;
use crate::state::model::{HostedContentFilterPolicy, HostedContentFilterRule};

const VIEW: View = View {
    columns: Params::COLUMNS,
};

#[derive(Subcommand, Debug)]
pub enum Cmd {
    /// Lists anti-spam rules, in priority order.
    #[command(
        name = "get-hostedcontentfilterrule",
        alias = "Get-HostedContentFilterRule"
    )]
    Get(GetArgs),
    /// Creates a rule that applies an anti-spam policy to some recipients.
    #[command(
        name = "new-hostedcontentfilterrule",
        alias = "New-HostedContentFilterRule"
    )]
    New(Box<NewRule<Params>>),
    /// Changes an anti-spam rule: its recipients, policy or priority.
    #[command(
        name = "set-hostedcontentfilterrule",
        alias = "Set-HostedContentFilterRule"
    )]
    Set(Box<super::SetArgs<Params>>),
    /// Removes an anti-spam rule; its policy stays, applied to no one.
    #[command(
        name = "remove-hostedcontentfilterrule",
        alias = "Remove-HostedContentFilterRule"
    )]
    Remove(IdentityArgs),
    /// Turns an anti-spam rule on.
    #[command(
        name = "enable-hostedcontentfilterrule",
        alias = "Enable-HostedContentFilterRule"
    )]
    Enable(IdentityArgs),
    /// Turns an anti-spam rule off: its recipients get the next rule's policy, or Default.
    #[command(
        name = "disable-hostedcontentfilterrule",
        alias = "Disable-HostedContentFilterRule"
    )]
    Disable(IdentityArgs),
}

crate::filter_rule_params!(Params for HostedContentFilterRule, hosted_content_filter_policy = "HostedContentFilterPolicy");

pub fn run(cmd: Cmd, ctx: &Context) -> Result<Output> {
    let verb = match cmd {
        Cmd::Get(a) => Verb::Get(a),
        Cmd::New(a) => Verb::New(a),
        Cmd::Set(a) => Verb::Set(a),
        Cmd::Remove(a) => Verb::Remove(a),
        Cmd::Enable(a) => Verb::Enable(a),
        Cmd::Disable(a) => Verb::Disable(a),
    };
    super::filter_rule::run::<HostedContentFilterRule, HostedContentFilterPolicy, _>(
        verb, ctx, &VIEW,
    )
}
