//! Unit tests of compiling SpamAssassin rules (prefilters, supersets, skipped rules).

use super::*;

fn ruleset(text: &str) -> RuleSet {
    let mut c = Config::default();
    c.add_file("t.cf", text);
    compile(&c)
}

#[test]
fn tests_compile_and_skip_with_reasons() {
    let s = ruleset(
        "header A Subject =~ /x/\n\
         header B From:addr !~ /y/ [if-unset: none]\n\
         header C exists:X-Mailer\n\
         body D /(?<!un)wanted/\n\
         body E /(?{ 1 })/\n\
         header F eval:check_rbl('a','zen.example.')\n\
         body G eval:no_such_eval()\n\
         meta H A && (B ||\n\
         meta I J\n meta J I\n\
         uri K /\\.example\\b/\n",
    );
    let reasons: Vec<(&str, SkipReason)> = s
        .skipped
        .iter()
        .map(|k| (k.name.as_str(), k.reason))
        .collect();
    assert_eq!(
        reasons,
        [
            ("E", SkipReason::Regex),
            ("F", SkipReason::Network),
            ("G", SkipReason::UnknownEval),
            ("H", SkipReason::Meta),
            ("I", SkipReason::Meta),
            ("J", SkipReason::Meta),
        ]
    );
    assert!(matches!(
        s.rules[3].test,
        Test::Lines {
            re: Re::Fancy(..),
            ..
        }
    ));
    let mut literal: Vec<(Kind, Vec<usize>)> = s
        .literals
        .iter()
        .map(|l| (l.kind, l.covered.clone()))
        .collect();
    literal.sort_by_key(|(k, _)| format!("{k:?}"));
    assert_eq!(
        literal,
        [(Kind::Body, vec![3]), (Kind::Uri, vec![6])],
        "D (fancy) and K have literals"
    );
    assert!(s.prefilters.is_empty());
}

#[test]
fn fancy_rules_get_a_plain_superset() {
    let cases: &[(&str, &[&str], &str)] = &[
        (r"(?i)(?<!un)wanted", &["WANTED", "xwanted"], "nothing"),
        (r"(\w+) \1 again", &["so so again"], "again"),
        (r"(?>a+)b\b", &["aab"], "bbb"),
        (r"foo(?=bar)", &["foobar"], "fob"),
        // Big counts are relaxed (this one over Unicode text would not compile).
        (
            r"<a\s[^>]{0,2048}href=(https?:[^>]{8,29})[^>]{0,2048}>(?!\1)x{100}",
            &[
                "<a href=http://example.com/>xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
            ],
            "<a href=http://example.com/>x",
        ),
    ];
    for (pattern, matching, other) in cases {
        let fancy = fancy_regex::Regex::new(pattern).unwrap();
        let plain = superset::superset(pattern).unwrap_or_else(|| panic!("{pattern}"));
        for text in *matching {
            assert!(fancy.is_match(text).unwrap(), "{pattern} {text}");
            assert!(plain.is_match(text), "{pattern}: {plain} misses {text}");
        }
        assert!(!plain.is_match(other), "{pattern}: {plain} on {other}");
    }
}

#[test]
fn scores_default_as_spamassassin() {
    let s = ruleset(
        "body A /a/\nbody T_B /b/\nbody C /c/\ntflags C nice\nbody D /d/\nscore D 1 2 3 4\n",
    );
    let sc: Vec<[f64; 4]> = s.rules.iter().map(|r| r.scores).collect();
    assert_eq!(sc, [[1.0; 4], [0.01; 4], [-1.0; 4], [1.0, 2.0, 3.0, 4.0]]);
}

#[test]
fn replace_tags_expand() {
    let mut c = Config::default();
    c.add_file(
        "t.cf",
        "replace_tag A [aA4]\nreplace_tag B [bB8]\nreplace_inter W -?\n\
         replace_post P {1,2}\nbody X /<inter W><post P><A><B>c/\nreplace_rules X\n",
    );
    let s = compile(&c);
    assert!(s.rules[0].describe.is_empty());
    let Test::Lines { re, .. } = &s.rules[0].test else {
        panic!("a body rule");
    };
    assert!(re.is_match(b"44-8c"));
    assert!(!re.is_match(b"abd"));
}
