#!/usr/bin/env python3
"""Writes a large eopctl state file for the CLI benchmark.

usage: gen-state.py OUT.yaml [MAILUSERS] [INBOUND] [OUTBOUND]
Defaults: 10,000 MailUsers, 1,000 InboundConnectors, 1,000 OutboundConnectors (issue 2).
"""
import sys

out = sys.argv[1]
users, inbound, outbound = (int(a) for a in (sys.argv[2:5] + ["10000", "1000", "1000"][len(sys.argv) - 2:]))

lines = [
    "apiVersion: eopctl/v3",
    "revision: 1",
    "AcceptedDomains:",
    "- Name: contoso.com",
    "  DomainName: contoso.com",
    "  DomainType: Authoritative",
    "  Default: true",
    "MailUsers:",
]
for i in range(users):
    lines += [
        f"- Name: user{i}",
        f"  PrimarySmtpAddress: user{i}@contoso.com",
        f"  ExternalEmailAddress: user{i}@onprem.contoso.com",
    ]
lines.append("InboundConnectors:")
for i in range(inbound):
    lines += [
        f"- Name: Partner {i}",
        "  ConnectorType: Partner",
        f"  SenderIPAddresses: [10.{i // 256}.{i % 256}.0/24]",
        f"  SenderDomains: [partner{i}.example]",
        "  RestrictDomainsToIPAddresses: true",
    ]
lines.append("OutboundConnectors:")
for i in range(outbound):
    lines += [
        f"- Name: To partner {i}",
        "  ConnectorType: Partner",
        f"  SmartHosts: [mx{i}.partner{i}.example]",
        f"  RecipientDomains: [partner{i}.example]",
        "  TlsSettings: CertificateValidation",
    ]
with open(out, "w") as f:
    f.write("\n".join(lines) + "\n")
