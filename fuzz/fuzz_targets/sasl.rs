//! SMTP AUTH's responses on attacker input: PLAIN and LOGIN decoding never panic, and
//! whatever PLAIN accepts is exactly the user and password a client encoded.
#![no_main]

use eopctl::relay::smtp::sasl::{encode_plain, login_field, plain};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let _ = login_field(text);
    if let Ok(c) = plain(text) {
        let again = plain(&encode_plain(&c.user, &c.password)).expect("its own encoding decodes");
        assert_eq!(again, c);
    }
    // The text's halves as a user and a password: encoding then decoding gives them
    // back, or refuses them for what they contain.
    let mid = (0..=text.len() / 2)
        .rev()
        .find(|i| text.is_char_boundary(*i))
        .unwrap_or(0);
    let (user, password) = text.split_at(mid);
    if let Ok(c) = plain(&encode_plain(user, password)) {
        assert_eq!((c.user.as_str(), c.password.as_str()), (user, password));
    }
});
