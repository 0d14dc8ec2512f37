//! One command per exit code of docs/exit-codes.md, through the real binary: a script that
//! branches on the code must be able to rely on it.

use std::fs::OpenOptions;
use std::time::{Duration, Instant};

use crate::support::Org;

#[test]
fn check_failed_is_1() {
    let org = Org::new();
    org.run(&[
        "New-AcceptedDomain",
        "-Name",
        "f",
        "-DomainName",
        "fabrikam.com",
    ])
    .ok();
    org.run(&["Set-AcceptedDomain", "f", "-DomainType", "InternalRelay"])
        .ok();
    org.run(&["Test-Configuration"])
        .fails(1)
        .stderr_has("findings are errors");
}

#[test]
fn usage_is_2() {
    Org::new()
        .run(&[
            "New-AcceptedDomain",
            "-Name",
            "x",
            "-DomainName",
            "con toso.com",
        ])
        .fails(2)
        .stderr_has("-DomainName");
}

#[test]
fn not_found_is_3() {
    Org::with_domains()
        .run(&["Get-InboundConnector", "From Nowhere"])
        .fails(3)
        .stderr_has("InboundConnector \"From Nowhere\" was not found");
}

#[test]
fn invalid_state_file_is_4() {
    let org = Org::new();
    org.write_state("apiVersion: eopctl/v9\n");
    org.run(&["Get-AcceptedDomain"])
        .fails(4)
        .stderr_has("eopctl/v9");
}

#[test]
fn io_is_5() {
    Org::with_domains()
        .run(&["Import-MailUser", "-CsvPath", "missing.csv"])
        .fails(5)
        .stderr_has("-CsvPath missing.csv");
}

#[test]
fn lock_busy_is_5() {
    let org = Org::with_domains();
    let lock = OpenOptions::new()
        .write(true)
        .open(org.path().join("eop.yaml.lock"))
        .expect("the lock file of the changes above");
    lock.lock().unwrap();
    let started = Instant::now();
    org.command(&[
        "Set-AcceptedDomain",
        "fabrikam.com",
        "-MakeDefault",
        "$true",
    ])
    .env("EOPCTL_LOCK_TIMEOUT", "1")
    .output()
    .map(crate::support::Run::from)
    .unwrap()
    .fails(5)
    .stderr_has("EOPCTL_LOCK_TIMEOUT");
    // It waited for the holder, then gave up; a bound, not a speed figure.
    assert!(started.elapsed() >= Duration::from_secs(1));
    lock.unlock().unwrap();
    org.run(&[
        "Set-AcceptedDomain",
        "fabrikam.com",
        "-MakeDefault",
        "$true",
    ])
    .ok();
}

#[test]
fn conflict_is_6() {
    let org = Org::with_domains();
    org.run(&[
        "New-AcceptedDomain",
        "-Name",
        "again",
        "-DomainName",
        "contoso.com",
    ])
    .fails(6);
    org.run(&["Remove-AcceptedDomain", "contoso.com", "-Confirm:$false"])
        .fails(6)
        .stderr_has("default domain");
}

#[test]
fn unavailable_is_7() {
    Org::with_domains()
        .run(&["Retry-Queue", "-Identity", "smtp:example.net"])
        .fails(7)
        .stderr_has("the relay is not running");
}
