#!/usr/bin/env bash
# Hybrid scenario 3 (seed 004): the MX record points to the on-premises server, which
# filters mail and forwards the hosted mailboxes' mail to the service. The hosted
# mailboxes' Internet mail goes out through the on-premises server too.
#
# usage: EOPCTL_STATE=eop.yaml examples/hybrid-scenario3/setup.sh   (eopctl on PATH, or EOPCTL=path)
# Settings (environment, with defaults):
#   DOMAIN            contoso.com
#   ONPREM_HOST       mail.$DOMAIN      the on-premises server (FQDN or IP, optional :port)
#   ONPREM_IP         131.107.21.231    its public address, which identifies its mail
#   HOSTED_MAILBOXES  alice@$DOMAIN     the mailboxes moved to the service
#   LISTEN            0.0.0.0:25        the relay's listener (on-premises mail comes here)
#   SERVICE_HOST      mx.$DOMAIN        this service's public name (the MX host when MX points here)
#   SERVICE_IP        203.0.113.25      this service's public address (for SPF)
set -euo pipefail
eopctl=${EOPCTL:-eopctl}
DOMAIN=${DOMAIN:-contoso.com}
ONPREM_HOST=${ONPREM_HOST:-mail.$DOMAIN}
ONPREM_IP=${ONPREM_IP:-131.107.21.231}
HOSTED_MAILBOXES=${HOSTED_MAILBOXES:-alice@$DOMAIN}
LISTEN=${LISTEN:-0.0.0.0:25}
SERVICE_HOST=${SERVICE_HOST:-mx.$DOMAIN}
SERVICE_IP=${SERVICE_IP:-203.0.113.25}

# Best practice 1: add the domain. InternalRelay: recipients the service does not host are
# on premises.
$eopctl New-AcceptedDomain -Name "$DOMAIN" -DomainName "$DOMAIN" -DomainType InternalRelay

# Best practice 2: the mailboxes hosted in the service.
IFS=, read -ra hosted <<<"$HOSTED_MAILBOXES"
for mailbox in "${hosted[@]}"; do
  $eopctl New-Mailbox -Name "${mailbox%@*}" -PrimarySmtpAddress "$mailbox"
done

# Best practice 3: DNS. The MX record stays on the on-premises server; SPF lists it and the
# service. The relay listens for what the on-premises server forwards.
$eopctl Set-OrganizationConfig -MxRecordPointsTo OnPremises \
  -ServiceHostNames "$SERVICE_HOST" -ServiceIPAddresses "$SERVICE_IP"
$eopctl New-ReceiveConnector -Name "Default" -Bindings "$LISTEN" -Fqdn "$SERVICE_HOST"

# Best practice 4: connectors both ways, made up front. Service to on premises: mail for
# the domain's on-premises recipients, and (RouteAllMessagesViaOnPremises) the hosted
# mailboxes' Internet mail, which must leave through the on-premises server.
$eopctl New-OutboundConnector -Name "To on-premises" -ConnectorType OnPremises \
  -SmartHosts "$ONPREM_HOST" -RecipientDomains "$DOMAIN" -RouteAllMessagesViaOnPremises '$true'
# On premises to service. Internet mail arrives here from the on-premises server, so its
# address is not the sender's: enhanced filtering (EFSkipLastIP) skips that last hop and
# judges the original client's address recorded in the Received header (connection
# filter, SPF).
$eopctl New-InboundConnector -Name "From on-premises" -ConnectorType OnPremises \
  -SenderIPAddresses "$ONPREM_IP" -SenderDomains '*' -EFSkipLastIP '$true'

# Best practice 5 (partner restrictions for mail to on premises by MX) is configured on the
# on-premises server.
