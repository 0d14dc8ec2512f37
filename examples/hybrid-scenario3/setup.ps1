# Hybrid scenario 3 ("Manage mail flow with mailboxes in multiple locations"): the MX
# record points to the on-premises server, which filters mail and forwards the hosted
# mailboxes' mail to the service. The hosted mailboxes' Internet mail goes out through
# the on-premises server too.
# In PowerShell's syntax: the same state as setup.sh with its default settings.
#
# usage: eopctl --state eop.yaml -File examples/hybrid-scenario3/setup.ps1
# Settings: change the variables below (setup.sh reads the same ones from the environment).
$Domain = "contoso.com"
$OnPremHost = "mail.$Domain"     # the on-premises server (FQDN or IP, optional :port)
$OnPremIP = "131.107.21.231"      # its public address, which identifies its mail
$Listen = "0.0.0.0:25"            # the relay's listener
$ServiceHost = "mx.$Domain"      # this service's public name
$ServiceIP = "203.0.113.25"       # this service's public address (for SPF)

# Best practice 1: add the domain. InternalRelay: recipients the service does not host are
# on premises, so their mail goes on to the on-premises server.
New-AcceptedDomain -Name $Domain -DomainName $Domain -DomainType InternalRelay

# Best practice 2: the mailboxes hosted in the service.
New-Mailbox -Name alice -PrimarySmtpAddress "alice@$Domain"

# Best practice 3: DNS (Get-DnsGuidance -DomainName $Domain prints the records).
Set-OrganizationConfig -MxRecordPointsTo OnPremises `
  -ServiceHostNames $ServiceHost -ServiceIPAddresses $ServiceIP
New-ReceiveConnector -Name "Default" -Bindings $Listen -Fqdn $ServiceHost

# Best practice 4: connectors both ways, made up front.
New-OutboundConnector -Name "To on-premises" -ConnectorType OnPremises `
  -SmartHosts $OnPremHost -RecipientDomains $Domain `
  -RouteAllMessagesViaOnPremises $true
New-InboundConnector -Name "From on-premises" -ConnectorType OnPremises `
  -SenderIPAddresses $OnPremIP -SenderDomains * -EFSkipLastIP $true

# Best practice 5: no partner connectors.
