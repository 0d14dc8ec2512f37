//! The state store: concurrent writers, atomic writes, validation of hand-edited files,
//! schema migration, history, and bulk import.

use crate::support::Org;

#[test]
fn twenty_concurrent_cmdlets_all_land() {
    let org = Org::with_domains();
    let start = org.revision();
    let children: Vec<_> = (0..20)
        .map(|i| {
            org.command(&[
                "New-MailUser",
                "-Name",
                &format!("user{i}"),
                "-PrimarySmtpAddress",
                &format!("user{i}@contoso.com"),
            ])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap()
        })
        .collect();
    for child in children {
        let out = child.wait_with_output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let users = org.run(&["Get-MailUser", "-o", "json"]).ok().json();
    assert_eq!(users.as_array().unwrap().len(), 20);
    assert_eq!(org.revision(), start + 20);
    let history = org.run(&["Get-StateHistory", "-o", "json"]).ok().json();
    assert_eq!(history.as_array().unwrap().len() as u64, start + 20);
    // No temporary file is left beside the state.
    let leftovers: Vec<_> = std::fs::read_dir(org.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty());
}

#[test]
fn a_syntax_error_names_line_and_column() {
    let org = Org::new();
    org.write_state(
        "apiVersion: eopctl/v3\nrevision: 1\nAcceptedDomains:\n- Name: a\n  DomainName: [oops\n",
    );
    let r = org.run(&["Get-AcceptedDomain"]).fails(4);
    assert!(r.stderr.contains("eop.yaml:"), "{}", r.stderr);
    assert!(r.stderr.contains("help:"), "{}", r.stderr);
}

#[test]
fn a_bad_value_in_a_hand_edit_names_line_and_column() {
    let org = Org::new();
    org.write_state(
        "apiVersion: eopctl/v3\nrevision: 1\nInboundConnectors:\n- Name: A\n  ConnectorType: OnPremises\n  SenderIPAddresses:\n  - 1.2.3.999\n",
    );
    org.run(&["Get-InboundConnector"])
        .fails(4)
        .stderr_has("eop.yaml:7:")
        .stderr_has("'1.2.3.999' is not an IP address");
    // A misspelt field is caught, not silently dropped.
    org.write_state("apiVersion: eopctl/v3\nrevision: 1\nInboundConnectors:\n- Name: A\n  ConnectorType: OnPremises\n  RequireTLs: true\n");
    org.run(&["Get-InboundConnector"])
        .fails(4)
        .stderr_has("eop.yaml:6:")
        .stderr_has("RequireTLs");
}

#[test]
fn cross_object_problems_are_all_reported_with_their_place() {
    let org = Org::new();
    let text = "apiVersion: eopctl/v3
revision: 4
AcceptedDomains:
- Name: contoso.com
  DomainName: contoso.com
  Default: true
Mailboxes:
- Name: Ann
  PrimarySmtpAddress: ann@contoso.com
- Name: ann
  PrimarySmtpAddress: ann@fabrikam.com
InboundConnectors:
- Name: Partner
  ConnectorType: Partner
  SenderDomains: ['*']
  AssociatedAcceptedDomains: [tailspin.com]
";
    org.write_state(text);
    let r = org.run(&["Get-Mailbox"]).fails(4);
    for needle in [
        "eop.yaml:10:1: Mailboxes[1] \"ann\": the Name is already used by Mailboxes[0]",
        "Mailboxes[1] \"ann\": the address ann@fabrikam.com is not in an accepted domain",
        "eop.yaml:13:1: InboundConnectors[0] \"Partner\": AssociatedAcceptedDomains names tailspin.com",
    ] {
        assert!(
            r.stderr.contains(needle),
            "missing {needle:?} in:\n{}",
            r.stderr
        );
    }
    // An invalid file is never overwritten by a cmdlet.
    org.run(&[
        "New-AcceptedDomain",
        "-Name",
        "fabrikam.com",
        "-DomainName",
        "fabrikam.com",
    ])
    .fails(4);
    assert_eq!(org.state_text(), text);
}

#[test]
fn invalid_changes_are_refused_before_writing() {
    let org = Org::with_domains();
    let before = org.state_text();
    // A mailbox outside the accepted domains, an address used twice, overlapping listeners.
    org.run(&[
        "New-Mailbox",
        "-Name",
        "x",
        "-PrimarySmtpAddress",
        "x@tailspin.com",
    ])
    .fails(6)
    .stderr_has("not in an accepted domain");
    org.run(&[
        "New-Mailbox",
        "-Name",
        "Ann",
        "-PrimarySmtpAddress",
        "ann@contoso.com",
    ])
    .ok();
    org.run(&[
        "New-MailUser",
        "-Name",
        "Ann2",
        "-PrimarySmtpAddress",
        "ANN@contoso.com",
    ])
    .fails(6)
    .stderr_has("already belongs to Mailboxes \"Ann\"");
    org.run(&[
        "New-ReceiveConnector",
        "-Name",
        "A",
        "-Bindings",
        "0.0.0.0:25",
    ])
    .ok();
    org.run(&[
        "New-ReceiveConnector",
        "-Name",
        "B",
        "-Bindings",
        "127.0.0.1:25",
    ])
    .fails(6)
    .stderr_has("overlaps ReceiveConnectors[0] \"A\"");
    // The same port serving a narrower set of clients is Exchange's usual relay connector.
    org.run(&[
        "New-ReceiveConnector",
        "-Name",
        "Relay",
        "-Bindings",
        "0.0.0.0:25",
        "-RemoteIPRanges",
        "10.0.0.0/8",
    ])
    .ok();
    org.run(&[
        "New-InboundConnector",
        "-Name",
        "C",
        "-ConnectorType",
        "OnPremises",
        "-SenderIPAddresses",
        "1.1.1.1",
        "-AssociatedAcceptedDomains",
        "nope.com",
    ])
    .fails(6)
    .stderr_has("AssociatedAcceptedDomains names nope.com");
    org.run(&[
        "New-OutboundConnector",
        "-Name",
        "D",
        "-SmartHosts",
        "a.contoso.com",
        "-TlsSettings",
        "DomainValidation",
        "-RecipientDomains",
        "contoso.com",
    ])
    .fails(6)
    .stderr_has("TlsDomain");
    assert_ne!(org.state_text(), before);
    assert_eq!(org.revision(), 5);
}

/// A v2 file as eopctl v2 wrote it: custom filter policies carried their own scope. On
/// load each becomes a policy and a rule of the same name, in the same order; the next
/// change saves the new form.
#[test]
fn v2_scoped_filter_policies_load_as_policies_and_rules() {
    let org = Org::new();
    org.write_state(
        "apiVersion: eopctl/v2
revision: 16
AcceptedDomains:
- Name: contoso.com
  DomainName: contoso.com
  DomainType: Authoritative
  Default: true
HostedContentFilterPolicies:
- Name: Default
- Name: Strict
  RecipientDomainIs:
  - contoso.com
  Priority: 1
  SpamAction: Quarantine
- Name: Executives
  SentTo:
  - ceo@contoso.com
  HighConfidenceSpamAction: Quarantine
MalwareFilterPolicies:
- Name: Default
- Name: Finance
  SentTo:
  - finance@contoso.com
  Action: Quarantine
",
    );
    let rules = org
        .run(&["Get-HostedContentFilterRule", "-o", "json"])
        .ok()
        .json();
    let got: Vec<(&str, &str, u64)> = rules
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["Name"].as_str().unwrap(),
                r["HostedContentFilterPolicy"].as_str().unwrap(),
                r["Priority"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [("Executives", "Executives", 0), ("Strict", "Strict", 1)]
    );
    let route = org
        .run(&[
            "Test-MessageRoute",
            "-Sender",
            "a@fabrikam.com",
            "-Recipients",
            "finance@contoso.com",
            "-o",
            "json",
        ])
        .ok()
        .json();
    assert!(
        route[0]["MalwareFilterPolicy"]
            .as_str()
            .unwrap()
            .starts_with("MalwareFilterRule \"Finance\", MalwareFilterPolicy \"Finance\""),
        "{route}"
    );
    org.run(&["Disable-MalwareFilterRule", "Finance"]).ok();
    let text = org.state_text();
    assert!(
        text.contains("apiVersion: eopctl/v3")
            && text.contains("MalwareFilterRules:")
            && text.contains("State: Disabled")
            && !text.contains("  SentTo:\n  - ceo@contoso.com\n  HighConfidenceSpamAction"),
        "{text}"
    );
}

#[test]
fn an_older_schema_is_migrated_on_load_and_saved_as_current() {
    let org = Org::new();
    org.write_state(
        "apiVersion: eopctl/v1\nrevision: 7\nOrganization:\n  Name: Contoso\nAcceptedDomains:\n- Name: contoso.com\n  DomainName: contoso.com\n  Default: true\nReceiveConnectors:\n- Name: Default\n  Binding: 0.0.0.0:25\n",
    );
    let c = org.run(&["Get-ReceiveConnector", "-o", "json"]).ok().json();
    assert_eq!(c[0]["Bindings"], serde_json::json!(["0.0.0.0:25"]));
    org.run(&["Set-ReceiveConnector", "Default", "-Banner", "hello"])
        .ok();
    let text = org.state_text();
    assert!(
        text.contains("apiVersion: eopctl/v3")
            && text.contains("revision: 8")
            && text.contains("Name: Contoso"),
        "{text}"
    );
    org.write_state("apiVersion: eopctl/v9\n");
    org.run(&["Get-ReceiveConnector"])
        .fails(4)
        .stderr_has("eopctl/v9");
}

#[test]
fn history_compare_and_restore() {
    let org = Org::with_domains(); // revisions 1 and 2
    org.run(&[
        "New-InboundConnector",
        "-Name",
        "Partner",
        "-SenderDomains",
        "tailspin.com",
        "-SenderIPAddresses",
        "203.0.113.0/24",
    ])
    .ok();
    org.run(&["Set-InboundConnector", "Partner", "-RequireTls", "$true"])
        .ok();
    org.run(&["Remove-AcceptedDomain", "fabrikam.com"]).ok(); // revision 5
    let history = org.run(&["Get-StateHistory", "-o", "json"]).ok().json();
    let history = history.as_array().unwrap();
    assert_eq!(history.len(), 5);
    assert_eq!(
        history[3]["Command"],
        "Set-InboundConnector Partner -RequireTls '$true'"
    );
    assert!(!history[3]["User"].as_str().unwrap().is_empty());
    assert!(history[3]["When"].as_str().unwrap().ends_with('Z'));

    let diff = org
        .run(&["Compare-State", "-Revision", "3", "-o", "json"])
        .ok()
        .json();
    let rows: Vec<(String, String, String)> = diff
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["Name"].as_str().unwrap().into(),
                r["Change"].as_str().unwrap().into(),
                r["Property"].as_str().unwrap().into(),
            )
        })
        .collect();
    assert!(
        rows.contains(&("Partner".into(), "Modified".into(), "RequireTls".into())),
        "{rows:?}"
    );
    assert!(
        rows.contains(&("fabrikam.com".into(), "Removed".into(), "".into())),
        "{rows:?}"
    );

    org.run(&["Restore-State", "-Revision", "3"]).ok();
    assert_eq!(org.revision(), 6);
    assert_eq!(
        org.run(&["Get-AcceptedDomain", "-o", "json"])
            .ok()
            .json()
            .as_array()
            .unwrap()
            .len(),
        2
    );
    assert_eq!(
        org.run(&["Get-InboundConnector", "-o", "json"]).ok().json()[0]["RequireTls"],
        false
    );
    let out = org.run(&["Compare-State", "-Revision", "3"]).ok().stdout;
    assert!(out.contains("No differences"), "{out}");
    org.run(&["Restore-State", "-Revision", "42"])
        .fails(3)
        .stderr_has("Get-StateHistory");
}

/// A hand edit that breaks the file: every cmdlet refuses it and points at Restore-State,
/// which must then work, though the file does not parse, and say what it replaced.
#[test]
fn restore_state_repairs_a_file_that_does_not_parse() {
    let org = Org::with_domains();
    let good = org.revision();
    let text = org.state_text();
    org.write_state(&format!("{text}\nInboundConnectors: [ {{ Name: broken\n"));
    org.run(&["Get-AcceptedDomain"])
        .fails(4)
        .stderr_has("Restore-State");
    let out = org
        .run(&["Restore-State", "-Revision", &good.to_string()])
        .ok()
        .stdout;
    assert!(
        out.contains(&format!(
            "Restored revision {good} as revision {}",
            good + 1
        )),
        "{out}"
    );
    assert!(
        out.contains("did not load") && out.contains("eop.yaml.broken"),
        "{out}"
    );
    assert_eq!(org.revision(), good + 1);
    assert_eq!(
        org.run(&["Get-AcceptedDomain", "-o", "json"])
            .ok()
            .json()
            .as_array()
            .unwrap()
            .len(),
        2
    );
    let kept = std::fs::read_to_string(org.path().join("eop.yaml.broken")).unwrap();
    assert!(kept.contains("Name: broken"), "{kept}");
}

#[test]
fn import_mail_users_from_csv_in_one_revision() {
    let org = Org::with_domains();
    let csv = org.path().join("users.csv");
    let mut text = String::from("Name,PrimarySmtpAddress,ExternalEmailAddress,DisplayName\n");
    for i in 0..500 {
        text.push_str(&format!(
            "u{i},u{i}@contoso.com,u{i}@onprem.contoso.com,User {i}\n"
        ));
    }
    std::fs::write(&csv, &text).unwrap();
    let out = org
        .run(&["Import-MailUser", "-CsvPath", csv.to_str().unwrap()])
        .ok()
        .stdout;
    assert!(out.contains("Imported 500 mail users"), "{out}");
    assert_eq!(org.revision(), 3);
    let u = org.run(&["Get-MailUser", "u42", "-o", "json"]).ok().json();
    assert_eq!(u[0]["ExternalEmailAddress"], "u42@onprem.contoso.com");
    assert_eq!(u[0]["DisplayName"], "User 42");
    // A bad row names its line, and nothing is imported.
    std::fs::write(
        &csv,
        "Name,PrimarySmtpAddress\nv1,v1@contoso.com\nv2,not-an-address\n",
    )
    .unwrap();
    org.run(&["Import-MailUser", "-CsvPath", csv.to_str().unwrap()])
        .fails(2)
        .stderr_has("users.csv:3");
    assert_eq!(org.revision(), 3);
}

#[test]
fn a_change_that_changes_nothing_makes_no_revision() {
    let org = Org::with_domains();
    let r = org.revision();
    org.run(&[
        "Set-AcceptedDomain",
        "contoso.com",
        "-DomainType",
        "Authoritative",
    ])
    .ok()
    .stderr_has("nothing was changed");
    assert_eq!(org.revision(), r);
}

#[test]
fn data_dir_and_state_path_flags() {
    let org = Org::new();
    let other = org.path().join("other.yaml");
    let data = org.path().join("spool");
    org.run(&[
        "--state",
        other.to_str().unwrap(),
        "--data-dir",
        data.to_str().unwrap(),
        "New-AcceptedDomain",
        "-Name",
        "c",
        "-DomainName",
        "c.example",
    ])
    .ok();
    assert!(other.exists());
    assert!(data.join("history/r1.yaml").exists());
    assert!(!org.state().exists());
}

#[test]
fn connectors_must_name_a_certificate_that_exists() {
    let org = Org::with_domains();
    org.run(&[
        "New-ReceiveConnector",
        "-Name",
        "Internet",
        "-Bindings",
        "0.0.0.0:25",
        "-TlsCertificateName",
        "mail.contoso.com",
    ])
    .fails(6)
    .stderr_has("TlsCertificateName mail.contoso.com names no certificate");
    org.run(&[
        "New-OutboundConnector",
        "-Name",
        "O",
        "-SmartHosts",
        "a.contoso.com",
        "-RecipientDomains",
        "x.com",
        "-TlsCertificateName",
        "<I>CN=CA<S>CN=mail.contoso.com",
    ])
    .fails(6)
    .stderr_has("names no certificate");
    // With the certificate in the state (its cmdlets come with the TLS work), both forms resolve.
    let text = org.state_text()
        + "Certificates:\n- Thumbprint: 0123456789ABCDEF0123456789ABCDEF01234567\n  Subject: CN=mail.contoso.com\n  Issuer: CN=Contoso CA\n  DomainNames: [mail.contoso.com, '*.contoso.com']\n  NotBefore: 2026-01-01T00:00:00Z\n  NotAfter: 2027-01-01T00:00:00Z\n  CertificatePath: certs/mail.pem\n  KeyPath: certs/mail.key\n";
    org.write_state(&text);
    org.run(&[
        "New-ReceiveConnector",
        "-Name",
        "Internet",
        "-Bindings",
        "0.0.0.0:25",
        "-TlsCertificateName",
        "mx.contoso.com",
        "-RequireTLS",
        "$true",
    ])
    .ok();
    org.run(&[
        "New-OutboundConnector",
        "-Name",
        "O",
        "-SmartHosts",
        "a.contoso.com",
        "-RecipientDomains",
        "x.com",
        "-TlsCertificateName",
        "<I>CN=Contoso CA<S>CN=mail.contoso.com",
    ])
    .ok();
}

#[test]
fn a_hand_edited_file_with_no_real_change_makes_no_revision() {
    let org = Org::with_domains();
    org.run(&[
        "New-InboundConnector",
        "-Name",
        "P",
        "-SenderDomains",
        "*",
        "-SenderIPAddresses",
        "203.0.113.0/24",
    ])
    .ok();
    // The same state, written differently by hand.
    org.write_state(&org.state_text().replace("- \"*\"", "- '*'"));
    let r = org.revision();
    org.run(&["Set-InboundConnector", "P", "-SenderDomains", "*"])
        .ok()
        .stderr_has("nothing was changed");
    assert_eq!(org.revision(), r);
    org.run(&["Set-InboundConnector", "P", "-Comment", "x"])
        .ok();
    assert_eq!(org.revision(), r + 1);
}
