//! The reference pages of cmds/, built into the binary: `eopctl help X` and `X -?`.

include!(concat!(env!("OUT_DIR"), "/pages.rs"));

/// The page of a cmdlet (any case), if it has one.
pub fn page(cmdlet: &str) -> Option<&'static str> {
    PAGES
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(cmdlet))
        .map(|(_, p)| *p)
}

/// Prints a cmdlet's page; returns the exit code.
pub fn show(cmdlet: &str) -> i32 {
    match page(cmdlet) {
        Some(text) => {
            let body = text
                .strip_prefix("---\n")
                .and_then(|t| t.split_once("\n---\n"))
                .map_or(text, |(_, rest)| rest);
            print!("{}", body.trim_start());
            0
        }
        None => {
            eprintln!(
                "error: there is no cmdlet named '{cmdlet}'\nhelp: `eopctl --help` lists the cmdlets"
            );
            2
        }
    }
}
