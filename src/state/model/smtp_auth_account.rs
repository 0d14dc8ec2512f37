use serde::{Deserialize, Serialize};

use super::yes;
use crate::state::values::SmtpAddress;

/// An application or device that submits mail with SMTP AUTH (a scanner, a line-of-business
/// application) without a mailbox of its own. Exchange Online gives such senders a
/// mailbox or a High Volume Email account; eopctl gives them this, scoped to the sender
/// addresses they may use. Its password is kept under the data directory, never here.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct SmtpAuthAccount {
    /// The user name the application logs in with.
    pub name: String,
    #[serde(default = "yes")]
    pub enabled: bool,
    /// The envelope and From addresses it may send as.
    pub allowed_sender_addresses: Vec<SmtpAddress>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub comment: String,
}

impl SmtpAuthAccount {
    pub fn problems(&self) -> Vec<String> {
        let mut out = Vec::new();
        if self.allowed_sender_addresses.is_empty() {
            out.push("AllowedSenderAddresses is empty, so the account could send as nobody: give the addresses it sends as".into());
        }
        if self.name.contains(char::is_whitespace) || self.name.is_empty() {
            out.push(
                "Name is the user name the application logs in with: give one without spaces"
                    .into(),
            );
        }
        out
    }
}
