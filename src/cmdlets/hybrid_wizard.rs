//! Start-HybridWizard: EOP standalone or a hybrid scenario in one revision. EOP standalone protecting
//! on-premises mailboxes ("Protect on-premises mailboxes with Exchange Online Protection", steps 1-6) or the four hybrid scenarios of "Manage mail flow with mailboxes
//! in multiple locations",
//! from a few answers: the domain, the on-premises server, and how the service identifies
//! it. Every prompt has a parameter, so scripts run it without a terminal; on a terminal,
//! what is missing is asked for.

use std::str::FromStr;

use clap::{Args, Subcommand, ValueEnum};
use serde_json::json;

use crate::cmdlets::common::{ChangeArgs, Context};
use crate::cmdlets::wizard;
use crate::dns::guidance;
use crate::error::{Error, Result};
use crate::output::{Output, key, text};
use crate::state::State;
use crate::state::model::{
    AcceptedDomain, Certificate, DomainType, InboundConnector, InboundConnectorType,
    MxRecordPointsTo, OutboundConnector, OutboundConnectorType, ReceiveConnector,
};
use crate::state::values::{DomainPattern, Fqdn, IpRange, SmartHost};

#[derive(Subcommand, Debug)]
pub enum Cmd {
    /// Sets up EOP standalone or one of the hybrid scenarios in one revision: the accepted domain,
    /// the connectors both ways and the organisation's MX setting, then prints the DNS
    /// records to publish.
    #[command(name = "start-hybridwizard", alias = "Start-HybridWizard")]
    Start(Start),
}

/// EOP standalone and the four hybrid scenarios.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
#[value(rename_all = "PascalCase")]
pub enum Scenario {
    /// EOP standalone in front of on-premises mailboxes.
    Standalone,
    /// MX to the service, which filters all mail (hybrid scenario 1).
    Scenario1,
    /// MX to the service, filtering on premises: centralized mail transport (scenario 2).
    Scenario2,
    /// MX to on premises; on premises sends Internet mail itself (scenario 3).
    Scenario3,
    /// MX to on premises, which relays Internet mail through the service (scenario 4).
    Scenario4,
}

// Each short enough to fit an 80-column terminal beside the question (see wizard::fits).
const SCENARIOS: [(Scenario, &str); 5] = [
    (
        Scenario::Standalone,
        "EOP standalone: filters mail for on-premises mailboxes",
    ),
    (
        Scenario::Scenario1,
        "Hybrid 1: MX points here; this service filters all mail",
    ),
    (
        Scenario::Scenario2,
        "Hybrid 2: MX points here; centralized mail transport",
    ),
    (Scenario::Scenario3, "Hybrid 3: MX points to on premises"),
    (
        Scenario::Scenario4,
        "Hybrid 4: MX on premises; it relays Internet mail through here",
    ),
];

#[derive(Args, Debug)]
pub struct Start {
    /// Which setup: Standalone, Scenario1, Scenario2, Scenario3 or Scenario4 (the hybrid scenarios).
    #[arg(long, ignore_case = true)]
    pub scenario: Option<Scenario>,
    /// The organisation's email domain.
    #[arg(long, value_name = "Domain")]
    pub domain_name: Option<String>,
    /// The on-premises server this service delivers to (FQDN or IP, optional :port).
    #[arg(long, value_name = "SmartHost")]
    pub on_premises_smart_host: Option<String>,
    /// The name in the on-premises server's TLS certificate, which identifies it
    /// (recommended by Microsoft).
    #[arg(long, value_name = "Domain")]
    pub on_premises_certificate_name: Option<String>,
    /// The on-premises servers' public IP addresses, to identify them by address instead.
    #[arg(
        long = "on-premises-ip-addresses",
        alias = "OnPremisesIPAddresses",
        value_name = "IPs"
    )]
    pub on_premises_ip_addresses: Option<Vec<String>>,
    #[command(flatten)]
    pub change: ChangeArgs,
}

/// The answers, checked.
struct Answers {
    scenario: Scenario,
    domain: Fqdn,
    smart_host: SmartHost,
    certificate: Option<DomainPattern>,
    ips: Vec<IpRange>,
}

fn usage(param: &str, e: impl std::fmt::Display) -> Error {
    Error::usage(format!("-{param}: {e}"))
}

fn missing(param: &str, example: &str) -> Error {
    Error::usage(format!(
        "-{param} is required when there is no terminal to ask on"
    ))
    .help(format!("give it, such as -{param} {example}"))
}

fn ask(a: Start) -> Result<(Answers, ChangeArgs)> {
    let terminal = wizard::terminal();
    let scenario = match a.scenario {
        Some(s) => s,
        None if terminal => {
            let items: Vec<&str> = SCENARIOS.iter().map(|s| s.1).collect();
            SCENARIOS[wizard::choose("Which setup", &items, 0)?].0
        }
        None => return Err(missing("Scenario", "Scenario1")),
    };
    let domain = match a.domain_name {
        Some(d) => d,
        None if terminal => wizard::text("Your email domain (such as contoso.com)", None)?,
        None => return Err(missing("DomainName", "contoso.com")),
    };
    let domain = Fqdn::from_str(&domain).map_err(|e| usage("DomainName", e))?;
    let smart_host = match a.on_premises_smart_host {
        Some(h) => h,
        None if terminal => {
            eprintln!("Its FQDN or IP address, with an optional :port:");
            wizard::text(
                "Your on-premises email server",
                Some(&format!("mail.{domain}")),
            )?
        }
        None => return Err(missing("OnPremisesSmartHost", &format!("mail.{domain}"))),
    };
    let smart_host =
        SmartHost::from_str(&smart_host).map_err(|e| usage("OnPremisesSmartHost", e))?;
    let (mut certificate, mut ips) = (a.on_premises_certificate_name, a.on_premises_ip_addresses);
    if certificate.is_none() && ips.is_none() {
        if !terminal {
            return Err(Error::usage(
                "-OnPremisesCertificateName or -OnPremisesIPAddresses is required when there is no terminal to ask on",
            )
            .help(format!("identify the on-premises server by its certificate (-OnPremisesCertificateName mail.{domain}, recommended) or its public addresses (-OnPremisesIPAddresses 131.107.21.231)")));
        }
        eprintln!("How should this service identify email from your email server?");
        let by_certificate = wizard::choose(
            "Identify it",
            &[
                "By the TLS certificate it presents (recommended)",
                "By its sending IP addresses",
            ],
            0,
        )? == 0;
        if by_certificate {
            certificate = Some(wizard::text(
                "Certificate subject or SAN name",
                Some(&format!("mail.{domain}")),
            )?);
        } else {
            ips = Some(vec![wizard::list::<IpRange>("Sending IP addresses", None)?]);
        }
    }
    let certificate = certificate
        .map(|c| DomainPattern::from_str(&c).map_err(|e| usage("OnPremisesCertificateName", e)))
        .transpose()?;
    let ips = ips
        .unwrap_or_default()
        .iter()
        .flat_map(|v| v.split(','))
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .map(|v| IpRange::from_str(v).map_err(|e| usage("OnPremisesIPAddresses", e)))
        .collect::<Result<Vec<_>>>()?;
    let answers = Answers {
        scenario,
        domain,
        smart_host,
        certificate,
        ips,
    };
    if terminal {
        // As the connector wizards do: the line that gives the same answers, for a script.
        eprintln!("{}", command_line(&answers));
    }
    Ok((answers, a.change))
}

/// The Start-HybridWizard command line that gives `a` without a question.
fn command_line(a: &Answers) -> String {
    let scenario = a
        .scenario
        .to_possible_value()
        .map(|v| v.get_name().to_string())
        .unwrap_or_default();
    let mut line = format!(
        "eopctl Start-HybridWizard -Scenario {scenario} -DomainName {} -OnPremisesSmartHost {}",
        wizard::quote(a.domain.as_str()),
        wizard::quote(&a.smart_host.to_string())
    );
    if let Some(c) = &a.certificate {
        line.push_str(&format!(
            " -OnPremisesCertificateName {}",
            wizard::quote(&c.to_string())
        ));
    }
    if !a.ips.is_empty() {
        let ips: Vec<String> = a.ips.iter().map(ToString::to_string).collect();
        line.push_str(&format!(
            " -OnPremisesIPAddresses {}",
            wizard::quote(&ips.join(","))
        ));
    }
    line
}

const TO_ON_PREMISES: &str = "To on-premises";
const FROM_ON_PREMISES: &str = "From on-premises";
const FRONTEND: &str = "Default Frontend";
/// Where the wizard's receive connector listens: every address, the SMTP port, as the
/// service's MX (or the on-premises server's smart host) is reached.
const FRONTEND_BINDING: &str = "0.0.0.0:25";

/// Whether the wizard must make the service a certificate: the on-premises server is to be
/// identified by its certificate, which takes TLS, and no receive connector offers STARTTLS.
fn needs_certificate(state: &State, a: &Answers) -> bool {
    a.certificate.is_some()
        && !state
            .receive_connectors
            .iter()
            .any(|r| r.enabled && r.tls_certificate_name.is_some())
}

/// The name the service answers to: the first ServiceHostNames, else this machine's name.
fn service_host_name(state: &State) -> String {
    state
        .organization
        .service_host_names
        .first()
        .map(|n| n.as_str().to_string())
        .unwrap_or_else(super::serve::system_hostname)
}

/// Makes sure the service receives mail: a receive connector on port 25 when none is
/// enabled, and a certificate for STARTTLS when the on-premises server must use TLS.
fn receive(
    state: &mut State,
    certificate: Option<Certificate>,
    done: &mut Vec<serde_json::Value>,
) -> Result<()> {
    let tls_name = certificate
        .as_ref()
        .and_then(|c| c.common_name().map(str::to_string));
    if let Some(c) = certificate {
        done.push(json!({"Object": "ExchangeCertificate", "Name": c.thumbprint, "Action": format!("created: self-signed {}, for STARTTLS (replace it with Import-ExchangeCertificate)", c.subject)}));
        state.certificates.push(c);
    }
    if let Some(r) = state.receive_connectors.iter_mut().find(|r| r.enabled) {
        if let Some(name) = tls_name {
            r.tls_certificate_name = Some(name);
            done.push(json!({"Object": "ReceiveConnector", "Name": r.name, "Action": "TlsCertificateName set: STARTTLS offered, so the on-premises server can present its certificate"}));
        }
        return Ok(());
    }
    if state
        .receive_connectors
        .iter()
        .any(|r| r.name.eq_ignore_ascii_case(FRONTEND))
    {
        return Err(Error::failed(format!("ReceiveConnector \"{FRONTEND}\" exists but is disabled, and the wizard needs a listener"))
            .help(format!("turn it on with `eopctl Enable-ReceiveConnector -Identity \"{FRONTEND}\"`, then run the wizard again")));
    }
    let mut r = ReceiveConnector::new(FRONTEND.into());
    r.bindings = vec![FRONTEND_BINDING.parse().map_err(|e| usage("Bindings", e))?];
    r.tls_certificate_name = tls_name;
    done.push(json!({"Object": "ReceiveConnector", "Name": FRONTEND, "Action": format!("created: listens on {FRONTEND_BINDING} for the Internet and on premises{}", if r.tls_certificate_name.is_some() { ", offers STARTTLS" } else { "" })}));
    state.receive_connectors.push(r);
    Ok(())
}

/// Adds the scenario's objects to `state`; returns what was done, one row per object.
fn build(
    state: &mut State,
    a: &Answers,
    certificate: Option<Certificate>,
) -> Result<Vec<serde_json::Value>> {
    let domain = a.domain.as_str().to_ascii_lowercase();
    let mut done = Vec::new();
    let taken = |kind: &str, name: &str| {
        Error::conflict(format!("{kind} \"{name}\" already exists, and the wizard makes its own"))
            .help(format!("rename or remove it first (Set-{kind} -Identity \"{name}\" -Name ...), or set the scenario up with the cmdlets"))
    };
    // Some mailboxes are on premises in every one of these setups, so unknown recipients go
    // there (InternalRelay) until they are all listed.
    match state.accepted_domain(&domain) {
        Some(d) if d.domain_type == DomainType::InternalRelay => {}
        Some(d) => {
            let name = d.name.clone();
            for d in state.accepted_domains.iter_mut().filter(|d| d.name == name) {
                d.domain_type = DomainType::InternalRelay;
            }
            done.push(json!({"Object": "AcceptedDomain", "Name": name, "Action": "DomainType set to InternalRelay: unknown recipients go on premises"}));
        }
        None => {
            let first = state.accepted_domains.is_empty();
            state.accepted_domains.push(AcceptedDomain {
                name: domain.clone(),
                domain_name: a.domain.clone(),
                domain_type: DomainType::InternalRelay,
                default: first,
                match_sub_domains: false,
            });
            done.push(json!({"Object": "AcceptedDomain", "Name": domain, "Action": "created, InternalRelay: unknown recipients go on premises"}));
        }
    }
    if state
        .outbound_connectors
        .iter()
        .any(|c| c.name.eq_ignore_ascii_case(TO_ON_PREMISES))
    {
        return Err(taken("OutboundConnector", TO_ON_PREMISES));
    }
    let mut out = OutboundConnector::new(TO_ON_PREMISES.into());
    out.connector_type = OutboundConnectorType::OnPremises;
    out.smart_hosts = vec![a.smart_host.clone()];
    out.recipient_domains =
        vec![DomainPattern::from_str(&domain).map_err(|e| usage("DomainName", e))?];
    // Centralized mail transport: Internet-bound mail goes on premises first (scenario 2;
    // and scenario 3, whose diagram sends the hosted mailboxes' mail out on premises).
    let centralized = matches!(a.scenario, Scenario::Scenario2 | Scenario::Scenario3);
    out.route_all_messages_via_on_premises = centralized;
    done.push(json!({"Object": "OutboundConnector", "Name": TO_ON_PREMISES, "Action": match a.scenario {
        Scenario::Scenario2 | Scenario::Scenario3 => format!("created: mail for {domain}, and all Internet mail (RouteAllMessagesViaOnPremises), to {}", a.smart_host),
        _ => format!("created: mail for {domain}'s on-premises recipients to {}", a.smart_host),
    }}));
    state.outbound_connectors.push(out);
    if state
        .inbound_connectors
        .iter()
        .any(|c| c.name.eq_ignore_ascii_case(FROM_ON_PREMISES))
    {
        return Err(taken("InboundConnector", FROM_ON_PREMISES));
    }
    let mut inbound = InboundConnector::new(FROM_ON_PREMISES.into());
    inbound.connector_type = InboundConnectorType::OnPremises;
    inbound.sender_domains = vec![DomainPattern::Any];
    inbound.sender_ip_addresses = a.ips.clone();
    if let Some(c) = &a.certificate {
        inbound.tls_sender_certificate_name = Some(c.clone());
        inbound.require_tls = true;
        inbound.restrict_domains_to_certificate = true;
    }
    // With MX on premises, Internet mail reaches this service through the on-premises
    // server: enhanced filtering looks past it for the original client.
    let mx_on_premises = matches!(a.scenario, Scenario::Scenario3 | Scenario::Scenario4);
    inbound.ef_skip_last_ip = mx_on_premises;
    let how = match &a.certificate {
        Some(c) => format!("identified by its certificate {c}, TLS required"),
        None => format!(
            "identified by {}",
            a.ips
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(", ")
        ),
    };
    done.push(json!({"Object": "InboundConnector", "Name": FROM_ON_PREMISES, "Action": if mx_on_premises {
        format!("created: on premises, {how}, may relay; enhanced filtering skips its hop (EFSkipLastIP)")
    } else {
        format!("created: on premises, {how}, may relay")
    }}));
    state.inbound_connectors.push(inbound);
    state.organization.mx_record_points_to = if mx_on_premises {
        MxRecordPointsTo::OnPremises
    } else {
        MxRecordPointsTo::Service
    };
    done.push(json!({"Object": "OrganizationConfig", "Name": "", "Action": format!("MxRecordPointsTo {:?}", state.organization.mx_record_points_to)}));
    receive(state, certificate, &mut done)?;
    Ok(done)
}

pub fn run(cmd: Cmd, ctx: &Context) -> Result<Output> {
    let Cmd::Start(a) = cmd;
    let (answers, change) = ask(a)?;
    let current = ctx.store.load()?;
    // The certificate's files are written before the change and removed if it fails.
    let certificate = if needs_certificate(&current, &answers) && !change.what_if {
        Some(super::certificate::self_signed_for_host(
            ctx.store.data_dir(),
            &service_host_name(&current),
        )?)
    } else {
        None
    };
    let written = certificate.as_ref().map(|c| {
        let data = ctx.store.data_dir();
        [data.join(&c.certificate_path)]
            .into_iter()
            .chain(c.key_path.as_ref().map(|k| data.join(k)))
            .collect::<Vec<_>>()
    });
    let updated = match ctx
        .store
        .update(&ctx.command_line, change.what_if, |state| {
            build(state, &answers, certificate)
        }) {
        Ok(u) => u,
        Err(e) => {
            for f in written.into_iter().flatten() {
                let _ = std::fs::remove_file(f);
            }
            return Err(e);
        }
    };
    if change.what_if {
        return Ok(super::what_if(&ctx.cmdlet, updated.changes));
    }
    let state = ctx.store.load()?;
    let mut rows = updated.value;
    match guidance::guidance(&state, answers.domain.as_str()) {
        Ok(g) => rows.extend(g.records.iter().map(|r| {
            json!({"Object": format!("DNS {}", r.kind), "Name": r.name, "Action": format!("publish {}", r.value)})
        })),
        Err(e) => rows.push(json!({"Object": "DNS", "Name": answers.domain.as_str(), "Action": format!("{e}: {}, then Get-DnsGuidance -DomainName {}", e.fix(), answers.domain)})),
    }
    Ok(Output::Objects {
        rows,
        columns: const { &[key("Object"), key("Name"), text("Action")] },
    })
}
