//! Delivery status notifications (RFC 3464): a multipart/report telling the sender which
//! recipients failed and why, with the original headers. Sent from the null sender, so a
//! DSN never causes another; never sent to the null sender.

use super::spool::Envelope;

/// One failed recipient.
pub struct Failure {
    /// The address the next hop was given.
    pub recipient: String,
    /// The address as the client gave it.
    pub original: String,
    /// RFC 3463 status: `5.1.1`, or `4.4.7` for expiry.
    pub status: String,
    /// The next hop's reply or our reason.
    pub diagnostic: String,
}

pub fn headers_of(message: &[u8]) -> &[u8] {
    let end = message
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .map(|i| i + 2)
        .unwrap_or(message.len().min(64 * 1024));
    &message[..end]
}

pub fn subject_of(headers: &[u8]) -> String {
    String::from_utf8_lossy(headers)
        .lines()
        .find_map(|l| {
            l.get(..8)
                .filter(|h| h.eq_ignore_ascii_case("subject:"))
                .map(|_| l[8..].trim().to_string())
        })
        .unwrap_or_default()
}

/// The DSN's bytes (headers and body), addressed to the original sender.
pub fn build(
    env: &Envelope,
    message: &[u8],
    failures: &[Failure],
    hostname: &str,
    dsn_id: &str,
) -> Vec<u8> {
    let sender = env.sender.as_deref().unwrap_or_default();
    let boundary = format!("{dsn_id}/{hostname}");
    let headers = headers_of(message);
    let subject = subject_of(headers);
    let date = chrono::Utc::now().to_rfc2822();
    let arrival = chrono::DateTime::from_timestamp(env.received_at as i64, 0)
        .unwrap_or_default()
        .to_rfc2822();
    let mut out = String::new();
    out.push_str(&format!(
        "From: Mail Delivery System <MAILER-DAEMON@{hostname}>\r\n"
    ));
    out.push_str(&format!("To: <{sender}>\r\n"));
    out.push_str(&format!(
        "Subject: Undeliverable: {}\r\n",
        subject.replace(['\r', '\n'], " ")
    ));
    out.push_str(&format!("Date: {date}\r\nMessage-ID: <{dsn_id}@{hostname}>\r\nAuto-Submitted: auto-replied\r\nMIME-Version: 1.0\r\n"));
    out.push_str(&format!("Content-Type: multipart/report; report-type=delivery-status;\r\n\tboundary=\"{boundary}\"\r\n\r\n"));
    out.push_str("This is a MIME-encapsulated message.\r\n\r\n");
    out.push_str(&format!(
        "--{boundary}\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
    ));
    out.push_str(&format!(
        "Your message (queue id {}) could not be delivered to:\r\n\r\n",
        env.id
    ));
    for f in failures {
        out.push_str(&format!(
            "  <{}>: {}\r\n",
            f.recipient,
            f.diagnostic.replace(['\r', '\n'], " ")
        ));
    }
    out.push_str(&format!(
        "\r\n--{boundary}\r\nContent-Type: message/delivery-status\r\n\r\n"
    ));
    out.push_str(&format!(
        "Reporting-MTA: dns; {hostname}\r\nX-Queue-ID: {}\r\nArrival-Date: {arrival}\r\n",
        env.id
    ));
    for f in failures {
        out.push_str(&format!("\r\nFinal-Recipient: rfc822; {}\r\n", f.recipient));
        if f.original != f.recipient {
            out.push_str(&format!("Original-Recipient: rfc822; {}\r\n", f.original));
        }
        out.push_str(&format!(
            "Action: failed\r\nStatus: {}\r\nDiagnostic-Code: smtp; {}\r\n",
            f.status,
            f.diagnostic.replace(['\r', '\n'], " ")
        ));
    }
    out.push_str(&format!(
        "\r\n--{boundary}\r\nContent-Type: text/rfc822-headers\r\n\r\n"
    ));
    let mut bytes = out.into_bytes();
    bytes.extend_from_slice(headers);
    bytes.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
    bytes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dsn_is_a_multipart_report_with_the_headers() {
        let env = Envelope {
            id: "Q1".into(),
            sender: Some("a@x.example".into()),
            received_at: 0,
            client: "127.0.0.1".into(),
            recipients: vec![],
            junk: false,
            trace_id: None,
        };
        let f = Failure {
            recipient: "b@y.example".into(),
            original: "b@y.example".into(),
            status: "5.1.1".into(),
            diagnostic: "550 5.1.1 unknown".into(),
        };
        let dsn = String::from_utf8(build(
            &env,
            b"Subject: hello\r\nMessage-ID: <m1@x>\r\n\r\nbody\r\n",
            &[f],
            "relay.test",
            "D1",
        ))
        .unwrap();
        assert!(dsn.contains("report-type=delivery-status"));
        assert!(
            dsn.contains("Final-Recipient: rfc822; b@y.example\r\nAction: failed\r\nStatus: 5.1.1")
        );
        assert!(dsn.contains("Subject: Undeliverable: hello"));
        assert!(dsn.contains("Message-ID: <m1@x>"));
        assert!(!dsn.contains("body\r\n"));
    }
}
