//! TLS and connector trust with real peers on loopback: STARTTLS versions and the
//! certificate offered (openssl s_client), no command injection across STARTTLS, clients
//! identified by their certificate (TlsSenderCertificateName) or refused for a bad one,
//! partner restrictions, service headers, and Postfix as the on-premises server with TLS
//! in both directions. Certificates come from a private CA made here (rcgen).

use std::io::{BufReader, Write};
use std::net::{SocketAddr, TcpStream};
use std::os::unix::fs::PermissionsExt;
use std::sync::Arc;
use std::time::Duration;

use tokio_rustls::rustls;

use crate::support::pki::{Kind, Pki};
use crate::support::relay::{Relay, eopctl, free_port, have, state_dir, wait_until};
use crate::support::smtp::{Client, Sink, read_reply};

const SECS: Duration = Duration::from_secs(20);

/// An organisation whose receive connector on `port` offers the CA-issued certificate
/// of relay.test on STARTTLS, with the test CA Trusted, plus `more`.
fn org(pki: &Pki, port: u16, more: &str) -> String {
    pki.issue("relay", "relay.test", Kind::Valid);
    format!(
        r#"
AcceptedDomains:
  - {{ Name: contoso.test, DomainName: contoso.test, Default: true }}
Mailboxes:
  - {{ Name: Admin, PrimarySmtpAddress: admin@contoso.test }}
ReceiveConnectors:
  - {{ Name: Default, Bindings: ["127.0.0.1:{port}"], MaxProtocolErrors: 3, TlsCertificateName: relay.test }}
Certificates:
{}{}{more}"#,
        pki.entry(1, "relay", "relay.test"),
        pki.trusted_ca()
    )
}

/// An SMTP conversation over TLS (rustls, trusting the test CA), after STARTTLS.
struct Tls {
    reader: BufReader<rustls::StreamOwned<rustls::ClientConnection, TcpStream>>,
}

impl Tls {
    /// Connects, says EHLO, STARTTLS, and completes the handshake presenting
    /// `stem.pem` (if any) as the client certificate.
    fn start(addr: SocketAddr, pki: &Pki, present: Option<&str>) -> Tls {
        use rustls_pki_types::pem::PemObject;
        use rustls_pki_types::{CertificateDer, PrivateKeyDer};
        let mut c = Client::hello(addr);
        assert!(c.cmd("STARTTLS").starts_with("220"));
        let stream = c.into_stream();
        let mut roots = rustls::RootCertStore::empty();
        roots
            .add(CertificateDer::from_pem_file(pki.path("ca.pem")).unwrap())
            .unwrap();
        let builder = rustls::ClientConfig::builder_with_provider(Arc::new(
            rustls::crypto::ring::default_provider(),
        ))
        .with_safe_default_protocol_versions()
        .unwrap()
        .with_root_certificates(roots);
        let config = match present {
            None => builder.with_no_client_auth(),
            Some(stem) => {
                let chain = CertificateDer::pem_file_iter(pki.path(&format!("{stem}.pem")))
                    .unwrap()
                    .map(Result::unwrap)
                    .collect();
                let key = PrivateKeyDer::from_pem_file(pki.path(&format!("{stem}.key"))).unwrap();
                builder.with_client_auth_cert(chain, key).unwrap()
            }
        };
        let conn =
            rustls::ClientConnection::new(Arc::new(config), "relay.test".try_into().unwrap())
                .unwrap();
        let mut tls = Tls {
            reader: BufReader::new(rustls::StreamOwned::new(conn, stream)),
        };
        let ehlo = tls.cmd("EHLO client.test");
        assert!(ehlo.starts_with("250"), "{ehlo}");
        assert!(!ehlo.contains("STARTTLS"), "{ehlo}");
        tls
    }

    fn cmd(&mut self, line: &str) -> String {
        let s = self.reader.get_mut();
        s.write_all(format!("{line}\r\n").as_bytes()).unwrap();
        s.flush().unwrap();
        read_reply(&mut self.reader)
    }

    /// MAIL, RCPT (its reply returned when refused), DATA; the last reply.
    fn send(&mut self, from: &str, to: &str, data: &str) -> String {
        let r = self.cmd(&format!("MAIL FROM:<{from}>"));
        if !r.starts_with("250") {
            return r;
        }
        let r = self.cmd(&format!("RCPT TO:<{to}>"));
        if !r.starts_with("250") {
            self.cmd("RSET");
            return r;
        }
        assert!(self.cmd("DATA").starts_with("354"));
        let s = self.reader.get_mut();
        s.write_all(data.as_bytes()).unwrap();
        self.cmd(".")
    }
}

/// `openssl s_client -starttls smtp` against the relay: TLS 1.2 and 1.3 get the
/// configured certificate, TLS 1.1 and older are refused.
#[test]
fn starttls_offers_the_configured_certificate_over_tls_1_2_and_1_3_only() {
    if !have("openssl") {
        return;
    }
    let pki = Pki::new();
    let port = free_port();
    let (_dir, state) = state_dir(&org(&pki, port, ""));
    let relay = Relay::start(&state, &[]);
    let s_client = |version: &str| {
        let out = std::process::Command::new("openssl")
            .args(["s_client", "-starttls", "smtp", "-connect"])
            .arg(relay.addr().to_string())
            .args([version, "-cipher", "DEFAULT@SECLEVEL=0", "-CAfile"])
            .arg(pki.path("ca.pem"))
            .stdin(std::process::Stdio::null())
            .output()
            .unwrap();
        (
            out.status.success(),
            format!(
                "{}{}",
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            ),
        )
    };
    for (version, name) in [("-tls1_2", "TLSv1.2"), ("-tls1_3", "TLSv1.3")] {
        let (ok, text) = s_client(version);
        assert!(ok, "{text}");
        assert!(
            text.contains("CN=relay.test") || text.contains("CN = relay.test"),
            "{text}"
        );
        assert!(text.contains(name), "{text}");
        assert!(text.contains("Verify return code: 0 (ok)"), "{text}");
    }
    for old in ["-tls1_1", "-tls1"] {
        let (ok, text) = s_client(old);
        assert!(!ok, "{old} was accepted:\n{text}");
        assert!(
            !text.contains("CN=relay.test") && !text.contains("CN = relay.test"),
            "{text}"
        );
    }
    // Still serving.
    Client::hello(relay.addr());
}

/// A command pipelined after STARTTLS in the clear is discarded, not run inside TLS, and
/// the EHLO state is forgotten: MAIL needs a new EHLO.
#[test]
fn plaintext_pipelined_after_starttls_is_discarded_and_ehlo_forgotten() {
    let pki = Pki::new();
    let port = free_port();
    let (_dir, state) = state_dir(&org(&pki, port, ""));
    let relay = Relay::start(&state, &[]);
    let mut c = Client::hello(relay.addr());
    c.raw(b"STARTTLS\r\nMAIL FROM:<injected@evil.test>\r\n");
    assert!(c.reply().starts_with("220"));
    let stream = c.into_stream();
    let mut roots = rustls::RootCertStore::empty();
    use rustls_pki_types::pem::PemObject;
    roots
        .add(rustls_pki_types::CertificateDer::from_pem_file(pki.path("ca.pem")).unwrap())
        .unwrap();
    let config = rustls::ClientConfig::builder_with_provider(Arc::new(
        rustls::crypto::ring::default_provider(),
    ))
    .with_safe_default_protocol_versions()
    .unwrap()
    .with_root_certificates(roots)
    .with_no_client_auth();
    let conn =
        rustls::ClientConnection::new(Arc::new(config), "relay.test".try_into().unwrap()).unwrap();
    let mut tls = Tls {
        reader: BufReader::new(rustls::StreamOwned::new(conn, stream)),
    };
    // The injected MAIL was not taken, and EHLO must be said again.
    let r = tls.cmd("MAIL FROM:<a@contoso.test>");
    assert!(r.starts_with("503"), "{r}");
    assert!(tls.cmd("EHLO again.test").starts_with("250"));
    assert!(tls.cmd("MAIL FROM:<a@contoso.test>").starts_with("250"));
    assert!(
        relay
            .log_text()
            .contains("discarded plaintext pipelined after STARTTLS")
    );
}

/// An on-premises server identified by its certificate (TlsSenderCertificateName,
/// RequireTls) may relay to the Internet; expired, untrusted (self-signed), wrong-name
/// and absent certificates identify nobody; a client that drops mid-handshake harms
/// nothing; the relay keeps serving throughout.
#[test]
fn client_certificates_identify_an_on_premises_server_and_bad_ones_do_not() {
    let pki = Pki::new();
    pki.issue("onprem", "mail.onprem.test", Kind::Valid);
    pki.issue("expired", "mail.onprem.test", Kind::Expired);
    pki.issue("selfsigned", "mail.onprem.test", Kind::SelfSigned);
    pki.issue("wrong", "mail.elsewhere.test", Kind::Valid);
    let sink = Sink::start();
    let port = free_port();
    let more = format!(
        "InboundConnectors:\n  - {{ Name: From on-prem, ConnectorType: OnPremises, TlsSenderCertificateName: \"*.onprem.test\", RequireTls: true }}\nOutboundConnectors:\n  - {{ Name: Internet, ConnectorType: Partner, SmartHosts: [\"127.0.0.1:{}\"], RecipientDomains: [far.test] }}\n",
        sink.addr.port()
    );
    let (_dir, state) = state_dir(&org(&pki, port, &more));
    let relay = Relay::start(&state, &[]);
    let mail = "Subject: by certificate\r\n\r\nhello\r\n";

    let mut good = Tls::start(relay.addr(), &pki, Some("onprem"));
    let r = good.send("bob@onprem.test", "someone@far.test", mail);
    assert!(r.starts_with("250"), "{r}\n{}", relay.log_text());
    assert!(
        wait_until(SECS, || sink.received().len() == 1),
        "{}",
        relay.log_text()
    );
    assert!(relay.log_text().contains(
        "the client's certificate (mail.onprem.test) matches its TlsSenderCertificateName"
    ));

    for stem in [None, Some("expired"), Some("selfsigned"), Some("wrong")] {
        let mut c = Tls::start(relay.addr(), &pki, stem);
        let r = c.send("bob@onprem.test", "someone@far.test", mail);
        assert!(r.starts_with("550 5.7.1"), "{stem:?}: {r}");
        // Mail for the organisation itself is still taken from an anonymous client.
        let r = c.send("x@internet.test", "admin@contoso.test", mail);
        assert!(r.starts_with("250"), "{stem:?}: {r}");
    }
    let log = relay.log_text();
    assert!(log.contains("client certificate not trusted"), "{log}");
    assert!(log.contains("mail.elsewhere.test"), "{log}");

    // A client that drops in the middle of the handshake.
    let mut c = Client::hello(relay.addr());
    assert!(c.cmd("STARTTLS").starts_with("220"));
    c.raw(&[0x16, 0x03, 0x01, 0x02, 0x00, 0x01]);
    drop(c);
    // Plain text, for an on-premises server that must use TLS: 530 before anything.
    let mut plain = Client::hello(relay.addr());
    assert!(plain.cmd("MAIL FROM:<bob@onprem.test>").starts_with("250"));
    assert!(
        plain
            .cmd("RCPT TO:<someone@far.test>")
            .starts_with("550 5.7.1")
    );
    assert_eq!(sink.received().len(), 1);
    let mut again = Tls::start(relay.addr(), &pki, Some("onprem"));
    assert!(
        again
            .send("bob@onprem.test", "other@far.test", mail)
            .starts_with("250")
    );
    assert!(wait_until(SECS, || sink.received().len() == 2));
}

/// Partner restrictions on the wire: RequireTls refuses the partner's domains in plain
/// text (530 5.7.0), RestrictDomainsToCertificate refuses them without the partner's
/// certificate (550 5.7.1); Test-MessageRoute explains the same decisions.
#[test]
fn partner_require_tls_and_restrict_domains_to_certificate() {
    let pki = Pki::new();
    pki.issue("fabrikam", "mail.fabrikam.test", Kind::Valid);
    pki.issue("other", "mail.other.test", Kind::Valid);
    let port = free_port();
    let more = "InboundConnectors:\n  - { Name: Fabrikam, ConnectorType: Partner, SenderDomains: [fabrikam.test], RequireTls: true, TlsSenderCertificateName: mail.fabrikam.test, RestrictDomainsToCertificate: true }\n";
    let (_dir, state) = state_dir(&org(&pki, port, more));
    let relay = Relay::start(&state, &[]);
    let mut plain = Client::hello(relay.addr());
    let r = plain.cmd("MAIL FROM:<pay@fabrikam.test>");
    assert!(r.starts_with("530 5.7.0"), "{r}");
    assert!(plain.cmd("MAIL FROM:<x@elsewhere.test>").starts_with("250"));
    let mail = "Subject: partner\r\n\r\nx\r\n";
    for stem in [None, Some("other")] {
        let mut c = Tls::start(relay.addr(), &pki, stem);
        let r = c.cmd("MAIL FROM:<pay@fabrikam.test>");
        assert!(r.starts_with("550 5.7.1"), "{stem:?}: {r}");
    }
    let mut c = Tls::start(relay.addr(), &pki, Some("fabrikam"));
    assert!(
        c.send("pay@fabrikam.test", "admin@contoso.test", mail)
            .starts_with("250")
    );
    let log = relay.log_text();
    assert!(log.contains("RestrictDomainsToCertificate"), "{log}");

    let route = |extra: &[&str]| -> serde_json::Value {
        let mut args = vec![
            "Test-MessageRoute",
            "-Sender",
            "pay@fabrikam.test",
            "-Recipients",
            "admin@contoso.test",
            "-ClientIP",
            "192.0.2.1",
            "-o",
            "json",
        ];
        args.extend_from_slice(extra);
        let out = eopctl(&state, &args);
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        serde_json::from_slice::<serde_json::Value>(&out.stdout).unwrap()[0].clone()
    };
    let r = route(&[]);
    assert_eq!(r["Action"], "Reject");
    assert!(r["Reply"].as_str().unwrap().starts_with("530 5.7.0"));
    let r = route(&["-Tls", "$true"]);
    assert!(r["Reply"].as_str().unwrap().starts_with("550 5.7.1"));
    assert_eq!(r["DecidedBy"], "InboundConnector \"Fabrikam\"");
    let r = route(&["-TlsCertificateName", "mail.fabrikam.test"]);
    assert_eq!(r["Action"], "Deliver");
}

/// The service's internal headers are removed from an outsider's message, and kept on
/// one from a certificate-identified on-premises server with CloudServicesMailEnabled.
#[test]
fn service_headers_are_kept_only_over_a_trusted_connector() {
    let pki = Pki::new();
    pki.issue("onprem", "mail.onprem.test", Kind::Valid);
    let port = free_port();
    let more = "InboundConnectors:\n  - { Name: From on-prem, ConnectorType: OnPremises, TlsSenderCertificateName: mail.onprem.test, RequireTls: true, CloudServicesMailEnabled: true }\n";
    let (_dir, state) = state_dir(&org(&pki, port, more));
    let relay = Relay::start(&state, &[]);
    let forged = |id: &str| {
        format!(
            "X-MS-Exchange-Organization-SCL: -1\r\nX-MS-Exchange-Organization-AuthAs: Internal\r\nX-Eopctl-Verdict: clean\r\nX-Forefront-Antispam-Report: SFV:SKN\r\n\tCAT:NONE\r\nMessage-ID: <{id}@test>\r\nSubject: forged\r\n\r\nX-MS-Exchange-Organization-SCL: -1 in the body stays\r\n"
        )
    };
    let mut outsider = Client::hello(relay.addr());
    assert!(
        outsider
            .send(
                "x@internet.test",
                &["admin@contoso.test"],
                &forged("outsider")
            )
            .starts_with("250")
    );
    let mut onprem = Tls::start(relay.addr(), &pki, Some("onprem"));
    assert!(
        onprem
            .send("bob@onprem.test", "admin@contoso.test", &forged("onprem"))
            .starts_with("250")
    );
    assert!(wait_until(SECS, || relay
        .maildir("admin@contoso.test", "new")
        .len()
        == 2));
    let all = relay.maildir("admin@contoso.test", "new");
    let outsider = all.iter().find(|m| m.contains("<outsider@test>")).unwrap();
    let onprem = all.iter().find(|m| m.contains("<onprem@test>")).unwrap();
    for header in [
        "X-MS-Exchange-Organization-SCL: -1\r\nX",
        "X-MS-Exchange-Organization-AuthAs",
        "X-Eopctl-Verdict",
        // The forged report; the relay stamps its own on the outsider's mail.
        "X-Forefront-Antispam-Report: SFV:SKN",
        "\r\n\tCAT:NONE",
    ] {
        assert!(!outsider.contains(header), "{header} kept:\n{outsider}");
        assert!(onprem.contains(header), "{header} lost:\n{onprem}");
    }
    assert!(outsider.contains("-1 in the body stays"));
    assert!(relay.log_text().contains("service headers removed"));
}

/// Postfix as the on-premises server, with TLS both ways. Postfix relays Internet mail
/// through eopctl presenting its client certificate, which identifies it (it may relay);
/// eopctl delivers to Postfix with DomainValidation, presenting its own certificate
/// (CloudServicesMailEnabled), and fails closed (defers, nothing in plain text) when
/// TlsDomain does not match Postfix's certificate.
#[test]
fn postfix_on_premises_with_tls_in_both_directions() {
    if !have("postfix") || !have("swaks") {
        return;
    }
    let pki = Pki::new();
    pki.issue("onprem", "mail.onprem.test", Kind::Valid);
    let sink = Sink::start();
    let (pf_port, eop_port) = (free_port(), free_port());
    let more = format!(
        "InboundConnectors:\n  - {{ Name: From on-prem, ConnectorType: OnPremises, TlsSenderCertificateName: mail.onprem.test, RequireTls: true }}\nOutboundConnectors:\n  - {{ Name: To on-prem, ConnectorType: OnPremises, SmartHosts: [\"127.0.0.1:{pf_port}\"], RecipientDomains: [onprem.contoso.test], TlsSettings: DomainValidation, TlsDomain: mail.onprem.test, CloudServicesMailEnabled: true }}\n  - {{ Name: Wrong name, ConnectorType: OnPremises, SmartHosts: [\"127.0.0.1:{pf_port}\"], RecipientDomains: [wrong.contoso.test], TlsSettings: DomainValidation, TlsDomain: other.onprem.test }}\n  - {{ Name: Internet, ConnectorType: Partner, SmartHosts: [\"127.0.0.1:{}\"], RecipientDomains: [far.test] }}\n",
        sink.addr.port()
    );
    let body = org(&pki, eop_port, &more).replace(
        "Mailboxes:\n",
        "  - { Name: onprem, DomainName: onprem.contoso.test, DomainType: InternalRelay }\n  - { Name: wrong, DomainName: wrong.contoso.test, DomainType: InternalRelay }\nMailboxes:\n",
    );
    let (_dir, state) = state_dir(&body);
    let relay = Relay::start(&state, &["--retry", "1s"]);
    // The private key is the test's own; Postfix reads it as its own user.
    std::fs::set_permissions(
        pki.path("onprem.key"),
        std::fs::Permissions::from_mode(0o644),
    )
    .unwrap();
    let tls = format!(
        "smtpd_tls_security_level = may
smtpd_tls_cert_file = {cert}
smtpd_tls_key_file = {key}
smtpd_tls_CAfile = {ca}
smtpd_tls_ask_ccert = yes
smtpd_tls_received_header = yes
smtpd_tls_loglevel = 1
smtp_tls_security_level = encrypt
smtp_tls_cert_file = {cert}
smtp_tls_key_file = {key}
smtp_tls_loglevel = 1
",
        cert = pki.path("onprem.pem").display(),
        key = pki.path("onprem.key").display(),
        ca = pki.path("ca.pem").display(),
    );
    let postfix =
        crate::support::postfix::Postfix::start_with(pf_port, eop_port, "127.0.0.2", &tls);

    // Inbound from the service: DomainValidation, and eopctl's certificate shown to Postfix.
    let mut c = Client::hello(relay.addr());
    assert!(
        c.send(
            "x@fabrikam.test",
            &["bob@onprem.contoso.test"],
            "Message-ID: <in@fabrikam.test>\r\nSubject: to on-prem\r\n\r\nx\r\n"
        )
        .starts_with("250")
    );
    assert!(
        c.send(
            "x@fabrikam.test",
            &["bob@wrong.contoso.test"],
            "Message-ID: <wrong@fabrikam.test>\r\nSubject: wrong name\r\n\r\nx\r\n"
        )
        .starts_with("250")
    );
    assert!(
        wait_until(SECS, || postfix.bob().len() == 1),
        "{}\n{}",
        relay.log_text(),
        postfix.log()
    );
    let got = &postfix.bob()[0];
    assert!(got.contains("Message-ID: <in@fabrikam.test>"));
    assert!(got.contains("Client CN \"relay.test\""), "{got}");
    assert!(got.contains("verified OK"), "{got}");
    // The wrong name: deferred, never sent in the clear.
    assert!(
        wait_until(SECS, || relay
            .log_text()
            .contains("certificate not valid for name \"other.onprem.test\"")),
        "{}",
        relay.log_text()
    );
    assert!(
        !postfix.log().contains("wrong.contoso.test"),
        "{}",
        postfix.log()
    );

    // Outbound from on premises: Postfix relays Internet mail through eopctl with its
    // client certificate; eopctl identifies it and relays.
    let out = std::process::Command::new("swaks")
        .args(["--server", &format!("127.0.0.1:{pf_port}")])
        .args([
            "--from",
            "bob@onprem.contoso.test",
            "--to",
            "someone@far.test",
        ])
        .args(["--header", "Subject: from on-prem", "--silent", "2"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert!(
        wait_until(SECS, || sink
            .received()
            .iter()
            .any(|m| m.to == ["someone@far.test"])),
        "{}\n{}",
        relay.log_text(),
        postfix.log()
    );
    assert!(relay.log_text().contains(
        "the client's certificate (mail.onprem.test) matches its TlsSenderCertificateName"
    ));
}

/// Import-ExchangeCertificate -Trusted: a CA certificate without a key becomes a root;
/// without -KeyPath and without -Trusted the import is refused.
#[test]
fn import_a_trusted_root() {
    let pki = Pki::new();
    let (_dir, state) = state_dir("");
    let ca = pki.path("ca.pem");
    let out = eopctl(
        &state,
        &["Import-ExchangeCertificate", "-Path", ca.to_str().unwrap()],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("-Trusted $true"));
    let out = eopctl(
        &state,
        &[
            "Import-ExchangeCertificate",
            "-Path",
            ca.to_str().unwrap(),
            "-Trusted",
            "$true",
            "-o",
            "json",
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let row: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(row[0]["Trusted"], true);
    assert!(row[0].get("KeyPath").is_none());
    let text = std::fs::read_to_string(&state).unwrap();
    assert!(text.contains("Trusted: true"), "{text}");
}

/// Outbound validation refuses a next hop whose certificate chains to a trusted root but
/// has expired: the message is deferred, never sent in the clear.
#[test]
fn an_expired_next_hop_certificate_fails_validation() {
    let pki = Pki::new();
    let b_port = free_port();
    pki.issue("expired", "relay.test", Kind::Expired);
    let b_body = org(&pki, b_port, "")
        .replace("relay.pem", "expired.pem")
        .replace("relay.key", "expired.key");
    let (_b_dir, b_state) = state_dir(&b_body);
    let b = Relay::start(&b_state, &[]);
    let a_port = free_port();
    let more = format!(
        "InboundConnectors:\n  - {{ Name: From on-prem, ConnectorType: OnPremises, SenderIPAddresses: [127.0.0.1] }}\nOutboundConnectors:\n  - {{ Name: To B, ConnectorType: Partner, SmartHosts: [\"127.0.0.1:{b_port}\"], RecipientDomains: [b.test], TlsSettings: CertificateValidation }}\n"
    );
    let a_body = org(&pki, a_port, &more);
    let (_a_dir, a_state) = state_dir(&a_body);
    let a = Relay::start(&a_state, &[]);
    let mut c = Client::hello(a.addr());
    assert!(
        c.send(
            "x@contoso.test",
            &["admin@b.test"],
            "Subject: expired\r\n\r\nx\r\n"
        )
        .starts_with("250")
    );
    assert!(
        wait_until(SECS, || a.log_text().contains("result=\"deferred\"")),
        "{}",
        a.log_text()
    );
    assert!(
        a.log_text().contains("certificate expired"),
        "{}",
        a.log_text()
    );
    assert!(!b.log_text().contains("queued"), "{}", b.log_text());
}

/// Enhanced filtering on the wire: behind an on-premises server identified by address with
/// EFSkipLastIP, the relay takes the original client's address from the Received header.
#[test]
fn enhanced_filtering_finds_the_original_client_in_received_headers() {
    let pki = Pki::new();
    let port = free_port();
    let more = "InboundConnectors:\n  - { Name: From on-prem, ConnectorType: OnPremises, SenderIPAddresses: [127.0.0.1], EFSkipLastIP: true }\n";
    let (_dir, state) = state_dir(&org(&pki, port, more));
    let relay = Relay::start(&state, &[]);
    let mut c = Client::hello(relay.addr());
    assert!(
        c.send(
            "ann@contoso.test",
            &["admin@contoso.test"],
            "Received: from ann-pc (ann-pc [198.51.100.7])\r\n\tby mail.onprem.test with ESMTP id 1;\r\n\tMon, 2 Mar 2026 10:00:00 +0000\r\nSubject: behind on-prem\r\n\r\nx\r\n"
        )
        .starts_with("250")
    );
    assert!(
        wait_until(SECS, || relay.log_text().contains("filter_ip=198.51.100.7")),
        "{}",
        relay.log_text()
    );
    assert!(relay.log_text().contains("EFSkipLastIP: skipped 127.0.0.1"));
}

/// A certificate that expires within 30 days is warned about in the log when the relay
/// loads the state.
#[test]
fn an_expiring_certificate_is_warned_about_in_the_log() {
    let pki = Pki::new();
    let port = free_port();
    let soon = (chrono::Utc::now() + chrono::Duration::days(10)).format("%Y-%m-%dT%H:%M:%SZ");
    let body = org(&pki, port, "").replace(
        "NotAfter: 2099-01-01T00:00:00Z, CertificatePath",
        &format!("NotAfter: {soon}, CertificatePath"),
    );
    let (_dir, state) = state_dir(&body);
    let relay = Relay::start(&state, &[]);
    let log = relay.log_text();
    assert!(
        log.contains("ExchangeCertificate \"0000000000000000000000000000000000000001\" NotAfter: CN=relay.test expires on"),
        "{log}"
    );
}
