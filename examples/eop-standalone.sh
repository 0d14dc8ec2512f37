#!/usr/bin/env bash
# EOP standalone protecting on-premises mailboxes (seed 000, seed 001): the service
# receives contoso.com's mail from the Internet, filters it, and delivers it to the
# on-premises server; the on-premises server sends outbound mail through the service.
#
# usage: EOPCTL_STATE=eop.yaml examples/eop-standalone.sh   (eopctl on PATH, or EOPCTL=path)
set -euo pipefail
eopctl=${EOPCTL:-eopctl}

# Step 1: the domain.
$eopctl New-AcceptedDomain -Name contoso.com -DomainName contoso.com -DomainType Authoritative

# Step 2: the on-premises recipients, so Directory Based Edge Blocking lets their mail in.
$eopctl New-MailUser -Name "Ann Beebe" -PrimarySmtpAddress ann@contoso.com
$eopctl New-MailUser -Name "Bo Chen" -PrimarySmtpAddress bo@contoso.com

# Step 3: connectors (seed 001). Mail from the on-premises server is recognised by its
# certificate, over forced TLS; mail to it goes to its smart host.
$eopctl New-InboundConnector -Name "From on-premises" -ConnectorType OnPremises \
  -RequireTls '$true' -RestrictDomainsToCertificate '$true' \
  -TlsSenderCertificateName mail.contoso.com -SenderDomains '*' -CloudServicesMailEnabled '$true'
$eopctl New-OutboundConnector -Name "To on-premises" -ConnectorType OnPremises \
  -SmartHosts mail.contoso.com -AllAcceptedDomains '$true'

# The relay's listener for Internet mail.
$eopctl New-ReceiveConnector -Name "Internet" -Bindings 0.0.0.0:25 -Fqdn mx.contoso.com
