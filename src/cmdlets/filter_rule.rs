//! What HostedContentFilterRule, MalwareFilterRule and HostedOutboundSpamFilterRule share:
//! their parameters (declared once, by `filter_rule_params!`, for each kind) and their
//! verbs, generic over the kind of rule and of policy. A rule applies one custom policy to
//! the recipients (or senders) it names; the noun files (`content_filter_rule.rs`,
//! `malware_filter_rule.rs`, `outbound_spam_rule.rs`) only name the cmdlets and the
//! rule's filter parameters.

use clap::Args;

use super::{Ranked, View};
use crate::cmdlets::common::{ChangeArgs, Context, GetArgs, IdentityArgs};
use crate::error::{Error, Result};
use crate::output::Output;
use crate::state::StateObject;
use crate::state::model::{FilterPolicy, FilterRule, RuleState};

/// New-*FilterRule.
#[derive(Args, Debug)]
pub struct NewRule<P: Args> {
    /// A unique name for the rule.
    #[arg(long)]
    pub name: String,
    #[command(flatten)]
    pub params: P,
    /// Whether the rule applies from the start ($true, the default) or waits for
    /// Enable-*.
    #[arg(long, value_name = "BOOL", value_parser = crate::cmdlets::common::parse_bool)]
    pub enabled: Option<bool>,
    #[command(flatten)]
    pub change: ChangeArgs,
}

/// The verbs of a filter rule, as its noun file's clap enum hands them over.
pub enum Verb<P: Args> {
    Get(GetArgs),
    New(Box<NewRule<P>>),
    Set(Box<super::SetArgs<P>>),
    Remove(IdentityArgs),
    Enable(IdentityArgs),
    Disable(IdentityArgs),
}

/// What the generic verbs need of a kind's parameters.
pub trait RuleParams<R> {
    /// Sets every given parameter on the rule (but Priority, which moves it).
    fn apply(&self, rule: &mut R) -> Result<()>;
    fn priority(&self) -> Option<u32>;
    /// The policy the parameters name, if they do.
    fn policy(&self) -> Option<&str>;
}

/// A noun file's cmdlets: `Params`, the clap `Cmd` (Get/New/Set/Remove/Enable/Disable-
/// `$rule`) and `run`, for the rule kind `$rule` applying `$policy` policies to the
/// `$whom` (recipients or senders) its filters name (see `filter_rule_params!`).
#[macro_export]
macro_rules! filter_rule_cmdlets {
    // The recipient filters of the anti-spam and anti-malware rules.
    ($rule:ident, $policy:ident, $policy_field:ident = $policy_name:literal, $lower:literal,
     $what:literal, recipients) => {
        $crate::filter_rule_cmdlets!(
            $rule, $policy, $policy_field = $policy_name, $lower, $what, "recipients",
            sent_to = "SentTo",
            sent_to_member_of = "SentToMemberOf",
            recipient_domain_is = "RecipientDomainIs",
            except_if_sent_to = "ExceptIfSentTo",
            except_if_sent_to_member_of = "ExceptIfSentToMemberOf",
            except_if_recipient_domain_is = "ExceptIfRecipientDomainIs"
        );
    };
    ($rule:ident, $policy:ident, $policy_field:ident = $policy_name:literal, $lower:literal,
     $what:literal, $whom:literal, $($filters:tt)*) => {
        use clap::Subcommand;

        use $crate::cmdlets::View;
        use $crate::cmdlets::common::{Context, GetArgs, IdentityArgs};
        use $crate::cmdlets::filter_rule::{NewRule, Verb};
        use $crate::error::Result;
        use $crate::output::Output;
        use $crate::state::model::{$policy, $rule};

        const VIEW: View = View {
            columns: Params::COLUMNS,
        };

        #[derive(Subcommand, Debug)]
        pub enum Cmd {
            #[command(
                name = concat!("get-", $lower),
                alias = concat!("Get-", stringify!($rule)),
                about = concat!("Lists ", $what, " rules, in priority order")
            )]
            Get(GetArgs),
            #[command(
                name = concat!("new-", $lower),
                alias = concat!("New-", stringify!($rule)),
                about = concat!("Creates a rule that applies an ", $what, " policy to some ", $whom)
            )]
            New(Box<NewRule<Params>>),
            #[command(
                name = concat!("set-", $lower),
                alias = concat!("Set-", stringify!($rule)),
                about = concat!("Changes an ", $what, " rule: its ", $whom, ", policy or priority")
            )]
            Set(Box<$crate::cmdlets::SetArgs<Params>>),
            #[command(
                name = concat!("remove-", $lower),
                alias = concat!("Remove-", stringify!($rule)),
                about = concat!("Removes an ", $what, " rule; its policy stays, applied to no one")
            )]
            Remove(IdentityArgs),
            #[command(
                name = concat!("enable-", $lower),
                alias = concat!("Enable-", stringify!($rule)),
                about = concat!("Turns an ", $what, " rule on")
            )]
            Enable(IdentityArgs),
            #[command(
                name = concat!("disable-", $lower),
                alias = concat!("Disable-", stringify!($rule)),
                about = concat!("Turns an ", $what, " rule off: its ", $whom, " get the next rule's policy, or Default")
            )]
            Disable(IdentityArgs),
        }

        $crate::filter_rule_params!(Params for $rule, $policy_field = $policy_name, $whom, $($filters)*);

        pub fn run(cmd: Cmd, ctx: &Context) -> Result<Output> {
            let verb = match cmd {
                Cmd::Get(a) => Verb::Get(a),
                Cmd::New(a) => Verb::New(a),
                Cmd::Set(a) => Verb::Set(a),
                Cmd::Remove(a) => Verb::Remove(a),
                Cmd::Enable(a) => Verb::Enable(a),
                Cmd::Disable(a) => Verb::Disable(a),
            };
            $crate::cmdlets::filter_rule::run::<$rule, $policy, _>(verb, ctx, &VIEW)
        }
    };
}

/// Declares the parameters of New- and Set- for one kind of filter rule: its policy, its
/// priority, and its filters, given as `address = "SentTo", group = "SentToMemberOf",
/// domain = "RecipientDomainIs"` and the same three for the exceptions.
#[macro_export]
macro_rules! filter_rule_params {
    ($params:ident for $rule:ty, $policy_field:ident = $policy:literal, $whom:literal,
     $addr:ident = $addr_name:literal, $group:ident = $group_name:literal,
     $dom:ident = $dom_name:literal,
     $ex_addr:ident = $ex_addr_name:literal, $ex_group:ident = $ex_group_name:literal,
     $ex_dom:ident = $ex_dom_name:literal) => {
        $crate::params! {
            #[doc = concat!("The parameters of New- and Set-", stringify!($rule), ".")]
            pub struct $params for $rule;
            view [
                $crate::output::key("Name"),
                $crate::output::key("State"),
                $crate::output::key("Priority"),
            ];
            #[arg(
                value_name = "Identity",
                help = concat!("The custom ", $policy, " the rule applies (New- needs it)")
            )]
            $policy_field: value(String) = $policy, key;
            /// Where the rule runs: 0 first. A new rule goes last without it; the rules
            /// from this priority on move down by one.
            #[arg(value_name = "Int32")]
            priority: manual(Option<u32>) = "Priority";
            #[arg(value_name = "Addresses", help = concat!("The ", $whom, " the rule applies to"))]
            $addr: list = $addr_name, wide;
            #[arg(value_name = "Groups", help = "Members of these groups (eopctl has no distribution groups: refused)")]
            $group: manual(Option<Vec<String>>) = $group_name;
            #[arg(value_name = "Domains", help = concat!("The domains of the ", $whom, " the rule applies to (*.contoso.com for subdomains)"))]
            $dom: list = $dom_name, wide;
            #[arg(value_name = "Addresses", help = concat!("The ", $whom, " the rule spares"))]
            $ex_addr: list = $ex_addr_name;
            #[arg(value_name = "Groups", help = concat!("Members of these groups are spared (refused, as ", $group_name, ")"))]
            $ex_group: manual(Option<Vec<String>>) = $ex_group_name;
            #[arg(value_name = "Domains", help = concat!("The domains of the ", $whom, " the rule spares"))]
            $ex_dom: list = $ex_dom_name;
            /// Notes for the admins.
            comments: value(String) = "Comments", text;
        }

        impl $crate::cmdlets::filter_rule::RuleParams<$rule> for $params {
            fn apply(&self, rule: &mut $rule) -> $crate::error::Result<()> {
                $crate::cmdlets::filter_rule::no_groups(
                    &self.$group,
                    $group_name,
                    ($addr_name, $dom_name),
                )?;
                $crate::cmdlets::filter_rule::no_groups(
                    &self.$ex_group,
                    $ex_group_name,
                    ($ex_addr_name, $ex_dom_name),
                )?;
                self.apply_declared(rule)
            }
            fn priority(&self) -> Option<u32> {
                self.priority
            }
            fn policy(&self) -> Option<&str> {
                self.$policy_field.as_deref()
            }
        }
    };
}

/// SentToMemberOf (FromMemberOf) needs distribution groups, which eopctl does not keep:
/// refused with the way to say the same thing, the parameters (addresses, domains) `instead`.
pub fn no_groups(given: &Option<Vec<String>>, param: &str, instead: (&str, &str)) -> Result<()> {
    match given {
        None => Ok(()),
        Some(_) => Err(Error::usage(format!(
            "-{param}: eopctl has no distribution groups, so a rule cannot name one"
        ))
        .help(format!(
            "name the members with -{}, or their domains with -{}",
            instead.0, instead.1
        ))),
    }
}

/// The policy a rule names must exist and be a custom one (checked here for a clear
/// message; the store's validation holds the same rule for hand-edited files). Its name
/// as the policy spells it, for the rule to keep.
fn check_policy<R: FilterRule, P: StateObject + FilterPolicy>(
    state: &crate::state::State,
    policy: &str,
) -> Result<String> {
    let Some(p) = P::all(state)
        .iter()
        .find(|p| p.name().eq_ignore_ascii_case(policy))
    else {
        return Err(Error::not_found(format!(
            "{} \"{policy}\" was not found, so -{} cannot name it",
            P::KIND,
            P::KIND
        ))
        .help(format!(
            "create it with `eopctl New-{} -Name \"{policy}\"`, or list them with `eopctl Get-{}`",
            P::KIND,
            P::KIND
        )));
    };
    if p.is_default() {
        return Err(Error::usage(format!(
            "-{}: the Default policy applies to everyone no rule names; a rule applies a custom one",
            P::KIND
        ))
        .help(format!(
            "create a policy with `eopctl New-{}` and name it here, or change Default with Set-{}",
            P::KIND,
            P::KIND
        )));
    }
    if let Some(r) = R::all(state)
        .iter()
        .find(|r| r.policy().eq_ignore_ascii_case(policy))
    {
        return Err(Error::conflict(format!(
            "{} \"{policy}\" is already applied by {} \"{}\": a policy has one rule",
            P::KIND,
            R::KIND,
            r.name()
        ))
        .help(format!(
            "add these recipients to that rule with `eopctl Set-{} -Identity \"{}\"`, or create another policy",
            R::KIND,
            r.name()
        )));
    }
    Ok(p.name().to_string())
}

/// Refuses Remove-*Policy of a policy a rule applies: naming the rule, and the two ways on.
pub fn refuse_applied<R: FilterRule, P: StateObject>(ctx: &Context, identity: &str) -> Result<()> {
    let state = ctx.store.load()?;
    let policy = &P::all(&state)[super::find::<P>(&state, identity)?];
    match R::all(&state)
        .iter()
        .find(|r| r.policy().eq_ignore_ascii_case(policy.name()))
    {
        None => Ok(()),
        Some(r) => Err(Error::conflict(format!(
            "{} \"{}\" is applied by {} \"{}\", so it cannot be removed",
            P::KIND,
            policy.name(),
            R::KIND,
            r.name()
        ))
        .help(format!(
            "remove the rule first (`eopctl Remove-{} -Identity \"{}\"`), or point it at another policy with `eopctl Set-{} -Identity \"{}\" -{} <policy>`",
            R::KIND,
            r.name(),
            R::KIND,
            r.name(),
            P::KIND
        ))),
    }
}

/// A renamed policy keeps its rule: rules name their policy by name.
pub fn follow_rename<R: FilterRule>(state: &mut crate::state::State, old: &str, new: &str) {
    for r in R::all_mut(state)
        .iter_mut()
        .filter(|r| r.policy().eq_ignore_ascii_case(old))
    {
        r.set_policy(new.to_string());
    }
}

/// Runs a verb of the rule kind `R` applying policies of kind `P`.
pub fn run<R, P, A>(verb: Verb<A>, ctx: &Context, view: &View) -> Result<Output>
where
    R: FilterRule + Ranked,
    P: StateObject + FilterPolicy,
    A: Args + RuleParams<R>,
{
    match verb {
        Verb::Get(a) => super::get::<R>(ctx, a.identity.as_deref(), view),
        Verb::New(a) => {
            let Some(policy) = a.params.policy() else {
                return Err(Error::usage(format!(
                    "-{} is missing: a rule needs the policy it applies",
                    P::KIND
                ))
                .help(format!(
                    "add -{} <name> (Get-{} lists them)",
                    P::KIND,
                    P::KIND
                )));
            };
            let policy = policy.to_string();
            let mut rule = R::create(a.name.clone(), policy.clone());
            a.params.apply(&mut rule)?;
            if a.enabled == Some(false) {
                rule.set_state(RuleState::Disabled);
            }
            let priority = a.params.priority();
            super::new_with(ctx, &a.change, view, rule, |state, mut rule| {
                rule.set_policy(check_policy::<R, P>(state, &policy)?);
                R::all_mut(state).push(rule);
                let last = R::all(state).len() - 1;
                super::place::<R>(state, last, priority)
            })
        }
        Verb::Set(a) => super::set_moving::<R>(ctx, &a.identity, &a.change, view, |state, i| {
            let current = R::all(state)[i].policy().to_string();
            let moved = match a.params.policy() {
                Some(p) if !p.eq_ignore_ascii_case(&current) => {
                    Some(check_policy::<R, P>(state, p)?)
                }
                _ => None,
            };
            let rule = &mut R::all_mut(state)[i];
            a.params.apply(rule)?;
            // The parameter as typed, or the rule's own policy: the policy's spelling.
            rule.set_policy(moved.unwrap_or(current));
            if let Some(name) = &a.name {
                rule.rename(name.clone());
            }
            super::place::<R>(state, i, a.params.priority())
        }),
        Verb::Remove(a) => {
            super::remove_then::<R>(ctx, &a.identity, &a.change, view, super::renumber::<R>)
        }
        Verb::Enable(a) => switch::<R>(ctx, &a, RuleState::Enabled, view),
        Verb::Disable(a) => switch::<R>(ctx, &a, RuleState::Disabled, view),
    }
}

/// Enable-* and Disable-*: the rule keeps its priority either way.
fn switch<R: FilterRule>(
    ctx: &Context,
    a: &IdentityArgs,
    state: RuleState,
    view: &View,
) -> Result<Output> {
    super::set::<R>(ctx, &a.identity, &a.change, view, |r| {
        r.set_state(state);
        Ok(())
    })
}
