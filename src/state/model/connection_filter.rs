use serde::{Deserialize, Serialize};

use crate::state::values::IpRange;

/// The connection filter policy: IPs always allowed (skip spam filtering) or always
/// blocked. EOP has exactly one, named Default.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct HostedConnectionFilterPolicy {
    pub name: String,
    #[serde(default, rename = "IPAllowList", skip_serializing_if = "Vec::is_empty")]
    pub ip_allow_list: Vec<IpRange>,
    #[serde(default, rename = "IPBlockList", skip_serializing_if = "Vec::is_empty")]
    pub ip_block_list: Vec<IpRange>,
    #[serde(default)]
    pub enable_safe_list: bool,
}

impl Default for HostedConnectionFilterPolicy {
    fn default() -> Self {
        HostedConnectionFilterPolicy {
            name: "Default".into(),
            ip_allow_list: Vec::new(),
            ip_block_list: Vec::new(),
            enable_safe_list: false,
        }
    }
}

impl HostedConnectionFilterPolicy {
    pub fn problems(&self) -> Vec<String> {
        let mut out = Vec::new();
        for allow in &self.ip_allow_list {
            if let Some(block) = self.ip_block_list.iter().find(|b| b == &allow) {
                out.push(format!(
                    "{block} is in both IPAllowList and IPBlockList; remove it from one of them"
                ));
            }
        }
        out
    }
}
