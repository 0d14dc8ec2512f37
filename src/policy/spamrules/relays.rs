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
        PRIVATE.is_match(&self.ip).unwrap_or(false)
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
            let Parsed::Relay(mut relay) = parsed else {
                continue;
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

const IPV4: &str =
    r"\b(?:(?:1\d\d|2[0-4]\d|25[0-5]|[1-9]?\d)\.){3}(?:1\d\d|2[0-4]\d|25[0-5]|[1-9]?\d)\b";
const IPV6: &str = r"(?:IPv6:)?(?<![0-9a-fA-F:])(?:[0-9a-fA-F]{0,4}:){2,7}(?:[0-9a-fA-F]{1,4}|(?:\d{1,3}\.){3}\d{1,3})?";

fn re(pattern: &str) -> Regex {
    let pattern = pattern.replace("IP", &format!("(?:{IPV4}|{IPV6})"));
    Regex::new(&pattern).expect("the Received patterns compile")
}

static IP_ANY: LazyLock<Regex> = LazyLock::new(|| re("IP"));
static PRIVATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:(?:10|127|169\.254|172\.(?:1[6-9]|2[0-9]|3[01])|192\.168|100\.(?:6[4-9]|[7-9][0-9]|1[01][0-9]|12[0-7]))\.|::1$|fe[89ab][0-9a-f]:|::ffff:(?:10|127|192\.168)\.)",
    )
    .expect("compiles")
});

/// How a pattern's groups fill a relay: one letter per group (h helo, r rdns, I rdns
/// that may carry an IDENT user, i ip, b by,
/// d ident, e envfrom, s a comment holding `helo=`/`ident=`, R rdns that is also the
/// HELO, `-` ignored).
struct Format {
    guard: Option<Regex>,
    pattern: Regex,
    groups: &'static str,
}

fn f(pattern: &str, groups: &'static str) -> Format {
    Format {
        guard: None,
        pattern: re(pattern),
        groups,
    }
}

/// Patterns tried only when the header names that MTA (SpamAssassin's if/elsif chain:
/// the first block whose guard matches is the only one tried).
static MTA_BLOCKS: LazyLock<Vec<(Regex, Vec<Format>)>> = LazyLock::new(|| {
    vec![
        (
            re(r" SMTPSVC"),
            vec![f(
                r"^(\S*) \(\[(IP)\][^\)]{0,40}\) by (\S+) with Microsoft SMTPSVC",
                "hib",
            )],
        ),
        (
            re(
                r" with (?:Microsoft SMTP Server|mapi id) (?:\([^\)]+\) )?\d+\.\d+\.\d+\.\d+(?:$| )",
            ),
            vec![f(
                r"^(\S+) \(\[?(IP)(?:%[A-Z0-9._~-]*)?\]?\) by (\S+) ",
                "hib",
            )],
        ),
        (
            re(r"\[XMail "),
            vec![f(
                r"^(\S+) \((\[?IP\]?)(?::\d+)\) by (\S+)(?: \(\S+\))? with \[XMail",
                "hib",
            )],
        ),
        (
            re(r"\(ecelerity\b"),
            vec![
                f(r"^\(\[(IP):\d+\] helo=(\S+)\) by (\S+) ", "ihb"),
                f(r"^\S+ \(\[(IP):\d+\]\) by (\S+) ", "ib"),
            ],
        ),
        (
            re(r"Exim"),
            vec![
                f(r"^\[(IP)\] \((.*?)\) by (\S+) ", "isb"),
                f(r"^(\S+) \(\[(IP)\](.*?)\) by (\S+) ", "Risb"),
                f(r"^(\S+) \[(IP)\](:\d+)? by (\S+) ", "Ri-b"),
            ],
        ),
        (
            re(r" \(Postfix\) with"),
            vec![
                f(r"^(\S+) \((\S+) \[(IP)\]\) by (\S+) ", "hrib"),
                f(r"^(\S+) \((\S+)\[(IP)\]\) by (\S+) ", "hrib"),
            ],
        ),
        (
            re(r"\(Scalix SMTP Relay"),
            vec![f(r"^(\S+) \( ?(IP)\) by (\S+)", "hib")],
        ),
        (
            re(r" \(Lotus Domino "),
            vec![f(r"^(\S+) \(\[(IP)\]\) by (\S+) \(Lotus", "hib")],
        ),
    ]
});

/// The general formats, in SpamAssassin's order, after the MTA blocks.
static GENERAL: LazyLock<Vec<Format>> = LazyLock::new(|| {
    let mut v = vec![
        Format {
            guard: Some(re(r"\bwith HTTP\b")),
            ..f(r"^(IP) \(\[IP\]\) by (\S+)", "ib")
        },
        // sendmail; skipped for qmail-ldap, whose lines look alike.
        Format {
            guard: Some(re(r"^(?!.* by \S+ \(qmail-\S+\) with )")),
            ..f(r"^(\S+) \((\S+) \[(IP)\].*\) by (\S+) \(", "hIib")
        },
        f(r"^(\S+) \((\S+) \[(IP)\]\) by (\S+) with \S+ \(", "hrib"),
        f(r"^(\S+) \(\[(IP)\] helo=(\S+)\) by (\S+) with ", "rihb"),
        f(r"^(\S+) \(<unknown\S*>\[(IP)\]\) by (\S+) ", "hib"),
        f(r"^(\S+) \((\S+\.\S+)\[(IP)\]\) by (\S+) ", "hrib"),
        f(r"^(\S+) \((\S*)\@\[(IP)\].*\) by (\S+) \(", "hdib"),
        f(
            r"^(\S+) \((?:HELO|EHLO) (\S*)\) \((IP)\) by (\S+) \(qpsmtpd/\S+\) with (?:ESMTP|SMTP)",
            "rhib",
        ),
        f(r"^(\S+) \(LHLO (\S*)\) \((IP)\) by (\S+) with LMTP", "rhib"),
        f(
            r"^(\S+) \((?:HELO|EHLO) (\S*)\) \[(IP)\] by (\S+) \([^\)]+\) with (?:ESMTP|SMTP)",
            "rhib",
        ),
        f(
            r"^(\S+) \(\[(IP)\]\) by (\S+) via smtpd \(for \S+\) with SMTP\(",
            "hib",
        ),
    ];
    v.extend(QMAIL.iter().map(|(p, g)| Format {
        guard: Some(re(
            r"^\S+( \((?:HELO|EHLO) \S*\))? \((\S+\@)?\[?IP\]?\)( \(envelope-sender <\S+>\))? by \S+( \(.+\))* with (.* )?(SMTP|QMQP)(?! id )",
        )),
        ..f(p, g)
    }));
    v.extend([
        f(r"^\[(IP)\] by (\S+) via HTTP$", "ib"),
        f(r"^(\S+) \( \[(IP)\]\).*? by (\S+) ", "-ib"),
        f(r"^\((\S+) \[(IP)\]\) by (\S+) ", "hib"),
        f(r"^\[(IP)\] by (\S+) ", "ib"),
        f(r"^\(\[?(IP)\]?\) by (\S+) ", "ib"),
        f(r"^(\S+) \[(IP)\] by (\S+) \[IP\] with ", "hib"),
        f(r"^(\S+) \[\((IP)\)\] by (\S+) \(IP\) ", "hib"),
        f(r"^(\S+) \(\[(IP)\]\) by (\S+) \(", "hib"),
        f(r"^(\S+) \((\S+) \[(IP)\]\).*? by (\S+)\b", "hrib"),
        f(r"^(\S+) \(\[(IP)(?:[.:]\d+)?\]\).*? by (\S+) ", "hib"),
        f(
            r"^(\S+) \((\S+) \[(IP)\]\)(?: \(authenticated bits=\d+\))? by (\S+) \(",
            "hrib",
        ),
    ]);
    v
});

/// qmail's formats, tried only on a line that looks like qmail's.
const QMAIL: &[(&str, &str)] = &[
    (
        r"^(\S+) \((?:HELO|EHLO) ([^ \(\)]*)\) \((\S*)\@\[?(IP)\]?\)( \(envelope-sender <\S+>\))? by (\S+)",
        "rhdi-b",
    ),
    (
        r"^(\S+) \((?:HELO|EHLO) ([^ \(\)]*)\) \(\[?(IP)\]?\)( \(envelope-sender <\S+>\))? by (\S+)",
        "rhi-b",
    ),
    (
        r"^(\S+) \((\S*)\@\[?(IP)\]?\)( \(envelope-sender <\S+>\))? by (\S+)",
        "Rdi-b",
    ),
    (
        r"^(\S+) \(\[?(IP)\]?\)( \(envelope-sender <\S+>\))? by (\S+)",
        "Ri-b",
    ),
];

/// The formats after the mail-fetcher check, in SpamAssassin's order.
static LATE: LazyLock<Vec<Format>> = LazyLock::new(|| {
    vec![
        f(
            r"^(\S+) \((?:HELO|EHLO) ([^\)]*)\) \((\S*@)?\[?(IP)\]?\).* by (\S+) ",
            "rhdib",
        ),
        f(r"^(\S+) \((\S*@)?\[?(IP)\]?\).* by (\S+) ", "Rdib"),
        f(r"^\[(IP)\] by (\S+) with http for ", "ib"),
        f(r"^(\S+)\((IP)\) by (\S+) via smap ", "rib"),
        f(
            r"^(\S+)\((IP), (?:HELO|EHLO) (\S*)\) by (\S+) via smap ",
            "rihb",
        ),
        f(r"^\[(IP)\] by (\S+) \(Post", "ib"),
        f(r"^\[(IP)\] by (\S+) \(ArGoSoft", "ib"),
        f(r"^(IP) by (\S+) \((?:SMTPL|InterScan)\b", "ib"),
    ]
});

static AFTER_BSMTP: LazyLock<Vec<Format>> = LazyLock::new(|| {
    vec![
        f(r"^(\S+) \((\S+) \[(IP)\]\) by (\S+) with ", "hrib"),
        f(
            r"^(\S+) \((?:HELO|EHLO) (\S*)\) \((?:(\S+)\@)?(IP).*?\) by (\S+) with ",
            "rhdib",
        ),
        f(
            r"^\[(IP)\] \((?:account \S+ )?(?:HELO|EHLO) (\S*)\) by (\S+) \(",
            "ihb",
        ),
        f(r"^(\S+) \(\[(IP)\] verified\) by (\S+) \(", "Rib"),
        f(r"^\(\[(IP)\]\) by (\S+) with ", "ib"),
        f(r"^([^\d]\S+) \((IP)\) by (\S+) ", "hib"),
    ]
});

static LAST: LazyLock<Vec<Format>> = LazyLock::new(|| {
    vec![
        f(r"^(\S+) \(\[(IP)\] \[(\S+)\]\) by (\S+) with ", "hi-b"),
        f(r"^(IP) by (\S+) with ", "ib"),
        f(r"^(\S+) \((\S+)\[(IP)\]\) by (\S+) ", "hrib"),
        f(r"^\[(IP)\]\S+ \((?:HELO|EHLO) (\S*)\) by (\S+) ", "ihb"),
        f(r"^(IP) \((?:HELO|EHLO) (\S*)\) by (\S+) ", "ihb"),
        f(r"^(\S+) \[(IP)\] by (\S+) ", "hib"),
        f(r"^(\S+)\((IP)\) by (\S+) ", "rib"),
        f(r"^\[(IP)\] by (\S+) \(MailGate ", "ib"),
        f(r"^(\S+) \(unverified \[(IP)\]\) by (\S+) ", "hib"),
        f(r"^(IP) \([A-Za-z][^\)]+\) by (\S+) with ", "ib"),
        f(r"^\[(IP)\] \(([^\)]+)\) by (\S+) ", "isb"),
        f(r"^(\S+) \((?:\S+\@)?(IP)\) by (\S+) with ", "rib"),
        f(
            r#"^(\S+)\((IP)\)(?:, claiming to be "(\S+)")? via \S+ by (\S+),"#,
            "rihb",
        ),
        f(
            r"^(\S+) \((\S+)@(IP) with login\) by (\S+\.yahoo\.com) with SMTP",
            "h-ib",
        ),
        // `\x49P`: "IP" would be taken for the address placeholder.
        f(r"^X-Originating-\x49P: (IP)$", "i"),
    ]
});

/// Handovers that carry no client (local submission, internal hand-offs).
static IGNORE: LazyLock<Vec<Regex>> = LazyLock::new(|| {
    let lh = r"(?:localhost(?:\.localdomain)?|\b(?<!:)127\.0\.0\.1\b|::1)";
    [
        r"^\S+ \([^\s\@]+\@LH\) by \S+ \(",
        r"^\S+ \S+ by \S+ with local-e?smtp ",
        r"^127\.0\.0\.1 \(AVG SMTP \S+ \[\S+\]\)",
        r"^\S+\@\S+ by \S+ by uid \S+ ",
        r"^\S+\@\S+ by \S+ ",
        r"^Unknown/Local \(",
        r"^LH \((?:\S+\@)?LH[\)\[]",
        r"^\S+ \((?:\S+\@)?LH\) ",
        r"^\S+ \(\S+\@\S+ \[LH\]\) ",
        r"^\(AUTH: \S+\) by \S+ with ",
        r"^localhost \(localhost \[\[UNIX: localhost\]\]\) by ",
        r"^\S+\.amazon\.com by \S+\.amazon\.com with ESMTP \(peer crosscheck: ",
        r"^[^\.]+ by \S+ with Novell_GroupWise",
        r"^no\.name\.available by \S+ via smtpd \(for ",
        r"^\S+ by \S+ \(.{0,100}\) with qmail-scanner",
        r"^\S+ by \S+ with local",
        r"^\S+ \(\[unix socket\]\) by \S+ \(Cyrus v[0-9]*?\.[0-9]*?\.[0-9]*?\) with LMTPA",
        r"^\S+ by \S+ (?:with|via|for|\()",
        r"^\S+ (?:(?:with|via|for) \S+|\(unverified\)) by\b",
        r"^\S+ \(unknown\) by \S+ \(SG\) with \b",
        r"^\S+ \(\S+ \[local\]\) by \S+ \(OpenSMTPD\) with \b",
        r"\(LSMTP for",
        r"^\(\[LH\]\) with MailEnable ",
        r"^facebook\.com \([^\)]+\) by facebook\.com with Thrift id \S+$",
        r"^\S+ named \S+ by gmailapi\.google\.com with HTTPREST$",
        r"^\S+ id \S+$",
        r"^\[<.*? \(Jetsend",
    ]
    .iter()
    .map(|p| re(&p.replace("LH", lh)))
    .collect()
});

static DATE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"[\s;]+(?:(?:Mon|T(?:ue|hu)|Wed|Fri|S(?:at|un)), )?\d+ (?:J(?:an|u[nl])|Feb|Ma[ry]|A(?:pr|ug)|Sep|Oct|Nov|Dec) \d+ \d+:\d+(?::\d+)? \S+$",
    )
});

macro_rules! rx {
    ($name:ident, $p:expr) => {
        static $name: LazyLock<Regex> = LazyLock::new(|| re($p));
    };
}
rx!(ID, r" id <?([^\s<>;]{3,})");
rx!(
    HELO_EQ,
    r"\bhelo=([-A-Za-z0-9\.\^+_&:=?!@%*\$\\/]+)(?:[^-A-Za-z0-9\.\^+_&:=?!@%*\$\\/]|$)"
);
rx!(
    HELO_CMD,
    r"\b(?:HELO|EHLO) ([-A-Za-z0-9\.\^+_&:=?!@%*\$\\/]+)(?:[^-A-Za-z0-9\.\^+_&:=?!@%*\$\\/]|$)"
);
rx!(BY, r" by (\S+)(?:[^-A-Za-z0-9;\.]|$)");
rx!(
    AUTH_WITH,
    r"(?i) with ((?:ES|L|UTF8S|UTF8L)MTPS?A|ASMTP|HTTP[SU]?)(?: |;|$)"
);
rx!(
    AUTH_SENDMAIL,
    r"^from .*?(?:\](?: \([^)]*\))?\)|\)\]) .*?\(.*?authenticated.*?\).*? by"
);
rx!(
    AUTH_POSTFIX,
    r"\) \(Authenticated sender: \S+\) by \S+ \(([^\)]+)\) with "
);
rx!(
    AUTH_GMX,
    r"from \S* \((?:HELO|EHLO) (\S*)\) \[(IP)\] by (mail\.gmx\.(?:net|com)) \([^\)]+\) with ((?:ESMTP|SMTP))"
);
rx!(AUTH_COMMUNIGATE, r"CommuniGate Pro (HTTP|SMTP|XIMSS|IMAP)");
rx!(
    ENVFROM,
    r"(?i)(?:return-path:? |envelope-(?:sender|from)[ =])(\S+)\b"
);
rx!(SKIP_BARE, r"(?i)^from (\S+) by [^\s;]+ ?;");
rx!(BRACKETED_V4, r"^\[[\d.]+\]$");
rx!(BRACKET_IP, r"\[(IP)\]");
rx!(HELO_GUESS, r"^(\S+)[^-A-Za-z0-9\.]");
rx!(FETCHER, r"with (?:POP3|IMAP)");
rx!(BSMTP, r"^\S+ by \S+ with BSMTP");
rx!(SUB_HELO, r"helo=(\S+)");
rx!(SUB_IDENT, r"ident=(\S*)");
rx!(CONTENT_TECH, r"^\S+ \(\S+\) by \S+ \(Content Technologies ");
rx!(STRIP, r"[\s\x00#\[\]\(\)<>|]");

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

#[cfg(test)]
mod tests {
    use super::*;

    fn relay(line: &str) -> Relay {
        match parse(line) {
            Parsed::Relay(r) => r,
            other => panic!("{line}: {other:?}"),
        }
    }

    #[test]
    fn postfix_style() {
        let r = relay(
            "from mail.example.com (mail.example.com [203.0.113.7]) by mx.example.org (Postfix) with ESMTP id 4ABC; Thu, 1 Jan 2026 10:00:00 +0000",
        );
        assert_eq!(r.ip, "203.0.113.7");
        assert_eq!(r.rdns, "mail.example.com");
        assert_eq!(r.by, "mx.example.org");
        assert_eq!(r.id, "4ABC");
        let r = relay("from friend (unknown [198.51.100.2]) by mx (Postfix) with SMTP");
        assert_eq!(r.rdns, "");
        assert_eq!(r.helo, "friend");
        assert_eq!(parse("by localhost with LMTP"), Parsed::Skip);
    }

    #[test]
    fn sendmail_without_rdns_and_qmail() {
        // sendmail writes no rDNS when the client has none: RDNS_NONE reads "rdns= ".
        let r = relay(
            "from CCF5924 ([59.172.216.90])\tby speedy.example.ca (8.12.8/8.12.5) with SMTP id l3FDEk0I025354 for <a@example.ca>; Sun, 15 Apr 2007 09:14:48 -0400",
        );
        assert_eq!(
            r.as_string(),
            "[ ip=59.172.216.90 rdns= helo=CCF5924 by=speedy.example.ca ident= envfrom= intl=0 id=l3FDEk0I025354 auth= msa=0 ]"
        );
        let r = relay(
            "from unknown (HELO pc7) (198.51.100.9) by mail.example.net with SMTP; 14 Mar 2003 07:24:34 -0000",
        );
        assert_eq!((r.rdns.as_str(), r.helo.as_str()), ("", "pc7"));
        assert_eq!(r.ip, "198.51.100.9");
        let r = relay(
            "from [198.51.100.4] (helo=box) by mx.example.org with esmtp (Exim 4.50) id 1AbC",
        );
        assert_eq!((r.ip.as_str(), r.helo.as_str()), ("198.51.100.4", "box"));
    }

    #[test]
    fn trust_boundary_and_originating_ip() {
        let received = [
            "from gw (gw.example.org [10.0.0.2]) by mx.example.org (Postfix) with ESMTP id 1",
            "from a.example.net (a.example.net [198.51.100.7]) by gw.example.org (Postfix) with ESMTP id 2",
        ];
        let r = Relays::new(received.into_iter(), ["[192.0.2.44]"].into_iter());
        assert_eq!(r.trusted.len(), 1);
        assert!(r.trusted[0].internal);
        assert_eq!(r.untrusted.len(), 2);
        assert_eq!(r.untrusted[1].ip, "192.0.2.44");
        assert!(
            r.untrusted_str()
                .starts_with("[ ip=198.51.100.7 rdns=a.example.net ")
        );
    }
}
