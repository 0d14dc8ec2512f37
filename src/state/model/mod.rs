//! The typed objects of the state file, one file per kind, named as Exchange names them.
//!
//! Field names serialize as the Exchange parameter names (PascalCase). Each kind checks its
//! own invariants in `problems()`; rules that span objects live in `state::validate`.

mod accepted_domain;
mod certificate;
mod connection_filter;
pub mod content_filter;
mod directory_sync;
mod dkim_signing;
mod filter_rule;
mod inbound_connector;
mod mail_user;
mod mailbox;
mod malware_filter;
mod organization;
mod outbound_connector;
pub mod outbound_spam;
pub mod quarantine_policy;
mod receive_connector;
mod send_connector;
mod smtp_auth_account;
mod transport_rule;

pub use accepted_domain::{AcceptedDomain, DomainType};
pub use certificate::{Certificate, EXPIRY_WARNING_DAYS};

pub use connection_filter::{HostedConnectionFilterPolicy, ZoneAction};
pub use content_filter::{
    FilterPolicy, HostedContentFilterPolicy, SpamFilteringAction, SpamFilteringOption, SpamScanner,
};
pub use directory_sync::{DEFAULT_FILTER, DirectorySyncProfile, default_address_attributes};
pub use dkim_signing::{
    DkimKey, DkimKeyType, DkimSigningConfig, ED25519_KEY_SIZE, RSA_KEY_SIZES, Selector,
};
pub use filter_rule::{
    AddressFilter, FilterRule, HostedContentFilterRule, HostedOutboundSpamFilterRule,
    MalwareFilterRule, RuleState,
};
pub use inbound_connector::{InboundConnector, InboundConnectorType};
pub use mail_user::MailUser;
pub use mailbox::Mailbox;
pub use malware_filter::{DEFAULT_FILE_TYPES, MalwareAction, MalwareFilterPolicy};
pub use organization::{MxRecordPointsTo, OrganizationConfig};
pub use outbound_connector::{OutboundConnector, OutboundConnectorType, TlsSettings};
pub use outbound_spam::{AutoForwardingMode, HostedOutboundSpamFilterPolicy, ThresholdAction};
pub use quarantine_policy::{GlobalQuarantinePolicy, Permission, QuarantinePolicy};
pub use receive_connector::{AuthMechanism, PermissionGroup, ReceiveConnector};
pub use send_connector::{AddressSpace, SendConnector, TlsAuthLevel};
pub use smtp_auth_account::SmtpAuthAccount;
pub use transport_rule::{
    Actions, DEFAULT_REJECT_CODE, DEFAULT_REJECT_TEXT, Pattern, Predicates, RuleDate, RuleMode,
    Scope, TransportRule, valid_reject_code,
};

pub(crate) fn yes() -> bool {
    true
}
