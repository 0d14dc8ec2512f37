//! The parameters Exchange's cmdlets have that eopctl's do not, and why: one table. From
//! it come each cmdlet page's "EXCHANGE PARAMETERS NOT SUPPORTED" section (so `eopctl help
//! <cmdlet>` shows it) and the usage error of a command line that gives such a parameter,
//! so an admin pasting from Microsoft's reference pages learns why rather than guessing.

use crate::cli::names::squash;

/// Why eopctl has no such parameter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Why {
    /// Mailbox contents, holds, quotas, clients: eopctl delivers to a Maildir and stops.
    MailboxServer,
    /// Accounts, organisational units, address books: the state file is eopctl's directory.
    Directory,
    /// Servers, sites and roles: eopctl is one relay on one host.
    OneServer,
    /// SMTP AUTH between servers, credentials and Windows authentication.
    Authentication,
    /// Clients authenticate with passwords only; the failed-logon limits are built in.
    ClientAuthentication,
    /// The relay always behaves as Exchange does by default; the setting is fixed.
    Fixed,
    /// Protocol logs: the relay logs each session and the message trace records each message.
    Logging,
    /// Microsoft 365 workloads (Teams, SharePoint, Outlook on the web) and tenant plumbing.
    Microsoft365,
    /// Another eopctl parameter does this; the text names it.
    Elsewhere(&'static str),
}

impl Why {
    pub fn text(self) -> &'static str {
        match self {
            Why::MailboxServer => {
                "a mailbox-server feature: eopctl delivers hosted mail to a Maildir and keeps no mailbox contents, holds or quotas"
            }
            Why::Directory => {
                "Active Directory: eopctl has no directory besides its state file (no accounts, passwords or organisational units)"
            }
            Why::OneServer => {
                "eopctl runs one relay on one host: there is no server, site or role to choose"
            }
            Why::Authentication => {
                "SMTP authentication to next hops is not implemented: servers are identified by IP address, TLS certificate and connector"
            }
            Why::ClientAuthentication => {
                "clients authenticate with AUTH PLAIN or AUTH LOGIN under TLS (-AuthMechanism BasicAuth): no Kerberos, and the failed-logon limits are built in"
            }
            Why::Fixed => "fixed: the relay always behaves as Exchange does by default",
            Why::Logging => {
                "the relay logs every session (serve --log-format) and the message trace records every message"
            }
            Why::Microsoft365 => {
                "a Microsoft 365 workload or tenant setting with no counterpart in a self-hosted gateway"
            }
            Why::Elsewhere(what) => what,
        }
    }
}

/// Exchange parameters of the cmdlets `cmdlets` names (`*` wildcards allowed) that eopctl
/// lacks, for one reason.
pub struct Gap {
    pub cmdlets: &'static [&'static str],
    pub params: &'static [&'static str],
    pub why: Why,
}

const RECEIVE: &[&str] = &["New-ReceiveConnector", "Set-ReceiveConnector"];
const SEND: &[&str] = &["New-SendConnector", "Set-SendConnector"];

pub const GAPS: &[Gap] = &[
    Gap {
        cmdlets: RECEIVE,
        params: &[
            "BinaryMimeEnabled",
            "ChunkingEnabled",
            "EightBitMimeEnabled",
            "EnhancedStatusCodesEnabled",
            "PipeliningEnabled",
            "SizeEnabled",
            "DeliveryStatusNotificationEnabled",
            "LongAddressesEnabled",
            "OrarEnabled",
            "MaxHeaderSize",
            "MaxHopCount",
            "MaxLocalHopCount",
            "MaxAcknowledgementDelay",
            "MessageRateLimit",
            "MessageRateSource",
            "MaxInboundConnectionPercentagePerSource",
            "TarpitInterval",
            "RejectReservedSecondLevelRecipientDomains",
            "RejectReservedTopLevelRecipientDomains",
            "RejectSingleLabelRecipientDomains",
            "RequireEHLODomain",
            "SuppressXAnonymousTls",
        ],
        why: Why::Fixed,
    },
    Gap {
        cmdlets: RECEIVE,
        params: &[
            "EnableAuthGSSAPI",
            "ExtendedProtectionPolicy",
            "AuthTarpitInterval",
            "MaxLogonFailures",
        ],
        why: Why::ClientAuthentication,
    },
    Gap {
        cmdlets: RECEIVE,
        params: &["AdvertiseClientSettings", "ServiceDiscoveryFqdn"],
        why: Why::MailboxServer,
    },
    Gap {
        cmdlets: RECEIVE,
        params: &["DefaultDomain"],
        why: Why::Directory,
    },
    Gap {
        cmdlets: RECEIVE,
        params: &["TransportRole"],
        why: Why::OneServer,
    },
    Gap {
        cmdlets: &[
            "New-ReceiveConnector",
            "Set-ReceiveConnector",
            "New-SendConnector",
            "Set-SendConnector",
        ],
        params: &["ProtocolLoggingLevel"],
        why: Why::Logging,
    },
    Gap {
        cmdlets: RECEIVE,
        params: &["DomainSecureEnabled", "TlsDomainCapabilities"],
        why: Why::Elsewhere(
            "partners are identified by their certificate on an inbound connector: New-InboundConnector -TlsSenderCertificateName",
        ),
    },
    Gap {
        cmdlets: SEND,
        params: &["AuthenticationCredential", "SmartHostAuthMechanism"],
        why: Why::Authentication,
    },
    Gap {
        cmdlets: SEND,
        params: &[
            "ErrorPolicies",
            "ForceHELO",
            "IgnoreSTARTTLS",
            "FrontendProxyEnabled",
        ],
        why: Why::Fixed,
    },
    Gap {
        cmdlets: SEND,
        params: &[
            "SourceTransportServers",
            "SourceIPAddress",
            "IsScopedConnector",
            "IsCoexistenceConnector",
            "LinkedReceiveConnector",
        ],
        why: Why::OneServer,
    },
    Gap {
        cmdlets: SEND,
        params: &["Port"],
        why: Why::Elsewhere("the port goes with each smart host: -SmartHosts mail.contoso.com:587"),
    },
    Gap {
        cmdlets: SEND,
        params: &["SmtpMaxMessagesPerConnection"],
        why: Why::Elsewhere("-MaxMessagesPerConnection"),
    },
    Gap {
        cmdlets: SEND,
        params: &["DomainSecureEnabled"],
        why: Why::Elsewhere(
            "-RequireTLS $true -TlsAuthLevel DomainValidation -TlsDomain <partner domain>",
        ),
    },
    Gap {
        cmdlets: SEND,
        params: &["ConnectorType"],
        why: Why::Elsewhere("hybrid mail flow to Microsoft 365 is -CloudServicesMailEnabled $true"),
    },
    Gap {
        cmdlets: SEND,
        params: &["UseExternalDNSServersEnabled"],
        why: Why::Elsewhere("the relay asks the DNS server that `eopctl serve --dns` names"),
    },
    Gap {
        cmdlets: SEND,
        params: &["RequireOorg"],
        why: Why::Elsewhere("reserved for Microsoft's internal use"),
    },
    Gap {
        cmdlets: &["New-Mailbox", "Set-Mailbox"],
        params: &[
            "Archive",
            "LitigationHoldEnabled",
            "LitigationHoldDuration",
            "RetentionPolicy",
            "RetainDeletedItemsFor",
            "ProhibitSendQuota",
            "ProhibitSendReceiveQuota",
            "IssueWarningQuota",
            "Database",
            "Shared",
            "Room",
            "Equipment",
            "AuditEnabled",
            "GrantSendOnBehalfTo",
            "HiddenFromAddressListsEnabled",
            "MessageCopyForSentAsEnabled",
        ],
        why: Why::MailboxServer,
    },
    Gap {
        cmdlets: &["New-MailUser", "Set-MailUser"],
        params: &["Password"],
        why: Why::Elsewhere(
            "a MailUser's mailbox is on premises and logs in there; applications that submit mail with SMTP AUTH get New-SmtpAuthAccount",
        ),
    },
    Gap {
        cmdlets: &["New-Mailbox", "New-MailUser", "Set-MailUser"],
        params: &[
            "UserPrincipalName",
            "MicrosoftOnlineServicesID",
            "FirstName",
            "LastName",
            "Initials",
            "OrganizationalUnit",
            "ResetPasswordOnNextLogon",
        ],
        why: Why::Directory,
    },
    Gap {
        cmdlets: &["Set-Mailbox"],
        params: &["ForwardingSmtpAddress", "DeliverToMailboxAndForward"],
        why: Why::Elsewhere(
            "forward with a mail flow rule: New-TransportRule -SentTo <mailbox> -RedirectMessageTo <address>",
        ),
    },
    Gap {
        cmdlets: &["Get-Mailbox", "Get-MailUser"],
        params: &[
            "RecipientTypeDetails",
            "OrganizationalUnit",
            "SoftDeletedMailbox",
            "InactiveMailboxOnly",
            "IncludeInactiveMailbox",
            "Archive",
            "Database",
            "Anr",
            "SortBy",
        ],
        why: Why::Directory,
    },
    Gap {
        cmdlets: &["New-AcceptedDomain", "Set-AcceptedDomain"],
        params: &[
            "AddressBookEnabled",
            "OutboundOnly",
            "PendingRemoval",
            "PendingCompletion",
            "CanHaveCloudCache",
            "EnableNego2Authentication",
            "SendingFromDomainDisabled",
        ],
        why: Why::Microsoft365,
    },
    Gap {
        cmdlets: &["Get-Queue", "Get-QueueMessage"],
        params: &[
            "Include",
            "Exclude",
            "SortOrder",
            "BookmarkIndex",
            "BookmarkObject",
            "IncludeBookmark",
            "ReturnPageInfo",
            "SearchForward",
        ],
        why: Why::Elsewhere("filter with -Filter and limit with -ResultSize"),
    },
    Gap {
        cmdlets: &["Get-QueueMessage"],
        params: &["IncludeRecipientInfo", "IncludeComponentLatencyInfo"],
        why: Why::Elsewhere(
            "the recipients are always shown; latency is in Get-MessageTraceDetail",
        ),
    },
    Gap {
        cmdlets: &["Get-QuarantineMessage"],
        params: &[
            "EntityType",
            "TeamsConversationTypes",
            "RecipientTag",
            "MyItems",
            "Reported",
        ],
        why: Why::Microsoft365,
    },
    Gap {
        cmdlets: &["Get-QuarantineMessage"],
        params: &["PolicyName", "PolicyTypes", "Domain"],
        why: Why::Elsewhere(
            "filter the output: | Where-Object { $_.PolicyName -eq 'X' } in eopctl -Command",
        ),
    },
    Gap {
        cmdlets: &["Test-MailFlow"],
        params: &[
            "TargetMailboxServer",
            "TargetDatabase",
            "AutoDiscoverTargetMailboxServer",
            "ExecutionTimeout",
            "ErrorLatency",
            "MonitoringContext",
            "TargetEmailAddressDisplayName",
            "ActiveDirectoryTimeout",
        ],
        why: Why::MailboxServer,
    },
    Gap {
        cmdlets: &["New-ExchangeCertificate"],
        params: &[
            "IncludeAcceptedDomains",
            "IncludeAutoDiscover",
            "IncludeServerFQDN",
            "IncludeServerNetBIOSName",
        ],
        why: Why::Elsewhere("list every name with -DomainName"),
    },
    Gap {
        cmdlets: &["New-ExchangeCertificate", "Import-ExchangeCertificate"],
        params: &["FriendlyName", "PrivateKeyExportable", "Services"],
        why: Why::Elsewhere(
            "certificates are named by thumbprint and used by -TlsCertificateName; the key stays in the data directory",
        ),
    },
    Gap {
        cmdlets: &["New-ExchangeCertificate"],
        params: &["KeySize", "BinaryEncoded", "SubjectKeyIdentifier"],
        why: Why::Fixed,
    },
    Gap {
        cmdlets: &["Import-ExchangeCertificate"],
        params: &["Password"],
        why: Why::Elsewhere(
            "PFX files are not read: convert one with `openssl pkcs12 -in cert.pfx -nodes` and give the PEM files (-FileName, -KeyPath)",
        ),
    },
    Gap {
        cmdlets: &["Enable-ExchangeCertificate"],
        params: &["DoNotRequireSsl", "NetworkServiceAllowed", "Force"],
        why: Why::MailboxServer,
    },
    Gap {
        cmdlets: &["Get-MailflowStatusReport", "Get-MailTrafficSummaryReport"],
        params: &["ProbeTag", "Domain"],
        why: Why::Microsoft365,
    },
    Gap {
        cmdlets: &["Get-MailTrafficSummaryReport"],
        params: &["DlpPolicy", "TransportRule"],
        why: Why::Elsewhere(
            "no data loss prevention here; a rule's messages are the RuleMessages of Get-MailflowStatusReport, and Get-MessageTraceDetail names the rule",
        ),
    },
];

/// The gaps of the cmdlet `name` (its PowerShell spelling): each parameter with its reason.
pub fn of(name: &str) -> Vec<(&'static str, Why)> {
    GAPS.iter()
        .filter(|g| g.cmdlets.iter().any(|c| crate::cmdlets::wildcard(c, name)))
        .flat_map(|g| g.params.iter().map(move |p| (*p, g.why)))
        .collect()
}

/// Why `param` (any spelling) is not a parameter of `cmdlet`, if the table says.
pub fn why(cmdlet: &str, param: &str) -> Option<(&'static str, Why)> {
    let wanted = squash(param);
    of(cmdlet).into_iter().find(|(p, _)| squash(p) == wanted)
}

/// The page section: the parameters with their reason, a row per reason (empty when the
/// cmdlet lacks none).
pub fn section(name: &str) -> String {
    let rows: Vec<String> = GAPS
        .iter()
        .filter(|g| g.cmdlets.iter().any(|c| crate::cmdlets::wildcard(c, name)))
        .map(|g| {
            let params: Vec<String> = g.params.iter().map(|p| format!("-{p}")).collect();
            format!("| {} | {} |\n", params.join(", "), g.why.text())
        })
        .collect();
    if rows.is_empty() {
        return String::new();
    }
    format!(
        "Exchange's own cmdlet has these parameters too; eopctl refuses them, for these reasons.\n\n| Parameters | Why eopctl has none |\n|---|---|\n{}",
        rows.concat()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The table stays true: each cmdlet it names exists, and none of the parameters it
    /// says eopctl lacks is one eopctl has (the day one is added, its line goes).
    #[test]
    fn every_gap_is_a_real_gap() {
        let root = crate::cli::command();
        let names: Vec<String> = root
            .get_subcommands()
            .map(crate::cli::names::display_name)
            .collect();
        for gap in GAPS {
            for pattern in gap.cmdlets {
                let matched: Vec<&String> = names
                    .iter()
                    .filter(|n| crate::cmdlets::wildcard(pattern, n))
                    .collect();
                assert!(!matched.is_empty(), "{pattern} is no eopctl cmdlet");
                for name in matched {
                    let sub = root
                        .get_subcommands()
                        .find(|s| crate::cli::names::display_name(s) == *name)
                        .unwrap();
                    for p in gap.params {
                        let has = sub.get_arguments().any(|a| {
                            a.get_long().is_some_and(|l| squash(l) == squash(p))
                                || a.get_all_aliases()
                                    .is_some_and(|al| al.iter().any(|x| squash(x) == squash(p)))
                        });
                        assert!(!has, "{name} has -{p}: remove it from the table");
                    }
                }
            }
        }
    }

    #[test]
    fn reasons_are_found_in_any_spelling() {
        let (p, reason) = why("Set-Mailbox", "--litigation-hold-enabled").unwrap();
        assert_eq!(p, "LitigationHoldEnabled");
        assert_eq!(reason, Why::MailboxServer);
        assert!(reason.text().contains("mailbox-server"));
        assert!(why("Set-Mailbox", "DisplayName").is_none());
        assert!(
            section("New-ReceiveConnector")
                .contains("| -EnableAuthGSSAPI, -ExtendedProtectionPolicy,")
        );
    }
}
