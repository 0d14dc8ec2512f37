//! The PowerShell-to-clap normaliser takes any command line without panicking.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };
    let argv: Vec<String> = s.split('\0').map(str::to_string).collect();
    static ROOT: std::sync::OnceLock<clap::Command> = std::sync::OnceLock::new();
    let root = ROOT.get_or_init(eopctl::cli::command);
    let _ = eopctl::cli::argv::normalize(root, &argv);
});
