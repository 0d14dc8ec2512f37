//! SASL for SMTP AUTH (RFC 4954) without I/O: the PLAIN mechanism (RFC 4616) and LOGIN
//! (draft-murchison-sasl-login, what Outlook, printers and scanners speak). The session
//! reads the client's lines; these functions say what they carry.
//!
//! Strict on purpose: a response must be canonical base64, UTF-8, without NUL in a name
//! or password, and PLAIN's authorization identity, when given, must be the user itself
//! (acting for someone else is what "send as" refusals exist to prevent).

use base64::Engine;
use base64::engine::general_purpose::STANDARD;

/// The mechanisms offered, in the order EHLO lists them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mechanism {
    Plain,
    Login,
}

impl Mechanism {
    pub const OFFERED: &str = "AUTH PLAIN LOGIN";

    pub fn parse(name: &str) -> Option<Mechanism> {
        if name.eq_ignore_ascii_case("PLAIN") {
            Some(Mechanism::Plain)
        } else if name.eq_ignore_ascii_case("LOGIN") {
            Some(Mechanism::Login)
        } else {
            None
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Mechanism::Plain => "PLAIN",
            Mechanism::Login => "LOGIN",
        }
    }
}

/// A user name and a password, as the client sent them.
#[derive(Clone, PartialEq, Eq)]
pub struct Credentials {
    pub user: String,
    pub password: String,
}

/// Never prints the password.
impl std::fmt::Debug for Credentials {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Credentials")
            .field("user", &self.user)
            .finish_non_exhaustive()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum SaslError {
    /// The client sent `*` (RFC 4954 §4).
    #[error("cancelled by the client")]
    Cancelled,
    #[error("not base64")]
    Base64,
    #[error("not UTF-8, or a NUL or control character")]
    Text,
    #[error("not authzid NUL authcid NUL password")]
    Malformed,
    /// PLAIN named another identity to act for.
    #[error("the authorization identity is not the user")]
    ActingForOther,
}

fn base64(response: &str) -> Result<Vec<u8>, SaslError> {
    let r = response.trim_end();
    if r == "*" {
        return Err(SaslError::Cancelled);
    }
    // RFC 4954 §4: "=" is an empty initial response.
    if r == "=" {
        return Ok(Vec::new());
    }
    STANDARD.decode(r).map_err(|_| SaslError::Base64)
}

fn text(bytes: Vec<u8>) -> Result<String, SaslError> {
    let s = String::from_utf8(bytes).map_err(|_| SaslError::Text)?;
    if s.chars().any(char::is_control) {
        return Err(SaslError::Text);
    }
    Ok(s)
}

/// A PLAIN response: base64 of `[authzid] NUL authcid NUL passwd`.
pub fn plain(response: &str) -> Result<Credentials, SaslError> {
    let bytes = base64(response)?;
    let mut parts = bytes.split(|b| *b == 0);
    let (Some(authz), Some(user), Some(password), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(SaslError::Malformed);
    };
    let (authz, user, password) = (
        text(authz.to_vec())?,
        text(user.to_vec())?,
        text(password.to_vec())?,
    );
    if user.is_empty() || password.is_empty() {
        return Err(SaslError::Malformed);
    }
    if !authz.is_empty() && authz != user {
        return Err(SaslError::ActingForOther);
    }
    Ok(Credentials { user, password })
}

/// One LOGIN response (the user name, then the password): base64 of the text.
pub fn login_field(response: &str) -> Result<String, SaslError> {
    let s = text(base64(response)?)?;
    if s.is_empty() {
        return Err(SaslError::Malformed);
    }
    Ok(s)
}

/// The PLAIN response a client would send (tests and the fuzz target's round trip).
pub fn encode_plain(user: &str, password: &str) -> String {
    STANDARD.encode(format!("\0{user}\0{password}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_takes_user_and_password_with_or_without_the_same_authzid() {
        let c = plain(&encode_plain("ann@contoso.com", "pa ss")).unwrap();
        assert_eq!(
            (c.user.as_str(), c.password.as_str()),
            ("ann@contoso.com", "pa ss")
        );
        let same = STANDARD.encode("ann\0ann\0pw");
        assert_eq!(plain(&same).unwrap().user, "ann");
        let other = STANDARD.encode("bob\0ann\0pw");
        assert_eq!(plain(&other), Err(SaslError::ActingForOther));
        assert!(
            !format!("{c:?}").contains("pa ss"),
            "Debug hides the password"
        );
    }

    #[test]
    fn plain_refuses_what_is_not_exactly_three_fields() {
        for bad in ["\0ann", "\0ann\0pw\0x", "\0\0pw", "\0ann\0", "ann"] {
            assert_eq!(
                plain(&STANDARD.encode(bad)),
                Err(SaslError::Malformed),
                "{bad:?}"
            );
        }
        assert_eq!(plain("*"), Err(SaslError::Cancelled));
        assert_eq!(plain("not base64!"), Err(SaslError::Base64));
        assert_eq!(plain("="), Err(SaslError::Malformed));
        assert_eq!(
            plain(&STANDARD.encode(b"\0ann\0p\xffw")),
            Err(SaslError::Text)
        );
        assert_eq!(plain(&STANDARD.encode("\0a\nb\0pw")), Err(SaslError::Text));
    }

    #[test]
    fn login_fields_are_base64_text() {
        assert_eq!(login_field("YW5u").unwrap(), "ann");
        assert_eq!(login_field("*"), Err(SaslError::Cancelled));
        assert_eq!(login_field("="), Err(SaslError::Malformed));
        assert_eq!(login_field("AA=="), Err(SaslError::Text));
        assert_eq!(Mechanism::parse("login"), Some(Mechanism::Login));
        assert_eq!(Mechanism::parse("CRAM-MD5"), None);
    }
}
