//! A raw SMTP client (for attacks as much as for mail) and an SMTP sink that records what
//! it receives, both on loopback with bounded waits.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::Path;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio_rustls::rustls;

/// A line-level SMTP client.
pub struct Client {
    reader: BufReader<TcpStream>,
    stream: TcpStream,
}

impl Client {
    pub fn connect(addr: SocketAddr) -> Client {
        let stream = TcpStream::connect_timeout(&addr, Duration::from_secs(5)).expect("connect");
        stream
            .set_read_timeout(Some(Duration::from_secs(10)))
            .unwrap();
        stream
            .set_write_timeout(Some(Duration::from_secs(10)))
            .unwrap();
        Client {
            reader: BufReader::new(stream.try_clone().unwrap()),
            stream,
        }
    }

    /// Waits up to `limit` for each read and write: for huge messages on a loaded machine.
    pub fn patient(&mut self, limit: Duration) {
        self.stream.set_read_timeout(Some(limit)).unwrap();
        self.stream.set_write_timeout(Some(limit)).unwrap();
    }

    /// Sends raw bytes.
    pub fn raw(&mut self, bytes: &[u8]) {
        self.stream.write_all(bytes).expect("write");
    }

    /// Reads one reply (all lines); "" when the server closed.
    pub fn reply(&mut self) -> String {
        read_reply(&mut self.reader)
    }

    /// Sends a command line and reads the reply.
    pub fn cmd(&mut self, line: &str) -> String {
        self.raw(format!("{line}\r\n").as_bytes());
        self.reply()
    }

    /// Greeting, EHLO, MAIL, RCPTs, DATA; returns the reply to the end of data.
    pub fn send(&mut self, from: &str, to: &[&str], data: &str) -> String {
        assert!(self.cmd(&format!("MAIL FROM:<{from}>")).starts_with("250"));
        for r in to {
            let reply = self.cmd(&format!("RCPT TO:<{r}>"));
            assert!(reply.starts_with("250"), "RCPT {r}: {reply}");
        }
        assert!(self.cmd("DATA").starts_with("354"));
        self.raw(data.as_bytes());
        self.cmd(".")
    }

    /// The connection, to go on over TLS after STARTTLS. Nothing may be left unread.
    pub fn into_stream(self) -> TcpStream {
        assert!(self.reader.buffer().is_empty(), "unread input before TLS");
        self.stream
    }

    pub fn hello(addr: SocketAddr) -> Client {
        let mut c = Client::connect(addr);
        let greeting = c.reply();
        assert!(greeting.starts_with("220"), "{greeting}");
        let ehlo = c.cmd("EHLO client.test");
        assert!(ehlo.starts_with("250"), "{ehlo}");
        c
    }
}

/// Reads one reply (all lines) from any stream, plain or TLS; "" when the server closed.
pub fn read_reply(reader: &mut impl BufRead) -> String {
    let mut all = String::new();
    loop {
        let mut line = String::new();
        match reader.read_line(&mut line) {
            Ok(0) | Err(_) => return all,
            Ok(_) => {}
        }
        all.push_str(&line);
        if line.as_bytes().get(3) != Some(&b'-') {
            return all;
        }
    }
}

/// One message a sink received.
#[derive(Debug, Clone)]
pub struct Received {
    pub from: String,
    pub to: Vec<String>,
    pub data: String,
    /// Which connection (counting from 1) carried it.
    pub connection: usize,
    /// The client presented a certificate over TLS.
    pub client_certificate: bool,
}

/// An SMTP server that records messages. Recipients whose local part starts with
/// `bounce` get 550, with `defer` 451.
pub struct Sink {
    pub addr: SocketAddr,
    pub messages: Arc<Mutex<Vec<Received>>>,
    pub connections: Arc<AtomicUsize>,
    stop: Arc<AtomicBool>,
}

impl Sink {
    pub fn start() -> Sink {
        Sink::start_on(0)
    }

    /// A sink on a given loopback port.
    pub fn start_on(port: u16) -> Sink {
        Sink::start_with(port, None)
    }

    /// A sink that offers STARTTLS with the certificate `cert` (PEM chain) and key `key`,
    /// and asks for (without requiring) a client certificate issued by `client_ca`.
    pub fn start_tls(cert: &Path, key: &Path, client_ca: &Path) -> Sink {
        use rustls_pki_types::pem::PemObject;
        use rustls_pki_types::{CertificateDer, PrivateKeyDer};
        let chain = CertificateDer::pem_file_iter(cert)
            .unwrap()
            .map(Result::unwrap)
            .collect();
        let key = PrivateKeyDer::from_pem_file(key).unwrap();
        let provider = Arc::new(rustls::crypto::ring::default_provider());
        let mut roots = rustls::RootCertStore::empty();
        roots
            .add(CertificateDer::from_pem_file(client_ca).unwrap())
            .unwrap();
        let clients = rustls::server::WebPkiClientVerifier::builder_with_provider(
            roots.into(),
            provider.clone(),
        )
        .allow_unauthenticated()
        .build()
        .unwrap();
        let config = rustls::ServerConfig::builder_with_provider(provider)
            .with_safe_default_protocol_versions()
            .unwrap()
            .with_client_cert_verifier(clients)
            .with_single_cert(chain, key)
            .unwrap();
        Sink::start_with(0, Some(Arc::new(config)))
    }

    fn start_with(port: u16, tls: Option<Arc<rustls::ServerConfig>>) -> Sink {
        let listener = TcpListener::bind(("127.0.0.1", port)).unwrap();
        listener.set_nonblocking(true).unwrap();
        let addr = listener.local_addr().unwrap();
        let messages = Arc::new(Mutex::new(Vec::new()));
        let connections = Arc::new(AtomicUsize::new(0));
        let stop = Arc::new(AtomicBool::new(false));
        let (m, c, s) = (messages.clone(), connections.clone(), stop.clone());
        std::thread::spawn(move || {
            // Bounded: the sink lives at most two minutes, whatever the test does.
            let start = std::time::Instant::now();
            while !s.load(Ordering::SeqCst) && start.elapsed() < Duration::from_secs(120) {
                match listener.accept() {
                    Ok((stream, _)) => {
                        let n = c.fetch_add(1, Ordering::SeqCst) + 1;
                        let (m, tls) = (m.clone(), tls.clone());
                        std::thread::spawn(move || serve(stream, n, m, tls));
                    }
                    Err(_) => std::thread::sleep(Duration::from_millis(10)),
                }
            }
        });
        Sink {
            addr,
            messages,
            connections,
            stop,
        }
    }

    pub fn received(&self) -> Vec<Received> {
        self.messages.lock().unwrap().clone()
    }
}

impl Drop for Sink {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
    }
}

/// A sink's connection: plain, or TLS after STARTTLS.
enum Io {
    Plain(TcpStream),
    Tls(Box<rustls::StreamOwned<rustls::ServerConnection, TcpStream>>),
}

impl Read for Io {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        match self {
            Io::Plain(s) => s.read(buf),
            Io::Tls(s) => s.read(buf),
        }
    }
}

impl Write for Io {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        match self {
            Io::Plain(s) => s.write(buf),
            Io::Tls(s) => s.write(buf),
        }
    }
    fn flush(&mut self) -> std::io::Result<()> {
        match self {
            Io::Plain(s) => s.flush(),
            Io::Tls(s) => s.flush(),
        }
    }
}

fn serve(
    stream: TcpStream,
    connection: usize,
    messages: Arc<Mutex<Vec<Received>>>,
    mut tls: Option<Arc<rustls::ServerConfig>>,
) {
    stream.set_nonblocking(false).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .unwrap();
    let mut r = BufReader::new(Io::Plain(stream));
    let _ = r.get_mut().write_all(b"220 sink.test ESMTP\r\n");
    let (mut from, mut to) = (String::new(), Vec::new());
    loop {
        let mut line = String::new();
        if r.read_line(&mut line).unwrap_or(0) == 0 {
            return;
        }
        let upper = line.to_ascii_uppercase();
        let reply: String = if upper.starts_with("EHLO") {
            let starttls = if tls.is_some() {
                "250-STARTTLS\r\n"
            } else {
                ""
            };
            format!("250-sink.test\r\n{starttls}250-PIPELINING\r\n250-8BITMIME\r\n250 SMTPUTF8\r\n")
        } else if upper.starts_with("STARTTLS") && tls.is_some() {
            let _ = r.get_mut().write_all(b"220 2.0.0 go ahead\r\n");
            let Io::Plain(tcp) = r.into_inner() else {
                return;
            };
            let conn = rustls::ServerConnection::new(tls.take().unwrap()).unwrap();
            r = BufReader::new(Io::Tls(Box::new(rustls::StreamOwned::new(conn, tcp))));
            continue;
        } else if upper.starts_with("MAIL FROM:") {
            from = line[10..]
                .trim()
                .trim_start_matches('<')
                .split('>')
                .next()
                .unwrap_or("")
                .to_string();
            to.clear();
            "250 ok\r\n".into()
        } else if upper.starts_with("RCPT TO:") {
            let rcpt = line[8..]
                .trim()
                .trim_start_matches('<')
                .split('>')
                .next()
                .unwrap_or("")
                .to_string();
            if rcpt.starts_with("bounce") {
                "550 5.1.1 no such user\r\n".into()
            } else if rcpt.starts_with("defer") {
                "451 4.3.0 try later\r\n".into()
            } else {
                to.push(rcpt);
                "250 ok\r\n".into()
            }
        } else if upper.starts_with("DATA") {
            let _ = r.get_mut().write_all(b"354 go\r\n");
            let mut data = String::new();
            loop {
                let mut l = String::new();
                if r.read_line(&mut l).unwrap_or(0) == 0 {
                    return;
                }
                if l == ".\r\n" {
                    break;
                }
                data.push_str(
                    l.strip_prefix('.')
                        .filter(|_| l.starts_with(".."))
                        .unwrap_or(&l),
                );
            }
            messages.lock().unwrap().push(Received {
                from: from.clone(),
                to: to.clone(),
                data,
                connection,
                client_certificate: match r.get_ref() {
                    Io::Tls(s) => s.conn.peer_certificates().is_some(),
                    Io::Plain(_) => false,
                },
            });
            "250 2.0.0 queued\r\n".into()
        } else if upper.starts_with("QUIT") {
            let _ = r.get_mut().write_all(b"221 bye\r\n");
            return;
        } else if upper.starts_with("RSET") || upper.starts_with("NOOP") {
            "250 ok\r\n".into()
        } else {
            "502 5.5.1 no\r\n".into()
        };
        if r.get_mut().write_all(reply.as_bytes()).is_err() {
            return;
        }
    }
}
