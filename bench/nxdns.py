#!/usr/bin/env python3
"""A loopback DNS server that answers every query at once with NXDOMAIN, so the relay's
sender-authentication lookups (SPF, DMARC, DNSBL) cost a real round trip instead of a
resolver timeout.  usage: nxdns.py PORT   (UDP on 127.0.0.1, runs until killed)"""
import socket
import sys

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
    # Same ID and question; QR=1, RD copied, RA=1, RCODE=3 (NXDOMAIN); no records.
    flags = 0x8000 | (query[2] << 8 & 0x0100) | 0x0080 | 3
    head = query[:2] + flags.to_bytes(2, "big") + b"\0\1" + b"\0" * 6
    sock.sendto(head + query[12:end], peer)
