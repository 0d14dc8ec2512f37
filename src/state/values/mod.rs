//! Exchange's value formats, parsed once and kept in their canonical text form.
//!
//! Every type here parses from the text an admin types (or a YAML scalar) and prints back
//! the form Exchange prints, so the state file stays readable and a round trip is lossless.
//! They deserialize through `FromStr`, which is what gives a hand-edited file an error with
//! its line and column.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

mod error;
mod host;
mod ip;
mod names;
mod quantity;

pub use error::ValueError;
pub use host::{Binding, Host, SmartHost};
pub use ip::{IpRange, canonical_ip};
pub use names::{DomainPattern, Fqdn, SmtpAddress};
pub use quantity::{ByteSize, TimeSpan};

/// Implements serde through `Display`/`FromStr`, so files hold the canonical text.
macro_rules! text_serde {
    ($($t:ty),*) => {$(
        impl Serialize for $t {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.collect_str(self)
            }
        }
        impl<'de> Deserialize<'de> for $t {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let text = String::deserialize(d)?;
                text.parse().map_err(serde::de::Error::custom)
            }
        }
    )*};
}

text_serde!(
    IpRange,
    Fqdn,
    DomainPattern,
    SmtpAddress,
    SmartHost,
    Binding,
    ByteSize,
    TimeSpan
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ip_ranges_parse_and_match() {
        let r: IpRange = "10.0.0.1-10.0.0.50".parse().unwrap();
        assert!(r.contains("10.0.0.50".parse().unwrap()));
        assert!(!r.contains("10.0.0.51".parse().unwrap()));
        let c: IpRange = "5.6.7.0/24".parse().unwrap();
        assert!(c.contains("5.6.7.255".parse().unwrap()));
        assert!(c.contains("::ffff:5.6.7.1".parse().unwrap()));
        assert!(!c.contains("5.6.8.0".parse().unwrap()));
        let v6: IpRange = "2001:db8::/32".parse().unwrap();
        assert!(v6.contains("2001:db8:1::1".parse().unwrap()));
        assert!(v6.overlaps(&"2001:db8:ffff::1".parse().unwrap()));
        assert!(!v6.overlaps(&c));
        assert!("1.2.3".parse::<IpRange>().is_err());
        assert!("1.2.3.4/33".parse::<IpRange>().is_err());
        assert!("10.0.0.9-10.0.0.1".parse::<IpRange>().is_err());
        assert!("10.0.0.1-::1".parse::<IpRange>().is_err());
        assert_eq!("0.0.0.0/0".parse::<IpRange>().unwrap().size(), 1 << 32);
        // Every IPv6 address, without overflowing (it once held only `::`).
        let all6: IpRange = "::/0".parse().unwrap();
        assert!(all6.contains("2001:db8::1".parse().unwrap()));
        assert_eq!(all6.size(), u128::MAX);
    }

    #[test]
    fn domains_and_patterns() {
        assert_eq!(
            "Contoso.COM.".parse::<Fqdn>().unwrap().as_str(),
            "contoso.com"
        );
        assert!("bad..com".parse::<Fqdn>().is_err());
        assert!("-x.com".parse::<Fqdn>().is_err());
        assert!("a b.com".parse::<Fqdn>().is_err());
        let p: DomainPattern = "*.contoso.com".parse().unwrap();
        assert!(p.matches("sales.contoso.com"));
        assert!(!p.matches("contoso.com"));
        assert!(!p.matches("xcontoso.com"));
        assert!("con*.com".parse::<DomainPattern>().is_err());
    }

    #[test]
    fn smtp_addresses() {
        let a: SmtpAddress = "John.Doe@Contoso.com".parse().unwrap();
        assert_eq!(a.to_string(), "John.Doe@contoso.com");
        assert_eq!(a.key(), "john.doe@contoso.com");
        for bad in [
            "nobody",
            "a..b@x.com",
            "@x.com",
            "a@",
            "a b@x.com",
            "\"a@b\"@x.com",
        ] {
            assert!(bad.parse::<SmtpAddress>().is_err(), "{bad}");
        }
    }

    #[test]
    fn smart_hosts() {
        assert_eq!(
            "mail.contoso.com".parse::<SmartHost>().unwrap().to_string(),
            "mail.contoso.com"
        );
        assert_eq!(
            "127.0.0.1:2526".parse::<SmartHost>().unwrap().port,
            Some(2526)
        );
        assert_eq!(
            "[::1]:25".parse::<SmartHost>().unwrap().to_string(),
            "[::1]:25"
        );
        // Postfix's form, as operators write relayhost.
        assert_eq!(
            "[127.0.0.1]:2600".parse::<SmartHost>().unwrap().to_string(),
            "127.0.0.1:2600"
        );
        assert_eq!(
            "[mail.contoso.com]"
                .parse::<SmartHost>()
                .unwrap()
                .to_string(),
            "mail.contoso.com"
        );
        assert!("[mail.contoso.com".parse::<SmartHost>().is_err());
        assert_eq!("::1".parse::<SmartHost>().unwrap().to_string(), "[::1]");
        assert!("mail.contoso.com:0".parse::<SmartHost>().is_err());
        assert!("mail contoso".parse::<SmartHost>().is_err());
    }

    #[test]
    fn sizes_in_exchange_format() {
        assert_eq!("25MB".parse::<ByteSize>().unwrap(), ByteSize::mb(25));
        assert_eq!("25 mb".parse::<ByteSize>().unwrap(), ByteSize::mb(25));
        assert_eq!(
            "36 MB (37,748,736 bytes)".parse::<ByteSize>().unwrap(),
            ByteSize::Bytes(37_748_736)
        );
        assert_eq!(ByteSize::mb(36).to_string(), "36 MB (37,748,736 bytes)");
        assert_eq!(ByteSize::Bytes(1536).to_string(), "1.5 KB (1,536 bytes)");
        assert_eq!(
            "unlimited".parse::<ByteSize>().unwrap(),
            ByteSize::Unlimited
        );
        assert_eq!("1024".parse::<ByteSize>().unwrap(), ByteSize::Bytes(1024));
        assert!("25 parsecs".parse::<ByteSize>().is_err());
        for s in [
            ByteSize::mb(10),
            ByteSize::Bytes(7),
            ByteSize::Bytes(123_456_789),
        ] {
            assert_eq!(s.to_string().parse::<ByteSize>().unwrap(), s);
        }
    }

    #[test]
    fn time_spans() {
        assert_eq!("00:01:00".parse::<TimeSpan>().unwrap().seconds(), 60);
        assert_eq!(
            "1.02:00:00".parse::<TimeSpan>().unwrap().to_string(),
            "1.02:00:00"
        );
        assert!("00:61:00".parse::<TimeSpan>().is_err());
        assert!("60".parse::<TimeSpan>().is_err());
    }

    #[test]
    fn bindings_overlap() {
        let any: Binding = "0.0.0.0:25".parse().unwrap();
        let lo: Binding = "127.0.0.1:25".parse().unwrap();
        let v6: Binding = "[::1]:25".parse().unwrap();
        assert!(any.overlaps(&lo));
        assert!(!any.overlaps(&v6));
        assert!(!lo.overlaps(&"127.0.0.1:2525".parse().unwrap()));
    }
}
