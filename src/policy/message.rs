//! What the content stage knows about a message once its data is in: the envelope, the
//! client, and what the MIME parser (mail-parser) read from the bytes, parsed once.
//! Pure: the relay (or `Test-MessageRoute -MessageFile`) hands in the bytes and the time;
//! nothing here reads a file, a clock or the network.

use std::net::IpAddr;

use chrono::{DateTime, Utc};
use mail_parser::{MessageParser, MimeHeaders, PartType};

/// An attachment: its file name (possibly empty), the extension of that name (lower-case,
/// no dot) and its decoded size.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attachment {
    pub name: String,
    pub extension: String,
    pub size: u64,
}

/// Everything a content decision (mail flow rules, and the spam and malware filters that
/// plug in beside them) may look at.
#[derive(Debug, Clone, Default)]
pub struct MessageFacts {
    /// The envelope sender (MAIL FROM), lower-case; `None` is the null sender.
    pub sender: Option<String>,
    /// The envelope recipients accepted at RCPT, as the client gave them.
    pub recipients: Vec<String>,
    /// The connecting client; `None` for the relay's own messages.
    pub client_ip: Option<IpAddr>,
    /// The client belongs to the organisation (an OnPremises inbound connector or the
    /// relay itself): FromScope InOrganization.
    pub client_in_organization: bool,
    /// The From header's address, lower-case, if it has one.
    pub from: Option<String>,
    /// The subject, decoded (RFC 2047), "" without one.
    pub subject: String,
    /// Every top-level header, name as written and value decoded and unfolded.
    pub headers: Vec<(String, String)>,
    /// The decoded text of each body part that is not an attachment (HTML as written).
    pub body: Vec<String>,
    pub attachments: Vec<Attachment>,
    /// The size of the message in octets, as received.
    pub size: u64,
    /// The spam confidence level, when a filter has set one.
    pub scl: Option<i8>,
    /// The time the message is judged at (rule activation and expiry).
    pub now: DateTime<Utc>,
}

impl MessageFacts {
    /// The sender a rule's sender conditions look at: the From header, else the envelope.
    pub fn sender_address(&self) -> Option<&str> {
        self.from.as_deref().or(self.sender.as_deref())
    }

    /// The decoded values of every header named `name` (any case).
    pub fn header_values<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.headers
            .iter()
            .filter(move |(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// The envelope and client facts the bytes cannot tell.
#[derive(Debug, Clone)]
pub struct Envelope<'a> {
    pub sender: Option<&'a str>,
    pub recipients: &'a [String],
    pub client_ip: Option<IpAddr>,
    pub client_in_organization: bool,
    pub now: DateTime<Utc>,
}

/// Reads the message once. A message the parser cannot read at all still gets its
/// envelope facts and size (rules on the envelope must not be dodged by garbled MIME).
pub fn parse(bytes: &[u8], env: &Envelope) -> MessageFacts {
    let mut facts = MessageFacts {
        sender: env.sender.map(str::to_ascii_lowercase),
        recipients: env.recipients.to_vec(),
        client_ip: env.client_ip,
        client_in_organization: env.client_in_organization,
        size: bytes.len() as u64,
        now: env.now,
        ..MessageFacts::default()
    };
    let Some(msg) = MessageParser::default().parse(bytes) else {
        return facts;
    };
    facts.from = msg
        .from()
        .and_then(|a| a.first())
        .and_then(|a| a.address())
        .map(str::to_ascii_lowercase);
    facts.subject = msg.subject().unwrap_or_default().to_string();
    facts.headers = msg
        .headers()
        .iter()
        .map(|h| {
            (
                h.name.as_str().to_string(),
                header_text(h, msg.raw_message()),
            )
        })
        .collect();
    for (i, part) in msg.parts.iter().enumerate() {
        let attachment = msg.attachments.contains(&(i as u32));
        match &part.body {
            PartType::Multipart(_) => {}
            PartType::Text(t) | PartType::Html(t) if !attachment => facts.body.push(t.to_string()),
            _ if i == 0 && !attachment => {}
            _ => {
                let name = part.attachment_name().unwrap_or_default().to_string();
                let extension = name
                    .rsplit_once('.')
                    .map(|(_, e)| e.to_ascii_lowercase())
                    .unwrap_or_default();
                facts.attachments.push(Attachment {
                    name,
                    extension,
                    size: part.len() as u64,
                });
            }
        }
    }
    facts
}

/// A header's value as text: decoded where the parser knows the header, else the raw
/// field body unfolded.
fn header_text(h: &mail_parser::Header, raw: &[u8]) -> String {
    if let Some(t) = h.value.as_text() {
        return t.to_string();
    }
    let body = raw
        .get(h.offset_start as usize..h.offset_end as usize)
        .unwrap_or_default();
    String::from_utf8_lossy(body)
        .replace(['\r', '\n'], "")
        .trim()
        .to_string()
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    pub const MULTIPART: &str = "From: Alice <Alice@Fabrikam.example>\r\nTo: bob@contoso.test\r\nSubject: =?utf-8?q?Quarterly_report?=\r\nX-Tag: one\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n--b1\r\nContent-Type: multipart/alternative; boundary=\"b2\"\r\n\r\n--b2\r\nContent-Type: text/plain; charset=us-ascii\r\n\r\nPlease wire the money.\r\n--b2\r\nContent-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n<html><body><p>Please wire the money.</p></body></html>\r\n--b2--\r\n\r\n--b1\r\nContent-Type: application/octet-stream; name=\"Invoice.EXE\"\r\nContent-Disposition: attachment; filename=\"Invoice.EXE\"\r\nContent-Transfer-Encoding: base64\r\n\r\nTVqQAAMAAAAEAAAA//8AALgAAAAAAAAAQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAgAAAAA==\r\n--b1--\r\n";

    fn env<'a>(rcpts: &'a [String]) -> Envelope<'a> {
        Envelope {
            sender: Some("Bounce@Fabrikam.example"),
            recipients: rcpts,
            client_ip: Some("192.0.2.1".parse().unwrap()),
            client_in_organization: false,
            now: DateTime::UNIX_EPOCH,
        }
    }

    #[test]
    fn reads_a_multipart_message_once() {
        let rcpts = vec!["bob@contoso.test".to_string()];
        let f = parse(MULTIPART.as_bytes(), &env(&rcpts));
        assert_eq!(f.from.as_deref(), Some("alice@fabrikam.example"));
        assert_eq!(f.sender.as_deref(), Some("bounce@fabrikam.example"));
        assert_eq!(f.subject, "Quarterly report");
        assert_eq!(f.header_values("x-tag").collect::<Vec<_>>(), ["one"]);
        assert_eq!(f.body.len(), 2, "{:?}", f.body);
        assert!(f.body[0].contains("wire the money"));
        assert_eq!(
            f.attachments,
            [Attachment {
                name: "Invoice.EXE".into(),
                extension: "exe".into(),
                size: 67
            }]
        );
        assert_eq!(f.size, MULTIPART.len() as u64);
    }

    #[test]
    fn garbage_keeps_the_envelope() {
        let rcpts = vec!["bob@contoso.test".to_string()];
        let f = parse(b"", &env(&rcpts));
        assert_eq!(f.recipients, rcpts);
        assert_eq!(f.sender_address(), Some("bounce@fabrikam.example"));
    }
}
