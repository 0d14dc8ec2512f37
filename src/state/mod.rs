//! The state: every object of the organisation, the file that holds it, and the rules it
//! must keep.
//!
//! `State` is the typed model (one struct per kind in `model/`). `validate` checks the rules
//! that span objects, `migrate` brings old schema versions up to date, `diff` compares two
//! states object by object, and `store` is the only code that reads or writes the file.

pub mod diff;
pub mod migrate;
pub mod model;
pub mod store;
pub mod synced;
pub mod validate;
pub mod values;
pub mod yaml;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use model::*;

/// The schema version this build writes.
pub const API_VERSION: &str = "eopctl/v3";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct State {
    #[serde(rename = "apiVersion")]
    pub api_version: String,
    #[serde(default)]
    pub revision: u64,
    #[serde(rename = "OrganizationConfig", default)]
    pub organization: OrganizationConfig,
    #[serde(
        rename = "AcceptedDomains",
        default,
        skip_serializing_if = "Vec::is_empty"
    )]
    pub accepted_domains: Vec<AcceptedDomain>,
    #[serde(rename = "Mailboxes", default, skip_serializing_if = "Vec::is_empty")]
    pub mailboxes: Vec<Mailbox>,
    #[serde(rename = "MailUsers", default, skip_serializing_if = "Vec::is_empty")]
    pub mail_users: Vec<MailUser>,
    #[serde(
        rename = "InboundConnectors",
        default,
        skip_serializing_if = "Vec::is_empty"
    )]
    pub inbound_connectors: Vec<InboundConnector>,
    #[serde(
        rename = "OutboundConnectors",
        default,
        skip_serializing_if = "Vec::is_empty"
    )]
    pub outbound_connectors: Vec<OutboundConnector>,
    #[serde(
        rename = "ReceiveConnectors",
        default,
        skip_serializing_if = "Vec::is_empty"
    )]
    pub receive_connectors: Vec<ReceiveConnector>,
    /// Applications that submit mail with SMTP AUTH (their passwords are under the data
    /// directory).
    #[serde(
        rename = "SmtpAuthAccounts",
        default,
        skip_serializing_if = "Vec::is_empty"
    )]
    pub smtp_auth_accounts: Vec<SmtpAuthAccount>,
    #[serde(
        rename = "SendConnectors",
        default,
        skip_serializing_if = "Vec::is_empty"
    )]
    pub send_connectors: Vec<SendConnector>,
    #[serde(
        rename = "Certificates",
        default,
        skip_serializing_if = "Vec::is_empty"
    )]
    pub certificates: Vec<Certificate>,
    /// DKIM signing, one config per accepted domain that signs.
    #[serde(
        rename = "DkimSigningConfigs",
        default,
        skip_serializing_if = "Vec::is_empty"
    )]
    pub dkim_signing_configs: Vec<DkimSigningConfig>,
    /// Mail flow rules, in Priority order (0 first).
    #[serde(
        rename = "TransportRules",
        default,
        skip_serializing_if = "Vec::is_empty"
    )]
    pub transport_rules: Vec<TransportRule>,
    #[serde(rename = "HostedConnectionFilterPolicy", default)]
    pub connection_filter: HostedConnectionFilterPolicy,
    /// Anti-spam policies; Default is always there (and not written while untouched).
    #[serde(
        rename = "HostedContentFilterPolicies",
        default = "content_filter_policies",
        deserialize_with = "de_content_filter_policies",
        skip_serializing_if = "only_default_content_filter"
    )]
    pub content_filter_policies: Vec<HostedContentFilterPolicy>,
    /// Anti-malware policies; Default is always there (and not written while untouched).
    #[serde(
        rename = "MalwareFilterPolicies",
        default = "malware_filter_policies",
        deserialize_with = "de_malware_filter_policies",
        skip_serializing_if = "only_default_malware_filter"
    )]
    pub malware_filter_policies: Vec<MalwareFilterPolicy>,
    /// Whom the custom anti-spam policies apply to, in Priority order (0 first).
    #[serde(
        rename = "HostedContentFilterRules",
        default,
        skip_serializing_if = "Vec::is_empty"
    )]
    pub content_filter_rules: Vec<HostedContentFilterRule>,
    /// Whom the custom anti-malware policies apply to, in Priority order (0 first).
    #[serde(
        rename = "MalwareFilterRules",
        default,
        skip_serializing_if = "Vec::is_empty"
    )]
    pub malware_filter_rules: Vec<MalwareFilterRule>,
    /// Outbound spam policies; Default is always there (and not written while untouched).
    #[serde(
        rename = "HostedOutboundSpamFilterPolicies",
        default = "outbound_spam_policies",
        deserialize_with = "de_outbound_spam_policies",
        skip_serializing_if = "only_default_outbound_spam"
    )]
    pub outbound_spam_policies: Vec<HostedOutboundSpamFilterPolicy>,
    /// Which senders the custom outbound spam policies apply to, in Priority order.
    #[serde(
        rename = "HostedOutboundSpamFilterRules",
        default,
        skip_serializing_if = "Vec::is_empty"
    )]
    pub outbound_spam_rules: Vec<HostedOutboundSpamFilterRule>,
    /// The LDAP directories MailUsers are synchronised from.
    #[serde(
        rename = "DirectorySyncProfiles",
        default,
        skip_serializing_if = "Vec::is_empty"
    )]
    pub directory_sync_profiles: Vec<DirectorySyncProfile>,
    /// The MailUsers those directories gave: kept under the data directory, never in
    /// this file; the relay and Test-MessageRoute attach them (see `synced`).
    #[serde(skip)]
    pub synced: synced::Synced,
    /// Quarantine policies: the built-in ones always there (and never written), then
    /// the custom ones.
    #[serde(
        rename = "QuarantinePolicies",
        default = "quarantine_policies",
        deserialize_with = "de_quarantine_policies",
        serialize_with = "ser_quarantine_policies",
        skip_serializing_if = "only_builtin_quarantine_policies"
    )]
    pub quarantine_policies: Vec<QuarantinePolicy>,
    /// The global quarantine notification settings (EOP's DefaultGlobalTag).
    #[serde(
        rename = "GlobalQuarantinePolicy",
        default,
        skip_serializing_if = "GlobalQuarantinePolicy::is_default"
    )]
    pub global_quarantine_policy: GlobalQuarantinePolicy,
}

fn quarantine_policies() -> Vec<QuarantinePolicy> {
    quarantine_policy::builtins()
}
fn de_quarantine_policies<'de, D: serde::Deserializer<'de>>(
    d: D,
) -> Result<Vec<QuarantinePolicy>, D::Error> {
    Ok(quarantine_policy::with_builtins(Vec::deserialize(d)?))
}
fn ser_quarantine_policies<S: serde::Serializer>(
    all: &[QuarantinePolicy],
    s: S,
) -> Result<S::Ok, S::Error> {
    // The built-ins are read only: the file holds the custom ones.
    s.collect_seq(all.iter().filter(|p| !p.is_builtin()))
}
fn only_builtin_quarantine_policies(all: &[QuarantinePolicy]) -> bool {
    all.iter().all(QuarantinePolicy::is_builtin)
}

fn content_filter_policies() -> Vec<HostedContentFilterPolicy> {
    vec![HostedContentFilterPolicy::new("Default".into())]
}
fn malware_filter_policies() -> Vec<MalwareFilterPolicy> {
    vec![MalwareFilterPolicy::new("Default".into())]
}
fn outbound_spam_policies() -> Vec<HostedOutboundSpamFilterPolicy> {
    vec![HostedOutboundSpamFilterPolicy::new("Default".into())]
}
fn de_outbound_spam_policies<'de, D: serde::Deserializer<'de>>(
    d: D,
) -> Result<Vec<HostedOutboundSpamFilterPolicy>, D::Error> {
    let all = Vec::deserialize(d)?;
    Ok(content_filter::with_default(all, || {
        HostedOutboundSpamFilterPolicy::new("Default".into())
    }))
}
fn only_default_outbound_spam(all: &[HostedOutboundSpamFilterPolicy]) -> bool {
    all == outbound_spam_policies().as_slice()
}
fn de_content_filter_policies<'de, D: serde::Deserializer<'de>>(
    d: D,
) -> Result<Vec<HostedContentFilterPolicy>, D::Error> {
    let all = Vec::deserialize(d)?;
    Ok(content_filter::with_default(all, || {
        HostedContentFilterPolicy::new("Default".into())
    }))
}
fn de_malware_filter_policies<'de, D: serde::Deserializer<'de>>(
    d: D,
) -> Result<Vec<MalwareFilterPolicy>, D::Error> {
    let all = Vec::deserialize(d)?;
    Ok(content_filter::with_default(all, || {
        MalwareFilterPolicy::new("Default".into())
    }))
}
fn only_default_content_filter(all: &[HostedContentFilterPolicy]) -> bool {
    all == content_filter_policies().as_slice()
}
fn only_default_malware_filter(all: &[MalwareFilterPolicy]) -> bool {
    all == malware_filter_policies().as_slice()
}

impl Default for State {
    fn default() -> Self {
        State {
            api_version: API_VERSION.into(),
            revision: 0,
            organization: OrganizationConfig::default(),
            accepted_domains: Vec::new(),
            mailboxes: Vec::new(),
            mail_users: Vec::new(),
            inbound_connectors: Vec::new(),
            outbound_connectors: Vec::new(),
            receive_connectors: Vec::new(),
            send_connectors: Vec::new(),
            smtp_auth_accounts: Vec::new(),
            certificates: Vec::new(),
            dkim_signing_configs: Vec::new(),
            transport_rules: Vec::new(),
            connection_filter: HostedConnectionFilterPolicy::default(),
            content_filter_policies: content_filter_policies(),
            malware_filter_policies: malware_filter_policies(),
            content_filter_rules: Vec::new(),
            malware_filter_rules: Vec::new(),
            directory_sync_profiles: Vec::new(),
            synced: synced::Synced::default(),
            quarantine_policies: quarantine_policies(),
            global_quarantine_policy: GlobalQuarantinePolicy::default(),
            outbound_spam_policies: outbound_spam_policies(),
            outbound_spam_rules: Vec::new(),
        }
    }
}

/// A kind of object that lives in a named list of the state.
pub trait StateObject: Serialize + DeserializeOwned + Clone + PartialEq + 'static {
    /// The Exchange noun, as in `Get-InboundConnector`.
    const KIND: &'static str;
    /// The key of its list in the state file.
    const SECTION: &'static str;
    fn name(&self) -> &str;
    fn all(state: &State) -> &Vec<Self>;
    fn all_mut(state: &mut State) -> &mut Vec<Self>;
    /// Single-object invariants, each a sentence naming the parameter and the fix.
    fn problems(&self) -> Vec<String>;
    /// Whether a (non-wildcard) identity names this object. Recipients are also named by
    /// their addresses, as in Exchange.
    fn is_named(&self, identity: &str) -> bool {
        self.name().eq_ignore_ascii_case(identity)
    }
    /// The text a wildcard identity is matched against.
    fn identities(&self) -> Vec<String> {
        vec![self.name().to_string()]
    }
}

macro_rules! state_object {
    ($t:ty, $kind:literal, $section:literal, $field:ident) => {
        state_object!($t, $kind, $section, $field, |_o: &$t| Vec::<String>::new());
    };
    ($t:ty, $kind:literal, $section:literal, $field:ident, $addresses:expr) => {
        impl StateObject for $t {
            const KIND: &'static str = $kind;
            const SECTION: &'static str = $section;
            fn name(&self) -> &str {
                &self.name
            }
            fn all(state: &State) -> &Vec<Self> {
                &state.$field
            }
            fn all_mut(state: &mut State) -> &mut Vec<Self> {
                &mut state.$field
            }
            fn problems(&self) -> Vec<String> {
                <$t>::problems(self)
            }
            fn is_named(&self, identity: &str) -> bool {
                self.name.eq_ignore_ascii_case(identity)
                    || $addresses(self)
                        .iter()
                        .any(|a: &String| a.eq_ignore_ascii_case(identity))
            }
            fn identities(&self) -> Vec<String> {
                let mut ids = vec![self.name.clone()];
                ids.extend($addresses(self));
                ids
            }
        }
    };
}

fn recipient_addresses<'a>(addrs: impl Iterator<Item = &'a values::SmtpAddress>) -> Vec<String> {
    addrs.map(|a| a.to_string()).collect()
}

state_object!(
    AcceptedDomain,
    "AcceptedDomain",
    "AcceptedDomains",
    accepted_domains,
    |d: &AcceptedDomain| vec![d.domain_name.to_string()]
);
state_object!(Mailbox, "Mailbox", "Mailboxes", mailboxes, |m: &Mailbox| {
    recipient_addresses(m.addresses())
});
state_object!(
    MailUser,
    "MailUser",
    "MailUsers",
    mail_users,
    |m: &MailUser| recipient_addresses(m.addresses())
);
state_object!(
    InboundConnector,
    "InboundConnector",
    "InboundConnectors",
    inbound_connectors
);
state_object!(
    OutboundConnector,
    "OutboundConnector",
    "OutboundConnectors",
    outbound_connectors
);
state_object!(
    ReceiveConnector,
    "ReceiveConnector",
    "ReceiveConnectors",
    receive_connectors
);
state_object!(
    HostedContentFilterPolicy,
    "HostedContentFilterPolicy",
    "HostedContentFilterPolicies",
    content_filter_policies
);
state_object!(
    MalwareFilterPolicy,
    "MalwareFilterPolicy",
    "MalwareFilterPolicies",
    malware_filter_policies
);
state_object!(
    QuarantinePolicy,
    "QuarantinePolicy",
    "QuarantinePolicies",
    quarantine_policies
);
state_object!(
    HostedContentFilterRule,
    "HostedContentFilterRule",
    "HostedContentFilterRules",
    content_filter_rules
);
state_object!(
    MalwareFilterRule,
    "MalwareFilterRule",
    "MalwareFilterRules",
    malware_filter_rules
);
state_object!(
    DirectorySyncProfile,
    "DirectorySyncProfile",
    "DirectorySyncProfiles",
    directory_sync_profiles
);
state_object!(
    HostedOutboundSpamFilterPolicy,
    "HostedOutboundSpamFilterPolicy",
    "HostedOutboundSpamFilterPolicies",
    outbound_spam_policies
);
state_object!(
    HostedOutboundSpamFilterRule,
    "HostedOutboundSpamFilterRule",
    "HostedOutboundSpamFilterRules",
    outbound_spam_rules
);
state_object!(
    TransportRule,
    "TransportRule",
    "TransportRules",
    transport_rules
);
state_object!(
    SmtpAuthAccount,
    "SmtpAuthAccount",
    "SmtpAuthAccounts",
    smtp_auth_accounts
);
state_object!(
    SendConnector,
    "SendConnector",
    "SendConnectors",
    send_connectors
);

impl StateObject for Certificate {
    const KIND: &'static str = "ExchangeCertificate";
    const SECTION: &'static str = "Certificates";
    fn name(&self) -> &str {
        &self.thumbprint
    }
    fn all(state: &State) -> &Vec<Self> {
        &state.certificates
    }
    fn all_mut(state: &mut State) -> &mut Vec<Self> {
        &mut state.certificates
    }
    fn problems(&self) -> Vec<String> {
        Certificate::problems(self)
    }
}

impl StateObject for DkimSigningConfig {
    const KIND: &'static str = "DkimSigningConfig";
    const SECTION: &'static str = "DkimSigningConfigs";
    fn name(&self) -> &str {
        self.domain.as_str()
    }
    fn all(state: &State) -> &Vec<Self> {
        &state.dkim_signing_configs
    }
    fn all_mut(state: &mut State) -> &mut Vec<Self> {
        &mut state.dkim_signing_configs
    }
    fn problems(&self) -> Vec<String> {
        DkimSigningConfig::problems(self)
    }
}

impl State {
    /// The accepted domain `domain` (lower-case) falls in, if any: an exact match, or a
    /// parent domain of it (Exchange accepts subdomains only when told to; we match exactly).
    /// The accepted domain mail for `domain` belongs to: the domain itself, else the
    /// closest parent with MatchSubDomains.
    pub fn accepted_domain(&self, domain: &str) -> Option<&AcceptedDomain> {
        self.accepted_domains
            .iter()
            .filter(|d| d.covers(domain))
            .max_by_key(|d| d.domain_name.as_str().len())
    }

    /// The hosted mailbox one of whose addresses has the key `key` (SmtpAddress::key).
    pub fn mailbox(&self, key: &str) -> Option<&Mailbox> {
        self.mailboxes
            .iter()
            .find(|m| m.addresses().any(|a| a.key() == key))
    }

    /// The connectors whose TlsCertificateName resolves to `cert`.
    pub fn certificate_users(&self, cert: &Certificate) -> Vec<String> {
        let named = |n: &Option<String>| n.as_deref().is_some_and(|n| cert.is_named_by(n));
        let mut out = Vec::new();
        for c in &self.receive_connectors {
            if named(&c.tls_certificate_name) {
                out.push(format!("ReceiveConnector \"{}\"", c.name));
            }
        }
        for c in &self.send_connectors {
            if named(&c.tls_certificate_name) {
                out.push(format!("SendConnector \"{}\"", c.name));
            }
        }
        for c in &self.outbound_connectors {
            if named(&c.tls_certificate_name) {
                out.push(format!("OutboundConnector \"{}\"", c.name));
            }
        }
        out
    }
}
