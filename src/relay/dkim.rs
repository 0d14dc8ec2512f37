//! DKIM signing of the organisation's outbound mail with mail-auth: the keys of the
//! enabled DkimSigningConfigs' active selectors, loaded once per snapshot, and the
//! signature over a message whose headers are final. Whether to sign, and with which
//! selector, is `policy::dkim`'s call.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use mail_auth::common::crypto::{Ed25519Key, RsaKey, Sha256, SigningKey};
use mail_auth::common::headers::HeaderWriter;
use mail_auth::dkim::{Canonicalization, DkimSigner, Done};
use rustls_pki_types::PrivateKeyDer;
use rustls_pki_types::pem::PemObject;

use crate::state::State;
use crate::state::model::{DkimKeyType, Selector};

/// The header fields signed when present: those a receiver shows or relies on, so none
/// can be changed or added in transit without breaking the signature.
pub const SIGNED_HEADERS: [&str; 13] = [
    "From",
    "Sender",
    "Reply-To",
    "To",
    "Cc",
    "Subject",
    "Date",
    "Message-ID",
    "In-Reply-To",
    "References",
    "MIME-Version",
    "Content-Type",
    "Content-Transfer-Encoding",
];

enum Built {
    Rsa(DkimSigner<RsaKey<Sha256>, Done>),
    Ed25519(DkimSigner<Ed25519Key, Done>),
}

/// A domain's signing key, as its active selector (relaxed/relaxed, SIGNED_HEADERS).
pub struct Signer {
    pub selector: Selector,
    signer: Built,
}

fn built<T: SigningKey>(key: T, domain: &str, selector: Selector) -> DkimSigner<T, Done> {
    DkimSigner::from_key(key)
        .domain(domain)
        .selector(selector.as_str())
        .headers(SIGNED_HEADERS)
        .header_canonicalization(Canonicalization::Relaxed)
        .body_canonicalization(Canonicalization::Relaxed)
}

/// Why a DkimSigningConfig's active key cannot sign.
#[derive(Debug, thiserror::Error)]
#[error(
    "DkimSigningConfig \"{domain}\": the {} key {} cannot be used: {problem}",
    .selector.as_str(),
    .path.display()
)]
pub struct KeyError {
    pub domain: String,
    pub selector: Selector,
    pub path: PathBuf,
    #[source]
    pub problem: KeyProblem,
}

/// What is wrong with a DKIM key file.
#[derive(Debug, thiserror::Error)]
pub enum KeyProblem {
    #[error("{0}")]
    Unreadable(#[from] rustls_pki_types::pem::Error),
    #[error("{0}")]
    Rejected(#[from] mail_auth::Error),
    #[error("not a PKCS#8 Ed25519 key")]
    NotPkcs8,
}

impl KeyError {
    /// The fix: a new key, which the cmdlet writes where the state says.
    pub fn fix(&self) -> String {
        format!(
            "make a new one with `eopctl Rotate-DkimSigningKey -Identity {}`",
            self.domain
        )
    }
}

/// The signers of the enabled configs, by domain. A key file that cannot be read makes
/// the state unservable, as a missing certificate does.
pub fn load(state: &State, data_dir: &Path) -> Result<HashMap<String, Signer>, KeyError> {
    let mut out = HashMap::new();
    for c in state.dkim_signing_configs.iter().filter(|c| c.enabled) {
        let Some(k) = c.active_key() else { continue };
        let path = data_dir.join(&k.key_path);
        let failed = |problem: KeyProblem| KeyError {
            domain: c.domain.to_string(),
            selector: c.active_selector,
            path: path.clone(),
            problem,
        };
        let (domain, selector) = (c.domain.as_str(), c.active_selector);
        let der = PrivateKeyDer::from_pem_file(&path).map_err(|e| failed(e.into()))?;
        let signer = match (k.key_type, der) {
            (DkimKeyType::Rsa, der) => Built::Rsa(built(
                RsaKey::<Sha256>::from_key_der(der).map_err(|e| failed(e.into()))?,
                domain,
                selector,
            )),
            (DkimKeyType::Ed25519, PrivateKeyDer::Pkcs8(der)) => Built::Ed25519(built(
                Ed25519Key::from_pkcs8_der(der.secret_pkcs8_der()).map_err(|e| failed(e.into()))?,
                domain,
                selector,
            )),
            (DkimKeyType::Ed25519, _) => return Err(failed(KeyProblem::NotPkcs8)),
        };
        out.insert(domain.to_string(), Signer { selector, signer });
    }
    Ok(out)
}

impl Signer {
    /// The DKIM-Signature field for `message`, to prepend.
    pub fn sign(&self, message: &[u8]) -> Result<String, mail_auth::Error> {
        let signature = match &self.signer {
            Built::Rsa(s) => s.sign(message),
            Built::Ed25519(s) => s.sign(message),
        };
        signature.map(|s| s.to_header())
    }
}
