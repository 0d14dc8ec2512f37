//! The command line: the root command, the cmdlet table, and the run pipeline
//! (normalise argv → clap → cmdlet → output). `main.rs` alone turns an error into an exit code.

pub mod argv;
pub mod common;
pub mod generate;
pub mod names;
pub mod pages;
pub mod script;
pub mod unsupported;

use std::io::Read;
use std::path::PathBuf;

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};

use crate::cmdlets::common::Context;
use crate::cmdlets::*;
use crate::error::{Error, Result};
use crate::output::{self, Format, Output};
use crate::state::store::Store;
use argv::Request;

/// eopctl: a self-hosted mail protection gateway, configured with Exchange Online
/// Protection's cmdlets. Cmdlet and parameter names work in PowerShell spelling
/// (New-InboundConnector -SenderIPAddresses a,b) and Unix spelling
/// (new-inboundconnector --sender-ip-addresses a --sender-ip-addresses b).
/// PowerShell's own syntax, pipelines included, runs with `eopctl -Command '<line>'`,
/// `eopctl -File setup.ps1` or a script on standard input (docs/scripts.md).
#[derive(Parser, Debug)]
#[command(
    name = "eopctl",
    version,
    disable_help_subcommand = true,
    max_term_width = 100
)]
pub struct Cli {
    /// The state file.
    #[arg(
        long,
        global = true,
        env = "EOPCTL_STATE",
        hide_env_values = true,
        default_value = "eop.yaml",
        value_name = "PATH"
    )]
    pub state: PathBuf,
    /// The relay's data directory [default: the state file's name with .data, beside it].
    #[arg(
        long,
        global = true,
        env = "EOPCTL_DATA",
        hide_env_values = true,
        value_name = "DIR"
    )]
    pub data_dir: Option<PathBuf>,
    /// How to print results [default: table].
    #[arg(
        short = 'o',
        long,
        global = true,
        ignore_case = true,
        value_name = "FORMAT"
    )]
    pub output: Option<Format>,
    /// Take each object of a JSON array (such as `Get-* -o json` prints) as the parameters
    /// of one run of the cmdlet; `-` reads standard input.
    #[arg(long, global = true, value_name = "FILE")]
    pub from_json: Option<PathBuf>,
    #[command(subcommand)]
    pub cmdlet: Cmdlet,
}

#[derive(Subcommand, Debug)]
pub enum Cmdlet {
    #[command(flatten)]
    AcceptedDomain(accepted_domain::Cmd),
    #[command(flatten)]
    Mailbox(mailbox::Cmd),
    #[command(flatten)]
    MailUser(mail_user::Cmd),
    #[command(flatten)]
    InboundConnector(inbound_connector::Cmd),
    #[command(flatten)]
    OutboundConnector(outbound_connector::Cmd),
    #[command(flatten)]
    ConnectorValidation(connector_validation::Cmd),
    #[command(flatten)]
    ReceiveConnector(receive_connector::Cmd),
    #[command(flatten)]
    SendConnector(send_connector::Cmd),
    #[command(flatten)]
    SmtpAuthAccount(smtp_auth_account::Cmd),
    #[command(flatten)]
    Certificate(certificate::Cmd),
    #[command(flatten)]
    DkimSigning(dkim_signing::Cmd),
    #[command(flatten)]
    DirectorySync(directory_sync::Cmd),
    #[command(flatten)]
    ConnectionFilter(connection_filter::Cmd),
    #[command(flatten)]
    ContentFilter(content_filter::Cmd),
    #[command(flatten)]
    ContentFilterRule(content_filter_rule::Cmd),
    #[command(flatten)]
    OutboundSpam(outbound_spam::Cmd),
    #[command(flatten)]
    OutboundSpamRule(outbound_spam_rule::Cmd),
    #[command(flatten)]
    MalwareFilter(malware_filter::Cmd),
    #[command(flatten)]
    MalwareFilterRule(malware_filter_rule::Cmd),
    #[command(flatten)]
    Quarantine(quarantine::Cmd),
    #[command(flatten)]
    QuarantinePolicy(quarantine_policy::Cmd),
    #[command(flatten)]
    SpamFilter(spam_filter::Cmd),
    #[command(flatten)]
    TenantAllowBlockList(tenant_allow_block_list::Cmd),
    #[command(flatten)]
    BlockedSender(blocked_sender::Cmd),
    #[command(flatten)]
    TransportRule(transport_rule::Cmd),
    #[command(flatten)]
    StateHistory(state_history::Cmd),
    #[command(flatten)]
    MailFlow(mail_flow::Cmd),
    #[command(flatten)]
    MailFlowTest(mail_flow_test::Cmd),
    #[command(flatten)]
    Configuration(configuration::Cmd),
    #[command(flatten)]
    OrganizationConfig(organization_config::Cmd),
    #[command(flatten)]
    DnsRecords(dns_records::Cmd),
    #[command(flatten)]
    HybridWizard(hybrid_wizard::Cmd),
    #[command(flatten)]
    MessageTrace(message_trace::Cmd),
    #[command(flatten)]
    Report(report::Cmd),
    #[command(flatten)]
    Queue(queue::Cmd),
    #[command(flatten)]
    Serve(serve::Cmd),
    #[command(flatten)]
    Generate(generate::Cmd),
}

fn dispatch(cmdlet: Cmdlet, ctx: &Context) -> Result<Output> {
    match cmdlet {
        Cmdlet::AcceptedDomain(c) => accepted_domain::run(c, ctx),
        Cmdlet::Mailbox(c) => mailbox::run(c, ctx),
        Cmdlet::MailUser(c) => mail_user::run(c, ctx),
        Cmdlet::InboundConnector(c) => inbound_connector::run(c, ctx),
        Cmdlet::OutboundConnector(c) => outbound_connector::run(c, ctx),
        Cmdlet::ConnectorValidation(c) => connector_validation::run(c, ctx),
        Cmdlet::ReceiveConnector(c) => receive_connector::run(c, ctx),
        Cmdlet::Certificate(c) => certificate::run(c, ctx),
        Cmdlet::SendConnector(c) => send_connector::run(c, ctx),
        Cmdlet::SmtpAuthAccount(c) => smtp_auth_account::run(c, ctx),
        Cmdlet::DkimSigning(c) => dkim_signing::run(c, ctx),
        Cmdlet::DirectorySync(c) => directory_sync::run(c, ctx),
        Cmdlet::ConnectionFilter(c) => connection_filter::run(c, ctx),
        Cmdlet::ContentFilter(c) => content_filter::run(c, ctx),
        Cmdlet::ContentFilterRule(c) => content_filter_rule::run(c, ctx),
        Cmdlet::OutboundSpam(c) => outbound_spam::run(c, ctx),
        Cmdlet::OutboundSpamRule(c) => outbound_spam_rule::run(c, ctx),
        Cmdlet::MalwareFilter(c) => malware_filter::run(c, ctx),
        Cmdlet::MalwareFilterRule(c) => malware_filter_rule::run(c, ctx),
        Cmdlet::Quarantine(c) => quarantine::run(c, ctx),
        Cmdlet::QuarantinePolicy(c) => quarantine_policy::run(c, ctx),
        Cmdlet::SpamFilter(c) => spam_filter::run(c, ctx),
        Cmdlet::TenantAllowBlockList(c) => tenant_allow_block_list::run(c, ctx),
        Cmdlet::BlockedSender(c) => blocked_sender::run(c, ctx),
        Cmdlet::TransportRule(c) => transport_rule::run(c, ctx),
        Cmdlet::StateHistory(c) => state_history::run(c, ctx),
        Cmdlet::MailFlow(c) => mail_flow::run(c, ctx),
        Cmdlet::MailFlowTest(c) => mail_flow_test::run(c, ctx),
        Cmdlet::Configuration(c) => configuration::run(c, ctx),
        Cmdlet::OrganizationConfig(c) => organization_config::run(c, ctx),
        Cmdlet::DnsRecords(c) => dns_records::run(c, ctx),
        Cmdlet::HybridWizard(c) => hybrid_wizard::run(c, ctx),
        Cmdlet::MessageTrace(c) => message_trace::run(c, ctx),
        Cmdlet::Report(c) => report::run(c, ctx),
        Cmdlet::Queue(c) => queue::run(c, ctx),
        Cmdlet::Serve(c) => serve::run(c, ctx),
        Cmdlet::Generate(c) => generate::run(c),
    }
}

/// The root command, built (globals propagated), as the normaliser and generators need it.
pub fn command() -> clap::Command {
    let mut root = Cli::command();
    root.build();
    // serve prints no objects and takes no parameters from JSON: its help (and man page)
    // should not offer -o and --from-json.
    // (In place: mut_arg would move the args and stale the built parser's index.)
    root.mut_subcommand("serve", |serve| {
        serve.mut_args(
            |a| match ["output", "from_json"].contains(&a.get_id().as_str()) {
                true => a.hide(true),
                false => a,
            },
        )
    })
}

/// Runs one command line (without the program name); `main` turns an error into the
/// exit code.
pub fn run(argv: &[String]) -> Result<()> {
    let root = command();
    if let Some((source, globals)) = script::source(argv)? {
        return script::run(&root, source, globals);
    }
    let (argv, common) = &common::take(&root, argv)?;
    let args = match argv::normalize(&root, argv)? {
        Request::Run(args) => args,
        Request::Page(name) => return pages::show(&name),
        Request::Help => {
            let help = root.clone().render_help().to_string();
            output::print(&Output::Text(help.trim_end().to_string()), Format::Table);
            return Ok(());
        }
        Request::Usage => {
            if let Some(text) = script::from_stdin()? {
                return script::run_text(&root, &text, "standard input", argv.to_vec());
            }
            // Asked for nothing: the list of cmdlets, on stderr since no data was asked
            // for, and exit 2 (a usage error) so a script whose command line came out empty
            // does not pass for a success.
            eprint!("{}", root.clone().render_help());
            return Err(Error::usage("").quiet());
        }
    };
    let mut command_line = argv
        .iter()
        .map(|a| crate::cmdlets::wizard::shell_quote(a))
        .collect::<Vec<_>>()
        .join(" ");
    let args = match wizard::complete(&args, &command_line)? {
        Some((completed, line)) => {
            // For scripting next time, and for the history's record.
            eprintln!("{line}");
            command_line = line.trim_start_matches("eopctl ").to_string();
            completed
        }
        None => args,
    };
    match json_source(&args) {
        Some((path, rest)) => from_json(&root, &path, &rest, &command_line, common),
        None => execute(&root, &args, &command_line, common),
    }
}

/// Parses normalised arguments with clap, runs the cmdlet and prints what it returns.
fn execute(
    root: &clap::Command,
    args: &[String],
    command_line: &str,
    common: &common::Common,
) -> Result<()> {
    let (out, format) = execute_quiet(root, args, command_line)?;
    let out = common.apply(out);
    output::emit(&out, format).map_err(|e| {
        let kind = match e {
            output::DocumentError::Chart(_) => crate::error::Kind::Unavailable,
            _ => crate::error::Kind::Usage,
        };
        crate::error::Error::new(kind, e.to_string()).help(e.help())
    })?;
    match out {
        Output::Failing(_, e) => Err(e),
        _ => Ok(()),
    }
}

/// Parses normalised arguments with clap and runs the cmdlet: what it returned (a failed
/// check's error already naming the cmdlet) and the format asked for (`-o`).
fn execute_quiet(
    root: &clap::Command,
    args: &[String],
    command_line: &str,
) -> Result<(Output, Format)> {
    let matches = root
        .clone()
        .try_get_matches_from(std::iter::once("eopctl".to_string()).chain(args.iter().cloned()))
        .map_err(|e| match missing_arguments(root, args, command_line, &e) {
            Some(ours) => ours,
            None => clap_error(e),
        })?;
    let cli = Cli::from_arg_matches(&matches).map_err(clap_error)?;
    let name = matches.subcommand_name().unwrap_or_default();
    let shown = root
        .find_subcommand(name)
        .map(names::display_name)
        .unwrap_or_default();
    let ctx = Context {
        store: Store::new(cli.state.clone(), cli.data_dir.clone()),
        format: cli.output.unwrap_or_default(),
        command_line: command_line.to_string(),
        cmdlet: shown.clone(),
    };
    let out = dispatch(cli.cmdlet, &ctx).map_err(|mut e| {
        // Name the cmdlet, so a script's log says which line failed.
        e.message = format!("{shown}: {}", e.message);
        e
    })?;
    Ok(match out {
        Output::Failing(shown_out, mut e) => {
            e.message = format!("{shown}: {}", e.message);
            (Output::Failing(shown_out, e), ctx.format)
        }
        out => (out, ctx.format),
    })
}

/// Runs one command of a script (`argv` in PowerShell spelling, without the program
/// name) as the command line would, but hands back the objects instead of printing them:
/// the next stage of a pipeline binds to them. Scripts never prompt for what is missing.
pub(crate) fn invoke(root: &clap::Command, argv: &[String]) -> Result<(Output, Format)> {
    let (argv, common) = &common::take(root, argv)?;
    let args = match argv::normalize(root, argv)? {
        Request::Run(args) => args,
        Request::Page(name) => {
            pages::show(&name)?;
            return Ok((Output::Nothing, Format::Table));
        }
        Request::Help | Request::Usage => {
            return Err(Error::usage("a script line named no cmdlet")
                .help("`eopctl help` lists the cmdlets"));
        }
    };
    let command_line = argv
        .iter()
        .map(|a| crate::cmdlets::wizard::shell_quote(a))
        .collect::<Vec<_>>()
        .join(" ");
    let (out, format) = execute_quiet(root, &args, &command_line)?;
    Ok((common.apply(out), format))
}

/// clap's own message (help, version, or a usage error with its suggestions).
fn clap_error(e: clap::Error) -> Error {
    let text = e.render().to_string();
    if !e.use_stderr() {
        print!("{text}");
        return Error::shown();
    }
    let text = text
        .trim_end()
        .strip_prefix("error: ")
        .unwrap_or(text.trim_end())
        .to_string();
    Error::usage(text)
}

/// clap's "required arguments were not provided" in the spelling the user typed
/// (`-ExternalEmailAddress` after `New-MailUser`, `--external-email-address` after
/// `new-mailuser`), with the help line every error has.
fn missing_arguments(
    root: &clap::Command,
    args: &[String],
    typed: &str,
    e: &clap::Error,
) -> Option<Error> {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    if e.kind() != ErrorKind::MissingRequiredArgument {
        return None;
    }
    let sub = args.iter().find_map(|a| root.find_subcommand(a))?;
    let Some(ContextValue::Strings(missing)) = e.get(ContextKind::InvalidArg) else {
        return None;
    };
    let powershell = typed.split_whitespace().any(|w| {
        w.starts_with('-') && !w.starts_with("--") && w.chars().any(|c| c.is_ascii_uppercase())
    }) || typed.chars().next().is_some_and(|c| c.is_ascii_uppercase());
    let names: Vec<String> = missing
        .iter()
        .filter_map(|m| {
            let long = m.trim_start_matches("--").split([' ', '=']).next()?;
            let arg = sub.get_arguments().find(|a| a.get_long() == Some(long))?;
            Some(match powershell {
                true => format!("-{}", names::param_name(arg)),
                false => format!("--{long}"),
            })
        })
        .collect();
    let shown = match powershell {
        true => names::display_name(sub),
        false => sub.get_name().to_string(),
    };
    Some(
        Error::usage(format!("{shown}: missing {}", names.join(", "))).help(format!(
            "give {}; `eopctl help {shown}` shows each parameter",
            names.join(" and ")
        )),
    )
}

/// `--from-json FILE` in the arguments: the file, and the arguments without it.
fn json_source(args: &[String]) -> Option<(PathBuf, Vec<String>)> {
    let at = args
        .iter()
        .position(|a| a == "--from-json" || a.starts_with("--from-json="))?;
    let mut rest = args.to_vec();
    let flag = rest.remove(at);
    let path = match flag.strip_prefix("--from-json=") {
        Some(p) => p.to_string(),
        None if at < rest.len() => rest.remove(at),
        None => String::new(),
    };
    Some((PathBuf::from(path), rest))
}

/// `--from-json`: runs the cmdlet once per JSON object, the object's properties bound to
/// the parameters of the same name (as PowerShell binds piped objects by property name).
fn from_json(
    root: &clap::Command,
    path: &PathBuf,
    args: &[String],
    command_line: &str,
    common: &common::Common,
) -> Result<()> {
    let mut text = String::new();
    let read = if path.as_os_str() == "-" {
        std::io::stdin().read_to_string(&mut text).map(|_| ())
    } else {
        std::fs::read_to_string(path).map(|t| text = t)
    };
    read.map_err(|e| Error::io("read", path, e))?;
    let value: serde_json::Value = serde_json::from_str(&text)
        .map_err(|e| Error::usage(format!("--from-json {}: not JSON: {e}", path.display())))?;
    let objects = match value {
        serde_json::Value::Array(items) => items,
        obj @ serde_json::Value::Object(_) => vec![obj],
        _ => {
            return Err(Error::usage(
                "--from-json: expected an object or an array of objects",
            ));
        }
    };
    let sub = args
        .iter()
        .find_map(|a| root.find_subcommand(a))
        .ok_or_else(|| Error::usage("--from-json needs a cmdlet to run"))?;
    for obj in &objects {
        let mut argv = args.to_vec();
        argv.extend(object_args(sub, obj));
        execute(root, &argv, command_line, common)?;
    }
    Ok(())
}

/// The parameters an object binds to: each property whose name is a parameter of `sub`.
fn object_args(sub: &clap::Command, obj: &serde_json::Value) -> Vec<String> {
    let squash = names::squash;
    let has = |name: &str| sub.get_arguments().any(|a| a.get_long() == Some(name));
    let mut out = Vec::new();
    let Some(map) = obj.as_object() else {
        return out;
    };
    for (key, value) in map {
        // Piped objects bind their Name to -Identity where the cmdlet takes one.
        let key = if key == "Name" && has("identity") && !map.contains_key("Identity") {
            "Identity"
        } else {
            key.as_str()
        };
        let Some(arg) = sub
            .get_arguments()
            .find(|a| a.get_long().is_some_and(|l| squash(l) == squash(key)))
        else {
            continue;
        };
        let long = format!("--{}", arg.get_long().unwrap_or_default());
        let scalar = |v: &serde_json::Value| match v {
            serde_json::Value::String(s) => Some(s.clone()),
            serde_json::Value::Null => None,
            other => Some(other.to_string()),
        };
        match value {
            serde_json::Value::Array(items) => {
                for item in items.iter().filter_map(scalar) {
                    out.push(format!("{long}={item}"));
                }
            }
            v => {
                if let Some(s) = scalar(v) {
                    out.push(format!("{long}={s}"));
                }
            }
        }
    }
    out
}
