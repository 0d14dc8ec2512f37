#!/usr/bin/env python3
"""A loopback DNS server that answers every query at once with NXDOMAIN, so the relay's
sender-authentication lookups (SPF, DMARC, DNSBL) get an answer instead of a resolver
timeout. Like every real server (RFC 2308) it sends an SOA with the NXDOMAIN, whose
minimum TTL (TTL seconds) lets the relay's resolver cache the answer; TTL=0 makes every
lookup a round trip.  usage: [TTL=60] nxdns.py PORT   (UDP on 127.0.0.1, until killed)"""
import os
import socket
import sys

ttl = int(os.environ.get("TTL", "60"))
# Authority: the root's SOA (root names, serial 1, refresh/retry/expire, minimum = TTL).
rdata = b"\0\0" + b"".join(n.to_bytes(4, "big") for n in (1, 3600, 600, 86400, ttl))
soa = b"\0\0\x06\0\x01" + ttl.to_bytes(4, "big") + len(rdata).to_bytes(2, "big") + rdata
sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
sock.bind(("127.0.0.1", int(sys.argv[1])))
while True:
    query, peer = sock.recvfrom(512)
    if len(query) < 12:
        continue
    # The question ends after its labels' zero byte, QTYPE and QCLASS (the EDNS record
    # that may follow is not echoed).
    end = 12
    while end < len(query) and query[end]:
        end += 1 + query[end]
    end += 5
    # Same ID and question; QR=1, RD copied, RA=1, RCODE=3 (NXDOMAIN); no answer, the SOA.
    flags = 0x8000 | (query[2] << 8 & 0x0100) | 0x0080 | 3
    head = query[:2] + flags.to_bytes(2, "big") + b"\0\1\0\0\0\1\0\0"
    sock.sendto(head + query[12:end] + soa, peer)
