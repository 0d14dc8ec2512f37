//! Running `eopctl` and `eopctl serve` from tests.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_eopctl")
}

/// Runs a cmdlet against `state`; returns the output.
pub fn eopctl(state: &Path, args: &[&str]) -> Output {
    Command::new(bin())
        .arg("--state")
        .arg(state)
        .args(args)
        .env_remove("EOPCTL_STATE")
        .env_remove("EOPCTL_DATA")
        .output()
        .expect("run eopctl")
}

/// A temp directory holding `eop.yaml` with `body` (after the apiVersion line).
pub fn state_dir(body: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("eop.yaml");
    if !body.is_empty() {
        std::fs::write(&path, format!("apiVersion: eopctl/v2\n{body}")).unwrap();
    }
    (dir, path)
}
