//! OnPremises inbound connectors that trust too many addresses, which makes the service an
//! open relay for whoever holds one of them. Shared with New/Set-InboundConnector, which
//! warn at the change.

use super::finding;
use crate::finding::{Finding, Severity};
use crate::state::State;
use crate::state::model::{InboundConnector, InboundConnectorType};
use crate::state::values::IpRange;

/// An OnPremises inbound connector trusting more addresses than this (a /16 of IPv4, a /48
/// of IPv6) lets strangers relay through the service.
const WIDEST_ON_PREMISES_V4: u128 = 1 << 16;
const WIDEST_ON_PREMISES_V6: u128 = 1 << 80;
fn is_v6(r: &IpRange) -> bool {
    r.bounds().0
}

pub(super) fn wide_on_premises(state: &State, out: &mut Vec<Finding>) {
    for c in &state.inbound_connectors {
        out.extend(open_relay(c).into_iter().map(|(_, f)| f));
    }
}

/// The ranges of an enabled OnPremises inbound connector that trust too many addresses,
/// each with its finding. Shared with New/Set-InboundConnector, which warn at the change.
pub fn open_relay(c: &InboundConnector) -> Vec<(IpRange, Finding)> {
    if !c.enabled || c.connector_type != InboundConnectorType::OnPremises {
        return Vec::new();
    }
    c.sender_ip_addresses
        .iter()
        .filter(|r| {
            r.size()
                > if is_v6(r) {
                    WIDEST_ON_PREMISES_V6
                } else {
                    WIDEST_ON_PREMISES_V4
                }
        })
        .map(|r| {
            let f = finding(
                Severity::Error,
                format!("InboundConnector \"{}\"", c.name),
                "SenderIPAddresses",
                format!("{r} trusts {} addresses as on-premises servers: every one of them may relay to any domain", r.size()),
                "list only your on-premises servers' public addresses, or identify them by TlsSenderCertificateName".into(),
            );
            (r.clone(), f)
        })
        .collect()
}

/// Blocks that are not the public Internet: private (RFC 1918, RFC 4193), shared
/// (RFC 6598), loopback and link-local. A wide range inside one is a lab or a site network.
const NOT_PUBLIC: &[&str] = &[
    "10.0.0.0/8",
    "100.64.0.0/10",
    "127.0.0.0/8",
    "169.254.0.0/16",
    "172.16.0.0/12",
    "192.168.0.0/16",
    "::1",
    "fc00::/7",
    "fe80::/10",
];

/// Whether any address of `r` is on the public Internet.
pub fn reaches_public_internet(r: &IpRange) -> bool {
    let (v6, start, end) = r.bounds();
    !NOT_PUBLIC.iter().any(|b| {
        let (bv6, bs, be) = b.parse::<IpRange>().map(|b| b.bounds()).unwrap_or_default();
        bv6 == v6 && bs <= start && end <= be
    })
}
