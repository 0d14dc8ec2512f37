//! The connector wizards: `New-InboundConnector` or `New-OutboundConnector` typed on a
//! terminal without `-Name` asks for what it needs, in the order of the Exchange admin center's
//! connector wizard (as Microsoft's connector articles walk through it: the direction, how to identify the server, TLS, smart
//! hosts, domains), prints the command line it built so the admin can script it next time,
//! and runs that command line. The wizard only writes arguments: parsing, validation and
//! saving are the cmdlet's own, so a wizard-made connector is exactly a typed one.

use std::io::IsTerminal;
use std::str::FromStr;

use dialoguer::{Confirm, Input, Select};

use crate::error::{Error, Result};
use crate::state::values::{DomainPattern, Fqdn, IpRange, SmartHost};

/// Whether prompts can be shown and answered.
pub fn terminal() -> bool {
    std::io::stdin().is_terminal() && std::io::stderr().is_terminal()
}

/// Arguments being built: the normalised (Unix) form for clap, and the PowerShell form the
/// admin is shown.
pub struct Built {
    args: Vec<String>,
    shown: Vec<String>,
    /// Show the command line in PowerShell's syntax rather than bash's.
    powershell: bool,
}

impl Built {
    fn new(cmdlet: &str) -> Self {
        Built {
            args: Vec::new(),
            shown: vec![cmdlet.to_string()],
            powershell: powershell(),
        }
    }

    fn push(&mut self, param: &str, value: &str) {
        self.args.push(format!("--{}", kebab(param)));
        self.args.push(value.to_string());
        self.shown.push(format!("-{param}"));
        self.shown.push(match self.powershell {
            true => ps_quote(value),
            false => shell_quote(value),
        });
    }

    fn flag(&mut self, param: &str, value: bool) {
        self.push(param, if value { "$true" } else { "$false" });
    }
}

fn kebab(param: &str) -> String {
    let mut out = String::new();
    let chars: Vec<char> = param.chars().collect();
    for (i, c) in chars.iter().enumerate() {
        let boundary = i > 0
            && c.is_ascii_uppercase()
            && (chars[i - 1].is_ascii_lowercase()
                || chars.get(i + 1).is_some_and(|n| n.is_ascii_lowercase()));
        if boundary {
            out.push('-');
        }
        out.push(c.to_ascii_lowercase());
    }
    out
}

/// A value quoted for the shell in use, for a command line the admin may paste.
pub fn quote(v: &str) -> String {
    match powershell() {
        true => ps_quote(v),
        false => shell_quote(v),
    }
}

/// Whether the admin types into PowerShell (which sets PSModulePath for what it runs), so
/// the command line shown is in its syntax rather than bash's.
fn powershell() -> bool {
    std::env::var_os("PSModulePath").is_some()
}

/// Quotes a value for PowerShell: `$true` stays bare (a Boolean there); `*` is quoted,
/// since PowerShell on Unix expands it for native commands as bash does.
fn ps_quote(v: &str) -> String {
    if v == "$true" || v == "$false" {
        return v.to_string();
    }
    if !v.is_empty()
        && v.chars()
            .all(|c| c.is_ascii_alphanumeric() || ".,:-_@/".contains(c))
    {
        v.to_string()
    } else {
        format!("'{}'", v.replace('\'', "''"))
    }
}

fn asked<T>(r: std::result::Result<T, dialoguer::Error>) -> Result<T> {
    r.map_err(|e| Error::failed(format!("the wizard stopped: {e}")))
}

/// The widest a question may be on an 80-column terminal, with its default and the room
/// an answer needs: dialoguer clears one line when a question is answered, so one that
/// wraps leaves its first half behind. What does not fit goes on a line before it.
const LINE_MAX: usize = 78;

/// Checks (in debug builds, so the terminal tests catch it) that `prompt`, followed by
/// ` · ` and `after` (its default, choice or answer), fits a line.
fn fits(prompt: &str, after: &str) {
    let width = prompt.chars().count() + 3 + after.chars().count();
    debug_assert!(
        width <= LINE_MAX,
        "prompt {prompt:?} with {after:?} is {width} columns, more than {LINE_MAX}"
    );
}

/// The room a typed answer needs (a host name with a port, a short address list).
const ANSWER: &str = "mail.fabrikam.com:2525";

pub fn text(prompt: &str, default: Option<&str>) -> Result<String> {
    fits(
        prompt,
        &format!("[{}] {ANSWER}", default.unwrap_or_default()),
    );
    let mut input = Input::<String>::new().with_prompt(prompt);
    if let Some(d) = default {
        input = input.default(d.to_string());
    }
    asked(
        input
            .validate_with(|v: &String| {
                if v.trim().is_empty() {
                    Err("a value is needed")
                } else {
                    Ok(())
                }
            })
            .interact_text(),
    )
    .map(|s| s.trim().to_string())
}

/// A comma-separated list whose items must parse as `T`; asked again until they do.
pub fn list<T: FromStr<Err: std::fmt::Display>>(
    prompt: &str,
    default: Option<&str>,
) -> Result<String> {
    let prompt = format!("{prompt} (comma-separated)");
    fits(
        &prompt,
        &format!("[{}] {ANSWER}", default.unwrap_or_default()),
    );
    let mut input = Input::<String>::new().with_prompt(prompt);
    if let Some(d) = default {
        input = input.default(d.to_string());
    }
    asked(
        input
            .validate_with(|v: &String| -> std::result::Result<(), String> {
                let items: Vec<&str> = v
                    .split(',')
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .collect();
                if items.is_empty() {
                    return Err("give at least one".into());
                }
                for item in items {
                    T::from_str(item).map_err(|e| format!("{item}: {e}"))?;
                }
                Ok(())
            })
            .interact_text(),
    )
    .map(|s| {
        s.split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(",")
    })
}

pub fn choose(prompt: &str, items: &[&str], default: usize) -> Result<usize> {
    fits(
        prompt,
        items
            .iter()
            .max_by_key(|i| i.chars().count())
            .unwrap_or(&""),
    );
    asked(
        Select::new()
            .with_prompt(prompt)
            .items(items)
            .default(default)
            .interact(),
    )
}

fn yes(prompt: &str, default: bool) -> Result<bool> {
    fits(prompt, "[y/n] yes");
    asked(
        // Enter required, as for every other answer: `n<Enter>` must not answer this
        // question with `n` and the next one with Enter.
        Confirm::new()
            .with_prompt(prompt)
            .default(default)
            .wait_for_newline(true)
            .interact(),
    )
}

/// The value given for `--param` in `args`, if any.
fn given<'a>(args: &'a [String], param: &str) -> Option<&'a str> {
    let flag = format!("--{}", kebab(param));
    args.iter()
        .position(|a| *a == flag)
        .and_then(|i| args.get(i + 1))
        .map(String::as_str)
}

/// If `args` (normalised) is a New-*Connector without `--name` typed on a terminal, asks
/// for the rest; returns the completed arguments and the command line to show and record
/// (what was typed, `typed`, followed by the answers).
pub fn complete(args: &[String], typed: &str) -> Result<Option<(Vec<String>, String)>> {
    let Some(at) = args
        .iter()
        .position(|a| a == "new-inboundconnector" || a == "new-outboundconnector")
    else {
        return Ok(None);
    };
    let rest = &args[at + 1..];
    if given(rest, "Name").is_some()
        || rest.iter().any(|a| a == "--help" || a == "-h")
        || !terminal()
    {
        return Ok(None);
    }
    let built = if args[at] == "new-inboundconnector" {
        inbound(rest)?
    } else {
        outbound(rest)?
    };
    let mut out = args[..=at].to_vec();
    out.extend(built.args);
    out.extend(rest.iter().cloned());
    let answers = built.shown[1..].join(" ");
    Ok(Some((out, format!("eopctl {typed} {answers}"))))
}

fn inbound(rest: &[String]) -> Result<Built> {
    let mut b = Built::new("New-InboundConnector");
    eprintln!("New inbound connector: mail into this service from a server you trust.");
    let name = text("Name", None)?;
    b.push("Name", &name);
    let on_premises = match given(rest, "ConnectorType") {
        Some(t) => t.eq_ignore_ascii_case("onpremises"),
        None => {
            let t = choose(
                "From",
                &[
                    "Your organization's email server (OnPremises)",
                    "Partner organization (Partner)",
                ],
                0,
            )? == 0;
            b.push("ConnectorType", if t { "OnPremises" } else { "Partner" });
            t
        }
    };
    if on_premises {
        eprintln!("How should the service identify email from your email server?");
        let by_certificate = choose(
            "Identify it",
            &[
                "By the TLS certificate it presents (recommended)",
                "By its sending IP addresses",
            ],
            0,
        )? == 0;
        if by_certificate {
            eprintln!(
                "Such as mail.contoso.com, or *.contoso.com for the domain and its subdomains:"
            );
            let n = text("Certificate subject or SAN name", None)?;
            DomainPattern::from_str(&n)
                .map_err(|e| Error::usage(format!("-TlsSenderCertificateName: {e}")))?;
            b.push("TlsSenderCertificateName", &n);
            b.flag("RequireTls", true);
            b.flag("RestrictDomainsToCertificate", true);
        } else {
            b.push("SenderIPAddresses", &{
                eprintln!("Addresses (192.0.2.1), CIDR blocks (192.0.2.0/24) or ranges:");
                list::<IpRange>("Sending IP addresses", None)?
            });
            b.flag(
                "RequireTls",
                yes("Require TLS for mail from these servers?", true)?,
            );
        }
        b.flag("CloudServicesMailEnabled", {
            eprintln!("For Exchange 2010 or later on premises:");
            yes("Retain service headers on transmission?", false)?
        });
        if given(rest, "SenderDomains").is_none() {
            b.push(
                "SenderDomains",
                &list::<DomainPattern>("Sender domains", Some("*"))?,
            );
        }
    } else {
        if given(rest, "SenderDomains").is_none() {
            b.push(
                "SenderDomains",
                &list::<DomainPattern>("The partner's sender domains", None)?,
            );
        }
        b.flag(
            "RequireTls",
            yes(
                "Reject mail from these domains that is not sent over TLS?",
                true,
            )?,
        );
        if yes("Accept it only from the partner's IP addresses?", false)? {
            b.push(
                "SenderIPAddresses",
                &list::<IpRange>("Partner's sending IP addresses", None)?,
            );
            b.flag("RestrictDomainsToIPAddresses", true);
        }
    }
    Ok(b)
}

fn outbound(rest: &[String]) -> Result<Built> {
    let mut b = Built::new("New-OutboundConnector");
    eprintln!("New outbound connector: mail from this service to a server you name.");
    let name = text("Name", None)?;
    b.push("Name", &name);
    if given(rest, "ConnectorType").is_none() {
        let on_premises = choose(
            "To",
            &[
                "Your organization's email server (OnPremises)",
                "Partner organization (Partner)",
            ],
            0,
        )? == 0;
        b.push(
            "ConnectorType",
            if on_premises { "OnPremises" } else { "Partner" },
        );
    }
    match choose(
        "Use this connector for",
        &[
            "All accepted domains",
            "Only mail to these domains",
            "Only when a mail flow rule redirects mail to it",
        ],
        0,
    )? {
        0 => b.flag("AllAcceptedDomains", true),
        1 => b.push(
            "RecipientDomains",
            &list::<DomainPattern>("Recipient domains", None)?,
        ),
        _ => b.flag("IsTransportRuleScoped", true),
    }
    if choose(
        "How to route the mail",
        &[
            "Through these smart hosts",
            "By the recipient domain's MX record",
        ],
        0,
    )? == 0
    {
        b.push("SmartHosts", &{
            eprintln!("FQDN or IP address of each, with an optional :port:");
            list::<SmartHost>("Smart hosts", None)?
        });
    } else {
        b.flag("UseMXRecord", true);
    }
    match choose(
        "TLS",
        &[
            "Opportunistic: use TLS when the server offers it",
            "Always, any certificate (EncryptionOnly)",
            "Always, a certificate from a trusted authority (CertificateValidation)",
            "Always, a trusted certificate naming this domain (DomainValidation)",
        ],
        0,
    )? {
        0 => {}
        1 => b.push("TlsSettings", "EncryptionOnly"),
        2 => b.push("TlsSettings", "CertificateValidation"),
        _ => {
            b.push("TlsSettings", "DomainValidation");
            eprintln!(
                "Such as mail.contoso.com, or *.contoso.com for the domain and its subdomains:"
            );
            let d = text("Domain the certificate names", None)?;
            Fqdn::from_str(d.trim_start_matches("*."))
                .map_err(|e| Error::usage(format!("-TlsDomain: {e}")))?;
            b.push("TlsDomain", &d);
        }
    }
    b.flag(
        "CloudServicesMailEnabled",
        yes("Retain service headers on transmission?", false)?,
    );
    Ok(b)
}

/// Quotes an argument for a POSIX shell (the history's record of the command line, and
/// the wizards' line to paste into bash): `$true` and `*` are quoted, so bash neither
/// empties nor expands them.
pub fn shell_quote(arg: &str) -> String {
    if !arg.is_empty()
        && arg
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_./:,=@".contains(c))
    {
        arg.to_string()
    } else {
        format!("'{}'", arg.replace('\'', "'\\''"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parameters_become_flags_and_values_are_quoted() {
        assert_eq!(kebab("SenderIPAddresses"), "sender-ip-addresses");
        assert_eq!(kebab("UseMXRecord"), "use-mx-record");
        assert_eq!(
            kebab("TlsSenderCertificateName"),
            "tls-sender-certificate-name"
        );
        assert_eq!(kebab("IsTransportRuleScoped"), "is-transport-rule-scoped");
        assert_eq!(ps_quote("From on-premises"), "'From on-premises'");
        assert_eq!(ps_quote("10.0.0.1,10.0.0.0/24"), "10.0.0.1,10.0.0.0/24");
        assert_eq!(ps_quote("$true"), "$true");
        assert_eq!(ps_quote("*"), "'*'");
        assert_eq!(super::shell_quote("$false"), "'$false'");
        assert_eq!(super::shell_quote("*"), "'*'");
        for (powershell, line) in [
            (
                true,
                "New-InboundConnector -Name 'From on-prem' -RequireTls $true -SenderDomains '*'",
            ),
            (
                false,
                "New-InboundConnector -Name 'From on-prem' -RequireTls '$true' -SenderDomains '*'",
            ),
        ] {
            let mut b = Built::new("New-InboundConnector");
            b.powershell = powershell;
            b.push("Name", "From on-prem");
            b.flag("RequireTls", true);
            b.push("SenderDomains", "*");
            assert_eq!(
                b.args,
                [
                    "--name",
                    "From on-prem",
                    "--require-tls",
                    "$true",
                    "--sender-domains",
                    "*"
                ]
            );
            assert_eq!(b.shown.join(" "), line);
        }
    }
}
