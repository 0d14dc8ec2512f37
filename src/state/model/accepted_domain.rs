use serde::{Deserialize, Serialize};

use crate::state::values::Fqdn;

/// A domain the organisation receives mail for ("Protect on-premises mailboxes", step 1).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct AcceptedDomain {
    pub name: String,
    pub domain_name: Fqdn,
    #[serde(default)]
    pub domain_type: DomainType,
    #[serde(default)]
    pub default: bool,
    /// Subdomains (`sales.contoso.com` under `contoso.com`) are accepted and routed as this
    /// domain ("Enable mail flow for subdomains in Exchange Online").
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub match_sub_domains: bool,
}

/// Authoritative: every recipient is known here (hosted or listed as a MailUser), so
/// unknown ones can be refused. InternalRelay: some recipients live elsewhere, so unknown
/// ones go on to the on-premises connector.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, clap::ValueEnum)]
#[value(rename_all = "PascalCase")]
pub enum DomainType {
    #[default]
    Authoritative,
    InternalRelay,
}

impl AcceptedDomain {
    /// Whether mail for `domain` belongs to this accepted domain: the domain itself, or
    /// with MatchSubDomains any domain under it.
    pub fn covers(&self, domain: &str) -> bool {
        let (own, domain) = (
            self.domain_name.as_str().to_ascii_lowercase(),
            domain.to_ascii_lowercase(),
        );
        domain == own
            || (self.match_sub_domains
                && domain
                    .strip_suffix(&own)
                    .is_some_and(|head| head.len() > 1 && head.ends_with('.')))
    }

    pub fn problems(&self) -> Vec<String> {
        let mut out = Vec::new();
        // "Enable mail flow for subdomains in Exchange Online": only an InternalRelay
        // domain can match its subdomains, since their recipients are not all known here.
        if self.match_sub_domains && self.domain_type != DomainType::InternalRelay {
            out.push("MatchSubDomains is true but DomainType is Authoritative: subdomains are matched only for InternalRelay domains; set -DomainType InternalRelay".into());
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subdomains_match_only_when_asked() {
        let mut d = AcceptedDomain {
            name: "Contoso".into(),
            domain_name: "contoso.com".parse().unwrap(),
            domain_type: DomainType::InternalRelay,
            default: true,
            match_sub_domains: false,
        };
        assert!(d.covers("Contoso.com") && !d.covers("sales.contoso.com"));
        d.match_sub_domains = true;
        assert!(d.covers("sales.contoso.com") && d.covers("a.b.contoso.com"));
        assert!(!d.covers("badcontoso.com") && !d.covers(".contoso.com"));
        assert!(d.problems().is_empty());
        d.domain_type = DomainType::Authoritative;
        assert!(d.problems()[0].contains("InternalRelay"));
    }
}
