//! A private CA made with rcgen, and the certificates it issues, for TLS tests.

use std::os::unix::fs::PermissionsExt;
use std::path::PathBuf;

/// What kind of certificate to make.
#[derive(Clone, Copy)]
pub enum Kind {
    /// Issued by the test CA, valid now.
    Valid,
    /// Issued by the test CA, expired in 2021.
    Expired,
    /// Self-signed: nobody trusts it.
    SelfSigned,
}

/// A private CA (`ca.pem`) and the certificates it issues, in a temp directory.
pub struct Pki {
    pub dir: tempfile::TempDir,
    pub ca: rcgen::CertifiedIssuer<'static, rcgen::KeyPair>,
}

impl Pki {
    pub fn new() -> Pki {
        let dir = tempfile::tempdir().unwrap();
        // Postfix's daemons (user postfix) read the certificates too.
        std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
        let mut p = rcgen::CertificateParams::new(Vec::<String>::new()).unwrap();
        p.distinguished_name
            .push(rcgen::DnType::CommonName, "Test Root CA");
        p.is_ca = rcgen::IsCa::Ca(rcgen::BasicConstraints::Unconstrained);
        p.key_usages = vec![
            rcgen::KeyUsagePurpose::KeyCertSign,
            rcgen::KeyUsagePurpose::CrlSign,
            rcgen::KeyUsagePurpose::DigitalSignature,
        ];
        let ca =
            rcgen::CertifiedIssuer::self_signed(p, rcgen::KeyPair::generate().unwrap()).unwrap();
        let pki = Pki { dir, ca };
        std::fs::write(pki.path("ca.pem"), pki.ca.pem()).unwrap();
        pki
    }

    pub fn path(&self, file: &str) -> PathBuf {
        self.dir.path().join(file)
    }

    /// Writes `stem.pem` and `stem.key`: a certificate for `name` (CN and SAN), good for
    /// server and client authentication.
    pub fn issue(&self, stem: &str, name: &str, kind: Kind) {
        let mut p = rcgen::CertificateParams::new(vec![name.to_string()]).unwrap();
        p.distinguished_name.push(rcgen::DnType::CommonName, name);
        p.extended_key_usages = vec![
            rcgen::ExtendedKeyUsagePurpose::ServerAuth,
            rcgen::ExtendedKeyUsagePurpose::ClientAuth,
        ];
        p.not_before = rcgen::date_time_ymd(2020, 1, 1);
        p.not_after = match kind {
            Kind::Expired => rcgen::date_time_ymd(2021, 1, 1),
            _ => rcgen::date_time_ymd(2099, 1, 1),
        };
        let key = rcgen::KeyPair::generate().unwrap();
        let cert = match kind {
            Kind::SelfSigned => p.self_signed(&key).unwrap(),
            _ => p.signed_by(&key, &self.ca).unwrap(),
        };
        std::fs::write(self.path(&format!("{stem}.pem")), cert.pem()).unwrap();
        std::fs::write(self.path(&format!("{stem}.key")), key.serialize_pem()).unwrap();
    }

    /// A state's Certificates entry for `stem` (with its key), or the CA (Trusted).
    pub fn entry(&self, n: u8, stem: &str, name: &str) -> String {
        format!(
            "  - {{ Thumbprint: {n:040X}, Subject: CN={name}, Issuer: CN=Test Root CA, DomainNames: [{name}], NotBefore: 2020-01-01T00:00:00Z, NotAfter: 2099-01-01T00:00:00Z, CertificatePath: {}, KeyPath: {} }}\n",
            self.path(&format!("{stem}.pem")).display(),
            self.path(&format!("{stem}.key")).display()
        )
    }

    pub fn trusted_ca(&self) -> String {
        format!(
            "  - {{ Thumbprint: {:040X}, Subject: CN=Test Root CA, Issuer: CN=Test Root CA, NotBefore: 2020-01-01T00:00:00Z, NotAfter: 2099-01-01T00:00:00Z, CertificatePath: {}, Trusted: true }}\n",
            0xCAu8,
            self.path("ca.pem").display()
        )
    }
}
