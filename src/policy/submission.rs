//! SMTP AUTH submission ("How to set up a multifunction device or application to send
//! email"; "Enable or disable authenticated client SMTP submission (SMTP AUTH) in Exchange
//! Online"): who a login names, where AUTH is offered, who may send through a receive
//! connector (its PermissionGroups), whom an authenticated client may send as, and when
//! failed logins block a client or an account. The relay checks the password and counts
//! the failures; the decisions are here.

use super::decision::{Blame, Client, Refusal, Submitter};
use crate::state::State;
use crate::state::model::{AuthMechanism, PermissionGroup, ReceiveConnector};
use crate::state::values::SmtpAddress;

/// Failed logins from one client address, within [`WINDOW_SECS`], that block it.
pub const CLIENT_LIMIT: u32 = 5;
/// Failed logins for one account (from anywhere) that block the account: higher than the
/// client's, so one attacker is stopped by address long before the owner is locked out,
/// while many addresses guessing together still are.
pub const ACCOUNT_LIMIT: u32 = 20;
const _: () = assert!(CLIENT_LIMIT < ACCOUNT_LIMIT);
/// How far back failures count; a block ends when its failures age out.
pub const WINDOW_SECS: i64 = 15 * 60;

/// The hosted mailbox (by any of its addresses) or enabled SMTP AUTH account (by Name) a
/// login names.
pub fn login(state: &State, user: &str) -> Option<Submitter> {
    if let Ok(a) = user.parse::<SmtpAddress>()
        && let Some(m) = state.mailbox(&a.key())
    {
        return Some(Submitter::Mailbox(m.name.clone()));
    }
    state
        .smtp_auth_accounts
        .iter()
        .find(|a| a.enabled && a.name.eq_ignore_ascii_case(user))
        .map(|a| Submitter::Account(a.name.clone()))
}

/// Whether the connector offers AUTH now: only inside TLS (a password never crosses in
/// the clear), only with BasicAuth, and only where authenticated users may send.
pub fn auth_offered(rc: &ReceiveConnector, tls: bool) -> bool {
    tls && rc.has(AuthMechanism::BasicAuth) && rc.permits(PermissionGroup::ExchangeUsers)
}

/// Whether the client may send through the connector (at MAIL FROM): its
/// PermissionGroups must hold the kind of client it is.
pub fn may_send(rc: &ReceiveConnector, client: &Client) -> Result<(), (Refusal, Blame)> {
    use crate::state::model::InboundConnectorType::{OnPremises, Partner};
    let (group, kind) = match (&client.submitter, &client.connector) {
        (Some(_), _) => (PermissionGroup::ExchangeUsers, "an authenticated user"),
        (None, Some((_, OnPremises))) => {
            (PermissionGroup::ExchangeServers, "an on-premises server")
        }
        (None, Some((_, Partner))) => (PermissionGroup::Partners, "a partner's server"),
        (None, None) => (PermissionGroup::AnonymousUsers, "an anonymous client"),
    };
    // An identified server is also a client like any other where anonymous mail is taken.
    if rc.permits(group)
        || (client.submitter.is_none() && rc.permits(PermissionGroup::AnonymousUsers))
    {
        return Ok(());
    }
    Err((
        Refusal::NotAuthenticated,
        Blame::new(
            format!("ReceiveConnector \"{}\"", rc.name),
            format!("the client is {kind} and PermissionGroups has no {group}"),
        ),
    ))
}

/// Whether an authenticated client may send as `address` (the envelope sender or the
/// From address): a mailbox as its own addresses, an account as its
/// AllowedSenderAddresses. The null sender is nobody's address.
pub fn send_as(
    state: &State,
    who: &Submitter,
    address: Option<&str>,
) -> Result<Blame, (Refusal, Blame)> {
    let key = address
        .and_then(|a| a.parse::<SmtpAddress>().ok())
        .map(|a| a.key());
    let own: Vec<String> = match who {
        Submitter::Mailbox(name) => state
            .mailboxes
            .iter()
            .filter(|m| m.name == *name)
            .flat_map(|m| m.addresses().map(SmtpAddress::key))
            .collect(),
        Submitter::Account(name) => state
            .smtp_auth_accounts
            .iter()
            .filter(|a| a.name == *name)
            .flat_map(|a| a.allowed_sender_addresses.iter().map(SmtpAddress::key))
            .collect(),
    };
    let shown = address.unwrap_or("<>");
    if key.as_ref().is_some_and(|k| own.contains(k)) {
        return Ok(Blame::new(
            who.to_string(),
            format!("{shown} is one of its own addresses"),
        ));
    }
    let whose = match who {
        Submitter::Mailbox(_) => "the mailbox's addresses",
        Submitter::Account(_) => "its AllowedSenderAddresses",
    };
    Err((
        Refusal::SendAsDenied,
        Blame::new(who.to_string(), format!("{shown} is not among {whose}")),
    ))
}

/// What recent failed logins allow.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Throttle {
    /// Try the password.
    Go,
    /// Too many failures from this client address: refuse without trying (454 4.7.0).
    ClientBlocked,
    /// Too many failures for this account: refuse as a wrong password would, without
    /// trying it (535 5.7.8), so the block says nothing about the password.
    AccountBlocked,
}

/// `client` and `account`: failures within the window from the client's address and
/// for the login's account (a login naming nobody counts under its name too, so guessing
/// names costs the same).
pub fn throttle(client: u32, account: u32) -> Throttle {
    if client >= CLIENT_LIMIT {
        Throttle::ClientBlocked
    } else if account >= ACCOUNT_LIMIT {
        Throttle::AccountBlocked
    } else {
        Throttle::Go
    }
}

/// How long to wait before answering a failed login, the `n`th from its client within the
/// window: 250 ms, doubling each time up to 4 s (a guesser on one connection gets few
/// tries a minute; a typo costs a quarter of a second).
pub fn failure_delay_ms(n: u32) -> u64 {
    250u64 << n.saturating_sub(1).min(4)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn state() -> State {
        crate::state::store::parse(
            r#"apiVersion: eopctl/v3
AcceptedDomains:
  - { Name: contoso.com, DomainName: contoso.com, Default: true }
Mailboxes:
  - { Name: Ann, PrimarySmtpAddress: ann@contoso.com, EmailAddresses: [a.o@contoso.com] }
  - { Name: Bob, PrimarySmtpAddress: bob@contoso.com }
SmtpAuthAccounts:
  - { Name: scanner, AllowedSenderAddresses: [scans@contoso.com] }
  - { Name: old, Enabled: false, AllowedSenderAddresses: [old@contoso.com] }
ReceiveConnectors:
  - { Name: Submission, Bindings: ["0.0.0.0:587"], AuthMechanism: "Tls, BasicAuth, BasicAuthRequireTLS", PermissionGroups: ExchangeUsers }
  - { Name: Internet, Bindings: ["0.0.0.0:25"], PermissionGroups: [AnonymousUsers] }
"#,
            std::path::Path::new("t.yaml"),
        )
        .unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn a_login_names_a_mailbox_by_any_address_or_an_enabled_account_by_name() {
        let s = state();
        assert_eq!(
            login(&s, "A.O@contoso.com"),
            Some(Submitter::Mailbox("Ann".into()))
        );
        assert_eq!(
            login(&s, "Scanner"),
            Some(Submitter::Account("scanner".into()))
        );
        assert_eq!(login(&s, "old"), None);
        assert_eq!(login(&s, "Ann"), None, "mailboxes log in with an address");
        assert_eq!(login(&s, "eve@contoso.com"), None);
    }

    #[test]
    fn auth_is_offered_only_inside_tls_where_users_may_send() {
        let s = state();
        assert!(auth_offered(&s.receive_connectors[0], true));
        assert!(!auth_offered(&s.receive_connectors[0], false));
        assert!(!auth_offered(&s.receive_connectors[1], true));
    }

    #[test]
    fn permission_groups_decide_who_may_send() {
        let s = state();
        let anon = crate::policy::connection::identify(
            &s,
            crate::policy::Origin::Client("192.0.2.1".parse().unwrap()),
            &Default::default(),
        );
        let (refusal, blame) = may_send(&s.receive_connectors[0], &anon).unwrap_err();
        assert_eq!(refusal, Refusal::NotAuthenticated);
        assert_eq!(blame.object, "ReceiveConnector \"Submission\"");
        assert!(blame.reason.contains("no AnonymousUsers"), "{blame}");
        assert!(may_send(&s.receive_connectors[1], &anon).is_ok());
        let mut user = anon.clone();
        user.submitter = Some(Submitter::Mailbox("Ann".into()));
        assert!(may_send(&s.receive_connectors[0], &user).is_ok());
        assert!(may_send(&s.receive_connectors[1], &user).is_err());
    }

    #[test]
    fn an_authenticated_client_sends_as_its_own_addresses_only() {
        let s = state();
        let ann = Submitter::Mailbox("Ann".into());
        assert!(send_as(&s, &ann, Some("ann@contoso.com")).is_ok());
        assert!(send_as(&s, &ann, Some("A.O@Contoso.com")).is_ok());
        let (r, b) = send_as(&s, &ann, Some("bob@contoso.com")).unwrap_err();
        assert_eq!(r, Refusal::SendAsDenied);
        assert_eq!(b.object, "Mailbox \"Ann\"");
        assert!(send_as(&s, &ann, None).is_err());
        let scanner = Submitter::Account("scanner".into());
        assert!(send_as(&s, &scanner, Some("scans@contoso.com")).is_ok());
        assert!(send_as(&s, &scanner, Some("ann@contoso.com")).is_err());
    }

    #[test]
    fn failures_block_the_client_before_the_account_and_delays_grow() {
        assert_eq!(throttle(0, 0), Throttle::Go);
        assert_eq!(throttle(CLIENT_LIMIT - 1, ACCOUNT_LIMIT - 1), Throttle::Go);
        assert_eq!(throttle(CLIENT_LIMIT, 0), Throttle::ClientBlocked);
        assert_eq!(throttle(0, ACCOUNT_LIMIT), Throttle::AccountBlocked);
        let delays: Vec<u64> = (1..=7).map(failure_delay_ms).collect();
        assert_eq!(delays, [250, 500, 1000, 2000, 4000, 4000, 4000]);
    }
}
