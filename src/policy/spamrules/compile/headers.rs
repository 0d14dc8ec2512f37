//! Header rules in sets: hundreds of rules read a few dozen headers (151 read Subject,
//! 103 the untrusted relays, 88 From in SpamAssassin 4.0.1's set), each value a short
//! text where one regex search costs little more than its setup. The plain rules of one
//! header go into `RegexSet`s, one pass over the value answers them all.

use super::*;

/// The plain rules of one header, as [`super::super::View::get`] names it (a pseudo-header
/// too), decoded or `:raw`.
#[derive(Debug)]
pub struct HeaderSet {
    pub name: String,
    pub raw: bool,
    pub set: RegexSet,
    /// The rule index of each of its patterns.
    pub rules: Vec<usize>,
}

/// The sets of the rules that run in some score set. A rule with `[if-unset: ...]` reads
/// another text when the header is absent, and `:addr`/`:name` rules a part of the value:
/// those run alone.
pub(super) fn header_sets(rules: &[Rule]) -> Vec<HeaderSet> {
    // (header, raw) to the patterns and their rule indices.
    type Patterns<'a> = (Vec<&'a str>, Vec<usize>);
    let mut by_target: HashMap<(&str, bool), Patterns> = HashMap::new();
    for (i, r) in rules.iter().enumerate() {
        if let Test::Header {
            name,
            part: part @ (HeaderPart::Value | HeaderPart::Raw),
            re: Re::Plain(re),
            unset: None,
            ..
        } = &r.test
            && r.live.iter().any(|&l| l)
        {
            let e = by_target
                .entry((name.as_str(), *part == HeaderPart::Raw))
                .or_default();
            e.0.push(re.as_str());
            e.1.push(i);
        }
    }
    let mut out = Vec::new();
    for ((name, raw), (sources, indices)) in by_target {
        for (built, indices) in regex_sets(&sources, &indices) {
            match built {
                Ok(set) => out.push(HeaderSet {
                    name: name.to_string(),
                    raw,
                    set,
                    rules: indices.to_vec(),
                }),
                // Without the set each rule runs alone: slower, same answers.
                Err(e) => tracing::warn!("header rule set for {name} not built: {e}"),
            }
        }
    }
    out
}
