//! The script parser (lexer and parser of the PowerShell subset) takes any text without
//! panicking or looping: a script parses or is refused with the line at fault.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Err(e) = eopctl::cli::script::parse::parse(text) {
        assert!(e.line >= 1 && e.line <= text.lines().count().max(1) + 1, "{e:?}");
    }
});
