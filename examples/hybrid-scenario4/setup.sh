#!/usr/bin/env bash
# Hybrid scenario 4 ("Manage mail flow with mailboxes in multiple locations"): the MX record points to the on-premises server, which
# filters and provides compliance for all mail, forwards the hosted mailboxes' mail to the
# service, and relays all its Internet mail through the service.
#
# usage: EOPCTL_STATE=eop.yaml examples/hybrid-scenario4/setup.sh   (eopctl on PATH, or EOPCTL=path)
# Settings: the environment variables examples/lib/hybrid.bash lists (DOMAIN, ONPREM_HOST,
# ONPREM_IP, HOSTED_MAILBOXES, LISTEN, SERVICE_HOST, SERVICE_IP).
set -euo pipefail
# Internet mail arrives on premises first.
MX_POINTS_TO=OnPremises
# The on-premises server relays its Internet mail through the service; the hosted
# mailboxes send theirs from here.
ROUTE_ALL='$false'
# Internet mail for hosted mailboxes arrives through the on-premises server: enhanced
# filtering skips that last hop and judges the original client (connection filter, SPF).
EF_SKIP_LAST_IP='$true'
source "$(dirname "$0")/../lib/hybrid.bash"
