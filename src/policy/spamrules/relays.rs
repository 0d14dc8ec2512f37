//! The relays pseudo-headers (`X-Spam-Relays-Trusted`, `-Untrusted`, `-Internal`,
//! `-External`): the Received headers parsed into `[ ip=… rdns=… helo=… by=… ident=
//! envfrom= intl=0 id= auth= msa=0 ]` entries, newest first, as SpamAssassin's Received
//! parser (Mail::SpamAssassin::Message::Metadata::Received) writes them. Its parser is an
//! ordered list of patterns, one per MTA's header format, the first that matches deciding
//! which group is the HELO, the rDNS, the IP and the receiving host; this is that list in
//! the same order, so a relay reads the same here as there (RDNS_NONE, the dynamic-rDNS
//! and HELO tests depend on which word lands in which field). With no trusted_networks,
//! SpamAssassin infers the trust boundary: hops from private addresses (or authenticated
//! ones) at the top are trusted and internal, the first other hop starts the untrusted
//! and external relays.

use std::sync::LazyLock;

use fancy_regex::Regex;

/// One parsed hop, its fields as SpamAssassin prints them.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Relay {
    pub ip: String,
    pub rdns: String,
    pub helo: String,
    pub by: String,
    pub ident: String,
    pub envfrom: String,
    pub id: String,
    pub auth: String,
    pub internal: bool,
}

impl Relay {
    pub fn as_string(&self) -> String {
        format!(
            "[ ip={} rdns={} helo={} by={} ident={} envfrom={} intl={} id={} auth={} msa=0 ]",
            self.ip,
            self.rdns,
            self.helo,
            self.by,
            self.ident,
            self.envfrom,
            u8::from(self.internal),
            self.id,
            self.auth
        )
    }

    fn private(&self) -> bool {
        is_private(&self.ip)
    }
}

/// What a Received header says: a hop, a handover that carries no client (local
/// submission, a fetch), or nothing SpamAssassin can read.
#[derive(Debug, PartialEq)]
pub enum Parsed {
    Relay(Relay),
    Skip,
    Unparseable,
}

/// The relays of one message, split at the trust boundary.
#[derive(Debug, Default)]
pub struct Relays {
    pub trusted: Vec<Relay>,
    pub untrusted: Vec<Relay>,
    /// Received headers nothing could be read from (UNPARSEABLE_RELAY, ALL_TRUSTED).
    pub unparseable: usize,
}

/// A private, loopback or otherwise reserved address (SpamAssassin's IP_PRIVATE).
pub fn is_private(ip: &str) -> bool {
    PRIVATE.is_match(ip).unwrap_or(false)
}

impl Relays {
    /// `received`: the Received header values (unfolded), newest first; `originating`:
    /// the values of X-Originating-IP and its kind, which SpamAssassin appends as the
    /// oldest hops.
    pub fn new<'a>(
        received: impl Iterator<Item = &'a str>,
        originating: impl Iterator<Item = &'a str>,
    ) -> Relays {
        let synthetic: Vec<String> = originating
            .filter_map(|v| IP_ANY.find(v).ok().flatten())
            .map(|m| format!("from X-Originating-IP: {}", m.as_str()))
            .collect();
        let mut out = Relays::default();
        let mut in_trusted = true;
        let lines = received
            .map(parse)
            .chain(synthetic.iter().map(|s| parse(s)));
        for parsed in lines {
            let mut relay = match parsed {
                Parsed::Relay(r) => r,
                Parsed::Skip => continue,
                Parsed::Unparseable => {
                    out.unparseable += 1;
                    continue;
                }
            };
            if in_trusted && !relay.private() && relay.auth.is_empty() {
                in_trusted = false;
            }
            // With nothing configured, internal is trusted.
            relay.internal = in_trusted;
            match in_trusted {
                true => out.trusted.push(relay),
                false => out.untrusted.push(relay),
            }
        }
        out
    }

    pub fn trusted_str(&self) -> String {
        join(&self.trusted)
    }

    pub fn untrusted_str(&self) -> String {
        join(&self.untrusted)
    }
}

fn join(relays: &[Relay]) -> String {
    relays
        .iter()
        .map(Relay::as_string)
        .collect::<Vec<_>>()
        .join(" ")
}

fn cap<'t>(c: &fancy_regex::Captures<'t, str>, i: usize) -> &'t str {
    c.get(i).map_or("", |m| m.as_str())
}

/// Fills `r` from the first format that matches `line`; false when none does.
fn apply(formats: &[Format], line: &str, r: &mut Relay) -> bool {
    for fmt in formats {
        if let Some(g) = &fmt.guard
            && !g.is_match(line).unwrap_or(false)
        {
            continue;
        }
        let Ok(Some(c)) = fmt.pattern.captures(line) else {
            continue;
        };
        for (i, role) in fmt.groups.chars().enumerate() {
            let value = cap(&c, i + 1).to_string();
            match role {
                'h' => r.helo = value,
                'r' => r.rdns = value,
                'R' => {
                    r.rdns = value.clone();
                    r.helo = value;
                }
                'I' => {
                    // sendmail's IDENT lookups: `IDENT:user@host` or `user@host`.
                    let host = value.strip_prefix("IDENT:").unwrap_or(&value);
                    match host.split_once('@') {
                        Some((user, host)) => {
                            r.ident = user.to_string();
                            r.rdns = host.to_string();
                        }
                        None => r.rdns = value,
                    }
                }
                'i' => r.ip = value,
                'b' => r.by = value,
                'd' => r.ident = value.trim_end_matches('@').to_string(),
                's' => {
                    if let Ok(Some(h)) = SUB_HELO.captures(value.as_str()) {
                        r.helo = cap(&h, 1).to_string();
                    }
                    if let Ok(Some(d)) = SUB_IDENT.captures(value.as_str()) {
                        r.ident = cap(&d, 1).to_string();
                    }
                }
                _ => {}
            }
        }
        return true;
    }
    false
}

/// One Received header, as SpamAssassin's `parse_received_line` reads it.
pub fn parse(header: &str) -> Parsed {
    let mut line = header.split_whitespace().collect::<Vec<_>>().join(" ");
    while line.ends_with(';') {
        line.pop();
        line.truncate(line.trim_end().len());
    }
    let is = |re: &Regex, s: &str| re.is_match(s).unwrap_or(false);
    if !line.to_ascii_lowercase().starts_with("from ") && !line.starts_with("(from ") {
        return Parsed::Skip;
    }
    if line.contains(" with local for ") {
        return Parsed::Skip;
    }
    if let Ok(Some(c)) = SKIP_BARE.captures(line.as_str())
        && !is(&BRACKETED_V4, cap(&c, 1))
    {
        return Parsed::Skip;
    }
    line = DATE.replace(&line, "").into_owned();
    line = line.replace(")by ", ") by ");

    let mut r = Relay::default();
    if let Ok(Some(c)) = ID.captures(line.as_str()) {
        r.id = cap(&c, 1).to_string();
    }
    if let Ok(Some(c)) = HELO_EQ.captures(line.as_str()) {
        r.helo = cap(&c, 1).to_string();
    } else if let Ok(Some(c)) = HELO_CMD.captures(line.as_str()) {
        r.helo = cap(&c, 1).to_string();
    }
    if let Ok(Some(c)) = BY.captures(line.as_str()) {
        r.by = cap(&c, 1).to_string();
    }
    if line.contains(" by ")
        && let Ok(Some(c)) = AUTH_WITH.captures(line.as_str())
    {
        r.auth = cap(&c, 1).to_string();
    } else if line.contains("authenticated") && is(&AUTH_SENDMAIL, &line) {
        r.auth = "Sendmail".into();
    } else if let Ok(Some(c)) = AUTH_GMX.captures(line.as_str()) {
        // GMX authenticates its users but does not say so.
        r.auth = format!("GMX ({} / {})", cap(&c, 4), cap(&c, 3));
    } else if let Ok(Some(c)) = AUTH_POSTFIX.captures(line.as_str()) {
        let mta = cap(&c, 1);
        r.auth = match mta {
            "Postfix" => mta.to_string(),
            _ => format!("Postfix ({mta})"),
        };
    } else if is(&AUTH_COMMUNIGATE, &line) && line.contains(" (account ") {
        r.auth = "Communigate".into();
    }

    let found = if let Some(rest) = line.strip_prefix("from ") {
        let rest = rest.to_string();
        if let Ok(Some(c)) = ENVFROM.captures(rest.as_str()) {
            r.envfrom = cap(&c, 1).to_string();
        }
        let block = MTA_BLOCKS.iter().find(|(guard, _)| is(guard, &rest));
        if block.is_some_and(|(_, formats)| apply(formats, &rest, &mut r))
            || apply(&GENERAL, &rest, &mut r)
        {
            true
        } else if is(&FETCHER, &rest) {
            return Parsed::Skip;
        } else if apply(&LATE, &rest, &mut r) {
            true
        } else if rest.contains(" with BSMTP") && is(&BSMTP, &rest) {
            return Parsed::Skip;
        } else if apply(&AFTER_BSMTP, &rest, &mut r) {
            true
        } else if is(&CONTENT_TECH, &rest) {
            return Parsed::Skip;
        } else if apply(&LAST, &rest, &mut r) {
            true
        } else if IGNORE.iter().any(|re| is(re, &rest)) {
            return Parsed::Skip;
        } else {
            if r.helo.is_empty()
                && let Ok(Some(c)) = HELO_GUESS.captures(rest.as_str())
            {
                r.helo = cap(&c, 1).to_string();
            }
            false
        }
    } else {
        false
    };
    if !found {
        if r.ip.is_empty()
            && let Ok(Some(c)) = BRACKET_IP.captures(line.as_str())
        {
            r.ip = cap(&c, 1).to_string();
        }
        if r.ip.is_empty() || r.by.is_empty() {
            return Parsed::Unparseable;
        }
    }
    Parsed::Relay(finish(r))
}

/// SpamAssassin's clean-up of a parsed hop: no "unknown" rDNS, bare IPs, `!` for
/// characters that would break the pseudo-header's syntax.
fn finish(mut r: Relay) -> Relay {
    r.rdns.truncate(r.rdns.trim_end_matches('.').len());
    // couriertcpd writes "softdnserr" where the rDNS would be.
    if r.rdns.eq_ignore_ascii_case("unknown") || r.rdns.starts_with('[') || r.rdns == "softdnserr" {
        r.rdns.clear();
    }
    let ip = r.ip.trim_start_matches("IPv6:").trim_start_matches("ipv6:");
    let ip = ip.trim_start_matches('[').trim_end_matches(']');
    let ip = ip.split('%').next().unwrap_or(ip);
    let ip = match ip.to_ascii_lowercase().rsplit_once("ffff:") {
        Some((head, v4)) if v4.contains('.') && head.chars().all(|c| c == '0' || c == ':') => {
            v4.to_string()
        }
        _ => ip.to_string(),
    };
    r.ip = ip;
    r.by = r.by.trim_end_matches(';').to_string();
    for field in [&mut r.ip, &mut r.rdns, &mut r.helo, &mut r.by, &mut r.ident] {
        *field = STRIP.replace_all(field, "!").into_owned();
    }
    let envfrom = r.envfrom.trim_start().trim_start_matches('<');
    let envfrom = envfrom.trim_end().trim_end_matches('>');
    r.envfrom = STRIP.replace_all(envfrom, "!").into_owned();
    r
}

mod formats;
use formats::*;

#[cfg(test)]
mod tests;
