//! Rule definitions compiled into runnable tests: regexes translated and built (the
//! `regex` crate where it can, PCRE2 otherwise), prefilters that say which rules
//! may match a message (one Aho-Corasick automaton per target over the rules' required
//! literals, see `atoms`; `RegexSet`s for body-like rules without literals), meta
//! expressions bound to rule indices and ordered so every meta runs after what it reads.
//! A rule that cannot run is listed with the reason and counts as not hit.

use std::collections::HashMap;
use std::sync::OnceLock;

use aho_corasick::AhoCorasick;
use regex::bytes::{Regex, RegexBuilder, RegexSet, RegexSetBuilder};

/// Patterns per prefilter set (see where the sets are built).
const PREFILTER_CHUNK: usize = 64;

use super::atoms;
use super::evals::{self, Support};
use super::meta;
use super::parse::{Config, Kind};
use super::perlre;

/// The reasons a rule does not run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
pub enum SkipReason {
    /// The regex cannot be translated or compiled.
    Regex,
    /// An eval the engine does not implement.
    UnknownEval,
    /// A DNS or network eval (block lists, Razor, Pyzor, DCC, SPF, DKIM…).
    Network,
    /// A meta rule whose expression cannot be read, or that depends on itself.
    Meta,
    /// A test this engine does not read (unknown syntax).
    Syntax,
    /// In an `ifplugin` block of a plugin the engine does not have (network, learning).
    PluginAbsent,
}

impl SkipReason {
    pub fn label(self) -> &'static str {
        match self {
            SkipReason::Regex => "unsupported regex",
            SkipReason::UnknownEval => "unknown eval",
            SkipReason::Network => "network eval",
            SkipReason::Meta => "bad meta",
            SkipReason::Syntax => "unreadable test",
            SkipReason::PluginAbsent => "plugin not present",
        }
    }
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct Skipped {
    pub name: String,
    pub reason: SkipReason,
    pub detail: String,
}

#[derive(Debug)]
pub enum Re {
    Plain(Regex),
    /// Look-around, backreferences, atomic groups: PCRE2, compiled by its JIT. Its
    /// backtracking matcher optimises as Perl's does (auto-possessive repeats, first
    /// and required bytes), which the header-block rules with backreferences need:
    /// fancy-regex took 0.1-0.6 ms a message for each of them, PCRE2 1-10 us.
    /// With a plain regex that matches wherever it does (see [`superset`]), tried first
    /// where the rule has no literals for the prefilter; compiled the first time the
    /// rule runs (most mail never reaches most rules).
    Pcre(pcre2::bytes::Regex, OnceLock<Option<Regex>>),
}

impl Re {
    /// How many times it matches `hay`, at most `max`. A match that fails (PCRE2's match
    /// or JIT stack limit) ends the count.
    pub fn count(&self, hay: &[u8], max: u32) -> u32 {
        match self {
            Re::Plain(r) => r.find_iter(hay).take(max as usize).count() as u32,
            Re::Pcre(r, superset) if !rejected(r, superset, hay) => r
                .find_iter(hay)
                .take(max as usize)
                .take_while(Result::is_ok)
                .count() as u32,
            Re::Pcre(..) => 0,
        }
    }

    pub fn is_match(&self, hay: &[u8]) -> bool {
        match self {
            Re::Plain(r) => r.is_match(hay),
            Re::Pcre(r, superset) => {
                !rejected(r, superset, hay) && r.is_match(hay).unwrap_or(false)
            }
        }
    }

    /// No superset: the rule has a cheaper prefilter, or its texts are short.
    fn without_superset(mut self) -> Re {
        if let Re::Pcre(_, superset) = &mut self {
            *superset = OnceLock::from(None);
        }
        self
    }
}

/// The superset (compiled now if this is the rule's first run) rules `hay` out.
fn rejected(r: &pcre2::bytes::Regex, superset: &OnceLock<Option<Regex>>, hay: &[u8]) -> bool {
    superset
        .get_or_init(|| superset::superset(r.as_str()))
        .as_ref()
        .is_some_and(|p| !p.is_match(hay))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HeaderPart {
    Value,
    Raw,
    Addr,
    Name,
}

#[derive(Debug)]
pub enum Test {
    Header {
        name: String,
        part: HeaderPart,
        re: Re,
        negate: bool,
        unset: Option<String>,
    },
    Exists(String),
    Lines {
        kind: Kind,
        re: Re,
    },
    Mimeheader {
        name: String,
        raw: bool,
        re: Re,
    },
    Meta {
        expr: meta::Parsed,
        /// The rule index of each name in the expression (None: not a runnable rule).
        vars: Vec<Option<usize>>,
    },
    Eval {
        func: String,
        args: Vec<String>,
    },
}

#[derive(Debug)]
pub struct Rule {
    pub name: String,
    pub describe: String,
    pub scores: [f64; 4],
    pub test: Test,
    /// Count every match, up to this many (1 unless `tflags multiple`).
    pub maxhits: u32,
    pub priority: i32,
    /// `tflags nosubject`: a body rule that skips the Subject line.
    pub nosubject: bool,
    /// Per score set, whether running the rule can change the outcome (see [`mark_live`]).
    pub live: [bool; 4],
}

impl Rule {
    /// Sub-rules (`__NAME`) only feed metas.
    pub fn is_sub(&self) -> bool {
        self.name.starts_with("__")
    }
}

/// One automaton over the atoms of every rule of one target (body, rawbody, uri, full):
/// a rule may match a text only if the automaton found one of its atoms there.
#[derive(Debug)]
pub struct Literals {
    pub kind: Kind,
    pub automaton: AhoCorasick,
    /// The rules each atom (the automaton's pattern) belongs to.
    pub rules: Vec<Vec<usize>>,
    /// Every rule this prefilter decides for.
    pub covered: Vec<usize>,
}

/// The compiled rules.
#[derive(Debug, Default)]
pub struct RuleSet {
    pub rules: Vec<Rule>,
    /// Non-meta rules first, then metas in dependency order.
    pub order: Vec<usize>,
    /// Per target, the literal prefilter of the rules with atoms.
    pub literals: Vec<Literals>,
    /// For body, rawbody and uri rules without atoms: the set, and the rule index of each
    /// of its patterns.
    pub prefilters: Vec<(Kind, RegexSet, Vec<usize>)>,
    /// Plain header rules, one pass per header (see [`HeaderSet`]).
    pub header_sets: Vec<HeaderSet>,
    pub skipped: Vec<Skipped>,
    pub files: usize,
    /// Lines of the files that could not be read.
    pub errors: Vec<(String, usize, String)>,
    pub freemail: super::freemail::FreeMail,
    pub addrlists: super::addrlist::AddrLists,
    pub registry: super::registry::Registry,
}

impl RuleSet {
    /// Counts of skipped rules by reason, for the load log.
    pub fn skipped_by_reason(&self) -> Vec<(SkipReason, usize)> {
        let mut m: HashMap<SkipReason, usize> = HashMap::new();
        for s in &self.skipped {
            *m.entry(s.reason).or_default() += 1;
        }
        let mut v: Vec<_> = m.into_iter().collect();
        v.sort();
        v
    }
}

/// The compiled regex and its translated text (for the prefilters).
fn compile_re(spec: &str) -> Result<(Re, String), String> {
    let (pattern, flags) = perlre::split_delimited(spec).map_err(|e| e.to_string())?;
    let t = perlre::translate(pattern, flags).map_err(|e| e.to_string())?;
    if t.fancy {
        let r = perlre::pcre(&t.perl).map_err(|e| e.to_string())?;
        return Ok((Re::Pcre(r, OnceLock::new()), t.perl));
    }
    match RegexBuilder::new(&t.pattern).size_limit(1 << 24).build() {
        Ok(r) => Ok((Re::Plain(r), t.pattern)),
        // Some Perl the regex crate rejects PCRE2 still reads.
        Err(e) => match perlre::pcre(&t.perl) {
            Ok(r) => Ok((Re::Pcre(r, OnceLock::new()), t.perl)),
            Err(_) => Err(e.to_string()),
        },
    }
}

/// `Subject =~ /re/i [if-unset: x]`, `From:addr !~ /re/`, `exists:Name`, `eval:f(...)`.
fn header_test(spec: &str) -> Result<Test, (SkipReason, String)> {
    if let Some(name) = spec.strip_prefix("exists:") {
        return Ok(Test::Exists(name.trim().to_string()));
    }
    let (target, rest, negate) = match (spec.find("=~"), spec.find("!~")) {
        (Some(a), b) if b.is_none_or(|b| a < b) => (&spec[..a], &spec[a + 2..], false),
        (_, Some(b)) => (&spec[..b], &spec[b + 2..], true),
        _ => return Err((SkipReason::Syntax, format!("no =~ in {spec:?}"))),
    };
    let (rest, unset) = match rest.rfind("[if-unset:") {
        Some(at) => (
            &rest[..at],
            Some(
                rest[at + 10..]
                    .trim()
                    .trim_end_matches(']')
                    .trim()
                    .to_string(),
            ),
        ),
        None => (rest, None),
    };
    let target = target.trim();
    let (name, part) = match target.split_once(':') {
        Some((n, "raw")) => (n, HeaderPart::Raw),
        Some((n, "addr")) => (n, HeaderPart::Addr),
        Some((n, "name")) => (n, HeaderPart::Name),
        Some((_, m)) => return Err((SkipReason::Syntax, format!("header modifier :{m}"))),
        None => (target, HeaderPart::Value),
    };
    let (re, _) = compile_re(rest).map_err(|e| (SkipReason::Regex, e))?;
    Ok(Test::Header {
        name: name.to_string(),
        part,
        // A header's value is short, and the header-block rules' supersets (`From:` ...
        // `To:`) match every message.
        re: re.without_superset(),
        negate,
        unset,
    })
}

/// ReplaceTags: `<A>` in a listed rule becomes tag A's value; `<pre P>`, `<post P>` and
/// `<inter P>` in the rule name the text put before each tag, after each tag, and between
/// two adjacent tags (ReplaceTags.pm, up to five passes for tags inside values).
fn replace_tags(cfg: &Config, spec: &str) -> String {
    let mut re = spec.to_string();
    let mut take = |what: &str| {
        let open = format!("<{what} ");
        let at = re.find(&open)?;
        let end = at + re[at..].find('>')?;
        let name = re[at + open.len()..end].to_string();
        re.replace_range(at..=end, "");
        Some(name)
    };
    let pre = take("pre").and_then(|n| cfg.replace_pre.get(&n)).cloned();
    let post = take("post").and_then(|n| cfg.replace_post.get(&n)).cloned();
    let inter = take("inter")
        .and_then(|n| cfg.replace_inter.get(&n))
        .cloned();
    for _ in 0..5 {
        let mut out = String::new();
        let mut rest = re.as_str();
        let mut again = false;
        let mut after_tag = false;
        while let Some(lt) = rest.find('<') {
            let Some(gt) = rest[lt..].find('>') else {
                break;
            };
            let name = &rest[lt + 1..lt + gt];
            let Some(value) = cfg.replace_tags.get(name) else {
                out.push_str(&rest[..lt + gt + 1]);
                rest = &rest[lt + gt + 1..];
                after_tag = false;
                continue;
            };
            if after_tag && lt == 0 {
                out.push_str(inter.as_deref().unwrap_or(""));
            }
            out.push_str(&rest[..lt]);
            out.push_str(pre.as_deref().unwrap_or(""));
            out.push_str(value);
            out.push_str(post.as_deref().unwrap_or(""));
            again |= value.contains('<');
            after_tag = true;
            rest = &rest[lt + gt + 1..];
        }
        out.push_str(rest);
        re = out;
        if !again {
            break;
        }
    }
    re
}

pub fn compile(cfg: &Config) -> RuleSet {
    let mut set = RuleSet {
        freemail: super::freemail::FreeMail::new(&cfg.freemail_domains, &cfg.freemail_welcomelist),
        addrlists: super::addrlist::AddrLists::new(&cfg.addrlists, &cfg.uri_hosts),
        registry: super::registry::Registry::new(&cfg.tlds, &cfg.tlds_2, &cfg.tlds_3),
        files: cfg.files,
        errors: cfg.errors.clone(),
        ..RuleSet::default()
    };
    let mut patterns: HashMap<Kind, (Vec<String>, Vec<usize>)> = HashMap::new();
    let mut literal_atoms: HashMap<Kind, Vec<(usize, atoms::Atoms)>> = HashMap::new();
    for def in &cfg.rules {
        let spec = if cfg.replace_rules.contains(&def.name) {
            replace_tags(cfg, &def.spec)
        } else {
            def.spec.clone()
        };
        let skip = |reason, detail: String| Skipped {
            name: def.name.clone(),
            reason,
            detail,
        };
        let compiled: Result<(Test, Option<String>), Skipped> = if def.kind == Kind::Meta {
            meta::parse(&spec)
                .map(|expr| {
                    (
                        Test::Meta {
                            expr,
                            vars: Vec::new(),
                        },
                        None,
                    )
                })
                .map_err(|e| skip(SkipReason::Meta, e))
        } else if let Some((func, args)) = evals::parse_call(&spec) {
            match evals::support(&func) {
                Support::Local => Ok((Test::Eval { func, args }, None)),
                Support::Network => Err(skip(SkipReason::Network, func)),
                Support::Unknown => Err(skip(SkipReason::UnknownEval, func)),
            }
        } else {
            match def.kind {
                Kind::Header => header_test(&spec)
                    .map(|t| (t, None))
                    .map_err(|(r, d)| skip(r, d)),
                Kind::Mimeheader => header_test(&spec)
                    .map_err(|(r, d)| skip(r, d))
                    .and_then(|t| match t {
                        Test::Header { name, part, re, .. } => Ok((
                            Test::Mimeheader {
                                name,
                                raw: part == HeaderPart::Raw,
                                re,
                            },
                            None,
                        )),
                        _ => Err(skip(SkipReason::Syntax, spec.clone())),
                    }),
                kind => compile_re(&spec)
                    .map(|(re, src)| (Test::Lines { kind, re }, Some(src)))
                    .map_err(|e| skip(SkipReason::Regex, e)),
            }
        };
        let (test, source) = match compiled {
            Ok(t) => t,
            Err(s) => {
                set.skipped.push(s);
                continue;
            }
        };
        let flags = cfg.tflags.get(&def.name).map_or("", String::as_str);
        let nice = flags.split_whitespace().any(|f| f == "nice");
        let maxhits = flags
            .split_whitespace()
            .find_map(|f| f.strip_prefix("maxhits="))
            .and_then(|n| n.parse().ok())
            .unwrap_or(if flags.split_whitespace().any(|f| f == "multiple") {
                1000
            } else {
                1
            });
        // Parser.pm's defaults: 1.0 (0.01 for T_ rules), negative for `nice` ones.
        let scores = cfg.scores.get(&def.name).copied().unwrap_or_else(|| {
            let s = if def.name.starts_with("T_") {
                0.01
            } else {
                1.0
            };
            [if nice { -s } else { s }; 4]
        });
        let index = set.rules.len();
        let mut test = test;
        if let (Test::Lines { kind, re }, Some(src)) = (&mut test, source) {
            let found = match re {
                Re::Plain(_) => atoms::plain(&src),
                Re::Pcre(..) => atoms::fancy(&src),
            };
            match found {
                Some(found) => {
                    // The literal prefilter turns most texts away, and PCRE2 looks for
                    // the literals itself before it backtracks.
                    if let Re::Pcre(_, superset) = re {
                        *superset = OnceLock::from(None);
                    }
                    literal_atoms.entry(*kind).or_default().push((index, found));
                }
                None if matches!(re, Re::Plain(_))
                    && matches!(kind, Kind::Body | Kind::Rawbody | Kind::Uri) =>
                {
                    let e = patterns.entry(*kind).or_default();
                    e.0.push(src);
                    e.1.push(index);
                }
                // PCRE2 and full rules without atoms run on every message.
                None => {}
            }
        }
        set.rules.push(Rule {
            name: def.name.clone(),
            describe: cfg.describe.get(&def.name).cloned().unwrap_or_default(),
            scores,
            test,
            maxhits,
            priority: cfg.priority.get(&def.name).copied().unwrap_or(0),
            nosubject: flags.split_whitespace().any(|f| f == "nosubject"),
            live: [false; 4],
        });
    }
    for (kind, (sources, indices)) in patterns {
        for (built, indices) in regex_sets(&sources, &indices) {
            match built {
                Ok(rs) => set.prefilters.push((kind, rs, indices.to_vec())),
                // Without the set each rule runs alone: slower, same answers.
                Err(e) => tracing::warn!("rule prefilter for {kind:?} not built: {e}"),
            }
        }
    }
    for (kind, rules) in literal_atoms {
        match literals(kind, &rules) {
            Ok(l) => set.literals.push(l),
            // Without the automaton each rule runs alone: slower, same answers.
            Err(e) => tracing::warn!("rule literal prefilter for {kind:?} not built: {e}"),
        }
    }
    // A rule defined elsewhere too (an `else` branch) is not absent.
    let mut seen: std::collections::HashSet<&str> =
        cfg.rules.iter().map(|r| r.name.as_str()).collect();
    let absent: Vec<&(String, String)> = cfg
        .absent
        .iter()
        .filter(|(name, _)| seen.insert(name.as_str()))
        .collect();
    set.skipped
        .extend(absent.into_iter().map(|(name, plugin)| Skipped {
            name: name.clone(),
            reason: SkipReason::PluginAbsent,
            detail: plugin.clone(),
        }));
    bind_metas(&mut set);
    mark_live(&mut set);
    set.header_sets = header_sets(&set.rules);
    set
}

/// `RegexSet`s of PREFILTER_CHUNK patterns each, with the rule indices of their patterns.
/// Not one set for all: the lazy DFA of a set of a thousand case-insensitive patterns
/// outgrows its cache on every message and is rebuilt state by state (most of the
/// scoring time, measured); small sets keep their states.
fn regex_sets<'a, S: AsRef<str>>(
    sources: &[S],
    indices: &'a [usize],
) -> Vec<(Result<RegexSet, regex::Error>, &'a [usize])> {
    sources
        .chunks(PREFILTER_CHUNK)
        .zip(indices.chunks(PREFILTER_CHUNK))
        .map(|(sources, indices)| {
            let built = RegexSetBuilder::new(sources)
                .size_limit(1 << 30)
                .dfa_size_limit(1 << 26)
                .build();
            (built, indices)
        })
        .collect()
}

/// One automaton over the atoms of `rules` (rule index, its atoms), each atom once.
fn literals(
    kind: Kind,
    rules: &[(usize, atoms::Atoms)],
) -> Result<Literals, aho_corasick::BuildError> {
    let mut id: HashMap<&[u8], usize> = HashMap::new();
    let mut atoms: Vec<&[u8]> = Vec::new();
    let mut owners: Vec<Vec<usize>> = Vec::new();
    for (rule, list) in rules {
        for atom in list {
            let k = *id.entry(atom).or_insert_with(|| {
                atoms.push(atom);
                owners.push(Vec::new());
                atoms.len() - 1
            });
            owners[k].push(*rule);
        }
    }
    let automaton = AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build(&atoms)?;
    Ok(Literals {
        kind,
        automaton,
        rules: owners,
        covered: rules.iter().map(|(rule, _)| *rule).collect(),
    })
}

mod headers;
mod metas;
mod superset;
pub use headers::HeaderSet;
pub use superset::drop_supersets;

use headers::header_sets;
use metas::{bind_metas, mark_live};

#[cfg(test)]
mod tests;
