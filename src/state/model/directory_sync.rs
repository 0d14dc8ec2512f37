use serde::{Deserialize, Serialize};

/// Where Directory Based Edge Blocking's recipients come from: an LDAP directory (Active
/// Directory or OpenLDAP) that `Start-DirectorySync`, and `eopctl serve` on a schedule,
/// read into MailUsers, as Microsoft Entra Connect fills Exchange Online from Active
/// Directory. The bind password is kept under the data directory, never here.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct DirectorySyncProfile {
    pub name: String,
    /// `ldap://host[:port]` or `ldaps://host[:port]`.
    pub ldap_url: String,
    /// Upgrade an `ldap://` connection with StartTLS before binding.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub start_tls: bool,
    /// The account the sync binds as; empty binds anonymously.
    #[serde(rename = "BindDN", default, skip_serializing_if = "String::is_empty")]
    pub bind_dn: String,
    /// Where the search starts (the whole subtree below it is read).
    #[serde(rename = "BaseDN")]
    pub base_dn: String,
    /// The LDAP filter that selects the recipients.
    #[serde(default = "default_filter")]
    pub filter: String,
    /// The attributes that hold addresses: `mail`, and `proxyAddresses` whose `SMTP:`
    /// value is the primary address and `smtp:` values further ones.
    #[serde(default = "default_address_attributes")]
    pub address_attributes: Vec<String>,
    /// Minutes between the relay's syncs; 0 syncs only when Start-DirectorySync is run.
    #[serde(default = "default_interval")]
    pub sync_interval_minutes: u32,
    #[serde(default = "super::yes")]
    pub enabled: bool,
}

pub const DEFAULT_FILTER: &str = "(|(mail=*)(proxyAddresses=*))";

fn default_filter() -> String {
    DEFAULT_FILTER.into()
}

pub fn default_address_attributes() -> Vec<String> {
    vec!["mail".into(), "proxyAddresses".into()]
}

fn default_interval() -> u32 {
    30
}

impl DirectorySyncProfile {
    pub fn new(name: String, ldap_url: String, base_dn: String) -> DirectorySyncProfile {
        DirectorySyncProfile {
            name,
            ldap_url,
            start_tls: false,
            bind_dn: String::new(),
            base_dn,
            filter: default_filter(),
            address_attributes: default_address_attributes(),
            sync_interval_minutes: default_interval(),
            enabled: true,
        }
    }

    pub fn problems(&self) -> Vec<String> {
        let mut out = Vec::new();
        let url = self.ldap_url.to_ascii_lowercase();
        let tls = url.starts_with("ldaps://");
        if !tls && !url.starts_with("ldap://") {
            out.push(format!(
                "LdapUrl {:?} is not an LDAP URL: write ldap://host[:port] or ldaps://host[:port]",
                self.ldap_url
            ));
        }
        if tls && self.start_tls {
            out.push("StartTls is true with an ldaps:// LdapUrl, which is TLS already: set -StartTls $false, or use ldap://".into());
        }
        if self.base_dn.trim().is_empty() {
            out.push("BaseDN is empty: give the DN the search starts at, such as -BaseDN \"ou=people,dc=contoso,dc=com\"".into());
        }
        let filter = self.filter.trim();
        if !(filter.starts_with('(') && filter.ends_with(')')) {
            out.push(format!(
                "Filter {:?} is not an LDAP filter: write it in parentheses, such as (mail=*)",
                self.filter
            ));
        }
        if self.address_attributes.is_empty() {
            out.push("AddressAttributes is empty: name at least one, such as mail".into());
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_profile_names_what_is_wrong() {
        let mut p = DirectorySyncProfile::new(
            "Corp".into(),
            "ldaps://dc1.contoso.com".into(),
            "dc=contoso,dc=com".into(),
        );
        assert!(p.problems().is_empty());
        p.start_tls = true;
        p.ldap_url = "http://dc1".into();
        p.filter = "mail=*".into();
        let problems = p.problems().join("\n");
        assert!(problems.contains("LdapUrl"), "{problems}");
        assert!(problems.contains("Filter"), "{problems}");
        p.ldap_url = "ldaps://dc1".into();
        assert!(p.problems().iter().any(|m| m.contains("StartTls")));
    }
}
