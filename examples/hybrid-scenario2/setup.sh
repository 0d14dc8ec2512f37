#!/usr/bin/env bash
# Hybrid scenario 2 (seed 004): the MX record points to the service, and mail is filtered
# on premises: centralized mail transport. Internet mail for hosted mailboxes, and hosted
# mailboxes' Internet mail, go through the on-premises server and back.
#
# usage: EOPCTL_STATE=eop.yaml examples/hybrid-scenario2/setup.sh   (eopctl on PATH, or EOPCTL=path)
# Settings (environment, with defaults):
#   DOMAIN            contoso.com
#   ONPREM_HOST       mail.$DOMAIN      the on-premises server (FQDN or IP, optional :port)
#   ONPREM_IP         131.107.21.231    its public address, which identifies its mail
#   HOSTED_MAILBOXES  alice@$DOMAIN     the mailboxes moved to the service
#   LISTEN            0.0.0.0:25        the relay's listener (the MX host)
#   SERVICE_HOST      mx.$DOMAIN        this service's public name (its MX host)
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

# Best practice 3: DNS. The MX record points to the service (this listener).
$eopctl Set-OrganizationConfig -MxRecordPointsTo Service \
  -ServiceHostNames "$SERVICE_HOST" -ServiceIPAddresses "$SERVICE_IP"
$eopctl New-ReceiveConnector -Name "Internet" -Bindings "$LISTEN" -Fqdn "$SERVICE_HOST"

# Best practice 4: centralized mail transport. RouteAllMessagesViaOnPremises: Internet
# mail for hosted mailboxes (line 1) and Internet-bound mail of hosted mailboxes (line 4)
# go to the on-premises server first. Its compliance checks done, it sends them back.
$eopctl New-OutboundConnector -Name "To on-premises" -ConnectorType OnPremises \
  -SmartHosts "$ONPREM_HOST" -RecipientDomains "$DOMAIN" -RouteAllMessagesViaOnPremises '$true'
# Mail back from on premises is recognised by its address: it is delivered to the hosted
# mailbox or sent to the Internet, never sent on premises again.
$eopctl New-InboundConnector -Name "From on-premises" -ConnectorType OnPremises \
  -SenderIPAddresses "$ONPREM_IP" -SenderDomains '*'
