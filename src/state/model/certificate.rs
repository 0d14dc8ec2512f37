use std::path::PathBuf;

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

use crate::state::values::DomainPattern;

/// A certificate the relay can present, as `Get-ExchangeCertificate` shows it. The PEM
/// files live under the data directory; connectors name the certificate in their
/// TlsCertificateName.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
pub struct Certificate {
    /// The SHA-1 hash of the certificate, in hex: its identity, as in Exchange.
    pub thumbprint: String,
    /// `CN=mail.contoso.com`.
    pub subject: String,
    pub issuer: String,
    /// The names it is valid for (its subject alternative names).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub domain_names: Vec<DomainPattern>,
    pub not_before: DateTime<Utc>,
    pub not_after: DateTime<Utc>,
    /// The certificate (and its chain) in PEM, relative to the data directory or absolute.
    pub certificate_path: PathBuf,
    /// The private key in PEM; absent for a certificate trusted but not presented.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key_path: Option<PathBuf>,
    /// A trust anchor: client certificates (inbound) and next hops' certificates
    /// (outbound CertificateValidation, DomainValidation) that chain to it are trusted,
    /// besides the system's roots. Typically an organisation's own CA.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub trusted: bool,
}

/// Certificates expiring within this many days are warned about.
pub const EXPIRY_WARNING_DAYS: i64 = 30;

impl Certificate {
    /// The warning for a certificate that has expired or expires within 30 days.
    pub fn expiry_warning(&self, now: DateTime<Utc>) -> Option<String> {
        let left = self.not_after - now;
        let fix = format!(
            "make a new one with `eopctl New-ExchangeCertificate -SubjectName \"{}\"` or import a renewed one with `eopctl Import-ExchangeCertificate`, then point the connectors' TlsCertificateName at it",
            self.subject
        );
        if left <= Duration::zero() {
            Some(format!(
                "warning: ExchangeCertificate {} ({}) expired on {}: {fix}",
                self.thumbprint,
                self.subject,
                self.not_after.format("%Y-%m-%d")
            ))
        } else if left <= Duration::days(EXPIRY_WARNING_DAYS) {
            Some(format!(
                "warning: ExchangeCertificate {} ({}) expires on {}, in {} days: {fix}",
                self.thumbprint,
                self.subject,
                self.not_after.format("%Y-%m-%d"),
                left.num_days()
            ))
        } else {
            None
        }
    }

    pub fn problems(&self) -> Vec<String> {
        let mut out = Vec::new();
        if self.thumbprint.len() != 40 || !self.thumbprint.bytes().all(|b| b.is_ascii_hexdigit()) {
            out.push(
                "Thumbprint must be the certificate's SHA-1 hash: 40 hexadecimal digits".into(),
            );
        }
        if self.key_path.is_none() && !self.trusted {
            out.push("no KeyPath and Trusted is false: the certificate can be neither presented nor trusted; import it with -KeyPath or -Trusted $true".into());
        }
        if self.not_after <= self.not_before {
            out.push("NotAfter is not after NotBefore: the certificate is never valid".into());
        }
        out
    }

    /// The subject's common name, if it has one.
    pub fn common_name(&self) -> Option<&str> {
        self.subject
            .split(',')
            .find_map(|part| part.trim().strip_prefix("CN="))
    }

    /// Whether a TlsCertificateName names this certificate: Exchange's
    /// `<I>issuer<S>subject` form, or a domain the certificate is valid for.
    pub fn is_named_by(&self, tls_certificate_name: &str) -> bool {
        let name = tls_certificate_name.trim();
        if let Some(rest) = name.strip_prefix("<I>") {
            return rest.split_once("<S>").is_some_and(|(issuer, subject)| {
                issuer.trim().eq_ignore_ascii_case(&self.issuer)
                    && subject.trim().eq_ignore_ascii_case(&self.subject)
            });
        }
        self.common_name()
            .is_some_and(|cn| cn.eq_ignore_ascii_case(name))
            || self.domain_names.iter().any(|d| {
                d.to_string().eq_ignore_ascii_case(name) || d.matches(&name.to_ascii_lowercase())
            })
    }
}
