# exit: 0
# Connectors for an on-premises organization, as "Create required connectors to set up
# basic email flow through EOP" sets them up, then edited through pipelines.
$Domain = "contoso.com"
New-AcceptedDomain -Name $Domain -DomainName $Domain -DomainType Authoritative | Out-Null

New-InboundConnector -Name "From on-premises" -ConnectorType OnPremises `
    -SenderIPAddresses 192.0.2.10, 192.0.2.11 -SenderDomains * | Out-Null
New-InboundConnector -Name "Partner Fabrikam" -ConnectorType Partner `
    -SenderDomains fabrikam.com -RequireTls:$true -TlsSenderCertificateName mail.fabrikam.com | Out-Null
New-OutboundConnector -Name "To on-premises" -ConnectorType OnPremises `
    -SmartHosts "mail.$Domain" -RecipientDomains $Domain | Out-Null

# Turn every partner connector off, and add an address to the on-premises one.
Get-InboundConnector | Where-Object { $_.ConnectorType -eq 'Partner' } | Set-InboundConnector -Enabled $false
Set-InboundConnector "From on-premises" -SenderIPAddresses @{Add = "192.0.2.12"; Remove = "192.0.2.11"}

Get-InboundConnector | Format-Table Name, ConnectorType, Enabled, SenderIPAddresses
Get-InboundConnector | Where-Object { $_.Enabled -and $_.SenderIPAddresses -contains '192.0.2.12' } | Select-Object -ExpandProperty Name
$c = Get-OutboundConnector "To on-premises"
"Outbound: $($c.Name) via $($c.SmartHosts)"
(Get-InboundConnector).Count
