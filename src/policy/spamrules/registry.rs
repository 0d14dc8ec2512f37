//! Domain registry boundaries from the rule files (`util_rb_tld`, `util_rb_2tld`,
//! `util_rb_3tld`: the top-level domains and the public second and third levels such as
//! `co.uk`), as SpamAssassin's RegistryBoundaries reads them: a name is a valid domain
//! when it ends in a known top-level domain, and `mail.example.co.uk` belongs to
//! `example.co.uk`. Also WLBLEval's `check_mailfrom_matches_rcvd` (__RP_MATCHES_RCVD),
//! which compares the envelope sender's domain with the relay that handed the message in.

use std::collections::HashSet;

#[derive(Debug, Default)]
pub struct Registry {
    tlds: HashSet<String>,
    two: HashSet<String>,
    three: HashSet<String>,
}

impl Registry {
    /// The words of every `util_rb_tld`, `util_rb_2tld` and `util_rb_3tld` line.
    pub fn new(tlds: &[String], two: &[String], three: &[String]) -> Registry {
        let set = |l: &[String]| l.iter().map(|s| s.to_ascii_lowercase()).collect();
        Registry {
            tlds: set(tlds),
            two: set(two),
            three: set(three),
        }
    }

    /// Ends in a known top-level domain, with at least one dot before it.
    pub fn is_domain_valid(&self, domain: &str) -> bool {
        let d = domain.to_ascii_lowercase();
        !d.contains(char::is_whitespace)
            && d.rsplit_once('.')
                .is_some_and(|(_, tld)| self.tlds.contains(tld))
    }

    /// The registered domain of a host name (`a.b.example.co.uk` -> `example.co.uk`); an
    /// address literal as it is.
    pub fn registered(&self, host: &str) -> String {
        let host = host.to_ascii_lowercase();
        let host = host.trim_matches('.');
        if host.parse::<std::net::IpAddr>().is_ok() {
            return host.to_string();
        }
        let mut labels: Vec<&str> = host.split('.').filter(|l| !l.is_empty()).collect();
        // Strip labels down to the public suffix (a known second or third level, else
        // the top-level domain), then keep the one before it.
        let mut removed = None;
        while labels.len() > 1 {
            let joined = labels.join(".");
            let public = match labels.len() {
                2 => self.two.contains(&joined),
                3 => self.three.contains(&joined),
                _ => false,
            };
            if public {
                break;
            }
            removed = Some(labels.remove(0));
        }
        if let Some(r) = removed {
            labels.insert(0, r);
        }
        labels.join(".")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn registry() -> Registry {
        let s = |l: &[&str]| l.iter().map(|x| x.to_string()).collect::<Vec<_>>();
        Registry::new(&s(&["com", "uk", "net"]), &s(&["co.uk"]), &s(&[]))
    }

    #[test]
    fn registered_domains_and_validity() {
        let r = registry();
        assert_eq!(r.registered("a.b.Example.co.uk."), "example.co.uk");
        assert_eq!(r.registered("mail.example.com"), "example.com");
        assert_eq!(r.registered("192.0.2.1"), "192.0.2.1");
        assert!(r.is_domain_valid("example.com"));
        assert!(!r.is_domain_valid("example.invalidtld"));
        assert!(!r.is_domain_valid("com"));
    }
}
