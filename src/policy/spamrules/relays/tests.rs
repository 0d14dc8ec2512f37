//! Unit tests of the Received parser on headers in each MTA's format.

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
    let r =
        relay("from [198.51.100.4] (helo=box) by mx.example.org with esmtp (Exim 4.50) id 1AbC");
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
