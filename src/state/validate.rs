//! The rules a whole state must keep, checked before every write and after every load.
//!
//! Every problem is collected (not just the first) and names where it is: the list in the
//! file, the index, and the object's name, so a hand-edited file can be fixed in one pass.

use std::collections::HashMap;
use std::fmt;

use super::model::*;
use super::values::DomainPattern;
use super::{State, StateObject};

#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    /// The key in the state file (`InboundConnectors`), or a top-level section.
    pub section: &'static str,
    pub index: Option<usize>,
    pub name: String,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.index {
            Some(i) => write!(
                f,
                "{}[{i}] \"{}\": {}",
                self.section, self.name, self.message
            ),
            None => write!(f, "{}: {}", self.section, self.message),
        }
    }
}

/// A name compared as Exchange compares names: ignoring ASCII case. Hashing it allocates
/// nothing, which matters with tens of thousands of recipients.
#[derive(Clone, Copy)]
struct Caseless<'a>(&'a str);

impl PartialEq for Caseless<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.0.eq_ignore_ascii_case(other.0)
    }
}

impl Eq for Caseless<'_> {}

impl std::hash::Hash for Caseless<'_> {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        for b in self.0.bytes() {
            state.write_u8(b.to_ascii_lowercase());
        }
        state.write_u8(0xff);
    }
}

struct Checker<'a> {
    state: &'a State,
    out: Vec<Problem>,
}

impl Checker<'_> {
    fn push<T: StateObject>(&mut self, index: usize, obj: &T, message: String) {
        self.out.push(Problem {
            section: T::SECTION,
            index: Some(index),
            name: obj.name().to_string(),
            message,
        });
    }

    /// Single-object problems and duplicate names of one kind.
    fn kind<T: StateObject>(&mut self) {
        let mut seen: HashMap<Caseless, usize> = HashMap::with_capacity(T::all(self.state).len());
        for (i, obj) in T::all(self.state).iter().enumerate() {
            if obj.name().trim().is_empty() {
                self.push(
                    i,
                    obj,
                    "Name is empty: every object needs a unique Name".into(),
                );
            }
            if let Some(first) = seen.insert(Caseless(obj.name()), i) {
                self.push(
                    i,
                    obj,
                    format!("the Name is already used by {}[{first}]: names are unique per kind, rename one of them", T::SECTION),
                );
            }
            for message in obj.problems() {
                self.push(i, obj, message);
            }
        }
    }

    fn accepted_domains(&mut self) {
        let domains = &self.state.accepted_domains;
        let mut seen = HashMap::new();
        for (i, d) in domains.iter().enumerate() {
            if let Some(first) = seen.insert(d.domain_name.clone(), i) {
                self.push(i, d, format!("DomainName {} is already the domain of AcceptedDomains[{first}]: remove one", d.domain_name));
            }
        }
        let defaults: Vec<usize> = domains
            .iter()
            .enumerate()
            .filter(|(_, d)| d.default)
            .map(|(i, _)| i)
            .collect();
        if !domains.is_empty() && defaults.len() != 1 {
            self.out.push(Problem {
                section: "AcceptedDomains",
                index: None,
                name: String::new(),
                message: format!(
                    "exactly one accepted domain must be Default, but {} are: set Default: true on one of them (Set-AcceptedDomain -Identity X -MakeDefault $true)",
                    defaults.len()
                ),
            });
        }
    }

    /// Every address belongs to one recipient, and lies in an accepted domain.
    fn recipients(&mut self) {
        let state = self.state;
        let mailboxes = state
            .mailboxes
            .iter()
            .map(|m| (Mailbox::SECTION, &m.name, m.addresses().collect::<Vec<_>>()));
        let users = state.mail_users.iter().map(|m| {
            (
                MailUser::SECTION,
                &m.name,
                m.addresses().collect::<Vec<_>>(),
            )
        });
        // An address is its local part (any case) at its domain (already lower case).
        let mut owner: HashMap<(Caseless, &str), (&'static str, &String)> =
            HashMap::with_capacity(state.mailboxes.len() + state.mail_users.len());
        let mut counts: HashMap<&'static str, usize> = HashMap::new();
        for (section, name, addrs) in mailboxes.chain(users) {
            let index = counts.entry(section).or_default();
            for a in addrs {
                let mut problem = |message: String| {
                    self.out.push(Problem {
                        section,
                        index: Some(*index),
                        name: name.clone(),
                        message,
                    })
                };
                if state.accepted_domain(a.domain()).is_none() {
                    problem(format!(
                        "the address {a} is not in an accepted domain: add {} with New-AcceptedDomain, or use an address in one",
                        a.domain()
                    ));
                }
                let key = (Caseless(a.local()), a.domain());
                match owner.get(&key) {
                    Some((s, n)) if !(*s == section && *n == name) => problem(format!(
                        "the address {a} already belongs to {s} \"{n}\": an address can name one recipient only"
                    )),
                    Some(_) => {}
                    None => {
                        owner.insert(key, (section, name));
                    }
                }
            }
            *index += 1;
        }
    }

    /// An SMTP AUTH account sends as the organisation: its addresses are in accepted
    /// domains (it is not a recipient, so it may share an address with one).
    fn smtp_auth_accounts(&mut self) {
        for (i, a) in self.state.smtp_auth_accounts.iter().enumerate() {
            for addr in &a.allowed_sender_addresses {
                if self.state.accepted_domain(addr.domain()).is_none() {
                    self.out.push(Problem {
                        section: SmtpAuthAccount::SECTION,
                        index: Some(i),
                        name: a.name.clone(),
                        message: format!(
                            "AllowedSenderAddresses has {addr}, which is not in an accepted domain: add {} with New-AcceptedDomain, or give an address in one",
                            addr.domain()
                        ),
                    });
                }
            }
        }
    }

    fn inbound_connectors(&mut self) {
        for (i, c) in self.state.inbound_connectors.iter().enumerate() {
            for d in &c.associated_accepted_domains {
                if self.state.accepted_domains.iter().all(|a| {
                    !a.name.eq_ignore_ascii_case(d)
                        && !a.domain_name.as_str().eq_ignore_ascii_case(d)
                }) {
                    self.push(i, c, format!("AssociatedAcceptedDomains names {d}, which is not an accepted domain: add it with New-AcceptedDomain or remove it"));
                }
            }
        }
    }

    /// A recipient domain may route through one connector only, or routing is a coin toss.
    fn outbound_connectors(&mut self) {
        let mut owner: HashMap<&DomainPattern, &str> = HashMap::new();
        let mut all_accepted: Option<&str> = None;
        for (i, c) in self.state.outbound_connectors.iter().enumerate() {
            if !c.enabled || c.is_transport_rule_scoped {
                continue;
            }
            if c.all_accepted_domains {
                match all_accepted {
                    Some(other) => self.push(i, c, format!("AllAcceptedDomains is also set on \"{other}\": only one enabled connector can take all accepted domains")),
                    None => all_accepted = Some(&c.name),
                }
            }
            for d in &c.recipient_domains {
                match owner.get(d) {
                    Some(other) => self.push(i, c, format!("RecipientDomains {d} is also on \"{other}\": a domain routes through one enabled connector only; remove it from one")),
                    None => {
                        owner.insert(d, &c.name);
                    }
                }
            }
        }
    }

    /// Rules run in Priority order 0..n-1, and route only through connectors kept for rules.
    fn transport_rules(&mut self) {
        for (i, r) in self.state.transport_rules.iter().enumerate() {
            if r.priority as usize != i {
                self.push(i, r, format!("Priority is {} but the rule is number {i} in the list: priorities run 0, 1, 2... in list order; set it with Set-TransportRule -Priority", r.priority));
            }
            let Some(name) = &r.actions.route_message_outbound_connector else {
                continue;
            };
            match self.state.outbound_connectors.iter().find(|c| c.name.eq_ignore_ascii_case(name)) {
                None => self.push(i, r, format!("RouteMessageOutboundConnector names \"{name}\", which is not an outbound connector: create it with New-OutboundConnector -IsTransportRuleScoped $true")),
                Some(c) if !c.is_transport_rule_scoped => self.push(i, r, format!("RouteMessageOutboundConnector names \"{}\", which is not IsTransportRuleScoped: run Set-OutboundConnector -Identity \"{}\" -IsTransportRuleScoped $true", c.name, c.name)),
                Some(_) => {}
            }
        }
    }

    /// A filter rule applies an existing custom policy, one rule per policy (as in
    /// Exchange Online), in Priority order 0..n-1.
    fn filter_rules<R: FilterRule + StateObject, P: StateObject>(&mut self) {
        let mut used: HashMap<Caseless, &str> = HashMap::new();
        for (i, r) in R::all(self.state).iter().enumerate() {
            if r.priority() as usize != i {
                self.push(i, r, format!("Priority is {} but the rule is number {i} in the list: priorities run 0, 1, 2... in list order; set it with Set-{} -Priority", r.priority(), R::KIND));
            }
            if !P::all(self.state)
                .iter()
                .any(|p| p.name().eq_ignore_ascii_case(r.policy()))
            {
                self.push(i, r, format!("{} names \"{}\", which is not a policy: create it with New-{} or name another", P::KIND, r.policy(), P::KIND));
            }
            if let Some(other) = used.insert(Caseless(r.policy()), r.name()) {
                self.push(i, r, format!("{} \"{}\" is already applied by the rule \"{other}\": a policy has one rule; add these {}s to that rule, or make another policy", P::KIND, r.policy(), R::WHOM));
            }
        }
    }

    /// Every TlsCertificateName names a certificate of the state that can be presented
    /// (one with its private key; a Trusted root without a key cannot).
    fn certificate_references(&mut self) {
        let certificates = &self.state.certificates;
        fn missing<'a>(
            certificates: &[Certificate],
            name: &'a Option<String>,
        ) -> Option<&'a String> {
            name.as_ref().filter(|n| {
                !certificates
                    .iter()
                    .any(|c| c.key_path.is_some() && c.is_named_by(n))
            })
        }
        let message = |name: &String| {
            format!(
                "TlsCertificateName {name} names no certificate of the state with a private key: import it with -KeyPath (Get-ExchangeCertificate lists them) or clear TlsCertificateName"
            )
        };
        let mut found = Vec::new();
        for (i, c) in self.state.receive_connectors.iter().enumerate() {
            if let Some(n) = missing(certificates, &c.tls_certificate_name) {
                found.push(Problem {
                    section: ReceiveConnector::SECTION,
                    index: Some(i),
                    name: c.name.clone(),
                    message: message(n),
                });
            }
        }
        for (i, c) in self.state.send_connectors.iter().enumerate() {
            if let Some(n) = missing(certificates, &c.tls_certificate_name) {
                found.push(Problem {
                    section: SendConnector::SECTION,
                    index: Some(i),
                    name: c.name.clone(),
                    message: message(n),
                });
            }
        }
        for (i, c) in self.state.outbound_connectors.iter().enumerate() {
            if let Some(n) = missing(certificates, &c.tls_certificate_name) {
                found.push(Problem {
                    section: OutboundConnector::SECTION,
                    index: Some(i),
                    name: c.name.clone(),
                    message: message(n),
                });
            }
        }
        self.out.extend(found);
    }

    /// Every quarantine tag of the filter policies names a quarantine policy.
    fn quarantine_tags(&mut self) {
        let known = |tag: &str| {
            self.state
                .quarantine_policies
                .iter()
                .any(|q| q.name.eq_ignore_ascii_case(tag))
        };
        let message = |param: &str, tag: &str, kind: &str| {
            format!(
                "{param} names \"{tag}\", which is not a quarantine policy: create it with New-QuarantinePolicy, or name one Get-QuarantinePolicy lists (Set-{kind} -{param} DefaultFullAccessPolicy)"
            )
        };
        let mut found = Vec::new();
        for (i, p) in self.state.content_filter_policies.iter().enumerate() {
            for (param, tag) in p.quarantine_tags() {
                if !known(tag) {
                    found.push((
                        i,
                        p.name.clone(),
                        message(param, tag, HostedContentFilterPolicy::KIND),
                        HostedContentFilterPolicy::SECTION,
                    ));
                }
            }
        }
        for (i, p) in self.state.malware_filter_policies.iter().enumerate() {
            if !known(&p.quarantine_tag) {
                found.push((
                    i,
                    p.name.clone(),
                    message(
                        "QuarantineTag",
                        &p.quarantine_tag,
                        MalwareFilterPolicy::KIND,
                    ),
                    MalwareFilterPolicy::SECTION,
                ));
            }
        }
        for (index, name, message, section) in found {
            self.out.push(Problem {
                section,
                index: Some(index),
                name,
                message,
            });
        }
    }

    /// A domain signs only if the organisation sends from it.
    fn dkim_domains(&mut self) {
        for (i, d) in self.state.dkim_signing_configs.iter().enumerate() {
            if self.state.accepted_domain(d.domain.as_str()).is_none() {
                self.push(i, d, format!("{} is not an accepted domain: add it with New-AcceptedDomain, or remove the config with Remove-DkimSigningConfig -Identity {}", d.domain, d.domain));
            }
        }
    }

    /// Two listeners on one socket must differ in who they serve (RemoteIPRanges), as in
    /// Exchange, where the most specific range picks the connector.
    fn receive_connectors(&mut self) {
        let all = &self.state.receive_connectors;
        for (i, c) in all.iter().enumerate() {
            for (j, other) in all[..i].iter().enumerate() {
                let shared = c
                    .bindings
                    .iter()
                    .find(|b| other.bindings.iter().any(|o| o.overlaps(b)));
                if let Some(b) = shared {
                    let mut mine = c.remote_ip_ranges.clone();
                    let mut theirs = other.remote_ip_ranges.clone();
                    mine.sort_by_key(|r| r.bounds());
                    theirs.sort_by_key(|r| r.bounds());
                    if mine == theirs {
                        self.push(i, c, format!(
                            "binding {b} overlaps ReceiveConnectors[{j}] \"{}\" with the same RemoteIPRanges: change Bindings or RemoteIPRanges so each client has one connector",
                            other.name
                        ));
                    }
                }
            }
        }
    }
}

/// Every problem of the state; empty when it may be written or served.
pub fn validate(state: &State) -> Vec<Problem> {
    let mut c = Checker {
        state,
        out: Vec::new(),
    };
    c.kind::<AcceptedDomain>();
    c.kind::<Mailbox>();
    c.kind::<MailUser>();
    c.kind::<InboundConnector>();
    c.kind::<OutboundConnector>();
    c.kind::<ReceiveConnector>();
    c.kind::<SendConnector>();
    c.kind::<SmtpAuthAccount>();
    c.kind::<Certificate>();
    c.kind::<HostedContentFilterPolicy>();
    c.kind::<MalwareFilterPolicy>();
    c.kind::<QuarantinePolicy>();
    c.quarantine_tags();
    c.kind::<TransportRule>();
    c.kind::<HostedContentFilterRule>();
    c.kind::<MalwareFilterRule>();
    c.filter_rules::<HostedContentFilterRule, HostedContentFilterPolicy>();
    c.filter_rules::<MalwareFilterRule, MalwareFilterPolicy>();
    c.kind::<HostedOutboundSpamFilterPolicy>();
    c.kind::<HostedOutboundSpamFilterRule>();
    c.filter_rules::<HostedOutboundSpamFilterRule, HostedOutboundSpamFilterPolicy>();
    c.accepted_domains();
    c.recipients();
    c.smtp_auth_accounts();
    c.inbound_connectors();
    c.outbound_connectors();
    c.receive_connectors();
    c.kind::<DkimSigningConfig>();
    c.kind::<DirectorySyncProfile>();
    c.dkim_domains();
    c.certificate_references();
    c.transport_rules();
    for message in state.global_quarantine_policy.problems() {
        c.out.push(Problem {
            section: "GlobalQuarantinePolicy",
            index: None,
            name: quarantine_policy::GLOBAL.into(),
            message,
        });
    }
    for message in state.connection_filter.problems() {
        c.out.push(Problem {
            section: "HostedConnectionFilterPolicy",
            index: None,
            name: "Default".into(),
            message,
        });
    }
    c.out
}
