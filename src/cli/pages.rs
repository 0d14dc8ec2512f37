//! The reference pages of cmds/, built into the binary: `eopctl help X` and `X -?`.

use crate::error::{Error, Result};

include!(concat!(env!("OUT_DIR"), "/pages.rs"));

/// The page of a cmdlet (any case), if it has one.
pub fn page(cmdlet: &str) -> Option<&'static str> {
    PAGES
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(cmdlet))
        .map(|(_, p)| *p)
}

/// Prints a cmdlet's page.
pub fn show(cmdlet: &str) -> Result<()> {
    match page(cmdlet) {
        Some(text) => {
            let body = text
                .strip_prefix("---\n")
                .and_then(|t| t.split_once("\n---\n"))
                .map_or(text, |(_, rest)| rest);
            print!("{}", body.trim_start());
            Ok(())
        }
        None => Err(Error::usage(format!("there is no cmdlet named '{cmdlet}'"))
            .help("`eopctl --help` lists the cmdlets")),
    }
}
