//! Script mode: commands written as Microsoft's reference pages write them, run through
//! `eopctl -Command`, `-File` and standard input. The corpus in tests/scripts/ holds
//! whole scripts with the output each must print.

use crate::support::dns::{Dns, Zone};
use crate::support::{Org, bin};

/// One line per cmdlet, in the reference pages' style, each with the exit code it must
/// give on the state the lines before it left, and text its output must hold.
fn one_liners(dns: &Dns) -> Vec<(String, i32, &'static str)> {
    let lines: &[(&str, i32, &str)] = &[
        (
            r#"New-AcceptedDomain -Name "Contoso" -DomainName contoso.com -DomainType Authoritative"#,
            0,
            "Authoritative",
        ),
        (
            r#"Set-AcceptedDomain -Identity "Contoso" -DomainType InternalRelay"#,
            0,
            "",
        ),
        (
            "Get-AcceptedDomain | Format-Table Name,DomainType",
            0,
            "InternalRelay",
        ),
        (
            r#"New-AcceptedDomain -Name "Fabrikam" -DomainName fabrikam.com -DomainType Authoritative"#,
            0,
            "",
        ),
        (
            r#"Remove-AcceptedDomain -Identity "Fabrikam" -Confirm:$false"#,
            0,
            "",
        ),
        (
            r#"New-Mailbox -Name "Alice" -PrimarySmtpAddress alice@contoso.com"#,
            0,
            "",
        ),
        (
            r#"Set-Mailbox -Identity "Alice" -EmailAddresses @{Add="smtp:al@contoso.com"}"#,
            0,
            "",
        ),
        (
            r#"Get-Mailbox -Identity "Alice" | Format-List Name,EmailAddresses"#,
            0,
            "al@contoso.com",
        ),
        // The older pages' script-block form of -Filter, bare property names and $_.Name.
        (
            r#"Get-Mailbox -Filter {PrimarySmtpAddress -like 'alice@*' -and $_.Name -ne $null}"#,
            0,
            "alice@contoso.com",
        ),
        (r#"Get-Mailbox -Filter:{Nmae -eq 'Alice'}"#, 2, ""),
        (r#"Remove-Mailbox -Identity "Alice" -Confirm:$false"#, 0, ""),
        (
            r#"New-MailUser -Name "Ed" -ExternalEmailAddress ed@mail.contoso.com -PrimarySmtpAddress ed@contoso.com"#,
            0,
            "",
        ),
        (
            r#"Set-MailUser -Identity "Ed" -ExternalEmailAddress ed@onprem.contoso.com"#,
            0,
            "",
        ),
        ("Import-MailUser -CsvPath users.csv", 0, ""),
        ("Get-MailUser | Measure-Object", 0, "Count : 2"),
        (r#"Remove-MailUser -Identity "Ed" -Confirm:$false"#, 0, ""),
        (
            r#"New-InboundConnector -Name "From on-premises" -ConnectorType OnPremises -SenderIPAddresses 192.0.2.10,192.0.2.11 -SenderDomains *"#,
            0,
            "",
        ),
        (
            r#"Set-InboundConnector -Identity "From on-premises" -SenderIPAddresses @{Add="192.0.2.12"; Remove="192.0.2.11"}"#,
            0,
            "",
        ),
        (
            r#"Disable-InboundConnector -Identity "From on-premises""#,
            0,
            "",
        ),
        ("Get-InboundConnector | Enable-InboundConnector", 0, ""),
        (
            r#"Get-InboundConnector "From on-premises" | Format-List Enabled,SenderIPAddresses"#,
            0,
            "Enabled           : True\nSenderIPAddresses : 192.0.2.10, 192.0.2.12",
        ),
        (
            r#"Validate-InboundConnector -Identity "From on-premises" -ClientIP 192.0.2.10"#,
            0,
            "",
        ),
        (
            r#"New-OutboundConnector -Name "To on-premises" -ConnectorType OnPremises -SmartHosts mail.contoso.com -RecipientDomains contoso.com"#,
            0,
            "",
        ),
        (
            r#"Set-OutboundConnector -Identity "To on-premises" -Comment "the on-premises server""#,
            0,
            "",
        ),
        (
            r#"Disable-OutboundConnector -Identity "To on-premises""#,
            0,
            "",
        ),
        (
            r#"Enable-OutboundConnector -Identity "To on-premises""#,
            0,
            "",
        ),
        (
            "Get-OutboundConnector | Where-Object {$_.Enabled -eq $true} | Select-Object Name,SmartHosts",
            0,
            "mail.contoso.com",
        ),
        // A smart host no one answers for: the validation fails, and says so.
        (
            r#"Validate-OutboundConnector -Identity "To on-premises" -Timeout 1 -Dns {dns}"#,
            1,
            "",
        ),
        (
            r#"New-ReceiveConnector -Name "Internet" -Bindings 127.0.0.1:0 -Fqdn mx.contoso.com"#,
            0,
            "",
        ),
        (
            r#"Set-ReceiveConnector -Identity "Internet" -MaxMessageSize 25MB"#,
            0,
            "",
        ),
        (r#"Disable-ReceiveConnector -Identity "Internet""#, 0, ""),
        (r#"Enable-ReceiveConnector -Identity "Internet""#, 0, ""),
        (
            "Get-ReceiveConnector | Format-Table Name,Enabled",
            0,
            "Internet",
        ),
        (
            "New-SmtpAuthAccount -Name scanner -AllowedSenderAddresses scans@contoso.com",
            0,
            "scans@contoso.com",
        ),
        (
            r#"Set-SmtpAuthAccount -Identity scanner -Comment "2nd floor""#,
            0,
            "",
        ),
        ("Disable-SmtpAuthAccount scanner", 0, ""),
        ("Enable-SmtpAuthAccount scanner", 0, ""),
        (
            "Get-SmtpAuthAccount | Format-Table Name,Enabled",
            0,
            "scanner",
        ),
        ("Remove-SmtpAuthAccount scanner -Confirm:$false", 0, ""),
        (
            r#"New-DirectorySyncProfile -Name Corp -LdapUrl ldap://127.0.0.1:9 -BaseDN "dc=contoso,dc=com""#,
            0,
            "Corp",
        ),
        (
            "Set-DirectorySyncProfile -Identity Corp -SyncIntervalMinutes 0",
            0,
            "",
        ),
        (
            "Get-DirectorySyncProfile | Format-Table Name,SyncIntervalMinutes",
            0,
            "Corp",
        ),
        ("Start-DirectorySync -Identity Corp", 7, ""),
        (
            "Remove-DirectorySyncProfile -Identity Corp -Confirm:$false",
            0,
            "",
        ),
        (
            "New-HostedOutboundSpamFilterPolicy -Name Sales -RecipientLimitExternalPerHour 50",
            0,
            "Sales",
        ),
        (
            "Set-HostedOutboundSpamFilterPolicy -Identity Sales -ActionWhenThresholdReached BlockUser",
            0,
            "",
        ),
        (
            "Get-HostedOutboundSpamFilterPolicy -Identity Sales",
            0,
            "Sales",
        ),
        (
            "New-HostedOutboundSpamFilterRule -Name Sales -HostedOutboundSpamFilterPolicy Sales -SenderDomainIs contoso.com",
            0,
            "Sales",
        ),
        (
            r#"Set-HostedOutboundSpamFilterRule -Identity Sales -Comments "sales team""#,
            0,
            "",
        ),
        (
            "Disable-HostedOutboundSpamFilterRule -Identity Sales",
            0,
            "",
        ),
        ("Enable-HostedOutboundSpamFilterRule -Identity Sales", 0, ""),
        ("Get-HostedOutboundSpamFilterRule", 0, "Sales"),
        (
            "Remove-HostedOutboundSpamFilterRule -Identity Sales -Confirm:$false",
            0,
            "",
        ),
        (
            "Remove-HostedOutboundSpamFilterPolicy -Identity Sales -Confirm:$false",
            0,
            "",
        ),
        ("Get-BlockedSenderAddress", 0, ""),
        (
            "Remove-BlockedSenderAddress -SenderAddress nobody@contoso.com",
            3,
            "",
        ),
        (
            "New-QuarantinePolicy -Name Limited -EndUserQuarantinePermissionsValue 27",
            0,
            "Limited",
        ),
        (
            "Set-QuarantinePolicy -Identity Limited -ESNEnabled $true",
            0,
            "",
        ),
        ("Get-QuarantinePolicy -Identity Limited", 0, "Limited"),
        (
            "Remove-QuarantinePolicy -Identity Limited -Confirm:$false",
            0,
            "",
        ),
        (
            "Get-MailflowStatusReport -StartDate 2026-11-22 -EndDate 2026-11-24",
            0,
            "",
        ),
        (
            "Get-MailTrafficSummaryReport -Category TopMailSender -StartDate 2026-11-22 -EndDate 2026-11-24",
            0,
            "",
        ),
        (
            r#"New-SendConnector -Name "To the Internet" -AddressSpaces * -SmartHosts smtp.fabrikam.com"#,
            0,
            "",
        ),
        (
            r#"Set-SendConnector -Identity "To the Internet" -Comment "mail to the Internet""#,
            0,
            "",
        ),
        (
            r#"Disable-SendConnector -Identity "To the Internet""#,
            0,
            "",
        ),
        (r#"Enable-SendConnector -Identity "To the Internet""#, 0, ""),
        (
            r#"Get-SendConnector | Format-List Name,SmartHosts"#,
            0,
            "smtp.fabrikam.com",
        ),
        (
            r#"Remove-SendConnector -Identity "To the Internet" -Confirm:$false"#,
            0,
            "",
        ),
        (
            r#"New-ExchangeCertificate -SubjectName "CN=mx.contoso.com" | Out-Null"#,
            0,
            "",
        ),
        ("Get-ExchangeCertificate | Measure-Object", 0, "Count : 1"),
        ("Import-ExchangeCertificate -FileName missing.pem", 5, ""),
        (
            "Get-ExchangeCertificate -DomainName mx.contoso.com | Enable-ExchangeCertificate -Services SMTP",
            0,
            "",
        ),
        (
            "Get-ReceiveConnector | Where-Object { $_.TlsCertificateName -ne $null } | Measure-Object",
            0,
            "Count : 1",
        ),
        (
            r#"Set-ReceiveConnector -Identity "Internet" -TlsCertificateName $null"#,
            0,
            "",
        ),
        (
            "Get-ExchangeCertificate | Remove-ExchangeCertificate -Confirm:$false",
            0,
            "",
        ),
        (
            "New-DkimSigningConfig -DomainName contoso.com -Enabled $true",
            0,
            "",
        ),
        (
            "Set-DkimSigningConfig -Identity contoso.com -Enabled $false",
            0,
            "",
        ),
        (
            "Get-DkimSigningConfig | Format-List Domain,Enabled",
            0,
            "False",
        ),
        ("Rotate-DkimSigningKey -Identity contoso.com", 0, ""),
        (
            "Remove-DkimSigningConfig -Identity contoso.com -Confirm:$false",
            0,
            "",
        ),
        (
            r#"Set-HostedConnectionFilterPolicy -Identity Default -IPAllowList @{Add="192.0.2.50"}"#,
            0,
            "",
        ),
        (
            "Get-HostedConnectionFilterPolicy | Format-List IPAllowList",
            0,
            "192.0.2.50",
        ),
        (
            r#"New-HostedContentFilterPolicy -Name "Contoso Executives" -SpamAction Quarantine"#,
            0,
            "",
        ),
        (
            r#"New-HostedContentFilterRule -Name "Contoso Executives" -HostedContentFilterPolicy "Contoso Executives" -RecipientDomainIs contoso.com"#,
            0,
            "",
        ),
        (
            r#"Set-HostedContentFilterRule -Identity "Contoso Executives" -ExceptIfSentTo ceo@contoso.com -Comments "All but the CEO""#,
            0,
            "",
        ),
        (
            "Get-HostedContentFilterRule | Disable-HostedContentFilterRule",
            0,
            "",
        ),
        (
            "Get-HostedContentFilterRule | Format-List Name,State",
            0,
            "Disabled",
        ),
        (
            r#"Enable-HostedContentFilterRule -Identity "Contoso Executives""#,
            0,
            "",
        ),
        (
            r#"Remove-HostedContentFilterPolicy -Identity "Contoso Executives" -Confirm:$false"#,
            6,
            "",
        ),
        (
            r#"Remove-HostedContentFilterRule -Identity "Contoso Executives" -Confirm:$false"#,
            0,
            "",
        ),
        (
            r#"Set-HostedContentFilterPolicy -Identity "Contoso Executives" -HighConfidenceSpamAction Quarantine"#,
            0,
            "",
        ),
        (
            "Get-HostedContentFilterPolicy | Where-Object Name -like 'Contoso*' | Format-List Name,SpamAction",
            0,
            "Quarantine",
        ),
        (
            r#"Remove-HostedContentFilterPolicy -Identity "Contoso Executives" -Confirm:$false"#,
            0,
            "",
        ),
        (
            r#"New-MalwareFilterPolicy -Name "Contoso Malware" -EnableFileFilter $true"#,
            0,
            "",
        ),
        (
            r#"New-MalwareFilterRule -Name "Contoso Malware" -MalwareFilterPolicy "Contoso Malware" -RecipientDomainIs contoso.com -Enabled $false"#,
            0,
            "",
        ),
        (
            r#"Set-MalwareFilterRule "Contoso Malware" -SentTo bob@contoso.com -Priority 0"#,
            0,
            "",
        ),
        ("Get-MalwareFilterRule | Enable-MalwareFilterRule", 0, ""),
        (
            "Get-MalwareFilterRule | Format-Table Name,State,SentTo",
            0,
            "Enabled",
        ),
        (
            r#"Disable-MalwareFilterRule -Identity "Contoso Malware""#,
            0,
            "",
        ),
        (
            r#"Remove-MalwareFilterRule -Identity "Contoso Malware" -Confirm:$false"#,
            0,
            "",
        ),
        (
            r#"Set-MalwareFilterPolicy -Identity "Contoso Malware" -FileTypes @{Add="js"}"#,
            0,
            "",
        ),
        (
            "Get-MalwareFilterPolicy | Format-Table Name",
            0,
            "Contoso Malware",
        ),
        (
            r#"Remove-MalwareFilterPolicy -Identity "Contoso Malware" -Confirm:$false"#,
            0,
            "",
        ),
        ("Get-QuarantineMessage -QuarantineTypes Spam", 0, ""),
        (
            "Get-QuarantineMessage | Release-QuarantineMessage -ReleaseToAll",
            0,
            "",
        ),
        ("Get-QuarantineMessage | Preview-QuarantineMessage", 0, ""),
        (
            "Get-QuarantineMessage | Delete-QuarantineMessage -Confirm:$false",
            0,
            "",
        ),
        (
            r#"New-TenantAllowBlockListItems -ListType Sender -Block -Entries "test@badattackerdomain.com","test2@anotherattackerdomain.com""#,
            0,
            "test2@anotherattackerdomain.com",
        ),
        (
            "Get-TenantAllowBlockListItems -ListType Sender -Block",
            0,
            "test@badattackerdomain.com",
        ),
        (
            r#"Set-TenantAllowBlockListItems -ListType Sender -Entries "test@badattackerdomain.com" -NoExpiration"#,
            0,
            "",
        ),
        (
            "Get-TenantAllowBlockListItems -ListType Sender | Remove-TenantAllowBlockListItems",
            0,
            "",
        ),
        ("Train-SpamFilter -Spam spam -Ham ham", 0, ""),
        ("Get-SpamFilterStatistics | Format-List", 0, ""),
        (
            r#"New-TransportRule -Name "Block exe" -AttachmentExtensionMatchesWords exe -RejectMessageReasonText "No executables""#,
            0,
            "",
        ),
        (
            r#"Set-TransportRule -Identity "Block exe" -Priority 0"#,
            0,
            "",
        ),
        (r#"Disable-TransportRule -Identity "Block exe""#, 0, ""),
        (r#"Enable-TransportRule -Identity "Block exe""#, 0, ""),
        (
            "Get-TransportRule | Format-List Name,Enabled",
            0,
            "Enabled : True",
        ),
        (
            r#"Remove-TransportRule -Identity "Block exe" -Confirm:$false"#,
            0,
            "",
        ),
        (
            "Get-StateHistory | Select-Object -First 3 | Measure-Object",
            0,
            "Count : 3",
        ),
        ("Compare-State -Revision 2", 0, ""),
        (
            "Test-MessageRoute -Sender someone@fabrikam.com -Recipients ed@contoso.com -ClientIP 203.0.113.9",
            0,
            "",
        ),
        (
            "Set-OrganizationConfig -ServiceHostNames mx.contoso.com -ServiceIPAddresses 203.0.113.25",
            0,
            "",
        ),
        (
            "Get-OrganizationConfig | Format-List ServiceHostNames",
            0,
            "mx.contoso.com",
        ),
        ("Get-DnsGuidance -DomainName contoso.com", 0, ""),
        // Nothing is published in the test's DNS: every check fails.
        (
            "Test-DnsRecords -DomainName contoso.com -DnsServer {dns}",
            1,
            "",
        ),
        ("Test-Configuration -ErrorAction SilentlyContinue", 0, ""),
        // No relay runs: the message is not delivered, the test says so.
        ("Test-MailFlow -Timeout 1", 1, ""),
        (
            "Get-MessageTrace -SenderAddress someone@fabrikam.com",
            0,
            "",
        ),
        (
            "Get-MessageTraceDetail -MessageTraceId 00000000-0000-0000-0000-000000000000 -RecipientAddress ed@contoso.com",
            3,
            "",
        ),
        (
            r#"Remove-InboundConnector -Identity "From on-premises" -Confirm:$false"#,
            0,
            "",
        ),
        (
            "Get-OutboundConnector | Remove-OutboundConnector -Confirm:$false",
            0,
            "",
        ),
        (
            r#"Remove-ReceiveConnector "Internet" -Confirm:$false"#,
            0,
            "",
        ),
        ("Get-Queue | Get-QueueMessage", 0, ""),
        ("Get-Message -Queue contoso.com", 0, ""),
        // The queue's own cmdlets ask the running relay, and there is none.
        ("Retry-Queue -Identity contoso.com", 7, ""),
        ("Suspend-Message -Identity 1", 7, ""),
        ("Resume-Message -Identity 1", 7, ""),
        ("Remove-Message -Identity 1 -WithNDR $false", 7, ""),
        ("Restore-State -Revision 2 -Confirm:$false", 0, ""),
        (
            "Start-HybridWizard -Scenario Standalone -DomainName fabrikam.com -OnPremisesSmartHost mail.fabrikam.com -OnPremisesIPAddresses 192.0.2.20 -Confirm:$false",
            0,
            "",
        ),
    ];
    lines
        .iter()
        .map(|(l, code, out)| (l.replace("{dns}", &dns.addr.to_string()), *code, *out))
        .collect()
}

/// The cmdlets `eopctl help` lists.
fn cmdlets() -> Vec<String> {
    let help = std::process::Command::new(bin())
        .arg("help")
        .output()
        .unwrap();
    String::from_utf8_lossy(&help.stdout)
        .lines()
        .skip_while(|l| !l.starts_with("Commands:"))
        .skip(1)
        .take_while(|l| !l.is_empty())
        .filter(|l| l.starts_with("  ") && l.chars().nth(2).is_some_and(|c| c.is_ascii_lowercase()))
        .map(|l| l.split_whitespace().next().unwrap().to_string())
        .collect()
}

#[test]
fn every_cmdlet_runs_as_the_reference_pages_write_it() {
    let org = Org::new();
    let dns = Dns::start(Zone::default());
    std::fs::write(
        org.path().join("users.csv"),
        "Name,PrimarySmtpAddress,ExternalEmailAddress\nbob,bob@contoso.com,bob@mail.contoso.com\n",
    )
    .unwrap();
    for dir in ["spam", "ham"] {
        std::fs::create_dir(org.path().join(dir)).unwrap();
    }
    let lines = one_liners(&dns);
    for (line, code, out) in &lines {
        let run = org.run(&["-Command", line]);
        assert_eq!(
            run.code, *code,
            "{line}\nstdout: {}\nstderr: {}",
            run.stdout, run.stderr
        );
        assert!(
            run.stdout.contains(out),
            "{line}: {out:?} not in\n{}",
            run.stdout
        );
    }
    // The lines name every cmdlet but serve (the relay, which runs until stopped: the
    // relay tests start it).
    let named: Vec<String> = lines
        .iter()
        .flat_map(|(l, ..)| {
            l.split('|')
                .map(|s| {
                    s.split_whitespace()
                        .next()
                        .unwrap_or("")
                        .to_ascii_lowercase()
                })
                .collect::<Vec<_>>()
        })
        .collect();
    let missing: Vec<String> = cmdlets()
        .into_iter()
        .filter(|c| c != "serve" && !named.contains(c))
        .collect();
    assert!(missing.is_empty(), "no line runs {missing:?}");
}

#[test]
fn a_file_and_standard_input_run_as_scripts_and_stop_at_the_first_error() {
    let org = Org::new();
    let script = "# the domain first\n$domain = 'contoso.com'\nNew-AcceptedDomain -Name $domain `\n  -DomainName $domain -DomainType Authoritative | Out-Null\n<# a block\n comment #>\nNew-MailUser -Name ann -PrimarySmtpAddress \"ann@$domain\" | Out-Null; New-MailUser -Name ann -PrimarySmtpAddress ann2@contoso.com\nNew-MailUser -Name bob -PrimarySmtpAddress bob@contoso.com\n";
    std::fs::write(org.path().join("setup.ps1"), script).unwrap();
    let run = org.run(&["-File", "setup.ps1"]).fails(6);
    // The error names the file and the line; the line after it never ran.
    assert!(
        run.stderr.contains("setup.ps1:7: New-MailUser:"),
        "{}",
        run.stderr
    );
    let users = org.run(&["Get-MailUser", "-o", "json"]).ok().json();
    assert_eq!(users.as_array().unwrap().len(), 1, "{users}");

    // The same on standard input, with -ErrorAction Continue on the failing line: bob too.
    let org = Org::new();
    let script = script.replace("ann2@contoso.com", "ann2@contoso.com -ErrorAction Continue");
    let run = org.run_with_input(&[], &script);
    assert_eq!(run.code, 6, "{}", run.stderr);
    assert!(run.stderr.contains("standard input:7:"), "{}", run.stderr);
    let users = org.run(&["Get-MailUser", "-o", "json"]).ok().json();
    assert_eq!(users.as_array().unwrap().len(), 2, "{users}");
    // And with -File -.
    let org = Org::new();
    org.run_with_input(
        &["-File", "-"],
        "New-AcceptedDomain contoso.com -DomainName contoso.com -DomainType Authoritative",
    )
    .ok();
    assert!(org.state_text().contains("DomainName: contoso.com"));
}

#[test]
fn what_a_script_cannot_do_is_named() {
    let org = Org::new();
    for (line, says) in [
        (
            "Get-AcceptedDomain | ForEach-Object { $_ }",
            "'ForEach-Object' is neither an eopctl cmdlet",
        ),
        ("Get-AcceptedDomain > domains.txt", "'>' is not supported"),
        (
            "Get-AcceptedDomain | Where-Object { $_.Name -gq 1 }",
            "-gq is not a comparison operator",
        ),
        (
            "Set-AcceptedDomain -Identity $nothing -DomainType Authoritative",
            "$nothing is not set",
        ),
        (
            "New-AcceptedDomain -Name 'open",
            "a single-quoted string is not closed",
        ),
        (
            "New-InboundConnector -Name X -RequireTls",
            "-RequireTls needs a value",
        ),
    ] {
        let run = org.run(&["-Command", line]).fails(2);
        assert!(run.stderr.contains(says), "{line}: {}", run.stderr);
        assert!(run.stderr.contains("help:"), "{line}: {}", run.stderr);
    }
}

/// Each script in tests/scripts/ prints what its .out file holds (`SCRIPTS=overwrite`
/// writes them) and exits with the code its first line gives (`# exit: N`).
#[test]
fn the_script_corpus_prints_what_it_should() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/scripts");
    let mut seen = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "ps1") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        let code: i32 = text
            .lines()
            .next()
            .and_then(|l| l.strip_prefix("# exit: "))
            .and_then(|c| c.trim().parse().ok())
            .unwrap_or_else(|| panic!("{} lacks '# exit: N' on its first line", path.display()));
        let org = Org::new();
        let run = org.run(&["-File", path.to_str().unwrap()]);
        assert_eq!(run.code, code, "{}: {}", path.display(), run.stderr);
        let out = path.with_extension("out");
        if std::env::var("SCRIPTS").is_ok_and(|v| v == "overwrite") {
            std::fs::write(&out, &run.stdout).unwrap();
        }
        let want = std::fs::read_to_string(&out).unwrap_or_else(|_| {
            panic!("{} is missing (SCRIPTS=overwrite writes it)", out.display())
        });
        assert_eq!(run.stdout, want, "{}", path.display());
        seen += 1;
    }
    assert!(seen >= 3, "{seen} scripts");
}

#[test]
fn result_size_server_and_domain_controller_work_as_exchange_has_them() {
    let org = Org::with_domains();
    for n in 1..=3 {
        org.run(&[
            "New-MailUser",
            "-Name",
            &format!("u{n}"),
            "-PrimarySmtpAddress",
            &format!("u{n}@contoso.com"),
        ])
        .ok();
    }
    let two = org
        .run(&["Get-MailUser", "-ResultSize", "2", "-o", "json"])
        .ok()
        .json();
    assert_eq!(two.as_array().unwrap().len(), 2);
    let all = org
        .run(&[
            "-Command",
            "Get-MailUser -ResultSize Unlimited | Measure-Object",
        ])
        .ok();
    assert!(all.stdout.contains("Count : 3"), "{}", all.stdout);
    org.run(&["Get-MailUser", "-ResultSize", "all"])
        .fails(2)
        .stderr_has("help:");
    // Only Get-* cmdlets have it.
    org.run(&["Remove-MailUser", "u1", "-ResultSize", "1"])
        .fails(2);
    // One server: the parameter is accepted, and the note says another is not asked.
    org.run(&["Get-MailUser", "-Server", "ex01.contoso.com"])
        .ok()
        .stderr_has("-Server ex01.contoso.com is ignored: eopctl manages this host");
    org.run(&["-Command", "Get-AcceptedDomain -DomainController:localhost"])
        .ok()
        .stderr_has("is ignored: eopctl is one server");
}
