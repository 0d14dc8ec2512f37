//! Get/New/Import/Remove-ExchangeCertificate: the files, their modes, the references from
//! connectors, and the expiry warning.

use std::os::unix::fs::PermissionsExt;
use std::process::Command;

use crate::support::Org;

fn new_cert(org: &Org, extra: &[&str]) -> String {
    let mut args = vec![
        "New-ExchangeCertificate",
        "-SubjectName",
        "CN=mail.contoso.com",
        "-DomainName",
        "mail.contoso.com,contoso.com",
        "-o",
        "json",
    ];
    args.extend_from_slice(extra);
    let out = org.run(&args).ok().json();
    out[0]["Thumbprint"].as_str().unwrap().to_string()
}

#[test]
fn new_then_get_keeps_the_key_private() {
    let org = Org::with_domains();
    let thumb = new_cert(&org, &[]);
    assert_eq!(thumb.len(), 40);
    assert!(thumb.bytes().all(|b| b.is_ascii_hexdigit()), "{thumb}");
    let key = org
        .path()
        .join("eop.data/certificates")
        .join(format!("{thumb}.key"));
    let mode = std::fs::metadata(&key).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o600, "key mode {mode:o}");
    assert!(
        std::fs::read_to_string(&key)
            .unwrap()
            .contains("PRIVATE KEY")
    );

    let got = org.run(&["Get-ExchangeCertificate", "-o", "json"]).ok();
    assert!(!got.stdout.contains("PRIVATE KEY"), "{}", got.stdout);
    assert!(
        got.stderr.is_empty(),
        "no warning for a new certificate: {}",
        got.stderr
    );
    let c = &got.json()[0];
    assert_eq!(c["Thumbprint"], thumb.as_str());
    assert_eq!(c["Subject"], "CN=mail.contoso.com");
    assert_eq!(c["DomainNames"][1], "contoso.com");
    assert!(!org.state_text().contains("PRIVATE KEY"));
}

#[test]
fn remove_is_refused_while_a_connector_uses_it() {
    let org = Org::with_domains();
    let thumb = new_cert(&org, &[]);
    org.run(&[
        "New-ReceiveConnector",
        "-Name",
        "Internet",
        "-Bindings",
        "0.0.0.0:25",
    ])
    .ok();
    org.run(&[
        "Set-ReceiveConnector",
        "-Identity",
        "Internet",
        "-TlsCertificateName",
        "mail.contoso.com",
    ])
    .ok();
    let c = &org
        .run(&["Get-ExchangeCertificate", "-o", "json"])
        .ok()
        .json()[0];
    assert_eq!(c["UsedBy"][0], "ReceiveConnector \"Internet\"");
    org.run(&["Remove-ExchangeCertificate", "-Identity", &thumb, "-y"])
        .fails(6)
        .stderr_has("is used by ReceiveConnector \"Internet\"");
    org.run(&[
        "Set-ReceiveConnector",
        "-Identity",
        "Internet",
        "-TlsCertificateName",
        "$null",
    ])
    .ok();
    org.run(&["Remove-ExchangeCertificate", "-Identity", &thumb, "-y"])
        .ok();
    assert!(
        org.run(&["Get-ExchangeCertificate", "-o", "json"])
            .ok()
            .json()
            .as_array()
            .unwrap()
            .is_empty()
    );
    let dir = org.path().join("eop.data/certificates");
    assert!(!dir.join(format!("{thumb}.key")).exists());
    assert!(!dir.join(format!("{thumb}.pem")).exists());
}

#[test]
fn an_expiring_certificate_is_warned_about() {
    let org = Org::new();
    let thumb = new_cert(&org, &["-ValidDays", "10"]);
    org.run(&["Get-ExchangeCertificate"])
        .ok()
        .stderr_has(&format!(
            "warning: ExchangeCertificate {thumb} (CN=mail.contoso.com) expires on"
        ))
        .stderr_has("eopctl New-ExchangeCertificate");
}

/// Runs openssl; `None` when it is missing (a failure when CI is set).
fn openssl(org: &Org, args: &[&str]) -> Option<()> {
    match Command::new("openssl")
        .args(args)
        .current_dir(org.path())
        .output()
    {
        Ok(o) => {
            assert!(
                o.status.success(),
                "openssl {args:?}: {}",
                String::from_utf8_lossy(&o.stderr)
            );
            Some(())
        }
        Err(e) => {
            assert!(
                std::env::var_os("CI").is_none(),
                "openssl is needed on CI: {e}"
            );
            eprintln!("skipped: openssl not found ({e})");
            None
        }
    }
}

fn make_pair(org: &Org, name: &str, cn: &str) -> Option<()> {
    openssl(
        org,
        &[
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "90",
            "-subj",
            &format!("/CN={cn}"),
            "-addext",
            &format!("subjectAltName=DNS:{cn}"),
            "-keyout",
            &format!("{name}.key"),
            "-out",
            &format!("{name}.pem"),
        ],
    )
}

#[test]
fn import_of_an_openssl_certificate() {
    let org = Org::new();
    if make_pair(&org, "a", "relay.contoso.com").is_none() {
        return;
    }
    let c = &org
        .run(&[
            "Import-ExchangeCertificate",
            "-Path",
            "a.pem",
            "-KeyPath",
            "a.key",
            "-o",
            "json",
        ])
        .ok()
        .json()[0];
    assert_eq!(c["Subject"], "CN=relay.contoso.com");
    assert_eq!(c["DomainNames"][0], "relay.contoso.com");
    let thumb = c["Thumbprint"].as_str().unwrap();
    let key = org
        .path()
        .join(format!("eop.data/certificates/{thumb}.key"));
    assert_eq!(
        std::fs::metadata(&key).unwrap().permissions().mode() & 0o777,
        0o600
    );
    // The stored certificate is the PEM openssl wrote, byte for byte.
    let stored = org
        .path()
        .join(format!("eop.data/certificates/{thumb}.pem"));
    assert_eq!(
        std::fs::read_to_string(stored).unwrap(),
        std::fs::read_to_string(org.path().join("a.pem")).unwrap()
    );
    // The thumbprint is openssl's SHA-1 fingerprint.
    let fp = Command::new("openssl")
        .args(["x509", "-in", "a.pem", "-noout", "-fingerprint", "-sha1"])
        .current_dir(org.path())
        .output()
        .unwrap();
    let fp = String::from_utf8_lossy(&fp.stdout).replace(':', "");
    assert!(fp.contains(thumb), "{fp} vs {thumb}");
    org.run(&[
        "Import-ExchangeCertificate",
        "-Path",
        "a.pem",
        "-KeyPath",
        "a.key",
    ])
    .fails(6)
    .stderr_has("is already imported");
}

#[test]
fn import_refuses_a_key_that_does_not_match_or_a_missing_file() {
    let org = Org::new();
    if make_pair(&org, "a", "a.contoso.com").is_none()
        || make_pair(&org, "b", "b.contoso.com").is_none()
    {
        return;
    }
    org.run(&[
        "Import-ExchangeCertificate",
        "-Path",
        "a.pem",
        "-KeyPath",
        "b.key",
    ])
    .fails(2)
    .stderr_has("the key does not match the certificate");
    org.run(&[
        "Import-ExchangeCertificate",
        "-Path",
        "missing.pem",
        "-KeyPath",
        "b.key",
    ])
    .fails(5)
    .stderr_has("-Path missing.pem: the certificate could not be read");
    assert!(
        org.run(&["Get-ExchangeCertificate", "-o", "json"])
            .ok()
            .json()
            .as_array()
            .unwrap()
            .is_empty()
    );
}
