//! Every file in examples/ works: state files load, scripts (examples/*/setup.sh) build a
//! valid state that Test-Configuration finds nothing wrong with.

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
    // examples/*.sh and examples/<scenario>/*.sh.
    let scripts = std::fs::read_dir(examples())
        .unwrap()
        .map(|e| e.unwrap().path())
        .flat_map(|p| {
            if p.is_dir() {
                std::fs::read_dir(&p)
                    .unwrap()
                    .map(|e| e.unwrap().path())
                    .collect()
            } else {
                vec![p]
            }
        });
    for path in scripts {
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
            let check = org.run(&["Test-Configuration"]).ok();
            assert!(
                check.stdout.contains("No findings"),
                "{}: {}",
                path.display(),
                check.stdout
            );
            seen += 1;
        }
    }
    // The standalone setup and the four hybrid scenarios at least.
    assert!(seen >= 5, "{seen} scripts");
}
