//! Every value format an admin can type: parsing never panics, and what parses prints in a
//! form that parses back to the same value.
#![no_main]

use eopctl::state::model::AddressSpace;
use eopctl::state::values::*;
use libfuzzer_sys::fuzz_target;

fn round_trip<T: std::str::FromStr + std::fmt::Display + PartialEq + std::fmt::Debug>(s: &str) {
    if let Ok(v) = s.parse::<T>() {
        let shown = v.to_string();
        let back = shown.parse::<T>().ok();
        assert_eq!(back.as_ref(), Some(&v), "{s:?} printed as {shown:?}");
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };
    round_trip::<IpRange>(s);
    round_trip::<Fqdn>(s);
    round_trip::<DomainPattern>(s);
    round_trip::<SmtpAddress>(s);
    round_trip::<SmartHost>(s);
    round_trip::<Binding>(s);
    round_trip::<ByteSize>(s);
    round_trip::<TimeSpan>(s);
    round_trip::<AddressSpace>(s);
});
