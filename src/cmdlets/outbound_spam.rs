//! Get/New/Set/Remove-HostedOutboundSpamFilterPolicy: outbound spam policies ("Configure
//! outbound spam policies in EOP"): recipient limits per sender, what happens over them,
//! the admins told, blind copies of outbound spam, automatic forwarding. A policy holds
//! settings only: Default always exists, cannot be removed and applies to every sender no
//! enabled rule names; a custom policy applies to whom its HostedOutboundSpamFilterRule
//! names (`outbound_spam_rule.rs`), and cannot be removed while a rule applies it.

use clap::Subcommand;

use super::View;
use crate::assign;
use crate::cmdlets::common::{Context, GetArgs, IdentityArgs};
use crate::error::Result;
use crate::output::{Output, key};
use crate::state::model::{
    AutoForwardingMode, FilterPolicy, HostedOutboundSpamFilterPolicy, HostedOutboundSpamFilterRule,
    ThresholdAction,
};

const VIEW: View = View {
    columns: Params::COLUMNS,
};

#[derive(Subcommand, Debug)]
pub enum Cmd {
    /// Lists outbound spam policies.
    #[command(
        name = "get-hostedoutboundspamfilterpolicy",
        alias = "Get-HostedOutboundSpamFilterPolicy"
    )]
    Get(GetArgs),
    /// Creates an outbound spam policy for some senders (a rule applies it).
    #[command(
        name = "new-hostedoutboundspamfilterpolicy",
        alias = "New-HostedOutboundSpamFilterPolicy"
    )]
    New(super::NewArgs<Params>),
    /// Changes an outbound spam policy (Default included).
    #[command(
        name = "set-hostedoutboundspamfilterpolicy",
        alias = "Set-HostedOutboundSpamFilterPolicy"
    )]
    Set(super::SetArgs<Params>),
    /// Removes a custom outbound spam policy.
    #[command(
        name = "remove-hostedoutboundspamfilterpolicy",
        alias = "Remove-HostedOutboundSpamFilterPolicy"
    )]
    Remove(IdentityArgs),
}

crate::params! {
    /// The parameters of New- and Set-HostedOutboundSpamFilterPolicy.
    pub struct Params for HostedOutboundSpamFilterPolicy;
    view [key("Name")];
    /// Recipients outside the accepted domains a sender may reach in an hour (0 to 10000;
    /// 0 is the service default).
    #[arg(value_name = "UInt32")]
    recipient_limit_external_per_hour: value(u32) = "RecipientLimitExternalPerHour", key;
    /// Recipients inside the accepted domains a sender may reach in an hour (0 to 10000;
    /// 0 is the service default).
    #[arg(value_name = "UInt32")]
    recipient_limit_internal_per_hour: value(u32) = "RecipientLimitInternalPerHour", key;
    /// Recipients a sender may reach in a day (0 to 10000; 0 is the service default).
    #[arg(value_name = "UInt32")]
    recipient_limit_per_day: value(u32) = "RecipientLimitPerDay", key;
    /// What happens when a sender goes over a limit: BlockUserForToday, BlockUser or
    /// Alert.
    #[arg(ignore_case = true)]
    action_when_threshold_reached: value(ThresholdAction) = "ActionWhenThresholdReached", key;
    /// Tell NotifyOutboundSpamRecipients of outbound spam and restricted senders.
    notify_outbound_spam: bool = "NotifyOutboundSpam", wide;
    /// The admins told.
    #[arg(value_name = "Addresses")]
    notify_outbound_spam_recipients: list = "NotifyOutboundSpamRecipients", wide;
    /// Send a blind copy of outbound spam to BccSuspiciousOutboundAdditionalRecipients.
    bcc_suspicious_outbound_mail: bool = "BccSuspiciousOutboundMail";
    /// Who gets the blind copies.
    #[arg(value_name = "Addresses")]
    bcc_suspicious_outbound_additional_recipients: list = "BccSuspiciousOutboundAdditionalRecipients";
    /// Automatic forwarding of hosted mailboxes' mail to external recipients: Automatic
    /// (now the same as Off), On or Off.
    #[arg(ignore_case = true)]
    auto_forwarding_mode: value(AutoForwardingMode) = "AutoForwardingMode", wide;
    /// A description for the admins.
    admin_display_name: value(String) = "AdminDisplayName", text;
}

pub fn run(cmd: Cmd, ctx: &Context) -> Result<Output> {
    match cmd {
        Cmd::Get(a) => {
            super::get::<HostedOutboundSpamFilterPolicy>(ctx, a.identity.as_deref(), &VIEW)
        }
        Cmd::New(a) => {
            let mut p = HostedOutboundSpamFilterPolicy::new(a.name);
            a.params.apply_declared(&mut p)?;
            super::new(ctx, &a.change, &VIEW, p, |_, _| {})
        }
        Cmd::Set(a) => super::set_with::<HostedOutboundSpamFilterPolicy>(
            ctx,
            &a.identity,
            &a.change,
            &VIEW,
            |state, i| {
                let p = &mut state.outbound_spam_policies[i];
                if a.name.is_some() && p.is_default() {
                    return Err(super::default_policy_fixed::<HostedOutboundSpamFilterPolicy>());
                }
                let old = p.name.clone();
                assign!(a => p; name);
                a.params.apply_declared(p)?;
                let new = state.outbound_spam_policies[i].name.clone();
                super::filter_rule::follow_rename::<HostedOutboundSpamFilterRule>(
                    state, &old, &new,
                );
                Ok(())
            },
        ),
        Cmd::Remove(a) => {
            super::refuse_default::<HostedOutboundSpamFilterPolicy>(ctx, &a.identity)?;
            super::filter_rule::refuse_applied::<
                HostedOutboundSpamFilterRule,
                HostedOutboundSpamFilterPolicy,
            >(ctx, &a.identity)?;
            super::remove::<HostedOutboundSpamFilterPolicy>(ctx, &a.identity, &a.change, &VIEW)
        }
    }
}
