//! `eopctl serve` that cannot start: it stops at once, names the object and the address or
//! file at fault, says the fix, and exits with the code of the kind of problem
//! (docs/exit-codes.md), so a service manager or script can tell "fix the configuration"
//! from "something is in the way".

use std::net::TcpListener;
use std::process::Stdio;
use std::time::{Duration, Instant};

use crate::support::relay::{Relay, free_port};
use crate::support::{Org, Run};

/// Runs `serve`, bounded: a relay that starts after all is killed and the test fails.
fn serve(org: &Org) -> Run {
    let mut child = org
        .command(&["serve", "--dns", "127.0.0.1:9"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start eopctl serve");
    let deadline = Instant::now() + Duration::from_secs(30);
    while child.try_wait().unwrap().is_none() {
        if Instant::now() > deadline {
            let _ = child.kill();
            let out = Run::from(child.wait_with_output().unwrap());
            panic!("serve started:\n{}\n{}", out.stdout, out.stderr);
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().unwrap().into()
}

fn listener(org: &Org, name: &str, binding: &str) {
    org.run(&["New-ReceiveConnector", "-Name", name, "-Bindings", binding])
        .ok();
}

/// Every file directly under `dir` whose name ends with `suffix`, removed.
fn remove_files(dir: &std::path::Path, suffix: &str) {
    let mut removed = 0;
    for f in std::fs::read_dir(dir).unwrap().map(Result::unwrap) {
        if f.file_name().to_string_lossy().ends_with(suffix) {
            std::fs::remove_file(f.path()).unwrap();
            removed += 1;
        }
    }
    assert!(removed > 0, "no {suffix} file in {}", dir.display());
}

#[test]
fn a_taken_binding_is_unavailable_and_names_its_receive_connector() {
    let org = Org::with_domains();
    let taken = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = taken.local_addr().unwrap().to_string();
    listener(&org, "Front", &addr);
    serve(&org)
        .fails(7)
        .stderr_has(&format!(
            "error: serve: cannot listen on {addr} (Bindings of ReceiveConnector \"Front\")"
        ))
        .stderr_has(&format!("help: stop what listens on {addr}"));
}

#[test]
fn a_second_relay_on_the_data_directory_is_refused_as_busy() {
    let org = Org::with_domains();
    listener(&org, "Front", &format!("127.0.0.1:{}", free_port()));
    let _running = Relay::start(&org.state(), &[]);
    serve(&org)
        .fails(5)
        .stderr_has("another relay is running on the data directory")
        .stderr_has("help: stop the other relay first, or give this one its own --data-dir");
}

#[test]
fn a_missing_dkim_key_is_an_invalid_state_with_the_rotation_as_fix() {
    let org = Org::with_domains();
    org.run(&[
        "New-DkimSigningConfig",
        "-DomainName",
        "contoso.com",
        "-Enabled",
        "$true",
        "-KeyType",
        "ed25519",
    ])
    .ok();
    remove_files(&org.path().join("eop.data/dkim"), ".key");
    serve(&org)
        .fails(4)
        .stderr_has("DkimSigningConfig \"contoso.com\": the selector1 key")
        .stderr_has(
            "help: make a new one with `eopctl Rotate-DkimSigningKey -Identity contoso.com`",
        );
}

#[test]
fn a_starttls_certificate_without_its_key_is_an_invalid_state_naming_the_connector() {
    let org = Org::with_domains();
    org.run(&[
        "New-ExchangeCertificate",
        "-SubjectName",
        "CN=mail.contoso.com",
    ])
    .ok();
    org.run(&[
        "New-ReceiveConnector",
        "-Name",
        "Front",
        "-Bindings",
        &format!("127.0.0.1:{}", free_port()),
        "-TlsCertificateName",
        "mail.contoso.com",
    ])
    .ok();
    remove_files(&org.path().join("eop.data/certificates"), ".key");
    serve(&org)
        .fails(4)
        .stderr_has("ReceiveConnector \"Front\": TlsCertificateName mail.contoso.com")
        .stderr_has("cannot be offered on STARTTLS: no private key in")
        .stderr_has("Set-ReceiveConnector -Identity \"Front\" -TlsCertificateName");
}
