//! The rule files' text, read line by line into rule definitions and their settings
//! (`score`, `describe`, `tflags`, `priority`, the ReplaceTags settings), with the
//! conditional blocks (`ifplugin`, `if`, `else`, `endif`) decided as SpamAssassin 4.0.1
//! with the plugins in [`HAVE_PLUGINS`] would decide them. Later lines override earlier
//! ones, so a `score NAME 0` in a later file (a `local.cf`) disables a rule. Nothing here
//! fails: lines that cannot be read are listed with their file and line.

use std::collections::{HashMap, HashSet};

use super::meta;

/// The plugins the engine "has": the ones whose rules run offline. DNS, DKIM, SPF,
/// Razor, Pyzor, DCC, AskDNS, URIDNSBL, Bayes (the learning filter is fed in as a
/// probability instead), AWL/TxRep and the like are absent, so their blocks are skipped.
pub const HAVE_PLUGINS: &[&str] = &[
    "Check",
    "HTTPSMismatch",
    "URIDetail",
    "Bayes",
    "BodyEval",
    "HTMLEval",
    "HeaderEval",
    "MIMEEval",
    "RelayEval",
    "URIEval",
    "WLBLEval",
    "VBounce",
    "ImageInfo",
    "FreeMail",
    "ReplaceTags",
    "MIMEHeader",
    "FromNameSpoof",
    "Shortcircuit",
];

const RULE_KEYS: &[&str] = &[
    "header",
    "body",
    "rawbody",
    "uri",
    "full",
    "meta",
    "mimeheader",
];

/// The version the `if (version >= ...)` lines are decided for.
pub const VERSION: f64 = 4.000001;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    Header,
    Body,
    Rawbody,
    Uri,
    Full,
    Meta,
    Mimeheader,
}

/// One rule as written: its kind and the rest of its line.
#[derive(Debug, Clone)]
pub struct RuleDef {
    pub name: String,
    pub kind: Kind,
    pub spec: String,
    pub file: String,
    pub line: usize,
}

/// Everything the files said, with later lines winning.
#[derive(Debug, Default)]
pub struct Config {
    /// In the order first defined; a redefinition replaces the spec in place.
    pub rules: Vec<RuleDef>,
    pub scores: HashMap<String, [f64; 4]>,
    pub describe: HashMap<String, String>,
    pub tflags: HashMap<String, String>,
    pub priority: HashMap<String, i32>,
    pub replace_tags: HashMap<String, String>,
    /// Named `replace_pre`/`replace_inter`/`replace_post` values (a rule picks one
    /// with `<pre NAME>`, `<inter NAME>`, `<post NAME>`).
    pub replace_pre: HashMap<String, String>,
    pub replace_inter: HashMap<String, String>,
    pub replace_post: HashMap<String, String>,
    pub replace_rules: HashSet<String>,
    /// FreeMail's lists: every word of the `freemail_domains` and `freemail_welcomelist`
    /// lines.
    pub freemail_domains: Vec<String>,
    pub freemail_welcomelist: Vec<String>,
    /// `enlist_addrlist (NAME) pattern...`: each list's patterns.
    pub addrlists: HashMap<String, Vec<String>>,
    /// `util_rb_tld`, `util_rb_2tld`, `util_rb_3tld`: the registry boundaries.
    pub tlds: Vec<String>,
    pub tlds_2: Vec<String>,
    pub tlds_3: Vec<String>,
    /// `enlist_uri_host (NAME) host...`: each list's entries.
    pub uri_hosts: HashMap<String, Vec<String>>,
    /// Rules inside `ifplugin` blocks of plugins the engine lacks: name, plugin.
    pub absent: Vec<(String, String)>,
    /// Lines that could not be read: file, line, why.
    pub errors: Vec<(String, usize, String)>,
    pub files: usize,
    index: HashMap<String, usize>,
}

impl Config {
    /// Reads one file's text (in file name order, as SpamAssassin does).
    pub fn add_file(&mut self, file: &str, text: &str) {
        self.files += 1;
        // Each entry: (this branch taken, all enclosing blocks taken, the absent plugin
        // an `ifplugin` names).
        let mut stack: Vec<(bool, bool, Option<String>)> = Vec::new();
        let active = |stack: &[(bool, bool, Option<String>)]| {
            stack.last().is_none_or(|(t, outer, _)| *t && *outer)
        };
        let mut pending = String::new();
        for (no, raw) in text.lines().enumerate() {
            let no = no + 1;
            // A line ending in a backslash continues on the next (Conf::Parser).
            if let Some(head) = raw.strip_suffix('\\') {
                pending.push_str(head);
                continue;
            }
            let joined;
            let raw = if pending.is_empty() {
                raw
            } else {
                pending.push_str(raw);
                joined = std::mem::take(&mut pending);
                &joined
            };
            let line = strip_comment(raw).trim();
            if line.is_empty() {
                continue;
            }
            let (key, rest) = match line.split_once(char::is_whitespace) {
                Some((k, r)) => (k.to_ascii_lowercase(), r.trim()),
                None => (line.to_ascii_lowercase(), ""),
            };
            let on = active(&stack);
            match key.as_str() {
                "ifplugin" => {
                    let plugin = rest.split_whitespace().next().unwrap_or("");
                    let have = has_plugin(plugin);
                    stack.push((have, on, (!have).then(|| plugin.to_string())));
                    continue;
                }
                "if" => {
                    let decided = decide_if(rest);
                    if decided.is_none() {
                        self.errors
                            .push((file.into(), no, format!("cannot decide `if {rest}`")));
                    }
                    stack.push((decided.unwrap_or(false), on, None));
                    continue;
                }
                "else" => {
                    if let Some(top) = stack.last_mut() {
                        top.0 = !top.0;
                        top.2 = None;
                    } else {
                        self.errors
                            .push((file.into(), no, "else without if".into()));
                    }
                    continue;
                }
                "endif" => {
                    if stack.pop().is_none() {
                        self.errors
                            .push((file.into(), no, "endif without if".into()));
                    }
                    continue;
                }
                _ => {}
            }
            if !on {
                if let Some((false, true, Some(plugin))) = stack.last()
                    && RULE_KEYS.contains(&key.as_str())
                    && let Some(name) = rest.split_whitespace().next()
                {
                    self.absent.push((name.to_string(), plugin.clone()));
                }
                continue;
            }
            if let Err(e) = self.setting(&key, rest, file, no) {
                self.errors.push((file.into(), no, e));
            }
        }
        if !stack.is_empty() {
            self.errors.push((
                file.into(),
                0,
                format!("{} unclosed if blocks", stack.len()),
            ));
        }
    }

    fn setting(&mut self, key: &str, rest: &str, file: &str, no: usize) -> Result<(), String> {
        let kind = match key {
            "header" => Some(Kind::Header),
            "body" => Some(Kind::Body),
            "rawbody" => Some(Kind::Rawbody),
            "uri" => Some(Kind::Uri),
            "full" => Some(Kind::Full),
            "meta" => Some(Kind::Meta),
            "mimeheader" => Some(Kind::Mimeheader),
            _ => None,
        };
        let (name, value) = match rest.split_once(char::is_whitespace) {
            Some((n, v)) => (n, v.trim()),
            None => (rest, ""),
        };
        if let Some(kind) = kind {
            if name.is_empty() || value.is_empty() {
                return Err(format!("{key} needs a name and a test"));
            }
            let def = RuleDef {
                name: name.into(),
                kind,
                spec: value.into(),
                file: file.into(),
                line: no,
            };
            match self.index.get(name) {
                Some(&i) => self.rules[i] = def,
                None => {
                    self.index.insert(name.into(), self.rules.len());
                    self.rules.push(def);
                }
            }
            return Ok(());
        }
        match key {
            "score" => {
                let v: Vec<f64> = value
                    .split_whitespace()
                    .map(|s| s.trim_matches(|c| c == '(' || c == ')').parse::<f64>())
                    .collect::<Result<_, _>>()
                    .map_err(|_| format!("score {name}: not numbers: {value}"))?;
                let set = match v.as_slice() {
                    [a] => [*a; 4],
                    [a, b, c, d] => [*a, *b, *c, *d],
                    _ => return Err(format!("score {name}: 1 or 4 values, not {}", v.len())),
                };
                self.scores.insert(name.into(), set);
            }
            "describe" => {
                self.describe.insert(name.into(), value.into());
            }
            "tflags" => {
                self.tflags.insert(name.into(), value.into());
            }
            "priority" => {
                let p = value
                    .parse()
                    .map_err(|_| format!("priority {name}: {value}"))?;
                self.priority.insert(name.into(), p);
            }
            "replace_tag" => {
                self.replace_tags.insert(name.into(), value.into());
            }
            "replace_pre" => {
                self.replace_pre.insert(name.into(), value.into());
            }
            "replace_inter" => {
                self.replace_inter.insert(name.into(), value.into());
            }
            "replace_post" => {
                self.replace_post.insert(name.into(), value.into());
            }
            "freemail_domains" => {
                self.freemail_domains
                    .extend(rest.split_whitespace().map(str::to_string));
            }
            "freemail_welcomelist" | "freemail_whitelist" => {
                self.freemail_welcomelist
                    .extend(rest.split_whitespace().map(str::to_string));
            }
            "util_rb_tld" | "util_rb_2tld" | "util_rb_3tld" => {
                let list = match key {
                    "util_rb_tld" => &mut self.tlds,
                    "util_rb_2tld" => &mut self.tlds_2,
                    _ => &mut self.tlds_3,
                };
                list.extend(rest.split_whitespace().map(str::to_string));
            }
            "enlist_addrlist" | "enlist_uri_host" => {
                let list = name.trim_matches(['(', ')']).to_string();
                match key {
                    "enlist_addrlist" => &mut self.addrlists,
                    _ => &mut self.uri_hosts,
                }
                .entry(list)
                .or_default()
                .extend(value.split_whitespace().map(str::to_ascii_lowercase));
            }
            "replace_rules" => {
                self.replace_rules
                    .extend(rest.split_whitespace().map(str::to_string));
            }
            // Settings for plugins the engine lacks, report templates, languages,
            // welcome lists, DNS and learning settings: nothing to run offline.
            _ => {}
        }
        Ok(())
    }
}

/// Removes a `#` comment (not an escaped `\#`).
fn strip_comment(line: &str) -> &str {
    let b = line.as_bytes();
    for i in 0..b.len() {
        if b[i] == b'#' && (i == 0 || b[i - 1] != b'\\') {
            return &line[..i];
        }
    }
    line
}

pub fn has_plugin(full: &str) -> bool {
    let short = full.rsplit("::").next().unwrap_or(full);
    full.starts_with("Mail::SpamAssassin::Plugin::") && HAVE_PLUGINS.contains(&short)
}

/// Decides an `if` line: `version`, `perl_version`, `plugin(X)`, `can(X)` (SpamAssassin
/// 4.0.1 has every feature flag the stock files test) and `! && || ( ) >= ...`.
pub fn decide_if(expr: &str) -> Option<bool> {
    let mut text = String::new();
    let mut rest = expr;
    while let Some(at) = rest.find(|c: char| c.is_ascii_alphabetic()) {
        text.push_str(&rest[..at]);
        rest = &rest[at..];
        let word_end = rest
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .unwrap_or(rest.len());
        let word = &rest[..word_end];
        match word {
            "plugin" | "can" => {
                let close = rest.find(')')?;
                let arg = rest[word_end..close].trim().trim_start_matches('(').trim();
                let yes = if word == "plugin" {
                    has_plugin(arg)
                } else {
                    true
                };
                text.push_str(if yes { "1" } else { "0" });
                rest = &rest[close + 1..];
            }
            "version" => {
                text.push_str(&VERSION.to_string());
                rest = &rest[word_end..];
            }
            "perl_version" => {
                text.push_str("5.036");
                rest = &rest[word_end..];
            }
            _ => return None,
        }
    }
    text.push_str(rest);
    let e = meta::parse(&text).ok()?;
    Some(e.eval(&mut |_| 0.0) != 0.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules_settings_and_overrides() {
        let mut c = Config::default();
        c.add_file(
            "a.cf",
            "header  FOO  Subject =~ /x/i # comment\n\
             describe FOO A thing\n\
             score FOO 1.0 2.0 3.0 4.0\n\
             body BAR /y\\#z/\n\
             tflags BAR multiple maxhits=3\n",
        );
        c.add_file("local.cf", "score FOO 0\nbody BAR /again/\n");
        assert_eq!(c.rules.len(), 2);
        assert_eq!(c.rules[1].spec, "/again/");
        assert_eq!(c.scores["FOO"], [0.0; 4]);
        assert_eq!(c.describe["FOO"], "A thing");
        assert_eq!(c.tflags["BAR"], "multiple maxhits=3");
        assert!(c.errors.is_empty(), "{:?}", c.errors);
    }

    #[test]
    fn conditionals_are_decided() {
        let mut c = Config::default();
        c.add_file(
            "a.cf",
            "ifplugin Mail::SpamAssassin::Plugin::DNSEval\n\
             header NET eval:check_rbl('x', 'y.')\n\
             else\n\
             body NONET /a/\n\
             endif\n\
             if (version >= 3.004000)\n\
               if !plugin(Mail::SpamAssassin::Plugin::HTMLEval)\n\
                 body NOHTML /b/\n\
               endif\n\
               if can(Mail::SpamAssassin::Conf::feature_bug6558_free)\n\
                 body NEW /c/\n\
               endif\n\
             endif\n\
             if version < 3.0\n\
             body OLD /d/\n\
             endif\n",
        );
        let names: Vec<&str> = c.rules.iter().map(|r| r.name.as_str()).collect();
        assert_eq!(names, ["NONET", "NEW"]);
        assert_eq!(
            c.absent,
            [(
                "NET".to_string(),
                "Mail::SpamAssassin::Plugin::DNSEval".to_string()
            )]
        );
        assert!(c.errors.is_empty(), "{:?}", c.errors);
    }

    #[test]
    fn bad_lines_are_listed_not_fatal() {
        let mut c = Config::default();
        c.add_file("a.cf", "score X one\nbody\nendif\nbody OK /ok/\n");
        assert_eq!(c.errors.len(), 3);
        assert_eq!(c.rules.len(), 1);
    }
}
