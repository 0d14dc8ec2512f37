//! External scanners, each bounded by a timeout: rspamd over its HTTP protocol
//! (`POST /checkv2`, a small HTTP/1.1 exchange with `Connection: close`), and clamd over its
//! INSTREAM protocol (TCP `host:port` or a Unix socket path).

use std::net::IpAddr;
use std::time::Duration;

use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt};
use tokio::net::{TcpStream, UnixStream};

use crate::policy::antispam::ExternalScore;

/// How long a scanner may take for one message.
pub const TIMEOUT: Duration = Duration::from_secs(10);

/// What rspamd's /checkv2 needs besides the message.
pub struct RspamdRequest<'a> {
    pub sender: Option<&'a str>,
    pub recipients: &'a [String],
    pub client_ip: Option<IpAddr>,
    pub helo: Option<&'a str>,
}

/// Why a scanner gave no verdict.
#[derive(Debug, thiserror::Error)]
pub enum ScanError {
    #[error("{scanner} at {at}: no answer in {}s", TIMEOUT.as_secs())]
    Timeout { scanner: &'static str, at: String },
    #[error("{scanner} at {at}: {source}")]
    Io {
        scanner: &'static str,
        at: String,
        source: std::io::Error,
    },
    #[error("{scanner} at {at}: {source}")]
    Answer {
        scanner: &'static str,
        at: String,
        source: BadAnswer,
    },
    #[error("{0}: not an http:// URL")]
    Url(String),
}

/// An answer a scanner should not have given.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct BadAnswer(String);

/// Asks rspamd at `url` (`http://host:port`) for its score.
pub async fn rspamd(
    url: &str,
    req: &RspamdRequest<'_>,
    message: &[u8],
) -> Result<ExternalScore, ScanError> {
    let authority = url
        .strip_prefix("http://")
        .ok_or_else(|| ScanError::Url(url.to_string()))?
        .split('/')
        .next()
        .unwrap_or_default();
    let answer = exchange("rspamd", url, rspamd_ask(authority, req, message)).await?;
    parse_rspamd(&answer).map_err(|source| ScanError::Answer {
        scanner: "rspamd",
        at: url.to_string(),
        source,
    })
}

/// One exchange with a scanner, within the time limit; its raw answer.
async fn exchange(
    scanner: &'static str,
    at: &str,
    talk: impl std::future::Future<Output = std::io::Result<Vec<u8>>>,
) -> Result<Vec<u8>, ScanError> {
    let at = || at.to_string();
    tokio::time::timeout(TIMEOUT, talk)
        .await
        .map_err(|_| ScanError::Timeout { scanner, at: at() })?
        .map_err(|source| ScanError::Io {
            scanner,
            at: at(),
            source,
        })
}

/// One request to rspamd's checkv2; its raw HTTP answer.
async fn rspamd_ask(
    authority: &str,
    req: &RspamdRequest<'_>,
    message: &[u8],
) -> std::io::Result<Vec<u8>> {
    let mut stream = TcpStream::connect(authority).await?;
    let mut head = format!(
        "POST /checkv2 HTTP/1.1\r\nHost: {authority}\r\nConnection: close\r\nContent-Length: {}\r\n",
        message.len()
    );
    let clean = |s: &str| s.replace(['\r', '\n'], "");
    if let Some(s) = req.sender {
        head.push_str(&format!("From: {}\r\n", clean(s)));
    }
    for r in req.recipients {
        head.push_str(&format!("Rcpt: {}\r\n", clean(r)));
    }
    if let Some(ip) = req.client_ip {
        head.push_str(&format!("IP: {ip}\r\n"));
    }
    if let Some(h) = req.helo {
        head.push_str(&format!("Helo: {}\r\n", clean(h)));
    }
    head.push_str("\r\n");
    stream.write_all(head.as_bytes()).await?;
    stream.write_all(message).await?;
    let mut answer = Vec::new();
    (&mut stream).take(4 << 20).read_to_end(&mut answer).await?;
    Ok(answer)
}

/// The score and the symbols (highest first) from rspamd's HTTP answer.
pub fn parse_rspamd(answer: &[u8]) -> Result<ExternalScore, BadAnswer> {
    let split =
        memchr::memmem::find(answer, b"\r\n\r\n").ok_or(BadAnswer("no HTTP header".into()))?;
    let status =
        std::str::from_utf8(&answer[..split]).map_err(|_| BadAnswer("bad HTTP header".into()))?;
    let code = status.split_whitespace().nth(1).unwrap_or_default();
    if code != "200" {
        return Err(BadAnswer(format!("HTTP status {code}")));
    }
    let body: serde_json::Value = serde_json::from_slice(&answer[split + 4..])
        .map_err(|e| BadAnswer(format!("not JSON: {e}")))?;
    let score = body["score"]
        .as_f64()
        .ok_or(BadAnswer("no score in the answer".into()))?;
    let mut symbols: Vec<(String, f64)> = body["symbols"]
        .as_object()
        .map(|o| {
            o.iter()
                .map(|(k, v)| (k.clone(), v["score"].as_f64().unwrap_or(0.0)))
                .collect()
        })
        .unwrap_or_default();
    symbols.sort_by(|a, b| b.1.abs().total_cmp(&a.1.abs()));
    Ok(ExternalScore {
        scanner: "rspamd".into(),
        score,
        symbols: symbols
            .into_iter()
            .take(5)
            .map(|(k, v)| format!("{k}:{v:.1}"))
            .collect(),
    })
}

/// Asks clamd at `server` (host:port, or a path to its Unix socket). `Ok(Some(name))` is a
/// signature it found, `Ok(None)` a clean message.
pub async fn clamd(server: &str, message: &[u8]) -> Result<Option<String>, ScanError> {
    let scan = async {
        if server.starts_with('/') {
            instream(UnixStream::connect(server).await?, message).await
        } else {
            instream(TcpStream::connect(server).await?, message).await
        }
    };
    let answer = exchange("clamd", server, scan).await?;
    parse_clamd(&answer).map_err(|source| ScanError::Answer {
        scanner: "clamd",
        at: server.to_string(),
        source,
    })
}

/// One INSTREAM scan; clamd's raw answer.
async fn instream<S: AsyncRead + AsyncWrite + Unpin>(
    mut s: S,
    message: &[u8],
) -> std::io::Result<Vec<u8>> {
    s.write_all(b"zINSTREAM\0").await?;
    for chunk in message.chunks(64 * 1024) {
        s.write_all(&(chunk.len() as u32).to_be_bytes()).await?;
        s.write_all(chunk).await?;
    }
    s.write_all(&0u32.to_be_bytes()).await?;
    let mut answer = Vec::new();
    (&mut s).take(4096).read_to_end(&mut answer).await?;
    Ok(answer)
}

/// clamd's answer: `stream: OK`, `stream: <name> FOUND`, or an error.
pub fn parse_clamd(answer: &[u8]) -> Result<Option<String>, BadAnswer> {
    let text = String::from_utf8_lossy(answer);
    let text = text.trim_end_matches(['\0', '\n']).trim();
    let verdict = text.strip_prefix("stream:").map(str::trim).unwrap_or(text);
    if verdict == "OK" {
        Ok(None)
    } else if let Some(name) = verdict.strip_suffix("FOUND") {
        Ok(Some(name.trim().to_string()))
    } else {
        Err(BadAnswer(format!("unexpected answer: {text}")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rspamd_answers() {
        let a = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n\r\n{\"score\": 7.5, \"required_score\": 15, \"action\": \"add header\", \"symbols\": {\"A\": {\"score\": 0.5}, \"GTUBE\": {\"score\": 7.0}}}";
        let s = parse_rspamd(a).unwrap();
        assert_eq!((s.score, s.symbols[0].as_str()), (7.5, "GTUBE:7.0"));
        assert!(parse_rspamd(b"HTTP/1.1 500 Oops\r\n\r\n{}").is_err());
        assert!(parse_rspamd(b"garbage").is_err());
    }

    #[test]
    fn clamd_answers() {
        assert_eq!(parse_clamd(b"stream: OK\0"), Ok(None));
        assert_eq!(
            parse_clamd(b"stream: Eicar-Test-Signature FOUND\0"),
            Ok(Some("Eicar-Test-Signature".into()))
        );
        assert!(parse_clamd(b"INSTREAM size limit exceeded. ERROR\0").is_err());
    }
}
