#!/usr/bin/env bash
# EOP standalone protecting on-premises mailboxes ("Protect on-premises mailboxes with Exchange Online
# Protection", steps 1-6, with the connectors of "Create required connectors to set up basic email flow through EOP"): the service receives the domain's mail from the Internet, filters it, and
# delivers it to the on-premises server; the on-premises server sends its outbound mail
# through the service.
#
# usage: EOPCTL_STATE=eop.yaml examples/standalone/setup.sh   (eopctl on PATH, or EOPCTL=path)
# Settings (environment, with defaults):
#   DOMAIN                   contoso.com
#   ONPREM_HOST              mail.$DOMAIN        the on-premises server the service delivers to
#                                                (FQDN or IP, optional :port)
#   ONPREM_CERTIFICATE_NAME  mail.$DOMAIN        the name in its TLS certificate; set it empty
#                                                to identify it by ONPREM_IP instead
#   ONPREM_IP                131.107.21.231      its public address (used without a certificate)
#   ONPREM_USERS             ann@$DOMAIN,bob@$DOMAIN   the on-premises mailboxes
#   LISTEN                   0.0.0.0:25          the relay's listener for Internet mail
#   SERVICE_HOST             mx.$DOMAIN          this service's public name (its MX host)
#   SERVICE_IP               203.0.113.25        this service's public address (for SPF)
set -euo pipefail
eopctl=${EOPCTL:-eopctl}
DOMAIN=${DOMAIN:-contoso.com}
ONPREM_HOST=${ONPREM_HOST:-mail.$DOMAIN}
ONPREM_CERTIFICATE_NAME=${ONPREM_CERTIFICATE_NAME-mail.$DOMAIN}
ONPREM_IP=${ONPREM_IP:-131.107.21.231}
ONPREM_USERS=${ONPREM_USERS:-ann@$DOMAIN,bob@$DOMAIN}
LISTEN=${LISTEN:-0.0.0.0:25}
SERVICE_HOST=${SERVICE_HOST:-mx.$DOMAIN}
SERVICE_IP=${SERVICE_IP:-203.0.113.25}

# Step 1: add the domain. Authoritative: every recipient is listed in step 2.
$eopctl New-AcceptedDomain -Name "$DOMAIN" -DomainName "$DOMAIN" -DomainType Authoritative

# Step 2: add the recipients, so Directory Based Edge Blocking (on by default) lets their
# mail in and refuses unknown addresses at RCPT.
IFS=, read -ra users <<<"$ONPREM_USERS"
for user in "${users[@]}"; do
  $eopctl New-MailUser -Name "${user%@*}" -PrimarySmtpAddress "$user"
done

# Step 3: the connectors ("Create required connectors to set up basic email flow through EOP"). Inbound: the service accepts the on-premises server's
# outbound mail, recognised by its certificate over forced TLS (recommended), or else by
# its address; sender domains *.
if [[ -n $ONPREM_CERTIFICATE_NAME ]]; then
  $eopctl New-InboundConnector -Name "From on-premises" -ConnectorType OnPremises \
    -RequireTls '$true' -RestrictDomainsToCertificate '$true' \
    -TlsSenderCertificateName "$ONPREM_CERTIFICATE_NAME" -SenderDomains '*' \
    -CloudServicesMailEnabled '$true'
else
  $eopctl New-InboundConnector -Name "From on-premises" -ConnectorType OnPremises \
    -SenderIPAddresses "$ONPREM_IP" -SenderDomains '*' -CloudServicesMailEnabled '$true'
fi
# Outbound: filtered mail for every accepted domain goes to the on-premises smart host.
$eopctl New-OutboundConnector -Name "To on-premises" -ConnectorType OnPremises \
  -SmartHosts "$ONPREM_HOST" -AllAcceptedDomains '$true'

# Step 4 happens on premises: let port 25 accept mail only from the service's addresses
# (Get-OrganizationConfig shows ServiceIPAddresses), with a 60 second connection timeout.

# Step 5: spam goes to each user's Junk Email folder. The Default content filter policy's
# SpamAction is already MoveToJmf: for on-premises recipients the service stamps the SCL
# (X-MS-Exchange-Organization-SCL) the on-premises server files by; see it with
# Get-HostedContentFilterPolicy, choose another action with Set-HostedContentFilterPolicy.

# Step 6: the MX record points to the service; this is its listener for Internet mail.
$eopctl Set-OrganizationConfig -MxRecordPointsTo Service \
  -ServiceHostNames "$SERVICE_HOST" -ServiceIPAddresses "$SERVICE_IP"
# The on-premises server identified by its certificate must be offered STARTTLS: the
# listener presents a certificate for the service's name (self-signed here; import the
# CA-issued one with Import-ExchangeCertificate).
tls=()
if [[ -n $ONPREM_CERTIFICATE_NAME ]]; then
  $eopctl New-ExchangeCertificate -SubjectName "CN=$SERVICE_HOST" >/dev/null
  tls=(-TlsCertificateName "$SERVICE_HOST")
fi
$eopctl New-ReceiveConnector -Name "Internet" -Bindings "$LISTEN" -Fqdn "$SERVICE_HOST" "${tls[@]}"
