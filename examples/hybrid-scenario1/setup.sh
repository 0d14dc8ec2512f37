#!/usr/bin/env bash
# Hybrid scenario 1 ("Manage mail flow with mailboxes in multiple locations"): the MX record points to the service, which filters all
# messages. Some mailboxes are hosted here, the rest stay on the on-premises server; the
# on-premises server sends its Internet mail through the service.
#
# usage: EOPCTL_STATE=eop.yaml examples/hybrid-scenario1/setup.sh   (eopctl on PATH, or EOPCTL=path)
# Settings: the environment variables examples/lib/hybrid.bash lists (DOMAIN, ONPREM_HOST,
# ONPREM_IP, HOSTED_MAILBOXES, LISTEN, SERVICE_HOST, SERVICE_IP).
set -euo pipefail
# Internet mail arrives here first and is filtered here.
MX_POINTS_TO=Service
# Only mail for on-premises recipients goes on premises; mail from there is the server's own.
ROUTE_ALL='$false'
EF_SKIP_LAST_IP='$false'
source "$(dirname "$0")/../lib/hybrid.bash"
