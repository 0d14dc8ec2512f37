//! The signed links of quarantine notifications: a token binds a quarantined message, one
//! of its recipients, one action and an expiry, and carries an HMAC-SHA256 over them with
//! a random key kept under the data directory (`quarantine-link.key`, made at first use,
//! readable by its owner only). Nothing in it can be guessed or changed without the key:
//! a token is the recipient's proof, so the web pages need no login.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use hmac::{Hmac, Mac};
use sha2::Sha256;

/// What a link lets its recipient do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LinkAction {
    Preview,
    Release,
    RequestRelease,
    BlockSender,
    Delete,
}

impl LinkAction {
    pub const ALL: [LinkAction; 5] = [
        LinkAction::Preview,
        LinkAction::Release,
        LinkAction::RequestRelease,
        LinkAction::BlockSender,
        LinkAction::Delete,
    ];

    /// Its path segment (`/quarantine/release`).
    pub fn slug(self) -> &'static str {
        match self {
            LinkAction::Preview => "preview",
            LinkAction::Release => "release",
            LinkAction::RequestRelease => "request-release",
            LinkAction::BlockSender => "block-sender",
            LinkAction::Delete => "delete",
        }
    }

    pub fn from_slug(slug: &str) -> Option<LinkAction> {
        LinkAction::ALL.into_iter().find(|a| a.slug() == slug)
    }

    /// The permission of the quarantine policy it needs.
    pub fn permission(self) -> crate::state::model::Permission {
        use crate::state::model::Permission;
        match self {
            LinkAction::Preview => Permission::Preview,
            LinkAction::Release => Permission::Release,
            LinkAction::RequestRelease => Permission::RequestRelease,
            LinkAction::BlockSender => Permission::BlockSender,
            LinkAction::Delete => Permission::Delete,
        }
    }
}

/// What a valid token says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Claim {
    pub message: String,
    pub recipient: String,
    pub action: LinkAction,
    /// Seconds since the epoch.
    pub expires: i64,
}

/// Why a token is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum TokenError {
    #[error("the link is damaged or was changed")]
    Tampered,
    #[error("the link has expired")]
    Expired,
}

/// The signing key.
#[derive(Clone)]
pub struct Key([u8; 32]);

pub fn key_path(data_dir: &Path) -> PathBuf {
    data_dir.join("quarantine-link.key")
}

impl Key {
    /// The data directory's key, made (32 random bytes, mode 0600) if there is none.
    pub fn load_or_create(data_dir: &Path) -> io::Result<Key> {
        let path = key_path(data_dir);
        match std::fs::read(&path) {
            Ok(bytes) if bytes.len() == 32 => {
                let mut k = [0u8; 32];
                k.copy_from_slice(&bytes);
                return Ok(Key(k));
            }
            Ok(_) => {
                return Err(io::Error::new(
                    io::ErrorKind::InvalidData,
                    format!("{} is not a 32-byte key", path.display()),
                ));
            }
            Err(e) if e.kind() != io::ErrorKind::NotFound => return Err(e),
            Err(_) => {}
        }
        let mut k = [0u8; 32];
        getrandom::getrandom(&mut k).map_err(io::Error::other)?;
        std::fs::create_dir_all(data_dir)?;
        use std::os::unix::fs::OpenOptionsExt;
        // create_new: two relays starting at once keep the first key.
        match std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(0o600)
            .open(&path)
        {
            Ok(mut f) => {
                f.write_all(&k)?;
                f.sync_all()?;
                Ok(Key(k))
            }
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Key::load_or_create(data_dir),
            Err(e) => Err(e),
        }
    }

    fn mac(&self, payload: &[u8]) -> Hmac<Sha256> {
        let mut m = Hmac::<Sha256>::new_from_slice(&self.0).expect("HMAC takes any key length");
        m.update(payload);
        m
    }

    /// `<payload>.<mac>`, both base64url: the payload is
    /// `v1\n<message>\n<recipient>\n<action>\n<expires>`.
    pub fn sign(&self, c: &Claim) -> String {
        let payload = format!(
            "v1\n{}\n{}\n{}\n{}",
            c.message,
            c.recipient.to_ascii_lowercase(),
            c.action.slug(),
            c.expires
        );
        let tag = self.mac(payload.as_bytes()).finalize().into_bytes();
        format!(
            "{}.{}",
            URL_SAFE_NO_PAD.encode(payload),
            URL_SAFE_NO_PAD.encode(tag)
        )
    }

    /// The claim of a token this key signed, if it has not expired at `now`.
    pub fn verify(&self, token: &str, now: i64) -> Result<Claim, TokenError> {
        let (payload, tag) = token.trim().split_once('.').ok_or(TokenError::Tampered)?;
        let payload = URL_SAFE_NO_PAD
            .decode(payload)
            .map_err(|_| TokenError::Tampered)?;
        let tag = URL_SAFE_NO_PAD
            .decode(tag)
            .map_err(|_| TokenError::Tampered)?;
        // Constant time: a forger learns nothing from how long a refusal takes.
        self.mac(&payload)
            .verify_slice(&tag)
            .map_err(|_| TokenError::Tampered)?;
        let text = String::from_utf8(payload).map_err(|_| TokenError::Tampered)?;
        let parts: Vec<&str> = text.split('\n').collect();
        let [version, message, recipient, action, expires] = parts[..] else {
            return Err(TokenError::Tampered);
        };
        let claim = Claim {
            message: message.to_string(),
            recipient: recipient.to_string(),
            action: LinkAction::from_slug(action).ok_or(TokenError::Tampered)?,
            expires: expires.parse().map_err(|_| TokenError::Tampered)?,
        };
        if version != "v1" {
            return Err(TokenError::Tampered);
        }
        if claim.expires <= now {
            return Err(TokenError::Expired);
        }
        Ok(claim)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_bind_everything_and_expire() {
        let d = tempfile::tempdir().unwrap();
        let key = Key::load_or_create(d.path()).unwrap();
        let again = Key::load_or_create(d.path()).unwrap();
        assert_eq!(key.0, again.0);
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(key_path(d.path()))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600);
        let claim = Claim {
            message: "ABC".into(),
            recipient: "bob@contoso.com".into(),
            action: LinkAction::Release,
            expires: 1000,
        };
        let t = key.sign(&claim);
        assert_eq!(key.verify(&t, 999), Ok(claim.clone()));
        assert_eq!(key.verify(&t, 1000), Err(TokenError::Expired));
        // Another recipient in the payload, the old MAC: refused.
        let (_, tag) = t.split_once('.').unwrap();
        let forged = format!(
            "{}.{tag}",
            URL_SAFE_NO_PAD.encode("v1\nABC\nann@contoso.com\nrelease\n1000")
        );
        assert_eq!(key.verify(&forged, 0), Err(TokenError::Tampered));
        assert_eq!(key.verify("nonsense", 0), Err(TokenError::Tampered));
        let other = Key([7; 32]);
        assert_eq!(other.verify(&t, 0), Err(TokenError::Tampered));
    }
}
