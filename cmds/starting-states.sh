#!/bin/bash
# Rebuilds the starting states of the reference pages (cmds/<page>.in/) with the current
# eopctl, for when the state file's form changes. Run from the repository root:
#
#     cargo build && cmds/starting-states.sh && cargo test --test cmds
#
# Five states:
#   empty    - no file (new-accepteddomain)
#   domains  - the four accepted domains of the "multiple connectors" scenario and the
#              organization's certificate (New-* pages of connectors and recipients)
#   full     - domains, plus recipients, the connectors of Microsoft's connector articles, listeners and
#              a connection filter policy (Get/Set/Remove/Enable/Disable pages)
#   filters  - full, plus a custom anti-spam and anti-malware policy, each with its rule
#              (the filter policy and rule pages, the quarantine pages)
#   history  - five revisions with fixed times and user (state history pages)
# Files a page needs besides eop.yaml (users.csv, connectors.json) are kept as they are,
# and so are the starting states of pages this script does not list.
set -euo pipefail
E=${EOPCTL:-$PWD/target/debug/eopctl}
CMDS=$PWD/cmds
S=$(mktemp -d)
trap 'rm -rf "$S"' EXIT
mkdir -p "$S/domains" "$S/full" "$S/filters" "$S/history"
unset EOPCTL_STATE EOPCTL_DATA
q() { "$E" "$@" >/dev/null; }

cd "$S/domains"
q New-AcceptedDomain -Name contoso.com -DomainName contoso.com
# No cmdlet imports certificates yet: add the organization's certificate by hand; the next
# commands rewrite the file in eopctl's own form.
cat >>eop.yaml <<'CERT'
Certificates:
- Thumbprint: 3A1F5E0C9B7D2E4F6A8B0C1D2E3F4A5B6C7D8E9F
  Subject: CN=mail.contoso.com
  Issuer: CN=Contoso Issuing CA 1, O=Contoso Ltd
  DomainNames:
  - mail.contoso.com
  NotBefore: 2026-01-15T00:00:00Z
  NotAfter: 2036-01-15T00:00:00Z
  CertificatePath: certs/mail.contoso.com.pem
  KeyPath: certs/mail.contoso.com.key
CERT
q New-AcceptedDomain -Name sales.contoso.com -DomainName sales.contoso.com
q New-AcceptedDomain -Name fabrikam.com -DomainName fabrikam.com -DomainType InternalRelay
q New-AcceptedDomain -Name contoso.onmicrosoft.com -DomainName contoso.onmicrosoft.com

cp eop.yaml "$S/full/"
cd "$S/full"
q New-Mailbox -Name Bob -DisplayName "Bob Kelly" -PrimarySmtpAddress bob@contoso.com -EmailAddresses bob.kelly@contoso.com
q New-Mailbox -Name Sales -DisplayName "Sales team" -PrimarySmtpAddress sales@sales.contoso.com
q New-MailUser -Name John -DisplayName "John Woods" -PrimarySmtpAddress john@contoso.com
q New-MailUser -Name Jane -DisplayName "Jane Dow" -PrimarySmtpAddress jane@contoso.com -ExternalEmailAddress jane@onprem.contoso.com
q New-InboundConnector -Name "From on-premises" -ConnectorType OnPremises -RequireTls '$true' -RestrictDomainsToCertificate '$true' -TlsSenderCertificateName mail.contoso.com -SenderDomains '*' -CloudServicesMailEnabled '$true'
q New-InboundConnector -Name "From Fabrikam" -ConnectorType Partner -SenderDomains fabrikam.com -SenderIPAddresses 203.0.113.0/24 -RestrictDomainsToIPAddresses '$true'
q New-OutboundConnector -Name "To on-premises" -ConnectorType OnPremises -SmartHosts mail.contoso.com -AllAcceptedDomains '$true'
q New-OutboundConnector -Name "To Fabrikam" -RecipientDomains fabrikam.net -SmartHosts mx.fabrikam.net -TlsSettings CertificateValidation
q New-SendConnector -Name "My company to Office 365" -AddressSpaces '*' -CloudServicesMailEnabled '$true' -Fqdn mail.contoso.com -RequireTLS '$true' -SmartHosts contoso-com.mail.protection.outlook.com -TlsAuthLevel CertificateValidation
q New-ReceiveConnector -Name "Default Frontend" -Bindings 0.0.0.0:25 -Fqdn mail.contoso.com
q New-ReceiveConnector -Name "Internal relay" -Bindings 0.0.0.0:587 -RemoteIPRanges 10.0.0.0/8 -Fqdn mail.contoso.com
q Set-HostedConnectionFilterPolicy -IPAllowList 192.0.2.10 -IPBlockList 198.51.100.0/24

cp eop.yaml "$S/filters/"
cd "$S/filters"
q New-HostedContentFilterPolicy -Name Strict -SpamAction Quarantine -HighConfidenceSpamAction Quarantine -BulkThreshold 5 -BlockedSenderDomains spam.example
q New-HostedContentFilterRule -Name Strict -HostedContentFilterPolicy Strict -RecipientDomainIs sales.contoso.com
q New-MalwareFilterPolicy -Name Finance -FileTypeAction Quarantine -Action Quarantine
q New-MalwareFilterRule -Name Finance -MalwareFilterPolicy Finance -SentTo finance@contoso.com

# A DKIM signing config with a fixed key (made once by New-DkimSigningConfig), so the pages
# show the same record on every run. Its private key file is not kept: no cmdlet reads it.
# Set-DkimSigningConfig rewrites the file in eopctl's own form.
mkdir -p "$S/dkim"
cp "$S/domains/eop.yaml" "$S/dkim/"
cd "$S/dkim"
cat >>eop.yaml <<'DKIM'
DkimSigningConfigs:
- Domain: contoso.com
  Enabled: false
  ActiveSelector: selector1
  Selector1:
    KeyType: rsa
    KeySize: 1024
    PublicKey: MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQDs25MrXal7EBi6TvjS8rT4lDzREc14lVISYhFNYj1blPddekWWMK6yrUW/FnF0snwYoQLPA9uZk8SEbUmRC4t0dt5TIuq8OSMkUG1PlcXLTTFhZ+RgmvM+fX4VW0NfIrx7cxPSx22eElS9LX/eebjXBAX75ShCe5JJxsxlvO2KUwIDAQAB
    KeyPath: dkim/contoso.com.selector1.849964f6.key
    KeyCreationTime: 2026-11-20T09:00:00Z
DKIM
q Set-DkimSigningConfig -Identity contoso.com -Enabled '$true'

cd "$S/history"
q New-AcceptedDomain -Name contoso.com -DomainName contoso.com
q New-InboundConnector -Name "From on-premises" -ConnectorType OnPremises -RequireTls '$true' -TlsSenderCertificateName mail.contoso.com -SenderDomains '*'
q New-OutboundConnector -Name "To on-premises" -ConnectorType OnPremises -SmartHosts mail.contoso.com -AllAcceptedDomains '$true'
q Set-OutboundConnector "To on-premises" -SmartHosts '@{Add="mail2.contoso.com"}'
q Disable-InboundConnector "From on-premises"
# Fixed times and user, so that the pages can show them.
python3 - <<'PY'
import json
p = 'eop.data/history/index.jsonl'
lines = []
for i, line in enumerate(open(p)):
    e = json.loads(line)
    e['When'] = '2026-11-20T09:%02d:00Z' % (i * 7 + 3)
    e['User'] = 'admin'
    lines.append(json.dumps(e, separators=(',', ':')))
open(p, 'w').write('\n'.join(lines) + '\n')
PY

put() { # put STATE PAGE...
    local state=$1
    shift
    for name in "$@"; do
        local in="$CMDS/$name.in"
        mkdir -p "$in" "$CMDS/$name.out"
        touch "$CMDS/$name.out/.keep"
        case $state in
        empty) touch "$in/.keep" ;;
        history)
            rm -rf "$in/eop.data"
            mkdir -p "$in/eop.data"
            cp "$S/history/eop.yaml" "$in/"
            cp -r "$S/history/eop.data/history" "$in/eop.data/"
            ;;
        *) cp "$S/$state/eop.yaml" "$in/" ;;
        esac
    done
}
# Pages not listed here (serve, test-messageroute, ...) keep their own starting states;
# cmds/trace-state.sh builds those of the message trace pages.
put empty new-accepteddomain
put domains new-inboundconnector new-outboundconnector new-sendconnector new-receiveconnector \
    new-mailbox new-mailuser import-mailuser
put history get-statehistory compare-state restore-state
for verb in get set remove; do
    put full $verb-accepteddomain $verb-mailbox $verb-mailuser
done
for noun in inboundconnector outboundconnector receiveconnector sendconnector; do
    for verb in get set remove enable disable; do
        put full $verb-$noun
    done
done
put full get-hostedconnectionfilterpolicy set-hostedconnectionfilterpolicy
put full get-organizationconfig set-organizationconfig
put domains new-dkimsigningconfig
put dkim get-dkimsigningconfig set-dkimsigningconfig rotate-dkimsigningkey remove-dkimsigningconfig
put full get-queue get-queuemessage retry-queue suspend-message resume-message remove-message
for noun in hostedcontentfilterpolicy malwarefilterpolicy; do
    for verb in get new set remove; do
        put filters $verb-$noun
    done
done
for noun in hostedcontentfilterrule malwarefilterrule; do
    for verb in get new set remove enable disable; do
        put filters $verb-$noun
    done
done
put filters get-quarantinemessage preview-quarantinemessage release-quarantinemessage delete-quarantinemessage
put filters get-quarantinepolicy new-quarantinepolicy set-quarantinepolicy remove-quarantinepolicy
echo "Rebuilt the starting states."
