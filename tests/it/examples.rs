//! Every file in examples/ works: state files load, scripts build a valid state.

use crate::support::{Org, bin};

fn examples() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples")
}

#[test]
fn example_state_files_load() {
    let mut seen = 0;
    for entry in std::fs::read_dir(examples()).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "yaml") {
            let org = Org::new();
            std::fs::copy(&path, org.state()).unwrap();
            org.run(&["Get-AcceptedDomain"]).ok();
            seen += 1;
        }
    }
    assert!(seen > 0);
}

#[test]
fn example_scripts_build_a_valid_state() {
    let mut seen = 0;
    for entry in std::fs::read_dir(examples()).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "sh") {
            let org = Org::new();
            let out = std::process::Command::new("bash")
                .arg(&path)
                .env("EOPCTL", bin())
                .env("EOPCTL_STATE", org.state())
                .current_dir(org.path())
                .output()
                .unwrap();
            assert!(
                out.status.success(),
                "{}: {}",
                path.display(),
                String::from_utf8_lossy(&out.stderr)
            );
            assert!(org.revision() > 1, "{} made no changes", path.display());
            seen += 1;
        }
    }
    assert!(seen > 0);
}
