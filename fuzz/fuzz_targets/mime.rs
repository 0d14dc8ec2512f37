//! The protection stage on arbitrary bytes: the MIME walker (nested messages, zip
//! archives), the anti-spam scorer and the header rewrite never panic, and an EICAR string
//! anywhere in the raw bytes is always found.
#![no_main]

use eopctl::policy::malware::{self, EICAR, Limits, Reason};
use eopctl::policy::protection::{self, Facts};
use eopctl::state::State;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let parsed = malware::parse(data);
    let types: Vec<String> = vec!["exe".into(), "zip".into()];
    let findings = malware::scan(data, parsed.as_ref(), Some(&types), Limits::default());
    if memchr_find(data, EICAR) {
        assert!(findings.iter().any(|f| f.reason == Reason::Eicar), "EICAR missed");
    }
    let state = State::default();
    let rcpts = vec!["a@contoso.com".to_string()];
    let facts = Facts {
        sender: Some("b@x.example"),
        recipients: &rcpts,
        ..Default::default()
    };
    let out = protection::evaluate(&state, data, parsed.as_ref(), &facts);
    for (_, copy) in &out.copies {
        let _ = protection::rewrite(data, copy);
    }
});

fn memchr_find(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}
