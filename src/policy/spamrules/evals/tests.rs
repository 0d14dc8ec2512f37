use super::*;
use mail_parser::MessageParser;

fn hit(func: &str, args: &[&str], raw: &str) -> bool {
    let m = MessageParser::default().parse(raw.as_bytes()).unwrap();
    let v = View::new(&m, raw.as_bytes(), None);
    let args: Vec<String> = args.iter().map(|a| a.to_string()).collect();
    run(func, &args, &v, &Ctx::default()) == 1.0
}

const HTML_ONLY: &str = "Subject: x\r\nContent-Type: text/html\r\n\r\n<p>hi</p>\r\n";
const ALT: &str = "Subject: x\r\nMIME-Version: 1.0\r\nContent-Type: multipart/alternative; boundary=b\r\n\r\n\
    --b\r\nContent-Type: text/plain\r\n\r\nhi\r\n--b\r\nContent-Type: text/html\r\n\r\n<p>hi</p>\r\n--b--\r\n";

#[test]
fn mime_structure() {
    assert!(hit("check_for_mime_html", &[], HTML_ONLY));
    assert!(hit("check_for_mime_html_only", &[], HTML_ONLY));
    assert!(hit("check_for_mime_html", &[], ALT));
    assert!(!hit("check_for_mime_html_only", &[], ALT));
    assert!(hit("check_for_mime", &["mime_multipart_alternative"], ALT));
    assert!(!hit("check_ma_non_text", &[], ALT));
}

#[test]
fn alternatives_that_differ() {
    let alt = |text: &str, html: &str| {
        format!(
            "Subject: x\r\nMIME-Version: 1.0\r\nContent-Type: multipart/alternative; boundary=b\r\n\r\n\
             --b\r\nContent-Type: text/plain\r\n\r\n{text}\r\n--b\r\nContent-Type: text/html\r\n\r\n{html}\r\n--b--\r\n"
        )
    };
    let same = alt("cheap pills here", "<p>cheap <b>pills</b> here</p>");
    let other = alt("hello friend", "<p>cheap pills here</p>");
    let half = alt("cheap pills", "<p>cheap pills here now</p>");
    let diff = |m: &str, lo: &str, hi: &str| hit("multipart_alternative_difference", &[lo, hi], m);
    assert!(!diff(&same, "99", "100"));
    assert!(diff(&other, "99", "100"));
    assert!(diff(&half, "0", "50") && !diff(&half, "50", "100"));
    // An image-only HTML part against text counts as a whole difference.
    let image = alt("hello there", "<img src=\"cid:a\">");
    assert!(diff(&image, "99", "100"));
    // Three times as many text words as HTML ones, with more than one HTML word.
    let count = alt("one two three four five six seven", "<p>one two</p>");
    assert!(hit(
        "multipart_alternative_difference_count",
        &["3", "1"],
        &count
    ));
    assert!(!hit(
        "multipart_alternative_difference_count",
        &["3", "1"],
        &same
    ));
    // No alternatives: a difference of 0, as SpamAssassin counts it.
    assert!(!diff(HTML_ONLY, "1", "100") && diff(HTML_ONLY, "0", "100"));
}

#[test]
fn headers_and_dates() {
    let m = "Subject: FREE MONEY NOW\r\nDate: Thu, 1 Jan 2026 12:00:00 +0000\r\n\
             Received: from a (b [203.0.113.1]) by c; Fri, 2 Jan 2026 12:00:00 +0000\r\n\r\nx\r\n";
    assert!(hit("check_for_missing_to_header", &[], m));
    assert!(hit("subject_is_all_caps", &[], m));
    assert!(hit("check_for_shifted_date", &["-48", "-12"], m));
    assert!(!hit("check_for_shifted_date", &["-6", "-3"], m));
    assert!(hit("check_header_count_range", &["Subject", "1", "1"], m));
    assert!(!hit(
        "check_header_count_range",
        &["Subject", "2", "999"],
        m
    ));
    assert!(hit(
        "check_illegal_chars",
        &["Subject", "0.00", "1"],
        "Subject: a\x01b\r\n\r\nx"
    ));
    assert!(!hit(
        "check_illegal_chars",
        &["Subject", "0.00", "1"],
        "Subject: café\r\n\r\nx"
    ));
    // Latin-1 bytes (not UTF-8) are illegal in a header.
    let latin1 = b"From: Jos\xe9 M\xfcller <a@b.example>\r\n\r\nx";
    let m = MessageParser::default().parse(&latin1[..]).unwrap();
    let v = View::new(&m, latin1, None);
    let args = ["From".to_string(), "0.0".to_string(), "2".to_string()];
    assert_eq!(run("check_illegal_chars", &args, &v, &Ctx::default()), 1.0);
}

#[test]
fn transfer_encodings() {
    let qp = |body: &str| {
        format!(
            "Subject: x\r\nContent-Type: text/plain\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n{body}\r\n"
        )
    };
    // =41 is "A": encoded for no reason; =3D ("=") and trailing =20 must be.
    assert!(hit(
        "check_for_mime",
        &["mime_qp_count"],
        &qp("Buy =41ll now")
    ));
    assert!(!hit("check_for_mime", &["mime_qp_count"], &qp("a=3Db=20")));
    assert!(hit(
        "check_for_mime",
        &["mime_qp_long_line"],
        &qp(&"x".repeat(79))
    ));
    assert!(!hit(
        "check_for_mime",
        &["mime_qp_long_line"],
        &qp(&"x".repeat(78))
    ));
    let ascii = b"Subject: x\r\nContent-Type: text/plain; charset=us-ascii\r\n\r\ncaf\xe9\r\n";
    let m = MessageParser::default().parse(&ascii[..]).unwrap();
    let v = View::new(&m, ascii, None);
    assert_eq!(
        run("check_for_ascii_text_illegal", &[], &v, &Ctx::default()),
        1.0
    );
    assert!(!hit(
        "check_for_ascii_text_illegal",
        &[],
        "Subject: x\r\n\r\nplain\r\n"
    ));
}

#[test]
fn bayes_bands() {
    let m = MessageParser::default()
        .parse(b"Subject: x\r\n\r\nx")
        .unwrap();
    let v = View::new(&m, b"Subject: x\r\n\r\nx", None);
    let args = ["0.99".to_string(), "1.00".to_string()];
    let ctx = |bayes| Ctx { bayes };
    assert_eq!(run("check_bayes", &args, &v, &ctx(Some(0.995))), 1.0);
    assert_eq!(
        run("check_bayes", &args, &v, &ctx(Some(0.99))),
        0.0,
        "BAYES_95's"
    );
    let lowest = ["0.00".to_string(), "0.01".to_string()];
    assert_eq!(run("check_bayes", &lowest, &v, &ctx(Some(0.0))), 1.0);
    assert_eq!(run("check_bayes", &args, &v, &ctx(Some(0.5))), 0.0);
    assert_eq!(run("check_bayes", &args, &v, &ctx(None)), 0.0);
}
