//! The wizards on a real pseudo-terminal (expectrl): the prompts come in the order of the Exchange admin center's wizard,
//! arrow keys and typed answers drive them, the command line for scripting is shown, and
//! the object saved is the one that command line makes. Without a terminal the cmdlets
//! never prompt (tested in cli.rs).

use std::time::Duration;

use expectrl::Expect;
use expectrl::session::OsSession as Session;

use crate::support::Org;

const DOWN: &str = "\x1b[B";
const ENTER: &str = "\r";

fn session(org: &Org, args: &[&str]) -> Session {
    let mut cmd = std::process::Command::new(crate::support::bin());
    cmd.args(args)
        .current_dir(org.path())
        .env("EOPCTL_STATE", org.state())
        .env_remove("EOPCTL_DATA")
        .env_remove("PSModulePath") // bash, not PowerShell: the command lines shown are bash's
        .env("TERM", "xterm");
    let mut s = Session::spawn(cmd).expect("spawn on a pty");
    s.set_expect_timeout(Some(Duration::from_secs(20)));
    s
}

/// Waits for `prompt`, then sends `keys`.
fn answer(s: &mut Session, prompt: &str, keys: &str) {
    s.expect(prompt)
        .unwrap_or_else(|e| panic!("no prompt {prompt:?}: {e}"));
    s.send(keys).unwrap();
}

fn finish(mut s: Session) -> String {
    let mut rest = String::new();
    let _ = std::io::Read::read_to_string(&mut s, &mut rest);
    rest
}

#[test]
fn inbound_connector_wizard_identifies_on_premises_by_certificate() {
    let org = Org::with_domains();
    let mut s = session(&org, &["New-InboundConnector"]);
    answer(&mut s, "Name", "From on-premises\r");
    answer(&mut s, "From", ENTER); // Your organization's email server
    answer(&mut s, "identify email from your email server", ENTER); // certificate
    answer(&mut s, "Certificate subject or SAN", "mail.contoso.com\r");
    answer(&mut s, "Retain service headers", "y\r");
    answer(&mut s, "Sender domains", ENTER); // default *
    // Safe to paste into bash: $true and * quoted.
    s.expect("eopctl New-InboundConnector -Name 'From on-premises' -ConnectorType OnPremises -TlsSenderCertificateName mail.contoso.com -RequireTls '$true' -RestrictDomainsToCertificate '$true' -CloudServicesMailEnabled '$true' -SenderDomains '*'")
        .expect("the command line for scripting");
    finish(s);
    let c = &org.run(&["Get-InboundConnector", "-o", "json"]).ok().json()[0];
    assert_eq!(c["Name"], "From on-premises");
    assert_eq!(c["ConnectorType"], "OnPremises");
    assert_eq!(c["TlsSenderCertificateName"], "mail.contoso.com");
    assert_eq!(c["RequireTls"], true);
    assert_eq!(c["RestrictDomainsToCertificate"], true);
    assert_eq!(c["CloudServicesMailEnabled"], true);
    assert_eq!(c["SenderDomains"], serde_json::json!(["*"]));
    // The history records the completed command, not the bare cmdlet.
    let h = org.run(&["Get-StateHistory", "-o", "json"]).ok().json();
    let last = h.as_array().unwrap().last().unwrap()["Command"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(
        last.contains("-TlsSenderCertificateName mail.contoso.com"),
        "{last}"
    );
}

#[test]
fn inbound_connector_wizard_re_asks_until_an_address_parses() {
    let org = Org::with_domains();
    let mut s = session(
        &org,
        &["New-InboundConnector", "-ConnectorType", "OnPremises"],
    );
    answer(&mut s, "Name", "By IP\r");
    answer(
        &mut s,
        "identify email from your email server",
        &format!("{DOWN}{ENTER}"),
    );
    answer(&mut s, "Sending IP addresses", "131.107.21.300\r");
    answer(
        &mut s,
        "131.107.21.300",
        "\x15131.107.21.231, 10.0.0.0/24\r",
    ); // ^U clears the line
    answer(&mut s, "Require TLS", "n\r");
    answer(&mut s, "Retain service headers", "n\r");
    answer(&mut s, "Sender domains", ENTER);
    s.expect("-SenderIPAddresses 131.107.21.231,10.0.0.0/24 -RequireTls '$false'")
        .expect("the command line");
    finish(s);
    let c = &org.run(&["Get-InboundConnector", "-o", "json"]).ok().json()[0];
    assert_eq!(
        c["SenderIPAddresses"],
        serde_json::json!(["131.107.21.231", "10.0.0.0/24"])
    );
    assert_eq!(c["RequireTls"], false);
}

#[test]
fn outbound_connector_wizard_to_on_premises_with_domain_validation() {
    let org = Org::with_domains();
    let mut s = session(&org, &["New-OutboundConnector"]);
    answer(&mut s, "Name", "To on-premises\r");
    answer(&mut s, "To", ENTER); // Your organization's email server
    answer(&mut s, "Use this connector for", ENTER); // all accepted domains
    answer(&mut s, "How to route the mail", ENTER); // smart hosts
    answer(&mut s, "Smart hosts", "mail.contoso.com\r");
    answer(&mut s, "TLS", &format!("{DOWN}{DOWN}{DOWN}{ENTER}"));
    answer(&mut s, "Domain the certificate names", "mail.contoso.com\r");
    answer(&mut s, "Retain service headers", "n\r");
    s.expect("eopctl New-OutboundConnector -Name 'To on-premises' -ConnectorType OnPremises -AllAcceptedDomains '$true' -SmartHosts mail.contoso.com -TlsSettings DomainValidation -TlsDomain mail.contoso.com -CloudServicesMailEnabled '$false'")
        .expect("the command line");
    finish(s);
    let c = &org
        .run(&["Get-OutboundConnector", "-o", "json"])
        .ok()
        .json()[0];
    assert_eq!(c["ConnectorType"], "OnPremises");
    assert_eq!(c["AllAcceptedDomains"], true);
    assert_eq!(c["SmartHosts"], serde_json::json!(["mail.contoso.com"]));
    assert_eq!(c["TlsSettings"], "DomainValidation");
    assert_eq!(c["TlsDomain"], "mail.contoso.com");
}

#[test]
fn without_a_terminal_a_missing_name_is_a_usage_error() {
    let org = Org::with_domains();
    org.run(&["New-InboundConnector", "-ConnectorType", "OnPremises"])
        .fails(2)
        .stderr_has("missing -Name");
}

#[test]
fn hybrid_wizard_asks_for_a_scenario_on_a_terminal() {
    let org = Org::new();
    org.run(&[
        "Set-OrganizationConfig",
        "-ServiceHostNames",
        "mx1.gw.example",
        "-ServiceIPAddresses",
        "192.0.2.25",
    ])
    .ok();
    // A list: a table on a terminal wraps to its width.
    let mut s = session(&org, &["Start-HybridWizard", "-o", "list"]);
    answer(&mut s, "Which setup", &format!("{DOWN}{DOWN}{ENTER}")); // Hybrid 2
    answer(&mut s, "Your email domain", "contoso.com\r");
    answer(&mut s, "on-premises email server", ENTER); // mail.contoso.com
    answer(
        &mut s,
        "identify email from your email server",
        &format!("{DOWN}{ENTER}"),
    );
    answer(&mut s, "Sending IP addresses", "131.107.21.231\r");
    s.expect("eopctl Start-HybridWizard -Scenario Scenario2 -DomainName contoso.com -OnPremisesSmartHost mail.contoso.com -OnPremisesIPAddresses 131.107.21.231")
        .expect("the command line for scripting");
    s.expect("publish v=spf1 ip4:192.0.2.25 ip4:131.107.21.231 -all")
        .expect("the DNS records to publish");
    finish(s);
    let out = &org
        .run(&["Get-OutboundConnector", "-o", "json"])
        .ok()
        .json()[0];
    assert_eq!(out["SmartHosts"], serde_json::json!(["mail.contoso.com"]));
    assert_eq!(out["RouteAllMessagesViaOnPremises"], true);
    let inbound = &org.run(&["Get-InboundConnector", "-o", "json"]).ok().json()[0];
    assert_eq!(
        inbound["SenderIPAddresses"],
        serde_json::json!(["131.107.21.231"])
    );
    // One revision for the whole setup, after the Set-OrganizationConfig.
    let h = org.run(&["Get-StateHistory", "-o", "json"]).ok().json();
    assert_eq!(h.as_array().unwrap().len(), 2, "{h}");
}

/// Every scenario without a terminal, from parameters alone: the objects each needs, and a
/// configuration Test-Configuration finds nothing wrong with.
#[test]
fn hybrid_wizard_runs_every_scenario_from_parameters() {
    for (scenario, via_on_premises, mx, ef) in [
        ("Standalone", false, "Service", false),
        ("Scenario1", false, "Service", false),
        ("Scenario2", true, "Service", false),
        ("Scenario3", true, "OnPremises", true),
        ("Scenario4", false, "OnPremises", true),
    ] {
        let org = Org::new();
        org.run(&[
            "Start-HybridWizard",
            "-Scenario",
            scenario,
            "-DomainName",
            "contoso.com",
            "-OnPremisesSmartHost",
            "mail.contoso.com",
            "-OnPremisesCertificateName",
            "mail.contoso.com",
        ])
        .ok();
        let out = &org
            .run(&["Get-OutboundConnector", "-o", "json"])
            .ok()
            .json()[0];
        assert_eq!(out["ConnectorType"], "OnPremises", "{scenario}");
        assert_eq!(
            out["RouteAllMessagesViaOnPremises"], via_on_premises,
            "{scenario}"
        );
        let inbound = &org.run(&["Get-InboundConnector", "-o", "json"]).ok().json()[0];
        assert_eq!(
            inbound["TlsSenderCertificateName"], "mail.contoso.com",
            "{scenario}"
        );
        assert_eq!(inbound["RequireTls"], true, "{scenario}");
        assert_eq!(inbound["EFSkipLastIP"], ef, "{scenario}");
        let config = &org
            .run(&["Get-OrganizationConfig", "-o", "json"])
            .ok()
            .json()[0];
        assert_eq!(config["MxRecordPointsTo"], mx, "{scenario}");
        let domain = &org.run(&["Get-AcceptedDomain", "-o", "json"]).ok().json()[0];
        assert_eq!(domain["DomainType"], "InternalRelay", "{scenario}");
        // It receives mail: a listener on the SMTP port that offers STARTTLS, for the
        // on-premises server's certificate.
        let listener = &org.run(&["Get-ReceiveConnector", "-o", "json"]).ok().json()[0];
        assert_eq!(
            listener["Bindings"],
            serde_json::json!(["0.0.0.0:25"]),
            "{scenario}"
        );
        assert!(
            listener["TlsCertificateName"].is_string(),
            "{scenario}: {listener}"
        );
        org.run(&["Test-Configuration"]).ok();
        // A second run would make the same connectors again: refused, nothing changed.
        let before = org.state_text();
        org.run(&[
            "Start-HybridWizard",
            "-Scenario",
            scenario,
            "-DomainName",
            "contoso.com",
            "-OnPremisesSmartHost",
            "mail.contoso.com",
            "-OnPremisesIPAddresses",
            "131.107.21.231",
        ])
        .fails(6)
        .stderr_has("already exists");
        assert_eq!(org.state_text(), before);
    }
    Org::new()
        .run(&[
            "Start-HybridWizard",
            "-Scenario",
            "Scenario1",
            "-DomainName",
            "contoso.com",
            "-OnPremisesSmartHost",
            "mail.contoso.com",
        ])
        .fails(2)
        .stderr_has("-OnPremisesCertificateName or -OnPremisesIPAddresses");
}

/// `-Confirm` on New-* and Set-* asks on a terminal, as PowerShell does: `n` changes
/// nothing and is no error, `y` saves; without a terminal it is a usage error that says
/// what to do instead.
#[test]
fn confirm_asks_before_new_and_set() {
    let org = Org::with_domains();
    let before = org.revision();
    let new = [
        "New-InboundConnector",
        "-Name",
        "Partner",
        "-SenderDomains",
        "fabrikam.com",
        "-Confirm",
    ];
    let mut s = session(&org, &new);
    answer(
        &mut s,
        "New-InboundConnector on target InboundConnector \"Partner\"",
        "n\r",
    );
    s.expect("nothing changed")
        .expect("the declined change is reported");
    finish(s);
    assert_eq!(org.revision(), before);

    let mut s = session(&org, &new);
    answer(
        &mut s,
        "Are you sure you want to perform this action?",
        "y\r",
    );
    s.expect("Partner").expect("the new connector is shown");
    finish(s);
    assert_eq!(org.revision(), before + 1);

    let set = [
        "Set-InboundConnector",
        "Partner",
        "-RequireTls",
        "true",
        "-Confirm",
    ];
    let mut s = session(&org, &set);
    answer(
        &mut s,
        "Set-InboundConnector on target InboundConnector \"Partner\"",
        "y\r",
    );
    finish(s);
    assert_eq!(org.revision(), before + 2);

    org.run(&set)
        .fails(2)
        .stderr_has("no terminal")
        .stderr_has("-Confirm:$false");
    assert_eq!(org.revision(), before + 2);
}

#[test]
fn declining_a_remove_removes_nothing_and_is_no_error() {
    let org = Org::with_domains();
    org.run(&[
        "New-InboundConnector",
        "-Name",
        "Partner",
        "-ConnectorType",
        "Partner",
        "-SenderDomains",
        "tailspin.com",
    ])
    .ok();
    let mut s = session(&org, &["Remove-InboundConnector", "Partner"]);
    // `n` alone does not answer: the prompt waits for Enter.
    answer(&mut s, "Remove InboundConnector", "n");
    std::thread::sleep(Duration::from_millis(300));
    assert!(
        s.get_process().is_alive().unwrap(),
        "answered without Enter"
    );
    s.send(ENTER).unwrap();
    s.expect("Not confirmed: nothing removed.")
        .expect("the refusal said");
    let status = format!("{:?}", s.get_process().wait().unwrap());
    let rest = finish(s);
    assert!(!rest.contains("error:"), "{rest}");
    assert!(status.ends_with(", 0)"), "{status}");
    assert_eq!(
        org.run(&["Get-InboundConnector", "-o", "json"]).ok().json()[0]["Name"],
        "Partner"
    );
}

#[test]
fn help_pages_through_the_pager_on_a_terminal() {
    let org = Org::new();
    let mut cmd = std::process::Command::new(crate::support::bin());
    cmd.args(["help", "Get-AcceptedDomain"])
        .current_dir(org.path())
        .env("PAGER", "sed 's/^/PAGED: /'")
        .env("TERM", "xterm");
    let mut s = Session::spawn(cmd).expect("spawn on a pty");
    s.set_expect_timeout(Some(Duration::from_secs(20)));
    s.expect("PAGED: SYNOPSIS")
        .expect("the page, through $PAGER");
    finish(s);
}

#[test]
fn validate_outbound_connector_shows_a_spinner_while_a_host_is_silent() {
    // A smart host that accepts the connection and never says a word.
    let silent = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let hop = silent.local_addr().unwrap().to_string();
    let org = Org::with_domains();
    org.run(&[
        "New-OutboundConnector",
        "-Name",
        "To fabrikam",
        "-ConnectorType",
        "Partner",
        "-RecipientDomains",
        "fabrikam.com",
        "-SmartHosts",
        &hop,
    ])
    .ok();
    let mut s = session(
        &org,
        &[
            "Validate-OutboundConnector",
            "-Identity",
            "To fabrikam",
            "-Timeout",
            "3s",
        ],
    );
    s.expect("validating OutboundConnector \"To fabrikam\"")
        .expect("a spinner while the host is silent");
    let rest = finish(s);
    // The spinner is cleared; the findings follow.
    assert!(rest.contains(&hop), "{rest}");
    drop(silent);
}
