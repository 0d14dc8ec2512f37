//! Import-ExchangeCertificate: a certificate and its key from files or -FileData, the key
//! checked to be the certificate's (or found among the waiting requests' keys).

use super::*;

pub(super) fn read(path: &Path, what: &str, flag: &str) -> Result<Vec<u8>> {
    std::fs::read(path).map_err(|e| {
        Error::new(
            Kind::Io,
            format!(
                "{flag} {}: the {what} could not be read: {e}",
                path.display()
            ),
        )
        .help(format!("give the path of a readable PEM file with {flag}"))
    })
}

pub(super) fn import(ctx: &Context, a: ImportParams) -> Result<Output> {
    let trusted = a.trusted.unwrap_or(false);
    let (what, cert_bytes) = match (&a.path, &a.file_data) {
        (Some(p), _) => (
            format!("-Path {}", p.display()),
            read(p, "certificate", "-Path")?,
        ),
        (None, Some(d)) => ("-FileData".to_string(), file_data(d)?),
        (None, None) => {
            return Err(Error::usage("Import-ExchangeCertificate: no certificate given")
                .help("give its file with -FileName (or -Path), or the certificate itself with -FileData"));
        }
    };
    let chain: Vec<CertificateDer<'static>> = CertificateDer::pem_slice_iter(&cert_bytes)
        .collect::<std::result::Result<_, _>>()
        .map_err(|e| {
            Error::usage(format!("{what}: not a PEM certificate: {e}")).help(
                "give the certificate in PEM (-----BEGIN CERTIFICATE-----), followed by its chain",
            )
        })?;
    let Some(leaf) = chain.first() else {
        return Err(Error::usage(format!("{what}: no certificate in it")).help(
            "give the certificate in PEM (-----BEGIN CERTIFICATE-----), followed by its chain",
        ));
    };
    let mut parsed = describe(leaf.as_ref(), &what)?;
    parsed.trusted = trusted;
    // A certificate issued for a request of New-ExchangeCertificate -GenerateRequest
    // finds its key where the request left it.
    let pending = match &a.key_path {
        None => request::pending_key(ctx.store.data_dir(), leaf)?,
        Some(_) => None,
    };
    let key_pem = match (&a.key_path, &pending) {
        (Some(key_path), _) => Some(matching_key(key_path, leaf, &what, &parsed)?),
        (None, Some(p)) => Some(p.pem.clone()),
        (None, None) if trusted => None,
        (None, None) => {
            return Err(Error::usage(format!(
                "{what}: no -KeyPath, no request of New-ExchangeCertificate -GenerateRequest made its key, and -Trusted is not $true: the certificate could be neither presented nor trusted"
            ))
            .help("give the private key with -KeyPath to present the certificate, or -Trusted $true to trust a CA certificate"));
        }
    };
    let mut cert_pem = String::new();
    for c in &chain {
        cert_pem.push_str(&pem("CERTIFICATE", c.as_ref()));
    }
    let out = add(ctx, &a.change, parsed, &cert_pem, key_pem.as_deref())?;
    if let (Some(p), false) = (pending, a.change.what_if) {
        p.done();
    }
    Ok(out)
}

/// -FileData: PEM text as it is, or a DER certificate in base64 made PEM.
pub(super) fn file_data(data: &str) -> Result<Vec<u8>> {
    if data.contains("-----BEGIN") {
        return Ok(data.as_bytes().to_vec());
    }
    use base64::Engine;
    let compact: String = data.split_whitespace().collect();
    let der = base64::engine::general_purpose::STANDARD
        .decode(compact)
        .map_err(|e| {
            Error::usage(format!("-FileData: neither PEM nor base64: {e}"))
                .help("give the certificate's PEM text, or its DER bytes in base64")
        })?;
    Ok(pem("CERTIFICATE", &der).into_bytes())
}

/// The private key in `key_path`, checked to be the key of `leaf`.
pub(super) fn matching_key(
    key_path: &Path,
    leaf: &CertificateDer<'_>,
    what: &str,
    parsed: &Certificate,
) -> Result<String> {
    let key_bytes = read(key_path, "private key", "-KeyPath")?;
    let key = PrivateKeyDer::from_pem_slice(&key_bytes).map_err(|e| {
        Error::usage(format!(
            "-KeyPath {}: not a PEM private key: {e}",
            key_path.display()
        ))
        .help("give the certificate's private key in PEM (PKCS#8, PKCS#1 or SEC1), unencrypted")
    })?;
    let signer =
        tokio_rustls::rustls::crypto::ring::sign::any_supported_type(&key).map_err(|e| {
            Error::usage(format!(
                "-KeyPath {}: the key cannot be used: {e}",
                key_path.display()
            ))
            .help("give an RSA, ECDSA (P-256/P-384) or Ed25519 private key")
        })?;
    let (_, x509) = x509_parser::parse_x509_certificate(leaf.as_ref())
        .map_err(|e| Error::failed(format!("{what}: {e}")))?;
    let matches = signer
        .public_key()
        .is_some_and(|spki| spki.as_ref() == x509.public_key().raw);
    if !matches {
        return Err(Error::usage(format!(
            "-KeyPath {}: the key does not match the certificate of {what} ({})",
            key_path.display(),
            parsed.subject
        ))
        .help("give the private key the certificate was issued for"));
    }
    Ok(String::from_utf8_lossy(&key_bytes).into_owned())
}
