//! New-ExchangeCertificate -GenerateRequest and its completion: a PKCS#10 request for a
//! CA to sign, whose private key waits under `<data-dir>/certificates/requests/`, named by
//! the hash of its public key, until Import-ExchangeCertificate brings the certificate
//! issued for it. The key never leaves the data directory.

use super::*;

fn requests(data: &Path) -> PathBuf {
    data.join("certificates").join("requests")
}

/// Where the key of a request with this public key (SubjectPublicKeyInfo, DER) waits.
fn key_file(data: &Path, spki: &[u8]) -> PathBuf {
    let hash: String = Sha1::digest(spki)
        .iter()
        .map(|b| format!("{b:02X}"))
        .collect();
    requests(data).join(format!("{hash}.key"))
}

pub(super) fn generate(ctx: &Context, a: NewParams) -> Result<Output> {
    let subject = subject(&a);
    let dn = distinguished_name(&subject)?;
    let names = names(&a, &dn)?;
    let failed = |e: rcgen::Error| {
        Error::failed(format!(
            "New-ExchangeCertificate -GenerateRequest -SubjectName \"{subject}\": the request could not be made: {e}"
        ))
    };
    let mut params = rcgen::CertificateParams::new(names).map_err(failed)?;
    params.distinguished_name = dn;
    let key = rcgen::KeyPair::generate().map_err(failed)?;
    let csr = params.serialize_request(&key).map_err(failed)?;
    let request = csr.pem().map_err(failed)?;
    let data = ctx.store.data_dir();
    let key_path = key_file(data, &rcgen::PublicKeyData::subject_public_key_info(&key));
    if a.change.what_if {
        return Ok(Output::Text(format!(
            "What if: a certificate request for \"{subject}\" would be made, its key kept in {}",
            key_path.display()
        )));
    }
    let dir = requests(data);
    std::fs::create_dir_all(&dir).map_err(|e| Error::io("create", &dir, e))?;
    write_file(&key_path, &key.serialize_pem(), 0o600)?;
    match &a.request_file {
        Some(file) => {
            write_file(file, &request, 0o644)?;
            eprintln!(
                "The request for \"{subject}\" is in {}: have a CA sign it, then import the certificate with `eopctl Import-ExchangeCertificate -FileName <certificate.pem>`.",
                file.display()
            );
            Ok(Output::Nothing)
        }
        None => Ok(Output::Text(request.trim_end().to_string())),
    }
}

/// The key a request left for the certificate `leaf`, if any.
pub(super) struct Pending {
    path: PathBuf,
    pub pem: String,
}

impl Pending {
    /// The certificate is imported with the key: the waiting copy goes.
    pub(super) fn done(self) {
        let _ = std::fs::remove_file(self.path);
    }
}

pub(super) fn pending_key(data: &Path, leaf: &CertificateDer<'_>) -> Result<Option<Pending>> {
    let Ok((_, x)) = x509_parser::parse_x509_certificate(leaf.as_ref()) else {
        return Ok(None);
    };
    let path = key_file(data, x.public_key().raw);
    match std::fs::read_to_string(&path) {
        Ok(pem) => Ok(Some(Pending { path, pem })),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(Error::io("read", &path, e)),
    }
}
