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
    pub fn problems(&self) -> Vec<String> {
        Vec::new()
    }
}
