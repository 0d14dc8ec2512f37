use serde::{Deserialize, Serialize};

use super::yes;
use crate::state::values::{Fqdn, IpRange};

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
    /// The names the Internet reaches this service at: what a domain's MX record points to
    /// (EOP's `contoso-com.mail.protection.outlook.com`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub service_host_names: Vec<Fqdn>,
    /// The public addresses this service sends from: what SPF records must authorise
    /// (EOP's `include:spf.protection.outlook.com`).
    #[serde(
        default,
        rename = "ServiceIPAddresses",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub service_ip_addresses: Vec<IpRange>,
    /// Where the organisation's MX records point: to this service (hybrid scenarios 1 and
    /// 2) or to the on-premises servers (scenarios 3 and 4).
    #[serde(default)]
    pub mx_record_points_to: MxRecordPointsTo,
    /// Days the message trace keeps a message (the relay prunes older ones hourly).
    #[serde(default = "trace_days", skip_serializing_if = "is_trace_days")]
    pub message_trace_retention_days: u32,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, clap::ValueEnum)]
#[value(rename_all = "PascalCase")]
pub enum MxRecordPointsTo {
    #[default]
    Service,
    OnPremises,
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
            service_host_names: Vec::new(),
            service_ip_addresses: Vec::new(),
            mx_record_points_to: MxRecordPointsTo::Service,
            message_trace_retention_days: trace_days(),
        }
    }
}
