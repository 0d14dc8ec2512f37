//! How eopctl names cmdlets and parameters: the Exchange spelling shown to people
//! (`New-InboundConnector`, `-SenderIPAddresses`) and the squashed form names are
//! compared in. Below argv, generate and the script mode, which all need them.

use clap::{Arg, Command};

/// A parameter or property name as eopctl compares them: case, dashes and underscores
/// ignored (`-SenderIPAddresses`, `--sender-ip-addresses` and `sender_ip_addresses` agree).
pub fn squash(name: &str) -> String {
    name.chars()
        .filter(|c| *c != '-' && *c != '_')
        .flat_map(char::to_lowercase)
        .collect()
}

/// The PowerShell name of a cmdlet, kept as its hidden alias.
pub fn display_name(cmd: &Command) -> String {
    cmd.get_all_aliases()
        .next()
        .unwrap_or(cmd.get_name())
        .to_string()
}

/// A parameter's Exchange name: its hidden alias where PascalCase alone would get it wrong
/// (SenderIPAddresses), else the long name in PascalCase.
pub fn param_name(arg: &Arg) -> String {
    if let Some(alias) = arg
        .get_all_aliases()
        .and_then(|a| a.into_iter().find(|x| x.chars().any(char::is_uppercase)))
    {
        return alias.to_string();
    }
    let long = arg.get_long().unwrap_or_default();
    long.split('-')
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_uppercase().chain(c).collect::<String>())
                .unwrap_or_default()
        })
        .collect()
}
