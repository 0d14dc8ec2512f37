//! Get/New/Set/Remove-QuarantinePolicy ("Quarantine policies"): what recipients may do
//! with their own quarantined messages, and whether they get quarantine notifications.
//! The built-in AdminOnlyAccessPolicy, DefaultFullAccessPolicy and
//! DefaultFullAccessWithNotificationPolicy always exist and are read only. The global
//! notification settings are Set on DefaultGlobalTag, as in EOP
//! (`Get-QuarantinePolicy -QuarantinePolicyType GlobalQuarantinePolicy`).

use clap::Subcommand;
use serde_json::json;

use super::View;
use crate::cmdlets::common::{ChangeArgs, Context, IdentityArgs, parse_bool};
use crate::error::{Error, Result};
use crate::output::{Output, key, rows, wide};
use crate::state::State;
use crate::state::model::quarantine_policy::{self, GLOBAL};
use crate::state::model::{GlobalQuarantinePolicy, Permission, QuarantinePolicy};

const VIEW: View = View {
    columns: Params::COLUMNS,
};

#[derive(Subcommand, Debug)]
pub enum Cmd {
    /// Lists quarantine policies (or the global notification settings).
    #[command(name = "get-quarantinepolicy", alias = "Get-QuarantinePolicy")]
    Get(Get),
    /// Creates a quarantine policy.
    #[command(name = "new-quarantinepolicy", alias = "New-QuarantinePolicy")]
    New(super::NewArgs<Params>),
    /// Changes a custom quarantine policy, or the global settings (DefaultGlobalTag).
    #[command(name = "set-quarantinepolicy", alias = "Set-QuarantinePolicy")]
    Set(super::SetArgs<Params>),
    /// Removes a custom quarantine policy no filter policy names.
    #[command(name = "remove-quarantinepolicy", alias = "Remove-QuarantinePolicy")]
    Remove(IdentityArgs),
}

#[derive(clap::Args, Debug)]
pub struct Get {
    /// The policy's name; `*` and `?` wildcards allowed.
    #[arg(long, value_name = "Identity")]
    pub identity: Option<String>,
    /// QuarantinePolicy (the default) or GlobalQuarantinePolicy (the global settings).
    #[arg(long, ignore_case = true, value_name = "Type")]
    pub quarantine_policy_type: Option<QuarantinePolicyType>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
#[value(rename_all = "PascalCase")]
pub enum QuarantinePolicyType {
    QuarantinePolicy,
    GlobalQuarantinePolicy,
}

crate::params! {
    /// The parameters of New- and Set-QuarantinePolicy.
    pub struct Params for QuarantinePolicy;
    view [key("Name")];
    /// A description for admins.
    admin_display_name: value(String) = "AdminDisplayName";
    /// The end-user permissions as one number: 0 No access, 27 Limited access, 23 Full
    /// access; or a sum of Delete 1, Preview 2, Release 4, RequestRelease 8, BlockSender 16.
    #[arg(value_name = "Int32", value_parser = clap::value_parser!(u32).range(0..=255))]
    end_user_quarantine_permissions_value: value(u32) = "EndUserQuarantinePermissionsValue", key;
    /// Users may preview their quarantined message (as plain text).
    #[arg(value_name = "BOOL", value_parser = parse_bool)]
    permission_to_preview: manual(Option<bool>) = "PermissionToPreview";
    /// Users may release their quarantined message to themselves.
    #[arg(value_name = "BOOL", value_parser = parse_bool)]
    permission_to_release: manual(Option<bool>) = "PermissionToRelease";
    /// Users may ask an admin to release it.
    #[arg(value_name = "BOOL", value_parser = parse_bool)]
    permission_to_request_release: manual(Option<bool>) = "PermissionToRequestRelease";
    /// Users may block its sender (for themselves).
    #[arg(value_name = "BOOL", value_parser = parse_bool)]
    permission_to_block_sender: manual(Option<bool>) = "PermissionToBlockSender";
    /// Users may delete it from the quarantine.
    #[arg(value_name = "BOOL", value_parser = parse_bool)]
    permission_to_delete: manual(Option<bool>) = "PermissionToDelete";
    /// Send quarantine notifications to the recipients of messages held under it.
    esn_enabled: bool = "ESNEnabled", key;
    /// Global setting: how often notifications go: 04:00:00, 1.00:00:00 or 7.00:00:00.
    #[arg(value_name = "TimeSpan")]
    end_user_spam_notification_frequency: manual(Option<String>) = "EndUserSpamNotificationFrequency";
    /// Global setting: the notifications' languages (Default or English).
    #[arg(value_name = "Languages", value_delimiter = ',')]
    multi_language_setting: manual(Option<Vec<String>>) = "MultiLanguageSetting";
    /// Global setting: the sender's display name, one per language.
    #[arg(value_name = "Names", value_delimiter = ',')]
    multi_language_sender_name: manual(Option<Vec<String>>) = "MultiLanguageSenderName";
    /// Global setting: a disclaimer near the bottom, one per language.
    #[arg(value_name = "Texts", value_delimiter = ',')]
    multi_language_custom_disclaimer: manual(Option<Vec<String>>) = "MultiLanguageCustomDisclaimer";
    /// Global setting: the Subject, one per language.
    #[arg(value_name = "Texts", value_delimiter = ',')]
    esn_custom_subject: manual(Option<Vec<String>>) = "EsnCustomSubject";
    /// Global setting: the sender address; $null for quarantine@ the default domain.
    #[arg(value_name = "Address")]
    end_user_spam_notification_custom_from_address: manual(Option<String>) = "EndUserSpamNotificationCustomFromAddress";
}

impl Params {
    fn permissions(&self) -> [(Permission, Option<bool>); 5] {
        [
            (Permission::Preview, self.permission_to_preview),
            (Permission::Release, self.permission_to_release),
            (
                Permission::RequestRelease,
                self.permission_to_request_release,
            ),
            (Permission::BlockSender, self.permission_to_block_sender),
            (Permission::Delete, self.permission_to_delete),
        ]
    }

    /// The global settings given, by their parameter names.
    fn global_given(&self) -> Vec<&'static str> {
        let given = [
            self.end_user_spam_notification_frequency.is_some(),
            self.multi_language_setting.is_some(),
            self.multi_language_sender_name.is_some(),
            self.multi_language_custom_disclaimer.is_some(),
            self.esn_custom_subject.is_some(),
            self.end_user_spam_notification_custom_from_address
                .is_some(),
        ];
        [
            "EndUserSpamNotificationFrequency",
            "MultiLanguageSetting",
            "MultiLanguageSenderName",
            "MultiLanguageCustomDisclaimer",
            "EsnCustomSubject",
            "EndUserSpamNotificationCustomFromAddress",
        ]
        .into_iter()
        .zip(given)
        .filter(|(_, g)| *g)
        .map(|(p, _)| p)
        .collect()
    }

    /// The per-policy settings given, by their parameter names.
    fn policy_given(&self) -> Vec<&'static str> {
        let mut out: Vec<&'static str> = self
            .permissions()
            .iter()
            .filter(|(_, v)| v.is_some())
            .map(|(p, _)| p.parameter())
            .collect();
        for (given, name) in [
            (self.admin_display_name.is_some(), "AdminDisplayName"),
            (
                self.end_user_quarantine_permissions_value.is_some(),
                "EndUserQuarantinePermissionsValue",
            ),
            (self.esn_enabled.is_some(), "ESNEnabled"),
        ] {
            if given {
                out.push(name);
            }
        }
        out
    }

    fn apply(&self, p: &mut QuarantinePolicy) -> Result<()> {
        if let Some(param) = self.global_given().first() {
            return Err(Error::usage(format!(
                "-{param} is a global notification setting, not one of QuarantinePolicy \"{}\"",
                p.name
            ))
            .help(format!(
                "set it on the global settings: `eopctl Set-QuarantinePolicy -Identity {GLOBAL} -{param} ...`"
            )));
        }
        self.apply_declared(p)?;
        for (perm, on) in self.permissions() {
            if let Some(on) = on {
                p.set(perm, on);
            }
        }
        Ok(())
    }

    fn apply_global(&self, g: &mut GlobalQuarantinePolicy) -> Result<()> {
        if let Some(param) = self.policy_given().first() {
            return Err(Error::usage(format!(
                "-{param} belongs to a quarantine policy, not to the global settings ({GLOBAL})"
            ))
            .help("name a policy: `eopctl Set-QuarantinePolicy -Identity <name> ...`"));
        }
        if let Some(f) = &self.end_user_spam_notification_frequency {
            g.end_user_spam_notification_frequency = f.parse().map_err(|e| {
                Error::usage(format!("-EndUserSpamNotificationFrequency: {e}"))
                    .help("use 04:00:00 (4 hours), 1.00:00:00 (daily) or 7.00:00:00 (weekly)")
            })?;
        }
        let lists = [
            (&self.multi_language_setting, &mut g.multi_language_setting),
            (
                &self.multi_language_sender_name,
                &mut g.multi_language_sender_name,
            ),
            (
                &self.multi_language_custom_disclaimer,
                &mut g.multi_language_custom_disclaimer,
            ),
            (&self.esn_custom_subject, &mut g.esn_custom_subject),
        ];
        for (given, target) in lists {
            if let Some(v) = given {
                *target = v.iter().map(|s| s.trim().to_string()).collect();
            }
        }
        if let Some(a) = &self.end_user_spam_notification_custom_from_address {
            g.end_user_spam_notification_custom_from_address = match a.trim() {
                "" | "$null" => None,
                a => Some(a.parse().map_err(|e| {
                    Error::usage(format!("-EndUserSpamNotificationCustomFromAddress: {e}"))
                        .help("give an address of the organisation, such as quarantine@contoso.com, or $null")
                })?),
            };
        }
        Ok(())
    }
}

/// A policy as Get shows it: its permissions spelled out too.
fn policy_row(p: &QuarantinePolicy) -> serde_json::Value {
    let mut v = rows(std::slice::from_ref(p)).remove(0);
    if let Some(o) = v.as_object_mut() {
        o.insert("QuarantinePolicyType".into(), json!("QuarantinePolicy"));
        for perm in Permission::ALL {
            o.insert(perm.parameter().into(), json!(p.allows(perm)));
        }
    }
    v
}

fn global_row(g: &GlobalQuarantinePolicy) -> serde_json::Value {
    let mut v = json!({ "Name": GLOBAL, "QuarantinePolicyType": "GlobalQuarantinePolicy" });
    if let (Some(o), serde_json::Value::Object(fields)) = (
        v.as_object_mut(),
        serde_json::to_value(g).unwrap_or_default(),
    ) {
        o.extend(fields);
        // The file leaves the default frequency out; Get shows it anyway.
        o.insert(
            "EndUserSpamNotificationFrequency".into(),
            json!(g.end_user_spam_notification_frequency.to_string()),
        );
    }
    v
}

const GLOBAL_COLUMNS: &[crate::output::Column] = &[
    key("Name"),
    key("EndUserSpamNotificationFrequency"),
    wide("MultiLanguageSetting"),
    wide("MultiLanguageSenderName"),
];

fn refuse_builtin(identity: &str, verb: &str) -> Result<()> {
    if quarantine_policy::is_builtin(identity.trim()) {
        return Err(Error::conflict(format!(
            "QuarantinePolicy \"{}\" is built in: it cannot be {verb}",
            identity.trim()
        ))
        .help("create your own with `eopctl New-QuarantinePolicy` and name it in a filter policy's quarantine tag"));
    }
    Ok(())
}

/// The filter policies' quarantine tags that name `name`, as `Kind "policy" -Param`.
fn users(state: &State, name: &str) -> Vec<String> {
    let mut out = Vec::new();
    for p in &state.content_filter_policies {
        for (param, tag) in p.quarantine_tags() {
            if tag.eq_ignore_ascii_case(name) {
                out.push(format!("HostedContentFilterPolicy \"{}\" -{param}", p.name));
            }
        }
    }
    for p in &state.malware_filter_policies {
        if p.quarantine_tag.eq_ignore_ascii_case(name) {
            out.push(format!("MalwareFilterPolicy \"{}\" -QuarantineTag", p.name));
        }
    }
    out
}

/// A renamed policy stays named by the filter policies' tags.
fn follow_rename(state: &mut State, old: &str, new: &str) {
    let rename = |tag: &mut String| {
        if tag.eq_ignore_ascii_case(old) {
            *tag = new.to_string();
        }
    };
    for p in &mut state.content_filter_policies {
        for tag in [
            &mut p.spam_quarantine_tag,
            &mut p.high_confidence_spam_quarantine_tag,
            &mut p.phish_quarantine_tag,
            &mut p.bulk_quarantine_tag,
            &mut p.high_confidence_phish_quarantine_tag,
        ] {
            rename(tag);
        }
    }
    for p in &mut state.malware_filter_policies {
        rename(&mut p.quarantine_tag);
    }
}

fn set_global(ctx: &Context, params: &Params, change: &ChangeArgs) -> Result<Output> {
    if !super::asked(ctx, change, GLOBAL)? {
        return Ok(Output::Nothing);
    }
    let updated = ctx
        .store
        .update(&ctx.command_line, change.what_if, |state: &mut State| {
            params.apply_global(&mut state.global_quarantine_policy)
        })?;
    if change.what_if {
        return Ok(super::what_if(&ctx.cmdlet, updated.changes));
    }
    if change.pass_thru {
        return Ok(Output::Objects {
            rows: vec![global_row(&ctx.store.load()?.global_quarantine_policy)],
            columns: GLOBAL_COLUMNS,
        });
    }
    Ok(Output::Nothing)
}

pub fn run(cmd: Cmd, ctx: &Context) -> Result<Output> {
    match cmd {
        Cmd::Get(a) => {
            let state = ctx.store.load()?;
            let global = a.quarantine_policy_type
                == Some(QuarantinePolicyType::GlobalQuarantinePolicy)
                || a.identity
                    .as_deref()
                    .is_some_and(|i| i.trim().eq_ignore_ascii_case(GLOBAL));
            if global {
                return Ok(Output::Objects {
                    rows: vec![global_row(&state.global_quarantine_policy)],
                    columns: GLOBAL_COLUMNS,
                });
            }
            let chosen: Vec<&QuarantinePolicy> = match a.identity.as_deref() {
                None => state.quarantine_policies.iter().collect(),
                Some(id) if id.contains(['*', '?']) => state
                    .quarantine_policies
                    .iter()
                    .filter(|p| super::wildcard(id, &p.name))
                    .collect(),
                Some(id) => {
                    vec![&state.quarantine_policies[super::find::<QuarantinePolicy>(&state, id)?]]
                }
            };
            Ok(Output::Objects {
                rows: chosen.into_iter().map(policy_row).collect(),
                columns: VIEW.columns,
            })
        }
        Cmd::New(a) => {
            refuse_builtin(&a.name, "created again")?;
            let mut p = QuarantinePolicy::new(a.name);
            a.params.apply(&mut p)?;
            super::new(ctx, &a.change, &VIEW, p, |_, _| {})
        }
        Cmd::Set(a) => {
            if a.identity.trim().eq_ignore_ascii_case(GLOBAL) {
                return set_global(ctx, &a.params, &a.change);
            }
            refuse_builtin(&a.identity, "changed")?;
            super::set_with::<QuarantinePolicy>(ctx, &a.identity, &a.change, &VIEW, |state, i| {
                let p = &mut state.quarantine_policies[i];
                let old = p.name.clone();
                if let Some(name) = &a.name {
                    p.name = name.clone();
                }
                a.params.apply(p)?;
                let new = p.name.clone();
                follow_rename(state, &old, &new);
                Ok(())
            })
        }
        Cmd::Remove(a) => {
            refuse_builtin(&a.identity, "removed")?;
            let state = ctx.store.load()?;
            let i = super::find::<QuarantinePolicy>(&state, &a.identity)?;
            let name = &state.quarantine_policies[i].name;
            let used = users(&state, name);
            if !used.is_empty() {
                return Err(Error::conflict(format!(
                    "QuarantinePolicy \"{name}\" is in use by {}",
                    used.join(", ")
                ))
                .help(
                    "name another quarantine policy there first (such as DefaultFullAccessPolicy)",
                ));
            }
            super::remove::<QuarantinePolicy>(ctx, &a.identity, &a.change, &VIEW)
        }
    }
}
