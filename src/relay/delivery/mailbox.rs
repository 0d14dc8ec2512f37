//! Delivery to a hosted mailbox: a Maildir at `<data-dir>/mailboxes/<primary address>/`
//! (tmp/new/cur, with a `.Junk` folder for spam), as Dovecot reads it. The file is
//! written in tmp/, fsync'd, and renamed into new/ (or .Junk/new/), then the directory is
//! fsync'd, so a delivered message survives a crash.

use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

static COUNTER: AtomicU64 = AtomicU64::new(0);

/// The Maildir of a mailbox (its primary address, lower-case).
pub fn maildir(data_dir: &Path, primary: &str) -> PathBuf {
    // The address is checked by the policy (no '/' can appear), but be strict anyway.
    let safe: String = primary
        .chars()
        .map(|c| {
            if c == '/' || c == '\\' || c == '\0' {
                '_'
            } else {
                c
            }
        })
        .collect();
    data_dir.join("mailboxes").join(safe)
}

/// Creates the Maildir folders if needed.
pub fn create(root: &Path) -> io::Result<()> {
    for folder in [root.to_path_buf(), root.join(".Junk")] {
        for sub in ["tmp", "new", "cur"] {
            fs::create_dir_all(folder.join(sub))?;
        }
    }
    Ok(())
}

/// Delivers `message` (with a Return-Path line added) into the mailbox. Blocking.
pub fn deliver(
    data_dir: &Path,
    primary: &str,
    sender: Option<&str>,
    message: &[u8],
    junk: bool,
) -> io::Result<PathBuf> {
    let root = maildir(data_dir, primary);
    create(&root)?;
    let folder = if junk { root.join(".Junk") } else { root };
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default();
    let host = hostname();
    let name = format!(
        "{}.M{}P{}Q{}.{host}",
        now.as_secs(),
        now.subsec_micros(),
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed)
    );
    let tmp = folder.join("tmp").join(&name);
    let mut f = File::create(&tmp)?;
    f.write_all(
        format!(
            "Return-Path: <{}>\r\nDelivered-To: {primary}\r\n",
            sender.unwrap_or_default()
        )
        .as_bytes(),
    )?;
    f.write_all(message)?;
    f.sync_all()?;
    drop(f);
    let dest = folder.join("new").join(&name);
    fs::rename(&tmp, &dest)?;
    File::open(folder.join("new"))?.sync_all()?;
    Ok(dest)
}

fn hostname() -> String {
    let name = fs::read_to_string("/proc/sys/kernel/hostname").unwrap_or_default();
    let name = name.trim();
    if name.is_empty() {
        "localhost".into()
    } else {
        name.replace(['/', ':'], "_")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delivers_into_new_and_junk() {
        let dir = tempfile::tempdir().unwrap();
        let p = deliver(
            dir.path(),
            "alice@contoso.test",
            Some("a@x.example"),
            b"Subject: hi\r\n\r\nyo\r\n",
            false,
        )
        .unwrap();
        assert!(p.starts_with(dir.path().join("mailboxes/alice@contoso.test/new")));
        let text = fs::read_to_string(&p).unwrap();
        assert!(text.starts_with("Return-Path: <a@x.example>\r\n"), "{text}");
        let j = deliver(dir.path(), "alice@contoso.test", None, b"x\r\n", true).unwrap();
        assert!(j.starts_with(dir.path().join("mailboxes/alice@contoso.test/.Junk/new")));
        assert!(dir.path().join("mailboxes/alice@contoso.test/cur").is_dir());
    }
}
