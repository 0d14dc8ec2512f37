//! Envelope addresses as the relay accepts them (RFC 5321 §4.1.2 `Mailbox`), minus every
//! form that has been used to open relays: source routes (`@a,@b:user@c`), percent hacks
//! (`user%other@ours`), bang paths (`other!user@ours`), quoted local parts (which can hide
//! an `@`), and address literals (`user@[192.0.2.1]`), whose "domain" is whatever host the
//! attacker names. Refusing them outright is simpler than proving each rewrite safe.
//!
//! Pure: no I/O. The SMTP parser hands over the text between `<` and `>`.

use std::fmt;

/// A parsed envelope address: the local part as sent, the domain lower-cased.
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct Address {
    pub local: String,
    pub domain: String,
}

impl Address {
    /// The lookup key: recipients compare case-insensitively, as Exchange does.
    pub fn key(&self) -> String {
        format!("{}@{}", self.local.to_lowercase(), self.domain)
    }
}

impl fmt::Display for Address {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}@{}", self.local, self.domain)
    }
}

/// Why an address was refused; the relay turns each into a reply, the log names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub enum AddressError {
    Syntax,
    TooLong,
    SourceRoute,
    PercentHack,
    BangPath,
    QuotedLocalPart,
    AddressLiteral,
}

impl fmt::Display for AddressError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            AddressError::Syntax => "not a valid address",
            AddressError::TooLong => "address too long (RFC 5321 §4.5.3.1)",
            AddressError::SourceRoute => "source routes are not accepted",
            AddressError::PercentHack => "'%' in the local part (percent hack) is not accepted",
            AddressError::BangPath => "'!' in the local part (bang path) is not accepted",
            AddressError::QuotedLocalPart => "quoted local parts are not accepted",
            AddressError::AddressLiteral => "address literals ([IP]) are not accepted as a domain",
        })
    }
}

/// Whether `b` may appear in a dot-atom (RFC 5322 atext, plus UTF-8 for SMTPUTF8).
fn atext(c: char) -> bool {
    c.is_ascii_alphanumeric() || "!#$%&'*+-/=?^_`{|}~".contains(c) || !c.is_ascii()
}

/// Parses a recipient. `%` and `!` are refused: they have no business in a recipient we
/// route, and some downstream MTAs still honour them as routing.
pub fn parse_recipient(text: &str) -> Result<Address, AddressError> {
    parse(text, true)
}

/// Parses a sender (reverse path, not null). Senders do not steer routing, so `%` and `!`
/// are tolerated; every other rule holds.
pub fn parse_sender(text: &str) -> Result<Address, AddressError> {
    parse(text, false)
}

fn parse(text: &str, strict: bool) -> Result<Address, AddressError> {
    if text.len() > 254 {
        return Err(AddressError::TooLong);
    }
    if text.starts_with('@') {
        return Err(AddressError::SourceRoute);
    }
    if text.starts_with('"') {
        return Err(AddressError::QuotedLocalPart);
    }
    if text.contains(['"', '\\']) {
        return Err(AddressError::QuotedLocalPart);
    }
    let (local, domain) = text.rsplit_once('@').ok_or(AddressError::Syntax)?;
    if local.contains('@') || local.contains(':') || local.contains(',') {
        return Err(AddressError::SourceRoute);
    }
    if strict && local.contains('%') {
        return Err(AddressError::PercentHack);
    }
    if strict && local.contains('!') {
        return Err(AddressError::BangPath);
    }
    if local.is_empty()
        || local
            .split('.')
            .any(|atom| atom.is_empty() || !atom.chars().all(atext))
    {
        return Err(AddressError::Syntax);
    }
    if local.len() > 64 {
        return Err(AddressError::TooLong);
    }
    if domain.starts_with('[') {
        return Err(AddressError::AddressLiteral);
    }
    let domain = domain.strip_suffix('.').unwrap_or(domain).to_lowercase();
    if domain.is_empty() || domain.len() > 253 {
        return Err(AddressError::Syntax);
    }
    for label in domain.split('.') {
        let ok = !label.is_empty()
            && label.len() <= 63
            && label
                .chars()
                .all(|c| c.is_alphanumeric() || c == '-' || c == '_')
            && !label.starts_with('-')
            && !label.ends_with('-');
        if !ok {
            return Err(AddressError::Syntax);
        }
    }
    // A dotted quad without brackets is an address literal in disguise.
    if domain.parse::<std::net::Ipv4Addr>().is_ok()
        || domain
            .split('.')
            .all(|l| l.chars().all(|c| c.is_ascii_digit()))
    {
        return Err(AddressError::AddressLiteral);
    }
    Ok(Address {
        local: local.to_string(),
        domain,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_addresses_parse() {
        let a = parse_recipient("John.Doe+tag@Contoso.COM").unwrap();
        assert_eq!(a.local, "John.Doe+tag");
        assert_eq!(a.domain, "contoso.com");
        assert_eq!(a.key(), "john.doe+tag@contoso.com");
        assert_eq!(
            parse_recipient("a@contoso.com.").unwrap().domain,
            "contoso.com"
        );
        assert_eq!(
            parse_recipient("jörg@bücher.example").unwrap().domain,
            "bücher.example"
        );
    }

    #[test]
    fn relay_tricks_are_refused() {
        let cases = [
            ("user%evil.example@contoso.com", AddressError::PercentHack),
            ("evil.example!user@contoso.com", AddressError::BangPath),
            ("@contoso.com:user@evil.example", AddressError::SourceRoute),
            (
                "@a.example,@contoso.com:user@evil.example",
                AddressError::SourceRoute,
            ),
            (
                "\"user@evil.example\"@contoso.com",
                AddressError::QuotedLocalPart,
            ),
            ("\"user\"@contoso.com", AddressError::QuotedLocalPart),
            (
                "user\\@evil.example@contoso.com",
                AddressError::QuotedLocalPart,
            ),
            ("user@evil.example@contoso.com", AddressError::SourceRoute),
            ("user@[192.0.2.1]", AddressError::AddressLiteral),
            ("user@[IPv6:2001:db8::1]", AddressError::AddressLiteral),
            ("user@192.0.2.1", AddressError::AddressLiteral),
            ("user@127.1", AddressError::AddressLiteral),
        ];
        for (text, want) in cases {
            assert_eq!(parse_recipient(text), Err(want), "{text}");
        }
    }

    #[test]
    fn malformed_addresses_are_refused() {
        for text in [
            "",
            "user",
            "@",
            "user@",
            "a..b@x.com",
            ".a@x.com",
            "a.@x.com",
            "a b@x.com",
            "a@x..com",
            "a@-x.com",
            "a@x_.com y",
            "a<b@x.com",
        ] {
            assert!(parse_recipient(text).is_err(), "{text}");
        }
        assert_eq!(
            parse_recipient(&format!("{}@x.com", "a".repeat(65))),
            Err(AddressError::TooLong)
        );
        assert_eq!(
            parse_recipient(&format!("a@{}.com", "b".repeat(260))),
            Err(AddressError::TooLong)
        );
    }

    #[test]
    fn senders_may_carry_percent_and_bang() {
        assert!(parse_sender("list%bounce@lists.example").is_ok());
        assert!(parse_sender("a!b@x.example").is_ok());
        assert_eq!(
            parse_sender("@a:b@c.example"),
            Err(AddressError::SourceRoute)
        );
    }
}
