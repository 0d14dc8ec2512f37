//! A SpamAssassin rule engine: SpamAssassin's own rule files (the `.cf` format of
//! SpamAssassin 4.0.1: `header`, `body`, `rawbody`, `uri`, `full`, `mimeheader`, `meta`,
//! `score`, `describe`, `tflags`, ReplaceTags, `ifplugin`/`if` blocks, the offline
//! `eval:` tests) loaded into Rust and run against a message. Pure: `parse` takes file
//! text (the caller reads the files), `compile` builds the rule set once, [`check`] runs
//! it on a message and returns the rules that hit with their points.
//!
//! Scores come from score set 0 (no Bayes, no network) or, when the learning filter
//! gives a probability, set 2 (Bayes, no network), as SpamAssassin picks them. A rule
//! whose score is 0 in that set does not run, and so feeds no meta, as in
//! SpamAssassin (`score NAME 0` disables a rule). `__` sub-rules feed metas only, and
//! do not run when no rule that counts reads them.
//!
//! Speed: a body, rawbody, uri or full rule runs only when a prefilter says it may match:
//! one Aho-Corasick automaton per target finds the literals each rule needs (see `atoms`),
//! and body-like rules without such literals are compiled into `RegexSet`s. The plain
//! rules of one header answer in one `RegexSet` pass over its value. Fancy and full rules
//! without literals, and the other header rules, always run.

pub mod addrlist;
pub mod atoms;
pub mod compile;
pub mod evals;
pub mod freemail;
pub mod html;
pub mod meta;
pub mod parse;
pub mod perlre;
pub mod registry;
pub mod relays;
pub mod uris;
pub mod view;

use std::borrow::Cow;
use std::collections::HashMap;

use serde::Serialize;

pub use compile::{RuleSet, SkipReason, Skipped, compile};
pub use parse::Config;
pub use view::View;

use compile::{HeaderPart, Test};
use parse::Kind;

/// eopctl's own changes to SpamAssassin's scores, in the rule files' format. The loader
/// reads it after SpamAssassin's numbered files and before any other (`local.cf`), so an
/// admin's file still overrides it.
///
/// BAYES_999 (the learning filter over 99.9 %) is worth 1.2 points beside Bayes instead of
/// 0.2, so that the filter at its surest reaches the spam line alone (BAYES_99 3.8 + 1.2
/// = 5): SpamAssassin keeps Bayes under the line because its filter often learns by
/// itself (auto-learn) from its own verdicts; eopctl's learns from what the admin and the
/// users judged (Train-SpamFilter, the Junk folder, quarantine releases), and bogofilter
/// and SpamBayes, whose arithmetic it uses, call spam alone from 0.99 and 0.90 up.
pub const GATEWAY_CF: (&str, &str) = ("eopctl-gateway.cf", "score BAYES_999 0 0 1.2 1.2\n");

/// Facts from outside the message.
#[derive(Debug, Clone, Copy, Default)]
pub struct Ctx {
    /// The learning filter's spam probability; None when it has not learned enough.
    pub bayes: Option<f64>,
}

/// A rule that hit.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Hit {
    pub name: String,
    /// Its points (the score times its hit count, for `tflags multiple`).
    pub points: f64,
    pub describe: String,
}

/// The score set SpamAssassin would use: 2 with a trained learning filter, else 0.
pub fn score_set(ctx: &Ctx) -> usize {
    if ctx.bayes.is_some() { 2 } else { 0 }
}

/// Runs the rule set on a message; the hits in rule order.
pub fn check(rs: &RuleSet, v: &View, ctx: &Ctx) -> Vec<Hit> {
    check_observed(rs, v, ctx, &mut |_| {})
}

/// A point [`check`] has reached, for a caller that times its steps (the engine itself
/// reads no clock).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// The prefilters have said which rules may match.
    Prefiltered,
    /// This rule (an index into `RuleSet::rules`) has run.
    Ran(usize),
}

/// [`check`], calling `step` as it goes.
pub fn check_observed(rs: &RuleSet, v: &View, ctx: &Ctx, step: &mut dyn FnMut(Step)) -> Vec<Hit> {
    let set = score_set(ctx);
    let n = rs.rules.len();
    // Which body-like rules the prefilters say may match; the rest need not run.
    let mut maybe = vec![true; n];
    for lit in &rs.literals {
        for &i in &lit.covered {
            maybe[i] = false;
        }
        for line in lines(v, lit.kind) {
            for m in lit.automaton.find_overlapping_iter(line.as_bytes()) {
                for &i in &lit.rules[m.pattern().as_usize()] {
                    maybe[i] = true;
                }
            }
        }
    }
    for (kind, regex_set, indices) in &rs.prefilters {
        for &i in indices {
            maybe[i] = false;
        }
        for line in lines(v, *kind) {
            for k in regex_set.matches(line.as_bytes()).iter() {
                maybe[indices[k]] = true;
            }
        }
    }
    // Hundreds of header rules read a few dozen headers: each value is built once.
    let mut header_values: HashMap<(&str, bool), String> = HashMap::new();
    // The answers of the header rules in sets (None: the rule runs alone).
    let mut in_set: Vec<Option<bool>> = vec![None; n];
    for hs in &rs.header_sets {
        let value = header_values
            .entry((hs.name.as_str(), hs.raw))
            .or_insert_with(|| v.get(&hs.name, hs.raw));
        for &i in &hs.rules {
            in_set[i] = Some(false);
        }
        for k in hs.set.matches(value.as_bytes()).iter() {
            in_set[hs.rules[k]] = Some(true);
        }
    }
    step(Step::Prefiltered);
    let mut counts = vec![0u32; n];
    for &i in &rs.order {
        let rule = &rs.rules[i];
        if !rule.live[set] || !maybe[i] {
            continue;
        }
        counts[i] = match &rule.test {
            Test::Header { negate, .. } if in_set[i].is_some() => {
                u32::from((in_set[i] == Some(true)) != *negate)
            }
            Test::Header {
                name,
                part,
                re,
                negate,
                unset,
            } => {
                let raw = *part == HeaderPart::Raw;
                let mut value: &str = header_values
                    .entry((name.as_str(), raw))
                    .or_insert_with(|| v.get(name, raw));
                if value.is_empty()
                    && let Some(u) = unset
                {
                    value = u;
                }
                let value = match part {
                    HeaderPart::Addr => Cow::Owned(address(value)),
                    HeaderPart::Name => Cow::Owned(display_name(value)),
                    _ => Cow::Borrowed(value),
                };
                u32::from(re.is_match(value.as_bytes()) != *negate)
            }
            Test::Exists(name) => u32::from(v.has(name)),
            Test::Lines { kind, re } => {
                let mut total = 0;
                let skip = usize::from(rule.nosubject && *kind == Kind::Body);
                for line in lines(v, *kind).skip(skip) {
                    total += re.count(line.as_bytes(), rule.maxhits - total);
                    if total >= rule.maxhits {
                        break;
                    }
                }
                total
            }
            Test::Mimeheader { name, re, .. } => u32::from(v.parts.iter().any(|p| {
                p.headers
                    .iter()
                    .any(|(h, val)| h.eq_ignore_ascii_case(name) && re.is_match(val.as_bytes()))
            })),
            Test::Eval { func, args } => match freemail::run(&rs.freemail, func, args, v)
                .or_else(|| rs.addrlists.run(func, args, v))
                .or_else(|| evals::registry_run(&rs.registry, func, v))
            {
                Some(hit) => u32::from(hit),
                None => evals::run(func, args, v, ctx) as u32,
            },
            Test::Meta { expr, vars } => {
                let value = expr.eval(&mut |k| vars[k].map_or(0.0, |r| f64::from(counts[r])));
                u32::from(value != 0.0)
            }
        };
        step(Step::Ran(i));
    }
    let mut hits: Vec<Hit> = rs
        .order
        .iter()
        .filter(|&&i| counts[i] > 0 && !rs.rules[i].is_sub())
        .map(|&i| {
            let r = &rs.rules[i];
            Hit {
                name: r.name.clone(),
                points: r.scores[set] * f64::from(counts[i]),
                describe: r.describe.clone(),
            }
        })
        .collect();
    hits.sort_by(|a, b| a.name.cmp(&b.name));
    hits
}

fn lines(v: &View, kind: Kind) -> Box<dyn Iterator<Item = &str> + '_> {
    match kind {
        Kind::Body => Box::new(v.body.iter().map(String::as_str)),
        Kind::Rawbody => Box::new(v.rawbody.iter().map(String::as_str)),
        Kind::Uri => Box::new(v.uris.iter().map(String::as_str)),
        _ => Box::new(std::iter::once(v.full.as_str())),
    }
}

/// `:addr`: the first address of a header (`Name <a@b>` or a bare `a@b`).
pub fn address(value: &str) -> String {
    let first = value.lines().next().unwrap_or("");
    match (first.find('<'), first.rfind('>')) {
        (Some(a), Some(b)) if a < b => first[a + 1..b].trim().to_string(),
        _ => first
            .split_whitespace()
            .find(|w| w.contains('@'))
            .unwrap_or(first.trim())
            .trim_matches(['(', ')', ',', '"'])
            .to_string(),
    }
}

/// `:name`: the display name of the first address.
fn display_name(value: &str) -> String {
    let first = value.lines().next().unwrap_or("");
    match first.find('<') {
        Some(a) => first[..a].trim().trim_matches('"').to_string(),
        None => first
            .find('(')
            .and_then(|a| first[a + 1..].split(')').next())
            .unwrap_or("")
            .to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use mail_parser::MessageParser;

    fn hits(rules: &str, raw: &str, ctx: Ctx) -> Vec<(String, f64)> {
        let mut c = Config::default();
        c.add_file("t.cf", rules);
        let rs = compile(&c);
        assert!(rs.skipped.is_empty(), "{:?}", rs.skipped);
        let m = MessageParser::default().parse(raw.as_bytes()).unwrap();
        let v = View::new(&m, raw.as_bytes(), Some("x@example.net"));
        check(&rs, &v, &ctx)
            .into_iter()
            .map(|h| (h.name, h.points))
            .collect()
    }

    const RULES: &str = "\
header   SUBJ_FREE  Subject =~ /\\bfree\\b/i\n\
describe SUBJ_FREE  Subject says free\n\
score    SUBJ_FREE  1.5\n\
header   __HAS_DATE exists:Date\n\
meta     NO_DATE    !__HAS_DATE\n\
header   __FROM_BIZ From:addr =~ /\\.biz$/\n\
header   FROM_NAME  From:name =~ /^Prize$/\n\
body     __CLICK    /click here/i\n\
body     WORDS      /\\bcash\\b/i\n\
tflags   WORDS      multiple maxhits=3\n\
score    WORDS      0.5\n\
uri      URI_IP     m{^https?://\\d+\\.\\d+\\.\\d+\\.\\d+}\n\
rawbody  RAW_FONT   /<font/i\n\
full     FULL_X     /^X-Bulk: yes$/m\n\
meta     META_BIZ   __FROM_BIZ && __CLICK\n\
score    META_BIZ   2 2 3 3\n\
meta     META_SUM   (SUBJ_FREE + WORDS + URI_IP) > 2\n\
body     DISABLED   /cash/\n\
score    DISABLED   0\n\
meta     NEEDS_DIS  DISABLED\n\
body     BAYES_99   eval:check_bayes('0.99', '1.00')\n\
score    BAYES_99   0 0 3.5 3.5\n";

    #[test]
    fn rules_of_every_kind_hit() {
        let raw = "From: Prize <win@lucky.biz>\r\nSubject: FREE cash\r\nX-Bulk: yes\r\n\
                   Content-Type: text/html\r\n\r\n\
                   <font>Cash cash cash cash, click here: <a href=\"http://192.0.2.1/x\">now</a></font>\r\n";
        let h = hits(RULES, raw, Ctx::default());
        let names: Vec<&str> = h.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(
            names,
            [
                "FROM_NAME",
                "FULL_X",
                "META_BIZ",
                "META_SUM",
                "NO_DATE",
                "RAW_FONT",
                "SUBJ_FREE",
                "URI_IP",
                "WORDS"
            ]
        );
        let points = |n: &str| h.iter().find(|(x, _)| x == n).unwrap().1;
        assert_eq!(points("WORDS"), 1.5, "three hits at most, 0.5 each");
        assert_eq!(points("META_BIZ"), 2.0, "score set 0");
        assert_eq!(points("SUBJ_FREE"), 1.5);
    }

    #[test]
    fn bayes_switches_score_set() {
        let raw = "From: a@b.biz\r\nDate: x\r\nSubject: hi\r\n\r\nclick here\r\n";
        let ctx = Ctx { bayes: Some(0.999) };
        let h = hits(RULES, raw, ctx);
        assert_eq!(
            h,
            [("BAYES_99".to_string(), 3.5), ("META_BIZ".to_string(), 3.0)]
        );
        let h = hits(RULES, raw, Ctx::default());
        assert_eq!(h, [("META_BIZ".to_string(), 2.0)]);
    }

    /// Rules that cannot change the outcome do not run: a sub-rule nobody reads, one read
    /// only by a meta that is off, that meta, and one read only by an unread sub-meta.
    #[test]
    fn rules_nothing_reads_do_not_run() {
        let rules = "\
body __READ       /cash/\n\
body __UNREAD     /cash/\n\
body __FOR_OFF    /cash/\n\
body __FOR_SUB    /cash/\n\
meta COUNTS       __READ\n\
meta OFF          __FOR_OFF\n\
score OFF         0\n\
meta __SUB_META   __FOR_SUB\n";
        let mut c = Config::default();
        c.add_file("t.cf", rules);
        let rs = compile(&c);
        let raw = "Subject: x\r\n\r\ncash\r\n";
        let m = MessageParser::default().parse(raw.as_bytes()).unwrap();
        let v = View::new(&m, raw.as_bytes(), None);
        let mut ran = Vec::new();
        let hits = check_observed(&rs, &v, &Ctx::default(), &mut |s| {
            if let Step::Ran(i) = s {
                ran.push(rs.rules[i].name.as_str());
            }
        });
        ran.sort();
        assert_eq!(ran, ["COUNTS", "__READ"]);
        assert_eq!(hits.len(), 1);
        assert_eq!(hits[0].name, "COUNTS");
    }

    #[test]
    fn clean_message_hits_nothing() {
        let raw = "From: Ann <ann@example.org>\r\nDate: Thu, 1 Jan 2026 00:00:00 +0000\r\n\
                   Subject: lunch\r\n\r\nSee you at noon.\r\n";
        assert!(hits(RULES, raw, Ctx::default()).is_empty());
    }
}
