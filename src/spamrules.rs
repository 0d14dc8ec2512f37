//! Where SpamAssassin rule files come from, and reading them (the I/O half of
//! `policy::spamrules`). `--spam-rules DIR` names a directory; without it the newest
//! `sa-update` directory under /var/lib/spamassassin is used if present, else
//! /usr/share/spamassassin (Debian's `spamassassin` package), else none (the built-in
//! signals alone); `--spam-rules none` turns the rules off. Files are read in name order
//! (`*.cf`), as SpamAssassin reads them, so a later `local.cf` overrides; eopctl's own
//! score changes (`policy::spamrules::GATEWAY_CF`) come after SpamAssassin's numbered
//! files and before the others.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime};

use crate::policy::spamrules::{self, Config, RuleSet};

pub const SYSTEM_DIR: &str = "/usr/share/spamassassin";
pub const UPDATES_DIR: &str = "/var/lib/spamassassin";

/// A loaded rule set and where it came from.
#[derive(Debug)]
pub struct Loaded {
    pub dir: PathBuf,
    pub rules: RuleSet,
    pub elapsed: Duration,
    /// The newest modification time of the files, to tell when a reload must re-read.
    pub stamp: Option<SystemTime>,
}

/// The directory a `--spam-rules` value names: None for `none`, the default when absent.
pub fn resolve(setting: Option<&str>) -> Option<PathBuf> {
    match setting {
        Some(v) if v.eq_ignore_ascii_case("none") => None,
        Some(v) => Some(PathBuf::from(v)),
        None => default_dir(),
    }
}

/// The newest `sa-update` directory (`/var/lib/spamassassin/<version>/<channel>`), else
/// the packaged rules.
pub fn default_dir() -> Option<PathBuf> {
    let mut versions: Vec<PathBuf> = std::fs::read_dir(UPDATES_DIR)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_dir())
        .collect();
    versions.sort();
    for v in versions.iter().rev() {
        let channel = std::fs::read_dir(v)
            .into_iter()
            .flatten()
            .flatten()
            .map(|e| e.path())
            .find(|p| p.is_dir() && has_cf(p));
        if channel.is_some() {
            return channel;
        }
    }
    let system = PathBuf::from(SYSTEM_DIR);
    has_cf(&system).then_some(system)
}

fn has_cf(dir: &Path) -> bool {
    cf_files(dir).is_ok_and(|f| !f.is_empty())
}

fn cf_files(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)?
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "cf") && p.is_file())
        .collect();
    files.sort();
    Ok(files)
}

/// The newest modification time of the directory's rule files.
pub fn stamp(dir: &Path) -> Option<SystemTime> {
    cf_files(dir)
        .ok()?
        .iter()
        .filter_map(|f| f.metadata().ok()?.modified().ok())
        .max()
}

/// Why a rule directory could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("cannot read the rule directory {}: {source}", dir.display())]
    Directory {
        dir: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("the rule directory {} has no .cf files", dir.display())]
    NoRuleFiles { dir: PathBuf },
    #[error("cannot read {}: {source}", file.display())]
    File {
        file: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

impl LoadError {
    /// What the admin can do about it.
    pub fn fix(&self) -> String {
        match self {
            LoadError::NoRuleFiles { .. } => format!(
                "pass --spam-rules with a directory of SpamAssassin .cf files (apt-get install spamassassin puts them in {SYSTEM_DIR}), or --spam-rules none"
            ),
            LoadError::Directory { .. } | LoadError::File { .. } => {
                "pass --spam-rules with a directory of SpamAssassin .cf files, or --spam-rules none"
                    .into()
            }
        }
    }
}

/// Reads and compiles every `*.cf` file of `dir`. Bytes that are not UTF-8 (Latin-1
/// words in the language files) become `\xNN` escapes, which is what they mean in a
/// pattern.
pub fn load(dir: &Path) -> Result<Loaded, LoadError> {
    let started = Instant::now();
    let files = cf_files(dir).map_err(|source| LoadError::Directory {
        dir: dir.to_path_buf(),
        source,
    })?;
    if files.is_empty() {
        return Err(LoadError::NoRuleFiles {
            dir: dir.to_path_buf(),
        });
    }
    let mut cfg = Config::default();
    let mut gateway = Some(spamrules::GATEWAY_CF);
    for f in &files {
        let numbered = f.file_name().is_some_and(|n| {
            n.to_string_lossy()
                .starts_with(|c: char| c.is_ascii_digit())
        });
        if !numbered && let Some((name, text)) = gateway.take() {
            cfg.add_file(name, text);
        }
        let bytes = std::fs::read(f).map_err(|source| LoadError::File {
            file: f.clone(),
            source,
        })?;
        let name = f
            .file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
        cfg.add_file(&name, &escape_non_utf8(&bytes));
    }
    if let Some((name, text)) = gateway {
        cfg.add_file(name, text);
    }
    let rules = spamrules::compile(&cfg);
    Ok(Loaded {
        dir: dir.to_path_buf(),
        rules,
        elapsed: started.elapsed(),
        stamp: stamp(dir),
    })
}

/// One line for the log: files, rules loaded, rules skipped by reason, load time.
pub fn summary(l: &Loaded) -> String {
    let skipped: Vec<String> = l
        .rules
        .skipped_by_reason()
        .iter()
        .map(|(r, n)| format!("{n} {}", r.label()))
        .collect();
    format!(
        "spam rules from {}: {} files, {} rules loaded, {} skipped ({}), {} unreadable lines, {} ms",
        l.dir.display(),
        l.rules.files,
        l.rules.rules.len(),
        l.rules.skipped.len(),
        skipped.join(", "),
        l.rules.errors.len(),
        l.elapsed.as_millis()
    )
}

fn escape_non_utf8(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len());
    for chunk in bytes.utf8_chunks() {
        out.push_str(chunk.valid());
        for b in chunk.invalid() {
            out.push_str(&format!("\\x{b:02x}"));
        }
    }
    out
}

/// The relay's rule set: loaded at start, kept across reloads of the state, and read
/// again only when a rule file in the directory changed.
#[derive(Debug)]
pub struct Cache {
    dir: Option<PathBuf>,
    current: std::sync::Mutex<Option<Arc<Loaded>>>,
}

impl Cache {
    /// For a `--spam-rules` value (None: the default directory).
    pub fn new(setting: Option<&str>) -> Cache {
        Cache {
            dir: resolve(setting),
            current: std::sync::Mutex::new(None),
        }
    }

    /// The rule set, loading it the first time and after a change. A failed re-read
    /// keeps the rules already loaded (the error is returned only when there are none).
    pub fn get(&self) -> Result<Option<Arc<Loaded>>, LoadError> {
        let Some(dir) = &self.dir else {
            return Ok(None);
        };
        let mut current = self.current.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(l) = current.as_ref()
            && l.stamp == stamp(dir)
        {
            return Ok(Some(l.clone()));
        }
        match load(dir) {
            Ok(l) => {
                tracing::info!("{}", summary(&l));
                let l = Arc::new(l);
                *current = Some(l.clone());
                Ok(Some(l))
            }
            Err(e) => match current.as_ref() {
                Some(old) => {
                    tracing::warn!("{e}; keeping the rules loaded before");
                    Ok(Some(old.clone()))
                }
                None => Err(e),
            },
        }
    }
}
