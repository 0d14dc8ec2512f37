//! Which way a message goes for one recipient, as EOP's reports count it: Inbound (from
//! outside the organisation), Outbound (from the organisation to the outside) or IntraOrg
//! (from the organisation to itself). Pure: the client's identity and the accepted
//! domains decide.

use serde::Serialize;

use super::decision::Client;
use crate::state::State;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub enum Direction {
    Inbound,
    Outbound,
    IntraOrg,
}

impl Direction {
    pub const ALL: [Direction; 3] = [Direction::Inbound, Direction::Outbound, Direction::IntraOrg];

    /// The name EOP's reports show and filter on.
    pub fn name(self) -> &'static str {
        match self {
            Direction::Inbound => "Inbound",
            Direction::Outbound => "Outbound",
            Direction::IntraOrg => "IntraOrg",
        }
    }

    pub fn parse(s: &str) -> Option<Direction> {
        Direction::ALL
            .into_iter()
            .find(|d| d.name().eq_ignore_ascii_case(s.trim()))
    }
}

/// The direction of a message from `client` to `recipient`. Mail is the organisation's
/// own when it may be relayed (the relay itself, or an OnPremises inbound connector
/// identified the client, as in "Set up connectors to route mail between Microsoft 365 and
/// your own email servers"); a recipient is internal when its domain is an accepted domain.
pub fn of(state: &State, client: &Client, recipient: &str) -> Direction {
    let domain = recipient
        .rsplit_once('@')
        .map(|(_, d)| d.to_ascii_lowercase())
        .unwrap_or_default();
    let internal = state.accepted_domain(&domain).is_some();
    match (client.may_relay(), internal) {
        (false, _) => Direction::Inbound,
        (true, true) => Direction::IntraOrg,
        (true, false) => Direction::Outbound,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::policy::connection::identify;
    use crate::policy::{Origin, TlsFacts};

    #[test]
    fn by_client_and_accepted_domain() {
        let text = "apiVersion: eopctl/v3\nAcceptedDomains:\n  - { Name: contoso.com, DomainName: contoso.com, Default: true }\nInboundConnectors:\n  - { Name: On-prem, ConnectorType: OnPremises, SenderIPAddresses: [192.0.2.10] }\n  - { Name: Partner, ConnectorType: Partner, SenderDomains: [fabrikam.com], SenderIPAddresses: [192.0.2.20] }\n";
        let state = crate::state::store::parse(text, std::path::Path::new("t.yaml")).unwrap();
        let client = |ip: &str| {
            identify(
                &state,
                Origin::Client(ip.parse().unwrap()),
                &TlsFacts::default(),
            )
        };
        let (internet, partner, on_prem) = (
            client("203.0.113.1"),
            client("192.0.2.20"),
            client("192.0.2.10"),
        );
        assert_eq!(of(&state, &internet, "ann@contoso.com"), Direction::Inbound);
        assert_eq!(of(&state, &partner, "ann@Contoso.COM"), Direction::Inbound);
        assert_eq!(of(&state, &on_prem, "ann@contoso.com"), Direction::IntraOrg);
        assert_eq!(
            of(&state, &on_prem, "bob@fabrikam.com"),
            Direction::Outbound
        );
        let local = identify(&state, Origin::Local, &TlsFacts::default());
        assert_eq!(of(&state, &local, "bob@fabrikam.com"), Direction::Outbound);
        assert_eq!(Direction::parse("intraorg"), Some(Direction::IntraOrg));
    }
}
