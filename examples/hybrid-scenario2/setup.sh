#!/usr/bin/env bash
# Hybrid scenario 2 ("Manage mail flow with mailboxes in multiple locations"): the MX record points to the service, and mail is filtered
# on premises: centralized mail transport. Internet mail for hosted mailboxes, and hosted
# mailboxes' Internet mail, go through the on-premises server and back.
#
# usage: EOPCTL_STATE=eop.yaml examples/hybrid-scenario2/setup.sh   (eopctl on PATH, or EOPCTL=path)
# Settings: the environment variables examples/lib/hybrid.bash lists (DOMAIN, ONPREM_HOST,
# ONPREM_IP, HOSTED_MAILBOXES, LISTEN, SERVICE_HOST, SERVICE_IP).
set -euo pipefail
# Internet mail arrives here first.
MX_POINTS_TO=Service
# Centralized mail transport: Internet mail for hosted mailboxes (line 1) and their
# Internet-bound mail (line 4) go on premises first and come back after its checks.
ROUTE_ALL='$true'
EF_SKIP_LAST_IP='$false'
source "$(dirname "$0")/../lib/hybrid.bash"
