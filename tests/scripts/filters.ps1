# exit: 0
# Anti-spam and anti-malware settings in the style of the reference pages' examples.
New-AcceptedDomain -Name contoso.com -DomainName contoso.com -DomainType Authoritative | Out-Null
Set-HostedContentFilterPolicy -Identity Default -SpamAction Quarantine -BulkThreshold 6 `
    -AllowedSenderDomains @("contoso-partner.com", "fabrikam.com")
New-HostedContentFilterPolicy -Name "Executives" -SpamAction AddXHeader `
    -AddXHeaderValue "X-Spam: yes" | Out-Null
New-HostedContentFilterRule -Name "Executives" -HostedContentFilterPolicy "Executives" `
    -SentTo ceo@contoso.com -Priority 0 | Out-Null
Set-HostedConnectionFilterPolicy Default -IPBlockList 198.51.100.0/24 -EnableSafeList:$false
Get-HostedContentFilterPolicy | Format-List Name, SpamAction, BulkThreshold, AllowedSenderDomains
Get-HostedContentFilterPolicy | Where-Object { $_.Name -ne 'Default' -or $_.BulkThreshold -gt 5 } | Measure-Object
Get-HostedConnectionFilterPolicy | Select-Object IPBlockList, EnableSafeList
Get-HostedContentFilterRule | Format-List Name, HostedContentFilterPolicy, SentTo, State
