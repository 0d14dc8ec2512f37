//! The cmdlet conventions: both spellings, PowerShell values, Set semantics, -WhatIf,
//! confirmation, output formats, JSON pipelines, exit codes and error messages.

use crate::support::Org;

fn onprem_powershell(org: &Org) {
    org.run(&[
        "New-InboundConnector",
        "-Name",
        "From on-prem",
        "-ConnectorType",
        "OnPremises",
        "-SenderIPAddresses",
        "1.2.3.4,5.6.7.0/24",
        "-RequireTls",
        "$true",
    ])
    .ok();
}

#[test]
fn both_spellings_write_the_same_state() {
    let ps = Org::with_domains();
    onprem_powershell(&ps);
    let unix = Org::with_domains();
    unix.run(&[
        "new-inboundconnector",
        "--name",
        "From on-prem",
        "--connector-type",
        "onpremises",
        "--sender-ip-addresses",
        "1.2.3.4",
        "--sender-ip-addresses",
        "5.6.7.0/24",
        "--require-tls",
        "true",
    ])
    .ok();
    let a = ps.run(&["Get-InboundConnector", "-o", "json"]).ok().json();
    let b = unix
        .run(&["get-inboundconnector", "-o", "json"])
        .ok()
        .json();
    assert_eq!(a, b);
    assert_eq!(
        a[0]["SenderIPAddresses"],
        serde_json::json!(["1.2.3.4", "5.6.7.0/24"])
    );
    assert_eq!(a[0]["RequireTls"], true);
}

#[test]
fn names_are_case_insensitive_and_identity_is_positional() {
    let org = Org::with_domains();
    onprem_powershell(&org);
    let out = org
        .run(&["GET-INBOUNDCONNECTOR", "from ON-PREM", "-o", "JSON"])
        .ok()
        .json();
    assert_eq!(out[0]["Name"], "From on-prem");
    // -Param:value, and a list written with a space after the comma, as PowerShell allows.
    org.run(&[
        "set-InboundConnector",
        "-Identity:From on-prem",
        "-senderipaddresses",
        "9.9.9.9,",
        "8.8.8.0/24",
    ])
    .ok();
    let out = org
        .run(&["Get-InboundConnector", "From on-prem", "-o", "json"])
        .ok()
        .json();
    assert_eq!(
        out[0]["SenderIPAddresses"],
        serde_json::json!(["9.9.9.9", "8.8.8.0/24"])
    );
}

#[test]
fn set_changes_only_what_is_given_and_edits_lists() {
    let org = Org::with_domains();
    onprem_powershell(&org);
    org.run(&["Set-InboundConnector", "From on-prem", "-Comment", "rack 4"])
        .ok();
    let c = &org.run(&["Get-InboundConnector", "-o", "json"]).ok().json()[0];
    assert_eq!(c["Comment"], "rack 4");
    assert_eq!(c["RequireTls"], true);
    assert_eq!(
        c["SenderIPAddresses"],
        serde_json::json!(["1.2.3.4", "5.6.7.0/24"])
    );

    org.run(&[
        "Set-InboundConnector",
        "From on-prem",
        "-SenderIPAddresses",
        r#"@{Add="10.0.0.1-10.0.0.50"; Remove="1.2.3.4"}"#,
    ])
    .ok();
    let c = &org.run(&["Get-InboundConnector", "-o", "json"]).ok().json()[0];
    assert_eq!(
        c["SenderIPAddresses"],
        serde_json::json!(["5.6.7.0/24", "10.0.0.1-10.0.0.50"])
    );

    // Removing a value that is not there is an error that shows the list.
    org.run(&[
        "Set-InboundConnector",
        "From on-prem",
        "-SenderIPAddresses",
        r#"@{Remove="7.7.7.7"}"#,
    ])
    .fails(3)
    .stderr_has("SenderIPAddresses")
    .stderr_has("5.6.7.0/24");
}

#[test]
fn what_if_previews_and_changes_nothing() {
    let org = Org::with_domains();
    onprem_powershell(&org);
    let before = org.state_text();
    let out = org
        .run(&[
            "Set-InboundConnector",
            "From on-prem",
            "-RequireTls",
            "$false",
            "-WhatIf",
            "-o",
            "json",
        ])
        .ok()
        .json();
    assert_eq!(out[0]["Property"], "RequireTls");
    assert_eq!(out[0]["OldValue"], true);
    assert_eq!(out[0]["NewValue"], false);
    org.run(&["Remove-InboundConnector", "From on-prem", "-WhatIf"])
        .ok();
    assert_eq!(org.state_text(), before);
}

#[test]
fn remove_does_not_block_without_a_terminal() {
    let org = Org::with_domains();
    onprem_powershell(&org);
    // -Confirm asks; with no terminal to ask on, it refuses rather than hangs.
    org.run(&["Remove-InboundConnector", "From on-prem", "-Confirm"])
        .fails(2)
        .stderr_has("no terminal");
    org.run(&["Remove-InboundConnector", "From on-prem", "-Confirm:$false"])
        .ok();
    assert_eq!(
        org.run(&["Get-InboundConnector", "-o", "json"]).ok().json(),
        serde_json::json!([])
    );
    org.run(&["Remove-AcceptedDomain", "fabrikam.com", "--yes"])
        .ok();
}

#[test]
fn output_formats_and_wildcards() {
    let org = Org::with_domains();
    for n in ["Ann", "Anna", "Bob"] {
        org.run(&[
            "New-MailUser",
            "-Name",
            n,
            "-PrimarySmtpAddress",
            &format!("{n}@contoso.com"),
        ])
        .ok();
    }
    let json = org
        .run(&["Get-MailUser", "-Identity", "ann*", "-o", "json"])
        .ok()
        .json();
    assert_eq!(json.as_array().unwrap().len(), 2);
    let yaml = org.run(&["Get-MailUser", "Bob", "-o", "yaml"]).ok().stdout;
    assert!(
        yaml.contains("PrimarySmtpAddress: Bob@contoso.com"),
        "{yaml}"
    );
    let list = org.run(&["Get-MailUser", "Bob", "-o", "list"]).ok().stdout;
    assert!(
        list.contains("ExternalEmailAddress : Bob@contoso.com"),
        "{list}"
    );
    let table = org.run(&["Get-MailUser"]).ok().stdout;
    assert!(table.lines().next().unwrap().starts_with("Name"), "{table}");
    assert_eq!(table.lines().count(), 5, "{table}");
    // Recipients are also found by address.
    assert_eq!(
        org.run(&["Get-MailUser", "anna@CONTOSO.com", "-o", "json"])
            .ok()
            .json()[0]["Name"],
        "Anna"
    );
}

#[test]
fn json_from_get_feeds_new_and_set() {
    let source = Org::with_domains();
    onprem_powershell(&source);
    source
        .run(&[
            "New-OutboundConnector",
            "-Name",
            "To on-prem",
            "-ConnectorType",
            "OnPremises",
            "-SmartHosts",
            "mail.contoso.com",
            "-AllAcceptedDomains",
            "$true",
        ])
        .ok();
    let target = Org::with_domains();
    for noun in ["InboundConnector", "OutboundConnector"] {
        let json = source
            .run(&[&format!("Get-{noun}"), "-o", "json"])
            .ok()
            .stdout;
        target
            .run_with_input(&[&format!("New-{noun}"), "--from-json", "-"], &json)
            .ok();
        assert_eq!(
            source
                .run(&[&format!("Get-{noun}"), "-o", "json"])
                .ok()
                .json(),
            target
                .run(&[&format!("Get-{noun}"), "-o", "json"])
                .ok()
                .json()
        );
    }
    // Piped into Set-*, the Name binds to -Identity and the rest overrides.
    let mut json = target
        .run(&["Get-InboundConnector", "-o", "json"])
        .ok()
        .json();
    json[0]["Comment"] = "from a script".into();
    target
        .run_with_input(
            &["Set-InboundConnector", "--from-json", "-"],
            &json.to_string(),
        )
        .ok();
    assert_eq!(
        target
            .run(&["Get-InboundConnector", "-o", "json"])
            .ok()
            .json()[0]["Comment"],
        "from a script"
    );
}

#[test]
fn exit_codes_and_errors_name_object_parameter_and_fix() {
    let org = Org::with_domains();
    onprem_powershell(&org);
    // Usage errors: 2.
    org.run(&[
        "New-InboundConnector",
        "-Name",
        "X",
        "-SenderIPAddresses",
        "1.2.3.999",
    ])
    .fails(2)
    .stderr_has("New-InboundConnector")
    .stderr_has("-SenderIPAddresses: '1.2.3.999' is not an IP address");
    org.run(&["New-InboundConnector", "-Name", "X", "-Frobnicate", "1"])
        .fails(2)
        .stderr_has("New-InboundConnector has no parameter -Frobnicate")
        .stderr_has("help:");
    // bash ate an unquoted $true: the flag is bare.
    org.run(&["New-InboundConnector", "-Name", "X", "-RequireTls"])
        .fails(2)
        .stderr_has("quote it");
    org.run(&["New-Frobnicator"]).fails(2);
    // Failed operations: 1, naming the object and the fix.
    org.run(&[
        "New-InboundConnector",
        "-Name",
        "FROM ON-PREM",
        "-ConnectorType",
        "OnPremises",
        "-SenderIPAddresses",
        "4.4.4.4",
    ])
    .fails(6)
    .stderr_has("InboundConnector \"FROM ON-PREM\" already exists")
    .stderr_has("help:");
    org.run(&["Set-InboundConnector", "Nope", "-Comment", "x"])
        .fails(3)
        .stderr_has("InboundConnector \"Nope\" was not found");
    org.run(&[
        "New-InboundConnector",
        "-Name",
        "P",
        "-ConnectorType",
        "Partner",
    ])
    .fails(6)
    .stderr_has("InboundConnectors[1] \"P\"")
    .stderr_has("SenderDomains");
}

#[test]
fn values_in_exchange_formats() {
    let org = Org::with_domains();
    org.run(&[
        "New-ReceiveConnector",
        "-Name",
        "Internet",
        "-Bindings",
        "0.0.0.0:25,[::1]:25",
        "-MaxMessageSize",
        "25MB",
        "-ConnectionTimeout",
        "00:05:00",
    ])
    .ok();
    let c = &org.run(&["Get-ReceiveConnector", "-o", "json"]).ok().json()[0];
    assert_eq!(c["MaxMessageSize"], "25 MB (26,214,400 bytes)");
    assert_eq!(c["ConnectionTimeout"], "00:05:00");
    assert_eq!(c["Bindings"], serde_json::json!(["0.0.0.0:25", "[::1]:25"]));
    org.run(&[
        "Set-ReceiveConnector",
        "Internet",
        "-MaxMessageSize",
        "36 MB (37,748,736 bytes)",
    ])
    .ok();
    org.run(&[
        "Set-ReceiveConnector",
        "Internet",
        "-MaxMessageSize",
        "unlimited",
    ])
    .ok();
    assert_eq!(
        org.run(&["Get-ReceiveConnector", "-o", "json"]).ok().json()[0]["MaxMessageSize"],
        "Unlimited"
    );
    org.run(&[
        "Set-ReceiveConnector",
        "Internet",
        "-MaxMessageSize",
        "25 parsecs",
    ])
    .fails(2)
    .stderr_has("-MaxMessageSize");
    org.run(&[
        "Set-ReceiveConnector",
        "Internet",
        "-ConnectionTimeout",
        "5 minutes",
    ])
    .fails(2)
    .stderr_has("-ConnectionTimeout");
    org.run(&["Set-ReceiveConnector", "Internet", "-Fqdn", "bad..name"])
        .fails(2)
        .stderr_has("-Fqdn");
    org.run(&[
        "New-OutboundConnector",
        "-Name",
        "W",
        "-RecipientDomains",
        "con*.com",
        "-SmartHosts",
        "x.contoso.com",
    ])
    .fails(2)
    .stderr_has("wildcard");
    org.run(&[
        "New-Mailbox",
        "-Name",
        "M",
        "-PrimarySmtpAddress",
        "not-an-address",
    ])
    .fails(2)
    .stderr_has("-PrimarySmtpAddress");
    // $null clears an optional value.
    org.run(&[
        "Set-ReceiveConnector",
        "Internet",
        "-Fqdn",
        "mx.contoso.com",
    ])
    .ok();
    org.run(&["Set-ReceiveConnector", "Internet", "-Fqdn", "$null"])
        .ok();
    assert!(
        org.run(&["Get-ReceiveConnector", "-o", "json"]).ok().json()[0]
            .get("Fqdn")
            .is_none()
    );
}

#[test]
fn help_pages() {
    let org = Org::new();
    let page = org.run(&["help", "New-InboundConnector"]).ok().stdout;
    assert!(
        page.contains("\nSYNTAX\n") && page.contains("-SenderIPAddresses"),
        "{page}"
    );
    assert_eq!(org.run(&["New-InboundConnector", "-?"]).ok().stdout, page);
    org.run(&["help", "New-Frobnicator"]).fails(2);
}

#[test]
fn microsofts_examples_can_be_typed() {
    let org = Org::with_domains();
    // From "Create required connectors to set up basic email flow through EOP": the inbound connector from on-premises, identified by certificate.
    org.run(&[
        "New-InboundConnector",
        "-Name",
        "From on-premises",
        "-ConnectorType",
        "OnPremises",
        "-CloudServicesMailEnabled",
        "$true",
        "-RequireTls",
        "$true",
        "-RestrictDomainsToCertificate",
        "$true",
        "-TlsSenderCertificateName",
        "mail.contoso.com",
        "-SenderDomains",
        "*",
    ])
    .ok();
    // From "Create required connectors to set up basic email flow through EOP": the outbound connector to on-premises with opportunistic TLS.
    org.run(&[
        "New-OutboundConnector",
        "-Name",
        "To on-premises",
        "-ConnectorType",
        "OnPremises",
        "-SmartHosts",
        "mail.contoso.com",
        "-AllAcceptedDomains",
        "$true",
    ])
    .ok();
    // From "Set up connectors to route mail between Microsoft 365 or Office 365 and your own email servers": the on-premises send connector to the service.
    org.run(&[
        "New-SendConnector",
        "-Name",
        "My company to Office 365",
        "-AddressSpaces",
        "*",
        "-CloudServicesMailEnabled",
        "$true",
        "-Fqdn",
        "mail.contoso.com",
        "-RequireTLS",
        "$true",
        "-SmartHosts",
        "contoso-com.mail.protection.outlook.com",
        "-TlsAuthLevel",
        "CertificateValidation",
    ])
    .ok();
    let s = &org.run(&["Get-SendConnector", "-o", "json"]).ok().json()[0];
    assert_eq!(s["TlsAuthLevel"], "CertificateValidation");
    assert_eq!(s["RequireTLS"], true);
    assert_eq!(s["MaxMessagesPerConnection"], 50);
}

#[test]
fn enable_and_disable_connectors() {
    let org = Org::with_domains();
    onprem_powershell(&org);
    org.run(&["Disable-InboundConnector", "From on-prem"]).ok();
    assert_eq!(
        org.run(&["Get-InboundConnector", "-o", "json"]).ok().json()[0]["Enabled"],
        false
    );
    org.run(&["Enable-InboundConnector", "From on-prem"]).ok();
    assert_eq!(
        org.run(&["Get-InboundConnector", "-o", "json"]).ok().json()[0]["Enabled"],
        true
    );
    org.run(&[
        "New-SendConnector",
        "-Name",
        "S",
        "-AddressSpaces",
        "*",
        "-SmartHosts",
        "relay.contoso.com",
    ])
    .ok();
    org.run(&["Disable-SendConnector", "S"]).ok();
    assert_eq!(
        org.run(&["Get-SendConnector", "-o", "json"]).ok().json()[0]["Enabled"],
        false
    );
}

#[test]
fn connection_filter_policy() {
    let org = Org::new();
    org.run(&[
        "Set-HostedConnectionFilterPolicy",
        "-IPAllowList",
        "192.0.2.0/24",
        "-IPBlockList",
        "198.51.100.7,2001:db8::/32",
        "-EnableSafeList",
        "$true",
    ])
    .ok();
    let p = &org
        .run(&["Get-HostedConnectionFilterPolicy", "-o", "json"])
        .ok()
        .json()[0];
    assert_eq!(
        p["IPBlockList"],
        serde_json::json!(["198.51.100.7", "2001:db8::/32"])
    );
    assert_eq!(p["EnableSafeList"], true);
    org.run(&[
        "Set-HostedConnectionFilterPolicy",
        "-IPBlockList",
        "192.0.2.0/24",
    ])
    .fails(6)
    .stderr_has("both IPAllowList and IPBlockList");
    org.run(&[
        "Set-HostedConnectionFilterPolicy",
        "-Identity",
        "Strict",
        "-EnableSafeList",
        "$false",
    ])
    .fails(3)
    .stderr_has("named Default");
}

/// Answers a prompt of `args` on a pseudo-terminal with `answer`; returns what the terminal showed.
fn on_a_terminal(org: &Org, args: &[&str], answer: &str) -> String {
    const PTY: &str = r#"
import os, pty, sys, time, select
pid, fd = pty.fork()
if pid == 0:
    os.execv(sys.argv[1], sys.argv[1:-1])
out, answered, deadline = b"", False, time.time() + 20
while time.time() < deadline:
    ready, _, _ = select.select([fd], [], [], 0.2)
    if ready:
        try:
            chunk = os.read(fd, 4096)
        except OSError:
            break
        if not chunk:
            break
        out += chunk
    if not answered and b"?" in out:
        os.write(fd, sys.argv[-1].encode())
        answered = True
_, status = os.waitpid(pid, 0)
sys.stdout.write(out.decode(errors="replace"))
sys.exit(os.waitstatus_to_exitcode(status))
"#;
    if !crate::support::have_python() {
        return String::new();
    }
    let out = std::process::Command::new("python3")
        .arg("-c")
        .arg(PTY)
        .arg(crate::support::bin())
        .args(args)
        .arg(answer)
        .current_dir(org.path())
        .env("EOPCTL_STATE", org.state())
        .output()
        .unwrap();
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn remove_asks_on_a_terminal() {
    let org = Org::with_domains();
    onprem_powershell(&org);
    let shown = on_a_terminal(&org, &["Remove-InboundConnector", "From on-prem"], "n\r");
    if shown.is_empty() {
        return; // no python3 here, and not in CI
    }
    assert!(
        shown.contains("Remove InboundConnector \"From on-prem\"?"),
        "{shown}"
    );
    assert_eq!(
        org.run(&["Get-InboundConnector", "-o", "json"])
            .ok()
            .json()
            .as_array()
            .unwrap()
            .len(),
        1
    );
    let shown = on_a_terminal(&org, &["Remove-InboundConnector", "From on-prem"], "y\r");
    assert!(shown.contains("Remove InboundConnector"), "{shown}");
    assert_eq!(
        org.run(&["Get-InboundConnector", "-o", "json"]).ok().json(),
        serde_json::json!([])
    );
}

/// An open relay is never made in silence: a wide public range on an OnPremises connector
/// is refused without -Force (also under -WhatIf), a wide private one is saved with a
/// warning, and -Force saves the public one with the warning.
#[test]
fn an_open_relay_is_refused_or_warned_at_the_change() {
    let org = Org::with_domains();
    let before = org.state_text();
    for extra in [&[][..], &["-WhatIf"][..]] {
        let mut args = vec![
            "New-InboundConnector",
            "-Name",
            "Open",
            "-ConnectorType",
            "OnPremises",
            "-SenderIPAddresses",
            "0.0.0.0/0",
        ];
        args.extend_from_slice(extra);
        org.run(&args)
            .fails(1)
            .stderr_has("may relay to any domain")
            .stderr_has("help:")
            .stderr_has("-Force");
    }
    assert_eq!(org.state_text(), before);
    let lab = org
        .run(&[
            "New-InboundConnector",
            "-Name",
            "Lab",
            "-ConnectorType",
            "OnPremises",
            "-SenderIPAddresses",
            "10.0.0.0/8",
        ])
        .ok();
    assert!(
        lab.stderr
            .contains("warning: InboundConnector \"Lab\" SenderIPAddresses"),
        "{}",
        lab.stderr
    );
    org.run(&[
        "Set-InboundConnector",
        "Lab",
        "-SenderIPAddresses",
        "131.107.0.0/8",
    ])
    .fails(1)
    .stderr_has("may relay");
    let forced = org
        .run(&[
            "Set-InboundConnector",
            "Lab",
            "-SenderIPAddresses",
            "131.107.0.0/8",
            "-Force",
        ])
        .ok();
    assert!(forced.stderr.contains("warning:"), "{}", forced.stderr);
    // A narrow range says nothing.
    let quiet = org
        .run(&[
            "New-InboundConnector",
            "-Name",
            "OnPrem",
            "-ConnectorType",
            "OnPremises",
            "-SenderIPAddresses",
            "131.107.21.231",
        ])
        .ok();
    assert_eq!(quiet.stderr, "");
}

#[test]
fn typos_get_the_closest_names_in_the_spelling_typed() {
    let org = Org::with_domains();
    let run = org.run(&["New-InbondConnector"]).fails(2);
    assert!(
        run.stderr
            .contains("help: did you mean New-InboundConnector?"),
        "{}",
        run.stderr
    );
    // One name, not the forty that share a verb or a noun, and not both spellings.
    assert!(
        !run.stderr.contains("new-inboundconnector"),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("OutboundConnector"), "{}", run.stderr);
    org.run(&["get-inbondconnector"])
        .fails(2)
        .stderr_has("did you mean get-inboundconnector?");
    org.run(&["help", "Get-AcceptedDomian"])
        .fails(2)
        .stderr_has("did you mean Get-AcceptedDomain?");
    org.run(&["New-AcceptedDomain", "-Nme", "x"])
        .fails(2)
        .stderr_has("did you mean -Name?");
    org.run(&["new-accepteddomain", "--domian-name", "x"])
        .fails(2)
        .stderr_has("did you mean --domain-name?");
}

#[test]
fn help_alone_and_bare_eopctl_list_the_cmdlets() {
    let org = Org::new();
    let help = org.run(&["help"]).ok();
    assert!(help.stdout.contains("Usage: eopctl"), "{}", help.stdout);
    assert!(
        help.stdout.contains("new-inboundconnector"),
        "{}",
        help.stdout
    );
    // Nothing asked: the same list on stderr, exit 2 (usage), and no `error:` before it.
    let bare = org.run(&[]).fails(2);
    assert!(bare.stdout.is_empty(), "{}", bare.stdout);
    assert!(bare.stderr.contains("Usage: eopctl"), "{}", bare.stderr);
    assert!(!bare.stderr.contains("error:"), "{}", bare.stderr);
}

#[test]
fn missing_arguments_keep_the_spelling_typed_and_say_the_fix() {
    let org = Org::with_domains();
    org.run(&["New-InboundConnector", "-ConnectorType", "Partner"])
        .fails(2)
        .stderr_has("New-InboundConnector: missing -Name")
        .stderr_has("help: give -Name");
    org.run(&["new-inboundconnector", "--connector-type", "partner"])
        .fails(2)
        .stderr_has("new-inboundconnector: missing --name")
        .stderr_has("help:");
}

#[test]
fn serve_errors_name_serve() {
    let org = Org::new();
    org.write_state("revision: [");
    let run = org.run(&["serve"]).fails(4);
    assert!(run.stderr.contains("error: serve: "), "{}", run.stderr);
    assert!(!run.stderr.contains("Start-Relay"), "{}", run.stderr);
}

#[test]
fn tables_fit_80_columns_without_cutting_addresses_and_show_times_to_the_second() {
    let org = Org::with_domains();
    org.run(&[
        "New-Mailbox",
        "-Name",
        "Annabelle Longname-Fitzgerald",
        "-DisplayName",
        "Annabelle Longname-Fitzgerald (Contoso Finance, Zurich office)",
        "-PrimarySmtpAddress",
        "annabelle.longname-fitzgerald@contoso.com",
    ])
    .ok();
    let run: crate::support::Run = org
        .command(&["Get-Mailbox"])
        .env("COLUMNS", "80")
        .output()
        .unwrap()
        .into();
    let run = run.ok();
    assert!(
        run.stdout.lines().all(|l| l.chars().count() <= 80),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .lines()
            .any(|l| l.contains("annabelle.longname-fitzgerald@contoso.com")),
        "{}",
        run.stdout
    );
    // Said on stderr, so the data on stdout stays clean.
    assert!(run.stderr.contains("DisplayName"), "{}", run.stderr);
    assert!(!run.stdout.contains("DisplayName"), "{}", run.stdout);
    // Piped with no width: every column, whole.
    let piped = org.run(&["Get-Mailbox"]).ok();
    assert!(piped.stdout.contains("Zurich office)"), "{}", piped.stdout);
    // Times to the second in tables; JSON keeps what was stored.
    let history = org.run(&["Get-StateHistory"]).ok();
    let when = history
        .stdout
        .lines()
        .nth(2)
        .unwrap()
        .split_whitespace()
        .nth(1)
        .unwrap()
        .to_string();
    assert_eq!(
        when.len(),
        "2026-12-03T08:40:07Z".len(),
        "{}",
        history.stdout
    );
}

#[test]
fn exchange_and_postfix_habits() {
    let org = Org::with_domains();
    // As in Exchange, the external address alone makes a mail user.
    org.run(&["New-MailUser", "-ExternalEmailAddress", "ann@contoso.com"])
        .ok();
    let u = org
        .run(&["Get-MailUser", "ann@contoso.com", "-o", "json"])
        .ok()
        .json();
    assert_eq!(u[0]["Name"], "ann");
    assert_eq!(u[0]["PrimarySmtpAddress"], "ann@contoso.com");
    // Postfix's relayhost form: brackets (no MX lookup) and a port.
    org.run(&[
        "New-OutboundConnector",
        "-Name",
        "To partner",
        "-ConnectorType",
        "Partner",
        "-RecipientDomains",
        "tailspin.com",
        "-SmartHosts",
        "[127.0.0.1]:2600",
    ])
    .ok();
    let c = org
        .run(&["Get-OutboundConnector", "To partner", "-o", "json"])
        .ok()
        .json();
    assert_eq!(c[0]["SmartHosts"], serde_json::json!(["127.0.0.1:2600"]));
    org.run(&[
        "New-SendConnector",
        "-Name",
        "Out",
        "-AddressSpaces",
        "*",
        "-SmartHosts",
        "[mail.tailspin.com]:587",
    ])
    .ok();
}

#[test]
fn content_actions_name_the_rule_once() {
    let org = Org::with_domains();
    org.run(&[
        "New-TransportRule",
        "-Name",
        "Hold invoices",
        "-SubjectContainsWords",
        "invoice",
        "-Quarantine",
        "$true",
    ])
    .ok();
    let out = org
        .run(&[
            "Test-MessageRoute",
            "-Sender",
            "x@tailspin.com",
            "-Recipients",
            "ann@contoso.com",
            "-ClientIP",
            "203.0.113.9",
            "-Subject",
            "invoice 42",
            "-o",
            "json",
        ])
        .ok()
        .json();
    let actions = out[0]["ContentActions"].to_string();
    assert_eq!(actions.matches("Hold invoices").count(), 1, "{actions}");
}

#[test]
fn help_renders_the_page_without_markdown() {
    let org = Org::new();
    let page = org.run(&["help", "New-InboundConnector"]).ok();
    assert!(
        page.stdout.starts_with("New-InboundConnector\n"),
        "{}",
        page.stdout
    );
    assert!(
        page.stdout.contains("\nSYNOPSIS\n    Creates"),
        "{}",
        page.stdout
    );
    for mark in ["```", "## ", "**", "](", "`-RequireTls"] {
        assert!(!page.stdout.contains(mark), "{mark} in:\n{}", page.stdout);
    }
    // Wrapped to 80 columns; example lines are shown as they are.
    assert!(
        page.stdout
            .lines()
            .filter(|l| !l.starts_with("        "))
            .all(|l| l.chars().count() <= 80),
        "{}",
        page.stdout
    );
    assert_eq!(
        org.run(&["New-InboundConnector", "-?"]).ok().stdout,
        page.stdout
    );
}

#[test]
fn serve_help_does_not_offer_output_formats_or_json_input() {
    let help = Org::new().run(&["serve", "--help"]).ok();
    assert!(help.stdout.contains("--retry"), "{}", help.stdout);
    assert!(!help.stdout.contains("--output"), "{}", help.stdout);
    assert!(!help.stdout.contains("--from-json"), "{}", help.stdout);
}

#[test]
fn man_pages_have_the_examples_of_the_reference_pages() {
    let man = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("man/eopctl-new-inboundconnector.1"),
    )
    .unwrap();
    let examples = man
        .split_once(".SH EXAMPLES\n")
        .expect("an EXAMPLES section")
        .1;
    assert!(examples.contains(".SS \"Example 1\""), "{examples}");
    assert!(
        examples.contains("$ eopctl New\\-InboundConnector"),
        "{examples}"
    );
    // Commands only: the output tables stay in the reference page.
    assert!(!examples.contains("\\-\\-\\-\\-\\-\\-"), "{examples}");
}
