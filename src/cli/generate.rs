//! Files generated from the command definitions: shell completions, man pages, and the
//! SYNTAX and PARAMETERS sections of the reference pages in cmds/. A test fails when the
//! checked-in copies differ from what this produces; `eopctl generate-all` updates them.

use std::any::TypeId;
use std::fs;
use std::path::{Path, PathBuf};

use clap::{Arg, ArgAction, Args, Command, Subcommand};
use clap_complete::Shell;

use super::names::{display_name, param_name};
use crate::error::{Error, Result};
use crate::output::Output;

#[derive(Subcommand, Debug)]
pub enum Cmd {
    /// Writes completions/, man/ and the generated sections of cmds/ under a directory.
    #[command(name = "generate-all", hide = true)]
    All(Dir),
    /// Writes shell completions (bash, zsh, fish, powershell, elvish).
    #[command(name = "generate-completions", hide = true)]
    Completions(Dir),
    /// Writes man pages.
    #[command(name = "generate-man", hide = true)]
    Man(Dir),
}

#[derive(Args, Debug)]
pub struct Dir {
    /// Where to write [default: completions/, man/ or the repository root].
    #[arg(long)]
    pub dir: Option<PathBuf>,
}

pub fn run(cmd: Cmd) -> Result<Output> {
    let files = match &cmd {
        Cmd::All(d) => all(d.dir.as_deref().unwrap_or(Path::new(".")))?,
        Cmd::Completions(d) => completions(d.dir.as_deref().unwrap_or(Path::new("completions"))),
        Cmd::Man(d) => man_pages(d.dir.as_deref().unwrap_or(Path::new("man")))?,
    };
    for (path, bytes) in &files {
        if let Some(dir) = path.parent() {
            fs::create_dir_all(dir).map_err(|e| Error::io("create", dir, e))?;
        }
        fs::write(path, bytes).map_err(|e| Error::io("write", path, e))?;
    }
    Ok(Output::Text(format!("Wrote {} files.", files.len())))
}

/// Every generated file under `root`, with its contents.
pub fn all(root: &Path) -> Result<Vec<(PathBuf, Vec<u8>)>> {
    let mut files = completions(&root.join("completions"));
    files.extend(man_pages(&root.join("man"))?);
    files.extend(pages(&root.join("cmds"))?);
    Ok(files)
}

fn completions(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let shells = [
        Shell::Bash,
        Shell::Zsh,
        Shell::Fish,
        Shell::PowerShell,
        Shell::Elvish,
    ];
    shells
        .iter()
        .map(|shell| {
            let mut cmd = super::command();
            let mut buf = Vec::new();
            clap_complete::generate(*shell, &mut cmd, "eopctl", &mut buf);
            let name = match shell {
                Shell::Bash => "eopctl.bash",
                Shell::Zsh => "_eopctl",
                Shell::Fish => "eopctl.fish",
                Shell::PowerShell => "_eopctl.ps1",
                _ => "eopctl.elv",
            };
            (dir.join(name), buf)
        })
        .collect()
}

fn man_pages(dir: &Path) -> Result<Vec<(PathBuf, Vec<u8>)>> {
    let root = super::command();
    let render = |cmd: Command| -> Result<Vec<u8>> {
        let mut buf = Vec::new();
        clap_mangen::Man::new(cmd)
            .render(&mut buf)
            .map_err(|e| Error::failed(format!("cannot render a man page: {e}")))?;
        Ok(buf)
    };
    let mut files = vec![(dir.join("eopctl.1"), render(root.clone())?)];
    for sub in root.get_subcommands().filter(|s| !s.is_hide_set()) {
        let name = format!("eopctl-{}", sub.get_name());
        let page = render(
            sub.clone()
                .name(name.clone())
                .bin_name(format!("eopctl {}", sub.get_name())),
        )?;
        let page = match super::pages::page(sub.get_name()) {
            Some(md) => with_examples(page, md),
            None => page,
        };
        files.push((dir.join(format!("{name}.1")), page));
    }
    Ok(files)
}

/// The man page with an EXAMPLES section from the reference page's: each example's
/// commands (not their output, which the reference page shows) and the prose about it.
fn with_examples(man: Vec<u8>, md: &str) -> Vec<u8> {
    let Some(examples) = md
        .split_once("\n## EXAMPLES\n")
        .map(|(_, rest)| rest.split("\n## ").next().unwrap_or_default())
    else {
        return man;
    };
    let mut roff = roff::Roff::new();
    roff.control("SH", ["EXAMPLES"]);
    let mut fenced = false;
    // The paragraph or list item being gathered, and whether it is a list item.
    let mut prose: Vec<String> = Vec::new();
    let mut bullet = false;
    let flush = |prose: &mut Vec<String>, bullet: bool, roff: &mut roff::Roff| {
        if !prose.is_empty() {
            match bullet {
                true => roff.control("IP", ["-", "2"]),
                false => roff.control("PP", []),
            };
            roff.text([roff::roman(prose.join(" "))]);
            prose.clear();
        }
    };
    for line in examples.lines() {
        if line.starts_with("```") {
            flush(&mut prose, bullet, &mut roff);
            fenced = !fenced;
            if fenced {
                roff.control("PP", []).control("nf", []);
            } else {
                roff.control("fi", []);
            }
        } else if fenced {
            if line.starts_with("$ ") || line.starts_with("> ") {
                roff.text([roff::roman(line)]);
            }
        } else if let Some(title) = line.strip_prefix("### ") {
            flush(&mut prose, bullet, &mut roff);
            roff.control("SS", [title]);
        } else if line.trim().is_empty() {
            flush(&mut prose, bullet, &mut roff);
            bullet = false;
        } else if let Some(item) = line.strip_prefix("- ") {
            flush(&mut prose, bullet, &mut roff);
            bullet = true;
            prose.push(super::pages::inline(item));
        } else {
            bullet = bullet && line.starts_with(' ');
            prose.push(super::pages::inline(line.trim()));
        }
    }
    flush(&mut prose, bullet, &mut roff);
    let section = roff.to_roff();
    // After OPTIONS, before VERSION, where man pages keep their examples.
    let man = String::from_utf8_lossy(&man).into_owned();
    let man = match man.find(".SH VERSION") {
        Some(at) => format!("{}{section}{}", &man[..at], &man[at..]),
        None => format!("{man}{section}"),
    };
    man.into_bytes()
}

fn own_args(cmd: &Command) -> impl Iterator<Item = &Arg> {
    cmd.get_arguments().filter(|a| {
        !a.is_global_set() && !a.is_hide_set() && a.get_long().is_some() && a.get_id() != "help"
    })
}

fn type_name(arg: &Arg) -> String {
    let values: Vec<String> = arg
        .get_possible_values()
        .iter()
        .map(|v| v.get_name().to_string())
        .collect();
    if arg
        .get_value_names()
        .is_some_and(|v| v.iter().any(|n| n.as_str() == "BOOL"))
    {
        "Boolean".into()
    } else if !values.is_empty() {
        values.join(" | ")
    } else if matches!(arg.get_action(), ArgAction::Append) {
        "MultiValuedProperty".into()
    } else if [
        TypeId::of::<u16>(),
        TypeId::of::<u32>(),
        TypeId::of::<u64>(),
        TypeId::of::<usize>(),
    ]
    .iter()
    .any(|t| arg.get_value_parser().type_id() == *t)
    {
        "Int32".into()
    } else {
        "String".into()
    }
}

fn is_switch(arg: &Arg) -> bool {
    !arg.get_action().takes_values() || arg.is_require_equals_set()
}

fn syntax(cmd: &Command) -> String {
    let mut line = display_name(cmd);
    for arg in own_args(cmd) {
        let name = param_name(arg);
        let part = if is_switch(arg) {
            format!("-{name}")
        } else {
            format!("-{name} <{}>", type_name(arg))
        };
        line.push(' ');
        line.push_str(&if arg.is_required_set() {
            part
        } else {
            format!("[{part}]")
        });
    }
    line
}

fn parameters(cmd: &Command) -> String {
    let mut out = String::new();
    for arg in own_args(cmd) {
        let help = arg.get_help().map(|h| h.to_string()).unwrap_or_default();
        let kind = if is_switch(arg) {
            "SwitchParameter".to_string()
        } else {
            type_name(arg)
        };
        let default = arg
            .get_default_values()
            .iter()
            .map(|v| v.to_string_lossy().to_string())
            .collect::<Vec<_>>();
        let default = if default.is_empty() {
            "None".to_string()
        } else {
            default.join(", ")
        };
        let position = if ["identity", "name"].contains(&arg.get_id().as_str())
            && own_args(cmd).any(|a| a.get_id() == arg.get_id())
            && (arg.get_id() == "identity" || own_args(cmd).all(|a| a.get_id() != "identity"))
        {
            "0"
        } else {
            "Named"
        };
        out.push_str(&format!(
            "### -{}\n{}\n\n```yaml\nType: {kind}\nRequired: {}\nPosition: {position}\nDefault value: {default}\n```\n\n",
            param_name(arg),
            if help.is_empty() { "(no description)".to_string() } else { help },
            if arg.is_required_set() { "True" } else { "False" },
        ));
    }
    out
}

/// Replaces the body of `## heading` in `page` (up to the next `## `).
fn replace_section(page: &str, heading: &str, body: &str) -> String {
    let marker = format!("\n## {heading}\n");
    let Some(start) = page.find(&marker) else {
        return format!("{}\n## {heading}\n\n{body}", page.trim_end());
    };
    let from = start + marker.len();
    let end = page[from..]
        .find("\n## ")
        .map_or(page.len(), |e| from + e + 1);
    format!("{}\n{}\n\n{}", &page[..from], body.trim(), &page[end..]).replace("\n\n\n", "\n\n")
}

/// The section of Exchange's parameters eopctl lacks, before RELATED LINKS (none when
/// the cmdlet lacks none).
fn gaps_section(page: &str, body: &str) -> String {
    const HEADING: &str = "EXCHANGE PARAMETERS NOT SUPPORTED";
    let marker = format!("\n## {HEADING}\n");
    let page = match page.find(&marker) {
        Some(start) => {
            let from = start + marker.len();
            let end = page[from..].find("\n## ").map_or(page.len(), |e| from + e);
            format!("{}{}", &page[..start], &page[end..])
        }
        None => page.to_string(),
    };
    if body.is_empty() {
        return page;
    }
    match page.find("\n## RELATED LINKS\n") {
        Some(at) => format!("{}\n## {HEADING}\n\n{}{}", &page[..at], body, &page[at..]),
        None => format!("{}\n\n## {HEADING}\n\n{body}", page.trim_end()),
    }
}

/// The cmds/ pages with SYNTAX and PARAMETERS generated; a missing page gets a skeleton
/// whose prose a person writes.
fn pages(dir: &Path) -> Result<Vec<(PathBuf, Vec<u8>)>> {
    let root = super::command();
    let mut files = Vec::new();
    for sub in root.get_subcommands().filter(|s| !s.is_hide_set()) {
        let path = dir.join(format!("{}.md", sub.get_name()));
        let name = display_name(sub);
        let page = fs::read_to_string(&path).unwrap_or_else(|_| {
            format!(
                "---\ntitle: {name}\n---\n\n# {name}\n\n## SYNOPSIS\n{}\n\n## SYNTAX\n\n## DESCRIPTION\n\n## EXAMPLES\n\n## PARAMETERS\n\n## RELATED LINKS\n",
                sub.get_about().map(|a| a.to_string()).unwrap_or_default()
            )
        });
        let page = replace_section(
            &page,
            "SYNTAX",
            &format!("\n```text\n{}\n```\n", syntax(sub)),
        );
        let page = replace_section(
            &page,
            "PARAMETERS",
            &format!("\n{}", parameters(sub).trim_end()),
        );
        let page = gaps_section(&page, &super::unsupported::section(&name));
        files.push((path, page.into_bytes()));
    }
    Ok(files)
}

#[cfg(test)]
mod tests {
    use super::param_name;
    use crate::cmdlets::params::Param;
    use crate::cmdlets::{
        connection_filter, content_filter, content_filter_rule, dkim_signing, inbound_connector,
        mail_user, mailbox, malware_filter, malware_filter_rule, organization_config,
        outbound_connector, outbound_spam, outbound_spam_rule, receive_connector, send_connector,
        smtp_auth_account, transport_rule,
    };

    /// Every parameter of a `params!` table is on the cmdlet under the id the table gives it.
    fn check(root: &clap::Command, cmdlet: &str, params: &[Param]) {
        assert!(!params.is_empty(), "{cmdlet}");
        let cmd = root
            .find_subcommand(cmdlet)
            .unwrap_or_else(|| panic!("{cmdlet} exists"));
        for p in params {
            let arg = cmd
                .get_arguments()
                .find(|a| a.get_id() == p.id)
                .unwrap_or_else(|| panic!("{cmdlet} has {}", p.id));
            assert_eq!(param_name(arg), p.exchange, "{cmdlet}");
        }
    }

    /// A declared parameter is shown (reference pages, suggestions) under the name its
    /// table gives it, on every cmdlet that takes it.
    #[test]
    fn declared_parameters_keep_their_exchange_names() {
        let root = super::super::command();
        let shared: [(&str, &[Param]); 16] = [
            ("inboundconnector", inbound_connector::Params::PARAMS),
            ("outboundconnector", outbound_connector::Params::PARAMS),
            ("receiveconnector", receive_connector::Params::PARAMS),
            ("sendconnector", send_connector::Params::PARAMS),
            ("hostedcontentfilterpolicy", content_filter::Params::PARAMS),
            ("malwarefilterpolicy", malware_filter::Params::PARAMS),
            (
                "hostedcontentfilterrule",
                content_filter_rule::Params::PARAMS,
            ),
            ("malwarefilterrule", malware_filter_rule::Params::PARAMS),
            (
                "hostedoutboundspamfilterpolicy",
                outbound_spam::Params::PARAMS,
            ),
            (
                "hostedoutboundspamfilterrule",
                outbound_spam_rule::Params::PARAMS,
            ),
            ("transportrule", transport_rule::Params::PARAMS),
            ("transportrule", transport_rule::ActionArgs::PARAMS),
            ("mailuser", mail_user::Params::PARAMS),
            ("mailbox", mailbox::Params::PARAMS),
            ("dkimsigningconfig", dkim_signing::Params::PARAMS),
            ("smtpauthaccount", smtp_auth_account::Params::PARAMS),
        ];
        for (noun, params) in shared {
            check(&root, &format!("new-{noun}"), params);
            check(&root, &format!("set-{noun}"), params);
        }
        // There is one of each of these: Set- alone takes the parameters.
        check(
            &root,
            "set-hostedconnectionfilterpolicy",
            connection_filter::Set::PARAMS,
        );
        check(
            &root,
            "set-organizationconfig",
            organization_config::Set::PARAMS,
        );
    }
}
