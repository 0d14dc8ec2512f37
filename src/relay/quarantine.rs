//! The quarantine store: messages a content decision (a mail flow rule's Quarantine, and
//! the spam and malware filters' quarantine actions) keeps instead of delivering.
//!
//! Format, one pair of files per message under `<data-dir>/quarantine/`:
//! - `<id>.eml`: the message exactly as received (with the relay's Received header);
//! - `<id>.json`: a `Quarantined` record (below): id, time, envelope, client, why, and the
//!   object that decided it.
//!
//! Each file is written under a temporary name, fsync'd and renamed, the `.eml` first, so
//! a `.json` never exists without its message: readers (the quarantine cmdlets) list the
//! `.json` files. The directory is fsync'd before the client gets its 250.

use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::policy::Blame;

/// The record beside each quarantined message.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct Quarantined {
    /// The queue id the message would have had (also the file name).
    pub identity: String,
    /// Seconds since the epoch.
    pub received_at: u64,
    /// The envelope sender; `None` is the null sender.
    pub sender_address: Option<String>,
    pub recipient_address: Vec<String>,
    pub subject: String,
    /// The client's address.
    pub client: String,
    /// The kind of verdict: `TransportRule`, or a filter's (`Spam`, `Malware`...).
    pub quarantine_type: String,
    pub reason: String,
    pub decided_by: Blame,
    pub size: u64,
}

/// The quarantine directory of a data directory.
pub fn dir(data_dir: &Path) -> PathBuf {
    data_dir.join("quarantine")
}

/// Stores a message and its record durably. Blocking.
pub fn store(data_dir: &Path, record: &Quarantined, message: &[u8]) -> io::Result<PathBuf> {
    let dir = dir(data_dir);
    fs::create_dir_all(&dir)?;
    // The id comes from the queue (hex digits), but never trust a name with a path in it.
    if record.identity.is_empty() || !record.identity.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            "bad quarantine id",
        ));
    }
    let eml = dir.join(format!("{}.eml", record.identity));
    write_durably(&eml, message)?;
    let json = serde_json::to_vec_pretty(record).map_err(io::Error::other)?;
    write_durably(&dir.join(format!("{}.json", record.identity)), &json)?;
    File::open(&dir)?.sync_all()?;
    Ok(eml)
}

fn write_durably(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let tmp = path.with_extension("tmp");
    let mut f = File::create(&tmp)?;
    f.write_all(bytes)?;
    f.sync_all()?;
    fs::rename(&tmp, path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stores_the_message_and_its_record() {
        let d = tempfile::tempdir().unwrap();
        let rec = Quarantined {
            identity: "ABC123".into(),
            received_at: 1,
            sender_address: Some("a@x.example".into()),
            recipient_address: vec!["b@contoso.test".into()],
            subject: "hi".into(),
            client: "192.0.2.1".into(),
            quarantine_type: "TransportRule".into(),
            reason: "TransportRule \"Hold\"".into(),
            decided_by: Blame::new("TransportRule \"Hold\"", "SubjectContainsWords: 'hold'"),
            size: 9,
        };
        let eml = store(d.path(), &rec, b"Subject: hi\r\n\r\nx\r\n").unwrap();
        assert_eq!(fs::read(eml).unwrap(), b"Subject: hi\r\n\r\nx\r\n");
        let back: Quarantined =
            serde_json::from_slice(&fs::read(dir(d.path()).join("ABC123.json")).unwrap()).unwrap();
        assert_eq!(back, rec);
        let bad = Quarantined {
            identity: "../x".into(),
            ..rec
        };
        assert!(store(d.path(), &bad, b"").is_err());
    }
}
