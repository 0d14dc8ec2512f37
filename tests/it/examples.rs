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

/// The state a file leaves, without what differs run to run (a new certificate's
/// thumbprint and file names).
fn comparable_state(org: &Org) -> String {
    org.state_text()
        .lines()
        .filter(|l| {
            !["Thumbprint:", "CertificatePath:", "KeyPath:"]
                .iter()
                .any(|k| l.trim_start().trim_start_matches("- ").starts_with(k))
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn every_setup_script_has_a_powershell_twin_that_builds_the_same_state() {
    let mut seen = 0;
    for entry in std::fs::read_dir(examples()).unwrap() {
        let dir = entry.unwrap().path();
        let (sh, ps1) = (dir.join("setup.sh"), dir.join("setup.ps1"));
        if !sh.exists() {
            continue;
        }
        assert!(ps1.exists(), "{} has no setup.ps1", dir.display());
        let bash = Org::new();
        let out = std::process::Command::new("bash")
            .arg(&sh)
            .env("EOPCTL", bin())
            .env("EOPCTL_STATE", bash.state())
            .current_dir(bash.path())
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let pwsh = Org::new();
        pwsh.run(&["-File", ps1.to_str().unwrap()]).ok();
        assert_eq!(
            comparable_state(&pwsh),
            comparable_state(&bash),
            "{} and setup.sh differ",
            ps1.display()
        );
        seen += 1;
    }
    assert!(seen >= 5, "{seen} scripts");
}
