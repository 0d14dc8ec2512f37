//! The spool: one file per accepted message under `<data-dir>/queue/`, written at its
//! final name, fsync'd, and the directory fsync'd, all before the client gets its 250.
//! A file holds the envelope (JSON) then the message bytes:
//! `EOPQ1 <envelope length> <message length>\n<envelope>\n<message>`. Recipients finished with (delivered or
//! bounced) are appended to `<id>.done`; a message whose recipients are all finished is
//! removed. On start every file in `queue/` is loaded again: nothing accepted is lost
//! (a crash can at worst deliver a recipient twice, never zero times). A deferred message
//! has `<id>.defer` beside it (its attempts, when it is due, the last error), so a restart
//! keeps the retry schedule instead of retrying the whole queue at once.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

use crate::policy::Route;

const MAGIC: &str = "EOPQ1";

/// What the queue knows about a message besides its bytes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Envelope {
    pub id: String,
    /// The reverse path; `None` is the null sender (no DSN is ever sent to it).
    pub sender: Option<String>,
    /// Seconds since the epoch when the message was accepted.
    pub received_at: u64,
    /// The client's address, or `local` for the relay's own messages.
    pub client: String,
    pub recipients: Vec<QueuedRecipient>,
    /// Hosted mailboxes file it in their Junk Email folder (anti-spam's MoveToJmf, or a
    /// mail flow rule's SCL).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub junk: bool,
    /// The message trace id, when it is not `id`: a copy split off by the protection
    /// stage, or a message released from quarantine, is traced under the message it
    /// came from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trace_id: Option<String>,
}

impl Envelope {
    /// The id the message trace knows this message by.
    pub fn trace_id(&self) -> &str {
        self.trace_id.as_deref().unwrap_or(&self.id)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QueuedRecipient {
    /// The address as the client gave it (ORCPT for DSNs).
    pub rcpt: String,
    pub route: Route,
}

/// A deferred message's place in the retry schedule.
#[derive(Debug, Clone, PartialEq)]
pub struct Deferral {
    pub attempts: u32,
    /// Seconds since the epoch.
    pub due: u64,
    pub why: String,
}

pub struct Spool {
    dir: PathBuf,
    dir_sync: DirSync,
}

/// Group commit of the queue directory: one fsync of the directory makes every entry
/// created before it started durable, so concurrent sessions share it. A caller waits for
/// a directory fsync that *started after* its file was created, running one itself when
/// none is under way.
#[derive(Default)]
struct DirSync {
    state: std::sync::Mutex<SyncState>,
    done: std::sync::Condvar,
}

#[derive(Default)]
struct SyncState {
    /// Directory fsyncs started so far, and how many of them have finished.
    started: u64,
    finished: u64,
    running: bool,
}

impl DirSync {
    fn sync(&self, dir: &Path) -> io::Result<()> {
        let mut st = self.state.lock().unwrap_or_else(|e| e.into_inner());
        // The first fsync to start from now on covers this caller's entry.
        let needed = st.started + 1;
        loop {
            if st.finished >= needed {
                return Ok(());
            }
            if !st.running {
                st.running = true;
                st.started += 1;
                let mine = st.started;
                drop(st);
                let result = sync_dir(dir);
                st = self.state.lock().unwrap_or_else(|e| e.into_inner());
                st.running = false;
                if result.is_ok() {
                    st.finished = mine;
                }
                self.done.notify_all();
                result?;
                continue;
            }
            st = self.done.wait(st).unwrap_or_else(|e| e.into_inner());
        }
    }
}

static COUNTER: AtomicU64 = AtomicU64::new(0);

/// A new queue id: time-ordered and unique within this process (and across restarts, as
/// the clock moves on).
pub fn new_id() -> String {
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default();
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    format!(
        "{:011X}{:05X}{:04X}",
        now.as_secs(),
        now.subsec_micros(),
        n & 0xFFFF
    )
}

pub fn now_secs() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default()
        .as_secs()
}

fn sync_dir(dir: &Path) -> io::Result<()> {
    File::open(dir)?.sync_all()
}

impl Spool {
    /// Opens (creating) the spool under `data_dir`.
    pub fn open(data_dir: &Path) -> io::Result<Spool> {
        let dir = data_dir.join("queue");
        fs::create_dir_all(&dir)?;
        Ok(Spool {
            dir,
            dir_sync: DirSync::default(),
        })
    }

    fn path(&self, id: &str) -> PathBuf {
        self.dir.join(format!("{id}.msg"))
    }

    /// Stores a message durably. Blocking: call it from a blocking thread.
    ///
    /// The file is created at its final name and both lengths are in its first line, so
    /// a file cut short by a crash is recognised (and was never acknowledged: the 250
    /// comes only after both fsyncs). Writing in place rather than renaming saves a
    /// second journal commit per message on ext4.
    pub fn store(&self, env: &Envelope, message: &[u8]) -> io::Result<()> {
        let json = serde_json::to_vec(env).map_err(io::Error::other)?;
        let mut f = OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(self.path(&env.id))?;
        let mut head = format!("{MAGIC} {} {}\n", json.len(), message.len()).into_bytes();
        head.extend_from_slice(&json);
        head.push(b'\n');
        let written = f
            .write_all(&head)
            .and_then(|()| f.write_all(message))
            .and_then(|()| f.sync_all());
        drop(f);
        if let Err(e) = written {
            // Never acknowledged: remove it now (a full disk gets its space back) rather
            // than leave it for the next start to set aside as corrupt.
            let _ = fs::remove_file(self.path(&env.id));
            return Err(e);
        }
        self.dir_sync.sync(&self.dir)
    }

    /// Reads a stored message: its envelope and bytes.
    pub fn read(&self, id: &str) -> io::Result<(Envelope, Vec<u8>)> {
        let mut data = Vec::new();
        File::open(self.path(id))?.read_to_end(&mut data)?;
        parse(&data)
    }

    /// Every message in the spool with the indexes of its finished recipients.
    pub fn load_all(&self) -> Vec<(Envelope, Vec<usize>)> {
        let mut out = Vec::new();
        let Ok(entries) = fs::read_dir(&self.dir) else {
            return out;
        };
        let mut names: Vec<PathBuf> = entries
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "msg"))
            .collect();
        names.sort();
        for path in names {
            let id = path
                .file_stem()
                .and_then(|s| s.to_str())
                .unwrap_or_default()
                .to_string();
            match self.read(&id) {
                Ok((env, _)) => {
                    let done = self.done(&id);
                    out.push((env, done));
                }
                Err(e) => {
                    // Cut short by a crash before its 250, or damaged: keep it aside.
                    let aside = self.dir.join("corrupt");
                    let _ = fs::create_dir_all(&aside);
                    let _ = fs::rename(&path, aside.join(path.file_name().unwrap_or_default()));
                    tracing::error!(queue_id = %id, error = %e, "incomplete queue file moved to queue/corrupt");
                }
            }
        }
        out
    }

    fn done(&self, id: &str) -> Vec<usize> {
        fs::read_to_string(self.dir.join(format!("{id}.done")))
            .unwrap_or_default()
            .lines()
            .filter_map(|l| l.trim().parse().ok())
            .collect()
    }

    /// Records recipients as finished (delivered, or bounced with a DSN queued).
    pub fn mark_done(&self, id: &str, indexes: &[usize]) -> io::Result<()> {
        let mut f = OpenOptions::new()
            .create(true)
            .append(true)
            .open(self.dir.join(format!("{id}.done")))?;
        let text: String = indexes.iter().map(|i| format!("{i}\n")).collect();
        f.write_all(text.as_bytes())?;
        f.sync_data()
    }

    /// Records a deferral: the attempts made, when the next is due (seconds since the
    /// epoch) and why the last failed. Not synced: a lost record only brings the retry
    /// forward, as Postfix's deferred queue does when a file's time is lost.
    pub fn mark_deferred(&self, id: &str, deferral: &Deferral) -> io::Result<()> {
        let why = deferral.why.replace(['\r', '\n'], " ");
        let text = format!("{} {} {why}\n", deferral.attempts, deferral.due);
        fs::write(self.dir.join(format!("{id}.defer")), text)
    }

    /// The deferral recorded for a message, if any (and readable).
    pub fn deferral(&self, id: &str) -> Option<Deferral> {
        let text = fs::read_to_string(self.dir.join(format!("{id}.defer"))).ok()?;
        let mut parts = text.trim_end().splitn(3, ' ');
        Some(Deferral {
            attempts: parts.next()?.parse().ok()?,
            due: parts.next()?.parse().ok()?,
            why: parts.next().unwrap_or_default().to_string(),
        })
    }

    /// Removes a finished message.
    pub fn remove(&self, id: &str) -> io::Result<()> {
        fs::remove_file(self.path(id))?;
        let _ = fs::remove_file(self.dir.join(format!("{id}.done")));
        let _ = fs::remove_file(self.dir.join(format!("{id}.defer")));
        let _ = fs::remove_file(self.suspended_path(id));
        Ok(())
    }

    fn suspended_path(&self, id: &str) -> PathBuf {
        self.dir.join(format!("{id}.suspended"))
    }

    /// Whether Suspend-Message holds the message (an empty `<id>.suspended` beside it, so
    /// the hold survives a restart).
    pub fn is_suspended(&self, id: &str) -> bool {
        self.suspended_path(id).exists()
    }

    pub fn set_suspended(&self, id: &str, on: bool) -> io::Result<()> {
        let path = self.suspended_path(id);
        if on {
            File::create(&path)?.sync_all()?;
            self.dir_sync.sync(&self.dir)
        } else {
            match fs::remove_file(&path) {
                Err(e) if e.kind() != io::ErrorKind::NotFound => Err(e),
                _ => Ok(()),
            }
        }
    }
}

fn parse(data: &[u8]) -> io::Result<(Envelope, Vec<u8>)> {
    let bad = || io::Error::new(io::ErrorKind::InvalidData, "not a complete queue file");
    let nl = data.iter().position(|b| *b == b'\n').ok_or_else(bad)?;
    let head = std::str::from_utf8(&data[..nl]).map_err(|_| bad())?;
    let mut words = head.strip_prefix(MAGIC).ok_or_else(bad)?.split_whitespace();
    let mut number = || {
        words
            .next()
            .and_then(|w| w.parse::<usize>().ok())
            .ok_or_else(bad)
    };
    let (env_len, msg_len) = (number()?, number()?);
    let start = nl + 1;
    let end = start
        .checked_add(env_len)
        .filter(|e| *e < data.len())
        .ok_or_else(bad)?;
    if data.len() - (end + 1) != msg_len {
        return Err(bad());
    }
    let env: Envelope = serde_json::from_slice(&data[start..end]).map_err(|_| bad())?;
    Ok((env, data[end + 1..].to_vec()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn store_read_and_finish() {
        let dir = tempfile::tempdir().unwrap();
        let spool = Spool::open(dir.path()).unwrap();
        let env = Envelope {
            id: new_id(),
            sender: Some("a@x.example".into()),
            received_at: 1,
            client: "127.0.0.1".into(),
            recipients: vec![QueuedRecipient {
                rcpt: "b@y.example".into(),
                route: Route::Mailbox {
                    mailbox: "B".into(),
                    primary: "b@y.example".into(),
                },
            }],
            junk: false,
            trace_id: None,
        };
        spool.store(&env, b"Subject: hi\r\n\r\nbody\r\n").unwrap();
        let (back, bytes) = spool.read(&env.id).unwrap();
        assert_eq!(back, env);
        assert_eq!(bytes, b"Subject: hi\r\n\r\nbody\r\n");
        spool.mark_done(&env.id, &[0]).unwrap();
        spool.set_suspended(&env.id, true).unwrap();
        assert!(spool.is_suspended(&env.id));
        let all = Spool::open(dir.path()).unwrap().load_all();
        assert_eq!(all, vec![(env.clone(), vec![0])]);
        spool.remove(&env.id).unwrap();
        assert!(spool.load_all().is_empty());
        assert!(!spool.is_suspended(&env.id));
        // A file cut short is set aside, not delivered.
        spool.store(&env, b"0123456789").unwrap();
        let path = dir.path().join("queue").join(format!("{}.msg", env.id));
        let len = fs::metadata(&path).unwrap().len();
        OpenOptions::new()
            .write(true)
            .open(&path)
            .unwrap()
            .set_len(len - 3)
            .unwrap();
        assert!(spool.load_all().is_empty());
        assert!(
            dir.path()
                .join("queue/corrupt")
                .join(format!("{}.msg", env.id))
                .exists()
        );
        assert_ne!(new_id(), new_id());
    }

    #[test]
    fn concurrent_stores_share_directory_syncs() {
        let dir = tempfile::tempdir().unwrap();
        let spool = std::sync::Arc::new(Spool::open(dir.path()).unwrap());
        let threads: Vec<_> = (0..8)
            .map(|_| {
                let spool = spool.clone();
                std::thread::spawn(move || {
                    for _ in 0..20 {
                        let env = Envelope {
                            id: new_id(),
                            sender: None,
                            received_at: 0,
                            client: "local".into(),
                            recipients: vec![],
                            junk: false,
                            trace_id: None,
                        };
                        spool.store(&env, b"x\r\n").unwrap();
                    }
                })
            })
            .collect();
        for t in threads {
            t.join().unwrap();
        }
        assert_eq!(spool.load_all().len(), 160);
        let st = spool.dir_sync.state.lock().unwrap();
        assert!(st.finished >= 1 && st.finished <= 160 && !st.running);
    }
}
