//! The Tenant Allow/Block List, pure: what its entries are (the value forms EOP accepts
//! for each list type), the live entries compiled for lookup, and what they decide at each
//! stage. The entries live in a database (`crate::tabl`); the relay and Test-MessageRoute
//! hand the live ones in as [`Lists`], with the time.
//!
//! Where each list acts ("Manage allows and blocks in the Tenant Allow/Block List"):
//!
//! | list | stage | block | allow |
//! |---|---|---|---|
//! | IP | connect | refused before the greeting (550 5.7.1) | the connection filter's IPBlockList and DNS block lists do not apply |
//! | Sender | MAIL FROM (envelope) | refused (550 5.7.1) | - |
//! | Sender | after DATA (From, envelope) | quarantined as high confidence phishing | spam filtering skipped; malware filtering never |
//! | Url | after DATA (links in the text) | quarantined as high confidence phishing | not accepted: nothing here filters by URL to override |
//! | FileHash | after DATA (SHA-256 of attachments) | quarantined as malware | the file type filter skips the attachment; malware is still caught |
//!
//! A block entry wins over an allow entry that matches too. EOP marks mail from a blocked
//! sender high confidence phishing and quarantines it; a gateway can say no before the data
//! when the envelope sender is the blocked one, so it does (the From header is only known
//! after DATA, and there EOP's quarantine applies). A sender allow entry skips the content
//! filter policy entirely, its BlockedSenders included, as the connection filter's
//! IPAllowList does.
//!
//! Lookups stay fast with 100,000 entries per list: exact values (addresses, domains,
//! hashes) in hash maps, URL entries under the domain they are anchored at (a link's host
//! is looked up once per label of it), IP entries in the connection filter's sorted ranges.

use std::collections::HashMap;
use std::net::IpAddr;

use serde::{Deserialize, Serialize};

use super::connection_filter::{ConnectionFilter, ConnectionVerdict, DnsblAnswer, IpSet};
use super::decision::{Blame, Client, Origin, Refusal};
use crate::state::values::{Fqdn, IpRange, SmtpAddress, canonical_ip};

mod url;
use url::percent_decode;
pub use url::{Link, UrlPattern, links};

/// Which list an entry is on (-ListType).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, clap::ValueEnum)]
pub enum ListType {
    #[value(name = "Sender")]
    Sender,
    #[value(name = "Url")]
    Url,
    #[value(name = "FileHash")]
    FileHash,
    #[value(name = "IP")]
    #[serde(rename = "IP")]
    Ip,
}

impl ListType {
    pub fn name(self) -> &'static str {
        match self {
            ListType::Sender => "Sender",
            ListType::Url => "Url",
            ListType::FileHash => "FileHash",
            ListType::Ip => "IP",
        }
    }

    pub fn parse(text: &str) -> Option<ListType> {
        [
            ListType::Sender,
            ListType::Url,
            ListType::FileHash,
            ListType::Ip,
        ]
        .into_iter()
        .find(|t| t.name().eq_ignore_ascii_case(text))
    }
}

/// What an entry does (-Allow or -Block).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Action {
    Allow,
    Block,
}

impl Action {
    pub fn name(self) -> &'static str {
        match self {
            Action::Allow => "Allow",
            Action::Block => "Block",
        }
    }

    pub fn parse(text: &str) -> Option<Action> {
        [Action::Allow, Action::Block]
            .into_iter()
            .find(|a| a.name().eq_ignore_ascii_case(text))
    }
}

/// A live entry as the policy sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The Identity Get-TenantAllowBlockListItems shows.
    pub id: String,
    pub list_type: ListType,
    /// The value in its normal form ([`normalize`]).
    pub value: String,
    pub action: Action,
    /// When it stops acting, seconds since the epoch; `None` never.
    pub expires: Option<i64>,
}

impl Entry {
    fn live(&self, now: i64) -> bool {
        self.expires.is_none_or(|e| e > now)
    }

    /// `TenantAllowBlockListItem "<id>": Url block entry *.contoso.com/*: <what>`.
    pub fn blame(&self, what: impl std::fmt::Display) -> Blame {
        Blame::new(
            format!("TenantAllowBlockListItem \"{}\"", self.id),
            format!(
                "{} {} entry {}: {what}",
                self.list_type.name(),
                self.action.name().to_ascii_lowercase(),
                self.value
            ),
        )
    }
}

/// Why a value cannot be an entry. Each says what EOP accepts instead.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EntryError {
    #[error("'{0}' is neither an email address nor a domain ({1})")]
    Sender(String, String),
    #[error(
        "'{0}' is not a SHA256 file hash: 64 hexadecimal digits (Get-FileHash -Algorithm SHA256, sha256sum)"
    )]
    FileHash(String),
    #[error("'{0}' is not an IP address or a CIDR range (2001:db8::/32, 192.0.2.0/24)")]
    Ip(String),
    #[error("'{0}' is not a URL entry: {1}")]
    Url(String, &'static str),
}

/// The longest URL entry EOP takes.
pub const MAX_URL: usize = 250;

/// The normal form of an entry's value, or why it cannot be one. Senders: an address
/// (`ann@fabrikam.com`), a domain (`fabrikam.com`) or a domain with its subdomains
/// (`*.fabrikam.com`). FileHash: SHA-256 in lower-case hex. IP: an address or a CIDR range.
/// Url: see [`UrlPattern::parse`].
pub fn normalize(list: ListType, text: &str) -> Result<String, EntryError> {
    let t = text.trim();
    match list {
        ListType::Sender => {
            let bad = |e: &dyn std::fmt::Display| EntryError::Sender(t.into(), e.to_string());
            if t.contains('@') {
                // Special characters come URL-encoded, as EOP asks (%22 for ").
                let decoded = percent_decode(t);
                let a: SmtpAddress = decoded.parse().map_err(|e| bad(&e))?;
                Ok(a.key())
            } else if let Some(rest) = t.strip_prefix("*.") {
                let d: Fqdn = rest.parse().map_err(|e| bad(&e))?;
                Ok(format!("*.{d}"))
            } else {
                let d: Fqdn = t.parse().map_err(|e| bad(&e))?;
                Ok(d.to_string())
            }
        }
        ListType::FileHash => {
            if t.len() == 64 && t.bytes().all(|b| b.is_ascii_hexdigit()) {
                Ok(t.to_ascii_lowercase())
            } else {
                Err(EntryError::FileHash(t.into()))
            }
        }
        ListType::Ip => {
            let r: IpRange = t.parse().map_err(|_| EntryError::Ip(t.into()))?;
            match r {
                IpRange::Single(ip) => Ok(canonical_ip(ip).to_string()),
                IpRange::Cidr(ip, len) => Ok(format!("{ip}/{len}")),
                // EOP takes single addresses and CIDR ranges only.
                IpRange::Range(..) => Err(EntryError::Ip(t.into())),
            }
        }
        ListType::Url => UrlPattern::parse(t).map(|p| p.to_string()),
    }
}

/// An attachment's SHA-256, for the FileHash list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileDigest {
    pub name: String,
    /// Lower-case hex.
    pub sha256: String,
}

/// The SHA-256 of each attachment's decoded content.
pub fn attachment_digests(message: &mail_parser::Message) -> Vec<FileDigest> {
    use mail_parser::MimeHeaders;
    use sha2::{Digest, Sha256};
    message
        .attachments()
        .map(|a| FileDigest {
            name: a.attachment_name().unwrap_or_default().to_string(),
            sha256: Sha256::digest(a.contents())
                .iter()
                .map(|b| format!("{b:02x}"))
                .collect(),
        })
        .collect()
}

/// The live entries, compiled for lookup.
#[derive(Debug, Default)]
pub struct Lists {
    entries: Vec<Entry>,
    /// Sender addresses and plain domains → entry.
    senders: HashMap<String, u32>,
    /// `*.domain` sender entries, by the domain.
    sender_trees: HashMap<String, u32>,
    /// URL entries by the domain (or address) they are anchored at.
    urls: HashMap<String, Vec<(u32, UrlPattern)>>,
    hashes: HashMap<String, u32>,
    ip_allow: (Vec<u32>, IpSet),
    ip_block: (Vec<u32>, IpSet),
    /// When the next of these entries expires: the compiled lists are stale then.
    next_expiry: Option<i64>,
    /// Senders blocked for one recipient only, by (recipient, sender), lower case.
    recipient_blocks: HashMap<(String, String), UserBlock>,
}

/// A sender one recipient blocked for themselves (Block sender in a quarantine
/// notification), as Outlook's Blocked Senders list: their mail to that recipient goes to
/// the Junk Email folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UserBlock {
    pub recipient: String,
    pub sender: String,
    /// Where it came from (`quarantine message <id>`).
    pub origin: String,
    /// Seconds since the epoch.
    pub created: i64,
}

impl UserBlock {
    /// `BlockedSender "bob@contoso.com/win@prizes.example": ...`.
    pub fn blame(&self) -> Blame {
        Blame::new(
            format!("BlockedSender \"{}/{}\"", self.recipient, self.sender),
            format!(
                "{} blocked {} for themselves ({}): to the Junk Email folder",
                self.recipient, self.sender, self.origin
            ),
        )
    }
}

/// An entry that matched.
pub type Hit<'a> = &'a Entry;

impl Lists {
    /// Compiles the entries live at `now` (values that no longer parse are skipped: the
    /// cmdlets never write one).
    pub fn build(entries: impl IntoIterator<Item = Entry>, now: i64) -> Lists {
        let mut l = Lists::default();
        let (mut allow_ips, mut block_ips) = (Vec::new(), Vec::new());
        for e in entries.into_iter().filter(|e| e.live(now)) {
            let i = l.entries.len() as u32;
            match e.list_type {
                ListType::Sender => {
                    match e.value.strip_prefix("*.") {
                        Some(d) => l.sender_trees.insert(d.to_string(), i),
                        None => l.senders.insert(e.value.clone(), i),
                    };
                }
                ListType::FileHash => {
                    l.hashes.insert(e.value.clone(), i);
                }
                ListType::Url => match UrlPattern::parse(&e.value) {
                    Ok(p) => l.urls.entry(p.host.clone()).or_default().push((i, p)),
                    Err(_) => continue,
                },
                ListType::Ip => match e.value.parse::<IpRange>() {
                    Ok(r) => {
                        let (ids, ranges) = match e.action {
                            Action::Allow => (&mut l.ip_allow.0, &mut allow_ips),
                            Action::Block => (&mut l.ip_block.0, &mut block_ips),
                        };
                        ids.push(i);
                        ranges.push(r);
                    }
                    Err(_) => continue,
                },
            }
            if let Some(x) = e.expires {
                l.next_expiry = Some(l.next_expiry.map_or(x, |n| n.min(x)));
            }
            l.entries.push(e);
        }
        l.ip_allow.1 = IpSet::build(&allow_ips);
        l.ip_block.1 = IpSet::build(&block_ips);
        l
    }

    /// Adds the senders blocked per recipient.
    pub fn with_recipient_blocks(mut self, blocks: Vec<UserBlock>) -> Lists {
        self.recipient_blocks = blocks
            .into_iter()
            .map(|b| {
                let key = (
                    b.recipient.to_ascii_lowercase(),
                    b.sender.to_ascii_lowercase(),
                );
                (key, b)
            })
            .collect();
        self
    }

    /// The block `recipient` made of one of these senders, if any.
    pub fn blocked_for<'a>(
        &self,
        recipient: &str,
        senders: impl IntoIterator<Item = &'a str>,
    ) -> Option<&UserBlock> {
        if self.recipient_blocks.is_empty() {
            return None;
        }
        let r = recipient.trim().to_ascii_lowercase();
        senders.into_iter().find_map(|s| {
            let s = s.trim().trim_matches(['<', '>']).to_ascii_lowercase();
            self.recipient_blocks.get(&(r.clone(), s))
        })
    }

    /// How many live entries.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty() && self.recipient_blocks.is_empty()
    }

    /// When the next entry expires (the lists should be rebuilt then).
    pub fn next_expiry(&self) -> Option<i64> {
        self.next_expiry
    }

    fn get(&self, i: u32, now: i64) -> Option<Hit<'_>> {
        self.entries.get(i as usize).filter(|e| e.live(now))
    }

    /// A block entry if one matches, else an allow entry.
    fn pick<'a>(hits: impl Iterator<Item = Hit<'a>>) -> Option<Hit<'a>> {
        let mut allow = None;
        for h in hits {
            if h.action == Action::Block {
                return Some(h);
            }
            allow.get_or_insert(h);
        }
        allow
    }

    /// The entry that decides for a sender address (or a bare domain).
    pub fn sender(&self, address: &str, now: i64) -> Option<Hit<'_>> {
        let address = address.trim().trim_matches(['<', '>']).to_ascii_lowercase();
        let domain = address
            .rsplit_once('@')
            .map_or(address.as_str(), |(_, d)| d);
        let domain = domain.trim_end_matches('.');
        let exact = [address.as_str(), domain]
            .into_iter()
            .filter_map(|k| self.senders.get(k));
        let trees = suffixes(domain).filter_map(|d| self.sender_trees.get(d));
        Lists::pick(exact.chain(trees).filter_map(|&i| self.get(i, now)))
    }

    /// The entry that decides for a link.
    pub fn url(&self, link: &Link, now: i64) -> Option<Hit<'_>> {
        let hits = suffixes(&link.host)
            .filter_map(|d| self.urls.get(d))
            .flatten()
            .filter_map(|(i, p)| {
                let e = self.get(*i, now)?;
                p.matches(e.action, &link.host, &link.path).then_some(e)
            });
        Lists::pick(hits)
    }

    /// The entry for a file's SHA-256 (lower-case hex).
    pub fn file(&self, sha256: &str, now: i64) -> Option<Hit<'_>> {
        self.hashes.get(sha256).and_then(|&i| self.get(i, now))
    }

    /// The entry that decides for a client address: the most specific block entry, else
    /// the most specific allow entry.
    pub fn ip(&self, ip: IpAddr, now: i64) -> Option<Hit<'_>> {
        let at = |(ids, set): &(Vec<u32>, IpSet)| {
            set.lookup(ip)
                .and_then(|k| ids.get(k))
                .and_then(|&i| self.get(i, now))
        };
        at(&self.ip_block).or_else(|| at(&self.ip_allow))
    }
}

/// `a.b.c` → `a.b.c`, `b.c`, `c`.
fn suffixes(domain: &str) -> impl Iterator<Item = &str> {
    std::iter::successors(Some(domain), |d| d.split_once('.').map(|(_, r)| r))
        .filter(|d| !d.is_empty())
}

/// The zones the connection filter would ask about `ip`: none when an IP entry decides.
pub fn zones_to_query<'f>(
    filter: &'f ConnectionFilter,
    lists: &Lists,
    client: &Client,
    ip: IpAddr,
    now: i64,
) -> &'f [Fqdn] {
    match lists.ip(ip, now) {
        Some(_) if client.origin != Origin::Local => &[],
        _ => filter.zones_to_query(client, ip),
    }
}

/// At connect: an IP block entry refuses the client; an IP allow entry overrides the
/// connection filter's IPBlockList and DNS block lists (not the spam filter: that is the
/// IPAllowList's job). Otherwise the connection filter decides.
pub fn connection(
    filter: &ConnectionFilter,
    lists: &Lists,
    client: &Client,
    ip: IpAddr,
    answers: &[DnsblAnswer],
    now: i64,
) -> ConnectionVerdict {
    if client.origin == Origin::Local {
        return filter.judge(client, ip, answers);
    }
    match lists.ip(ip, now) {
        Some(e) if e.action == Action::Block => {
            let blame = e.blame(format!("the client {ip} is blocked"));
            ConnectionVerdict {
                blocked: Some((Refusal::IpBlocked, blame.clone())),
                blame: vec![blame],
                ..Default::default()
            }
        }
        Some(e) => {
            // Without block list answers, only the IPBlockList can have refused it.
            let mut v = filter.judge(client, ip, &[]);
            if let Some((_, b)) = v.blocked.take() {
                v.blame.retain(|x| *x != b);
            }
            v.blame.insert(
                0,
                e.blame(format!(
                    "the client {ip} is allowed: the IP block lists do not apply"
                )),
            );
            v
        }
        None => filter.judge(client, ip, answers),
    }
}

/// At MAIL FROM: a blocked envelope sender is refused (mail from the relay itself never is).
pub fn mail_from(
    lists: &Lists,
    client: &Client,
    sender: Option<&str>,
    now: i64,
) -> Option<(Refusal, Blame)> {
    let sender = sender.filter(|_| client.origin != Origin::Local)?;
    let e = lists.sender(sender, now)?;
    (e.action == Action::Block).then(|| {
        (
            Refusal::SenderBlocked,
            e.blame(format!("the envelope sender {sender} is blocked")),
        )
    })
}

/// What the list decides about a whole message after DATA; each part names its entry.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ContentVerdict {
    /// A blocked attachment: a malware verdict.
    pub malware: Option<Blame>,
    /// A blocked link or sender: a high confidence phishing verdict.
    pub phish: Option<Blame>,
    /// An allowed sender: spam filtering skipped.
    pub allowed: Option<Blame>,
    /// Attachments (by name) an allow entry lets past the file type filter.
    pub allowed_files: Vec<String>,
    /// The Identity of every entry that acted (for its LastUsedDate).
    pub used: Vec<String>,
}

/// The list's verdict on a message: its attachments, its links, its From address and its
/// envelope sender.
pub fn content(
    lists: &Lists,
    sender: Option<&str>,
    message: Option<&mail_parser::Message>,
    now: i64,
) -> ContentVerdict {
    let mut v = ContentVerdict::default();
    if lists.is_empty() {
        return v;
    }
    if let Some(m) = message {
        for f in attachment_digests(m) {
            match lists.file(&f.sha256, now) {
                Some(e) if e.action == Action::Block => {
                    let shown = if f.name.is_empty() {
                        "an attachment"
                    } else {
                        &f.name
                    };
                    v.malware
                        .get_or_insert_with(|| e.blame(format!("{shown} is blocked")));
                    v.used.push(e.id.clone());
                }
                Some(e) => {
                    v.allowed_files.push(f.name);
                    v.used.push(e.id.clone());
                }
                None => {}
            }
        }
        for link in links(m) {
            if let Some(e) = lists.url(&link, now)
                && e.action == Action::Block
            {
                v.phish = Some(e.blame(format!("the link {}{} is blocked", link.host, link.path)));
                v.used.push(e.id.clone());
                break;
            }
        }
    }
    let from = message.and_then(super::antispam::from_address);
    let mut allowed: Option<(Blame, &str)> = None;
    for (who, address) in from
        .iter()
        .map(|f| ("From", f.as_str()))
        .chain(sender.map(|s| ("envelope sender", s)))
    {
        match lists.sender(address, now) {
            Some(e) if e.action == Action::Block => {
                if v.phish.is_none() {
                    v.phish = Some(e.blame(format!("the {who} {address} is blocked")));
                    v.used.push(e.id.clone());
                }
                allowed = None;
                break;
            }
            Some(e) => {
                allowed.get_or_insert_with(|| {
                    let why = format!("the {who} {address} is allowed: spam filtering is skipped");
                    (e.blame(why), e.id.as_str())
                });
            }
            None => {}
        }
    }
    if let Some((blame, id)) = allowed {
        v.allowed = Some(blame);
        v.used.push(id.to_string());
    }
    v
}

#[cfg(test)]
mod tests;
