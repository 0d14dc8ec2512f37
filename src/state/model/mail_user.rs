use serde::{Deserialize, Serialize};

use crate::state::values::SmtpAddress;

/// A recipient whose mailbox lives on premises ("Protect on-premises mailboxes", step 2): the service knows the
/// address, so Directory Based Edge Blocking lets it through, and routes it on premises.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct MailUser {
    pub name: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub display_name: String,
    pub primary_smtp_address: SmtpAddress,
    /// Where the mailbox really is; mail is delivered to this address.
    pub external_email_address: SmtpAddress,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub email_addresses: Vec<SmtpAddress>,
}

impl MailUser {
    pub fn addresses(&self) -> impl Iterator<Item = &SmtpAddress> {
        std::iter::once(&self.primary_smtp_address).chain(&self.email_addresses)
    }

    pub fn problems(&self) -> Vec<String> {
        Vec::new()
    }
}
