//! Plain supersets of PCRE2 rules: a `regex` that matches everything a look-around or
//! backreference pattern could, run first so the backtracking matcher runs only when it
//! might match. Only for body-like rules without literals for the prefilter, which run
//! on every line: a pattern such as `__BTC_OBFU_3` (`\b\W{0,10}b(?!tc\b)\W{0,10}t...`)
//! has a start at nearly every byte, and PCRE2 tries each, where the lazy DFA reads each
//! byte once.

use super::*;

/// Removes the plain supersets, so that only PCRE2 decides: for checks that the supersets
/// change no verdict.
pub fn drop_supersets(set: &mut RuleSet) {
    for rule in &mut set.rules {
        match &mut rule.test {
            Test::Header { re, .. } | Test::Lines { re, .. } | Test::Mimeheader { re, .. } => {
                if let Re::Pcre(_, superset) = re {
                    *superset = OnceLock::from(None);
                }
            }
            _ => {}
        }
    }
}

/// A plain regex matching a superset of what a PCRE2 pattern (`Translated::perl`, read
/// with fancy-regex's parser) matches: look-around and other assertions dropped (they
/// only restrict), a backreference read as any text, an atomic group as a plain one.
/// Bytes with Unicode off, as PCRE2 matches them. None when the pattern has other
/// fancy parts.
pub(super) fn superset(pattern: &str) -> Option<Regex> {
    let tree = fancy_regex::Expr::parse_tree(pattern).ok()?;
    let mut text = String::from("(?-u)");
    loosen(&tree.expr)?.to_str(&mut text, 0);
    // A superset of a big case-insensitive pattern (the FUZZY_* and form-filling rules)
    // outgrows the default 2 MiB lazy DFA cache on one message; the regex crate then falls
    // back to its PikeVM, slower than fancy-regex itself (9 ms a message for one rule,
    // measured; 13 us with room for the states).
    RegexBuilder::new(&text)
        .size_limit(1 << 24)
        .dfa_size_limit(1 << 26)
        .build()
        .ok()
}

/// Counted repetitions above this are relaxed to unbounded ones.
const MAX_COUNT: usize = 64;

fn loosen(e: &fancy_regex::Expr) -> Option<fancy_regex::Expr> {
    use fancy_regex::Expr;
    let all = |es: &[Expr]| es.iter().map(loosen).collect::<Option<Vec<_>>>();
    Some(match e {
        Expr::LookAround(..) | Expr::Assertion(_) => Expr::Empty,
        Expr::Backref { .. } => Expr::Repeat {
            child: Box::new(Expr::Any {
                newline: true,
                crlf: false,
            }),
            lo: 0,
            hi: usize::MAX,
            greedy: false,
        },
        Expr::AtomicGroup(c) => Expr::Group(std::sync::Arc::new(loosen(c)?)),
        Expr::Group(c) => Expr::Group(std::sync::Arc::new(loosen(c)?)),
        Expr::Concat(es) => Expr::Concat(all(es)?),
        Expr::Alt(es) => Expr::Alt(all(es)?),
        // A big counted repetition is a big automaton (`[^>]{0,2048}` over Unicode text
        // would not compile within the limit at all); with the bounds relaxed, `x{1400}`
        // to `x{64,}`, it matches more, never less.
        Expr::Repeat {
            child,
            lo,
            hi,
            greedy,
        } if *hi > MAX_COUNT && *hi != usize::MAX || *lo > MAX_COUNT => Expr::Repeat {
            child: Box::new(loosen(child)?),
            lo: (*lo).min(MAX_COUNT),
            hi: usize::MAX,
            greedy: *greedy,
        },
        Expr::Repeat {
            child,
            lo,
            hi,
            greedy,
        } => Expr::Repeat {
            child: Box::new(loosen(child)?),
            lo: *lo,
            hi: *hi,
            greedy: *greedy,
        },
        // The parser reads `\xNN` as the character U+00NN: printed back as such it would be
        // UTF-8 to the regex crate, so it goes back as the byte escape.
        Expr::Literal { val, casei } if !val.is_ascii() => {
            let mut inner = String::new();
            for c in val.chars() {
                let b = u8::try_from(c).ok()?;
                if b.is_ascii() {
                    inner.push_str(&regex::escape(&char::from(b).to_string()));
                } else {
                    inner.push_str(&format!("\\x{b:02x}"));
                }
            }
            Expr::Delegate {
                inner: format!("(?:{inner})"),
                casei: *casei,
            }
        }
        Expr::Empty | Expr::Any { .. } | Expr::Literal { .. } | Expr::Delegate { .. } => e.clone(),
        _ => return None,
    })
}
