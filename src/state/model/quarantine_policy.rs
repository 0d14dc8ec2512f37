//! Quarantine policies ("Quarantine policies"): what recipients may do with their own
//! quarantined messages, and whether they get quarantine notifications. The three built-in
//! policies always exist and are read only; custom ones are the state's. The global
//! settings EOP keeps on its DefaultGlobalTag policy (how often notifications go, their
//! language, sender and subject) are one object beside them.

use serde::{Deserialize, Serialize};

use crate::state::values::{SmtpAddress, TimeSpan};

/// No end-user permission: only admins see and release (high confidence phishing,
/// malware and mail flow rule quarantines by default).
pub const ADMIN_ONLY: &str = "AdminOnlyAccessPolicy";
/// Full access without notifications (spam, bulk and phishing by default).
pub const FULL_ACCESS: &str = "DefaultFullAccessPolicy";
/// Full access with quarantine notifications.
pub const FULL_ACCESS_NOTIFY: &str = "DefaultFullAccessWithNotificationPolicy";
/// The name Get-QuarantinePolicy shows the global settings under.
pub const GLOBAL: &str = "DefaultGlobalTag";

/// One end-user permission: its bit in EndUserQuarantinePermissionsValue (highest first:
/// ViewHeader, Download, AllowSender, BlockSender, RequestRelease, Release, Preview,
/// Delete, as the Set-QuarantinePolicy reference orders them).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Permission {
    Delete = 1,
    Preview = 2,
    Release = 4,
    RequestRelease = 8,
    BlockSender = 16,
}

impl Permission {
    pub const ALL: [Permission; 5] = [
        Permission::Preview,
        Permission::Release,
        Permission::RequestRelease,
        Permission::BlockSender,
        Permission::Delete,
    ];

    /// The Exchange parameter that grants it (`PermissionToRelease`).
    pub fn parameter(self) -> &'static str {
        match self {
            Permission::Delete => "PermissionToDelete",
            Permission::Preview => "PermissionToPreview",
            Permission::Release => "PermissionToRelease",
            Permission::RequestRelease => "PermissionToRequestRelease",
            Permission::BlockSender => "PermissionToBlockSender",
        }
    }
}

/// The preset groups of the reference: No access 0; Limited access (block sender, request
/// release, preview, delete) 27; Full access (block sender, release, preview, delete) 23.
pub const NO_ACCESS: u32 = 0;
pub const LIMITED_ACCESS: u32 = 27;
pub const FULL_ACCESS_VALUE: u32 = 23;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct QuarantinePolicy {
    pub name: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub admin_display_name: String,
    /// The end-user permissions as one number (see [`Permission`]).
    #[serde(default)]
    pub end_user_quarantine_permissions_value: u32,
    /// Quarantine notifications (formerly end-user spam notifications).
    #[serde(default, rename = "ESNEnabled")]
    pub esn_enabled: bool,
}

impl QuarantinePolicy {
    pub fn new(name: String) -> Self {
        QuarantinePolicy {
            name,
            admin_display_name: String::new(),
            end_user_quarantine_permissions_value: NO_ACCESS,
            esn_enabled: false,
        }
    }

    pub fn allows(&self, p: Permission) -> bool {
        self.end_user_quarantine_permissions_value & p as u32 != 0
    }

    pub fn set(&mut self, p: Permission, on: bool) {
        if on {
            self.end_user_quarantine_permissions_value |= p as u32;
        } else {
            self.end_user_quarantine_permissions_value &= !(p as u32);
        }
    }

    pub fn is_builtin(&self) -> bool {
        is_builtin(&self.name)
    }

    pub fn problems(&self) -> Vec<String> {
        let mut out = Vec::new();
        if self.end_user_quarantine_permissions_value > 255 {
            out.push(format!(
                "EndUserQuarantinePermissionsValue {} is out of range: use {NO_ACCESS} (No access), {LIMITED_ACCESS} (Limited access), {FULL_ACCESS_VALUE} (Full access) or another sum of the permission bits up to 255",
                self.end_user_quarantine_permissions_value
            ));
        }
        if self.allows(Permission::Release) && self.allows(Permission::RequestRelease) {
            out.push("PermissionToRelease and PermissionToRequestRelease are both on: a policy lets users release or request release, not both; turn one off".into());
        }
        if let Some(b) = builtins()
            .into_iter()
            .find(|b| b.name.eq_ignore_ascii_case(&self.name))
            && (b.end_user_quarantine_permissions_value
                != self.end_user_quarantine_permissions_value
                || b.esn_enabled != self.esn_enabled)
        {
            out.push(format!(
                "{} is a built-in quarantine policy and read only: create your own with New-QuarantinePolicy and name it in the filter policy's quarantine tag",
                b.name
            ));
        }
        if self.name.eq_ignore_ascii_case(GLOBAL) {
            out.push(format!(
                "{GLOBAL} names the global notification settings: choose another name"
            ));
        }
        out
    }
}

pub fn is_builtin(name: &str) -> bool {
    [ADMIN_ONLY, FULL_ACCESS, FULL_ACCESS_NOTIFY]
        .iter()
        .any(|b| b.eq_ignore_ascii_case(name))
}

/// The built-in policies, as "Quarantine policies" describes them.
pub fn builtins() -> Vec<QuarantinePolicy> {
    let make = |name: &str, value, esn| QuarantinePolicy {
        name: name.into(),
        admin_display_name: String::new(),
        end_user_quarantine_permissions_value: value,
        esn_enabled: esn,
    };
    vec![
        make(ADMIN_ONLY, NO_ACCESS, false),
        make(FULL_ACCESS, FULL_ACCESS_VALUE, false),
        make(FULL_ACCESS_NOTIFY, FULL_ACCESS_VALUE, true),
    ]
}

/// The policies as the file holds them: the built-ins always there (first).
pub fn with_builtins(mut all: Vec<QuarantinePolicy>) -> Vec<QuarantinePolicy> {
    for (i, b) in builtins().into_iter().enumerate() {
        if !all.iter().any(|p| p.name.eq_ignore_ascii_case(&b.name)) {
            all.insert(i, b);
        }
    }
    all
}

/// The global notification settings (EOP's DefaultGlobalTag, QuarantinePolicyType
/// GlobalQuarantinePolicy).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct GlobalQuarantinePolicy {
    /// How often recipients get a notification: 04:00:00, 1.00:00:00 or 7.00:00:00.
    #[serde(default = "daily")]
    pub end_user_spam_notification_frequency: TimeSpan,
    /// The notifications' languages; the first is used (Default: English).
    #[serde(default = "default_language")]
    pub multi_language_setting: Vec<String>,
    /// The sender's display name, one per language.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub multi_language_sender_name: Vec<String>,
    /// A disclaimer near the bottom, one per language.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub multi_language_custom_disclaimer: Vec<String>,
    /// The Subject, one per language.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub esn_custom_subject: Vec<String>,
    /// The sender address [default: quarantine@ the default accepted domain].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end_user_spam_notification_custom_from_address: Option<SmtpAddress>,
}

fn daily() -> TimeSpan {
    TimeSpan(86_400)
}
fn default_language() -> Vec<String> {
    vec!["Default".into()]
}

/// The frequencies EOP offers: 4 hours, daily, weekly.
pub const FREQUENCIES: [u64; 3] = [4 * 3600, 86_400, 7 * 86_400];

impl Default for GlobalQuarantinePolicy {
    fn default() -> Self {
        GlobalQuarantinePolicy {
            end_user_spam_notification_frequency: daily(),
            multi_language_setting: default_language(),
            multi_language_sender_name: Vec::new(),
            multi_language_custom_disclaimer: Vec::new(),
            esn_custom_subject: Vec::new(),
            end_user_spam_notification_custom_from_address: None,
        }
    }
}

impl GlobalQuarantinePolicy {
    pub fn is_default(&self) -> bool {
        *self == GlobalQuarantinePolicy::default()
    }

    pub fn problems(&self) -> Vec<String> {
        let mut out = Vec::new();
        let f = self.end_user_spam_notification_frequency;
        if !FREQUENCIES.contains(&f.seconds()) {
            out.push(format!(
                "EndUserSpamNotificationFrequency {f} is not offered: use 04:00:00 (4 hours), 1.00:00:00 (daily) or 7.00:00:00 (weekly)"
            ));
        }
        for l in &self.multi_language_setting {
            if !["Default", "English"]
                .iter()
                .any(|k| k.eq_ignore_ascii_case(l))
            {
                out.push(format!(
                    "MultiLanguageSetting {l} has no built-in text: use Default or English, and give your own words with MultiLanguageSenderName, EsnCustomSubject and MultiLanguageCustomDisclaimer"
                ));
            }
        }
        let n = self.multi_language_setting.len();
        for (name, list) in [
            ("MultiLanguageSenderName", &self.multi_language_sender_name),
            (
                "MultiLanguageCustomDisclaimer",
                &self.multi_language_custom_disclaimer,
            ),
            ("EsnCustomSubject", &self.esn_custom_subject),
        ] {
            if list.len() > n {
                out.push(format!(
                    "{name} has {} values but MultiLanguageSetting {n}: give one value per language, in the same order",
                    list.len()
                ));
            }
            if list.iter().any(|v| v.contains(['\r', '\n'])) {
                out.push(format!(
                    "{name} has a line break: write each value on one line"
                ));
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn presets_and_builtins() {
        let mut p = QuarantinePolicy::new("Custom".into());
        p.end_user_quarantine_permissions_value = FULL_ACCESS_VALUE;
        assert!(p.allows(Permission::Release) && p.allows(Permission::BlockSender));
        assert!(!p.allows(Permission::RequestRelease));
        p.end_user_quarantine_permissions_value = LIMITED_ACCESS;
        assert!(p.allows(Permission::RequestRelease) && !p.allows(Permission::Release));
        p.set(Permission::Release, true);
        assert_eq!(p.problems().len(), 1, "{:?}", p.problems());
        let mut b = builtins().remove(1);
        assert!(b.problems().is_empty());
        b.esn_enabled = true;
        assert!(b.problems()[0].contains("read only"));
        assert_eq!(with_builtins(vec![]).len(), 3);
        let g = GlobalQuarantinePolicy {
            end_user_spam_notification_frequency: TimeSpan(3600),
            ..Default::default()
        };
        assert!(g.problems()[0].contains("04:00:00"));
        assert!(GlobalQuarantinePolicy::default().problems().is_empty());
    }
}
