#!/usr/bin/env bash
# Hybrid scenario 4 (seed 004): the MX record points to the on-premises server, which
# filters and provides compliance for all mail, forwards the hosted mailboxes' mail to the
# service, and relays all its Internet mail through the service.
#
# usage: EOPCTL_STATE=eop.yaml examples/hybrid-scenario4/setup.sh   (eopctl on PATH, or EOPCTL=path)
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

# Best practice 3: DNS. The MX record points to the on-premises server (mail.$DOMAIN); SPF
# lists it and the service, which sends its Internet mail.
$eopctl Set-OrganizationConfig -MxRecordPointsTo OnPremises \
  -ServiceHostNames "$SERVICE_HOST" -ServiceIPAddresses "$SERVICE_IP"
$eopctl New-ReceiveConnector -Name "Default" -Bindings "$LISTEN" -Fqdn "$SERVICE_HOST"

# Best practice 4: connectors both ways. Service to on premises: mail for the domain's
# on-premises recipients.
$eopctl New-OutboundConnector -Name "To on-premises" -ConnectorType OnPremises \
  -SmartHosts "$ONPREM_HOST" -RecipientDomains "$DOMAIN"
# On premises to service: everything it sends to the Internet relays through the service,
# including NDRs and mail its users forward out (neither sender nor recipient domain is
# ours), so SenderDomains is *. Its Internet mail for hosted mailboxes arrives through it:
# enhanced filtering (EFSkipLastIP) judges the original client's address instead.
$eopctl New-InboundConnector -Name "From on-premises" -ConnectorType OnPremises \
  -SenderIPAddresses "$ONPREM_IP" -SenderDomains '*' -EFSkipLastIP '$true'

# Best practice 5 (partner restrictions for mail to on premises by MX) is configured on the
# on-premises server.
