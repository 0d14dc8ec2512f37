use serde::{Deserialize, Serialize};

use crate::state::values::SmtpAddress;

/// A mailbox hosted by the service: mail for it is delivered to a Maildir under the data
/// directory, spam to its Junk folder.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct Mailbox {
    pub name: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub display_name: String,
    pub primary_smtp_address: SmtpAddress,
    /// Further addresses (proxy addresses) that deliver to this mailbox.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub email_addresses: Vec<SmtpAddress>,
}

impl Mailbox {
    pub fn addresses(&self) -> impl Iterator<Item = &SmtpAddress> {
        std::iter::once(&self.primary_smtp_address).chain(&self.email_addresses)
    }

    pub fn problems(&self) -> Vec<String> {
        Vec::new()
    }
}
