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
    /// Days the message trace keeps a message (the relay prunes older ones hourly).
    #[serde(default = "trace_days", skip_serializing_if = "is_trace_days")]
    pub message_trace_retention_days: u32,
}

fn trace_days() -> u32 {
    90
}

fn is_trace_days(days: &u32) -> bool {
    *days == trace_days()
}

impl Default for OrganizationConfig {
    fn default() -> Self {
        OrganizationConfig {
            name: String::new(),
            directory_based_edge_block_enabled: true,
            message_trace_retention_days: trace_days(),
        }
    }
}
