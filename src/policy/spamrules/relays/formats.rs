//! The Received header formats SpamAssassin's parser knows, in its order: one table of
//! patterns per stage (the MTA-specific blocks, the general forms, the late and last
//! resorts) and the lines to ignore.

use super::*;

pub(super) const IPV4: &str =
    r"\b(?:(?:1\d\d|2[0-4]\d|25[0-5]|[1-9]?\d)\.){3}(?:1\d\d|2[0-4]\d|25[0-5]|[1-9]?\d)\b";
pub(super) const IPV6: &str = r"(?:IPv6:)?(?<![0-9a-fA-F:])(?:[0-9a-fA-F]{0,4}:){2,7}(?:[0-9a-fA-F]{1,4}|(?:\d{1,3}\.){3}\d{1,3})?";

pub(super) fn re(pattern: &str) -> Regex {
    let pattern = pattern.replace("IP", &format!("(?:{IPV4}|{IPV6})"));
    Regex::new(&pattern).expect("the Received patterns compile")
}

pub(super) static IP_ANY: LazyLock<Regex> = LazyLock::new(|| re("IP"));
pub(super) static PRIVATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:(?:10|127|169\.254|172\.(?:1[6-9]|2[0-9]|3[01])|192\.168|100\.(?:6[4-9]|[7-9][0-9]|1[01][0-9]|12[0-7]))\.|::1$|fe[89ab][0-9a-f]:|::ffff:(?:10|127|192\.168)\.)",
    )
    .expect("compiles")
});

/// How a pattern's groups fill a relay: one letter per group (h helo, r rdns, I rdns
/// that may carry an IDENT user, i ip, b by,
/// d ident, e envfrom, s a comment holding `helo=`/`ident=`, R rdns that is also the
/// HELO, `-` ignored).
pub(super) struct Format {
    pub(super) guard: Option<Regex>,
    pub(super) pattern: Regex,
    pub(super) groups: &'static str,
}

pub(super) fn f(pattern: &str, groups: &'static str) -> Format {
    Format {
        guard: None,
        pattern: re(pattern),
        groups,
    }
}

/// Patterns tried only when the header names that MTA (SpamAssassin's if/elsif chain:
/// the first block whose guard matches is the only one tried).
pub(super) static MTA_BLOCKS: LazyLock<Vec<(Regex, Vec<Format>)>> = LazyLock::new(|| {
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
pub(super) static GENERAL: LazyLock<Vec<Format>> = LazyLock::new(|| {
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
pub(super) const QMAIL: &[(&str, &str)] = &[
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
pub(super) static LATE: LazyLock<Vec<Format>> = LazyLock::new(|| {
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

pub(super) static AFTER_BSMTP: LazyLock<Vec<Format>> = LazyLock::new(|| {
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

pub(super) static LAST: LazyLock<Vec<Format>> = LazyLock::new(|| {
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
pub(super) static IGNORE: LazyLock<Vec<Regex>> = LazyLock::new(|| {
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

pub(super) static DATE: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"[\s;]+(?:(?:Mon|T(?:ue|hu)|Wed|Fri|S(?:at|un)), )?\d+ (?:J(?:an|u[nl])|Feb|Ma[ry]|A(?:pr|ug)|Sep|Oct|Nov|Dec) \d+ \d+:\d+(?::\d+)? \S+$",
    )
});

macro_rules! rx {
    ($name:ident, $p:expr) => {
        pub(super) static $name: LazyLock<Regex> = LazyLock::new(|| re($p));
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
