#!/usr/bin/env bash
# Hybrid scenario 1 (seed 004): the MX record points to the service, which filters all
# messages. Some mailboxes are hosted here, the rest stay on the on-premises server; the
# on-premises server sends its Internet mail through the service.
#
# usage: EOPCTL_STATE=eop.yaml examples/hybrid-scenario1/setup.sh   (eopctl on PATH, or EOPCTL=path)
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
# on premises, so their mail goes on to the on-premises server.
$eopctl New-AcceptedDomain -Name "$DOMAIN" -DomainName "$DOMAIN" -DomainType InternalRelay

# Best practice 2: the mailboxes hosted in the service.
IFS=, read -ra hosted <<<"$HOSTED_MAILBOXES"
for mailbox in "${hosted[@]}"; do
  $eopctl New-Mailbox -Name "${mailbox%@*}" -PrimarySmtpAddress "$mailbox"
done

# Best practice 3: DNS. The MX record points to the service (this listener); SPF lists the
# service and the on-premises server (Get-DnsGuidance -DomainName $DOMAIN prints both).
$eopctl Set-OrganizationConfig -MxRecordPointsTo Service \
  -ServiceHostNames "$SERVICE_HOST" -ServiceIPAddresses "$SERVICE_IP"
$eopctl New-ReceiveConnector -Name "Internet" -Bindings "$LISTEN" -Fqdn "$SERVICE_HOST"

# Best practice 4: connectors both ways. Service to on premises: mail for the domain's
# on-premises recipients goes to its smart host.
$eopctl New-OutboundConnector -Name "To on-premises" -ConnectorType OnPremises \
  -SmartHosts "$ONPREM_HOST" -RecipientDomains "$DOMAIN"
# On premises to service: its Internet mail (and its NDRs) may relay through the service.
$eopctl New-InboundConnector -Name "From on-premises" -ConnectorType OnPremises \
  -SenderIPAddresses "$ONPREM_IP" -SenderDomains '*'

# Best practice 5: no partner connectors; the service delivers to the Internet by MX.
