//! A hand-edited state file is untrusted text: parsing it must never panic, and a state
//! that parses must survive a write and a read unchanged.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let path = std::path::Path::new("eop.yaml");
    if let Ok(state) = eopctl::state::store::parse(text, path) {
        let written = eopctl::state::yaml::to_string(&state).expect("a valid state serializes");
        let back = eopctl::state::store::parse(&written, path).expect("what we write, we read");
        assert_eq!(back, state);
    }
});
