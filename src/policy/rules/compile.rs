//! Compiling the mail flow rules' words and patterns into regular expressions, once per
//! state revision: one regex per multi-valued predicate, and one `RegexSet` per message text
//! so that text is scanned once for every rule.

use regex::{Regex, RegexBuilder, RegexSet, RegexSetBuilder};

use crate::state::State;
use crate::state::model::{Pattern, Predicates};

/// The compiled regular expressions of every rule, in state order.
#[derive(Debug, Default)]
pub struct CompiledRules {
    pub(super) rules: Vec<CompiledRule>,
    /// By `Field`: every rule's regex on that text in one set, so each text of a message
    /// is scanned once, not once per rule (a rule's own regex runs only on a hit, to say
    /// what matched).
    pub(super) sets: [Option<RegexSet>; 3],
}

/// The texts of a message that many rules search.
#[derive(Debug, Clone, Copy)]
pub(super) enum Field {
    /// The sender's address.
    Sender = 0,
    Subject = 1,
    /// The subject and every text part of the body.
    SubjectOrBody = 2,
}

/// A regex of one rule on one `Field`, and its index in that field's set.
#[derive(Debug)]
pub(super) struct Text {
    pub(super) re: Regex,
    pub(super) field: Field,
    pub(super) index: usize,
}

#[derive(Debug)]
pub(super) struct CompiledRule {
    pub(super) conditions: Compiled,
    pub(super) exceptions: Compiled,
}

/// One regex per multi-valued text predicate (the values joined as alternatives).
#[derive(Debug, Default)]
pub(super) struct Compiled {
    pub(super) from_words: Option<Text>,
    pub(super) from_patterns: Option<Text>,
    pub(super) recipient_words: Option<Regex>,
    pub(super) subject_words: Option<Text>,
    pub(super) subject_or_body_words: Option<Text>,
    pub(super) subject_patterns: Option<Text>,
    pub(super) header_words: Option<Regex>,
    pub(super) header_patterns: Option<Regex>,
    pub(super) attachment_patterns: Option<Regex>,
}

/// Why the rules cannot be compiled. Patterns are checked when they are set, so what is
/// left is size: a rule's words and patterns together over the regex engine's limits.
#[derive(Debug, thiserror::Error)]
pub enum CompileError {
    #[error("TransportRule \"{rule}\" cannot be compiled: {source}")]
    Rule {
        rule: String,
        #[source]
        source: regex::Error,
    },
    #[error("the mail flow rules cannot be compiled together: {0}")]
    Together(#[source] regex::Error),
}

impl CompileError {
    /// What to do about it: fewer or simpler words and patterns.
    pub fn fix(&self) -> String {
        match self {
            CompileError::Rule { rule, .. } => format!(
                "make its words and patterns fewer or simpler: `eopctl Set-TransportRule -Identity \"{rule}\"`"
            ),
            CompileError::Together(_) => {
                "split the words and patterns over fewer rules, or make them simpler".into()
            }
        }
    }
}

fn build(source: String) -> Result<Regex, regex::Error> {
    RegexBuilder::new(&source)
        .case_insensitive(true)
        .size_limit(1 << 24)
        .build()
}

/// Words and phrases as one regex: whole words, any case, any run of white space between
/// the words of a phrase.
fn words(list: &[String]) -> Result<Option<Regex>, regex::Error> {
    words_source(list).map(build).transpose()
}

fn words_source(list: &[String]) -> Option<String> {
    if list.is_empty() {
        return None;
    }
    let alternatives: Vec<String> = list
        .iter()
        .map(|w| {
            let w = w.trim();
            let body = w
                .split_whitespace()
                .map(regex::escape)
                .collect::<Vec<_>>()
                .join(r"\s+");
            let word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_');
            let start = if word(w.chars().next()) { r"\b" } else { "" };
            let end = if word(w.chars().last()) { r"\b" } else { "" };
            format!("{start}{body}{end}")
        })
        .collect();
    Some(format!("(?:{})", alternatives.join("|")))
}

fn patterns(list: &[Pattern]) -> Result<Option<Regex>, regex::Error> {
    patterns_source(list).map(build).transpose()
}

fn patterns_source(list: &[Pattern]) -> Option<String> {
    if list.is_empty() {
        return None;
    }
    let alternatives: Vec<String> = list.iter().map(|p| format!("(?:{})", p.as_str())).collect();
    Some(alternatives.join("|"))
}

/// Compiles a regex on `field`, adding its source to that field's set.
fn text(
    source: Option<String>,
    field: Field,
    sets: &mut [Vec<String>; 3],
) -> Result<Option<Text>, regex::Error> {
    source
        .map(|s| {
            let index = sets[field as usize].len();
            sets[field as usize].push(s.clone());
            Ok(Text {
                re: build(s)?,
                field,
                index,
            })
        })
        .transpose()
}

impl Compiled {
    /// Compiles `p`; the sources of its regexes on the message's main texts join `sets`.
    fn new(p: &Predicates, sets: &mut [Vec<String>; 3]) -> Result<Compiled, regex::Error> {
        Ok(Compiled {
            from_words: text(
                words_source(&p.from_address_contains_words),
                Field::Sender,
                sets,
            )?,
            from_patterns: text(
                patterns_source(&p.from_address_matches_patterns),
                Field::Sender,
                sets,
            )?,
            recipient_words: words(&p.recipient_address_contains_words)?,
            subject_words: text(
                words_source(&p.subject_contains_words),
                Field::Subject,
                sets,
            )?,
            subject_or_body_words: text(
                words_source(&p.subject_or_body_contains_words),
                Field::SubjectOrBody,
                sets,
            )?,
            subject_patterns: text(
                patterns_source(&p.subject_matches_patterns),
                Field::Subject,
                sets,
            )?,
            header_words: words(&p.header_contains_words)?,
            header_patterns: patterns(&p.header_matches_patterns)?,
            attachment_patterns: patterns(&p.attachment_name_matches_patterns)?,
        })
    }
}

/// Compiles every rule of the state; an error names the rule.
pub fn compile(state: &State) -> Result<CompiledRules, CompileError> {
    let mut sources: [Vec<String>; 3] = Default::default();
    let rules = state
        .transport_rules
        .iter()
        .map(|r| {
            let named = |source| CompileError::Rule {
                rule: r.name.clone(),
                source,
            };
            Ok(CompiledRule {
                conditions: Compiled::new(&r.conditions, &mut sources).map_err(named)?,
                exceptions: Compiled::new(&r.exceptions, &mut sources).map_err(named)?,
            })
        })
        .collect::<Result<Vec<_>, CompileError>>()?;
    let set = |list: &Vec<String>| -> Result<Option<RegexSet>, CompileError> {
        if list.is_empty() {
            return Ok(None);
        }
        RegexSetBuilder::new(list)
            .case_insensitive(true)
            .size_limit(1 << 26)
            .dfa_size_limit(1 << 24)
            .build()
            .map(Some)
            .map_err(CompileError::Together)
    };
    let sets = [set(&sources[0])?, set(&sources[1])?, set(&sources[2])?];
    Ok(CompiledRules { rules, sets })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_escape_and_patterns_ignore_case() {
        let re = words(&["c++".into(), "a.b".into()]).unwrap().unwrap();
        assert!(re.is_match("we use C++ here"));
        assert!(!re.is_match("axb"));
        assert!(re.is_match("see A.B now"));
    }
}
