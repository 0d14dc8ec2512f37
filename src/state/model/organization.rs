use serde::{Deserialize, Serialize};

use super::yes;

/// Settings of the whole organisation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct OrganizationConfig {
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub name: String,
    /// Directory Based Edge Blocking: refuse unknown recipients of Authoritative domains
    /// at RCPT (550 5.4.1). On by default, as in EOP.
    #[serde(default = "yes")]
    pub directory_based_edge_block_enabled: bool,
}

impl Default for OrganizationConfig {
    fn default() -> Self {
        OrganizationConfig {
            name: String::new(),
            directory_based_edge_block_enabled: true,
        }
    }
}
