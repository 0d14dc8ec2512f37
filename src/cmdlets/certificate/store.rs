//! How a certificate is kept: its PEM files under the data directory (the key 0600) and
//! the state object that points at them, written so that a failed change leaves no file.

use super::*;

/// PEM armour for DER bytes.
pub(super) fn pem(label: &str, der: &[u8]) -> String {
    const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut b = String::new();
    for chunk in der.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &x)| n | (u32::from(x) << (16 - 8 * i)));
        for i in 0..4 {
            if i <= chunk.len() {
                b.push(B64[((n >> (18 - 6 * i)) & 63) as usize] as char);
            } else {
                b.push('=');
            }
        }
    }
    let mut out = format!("-----BEGIN {label}-----\n");
    for line in b.as_bytes().chunks(64) {
        out.push_str(std::str::from_utf8(line).unwrap_or_default());
        out.push('\n');
    }
    out.push_str(&format!("-----END {label}-----\n"));
    out
}

/// The state object for a DER certificate (paths filled in by `add`).
pub(super) fn describe(der: &[u8], what: &str) -> Result<Certificate> {
    let (_, x) = x509_parser::parse_x509_certificate(der).map_err(|e| {
        Error::usage(format!("{what}: not an X.509 certificate: {e}"))
            .help("give the certificate in PEM (-----BEGIN CERTIFICATE-----)")
    })?;
    let thumbprint: String = Sha1::digest(der)
        .iter()
        .map(|b| format!("{b:02X}"))
        .collect();
    let time = |t: i64| DateTime::<Utc>::from_timestamp(t, 0).unwrap_or_default();
    let mut domain_names = Vec::new();
    if let Ok(Some(san)) = x.subject_alternative_name() {
        for n in &san.value.general_names {
            if let x509_parser::extensions::GeneralName::DNSName(d) = n
                && let Ok(p) = d.parse()
            {
                domain_names.push(p);
            }
        }
    }
    Ok(Certificate {
        thumbprint,
        subject: x.subject().to_string(),
        issuer: x.issuer().to_string(),
        domain_names,
        not_before: time(x.validity().not_before.timestamp()),
        not_after: time(x.validity().not_after.timestamp()),
        certificate_path: PathBuf::new(),
        key_path: None,
        trusted: false,
    })
}

pub(super) fn already(thumbprint: &str) -> Error {
    Error::conflict(format!(
        "ExchangeCertificate {thumbprint} is already imported"
    ))
    .help(format!(
        "it is in the state already; see it with `eopctl Get-ExchangeCertificate -Identity {thumbprint}`"
    ))
}

/// Writes the files (the key 0600) and then adds the certificate to the state; the files
/// are removed again if the state is not changed.
pub(super) fn add(
    ctx: &Context,
    change: &ChangeArgs,
    mut cert: Certificate,
    cert_pem: &str,
    key_pem: Option<&str>,
) -> Result<Output> {
    let state = ctx.store.load()?;
    if state
        .certificates
        .iter()
        .any(|c| c.thumbprint.eq_ignore_ascii_case(&cert.thumbprint))
    {
        return Err(already(&cert.thumbprint));
    }
    let (abs_cert, abs_key) = if change.what_if {
        let rel = relative_paths(&cert);
        cert.certificate_path = rel.0;
        cert.key_path = key_pem.map(|_| rel.1);
        (PathBuf::new(), PathBuf::new())
    } else {
        write_pair(ctx.store.data_dir(), &mut cert, cert_pem, key_pem)?
    };
    let thumbprint = cert.thumbprint.clone();
    let result = ctx
        .store
        .update(&ctx.command_line, change.what_if, |state| {
            if state
                .certificates
                .iter()
                .any(|c| c.thumbprint.eq_ignore_ascii_case(&thumbprint))
            {
                return Err(already(&thumbprint));
            }
            state.certificates.push(cert.clone());
            Ok(cert.clone())
        });
    let updated = match result {
        Ok(u) => u,
        Err(e) => {
            if !change.what_if {
                let _ = std::fs::remove_file(&abs_key);
                let _ = std::fs::remove_file(&abs_cert);
            }
            return Err(e);
        }
    };
    if change.what_if {
        return Ok(crate::cmdlets::what_if(&ctx.cmdlet, updated.changes));
    }
    Ok(Output::Objects {
        rows: rows(&[updated.value]),
        columns: VIEW.columns,
    })
}

/// Where a certificate's files live, relative to the data directory.
pub(super) fn relative_paths(cert: &Certificate) -> (PathBuf, PathBuf) {
    let dir = PathBuf::from("certificates");
    (
        dir.join(format!("{}.pem", cert.thumbprint)),
        dir.join(format!("{}.key", cert.thumbprint)),
    )
}

/// Writes a certificate (and its key, 0600) under the data directory and records their
/// relative paths in `cert`; returns the absolute paths, to remove them if the state is not
/// changed after all.
pub(super) fn write_pair(
    data: &Path,
    cert: &mut Certificate,
    cert_pem: &str,
    key_pem: Option<&str>,
) -> Result<(PathBuf, PathBuf)> {
    let (rel_cert, rel_key) = relative_paths(cert);
    let (abs_cert, abs_key) = (data.join(&rel_cert), data.join(&rel_key));
    let dir = data.join("certificates");
    std::fs::create_dir_all(&dir).map_err(|e| Error::io("create", &dir, e))?;
    if let Some(key_pem) = key_pem {
        write_file(&abs_key, key_pem, 0o600)?;
    }
    if let Err(e) = write_file(&abs_cert, cert_pem, 0o644) {
        let _ = std::fs::remove_file(&abs_key);
        return Err(e);
    }
    cert.certificate_path = rel_cert;
    cert.key_path = key_pem.map(|_| rel_key);
    Ok((abs_cert, abs_key))
}

pub(crate) fn write_file(path: &Path, text: &str, mode: u32) -> Result<()> {
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .mode(mode)
        .open(path)
        .map_err(|e| Error::io("write", path, e))?;
    // The mode applies only to a new file: set it on one left from an earlier attempt.
    use std::os::unix::fs::PermissionsExt;
    f.set_permissions(std::fs::Permissions::from_mode(mode))
        .map_err(|e| Error::io("write", path, e))?;
    f.write_all(text.as_bytes())
        .and_then(|_| f.sync_all())
        .map_err(|e| Error::io("write", path, e))
}
