use super::*;

#[test]
fn renders_and_collects() {
    let h = render(
        "<html><head><title>Hi &amp; bye</title><script>var x='<b>';</script></head>\
         <body><p>One&nbsp;two</p><img src=\"cid:1\" width=\"10\" height=\"20\">\
         <a href='http://a.example/'>x</a><!-- <p>hidden</p> --></body></html>",
    );
    assert_eq!(h.titles, ["Hi & bye"]);
    assert!(h.text.contains("One two"));
    assert!(!h.text.contains("var x"));
    assert!(!h.text.contains("hidden"));
    assert_eq!(h.comments, ["<!-- <p>hidden</p> -->"]);
    assert_eq!(h.image_area, 200);
    assert_eq!(h.links, ["cid:1", "http://a.example/"]);
    assert_eq!(h.inside["p"], 0);
    assert_eq!(h.inside["img"], 1);
    assert_eq!(h.anchors, ["x"]);
}

#[test]
fn whitespace_as_the_renderer_writes_it() {
    let h = render("<table><tr><td>a</td><td>b</td></tr></table><p>x</p><p>y<br>z</p>");
    // Cells are spaces, paragraphs blank lines; the body's lines collapse the rest.
    assert_eq!(h.text, " a  b \n\nx\n\n\n\ny\nz\n\n");
    // A '<' that opens no tag is text; quotes protect '>' in a value.
    let h = render("1 < 2 <a title=\"a>b\" href=\"http://x.example/\">go</a>");
    assert_eq!(h.text, "1 < 2 go");
    assert_eq!(h.links, ["http://x.example/"]);
}

#[test]
fn tag_balance_never_goes_below_zero() {
    let h = render("</body><body>text");
    assert_eq!(h.inside["body"], 1);
    let h = render("<body>text</body></body>");
    assert_eq!(h.inside["body"], 0);
    assert_eq!(h.value("closed_extra_ratio"), Some(1.0 / 3.0));
}

#[test]
fn images_inside_links_are_anchor_text() {
    let h = render("<a href=\"http://x.example/\"><img src=\"http://x.example/i.gif\"></a>");
    assert_eq!(h.anchors, ["<img>\n"]);
    let h = render("<img src=\"a.gif\"><a href=\"http://x.example/\">text</a>");
    assert_eq!(h.anchors, ["text"]);
}

#[test]
fn fonts_colours_and_sizes() {
    let white = render("<body><font color=\"#fefefe\">hidden words</font></body>");
    assert!(white.flags.contains("font_low_contrast"));
    let styled = render("<div style=\"color: #ffffff; background-color: #ffffff\">x</div>");
    assert!(styled.flags.contains("font_low_contrast"));
    let readable = render("<font color=\"navy\">plain words</font>");
    assert!(readable.flags.is_empty(), "{:?}", readable.flags);
    let invalid = render("<font color=\"ff0000\">words</font>");
    assert!(invalid.flags.contains("font_invalid_color"));
    // Only text checks the style: an empty coloured font is no trick.
    assert!(render("<font color=\"#ffffff\"> </font>").flags.is_empty());
    let big = render("<font size=\"+3\">big</font><font size=1>small</font>");
    assert_eq!((big.max_size, big.min_size), (6, 1));
    assert_eq!(render("<p>x</p>").value("max_size"), Some(3.0));
}
