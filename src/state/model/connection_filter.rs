use serde::{Deserialize, Serialize};

use super::yes;
use crate::state::values::{Fqdn, IpRange};

/// The connection filter policy: IPs always allowed (skip spam filtering) or always
/// blocked, DNS block lists asked at connect, and whether senders' DMARC policies are
/// honoured. EOP has exactly one, named Default.
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
    /// DNS block list zones (`zen.spamhaus.org`), asked for every anonymous client at
    /// connect (RFC 5782).
    #[serde(
        default,
        rename = "IPBlockListZones",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub ip_block_list_zones: Vec<Fqdn>,
    /// What a listing does: Reject at connect, or Score (a fact for spam filtering).
    #[serde(default, rename = "IPBlockListZoneAction")]
    pub ip_block_list_zone_action: ZoneAction,
    /// Act on the sender's DMARC policy (p=reject refused, p=quarantine marked); when
    /// false such mail is only marked as spam (EOP's `oreject`/`oquarantine`).
    #[serde(default = "yes")]
    pub honor_dmarc_policy: bool,
}

/// What a DNS block list listing does.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, clap::ValueEnum)]
#[value(rename_all = "PascalCase")]
pub enum ZoneAction {
    /// Refuse the connection (550 5.7.1).
    #[default]
    Reject,
    /// Accept; the listing is a fact for the spam scorer.
    Score,
}

impl Default for HostedConnectionFilterPolicy {
    fn default() -> Self {
        HostedConnectionFilterPolicy {
            name: "Default".into(),
            ip_allow_list: Vec::new(),
            ip_block_list: Vec::new(),
            enable_safe_list: false,
            ip_block_list_zones: Vec::new(),
            ip_block_list_zone_action: ZoneAction::Reject,
            honor_dmarc_policy: true,
        }
    }
}

impl HostedConnectionFilterPolicy {
    pub fn problems(&self) -> Vec<String> {
        let mut out = Vec::new();
        // A hash set, not a scan per entry: the lists may hold 100,000 entries.
        let allowed: std::collections::HashSet<&IpRange> = self.ip_allow_list.iter().collect();
        for block in self.ip_block_list.iter().filter(|b| allowed.contains(b)) {
            out.push(format!(
                "{block} is in both IPAllowList and IPBlockList; remove it from one of them"
            ));
        }
        out
    }
}
