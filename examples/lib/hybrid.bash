# The steps the four hybrid scenarios of "Manage mail flow with mailboxes in multiple locations" share (its "best practices" 1-5), sourced by
# examples/hybrid-scenario<N>/setup.sh after it says how its scenario differs:
#   MX_POINTS_TO     Service | OnPremises   where the domain's MX record points
#   ROUTE_ALL        '$true' | '$false'     centralized mail transport: the hosted mailboxes'
#                                           Internet mail goes out through on premises
#                                           (RouteAllMessagesViaOnPremises)
#   EF_SKIP_LAST_IP  '$true' | '$false'     Internet mail arrives through the on-premises
#                                           server: filters judge the client before it
# Settings (environment, with defaults):
#   DOMAIN            contoso.com
#   ONPREM_HOST       mail.$DOMAIN      the on-premises server (FQDN or IP, optional :port)
#   ONPREM_IP         131.107.21.231    its public address, which identifies its mail
#   HOSTED_MAILBOXES  alice@$DOMAIN     the mailboxes moved to the service
#   LISTEN            0.0.0.0:25        the relay's listener
#   SERVICE_HOST      mx.$DOMAIN        this service's public name
#   SERVICE_IP        203.0.113.25      this service's public address (for SPF)
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

# Best practice 3: DNS. Get-DnsGuidance -DomainName $DOMAIN prints the MX record (to the
# service or the on-premises server) and the SPF record listing both.
$eopctl Set-OrganizationConfig -MxRecordPointsTo "$MX_POINTS_TO" \
  -ServiceHostNames "$SERVICE_HOST" -ServiceIPAddresses "$SERVICE_IP"
$eopctl New-ReceiveConnector -Name "Default" -Bindings "$LISTEN" -Fqdn "$SERVICE_HOST"

# Best practice 4: connectors both ways, made up front. Service to on premises: mail for
# the domain's on-premises recipients, and with ROUTE_ALL the hosted mailboxes' mail too.
$eopctl New-OutboundConnector -Name "To on-premises" -ConnectorType OnPremises \
  -SmartHosts "$ONPREM_HOST" -RecipientDomains "$DOMAIN" \
  -RouteAllMessagesViaOnPremises "$ROUTE_ALL"
# On premises to service, recognised by its address: what it sends on to the Internet
# (NDRs and its users' forwards included, whose domains are not ours: SenderDomains *),
# and what comes back after its compliance checks, which is never sent on premises again.
$eopctl New-InboundConnector -Name "From on-premises" -ConnectorType OnPremises \
  -SenderIPAddresses "$ONPREM_IP" -SenderDomains '*' -EFSkipLastIP "$EF_SKIP_LAST_IP"

# Best practice 5: no partner connectors; partner restrictions for mail sent to the
# on-premises server by MX are set on that server.
