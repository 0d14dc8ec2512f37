//! HTMLEval's tests, each asked of every HTML part (SpamAssassin's `html_all`): the first
//! part that passes makes the hit. The parts' results come from `html.rs`.

use std::collections::HashMap;
use std::sync::{LazyLock, Mutex};

use super::{compare, num};
use crate::policy::spamrules::view::View;

/// Whether an `html_*` eval holds; None for a name that is not HTMLEval's.
pub fn run(func: &str, args: &[String], v: &View) -> Option<bool> {
    let arg = |i: usize| args.get(i).map_or("", String::as_str);
    let parts = &v.html;
    Some(match func {
        "html_tag_exists" => parts.iter().any(|h| h.inside.contains_key(arg(0))),
        "html_test" => match arg(0) {
            "html" => !parts.is_empty(),
            flag => parts.iter().any(|h| h.flags.contains(flag)),
        },
        "html_eval" => parts
            .iter()
            .any(|h| h.value(arg(0)).is_some_and(|x| compare(x, arg(1)))),
        // min < x <= max; "inf" (or no max) for no upper bound.
        "html_range" => parts.iter().any(|h| {
            h.value(arg(0)).is_some_and(|x| {
                num(args, 1).is_some_and(|lo| x > lo)
                    && num(args, 2)
                        .filter(|hi| hi.is_finite())
                        .is_none_or(|hi| x <= hi)
            })
        }),
        "html_tag_balance" => parts.iter().any(|h| {
            h.inside
                .get(arg(0))
                .is_some_and(|&d| compare(d as f64, arg(1)))
        }),
        // The length is of the HTML source, not of its visible text.
        "html_image_only" => parts.iter().any(|h| {
            let len = h.length as f64;
            h.inside.contains_key("img")
                && num(args, 0).is_none_or(|lo| len > lo)
                && num(args, 1).is_none_or(|hi| len <= hi)
        }),
        "html_image_ratio" => parts.iter().any(|h| {
            let r = h.non_space_len() as f64 / h.image_area.max(1) as f64;
            h.image_area > 0
                && num(args, 0).is_none_or(|lo| r > lo)
                && num(args, 1).is_none_or(|hi| r <= hi)
        }),
        "html_title_subject_ratio" => {
            let subject = v.get("Subject", false);
            let s = subject.trim_end_matches('\n').chars().count();
            let limit = num(args, 0).unwrap_or(2.0);
            s > 0
                && parts.iter().any(|h| {
                    h.titles
                        .iter()
                        .any(|t| t.chars().count() as f64 / s as f64 > limit)
                })
        }
        "html_text_match" => matcher(arg(1)).is_some_and(|re| {
            parts.iter().any(|h| {
                h.strings(arg(0))
                    .iter()
                    .any(|s| re.is_match(s).unwrap_or(false))
            })
        }),
        "check_iframe_src" => parts.iter().any(|h| h.flags.contains("iframe")),
        _ => return None,
    })
}

/// The compiled pattern of an `html_text_match` (a handful of them, compiled once).
fn matcher(pattern: &str) -> Option<fancy_regex::Regex> {
    static CACHE: LazyLock<Mutex<HashMap<String, Option<fancy_regex::Regex>>>> =
        LazyLock::new(Default::default);
    let mut cache = CACHE.lock().unwrap_or_else(|e| e.into_inner());
    cache
        .entry(pattern.to_string())
        // The patterns are plain Perl that fancy-regex reads as written (look-ahead too).
        .or_insert_with(|| fancy_regex::Regex::new(pattern).ok())
        .clone()
}

#[cfg(test)]
mod tests {
    use super::*;
    use mail_parser::MessageParser;

    fn hit(func: &str, args: &[&str], html: &str) -> bool {
        let raw = format!("Subject: Hello\r\nContent-Type: text/html\r\n\r\n{html}\r\n");
        let m = MessageParser::default().parse(raw.as_bytes()).unwrap();
        let v = View::new(&m, raw.as_bytes(), None);
        let args: Vec<String> = args.iter().map(|a| a.to_string()).collect();
        run(func, &args, &v).expect("an HTMLEval test")
    }

    #[test]
    fn linked_images_comments_and_titles() {
        let linked = "<a href=\"http://x.example/\"><img src=\"http://x.example/i.gif\"></a>";
        assert!(hit("html_text_match", &["anchor", "<img>"], linked));
        assert!(!hit(
            "html_text_match",
            &["anchor", "<img>"],
            "<a href=\"x\">t</a>"
        ));
        let saved = "<!-- saved from url=(0022)http://x.example/ --><p>x</p>";
        assert!(hit(
            "html_text_match",
            &["comment", "<!-- saved from url=\\(\\d{4}\\)"],
            saved
        ));
        assert!(hit(
            "html_text_match",
            &["comment", "<!(?!-).{0,6}>"],
            "<!x>hi"
        ));
        assert!(!hit(
            "html_text_match",
            &["comment", "<!(?!-).{0,6}>"],
            saved
        ));
        let long = format!("<title>{}</title>", "t".repeat(30));
        assert!(hit("html_title_subject_ratio", &["3.5"], &long));
        assert!(!hit(
            "html_title_subject_ratio",
            &["3.5"],
            "<title>Hi</title>"
        ));
    }

    #[test]
    fn tag_balance_and_ranges() {
        assert!(hit(
            "html_tag_balance",
            &["body", "!= 0"],
            "<body><body>x</body>"
        ));
        assert!(!hit(
            "html_tag_balance",
            &["body", "!= 0"],
            "<body>x</body></body>"
        ));
        assert!(!hit(
            "html_tag_balance",
            &["head", "!= 0"],
            "<body>x</body>"
        ));
        assert!(hit("html_tag_exists", &["body"], "x</body>"));
        assert!(hit(
            "html_range",
            &["max_size", "5", "6"],
            "<font size=6>x</font>"
        ));
        assert!(!hit(
            "html_range",
            &["max_size", "6", "inf"],
            "<font size=6>x</font>"
        ));
        assert!(hit("html_eval", &["length", "< 384"], "<p>short</p>"));
        assert!(hit(
            "html_test",
            &["font_low_contrast"],
            "<font color=white>x</font>"
        ));
        assert!(hit("html_image_only", &["0", "400"], "<img src=\"a.gif\">"));
        assert!(!hit("html_image_only", &["0", "400"], "<p>no image</p>"));
        assert!(hit(
            "check_iframe_src",
            &[],
            "<iframe src=\"http://x.example/\"></iframe>"
        ));
    }
}
