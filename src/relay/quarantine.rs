//! The quarantine: `<data-dir>/quarantine/<id>.eml` (the message) and `<id>.json` (its
//! verdict), each written to a temporary name, fsync'd and renamed, the JSON last: an entry
//! exists once its JSON does. The CLI reads and changes it whether or not the relay runs;
//! the relay adds entries and prunes expired ones.

use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::policy::protection::QuarantineType;

/// One quarantined message, as Get-QuarantineMessage shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct Entry {
    pub identity: String,
    pub received_time: DateTime<Utc>,
    pub expires: DateTime<Utc>,
    #[serde(rename = "Type")]
    pub quarantine_type: QuarantineType,
    pub sender_address: String,
    pub recipient_address: Vec<String>,
    pub subject: String,
    pub message_id: String,
    pub size: u64,
    /// The policy that quarantined it.
    pub policy_name: String,
    /// The verdict: signals with their scores, or the malware finding.
    pub reasons: Vec<String>,
    /// Recipients it was released to.
    #[serde(default)]
    pub released_to: Vec<String>,
    /// Get-MessageTrace's MessageTraceId of the message: its release is traced there.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message_trace_id: Option<String>,
    /// The quarantine policy it is held under (what its recipients may do). Entries
    /// written before it was recorded are the admins' only.
    #[serde(default = "admin_only")]
    pub tag_name: String,
    /// Recipients who asked an admin to release it.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub release_requested_by: Vec<String>,
    /// Recipients who deleted it from their quarantine.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub deleted_for: Vec<String>,
}

impl Entry {
    /// NotReleased, Requested, PartiallyReleased or Released, as Exchange says.
    pub fn release_status(&self) -> &'static str {
        let requested = self
            .release_requested_by
            .iter()
            .any(|r| !self.released_to.contains(r));
        match self.released_to.len() {
            n if n >= self.recipient_address.len() => "Released",
            _ if requested => "Requested",
            0 => "NotReleased",
            _ => "PartiallyReleased",
        }
    }

    /// The original recipient `address` names (any case), if it is one.
    pub fn recipient(&self, address: &str) -> Option<&str> {
        self.recipient_address
            .iter()
            .find(|r| r.eq_ignore_ascii_case(address.trim()))
            .map(String::as_str)
    }

    /// Whether it is still held for `recipient`: neither released to them nor deleted by
    /// them.
    pub fn held_for(&self, recipient: &str) -> bool {
        let is = |r: &String| r.eq_ignore_ascii_case(recipient);
        self.recipient(recipient).is_some()
            && !self.released_to.iter().any(is)
            && !self.deleted_for.iter().any(is)
    }
}

fn admin_only() -> String {
    crate::state::model::quarantine_policy::ADMIN_ONLY.into()
}

pub fn dir(data_dir: &Path) -> PathBuf {
    data_dir.join("quarantine")
}

/// An identity names a file: letters, digits and dashes only.
fn valid(identity: &str) -> bool {
    !identity.is_empty()
        && identity.len() <= 64
        && identity
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-')
}

fn path(data_dir: &Path, identity: &str, ext: &str) -> Option<PathBuf> {
    valid(identity).then(|| dir(data_dir).join(format!("{identity}.{ext}")))
}

/// Writes `bytes` at `dest` atomically (temporary file, fsync, rename, directory fsync).
pub fn write_atomic(dest: &Path, bytes: &[u8]) -> io::Result<()> {
    let parent = dest.parent().unwrap_or(Path::new("."));
    fs::create_dir_all(parent)?;
    let tmp = parent.join(format!(
        ".{}.tmp",
        dest.file_name().and_then(|n| n.to_str()).unwrap_or("entry")
    ));
    let mut f = File::create(&tmp)?;
    f.write_all(bytes)?;
    f.sync_all()?;
    drop(f);
    fs::rename(&tmp, dest)?;
    File::open(parent)?.sync_all()
}

/// Adds a message to the quarantine.
pub fn put(data_dir: &Path, entry: &Entry, message: &[u8]) -> io::Result<()> {
    let bad = || io::Error::new(io::ErrorKind::InvalidInput, "bad quarantine identity");
    write_atomic(
        &path(data_dir, &entry.identity, "eml").ok_or_else(bad)?,
        message,
    )?;
    save(data_dir, entry)
}

/// Writes an entry's verdict (after a release, say).
pub fn save(data_dir: &Path, entry: &Entry) -> io::Result<()> {
    let p = path(data_dir, &entry.identity, "json")
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "bad quarantine identity"))?;
    let json = serde_json::to_vec_pretty(entry).map_err(io::Error::other)?;
    write_atomic(&p, &json)
}

/// Every entry, oldest first. Unreadable ones are skipped.
pub fn list(data_dir: &Path) -> Vec<Entry> {
    let Ok(rd) = fs::read_dir(dir(data_dir)) else {
        return Vec::new();
    };
    let mut out: Vec<Entry> = rd
        .flatten()
        .filter(|e| {
            let name = e.file_name();
            let name = name.to_string_lossy();
            name.ends_with(".json") && !name.starts_with('.')
        })
        .filter_map(|e| serde_json::from_slice(&fs::read(e.path()).ok()?).ok())
        .collect();
    out.sort_by(|a: &Entry, b: &Entry| {
        (a.received_time, &a.identity).cmp(&(b.received_time, &b.identity))
    });
    out
}

pub fn get(data_dir: &Path, identity: &str) -> Option<Entry> {
    let p = path(data_dir, identity, "json")?;
    serde_json::from_slice(&fs::read(p).ok()?).ok()
}

pub fn message(data_dir: &Path, identity: &str) -> io::Result<Vec<u8>> {
    let p = path(data_dir, identity, "eml")
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "bad quarantine identity"))?;
    fs::read(p)
}

/// Removes an entry (its JSON first, so it is gone at once).
pub fn delete(data_dir: &Path, identity: &str) -> io::Result<()> {
    for ext in ["json", "eml"] {
        if let Some(p) = path(data_dir, identity, ext) {
            match fs::remove_file(p) {
                Err(e) if e.kind() != io::ErrorKind::NotFound => return Err(e),
                _ => {}
            }
        }
    }
    Ok(())
}

/// A recipient deletes it from their quarantine: it goes once no recipient has it held.
pub fn delete_for(data_dir: &Path, entry: &mut Entry, recipient: &str) -> io::Result<()> {
    entry.deleted_for.push(recipient.to_string());
    if entry.recipient_address.iter().any(|r| entry.held_for(r)) {
        save(data_dir, entry)
    } else {
        delete(data_dir, &entry.identity)
    }
}

/// Removes the entries expired at `now`; returns how many.
pub fn prune(data_dir: &Path, now: DateTime<Utc>) -> usize {
    list(data_dir)
        .into_iter()
        .filter(|e| e.expires <= now)
        .filter(|e| delete(data_dir, &e.identity).is_ok())
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn put_list_release_prune() {
        let d = tempfile::tempdir().unwrap();
        let now = Utc::now();
        let e = Entry {
            identity: "ABC-1".into(),
            received_time: now,
            expires: now + chrono::Duration::days(15),
            quarantine_type: QuarantineType::Spam,
            sender_address: "a@x.example".into(),
            recipient_address: vec!["b@contoso.com".into(), "c@contoso.com".into()],
            subject: "hi".into(),
            message_id: "<1@x>".into(),
            size: 5,
            policy_name: "Default".into(),
            reasons: vec!["SPAM_PHRASE(+1)".into()],
            released_to: vec![],
            message_trace_id: None,
            tag_name: "DefaultFullAccessPolicy".into(),
            release_requested_by: vec![],
            deleted_for: vec![],
        };
        put(d.path(), &e, b"hello").unwrap();
        assert_eq!(list(d.path()), vec![e.clone()]);
        assert_eq!(message(d.path(), "ABC-1").unwrap(), b"hello");
        assert!(get(d.path(), "../etc/passwd").is_none());
        let mut r = e.clone();
        r.released_to.push("b@contoso.com".into());
        save(d.path(), &r).unwrap();
        assert_eq!(
            get(d.path(), "ABC-1").unwrap().release_status(),
            "PartiallyReleased"
        );
        assert!(r.held_for("C@contoso.com") && !r.held_for("b@contoso.com"));
        r.release_requested_by.push("c@contoso.com".into());
        assert_eq!(r.release_status(), "Requested");
        let mut gone = r.clone();
        delete_for(d.path(), &mut gone, "c@contoso.com").unwrap();
        assert!(get(d.path(), "ABC-1").is_none());
        save(d.path(), &r).unwrap();
        assert_eq!(prune(d.path(), now), 0);
        assert_eq!(prune(d.path(), now + chrono::Duration::days(16)), 1);
        assert!(list(d.path()).is_empty());
        assert!(!dir(d.path()).join("ABC-1.eml").exists());
    }
}
