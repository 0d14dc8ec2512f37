//! The only code that reads or writes the state file.
//!
//! A change runs under an exclusive lock on `<state>.lock`: load, apply, validate, write a
//! temporary file, fsync it, keep a copy of it as the revision's history copy, rename
//! it over the state file and fsync the directory. Readers never lock: a rename is atomic,
//! so they see the old file or the new one, never half of either. The relay only reads.

use std::fs::{self, File, OpenOptions, TryLockError};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use chrono::{DateTime, SubsecRound, Utc};
use serde::{Deserialize, Serialize};

use super::diff::{Change, diff};
use super::migrate::{MigrateError, READS, declared_version, migrate};
use super::validate::{Problem, validate};
use super::{API_VERSION, State};
use crate::error::{Error, Kind, Result};

const HEADER: &str =
    "# eopctl state file: change it with eopctl cmdlets. Hand edits are checked on load.\n";

pub struct Store {
    path: PathBuf,
    data_dir: PathBuf,
}

/// One revision of the history: when, who and which command made it.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct HistoryEntry {
    pub revision: u64,
    pub when: DateTime<Utc>,
    pub user: String,
    pub command: String,
}

/// What a change did.
pub struct Updated<R> {
    pub value: R,
    /// The new revision; `None` when nothing changed (or with `-WhatIf`).
    pub revision: Option<u64>,
    /// The differences, computed for `-WhatIf` only.
    pub changes: Vec<Change>,
}

/// What Restore-State did.
pub struct Restored {
    /// The revision replaced (for a file that did not load, the newest in the history).
    pub replaced: u64,
    /// The new revision; `None` when nothing changed (or with `-WhatIf`).
    pub revision: Option<u64>,
    /// The differences, computed for `-WhatIf` only.
    pub changes: Vec<Change>,
    /// A file that did not load: where it was kept, and why it did not load.
    pub broken: Option<(PathBuf, String)>,
}

impl Store {
    /// `data_dir` defaults to the state file's name with `.data` for its extension,
    /// beside it (`eop.yaml` → `eop.data/`).
    pub fn new(path: PathBuf, data_dir: Option<PathBuf>) -> Store {
        let data_dir = data_dir.unwrap_or_else(|| path.with_extension("data"));
        Store { path, data_dir }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn data_dir(&self) -> &Path {
        &self.data_dir
    }

    fn history_dir(&self) -> PathBuf {
        self.data_dir.join("history")
    }

    /// The current state; a file that does not exist yet is an empty organisation at
    /// revision 0.
    pub fn load(&self) -> Result<State> {
        Ok(self.load_with_text()?.0)
    }

    /// The state and the text it was read from (`None` when there is no file yet).
    ///
    /// Parsing a large state as YAML takes tens of milliseconds, so a state that parsed
    /// and validated is also kept as MessagePack in `<data-dir>/state.cache`, keyed by the exact
    /// bytes of the file (length and hash) and this build's version: the same bytes give
    /// the same valid state, and any other bytes are parsed and validated afresh.
    ///
    /// The flag says whether the text is exactly what `render` writes for the state (the
    /// store wrote it), so that comparing texts compares states.
    fn load_with_text(&self) -> Result<(State, Option<String>, bool)> {
        let text = match fs::read_to_string(&self.path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Ok((State::default(), None, false));
            }
            Err(e) => return Err(Error::io("read the state file", &self.path, e)),
        };
        let key = cache_key(&text);
        if let Some((state, canonical)) = self.cached(&key) {
            return Ok((state, Some(text), canonical));
        }
        let state = parse(&text, &self.path)?;
        self.save_cache(&key, &state);
        Ok((state, Some(text), false))
    }

    fn cache_path(&self) -> PathBuf {
        self.data_dir.join("state.cache")
    }

    fn cached(&self, key: &str) -> Option<(State, bool)> {
        let bytes = fs::read(self.cache_path()).ok()?;
        let newline = bytes.iter().position(|b| *b == b'\n')?;
        let header = bytes[..newline].strip_prefix(key.as_bytes())?;
        let canonical = match header {
            b"" => false,
            CANONICAL => true,
            _ => return None,
        };
        Some((
            rmp_serde::from_slice(&bytes[newline + 1..]).ok()?,
            canonical,
        ))
    }

    /// Best effort: a reader without write access to the data directory just parses again.
    fn save_cache(&self, key: &str, state: &State) {
        if let Ok(bytes) = rmp_serde::to_vec_named(state) {
            self.save_cache_bytes(key, &bytes);
        }
    }

    /// Best effort: a reader without write access to the data directory just parses again.
    fn save_cache_bytes(&self, key: &str, encoded: &[u8]) {
        let mut bytes = Vec::with_capacity(key.len() + 1 + encoded.len());
        bytes.extend_from_slice(key.as_bytes());
        bytes.push(b'\n');
        bytes.extend_from_slice(encoded);
        if fs::create_dir_all(&self.data_dir).is_err() {
            return;
        }
        let tmp = self
            .data_dir
            .join(format!(".state.cache.{}.tmp", std::process::id()));
        if fs::write(&tmp, &bytes)
            .and_then(|_| fs::rename(&tmp, self.cache_path()))
            .is_err()
        {
            let _ = fs::remove_file(&tmp);
        }
    }

    /// Applies `change` to the current state under the lock and saves the result as the next
    /// revision. With `dry_run` nothing is written and the differences are returned.
    pub fn update<R>(
        &self,
        command: &str,
        dry_run: bool,
        change: impl FnOnce(&mut State) -> Result<R>,
    ) -> Result<Updated<R>> {
        let _lock = self.lock()?;
        let loaded = self.load_with_text()?;
        self.apply(loaded, command, dry_run, change)
    }

    /// Brings back revision `revision` as the next one. Unlike `update` it also works on a
    /// file that does not load (a hand edit gone wrong): the history holds the good
    /// revisions, so the broken file is kept aside as `<state>.broken` and replaced.
    pub fn restore(&self, command: &str, revision: u64, dry_run: bool) -> Result<Restored> {
        let _lock = self.lock()?;
        let old = self.revision(revision)?;
        let (loaded, broken) = match self.load_with_text() {
            Ok(loaded) => (loaded, None),
            Err(e) => {
                // The newest revision in the history stands for the file that was broken.
                let newest = self
                    .history()?
                    .iter()
                    .map(|h| h.revision)
                    .max()
                    .unwrap_or(0);
                let empty = State {
                    revision: newest,
                    ..State::default()
                };
                (
                    (empty, None, false),
                    Some((self.path.with_extension("yaml.broken"), e.message)),
                )
            }
        };
        let current = loaded.0.revision;
        // A broken file may be brought back to the newest good revision itself.
        if broken.is_none() && revision >= current && revision != 0 {
            return Err(Error::usage(format!(
                "-Revision {revision}: the current revision is {current}; restore an older one"
            ))
            .help("list the revisions with `eopctl Get-StateHistory`"));
        }
        if let (Some((aside, _)), false) = (&broken, dry_run) {
            fs::copy(&self.path, aside)
                .map_err(|e| Error::io("keep the broken state file as", aside, e))?;
        }
        let updated = self.apply(loaded, command, dry_run, |state| {
            *state = old;
            Ok(())
        })?;
        Ok(Restored {
            replaced: current,
            revision: updated.revision,
            changes: updated.changes,
            broken,
        })
    }

    /// `update` under the lock, from what was loaded.
    fn apply<R>(
        &self,
        (mut state, old_text, canonical): (State, Option<String>, bool),
        command: &str,
        dry_run: bool,
        change: impl FnOnce(&mut State) -> Result<R>,
    ) -> Result<Updated<R>> {
        let old_revision = state.revision;
        // To tell a change from none: the states themselves, unless the file is in the
        // form the store writes, where comparing the texts says the same for less.
        let mut before = (dry_run || !canonical).then(|| state.clone());
        let value = change(&mut state)?;
        state.api_version = API_VERSION.into();
        state.revision = old_revision;
        if let Some(before) = before.as_ref().filter(|_| dry_run) {
            check(&state)?;
            return Ok(Updated {
                value,
                revision: None,
                changes: diff(before, &state),
            });
        }
        // Validating, writing the YAML and the cache only read the state: on two cores they
        // run side by side, which keeps a large state's change within its time budget. They
        // see the next revision; if nothing changed, their work is dropped.
        let revision = old_revision + 1;
        state.revision = revision;
        let (checked, text, cache) = std::thread::scope(|s| {
            let checked = s.spawn(|| check(&state));
            let cache = s.spawn(|| rmp_serde::to_vec_named(&state).ok());
            let text = render(&state);
            (checked.join(), text, cache.join().ok().flatten())
        });
        checked.map_err(|_| Error::failed("validation failed unexpectedly"))??;
        let text = text?;
        let unchanged = match (&mut before, &old_text) {
            (_, None) => false,
            (Some(before), Some(_)) => {
                before.revision = revision;
                *before == state
            }
            (None, Some(old)) => {
                let bumped = old.replacen(
                    &format!("\nrevision: {old_revision}\n"),
                    &format!("\nrevision: {revision}\n"),
                    1,
                );
                bumped == text
            }
        };
        if unchanged {
            return Ok(Updated {
                value,
                revision: None,
                changes: Vec::new(),
            });
        }
        self.write(revision, &text, command)?;
        if let Some(cache) = cache {
            let key = format!("{}{}", cache_key(&text), String::from_utf8_lossy(CANONICAL));
            self.save_cache_bytes(&key, &cache);
        }
        Ok(Updated {
            value,
            revision: Some(revision),
            changes: Vec::new(),
        })
    }

    fn lock(&self) -> Result<File> {
        let lock_path = lock_path(&self.path);
        if let Some(dir) = lock_path.parent().filter(|d| !d.as_os_str().is_empty()) {
            fs::create_dir_all(dir).map_err(|e| Error::io("create the directory", dir, e))?;
        }
        let file = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&lock_path)
            .map_err(|e| Error::io("open the lock file", &lock_path, e))?;
        // Changes from scripts run in parallel queue up behind each other; one that waits
        // longer than this is stuck behind a hung eopctl, and a script should hear so.
        let wait = std::env::var("EOPCTL_LOCK_TIMEOUT")
            .ok()
            .and_then(|s| s.parse::<u64>().ok())
            .map_or(LOCK_WAIT, Duration::from_secs);
        let deadline = Instant::now() + wait;
        loop {
            match file.try_lock() {
                Ok(()) => return Ok(file),
                Err(TryLockError::WouldBlock) if Instant::now() < deadline => {
                    std::thread::sleep(Duration::from_millis(20));
                }
                Err(TryLockError::WouldBlock) => {
                    return Err(Error::new(
                        Kind::LockBusy,
                        format!(
                            "another eopctl has held the lock {} for {} s",
                            lock_path.display(),
                            wait.as_secs()
                        ),
                    )
                    .help("run the change again when the other one is done, or wait longer with EOPCTL_LOCK_TIMEOUT=SECONDS"));
                }
                Err(TryLockError::Error(e)) => return Err(Error::io("lock", &lock_path, e)),
            }
        }
    }

    fn write(&self, revision: u64, text: &str, command: &str) -> Result<()> {
        let name = self
            .path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("eop.yaml");
        let tmp = self
            .path
            .with_file_name(format!(".{name}.{}.tmp", std::process::id()));
        let written = (|| {
            let mut f = File::create(&tmp)?;
            f.write_all(text.as_bytes())?;
            f.sync_all()
        })();
        written.map_err(|e| Error::io("write", &tmp, e))?;

        let history = self.history_dir();
        fs::create_dir_all(&history)
            .map_err(|e| Error::io("create the history directory", &history, e))?;
        let copy = history.join(format!("r{revision}.yaml"));
        // A copy, not a hard link: an editor that saves in place would change the history
        // with the file, and Restore-State would have no good revision to bring back.
        fs::copy(&tmp, &copy).map_err(|e| Error::io("keep the history copy", &copy, e))?;

        fs::rename(&tmp, &self.path)
            .map_err(|e| Error::io("replace the state file", &self.path, e))?;
        sync_dir(&self.path)?;

        let entry = HistoryEntry {
            revision,
            when: Utc::now().trunc_subsecs(0),
            user: os_user(),
            command: command.into(),
        };
        let index = history.join("index.jsonl");
        let appended = (|| {
            let mut f = OpenOptions::new().create(true).append(true).open(&index)?;
            writeln!(f, "{}", serde_json::to_string(&entry).unwrap_or_default())?;
            f.sync_data()
        })();
        appended.map_err(|e| Error::io("record the change in", &index, e))
    }

    /// Every recorded revision, oldest first.
    pub fn history(&self) -> Result<Vec<HistoryEntry>> {
        let index = self.history_dir().join("index.jsonl");
        let text = match fs::read_to_string(&index) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(e) => return Err(Error::io("read", &index, e)),
        };
        Ok(text
            .lines()
            .filter_map(|l| serde_json::from_str(l).ok())
            .collect())
    }

    /// The state as it was at `revision` (0 is the empty organisation before the first change).
    pub fn revision(&self, revision: u64) -> Result<State> {
        if revision == 0 {
            return Ok(State::default());
        }
        let copy = self.history_dir().join(format!("r{revision}.yaml"));
        match fs::read_to_string(&copy) {
            Ok(text) => parse(&text, &copy),
            Err(_) => Err(Error::not_found(format!(
                "revision {revision} is not in the history of {}",
                self.path.display()
            ))
            .help("list the revisions with `eopctl Get-StateHistory`")),
        }
    }
}

/// Marks a cache entry whose file the store wrote itself.
const CANONICAL: &[u8] = b" canonical";

/// The file's text for a state.
fn render(state: &State) -> Result<String> {
    let body = super::yaml::to_string(state)
        .map_err(|e| Error::failed(format!("cannot serialize the state: {e}")))?;
    Ok(format!("{HEADER}{body}"))
}

/// Identifies the exact bytes of a state file, for this build.
fn cache_key(text: &str) -> String {
    let mut hasher = std::hash::DefaultHasher::new();
    std::hash::Hasher::write(&mut hasher, text.as_bytes());
    // The schema is in the key: a build that reads a new schema must not take a cache the
    // last build wrote for the same text in the old one.
    format!(
        "eopctl {} {API_VERSION} {} {:016x}",
        env!("CARGO_PKG_VERSION"),
        text.len(),
        std::hash::Hasher::finish(&hasher)
    )
}

/// How long a change waits for another to release the lock before it gives up.
const LOCK_WAIT: Duration = Duration::from_secs(30);

fn lock_path(path: &Path) -> PathBuf {
    let mut os = path.as_os_str().to_owned();
    os.push(".lock");
    PathBuf::from(os)
}

fn sync_dir(path: &Path) -> Result<()> {
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    File::open(dir)
        .and_then(|d| d.sync_all())
        .map_err(|e| Error::io("sync the directory", dir, e))
}

fn os_user() -> String {
    let uid = nix::unistd::getuid();
    nix::unistd::User::from_uid(uid)
        .ok()
        .flatten()
        .map(|u| u.name)
        .unwrap_or_else(|| uid.to_string())
}

fn check(state: &State) -> Result<()> {
    let context = "the change would make the state invalid, so nothing was saved";
    let problems = validate(state);
    if problems.is_empty() {
        return Ok(());
    }
    let list: Vec<String> = problems.iter().map(|p| format!("  {p}")).collect();
    Err(Error::conflict(format!("{context}:\n{}", list.join("\n"))))
}

/// Parses, migrates and validates a state file's text. Errors carry `path:line:column`.
pub fn parse(text: &str, path: &Path) -> Result<State> {
    let shown = path.display();
    let syntax = |e: serde_yaml::Error| {
        let at = e
            .location()
            .map(|l| format!(":{}:{}", l.line(), l.column()))
            .unwrap_or_default();
        let msg = e.to_string();
        let msg = msg.split(" at line ").next().unwrap_or(&msg).to_string();
        Error::invalid_state(format!("{shown}{at}: {msg}"))
            .help("fix the file by hand, or bring back a good revision with `eopctl Restore-State -Revision N`")
    };
    let state: State = match declared_version(text) {
        Some(API_VERSION) => serde_yaml::from_str(text).map_err(syntax)?,
        Some(old) if READS.contains(&old) => {
            let doc = serde_yaml::from_str(text).map_err(syntax)?;
            let doc = migrate(doc).map_err(|e| Error::invalid_state(format!("{shown}: {e}")))?;
            serde_yaml::from_value(doc).map_err(syntax)?
        }
        Some(other) => {
            return Err(Error::invalid_state(format!(
                "{shown}: {}",
                MigrateError::UnknownVersion(other.into())
            )));
        }
        None => {
            return Err(Error::invalid_state(format!(
                "{shown}: no apiVersion line, so this is not an eopctl state file"
            ))
            .help(format!(
                "add `apiVersion: {API_VERSION}` at the top, or point --state at the right file"
            )));
        }
    };
    // The line scan above saw the first line only; the parsed value is what counts.
    if state.api_version != API_VERSION {
        return Err(Error::invalid_state(format!(
            "{shown}: {}",
            MigrateError::UnknownVersion(state.api_version.clone())
        )));
    }
    let problems = validate(&state);
    if problems.is_empty() {
        return Ok(state);
    }
    let list: Vec<String> = problems
        .iter()
        .map(|p| format!("  {shown}{}: {p}", locate(text, p)))
        .collect();
    Err(Error::invalid_state(format!("the state file is not valid:\n{}", list.join("\n")))
        .help("fix these by hand, or bring back a good revision with `eopctl Restore-State -Revision N`"))
}

/// `:line:column` of the object a problem is about, found in the text.
fn locate(text: &str, problem: &Problem) -> String {
    let mut lines = text.lines().enumerate();
    let header = format!("{}:", problem.section);
    let Some((start, _)) = lines.find(|(_, l)| l.starts_with(&header)) else {
        return String::new();
    };
    let Some(index) = problem.index else {
        return format!(":{}:1", start + 1);
    };
    let mut item_indent = None;
    let mut seen = 0;
    for (n, line) in lines {
        let indent = line.len() - line.trim_start().len();
        let trimmed = line.trim_start();
        if indent == 0
            && !trimmed.starts_with('-')
            && !trimmed.is_empty()
            && !trimmed.starts_with('#')
        {
            break;
        }
        let item = trimmed.starts_with("- ") || trimmed == "-";
        if item && *item_indent.get_or_insert(indent) == indent {
            if seen == index {
                return format!(":{}:{}", n + 1, indent + 1);
            }
            seen += 1;
        }
    }
    format!(":{}:1", start + 1)
}
