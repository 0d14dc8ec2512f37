//! A finding: what a check (Test-Configuration, Test-DnsRecords, Validate-*Connector, the
//! SPF and DMARC record checks) says about one object: how bad it is, which object and
//! parameter, what goes wrong and the fix. One type, so every check reads alike and
//! `output::findings` shows them all one way. The lowest layer: it imports nothing of
//! the crate, so policy, dns and the cmdlets can all make findings.

use std::fmt;

use serde::Serialize;

/// How bad a finding is; the order is the order findings are shown in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum Severity {
    /// Mail is lost, refused or looping, anyone may relay, or a check failed.
    Error,
    /// Works, but not the way the admin probably meant.
    Warning,
    /// A check that passed (Test-DnsRecords, Validate-*Connector show those too).
    Pass,
    /// A check that could not run because an earlier one failed.
    Skipped,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self, f)
    }
}

/// One finding: the object and parameter, what goes wrong, and the fix.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct Finding {
    pub severity: Severity,
    /// The object checked: `InboundConnector "From partner"`, `MX`, a host.
    pub object: String,
    /// The parameter, record term or step at fault (empty when the object as a whole is).
    pub parameter: String,
    pub message: String,
    /// What to change (empty for a pass).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub fix: String,
}

impl Finding {
    pub fn new(
        severity: Severity,
        object: impl Into<String>,
        parameter: impl Into<String>,
        message: impl Into<String>,
    ) -> Finding {
        Finding {
            severity,
            object: object.into(),
            parameter: parameter.into(),
            message: message.into(),
            fix: String::new(),
        }
    }

    pub fn fix(mut self, fix: impl Into<String>) -> Finding {
        self.fix = fix.into();
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// `InboundConnector "x" SenderIPAddresses: message`: the form logs and warnings use.
impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.parameter.is_empty() {
            true => write!(f, "{}: {}", self.object, self.message),
            false => write!(f, "{} {}: {}", self.object, self.parameter, self.message),
        }
    }
}
