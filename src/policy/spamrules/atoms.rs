//! Required literals ("atoms") of a rule's regex: a small set of strings at least one of
//! which occurs, ASCII case ignored, in every text the regex matches. The rule set runs
//! one Aho-Corasick automaton over each text for all its rules' atoms and runs a rule's
//! regex only when one of its atoms appeared, as SpamAssassin's BodyRuleBaseExtractor and
//! Hyperscan-style engines do. A rule without usable atoms (too short, too many, or none)
//! returns None and keeps the slower paths.
//!
//! The walk: a literal is its bytes; a concatenation needs its best child, or a run of
//! adjacent exact children joined (zero-width assertions between them keep them adjacent);
//! an alternation needs one atom of each branch; a repetition with a minimum of one or
//! more needs its child. Atoms are lower case and matched ASCII-case-insensitively, so a
//! case-sensitive rule's atom may match text its regex does not (a wasted run, never a
//! missed hit).

use regex_syntax::hir::{Class, Hir, HirKind};

/// Literal strings, lower case; one of them occurs in every match.
pub type Atoms = Vec<Vec<u8>>;

/// Shorter atoms occur in nearly every text and would filter nothing.
const MIN_ATOM: usize = 3;
/// More alternatives than this and the rule stays in the regex-set path.
const MAX_ATOMS: usize = 24;
/// Classes of more bytes than this are not expanded into alternatives.
const MAX_CLASS: usize = 4;

/// The pattern's shape, reduced to what the atoms need (both regex engines map into it).
#[derive(Debug)]
enum Node {
    /// Bytes, lower case.
    Lit(Vec<u8>),
    /// One of these bytes, lower case.
    Bytes(Vec<u8>),
    /// Matches without consuming (anchors, word boundaries, look-around).
    Zero,
    Concat(Vec<Node>),
    Alt(Vec<Node>),
    Rep {
        min: u32,
        max: Option<u32>,
        child: Box<Node>,
    },
    /// Anything else (wide classes, dots, backreferences): no literal known.
    Opaque,
}

/// The atoms of a pattern for `regex::bytes` (as `perlre::translate` writes it).
pub fn plain(pattern: &str) -> Option<Atoms> {
    let hir = regex_syntax::ParserBuilder::new()
        .utf8(false)
        .build()
        .parse(pattern)
        .ok()?;
    finish(required(&from_hir(&hir)))
}

/// The atoms of a pattern for PCRE2 (`Translated::perl`), read with fancy-regex's parser
/// (the same Perl syntax; a `\xNN` escape is the character U+00NN there, the byte NN
/// here).
pub fn fancy(pattern: &str) -> Option<Atoms> {
    let tree = fancy_regex::Expr::parse_tree(pattern).ok()?;
    finish(required(&from_fancy(&tree.expr)))
}

fn finish(atoms: Option<Atoms>) -> Option<Atoms> {
    let mut atoms = atoms?;
    atoms.sort();
    atoms.dedup();
    Some(atoms)
}

fn from_hir(h: &Hir) -> Node {
    match h.kind() {
        HirKind::Empty | HirKind::Look(_) => Node::Zero,
        HirKind::Literal(l) => Node::Lit(l.0.to_ascii_lowercase()),
        HirKind::Class(Class::Bytes(c)) => {
            let mut bytes: Vec<u8> = Vec::new();
            for r in c.iter() {
                if usize::from(r.end() - r.start()) >= MAX_CLASS * 2 {
                    return Node::Opaque;
                }
                bytes.extend((r.start()..=r.end()).map(|b| b.to_ascii_lowercase()));
            }
            class(bytes)
        }
        HirKind::Class(Class::Unicode(c)) => {
            let mut bytes: Vec<u8> = Vec::new();
            for r in c.iter() {
                // Only ASCII: a wider character is several bytes, not one of a set.
                let (Ok(a), Ok(b)) = (u8::try_from(r.start()), u8::try_from(r.end())) else {
                    return Node::Opaque;
                };
                if !b.is_ascii() || usize::from(b - a) >= MAX_CLASS * 2 {
                    return Node::Opaque;
                }
                bytes.extend((a..=b).map(|b| b.to_ascii_lowercase()));
            }
            class(bytes)
        }
        HirKind::Repetition(r) => Node::Rep {
            min: r.min,
            max: r.max,
            child: Box::new(from_hir(&r.sub)),
        },
        HirKind::Capture(c) => from_hir(&c.sub),
        HirKind::Concat(hs) => Node::Concat(hs.iter().map(from_hir).collect()),
        HirKind::Alternation(hs) => Node::Alt(hs.iter().map(from_hir).collect()),
    }
}

fn class(mut bytes: Vec<u8>) -> Node {
    bytes.sort_unstable();
    bytes.dedup();
    match bytes.len() {
        0 => Node::Opaque,
        1 => Node::Lit(bytes),
        n if n <= MAX_CLASS => Node::Bytes(bytes),
        _ => Node::Opaque,
    }
}

fn from_fancy(e: &fancy_regex::Expr) -> Node {
    use fancy_regex::Expr;
    match e {
        Expr::Empty | Expr::Assertion(_) | Expr::LookAround(..) => Node::Zero,
        Expr::Literal { val, casei } => {
            // A character above U+00FF is no byte; a non-ASCII one compared without case
            // is left out (the atoms are folded as ASCII).
            let mut bytes = Vec::with_capacity(val.len());
            for c in val.chars() {
                match u8::try_from(c) {
                    Ok(b) if b.is_ascii() || !casei => bytes.push(b.to_ascii_lowercase()),
                    _ => return Node::Opaque,
                }
            }
            Node::Lit(bytes)
        }
        Expr::Concat(es) => Node::Concat(es.iter().map(from_fancy).collect()),
        Expr::Alt(es) => Node::Alt(es.iter().map(from_fancy).collect()),
        Expr::Group(e) => from_fancy(e),
        Expr::Repeat { child, lo, hi, .. } => Node::Rep {
            min: u32::try_from(*lo).unwrap_or(u32::MAX),
            max: u32::try_from(*hi).ok().filter(|&h| h != u32::MAX),
            child: Box::new(from_fancy(child)),
        },
        _ => Node::Opaque,
    }
}

/// Every string of `a` followed by every string of `b`, if that is few enough.
fn product(a: &[Vec<u8>], b: &[Vec<u8>]) -> Option<Atoms> {
    if a.len() * b.len() > MAX_ATOMS {
        return None;
    }
    Some(
        a.iter()
            .flat_map(|x| b.iter().map(move |y| [x.as_slice(), y].concat()))
            .collect(),
    )
}

/// All the strings the node matches, when they are few (a zero-width node matches "").
fn exact(n: &Node) -> Option<Atoms> {
    match n {
        Node::Lit(b) => Some(vec![b.clone()]),
        Node::Bytes(bs) => Some(bs.iter().map(|&b| vec![b]).collect()),
        Node::Zero => Some(vec![Vec::new()]),
        Node::Concat(ns) => ns
            .iter()
            .try_fold(vec![Vec::new()], |acc, n| product(&acc, &exact(n)?)),
        Node::Alt(ns) => {
            let mut all = Vec::new();
            for n in ns {
                all.extend(exact(n)?);
            }
            (all.len() <= MAX_ATOMS).then_some(all)
        }
        Node::Rep {
            min,
            max: Some(max),
            child,
        } if min == max && *min <= 16 => {
            let one = exact(child)?;
            (0..*min).try_fold(vec![Vec::new()], |acc, _| product(&acc, &one))
        }
        _ => None,
    }
}

fn usable(atoms: &[Vec<u8>]) -> bool {
    !atoms.is_empty() && atoms.len() <= MAX_ATOMS && atoms.iter().all(|a| a.len() >= MIN_ATOM)
}

/// The better of two atom sets: longer shortest atom first, then fewer atoms.
fn better(a: Option<Atoms>, b: Option<Atoms>) -> Option<Atoms> {
    let key = |s: &Atoms| {
        let shortest = s.iter().map(Vec::len).min().unwrap_or(0).min(8);
        (shortest, std::cmp::Reverse(s.len()))
    };
    match (a, b) {
        (Some(a), Some(b)) => Some(if key(&b) > key(&a) { b } else { a }),
        (a, b) => a.or(b),
    }
}

/// Atoms one of which every match contains; None when there is no usable set.
fn required(n: &Node) -> Option<Atoms> {
    if let Some(e) = exact(n) {
        return usable(&e).then_some(e);
    }
    match n {
        Node::Concat(ns) => {
            let mut best = None;
            // The run of adjacent exact children so far, as every string it can be.
            let mut run: Atoms = vec![Vec::new()];
            for child in ns {
                match exact(child) {
                    Some(e) => match product(&run, &e) {
                        Some(p) => run = p,
                        None => {
                            let done = std::mem::replace(&mut run, e);
                            best = better(best, usable(&done).then_some(done));
                        }
                    },
                    None => {
                        let done = std::mem::replace(&mut run, vec![Vec::new()]);
                        best = better(best, usable(&done).then_some(done));
                        best = better(best, required(child));
                    }
                }
            }
            better(best, usable(&run).then_some(run))
        }
        Node::Alt(ns) => {
            let mut all = Vec::new();
            for n in ns {
                all.extend(required(n)?);
            }
            usable(&all).then_some(all)
        }
        Node::Rep { min, child, .. } if *min >= 1 => {
            // x{3,} needs "xxx"; a long child repeated needs the child once.
            let repeated = exact(child).and_then(|one| {
                (0..(*min).min(16)).try_fold(vec![Vec::new()], |acc, _| product(&acc, &one))
            });
            better(repeated.filter(|r| usable(r)), required(child))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn atoms(perl: &str) -> Option<Vec<String>> {
        let (p, f) = super::super::perlre::split_delimited(perl).unwrap();
        let t = super::super::perlre::translate(p, f).unwrap();
        let a = if t.fancy {
            fancy(&t.perl)
        } else {
            plain(&t.pattern)
        };
        a.map(|a| {
            a.into_iter()
                .map(|s| String::from_utf8(s).unwrap())
                .collect()
        })
    }

    fn some(list: &[&str]) -> Option<Vec<String>> {
        Some(list.iter().map(|s| s.to_string()).collect())
    }

    #[test]
    fn literals_and_their_joins() {
        assert_eq!(atoms(r"/\bFree\s+money\b/i"), some(&["money"]));
        assert_eq!(atoms(r"/click\W{0,3}here/"), some(&["click"]));
        assert_eq!(atoms(r"/(?:viagra|cialis)/i"), some(&["cialis", "viagra"]));
        assert_eq!(atoms(r"/v[i1]agra/i"), some(&["v1agra", "viagra"]));
        assert_eq!(
            atoms(r"/^Subject: (?:re|fw)/m"),
            some(&["subject: fw", "subject: re"])
        );
        assert_eq!(atoms(r"/(?:abc)+x/"), some(&["abc"]));
        assert_eq!(atoms(r"/(?:=\?|ab)x+/"), None, "one branch is too short");
        assert_eq!(atoms(r"/a?bcde/"), some(&["bcde"]));
        assert_eq!(atoms(r"/\d+/"), None);
        assert_eq!(atoms(r"/x{4}/"), some(&["xxxx"]));
        assert_eq!(atoms(r"/\xc3\xa9t\xc3\xa9/"), some(&["\u{e9}t\u{e9}"]));
    }

    #[test]
    fn fancy_patterns_too() {
        assert_eq!(atoms(r"/(?<!un)wanted/"), some(&["wanted"]));
        assert_eq!(atoms(r"/(\w+) \1 again/i"), some(&[" again"]));
        assert_eq!(atoms(r"/(?=x)\w+/"), None);
    }

    #[test]
    fn every_match_contains_an_atom() {
        // Each case: a rule, texts it matches; the atoms must occur in each.
        let cases: &[(&str, &[&str])] = &[
            (r"/\bFREE\b/", &["a FREE b"]),
            (r"/v[i1]agra/i", &["V1AGRA", "vIaGrA"]),
            (r"/(?:re|fw):\s*urgent/i", &["RE: Urgent", "fw:urgent"]),
            (r"/(?<!un)wanted/i", &["WANTED"]),
        ];
        for (rule, texts) in cases {
            let atoms = atoms(rule).unwrap();
            for t in *texts {
                let lower = t.to_ascii_lowercase();
                assert!(
                    atoms.iter().any(|a| lower.contains(a.as_str())),
                    "{rule} on {t:?}: {atoms:?}"
                );
            }
        }
    }
}
