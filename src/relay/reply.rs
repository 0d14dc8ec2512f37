//! Every SMTP reply the relay sends, by name: code, enhanced status code (RFC 3463) and
//! text. Replies never name configuration objects (the log does, with the session id).

use std::borrow::Cow;

use crate::policy::Refusal;
use crate::policy::address::AddressError;

/// One reply: the basic code and the text, which starts with the enhanced code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reply {
    pub code: u16,
    pub text: Cow<'static, str>,
}

const fn r(code: u16, text: &'static str) -> Reply {
    Reply {
        code,
        text: Cow::Borrowed(text),
    }
}

impl Reply {
    /// The wire form, one line (multi-line replies are written by `lines`).
    pub fn to_wire(&self) -> String {
        format!("{} {}\r\n", self.code, self.text)
    }

    pub fn is_positive(&self) -> bool {
        self.code < 400
    }
}

/// A multi-line reply (EHLO).
pub fn lines(code: u16, lines: &[String]) -> String {
    let mut out = String::new();
    for (i, l) in lines.iter().enumerate() {
        let sep = if i + 1 == lines.len() { ' ' } else { '-' };
        out.push_str(&format!("{code}{sep}{l}\r\n"));
    }
    out
}

pub fn greeting(fqdn: &str, banner: &str) -> Reply {
    let text = if banner.is_empty() {
        format!("{fqdn} ESMTP ready")
    } else {
        banner.to_string()
    };
    // A configured banner may carry its own "220 " prefix, as Exchange's does.
    let text = text.strip_prefix("220 ").unwrap_or(&text).to_string();
    Reply {
        code: 220,
        text: Cow::Owned(text),
    }
}
pub fn helo(fqdn: &str, peer: &str) -> Reply {
    Reply {
        code: 250,
        text: Cow::Owned(format!("{fqdn} Hello [{peer}]")),
    }
}
pub fn closing(fqdn: &str) -> Reply {
    Reply {
        code: 221,
        text: Cow::Owned(format!("2.0.0 {fqdn} closing connection")),
    }
}
pub fn queued(id: &str) -> Reply {
    Reply {
        code: 250,
        text: Cow::Owned(format!("2.6.0 Queued as {id}")),
    }
}

/// A BDAT chunk taken (RFC 3030 §2).
pub fn chunk_received(size: u64) -> Reply {
    Reply {
        code: 250,
        text: Cow::Owned(format!("2.0.0 {size} octets received")),
    }
}

pub const OK: Reply = r(250, "2.0.0 OK");
pub const SENDER_OK: Reply = r(250, "2.1.0 Sender OK");
pub const RECIPIENT_OK: Reply = r(250, "2.1.5 Recipient OK");
pub const RESET: Reply = r(250, "2.0.0 Reset");
pub const VRFY: Reply = r(
    252,
    "2.5.0 Cannot verify the user, but will accept the message and attempt delivery",
);
pub const START_DATA: Reply = r(354, "Start mail input; end with <CRLF>.<CRLF>");
pub const READY_TLS: Reply = r(220, "2.0.0 Ready to start TLS");

pub const TOO_MANY_CONNECTIONS: Reply = r(421, "4.3.2 Too many connections, try again later");
pub const TIMEOUT: Reply = r(421, "4.4.2 Connection timed out");
pub const SHUTTING_DOWN: Reply = r(421, "4.3.2 Service shutting down");
pub const TOO_MANY_ERRORS: Reply = r(421, "4.7.0 Too many errors, closing connection");
pub const LOCAL_ERROR: Reply = r(451, "4.3.0 Local error in processing, try again later");
pub const STORAGE: Reply = r(452, "4.3.1 Insufficient system storage");
pub const TOO_MANY_RECIPIENTS: Reply = r(452, "4.5.3 Too many recipients");
pub const TLS_UNAVAILABLE: Reply = r(454, "4.7.0 TLS not available");

pub const SYNTAX: Reply = r(500, "5.5.2 Syntax error, command unrecognized");
pub const LINE_TOO_LONG: Reply = r(500, "5.5.6 Line too long");
pub const PARAMETERS: Reply = r(501, "5.5.4 Syntax error in parameters or arguments");
pub const BAD_SENDER: Reply = r(501, "5.1.7 Bad sender address syntax");
pub const NOT_IMPLEMENTED: Reply = r(502, "5.5.1 Command not implemented");
pub const BAD_SEQUENCE: Reply = r(503, "5.5.1 Bad sequence of commands");
pub const NEED_HELO: Reply = r(503, "5.5.1 Send EHLO or HELO first");
pub const NEED_MAIL: Reply = r(503, "5.5.1 Need MAIL command");
pub const NEED_RCPT: Reply = r(503, "5.5.1 Need RCPT command");
pub const NO_VALID_RECIPIENTS: Reply = r(554, "5.5.1 No valid recipients");
pub const PARAM_NOT_RECOGNIZED: Reply = r(
    555,
    "5.5.4 MAIL FROM/RCPT TO parameters not recognized or not implemented",
);
pub const SIZE_EXCEEDED: Reply = r(552, "5.3.4 Message size exceeds fixed maximum message size");
pub const DATA_LINE_TOO_LONG: Reply = r(554, "5.6.0 Line too long in message data");
pub const BARE_LINE_ENDING: Reply = r(
    550,
    "5.6.11 Bare CR or LF in message data is not allowed; use CRLF",
);
pub const NUL_IN_DATA: Reply = r(554, "5.6.0 NUL character in message data is not allowed");
pub const MUST_STARTTLS: Reply = r(530, "5.7.0 Must issue a STARTTLS command first");
pub const CLIENT_NOT_ALLOWED: Reply = r(554, "5.7.1 Access denied");
pub const NEEDS_SMTPUTF8: Reply = r(553, "5.6.7 Non-ASCII address requires SMTPUTF8");
/// The organisation's own mail scored as spam: not relayed.
pub const OUTBOUND_SPAM: Reply = r(
    550,
    "5.7.1 Message rejected as spam: outbound mail that looks like spam is not relayed",
);

// SMTP AUTH (RFC 4954 §6), with EOP's words where it has them.
pub const AUTH_OK: Reply = r(235, "2.7.0 Authentication successful");
/// A LOGIN prompt: "Username:" and "Password:", base64 (the draft-murchison-sasl-login form).
pub const AUTH_USERNAME: Reply = r(334, "VXNlcm5hbWU6");
pub const AUTH_PASSWORD: Reply = r(334, "UGFzc3dvcmQ6");
/// PLAIN without an initial response: the client sends it next.
pub const AUTH_GO_ON: Reply = r(334, "");
pub const AUTH_FAILED: Reply = r(535, "5.7.8 Authentication unsuccessful");
pub const AUTH_BLOCKED: Reply = r(
    454,
    "4.7.0 Too many failed authentication attempts, try again later",
);
pub const AUTH_CANCELLED: Reply = r(501, "5.7.0 Authentication cancelled");
pub const AUTH_BAD_RESPONSE: Reply = r(501, "5.5.2 Cannot decode the authentication response");
pub const AUTH_MECHANISM: Reply = r(504, "5.5.4 Unrecognized authentication type");
/// AUTH where it is not offered: before TLS (RFC 4954 §4's 538), or on a connector that
/// takes no authenticated users.
pub const AUTH_NEEDS_TLS: Reply = r(
    538,
    "5.7.11 Encryption required for requested authentication mechanism",
);
pub const AUTH_NOT_OFFERED: Reply = r(503, "5.5.1 Authentication not enabled");
pub const AUTH_AGAIN: Reply = r(503, "5.5.1 Already authenticated");

/// The reply for a policy refusal.
/// A mail flow rule's RejectMessageReasonText and RejectMessageEnhancedStatusCode (5.7.1 or
/// 5.7.900-5.7.999, checked by the state): the text is the admin's, meant for the sender.
pub fn rule_reject(enhanced: &str, text: &str) -> Reply {
    Reply {
        code: 550,
        text: Cow::Owned(format!("{enhanced} {text}")),
    }
}

pub fn refusal(r: Refusal) -> Reply {
    match r {
        Refusal::BadAddress(AddressError::Syntax | AddressError::TooLong) => {
            self::r(501, "5.1.3 Bad recipient address syntax")
        }
        Refusal::BadAddress(_) => self::r(550, "5.7.1 Address form not accepted"),
        Refusal::RelayDenied => self::r(550, "5.7.1 Relaying denied"),
        Refusal::UnknownRecipient => {
            self::r(550, "5.4.1 Recipient address rejected: Access denied")
        }
        Refusal::NoSuchUser => self::r(550, "5.1.1 Recipient address rejected: User unknown"),
        Refusal::Loop => self::r(554, "5.4.14 Hop count exceeded - possible mail loop"),
        Refusal::ClientNotAllowed => CLIENT_NOT_ALLOWED,
        Refusal::SenderNotAllowed => self::r(550, "5.7.1 Sender not allowed from this address"),
        Refusal::TlsRequired => MUST_STARTTLS,
        // EOP's own words: the client learns it is blocked, not by which list entry or zone.
        Refusal::IpBlocked => self::r(
            550,
            "5.7.1 Service unavailable; client host blocked using Customer Block list",
        ),
        Refusal::DnsBlocked => self::r(
            550,
            "5.7.1 Service unavailable; client host blocked using a DNS block list",
        ),
        Refusal::DmarcReject => self::r(
            550,
            "5.7.1 Access denied, sending domain does not pass DMARC verification and has a DMARC policy of reject",
        ),
        Refusal::SenderBlocked => {
            self::r(550, "5.7.1 Sender blocked by the recipient's organization")
        }
        Refusal::SendAsDenied => self::r(
            550,
            "5.7.60 Client does not have permissions to send as this sender",
        ),
        Refusal::NotAuthenticated => self::r(
            530,
            "5.7.57 Client was not authenticated to send anonymous mail during MAIL FROM",
        ),
        // EOP's words for a restricted user, and what the user can do about it.
        Refusal::SenderRestricted => self::r(
            550,
            "5.1.8 Access denied, bad outbound sender: this sender is restricted from sending mail; contact your administrator",
        ),
        Refusal::AutoForwardDenied => self::r(
            550,
            "5.7.520 Access denied, Your organization does not allow external forwarding. Please contact your administrator for further assistance.",
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_reply_carries_an_enhanced_code() {
        let all = [
            OK,
            SENDER_OK,
            RECIPIENT_OK,
            RESET,
            VRFY,
            READY_TLS,
            TOO_MANY_CONNECTIONS,
            TIMEOUT,
            SHUTTING_DOWN,
            TOO_MANY_ERRORS,
            LOCAL_ERROR,
            STORAGE,
            TOO_MANY_RECIPIENTS,
            TLS_UNAVAILABLE,
            SYNTAX,
            LINE_TOO_LONG,
            PARAMETERS,
            BAD_SENDER,
            NOT_IMPLEMENTED,
            BAD_SEQUENCE,
            NEED_HELO,
            NEED_MAIL,
            NEED_RCPT,
            NO_VALID_RECIPIENTS,
            PARAM_NOT_RECOGNIZED,
            SIZE_EXCEEDED,
            BARE_LINE_ENDING,
            MUST_STARTTLS,
            CLIENT_NOT_ALLOWED,
            NEEDS_SMTPUTF8,
            AUTH_OK,
            AUTH_FAILED,
            AUTH_BLOCKED,
            AUTH_CANCELLED,
            AUTH_BAD_RESPONSE,
            AUTH_MECHANISM,
            AUTH_NEEDS_TLS,
            AUTH_NOT_OFFERED,
            AUTH_AGAIN,
            OUTBOUND_SPAM,
            closing("x"),
            queued("1"),
        ];
        for reply in all {
            let class = reply.text.split('.').next().unwrap();
            assert_eq!(class, (reply.code / 100).to_string(), "{reply:?}");
        }
    }
}
