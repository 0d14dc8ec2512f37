//! Reading recipients from LDAP: one paged subtree search (directories cap a plain search
//! at a few hundred entries: OpenLDAP's default size limit is 500, Active Directory's
//! MaxPageSize 1,000), then each entry made a MailUser by [`mail_user`].

use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

use ldap3::adapters::PagedResults;
use ldap3::{LdapConnAsync, LdapConnSettings, Scope, SearchEntry};
use tokio_rustls::rustls::ClientConfig;

use crate::state::model::{DirectorySyncProfile, MailUser};
use crate::state::values::SmtpAddress;

/// How long the directory has to answer each step, and the whole read.
const STEP: Duration = Duration::from_secs(30);
const WHOLE: Duration = Duration::from_secs(600);
const PAGE: i32 = 500;

/// The attributes that may name a user, first present wins: Exchange's alias, then
/// OpenLDAP's and Active Directory's account names, then the common name.
const NAME_ATTRIBUTES: &[&str] = &["mailNickname", "uid", "sAMAccountName", "cn"];

/// One recipient the directory has, by its DN.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub dn: String,
    pub user: MailUser,
}

/// What a search found: the recipients, and the DNs of entries with no usable address.
#[derive(Debug, Default)]
pub struct Found {
    pub entries: Vec<Entry>,
    pub skipped: Vec<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum FetchError {
    #[error("cannot reach {url}: {source}")]
    Connect {
        url: String,
        #[source]
        source: ldap3::LdapError,
    },
    #[error("bind as {bind_dn:?} refused: {source}")]
    Bind {
        bind_dn: String,
        #[source]
        source: ldap3::LdapError,
    },
    #[error("search under {base_dn:?} failed: {source}")]
    Search {
        base_dn: String,
        #[source]
        source: ldap3::LdapError,
    },
    #[error("the directory stopped the search under {base_dn:?} at its size limit")]
    SizeLimit { base_dn: String },
    #[error("the directory did not answer within {} s", WHOLE.as_secs())]
    Timeout,
    #[error("BindDN is set but no bind password is stored")]
    NoPassword,
}

impl FetchError {
    pub fn help(&self) -> String {
        match self {
            FetchError::Connect { .. } => "check -LdapUrl and that the directory is up; for TLS, that its certificate chains to a trusted root (Import-ExchangeCertificate -Trusted for a private CA)".into(),
            FetchError::Bind { .. } => "check -BindDN, and set the password again with `eopctl Set-DirectorySyncProfile -Identity <name> -BindPassword` (read from stdin)".into(),
            FetchError::Search { .. } => "check -BaseDN and -Filter, and that the bind account may read them".into(),
            FetchError::SizeLimit { .. } => "let the bind account read every page: OpenLDAP `limits dn.exact=\"<BindDN>\" size.prtotal=unlimited`; Active Directory pages without a total limit".into(),
            FetchError::Timeout => "the directory is slow or the search too wide: narrow -BaseDN or -Filter".into(),
            FetchError::NoPassword => "set it with `eopctl Set-DirectorySyncProfile -Identity <name> -BindPassword` (read from stdin or prompted)".into(),
        }
    }
}

/// Reads the profile's recipients; `progress` is told the count as entries arrive.
pub async fn fetch(
    p: &DirectorySyncProfile,
    password: Option<&str>,
    tls: Arc<ClientConfig>,
    progress: &(dyn Fn(usize) + Sync),
) -> Result<Found, FetchError> {
    tokio::time::timeout(WHOLE, search(p, password, tls, progress))
        .await
        .map_err(|_| FetchError::Timeout)?
}

async fn search(
    p: &DirectorySyncProfile,
    password: Option<&str>,
    tls: Arc<ClientConfig>,
    progress: &(dyn Fn(usize) + Sync),
) -> Result<Found, FetchError> {
    let settings = LdapConnSettings::new()
        .set_conn_timeout(STEP)
        .set_starttls(p.start_tls)
        .set_config(tls);
    let connect = |source| FetchError::Connect {
        url: p.ldap_url.clone(),
        source,
    };
    let (conn, mut ldap) = LdapConnAsync::with_settings(settings, &p.ldap_url)
        .await
        .map_err(connect)?;
    ldap3::drive!(conn);
    if !p.bind_dn.is_empty() {
        let password = password.ok_or(FetchError::NoPassword)?;
        let bind = |source| FetchError::Bind {
            bind_dn: p.bind_dn.clone(),
            source,
        };
        ldap.with_timeout(STEP)
            .simple_bind(&p.bind_dn, password)
            .await
            .and_then(|r| r.success())
            .map_err(bind)?;
    }
    let mut attrs: Vec<String> = p.address_attributes.clone();
    attrs.extend(NAME_ATTRIBUTES.iter().map(|a| a.to_string()));
    attrs.push("displayName".into());
    let failed = |source| match source {
        // sizeLimitExceeded (RFC 4511): paging was cut short by the server's limit.
        ldap3::LdapError::LdapResult { result } if result.rc == 4 => FetchError::SizeLimit {
            base_dn: p.base_dn.clone(),
        },
        source => FetchError::Search {
            base_dn: p.base_dn.clone(),
            source,
        },
    };
    let mut stream = ldap
        .with_timeout(STEP)
        .streaming_search_with(
            PagedResults::new(PAGE),
            &p.base_dn,
            Scope::Subtree,
            &p.filter,
            attrs,
        )
        .await
        .map_err(failed)?;
    let mut found = Found::default();
    let mut n = 0;
    while let Some(raw) = stream.next().await.map_err(failed)? {
        let e = SearchEntry::construct(raw);
        match mail_user(&e.attrs, &p.address_attributes) {
            Some(user) => found.entries.push(Entry { dn: e.dn, user }),
            None => found.skipped.push(e.dn),
        }
        n += 1;
        progress(n);
    }
    stream.finish().await.success().map_err(failed)?;
    let _ = ldap.unbind().await;
    Ok(found)
}

/// The MailUser an entry describes, or `None` if it has no SMTP address. With
/// `proxyAddresses`, `SMTP:` marks the primary address and `smtp:` further ones (other
/// prefixes, X500: or SIP:, are not mail addresses); a plain value (`mail`) is an
/// address, primary when no `SMTP:` value names one. The mailbox is on premises under
/// the same address, as a user synchronised to Exchange Online keeps its address.
pub fn mail_user(
    attrs: &HashMap<String, Vec<String>>,
    address_attributes: &[String],
) -> Option<MailUser> {
    let values = |name: &str| {
        attrs
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_slice())
            .unwrap_or_default()
    };
    let mut primary: Option<SmtpAddress> = None;
    let mut all: Vec<SmtpAddress> = Vec::new();
    for attribute in address_attributes {
        for v in values(attribute) {
            let (marked, text) = match v.split_once(':') {
                Some(("SMTP", a)) => (true, a),
                Some((p, a)) if p.eq_ignore_ascii_case("smtp") => (false, a),
                Some((p, _)) if !p.contains('@') => continue, // X500:, SIP:, ...
                _ => (false, v.as_str()),
            };
            let Ok(a) = text.trim().parse::<SmtpAddress>() else {
                continue;
            };
            if marked && primary.is_none() {
                primary = Some(a.clone());
            }
            if !all.iter().any(|x| x.key() == a.key()) {
                all.push(a);
            }
        }
    }
    let primary = primary.or_else(|| all.first().cloned())?;
    let first = |names: &[&str]| {
        names
            .iter()
            .find_map(|n| values(n).first().filter(|v| !v.trim().is_empty()).cloned())
    };
    let name = first(NAME_ATTRIBUTES).unwrap_or_else(|| primary.local().to_string());
    let display_name = first(&["displayName", "cn"]).unwrap_or_default();
    Some(MailUser {
        name,
        display_name,
        email_addresses: all
            .into_iter()
            .filter(|a| a.key() != primary.key())
            .collect(),
        external_email_address: primary.clone(),
        primary_smtp_address: primary,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn attrs(pairs: &[(&str, &[&str])]) -> HashMap<String, Vec<String>> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.iter().map(|s| s.to_string()).collect()))
            .collect()
    }

    fn default_attributes() -> Vec<String> {
        crate::state::model::default_address_attributes()
    }

    #[test]
    fn proxy_addresses_name_the_primary_and_further_addresses() {
        let a = attrs(&[
            ("mail", &["ann@contoso.com"]),
            (
                "proxyaddresses",
                &[
                    "smtp:ann@contoso.com",
                    "SMTP:Ann.Smith@contoso.com",
                    "smtp:as@fabrikam.com",
                    "X500:/o=Contoso/cn=ann",
                    "sip:ann@contoso.com",
                ],
            ),
            ("sAMAccountName", &["ann"]),
            ("displayName", &["Ann Smith"]),
        ]);
        let u = mail_user(&a, &default_attributes()).unwrap();
        assert_eq!(u.primary_smtp_address.to_string(), "Ann.Smith@contoso.com");
        assert_eq!(u.external_email_address, u.primary_smtp_address);
        let more: Vec<String> = u.email_addresses.iter().map(|a| a.to_string()).collect();
        assert_eq!(more, ["ann@contoso.com", "as@fabrikam.com"]);
        assert_eq!(
            (u.name.as_str(), u.display_name.as_str()),
            ("ann", "Ann Smith")
        );
    }

    #[test]
    fn mail_alone_is_the_primary_and_entries_without_addresses_are_skipped() {
        let a = attrs(&[
            ("mail", &["bob@contoso.com"]),
            ("uid", &["bob"]),
            ("cn", &["Bob"]),
        ]);
        let u = mail_user(&a, &default_attributes()).unwrap();
        assert_eq!(u.primary_smtp_address.to_string(), "bob@contoso.com");
        assert!(u.email_addresses.is_empty());
        assert_eq!(u.display_name, "Bob");
        let none = attrs(&[("mail", &["not an address"]), ("cn", &["Printer"])]);
        assert!(mail_user(&none, &default_attributes()).is_none());
    }
}
