//! Carries out a content decision (`policy::content`) on a received message: the answer
//! to the client, the edited bytes and the final recipients. Edits keep the original bytes
//! wherever they are not edited: header fields are removed or added as whole fields, a
//! disclaimer goes into the text parts it belongs to (re-encoded only when the part's
//! encoding or charset leaves no other choice), nothing else is re-serialized.

use base64::Engine;
use mail_parser::{Encoding, MessageParser, MimeHeaders, PartType};

use crate::policy::Blame;
use crate::policy::content::{ContentAction, ContentDecision, SCL_HEADER};
use crate::relay::queue::spool::QueuedRecipient;
use crate::relay::reply::{self, Reply};

/// What becomes of the message.
#[derive(Debug)]
pub enum Outcome {
    /// Answer the DATA with this instead of 250.
    Reject(Reply, Blame),
    /// 250, then drop it.
    Delete(Blame),
    /// 250, then keep it (as received) in the quarantine.
    Quarantine {
        reason: String,
        blame: Blame,
        message: Vec<u8>,
    },
    /// Queue these bytes for these recipients.
    Queue {
        message: Vec<u8>,
        recipients: Vec<QueuedRecipient>,
        junk: bool,
        /// Recipients a rule added but the recipient decision refused, for the log.
        refused: Vec<(String, Blame)>,
    },
}

/// Applies `decision` to `message` (the bytes as received) and its recipients.
pub fn apply(
    decision: &ContentDecision,
    mut message: Vec<u8>,
    mut recipients: Vec<QueuedRecipient>,
) -> Outcome {
    if let Some((action, blame)) = decision.fate() {
        return match action {
            ContentAction::Reject { enhanced, text } => {
                Outcome::Reject(reply::rule_reject(enhanced, text), blame.clone())
            }
            ContentAction::Delete => Outcome::Delete(blame.clone()),
            ContentAction::Quarantine { reason } => Outcome::Quarantine {
                reason: reason.clone(),
                blame: blame.clone(),
                message,
            },
            _ => unreachable!("fate() returns only final actions"),
        };
    }
    let mut junk = false;
    let mut refused = Vec::new();
    for (action, blame) in &decision.actions {
        match action {
            ContentAction::SetScl(n) => {
                message = set_header(&message, SCL_HEADER, &n.to_string());
            }
            ContentAction::SetHeader { name, value } => {
                message = set_header(&message, name, value);
            }
            ContentAction::RemoveHeader { name } => {
                message = Headers::split(&message).without(name).join();
            }
            ContentAction::PrependSubject(prefix) => message = prepend_subject(&message, prefix),
            ContentAction::Disclaimer { html, text } => message = disclaim(&message, html, text),
            ContentAction::RemoveRecipients(gone) => {
                recipients.retain(|r| !gone.contains(&r.rcpt));
            }
            ContentAction::AddRecipients {
                recipients: added,
                to_header,
            } => {
                let mut named = Vec::new();
                for d in added {
                    match &d.outcome {
                        Ok(route) => {
                            named.push(d.recipient.clone());
                            if !recipients
                                .iter()
                                .any(|r| r.rcpt.eq_ignore_ascii_case(&d.recipient))
                            {
                                recipients.push(QueuedRecipient {
                                    rcpt: d.recipient.clone(),
                                    route: route.clone(),
                                });
                            }
                        }
                        // The reason names who refused it (the last say in its decision).
                        Err(e) => refused.push((
                            d.recipient.clone(),
                            Blame::new(
                                blame.object.clone(),
                                match d.blame.last() {
                                    Some(by) => format!("added recipient refused: {e} ({by})"),
                                    None => format!("added recipient refused: {e}"),
                                },
                            ),
                        )),
                    }
                }
                if *to_header && !named.is_empty() {
                    message = append_to(&message, &named);
                }
            }
            ContentAction::RouteVia { recipient, route } => {
                for r in recipients.iter_mut().filter(|r| &r.rcpt == recipient) {
                    r.route = route.clone();
                }
            }
            ContentAction::DeliverToJunk => junk = true,
            ContentAction::Reject { .. }
            | ContentAction::Delete
            | ContentAction::Quarantine { .. } => {}
        }
    }
    Outcome::Queue {
        message,
        recipients,
        junk,
        refused,
    }
}

/// The header section as whole fields (each with its folded lines and line ending), and
/// the rest (the empty line and the body).
pub struct Headers<'a> {
    fields: Vec<&'a [u8]>,
    added: Vec<Vec<u8>>,
    rest: &'a [u8],
}

impl<'a> Headers<'a> {
    pub fn split(message: &'a [u8]) -> Headers<'a> {
        let mut fields: Vec<&'a [u8]> = Vec::new();
        let mut start = 0;
        let mut field_start = 0;
        while start < message.len() {
            let end = message[start..]
                .iter()
                .position(|b| *b == b'\n')
                .map_or(message.len(), |i| start + i + 1);
            let line = &message[start..end];
            if line == b"\r\n" || line == b"\n" {
                break;
            }
            let continuation = matches!(line.first(), Some(b' ' | b'\t'));
            // A line that is neither a field nor a continuation ends the header section
            // (RFC 5322 has no such line; keep it, and what follows, as body).
            if !continuation && !line.contains(&b':') {
                break;
            }
            if !continuation && start > field_start {
                fields.push(&message[field_start..start]);
                field_start = start;
            }
            start = end;
        }
        if start > field_start {
            fields.push(&message[field_start..start]);
        }
        Headers {
            fields,
            added: Vec::new(),
            rest: &message[start..],
        }
    }

    fn name_of(field: &[u8]) -> &[u8] {
        let colon = field.iter().position(|b| *b == b':').unwrap_or(field.len());
        field[..colon].trim_ascii()
    }

    /// The fields without those named `name` (any case).
    pub fn without(mut self, name: &str) -> Headers<'a> {
        self.fields
            .retain(|f| !Self::name_of(f).eq_ignore_ascii_case(name.as_bytes()));
        self
    }

    /// Adds a field at the end of the header section.
    pub fn with(mut self, name: &str, value: &str) -> Headers<'a> {
        self.added.push(format!("{name}: {value}\r\n").into_bytes());
        self
    }

    pub fn first(&self, name: &str) -> Option<&'a [u8]> {
        self.fields
            .iter()
            .find(|f| Self::name_of(f).eq_ignore_ascii_case(name.as_bytes()))
            .copied()
    }

    pub fn join(&self) -> Vec<u8> {
        let mut out = Vec::new();
        for f in &self.fields {
            out.extend_from_slice(f);
            // The last field of a message that ends inside its header section has no
            // line ending: end it, or a field added after it would join it.
            if !f.ends_with(b"\n") {
                out.extend_from_slice(b"\r\n");
            }
        }
        for f in &self.added {
            out.extend_from_slice(f);
        }
        if self.rest.is_empty() {
            out.extend_from_slice(b"\r\n");
        }
        out.extend_from_slice(self.rest);
        out
    }
}

/// Replaces every field named `name` with one holding `value`.
pub fn set_header(message: &[u8], name: &str, value: &str) -> Vec<u8> {
    Headers::split(message)
        .without(name)
        .with(name, value)
        .join()
}

/// Puts `prefix` before the subject (which may be RFC 2047-encoded: the prefix is then
/// encoded too when it is not plain ASCII).
pub fn prepend_subject(message: &[u8], prefix: &str) -> Vec<u8> {
    let h = Headers::split(message);
    let current = h.first("Subject").map(|f| {
        let colon = f.iter().position(|b| *b == b':').unwrap_or(f.len() - 1);
        String::from_utf8_lossy(&f[colon + 1..]).trim().to_string()
    });
    // A prefix typed as "[EXT]" (the cmdlet trims values) still reads "[EXT] Subject".
    let prefix = if prefix.ends_with(char::is_whitespace) {
        prefix.to_string()
    } else {
        format!("{prefix} ")
    };
    let prefix = if prefix.is_ascii() {
        prefix
    } else {
        format!(
            "=?utf-8?b?{}?= ",
            base64::engine::general_purpose::STANDARD.encode(prefix.trim_end())
        )
    };
    let value = match current {
        // Folded lines stay folded: the line breaks are kept inside the value.
        Some(s) => format!("{prefix}{s}"),
        None => prefix.trim_end().to_string(),
    };
    h.without("Subject").with("Subject", &value).join()
}

/// Adds addresses to the To header (AddToRecipients).
fn append_to(message: &[u8], added: &[String]) -> Vec<u8> {
    let h = Headers::split(message);
    let current = h.first("To").map(|f| {
        let colon = f.iter().position(|b| *b == b':').unwrap_or(f.len() - 1);
        String::from_utf8_lossy(&f[colon + 1..]).trim().to_string()
    });
    let mut list: Vec<String> = current.into_iter().filter(|c| !c.is_empty()).collect();
    list.extend(added.iter().cloned());
    h.without("To").with("To", &list.join(", ")).join()
}

/// Appends the disclaimer to every text part that is not an attachment: `html` to
/// text/html parts, `text` to text/plain ones. Multipart messages keep their structure;
/// parts are edited from the last to the first so the offsets stay true.
pub fn disclaim(message: &[u8], html: &str, text: &str) -> Vec<u8> {
    let Some(parsed) = MessageParser::default().parse(message) else {
        return message.to_vec();
    };
    let mut parts: Vec<(usize, &mail_parser::MessagePart)> = parsed
        .parts
        .iter()
        .enumerate()
        .filter(|(i, p)| {
            matches!(p.body, PartType::Text(_) | PartType::Html(_))
                && !parsed.attachments.contains(&(*i as u32))
        })
        .collect();
    parts.sort_by_key(|(_, p)| std::cmp::Reverse(p.offset_header));
    let mut out = message.to_vec();
    for (_, p) in parts {
        let (h, b, e) = (
            p.offset_header as usize,
            p.offset_body as usize,
            (p.offset_end as usize).min(message.len()),
        );
        if !(h <= b && b <= e) {
            continue;
        }
        let is_html = matches!(p.body, PartType::Html(_));
        let addition = if is_html { html } else { text };
        let charset = p
            .content_type()
            .and_then(|c| c.attribute("charset"))
            .unwrap_or("us-ascii")
            .to_ascii_lowercase();
        let as_is = p.encoding == Encoding::None
            && (charset == "utf-8" || (addition.is_ascii() && charset == "us-ascii"));
        let replacement = if as_is {
            let mut part = message[h..b].to_vec();
            part.extend(insert(&message[b..e], addition, is_html));
            part
        } else {
            // Quoted-printable, base64 or another charset: the decoded text with the
            // disclaimer, re-encoded as UTF-8 base64.
            let decoded = p.text_contents().unwrap_or_default();
            let body = insert(decoded.as_bytes(), addition, is_html);
            let kind = if is_html { "text/html" } else { "text/plain" };
            let mut part = Headers::split(&message[h..b])
                .without("Content-Type")
                .without("Content-Transfer-Encoding")
                .with("Content-Type", &format!("{kind}; charset=utf-8"))
                .with("Content-Transfer-Encoding", "base64")
                .join();
            let encoded = base64::engine::general_purpose::STANDARD.encode(&body);
            for chunk in encoded.as_bytes().chunks(76) {
                part.extend_from_slice(chunk);
                part.extend_from_slice(b"\r\n");
            }
            // Inside a multipart the line break before the boundary belongs to the
            // boundary, and it was outside [h, e): drop the one just written.
            if !message[b..e].ends_with(b"\n") {
                part.truncate(part.len() - 2);
            }
            part
        };
        out.splice(h..e, replacement);
    }
    out
}

/// The body with the disclaimer: HTML before `</body>` when there is one, else at the end.
fn insert(body: &[u8], addition: &str, html: bool) -> Vec<u8> {
    let lower = body.to_ascii_lowercase();
    if html && let Some(at) = find_last(&lower, b"</body>") {
        let mut out = body[..at].to_vec();
        out.extend_from_slice(addition.as_bytes());
        out.extend_from_slice(&body[at..]);
        return out;
    }
    let mut out = body.to_vec();
    let addition = addition.replace("\r\n", "\n").replace('\n', "\r\n");
    if body.ends_with(b"\n") {
        out.extend_from_slice(addition.as_bytes());
        out.extend_from_slice(b"\r\n");
    } else {
        out.extend_from_slice(b"\r\n");
        out.extend_from_slice(addition.as_bytes());
    }
    out
}

fn find_last(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).rposition(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_fields_with_folding_are_removed_whole() {
        let m = b"Subject: a\r\nX-B: one\r\n two\r\nx-b: three\r\nTo: c@d\r\n\r\nbody\r\nX-B: not a header\r\n";
        let out = Headers::split(m).without("X-B").join();
        assert_eq!(
            out,
            b"Subject: a\r\nTo: c@d\r\n\r\nbody\r\nX-B: not a header\r\n"
        );
        let out = set_header(m, "To", "e@f");
        assert!(
            out.starts_with(b"Subject: a\r\nX-B: one\r\n two\r\nx-b: three\r\nTo: e@f\r\n\r\nbody")
        );
        // No header section at all, or no body: still one empty line between.
        assert_eq!(set_header(b"", "X-A", "1"), b"X-A: 1\r\n\r\n");
        assert_eq!(
            set_header(b"S: x\r\n", "X-A", "1"),
            b"S: x\r\nX-A: 1\r\n\r\n"
        );
    }

    #[test]
    fn subject_prefix_plain_and_encoded() {
        let m = b"Subject: =?utf-8?q?caf=C3=A9?=\r\n\r\nx";
        let out = String::from_utf8(prepend_subject(m, "[EXT]")).unwrap();
        assert_eq!(out, "Subject: [EXT] =?utf-8?q?caf=C3=A9?=\r\n\r\nx");
        let out = prepend_subject(b"From: a@b\r\n\r\nx", "[Extérieur]");
        let parsed = MessageParser::default().parse(&out).unwrap();
        assert_eq!(parsed.subject(), Some("[Extérieur]"));
        let out = prepend_subject(b"Subject: hi\r\n\r\nx", "Ext:");
        let parsed = MessageParser::default().parse(&out).unwrap();
        assert_eq!(parsed.subject(), Some("Ext: hi"));
    }

    #[test]
    fn disclaimer_in_single_part_and_encoded_parts() {
        let plain = b"Subject: s\r\nContent-Type: text/plain\r\n\r\nHello\r\n";
        assert_eq!(
            disclaim(plain, "<p>Bye</p>", "Bye"),
            b"Subject: s\r\nContent-Type: text/plain\r\n\r\nHello\r\nBye\r\n"
        );
        let html = b"Subject: s\r\nContent-Type: text/html; charset=iso-8859-1\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n<html><BODY>caf=E9</BODY></html>\r\n";
        let out = disclaim(html, "<p>Bye</p>", "Bye");
        let parsed = MessageParser::default().parse(&out).unwrap();
        assert_eq!(
            parsed.body_html(0).unwrap(),
            "<html><BODY>café<p>Bye</p></BODY></html>\r\n"
        );
        let text = String::from_utf8(out).unwrap();
        assert!(
            text.contains("Content-Transfer-Encoding: base64\r\n")
                && !text.contains("quoted-printable"),
            "{text}"
        );
        assert!(text.starts_with("Subject: s\r\n"), "{text}");
        // An attachment that happens to be text is left alone.
        let att = b"Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nhi\r\n--b\r\nContent-Type: text/plain\r\nContent-Disposition: attachment; filename=a.txt\r\n\r\nfile\r\n--b--\r\n";
        let out = String::from_utf8(disclaim(att, "<p>Bye</p>", "Bye")).unwrap();
        assert!(out.contains("\r\n\r\nhi\r\nBye\r\n--b\r\n"), "{out}");
        assert!(out.contains("\r\n\r\nfile\r\n--b--"), "{out}");
    }

    #[test]
    fn added_recipients_and_removed_ones() {
        use crate::policy::content::ContentAction;
        use crate::policy::{RecipientDecision, Route};
        let route = Route::Mailbox {
            mailbox: "A".into(),
            primary: "a@contoso.test".into(),
        };
        let blame = Blame::new("TransportRule \"R\"", "test");
        let d = ContentDecision {
            actions: vec![
                (
                    ContentAction::RemoveRecipients(vec!["x@contoso.test".into()]),
                    blame.clone(),
                ),
                (
                    ContentAction::AddRecipients {
                        recipients: vec![RecipientDecision {
                            recipient: "a@contoso.test".into(),
                            address: None,
                            class: None,
                            outcome: Ok(route.clone()),
                            blame: vec![],
                        }],
                        to_header: true,
                    },
                    blame.clone(),
                ),
                (ContentAction::DeliverToJunk, blame),
            ],
            rules: vec![],
        };
        let rcpts = vec![QueuedRecipient {
            rcpt: "x@contoso.test".into(),
            route: route.clone(),
        }];
        match apply(&d, b"To: x@contoso.test\r\n\r\nhi\r\n".to_vec(), rcpts) {
            Outcome::Queue {
                message,
                recipients,
                junk,
                refused,
            } => {
                assert_eq!(message, b"To: x@contoso.test, a@contoso.test\r\n\r\nhi\r\n");
                assert_eq!(recipients.len(), 1);
                assert_eq!(recipients[0].rcpt, "a@contoso.test");
                assert!(junk && refused.is_empty());
            }
            other => panic!("{other:?}"),
        }
    }
}
