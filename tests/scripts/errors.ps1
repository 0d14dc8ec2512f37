# exit: 3
# A script stops at its first error unless the command says -ErrorAction Continue; the
# exit code is the first error's (3: not found).
$ErrorActionPreference = "Stop"
New-AcceptedDomain -Name contoso.com -DomainName contoso.com -DomainType Authoritative | Out-Null
Remove-InboundConnector "No such connector" -Confirm:$false -ErrorAction SilentlyContinue
Remove-InboundConnector "No such connector" -Confirm:$false -ErrorAction Continue
"still running"
Set-AcceptedDomain -Identity nowhere.example -DomainType InternalRelay
"never printed"
