//! A quarantine notification's message ("Quarantine notifications (end-user spam
//! notifications)"): multipart text and HTML, one entry per held message (sender,
//! subject, date, why it was held) with a signed link per action its quarantine policy
//! permits. Built with mail-builder; every text from the message is escaped in the HTML.

use chrono::{DateTime, Utc};
use mail_builder::MessageBuilder;

use super::token::LinkAction;
use crate::relay::quarantine::Entry;

/// One held message with its links.
pub struct Item<'a> {
    pub entry: &'a Entry,
    /// (action, URL), in the order shown.
    pub links: Vec<(LinkAction, String)>,
}

/// Who the notification is from, to whom, and its words.
pub struct Header<'a> {
    pub from_name: &'a str,
    pub from_address: &'a str,
    pub to: &'a str,
    pub subject: String,
    pub organization: &'a str,
    pub disclaimer: Option<&'a str>,
    pub message_id: &'a str,
    pub date: DateTime<Utc>,
}

/// `&`, `<`, `>`, `"` and `'` as entities: text from a message never becomes markup.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// What a link is called in the notification.
pub fn label(a: LinkAction) -> &'static str {
    match a {
        LinkAction::Preview => "Preview",
        LinkAction::Release => "Release",
        LinkAction::RequestRelease => "Request release",
        LinkAction::BlockSender => "Block sender",
        LinkAction::Delete => "Delete",
    }
}

/// Why it was held, in a few words.
fn reason(e: &Entry) -> String {
    let kind = format!("{:?}", e.quarantine_type);
    match e.reasons.first() {
        Some(r) => format!("{kind} ({r})"),
        None => kind,
    }
}

fn sender(e: &Entry) -> &str {
    if e.sender_address.is_empty() {
        "(no sender)"
    } else {
        &e.sender_address
    }
}

/// The notification, ready to queue.
pub fn build(h: &Header, items: &[Item]) -> std::io::Result<Vec<u8>> {
    let mut text = format!(
        "{} message(s) sent to you are held in the quarantine of {}.\r\nReview them: a message can be held by mistake.\r\n\r\n",
        items.len(),
        h.organization
    );
    let mut html = format!(
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{}</title></head><body>\
         <h1>Messages held for you</h1><p>{} message(s) sent to you are held in the quarantine of {}. \
         Review them: a message can be held by mistake.</p><table><thead><tr><th scope=\"col\">Sender</th>\
         <th scope=\"col\">Subject</th><th scope=\"col\">Date</th><th scope=\"col\">Reason</th><th scope=\"col\">Actions</th></tr></thead><tbody>",
        escape(&h.subject),
        items.len(),
        escape(h.organization)
    );
    for (n, it) in items.iter().enumerate() {
        let e = it.entry;
        let date = e.received_time.to_rfc2822();
        text.push_str(&format!(
            "{}. From: {}\r\n   Subject: {}\r\n   Date: {date}\r\n   Reason: {}\r\n",
            n + 1,
            sender(e),
            e.subject,
            reason(e)
        ));
        for (a, url) in &it.links {
            text.push_str(&format!("   {}: {url}\r\n", label(*a)));
        }
        text.push_str("\r\n");
        let links: Vec<String> = it
            .links
            .iter()
            .map(|(a, url)| format!("<a href=\"{}\">{}</a>", escape(url), label(*a)))
            .collect();
        html.push_str(&format!(
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            escape(sender(e)),
            escape(&e.subject),
            escape(&date),
            escape(&reason(e)),
            links.join(" | ")
        ));
    }
    html.push_str("</tbody></table>");
    if let Some(d) = h.disclaimer {
        text.push_str(&format!("A disclaimer from your organization: {d}\r\n"));
        html.push_str(&format!(
            "<p>A disclaimer from your organization: {}</p>",
            escape(d)
        ));
    }
    html.push_str("</body></html>");
    MessageBuilder::new()
        .from((h.from_name, h.from_address))
        .to(h.to)
        .subject(h.subject.as_str())
        .date(h.date.timestamp())
        .message_id(h.message_id)
        .header(
            "Auto-Submitted",
            mail_builder::headers::raw::Raw::new("auto-generated"),
        )
        .text_body(text)
        .html_body(html)
        .write_to_vec()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::policy::protection::QuarantineType;

    #[test]
    fn a_digest_is_multipart_and_escapes_the_message() {
        let now = Utc::now();
        let e = Entry {
            identity: "Q1".into(),
            received_time: now,
            expires: now,
            quarantine_type: QuarantineType::Spam,
            sender_address: "win@prizes.example".into(),
            recipient_address: vec!["bob@contoso.com".into()],
            subject: "<script>alert(1)</script> prize".into(),
            message_id: "<1@x>".into(),
            size: 1,
            policy_name: "Default".into(),
            reasons: vec!["SPAM_PHRASE(+1)".into()],
            released_to: vec![],
            message_trace_id: None,
            tag_name: "Notify".into(),
            release_requested_by: vec![],
            deleted_for: vec![],
        };
        let h = Header {
            from_name: "Quarantine",
            from_address: "quarantine@contoso.com",
            to: "bob@contoso.com",
            subject: "Quarantine notification".into(),
            organization: "Contoso",
            disclaimer: Some("Ask the help desk"),
            message_id: "d1@contoso.com",
            date: now,
        };
        let items = [Item {
            entry: &e,
            links: vec![(
                LinkAction::Release,
                "http://127.0.0.1:8080/quarantine/release?t=a.b".into(),
            )],
        }];
        let raw = String::from_utf8(build(&h, &items).unwrap()).unwrap();
        let m = mail_parser::MessageParser::default()
            .parse(raw.as_bytes())
            .unwrap();
        let html = m.body_html(0).unwrap();
        assert!(
            html.contains("&lt;script&gt;") && !html.contains("<script>"),
            "{html}"
        );
        assert!(html.contains("href=\"http://127.0.0.1:8080/quarantine/release?t=a.b\""));
        let text = m.body_text(0).unwrap();
        assert!(text.contains("Release: http://127.0.0.1:8080/quarantine/release?t=a.b"));
        assert!(
            text.contains("From: win@prizes.example")
                && text.contains("Reason: Spam (SPAM_PHRASE(+1))")
        );
        assert!(raw.contains("Auto-Submitted: auto-generated"));
    }
}
