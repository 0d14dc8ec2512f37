use std::path::PathBuf;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::state::values::Fqdn;

/// DKIM signing for one accepted domain, as `Get-DkimSigningConfig` shows it. As in EOP
/// there are two selectors: one signs (ActiveSelector); rotation gives the other a new key
/// and makes it the signing one, so the old selector's record keeps verifying mail signed
/// before. The private keys are PEM files under the data directory (KeyPath); the state
/// holds only their public halves.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct DkimSigningConfig {
    /// The accepted domain whose mail (RFC 5322 From) is signed; also the identity.
    pub domain: Fqdn,
    #[serde(default = "super::yes")]
    pub enabled: bool,
    /// The selector that signs.
    pub active_selector: Selector,
    /// The key of `selector1`; there is always one once the config exists.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub selector1: Option<DkimKey>,
    /// The key of `selector2`; none until the first rotation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub selector2: Option<DkimKey>,
}

/// The two selectors EOP uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Selector {
    #[serde(rename = "selector1")]
    Selector1,
    #[serde(rename = "selector2")]
    Selector2,
}

impl Selector {
    pub fn as_str(self) -> &'static str {
        match self {
            Selector::Selector1 => "selector1",
            Selector::Selector2 => "selector2",
        }
    }

    pub fn other(self) -> Selector {
        match self {
            Selector::Selector1 => Selector::Selector2,
            Selector::Selector2 => Selector::Selector1,
        }
    }
}

/// DKIM key algorithms (RFC 6376 rsa-sha256, RFC 8463 ed25519-sha256).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, clap::ValueEnum)]
#[value(rename_all = "lowercase")]
#[serde(rename_all = "lowercase")]
pub enum DkimKeyType {
    #[default]
    Rsa,
    Ed25519,
}

/// RSA key sizes EOP offers; 1024 is still what many receivers expect of a TXT record
/// that fits one string, 2048 is EOP's default.
pub const RSA_KEY_SIZES: [u32; 2] = [1024, 2048];
/// The key size of an Ed25519 key, in bits.
pub const ED25519_KEY_SIZE: u32 = 256;

/// One selector's key pair.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct DkimKey {
    pub key_type: DkimKeyType,
    pub key_size: u32,
    /// The public key as the record's p= carries it, in base64: the SubjectPublicKeyInfo
    /// of an RSA key, the 32 raw bytes of an Ed25519 key (RFC 8463).
    pub public_key: String,
    /// The private key in PEM (PKCS#8), relative to the data directory or absolute.
    pub key_path: PathBuf,
    pub key_creation_time: DateTime<Utc>,
}

impl DkimKey {
    /// The TXT record to publish at `<selector>._domainkey.<domain>`.
    pub fn record(&self) -> String {
        let k = match self.key_type {
            DkimKeyType::Rsa => "rsa",
            DkimKeyType::Ed25519 => "ed25519",
        };
        format!("v=DKIM1; k={k}; p={}", self.public_key)
    }
}

impl DkimSigningConfig {
    pub fn key(&self, selector: Selector) -> Option<&DkimKey> {
        match selector {
            Selector::Selector1 => self.selector1.as_ref(),
            Selector::Selector2 => self.selector2.as_ref(),
        }
    }

    pub fn key_mut(&mut self, selector: Selector) -> &mut Option<DkimKey> {
        match selector {
            Selector::Selector1 => &mut self.selector1,
            Selector::Selector2 => &mut self.selector2,
        }
    }

    /// The name of a selector's record: `selector1._domainkey.contoso.com`.
    pub fn record_name(&self, selector: Selector) -> String {
        format!("{}._domainkey.{}", selector.as_str(), self.domain)
    }

    /// The signing key.
    pub fn active_key(&self) -> Option<&DkimKey> {
        self.key(self.active_selector)
    }

    /// Gives the inactive selector `key` and makes it the signing one; returns the key it
    /// replaced (whose file is no longer named).
    pub fn rotate(&mut self, key: DkimKey) -> Option<DkimKey> {
        let next = self.active_selector.other();
        let old = self.key_mut(next).replace(key);
        self.active_selector = next;
        old
    }

    pub fn problems(&self) -> Vec<String> {
        let mut out = Vec::new();
        if self.active_key().is_none() {
            out.push(format!(
                "ActiveSelector is {} but it has no key: make one with `eopctl Rotate-DkimSigningKey -Identity {}`",
                self.active_selector.as_str(),
                self.domain
            ));
        }
        for s in [Selector::Selector1, Selector::Selector2] {
            let Some(k) = self.key(s) else { continue };
            let size_ok = match k.key_type {
                DkimKeyType::Rsa => RSA_KEY_SIZES.contains(&k.key_size),
                DkimKeyType::Ed25519 => k.key_size == ED25519_KEY_SIZE,
            };
            if !size_ok {
                out.push(format!(
                    "{} KeySize {} does not fit KeyType {:?}: RSA keys are 1024 or 2048 bits, Ed25519 keys 256; make a new key with `eopctl Rotate-DkimSigningKey -Identity {}`",
                    s.as_str(),
                    k.key_size,
                    k.key_type,
                    self.domain
                ));
            }
            if k.public_key.is_empty()
                || !k
                    .public_key
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b"+/=".contains(&b))
            {
                out.push(format!(
                    "{} PublicKey is not base64: make a new key with `eopctl Rotate-DkimSigningKey -Identity {}`",
                    s.as_str(),
                    self.domain
                ));
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(p: &str) -> DkimKey {
        DkimKey {
            key_type: DkimKeyType::Ed25519,
            key_size: ED25519_KEY_SIZE,
            public_key: p.into(),
            key_path: PathBuf::from(format!("dkim/{p}.key")),
            key_creation_time: DateTime::UNIX_EPOCH,
        }
    }

    fn config() -> DkimSigningConfig {
        DkimSigningConfig {
            domain: "contoso.com".parse().unwrap(),
            enabled: true,
            active_selector: Selector::Selector1,
            selector1: Some(key("AAAA")),
            selector2: None,
        }
    }

    #[test]
    fn rotation_alternates_selectors_and_keeps_the_previous_key() {
        let mut c = config();
        assert_eq!(c.rotate(key("BBBB")), None);
        assert_eq!(c.active_selector, Selector::Selector2);
        assert_eq!(c.active_key().unwrap().public_key, "BBBB");
        // The old selector still has its key: its record keeps verifying mail in flight.
        assert_eq!(c.key(Selector::Selector1).unwrap().public_key, "AAAA");
        let replaced = c.rotate(key("CCCC")).unwrap();
        assert_eq!(replaced.public_key, "AAAA");
        assert_eq!(c.active_selector, Selector::Selector1);
        assert_eq!(c.key(Selector::Selector2).unwrap().public_key, "BBBB");
        assert!(c.problems().is_empty(), "{:?}", c.problems());
    }

    #[test]
    fn records_name_the_selector_and_carry_the_key_type() {
        let c = config();
        assert_eq!(
            c.record_name(Selector::Selector2),
            "selector2._domainkey.contoso.com"
        );
        assert_eq!(
            c.active_key().unwrap().record(),
            "v=DKIM1; k=ed25519; p=AAAA"
        );
    }

    #[test]
    fn problems_name_the_selector_and_the_fix() {
        let mut c = config();
        c.active_selector = Selector::Selector2;
        let mut bad = key("not base64!");
        bad.key_type = DkimKeyType::Rsa;
        c.selector1 = Some(bad);
        let p = c.problems();
        assert_eq!(p.len(), 3, "{p:?}");
        assert!(p[0].contains("selector2 but it has no key"));
        assert!(p[1].contains("KeySize 256"));
        assert!(p[2].contains("PublicKey is not base64"));
        assert!(p.iter().all(|m| m.contains("Rotate-DkimSigningKey")));
    }
}
