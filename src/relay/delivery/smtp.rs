//! The SMTP client for delivery to the next hop: EHLO (HELO as a fallback), STARTTLS
//! when offered (opportunistic) or required by the route, then any number of
//! transactions over one connection, each recipient's reply kept apart so one refusal
//! does not fail the others. Written here rather than with lettre: lettre fails a whole
//! message when one RCPT is refused, and per-recipient results are what DSNs need.

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio_rustls::TlsConnector;
use tokio_rustls::rustls;
use tokio_rustls::rustls::client::danger::ServerCertVerifier;
use tokio_rustls::rustls::sign::CertifiedKey;

use super::{DeliveryError, Stage, Via};
use crate::policy::{NameCheck, OutboundTls};
use crate::relay::io::Stream;
use crate::relay::tls::Signatures;

/// A reply from the next hop.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answer {
    pub code: u16,
    /// The text after the code (the enhanced status code first, when the server sends one).
    pub text: String,
}

impl Answer {
    pub fn line(&self) -> String {
        format!("{} {}", self.code, self.text)
    }

    /// The enhanced status code (RFC 3463) the reply starts with, if any.
    pub fn enhanced(&self) -> Option<&str> {
        let first = self.text.split_whitespace().next()?;
        let parts: Vec<&str> = first.split('.').collect();
        let valid = parts.len() == 3
            && matches!(parts[0], "2" | "4" | "5")
            && parts[1..]
                .iter()
                .all(|p| !p.is_empty() && p.len() <= 3 && p.bytes().all(|b| b.is_ascii_digit()));
        valid.then_some(first)
    }
}

/// What happened to one recipient: the next hop's 250, or why not.
pub type Outcome = Result<Answer, DeliveryError>;

/// Why a connection could not be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct ConnError {
    pub permanent: bool,
    pub message: String,
}

fn err(message: impl Into<String>) -> ConnError {
    ConnError {
        permanent: false,
        message: message.into(),
    }
}

pub struct Conn {
    io: Box<dyn Stream>,
    buf: Vec<u8>,
    pub peer: String,
    /// Whether STARTTLS succeeded (message trace, TLS share metric).
    pub tls: bool,
    eight_bit: bool,
    smtputf8: bool,
    timeout: Duration,
    /// The name the next hop was reached by, and its address (the TLS name check).
    host: String,
    addr: SocketAddr,
}

/// The certificate verifiers delivery chooses from: any certificate (opportunistic TLS
/// and EncryptionOnly encrypt without authenticating, RFC 7435), a chain to a trusted root
/// (CertificateValidation), and chain plus name (DomainValidation).
pub struct TlsClients {
    provider: Arc<rustls::crypto::CryptoProvider>,
    any: Arc<dyn ServerCertVerifier>,
    chain: Arc<dyn ServerCertVerifier>,
    strict: Arc<dyn ServerCertVerifier>,
}

impl TlsClients {
    /// `roots`: the trusted CA certificates (the system bundle and the state's Trusted ones).
    pub fn new(roots: Arc<rustls::RootCertStore>) -> TlsClients {
        let provider = crate::relay::tls::provider();
        let any: Arc<dyn ServerCertVerifier> = Arc::new(FixedVerdict {
            signatures: Signatures(provider.clone()),
            accept: true,
        });
        let (chain, strict): (Arc<dyn ServerCertVerifier>, Arc<dyn ServerCertVerifier>) =
            match rustls::client::WebPkiServerVerifier::builder_with_provider(
                roots,
                provider.clone(),
            )
            .build()
            {
                Ok(v) => (Arc::new(ChainOnly(v.clone())), v),
                // No usable root: every validated connection fails, as it must.
                Err(_) => {
                    let none = Arc::new(FixedVerdict {
                        signatures: Signatures(provider.clone()),
                        accept: false,
                    });
                    (none.clone(), none)
                }
            };
        TlsClients {
            provider,
            any,
            chain,
            strict,
        }
    }

    /// A client configuration: TLS 1.2 and 1.3, this verifier, and the certificate to
    /// present to the server, if any.
    fn config(
        &self,
        verifier: &Arc<dyn ServerCertVerifier>,
        present: Option<&Arc<CertifiedKey>>,
    ) -> Arc<rustls::ClientConfig> {
        let builder = rustls::ClientConfig::builder_with_provider(self.provider.clone())
            .with_safe_default_protocol_versions()
            .expect("TLS versions")
            .dangerous()
            .with_custom_certificate_verifier(verifier.clone());
        Arc::new(match present {
            Some(key) => {
                builder.with_client_cert_resolver(Arc::new(crate::relay::tls::Present(key.clone())))
            }
            None => builder.with_no_client_auth(),
        })
    }
}

/// A verifier that checks the chain and ignores the name (CertificateValidation).
#[derive(Debug)]
struct ChainOnly(Arc<rustls::client::WebPkiServerVerifier>);

impl rustls::client::danger::ServerCertVerifier for ChainOnly {
    fn verify_server_cert(
        &self,
        end: &rustls_pki_types::CertificateDer<'_>,
        intermediates: &[rustls_pki_types::CertificateDer<'_>],
        name: &rustls_pki_types::ServerName<'_>,
        ocsp: &[u8],
        now: rustls_pki_types::UnixTime,
    ) -> Result<rustls::client::danger::ServerCertVerified, rustls::Error> {
        use rustls::{CertificateError, Error};
        match self
            .0
            .verify_server_cert(end, intermediates, name, ocsp, now)
        {
            Err(Error::InvalidCertificate(
                CertificateError::NotValidForName | CertificateError::NotValidForNameContext { .. },
            )) => Ok(rustls::client::danger::ServerCertVerified::assertion()),
            other => other,
        }
    }
    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &rustls_pki_types::CertificateDer<'_>,
        dss: &rustls::DigitallySignedStruct,
    ) -> Result<rustls::client::danger::HandshakeSignatureValid, rustls::Error> {
        self.0.verify_tls12_signature(message, cert, dss)
    }
    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &rustls_pki_types::CertificateDer<'_>,
        dss: &rustls::DigitallySignedStruct,
    ) -> Result<rustls::client::danger::HandshakeSignatureValid, rustls::Error> {
        self.0.verify_tls13_signature(message, cert, dss)
    }
    fn supported_verify_schemes(&self) -> Vec<rustls::SignatureScheme> {
        self.0.supported_verify_schemes()
    }
}

/// A verifier with a fixed verdict on the chain: `accept` takes any certificate (TLS
/// without authentication, as EncryptionOnly and opportunistic TLS want); otherwise it
/// takes none (no trusted roots could be loaded). Signatures are still checked, so the
/// peer must hold the key of the certificate it shows.
#[derive(Debug)]
struct FixedVerdict {
    signatures: Signatures,
    accept: bool,
}

impl rustls::client::danger::ServerCertVerifier for FixedVerdict {
    fn verify_server_cert(
        &self,
        _: &rustls_pki_types::CertificateDer<'_>,
        _: &[rustls_pki_types::CertificateDer<'_>],
        _: &rustls_pki_types::ServerName<'_>,
        _: &[u8],
        _: rustls_pki_types::UnixTime,
    ) -> Result<rustls::client::danger::ServerCertVerified, rustls::Error> {
        if self.accept {
            Ok(rustls::client::danger::ServerCertVerified::assertion())
        } else {
            Err(rustls::Error::InvalidCertificate(
                rustls::CertificateError::UnknownIssuer,
            ))
        }
    }
    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &rustls_pki_types::CertificateDer<'_>,
        dss: &rustls::DigitallySignedStruct,
    ) -> Result<rustls::client::danger::HandshakeSignatureValid, rustls::Error> {
        self.signatures.tls12(message, cert, dss)
    }
    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &rustls_pki_types::CertificateDer<'_>,
        dss: &rustls::DigitallySignedStruct,
    ) -> Result<rustls::client::danger::HandshakeSignatureValid, rustls::Error> {
        self.signatures.tls13(message, cert, dss)
    }
    fn supported_verify_schemes(&self) -> Vec<rustls::SignatureScheme> {
        self.signatures.schemes()
    }
}

/// Whether an EHLO reply offers an extension.
pub fn offers(a: &Answer, ext: &str) -> bool {
    a.text.lines().any(|l| {
        l.split_whitespace()
            .next()
            .is_some_and(|w| w.eq_ignore_ascii_case(ext))
    })
}

/// What a TLS handshake with a next hop came to.
#[derive(Debug, Clone)]
pub struct TlsInfo {
    /// TLSv1_3, TLSv1_2.
    pub version: String,
    /// The server certificate's subject CN and DNS SANs.
    pub names: Vec<String>,
}

impl Conn {
    /// Connects, reads the greeting, says EHLO and starts TLS as the route asks.
    pub async fn open(
        addr: SocketAddr,
        host: &str,
        helo: &str,
        tls: &OutboundTls,
        clients: &TlsClients,
        present: Option<&Arc<CertifiedKey>>,
        timeout: Duration,
    ) -> Result<Conn, ConnError> {
        let mut c = Conn::connect(addr, None, host, timeout).await?;
        let greeting = c.greeting().await?;
        if greeting.code != 220 {
            return Err(err(format!("{} greeted with {}", c.peer, greeting.line())));
        }
        let mut ehlo = c.ehlo(helo).await?;
        let required = *tls != OutboundTls::Opportunistic;
        if ehlo.code == 250 && offers(&ehlo, "STARTTLS") {
            match c.start_tls(tls, clients, present).await? {
                Ok(_) => ehlo = c.ehlo(helo).await?,
                Err(a) if required => {
                    return Err(err(format!("{} refused STARTTLS: {}", c.peer, a.line())));
                }
                Err(_) => {}
            }
        } else if required {
            return Err(err(format!(
                "{} does not offer STARTTLS, which the route requires",
                c.peer
            )));
        }
        c.extensions(&ehlo);
        Ok(c)
    }

    /// Opens the TCP connection (from `bind`, when given) within the time limit.
    pub async fn connect(
        addr: SocketAddr,
        bind: Option<std::net::IpAddr>,
        host: &str,
        timeout: Duration,
    ) -> Result<Conn, ConnError> {
        let connect = async {
            let socket = if addr.is_ipv4() {
                tokio::net::TcpSocket::new_v4()?
            } else {
                tokio::net::TcpSocket::new_v6()?
            };
            if let Some(ip) = bind {
                socket.bind(SocketAddr::new(ip, 0))?;
            }
            socket.connect(addr).await
        };
        let tcp = tokio::time::timeout(timeout, connect)
            .await
            .map_err(|_| err(format!("connect to {addr} timed out")))?;
        let tcp = tcp.map_err(|e| err(format!("connect to {addr}: {e}")))?;
        let _ = tcp.set_nodelay(true);
        Ok(Conn {
            io: Box::new(tcp),
            buf: Vec::new(),
            peer: format!("{host}[{}]", addr.ip()),
            tls: false,
            eight_bit: false,
            smtputf8: false,
            timeout,
            host: host.to_string(),
            addr,
        })
    }

    /// The server's greeting (220 when it will talk).
    pub async fn greeting(&mut self) -> Result<Answer, ConnError> {
        self.read_answer().await
    }

    /// Remembers what the (last) EHLO reply offers.
    pub fn extensions(&mut self, ehlo: &Answer) {
        if ehlo.code == 250 {
            self.eight_bit = offers(ehlo, "8BITMIME");
            self.smtputf8 = offers(ehlo, "SMTPUTF8");
        }
    }

    /// Says STARTTLS and, on 220, completes the handshake, checking the server's
    /// certificate as `tls` asks and presenting `present`. `Ok(Err(reply))`: the server
    /// refused STARTTLS (the connection is still usable in the clear).
    pub async fn start_tls(
        &mut self,
        tls: &OutboundTls,
        clients: &TlsClients,
        present: Option<&Arc<CertifiedKey>>,
    ) -> Result<Result<TlsInfo, Answer>, ConnError> {
        let host = self.host.clone();
        // Which verifier, and which name the certificate is checked against.
        let (verifier, check_name) = match tls {
            OutboundTls::Opportunistic | OutboundTls::Required => (&clients.any, host),
            OutboundTls::Validated {
                name: NameCheck::Chain,
            } => (&clients.chain, host),
            OutboundTls::Validated {
                name: NameCheck::Host,
            } => (&clients.strict, host),
            OutboundTls::Validated {
                name: NameCheck::Domain(d),
            } => match d.strip_prefix("*.") {
                None => (&clients.strict, d.clone()),
                Some(parent)
                    if host.len() > parent.len() + 1 && host.ends_with(&format!(".{parent}")) =>
                {
                    (&clients.strict, host)
                }
                Some(_) => return Err(err(format!("{host} is not under TlsDomain {d}"))),
            },
        };
        let config = clients.config(verifier, present);
        self.write(b"STARTTLS\r\n").await?;
        let a = self.read_answer().await?;
        if a.code != 220 {
            return Ok(Err(a));
        }
        let io = std::mem::replace(&mut self.io, Box::new(tokio::io::empty()));
        let name = rustls_pki_types::ServerName::try_from(check_name)
            .unwrap_or_else(|_| rustls_pki_types::ServerName::IpAddress(self.addr.ip().into()));
        let stream =
            tokio::time::timeout(self.timeout, TlsConnector::from(config).connect(name, io))
                .await
                .map_err(|_| err("TLS handshake timed out"))?
                .map_err(|e| err(format!("TLS handshake with {}: {e}", self.peer)))?;
        let session = stream.get_ref().1;
        let info = TlsInfo {
            version: session
                .protocol_version()
                .map(|v| format!("{v:?}"))
                .unwrap_or_default(),
            names: session
                .peer_certificates()
                .and_then(|c| c.first())
                .map(crate::relay::tls::names)
                .unwrap_or_default(),
        };
        self.io = Box::new(stream);
        self.tls = true;
        self.buf.clear();
        Ok(Ok(info))
    }

    /// EHLO, or HELO when EHLO is refused.
    pub async fn ehlo(&mut self, helo: &str) -> Result<Answer, ConnError> {
        self.write(format!("EHLO {helo}\r\n").as_bytes()).await?;
        let a = self.read_answer().await?;
        if a.code == 250 {
            return Ok(a);
        }
        self.write(format!("HELO {helo}\r\n").as_bytes()).await?;
        let a = self.read_answer().await?;
        if a.code != 250 {
            return Err(ConnError {
                permanent: a.code >= 500,
                message: format!("{} refused HELO: {}", self.peer, a.line()),
            });
        }
        Ok(a)
    }

    async fn write(&mut self, data: &[u8]) -> Result<(), ConnError> {
        let w = async {
            self.io.write_all(data).await?;
            self.io.flush().await
        };
        tokio::time::timeout(self.timeout, w)
            .await
            .map_err(|_| err("write timed out"))?
            .map_err(|e| err(format!("write: {e}")))
    }

    /// Reads one (possibly multi-line) reply.
    async fn read_answer(&mut self) -> Result<Answer, ConnError> {
        let mut text = String::new();
        loop {
            let line = loop {
                if let Some(i) = self.buf.iter().position(|b| *b == b'\n') {
                    let line: Vec<u8> = self.buf.drain(..=i).collect();
                    break String::from_utf8_lossy(&line).trim_end().to_string();
                }
                if self.buf.len() > 64 * 1024 {
                    return Err(err("reply line too long"));
                }
                let mut chunk = [0u8; 4096];
                let n = tokio::time::timeout(self.timeout, self.io.read(&mut chunk))
                    .await
                    .map_err(|_| err(format!("{} timed out", self.peer)))?
                    .map_err(|e| err(format!("read: {e}")))?;
                if n == 0 {
                    return Err(err(format!("{} closed the connection", self.peer)));
                }
                self.buf.extend_from_slice(&chunk[..n]);
            };
            let code: u16 = line
                .get(..3)
                .and_then(|c| c.parse().ok())
                .ok_or_else(|| err(format!("bad reply from {}: {line}", self.peer)))?;
            if !text.is_empty() {
                text.push('\n');
            }
            text.push_str(line.get(4..).unwrap_or(""));
            if line.as_bytes().get(3) != Some(&b'-') {
                return Ok(Answer { code, text });
            }
        }
    }

    /// Sends one message to `rcpts`. `Err` when the connection broke (every recipient
    /// not yet answered should be deferred and the connection dropped).
    pub async fn send(
        &mut self,
        sender: Option<&str>,
        rcpts: &[String],
        message: &[u8],
    ) -> Result<Vec<Outcome>, ConnError> {
        let peer = self.peer.clone();
        let refused = |stage: Stage, reply: &Answer| DeliveryError::Refused {
            peer: peer.clone(),
            stage,
            reply: reply.clone(),
        };
        let mut mail = format!("MAIL FROM:<{}>", sender.unwrap_or(""));
        if self.eight_bit && message.iter().any(|b| *b >= 0x80) {
            mail.push_str(" BODY=8BITMIME");
        }
        let utf8 = !sender.unwrap_or("").is_ascii() || rcpts.iter().any(|r| !r.is_ascii());
        if utf8 && self.smtputf8 {
            mail.push_str(" SMTPUTF8");
        }
        mail.push_str(&format!(" SIZE={}\r\n", message.len()));
        self.write(mail.as_bytes()).await?;
        let a = self.read_answer().await?;
        if a.code != 250 {
            let why = refused(Stage::MailFrom, &a);
            self.rset().await?;
            return Ok(rcpts.iter().map(|_| Err(why.clone())).collect());
        }
        let mut outcomes = Vec::with_capacity(rcpts.len());
        let mut accepted = 0;
        for r in rcpts {
            self.write(format!("RCPT TO:<{r}>\r\n").as_bytes()).await?;
            let a = self.read_answer().await?;
            if a.code == 250 || a.code == 251 {
                accepted += 1;
                outcomes.push(None);
            } else {
                outcomes.push(Some(Err(refused(Stage::RcptTo(r.clone()), &a))));
            }
        }
        if accepted == 0 {
            self.rset().await?;
            return Ok(outcomes.into_iter().map(|o| o.expect("refused")).collect());
        }
        self.write(b"DATA\r\n").await?;
        let a = self.read_answer().await?;
        if a.code != 354 {
            let why = refused(Stage::Data, &a);
            self.rset().await?;
            return Ok(outcomes
                .into_iter()
                .map(|o| o.unwrap_or_else(|| Err(why.clone())))
                .collect());
        }
        self.write(&dot_stuff(message)).await?;
        let a = self.read_answer().await?;
        let end = if a.code == 250 {
            Ok(a)
        } else {
            Err(refused(Stage::EndOfData, &a))
        };
        Ok(outcomes
            .into_iter()
            .map(|o| o.unwrap_or_else(|| end.clone()))
            .collect())
    }

    async fn rset(&mut self) -> Result<(), ConnError> {
        self.write(b"RSET\r\n").await?;
        self.read_answer().await.map(drop)
    }

    /// How a recipient sent on this connection went (the trace, the TLS metric).
    pub fn via(&self) -> Via {
        Via::Smtp {
            peer: self.peer.clone(),
            ip: self.addr.ip(),
            tls: self.tls,
        }
    }

    pub async fn quit(mut self) {
        if self.write(b"QUIT\r\n").await.is_ok() {
            let _ = self.read_answer().await;
        }
    }
}

/// The message as DATA sends it: leading dots doubled, CRLF line ends, then CRLF.CRLF.
pub fn dot_stuff(message: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(message.len() + 64);
    let mut at_line_start = true;
    for &b in message {
        if at_line_start && b == b'.' {
            out.push(b'.');
        }
        out.push(b);
        at_line_start = b == b'\n';
    }
    if !message.is_empty() && !message.ends_with(b"\r\n") {
        out.extend_from_slice(b"\r\n");
    }
    out.extend_from_slice(b".\r\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dot_stuffing() {
        assert_eq!(dot_stuff(b"a\r\n.b\r\n"), b"a\r\n..b\r\n.\r\n");
        assert_eq!(dot_stuff(b".x"), b"..x\r\n.\r\n");
        assert_eq!(dot_stuff(b""), b".\r\n");
    }
}
