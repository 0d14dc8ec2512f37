//! Get/New/Import/Remove-ExchangeCertificate: the certificates the relay presents on
//! STARTTLS. The PEM files live under `<data-dir>/certificates/<THUMBPRINT>.pem` and `.key`
//! (the key with mode 0600); the state records their paths relative to the data directory.
//! Private keys are never read back into the state and never printed.

use std::io::Write;
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Datelike, Duration, Utc};
use clap::{Args, Subcommand};
use rustls_pki_types::pem::PemObject;
use rustls_pki_types::{CertificateDer, PrivateKeyDer};
use sha1::{Digest, Sha1};

use super::{View, find};
use crate::cmdlets::common::{ChangeArgs, Context, confirmed};
use crate::error::{Error, Kind, Result};
use crate::output::{Output, key, rows, text, wide};
use crate::state::StateObject;
use crate::state::model::Certificate;

mod import;
mod request;
mod store;
use import::*;
pub(crate) use store::write_file;
use store::*;

/// The validity of a certificate New-ExchangeCertificate makes, without -ValidDays.
pub const DEFAULT_VALID_DAYS: u32 = 365;

const VIEW: View = View {
    columns: &[
        key("Thumbprint"),
        text("Subject"),
        key("NotAfter"),
        key("DomainNames"),
        wide("UsedBy"),
    ],
};

#[derive(Subcommand, Debug)]
pub enum Cmd {
    /// Lists certificates, and the connectors that use each one.
    #[command(name = "get-exchangecertificate", alias = "Get-ExchangeCertificate")]
    Get(GetParams),
    /// Makes a self-signed certificate and its private key (for this host, given no
    /// subject), or with -GenerateRequest a certificate request for a CA to sign.
    #[command(name = "new-exchangecertificate", alias = "New-ExchangeCertificate")]
    New(NewParams),
    /// Imports a certificate (with its chain) and its private key from PEM files, or a
    /// CA certificate to trust (-Trusted $true).
    #[command(
        name = "import-exchangecertificate",
        alias = "Import-ExchangeCertificate"
    )]
    Import(ImportParams),
    /// Removes a certificate no connector uses, and its files.
    #[command(
        name = "remove-exchangecertificate",
        alias = "Remove-ExchangeCertificate"
    )]
    Remove(RemoveParams),
    /// Makes a certificate the one the relay's SMTP service presents: every receive
    /// connector offers it on STARTTLS.
    #[command(
        name = "enable-exchangecertificate",
        alias = "Enable-ExchangeCertificate"
    )]
    Enable(EnableParams),
}

/// One certificate, by -Identity or by -Thumbprint (as Exchange's pages name it).
#[derive(Args, Debug, Clone)]
#[group(id = "certificate", required = true, multiple = false)]
pub struct CertificateIdentity {
    /// The certificate: its thumbprint, subject or a domain name on it.
    #[arg(long, value_name = "Identity")]
    pub identity: Option<String>,
    /// The certificate's thumbprint (40 hexadecimal digits).
    #[arg(long, value_name = "Thumbprint")]
    pub thumbprint: Option<String>,
}

impl CertificateIdentity {
    fn name(&self) -> &str {
        self.identity
            .as_deref()
            .or(self.thumbprint.as_deref())
            .unwrap_or_default()
    }
}

#[derive(Args, Debug)]
pub struct GetParams {
    /// Certificates by thumbprint, subject or domain name; `*` and `?` wildcards allowed.
    #[arg(long, value_name = "Identity", conflicts_with = "thumbprint")]
    pub identity: Option<String>,
    /// One certificate by its thumbprint.
    #[arg(long, value_name = "Thumbprint")]
    pub thumbprint: Option<String>,
    /// Only certificates valid for these names (a,b or repeated).
    #[arg(long, value_name = "Domains", value_delimiter = ',')]
    pub domain_name: Vec<String>,
}

#[derive(Args, Debug)]
pub struct RemoveParams {
    #[command(flatten)]
    pub target: CertificateIdentity,
    #[command(flatten)]
    pub change: ChangeArgs,
}

#[derive(Args, Debug)]
pub struct EnableParams {
    #[command(flatten)]
    pub target: CertificateIdentity,
    /// The services to use it for: SMTP (the relay's one service; IIS, IMAP, POP, UM and
    /// Federation are mailbox-server services eopctl does not run).
    #[arg(long, value_name = "Services", value_delimiter = ',', required = true)]
    pub services: Vec<String>,
    #[command(flatten)]
    pub change: ChangeArgs,
}

#[derive(Args, Debug)]
pub struct NewParams {
    /// The subject: `CN=mail.contoso.com` (O=, OU=, L=, ST=, C= may follow, comma-separated).
    /// Default: CN= this host's name.
    #[arg(long, value_name = "Subject")]
    pub subject_name: Option<String>,
    /// The names the certificate is valid for (subject alternative names), a,b or repeated.
    /// Default: the subject's CN.
    #[arg(long, value_name = "Domains", value_delimiter = ',')]
    pub domain_name: Vec<String>,
    /// How many days from now the certificate is valid. Default: 365.
    #[arg(long, value_name = "Days", default_value_t = DEFAULT_VALID_DAYS)]
    pub valid_days: u32,
    /// Make a certificate request (PKCS#10) for a CA to sign instead of a certificate; the
    /// key stays under the data directory until Import-ExchangeCertificate brings the
    /// issued certificate.
    #[arg(long)]
    pub generate_request: bool,
    /// With -GenerateRequest: write the request to this file instead of printing it.
    #[arg(long, value_name = "File", requires = "generate_request")]
    pub request_file: Option<PathBuf>,
    #[command(flatten)]
    pub change: ChangeArgs,
}

#[derive(Args, Debug)]
#[group(id = "source", required = true, multiple = false, args = ["path", "file_data"])]
pub struct ImportParams {
    /// The certificate in PEM, followed by its chain (intermediates).
    #[arg(long, value_name = "File", alias = "FileName", alias = "file-name")]
    pub path: Option<PathBuf>,
    /// The certificate itself: PEM text, or the DER certificate in base64.
    #[arg(long, value_name = "Data")]
    pub file_data: Option<String>,
    /// The certificate's private key in PEM (PKCS#8, PKCS#1 or SEC1). Needed to present
    /// the certificate; without it the certificate can only be trusted (-Trusted $true).
    #[arg(long, value_name = "File")]
    pub key_path: Option<PathBuf>,
    /// Trust the certificate as a root: client certificates (TlsSenderCertificateName)
    /// and next hops' certificates (CertificateValidation, DomainValidation) issued by it
    /// are trusted, besides the system's roots. Default: $false.
    #[arg(long, value_name = "BOOL", value_parser = crate::cmdlets::common::parse_bool)]
    pub trusted: Option<bool>,
    #[command(flatten)]
    pub change: ChangeArgs,
}

pub fn run(cmd: Cmd, ctx: &Context) -> Result<Output> {
    match cmd {
        Cmd::Get(a) => get(ctx, &a),
        Cmd::New(a) if a.generate_request => request::generate(ctx, a),
        Cmd::New(a) => new(ctx, a),
        Cmd::Import(a) => import(ctx, a),
        Cmd::Remove(a) => remove(ctx, a),
        Cmd::Enable(a) => enable(ctx, a),
    }
}

fn get(ctx: &Context, a: &GetParams) -> Result<Output> {
    let state = ctx.store.load()?;
    let all = &state.certificates;
    let identity = a.identity.as_deref().or(a.thumbprint.as_deref());
    let mut chosen: Vec<&Certificate> = match identity {
        None => all.iter().collect(),
        Some(id) if id.contains(['*', '?']) => all
            .iter()
            .filter(|o| o.identities().iter().any(|i| super::wildcard(id, i)))
            .collect(),
        Some(id) => vec![&all[find::<Certificate>(&state, id)?]],
    };
    // -DomainName: a name the certificate is valid for (a wildcard on it covers one label).
    chosen.retain(|c| {
        a.domain_name.is_empty()
            || a.domain_name.iter().any(|n| {
                c.domain_names
                    .iter()
                    .any(|p| p.to_string().eq_ignore_ascii_case(n.trim()) || p.matches(n.trim()))
            })
    });
    let now = Utc::now();
    let mut out = Vec::new();
    for cert in chosen {
        if let Some(warning) = cert.expiry_warning(now) {
            eprintln!("{warning}");
        }
        let mut row = serde_json::to_value(cert).unwrap_or_default();
        if let Some(map) = row.as_object_mut() {
            // The paths say where the files are; the key itself is never read here.
            map.insert("UsedBy".into(), state.certificate_users(cert).into());
        }
        out.push(row);
    }
    Ok(Output::Objects {
        rows: out,
        columns: VIEW.columns,
    })
}

/// Parses `CN=mail.contoso.com, O=Contoso` into a distinguished name.
fn distinguished_name(subject: &str) -> Result<rcgen::DistinguishedName> {
    let bad = || {
        Error::usage(format!("-SubjectName \"{subject}\" is not a subject")).help(
            "write it as `CN=mail.contoso.com` (O=, OU=, L=, ST=, C= may follow, comma-separated)",
        )
    };
    let mut dn = rcgen::DistinguishedName::new();
    let mut has_cn = false;
    for part in subject.split(',') {
        let (k, v) = part.split_once('=').ok_or_else(bad)?;
        let v = v.trim();
        if v.is_empty() {
            return Err(bad());
        }
        let t = match k.trim().to_ascii_uppercase().as_str() {
            "CN" => {
                has_cn = true;
                rcgen::DnType::CommonName
            }
            "O" => rcgen::DnType::OrganizationName,
            "OU" => rcgen::DnType::OrganizationalUnitName,
            "L" => rcgen::DnType::LocalityName,
            "ST" | "S" => rcgen::DnType::StateOrProvinceName,
            "C" => rcgen::DnType::CountryName,
            _ => return Err(bad()),
        };
        dn.push(t, v);
    }
    if !has_cn {
        return Err(bad());
    }
    Ok(dn)
}

/// The subject -SubjectName gives, or this host's name.
fn subject(a: &NewParams) -> String {
    a.subject_name
        .clone()
        .unwrap_or_else(|| format!("CN={}", super::serve::system_hostname()))
}

/// The names the certificate is for: -DomainName, else the subject's CN; each checked.
fn names(a: &NewParams, dn: &rcgen::DistinguishedName) -> Result<Vec<String>> {
    let mut names = a.domain_name.clone();
    if names.is_empty()
        && let Some(rcgen::DnValue::Utf8String(cn)) = dn.get(&rcgen::DnType::CommonName)
    {
        names.push(cn.clone());
    }
    for n in &names {
        n.parse::<crate::state::values::DomainPattern>()
            .map_err(|e| {
                Error::usage(format!("-DomainName {n}: {e}"))
                    .help("give domain names such as mail.contoso.com or *.contoso.com")
            })?;
    }
    Ok(names)
}

fn new(ctx: &Context, a: NewParams) -> Result<Output> {
    let subject = subject(&a);
    let dn = distinguished_name(&subject)?;
    if a.valid_days == 0 {
        return Err(
            Error::usage("-ValidDays 0 makes a certificate that is never valid")
                .help("give -ValidDays 1 or more (the default is 365)"),
        );
    }
    let names = names(&a, &dn)?;
    let made = self_signed(dn, names, a.valid_days).map_err(|e| {
        Error::failed(format!(
            "New-ExchangeCertificate -SubjectName \"{subject}\": the certificate could not be made: {e}"
        ))
    })?;
    add(
        ctx,
        &a.change,
        made.certificate,
        &made.cert_pem,
        Some(&made.key_pem),
    )
}

/// A self-signed certificate and its key, not yet written anywhere.
pub(super) struct SelfSigned {
    pub certificate: Certificate,
    pub cert_pem: String,
    pub key_pem: String,
}

/// Why a self-signed certificate could not be made.
#[derive(Debug, thiserror::Error)]
enum SelfSignedError {
    #[error("{0}")]
    Rcgen(#[from] rcgen::Error),
    /// What rcgen made does not read back as a certificate.
    #[error("{}", .0.message)]
    Unreadable(Error),
}

/// Makes a self-signed certificate for `names`, valid from today for `valid_days`.
fn self_signed(
    dn: rcgen::DistinguishedName,
    names: Vec<String>,
    valid_days: u32,
) -> std::result::Result<SelfSigned, SelfSignedError> {
    let mut params = rcgen::CertificateParams::new(names)?;
    params.distinguished_name = dn;
    let today = Utc::now().date_naive();
    let end = today + Duration::days(i64::from(valid_days));
    params.not_before = rcgen::date_time_ymd(today.year(), today.month() as u8, today.day() as u8);
    params.not_after = rcgen::date_time_ymd(end.year(), end.month() as u8, end.day() as u8);
    let key = rcgen::KeyPair::generate()?;
    let cert = params.self_signed(&key)?;
    let certificate = describe(cert.der().as_ref(), "the new certificate")
        .map_err(SelfSignedError::Unreadable)?;
    Ok(SelfSigned {
        certificate,
        cert_pem: cert.pem(),
        key_pem: key.serialize_pem(),
    })
}

/// A self-signed certificate for the host `name` (CN and SAN), written under the data
/// directory with its key (0600), for a setup that must offer STARTTLS from the start.
pub(super) fn self_signed_for_host(data_dir: &Path, name: &str) -> Result<Certificate> {
    let failed = |e: SelfSignedError| {
        Error::failed(format!(
            "a self-signed certificate for {name} could not be made: {e}"
        ))
        .help("make one with `eopctl New-ExchangeCertificate -SubjectName CN=<host>` and point the receive connector's TlsCertificateName at it")
    };
    let dn = distinguished_name(&format!("CN={name}"))?;
    let mut made = self_signed(dn, vec![name.to_string()], DEFAULT_VALID_DAYS).map_err(failed)?;
    write_pair(
        data_dir,
        &mut made.certificate,
        &made.cert_pem,
        Some(&made.key_pem),
    )?;
    Ok(made.certificate)
}

fn remove(ctx: &Context, a: RemoveParams) -> Result<Output> {
    let state = ctx.store.load()?;
    let cert = state.certificates[find::<Certificate>(&state, a.target.name())?].clone();
    let users = state.certificate_users(&cert);
    if !users.is_empty() {
        return Err(in_use(&cert, &users));
    }
    if !confirmed(
        &a.change,
        &format!("Remove ExchangeCertificate \"{}\"?", cert.thumbprint),
    )? {
        return super::declined("removed");
    }
    let updated = ctx
        .store
        .update(&ctx.command_line, a.change.what_if, |state| {
            let i = find::<Certificate>(state, &cert.thumbprint)?;
            let users = state.certificate_users(&state.certificates[i]);
            if !users.is_empty() {
                return Err(in_use(&cert, &users));
            }
            Ok(state.certificates.remove(i))
        })?;
    if a.change.what_if {
        return Ok(super::what_if(&ctx.cmdlet, updated.changes));
    }
    // The state no longer names the files: remove those kept under the data directory.
    let removed = updated.value;
    let data = ctx.store.data_dir();
    for p in std::iter::once(&removed.certificate_path).chain(removed.key_path.iter()) {
        if p.is_relative() {
            let _ = std::fs::remove_file(data.join(p));
        }
    }
    Ok(Output::Nothing)
}

/// Enable-ExchangeCertificate -Services SMTP: every receive connector presents it.
fn enable(ctx: &Context, a: EnableParams) -> Result<Output> {
    let other: Vec<&str> = a
        .services
        .iter()
        .map(|s| s.trim())
        .filter(|s| !s.eq_ignore_ascii_case("SMTP"))
        .collect();
    if !other.is_empty() {
        return Err(Error::usage(format!(
            "Enable-ExchangeCertificate -Services {}: eopctl runs only the SMTP service",
            other.join(",")
        ))
        .help(
            "give -Services SMTP (IIS, IMAP, POP, UM and Federation are mailbox-server services)",
        ));
    }
    let state = ctx.store.load()?;
    let cert = state.certificates[find::<Certificate>(&state, a.target.name())?].clone();
    if cert.key_path.is_none() {
        return Err(Error::conflict(format!(
            "ExchangeCertificate {} ({}) has no private key: it can be trusted but not presented",
            cert.thumbprint, cert.subject
        ))
        .help("import it again with its key: `eopctl Import-ExchangeCertificate -FileName <cert.pem> -KeyPath <key.pem>`"));
    }
    let updated = ctx
        .store
        .update(&ctx.command_line, a.change.what_if, |state| {
            if state.receive_connectors.is_empty() {
                return Err(Error::not_found("no ReceiveConnector: the SMTP service has no listener to present the certificate on")
                    .help("make one with `eopctl New-ReceiveConnector -Name Default -Usage Internet -Bindings 0.0.0.0:25`"));
            }
            // Exchange's own way of naming a certificate on a connector.
            let name = format!("<I>{}<S>{}", cert.issuer, cert.subject);
            for rc in &mut state.receive_connectors {
                rc.tls_certificate_name = Some(name.clone());
            }
            Ok(())
        })?;
    if a.change.what_if {
        return Ok(super::what_if(&ctx.cmdlet, updated.changes));
    }
    Ok(Output::Nothing)
}

fn in_use(cert: &Certificate, users: &[String]) -> Error {
    Error::conflict(format!(
        "ExchangeCertificate {} ({}) is used by {}",
        cert.thumbprint,
        cert.subject,
        users.join(", ")
    ))
    .help("give those connectors another -TlsCertificateName (or clear it) first, then remove the certificate")
}
