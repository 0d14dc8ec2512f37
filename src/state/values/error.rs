//! Why a value cannot be read. Each message quotes the text and says what is expected, so
//! the command line (through clap, which names the parameter) and a hand-edited state file
//! (through serde, which gives the line) both show the fix.

/// A value that does not parse, by what is wrong with it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ValueError {
    #[error(
        "'{0}' is not an IP address (expected 192.0.2.1, 2001:db8::1, a CIDR block 192.0.2.0/24 or a range 192.0.2.1-192.0.2.50)"
    )]
    NotAnIp(String),
    #[error("'{text}': the prefix length must be a number from 0 to {max}")]
    PrefixLength { text: String, max: u8 },
    #[error("'{0}': both ends of a range must be IPv4 or both IPv6")]
    MixedFamilies(String),
    #[error("'{0}': the range starts after it ends; write the lower address first")]
    ReversedRange(String),
    #[error("a domain name cannot be empty")]
    EmptyDomain,
    #[error("'{0}' is longer than 253 characters")]
    LongDomain(String),
    #[error(
        "'{0}' is not a valid domain name: each dot-separated label is 1-63 letters, digits or hyphens, not starting or ending with a hyphen"
    )]
    BadLabel(String),
    #[error("'{0}' is an IP address, not a domain name")]
    IpNotDomain(String),
    #[error("'{0}': a wildcard is only allowed as '*' or at the start, as in '*.contoso.com'")]
    Wildcard(String),
    #[error("'{0}' is not an SMTP address: expected user@domain")]
    NoAt(String),
    #[error(
        "'{0}' is not an SMTP address: the part before @ must be letters, digits and !#$%&'*+-/=?^_`{{|}}~ separated by single dots"
    )]
    LocalPart(String),
    #[error("'{text}' is not an SMTP address: {source}")]
    AddressDomain {
        text: String,
        source: Box<ValueError>,
    },
    #[error("'{0}': the cost after ';' must be a number from 1 to 100")]
    Cost(String),
    #[error("'{0}': the port after ':' must be a number from 1 to 65535")]
    Port(String),
    #[error("'{0}': a bracketed smart host is written [host] or [host]:port")]
    Unclosed(String),
    #[error("'{0}': unexpected text after ']'")]
    AfterBracket(String),
    #[error("'{text}': '{inner}' is not an IPv6 address")]
    NotIpv6 { text: String, inner: String },
    #[error("'{text}': '{inner}' is not a host name or IP address: {source}")]
    BracketedHost {
        text: String,
        inner: String,
        source: Box<ValueError>,
    },
    #[error(
        "'{text}' is not a smart host (an FQDN or IP address, optionally with :port): {source}"
    )]
    SmartHost {
        text: String,
        source: Box<ValueError>,
    },
    #[error(
        "'{0}' is not a binding: expected address:port, such as 0.0.0.0:25, 127.0.0.1:2525 or [::1]:2525"
    )]
    Binding(String),
    #[error(
        "'{0}' is not a size: expected a number with an optional unit (B, KB, MB, GB, TB), such as 25MB, or 'unlimited'"
    )]
    Size(String),
    #[error(
        "'{0}' is not a time span: expected hh:mm:ss or d.hh:mm:ss, such as 00:01:00 for one minute"
    )]
    TimeSpan(String),
    #[error(
        "'{0}' is not a time: write a number with a unit s, m, h or d, such as 30s, 5m, 2h or 2d"
    )]
    Duration(String),
    #[error("'{0}' is not a date: use 2026-12-01, 2026-12-01 08:00 or 2026-12-01T08:00:00Z (UTC)")]
    Date(String),
    /// `reason` is the regex engine's message.
    #[error("'{text}' is not a valid pattern (a regular expression): {reason}")]
    Pattern { text: String, reason: String },
    /// One of a fixed set of words: `what` names the kind of value, `choices` lists them.
    #[error("'{text}' is not {what}: use {choices}")]
    Choice {
        text: String,
        what: &'static str,
        choices: &'static str,
    },
}
