//! The cmdlets, one file per noun. A cmdlet parses and checks its parameters, changes the
//! model through the store, and returns an `Output`; it never prints and never touches the
//! file itself. The verbs every noun shares (Get, New, Set, Remove, Enable, Disable) are
//! written once here, generic over the kind of object.

pub mod accepted_domain;
pub mod blocked_sender;
pub mod certificate;
pub mod common;
pub mod configuration;
pub mod connection_filter;
pub mod connector_validation;
pub mod content_filter;
pub mod content_filter_rule;
pub mod directory_sync;
pub mod dkim_signing;
pub mod dns_records;
pub mod filter_rule;
pub mod hybrid_wizard;
pub mod inbound_connector;
pub mod mail_flow;
pub mod mail_flow_test;
pub mod mail_user;
pub mod mailbox;
pub mod malware_filter;
pub mod malware_filter_rule;
pub mod message_trace;
pub mod opath;
pub mod organization_config;
pub mod outbound_connector;
pub mod outbound_spam;
pub mod outbound_spam_rule;
pub mod params;
pub mod password;
pub mod quarantine;
pub mod quarantine_policy;
pub mod queue;
pub mod receive_connector;
pub mod report;
pub mod send_connector;
pub mod serve;
pub mod smtp_auth_account;
pub mod spam_filter;
pub mod state_history;
pub mod tenant_allow_block_list;
pub mod transport_rule;
pub mod wizard;

use crate::cmdlets::common::{ChangeArgs, Context, confirmed};
use crate::error::{Error, Result};
use crate::output::{Column, Output, key, rows, text, wide};
use crate::state::diff::Change;
use crate::state::{State, StateObject};

/// New-* for kinds whose parameters are all optional but the name.
#[derive(clap::Args, Debug)]
pub struct NewArgs<P: clap::Args> {
    /// A unique name for the object.
    #[arg(long)]
    pub name: String,
    #[command(flatten)]
    pub params: P,
    #[command(flatten)]
    pub change: ChangeArgs,
}

/// Set-*: the object, an optional new name, and the parameters to change.
#[derive(clap::Args, Debug)]
pub struct SetArgs<P: clap::Args> {
    /// The object to change.
    #[arg(long)]
    pub identity: String,
    /// A new name.
    #[arg(long)]
    pub name: Option<String>,
    #[command(flatten)]
    pub params: P,
    #[command(flatten)]
    pub change: ChangeArgs,
}

/// The properties a table shows for a kind.
pub struct View {
    pub columns: &'static [Column],
}

/// Whether `pattern` (with `*` and `?`) matches `text`, ignoring case.
pub fn wildcard(pattern: &str, text: &str) -> bool {
    let (p, t): (Vec<char>, Vec<char>) = (
        pattern.to_lowercase().chars().collect(),
        text.to_lowercase().chars().collect(),
    );
    let (mut pi, mut ti, mut star, mut mark) = (0, 0, None, 0);
    while ti < t.len() {
        if pi < p.len() && (p[pi] == '?' || p[pi] == t[ti]) {
            pi += 1;
            ti += 1;
        } else if pi < p.len() && p[pi] == '*' {
            star = Some(pi);
            mark = ti;
            pi += 1;
        } else if let Some(s) = star {
            pi = s + 1;
            mark += 1;
            ti = mark;
        } else {
            return false;
        }
    }
    p[pi..].iter().all(|c| *c == '*')
}

fn not_found<T: StateObject>(identity: &str) -> Error {
    Error::not_found(format!("{} \"{identity}\" was not found", T::KIND))
        .help(format!("list them with `eopctl Get-{}`", T::KIND))
}

/// The index of the one object `identity` names.
pub fn find<T: StateObject>(state: &State, identity: &str) -> Result<usize> {
    T::all(state)
        .iter()
        .position(|o| o.is_named(identity))
        .ok_or_else(|| not_found::<T>(identity))
}

/// Get-*: every object, or those an identity (wildcards allowed) names.
pub fn get<T: StateObject>(ctx: &Context, identity: Option<&str>, view: &View) -> Result<Output> {
    let state = ctx.store.load()?;
    let all = T::all(&state);
    let chosen: Vec<&T> = match identity {
        None => all.iter().collect(),
        Some(id) if id.contains(['*', '?']) => all
            .iter()
            .filter(|o| o.identities().iter().any(|i| wildcard(id, i)))
            .collect(),
        Some(id) => vec![&all[find::<T>(&state, id)?]],
    };
    Ok(Output::Objects {
        rows: rows(&chosen),
        columns: view.columns,
    })
}

/// Get-* with Exchange's `-Filter`: `get`, then the objects the filter matches; the filter
/// may name any of `properties`.
pub fn get_filtered<T: StateObject>(
    ctx: &Context,
    args: &common::FilteredGetArgs,
    view: &View,
    properties: &[&str],
) -> Result<Output> {
    let filter = args
        .filter
        .as_deref()
        .map(|f| opath::filter(&ctx.cmdlet, f, properties))
        .transpose()?;
    let mut out = get::<T>(ctx, args.get.identity.as_deref(), view)?;
    if let Output::Objects { rows, .. } = &mut out {
        opath::keep(rows, filter.as_ref());
    }
    Ok(out)
}

/// `-Confirm` on a change that does not ask by itself (New-*, Set-*): asks on a terminal,
/// as PowerShell does, naming the operation and its target; without a terminal it is an
/// error that says how to go on. A declined change is no error: nothing is changed, and
/// the cmdlet says so and succeeds.
pub fn asked(ctx: &Context, change: &ChangeArgs, target: &str) -> Result<bool> {
    if change.confirm != Some(true) {
        return Ok(true);
    }
    let question = format!(
        "Are you sure you want to perform this action? {} on target {target}",
        ctx.cmdlet
    );
    let yes = confirmed(change, &question)?;
    if !yes {
        eprintln!("{}: not confirmed; nothing changed", ctx.cmdlet);
    }
    Ok(yes)
}

/// Applies a change through the store and says what happened: the `-WhatIf` preview, the
/// changed object with `-PassThru` (or always, for `New-*`), or nothing.
fn commit<T: StateObject>(
    ctx: &Context,
    change: &ChangeArgs,
    view: &View,
    show: bool,
    apply: impl FnOnce(&mut State) -> Result<Option<T>>,
) -> Result<Output> {
    let updated = ctx.store.update(&ctx.command_line, change.what_if, apply)?;
    if change.what_if {
        return Ok(what_if(&ctx.cmdlet, updated.changes));
    }
    if updated.revision.is_none() {
        eprintln!("warning: {} completed, but nothing was changed", ctx.cmdlet);
    }
    match updated.value {
        Some(obj) if show || change.pass_thru => Ok(Output::Objects {
            rows: rows(&[obj]),
            columns: view.columns,
        }),
        _ => Ok(Output::Nothing),
    }
}

/// The columns of a list of changes (-WhatIf, Compare-State).
pub const CHANGE_COLUMNS: &[Column] = &[
    wide("Section"),
    key("Name"),
    key("Change"),
    key("Property"),
    text("OldValue"),
    text("NewValue"),
];

/// The `-WhatIf` preview: one row per changed property.
pub fn what_if(cmdlet: &str, changes: Vec<Change>) -> Output {
    if changes.is_empty() {
        return Output::Text(format!("What if: {cmdlet} would change nothing."));
    }
    Output::Objects {
        rows: rows(&changes),
        columns: CHANGE_COLUMNS,
    }
}

/// A confirmation the admin declined: in PowerShell that is an answer, not an error, so
/// it is said on stderr and the command succeeds having done nothing.
pub fn declined(what: &str) -> Result<Output> {
    eprintln!("Not confirmed: nothing {what}.");
    Ok(Output::Nothing)
}

/// New-*: adds `obj`, refusing a name already taken; `prepare` may adjust it against the
/// current state first (a default value that depends on other objects).
pub fn new<T: StateObject>(
    ctx: &Context,
    change: &ChangeArgs,
    view: &View,
    obj: T,
    prepare: impl FnOnce(&State, &mut T),
) -> Result<Output> {
    new_with(ctx, change, view, obj, |state, mut obj| {
        prepare(state, &mut obj);
        T::all_mut(state).push(obj);
        Ok(T::all(state).len() - 1)
    })
}

/// New-* for kinds whose place in the list matters: `insert` adds `obj` and returns its
/// index.
pub fn new_with<T: StateObject>(
    ctx: &Context,
    change: &ChangeArgs,
    view: &View,
    obj: T,
    insert: impl FnOnce(&mut State, T) -> Result<usize>,
) -> Result<Output> {
    let name = obj.name().to_string();
    if !asked(ctx, change, &format!("{} \"{name}\"", T::KIND))? {
        return Ok(Output::Nothing);
    }
    commit::<T>(ctx, change, view, true, |state| {
        if T::all(state)
            .iter()
            .any(|o| o.name().eq_ignore_ascii_case(&name))
        {
            return Err(Error::conflict(format!("{} \"{name}\" already exists", T::KIND))
                .help(format!("choose another -Name, or change the existing one with `eopctl Set-{} -Identity \"{name}\"`", T::KIND)));
        }
        let i = insert(state, obj)?;
        Ok(Some(T::all(state)[i].clone()))
    })
}

/// Set-*: changes the one object `identity` names with `apply`.
pub fn set<T: StateObject>(
    ctx: &Context,
    identity: &str,
    change: &ChangeArgs,
    view: &View,
    apply: impl FnOnce(&mut T) -> Result<()>,
) -> Result<Output> {
    set_with::<T>(ctx, identity, change, view, |state, i| {
        apply(&mut T::all_mut(state)[i])
    })
}

/// Set-* for changes that touch other objects too: `apply` gets the state and the index.
pub fn set_with<T: StateObject>(
    ctx: &Context,
    identity: &str,
    change: &ChangeArgs,
    view: &View,
    apply: impl FnOnce(&mut State, usize) -> Result<()>,
) -> Result<Output> {
    set_moving::<T>(ctx, identity, change, view, |state, i| {
        apply(state, i).map(|()| i)
    })
}

/// Set-* for changes that may move the object in its list: `apply` returns its new index.
pub fn set_moving<T: StateObject>(
    ctx: &Context,
    identity: &str,
    change: &ChangeArgs,
    view: &View,
    apply: impl FnOnce(&mut State, usize) -> Result<usize>,
) -> Result<Output> {
    if !asked(ctx, change, &format!("{} \"{identity}\"", T::KIND))? {
        return Ok(Output::Nothing);
    }
    commit::<T>(ctx, change, view, false, |state| {
        let i = find::<T>(state, identity)?;
        let i = apply(state, i)?;
        Ok(Some(T::all(state)[i].clone()))
    })
}

/// Remove-*: asks first on a terminal, unless told not to.
pub fn remove<T: StateObject>(
    ctx: &Context,
    identity: &str,
    change: &ChangeArgs,
    view: &View,
) -> Result<Output> {
    remove_then::<T>(ctx, identity, change, view, |_| {})
}

/// Remove-* with a tidy-up of the rest of the state afterwards (renumbering).
pub fn remove_then<T: StateObject>(
    ctx: &Context,
    identity: &str,
    change: &ChangeArgs,
    view: &View,
    after: impl FnOnce(&mut State),
) -> Result<Output> {
    let state = ctx.store.load()?;
    let name = T::all(&state)[find::<T>(&state, identity)?]
        .name()
        .to_string();
    if !confirmed(change, &format!("Remove {} \"{name}\"?", T::KIND))? {
        return declined("removed");
    }
    commit::<T>(ctx, change, view, false, |state| {
        let i = find::<T>(state, &name)?;
        T::all_mut(state).remove(i);
        after(state);
        Ok(None)
    })
}

#[cfg(test)]
mod tests {
    use super::wildcard;

    #[test]
    fn wildcards() {
        assert!(wildcard("*", "anything"));
        assert!(wildcard("from*", "From on-prem"));
        assert!(wildcard("*@contoso.com", "a@Contoso.com"));
        assert!(wildcard("a?c", "abc"));
        assert!(!wildcard("a?c", "abbc"));
        assert!(!wildcard("*x", "abc"));
    }
}

/// Objects with an `Enabled` switch: the connectors.
pub trait Switchable: StateObject {
    fn set_enabled(&mut self, on: bool);
}

macro_rules! switchable {
    ($($t:ty),*) => {$(
        impl Switchable for $t {
            fn set_enabled(&mut self, on: bool) {
                self.enabled = on;
            }
        }
    )*};
}

switchable!(
    crate::state::model::InboundConnector,
    crate::state::model::OutboundConnector,
    crate::state::model::ReceiveConnector,
    crate::state::model::SendConnector,
    crate::state::model::SmtpAuthAccount,
    crate::state::model::TransportRule
);

/// Enable-* and Disable-*.
pub fn enable<T: Switchable>(
    ctx: &Context,
    args: &crate::cmdlets::common::IdentityArgs,
    on: bool,
    view: &View,
) -> Result<Output> {
    set::<T>(ctx, &args.identity, &args.change, view, |o| {
        o.set_enabled(on);
        Ok(())
    })
}

/// The Default policy of a kind is the catch-all: it keeps its name.
pub fn default_policy_fixed<T: StateObject + crate::state::model::FilterPolicy>() -> Error {
    let kind = T::KIND;
    Error::conflict(format!("the Default {kind} cannot be renamed or removed")).help(format!(
        "create a custom policy with `eopctl New-{kind}` and a rule that applies it to some {} instead",
        T::WHOM
    ))
}

/// Refuses Remove-* of a Default policy.
pub fn refuse_default<T: StateObject + crate::state::model::FilterPolicy>(
    ctx: &Context,
    identity: &str,
) -> Result<()> {
    let state = ctx.store.load()?;
    let i = find::<T>(&state, identity)?;
    if T::all(&state)[i].is_default() {
        return Err(default_policy_fixed::<T>());
    }
    Ok(())
}

/// Objects kept in Priority order 0..n-1, as Exchange keeps rules: transport rules and
/// filter rules.
pub trait Ranked: StateObject {
    fn set_priority(&mut self, priority: u32);
}

macro_rules! ranked {
    ($($t:ty),*) => {$(
        impl Ranked for $t {
            fn set_priority(&mut self, priority: u32) {
                self.priority = priority;
            }
        }
    )*};
}

ranked!(
    crate::state::model::TransportRule,
    crate::state::model::HostedContentFilterRule,
    crate::state::model::MalwareFilterRule,
    crate::state::model::HostedOutboundSpamFilterRule
);

/// Puts the object at `index` to `priority`, shifting the others down by one as Exchange
/// does, and renumbers them all; the object's index afterwards.
pub fn place<T: Ranked>(state: &mut State, index: usize, priority: Option<u32>) -> Result<usize> {
    let all = T::all_mut(state);
    let at = match priority {
        Some(p) if p as usize >= all.len() => {
            return Err(Error::usage(format!(
                "-Priority {p} is out of range: there are {} {}s, so priorities run 0 to {}",
                all.len(),
                T::KIND,
                all.len() - 1
            ))
            .help("give a priority in that range, or leave -Priority out to put a new rule last"));
        }
        Some(p) => {
            let obj = all.remove(index);
            all.insert(p as usize, obj);
            p as usize
        }
        None => index,
    };
    renumber::<T>(state);
    Ok(at)
}

/// Priorities 0..n-1 in list order (after a removal or a move).
pub fn renumber<T: Ranked>(state: &mut State) {
    for (i, o) in T::all_mut(state).iter_mut().enumerate() {
        o.set_priority(i as u32);
    }
}
