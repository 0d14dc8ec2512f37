//! TLS material compiled from the state: the server configuration each receive connector
//! offers on STARTTLS (which asks for, but does not require, a client certificate), the
//! trusted roots (the system bundle given by `serve --ca-file` plus the certificates the
//! state marks Trusted), the check of a client's certificate against them, and the
//! certificates the relay can present as a client to the next hop.
//!
//! The handshake takes any client certificate whose key the client proves it holds; the
//! chain is checked afterwards, so an untrusted, expired or unknown certificate leaves the
//! client unidentified (an anonymous sender over TLS) instead of breaking the handshake.
//! Only verified names reach the policy.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use rustls_pki_types::pem::{self, PemObject};
use rustls_pki_types::{CertificateDer, PrivateKeyDer, ServerName, UnixTime};
use tokio_rustls::TlsAcceptor;
use tokio_rustls::rustls;
use tokio_rustls::rustls::client::danger::{HandshakeSignatureValid, ServerCertVerifier};
use tokio_rustls::rustls::server::danger::{ClientCertVerified, ClientCertVerifier};
use tokio_rustls::rustls::sign::CertifiedKey;

use crate::state::model::Certificate;

pub fn provider() -> Arc<rustls::crypto::CryptoProvider> {
    Arc::new(rustls::crypto::ring::default_provider())
}

/// Why a certificate of the state cannot be presented: the files it names cannot be read
/// or do not hold what they should.
#[derive(Debug, thiserror::Error)]
pub enum MaterialError {
    #[error("certificate {thumbprint} has no KeyPath")]
    NoKeyPath { thumbprint: String },
    #[error("{}: {source}", path.display())]
    Unreadable {
        path: PathBuf,
        #[source]
        source: pem::Error,
    },
    #[error("{}: no certificate in the file", path.display())]
    NoCertificate { path: PathBuf },
    #[error("no private key in {}: {source}", path.display())]
    NoKey {
        path: PathBuf,
        #[source]
        source: pem::Error,
    },
    /// The key does not match the certificate, or rustls cannot use them.
    #[error("{0}")]
    Rejected(#[from] rustls::Error),
}

fn chain(path: &Path) -> Result<Vec<CertificateDer<'static>>, MaterialError> {
    let unreadable = |source| MaterialError::Unreadable {
        path: path.to_path_buf(),
        source,
    };
    let certs: Vec<CertificateDer<'static>> = CertificateDer::pem_file_iter(path)
        .map_err(unreadable)?
        .collect::<Result<_, _>>()
        .map_err(unreadable)?;
    if certs.is_empty() {
        return Err(MaterialError::NoCertificate {
            path: path.to_path_buf(),
        });
    }
    Ok(certs)
}

/// A certificate of the state with its private key, ready to present (as a server on
/// STARTTLS, or as a client to a next hop).
pub fn certified_key(
    cert: &Certificate,
    data_dir: &Path,
) -> Result<Arc<CertifiedKey>, MaterialError> {
    let key_path = cert
        .key_path
        .as_ref()
        .ok_or_else(|| MaterialError::NoKeyPath {
            thumbprint: cert.thumbprint.clone(),
        })?;
    let certs = chain(&data_dir.join(&cert.certificate_path))?;
    let key_path = data_dir.join(key_path);
    let key = PrivateKeyDer::from_pem_file(&key_path).map_err(|source| MaterialError::NoKey {
        path: key_path,
        source,
    })?;
    Ok(Arc::new(CertifiedKey::from_der(certs, key, &provider())?))
}

/// The roots client and next-hop certificates are checked against: the PEM bundle
/// `ca_file` (the system's) and the state's Trusted certificates.
pub fn roots(
    ca_file: &Path,
    certificates: &[Certificate],
    data_dir: &Path,
) -> rustls::RootCertStore {
    let mut store = rustls::RootCertStore::empty();
    match CertificateDer::pem_file_iter(ca_file) {
        Ok(certs) => {
            let (added, _) = store.add_parsable_certificates(certs.flatten());
            tracing::debug!(roots = %ca_file.display(), added, "system roots");
        }
        Err(e) => {
            tracing::warn!(roots = %ca_file.display(), error = %e, "system roots unreadable: only Trusted certificates are roots")
        }
    }
    for c in certificates.iter().filter(|c| c.trusted) {
        match chain(&data_dir.join(&c.certificate_path)) {
            Ok(certs) => {
                let (added, _) = store.add_parsable_certificates(certs.into_iter().take(1));
                if added == 0 {
                    tracing::warn!(thumbprint = %c.thumbprint, "Trusted certificate cannot be a root");
                }
            }
            Err(e) => {
                tracing::warn!(thumbprint = %c.thumbprint, error = %e, "Trusted certificate unreadable")
            }
        }
    }
    store
}

/// The STARTTLS server configuration for a certificate: TLS 1.2 and 1.3 only, a client
/// certificate asked for and never required.
pub fn acceptor(key: Arc<CertifiedKey>) -> Result<TlsAcceptor, rustls::Error> {
    let provider = provider();
    let config = rustls::ServerConfig::builder_with_provider(provider.clone())
        .with_safe_default_protocol_versions()?
        .with_client_cert_verifier(Arc::new(RequestClientCert(Signatures(provider))))
        .with_cert_resolver(Arc::new(Present(key)));
    Ok(TlsAcceptor::from(Arc::new(config)))
}

/// Presents one certificate: as the server on STARTTLS, or as the client to a next hop.
#[derive(Debug)]
pub struct Present(pub Arc<CertifiedKey>);

impl rustls::server::ResolvesServerCert for Present {
    fn resolve(&self, _: rustls::server::ClientHello<'_>) -> Option<Arc<CertifiedKey>> {
        Some(self.0.clone())
    }
}

impl rustls::client::ResolvesClientCert for Present {
    fn resolve(&self, _: &[&[u8]], _: &[rustls::SignatureScheme]) -> Option<Arc<CertifiedKey>> {
        Some(self.0.clone())
    }
    fn has_certs(&self) -> bool {
        true
    }
}

/// Asks for a client certificate, takes any (the chain is checked after the handshake by
/// `PeerCheck`), and checks the client's signature, so the client holds the certificate's key.
#[derive(Debug)]
struct RequestClientCert(Signatures);

impl ClientCertVerifier for RequestClientCert {
    fn client_auth_mandatory(&self) -> bool {
        false
    }
    fn root_hint_subjects(&self) -> &[rustls::DistinguishedName] {
        &[]
    }
    fn verify_client_cert(
        &self,
        _: &CertificateDer<'_>,
        _: &[CertificateDer<'_>],
        _: UnixTime,
    ) -> Result<ClientCertVerified, rustls::Error> {
        Ok(ClientCertVerified::assertion())
    }
    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &rustls::DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        self.0.tls12(message, cert, dss)
    }
    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &rustls::DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        self.0.tls13(message, cert, dss)
    }
    fn supported_verify_schemes(&self) -> Vec<rustls::SignatureScheme> {
        self.0.schemes()
    }
}

/// Handshake signatures checked with the provider's algorithms: whatever is decided about
/// a certificate, the peer must hold its key.
#[derive(Debug, Clone)]
pub struct Signatures(pub Arc<rustls::crypto::CryptoProvider>);

impl Signatures {
    pub fn tls12(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &rustls::DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        let algorithms = &self.0.signature_verification_algorithms;
        rustls::crypto::verify_tls12_signature(message, cert, dss, algorithms)
    }
    pub fn tls13(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &rustls::DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        let algorithms = &self.0.signature_verification_algorithms;
        rustls::crypto::verify_tls13_signature(message, cert, dss, algorithms)
    }
    pub fn schemes(&self) -> Vec<rustls::SignatureScheme> {
        self.0.signature_verification_algorithms.supported_schemes()
    }
}

/// Checks a client's certificate chain against the trusted roots.
pub struct PeerCheck {
    client: Option<Arc<dyn ClientCertVerifier>>,
    server: Option<Arc<rustls::client::WebPkiServerVerifier>>,
}

impl PeerCheck {
    pub fn new(roots: Arc<rustls::RootCertStore>) -> PeerCheck {
        let provider = provider();
        PeerCheck {
            client: rustls::server::WebPkiClientVerifier::builder_with_provider(
                roots.clone(),
                provider.clone(),
            )
            .build()
            .ok(),
            server: rustls::client::WebPkiServerVerifier::builder_with_provider(roots, provider)
                .build()
                .ok(),
        }
    }

    /// The certificate's names (subject CN, DNS SANs) when its chain leads to a trusted
    /// root and it is valid now, for client authentication or, as servers' certificates
    /// presented by mail servers often are, for server authentication; else why not.
    pub fn verify(&self, certs: &[CertificateDer<'_>]) -> Result<Vec<String>, Untrusted> {
        let (end, intermediates) = certs.split_first().ok_or(Untrusted::NoCertificate)?;
        let now = UnixTime::now();
        let (Some(client), Some(server)) = (&self.client, &self.server) else {
            return Err(Untrusted::NoRoots);
        };
        let as_client = client.verify_client_cert(end, intermediates, now);
        if let Err(e) = as_client {
            let any_name = ServerName::try_from("certificate.invalid").expect("a name");
            match server.verify_server_cert(end, intermediates, &any_name, &[], now) {
                Ok(_)
                | Err(rustls::Error::InvalidCertificate(
                    rustls::CertificateError::NotValidForName
                    | rustls::CertificateError::NotValidForNameContext { .. },
                )) => {}
                Err(_) => return Err(Untrusted::Chain(e)),
            }
        }
        Ok(names(end))
    }
}

/// Why a peer's certificate proves nothing.
#[derive(Debug, thiserror::Error)]
pub enum Untrusted {
    #[error("no certificate")]
    NoCertificate,
    #[error("no trusted roots")]
    NoRoots,
    #[error("{0}")]
    Chain(rustls::Error),
}

/// A certificate's subject CN and DNS SANs.
pub fn names(cert: &CertificateDer<'_>) -> Vec<String> {
    let Ok((_, x)) = x509_parser::parse_x509_certificate(cert.as_ref()) else {
        return Vec::new();
    };
    let mut out: Vec<String> = x
        .subject()
        .iter_common_name()
        .filter_map(|cn| cn.as_str().ok().map(str::to_string))
        .collect();
    if let Ok(Some(san)) = x.subject_alternative_name() {
        for n in &san.value.general_names {
            if let x509_parser::extensions::GeneralName::DNSName(d) = n
                && !out.iter().any(|o| o.eq_ignore_ascii_case(d))
            {
                out.push(d.to_string());
            }
        }
    }
    out
}
