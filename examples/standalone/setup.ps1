# EOP standalone protecting on-premises mailboxes ("Protect on-premises mailboxes with
# Exchange Online Protection", steps 1-6, with the connectors of "Create required
# connectors to set up basic email flow through EOP"), in PowerShell's syntax: the same
# state as setup.sh with its default settings.
#
# usage: eopctl --state eop.yaml -File examples/standalone/setup.ps1
# Settings: change the variables below (setup.sh reads the same ones from the environment).
$Domain = "contoso.com"
$OnPremHost = "mail.$Domain"              # the on-premises server the service delivers to
$OnPremCertificateName = "mail.$Domain"   # the name in its TLS certificate
$Listen = "0.0.0.0:25"                    # the relay's listener for Internet mail
$ServiceHost = "mx.$Domain"               # this service's public name (its MX host)
$ServiceIP = "203.0.113.25"               # this service's public address (for SPF)

# Step 1: add the domain. Authoritative: every recipient is listed in step 2.
New-AcceptedDomain -Name $Domain -DomainName $Domain -DomainType Authoritative

# Step 2: the recipients, so Directory Based Edge Blocking lets their mail in.
New-MailUser -Name ann -PrimarySmtpAddress "ann@$Domain"
New-MailUser -Name bob -PrimarySmtpAddress "bob@$Domain"

# Step 3: the connectors. Inbound: the on-premises server's mail, recognised by its
# certificate over forced TLS; outbound: filtered mail goes to the on-premises server.
New-InboundConnector -Name "From on-premises" -ConnectorType OnPremises `
  -RequireTls $true -RestrictDomainsToCertificate $true `
  -TlsSenderCertificateName $OnPremCertificateName -SenderDomains * `
  -CloudServicesMailEnabled $true
New-OutboundConnector -Name "To on-premises" -ConnectorType OnPremises `
  -SmartHosts $OnPremHost -AllAcceptedDomains $true

# Step 4 happens on premises. Step 5: the Default content filter policy already moves
# spam to the Junk Email folder.

# Step 6: the MX record points to the service; this is its listener for Internet mail,
# offering STARTTLS with a (self-signed) certificate for the service's name.
Set-OrganizationConfig -MxRecordPointsTo Service `
  -ServiceHostNames $ServiceHost -ServiceIPAddresses $ServiceIP
New-ExchangeCertificate -SubjectName "CN=$ServiceHost" | Out-Null
New-ReceiveConnector -Name "Internet" -Bindings $Listen -Fqdn $ServiceHost `
  -TlsCertificateName $ServiceHost
