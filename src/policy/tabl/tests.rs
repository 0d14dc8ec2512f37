use super::*;

const NOW: i64 = 1_800_000_000;

fn entry(id: &str, list: ListType, value: &str, action: Action) -> Entry {
    Entry {
        id: id.into(),
        list_type: list,
        value: normalize(list, value).unwrap(),
        action,
        expires: None,
    }
}

fn lists(entries: &[(ListType, &str, Action)]) -> Lists {
    Lists::build(
        entries
            .iter()
            .enumerate()
            .map(|(i, (l, v, a))| entry(&format!("e{i}"), *l, v, *a)),
        NOW,
    )
}

fn url_hit(l: &Lists, url: &str) -> Option<String> {
    l.url(&Link::parse(url).unwrap(), NOW)
        .map(|e| format!("{:?} {}", e.action, e.value))
}

/// The scenarios of "URL syntax for the Tenant Allow/Block List", one entry at a time,
/// as an allow and as a block entry.
#[test]
fn url_scenarios_of_the_article() {
    // entry, allow match, allow not matched, block match, block not matched
    type Case<'a> = (
        &'a str,
        &'a [&'a str],
        &'a [&'a str],
        &'a [&'a str],
        &'a [&'a str],
    );
    let cases: &[Case] = &[
        (
            "contoso.com",
            &["contoso.com"],
            &[
                "abc-contoso.com",
                "contoso.com/a",
                "payroll.contoso.com",
                "www.contoso.com",
            ],
            &[
                "contoso.com",
                "contoso.com/a",
                "payroll.contoso.com",
                "www.contoso.com/q=a@contoso.com",
            ],
            &["abc-contoso.com"],
        ),
        (
            "*.contoso.com",
            &["www.contoso.com", "xyz.abc.contoso.com"],
            &["123contoso.com", "contoso.com", "www.contoso.com/abc"],
            &["www.contoso.com", "xyz.abc.contoso.com"],
            &["123contoso.com", "contoso.com", "www.contoso.com/abc"],
        ),
        (
            "contoso.com/a/*",
            &[
                "contoso.com/a/b",
                "contoso.com/a/b/c",
                "contoso.com/a/?q=joe@t.com",
            ],
            &["contoso.com", "contoso.com/a", "www.contoso.com"],
            &["contoso.com/a/b", "contoso.com/a/b/c"],
            &["contoso.com", "contoso.com/a", "www.contoso.com"],
        ),
        (
            "~contoso.com",
            &["contoso.com", "www.contoso.com", "xyz.abc.contoso.com"],
            &["123contoso.com", "contoso.com/abc", "www.contoso.com/abc"],
            &["contoso.com", "www.contoso.com"],
            &["123contoso.com", "contoso.com/abc"],
        ),
        (
            "contoso.com/*",
            &[
                "contoso.com/?q=whatever@fabrikam.com",
                "contoso.com/a",
                "contoso.com/ba",
            ],
            &["contoso.com"],
            &["contoso.com/a/b/c", "contoso.com/b"],
            &["contoso.com"],
        ),
        (
            "*.contoso.com/*",
            &["abc.contoso.com/ab", "abc.xyz.contoso.com/a/b/c"],
            &["contoso.com/b"],
            &["www.contoso.com/b/a/c"],
            &["contoso.com/b"],
        ),
        (
            "~contoso.com~",
            &[
                "contoso.com",
                "contoso.com/a",
                "www.contoso.com/b",
                "abc.xyz.contoso.com/a/b/c",
            ],
            &["123contoso.com", "contoso.org"],
            &["contoso.com/b/a/c"],
            &["123contoso.com"],
        ),
        (
            "1.2.3.4",
            &["1.2.3.4"],
            &["1.2.3.4/a", "11.2.3.4/a"],
            &["1.2.3.4"],
            &["1.2.3.4/a", "11.2.3.4/a"],
        ),
        (
            "1.2.3.4/*",
            &["1.2.3.4/b", "1.2.3.4/baaaa"],
            &[],
            &["1.2.3.4/b"],
            &[],
        ),
        // A path without a wildcard: exact for an allow, the path and below for a block.
        (
            "contoso.com/a",
            &["contoso.com/a"],
            &["contoso.com/ab", "contoso.com/a/b"],
            &["contoso.com/a", "contoso.com/a/b", "contoso.com/a?q=1"],
            &["contoso.com/ab", "www.contoso.com/a"],
        ),
    ];
    for (value, allow, not_allow, block, not_block) in cases {
        for (action, hit, miss) in [
            (Action::Allow, allow, not_allow),
            (Action::Block, block, not_block),
        ] {
            let l = lists(&[(ListType::Url, value, action)]);
            for u in hit.iter() {
                assert!(
                    url_hit(&l, &format!("http://{u}")).is_some(),
                    "{action:?} {value} should match {u}"
                );
            }
            for u in miss.iter() {
                assert_eq!(
                    url_hit(&l, &format!("https://{u}")),
                    None,
                    "{action:?} {value} should not match {u}"
                );
            }
        }
    }
}

#[test]
fn url_entries_the_article_calls_invalid() {
    for bad in [
        "contoso",
        "*.contoso.*",
        "*.com",
        "*contoso.com",
        "contoso.com*",
        "*1.2.3.4",
        "1.2.3.4*",
        "contoso.com/a*",
        "contoso.com/ab*",
        "contoso.com:443",
        "abc.contoso.com:25",
        "*",
        "*.*",
        "conto*so.com",
        "conto~so.com",
        "contoso.com/**",
        "contoso.com/*/*",
        "'contoso.com'",
        "user@contoso.com",
    ] {
        assert!(
            normalize(ListType::Url, bad).is_err(),
            "{bad} should be refused"
        );
    }
    assert!(normalize(ListType::Url, &format!("{}.com", "a".repeat(250))).is_err());
    for good in [
        "t.co",
        "*.xyz/*",
        "~contoso.com~",
        "http://Contoso.com/A",
        "[2001:db8::1]",
    ] {
        assert!(normalize(ListType::Url, good).is_ok(), "{good}");
    }
    assert_eq!(
        normalize(ListType::Url, "HTTPS://Contoso.com/A/").unwrap(),
        "contoso.com/a"
    );
}

#[test]
fn sender_values_and_matches() {
    assert_eq!(
        normalize(ListType::Sender, "Ann@Fabrikam.COM").unwrap(),
        "ann@fabrikam.com"
    );
    assert_eq!(
        normalize(ListType::Sender, "bad%2Battacker@fourthcoffee.com").unwrap(),
        "bad+attacker@fourthcoffee.com",
        "special characters come URL-encoded"
    );
    assert!(normalize(ListType::Sender, "not an address@").is_err());
    assert!(normalize(ListType::Sender, "*.fabrikam.com").is_ok());
    let l = lists(&[
        (ListType::Sender, "ann@fabrikam.com", Action::Allow),
        (ListType::Sender, "fabrikam.com", Action::Block),
        (ListType::Sender, "*.tailspin.example", Action::Block),
        (ListType::Sender, "woodgrove.example", Action::Allow),
    ]);
    let hit = |a: &str| l.sender(a, NOW).map(|e| (e.action, e.value.clone()));
    // A block entry wins over an allow entry that matches too.
    assert_eq!(
        hit("ANN@fabrikam.com"),
        Some((Action::Block, "fabrikam.com".into()))
    );
    // A plain domain does not cover its subdomains; `*.` covers the domain and below.
    assert_eq!(hit("bob@sales.fabrikam.com"), None);
    assert_eq!(hit("x@tailspin.example").unwrap().0, Action::Block);
    assert_eq!(hit("x@a.b.tailspin.example").unwrap().0, Action::Block);
    assert_eq!(hit("<eve@woodgrove.example>").unwrap().0, Action::Allow);
    assert_eq!(hit("eve@contoso.com"), None);
}

#[test]
fn ip_and_file_hash() {
    assert!(normalize(ListType::Ip, "192.0.2.1-192.0.2.9").is_err());
    assert_eq!(
        normalize(ListType::Ip, "::ffff:192.0.2.1").unwrap(),
        "192.0.2.1"
    );
    assert!(normalize(ListType::FileHash, "abc").is_err());
    let hash = "9F86D081884C7D659A2FEAA0C55AD015A3BF4F1B2B0B822CD15D6C15B0F00A08";
    let l = lists(&[
        (ListType::Ip, "2001:db8::/32", Action::Block),
        (ListType::Ip, "2001:db8:1::/48", Action::Allow),
        (ListType::Ip, "192.0.2.7", Action::Allow),
        (ListType::FileHash, hash, Action::Block),
    ]);
    let ip = |a: &str| l.ip(a.parse().unwrap(), NOW).map(|e| e.action);
    // Block entries take precedence, however specific the allow.
    assert_eq!(ip("2001:db8:1::5"), Some(Action::Block));
    assert_eq!(ip("::ffff:192.0.2.7"), Some(Action::Allow));
    assert_eq!(ip("198.51.100.1"), None);
    assert!(l.file(&hash.to_ascii_lowercase(), NOW).is_some());
}

#[test]
fn expired_entries_do_not_act() {
    let mut e = entry("old", ListType::Sender, "fabrikam.com", Action::Block);
    e.expires = Some(NOW + 10);
    let l = Lists::build([e.clone()], NOW);
    assert!(l.sender("a@fabrikam.com", NOW).is_some());
    assert_eq!(l.next_expiry(), Some(NOW + 10));
    assert!(
        l.sender("a@fabrikam.com", NOW + 10).is_none(),
        "expired at match time"
    );
    assert!(
        Lists::build([e], NOW + 11).is_empty(),
        "expired at build time"
    );
}

fn message(text: &str) -> mail_parser::Message<'_> {
    mail_parser::MessageParser::default()
        .parse(text.as_bytes())
        .unwrap()
}

#[test]
fn content_verdicts_name_their_entry() {
    let eicarish = "From: ann@fabrikam.com\r\nSubject: x\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nsee http://www.contoso.com/login?u=1.\r\n--b\r\nContent-Type: application/octet-stream\r\nContent-Disposition: attachment; filename=\"test.bin\"\r\n\r\ntest\r\n--b--\r\n";
    let m = message(eicarish);
    let digests = attachment_digests(&m);
    assert_eq!(digests[0].name, "test.bin");
    let hash = digests[0].sha256.clone();
    assert_eq!(
        links(&m),
        [Link {
            host: "www.contoso.com".into(),
            path: "/login?u=1".into()
        }]
    );
    let l = lists(&[
        (ListType::FileHash, &hash, Action::Block),
        (ListType::Url, "*.contoso.com/*", Action::Block),
        (ListType::Sender, "fabrikam.com", Action::Allow),
    ]);
    let v = content(&l, Some("bounce@mailer.example"), Some(&m), NOW);
    assert!(v.malware.unwrap().reason.contains("test.bin is blocked"));
    let phish = v.phish.unwrap().to_string();
    assert!(
        phish.starts_with("TenantAllowBlockListItem \"e1\": Url block entry *.contoso.com/*"),
        "{phish}"
    );
    assert!(
        v.allowed
            .unwrap()
            .reason
            .contains("the From ann@fabrikam.com is allowed")
    );
    // The envelope sender counts as well as the From address; a block wins.
    let l = lists(&[
        (ListType::Sender, "fabrikam.com", Action::Allow),
        (ListType::Sender, "mailer.example", Action::Block),
    ]);
    let v = content(&l, Some("bounce@mailer.example"), Some(&m), NOW);
    assert!(v.allowed.is_none());
    assert!(
        v.phish
            .unwrap()
            .reason
            .contains("envelope sender bounce@mailer.example")
    );
}

#[test]
fn ip_entries_at_connect() {
    let state = crate::state::store::parse(
        "apiVersion: eopctl/v2\nHostedConnectionFilterPolicy: { Name: Default, IPBlockList: [198.51.100.0/24] }\n",
        std::path::Path::new("t.yaml"),
    )
    .unwrap();
    let filter = ConnectionFilter::build(&state.connection_filter);
    let l = lists(&[
        (ListType::Ip, "198.51.100.7", Action::Allow),
        (ListType::Ip, "203.0.113.0/24", Action::Block),
    ]);
    let judge = |ip: &str| {
        let ip: IpAddr = ip.parse().unwrap();
        let client =
            crate::policy::connection::identify(&state, Origin::Client(ip), &Default::default());
        connection(&filter, &l, &client, ip, &[], NOW)
    };
    let v = judge("203.0.113.9");
    assert_eq!(v.blocked.as_ref().unwrap().0, Refusal::IpBlocked);
    assert!(
        v.blocked
            .unwrap()
            .1
            .object
            .starts_with("TenantAllowBlockListItem")
    );
    // The allow entry overrides the connection filter's IPBlockList, and nothing more.
    let v = judge("198.51.100.7");
    assert!(v.blocked.is_none() && !v.allowed, "{v:?}");
    assert!(v.blame[0].reason.contains("allowed"));
    assert!(judge("198.51.100.8").blocked.is_some());
}
