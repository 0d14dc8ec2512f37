//! Unit tests of the SMTP command parser and the DATA/BDAT decoder.

use super::*;

fn decode(chunks: &[&[u8]]) -> (Option<usize>, Vec<u8>, DataDecoder) {
    let mut d = DataDecoder::new(None);
    let mut out = Vec::new();
    for (n, c) in chunks.iter().enumerate() {
        if let Some(end) = d.feed(c, &mut out) {
            assert_eq!(n, chunks.len() - 1, "ended early");
            return (Some(end), out, d);
        }
    }
    (None, out, d)
}

#[test]
fn commands_parse() {
    assert_eq!(
        parse_command(b"EHLO client.example"),
        Ok(Command::Ehlo("client.example".into()))
    );
    assert_eq!(parse_command(b"helo x"), Ok(Command::Helo("x".into())));
    assert_eq!(
        parse_command(b"MAIL FROM:<a@b.example> SIZE=1000 BODY=8BITMIME SMTPUTF8"),
        Ok(Command::Mail {
            from: Some("a@b.example".into()),
            params: MailParams {
                size: Some(1000),
                eight_bit: true,
                smtputf8: true
            }
        })
    );
    assert_eq!(
        parse_command(b"MAIL FROM:<>"),
        Ok(Command::Mail {
            from: None,
            params: MailParams::default()
        })
    );
    assert_eq!(
        parse_command(b"mail from: <a@b.example>"),
        Ok(Command::Mail {
            from: Some("a@b.example".into()),
            params: MailParams::default()
        })
    );
    assert_eq!(
        parse_command(b"RCPT TO:<c@d.example>"),
        Ok(Command::Rcpt {
            to: "c@d.example".into()
        })
    );
    assert_eq!(
        parse_command(b"RCPT TO:<@a,@b:c@d.example>"),
        Ok(Command::Rcpt {
            to: "@a,@b:c@d.example".into()
        })
    );
    assert_eq!(parse_command(b"DATA"), Ok(Command::Data));
    assert_eq!(
        parse_command(b"BDAT 1000"),
        Ok(Command::Bdat {
            size: 1000,
            last: false
        })
    );
    assert_eq!(
        parse_command(b"bdat 0 last"),
        Ok(Command::Bdat {
            size: 0,
            last: true
        })
    );
    assert_eq!(parse_command(b"STARTTLS"), Ok(Command::StartTls));
    assert_eq!(parse_command(b"VRFY postmaster"), Ok(Command::Vrfy));
}

#[test]
fn bad_commands_are_errors_not_panics() {
    assert_eq!(parse_command(b"FOO"), Err(ProtoError::Unrecognized));
    assert_eq!(parse_command(b""), Err(ProtoError::Unrecognized));
    assert_eq!(parse_command(b"EHLO"), Err(ProtoError::Arguments));
    assert_eq!(parse_command(b"MAIL TO:<a@b>"), Err(ProtoError::Arguments));
    assert_eq!(parse_command(b"MAIL FROM:a@b"), Err(ProtoError::Arguments));
    assert_eq!(parse_command(b"MAIL FROM:<a@b"), Err(ProtoError::Arguments));
    assert_eq!(
        parse_command(b"MAIL FROM:<a@b>x"),
        Err(ProtoError::Arguments)
    );
    assert_eq!(
        parse_command(b"MAIL FROM:<a@b> SIZE=x"),
        Err(ProtoError::Arguments)
    );
    assert_eq!(
        parse_command(b"MAIL FROM:<a@b> AUTH=<>"),
        Err(ProtoError::UnknownParameter)
    );
    assert_eq!(parse_command(b"RCPT TO:<>"), Err(ProtoError::Arguments));
    assert_eq!(
        parse_command(b"RCPT TO:<a@b> NOTIFY=NEVER"),
        Err(ProtoError::UnknownParameter)
    );
    assert_eq!(parse_command(b"DATA now"), Err(ProtoError::Arguments));
    for bad in [
        &b"BDAT"[..],
        b"BDAT -1",
        b"BDAT +5",
        b"BDAT 1e3",
        b"BDAT 99999999999999999999999",
        b"BDAT 5 FIRST",
        b"BDAT 5 LAST LAST",
    ] {
        assert_eq!(
            parse_command(bad),
            Err(ProtoError::Arguments),
            "{}",
            String::from_utf8_lossy(bad)
        );
    }
    assert_eq!(
        parse_command(b"QUIT\rRSET"),
        Err(ProtoError::BareLineEnding)
    );
    assert_eq!(parse_command(b"NOOP \xff"), Err(ProtoError::BadBytes));
    assert_eq!(parse_command(b"NOOP \x00"), Err(ProtoError::BadBytes));
    assert_eq!(
        parse_command("M\u{e9}IL".as_bytes()),
        Err(ProtoError::Unrecognized)
    );
    assert_eq!(parse_command(b"MA"), Err(ProtoError::Unrecognized));
    assert_eq!(parse_command(b"RCPT"), Err(ProtoError::Arguments));
}

#[test]
fn lines_end_only_at_crlf_and_are_bounded() {
    assert_eq!(next_line(b"NOOP\r\nQUIT\r\n"), LineResult::Line(4));
    assert_eq!(next_line(b"NOOP\nQUIT\r\n"), LineResult::BareLf(4));
    assert_eq!(next_line(b"NOOP\r"), LineResult::Incomplete);
    assert_eq!(
        next_line(&vec![b'a'; MAX_COMMAND_LINE]),
        LineResult::TooLong
    );
    let mut long = vec![b'a'; MAX_COMMAND_LINE + 5];
    long.extend_from_slice(b"\r\n");
    assert_eq!(next_line(&long), LineResult::TooLong);
}

#[test]
fn data_ends_at_crlf_dot_crlf_and_unstuffs() {
    let (end, out, d) = decode(&[b"Subject: x\r\n\r\n..leading dot\r\nbody\r\n.\r\nQUIT\r\n"]);
    assert_eq!(out, b"Subject: x\r\n\r\n.leading dot\r\nbody\r\n");
    assert_eq!(
        end,
        Some(b"Subject: x\r\n\r\n..leading dot\r\nbody\r\n.\r\n".len())
    );
    assert!(!d.bare_line_ending && !d.line_too_long && !d.too_big);
    // Split at every byte: same result.
    let msg = b"a\r\n.\r\n";
    let chunks: Vec<&[u8]> = msg.chunks(1).collect();
    let (end, out, _) = decode(&chunks);
    assert_eq!((end, out.as_slice()), (Some(1), &b"a\r\n"[..]));
    // An empty message.
    assert_eq!(decode(&[b".\r\n"]).0, Some(3));
}

#[test]
fn smuggling_attempts_never_end_data() {
    // Each hides a second message behind a non-CRLF "end of data".
    for trick in [
        &b"x\n.\nMAIL FROM:<a@b>\r\n"[..],
        b"x\r.\rMAIL FROM:<a@b>\r\n",
        b"x\r\n.\nMAIL FROM:<a@b>\r\n",
        b"x\n.\r\nRCPT",
        b"x\r.\r\nRCPT",
        b"x\r\n.\rRCPT",
    ] {
        let (end, _, d) = decode(&[trick]);
        assert_eq!(end, None, "{:?}", String::from_utf8_lossy(trick));
        assert!(d.bare_line_ending, "{:?}", String::from_utf8_lossy(trick));
    }
    // A NUL never ends data either, wherever it sits, and is always flagged.
    for (trick, ends) in [
        (&b"x\r\n\0.\r\nRCPT"[..], None),
        (b"x\r\n.\0\r\nRCPT", None),
        (b"x\0\r\n.\r\n", Some(7)),
    ] {
        let (end, _, d) = decode(&[trick]);
        assert!(d.nul, "{:?}", String::from_utf8_lossy(trick));
        assert_eq!(end, ends, "{:?}", String::from_utf8_lossy(trick));
    }
    // The message carrying one is flagged even when its real end follows.
    let (end, _, d) = decode(&[b"x\n.\nMAIL FROM:<a@b>\r\n.\r\n"]);
    assert!(end.is_some() && d.bare_line_ending);
}

/// BDAT chunks are taken as they are: no dot-stuffing, no end marker; the same
/// flags as DATA; a last line without CRLF gets one, a trailing bare CR is flagged.
#[test]
fn chunks_are_checked_like_data_and_never_unstuffed() {
    let mut d = DataDecoder::chunks(None);
    let mut out = Vec::new();
    assert_eq!(d.feed(b"Subject: x\r\n\r\n..two\r\n.\r\n", &mut out), None);
    assert_eq!(d.feed(b"tail", &mut out), None);
    d.finish(&mut out);
    assert_eq!(out, b"Subject: x\r\n\r\n..two\r\n.\r\ntail\r\n");
    assert!(!d.bare_line_ending && !d.nul);
    for (chunk, bare, nul) in [
        (&b"a\nb\r\n"[..], true, false),
        (b"a\r", true, false),
        (b"a\r\n\0.\r\n", false, true),
    ] {
        let mut d = DataDecoder::chunks(None);
        let mut out = Vec::new();
        d.feed(chunk, &mut out);
        d.finish(&mut out);
        assert_eq!((d.bare_line_ending, d.nul), (bare, nul), "{chunk:?}");
    }
    let mut d = DataDecoder::chunks(Some(4));
    let mut out = Vec::new();
    d.feed(b"12345\r\n", &mut out);
    assert!(d.too_big && out.len() <= 4);
}

#[test]
fn long_lines_and_size_are_flagged_not_buffered() {
    let mut d = DataDecoder::new(Some(10));
    let mut out = Vec::new();
    assert_eq!(d.feed(b"0123456789ABCDEF\r\n.\r\n", &mut out), Some(21));
    assert!(d.too_big);
    assert!(out.len() <= 10);
    let mut line = vec![b'a'; MAX_DATA_LINE + 1];
    line.extend_from_slice(b"\r\n.\r\n");
    let (end, _, d) = decode(&[&line]);
    assert!(end.is_some() && d.line_too_long);
    let mut ok = vec![b'a'; MAX_DATA_LINE];
    ok.extend_from_slice(b"\r\n.\r\n");
    assert!(!decode(&[&ok]).2.line_too_long);
}

#[test]
fn auth_takes_a_mechanism_and_an_optional_initial_response() {
    assert_eq!(
        parse_command(b"AUTH PLAIN AGFubgBwdw=="),
        Ok(Command::Auth {
            mechanism: "PLAIN".into(),
            initial: Some("AGFubgBwdw==".into())
        })
    );
    assert_eq!(
        parse_command(b"auth login"),
        Ok(Command::Auth {
            mechanism: "login".into(),
            initial: None
        })
    );
    assert_eq!(parse_command(b"AUTH"), Err(ProtoError::Arguments));
    assert_eq!(parse_command(b"AUTH PLAIN a b"), Err(ProtoError::Arguments));
}
