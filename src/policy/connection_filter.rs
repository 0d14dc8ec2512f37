//! The connection filter (HostedConnectionFilterPolicy), judged when a client connects:
//!
//! - IPBlockList: the client is refused before the greeting (550 5.7.1), as EOP refuses
//!   blocked sources at connection time.
//! - IPAllowList: the client's mail skips spam filtering (not malware filtering): the
//!   verdict says `allowed`, and the spam scorer honours it.
//! - When an address is on both lists, the most specific entry decides (an allowed host
//!   inside a blocked network is allowed, a blocked host inside an allowed network is
//!   blocked); on a tie the allow list wins.
//! - IPBlockListZones: DNS block lists (RFC 5782). The relay asks them (the query names come
//!   from `dnsbl_query`) and passes the answers in; a listing refuses the client
//!   (IPBlockListZoneAction Reject) or becomes a fact for the spam scorer (Score).
//!
//! Lookups must stay fast with 100,000 entries, so each list is compiled once per state
//! snapshot into an `IpSet`: sorted, disjoint address ranges searched by binary search.

use std::net::{IpAddr, Ipv4Addr};

use serde::Serialize;

use super::decision::{Blame, Client, Origin, Refusal};
use crate::state::model::{HostedConnectionFilterPolicy, ZoneAction};
use crate::state::values::{Fqdn, IpRange, canonical_ip};

/// IPv4 addresses live in the IPv4-mapped block `::ffff:0:0/96`, so one sorted list holds
/// both families.
const V4_MAPPED: u128 = 0xffff << 32;

fn key(ip: IpAddr) -> u128 {
    match canonical_ip(ip) {
        IpAddr::V4(v4) => V4_MAPPED | u128::from(u32::from(v4)),
        IpAddr::V6(v6) => u128::from(v6),
    }
}

fn span(range: &IpRange) -> (u128, u128) {
    let (v6, start, end) = range.bounds();
    if v6 {
        (start, end)
    } else {
        (V4_MAPPED | start, V4_MAPPED | end)
    }
}

/// A list of ranges compiled for lookup: disjoint segments, sorted by start, each naming
/// the most specific (smallest) entry of the list that covers it.
#[derive(Debug, Clone, Default)]
pub struct IpSet {
    starts: Vec<u128>,
    ends: Vec<u128>,
    entry: Vec<u32>,
}

impl IpSet {
    /// Compiles `entries` in O(n log n): a sweep over the range boundaries keeps the
    /// entries covering the current point ordered by size, the smallest labelling the
    /// segment.
    pub fn build(entries: &[IpRange]) -> IpSet {
        use std::collections::BTreeSet;
        let spans: Vec<(u128, u128)> = entries.iter().map(span).collect();
        let mut by_start: Vec<u32> = (0..spans.len() as u32).collect();
        by_start.sort_unstable_by_key(|&i| spans[i as usize].0);
        let mut by_end = by_start.clone();
        by_end.sort_unstable_by_key(|&i| spans[i as usize].1);
        // Every point where the covering set can change: a start, or just past an end.
        let mut points: Vec<u128> = spans
            .iter()
            .flat_map(|&(s, e)| [Some(s), e.checked_add(1)])
            .flatten()
            .collect();
        points.sort_unstable();
        points.dedup();
        let mut set = IpSet::default();
        let mut active: BTreeSet<(u128, u32)> = BTreeSet::new();
        let (mut next_start, mut next_end) = (0, 0);
        for (n, &at) in points.iter().enumerate() {
            while next_end < by_end.len() && spans[by_end[next_end] as usize].1 < at {
                let i = by_end[next_end];
                let (s, e) = spans[i as usize];
                active.remove(&(e - s, i));
                next_end += 1;
            }
            while next_start < by_start.len() && spans[by_start[next_start] as usize].0 <= at {
                let i = by_start[next_start];
                let (s, e) = spans[i as usize];
                active.insert((e - s, i));
                next_start += 1;
            }
            let Some(&(_, best)) = active.first() else {
                continue;
            };
            let end = points.get(n + 1).map_or(u128::MAX, |p| p - 1);
            // Neighbouring segments with the same entry are one.
            if set.entry.last() == Some(&best) && set.ends.last().is_some_and(|e| e + 1 == at) {
                *set.ends.last_mut().expect("non-empty") = end;
            } else {
                set.starts.push(at);
                set.ends.push(end);
                set.entry.push(best);
            }
        }
        set
    }

    /// The index (in the list it was built from) of the most specific entry holding `ip`.
    pub fn lookup(&self, ip: IpAddr) -> Option<usize> {
        let k = key(ip);
        let i = self.starts.partition_point(|&s| s <= k).checked_sub(1)?;
        (k <= self.ends[i]).then(|| self.entry[i] as usize)
    }

    /// How many disjoint segments the list compiled to.
    pub fn segments(&self) -> usize {
        self.starts.len()
    }
}

/// The policy compiled for a state snapshot.
#[derive(Debug, Clone, Default)]
pub struct ConnectionFilter {
    policy: HostedConnectionFilterPolicy,
    allow: IpSet,
    block: IpSet,
}

/// A DNS block list's answer for the client: the A records of its query name (RFC 5782 §2.1).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DnsblAnswer {
    pub zone: String,
    pub addresses: Vec<Ipv4Addr>,
}

/// The client is listed in a DNS block list, with the codes that say why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Listing {
    pub zone: String,
    pub codes: Vec<Ipv4Addr>,
}

/// What the connection filter says about a client: the facts later stages read.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct ConnectionVerdict {
    /// On the IPAllowList: skip spam filtering (never malware filtering).
    pub allowed: bool,
    /// Refused at connect, and why.
    pub blocked: Option<(Refusal, Blame)>,
    /// DNS block list listings kept as facts for the spam scorer (IPBlockListZoneAction
    /// Score, or listings of a client refused anyway).
    pub dnsbl: Vec<Listing>,
    /// Every object that had a say (the allow or block entry that matched, the zones).
    pub blame: Vec<Blame>,
}

fn policy_name(p: &HostedConnectionFilterPolicy) -> String {
    format!("HostedConnectionFilterPolicy \"{}\"", p.name)
}

/// The query name for `ip` in `zone`: reversed octets for IPv4 (`2.0.0.127.zone`),
/// reversed nibbles for IPv6 (RFC 5782 §2.1, §2.4).
pub fn dnsbl_query(ip: IpAddr, zone: &str) -> String {
    let zone = zone.trim_end_matches('.');
    match canonical_ip(ip) {
        IpAddr::V4(v4) => {
            let [a, b, c, d] = v4.octets();
            format!("{d}.{c}.{b}.{a}.{zone}")
        }
        IpAddr::V6(v6) => {
            let mut out = String::with_capacity(64 + zone.len());
            for byte in v6.octets().iter().rev() {
                out.push_str(&format!("{:x}.{:x}.", byte & 0xf, byte >> 4));
            }
            out.push_str(zone);
            out
        }
    }
}

/// Whether an answer is a listing: 127.0.0.0/8 (RFC 5782 §2.1), less 127.255.255.0/24,
/// which lists such as Spamhaus use to say the query itself was refused. Anything else
/// (a resolver that rewrites NXDOMAIN) is not a listing.
fn listing_codes(addresses: &[Ipv4Addr]) -> Vec<Ipv4Addr> {
    addresses
        .iter()
        .copied()
        .filter(|a| a.octets()[0] == 127 && a.octets()[1..3] != [255, 255])
        .collect()
}

impl ConnectionFilter {
    pub fn build(policy: &HostedConnectionFilterPolicy) -> ConnectionFilter {
        ConnectionFilter {
            allow: IpSet::build(&policy.ip_allow_list),
            block: IpSet::build(&policy.ip_block_list),
            policy: policy.clone(),
        }
    }

    /// The allow or block list entry that decides for `ip`: `Ok` allowed, `Err` blocked.
    fn list_match(&self, ip: IpAddr) -> Option<Result<&IpRange, &IpRange>> {
        let allow = self.allow.lookup(ip).map(|i| &self.policy.ip_allow_list[i]);
        let block = self.block.lookup(ip).map(|i| &self.policy.ip_block_list[i]);
        match (allow, block) {
            (Some(a), Some(b)) if b.size() < a.size() => Some(Err(b)),
            (Some(a), _) => Some(Ok(a)),
            (None, Some(b)) => Some(Err(b)),
            (None, None) => None,
        }
    }

    /// The zones to ask about `ip` (the client's address, or the original one enhanced
    /// filtering found). None for clients an InboundConnector identifies (on-premises and
    /// partners are trusted, as in EOP), for allowed and blocked addresses, and for the
    /// relay's own mail.
    pub fn zones_to_query(&self, client: &Client, ip: IpAddr) -> &[Fqdn] {
        if matches!(client.origin, Origin::Local)
            || client.connector.is_some()
            || self.list_match(ip).is_some()
        {
            return &[];
        }
        &self.policy.ip_block_list_zones
    }

    /// The verdict for a client at `ip`, given the DNS block lists' answers.
    pub fn judge(&self, client: &Client, ip: IpAddr, answers: &[DnsblAnswer]) -> ConnectionVerdict {
        let mut v = ConnectionVerdict::default();
        if matches!(client.origin, Origin::Local) {
            return v;
        }
        let name = policy_name(&self.policy);
        match self.list_match(ip) {
            Some(Ok(entry)) => {
                v.allowed = true;
                v.blame.push(Blame::new(
                    &name,
                    format!("{ip} is in IPAllowList ({entry}): spam filtering is skipped"),
                ));
            }
            Some(Err(entry)) => {
                let blame = Blame::new(&name, format!("{ip} is in IPBlockList ({entry})"));
                v.blame.push(blame.clone());
                v.blocked = Some((Refusal::IpBlocked, blame));
            }
            None => {}
        }
        for answer in answers {
            let codes = listing_codes(&answer.addresses);
            if codes.is_empty() {
                continue;
            }
            let listed: Vec<String> = codes.iter().map(ToString::to_string).collect();
            let action = self.policy.ip_block_list_zone_action;
            let blame = Blame::new(
                &name,
                format!(
                    "{ip} is listed in IPBlockListZones {} ({}); IPBlockListZoneAction {action:?}",
                    answer.zone,
                    listed.join(", ")
                ),
            );
            v.blame.push(blame.clone());
            if action == ZoneAction::Reject && v.blocked.is_none() && !v.allowed {
                v.blocked = Some((Refusal::DnsBlocked, blame));
            }
            v.dnsbl.push(Listing {
                zone: answer.zone.clone(),
                codes,
            });
        }
        v
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::policy::connection::identify;

    fn set(entries: &[&str]) -> (Vec<IpRange>, IpSet) {
        let list: Vec<IpRange> = entries.iter().map(|e| e.parse().unwrap()).collect();
        let s = IpSet::build(&list);
        (list, s)
    }

    fn hit(s: &(Vec<IpRange>, IpSet), ip: &str) -> Option<String> {
        s.1.lookup(ip.parse().unwrap()).map(|i| s.0[i].to_string())
    }

    #[test]
    fn addresses_cidr_and_ranges_of_both_families() {
        let s = set(&[
            "192.0.2.7",
            "198.51.100.0/24",
            "203.0.113.10-203.0.113.20",
            "2001:db8::/32",
            "2001:db8:1::5",
            "0.0.0.0/0",
        ]);
        assert_eq!(hit(&s, "192.0.2.7").as_deref(), Some("192.0.2.7"));
        assert_eq!(hit(&s, "::ffff:192.0.2.7").as_deref(), Some("192.0.2.7"));
        assert_eq!(
            hit(&s, "198.51.100.255").as_deref(),
            Some("198.51.100.0/24")
        );
        assert_eq!(
            hit(&s, "203.0.113.20").as_deref(),
            Some("203.0.113.10-203.0.113.20")
        );
        // Outside every narrower entry, the catch-all IPv4 entry holds it; IPv6 is apart.
        assert_eq!(hit(&s, "203.0.113.21").as_deref(), Some("0.0.0.0/0"));
        assert_eq!(hit(&s, "2001:db8:1::5").as_deref(), Some("2001:db8:1::5"));
        assert_eq!(
            hit(&s, "2001:db8:ffff::1").as_deref(),
            Some("2001:db8::/32")
        );
        assert_eq!(hit(&s, "2001:db9::1"), None);
        assert_eq!(hit(&s, "::1"), None);
    }

    #[test]
    fn edges_of_the_address_space() {
        let s = set(&["::/0"]);
        assert!(hit(&s, "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff").is_some());
        assert!(hit(&s, "::").is_some());
        let s = set(&[
            "ffff:ffff:ffff:ffff:ffff:ffff:ffff:fffe/127",
            "255.255.255.255",
        ]);
        assert!(hit(&s, "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff").is_some());
        assert!(hit(&s, "255.255.255.255").is_some());
        assert!(hit(&s, "255.255.255.254").is_none());
        assert_eq!(IpSet::build(&[]).lookup("1.2.3.4".parse().unwrap()), None);
    }

    /// The compiled set agrees with a linear scan for the most specific entry, on
    /// overlapping, nested and adjacent entries.
    #[test]
    fn agrees_with_a_linear_scan() {
        let mut entries = Vec::new();
        let mut x: u32 = 12345;
        let mut next = || {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            x
        };
        for _ in 0..400 {
            let a = next() % 256;
            let b = next() % 256;
            let len = 16 + next() % 17;
            entries.push(format!("10.{a}.{b}.0/{len}").parse::<IpRange>().unwrap());
            let lo = next() % 250;
            entries.push(
                format!("10.{a}.{b}.{lo}-10.{a}.{b}.{}", lo + next() % 5)
                    .parse()
                    .unwrap(),
            );
        }
        let set = IpSet::build(&entries);
        for _ in 0..20_000 {
            let ip: IpAddr = Ipv4Addr::from(0x0a00_0000 | (next() & 0x00ff_ffff)).into();
            let best = entries
                .iter()
                .filter(|e| e.contains(ip))
                .map(|e| e.size())
                .min();
            assert_eq!(set.lookup(ip).map(|i| entries[i].size()), best, "{ip}");
        }
    }

    fn filter(yaml: &str) -> (crate::state::State, ConnectionFilter) {
        let s = crate::state::store::parse(
            &format!("apiVersion: eopctl/v3\n{yaml}"),
            std::path::Path::new("t.yaml"),
        )
        .unwrap();
        let f = ConnectionFilter::build(&s.connection_filter);
        (s, f)
    }

    fn judge(
        s: &crate::state::State,
        f: &ConnectionFilter,
        ip: &str,
        answers: &[DnsblAnswer],
    ) -> ConnectionVerdict {
        let ip: IpAddr = ip.parse().unwrap();
        f.judge(
            &identify(s, Origin::Client(ip), &Default::default()),
            ip,
            answers,
        )
    }

    #[test]
    fn allow_and_block_lists_most_specific_wins() {
        let (s, f) = filter(
            "HostedConnectionFilterPolicy: { Name: Default, IPAllowList: [10.1.2.3, 192.0.2.0/24], IPBlockList: [10.0.0.0/8, 192.0.2.66] }\n",
        );
        let v = judge(&s, &f, "10.9.9.9", &[]);
        assert_eq!(v.blocked.as_ref().unwrap().0, Refusal::IpBlocked);
        assert!(v.blocked.unwrap().1.reason.contains("10.0.0.0/8"));
        let v = judge(&s, &f, "10.1.2.3", &[]);
        assert!(v.allowed && v.blocked.is_none());
        assert!(v.blame[0].reason.contains("IPAllowList (10.1.2.3)"));
        assert!(judge(&s, &f, "192.0.2.66", &[]).blocked.is_some());
        assert!(judge(&s, &f, "192.0.2.67", &[]).allowed);
        assert_eq!(
            judge(&s, &f, "198.51.100.1", &[]),
            ConnectionVerdict::default()
        );
    }

    #[test]
    fn dnsbl_listings_reject_or_score() {
        let yaml = |action: &str| {
            format!(
                "HostedConnectionFilterPolicy: {{ Name: Default, IPBlockListZones: [zen.example], IPBlockListZoneAction: {action}, IPAllowList: [192.0.2.1] }}\nInboundConnectors:\n  - {{ Name: P, ConnectorType: Partner, SenderDomains: [bank.example], SenderIPAddresses: [203.0.113.0/24] }}\n"
            )
        };
        let listed = |zone: &str, a: &str| DnsblAnswer {
            zone: zone.into(),
            addresses: vec![a.parse().unwrap()],
        };
        let (s, f) = filter(&yaml("Reject"));
        let anon = identify(
            &s,
            Origin::Client("198.51.100.7".parse().unwrap()),
            &Default::default(),
        );
        assert_eq!(
            f.zones_to_query(&anon, "198.51.100.7".parse().unwrap())
                .iter()
                .map(|z| z.to_string())
                .collect::<Vec<_>>(),
            ["zen.example"]
        );
        // Allowed addresses and connector-identified (trusted) clients are not asked about.
        assert!(
            f.zones_to_query(&anon, "192.0.2.1".parse().unwrap())
                .is_empty()
        );
        let partner = identify(
            &s,
            Origin::Client("203.0.113.9".parse().unwrap()),
            &Default::default(),
        );
        assert!(
            f.zones_to_query(&partner, "203.0.113.9".parse().unwrap())
                .is_empty()
        );

        let v = judge(
            &s,
            &f,
            "198.51.100.7",
            &[listed("zen.example", "127.0.0.2")],
        );
        let (refusal, blame) = v.blocked.unwrap();
        assert_eq!(refusal, Refusal::DnsBlocked);
        assert!(
            blame.reason.contains("zen.example (127.0.0.2)"),
            "{blame:?}"
        );
        // Not a listing: outside 127/8, or the list's "query refused" codes.
        for a in ["192.0.2.99", "127.255.255.254"] {
            let v = judge(&s, &f, "198.51.100.7", &[listed("zen.example", a)]);
            assert!(v.blocked.is_none() && v.dnsbl.is_empty(), "{a}");
        }
        let (s, f) = filter(&yaml("Score"));
        let v = judge(
            &s,
            &f,
            "198.51.100.7",
            &[listed("zen.example", "127.0.0.4")],
        );
        assert!(v.blocked.is_none());
        assert_eq!(v.dnsbl[0].zone, "zen.example");
        assert_eq!(v.dnsbl[0].codes, ["127.0.0.4".parse::<Ipv4Addr>().unwrap()]);
    }

    #[test]
    fn query_names() {
        assert_eq!(
            dnsbl_query("192.0.2.99".parse().unwrap(), "zen.example."),
            "99.2.0.192.zen.example"
        );
        assert_eq!(
            dnsbl_query("::ffff:192.0.2.99".parse().unwrap(), "zen.example"),
            "99.2.0.192.zen.example"
        );
        // RFC 5782 §2.4's example.
        assert_eq!(
            dnsbl_query(
                "2001:db8:1:2:3:4:567:89ab".parse().unwrap(),
                "ugly.example.com"
            ),
            "b.a.9.8.7.6.5.0.4.0.0.0.3.0.0.0.2.0.0.0.1.0.0.0.8.b.d.0.1.0.0.2.ugly.example.com"
        );
    }
}
