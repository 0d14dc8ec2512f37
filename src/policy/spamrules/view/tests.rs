use super::*;

fn view(raw: &str) -> View {
    let m = MessageParser::default().parse(raw.as_bytes()).unwrap();
    View::new(&m, raw.as_bytes(), Some("bounce@example.net"))
}

/// A long paragraph is cut at a character boundary, never inside one (a message with
/// multi-byte text across the cut once panicked here).
#[test]
fn long_paragraphs_are_cut_between_characters() {
    for pad in 0..4 {
        let text = format!(
            "{}{}",
            "x".repeat(MAX_PARAGRAPH - 2 + pad),
            "é€".repeat(800)
        );
        let parts = short_lines(&text);
        assert_eq!(parts.concat(), text);
        assert!(parts.len() > 1);
    }
}

#[test]
fn headers_body_and_uris() {
    let v = view(
        "From: \"Bob\" <bob@example.com>\r\nTo: a@example.org\r\nCc: b@example.org\r\n\
         Subject: =?utf-8?q?caf=C3=A9?= time\r\nX-Long: one\r\n two\r\n\r\n\
         Hello there,\r\nsee www.example.net/page now.\r\n\r\nBye\r\n",
    );
    assert_eq!(v.get("Subject", false), "café time\n");
    assert_eq!(v.get("Subject", true), " =?utf-8?q?caf=C3=A9?= time\n");
    assert_eq!(v.get("X-Long", false), "one two\n");
    assert_eq!(v.get("ToCc", false), "a@example.org\nb@example.org\n");
    assert!(
        v.get("ALL", false)
            .starts_with("From: \"Bob\" <bob@example.com>\nTo: a@")
    );
    // ALL keeps each name as written (SpamAssassin's `ALL =~ /to: \S{5}/` is about it).
    let lower = view("to: a@example.org\r\nSubject: x\r\n\r\nhi\r\n");
    assert!(lower.get("ALL", false).starts_with("to: a@example.org\n"));
    assert_eq!(lower.get("To", false), "a@example.org\n");
    // A tab after the colon is the raw value's, not the decoded one's.
    let tab = view("Date: \tWed, 16 May 2007 07:05:49 -0200\r\nDate2:\tx\r\n\r\nhi\r\n");
    assert_eq!(
        tab.get("Date", true),
        " \tWed, 16 May 2007 07:05:49 -0200\n"
    );
    assert_eq!(tab.get("Date", false), "Wed, 16 May 2007 07:05:49 -0200\n");
    assert!(tab.get("ALL", true).starts_with("Date: \tWed"));
    assert_eq!(tab.get("Date2", true), "\tx\n");
    assert_eq!(v.get("EnvelopeFrom", false), "bounce@example.net\n");
    assert_eq!(v.get("Missing", false), "");
    assert_eq!(
        v.body,
        [
            "café time\n",
            "Hello there, see www.example.net/page now.\n",
            "Bye "
        ]
    );
    assert_eq!(v.uris, ["http://www.example.net/page"]);
}

#[test]
fn html_is_rendered() {
    let v = view(
        "Subject: hi\r\nContent-Type: text/html\r\n\r\n\
         <html><style>p{}</style><p>Buy <b>now</b> &amp; save</p>\
         <a href=\"https://shop.example/x\">here</a></html>\r\n",
    );
    // The leading paragraph break leaves an empty line, as in SpamAssassin.
    assert_eq!(v.body[1..], ["\n", "Buy now & save\n", "here "]);
    assert!(v.rawbody[0].contains("<b>now</b>"));
    // The raw body is the part whole, blank lines and all.
    let raw = view("Subject: x\r\n\r\n<p>a</p>\r\n\r\n</html>\r\n\r\nafter\r\n");
    assert_eq!(raw.rawbody, ["<p>a</p>\n\n</html>\n\nafter\n"]);
    let long = format!("{}\n{}", "x".repeat(3000), "y ".repeat(2000));
    let pieces = raw_pieces(&long);
    assert_eq!(pieces.concat(), long);
    assert!(pieces[0].ends_with('\n') && pieces.len() == 2);
    assert_eq!(v.uris, ["https://shop.example/x"]);
}
