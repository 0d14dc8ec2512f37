//! Any -Filter text an admin can type: parsing never panics, and what parses matches
//! against an object without panicking either.
#![no_main]

use eopctl::cmdlets::opath;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(expr) = opath::parse(s) {
        let obj = serde_json::json!({
            "Identity": "mail.contoso.com", "Status": "Retry", "MessageCount": 12,
            "Recipients": ["a@contoso.com"], "NextRetryTime": "2017-06-13T17:05:00Z",
            "LastError": null,
        });
        expr.matches(&obj);
    }
});
