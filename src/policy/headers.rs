//! The service's internal headers: what the relay and the service it mimics stamp on a
//! message to carry verdicts and origin between their own hops (`X-MS-Exchange-
//! Organization-*`, `X-MS-Exchange-Forest-*`, `X-Forefront-Antispam-Report`, and eopctl's
//! own `X-Eopctl-*`). They are believed only across a trusted connector: an inbound
//! connector that identified the client and has CloudServicesMailEnabled (the
//! connector wizard's "retain internal Exchange email headers"). From anyone else they are removed on
//! receipt, so no outsider can forge a spam verdict or an internal origin.

use super::decision::{Blame, Client, Origin};

/// Name prefixes of the service's internal headers (compared without case).
pub const SERVICE_HEADER_PREFIXES: &[&str] = &[
    "X-MS-Exchange-Organization-",
    "X-MS-Exchange-Forest-",
    "X-Forefront-Antispam-Report",
    "X-Eopctl-",
];

pub fn is_service_header(name: &str) -> bool {
    SERVICE_HEADER_PREFIXES.iter().any(|p| {
        name.len() >= p.len() && name.as_bytes()[..p.len()].eq_ignore_ascii_case(p.as_bytes())
    })
}

/// Whether the service headers on this client's mail are kept, and why.
pub fn retains_service_headers(client: &Client) -> (bool, Blame) {
    match (&client.connector, client.origin) {
        (_, Origin::Local) => (true, Blame::new("relay", "the relay's own message")),
        (Some((name, _)), _) if client.cloud_services_mail_enabled => (
            true,
            Blame::new(
                format!("InboundConnector \"{name}\""),
                "CloudServicesMailEnabled: the service's internal headers are kept",
            ),
        ),
        (Some((name, _)), _) => (
            false,
            Blame::new(
                format!("InboundConnector \"{name}\""),
                "CloudServicesMailEnabled is false: the service's internal headers are removed",
            ),
        ),
        (None, _) => (
            false,
            Blame::new(
                "no InboundConnector",
                "an anonymous client: the service's internal headers are removed",
            ),
        ),
    }
}

/// Removes the service headers (each with its continuation lines) from the message's
/// header section, in place; the number removed. The body is never touched, and a message
/// without service headers is not copied.
pub fn strip_service_headers(message: &mut Vec<u8>) -> usize {
    let mut drop: Vec<(usize, usize)> = Vec::new();
    let mut dropping = false;
    let mut at = 0;
    while at < message.len() {
        let end = message[at..]
            .iter()
            .position(|b| *b == b'\n')
            .map_or(message.len(), |i| at + i + 1);
        let line = &message[at..end];
        let bare = line.strip_suffix(b"\n").unwrap_or(line);
        let bare = bare.strip_suffix(b"\r").unwrap_or(bare);
        if bare.is_empty() {
            // The end of the header section: the rest is the body.
            break;
        }
        // A line starting with white space continues the previous header.
        if !matches!(bare[0], b' ' | b'\t') {
            let name = bare
                .iter()
                .position(|b| *b == b':')
                .map_or(&bare[..0], |i| &bare[..i]);
            dropping = is_service_header(&String::from_utf8_lossy(name));
            if dropping {
                drop.push((at, end));
            }
        } else if dropping && let Some(last) = drop.last_mut() {
            last.1 = end;
        }
        at = end;
    }
    for &(start, end) in drop.iter().rev() {
        message.drain(start..end);
    }
    drop.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn service_headers_and_their_continuations_go_the_body_stays() {
        let mut m = b"X-MS-Exchange-Organization-SCL: -1\r\nSubject: hi\r\nx-ms-exchange-organization-authas: Internal\r\n\tcontinued\r\n\tand more\r\nX-Eopctl-Verdict: clean\r\nX-Forefront-Antispam-Report: SFV:SKN\r\nFrom: a@b.test\r\n\tcontinued\r\n\r\nX-MS-Exchange-Organization-SCL: -1\r\n".to_vec();
        assert_eq!(strip_service_headers(&mut m), 4);
        assert_eq!(
            String::from_utf8(m).unwrap(),
            "Subject: hi\r\nFrom: a@b.test\r\n\tcontinued\r\n\r\nX-MS-Exchange-Organization-SCL: -1\r\n"
        );
        let mut clean = b"Subject: x\r\n\r\nbody".to_vec();
        assert_eq!(strip_service_headers(&mut clean), 0);
        assert_eq!(clean, b"Subject: x\r\n\r\nbody");
    }

    #[test]
    fn only_a_trusted_connector_with_cloud_services_mail_keeps_them() {
        use crate::state::model::InboundConnectorType::OnPremises;
        let ip = Origin::Client("192.0.2.1".parse().unwrap());
        let client = |connector: Option<&str>, cloud| Client {
            origin: ip,
            connector: connector.map(|n| (n.to_string(), OnPremises)),
            require_tls: false,
            cloud_services_mail_enabled: cloud,
            submitter: None,
            blame: Blame::new("x", "y"),
        };
        assert!(retains_service_headers(&client(Some("On-prem"), true)).0);
        assert!(!retains_service_headers(&client(Some("On-prem"), false)).0);
        assert!(!retains_service_headers(&client(None, false)).0);
    }
}
