# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_eopctl_global_optspecs
    string join \n state= data-dir= o/output= from-json= h/help V/version
end

function __fish_eopctl_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_eopctl_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_eopctl_using_subcommand
    set -l cmd (__fish_eopctl_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c eopctl -n "__fish_eopctl_needs_command" -l state -d 'The state file' -r -F
complete -c eopctl -n "__fish_eopctl_needs_command" -l data-dir -d 'The relay\'s data directory [default: the state file\'s name with .data, beside it]' -r -F
complete -c eopctl -n "__fish_eopctl_needs_command" -s o -l output -d 'How to print results [default: table]' -r -f -a "table\t'Format-Table: the main properties, one row per object'
list\t'Format-List: every property, one per line'
json\t''
yaml\t''
csv\t'Export-Csv: a header line of every property, then one line per object'
html\t'One self-contained HTML page: the report\'s charts (inline SVG) and its table'
png\t'A report\'s first chart as a PNG image (binary: redirect it to a file)'"
complete -c eopctl -n "__fish_eopctl_needs_command" -l from-json -d 'Take each object of a JSON array (such as `Get-* -o json` prints) as the parameters of one run of the cmdlet; `-` reads standard input' -r -F
complete -c eopctl -n "__fish_eopctl_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c eopctl -n "__fish_eopctl_needs_command" -s V -l version -d 'Print version'
complete -c eopctl -n "__fish_eopctl_needs_command" -f -a "get-accepteddomain" -d 'Lists accepted domains'
complete -c eopctl -n "__fish_eopctl_needs_command" -f -a "new-accepteddomain" -d 'Adds a domain the organisation receives mail for'
complete -c eopctl -n "__fish_eopctl_needs_command" -f -a "set-accepteddomain" -d 'Changes an accepted domain'
complete -c eopctl -n "__fish_eopctl_needs_command" -f -a "remove-accepteddomain" -d 'Removes an accepted domain'
complete -c eopctl -n "__fish_eopctl_needs_command" -f -a "get-mailbox" -d 'Lists hosted mailboxes'
complete -c eopctl -n "__fish_eopctl_needs_command" -f -a "new-mailbox" -d 'Creates a mailbox hosted by the service'
complete -c eopctl -n "__fish_eopctl_needs_command" -f -a "set-mailbox" -d 'Changes a hosted mailbox'
complete -c eopctl -n "__fish_eopctl_needs_command" -f -a "remove-mailbox" -d 'Removes a hosted mailbox (its Maildir stays on disk)'
complete -c eopctl -n "__fish_eopctl_needs_command" -f -a "get-mailuser" -d 'Lists mail users (recipients with on-premises mailboxes)'
complete -c eopctl -n "__fish_eopctl_needs_command" -f -a "new-mailuser" -d 'Creates a mail user'
complete -c eopctl -n "__fish_eopctl_needs_command" -f -a "set-mailuser" -d 'Changes a mail user'
complete -c eopctl -n "__fish_eopctl_needs_command" -f -a "remove-mailuser" -d 'Removes a mail user'
complete -c eopctl -n "__fish_eopctl_needs_command" -f -a "import-mailuser" -d 'Creates mail users in bulk from a CSV file, all in one revision'
complete -c eopctl -n "__fish_eopctl_needs_command" -f -a "get-inboundconnector" -d 'Lists inbound connectors'
complete -c eopctl -n "__fish_eopctl_needs_command" -f -a "new-inboundconnector" -d 'Creates a connector for mail from on-premises servers or partners'
complete -c eopctl -n "__fish_eopctl_needs_command" -f -a "set-inboundconnector" -d 'Changes an inbound connector'
complete -c eopctl -n "__fish_eopctl_needs_command" -f -a "remove-inboundconnector" -d 'Removes an inbound connector'
complete -c eopctl -n "__fish_eopctl_needs_command" -f -a "enable-inboundconnector" -d 'Turns an inbound connector on'
complete -c eopctl -n "__fish_eopctl_needs_command" -f -a "disable-inboundconnector" -d 'Turns an inbound connector off: its senders are treated as anyone else'
complete -c eopctl -n "__fish_eopctl_needs_command" -f -a "get-outboundconnector" -d 'Lists outbound connectors'
complete -c eopctl -n "__fish_eopctl_needs_command" -f -a "new-outboundconnector" -d 'Creates a connector for mail to on-premises servers or partners'
complete -c eopctl -n "__fish_eopctl_needs_command" -f -a "set-outboundconnector" -d 'Changes an outbound connector'
complete -c eopctl -n "__fish_eopctl_needs_command" -f -a "remove-outboundconnector" -d 'Removes an outbound connector'
complete -c eopctl -n "__fish_eopctl_needs_command" -f -a "enable-outboundconnector" -d 'Turns an outbound connector on'
complete -c eopctl -n "__fish_eopctl_needs_command" -f -a "disable-outboundconnector" -d 'Turns an outbound connector off: its domains route as if it did not exist'
complete -c eopctl -n "__fish_eopctl_needs_command" -f -a "validate-outboundconnector" -d 'Validates an outbound connector as delivery would use it: for each smart host (or MX host of the recipients\' domain with UseMXRecord) resolves, connects, reads the banner, says EHLO, starts TLS and checks the certificate per TlsSettings, presents the client certificate the relay would, and with -Recipients sends a test message. Exits 1 when a step fails'
complete -c eopctl -n "__fish_eopctl_needs_command" -f -a "validate-inboundconnector" -d 'Checks that an inbound connector identifies the servers it is meant for: its SenderIPAddresses and TlsSenderCertificateName against the rest of the configuration, and with -ClientIP whether that address would be identified by it. Exits 1 when a check fails'
complete -c eopctl -n "__fish_eopctl_needs_command" -f -a "get-receiveconnector" -d 'Lists receive connectors (the relay\'s listeners)'
complete -c eopctl -n "__fish_eopctl_needs_command" -f -a "new-receiveconnector" -d 'Creates a listener'
complete -c eopctl -n "__fish_eopctl_needs_command" -f -a "set-receiveconnector" -d 'Changes a listener; a running relay picks the change up'
complete -c eopctl -n "__fish_eopctl_needs_command" -f -a "remove-receiveconnector" -d 'Removes a listener'
complete -c eopctl -n "__fish_eopctl_needs_command" -f -a "enable-receiveconnector" -d 'Turns a listener on'
complete -c eopctl -n "__fish_eopctl_needs_command" -f -a "disable-receiveconnector" -d 'Turns a listener off'
complete -c eopctl -n "__fish_eopctl_needs_command" -f -a "get-sendconnector" -d 'Lists send connectors'
complete -c eopctl -n "__fish_eopctl_needs_command" -f -a "new-sendconnector" -d 'Creates a send connector'
complete -c eopctl -n "__fish_eopctl_needs_command" -f -a "set-sendconnector" -d 'Changes a send connector'
complete -c eopctl -n "__fish_eopctl_needs_command" -f -a "remove-sendconnector" -d 'Removes a send connector'
complete -c eopctl -n "__fish_eopctl_needs_command" -f -a "enable-sendconnector" -d 'Turns a send connector on'
complete -c eopctl -n "__fish_eopctl_needs_command" -f -a "disable-sendconnector" -d 'Turns a send connector off'
complete -c eopctl -n "__fish_eopctl_needs_command" -f -a "get-smtpauthaccount" -d 'Lists SMTP AUTH accounts'
complete -c eopctl -n "__fish_eopctl_needs_command" -f -a "new-smtpauthaccount" -d 'Creates an account for an application that submits mail with SMTP AUTH'
complete -c eopctl -n "__fish_eopctl_needs_command" -f -a "set-smtpauthaccount" -d 'Changes an account: its sender addresses, or (-Password) its password'
complete -c eopctl -n "__fish_eopctl_needs_command" -f -a "remove-smtpauthaccount" -d 'Removes an account and its password'
complete -c eopctl -n "__fish_eopctl_needs_command" -f -a "enable-smtpauthaccount" -d 'Lets an account log in again'
complete -c eopctl -n "__fish_eopctl_needs_command" -f -a "disable-smtpauthaccount" -d 'Stops an account from logging in (its password is kept)'
complete -c eopctl -n "__fish_eopctl_needs_command" -f -a "get-exchangecertificate" -d 'Lists certificates, and the connectors that use each one'
complete -c eopctl -n "__fish_eopctl_needs_command" -f -a "new-exchangecertificate" -d 'Makes a self-signed certificate and its private key (for this host, given no subject), or with -GenerateRequest a certificate request for a CA to sign'
complete -c eopctl -n "__fish_eopctl_needs_command" -f -a "import-exchangecertificate" -d 'Imports a certificate (with its chain) and its private key from PEM files, or a CA certificate to trust (-Trusted $true)'
complete -c eopctl -n "__fish_eopctl_needs_command" -f -a "remove-exchangecertificate" -d 'Removes a certificate no connector uses, and its files'
complete -c eopctl -n "__fish_eopctl_needs_command" -f -a "enable-exchangecertificate" -d 'Makes a certificate the one the relay\'s SMTP service presents: every receive connector offers it on STARTTLS'
complete -c eopctl -n "__fish_eopctl_needs_command" -f -a "get-dkimsigningconfig" -d 'Lists DKIM signing configs, with the selector TXT records to publish'
complete -c eopctl -n "__fish_eopctl_needs_command" -f -a "new-dkimsigningconfig" -d 'Makes a signing key for an accepted domain (selector1) and signs its outbound mail'
complete -c eopctl -n "__fish_eopctl_needs_command" -f -a "set-dkimsigningconfig" -d 'Turns DKIM signing of a domain on or off'
complete -c eopctl -n "__fish_eopctl_needs_command" -f -a "rotate-dkimsigningkey" -d 'Gives the selector that does not sign a new key and makes it the signing one'
complete -c eopctl -n "__fish_eopctl_needs_command" -f -a "remove-dkimsigningconfig" -d 'Stops signing a domain\'s mail and deletes its keys'
complete -c eopctl -n "__fish_eopctl_needs_command" -f -a "get-directorysyncprofile" -d 'Lists the directories MailUsers are synchronised from, with their last sync'
complete -c eopctl -n "__fish_eopctl_needs_command" -f -a "new-directorysyncprofile" -d 'Adds an LDAP directory to synchronise MailUsers from'
complete -c eopctl -n "__fish_eopctl_needs_command" -f -a "set-directorysyncprofile" -d 'Changes a directory sync profile (or its bind password)'
complete -c eopctl -n "__fish_eopctl_needs_command" -f -a "remove-directorysyncprofile" -d 'Removes a directory sync profile and the MailUsers it brought'
complete -c eopctl -n "__fish_eopctl_needs_command" -f -a "start-directorysync" -d 'Synchronises MailUsers from a directory now (all enabled profiles by default)'
complete -c eopctl -n "__fish_eopctl_needs_command" -f -a "get-hostedconnectionfilterpolicy" -d 'Shows the connection filter policy'
complete -c eopctl -n "__fish_eopctl_needs_command" -f -a "set-hostedconnectionfilterpolicy" -d 'Changes the connection filter policy\'s allow and block lists'
complete -c eopctl -n "__fish_eopctl_needs_command" -f -a "get-hostedcontentfilterpolicy" -d 'Lists anti-spam policies'
complete -c eopctl -n "__fish_eopctl_needs_command" -f -a "new-hostedcontentfilterpolicy" -d 'Creates an anti-spam policy for some recipients or domains'
complete -c eopctl -n "__fish_eopctl_needs_command" -f -a "set-hostedcontentfilterpolicy" -d 'Changes an anti-spam policy (Default included)'
complete -c eopctl -n "__fish_eopctl_needs_command" -f -a "remove-hostedcontentfilterpolicy" -d 'Removes a custom anti-spam policy'
complete -c eopctl -n "__fish_eopctl_needs_command" -f -a "get-hostedcontentfilterrule" -d 'Lists anti-spam rules, in priority order'
complete -c eopctl -n "__fish_eopctl_needs_command" -f -a "new-hostedcontentfilterrule" -d 'Creates a rule that applies an anti-spam policy to some recipients'
complete -c eopctl -n "__fish_eopctl_needs_command" -f -a "set-hostedcontentfilterrule" -d 'Changes an anti-spam rule: its recipients, policy or priority'
complete -c eopctl -n "__fish_eopctl_needs_command" -f -a "remove-hostedcontentfilterrule" -d 'Removes an anti-spam rule; its policy stays, applied to no one'
complete -c eopctl -n "__fish_eopctl_needs_command" -f -a "enable-hostedcontentfilterrule" -d 'Turns an anti-spam rule on'
complete -c eopctl -n "__fish_eopctl_needs_command" -f -a "disable-hostedcontentfilterrule" -d 'Turns an anti-spam rule off: its recipients get the next rule\'s policy, or Default'
complete -c eopctl -n "__fish_eopctl_needs_command" -f -a "get-hostedoutboundspamfilterpolicy" -d 'Lists outbound spam policies'
complete -c eopctl -n "__fish_eopctl_needs_command" -f -a "new-hostedoutboundspamfilterpolicy" -d 'Creates an outbound spam policy for some senders (a rule applies it)'
complete -c eopctl -n "__fish_eopctl_needs_command" -f -a "set-hostedoutboundspamfilterpolicy" -d 'Changes an outbound spam policy (Default included)'
complete -c eopctl -n "__fish_eopctl_needs_command" -f -a "remove-hostedoutboundspamfilterpolicy" -d 'Removes a custom outbound spam policy'
complete -c eopctl -n "__fish_eopctl_needs_command" -f -a "get-hostedoutboundspamfilterrule" -d 'Lists outbound spam rules, in priority order'
complete -c eopctl -n "__fish_eopctl_needs_command" -f -a "new-hostedoutboundspamfilterrule" -d 'Creates a rule that applies an outbound spam policy to some senders'
complete -c eopctl -n "__fish_eopctl_needs_command" -f -a "set-hostedoutboundspamfilterrule" -d 'Changes an outbound spam rule: its senders, policy or priority'
complete -c eopctl -n "__fish_eopctl_needs_command" -f -a "remove-hostedoutboundspamfilterrule" -d 'Removes an outbound spam rule; its policy stays, applied to no one'
complete -c eopctl -n "__fish_eopctl_needs_command" -f -a "enable-hostedoutboundspamfilterrule" -d 'Turns an outbound spam rule on'
complete -c eopctl -n "__fish_eopctl_needs_command" -f -a "disable-hostedoutboundspamfilterrule" -d 'Turns an outbound spam rule off: its senders get the next rule\'s policy, or Default'
complete -c eopctl -n "__fish_eopctl_needs_command" -f -a "get-malwarefilterpolicy" -d 'Lists anti-malware policies'
complete -c eopctl -n "__fish_eopctl_needs_command" -f -a "new-malwarefilterpolicy" -d 'Creates an anti-malware policy for some recipients or domains'
complete -c eopctl -n "__fish_eopctl_needs_command" -f -a "set-malwarefilterpolicy" -d 'Changes an anti-malware policy (Default included)'
complete -c eopctl -n "__fish_eopctl_needs_command" -f -a "remove-malwarefilterpolicy" -d 'Removes a custom anti-malware policy'
complete -c eopctl -n "__fish_eopctl_needs_command" -f -a "get-malwarefilterrule" -d 'Lists anti-malware rules, in priority order'
complete -c eopctl -n "__fish_eopctl_needs_command" -f -a "new-malwarefilterrule" -d 'Creates a rule that applies an anti-malware policy to some recipients'
complete -c eopctl -n "__fish_eopctl_needs_command" -f -a "set-malwarefilterrule" -d 'Changes an anti-malware rule: its recipients, policy or priority'
complete -c eopctl -n "__fish_eopctl_needs_command" -f -a "remove-malwarefilterrule" -d 'Removes an anti-malware rule; its policy stays, applied to no one'
complete -c eopctl -n "__fish_eopctl_needs_command" -f -a "enable-malwarefilterrule" -d 'Turns an anti-malware rule on'
complete -c eopctl -n "__fish_eopctl_needs_command" -f -a "disable-malwarefilterrule" -d 'Turns an anti-malware rule off: its recipients get the next rule\'s policy, or Default'
complete -c eopctl -n "__fish_eopctl_needs_command" -f -a "get-quarantinemessage" -d 'Lists quarantined messages'
complete -c eopctl -n "__fish_eopctl_needs_command" -f -a "preview-quarantinemessage" -d 'Shows a quarantined message: its headers and its text'
complete -c eopctl -n "__fish_eopctl_needs_command" -f -a "release-quarantinemessage" -d 'Sends a quarantined message on to its recipients (all, or some)'
complete -c eopctl -n "__fish_eopctl_needs_command" -f -a "delete-quarantinemessage" -d 'Deletes a quarantined message'
complete -c eopctl -n "__fish_eopctl_needs_command" -f -a "get-quarantinepolicy" -d 'Lists quarantine policies (or the global notification settings)'
complete -c eopctl -n "__fish_eopctl_needs_command" -f -a "new-quarantinepolicy" -d 'Creates a quarantine policy'
complete -c eopctl -n "__fish_eopctl_needs_command" -f -a "set-quarantinepolicy" -d 'Changes a custom quarantine policy, or the global settings (DefaultGlobalTag)'
complete -c eopctl -n "__fish_eopctl_needs_command" -f -a "remove-quarantinepolicy" -d 'Removes a custom quarantine policy no filter policy names'
complete -c eopctl -n "__fish_eopctl_needs_command" -f -a "train-spamfilter" -d 'Teaches the learning filter: every message under -Spam is learned as spam, every one under -Ham as ham. A message learned before in the other class moves; one learned before in the same class is counted as already known'
complete -c eopctl -n "__fish_eopctl_needs_command" -f -a "get-spamfilterstatistics" -d 'Shows what the learning filter has learned: messages and tokens per class, when and from where, and whether it is active (it scores mail once it has learned 200 spam and 200 ham)'
complete -c eopctl -n "__fish_eopctl_needs_command" -f -a "get-tenantallowblocklistitems" -d 'Lists the entries of one list of the Tenant Allow/Block List'
complete -c eopctl -n "__fish_eopctl_needs_command" -f -a "new-tenantallowblocklistitems" -d 'Adds allow or block entries for senders, URLs, file hashes or IP addresses'
complete -c eopctl -n "__fish_eopctl_needs_command" -f -a "set-tenantallowblocklistitems" -d 'Changes when entries expire, or their notes'
complete -c eopctl -n "__fish_eopctl_needs_command" -f -a "remove-tenantallowblocklistitems" -d 'Removes entries'
complete -c eopctl -n "__fish_eopctl_needs_command" -f -a "get-blockedsenderaddress" -d 'Lists the senders restricted from sending'
complete -c eopctl -n "__fish_eopctl_needs_command" -f -a "remove-blockedsenderaddress" -d 'Lets a restricted sender send again'
complete -c eopctl -n "__fish_eopctl_needs_command" -f -a "get-transportrule" -d 'Lists mail flow rules, in priority order'
complete -c eopctl -n "__fish_eopctl_needs_command" -f -a "new-transportrule" -d 'Creates a mail flow rule'
complete -c eopctl -n "__fish_eopctl_needs_command" -f -a "set-transportrule" -d 'Changes a mail flow rule (its conditions, exceptions, actions or priority)'
complete -c eopctl -n "__fish_eopctl_needs_command" -f -a "remove-transportrule" -d 'Removes a mail flow rule; the rules after it move up'
complete -c eopctl -n "__fish_eopctl_needs_command" -f -a "enable-transportrule" -d 'Turns a mail flow rule on'
complete -c eopctl -n "__fish_eopctl_needs_command" -f -a "disable-transportrule" -d 'Turns a mail flow rule off: it is skipped, and keeps its priority'
complete -c eopctl -n "__fish_eopctl_needs_command" -f -a "get-statehistory" -d 'Lists the revisions of the state: when, who, and the command that made each'
complete -c eopctl -n "__fish_eopctl_needs_command" -f -a "compare-state" -d 'Shows what changed between a revision and the current state (or another revision)'
complete -c eopctl -n "__fish_eopctl_needs_command" -f -a "restore-state" -d 'Brings an old revision back, saved as a new revision'
complete -c eopctl -n "__fish_eopctl_needs_command" -f -a "test-messageroute" -d 'Shows how the relay would treat a message: which inbound connector identifies the client, how each recipient resolves, which route it takes, and the object that decided each. Sends nothing'
complete -c eopctl -n "__fish_eopctl_needs_command" -f -a "test-mailflow" -d 'Sends a test message through the running relay in each direction mail flows (Internet to a hosted mailbox, Internet to on-premises, on-premises to the Internet, hosted to on-premises) and waits for the message trace to show each delivered or sent on. Exits 1 when a direction failed or timed out'
complete -c eopctl -n "__fish_eopctl_needs_command" -f -a "test-configuration" -d 'Checks the configuration for mistakes a valid file can still hold: no enabled receive connector, RequireTls where no listener offers STARTTLS, an OnPremises connector that trusts the Internet, overlapping or shadowed connectors, an InternalRelay domain with nowhere to go, edge blocking with no recipients, smart hosts that loop back, certificates about to expire. Exits 1 when any finding is an error'
complete -c eopctl -n "__fish_eopctl_needs_command" -f -a "get-organizationconfig" -d 'Shows the organisation\'s settings'
complete -c eopctl -n "__fish_eopctl_needs_command" -f -a "set-organizationconfig" -d 'Changes the organisation\'s settings'
complete -c eopctl -n "__fish_eopctl_needs_command" -f -a "get-dnsguidance" -d 'Prints the DNS records to publish for a domain in the configured scenario: MX, SPF, DMARC, the domain-verification record and the DKIM selectors\' keys'
complete -c eopctl -n "__fish_eopctl_needs_command" -f -a "test-dnsrecords" -d 'Looks up a domain\'s MX, SPF, DMARC, verification and DKIM records and checks each against the guidance; exits 1 when any check fails'
complete -c eopctl -n "__fish_eopctl_needs_command" -f -a "start-hybridwizard" -d 'Sets up EOP standalone or one of the hybrid scenarios in one revision: the accepted domain, the connectors both ways and the organisation\'s MX setting, then prints the DNS records to publish'
complete -c eopctl -n "__fish_eopctl_needs_command" -f -a "get-messagetrace" -d 'Lists messages the relay received, one row per recipient, with their status (Delivered, Failed, Pending...), newest first. Covers the last 48 hours unless -StartDate and -EndDate say otherwise'
complete -c eopctl -n "__fish_eopctl_needs_command" -f -a "get-messagetracedetail" -d 'Shows the events of one message for one recipient: Receive, each policy verdict, Queue, Deliver or Send, Defer, Fail..., with the state revision and the objects that decided each'
complete -c eopctl -n "__fish_eopctl_needs_command" -f -a "get-mailflowstatusreport" -d 'Counts messages by date, direction (Inbound, Outbound, IntraOrg) and event type (GoodMail, EdgeBlockSpam, SpamDetections, EmailPhish, EmailMalware, RuleMessages), per hour, per day or for the whole range, from the message trace'
complete -c eopctl -n "__fish_eopctl_needs_command" -f -a "get-mailtrafficsummaryreport" -d 'Ranks the top senders, recipients, spam recipients, malware recipients and spam sources (senders, sender domains, client IP addresses) of a date range, from the message trace'
complete -c eopctl -n "__fish_eopctl_needs_command" -f -a "get-queue" -d 'Lists the relay\'s queues, one per next hop (a smart host, a domain\'s MX hosts, or the Maildir), with how many messages wait in each and the last error'
complete -c eopctl -n "__fish_eopctl_needs_command" -f -a "get-queuemessage" -d 'Lists queued messages: all, those of one queue (-Queue), or one (-Identity)'
complete -c eopctl -n "__fish_eopctl_needs_command" -f -a "retry-queue" -d 'Tries a queue\'s waiting messages now; with -Resubmit $true, routes them again under the current state first'
complete -c eopctl -n "__fish_eopctl_needs_command" -f -a "suspend-message" -d 'Holds a queued message: it is not delivered until Resume-Message, even across a restart of the relay'
complete -c eopctl -n "__fish_eopctl_needs_command" -f -a "resume-message" -d 'Lets a suspended message go: what came due while it was held is tried at once'
complete -c eopctl -n "__fish_eopctl_needs_command" -f -a "remove-message" -d 'Deletes a queued message, with or without a non-delivery report to its sender'
complete -c eopctl -n "__fish_eopctl_needs_command" -f -a "generate-all" -d 'Writes completions/, man/ and the generated sections of cmds/ under a directory'
complete -c eopctl -n "__fish_eopctl_needs_command" -f -a "generate-completions" -d 'Writes shell completions (bash, zsh, fish, powershell, elvish)'
complete -c eopctl -n "__fish_eopctl_needs_command" -f -a "generate-man" -d 'Writes man pages'
complete -c eopctl -n "__fish_eopctl_needs_command" -f -a "serve" -d 'Runs the mail relay: listens on the receive connectors\' bindings, accepts, routes, queues and delivers mail, and reloads when the state file changes (or on SIGHUP). SIGTERM or SIGINT stops it gracefully'
complete -c eopctl -n "__fish_eopctl_using_subcommand get-accepteddomain" -l identity -d 'The object\'s name (or address, for recipients); `*` and `?` wildcards allowed' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand get-accepteddomain" -l state -d 'The state file' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand get-accepteddomain" -l data-dir -d 'The relay\'s data directory [default: the state file\'s name with .data, beside it]' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand get-accepteddomain" -s o -l output -d 'How to print results [default: table]' -r -f -a "table\t'Format-Table: the main properties, one row per object'
list\t'Format-List: every property, one per line'
json\t''
yaml\t''
csv\t'Export-Csv: a header line of every property, then one line per object'
html\t'One self-contained HTML page: the report\'s charts (inline SVG) and its table'
png\t'A report\'s first chart as a PNG image (binary: redirect it to a file)'"
complete -c eopctl -n "__fish_eopctl_using_subcommand get-accepteddomain" -l from-json -d 'Take each object of a JSON array (such as `Get-* -o json` prints) as the parameters of one run of the cmdlet; `-` reads standard input' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand get-accepteddomain" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c eopctl -n "__fish_eopctl_using_subcommand new-accepteddomain" -l name -d 'A unique name for the accepted domain' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-accepteddomain" -l domain-name -d 'The domain, such as contoso.com' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-accepteddomain" -l domain-type -d 'Authoritative (all recipients are known here) or InternalRelay (some live elsewhere)' -r -f -a "Authoritative\t''
InternalRelay\t''"
complete -c eopctl -n "__fish_eopctl_using_subcommand new-accepteddomain" -l match-sub-domains -d 'Accept and route mail for every subdomain as for this domain (InternalRelay only)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-accepteddomain" -l confirm -d 'Ask before changing (`-Confirm:$false` never asks)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-accepteddomain" -l state -d 'The state file' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand new-accepteddomain" -l data-dir -d 'The relay\'s data directory [default: the state file\'s name with .data, beside it]' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand new-accepteddomain" -s o -l output -d 'How to print results [default: table]' -r -f -a "table\t'Format-Table: the main properties, one row per object'
list\t'Format-List: every property, one per line'
json\t''
yaml\t''
csv\t'Export-Csv: a header line of every property, then one line per object'
html\t'One self-contained HTML page: the report\'s charts (inline SVG) and its table'
png\t'A report\'s first chart as a PNG image (binary: redirect it to a file)'"
complete -c eopctl -n "__fish_eopctl_using_subcommand new-accepteddomain" -l from-json -d 'Take each object of a JSON array (such as `Get-* -o json` prints) as the parameters of one run of the cmdlet; `-` reads standard input' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand new-accepteddomain" -l what-if -d 'Show what would change, and change nothing'
complete -c eopctl -n "__fish_eopctl_using_subcommand new-accepteddomain" -s y -l yes -d 'Never ask for confirmation (the same as `-Confirm:$false`)'
complete -c eopctl -n "__fish_eopctl_using_subcommand new-accepteddomain" -l pass-thru -d 'Print the object after the change'
complete -c eopctl -n "__fish_eopctl_using_subcommand new-accepteddomain" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c eopctl -n "__fish_eopctl_using_subcommand set-accepteddomain" -l identity -d 'The accepted domain\'s name or domain' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-accepteddomain" -l name -d 'A new name' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-accepteddomain" -l domain-type -d 'Authoritative (all recipients are known here) or InternalRelay (some live elsewhere)' -r -f -a "Authoritative\t''
InternalRelay\t''"
complete -c eopctl -n "__fish_eopctl_using_subcommand set-accepteddomain" -l match-sub-domains -d 'Accept and route mail for every subdomain as for this domain (InternalRelay only)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-accepteddomain" -l make-default -d 'Make this the default domain (the one other defaults come from)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-accepteddomain" -l confirm -d 'Ask before changing (`-Confirm:$false` never asks)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-accepteddomain" -l state -d 'The state file' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand set-accepteddomain" -l data-dir -d 'The relay\'s data directory [default: the state file\'s name with .data, beside it]' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand set-accepteddomain" -s o -l output -d 'How to print results [default: table]' -r -f -a "table\t'Format-Table: the main properties, one row per object'
list\t'Format-List: every property, one per line'
json\t''
yaml\t''
csv\t'Export-Csv: a header line of every property, then one line per object'
html\t'One self-contained HTML page: the report\'s charts (inline SVG) and its table'
png\t'A report\'s first chart as a PNG image (binary: redirect it to a file)'"
complete -c eopctl -n "__fish_eopctl_using_subcommand set-accepteddomain" -l from-json -d 'Take each object of a JSON array (such as `Get-* -o json` prints) as the parameters of one run of the cmdlet; `-` reads standard input' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand set-accepteddomain" -l what-if -d 'Show what would change, and change nothing'
complete -c eopctl -n "__fish_eopctl_using_subcommand set-accepteddomain" -s y -l yes -d 'Never ask for confirmation (the same as `-Confirm:$false`)'
complete -c eopctl -n "__fish_eopctl_using_subcommand set-accepteddomain" -l pass-thru -d 'Print the object after the change'
complete -c eopctl -n "__fish_eopctl_using_subcommand set-accepteddomain" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-accepteddomain" -l identity -d 'The object\'s name (or address, for recipients)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-accepteddomain" -l confirm -d 'Ask before changing (`-Confirm:$false` never asks)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-accepteddomain" -l state -d 'The state file' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-accepteddomain" -l data-dir -d 'The relay\'s data directory [default: the state file\'s name with .data, beside it]' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-accepteddomain" -s o -l output -d 'How to print results [default: table]' -r -f -a "table\t'Format-Table: the main properties, one row per object'
list\t'Format-List: every property, one per line'
json\t''
yaml\t''
csv\t'Export-Csv: a header line of every property, then one line per object'
html\t'One self-contained HTML page: the report\'s charts (inline SVG) and its table'
png\t'A report\'s first chart as a PNG image (binary: redirect it to a file)'"
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-accepteddomain" -l from-json -d 'Take each object of a JSON array (such as `Get-* -o json` prints) as the parameters of one run of the cmdlet; `-` reads standard input' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-accepteddomain" -l what-if -d 'Show what would change, and change nothing'
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-accepteddomain" -s y -l yes -d 'Never ask for confirmation (the same as `-Confirm:$false`)'
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-accepteddomain" -l pass-thru -d 'Print the object after the change'
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-accepteddomain" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c eopctl -n "__fish_eopctl_using_subcommand get-mailbox" -l identity -d 'The object\'s name (or address, for recipients); `*` and `?` wildcards allowed' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand get-mailbox" -l filter -d 'The objects an OPATH filter matches: "PrimarySmtpAddress -like \'*@contoso.com\'"' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand get-mailbox" -l state -d 'The state file' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand get-mailbox" -l data-dir -d 'The relay\'s data directory [default: the state file\'s name with .data, beside it]' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand get-mailbox" -s o -l output -d 'How to print results [default: table]' -r -f -a "table\t'Format-Table: the main properties, one row per object'
list\t'Format-List: every property, one per line'
json\t''
yaml\t''
csv\t'Export-Csv: a header line of every property, then one line per object'
html\t'One self-contained HTML page: the report\'s charts (inline SVG) and its table'
png\t'A report\'s first chart as a PNG image (binary: redirect it to a file)'"
complete -c eopctl -n "__fish_eopctl_using_subcommand get-mailbox" -l from-json -d 'Take each object of a JSON array (such as `Get-* -o json` prints) as the parameters of one run of the cmdlet; `-` reads standard input' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand get-mailbox" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c eopctl -n "__fish_eopctl_using_subcommand new-mailbox" -l name -d 'A unique name for the mailbox' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-mailbox" -l display-name -d 'The name shown for the mailbox in lists' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-mailbox" -l primary-smtp-address -d 'The mailbox\'s address; its domain must be an accepted domain' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-mailbox" -l email-addresses -d 'Further addresses that deliver to this mailbox' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-mailbox" -l confirm -d 'Ask before changing (`-Confirm:$false` never asks)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-mailbox" -l state -d 'The state file' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand new-mailbox" -l data-dir -d 'The relay\'s data directory [default: the state file\'s name with .data, beside it]' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand new-mailbox" -s o -l output -d 'How to print results [default: table]' -r -f -a "table\t'Format-Table: the main properties, one row per object'
list\t'Format-List: every property, one per line'
json\t''
yaml\t''
csv\t'Export-Csv: a header line of every property, then one line per object'
html\t'One self-contained HTML page: the report\'s charts (inline SVG) and its table'
png\t'A report\'s first chart as a PNG image (binary: redirect it to a file)'"
complete -c eopctl -n "__fish_eopctl_using_subcommand new-mailbox" -l from-json -d 'Take each object of a JSON array (such as `Get-* -o json` prints) as the parameters of one run of the cmdlet; `-` reads standard input' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand new-mailbox" -l password -d 'Ask for the mailbox\'s SMTP AUTH password (twice, on a terminal) or read it from the first line of stdin; never given on the command line'
complete -c eopctl -n "__fish_eopctl_using_subcommand new-mailbox" -l what-if -d 'Show what would change, and change nothing'
complete -c eopctl -n "__fish_eopctl_using_subcommand new-mailbox" -s y -l yes -d 'Never ask for confirmation (the same as `-Confirm:$false`)'
complete -c eopctl -n "__fish_eopctl_using_subcommand new-mailbox" -l pass-thru -d 'Print the object after the change'
complete -c eopctl -n "__fish_eopctl_using_subcommand new-mailbox" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c eopctl -n "__fish_eopctl_using_subcommand set-mailbox" -l identity -d 'The mailbox\'s name or one of its addresses' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-mailbox" -l name -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-mailbox" -l display-name -d 'The name shown for the mailbox in lists' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-mailbox" -l primary-smtp-address -d 'The mailbox\'s address; its domain must be an accepted domain' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-mailbox" -l email-addresses -d 'Further addresses that deliver to this mailbox' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-mailbox" -l confirm -d 'Ask before changing (`-Confirm:$false` never asks)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-mailbox" -l state -d 'The state file' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand set-mailbox" -l data-dir -d 'The relay\'s data directory [default: the state file\'s name with .data, beside it]' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand set-mailbox" -s o -l output -d 'How to print results [default: table]' -r -f -a "table\t'Format-Table: the main properties, one row per object'
list\t'Format-List: every property, one per line'
json\t''
yaml\t''
csv\t'Export-Csv: a header line of every property, then one line per object'
html\t'One self-contained HTML page: the report\'s charts (inline SVG) and its table'
png\t'A report\'s first chart as a PNG image (binary: redirect it to a file)'"
complete -c eopctl -n "__fish_eopctl_using_subcommand set-mailbox" -l from-json -d 'Take each object of a JSON array (such as `Get-* -o json` prints) as the parameters of one run of the cmdlet; `-` reads standard input' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand set-mailbox" -l password -d 'Ask for a new SMTP AUTH password (twice, on a terminal) or read it from the first line of stdin; never given on the command line'
complete -c eopctl -n "__fish_eopctl_using_subcommand set-mailbox" -l what-if -d 'Show what would change, and change nothing'
complete -c eopctl -n "__fish_eopctl_using_subcommand set-mailbox" -s y -l yes -d 'Never ask for confirmation (the same as `-Confirm:$false`)'
complete -c eopctl -n "__fish_eopctl_using_subcommand set-mailbox" -l pass-thru -d 'Print the object after the change'
complete -c eopctl -n "__fish_eopctl_using_subcommand set-mailbox" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-mailbox" -l identity -d 'The object\'s name (or address, for recipients)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-mailbox" -l confirm -d 'Ask before changing (`-Confirm:$false` never asks)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-mailbox" -l state -d 'The state file' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-mailbox" -l data-dir -d 'The relay\'s data directory [default: the state file\'s name with .data, beside it]' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-mailbox" -s o -l output -d 'How to print results [default: table]' -r -f -a "table\t'Format-Table: the main properties, one row per object'
list\t'Format-List: every property, one per line'
json\t''
yaml\t''
csv\t'Export-Csv: a header line of every property, then one line per object'
html\t'One self-contained HTML page: the report\'s charts (inline SVG) and its table'
png\t'A report\'s first chart as a PNG image (binary: redirect it to a file)'"
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-mailbox" -l from-json -d 'Take each object of a JSON array (such as `Get-* -o json` prints) as the parameters of one run of the cmdlet; `-` reads standard input' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-mailbox" -l what-if -d 'Show what would change, and change nothing'
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-mailbox" -s y -l yes -d 'Never ask for confirmation (the same as `-Confirm:$false`)'
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-mailbox" -l pass-thru -d 'Print the object after the change'
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-mailbox" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c eopctl -n "__fish_eopctl_using_subcommand get-mailuser" -l identity -d 'The object\'s name (or address, for recipients); `*` and `?` wildcards allowed' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand get-mailuser" -l filter -d 'The objects an OPATH filter matches: "PrimarySmtpAddress -like \'*@contoso.com\'"' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand get-mailuser" -l state -d 'The state file' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand get-mailuser" -l data-dir -d 'The relay\'s data directory [default: the state file\'s name with .data, beside it]' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand get-mailuser" -s o -l output -d 'How to print results [default: table]' -r -f -a "table\t'Format-Table: the main properties, one row per object'
list\t'Format-List: every property, one per line'
json\t''
yaml\t''
csv\t'Export-Csv: a header line of every property, then one line per object'
html\t'One self-contained HTML page: the report\'s charts (inline SVG) and its table'
png\t'A report\'s first chart as a PNG image (binary: redirect it to a file)'"
complete -c eopctl -n "__fish_eopctl_using_subcommand get-mailuser" -l from-json -d 'Take each object of a JSON array (such as `Get-* -o json` prints) as the parameters of one run of the cmdlet; `-` reads standard input' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand get-mailuser" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c eopctl -n "__fish_eopctl_using_subcommand new-mailuser" -l name -d 'A unique name for the mail user [default: the local part of its primary address]' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-mailuser" -l primary-smtp-address -d 'The address the organisation knows the user by; in an accepted domain [New-MailUser default: the external address]' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-mailuser" -l external-email-address -d 'Where the mailbox really is: mail is routed to this address [New-MailUser default: the primary address]' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-mailuser" -l display-name -d 'The name shown for the mail user in lists' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-mailuser" -l email-addresses -d 'Further addresses of the user' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-mailuser" -l confirm -d 'Ask before changing (`-Confirm:$false` never asks)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-mailuser" -l state -d 'The state file' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand new-mailuser" -l data-dir -d 'The relay\'s data directory [default: the state file\'s name with .data, beside it]' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand new-mailuser" -s o -l output -d 'How to print results [default: table]' -r -f -a "table\t'Format-Table: the main properties, one row per object'
list\t'Format-List: every property, one per line'
json\t''
yaml\t''
csv\t'Export-Csv: a header line of every property, then one line per object'
html\t'One self-contained HTML page: the report\'s charts (inline SVG) and its table'
png\t'A report\'s first chart as a PNG image (binary: redirect it to a file)'"
complete -c eopctl -n "__fish_eopctl_using_subcommand new-mailuser" -l from-json -d 'Take each object of a JSON array (such as `Get-* -o json` prints) as the parameters of one run of the cmdlet; `-` reads standard input' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand new-mailuser" -l what-if -d 'Show what would change, and change nothing'
complete -c eopctl -n "__fish_eopctl_using_subcommand new-mailuser" -s y -l yes -d 'Never ask for confirmation (the same as `-Confirm:$false`)'
complete -c eopctl -n "__fish_eopctl_using_subcommand new-mailuser" -l pass-thru -d 'Print the object after the change'
complete -c eopctl -n "__fish_eopctl_using_subcommand new-mailuser" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c eopctl -n "__fish_eopctl_using_subcommand set-mailuser" -l identity -d 'The mail user\'s name or one of its addresses' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-mailuser" -l name -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-mailuser" -l primary-smtp-address -d 'The address the organisation knows the user by; in an accepted domain [New-MailUser default: the external address]' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-mailuser" -l external-email-address -d 'Where the mailbox really is: mail is routed to this address [New-MailUser default: the primary address]' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-mailuser" -l display-name -d 'The name shown for the mail user in lists' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-mailuser" -l email-addresses -d 'Further addresses of the user' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-mailuser" -l confirm -d 'Ask before changing (`-Confirm:$false` never asks)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-mailuser" -l state -d 'The state file' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand set-mailuser" -l data-dir -d 'The relay\'s data directory [default: the state file\'s name with .data, beside it]' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand set-mailuser" -s o -l output -d 'How to print results [default: table]' -r -f -a "table\t'Format-Table: the main properties, one row per object'
list\t'Format-List: every property, one per line'
json\t''
yaml\t''
csv\t'Export-Csv: a header line of every property, then one line per object'
html\t'One self-contained HTML page: the report\'s charts (inline SVG) and its table'
png\t'A report\'s first chart as a PNG image (binary: redirect it to a file)'"
complete -c eopctl -n "__fish_eopctl_using_subcommand set-mailuser" -l from-json -d 'Take each object of a JSON array (such as `Get-* -o json` prints) as the parameters of one run of the cmdlet; `-` reads standard input' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand set-mailuser" -l what-if -d 'Show what would change, and change nothing'
complete -c eopctl -n "__fish_eopctl_using_subcommand set-mailuser" -s y -l yes -d 'Never ask for confirmation (the same as `-Confirm:$false`)'
complete -c eopctl -n "__fish_eopctl_using_subcommand set-mailuser" -l pass-thru -d 'Print the object after the change'
complete -c eopctl -n "__fish_eopctl_using_subcommand set-mailuser" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-mailuser" -l identity -d 'The object\'s name (or address, for recipients)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-mailuser" -l confirm -d 'Ask before changing (`-Confirm:$false` never asks)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-mailuser" -l state -d 'The state file' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-mailuser" -l data-dir -d 'The relay\'s data directory [default: the state file\'s name with .data, beside it]' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-mailuser" -s o -l output -d 'How to print results [default: table]' -r -f -a "table\t'Format-Table: the main properties, one row per object'
list\t'Format-List: every property, one per line'
json\t''
yaml\t''
csv\t'Export-Csv: a header line of every property, then one line per object'
html\t'One self-contained HTML page: the report\'s charts (inline SVG) and its table'
png\t'A report\'s first chart as a PNG image (binary: redirect it to a file)'"
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-mailuser" -l from-json -d 'Take each object of a JSON array (such as `Get-* -o json` prints) as the parameters of one run of the cmdlet; `-` reads standard input' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-mailuser" -l what-if -d 'Show what would change, and change nothing'
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-mailuser" -s y -l yes -d 'Never ask for confirmation (the same as `-Confirm:$false`)'
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-mailuser" -l pass-thru -d 'Print the object after the change'
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-mailuser" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c eopctl -n "__fish_eopctl_using_subcommand import-mailuser" -l csv-path -d 'A CSV file with a header row: Name, PrimarySmtpAddress, and optionally ExternalEmailAddress, DisplayName, EmailAddresses (separated by ;)' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand import-mailuser" -l confirm -d 'Ask before changing (`-Confirm:$false` never asks)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand import-mailuser" -l state -d 'The state file' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand import-mailuser" -l data-dir -d 'The relay\'s data directory [default: the state file\'s name with .data, beside it]' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand import-mailuser" -s o -l output -d 'How to print results [default: table]' -r -f -a "table\t'Format-Table: the main properties, one row per object'
list\t'Format-List: every property, one per line'
json\t''
yaml\t''
csv\t'Export-Csv: a header line of every property, then one line per object'
html\t'One self-contained HTML page: the report\'s charts (inline SVG) and its table'
png\t'A report\'s first chart as a PNG image (binary: redirect it to a file)'"
complete -c eopctl -n "__fish_eopctl_using_subcommand import-mailuser" -l from-json -d 'Take each object of a JSON array (such as `Get-* -o json` prints) as the parameters of one run of the cmdlet; `-` reads standard input' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand import-mailuser" -l what-if -d 'Show what would change, and change nothing'
complete -c eopctl -n "__fish_eopctl_using_subcommand import-mailuser" -s y -l yes -d 'Never ask for confirmation (the same as `-Confirm:$false`)'
complete -c eopctl -n "__fish_eopctl_using_subcommand import-mailuser" -l pass-thru -d 'Print the object after the change'
complete -c eopctl -n "__fish_eopctl_using_subcommand import-mailuser" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c eopctl -n "__fish_eopctl_using_subcommand get-inboundconnector" -l identity -d 'The object\'s name (or address, for recipients); `*` and `?` wildcards allowed' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand get-inboundconnector" -l state -d 'The state file' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand get-inboundconnector" -l data-dir -d 'The relay\'s data directory [default: the state file\'s name with .data, beside it]' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand get-inboundconnector" -s o -l output -d 'How to print results [default: table]' -r -f -a "table\t'Format-Table: the main properties, one row per object'
list\t'Format-List: every property, one per line'
json\t''
yaml\t''
csv\t'Export-Csv: a header line of every property, then one line per object'
html\t'One self-contained HTML page: the report\'s charts (inline SVG) and its table'
png\t'A report\'s first chart as a PNG image (binary: redirect it to a file)'"
complete -c eopctl -n "__fish_eopctl_using_subcommand get-inboundconnector" -l from-json -d 'Take each object of a JSON array (such as `Get-* -o json` prints) as the parameters of one run of the cmdlet; `-` reads standard input' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand get-inboundconnector" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c eopctl -n "__fish_eopctl_using_subcommand new-inboundconnector" -l name -d 'A unique name for the object' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-inboundconnector" -l connector-type -d 'OnPremises (your own servers) or Partner (another organisation). Default: Partner' -r -f -a "OnPremises\t''
Partner\t''"
complete -c eopctl -n "__fish_eopctl_using_subcommand new-inboundconnector" -l enabled -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-inboundconnector" -l sender-ip-addresses -d 'The sending servers\' IPs: addresses, CIDR blocks or ranges (a,b or repeated)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-inboundconnector" -l sender-domains -d 'The sender domains this connector applies to (`*` for all, `*.contoso.com`)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-inboundconnector" -l require-tls -d 'Mail over this connector must come over TLS: a client it identifies gets 530 5.7.0 before STARTTLS, and a Partner\'s SenderDomains are refused in plain text' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-inboundconnector" -l tls-sender-certificate-name -d 'Identifies the sending server by its TLS client certificate: the certificate\'s CN or a SAN must be this domain (`*.contoso.com`: the domain and its subdomains), and it must chain to a trusted root (the system\'s or a Trusted ExchangeCertificate)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-inboundconnector" -l restrict-domains-to-ip-addresses -d 'Reject mail from SenderDomains that does not come from SenderIPAddresses' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-inboundconnector" -l restrict-domains-to-certificate -d 'Reject (550 5.7.1) mail from SenderDomains that does not come with the certificate named by TlsSenderCertificateName' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-inboundconnector" -l cloud-services-mail-enabled -d 'Keep the service\'s internal headers (X-MS-Exchange-Organization-*, X-Eopctl-*) on mail from the servers this connector identifies; they are removed from all other mail' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-inboundconnector" -l ef-skip-ips -d 'Enhanced filtering: the addresses of servers in front (on premises, a third-party filter) to skip in the Received headers when finding the original client\'s address' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-inboundconnector" -l ef-skip-last-ip -d 'Enhanced filtering: skip only the last hop (the server that connected) and take the address it recorded in its Received header as the original client\'s' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-inboundconnector" -l associated-accepted-domains -d 'Accepted domains this connector is limited to' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-inboundconnector" -l comment -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-inboundconnector" -l confirm -d 'Ask before changing (`-Confirm:$false` never asks)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-inboundconnector" -l state -d 'The state file' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand new-inboundconnector" -l data-dir -d 'The relay\'s data directory [default: the state file\'s name with .data, beside it]' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand new-inboundconnector" -s o -l output -d 'How to print results [default: table]' -r -f -a "table\t'Format-Table: the main properties, one row per object'
list\t'Format-List: every property, one per line'
json\t''
yaml\t''
csv\t'Export-Csv: a header line of every property, then one line per object'
html\t'One self-contained HTML page: the report\'s charts (inline SVG) and its table'
png\t'A report\'s first chart as a PNG image (binary: redirect it to a file)'"
complete -c eopctl -n "__fish_eopctl_using_subcommand new-inboundconnector" -l from-json -d 'Take each object of a JSON array (such as `Get-* -o json` prints) as the parameters of one run of the cmdlet; `-` reads standard input' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand new-inboundconnector" -l force -d 'Save an OnPremises connector whose SenderIPAddresses reach widely into the public Internet (beyond a /16 of IPv4 or a /48 of IPv6): everyone there may relay'
complete -c eopctl -n "__fish_eopctl_using_subcommand new-inboundconnector" -l what-if -d 'Show what would change, and change nothing'
complete -c eopctl -n "__fish_eopctl_using_subcommand new-inboundconnector" -s y -l yes -d 'Never ask for confirmation (the same as `-Confirm:$false`)'
complete -c eopctl -n "__fish_eopctl_using_subcommand new-inboundconnector" -l pass-thru -d 'Print the object after the change'
complete -c eopctl -n "__fish_eopctl_using_subcommand new-inboundconnector" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c eopctl -n "__fish_eopctl_using_subcommand set-inboundconnector" -l identity -d 'The object to change' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-inboundconnector" -l name -d 'A new name' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-inboundconnector" -l connector-type -d 'OnPremises (your own servers) or Partner (another organisation). Default: Partner' -r -f -a "OnPremises\t''
Partner\t''"
complete -c eopctl -n "__fish_eopctl_using_subcommand set-inboundconnector" -l enabled -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-inboundconnector" -l sender-ip-addresses -d 'The sending servers\' IPs: addresses, CIDR blocks or ranges (a,b or repeated)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-inboundconnector" -l sender-domains -d 'The sender domains this connector applies to (`*` for all, `*.contoso.com`)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-inboundconnector" -l require-tls -d 'Mail over this connector must come over TLS: a client it identifies gets 530 5.7.0 before STARTTLS, and a Partner\'s SenderDomains are refused in plain text' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-inboundconnector" -l tls-sender-certificate-name -d 'Identifies the sending server by its TLS client certificate: the certificate\'s CN or a SAN must be this domain (`*.contoso.com`: the domain and its subdomains), and it must chain to a trusted root (the system\'s or a Trusted ExchangeCertificate)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-inboundconnector" -l restrict-domains-to-ip-addresses -d 'Reject mail from SenderDomains that does not come from SenderIPAddresses' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-inboundconnector" -l restrict-domains-to-certificate -d 'Reject (550 5.7.1) mail from SenderDomains that does not come with the certificate named by TlsSenderCertificateName' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-inboundconnector" -l cloud-services-mail-enabled -d 'Keep the service\'s internal headers (X-MS-Exchange-Organization-*, X-Eopctl-*) on mail from the servers this connector identifies; they are removed from all other mail' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-inboundconnector" -l ef-skip-ips -d 'Enhanced filtering: the addresses of servers in front (on premises, a third-party filter) to skip in the Received headers when finding the original client\'s address' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-inboundconnector" -l ef-skip-last-ip -d 'Enhanced filtering: skip only the last hop (the server that connected) and take the address it recorded in its Received header as the original client\'s' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-inboundconnector" -l associated-accepted-domains -d 'Accepted domains this connector is limited to' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-inboundconnector" -l comment -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-inboundconnector" -l confirm -d 'Ask before changing (`-Confirm:$false` never asks)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-inboundconnector" -l state -d 'The state file' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand set-inboundconnector" -l data-dir -d 'The relay\'s data directory [default: the state file\'s name with .data, beside it]' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand set-inboundconnector" -s o -l output -d 'How to print results [default: table]' -r -f -a "table\t'Format-Table: the main properties, one row per object'
list\t'Format-List: every property, one per line'
json\t''
yaml\t''
csv\t'Export-Csv: a header line of every property, then one line per object'
html\t'One self-contained HTML page: the report\'s charts (inline SVG) and its table'
png\t'A report\'s first chart as a PNG image (binary: redirect it to a file)'"
complete -c eopctl -n "__fish_eopctl_using_subcommand set-inboundconnector" -l from-json -d 'Take each object of a JSON array (such as `Get-* -o json` prints) as the parameters of one run of the cmdlet; `-` reads standard input' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand set-inboundconnector" -l force -d 'Save an OnPremises connector whose SenderIPAddresses reach widely into the public Internet (beyond a /16 of IPv4 or a /48 of IPv6): everyone there may relay'
complete -c eopctl -n "__fish_eopctl_using_subcommand set-inboundconnector" -l what-if -d 'Show what would change, and change nothing'
complete -c eopctl -n "__fish_eopctl_using_subcommand set-inboundconnector" -s y -l yes -d 'Never ask for confirmation (the same as `-Confirm:$false`)'
complete -c eopctl -n "__fish_eopctl_using_subcommand set-inboundconnector" -l pass-thru -d 'Print the object after the change'
complete -c eopctl -n "__fish_eopctl_using_subcommand set-inboundconnector" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-inboundconnector" -l identity -d 'The object\'s name (or address, for recipients)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-inboundconnector" -l confirm -d 'Ask before changing (`-Confirm:$false` never asks)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-inboundconnector" -l state -d 'The state file' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-inboundconnector" -l data-dir -d 'The relay\'s data directory [default: the state file\'s name with .data, beside it]' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-inboundconnector" -s o -l output -d 'How to print results [default: table]' -r -f -a "table\t'Format-Table: the main properties, one row per object'
list\t'Format-List: every property, one per line'
json\t''
yaml\t''
csv\t'Export-Csv: a header line of every property, then one line per object'
html\t'One self-contained HTML page: the report\'s charts (inline SVG) and its table'
png\t'A report\'s first chart as a PNG image (binary: redirect it to a file)'"
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-inboundconnector" -l from-json -d 'Take each object of a JSON array (such as `Get-* -o json` prints) as the parameters of one run of the cmdlet; `-` reads standard input' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-inboundconnector" -l what-if -d 'Show what would change, and change nothing'
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-inboundconnector" -s y -l yes -d 'Never ask for confirmation (the same as `-Confirm:$false`)'
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-inboundconnector" -l pass-thru -d 'Print the object after the change'
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-inboundconnector" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c eopctl -n "__fish_eopctl_using_subcommand enable-inboundconnector" -l identity -d 'The object\'s name (or address, for recipients)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand enable-inboundconnector" -l confirm -d 'Ask before changing (`-Confirm:$false` never asks)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand enable-inboundconnector" -l state -d 'The state file' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand enable-inboundconnector" -l data-dir -d 'The relay\'s data directory [default: the state file\'s name with .data, beside it]' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand enable-inboundconnector" -s o -l output -d 'How to print results [default: table]' -r -f -a "table\t'Format-Table: the main properties, one row per object'
list\t'Format-List: every property, one per line'
json\t''
yaml\t''
csv\t'Export-Csv: a header line of every property, then one line per object'
html\t'One self-contained HTML page: the report\'s charts (inline SVG) and its table'
png\t'A report\'s first chart as a PNG image (binary: redirect it to a file)'"
complete -c eopctl -n "__fish_eopctl_using_subcommand enable-inboundconnector" -l from-json -d 'Take each object of a JSON array (such as `Get-* -o json` prints) as the parameters of one run of the cmdlet; `-` reads standard input' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand enable-inboundconnector" -l what-if -d 'Show what would change, and change nothing'
complete -c eopctl -n "__fish_eopctl_using_subcommand enable-inboundconnector" -s y -l yes -d 'Never ask for confirmation (the same as `-Confirm:$false`)'
complete -c eopctl -n "__fish_eopctl_using_subcommand enable-inboundconnector" -l pass-thru -d 'Print the object after the change'
complete -c eopctl -n "__fish_eopctl_using_subcommand enable-inboundconnector" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c eopctl -n "__fish_eopctl_using_subcommand disable-inboundconnector" -l identity -d 'The object\'s name (or address, for recipients)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand disable-inboundconnector" -l confirm -d 'Ask before changing (`-Confirm:$false` never asks)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand disable-inboundconnector" -l state -d 'The state file' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand disable-inboundconnector" -l data-dir -d 'The relay\'s data directory [default: the state file\'s name with .data, beside it]' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand disable-inboundconnector" -s o -l output -d 'How to print results [default: table]' -r -f -a "table\t'Format-Table: the main properties, one row per object'
list\t'Format-List: every property, one per line'
json\t''
yaml\t''
csv\t'Export-Csv: a header line of every property, then one line per object'
html\t'One self-contained HTML page: the report\'s charts (inline SVG) and its table'
png\t'A report\'s first chart as a PNG image (binary: redirect it to a file)'"
complete -c eopctl -n "__fish_eopctl_using_subcommand disable-inboundconnector" -l from-json -d 'Take each object of a JSON array (such as `Get-* -o json` prints) as the parameters of one run of the cmdlet; `-` reads standard input' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand disable-inboundconnector" -l what-if -d 'Show what would change, and change nothing'
complete -c eopctl -n "__fish_eopctl_using_subcommand disable-inboundconnector" -s y -l yes -d 'Never ask for confirmation (the same as `-Confirm:$false`)'
complete -c eopctl -n "__fish_eopctl_using_subcommand disable-inboundconnector" -l pass-thru -d 'Print the object after the change'
complete -c eopctl -n "__fish_eopctl_using_subcommand disable-inboundconnector" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c eopctl -n "__fish_eopctl_using_subcommand get-outboundconnector" -l identity -d 'The object\'s name (or address, for recipients); `*` and `?` wildcards allowed' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand get-outboundconnector" -l state -d 'The state file' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand get-outboundconnector" -l data-dir -d 'The relay\'s data directory [default: the state file\'s name with .data, beside it]' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand get-outboundconnector" -s o -l output -d 'How to print results [default: table]' -r -f -a "table\t'Format-Table: the main properties, one row per object'
list\t'Format-List: every property, one per line'
json\t''
yaml\t''
csv\t'Export-Csv: a header line of every property, then one line per object'
html\t'One self-contained HTML page: the report\'s charts (inline SVG) and its table'
png\t'A report\'s first chart as a PNG image (binary: redirect it to a file)'"
complete -c eopctl -n "__fish_eopctl_using_subcommand get-outboundconnector" -l from-json -d 'Take each object of a JSON array (such as `Get-* -o json` prints) as the parameters of one run of the cmdlet; `-` reads standard input' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand get-outboundconnector" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c eopctl -n "__fish_eopctl_using_subcommand new-outboundconnector" -l name -d 'A unique name for the object' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-outboundconnector" -l connector-type -d 'OnPremises (your own servers) or Partner (another organisation). Default: Partner' -r -f -a "OnPremises\t''
Partner\t''"
complete -c eopctl -n "__fish_eopctl_using_subcommand new-outboundconnector" -l enabled -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-outboundconnector" -l smart-hosts -d 'FQDNs or IPs to deliver to, each with an optional :port' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-outboundconnector" -l use-mx-record -d 'Deliver by looking up the recipient domain\'s MX records instead of smart hosts' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-outboundconnector" -l recipient-domains -d 'The recipient domains this connector delivers for (`*.contoso.com` allowed)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-outboundconnector" -l all-accepted-domains -d 'Deliver mail for every accepted domain through this connector' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-outboundconnector" -l tls-settings -d 'EncryptionOnly, CertificateValidation or DomainValidation; $null for opportunistic TLS' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-outboundconnector" -l tls-domain -d 'With DomainValidation: the domain the smart host\'s certificate must carry' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-outboundconnector" -l is-transport-rule-scoped -d 'Use this connector only when a mail flow rule routes to it' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-outboundconnector" -l route-all-messages-via-on-premises -d 'Send Internet-bound mail of hosted mailboxes through on premises first' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-outboundconnector" -l cloud-services-mail-enabled -d 'Keep the service\'s internal headers, and present the relay\'s certificate' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-outboundconnector" -l tls-certificate-name -d 'The relay\'s certificate to present to the smart hosts' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-outboundconnector" -l comment -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-outboundconnector" -l confirm -d 'Ask before changing (`-Confirm:$false` never asks)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-outboundconnector" -l state -d 'The state file' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand new-outboundconnector" -l data-dir -d 'The relay\'s data directory [default: the state file\'s name with .data, beside it]' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand new-outboundconnector" -s o -l output -d 'How to print results [default: table]' -r -f -a "table\t'Format-Table: the main properties, one row per object'
list\t'Format-List: every property, one per line'
json\t''
yaml\t''
csv\t'Export-Csv: a header line of every property, then one line per object'
html\t'One self-contained HTML page: the report\'s charts (inline SVG) and its table'
png\t'A report\'s first chart as a PNG image (binary: redirect it to a file)'"
complete -c eopctl -n "__fish_eopctl_using_subcommand new-outboundconnector" -l from-json -d 'Take each object of a JSON array (such as `Get-* -o json` prints) as the parameters of one run of the cmdlet; `-` reads standard input' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand new-outboundconnector" -l what-if -d 'Show what would change, and change nothing'
complete -c eopctl -n "__fish_eopctl_using_subcommand new-outboundconnector" -s y -l yes -d 'Never ask for confirmation (the same as `-Confirm:$false`)'
complete -c eopctl -n "__fish_eopctl_using_subcommand new-outboundconnector" -l pass-thru -d 'Print the object after the change'
complete -c eopctl -n "__fish_eopctl_using_subcommand new-outboundconnector" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c eopctl -n "__fish_eopctl_using_subcommand set-outboundconnector" -l identity -d 'The object to change' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-outboundconnector" -l name -d 'A new name' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-outboundconnector" -l connector-type -d 'OnPremises (your own servers) or Partner (another organisation). Default: Partner' -r -f -a "OnPremises\t''
Partner\t''"
complete -c eopctl -n "__fish_eopctl_using_subcommand set-outboundconnector" -l enabled -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-outboundconnector" -l smart-hosts -d 'FQDNs or IPs to deliver to, each with an optional :port' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-outboundconnector" -l use-mx-record -d 'Deliver by looking up the recipient domain\'s MX records instead of smart hosts' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-outboundconnector" -l recipient-domains -d 'The recipient domains this connector delivers for (`*.contoso.com` allowed)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-outboundconnector" -l all-accepted-domains -d 'Deliver mail for every accepted domain through this connector' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-outboundconnector" -l tls-settings -d 'EncryptionOnly, CertificateValidation or DomainValidation; $null for opportunistic TLS' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-outboundconnector" -l tls-domain -d 'With DomainValidation: the domain the smart host\'s certificate must carry' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-outboundconnector" -l is-transport-rule-scoped -d 'Use this connector only when a mail flow rule routes to it' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-outboundconnector" -l route-all-messages-via-on-premises -d 'Send Internet-bound mail of hosted mailboxes through on premises first' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-outboundconnector" -l cloud-services-mail-enabled -d 'Keep the service\'s internal headers, and present the relay\'s certificate' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-outboundconnector" -l tls-certificate-name -d 'The relay\'s certificate to present to the smart hosts' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-outboundconnector" -l comment -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-outboundconnector" -l confirm -d 'Ask before changing (`-Confirm:$false` never asks)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-outboundconnector" -l state -d 'The state file' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand set-outboundconnector" -l data-dir -d 'The relay\'s data directory [default: the state file\'s name with .data, beside it]' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand set-outboundconnector" -s o -l output -d 'How to print results [default: table]' -r -f -a "table\t'Format-Table: the main properties, one row per object'
list\t'Format-List: every property, one per line'
json\t''
yaml\t''
csv\t'Export-Csv: a header line of every property, then one line per object'
html\t'One self-contained HTML page: the report\'s charts (inline SVG) and its table'
png\t'A report\'s first chart as a PNG image (binary: redirect it to a file)'"
complete -c eopctl -n "__fish_eopctl_using_subcommand set-outboundconnector" -l from-json -d 'Take each object of a JSON array (such as `Get-* -o json` prints) as the parameters of one run of the cmdlet; `-` reads standard input' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand set-outboundconnector" -l what-if -d 'Show what would change, and change nothing'
complete -c eopctl -n "__fish_eopctl_using_subcommand set-outboundconnector" -s y -l yes -d 'Never ask for confirmation (the same as `-Confirm:$false`)'
complete -c eopctl -n "__fish_eopctl_using_subcommand set-outboundconnector" -l pass-thru -d 'Print the object after the change'
complete -c eopctl -n "__fish_eopctl_using_subcommand set-outboundconnector" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-outboundconnector" -l identity -d 'The object\'s name (or address, for recipients)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-outboundconnector" -l confirm -d 'Ask before changing (`-Confirm:$false` never asks)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-outboundconnector" -l state -d 'The state file' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-outboundconnector" -l data-dir -d 'The relay\'s data directory [default: the state file\'s name with .data, beside it]' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-outboundconnector" -s o -l output -d 'How to print results [default: table]' -r -f -a "table\t'Format-Table: the main properties, one row per object'
list\t'Format-List: every property, one per line'
json\t''
yaml\t''
csv\t'Export-Csv: a header line of every property, then one line per object'
html\t'One self-contained HTML page: the report\'s charts (inline SVG) and its table'
png\t'A report\'s first chart as a PNG image (binary: redirect it to a file)'"
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-outboundconnector" -l from-json -d 'Take each object of a JSON array (such as `Get-* -o json` prints) as the parameters of one run of the cmdlet; `-` reads standard input' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-outboundconnector" -l what-if -d 'Show what would change, and change nothing'
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-outboundconnector" -s y -l yes -d 'Never ask for confirmation (the same as `-Confirm:$false`)'
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-outboundconnector" -l pass-thru -d 'Print the object after the change'
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-outboundconnector" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c eopctl -n "__fish_eopctl_using_subcommand enable-outboundconnector" -l identity -d 'The object\'s name (or address, for recipients)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand enable-outboundconnector" -l confirm -d 'Ask before changing (`-Confirm:$false` never asks)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand enable-outboundconnector" -l state -d 'The state file' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand enable-outboundconnector" -l data-dir -d 'The relay\'s data directory [default: the state file\'s name with .data, beside it]' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand enable-outboundconnector" -s o -l output -d 'How to print results [default: table]' -r -f -a "table\t'Format-Table: the main properties, one row per object'
list\t'Format-List: every property, one per line'
json\t''
yaml\t''
csv\t'Export-Csv: a header line of every property, then one line per object'
html\t'One self-contained HTML page: the report\'s charts (inline SVG) and its table'
png\t'A report\'s first chart as a PNG image (binary: redirect it to a file)'"
complete -c eopctl -n "__fish_eopctl_using_subcommand enable-outboundconnector" -l from-json -d 'Take each object of a JSON array (such as `Get-* -o json` prints) as the parameters of one run of the cmdlet; `-` reads standard input' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand enable-outboundconnector" -l what-if -d 'Show what would change, and change nothing'
complete -c eopctl -n "__fish_eopctl_using_subcommand enable-outboundconnector" -s y -l yes -d 'Never ask for confirmation (the same as `-Confirm:$false`)'
complete -c eopctl -n "__fish_eopctl_using_subcommand enable-outboundconnector" -l pass-thru -d 'Print the object after the change'
complete -c eopctl -n "__fish_eopctl_using_subcommand enable-outboundconnector" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c eopctl -n "__fish_eopctl_using_subcommand disable-outboundconnector" -l identity -d 'The object\'s name (or address, for recipients)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand disable-outboundconnector" -l confirm -d 'Ask before changing (`-Confirm:$false` never asks)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand disable-outboundconnector" -l state -d 'The state file' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand disable-outboundconnector" -l data-dir -d 'The relay\'s data directory [default: the state file\'s name with .data, beside it]' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand disable-outboundconnector" -s o -l output -d 'How to print results [default: table]' -r -f -a "table\t'Format-Table: the main properties, one row per object'
list\t'Format-List: every property, one per line'
json\t''
yaml\t''
csv\t'Export-Csv: a header line of every property, then one line per object'
html\t'One self-contained HTML page: the report\'s charts (inline SVG) and its table'
png\t'A report\'s first chart as a PNG image (binary: redirect it to a file)'"
complete -c eopctl -n "__fish_eopctl_using_subcommand disable-outboundconnector" -l from-json -d 'Take each object of a JSON array (such as `Get-* -o json` prints) as the parameters of one run of the cmdlet; `-` reads standard input' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand disable-outboundconnector" -l what-if -d 'Show what would change, and change nothing'
complete -c eopctl -n "__fish_eopctl_using_subcommand disable-outboundconnector" -s y -l yes -d 'Never ask for confirmation (the same as `-Confirm:$false`)'
complete -c eopctl -n "__fish_eopctl_using_subcommand disable-outboundconnector" -l pass-thru -d 'Print the object after the change'
complete -c eopctl -n "__fish_eopctl_using_subcommand disable-outboundconnector" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c eopctl -n "__fish_eopctl_using_subcommand validate-outboundconnector" -l identity -d 'The connector\'s name' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand validate-outboundconnector" -l recipients -d 'Send a test message (Subject "eopctl connector validation") to these addresses through each host (a,b or repeated). With UseMXRecord, their domains are the ones whose MX hosts are checked' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand validate-outboundconnector" -l sender -d 'The test message\'s sender [default: postmaster of the default accepted domain]' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand validate-outboundconnector" -l timeout -d 'How long each connection step may take' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand validate-outboundconnector" -l dns -d 'The DNS server for MX lookups, as address:port [default: the system\'s resolvers]' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand validate-outboundconnector" -l smtp-port -d 'The port MX hosts and smart hosts without a port are reached on (tests use a loopback port)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand validate-outboundconnector" -l hostname -d 'The name the relay gives itself where a connector sets no Fqdn [default: the host name]' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand validate-outboundconnector" -l ca-file -d 'Trusted CA certificates (PEM): the roots client certificates (TlsSenderCertificateName) and next hops\' certificates (CertificateValidation, DomainValidation) are checked against, with the state\'s Trusted certificates' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand validate-outboundconnector" -l state -d 'The state file' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand validate-outboundconnector" -l data-dir -d 'The relay\'s data directory [default: the state file\'s name with .data, beside it]' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand validate-outboundconnector" -s o -l output -d 'How to print results [default: table]' -r -f -a "table\t'Format-Table: the main properties, one row per object'
list\t'Format-List: every property, one per line'
json\t''
yaml\t''
csv\t'Export-Csv: a header line of every property, then one line per object'
html\t'One self-contained HTML page: the report\'s charts (inline SVG) and its table'
png\t'A report\'s first chart as a PNG image (binary: redirect it to a file)'"
complete -c eopctl -n "__fish_eopctl_using_subcommand validate-outboundconnector" -l from-json -d 'Take each object of a JSON array (such as `Get-* -o json` prints) as the parameters of one run of the cmdlet; `-` reads standard input' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand validate-outboundconnector" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c eopctl -n "__fish_eopctl_using_subcommand validate-inboundconnector" -l identity -d 'The connector\'s name' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand validate-inboundconnector" -l client-ip -d 'Report whether a client at this address would be identified by this connector' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand validate-inboundconnector" -l state -d 'The state file' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand validate-inboundconnector" -l data-dir -d 'The relay\'s data directory [default: the state file\'s name with .data, beside it]' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand validate-inboundconnector" -s o -l output -d 'How to print results [default: table]' -r -f -a "table\t'Format-Table: the main properties, one row per object'
list\t'Format-List: every property, one per line'
json\t''
yaml\t''
csv\t'Export-Csv: a header line of every property, then one line per object'
html\t'One self-contained HTML page: the report\'s charts (inline SVG) and its table'
png\t'A report\'s first chart as a PNG image (binary: redirect it to a file)'"
complete -c eopctl -n "__fish_eopctl_using_subcommand validate-inboundconnector" -l from-json -d 'Take each object of a JSON array (such as `Get-* -o json` prints) as the parameters of one run of the cmdlet; `-` reads standard input' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand validate-inboundconnector" -l allow-private-addresses -d 'Take private and loopback SenderIPAddresses on a Partner connector as meant (a partner reached over a private link) instead of warning'
complete -c eopctl -n "__fish_eopctl_using_subcommand validate-inboundconnector" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c eopctl -n "__fish_eopctl_using_subcommand get-receiveconnector" -l identity -d 'The object\'s name (or address, for recipients); `*` and `?` wildcards allowed' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand get-receiveconnector" -l state -d 'The state file' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand get-receiveconnector" -l data-dir -d 'The relay\'s data directory [default: the state file\'s name with .data, beside it]' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand get-receiveconnector" -s o -l output -d 'How to print results [default: table]' -r -f -a "table\t'Format-Table: the main properties, one row per object'
list\t'Format-List: every property, one per line'
json\t''
yaml\t''
csv\t'Export-Csv: a header line of every property, then one line per object'
html\t'One self-contained HTML page: the report\'s charts (inline SVG) and its table'
png\t'A report\'s first chart as a PNG image (binary: redirect it to a file)'"
complete -c eopctl -n "__fish_eopctl_using_subcommand get-receiveconnector" -l from-json -d 'Take each object of a JSON array (such as `Get-* -o json` prints) as the parameters of one run of the cmdlet; `-` reads standard input' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand get-receiveconnector" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c eopctl -n "__fish_eopctl_using_subcommand new-receiveconnector" -l name -d 'A unique name for the object' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-receiveconnector" -l enabled -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-receiveconnector" -l bindings -d 'Addresses and ports to listen on: 0.0.0.0:25, [::1]:2525' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-receiveconnector" -l remote-ip-ranges -d 'Who may connect: addresses, CIDR blocks or ranges. Default: everyone' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-receiveconnector" -l fqdn -d 'The name the relay gives in its banner and EHLO reply' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-receiveconnector" -l banner -d 'The text of the 220 greeting after the FQDN' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-receiveconnector" -l tls-certificate-name -d 'The certificate offered on STARTTLS' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-receiveconnector" -l require-tls -d 'Refuse MAIL until the client has used STARTTLS' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-receiveconnector" -l auth-mechanism -d 'Tls (offer STARTTLS), BasicAuth and BasicAuthRequireTLS (offer AUTH under TLS), or None' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-receiveconnector" -l permission-groups -d 'Who may send: AnonymousUsers, ExchangeUsers (clients that authenticated), ExchangeServers (OnPremises connectors), Partners (Partner connectors)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-receiveconnector" -l implicit-tls -d 'TLS from the first byte, as on port 465 (RFC 8314), instead of STARTTLS' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-receiveconnector" -l connection-timeout -d 'The longest a connection may stay open even while it sends, hh:mm:ss (default 00:10:00)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-receiveconnector" -l connection-inactivity-timeout -d 'The longest a client may take over its next command, hh:mm:ss (default 00:05:00)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-receiveconnector" -l max-message-size -d 'Largest message accepted, such as 25MB (default 36 MB)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-receiveconnector" -l max-recipients-per-message -d 'Recipients per message (default 200)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-receiveconnector" -l max-inbound-connection -d 'Sessions at once over all clients (default 5000)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-receiveconnector" -l max-inbound-connection-per-source -d 'Sessions at once from one IP (default 20)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-receiveconnector" -l max-protocol-errors -d 'Bad commands before a session is dropped (default 5)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-receiveconnector" -l comment -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-receiveconnector" -l confirm -d 'Ask before changing (`-Confirm:$false` never asks)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-receiveconnector" -l usage -d 'Client, Custom, Internal, Internet or Partner (the switches below are the same)' -r -f -a "Client\t'Mail clients submitting mail with SMTP AUTH: listens on 0.0.0.0:587; RemoteIPRanges required'
Custom\t'Anything else: Bindings and RemoteIPRanges required'
Internal\t'Other servers of the organisation: listens on 0.0.0.0:25; RemoteIPRanges required'
Internet\t'The Internet: Bindings required; open to every address'
Partner\t'A partner\'s servers: Bindings and RemoteIPRanges required'"
complete -c eopctl -n "__fish_eopctl_using_subcommand new-receiveconnector" -l state -d 'The state file' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand new-receiveconnector" -l data-dir -d 'The relay\'s data directory [default: the state file\'s name with .data, beside it]' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand new-receiveconnector" -s o -l output -d 'How to print results [default: table]' -r -f -a "table\t'Format-Table: the main properties, one row per object'
list\t'Format-List: every property, one per line'
json\t''
yaml\t''
csv\t'Export-Csv: a header line of every property, then one line per object'
html\t'One self-contained HTML page: the report\'s charts (inline SVG) and its table'
png\t'A report\'s first chart as a PNG image (binary: redirect it to a file)'"
complete -c eopctl -n "__fish_eopctl_using_subcommand new-receiveconnector" -l from-json -d 'Take each object of a JSON array (such as `Get-* -o json` prints) as the parameters of one run of the cmdlet; `-` reads standard input' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand new-receiveconnector" -l what-if -d 'Show what would change, and change nothing'
complete -c eopctl -n "__fish_eopctl_using_subcommand new-receiveconnector" -s y -l yes -d 'Never ask for confirmation (the same as `-Confirm:$false`)'
complete -c eopctl -n "__fish_eopctl_using_subcommand new-receiveconnector" -l pass-thru -d 'Print the object after the change'
complete -c eopctl -n "__fish_eopctl_using_subcommand new-receiveconnector" -l client -d 'The same as -Usage Client'
complete -c eopctl -n "__fish_eopctl_using_subcommand new-receiveconnector" -l custom -d 'The same as -Usage Custom'
complete -c eopctl -n "__fish_eopctl_using_subcommand new-receiveconnector" -l internal -d 'The same as -Usage Internal'
complete -c eopctl -n "__fish_eopctl_using_subcommand new-receiveconnector" -l internet -d 'The same as -Usage Internet'
complete -c eopctl -n "__fish_eopctl_using_subcommand new-receiveconnector" -l partner -d 'The same as -Usage Partner'
complete -c eopctl -n "__fish_eopctl_using_subcommand new-receiveconnector" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c eopctl -n "__fish_eopctl_using_subcommand set-receiveconnector" -l identity -d 'The object to change' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-receiveconnector" -l name -d 'A new name' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-receiveconnector" -l enabled -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-receiveconnector" -l bindings -d 'Addresses and ports to listen on: 0.0.0.0:25, [::1]:2525' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-receiveconnector" -l remote-ip-ranges -d 'Who may connect: addresses, CIDR blocks or ranges. Default: everyone' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-receiveconnector" -l fqdn -d 'The name the relay gives in its banner and EHLO reply' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-receiveconnector" -l banner -d 'The text of the 220 greeting after the FQDN' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-receiveconnector" -l tls-certificate-name -d 'The certificate offered on STARTTLS' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-receiveconnector" -l require-tls -d 'Refuse MAIL until the client has used STARTTLS' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-receiveconnector" -l auth-mechanism -d 'Tls (offer STARTTLS), BasicAuth and BasicAuthRequireTLS (offer AUTH under TLS), or None' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-receiveconnector" -l permission-groups -d 'Who may send: AnonymousUsers, ExchangeUsers (clients that authenticated), ExchangeServers (OnPremises connectors), Partners (Partner connectors)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-receiveconnector" -l implicit-tls -d 'TLS from the first byte, as on port 465 (RFC 8314), instead of STARTTLS' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-receiveconnector" -l connection-timeout -d 'The longest a connection may stay open even while it sends, hh:mm:ss (default 00:10:00)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-receiveconnector" -l connection-inactivity-timeout -d 'The longest a client may take over its next command, hh:mm:ss (default 00:05:00)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-receiveconnector" -l max-message-size -d 'Largest message accepted, such as 25MB (default 36 MB)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-receiveconnector" -l max-recipients-per-message -d 'Recipients per message (default 200)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-receiveconnector" -l max-inbound-connection -d 'Sessions at once over all clients (default 5000)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-receiveconnector" -l max-inbound-connection-per-source -d 'Sessions at once from one IP (default 20)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-receiveconnector" -l max-protocol-errors -d 'Bad commands before a session is dropped (default 5)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-receiveconnector" -l comment -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-receiveconnector" -l confirm -d 'Ask before changing (`-Confirm:$false` never asks)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-receiveconnector" -l state -d 'The state file' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand set-receiveconnector" -l data-dir -d 'The relay\'s data directory [default: the state file\'s name with .data, beside it]' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand set-receiveconnector" -s o -l output -d 'How to print results [default: table]' -r -f -a "table\t'Format-Table: the main properties, one row per object'
list\t'Format-List: every property, one per line'
json\t''
yaml\t''
csv\t'Export-Csv: a header line of every property, then one line per object'
html\t'One self-contained HTML page: the report\'s charts (inline SVG) and its table'
png\t'A report\'s first chart as a PNG image (binary: redirect it to a file)'"
complete -c eopctl -n "__fish_eopctl_using_subcommand set-receiveconnector" -l from-json -d 'Take each object of a JSON array (such as `Get-* -o json` prints) as the parameters of one run of the cmdlet; `-` reads standard input' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand set-receiveconnector" -l what-if -d 'Show what would change, and change nothing'
complete -c eopctl -n "__fish_eopctl_using_subcommand set-receiveconnector" -s y -l yes -d 'Never ask for confirmation (the same as `-Confirm:$false`)'
complete -c eopctl -n "__fish_eopctl_using_subcommand set-receiveconnector" -l pass-thru -d 'Print the object after the change'
complete -c eopctl -n "__fish_eopctl_using_subcommand set-receiveconnector" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-receiveconnector" -l identity -d 'The object\'s name (or address, for recipients)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-receiveconnector" -l confirm -d 'Ask before changing (`-Confirm:$false` never asks)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-receiveconnector" -l state -d 'The state file' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-receiveconnector" -l data-dir -d 'The relay\'s data directory [default: the state file\'s name with .data, beside it]' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-receiveconnector" -s o -l output -d 'How to print results [default: table]' -r -f -a "table\t'Format-Table: the main properties, one row per object'
list\t'Format-List: every property, one per line'
json\t''
yaml\t''
csv\t'Export-Csv: a header line of every property, then one line per object'
html\t'One self-contained HTML page: the report\'s charts (inline SVG) and its table'
png\t'A report\'s first chart as a PNG image (binary: redirect it to a file)'"
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-receiveconnector" -l from-json -d 'Take each object of a JSON array (such as `Get-* -o json` prints) as the parameters of one run of the cmdlet; `-` reads standard input' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-receiveconnector" -l what-if -d 'Show what would change, and change nothing'
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-receiveconnector" -s y -l yes -d 'Never ask for confirmation (the same as `-Confirm:$false`)'
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-receiveconnector" -l pass-thru -d 'Print the object after the change'
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-receiveconnector" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c eopctl -n "__fish_eopctl_using_subcommand enable-receiveconnector" -l identity -d 'The object\'s name (or address, for recipients)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand enable-receiveconnector" -l confirm -d 'Ask before changing (`-Confirm:$false` never asks)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand enable-receiveconnector" -l state -d 'The state file' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand enable-receiveconnector" -l data-dir -d 'The relay\'s data directory [default: the state file\'s name with .data, beside it]' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand enable-receiveconnector" -s o -l output -d 'How to print results [default: table]' -r -f -a "table\t'Format-Table: the main properties, one row per object'
list\t'Format-List: every property, one per line'
json\t''
yaml\t''
csv\t'Export-Csv: a header line of every property, then one line per object'
html\t'One self-contained HTML page: the report\'s charts (inline SVG) and its table'
png\t'A report\'s first chart as a PNG image (binary: redirect it to a file)'"
complete -c eopctl -n "__fish_eopctl_using_subcommand enable-receiveconnector" -l from-json -d 'Take each object of a JSON array (such as `Get-* -o json` prints) as the parameters of one run of the cmdlet; `-` reads standard input' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand enable-receiveconnector" -l what-if -d 'Show what would change, and change nothing'
complete -c eopctl -n "__fish_eopctl_using_subcommand enable-receiveconnector" -s y -l yes -d 'Never ask for confirmation (the same as `-Confirm:$false`)'
complete -c eopctl -n "__fish_eopctl_using_subcommand enable-receiveconnector" -l pass-thru -d 'Print the object after the change'
complete -c eopctl -n "__fish_eopctl_using_subcommand enable-receiveconnector" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c eopctl -n "__fish_eopctl_using_subcommand disable-receiveconnector" -l identity -d 'The object\'s name (or address, for recipients)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand disable-receiveconnector" -l confirm -d 'Ask before changing (`-Confirm:$false` never asks)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand disable-receiveconnector" -l state -d 'The state file' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand disable-receiveconnector" -l data-dir -d 'The relay\'s data directory [default: the state file\'s name with .data, beside it]' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand disable-receiveconnector" -s o -l output -d 'How to print results [default: table]' -r -f -a "table\t'Format-Table: the main properties, one row per object'
list\t'Format-List: every property, one per line'
json\t''
yaml\t''
csv\t'Export-Csv: a header line of every property, then one line per object'
html\t'One self-contained HTML page: the report\'s charts (inline SVG) and its table'
png\t'A report\'s first chart as a PNG image (binary: redirect it to a file)'"
complete -c eopctl -n "__fish_eopctl_using_subcommand disable-receiveconnector" -l from-json -d 'Take each object of a JSON array (such as `Get-* -o json` prints) as the parameters of one run of the cmdlet; `-` reads standard input' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand disable-receiveconnector" -l what-if -d 'Show what would change, and change nothing'
complete -c eopctl -n "__fish_eopctl_using_subcommand disable-receiveconnector" -s y -l yes -d 'Never ask for confirmation (the same as `-Confirm:$false`)'
complete -c eopctl -n "__fish_eopctl_using_subcommand disable-receiveconnector" -l pass-thru -d 'Print the object after the change'
complete -c eopctl -n "__fish_eopctl_using_subcommand disable-receiveconnector" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c eopctl -n "__fish_eopctl_using_subcommand get-sendconnector" -l identity -d 'The object\'s name (or address, for recipients); `*` and `?` wildcards allowed' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand get-sendconnector" -l state -d 'The state file' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand get-sendconnector" -l data-dir -d 'The relay\'s data directory [default: the state file\'s name with .data, beside it]' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand get-sendconnector" -s o -l output -d 'How to print results [default: table]' -r -f -a "table\t'Format-Table: the main properties, one row per object'
list\t'Format-List: every property, one per line'
json\t''
yaml\t''
csv\t'Export-Csv: a header line of every property, then one line per object'
html\t'One self-contained HTML page: the report\'s charts (inline SVG) and its table'
png\t'A report\'s first chart as a PNG image (binary: redirect it to a file)'"
complete -c eopctl -n "__fish_eopctl_using_subcommand get-sendconnector" -l from-json -d 'Take each object of a JSON array (such as `Get-* -o json` prints) as the parameters of one run of the cmdlet; `-` reads standard input' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand get-sendconnector" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c eopctl -n "__fish_eopctl_using_subcommand new-sendconnector" -l name -d 'A unique name for the object' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-sendconnector" -l enabled -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-sendconnector" -l address-spaces -d 'Recipient domains this connector sends to: `*`, `contoso.com`, `SMTP:*.contoso.com;1`' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-sendconnector" -l smart-hosts -d 'Smart hosts to deliver to (FQDN or IP, optional :port); none means MX lookup' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-sendconnector" -l fqdn -d 'The name the relay gives in EHLO on this connector' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-sendconnector" -l require-tls -d 'Deliver only over TLS' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-sendconnector" -l tls-auth-level -d 'With RequireTLS: EncryptionOnly, CertificateValidation or DomainValidation' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-sendconnector" -l tls-domain -d 'With DomainValidation: the domain the certificate must carry' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-sendconnector" -l tls-certificate-name -d 'The relay\'s certificate to present as a client certificate' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-sendconnector" -l cloud-services-mail-enabled -d 'Keep the service\'s internal headers across this connector' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-sendconnector" -l max-messages-per-connection -d 'Messages sent over one connection before it is closed (default 50)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-sendconnector" -l max-message-size -d 'The largest message sent through this connector, such as 25MB or Unlimited (default 25 MB); bigger ones are refused or returned to their sender' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-sendconnector" -l connection-inactivity-timeout -d 'How long the next hop may leave the relay waiting, hh:mm:ss (default 00:10:00)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-sendconnector" -l dns-routing-enabled -d '$true: deliver by the recipient domain\'s MX records (clears SmartHosts); $false: through SmartHosts, which must then be given' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-sendconnector" -l comment -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-sendconnector" -l confirm -d 'Ask before changing (`-Confirm:$false` never asks)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-sendconnector" -l usage -d 'Custom, Internal, Internet or Partner (the switches below are the same)' -r -f -a "Custom\t'To systems that are not Exchange servers: no defaults'
Internal\t'To the organisation\'s own servers, through smart hosts (SmartHosts required)'
Internet\t'To the Internet, by the recipient domains\' MX records (no SmartHosts)'
Partner\t'To a partner domain, only over TLS with a validated certificate'"
complete -c eopctl -n "__fish_eopctl_using_subcommand new-sendconnector" -l state -d 'The state file' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand new-sendconnector" -l data-dir -d 'The relay\'s data directory [default: the state file\'s name with .data, beside it]' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand new-sendconnector" -s o -l output -d 'How to print results [default: table]' -r -f -a "table\t'Format-Table: the main properties, one row per object'
list\t'Format-List: every property, one per line'
json\t''
yaml\t''
csv\t'Export-Csv: a header line of every property, then one line per object'
html\t'One self-contained HTML page: the report\'s charts (inline SVG) and its table'
png\t'A report\'s first chart as a PNG image (binary: redirect it to a file)'"
complete -c eopctl -n "__fish_eopctl_using_subcommand new-sendconnector" -l from-json -d 'Take each object of a JSON array (such as `Get-* -o json` prints) as the parameters of one run of the cmdlet; `-` reads standard input' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand new-sendconnector" -l what-if -d 'Show what would change, and change nothing'
complete -c eopctl -n "__fish_eopctl_using_subcommand new-sendconnector" -s y -l yes -d 'Never ask for confirmation (the same as `-Confirm:$false`)'
complete -c eopctl -n "__fish_eopctl_using_subcommand new-sendconnector" -l pass-thru -d 'Print the object after the change'
complete -c eopctl -n "__fish_eopctl_using_subcommand new-sendconnector" -l custom -d 'The same as -Usage Custom'
complete -c eopctl -n "__fish_eopctl_using_subcommand new-sendconnector" -l internal -d 'The same as -Usage Internal'
complete -c eopctl -n "__fish_eopctl_using_subcommand new-sendconnector" -l internet -d 'The same as -Usage Internet'
complete -c eopctl -n "__fish_eopctl_using_subcommand new-sendconnector" -l partner -d 'The same as -Usage Partner'
complete -c eopctl -n "__fish_eopctl_using_subcommand new-sendconnector" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c eopctl -n "__fish_eopctl_using_subcommand set-sendconnector" -l identity -d 'The object to change' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-sendconnector" -l name -d 'A new name' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-sendconnector" -l enabled -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-sendconnector" -l address-spaces -d 'Recipient domains this connector sends to: `*`, `contoso.com`, `SMTP:*.contoso.com;1`' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-sendconnector" -l smart-hosts -d 'Smart hosts to deliver to (FQDN or IP, optional :port); none means MX lookup' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-sendconnector" -l fqdn -d 'The name the relay gives in EHLO on this connector' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-sendconnector" -l require-tls -d 'Deliver only over TLS' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-sendconnector" -l tls-auth-level -d 'With RequireTLS: EncryptionOnly, CertificateValidation or DomainValidation' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-sendconnector" -l tls-domain -d 'With DomainValidation: the domain the certificate must carry' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-sendconnector" -l tls-certificate-name -d 'The relay\'s certificate to present as a client certificate' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-sendconnector" -l cloud-services-mail-enabled -d 'Keep the service\'s internal headers across this connector' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-sendconnector" -l max-messages-per-connection -d 'Messages sent over one connection before it is closed (default 50)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-sendconnector" -l max-message-size -d 'The largest message sent through this connector, such as 25MB or Unlimited (default 25 MB); bigger ones are refused or returned to their sender' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-sendconnector" -l connection-inactivity-timeout -d 'How long the next hop may leave the relay waiting, hh:mm:ss (default 00:10:00)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-sendconnector" -l dns-routing-enabled -d '$true: deliver by the recipient domain\'s MX records (clears SmartHosts); $false: through SmartHosts, which must then be given' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-sendconnector" -l comment -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-sendconnector" -l confirm -d 'Ask before changing (`-Confirm:$false` never asks)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-sendconnector" -l state -d 'The state file' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand set-sendconnector" -l data-dir -d 'The relay\'s data directory [default: the state file\'s name with .data, beside it]' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand set-sendconnector" -s o -l output -d 'How to print results [default: table]' -r -f -a "table\t'Format-Table: the main properties, one row per object'
list\t'Format-List: every property, one per line'
json\t''
yaml\t''
csv\t'Export-Csv: a header line of every property, then one line per object'
html\t'One self-contained HTML page: the report\'s charts (inline SVG) and its table'
png\t'A report\'s first chart as a PNG image (binary: redirect it to a file)'"
complete -c eopctl -n "__fish_eopctl_using_subcommand set-sendconnector" -l from-json -d 'Take each object of a JSON array (such as `Get-* -o json` prints) as the parameters of one run of the cmdlet; `-` reads standard input' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand set-sendconnector" -l what-if -d 'Show what would change, and change nothing'
complete -c eopctl -n "__fish_eopctl_using_subcommand set-sendconnector" -s y -l yes -d 'Never ask for confirmation (the same as `-Confirm:$false`)'
complete -c eopctl -n "__fish_eopctl_using_subcommand set-sendconnector" -l pass-thru -d 'Print the object after the change'
complete -c eopctl -n "__fish_eopctl_using_subcommand set-sendconnector" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-sendconnector" -l identity -d 'The object\'s name (or address, for recipients)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-sendconnector" -l confirm -d 'Ask before changing (`-Confirm:$false` never asks)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-sendconnector" -l state -d 'The state file' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-sendconnector" -l data-dir -d 'The relay\'s data directory [default: the state file\'s name with .data, beside it]' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-sendconnector" -s o -l output -d 'How to print results [default: table]' -r -f -a "table\t'Format-Table: the main properties, one row per object'
list\t'Format-List: every property, one per line'
json\t''
yaml\t''
csv\t'Export-Csv: a header line of every property, then one line per object'
html\t'One self-contained HTML page: the report\'s charts (inline SVG) and its table'
png\t'A report\'s first chart as a PNG image (binary: redirect it to a file)'"
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-sendconnector" -l from-json -d 'Take each object of a JSON array (such as `Get-* -o json` prints) as the parameters of one run of the cmdlet; `-` reads standard input' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-sendconnector" -l what-if -d 'Show what would change, and change nothing'
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-sendconnector" -s y -l yes -d 'Never ask for confirmation (the same as `-Confirm:$false`)'
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-sendconnector" -l pass-thru -d 'Print the object after the change'
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-sendconnector" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c eopctl -n "__fish_eopctl_using_subcommand enable-sendconnector" -l identity -d 'The object\'s name (or address, for recipients)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand enable-sendconnector" -l confirm -d 'Ask before changing (`-Confirm:$false` never asks)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand enable-sendconnector" -l state -d 'The state file' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand enable-sendconnector" -l data-dir -d 'The relay\'s data directory [default: the state file\'s name with .data, beside it]' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand enable-sendconnector" -s o -l output -d 'How to print results [default: table]' -r -f -a "table\t'Format-Table: the main properties, one row per object'
list\t'Format-List: every property, one per line'
json\t''
yaml\t''
csv\t'Export-Csv: a header line of every property, then one line per object'
html\t'One self-contained HTML page: the report\'s charts (inline SVG) and its table'
png\t'A report\'s first chart as a PNG image (binary: redirect it to a file)'"
complete -c eopctl -n "__fish_eopctl_using_subcommand enable-sendconnector" -l from-json -d 'Take each object of a JSON array (such as `Get-* -o json` prints) as the parameters of one run of the cmdlet; `-` reads standard input' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand enable-sendconnector" -l what-if -d 'Show what would change, and change nothing'
complete -c eopctl -n "__fish_eopctl_using_subcommand enable-sendconnector" -s y -l yes -d 'Never ask for confirmation (the same as `-Confirm:$false`)'
complete -c eopctl -n "__fish_eopctl_using_subcommand enable-sendconnector" -l pass-thru -d 'Print the object after the change'
complete -c eopctl -n "__fish_eopctl_using_subcommand enable-sendconnector" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c eopctl -n "__fish_eopctl_using_subcommand disable-sendconnector" -l identity -d 'The object\'s name (or address, for recipients)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand disable-sendconnector" -l confirm -d 'Ask before changing (`-Confirm:$false` never asks)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand disable-sendconnector" -l state -d 'The state file' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand disable-sendconnector" -l data-dir -d 'The relay\'s data directory [default: the state file\'s name with .data, beside it]' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand disable-sendconnector" -s o -l output -d 'How to print results [default: table]' -r -f -a "table\t'Format-Table: the main properties, one row per object'
list\t'Format-List: every property, one per line'
json\t''
yaml\t''
csv\t'Export-Csv: a header line of every property, then one line per object'
html\t'One self-contained HTML page: the report\'s charts (inline SVG) and its table'
png\t'A report\'s first chart as a PNG image (binary: redirect it to a file)'"
complete -c eopctl -n "__fish_eopctl_using_subcommand disable-sendconnector" -l from-json -d 'Take each object of a JSON array (such as `Get-* -o json` prints) as the parameters of one run of the cmdlet; `-` reads standard input' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand disable-sendconnector" -l what-if -d 'Show what would change, and change nothing'
complete -c eopctl -n "__fish_eopctl_using_subcommand disable-sendconnector" -s y -l yes -d 'Never ask for confirmation (the same as `-Confirm:$false`)'
complete -c eopctl -n "__fish_eopctl_using_subcommand disable-sendconnector" -l pass-thru -d 'Print the object after the change'
complete -c eopctl -n "__fish_eopctl_using_subcommand disable-sendconnector" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c eopctl -n "__fish_eopctl_using_subcommand get-smtpauthaccount" -l identity -d 'The object\'s name (or address, for recipients); `*` and `?` wildcards allowed' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand get-smtpauthaccount" -l state -d 'The state file' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand get-smtpauthaccount" -l data-dir -d 'The relay\'s data directory [default: the state file\'s name with .data, beside it]' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand get-smtpauthaccount" -s o -l output -d 'How to print results [default: table]' -r -f -a "table\t'Format-Table: the main properties, one row per object'
list\t'Format-List: every property, one per line'
json\t''
yaml\t''
csv\t'Export-Csv: a header line of every property, then one line per object'
html\t'One self-contained HTML page: the report\'s charts (inline SVG) and its table'
png\t'A report\'s first chart as a PNG image (binary: redirect it to a file)'"
complete -c eopctl -n "__fish_eopctl_using_subcommand get-smtpauthaccount" -l from-json -d 'Take each object of a JSON array (such as `Get-* -o json` prints) as the parameters of one run of the cmdlet; `-` reads standard input' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand get-smtpauthaccount" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c eopctl -n "__fish_eopctl_using_subcommand new-smtpauthaccount" -l name -d 'A unique name for the object' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-smtpauthaccount" -l enabled -d 'Whether the account may log in ($false keeps it and its password, unused)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-smtpauthaccount" -l allowed-sender-addresses -d 'The envelope and From addresses the account may send as' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-smtpauthaccount" -l comment -d 'A note for admins: what the account is for' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-smtpauthaccount" -l confirm -d 'Ask before changing (`-Confirm:$false` never asks)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-smtpauthaccount" -l state -d 'The state file' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand new-smtpauthaccount" -l data-dir -d 'The relay\'s data directory [default: the state file\'s name with .data, beside it]' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand new-smtpauthaccount" -s o -l output -d 'How to print results [default: table]' -r -f -a "table\t'Format-Table: the main properties, one row per object'
list\t'Format-List: every property, one per line'
json\t''
yaml\t''
csv\t'Export-Csv: a header line of every property, then one line per object'
html\t'One self-contained HTML page: the report\'s charts (inline SVG) and its table'
png\t'A report\'s first chart as a PNG image (binary: redirect it to a file)'"
complete -c eopctl -n "__fish_eopctl_using_subcommand new-smtpauthaccount" -l from-json -d 'Take each object of a JSON array (such as `Get-* -o json` prints) as the parameters of one run of the cmdlet; `-` reads standard input' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand new-smtpauthaccount" -l password -d 'Ask for the password (twice, on a terminal) or read it from the first line of stdin; never given on the command line'
complete -c eopctl -n "__fish_eopctl_using_subcommand new-smtpauthaccount" -l what-if -d 'Show what would change, and change nothing'
complete -c eopctl -n "__fish_eopctl_using_subcommand new-smtpauthaccount" -s y -l yes -d 'Never ask for confirmation (the same as `-Confirm:$false`)'
complete -c eopctl -n "__fish_eopctl_using_subcommand new-smtpauthaccount" -l pass-thru -d 'Print the object after the change'
complete -c eopctl -n "__fish_eopctl_using_subcommand new-smtpauthaccount" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c eopctl -n "__fish_eopctl_using_subcommand set-smtpauthaccount" -l identity -d 'The object to change' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-smtpauthaccount" -l name -d 'A new name' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-smtpauthaccount" -l enabled -d 'Whether the account may log in ($false keeps it and its password, unused)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-smtpauthaccount" -l allowed-sender-addresses -d 'The envelope and From addresses the account may send as' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-smtpauthaccount" -l comment -d 'A note for admins: what the account is for' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-smtpauthaccount" -l confirm -d 'Ask before changing (`-Confirm:$false` never asks)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-smtpauthaccount" -l state -d 'The state file' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand set-smtpauthaccount" -l data-dir -d 'The relay\'s data directory [default: the state file\'s name with .data, beside it]' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand set-smtpauthaccount" -s o -l output -d 'How to print results [default: table]' -r -f -a "table\t'Format-Table: the main properties, one row per object'
list\t'Format-List: every property, one per line'
json\t''
yaml\t''
csv\t'Export-Csv: a header line of every property, then one line per object'
html\t'One self-contained HTML page: the report\'s charts (inline SVG) and its table'
png\t'A report\'s first chart as a PNG image (binary: redirect it to a file)'"
complete -c eopctl -n "__fish_eopctl_using_subcommand set-smtpauthaccount" -l from-json -d 'Take each object of a JSON array (such as `Get-* -o json` prints) as the parameters of one run of the cmdlet; `-` reads standard input' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand set-smtpauthaccount" -l password -d 'Ask for the password (twice, on a terminal) or read it from the first line of stdin; never given on the command line'
complete -c eopctl -n "__fish_eopctl_using_subcommand set-smtpauthaccount" -l what-if -d 'Show what would change, and change nothing'
complete -c eopctl -n "__fish_eopctl_using_subcommand set-smtpauthaccount" -s y -l yes -d 'Never ask for confirmation (the same as `-Confirm:$false`)'
complete -c eopctl -n "__fish_eopctl_using_subcommand set-smtpauthaccount" -l pass-thru -d 'Print the object after the change'
complete -c eopctl -n "__fish_eopctl_using_subcommand set-smtpauthaccount" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-smtpauthaccount" -l identity -d 'The object\'s name (or address, for recipients)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-smtpauthaccount" -l confirm -d 'Ask before changing (`-Confirm:$false` never asks)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-smtpauthaccount" -l state -d 'The state file' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-smtpauthaccount" -l data-dir -d 'The relay\'s data directory [default: the state file\'s name with .data, beside it]' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-smtpauthaccount" -s o -l output -d 'How to print results [default: table]' -r -f -a "table\t'Format-Table: the main properties, one row per object'
list\t'Format-List: every property, one per line'
json\t''
yaml\t''
csv\t'Export-Csv: a header line of every property, then one line per object'
html\t'One self-contained HTML page: the report\'s charts (inline SVG) and its table'
png\t'A report\'s first chart as a PNG image (binary: redirect it to a file)'"
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-smtpauthaccount" -l from-json -d 'Take each object of a JSON array (such as `Get-* -o json` prints) as the parameters of one run of the cmdlet; `-` reads standard input' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-smtpauthaccount" -l what-if -d 'Show what would change, and change nothing'
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-smtpauthaccount" -s y -l yes -d 'Never ask for confirmation (the same as `-Confirm:$false`)'
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-smtpauthaccount" -l pass-thru -d 'Print the object after the change'
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-smtpauthaccount" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c eopctl -n "__fish_eopctl_using_subcommand enable-smtpauthaccount" -l identity -d 'The object\'s name (or address, for recipients)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand enable-smtpauthaccount" -l confirm -d 'Ask before changing (`-Confirm:$false` never asks)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand enable-smtpauthaccount" -l state -d 'The state file' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand enable-smtpauthaccount" -l data-dir -d 'The relay\'s data directory [default: the state file\'s name with .data, beside it]' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand enable-smtpauthaccount" -s o -l output -d 'How to print results [default: table]' -r -f -a "table\t'Format-Table: the main properties, one row per object'
list\t'Format-List: every property, one per line'
json\t''
yaml\t''
csv\t'Export-Csv: a header line of every property, then one line per object'
html\t'One self-contained HTML page: the report\'s charts (inline SVG) and its table'
png\t'A report\'s first chart as a PNG image (binary: redirect it to a file)'"
complete -c eopctl -n "__fish_eopctl_using_subcommand enable-smtpauthaccount" -l from-json -d 'Take each object of a JSON array (such as `Get-* -o json` prints) as the parameters of one run of the cmdlet; `-` reads standard input' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand enable-smtpauthaccount" -l what-if -d 'Show what would change, and change nothing'
complete -c eopctl -n "__fish_eopctl_using_subcommand enable-smtpauthaccount" -s y -l yes -d 'Never ask for confirmation (the same as `-Confirm:$false`)'
complete -c eopctl -n "__fish_eopctl_using_subcommand enable-smtpauthaccount" -l pass-thru -d 'Print the object after the change'
complete -c eopctl -n "__fish_eopctl_using_subcommand enable-smtpauthaccount" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c eopctl -n "__fish_eopctl_using_subcommand disable-smtpauthaccount" -l identity -d 'The object\'s name (or address, for recipients)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand disable-smtpauthaccount" -l confirm -d 'Ask before changing (`-Confirm:$false` never asks)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand disable-smtpauthaccount" -l state -d 'The state file' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand disable-smtpauthaccount" -l data-dir -d 'The relay\'s data directory [default: the state file\'s name with .data, beside it]' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand disable-smtpauthaccount" -s o -l output -d 'How to print results [default: table]' -r -f -a "table\t'Format-Table: the main properties, one row per object'
list\t'Format-List: every property, one per line'
json\t''
yaml\t''
csv\t'Export-Csv: a header line of every property, then one line per object'
html\t'One self-contained HTML page: the report\'s charts (inline SVG) and its table'
png\t'A report\'s first chart as a PNG image (binary: redirect it to a file)'"
complete -c eopctl -n "__fish_eopctl_using_subcommand disable-smtpauthaccount" -l from-json -d 'Take each object of a JSON array (such as `Get-* -o json` prints) as the parameters of one run of the cmdlet; `-` reads standard input' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand disable-smtpauthaccount" -l what-if -d 'Show what would change, and change nothing'
complete -c eopctl -n "__fish_eopctl_using_subcommand disable-smtpauthaccount" -s y -l yes -d 'Never ask for confirmation (the same as `-Confirm:$false`)'
complete -c eopctl -n "__fish_eopctl_using_subcommand disable-smtpauthaccount" -l pass-thru -d 'Print the object after the change'
complete -c eopctl -n "__fish_eopctl_using_subcommand disable-smtpauthaccount" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c eopctl -n "__fish_eopctl_using_subcommand get-exchangecertificate" -l identity -d 'Certificates by thumbprint, subject or domain name; `*` and `?` wildcards allowed' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand get-exchangecertificate" -l thumbprint -d 'One certificate by its thumbprint' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand get-exchangecertificate" -l domain-name -d 'Only certificates valid for these names (a,b or repeated)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand get-exchangecertificate" -l state -d 'The state file' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand get-exchangecertificate" -l data-dir -d 'The relay\'s data directory [default: the state file\'s name with .data, beside it]' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand get-exchangecertificate" -s o -l output -d 'How to print results [default: table]' -r -f -a "table\t'Format-Table: the main properties, one row per object'
list\t'Format-List: every property, one per line'
json\t''
yaml\t''
csv\t'Export-Csv: a header line of every property, then one line per object'
html\t'One self-contained HTML page: the report\'s charts (inline SVG) and its table'
png\t'A report\'s first chart as a PNG image (binary: redirect it to a file)'"
complete -c eopctl -n "__fish_eopctl_using_subcommand get-exchangecertificate" -l from-json -d 'Take each object of a JSON array (such as `Get-* -o json` prints) as the parameters of one run of the cmdlet; `-` reads standard input' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand get-exchangecertificate" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c eopctl -n "__fish_eopctl_using_subcommand new-exchangecertificate" -l subject-name -d 'The subject: `CN=mail.contoso.com` (O=, OU=, L=, ST=, C= may follow, comma-separated). Default: CN= this host\'s name' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-exchangecertificate" -l domain-name -d 'The names the certificate is valid for (subject alternative names), a,b or repeated. Default: the subject\'s CN' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-exchangecertificate" -l valid-days -d 'How many days from now the certificate is valid. Default: 365' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-exchangecertificate" -l request-file -d 'With -GenerateRequest: write the request to this file instead of printing it' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand new-exchangecertificate" -l confirm -d 'Ask before changing (`-Confirm:$false` never asks)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-exchangecertificate" -l state -d 'The state file' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand new-exchangecertificate" -l data-dir -d 'The relay\'s data directory [default: the state file\'s name with .data, beside it]' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand new-exchangecertificate" -s o -l output -d 'How to print results [default: table]' -r -f -a "table\t'Format-Table: the main properties, one row per object'
list\t'Format-List: every property, one per line'
json\t''
yaml\t''
csv\t'Export-Csv: a header line of every property, then one line per object'
html\t'One self-contained HTML page: the report\'s charts (inline SVG) and its table'
png\t'A report\'s first chart as a PNG image (binary: redirect it to a file)'"
complete -c eopctl -n "__fish_eopctl_using_subcommand new-exchangecertificate" -l from-json -d 'Take each object of a JSON array (such as `Get-* -o json` prints) as the parameters of one run of the cmdlet; `-` reads standard input' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand new-exchangecertificate" -l generate-request -d 'Make a certificate request (PKCS#10) for a CA to sign instead of a certificate; the key stays under the data directory until Import-ExchangeCertificate brings the issued certificate'
complete -c eopctl -n "__fish_eopctl_using_subcommand new-exchangecertificate" -l what-if -d 'Show what would change, and change nothing'
complete -c eopctl -n "__fish_eopctl_using_subcommand new-exchangecertificate" -s y -l yes -d 'Never ask for confirmation (the same as `-Confirm:$false`)'
complete -c eopctl -n "__fish_eopctl_using_subcommand new-exchangecertificate" -l pass-thru -d 'Print the object after the change'
complete -c eopctl -n "__fish_eopctl_using_subcommand new-exchangecertificate" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c eopctl -n "__fish_eopctl_using_subcommand import-exchangecertificate" -l path -d 'The certificate in PEM, followed by its chain (intermediates)' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand import-exchangecertificate" -l file-data -d 'The certificate itself: PEM text, or the DER certificate in base64' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand import-exchangecertificate" -l key-path -d 'The certificate\'s private key in PEM (PKCS#8, PKCS#1 or SEC1). Needed to present the certificate; without it the certificate can only be trusted (-Trusted $true)' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand import-exchangecertificate" -l trusted -d 'Trust the certificate as a root: client certificates (TlsSenderCertificateName) and next hops\' certificates (CertificateValidation, DomainValidation) issued by it are trusted, besides the system\'s roots. Default: $false' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand import-exchangecertificate" -l confirm -d 'Ask before changing (`-Confirm:$false` never asks)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand import-exchangecertificate" -l state -d 'The state file' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand import-exchangecertificate" -l data-dir -d 'The relay\'s data directory [default: the state file\'s name with .data, beside it]' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand import-exchangecertificate" -s o -l output -d 'How to print results [default: table]' -r -f -a "table\t'Format-Table: the main properties, one row per object'
list\t'Format-List: every property, one per line'
json\t''
yaml\t''
csv\t'Export-Csv: a header line of every property, then one line per object'
html\t'One self-contained HTML page: the report\'s charts (inline SVG) and its table'
png\t'A report\'s first chart as a PNG image (binary: redirect it to a file)'"
complete -c eopctl -n "__fish_eopctl_using_subcommand import-exchangecertificate" -l from-json -d 'Take each object of a JSON array (such as `Get-* -o json` prints) as the parameters of one run of the cmdlet; `-` reads standard input' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand import-exchangecertificate" -l what-if -d 'Show what would change, and change nothing'
complete -c eopctl -n "__fish_eopctl_using_subcommand import-exchangecertificate" -s y -l yes -d 'Never ask for confirmation (the same as `-Confirm:$false`)'
complete -c eopctl -n "__fish_eopctl_using_subcommand import-exchangecertificate" -l pass-thru -d 'Print the object after the change'
complete -c eopctl -n "__fish_eopctl_using_subcommand import-exchangecertificate" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-exchangecertificate" -l identity -d 'The certificate: its thumbprint, subject or a domain name on it' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-exchangecertificate" -l thumbprint -d 'The certificate\'s thumbprint (40 hexadecimal digits)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-exchangecertificate" -l confirm -d 'Ask before changing (`-Confirm:$false` never asks)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-exchangecertificate" -l state -d 'The state file' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-exchangecertificate" -l data-dir -d 'The relay\'s data directory [default: the state file\'s name with .data, beside it]' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-exchangecertificate" -s o -l output -d 'How to print results [default: table]' -r -f -a "table\t'Format-Table: the main properties, one row per object'
list\t'Format-List: every property, one per line'
json\t''
yaml\t''
csv\t'Export-Csv: a header line of every property, then one line per object'
html\t'One self-contained HTML page: the report\'s charts (inline SVG) and its table'
png\t'A report\'s first chart as a PNG image (binary: redirect it to a file)'"
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-exchangecertificate" -l from-json -d 'Take each object of a JSON array (such as `Get-* -o json` prints) as the parameters of one run of the cmdlet; `-` reads standard input' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-exchangecertificate" -l what-if -d 'Show what would change, and change nothing'
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-exchangecertificate" -s y -l yes -d 'Never ask for confirmation (the same as `-Confirm:$false`)'
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-exchangecertificate" -l pass-thru -d 'Print the object after the change'
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-exchangecertificate" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c eopctl -n "__fish_eopctl_using_subcommand enable-exchangecertificate" -l identity -d 'The certificate: its thumbprint, subject or a domain name on it' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand enable-exchangecertificate" -l thumbprint -d 'The certificate\'s thumbprint (40 hexadecimal digits)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand enable-exchangecertificate" -l services -d 'The services to use it for: SMTP (the relay\'s one service; IIS, IMAP, POP, UM and Federation are mailbox-server services eopctl does not run)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand enable-exchangecertificate" -l confirm -d 'Ask before changing (`-Confirm:$false` never asks)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand enable-exchangecertificate" -l state -d 'The state file' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand enable-exchangecertificate" -l data-dir -d 'The relay\'s data directory [default: the state file\'s name with .data, beside it]' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand enable-exchangecertificate" -s o -l output -d 'How to print results [default: table]' -r -f -a "table\t'Format-Table: the main properties, one row per object'
list\t'Format-List: every property, one per line'
json\t''
yaml\t''
csv\t'Export-Csv: a header line of every property, then one line per object'
html\t'One self-contained HTML page: the report\'s charts (inline SVG) and its table'
png\t'A report\'s first chart as a PNG image (binary: redirect it to a file)'"
complete -c eopctl -n "__fish_eopctl_using_subcommand enable-exchangecertificate" -l from-json -d 'Take each object of a JSON array (such as `Get-* -o json` prints) as the parameters of one run of the cmdlet; `-` reads standard input' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand enable-exchangecertificate" -l what-if -d 'Show what would change, and change nothing'
complete -c eopctl -n "__fish_eopctl_using_subcommand enable-exchangecertificate" -s y -l yes -d 'Never ask for confirmation (the same as `-Confirm:$false`)'
complete -c eopctl -n "__fish_eopctl_using_subcommand enable-exchangecertificate" -l pass-thru -d 'Print the object after the change'
complete -c eopctl -n "__fish_eopctl_using_subcommand enable-exchangecertificate" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c eopctl -n "__fish_eopctl_using_subcommand get-dkimsigningconfig" -l identity -d 'The object\'s name (or address, for recipients); `*` and `?` wildcards allowed' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand get-dkimsigningconfig" -l state -d 'The state file' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand get-dkimsigningconfig" -l data-dir -d 'The relay\'s data directory [default: the state file\'s name with .data, beside it]' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand get-dkimsigningconfig" -s o -l output -d 'How to print results [default: table]' -r -f -a "table\t'Format-Table: the main properties, one row per object'
list\t'Format-List: every property, one per line'
json\t''
yaml\t''
csv\t'Export-Csv: a header line of every property, then one line per object'
html\t'One self-contained HTML page: the report\'s charts (inline SVG) and its table'
png\t'A report\'s first chart as a PNG image (binary: redirect it to a file)'"
complete -c eopctl -n "__fish_eopctl_using_subcommand get-dkimsigningconfig" -l from-json -d 'Take each object of a JSON array (such as `Get-* -o json` prints) as the parameters of one run of the cmdlet; `-` reads standard input' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand get-dkimsigningconfig" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c eopctl -n "__fish_eopctl_using_subcommand new-dkimsigningconfig" -l domain-name -d 'The accepted domain whose mail (its From address) is signed' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-dkimsigningconfig" -l enabled -d 'Sign the domain\'s outbound mail ($true), or not ($false: a new config then only makes the key, so its record can be published first)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-dkimsigningconfig" -l key-size -d 'The RSA key size in bits: 1024 or 2048. Default: 2048 for a new config, the current key\'s size on rotation' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-dkimsigningconfig" -l key-type -d 'rsa (rsa-sha256, what every receiver verifies) or ed25519 (RFC 8463, smaller; not every receiver verifies it). Default: rsa for a new config, the current key\'s type on rotation' -r -f -a "rsa\t''
ed25519\t''"
complete -c eopctl -n "__fish_eopctl_using_subcommand new-dkimsigningconfig" -l confirm -d 'Ask before changing (`-Confirm:$false` never asks)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-dkimsigningconfig" -l state -d 'The state file' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand new-dkimsigningconfig" -l data-dir -d 'The relay\'s data directory [default: the state file\'s name with .data, beside it]' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand new-dkimsigningconfig" -s o -l output -d 'How to print results [default: table]' -r -f -a "table\t'Format-Table: the main properties, one row per object'
list\t'Format-List: every property, one per line'
json\t''
yaml\t''
csv\t'Export-Csv: a header line of every property, then one line per object'
html\t'One self-contained HTML page: the report\'s charts (inline SVG) and its table'
png\t'A report\'s first chart as a PNG image (binary: redirect it to a file)'"
complete -c eopctl -n "__fish_eopctl_using_subcommand new-dkimsigningconfig" -l from-json -d 'Take each object of a JSON array (such as `Get-* -o json` prints) as the parameters of one run of the cmdlet; `-` reads standard input' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand new-dkimsigningconfig" -l what-if -d 'Show what would change, and change nothing'
complete -c eopctl -n "__fish_eopctl_using_subcommand new-dkimsigningconfig" -s y -l yes -d 'Never ask for confirmation (the same as `-Confirm:$false`)'
complete -c eopctl -n "__fish_eopctl_using_subcommand new-dkimsigningconfig" -l pass-thru -d 'Print the object after the change'
complete -c eopctl -n "__fish_eopctl_using_subcommand new-dkimsigningconfig" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c eopctl -n "__fish_eopctl_using_subcommand set-dkimsigningconfig" -l identity -d 'The domain of the config' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-dkimsigningconfig" -l enabled -d 'Sign the domain\'s outbound mail ($true), or not ($false: a new config then only makes the key, so its record can be published first)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-dkimsigningconfig" -l confirm -d 'Ask before changing (`-Confirm:$false` never asks)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-dkimsigningconfig" -l state -d 'The state file' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand set-dkimsigningconfig" -l data-dir -d 'The relay\'s data directory [default: the state file\'s name with .data, beside it]' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand set-dkimsigningconfig" -s o -l output -d 'How to print results [default: table]' -r -f -a "table\t'Format-Table: the main properties, one row per object'
list\t'Format-List: every property, one per line'
json\t''
yaml\t''
csv\t'Export-Csv: a header line of every property, then one line per object'
html\t'One self-contained HTML page: the report\'s charts (inline SVG) and its table'
png\t'A report\'s first chart as a PNG image (binary: redirect it to a file)'"
complete -c eopctl -n "__fish_eopctl_using_subcommand set-dkimsigningconfig" -l from-json -d 'Take each object of a JSON array (such as `Get-* -o json` prints) as the parameters of one run of the cmdlet; `-` reads standard input' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand set-dkimsigningconfig" -l what-if -d 'Show what would change, and change nothing'
complete -c eopctl -n "__fish_eopctl_using_subcommand set-dkimsigningconfig" -s y -l yes -d 'Never ask for confirmation (the same as `-Confirm:$false`)'
complete -c eopctl -n "__fish_eopctl_using_subcommand set-dkimsigningconfig" -l pass-thru -d 'Print the object after the change'
complete -c eopctl -n "__fish_eopctl_using_subcommand set-dkimsigningconfig" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c eopctl -n "__fish_eopctl_using_subcommand rotate-dkimsigningkey" -l identity -d 'The domain of the config' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand rotate-dkimsigningkey" -l key-size -d 'The RSA key size in bits: 1024 or 2048. Default: 2048 for a new config, the current key\'s size on rotation' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand rotate-dkimsigningkey" -l key-type -d 'rsa (rsa-sha256, what every receiver verifies) or ed25519 (RFC 8463, smaller; not every receiver verifies it). Default: rsa for a new config, the current key\'s type on rotation' -r -f -a "rsa\t''
ed25519\t''"
complete -c eopctl -n "__fish_eopctl_using_subcommand rotate-dkimsigningkey" -l confirm -d 'Ask before changing (`-Confirm:$false` never asks)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand rotate-dkimsigningkey" -l state -d 'The state file' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand rotate-dkimsigningkey" -l data-dir -d 'The relay\'s data directory [default: the state file\'s name with .data, beside it]' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand rotate-dkimsigningkey" -s o -l output -d 'How to print results [default: table]' -r -f -a "table\t'Format-Table: the main properties, one row per object'
list\t'Format-List: every property, one per line'
json\t''
yaml\t''
csv\t'Export-Csv: a header line of every property, then one line per object'
html\t'One self-contained HTML page: the report\'s charts (inline SVG) and its table'
png\t'A report\'s first chart as a PNG image (binary: redirect it to a file)'"
complete -c eopctl -n "__fish_eopctl_using_subcommand rotate-dkimsigningkey" -l from-json -d 'Take each object of a JSON array (such as `Get-* -o json` prints) as the parameters of one run of the cmdlet; `-` reads standard input' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand rotate-dkimsigningkey" -l what-if -d 'Show what would change, and change nothing'
complete -c eopctl -n "__fish_eopctl_using_subcommand rotate-dkimsigningkey" -s y -l yes -d 'Never ask for confirmation (the same as `-Confirm:$false`)'
complete -c eopctl -n "__fish_eopctl_using_subcommand rotate-dkimsigningkey" -l pass-thru -d 'Print the object after the change'
complete -c eopctl -n "__fish_eopctl_using_subcommand rotate-dkimsigningkey" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-dkimsigningconfig" -l identity -d 'The object\'s name (or address, for recipients)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-dkimsigningconfig" -l confirm -d 'Ask before changing (`-Confirm:$false` never asks)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-dkimsigningconfig" -l state -d 'The state file' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-dkimsigningconfig" -l data-dir -d 'The relay\'s data directory [default: the state file\'s name with .data, beside it]' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-dkimsigningconfig" -s o -l output -d 'How to print results [default: table]' -r -f -a "table\t'Format-Table: the main properties, one row per object'
list\t'Format-List: every property, one per line'
json\t''
yaml\t''
csv\t'Export-Csv: a header line of every property, then one line per object'
html\t'One self-contained HTML page: the report\'s charts (inline SVG) and its table'
png\t'A report\'s first chart as a PNG image (binary: redirect it to a file)'"
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-dkimsigningconfig" -l from-json -d 'Take each object of a JSON array (such as `Get-* -o json` prints) as the parameters of one run of the cmdlet; `-` reads standard input' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-dkimsigningconfig" -l what-if -d 'Show what would change, and change nothing'
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-dkimsigningconfig" -s y -l yes -d 'Never ask for confirmation (the same as `-Confirm:$false`)'
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-dkimsigningconfig" -l pass-thru -d 'Print the object after the change'
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-dkimsigningconfig" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c eopctl -n "__fish_eopctl_using_subcommand get-directorysyncprofile" -l identity -d 'The object\'s name (or address, for recipients); `*` and `?` wildcards allowed' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand get-directorysyncprofile" -l state -d 'The state file' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand get-directorysyncprofile" -l data-dir -d 'The relay\'s data directory [default: the state file\'s name with .data, beside it]' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand get-directorysyncprofile" -s o -l output -d 'How to print results [default: table]' -r -f -a "table\t'Format-Table: the main properties, one row per object'
list\t'Format-List: every property, one per line'
json\t''
yaml\t''
csv\t'Export-Csv: a header line of every property, then one line per object'
html\t'One self-contained HTML page: the report\'s charts (inline SVG) and its table'
png\t'A report\'s first chart as a PNG image (binary: redirect it to a file)'"
complete -c eopctl -n "__fish_eopctl_using_subcommand get-directorysyncprofile" -l from-json -d 'Take each object of a JSON array (such as `Get-* -o json` prints) as the parameters of one run of the cmdlet; `-` reads standard input' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand get-directorysyncprofile" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c eopctl -n "__fish_eopctl_using_subcommand new-directorysyncprofile" -l name -d 'A unique name for the profile' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-directorysyncprofile" -l ldap-url -d '`ldap://host[:port]` or `ldaps://host[:port]`' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-directorysyncprofile" -l start-tls -d 'Upgrade an ldap:// connection with StartTLS before binding' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-directorysyncprofile" -l bind-dn -d 'The account to bind as (empty: anonymous), such as "cn=eopctl-sync,ou=service,dc=contoso,dc=com"' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-directorysyncprofile" -l base-dn -d 'Where the search starts, such as "ou=people,dc=contoso,dc=com"' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-directorysyncprofile" -l filter -d 'The LDAP filter that selects recipients [default: (|(mail=*)(proxyAddresses=*))]' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-directorysyncprofile" -l address-attributes -d 'The attributes that hold addresses [default: mail, proxyAddresses]' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-directorysyncprofile" -l sync-interval-minutes -d 'Minutes between the relay\'s syncs; 0: only Start-DirectorySync [default: 30]' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-directorysyncprofile" -l enabled -d 'Whether the relay synchronises this directory' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-directorysyncprofile" -l confirm -d 'Ask before changing (`-Confirm:$false` never asks)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-directorysyncprofile" -l state -d 'The state file' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand new-directorysyncprofile" -l data-dir -d 'The relay\'s data directory [default: the state file\'s name with .data, beside it]' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand new-directorysyncprofile" -s o -l output -d 'How to print results [default: table]' -r -f -a "table\t'Format-Table: the main properties, one row per object'
list\t'Format-List: every property, one per line'
json\t''
yaml\t''
csv\t'Export-Csv: a header line of every property, then one line per object'
html\t'One self-contained HTML page: the report\'s charts (inline SVG) and its table'
png\t'A report\'s first chart as a PNG image (binary: redirect it to a file)'"
complete -c eopctl -n "__fish_eopctl_using_subcommand new-directorysyncprofile" -l from-json -d 'Take each object of a JSON array (such as `Get-* -o json` prints) as the parameters of one run of the cmdlet; `-` reads standard input' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand new-directorysyncprofile" -l bind-password -d 'Read the bind password (from the terminal, asked twice, or the first line of stdin). Never on the command line, where shell history would keep it'
complete -c eopctl -n "__fish_eopctl_using_subcommand new-directorysyncprofile" -l what-if -d 'Show what would change, and change nothing'
complete -c eopctl -n "__fish_eopctl_using_subcommand new-directorysyncprofile" -s y -l yes -d 'Never ask for confirmation (the same as `-Confirm:$false`)'
complete -c eopctl -n "__fish_eopctl_using_subcommand new-directorysyncprofile" -l pass-thru -d 'Print the object after the change'
complete -c eopctl -n "__fish_eopctl_using_subcommand new-directorysyncprofile" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c eopctl -n "__fish_eopctl_using_subcommand set-directorysyncprofile" -l identity -d 'The profile\'s name' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-directorysyncprofile" -l ldap-url -d '`ldap://host[:port]` or `ldaps://host[:port]`' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-directorysyncprofile" -l start-tls -d 'Upgrade an ldap:// connection with StartTLS before binding' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-directorysyncprofile" -l bind-dn -d 'The account to bind as (empty: anonymous), such as "cn=eopctl-sync,ou=service,dc=contoso,dc=com"' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-directorysyncprofile" -l base-dn -d 'Where the search starts, such as "ou=people,dc=contoso,dc=com"' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-directorysyncprofile" -l filter -d 'The LDAP filter that selects recipients [default: (|(mail=*)(proxyAddresses=*))]' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-directorysyncprofile" -l address-attributes -d 'The attributes that hold addresses [default: mail, proxyAddresses]' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-directorysyncprofile" -l sync-interval-minutes -d 'Minutes between the relay\'s syncs; 0: only Start-DirectorySync [default: 30]' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-directorysyncprofile" -l enabled -d 'Whether the relay synchronises this directory' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-directorysyncprofile" -l confirm -d 'Ask before changing (`-Confirm:$false` never asks)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-directorysyncprofile" -l state -d 'The state file' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand set-directorysyncprofile" -l data-dir -d 'The relay\'s data directory [default: the state file\'s name with .data, beside it]' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand set-directorysyncprofile" -s o -l output -d 'How to print results [default: table]' -r -f -a "table\t'Format-Table: the main properties, one row per object'
list\t'Format-List: every property, one per line'
json\t''
yaml\t''
csv\t'Export-Csv: a header line of every property, then one line per object'
html\t'One self-contained HTML page: the report\'s charts (inline SVG) and its table'
png\t'A report\'s first chart as a PNG image (binary: redirect it to a file)'"
complete -c eopctl -n "__fish_eopctl_using_subcommand set-directorysyncprofile" -l from-json -d 'Take each object of a JSON array (such as `Get-* -o json` prints) as the parameters of one run of the cmdlet; `-` reads standard input' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand set-directorysyncprofile" -l bind-password -d 'Read a new bind password (from the terminal, asked twice, or stdin)'
complete -c eopctl -n "__fish_eopctl_using_subcommand set-directorysyncprofile" -l what-if -d 'Show what would change, and change nothing'
complete -c eopctl -n "__fish_eopctl_using_subcommand set-directorysyncprofile" -s y -l yes -d 'Never ask for confirmation (the same as `-Confirm:$false`)'
complete -c eopctl -n "__fish_eopctl_using_subcommand set-directorysyncprofile" -l pass-thru -d 'Print the object after the change'
complete -c eopctl -n "__fish_eopctl_using_subcommand set-directorysyncprofile" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-directorysyncprofile" -l identity -d 'The object\'s name (or address, for recipients)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-directorysyncprofile" -l confirm -d 'Ask before changing (`-Confirm:$false` never asks)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-directorysyncprofile" -l state -d 'The state file' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-directorysyncprofile" -l data-dir -d 'The relay\'s data directory [default: the state file\'s name with .data, beside it]' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-directorysyncprofile" -s o -l output -d 'How to print results [default: table]' -r -f -a "table\t'Format-Table: the main properties, one row per object'
list\t'Format-List: every property, one per line'
json\t''
yaml\t''
csv\t'Export-Csv: a header line of every property, then one line per object'
html\t'One self-contained HTML page: the report\'s charts (inline SVG) and its table'
png\t'A report\'s first chart as a PNG image (binary: redirect it to a file)'"
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-directorysyncprofile" -l from-json -d 'Take each object of a JSON array (such as `Get-* -o json` prints) as the parameters of one run of the cmdlet; `-` reads standard input' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-directorysyncprofile" -l what-if -d 'Show what would change, and change nothing'
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-directorysyncprofile" -s y -l yes -d 'Never ask for confirmation (the same as `-Confirm:$false`)'
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-directorysyncprofile" -l pass-thru -d 'Print the object after the change'
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-directorysyncprofile" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c eopctl -n "__fish_eopctl_using_subcommand start-directorysync" -l identity -d 'The profile to synchronise [default: every enabled profile]' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand start-directorysync" -l ca-file -d 'The trusted CA certificates (PEM) an ldaps:// or StartTLS directory\'s certificate must chain to, with the state\'s Trusted certificates' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand start-directorysync" -l state -d 'The state file' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand start-directorysync" -l data-dir -d 'The relay\'s data directory [default: the state file\'s name with .data, beside it]' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand start-directorysync" -s o -l output -d 'How to print results [default: table]' -r -f -a "table\t'Format-Table: the main properties, one row per object'
list\t'Format-List: every property, one per line'
json\t''
yaml\t''
csv\t'Export-Csv: a header line of every property, then one line per object'
html\t'One self-contained HTML page: the report\'s charts (inline SVG) and its table'
png\t'A report\'s first chart as a PNG image (binary: redirect it to a file)'"
complete -c eopctl -n "__fish_eopctl_using_subcommand start-directorysync" -l from-json -d 'Take each object of a JSON array (such as `Get-* -o json` prints) as the parameters of one run of the cmdlet; `-` reads standard input' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand start-directorysync" -l what-if -d 'Show what would change without changing it'
complete -c eopctl -n "__fish_eopctl_using_subcommand start-directorysync" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c eopctl -n "__fish_eopctl_using_subcommand get-hostedconnectionfilterpolicy" -l identity -d 'The object\'s name (or address, for recipients); `*` and `?` wildcards allowed' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand get-hostedconnectionfilterpolicy" -l state -d 'The state file' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand get-hostedconnectionfilterpolicy" -l data-dir -d 'The relay\'s data directory [default: the state file\'s name with .data, beside it]' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand get-hostedconnectionfilterpolicy" -s o -l output -d 'How to print results [default: table]' -r -f -a "table\t'Format-Table: the main properties, one row per object'
list\t'Format-List: every property, one per line'
json\t''
yaml\t''
csv\t'Export-Csv: a header line of every property, then one line per object'
html\t'One self-contained HTML page: the report\'s charts (inline SVG) and its table'
png\t'A report\'s first chart as a PNG image (binary: redirect it to a file)'"
complete -c eopctl -n "__fish_eopctl_using_subcommand get-hostedconnectionfilterpolicy" -l from-json -d 'Take each object of a JSON array (such as `Get-* -o json` prints) as the parameters of one run of the cmdlet; `-` reads standard input' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand get-hostedconnectionfilterpolicy" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c eopctl -n "__fish_eopctl_using_subcommand set-hostedconnectionfilterpolicy" -l identity -d 'The policy: Default' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-hostedconnectionfilterpolicy" -l ip-allow-list -d 'IPs whose mail skips spam filtering (not malware filtering)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-hostedconnectionfilterpolicy" -l ip-block-list -d 'IPs whose mail is refused at connect' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-hostedconnectionfilterpolicy" -l enable-safe-list -d 'Trust well-known good senders' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-hostedconnectionfilterpolicy" -l ip-block-list-zones -d 'DNS block list zones asked about every anonymous client at connect (zen.example)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-hostedconnectionfilterpolicy" -l ip-block-list-zone-action -d 'What a DNS block list listing does: Reject (550 5.7.1 at connect) or Score (a fact for spam filtering)' -r -f -a "Reject\t'Refuse the connection (550 5.7.1)'
Score\t'Accept; the listing is a fact for the spam scorer'"
complete -c eopctl -n "__fish_eopctl_using_subcommand set-hostedconnectionfilterpolicy" -l honor-dmarc-policy -d 'Act on the sender\'s DMARC policy: p=reject refused, p=quarantine quarantined. With $false such mail is only marked as spam' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-hostedconnectionfilterpolicy" -l confirm -d 'Ask before changing (`-Confirm:$false` never asks)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-hostedconnectionfilterpolicy" -l state -d 'The state file' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand set-hostedconnectionfilterpolicy" -l data-dir -d 'The relay\'s data directory [default: the state file\'s name with .data, beside it]' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand set-hostedconnectionfilterpolicy" -s o -l output -d 'How to print results [default: table]' -r -f -a "table\t'Format-Table: the main properties, one row per object'
list\t'Format-List: every property, one per line'
json\t''
yaml\t''
csv\t'Export-Csv: a header line of every property, then one line per object'
html\t'One self-contained HTML page: the report\'s charts (inline SVG) and its table'
png\t'A report\'s first chart as a PNG image (binary: redirect it to a file)'"
complete -c eopctl -n "__fish_eopctl_using_subcommand set-hostedconnectionfilterpolicy" -l from-json -d 'Take each object of a JSON array (such as `Get-* -o json` prints) as the parameters of one run of the cmdlet; `-` reads standard input' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand set-hostedconnectionfilterpolicy" -l what-if -d 'Show what would change, and change nothing'
complete -c eopctl -n "__fish_eopctl_using_subcommand set-hostedconnectionfilterpolicy" -s y -l yes -d 'Never ask for confirmation (the same as `-Confirm:$false`)'
complete -c eopctl -n "__fish_eopctl_using_subcommand set-hostedconnectionfilterpolicy" -l pass-thru -d 'Print the object after the change'
complete -c eopctl -n "__fish_eopctl_using_subcommand set-hostedconnectionfilterpolicy" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c eopctl -n "__fish_eopctl_using_subcommand get-hostedcontentfilterpolicy" -l identity -d 'The object\'s name (or address, for recipients); `*` and `?` wildcards allowed' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand get-hostedcontentfilterpolicy" -l state -d 'The state file' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand get-hostedcontentfilterpolicy" -l data-dir -d 'The relay\'s data directory [default: the state file\'s name with .data, beside it]' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand get-hostedcontentfilterpolicy" -s o -l output -d 'How to print results [default: table]' -r -f -a "table\t'Format-Table: the main properties, one row per object'
list\t'Format-List: every property, one per line'
json\t''
yaml\t''
csv\t'Export-Csv: a header line of every property, then one line per object'
html\t'One self-contained HTML page: the report\'s charts (inline SVG) and its table'
png\t'A report\'s first chart as a PNG image (binary: redirect it to a file)'"
complete -c eopctl -n "__fish_eopctl_using_subcommand get-hostedcontentfilterpolicy" -l from-json -d 'Take each object of a JSON array (such as `Get-* -o json` prints) as the parameters of one run of the cmdlet; `-` reads standard input' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand get-hostedcontentfilterpolicy" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c eopctl -n "__fish_eopctl_using_subcommand new-hostedcontentfilterpolicy" -l name -d 'A unique name for the object' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-hostedcontentfilterpolicy" -l spam-action -d 'Action for spam (SCL 5-6)' -r -f -a "MoveToJmf\t'Junk Email folder: `.Junk` of a hosted mailbox; the SCL header for on-premises'
AddXHeader\t''
ModifySubject\t''
Redirect\t''
Delete\t''
Quarantine\t''"
complete -c eopctl -n "__fish_eopctl_using_subcommand new-hostedcontentfilterpolicy" -l high-confidence-spam-action -d 'Action for high confidence spam (SCL 7-9)' -r -f -a "MoveToJmf\t'Junk Email folder: `.Junk` of a hosted mailbox; the SCL header for on-premises'
AddXHeader\t''
ModifySubject\t''
Redirect\t''
Delete\t''
Quarantine\t''"
complete -c eopctl -n "__fish_eopctl_using_subcommand new-hostedcontentfilterpolicy" -l phish-spam-action -d 'Action for phishing (spoofed accepted domain, lookalike domains)' -r -f -a "MoveToJmf\t'Junk Email folder: `.Junk` of a hosted mailbox; the SCL header for on-premises'
AddXHeader\t''
ModifySubject\t''
Redirect\t''
Delete\t''
Quarantine\t''"
complete -c eopctl -n "__fish_eopctl_using_subcommand new-hostedcontentfilterpolicy" -l bulk-spam-action -d 'Action for bulk mail at or over BulkThreshold' -r -f -a "MoveToJmf\t'Junk Email folder: `.Junk` of a hosted mailbox; the SCL header for on-premises'
AddXHeader\t''
ModifySubject\t''
Redirect\t''
Delete\t''
Quarantine\t''"
complete -c eopctl -n "__fish_eopctl_using_subcommand new-hostedcontentfilterpolicy" -l bulk-threshold -d 'The bulk complaint level (1-9) from which mail is bulk' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-hostedcontentfilterpolicy" -l add-x-header-value -d 'The header AddXHeader adds, as `X-Name: value`' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-hostedcontentfilterpolicy" -l modify-subject-value -d 'The subject prefix ModifySubject adds' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-hostedcontentfilterpolicy" -l redirect-to-recipients -d 'Where Redirect sends the message' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-hostedcontentfilterpolicy" -l allowed-senders -d 'Senders whose mail skips spam filtering (SCL -1)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-hostedcontentfilterpolicy" -l allowed-sender-domains -d 'Sender domains whose mail skips spam filtering' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-hostedcontentfilterpolicy" -l blocked-senders -d 'Senders whose mail is high confidence spam (SCL 9)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-hostedcontentfilterpolicy" -l blocked-sender-domains -d 'Sender domains whose mail is high confidence spam' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-hostedcontentfilterpolicy" -l mark-as-spam-empty-messages -d 'Mark messages with no body and no attachment as spam: Off, On or Test' -r -f -a "Off\t''
On\t''
Test\t''"
complete -c eopctl -n "__fish_eopctl_using_subcommand new-hostedcontentfilterpolicy" -l mark-as-spam-from-address-auth-fail -d 'Mark mail whose From domain fails sender authentication (DMARC) as spam' -r -f -a "Off\t''
On\t''
Test\t''"
complete -c eopctl -n "__fish_eopctl_using_subcommand new-hostedcontentfilterpolicy" -l mark-as-spam-ndr-backscatter -d 'Mark bounces of mail the organisation never sent as spam' -r -f -a "Off\t''
On\t''
Test\t''"
complete -c eopctl -n "__fish_eopctl_using_subcommand new-hostedcontentfilterpolicy" -l mark-as-spam-spf-record-hard-fail -d 'Mark mail whose SPF check hard-fails as spam' -r -f -a "Off\t''
On\t''
Test\t''"
complete -c eopctl -n "__fish_eopctl_using_subcommand new-hostedcontentfilterpolicy" -l mark-as-spam-bulk-mail -d 'Treat bulk mail at or over BulkThreshold as spam (BulkSpamAction)' -r -f -a "Off\t''
On\t''
Test\t''"
complete -c eopctl -n "__fish_eopctl_using_subcommand new-hostedcontentfilterpolicy" -l quarantine-retention-period -d 'Days a quarantined message is kept (1-30)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-hostedcontentfilterpolicy" -l spam-quarantine-tag -d 'The quarantine policy of spam quarantines (what recipients may do, notifications)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-hostedcontentfilterpolicy" -l high-confidence-spam-quarantine-tag -d 'The quarantine policy of high confidence spam quarantines' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-hostedcontentfilterpolicy" -l phish-quarantine-tag -d 'The quarantine policy of phishing quarantines' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-hostedcontentfilterpolicy" -l bulk-quarantine-tag -d 'The quarantine policy of bulk quarantines' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-hostedcontentfilterpolicy" -l high-confidence-phish-quarantine-tag -d 'The quarantine policy of high confidence phishing quarantines (users may at most request their release)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-hostedcontentfilterpolicy" -l spam-scanner -d 'An external scanner to ask (Rspamd); $null for none' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-hostedcontentfilterpolicy" -l spam-scanner-url -d 'The scanner\'s URL, such as http://127.0.0.1:11333' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-hostedcontentfilterpolicy" -l confirm -d 'Ask before changing (`-Confirm:$false` never asks)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-hostedcontentfilterpolicy" -l state -d 'The state file' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand new-hostedcontentfilterpolicy" -l data-dir -d 'The relay\'s data directory [default: the state file\'s name with .data, beside it]' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand new-hostedcontentfilterpolicy" -s o -l output -d 'How to print results [default: table]' -r -f -a "table\t'Format-Table: the main properties, one row per object'
list\t'Format-List: every property, one per line'
json\t''
yaml\t''
csv\t'Export-Csv: a header line of every property, then one line per object'
html\t'One self-contained HTML page: the report\'s charts (inline SVG) and its table'
png\t'A report\'s first chart as a PNG image (binary: redirect it to a file)'"
complete -c eopctl -n "__fish_eopctl_using_subcommand new-hostedcontentfilterpolicy" -l from-json -d 'Take each object of a JSON array (such as `Get-* -o json` prints) as the parameters of one run of the cmdlet; `-` reads standard input' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand new-hostedcontentfilterpolicy" -l what-if -d 'Show what would change, and change nothing'
complete -c eopctl -n "__fish_eopctl_using_subcommand new-hostedcontentfilterpolicy" -s y -l yes -d 'Never ask for confirmation (the same as `-Confirm:$false`)'
complete -c eopctl -n "__fish_eopctl_using_subcommand new-hostedcontentfilterpolicy" -l pass-thru -d 'Print the object after the change'
complete -c eopctl -n "__fish_eopctl_using_subcommand new-hostedcontentfilterpolicy" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c eopctl -n "__fish_eopctl_using_subcommand set-hostedcontentfilterpolicy" -l identity -d 'The object to change' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-hostedcontentfilterpolicy" -l name -d 'A new name' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-hostedcontentfilterpolicy" -l spam-action -d 'Action for spam (SCL 5-6)' -r -f -a "MoveToJmf\t'Junk Email folder: `.Junk` of a hosted mailbox; the SCL header for on-premises'
AddXHeader\t''
ModifySubject\t''
Redirect\t''
Delete\t''
Quarantine\t''"
complete -c eopctl -n "__fish_eopctl_using_subcommand set-hostedcontentfilterpolicy" -l high-confidence-spam-action -d 'Action for high confidence spam (SCL 7-9)' -r -f -a "MoveToJmf\t'Junk Email folder: `.Junk` of a hosted mailbox; the SCL header for on-premises'
AddXHeader\t''
ModifySubject\t''
Redirect\t''
Delete\t''
Quarantine\t''"
complete -c eopctl -n "__fish_eopctl_using_subcommand set-hostedcontentfilterpolicy" -l phish-spam-action -d 'Action for phishing (spoofed accepted domain, lookalike domains)' -r -f -a "MoveToJmf\t'Junk Email folder: `.Junk` of a hosted mailbox; the SCL header for on-premises'
AddXHeader\t''
ModifySubject\t''
Redirect\t''
Delete\t''
Quarantine\t''"
complete -c eopctl -n "__fish_eopctl_using_subcommand set-hostedcontentfilterpolicy" -l bulk-spam-action -d 'Action for bulk mail at or over BulkThreshold' -r -f -a "MoveToJmf\t'Junk Email folder: `.Junk` of a hosted mailbox; the SCL header for on-premises'
AddXHeader\t''
ModifySubject\t''
Redirect\t''
Delete\t''
Quarantine\t''"
complete -c eopctl -n "__fish_eopctl_using_subcommand set-hostedcontentfilterpolicy" -l bulk-threshold -d 'The bulk complaint level (1-9) from which mail is bulk' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-hostedcontentfilterpolicy" -l add-x-header-value -d 'The header AddXHeader adds, as `X-Name: value`' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-hostedcontentfilterpolicy" -l modify-subject-value -d 'The subject prefix ModifySubject adds' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-hostedcontentfilterpolicy" -l redirect-to-recipients -d 'Where Redirect sends the message' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-hostedcontentfilterpolicy" -l allowed-senders -d 'Senders whose mail skips spam filtering (SCL -1)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-hostedcontentfilterpolicy" -l allowed-sender-domains -d 'Sender domains whose mail skips spam filtering' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-hostedcontentfilterpolicy" -l blocked-senders -d 'Senders whose mail is high confidence spam (SCL 9)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-hostedcontentfilterpolicy" -l blocked-sender-domains -d 'Sender domains whose mail is high confidence spam' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-hostedcontentfilterpolicy" -l mark-as-spam-empty-messages -d 'Mark messages with no body and no attachment as spam: Off, On or Test' -r -f -a "Off\t''
On\t''
Test\t''"
complete -c eopctl -n "__fish_eopctl_using_subcommand set-hostedcontentfilterpolicy" -l mark-as-spam-from-address-auth-fail -d 'Mark mail whose From domain fails sender authentication (DMARC) as spam' -r -f -a "Off\t''
On\t''
Test\t''"
complete -c eopctl -n "__fish_eopctl_using_subcommand set-hostedcontentfilterpolicy" -l mark-as-spam-ndr-backscatter -d 'Mark bounces of mail the organisation never sent as spam' -r -f -a "Off\t''
On\t''
Test\t''"
complete -c eopctl -n "__fish_eopctl_using_subcommand set-hostedcontentfilterpolicy" -l mark-as-spam-spf-record-hard-fail -d 'Mark mail whose SPF check hard-fails as spam' -r -f -a "Off\t''
On\t''
Test\t''"
complete -c eopctl -n "__fish_eopctl_using_subcommand set-hostedcontentfilterpolicy" -l mark-as-spam-bulk-mail -d 'Treat bulk mail at or over BulkThreshold as spam (BulkSpamAction)' -r -f -a "Off\t''
On\t''
Test\t''"
complete -c eopctl -n "__fish_eopctl_using_subcommand set-hostedcontentfilterpolicy" -l quarantine-retention-period -d 'Days a quarantined message is kept (1-30)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-hostedcontentfilterpolicy" -l spam-quarantine-tag -d 'The quarantine policy of spam quarantines (what recipients may do, notifications)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-hostedcontentfilterpolicy" -l high-confidence-spam-quarantine-tag -d 'The quarantine policy of high confidence spam quarantines' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-hostedcontentfilterpolicy" -l phish-quarantine-tag -d 'The quarantine policy of phishing quarantines' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-hostedcontentfilterpolicy" -l bulk-quarantine-tag -d 'The quarantine policy of bulk quarantines' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-hostedcontentfilterpolicy" -l high-confidence-phish-quarantine-tag -d 'The quarantine policy of high confidence phishing quarantines (users may at most request their release)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-hostedcontentfilterpolicy" -l spam-scanner -d 'An external scanner to ask (Rspamd); $null for none' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-hostedcontentfilterpolicy" -l spam-scanner-url -d 'The scanner\'s URL, such as http://127.0.0.1:11333' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-hostedcontentfilterpolicy" -l confirm -d 'Ask before changing (`-Confirm:$false` never asks)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-hostedcontentfilterpolicy" -l state -d 'The state file' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand set-hostedcontentfilterpolicy" -l data-dir -d 'The relay\'s data directory [default: the state file\'s name with .data, beside it]' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand set-hostedcontentfilterpolicy" -s o -l output -d 'How to print results [default: table]' -r -f -a "table\t'Format-Table: the main properties, one row per object'
list\t'Format-List: every property, one per line'
json\t''
yaml\t''
csv\t'Export-Csv: a header line of every property, then one line per object'
html\t'One self-contained HTML page: the report\'s charts (inline SVG) and its table'
png\t'A report\'s first chart as a PNG image (binary: redirect it to a file)'"
complete -c eopctl -n "__fish_eopctl_using_subcommand set-hostedcontentfilterpolicy" -l from-json -d 'Take each object of a JSON array (such as `Get-* -o json` prints) as the parameters of one run of the cmdlet; `-` reads standard input' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand set-hostedcontentfilterpolicy" -l what-if -d 'Show what would change, and change nothing'
complete -c eopctl -n "__fish_eopctl_using_subcommand set-hostedcontentfilterpolicy" -s y -l yes -d 'Never ask for confirmation (the same as `-Confirm:$false`)'
complete -c eopctl -n "__fish_eopctl_using_subcommand set-hostedcontentfilterpolicy" -l pass-thru -d 'Print the object after the change'
complete -c eopctl -n "__fish_eopctl_using_subcommand set-hostedcontentfilterpolicy" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-hostedcontentfilterpolicy" -l identity -d 'The object\'s name (or address, for recipients)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-hostedcontentfilterpolicy" -l confirm -d 'Ask before changing (`-Confirm:$false` never asks)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-hostedcontentfilterpolicy" -l state -d 'The state file' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-hostedcontentfilterpolicy" -l data-dir -d 'The relay\'s data directory [default: the state file\'s name with .data, beside it]' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-hostedcontentfilterpolicy" -s o -l output -d 'How to print results [default: table]' -r -f -a "table\t'Format-Table: the main properties, one row per object'
list\t'Format-List: every property, one per line'
json\t''
yaml\t''
csv\t'Export-Csv: a header line of every property, then one line per object'
html\t'One self-contained HTML page: the report\'s charts (inline SVG) and its table'
png\t'A report\'s first chart as a PNG image (binary: redirect it to a file)'"
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-hostedcontentfilterpolicy" -l from-json -d 'Take each object of a JSON array (such as `Get-* -o json` prints) as the parameters of one run of the cmdlet; `-` reads standard input' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-hostedcontentfilterpolicy" -l what-if -d 'Show what would change, and change nothing'
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-hostedcontentfilterpolicy" -s y -l yes -d 'Never ask for confirmation (the same as `-Confirm:$false`)'
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-hostedcontentfilterpolicy" -l pass-thru -d 'Print the object after the change'
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-hostedcontentfilterpolicy" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c eopctl -n "__fish_eopctl_using_subcommand get-hostedcontentfilterrule" -l identity -d 'The object\'s name (or address, for recipients); `*` and `?` wildcards allowed' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand get-hostedcontentfilterrule" -l state -d 'The state file' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand get-hostedcontentfilterrule" -l data-dir -d 'The relay\'s data directory [default: the state file\'s name with .data, beside it]' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand get-hostedcontentfilterrule" -s o -l output -d 'How to print results [default: table]' -r -f -a "table\t'Format-Table: the main properties, one row per object'
list\t'Format-List: every property, one per line'
json\t''
yaml\t''
csv\t'Export-Csv: a header line of every property, then one line per object'
html\t'One self-contained HTML page: the report\'s charts (inline SVG) and its table'
png\t'A report\'s first chart as a PNG image (binary: redirect it to a file)'"
complete -c eopctl -n "__fish_eopctl_using_subcommand get-hostedcontentfilterrule" -l from-json -d 'Take each object of a JSON array (such as `Get-* -o json` prints) as the parameters of one run of the cmdlet; `-` reads standard input' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand get-hostedcontentfilterrule" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c eopctl -n "__fish_eopctl_using_subcommand new-hostedcontentfilterrule" -l name -d 'A unique name for the rule' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-hostedcontentfilterrule" -l hosted-content-filter-policy -d 'The custom HostedContentFilterPolicy the rule applies (New- needs it)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-hostedcontentfilterrule" -l priority -d 'Where the rule runs: 0 first. A new rule goes last without it; the rules from this priority on move down by one' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-hostedcontentfilterrule" -l sent-to -d 'The recipients the rule applies to' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-hostedcontentfilterrule" -l sent-to-member-of -d 'Members of these groups (eopctl has no distribution groups: refused)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-hostedcontentfilterrule" -l recipient-domain-is -d 'The domains of the recipients the rule applies to (*.contoso.com for subdomains)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-hostedcontentfilterrule" -l except-if-sent-to -d 'The recipients the rule spares' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-hostedcontentfilterrule" -l except-if-sent-to-member-of -d 'Members of these groups are spared (refused, as SentToMemberOf)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-hostedcontentfilterrule" -l except-if-recipient-domain-is -d 'The domains of the recipients the rule spares' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-hostedcontentfilterrule" -l comments -d 'Notes for the admins' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-hostedcontentfilterrule" -l enabled -d 'Whether the rule applies from the start ($true, the default) or waits for Enable-*' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-hostedcontentfilterrule" -l confirm -d 'Ask before changing (`-Confirm:$false` never asks)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-hostedcontentfilterrule" -l state -d 'The state file' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand new-hostedcontentfilterrule" -l data-dir -d 'The relay\'s data directory [default: the state file\'s name with .data, beside it]' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand new-hostedcontentfilterrule" -s o -l output -d 'How to print results [default: table]' -r -f -a "table\t'Format-Table: the main properties, one row per object'
list\t'Format-List: every property, one per line'
json\t''
yaml\t''
csv\t'Export-Csv: a header line of every property, then one line per object'
html\t'One self-contained HTML page: the report\'s charts (inline SVG) and its table'
png\t'A report\'s first chart as a PNG image (binary: redirect it to a file)'"
complete -c eopctl -n "__fish_eopctl_using_subcommand new-hostedcontentfilterrule" -l from-json -d 'Take each object of a JSON array (such as `Get-* -o json` prints) as the parameters of one run of the cmdlet; `-` reads standard input' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand new-hostedcontentfilterrule" -l what-if -d 'Show what would change, and change nothing'
complete -c eopctl -n "__fish_eopctl_using_subcommand new-hostedcontentfilterrule" -s y -l yes -d 'Never ask for confirmation (the same as `-Confirm:$false`)'
complete -c eopctl -n "__fish_eopctl_using_subcommand new-hostedcontentfilterrule" -l pass-thru -d 'Print the object after the change'
complete -c eopctl -n "__fish_eopctl_using_subcommand new-hostedcontentfilterrule" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c eopctl -n "__fish_eopctl_using_subcommand set-hostedcontentfilterrule" -l identity -d 'The object to change' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-hostedcontentfilterrule" -l name -d 'A new name' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-hostedcontentfilterrule" -l hosted-content-filter-policy -d 'The custom HostedContentFilterPolicy the rule applies (New- needs it)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-hostedcontentfilterrule" -l priority -d 'Where the rule runs: 0 first. A new rule goes last without it; the rules from this priority on move down by one' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-hostedcontentfilterrule" -l sent-to -d 'The recipients the rule applies to' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-hostedcontentfilterrule" -l sent-to-member-of -d 'Members of these groups (eopctl has no distribution groups: refused)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-hostedcontentfilterrule" -l recipient-domain-is -d 'The domains of the recipients the rule applies to (*.contoso.com for subdomains)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-hostedcontentfilterrule" -l except-if-sent-to -d 'The recipients the rule spares' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-hostedcontentfilterrule" -l except-if-sent-to-member-of -d 'Members of these groups are spared (refused, as SentToMemberOf)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-hostedcontentfilterrule" -l except-if-recipient-domain-is -d 'The domains of the recipients the rule spares' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-hostedcontentfilterrule" -l comments -d 'Notes for the admins' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-hostedcontentfilterrule" -l confirm -d 'Ask before changing (`-Confirm:$false` never asks)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-hostedcontentfilterrule" -l state -d 'The state file' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand set-hostedcontentfilterrule" -l data-dir -d 'The relay\'s data directory [default: the state file\'s name with .data, beside it]' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand set-hostedcontentfilterrule" -s o -l output -d 'How to print results [default: table]' -r -f -a "table\t'Format-Table: the main properties, one row per object'
list\t'Format-List: every property, one per line'
json\t''
yaml\t''
csv\t'Export-Csv: a header line of every property, then one line per object'
html\t'One self-contained HTML page: the report\'s charts (inline SVG) and its table'
png\t'A report\'s first chart as a PNG image (binary: redirect it to a file)'"
complete -c eopctl -n "__fish_eopctl_using_subcommand set-hostedcontentfilterrule" -l from-json -d 'Take each object of a JSON array (such as `Get-* -o json` prints) as the parameters of one run of the cmdlet; `-` reads standard input' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand set-hostedcontentfilterrule" -l what-if -d 'Show what would change, and change nothing'
complete -c eopctl -n "__fish_eopctl_using_subcommand set-hostedcontentfilterrule" -s y -l yes -d 'Never ask for confirmation (the same as `-Confirm:$false`)'
complete -c eopctl -n "__fish_eopctl_using_subcommand set-hostedcontentfilterrule" -l pass-thru -d 'Print the object after the change'
complete -c eopctl -n "__fish_eopctl_using_subcommand set-hostedcontentfilterrule" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-hostedcontentfilterrule" -l identity -d 'The object\'s name (or address, for recipients)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-hostedcontentfilterrule" -l confirm -d 'Ask before changing (`-Confirm:$false` never asks)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-hostedcontentfilterrule" -l state -d 'The state file' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-hostedcontentfilterrule" -l data-dir -d 'The relay\'s data directory [default: the state file\'s name with .data, beside it]' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-hostedcontentfilterrule" -s o -l output -d 'How to print results [default: table]' -r -f -a "table\t'Format-Table: the main properties, one row per object'
list\t'Format-List: every property, one per line'
json\t''
yaml\t''
csv\t'Export-Csv: a header line of every property, then one line per object'
html\t'One self-contained HTML page: the report\'s charts (inline SVG) and its table'
png\t'A report\'s first chart as a PNG image (binary: redirect it to a file)'"
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-hostedcontentfilterrule" -l from-json -d 'Take each object of a JSON array (such as `Get-* -o json` prints) as the parameters of one run of the cmdlet; `-` reads standard input' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-hostedcontentfilterrule" -l what-if -d 'Show what would change, and change nothing'
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-hostedcontentfilterrule" -s y -l yes -d 'Never ask for confirmation (the same as `-Confirm:$false`)'
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-hostedcontentfilterrule" -l pass-thru -d 'Print the object after the change'
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-hostedcontentfilterrule" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c eopctl -n "__fish_eopctl_using_subcommand enable-hostedcontentfilterrule" -l identity -d 'The object\'s name (or address, for recipients)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand enable-hostedcontentfilterrule" -l confirm -d 'Ask before changing (`-Confirm:$false` never asks)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand enable-hostedcontentfilterrule" -l state -d 'The state file' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand enable-hostedcontentfilterrule" -l data-dir -d 'The relay\'s data directory [default: the state file\'s name with .data, beside it]' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand enable-hostedcontentfilterrule" -s o -l output -d 'How to print results [default: table]' -r -f -a "table\t'Format-Table: the main properties, one row per object'
list\t'Format-List: every property, one per line'
json\t''
yaml\t''
csv\t'Export-Csv: a header line of every property, then one line per object'
html\t'One self-contained HTML page: the report\'s charts (inline SVG) and its table'
png\t'A report\'s first chart as a PNG image (binary: redirect it to a file)'"
complete -c eopctl -n "__fish_eopctl_using_subcommand enable-hostedcontentfilterrule" -l from-json -d 'Take each object of a JSON array (such as `Get-* -o json` prints) as the parameters of one run of the cmdlet; `-` reads standard input' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand enable-hostedcontentfilterrule" -l what-if -d 'Show what would change, and change nothing'
complete -c eopctl -n "__fish_eopctl_using_subcommand enable-hostedcontentfilterrule" -s y -l yes -d 'Never ask for confirmation (the same as `-Confirm:$false`)'
complete -c eopctl -n "__fish_eopctl_using_subcommand enable-hostedcontentfilterrule" -l pass-thru -d 'Print the object after the change'
complete -c eopctl -n "__fish_eopctl_using_subcommand enable-hostedcontentfilterrule" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c eopctl -n "__fish_eopctl_using_subcommand disable-hostedcontentfilterrule" -l identity -d 'The object\'s name (or address, for recipients)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand disable-hostedcontentfilterrule" -l confirm -d 'Ask before changing (`-Confirm:$false` never asks)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand disable-hostedcontentfilterrule" -l state -d 'The state file' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand disable-hostedcontentfilterrule" -l data-dir -d 'The relay\'s data directory [default: the state file\'s name with .data, beside it]' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand disable-hostedcontentfilterrule" -s o -l output -d 'How to print results [default: table]' -r -f -a "table\t'Format-Table: the main properties, one row per object'
list\t'Format-List: every property, one per line'
json\t''
yaml\t''
csv\t'Export-Csv: a header line of every property, then one line per object'
html\t'One self-contained HTML page: the report\'s charts (inline SVG) and its table'
png\t'A report\'s first chart as a PNG image (binary: redirect it to a file)'"
complete -c eopctl -n "__fish_eopctl_using_subcommand disable-hostedcontentfilterrule" -l from-json -d 'Take each object of a JSON array (such as `Get-* -o json` prints) as the parameters of one run of the cmdlet; `-` reads standard input' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand disable-hostedcontentfilterrule" -l what-if -d 'Show what would change, and change nothing'
complete -c eopctl -n "__fish_eopctl_using_subcommand disable-hostedcontentfilterrule" -s y -l yes -d 'Never ask for confirmation (the same as `-Confirm:$false`)'
complete -c eopctl -n "__fish_eopctl_using_subcommand disable-hostedcontentfilterrule" -l pass-thru -d 'Print the object after the change'
complete -c eopctl -n "__fish_eopctl_using_subcommand disable-hostedcontentfilterrule" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c eopctl -n "__fish_eopctl_using_subcommand get-hostedoutboundspamfilterpolicy" -l identity -d 'The object\'s name (or address, for recipients); `*` and `?` wildcards allowed' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand get-hostedoutboundspamfilterpolicy" -l state -d 'The state file' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand get-hostedoutboundspamfilterpolicy" -l data-dir -d 'The relay\'s data directory [default: the state file\'s name with .data, beside it]' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand get-hostedoutboundspamfilterpolicy" -s o -l output -d 'How to print results [default: table]' -r -f -a "table\t'Format-Table: the main properties, one row per object'
list\t'Format-List: every property, one per line'
json\t''
yaml\t''
csv\t'Export-Csv: a header line of every property, then one line per object'
html\t'One self-contained HTML page: the report\'s charts (inline SVG) and its table'
png\t'A report\'s first chart as a PNG image (binary: redirect it to a file)'"
complete -c eopctl -n "__fish_eopctl_using_subcommand get-hostedoutboundspamfilterpolicy" -l from-json -d 'Take each object of a JSON array (such as `Get-* -o json` prints) as the parameters of one run of the cmdlet; `-` reads standard input' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand get-hostedoutboundspamfilterpolicy" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c eopctl -n "__fish_eopctl_using_subcommand new-hostedoutboundspamfilterpolicy" -l name -d 'A unique name for the object' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-hostedoutboundspamfilterpolicy" -l recipient-limit-external-per-hour -d 'Recipients outside the accepted domains a sender may reach in an hour (0 to 10000; 0 is the service default)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-hostedoutboundspamfilterpolicy" -l recipient-limit-internal-per-hour -d 'Recipients inside the accepted domains a sender may reach in an hour (0 to 10000; 0 is the service default)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-hostedoutboundspamfilterpolicy" -l recipient-limit-per-day -d 'Recipients a sender may reach in a day (0 to 10000; 0 is the service default)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-hostedoutboundspamfilterpolicy" -l action-when-threshold-reached -d 'What happens when a sender goes over a limit: BlockUserForToday, BlockUser or Alert' -r -f -a "BlockUserForToday\t'The sender may send no more until the next day (UTC midnight)'
BlockUser\t'The sender may send no more until an admin removes the restriction (Remove-BlockedSenderAddress)'
Alert\t'The mail goes on; the admins are told'"
complete -c eopctl -n "__fish_eopctl_using_subcommand new-hostedoutboundspamfilterpolicy" -l notify-outbound-spam -d 'Tell NotifyOutboundSpamRecipients of outbound spam and restricted senders' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-hostedoutboundspamfilterpolicy" -l notify-outbound-spam-recipients -d 'The admins told' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-hostedoutboundspamfilterpolicy" -l bcc-suspicious-outbound-mail -d 'Send a blind copy of outbound spam to BccSuspiciousOutboundAdditionalRecipients' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-hostedoutboundspamfilterpolicy" -l bcc-suspicious-outbound-additional-recipients -d 'Who gets the blind copies' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-hostedoutboundspamfilterpolicy" -l auto-forwarding-mode -d 'Automatic forwarding of hosted mailboxes\' mail to external recipients: Automatic (now the same as Off), On or Off' -r -f -a "Automatic\t'System-controlled: EOP now treats it as Off ("Control automatic external email forwarding in Microsoft 365")'
On\t''
Off\t''"
complete -c eopctl -n "__fish_eopctl_using_subcommand new-hostedoutboundspamfilterpolicy" -l admin-display-name -d 'A description for the admins' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-hostedoutboundspamfilterpolicy" -l confirm -d 'Ask before changing (`-Confirm:$false` never asks)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-hostedoutboundspamfilterpolicy" -l state -d 'The state file' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand new-hostedoutboundspamfilterpolicy" -l data-dir -d 'The relay\'s data directory [default: the state file\'s name with .data, beside it]' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand new-hostedoutboundspamfilterpolicy" -s o -l output -d 'How to print results [default: table]' -r -f -a "table\t'Format-Table: the main properties, one row per object'
list\t'Format-List: every property, one per line'
json\t''
yaml\t''
csv\t'Export-Csv: a header line of every property, then one line per object'
html\t'One self-contained HTML page: the report\'s charts (inline SVG) and its table'
png\t'A report\'s first chart as a PNG image (binary: redirect it to a file)'"
complete -c eopctl -n "__fish_eopctl_using_subcommand new-hostedoutboundspamfilterpolicy" -l from-json -d 'Take each object of a JSON array (such as `Get-* -o json` prints) as the parameters of one run of the cmdlet; `-` reads standard input' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand new-hostedoutboundspamfilterpolicy" -l what-if -d 'Show what would change, and change nothing'
complete -c eopctl -n "__fish_eopctl_using_subcommand new-hostedoutboundspamfilterpolicy" -s y -l yes -d 'Never ask for confirmation (the same as `-Confirm:$false`)'
complete -c eopctl -n "__fish_eopctl_using_subcommand new-hostedoutboundspamfilterpolicy" -l pass-thru -d 'Print the object after the change'
complete -c eopctl -n "__fish_eopctl_using_subcommand new-hostedoutboundspamfilterpolicy" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c eopctl -n "__fish_eopctl_using_subcommand set-hostedoutboundspamfilterpolicy" -l identity -d 'The object to change' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-hostedoutboundspamfilterpolicy" -l name -d 'A new name' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-hostedoutboundspamfilterpolicy" -l recipient-limit-external-per-hour -d 'Recipients outside the accepted domains a sender may reach in an hour (0 to 10000; 0 is the service default)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-hostedoutboundspamfilterpolicy" -l recipient-limit-internal-per-hour -d 'Recipients inside the accepted domains a sender may reach in an hour (0 to 10000; 0 is the service default)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-hostedoutboundspamfilterpolicy" -l recipient-limit-per-day -d 'Recipients a sender may reach in a day (0 to 10000; 0 is the service default)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-hostedoutboundspamfilterpolicy" -l action-when-threshold-reached -d 'What happens when a sender goes over a limit: BlockUserForToday, BlockUser or Alert' -r -f -a "BlockUserForToday\t'The sender may send no more until the next day (UTC midnight)'
BlockUser\t'The sender may send no more until an admin removes the restriction (Remove-BlockedSenderAddress)'
Alert\t'The mail goes on; the admins are told'"
complete -c eopctl -n "__fish_eopctl_using_subcommand set-hostedoutboundspamfilterpolicy" -l notify-outbound-spam -d 'Tell NotifyOutboundSpamRecipients of outbound spam and restricted senders' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-hostedoutboundspamfilterpolicy" -l notify-outbound-spam-recipients -d 'The admins told' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-hostedoutboundspamfilterpolicy" -l bcc-suspicious-outbound-mail -d 'Send a blind copy of outbound spam to BccSuspiciousOutboundAdditionalRecipients' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-hostedoutboundspamfilterpolicy" -l bcc-suspicious-outbound-additional-recipients -d 'Who gets the blind copies' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-hostedoutboundspamfilterpolicy" -l auto-forwarding-mode -d 'Automatic forwarding of hosted mailboxes\' mail to external recipients: Automatic (now the same as Off), On or Off' -r -f -a "Automatic\t'System-controlled: EOP now treats it as Off ("Control automatic external email forwarding in Microsoft 365")'
On\t''
Off\t''"
complete -c eopctl -n "__fish_eopctl_using_subcommand set-hostedoutboundspamfilterpolicy" -l admin-display-name -d 'A description for the admins' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-hostedoutboundspamfilterpolicy" -l confirm -d 'Ask before changing (`-Confirm:$false` never asks)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-hostedoutboundspamfilterpolicy" -l state -d 'The state file' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand set-hostedoutboundspamfilterpolicy" -l data-dir -d 'The relay\'s data directory [default: the state file\'s name with .data, beside it]' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand set-hostedoutboundspamfilterpolicy" -s o -l output -d 'How to print results [default: table]' -r -f -a "table\t'Format-Table: the main properties, one row per object'
list\t'Format-List: every property, one per line'
json\t''
yaml\t''
csv\t'Export-Csv: a header line of every property, then one line per object'
html\t'One self-contained HTML page: the report\'s charts (inline SVG) and its table'
png\t'A report\'s first chart as a PNG image (binary: redirect it to a file)'"
complete -c eopctl -n "__fish_eopctl_using_subcommand set-hostedoutboundspamfilterpolicy" -l from-json -d 'Take each object of a JSON array (such as `Get-* -o json` prints) as the parameters of one run of the cmdlet; `-` reads standard input' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand set-hostedoutboundspamfilterpolicy" -l what-if -d 'Show what would change, and change nothing'
complete -c eopctl -n "__fish_eopctl_using_subcommand set-hostedoutboundspamfilterpolicy" -s y -l yes -d 'Never ask for confirmation (the same as `-Confirm:$false`)'
complete -c eopctl -n "__fish_eopctl_using_subcommand set-hostedoutboundspamfilterpolicy" -l pass-thru -d 'Print the object after the change'
complete -c eopctl -n "__fish_eopctl_using_subcommand set-hostedoutboundspamfilterpolicy" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-hostedoutboundspamfilterpolicy" -l identity -d 'The object\'s name (or address, for recipients)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-hostedoutboundspamfilterpolicy" -l confirm -d 'Ask before changing (`-Confirm:$false` never asks)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-hostedoutboundspamfilterpolicy" -l state -d 'The state file' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-hostedoutboundspamfilterpolicy" -l data-dir -d 'The relay\'s data directory [default: the state file\'s name with .data, beside it]' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-hostedoutboundspamfilterpolicy" -s o -l output -d 'How to print results [default: table]' -r -f -a "table\t'Format-Table: the main properties, one row per object'
list\t'Format-List: every property, one per line'
json\t''
yaml\t''
csv\t'Export-Csv: a header line of every property, then one line per object'
html\t'One self-contained HTML page: the report\'s charts (inline SVG) and its table'
png\t'A report\'s first chart as a PNG image (binary: redirect it to a file)'"
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-hostedoutboundspamfilterpolicy" -l from-json -d 'Take each object of a JSON array (such as `Get-* -o json` prints) as the parameters of one run of the cmdlet; `-` reads standard input' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-hostedoutboundspamfilterpolicy" -l what-if -d 'Show what would change, and change nothing'
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-hostedoutboundspamfilterpolicy" -s y -l yes -d 'Never ask for confirmation (the same as `-Confirm:$false`)'
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-hostedoutboundspamfilterpolicy" -l pass-thru -d 'Print the object after the change'
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-hostedoutboundspamfilterpolicy" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c eopctl -n "__fish_eopctl_using_subcommand get-hostedoutboundspamfilterrule" -l identity -d 'The object\'s name (or address, for recipients); `*` and `?` wildcards allowed' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand get-hostedoutboundspamfilterrule" -l state -d 'The state file' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand get-hostedoutboundspamfilterrule" -l data-dir -d 'The relay\'s data directory [default: the state file\'s name with .data, beside it]' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand get-hostedoutboundspamfilterrule" -s o -l output -d 'How to print results [default: table]' -r -f -a "table\t'Format-Table: the main properties, one row per object'
list\t'Format-List: every property, one per line'
json\t''
yaml\t''
csv\t'Export-Csv: a header line of every property, then one line per object'
html\t'One self-contained HTML page: the report\'s charts (inline SVG) and its table'
png\t'A report\'s first chart as a PNG image (binary: redirect it to a file)'"
complete -c eopctl -n "__fish_eopctl_using_subcommand get-hostedoutboundspamfilterrule" -l from-json -d 'Take each object of a JSON array (such as `Get-* -o json` prints) as the parameters of one run of the cmdlet; `-` reads standard input' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand get-hostedoutboundspamfilterrule" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c eopctl -n "__fish_eopctl_using_subcommand new-hostedoutboundspamfilterrule" -l name -d 'A unique name for the rule' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-hostedoutboundspamfilterrule" -l hosted-outbound-spam-filter-policy -d 'The custom HostedOutboundSpamFilterPolicy the rule applies (New- needs it)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-hostedoutboundspamfilterrule" -l priority -d 'Where the rule runs: 0 first. A new rule goes last without it; the rules from this priority on move down by one' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-hostedoutboundspamfilterrule" -l from -d 'The senders the rule applies to' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-hostedoutboundspamfilterrule" -l from-member-of -d 'Members of these groups (eopctl has no distribution groups: refused)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-hostedoutboundspamfilterrule" -l sender-domain-is -d 'The domains of the senders the rule applies to (*.contoso.com for subdomains)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-hostedoutboundspamfilterrule" -l except-if-from -d 'The senders the rule spares' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-hostedoutboundspamfilterrule" -l except-if-from-member-of -d 'Members of these groups are spared (refused, as FromMemberOf)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-hostedoutboundspamfilterrule" -l except-if-sender-domain-is -d 'The domains of the senders the rule spares' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-hostedoutboundspamfilterrule" -l comments -d 'Notes for the admins' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-hostedoutboundspamfilterrule" -l enabled -d 'Whether the rule applies from the start ($true, the default) or waits for Enable-*' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-hostedoutboundspamfilterrule" -l confirm -d 'Ask before changing (`-Confirm:$false` never asks)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-hostedoutboundspamfilterrule" -l state -d 'The state file' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand new-hostedoutboundspamfilterrule" -l data-dir -d 'The relay\'s data directory [default: the state file\'s name with .data, beside it]' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand new-hostedoutboundspamfilterrule" -s o -l output -d 'How to print results [default: table]' -r -f -a "table\t'Format-Table: the main properties, one row per object'
list\t'Format-List: every property, one per line'
json\t''
yaml\t''
csv\t'Export-Csv: a header line of every property, then one line per object'
html\t'One self-contained HTML page: the report\'s charts (inline SVG) and its table'
png\t'A report\'s first chart as a PNG image (binary: redirect it to a file)'"
complete -c eopctl -n "__fish_eopctl_using_subcommand new-hostedoutboundspamfilterrule" -l from-json -d 'Take each object of a JSON array (such as `Get-* -o json` prints) as the parameters of one run of the cmdlet; `-` reads standard input' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand new-hostedoutboundspamfilterrule" -l what-if -d 'Show what would change, and change nothing'
complete -c eopctl -n "__fish_eopctl_using_subcommand new-hostedoutboundspamfilterrule" -s y -l yes -d 'Never ask for confirmation (the same as `-Confirm:$false`)'
complete -c eopctl -n "__fish_eopctl_using_subcommand new-hostedoutboundspamfilterrule" -l pass-thru -d 'Print the object after the change'
complete -c eopctl -n "__fish_eopctl_using_subcommand new-hostedoutboundspamfilterrule" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c eopctl -n "__fish_eopctl_using_subcommand set-hostedoutboundspamfilterrule" -l identity -d 'The object to change' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-hostedoutboundspamfilterrule" -l name -d 'A new name' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-hostedoutboundspamfilterrule" -l hosted-outbound-spam-filter-policy -d 'The custom HostedOutboundSpamFilterPolicy the rule applies (New- needs it)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-hostedoutboundspamfilterrule" -l priority -d 'Where the rule runs: 0 first. A new rule goes last without it; the rules from this priority on move down by one' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-hostedoutboundspamfilterrule" -l from -d 'The senders the rule applies to' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-hostedoutboundspamfilterrule" -l from-member-of -d 'Members of these groups (eopctl has no distribution groups: refused)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-hostedoutboundspamfilterrule" -l sender-domain-is -d 'The domains of the senders the rule applies to (*.contoso.com for subdomains)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-hostedoutboundspamfilterrule" -l except-if-from -d 'The senders the rule spares' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-hostedoutboundspamfilterrule" -l except-if-from-member-of -d 'Members of these groups are spared (refused, as FromMemberOf)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-hostedoutboundspamfilterrule" -l except-if-sender-domain-is -d 'The domains of the senders the rule spares' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-hostedoutboundspamfilterrule" -l comments -d 'Notes for the admins' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-hostedoutboundspamfilterrule" -l confirm -d 'Ask before changing (`-Confirm:$false` never asks)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-hostedoutboundspamfilterrule" -l state -d 'The state file' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand set-hostedoutboundspamfilterrule" -l data-dir -d 'The relay\'s data directory [default: the state file\'s name with .data, beside it]' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand set-hostedoutboundspamfilterrule" -s o -l output -d 'How to print results [default: table]' -r -f -a "table\t'Format-Table: the main properties, one row per object'
list\t'Format-List: every property, one per line'
json\t''
yaml\t''
csv\t'Export-Csv: a header line of every property, then one line per object'
html\t'One self-contained HTML page: the report\'s charts (inline SVG) and its table'
png\t'A report\'s first chart as a PNG image (binary: redirect it to a file)'"
complete -c eopctl -n "__fish_eopctl_using_subcommand set-hostedoutboundspamfilterrule" -l from-json -d 'Take each object of a JSON array (such as `Get-* -o json` prints) as the parameters of one run of the cmdlet; `-` reads standard input' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand set-hostedoutboundspamfilterrule" -l what-if -d 'Show what would change, and change nothing'
complete -c eopctl -n "__fish_eopctl_using_subcommand set-hostedoutboundspamfilterrule" -s y -l yes -d 'Never ask for confirmation (the same as `-Confirm:$false`)'
complete -c eopctl -n "__fish_eopctl_using_subcommand set-hostedoutboundspamfilterrule" -l pass-thru -d 'Print the object after the change'
complete -c eopctl -n "__fish_eopctl_using_subcommand set-hostedoutboundspamfilterrule" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-hostedoutboundspamfilterrule" -l identity -d 'The object\'s name (or address, for recipients)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-hostedoutboundspamfilterrule" -l confirm -d 'Ask before changing (`-Confirm:$false` never asks)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-hostedoutboundspamfilterrule" -l state -d 'The state file' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-hostedoutboundspamfilterrule" -l data-dir -d 'The relay\'s data directory [default: the state file\'s name with .data, beside it]' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-hostedoutboundspamfilterrule" -s o -l output -d 'How to print results [default: table]' -r -f -a "table\t'Format-Table: the main properties, one row per object'
list\t'Format-List: every property, one per line'
json\t''
yaml\t''
csv\t'Export-Csv: a header line of every property, then one line per object'
html\t'One self-contained HTML page: the report\'s charts (inline SVG) and its table'
png\t'A report\'s first chart as a PNG image (binary: redirect it to a file)'"
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-hostedoutboundspamfilterrule" -l from-json -d 'Take each object of a JSON array (such as `Get-* -o json` prints) as the parameters of one run of the cmdlet; `-` reads standard input' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-hostedoutboundspamfilterrule" -l what-if -d 'Show what would change, and change nothing'
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-hostedoutboundspamfilterrule" -s y -l yes -d 'Never ask for confirmation (the same as `-Confirm:$false`)'
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-hostedoutboundspamfilterrule" -l pass-thru -d 'Print the object after the change'
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-hostedoutboundspamfilterrule" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c eopctl -n "__fish_eopctl_using_subcommand enable-hostedoutboundspamfilterrule" -l identity -d 'The object\'s name (or address, for recipients)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand enable-hostedoutboundspamfilterrule" -l confirm -d 'Ask before changing (`-Confirm:$false` never asks)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand enable-hostedoutboundspamfilterrule" -l state -d 'The state file' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand enable-hostedoutboundspamfilterrule" -l data-dir -d 'The relay\'s data directory [default: the state file\'s name with .data, beside it]' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand enable-hostedoutboundspamfilterrule" -s o -l output -d 'How to print results [default: table]' -r -f -a "table\t'Format-Table: the main properties, one row per object'
list\t'Format-List: every property, one per line'
json\t''
yaml\t''
csv\t'Export-Csv: a header line of every property, then one line per object'
html\t'One self-contained HTML page: the report\'s charts (inline SVG) and its table'
png\t'A report\'s first chart as a PNG image (binary: redirect it to a file)'"
complete -c eopctl -n "__fish_eopctl_using_subcommand enable-hostedoutboundspamfilterrule" -l from-json -d 'Take each object of a JSON array (such as `Get-* -o json` prints) as the parameters of one run of the cmdlet; `-` reads standard input' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand enable-hostedoutboundspamfilterrule" -l what-if -d 'Show what would change, and change nothing'
complete -c eopctl -n "__fish_eopctl_using_subcommand enable-hostedoutboundspamfilterrule" -s y -l yes -d 'Never ask for confirmation (the same as `-Confirm:$false`)'
complete -c eopctl -n "__fish_eopctl_using_subcommand enable-hostedoutboundspamfilterrule" -l pass-thru -d 'Print the object after the change'
complete -c eopctl -n "__fish_eopctl_using_subcommand enable-hostedoutboundspamfilterrule" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c eopctl -n "__fish_eopctl_using_subcommand disable-hostedoutboundspamfilterrule" -l identity -d 'The object\'s name (or address, for recipients)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand disable-hostedoutboundspamfilterrule" -l confirm -d 'Ask before changing (`-Confirm:$false` never asks)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand disable-hostedoutboundspamfilterrule" -l state -d 'The state file' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand disable-hostedoutboundspamfilterrule" -l data-dir -d 'The relay\'s data directory [default: the state file\'s name with .data, beside it]' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand disable-hostedoutboundspamfilterrule" -s o -l output -d 'How to print results [default: table]' -r -f -a "table\t'Format-Table: the main properties, one row per object'
list\t'Format-List: every property, one per line'
json\t''
yaml\t''
csv\t'Export-Csv: a header line of every property, then one line per object'
html\t'One self-contained HTML page: the report\'s charts (inline SVG) and its table'
png\t'A report\'s first chart as a PNG image (binary: redirect it to a file)'"
complete -c eopctl -n "__fish_eopctl_using_subcommand disable-hostedoutboundspamfilterrule" -l from-json -d 'Take each object of a JSON array (such as `Get-* -o json` prints) as the parameters of one run of the cmdlet; `-` reads standard input' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand disable-hostedoutboundspamfilterrule" -l what-if -d 'Show what would change, and change nothing'
complete -c eopctl -n "__fish_eopctl_using_subcommand disable-hostedoutboundspamfilterrule" -s y -l yes -d 'Never ask for confirmation (the same as `-Confirm:$false`)'
complete -c eopctl -n "__fish_eopctl_using_subcommand disable-hostedoutboundspamfilterrule" -l pass-thru -d 'Print the object after the change'
complete -c eopctl -n "__fish_eopctl_using_subcommand disable-hostedoutboundspamfilterrule" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c eopctl -n "__fish_eopctl_using_subcommand get-malwarefilterpolicy" -l identity -d 'The object\'s name (or address, for recipients); `*` and `?` wildcards allowed' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand get-malwarefilterpolicy" -l state -d 'The state file' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand get-malwarefilterpolicy" -l data-dir -d 'The relay\'s data directory [default: the state file\'s name with .data, beside it]' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand get-malwarefilterpolicy" -s o -l output -d 'How to print results [default: table]' -r -f -a "table\t'Format-Table: the main properties, one row per object'
list\t'Format-List: every property, one per line'
json\t''
yaml\t''
csv\t'Export-Csv: a header line of every property, then one line per object'
html\t'One self-contained HTML page: the report\'s charts (inline SVG) and its table'
png\t'A report\'s first chart as a PNG image (binary: redirect it to a file)'"
complete -c eopctl -n "__fish_eopctl_using_subcommand get-malwarefilterpolicy" -l from-json -d 'Take each object of a JSON array (such as `Get-* -o json` prints) as the parameters of one run of the cmdlet; `-` reads standard input' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand get-malwarefilterpolicy" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c eopctl -n "__fish_eopctl_using_subcommand new-malwarefilterpolicy" -l name -d 'A unique name for the object' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-malwarefilterpolicy" -l enable-file-filter -d 'Block attachments whose name ends in one of FileTypes' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-malwarefilterpolicy" -l file-types -d 'Extensions (without the dot) the file filter blocks' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-malwarefilterpolicy" -l file-type-action -d 'What a blocked file type does: Reject (550 5.7.1 at the end of DATA) or Quarantine' -r -f -a "Reject\t''
Quarantine\t''"
complete -c eopctl -n "__fish_eopctl_using_subcommand new-malwarefilterpolicy" -l action -d 'What detected malware does: Reject or Quarantine' -r -f -a "Reject\t''
Quarantine\t''"
complete -c eopctl -n "__fish_eopctl_using_subcommand new-malwarefilterpolicy" -l clam-av-server -d 'A clamd to ask (INSTREAM): host:port or a Unix socket path; $null for none' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-malwarefilterpolicy" -l quarantine-tag -d 'The quarantine policy of its quarantines (users may at most request their release)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-malwarefilterpolicy" -l confirm -d 'Ask before changing (`-Confirm:$false` never asks)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-malwarefilterpolicy" -l state -d 'The state file' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand new-malwarefilterpolicy" -l data-dir -d 'The relay\'s data directory [default: the state file\'s name with .data, beside it]' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand new-malwarefilterpolicy" -s o -l output -d 'How to print results [default: table]' -r -f -a "table\t'Format-Table: the main properties, one row per object'
list\t'Format-List: every property, one per line'
json\t''
yaml\t''
csv\t'Export-Csv: a header line of every property, then one line per object'
html\t'One self-contained HTML page: the report\'s charts (inline SVG) and its table'
png\t'A report\'s first chart as a PNG image (binary: redirect it to a file)'"
complete -c eopctl -n "__fish_eopctl_using_subcommand new-malwarefilterpolicy" -l from-json -d 'Take each object of a JSON array (such as `Get-* -o json` prints) as the parameters of one run of the cmdlet; `-` reads standard input' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand new-malwarefilterpolicy" -l what-if -d 'Show what would change, and change nothing'
complete -c eopctl -n "__fish_eopctl_using_subcommand new-malwarefilterpolicy" -s y -l yes -d 'Never ask for confirmation (the same as `-Confirm:$false`)'
complete -c eopctl -n "__fish_eopctl_using_subcommand new-malwarefilterpolicy" -l pass-thru -d 'Print the object after the change'
complete -c eopctl -n "__fish_eopctl_using_subcommand new-malwarefilterpolicy" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c eopctl -n "__fish_eopctl_using_subcommand set-malwarefilterpolicy" -l identity -d 'The object to change' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-malwarefilterpolicy" -l name -d 'A new name' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-malwarefilterpolicy" -l enable-file-filter -d 'Block attachments whose name ends in one of FileTypes' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-malwarefilterpolicy" -l file-types -d 'Extensions (without the dot) the file filter blocks' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-malwarefilterpolicy" -l file-type-action -d 'What a blocked file type does: Reject (550 5.7.1 at the end of DATA) or Quarantine' -r -f -a "Reject\t''
Quarantine\t''"
complete -c eopctl -n "__fish_eopctl_using_subcommand set-malwarefilterpolicy" -l action -d 'What detected malware does: Reject or Quarantine' -r -f -a "Reject\t''
Quarantine\t''"
complete -c eopctl -n "__fish_eopctl_using_subcommand set-malwarefilterpolicy" -l clam-av-server -d 'A clamd to ask (INSTREAM): host:port or a Unix socket path; $null for none' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-malwarefilterpolicy" -l quarantine-tag -d 'The quarantine policy of its quarantines (users may at most request their release)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-malwarefilterpolicy" -l confirm -d 'Ask before changing (`-Confirm:$false` never asks)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-malwarefilterpolicy" -l state -d 'The state file' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand set-malwarefilterpolicy" -l data-dir -d 'The relay\'s data directory [default: the state file\'s name with .data, beside it]' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand set-malwarefilterpolicy" -s o -l output -d 'How to print results [default: table]' -r -f -a "table\t'Format-Table: the main properties, one row per object'
list\t'Format-List: every property, one per line'
json\t''
yaml\t''
csv\t'Export-Csv: a header line of every property, then one line per object'
html\t'One self-contained HTML page: the report\'s charts (inline SVG) and its table'
png\t'A report\'s first chart as a PNG image (binary: redirect it to a file)'"
complete -c eopctl -n "__fish_eopctl_using_subcommand set-malwarefilterpolicy" -l from-json -d 'Take each object of a JSON array (such as `Get-* -o json` prints) as the parameters of one run of the cmdlet; `-` reads standard input' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand set-malwarefilterpolicy" -l what-if -d 'Show what would change, and change nothing'
complete -c eopctl -n "__fish_eopctl_using_subcommand set-malwarefilterpolicy" -s y -l yes -d 'Never ask for confirmation (the same as `-Confirm:$false`)'
complete -c eopctl -n "__fish_eopctl_using_subcommand set-malwarefilterpolicy" -l pass-thru -d 'Print the object after the change'
complete -c eopctl -n "__fish_eopctl_using_subcommand set-malwarefilterpolicy" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-malwarefilterpolicy" -l identity -d 'The object\'s name (or address, for recipients)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-malwarefilterpolicy" -l confirm -d 'Ask before changing (`-Confirm:$false` never asks)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-malwarefilterpolicy" -l state -d 'The state file' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-malwarefilterpolicy" -l data-dir -d 'The relay\'s data directory [default: the state file\'s name with .data, beside it]' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-malwarefilterpolicy" -s o -l output -d 'How to print results [default: table]' -r -f -a "table\t'Format-Table: the main properties, one row per object'
list\t'Format-List: every property, one per line'
json\t''
yaml\t''
csv\t'Export-Csv: a header line of every property, then one line per object'
html\t'One self-contained HTML page: the report\'s charts (inline SVG) and its table'
png\t'A report\'s first chart as a PNG image (binary: redirect it to a file)'"
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-malwarefilterpolicy" -l from-json -d 'Take each object of a JSON array (such as `Get-* -o json` prints) as the parameters of one run of the cmdlet; `-` reads standard input' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-malwarefilterpolicy" -l what-if -d 'Show what would change, and change nothing'
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-malwarefilterpolicy" -s y -l yes -d 'Never ask for confirmation (the same as `-Confirm:$false`)'
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-malwarefilterpolicy" -l pass-thru -d 'Print the object after the change'
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-malwarefilterpolicy" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c eopctl -n "__fish_eopctl_using_subcommand get-malwarefilterrule" -l identity -d 'The object\'s name (or address, for recipients); `*` and `?` wildcards allowed' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand get-malwarefilterrule" -l state -d 'The state file' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand get-malwarefilterrule" -l data-dir -d 'The relay\'s data directory [default: the state file\'s name with .data, beside it]' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand get-malwarefilterrule" -s o -l output -d 'How to print results [default: table]' -r -f -a "table\t'Format-Table: the main properties, one row per object'
list\t'Format-List: every property, one per line'
json\t''
yaml\t''
csv\t'Export-Csv: a header line of every property, then one line per object'
html\t'One self-contained HTML page: the report\'s charts (inline SVG) and its table'
png\t'A report\'s first chart as a PNG image (binary: redirect it to a file)'"
complete -c eopctl -n "__fish_eopctl_using_subcommand get-malwarefilterrule" -l from-json -d 'Take each object of a JSON array (such as `Get-* -o json` prints) as the parameters of one run of the cmdlet; `-` reads standard input' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand get-malwarefilterrule" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c eopctl -n "__fish_eopctl_using_subcommand new-malwarefilterrule" -l name -d 'A unique name for the rule' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-malwarefilterrule" -l malware-filter-policy -d 'The custom MalwareFilterPolicy the rule applies (New- needs it)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-malwarefilterrule" -l priority -d 'Where the rule runs: 0 first. A new rule goes last without it; the rules from this priority on move down by one' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-malwarefilterrule" -l sent-to -d 'The recipients the rule applies to' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-malwarefilterrule" -l sent-to-member-of -d 'Members of these groups (eopctl has no distribution groups: refused)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-malwarefilterrule" -l recipient-domain-is -d 'The domains of the recipients the rule applies to (*.contoso.com for subdomains)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-malwarefilterrule" -l except-if-sent-to -d 'The recipients the rule spares' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-malwarefilterrule" -l except-if-sent-to-member-of -d 'Members of these groups are spared (refused, as SentToMemberOf)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-malwarefilterrule" -l except-if-recipient-domain-is -d 'The domains of the recipients the rule spares' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-malwarefilterrule" -l comments -d 'Notes for the admins' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-malwarefilterrule" -l enabled -d 'Whether the rule applies from the start ($true, the default) or waits for Enable-*' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-malwarefilterrule" -l confirm -d 'Ask before changing (`-Confirm:$false` never asks)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-malwarefilterrule" -l state -d 'The state file' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand new-malwarefilterrule" -l data-dir -d 'The relay\'s data directory [default: the state file\'s name with .data, beside it]' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand new-malwarefilterrule" -s o -l output -d 'How to print results [default: table]' -r -f -a "table\t'Format-Table: the main properties, one row per object'
list\t'Format-List: every property, one per line'
json\t''
yaml\t''
csv\t'Export-Csv: a header line of every property, then one line per object'
html\t'One self-contained HTML page: the report\'s charts (inline SVG) and its table'
png\t'A report\'s first chart as a PNG image (binary: redirect it to a file)'"
complete -c eopctl -n "__fish_eopctl_using_subcommand new-malwarefilterrule" -l from-json -d 'Take each object of a JSON array (such as `Get-* -o json` prints) as the parameters of one run of the cmdlet; `-` reads standard input' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand new-malwarefilterrule" -l what-if -d 'Show what would change, and change nothing'
complete -c eopctl -n "__fish_eopctl_using_subcommand new-malwarefilterrule" -s y -l yes -d 'Never ask for confirmation (the same as `-Confirm:$false`)'
complete -c eopctl -n "__fish_eopctl_using_subcommand new-malwarefilterrule" -l pass-thru -d 'Print the object after the change'
complete -c eopctl -n "__fish_eopctl_using_subcommand new-malwarefilterrule" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c eopctl -n "__fish_eopctl_using_subcommand set-malwarefilterrule" -l identity -d 'The object to change' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-malwarefilterrule" -l name -d 'A new name' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-malwarefilterrule" -l malware-filter-policy -d 'The custom MalwareFilterPolicy the rule applies (New- needs it)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-malwarefilterrule" -l priority -d 'Where the rule runs: 0 first. A new rule goes last without it; the rules from this priority on move down by one' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-malwarefilterrule" -l sent-to -d 'The recipients the rule applies to' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-malwarefilterrule" -l sent-to-member-of -d 'Members of these groups (eopctl has no distribution groups: refused)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-malwarefilterrule" -l recipient-domain-is -d 'The domains of the recipients the rule applies to (*.contoso.com for subdomains)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-malwarefilterrule" -l except-if-sent-to -d 'The recipients the rule spares' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-malwarefilterrule" -l except-if-sent-to-member-of -d 'Members of these groups are spared (refused, as SentToMemberOf)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-malwarefilterrule" -l except-if-recipient-domain-is -d 'The domains of the recipients the rule spares' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-malwarefilterrule" -l comments -d 'Notes for the admins' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-malwarefilterrule" -l confirm -d 'Ask before changing (`-Confirm:$false` never asks)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-malwarefilterrule" -l state -d 'The state file' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand set-malwarefilterrule" -l data-dir -d 'The relay\'s data directory [default: the state file\'s name with .data, beside it]' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand set-malwarefilterrule" -s o -l output -d 'How to print results [default: table]' -r -f -a "table\t'Format-Table: the main properties, one row per object'
list\t'Format-List: every property, one per line'
json\t''
yaml\t''
csv\t'Export-Csv: a header line of every property, then one line per object'
html\t'One self-contained HTML page: the report\'s charts (inline SVG) and its table'
png\t'A report\'s first chart as a PNG image (binary: redirect it to a file)'"
complete -c eopctl -n "__fish_eopctl_using_subcommand set-malwarefilterrule" -l from-json -d 'Take each object of a JSON array (such as `Get-* -o json` prints) as the parameters of one run of the cmdlet; `-` reads standard input' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand set-malwarefilterrule" -l what-if -d 'Show what would change, and change nothing'
complete -c eopctl -n "__fish_eopctl_using_subcommand set-malwarefilterrule" -s y -l yes -d 'Never ask for confirmation (the same as `-Confirm:$false`)'
complete -c eopctl -n "__fish_eopctl_using_subcommand set-malwarefilterrule" -l pass-thru -d 'Print the object after the change'
complete -c eopctl -n "__fish_eopctl_using_subcommand set-malwarefilterrule" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-malwarefilterrule" -l identity -d 'The object\'s name (or address, for recipients)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-malwarefilterrule" -l confirm -d 'Ask before changing (`-Confirm:$false` never asks)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-malwarefilterrule" -l state -d 'The state file' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-malwarefilterrule" -l data-dir -d 'The relay\'s data directory [default: the state file\'s name with .data, beside it]' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-malwarefilterrule" -s o -l output -d 'How to print results [default: table]' -r -f -a "table\t'Format-Table: the main properties, one row per object'
list\t'Format-List: every property, one per line'
json\t''
yaml\t''
csv\t'Export-Csv: a header line of every property, then one line per object'
html\t'One self-contained HTML page: the report\'s charts (inline SVG) and its table'
png\t'A report\'s first chart as a PNG image (binary: redirect it to a file)'"
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-malwarefilterrule" -l from-json -d 'Take each object of a JSON array (such as `Get-* -o json` prints) as the parameters of one run of the cmdlet; `-` reads standard input' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-malwarefilterrule" -l what-if -d 'Show what would change, and change nothing'
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-malwarefilterrule" -s y -l yes -d 'Never ask for confirmation (the same as `-Confirm:$false`)'
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-malwarefilterrule" -l pass-thru -d 'Print the object after the change'
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-malwarefilterrule" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c eopctl -n "__fish_eopctl_using_subcommand enable-malwarefilterrule" -l identity -d 'The object\'s name (or address, for recipients)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand enable-malwarefilterrule" -l confirm -d 'Ask before changing (`-Confirm:$false` never asks)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand enable-malwarefilterrule" -l state -d 'The state file' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand enable-malwarefilterrule" -l data-dir -d 'The relay\'s data directory [default: the state file\'s name with .data, beside it]' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand enable-malwarefilterrule" -s o -l output -d 'How to print results [default: table]' -r -f -a "table\t'Format-Table: the main properties, one row per object'
list\t'Format-List: every property, one per line'
json\t''
yaml\t''
csv\t'Export-Csv: a header line of every property, then one line per object'
html\t'One self-contained HTML page: the report\'s charts (inline SVG) and its table'
png\t'A report\'s first chart as a PNG image (binary: redirect it to a file)'"
complete -c eopctl -n "__fish_eopctl_using_subcommand enable-malwarefilterrule" -l from-json -d 'Take each object of a JSON array (such as `Get-* -o json` prints) as the parameters of one run of the cmdlet; `-` reads standard input' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand enable-malwarefilterrule" -l what-if -d 'Show what would change, and change nothing'
complete -c eopctl -n "__fish_eopctl_using_subcommand enable-malwarefilterrule" -s y -l yes -d 'Never ask for confirmation (the same as `-Confirm:$false`)'
complete -c eopctl -n "__fish_eopctl_using_subcommand enable-malwarefilterrule" -l pass-thru -d 'Print the object after the change'
complete -c eopctl -n "__fish_eopctl_using_subcommand enable-malwarefilterrule" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c eopctl -n "__fish_eopctl_using_subcommand disable-malwarefilterrule" -l identity -d 'The object\'s name (or address, for recipients)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand disable-malwarefilterrule" -l confirm -d 'Ask before changing (`-Confirm:$false` never asks)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand disable-malwarefilterrule" -l state -d 'The state file' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand disable-malwarefilterrule" -l data-dir -d 'The relay\'s data directory [default: the state file\'s name with .data, beside it]' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand disable-malwarefilterrule" -s o -l output -d 'How to print results [default: table]' -r -f -a "table\t'Format-Table: the main properties, one row per object'
list\t'Format-List: every property, one per line'
json\t''
yaml\t''
csv\t'Export-Csv: a header line of every property, then one line per object'
html\t'One self-contained HTML page: the report\'s charts (inline SVG) and its table'
png\t'A report\'s first chart as a PNG image (binary: redirect it to a file)'"
complete -c eopctl -n "__fish_eopctl_using_subcommand disable-malwarefilterrule" -l from-json -d 'Take each object of a JSON array (such as `Get-* -o json` prints) as the parameters of one run of the cmdlet; `-` reads standard input' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand disable-malwarefilterrule" -l what-if -d 'Show what would change, and change nothing'
complete -c eopctl -n "__fish_eopctl_using_subcommand disable-malwarefilterrule" -s y -l yes -d 'Never ask for confirmation (the same as `-Confirm:$false`)'
complete -c eopctl -n "__fish_eopctl_using_subcommand disable-malwarefilterrule" -l pass-thru -d 'Print the object after the change'
complete -c eopctl -n "__fish_eopctl_using_subcommand disable-malwarefilterrule" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c eopctl -n "__fish_eopctl_using_subcommand get-quarantinemessage" -l identity -d 'One message, by the Identity Get-QuarantineMessage shows' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand get-quarantinemessage" -l quarantine-types -d 'Only these types: Spam, HighConfidenceSpam, Phish, HighConfidencePhish, Bulk, Malware, TransportRule' -r -f -a "Spam\t''
HighConfidenceSpam\t''
Phish\t''
HighConfidencePhish\t'A blocked URL or sender of the Tenant Allow/Block List'
Bulk\t''
Malware\t''
TransportRule\t''"
complete -c eopctl -n "__fish_eopctl_using_subcommand get-quarantinemessage" -l sender-address -d 'Only messages from these senders' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand get-quarantinemessage" -l recipient-address -d 'Only messages to these recipients' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand get-quarantinemessage" -l start-received-date -d 'Only messages received on or after this date (2024-05-01, or RFC 3339)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand get-quarantinemessage" -l end-received-date -d 'Only messages received before this date' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand get-quarantinemessage" -l message-id -d 'One message by its Message-ID header (with or without the angle brackets)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand get-quarantinemessage" -l direction -d 'Inbound (to a recipient in an accepted domain) or Outbound (from the organisation to others only)' -r -f -a "Inbound\t''
Outbound\t''"
complete -c eopctl -n "__fish_eopctl_using_subcommand get-quarantinemessage" -l type -d 'Only this type (the single-valued form of -QuarantineTypes)' -r -f -a "Spam\t''
HighConfidenceSpam\t''
Phish\t''
HighConfidencePhish\t'A blocked URL or sender of the Tenant Allow/Block List'
Bulk\t''
Malware\t''
TransportRule\t''"
complete -c eopctl -n "__fish_eopctl_using_subcommand get-quarantinemessage" -l release-status -d 'Only messages of this release status: NotReleased, Requested (a recipient asked an admin to release it), PartiallyReleased or Released' -r -f -a "NotReleased\t''
Requested\t''
PartiallyReleased\t''
Released\t''"
complete -c eopctl -n "__fish_eopctl_using_subcommand get-quarantinemessage" -l page-size -d 'Messages per page, 1 to 1000 (default 100)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand get-quarantinemessage" -l page -d 'The page to show, from 1 (default 1)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand get-quarantinemessage" -l state -d 'The state file' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand get-quarantinemessage" -l data-dir -d 'The relay\'s data directory [default: the state file\'s name with .data, beside it]' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand get-quarantinemessage" -s o -l output -d 'How to print results [default: table]' -r -f -a "table\t'Format-Table: the main properties, one row per object'
list\t'Format-List: every property, one per line'
json\t''
yaml\t''
csv\t'Export-Csv: a header line of every property, then one line per object'
html\t'One self-contained HTML page: the report\'s charts (inline SVG) and its table'
png\t'A report\'s first chart as a PNG image (binary: redirect it to a file)'"
complete -c eopctl -n "__fish_eopctl_using_subcommand get-quarantinemessage" -l from-json -d 'Take each object of a JSON array (such as `Get-* -o json` prints) as the parameters of one run of the cmdlet; `-` reads standard input' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand get-quarantinemessage" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c eopctl -n "__fish_eopctl_using_subcommand preview-quarantinemessage" -l identity -d 'The message, by the Identity Get-QuarantineMessage shows' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand preview-quarantinemessage" -l state -d 'The state file' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand preview-quarantinemessage" -l data-dir -d 'The relay\'s data directory [default: the state file\'s name with .data, beside it]' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand preview-quarantinemessage" -s o -l output -d 'How to print results [default: table]' -r -f -a "table\t'Format-Table: the main properties, one row per object'
list\t'Format-List: every property, one per line'
json\t''
yaml\t''
csv\t'Export-Csv: a header line of every property, then one line per object'
html\t'One self-contained HTML page: the report\'s charts (inline SVG) and its table'
png\t'A report\'s first chart as a PNG image (binary: redirect it to a file)'"
complete -c eopctl -n "__fish_eopctl_using_subcommand preview-quarantinemessage" -l from-json -d 'Take each object of a JSON array (such as `Get-* -o json` prints) as the parameters of one run of the cmdlet; `-` reads standard input' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand preview-quarantinemessage" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c eopctl -n "__fish_eopctl_using_subcommand release-quarantinemessage" -l identity -d 'The message, by the Identity Get-QuarantineMessage shows' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand release-quarantinemessage" -l user -d 'Release to these original recipients only' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand release-quarantinemessage" -l state -d 'The state file' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand release-quarantinemessage" -l data-dir -d 'The relay\'s data directory [default: the state file\'s name with .data, beside it]' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand release-quarantinemessage" -s o -l output -d 'How to print results [default: table]' -r -f -a "table\t'Format-Table: the main properties, one row per object'
list\t'Format-List: every property, one per line'
json\t''
yaml\t''
csv\t'Export-Csv: a header line of every property, then one line per object'
html\t'One self-contained HTML page: the report\'s charts (inline SVG) and its table'
png\t'A report\'s first chart as a PNG image (binary: redirect it to a file)'"
complete -c eopctl -n "__fish_eopctl_using_subcommand release-quarantinemessage" -l from-json -d 'Take each object of a JSON array (such as `Get-* -o json` prints) as the parameters of one run of the cmdlet; `-` reads standard input' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand release-quarantinemessage" -l release-to-all -d 'Release to every original recipient not yet released to'
complete -c eopctl -n "__fish_eopctl_using_subcommand release-quarantinemessage" -l report-false-positive -d 'Report the message as not spam: the learning filter learns it as ham (as Exchange sends it to Microsoft for analysis)'
complete -c eopctl -n "__fish_eopctl_using_subcommand release-quarantinemessage" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c eopctl -n "__fish_eopctl_using_subcommand delete-quarantinemessage" -l identity -d 'The object\'s name (or address, for recipients)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand delete-quarantinemessage" -l confirm -d 'Ask before changing (`-Confirm:$false` never asks)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand delete-quarantinemessage" -l state -d 'The state file' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand delete-quarantinemessage" -l data-dir -d 'The relay\'s data directory [default: the state file\'s name with .data, beside it]' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand delete-quarantinemessage" -s o -l output -d 'How to print results [default: table]' -r -f -a "table\t'Format-Table: the main properties, one row per object'
list\t'Format-List: every property, one per line'
json\t''
yaml\t''
csv\t'Export-Csv: a header line of every property, then one line per object'
html\t'One self-contained HTML page: the report\'s charts (inline SVG) and its table'
png\t'A report\'s first chart as a PNG image (binary: redirect it to a file)'"
complete -c eopctl -n "__fish_eopctl_using_subcommand delete-quarantinemessage" -l from-json -d 'Take each object of a JSON array (such as `Get-* -o json` prints) as the parameters of one run of the cmdlet; `-` reads standard input' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand delete-quarantinemessage" -l what-if -d 'Show what would change, and change nothing'
complete -c eopctl -n "__fish_eopctl_using_subcommand delete-quarantinemessage" -s y -l yes -d 'Never ask for confirmation (the same as `-Confirm:$false`)'
complete -c eopctl -n "__fish_eopctl_using_subcommand delete-quarantinemessage" -l pass-thru -d 'Print the object after the change'
complete -c eopctl -n "__fish_eopctl_using_subcommand delete-quarantinemessage" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c eopctl -n "__fish_eopctl_using_subcommand get-quarantinepolicy" -l identity -d 'The policy\'s name; `*` and `?` wildcards allowed' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand get-quarantinepolicy" -l quarantine-policy-type -d 'QuarantinePolicy (the default) or GlobalQuarantinePolicy (the global settings)' -r -f -a "QuarantinePolicy\t''
GlobalQuarantinePolicy\t''"
complete -c eopctl -n "__fish_eopctl_using_subcommand get-quarantinepolicy" -l state -d 'The state file' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand get-quarantinepolicy" -l data-dir -d 'The relay\'s data directory [default: the state file\'s name with .data, beside it]' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand get-quarantinepolicy" -s o -l output -d 'How to print results [default: table]' -r -f -a "table\t'Format-Table: the main properties, one row per object'
list\t'Format-List: every property, one per line'
json\t''
yaml\t''
csv\t'Export-Csv: a header line of every property, then one line per object'
html\t'One self-contained HTML page: the report\'s charts (inline SVG) and its table'
png\t'A report\'s first chart as a PNG image (binary: redirect it to a file)'"
complete -c eopctl -n "__fish_eopctl_using_subcommand get-quarantinepolicy" -l from-json -d 'Take each object of a JSON array (such as `Get-* -o json` prints) as the parameters of one run of the cmdlet; `-` reads standard input' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand get-quarantinepolicy" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c eopctl -n "__fish_eopctl_using_subcommand new-quarantinepolicy" -l name -d 'A unique name for the object' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-quarantinepolicy" -l admin-display-name -d 'A description for admins' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-quarantinepolicy" -l end-user-quarantine-permissions-value -d 'The end-user permissions as one number: 0 No access, 27 Limited access, 23 Full access; or a sum of Delete 1, Preview 2, Release 4, RequestRelease 8, BlockSender 16' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-quarantinepolicy" -l permission-to-preview -d 'Users may preview their quarantined message (as plain text)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-quarantinepolicy" -l permission-to-release -d 'Users may release their quarantined message to themselves' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-quarantinepolicy" -l permission-to-request-release -d 'Users may ask an admin to release it' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-quarantinepolicy" -l permission-to-block-sender -d 'Users may block its sender (for themselves)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-quarantinepolicy" -l permission-to-delete -d 'Users may delete it from the quarantine' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-quarantinepolicy" -l esn-enabled -d 'Send quarantine notifications to the recipients of messages held under it' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-quarantinepolicy" -l end-user-spam-notification-frequency -d 'Global setting: how often notifications go: 04:00:00, 1.00:00:00 or 7.00:00:00' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-quarantinepolicy" -l multi-language-setting -d 'Global setting: the notifications\' languages (Default or English)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-quarantinepolicy" -l multi-language-sender-name -d 'Global setting: the sender\'s display name, one per language' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-quarantinepolicy" -l multi-language-custom-disclaimer -d 'Global setting: a disclaimer near the bottom, one per language' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-quarantinepolicy" -l esn-custom-subject -d 'Global setting: the Subject, one per language' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-quarantinepolicy" -l end-user-spam-notification-custom-from-address -d 'Global setting: the sender address; $null for quarantine@ the default domain' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-quarantinepolicy" -l confirm -d 'Ask before changing (`-Confirm:$false` never asks)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-quarantinepolicy" -l state -d 'The state file' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand new-quarantinepolicy" -l data-dir -d 'The relay\'s data directory [default: the state file\'s name with .data, beside it]' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand new-quarantinepolicy" -s o -l output -d 'How to print results [default: table]' -r -f -a "table\t'Format-Table: the main properties, one row per object'
list\t'Format-List: every property, one per line'
json\t''
yaml\t''
csv\t'Export-Csv: a header line of every property, then one line per object'
html\t'One self-contained HTML page: the report\'s charts (inline SVG) and its table'
png\t'A report\'s first chart as a PNG image (binary: redirect it to a file)'"
complete -c eopctl -n "__fish_eopctl_using_subcommand new-quarantinepolicy" -l from-json -d 'Take each object of a JSON array (such as `Get-* -o json` prints) as the parameters of one run of the cmdlet; `-` reads standard input' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand new-quarantinepolicy" -l what-if -d 'Show what would change, and change nothing'
complete -c eopctl -n "__fish_eopctl_using_subcommand new-quarantinepolicy" -s y -l yes -d 'Never ask for confirmation (the same as `-Confirm:$false`)'
complete -c eopctl -n "__fish_eopctl_using_subcommand new-quarantinepolicy" -l pass-thru -d 'Print the object after the change'
complete -c eopctl -n "__fish_eopctl_using_subcommand new-quarantinepolicy" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c eopctl -n "__fish_eopctl_using_subcommand set-quarantinepolicy" -l identity -d 'The object to change' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-quarantinepolicy" -l name -d 'A new name' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-quarantinepolicy" -l admin-display-name -d 'A description for admins' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-quarantinepolicy" -l end-user-quarantine-permissions-value -d 'The end-user permissions as one number: 0 No access, 27 Limited access, 23 Full access; or a sum of Delete 1, Preview 2, Release 4, RequestRelease 8, BlockSender 16' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-quarantinepolicy" -l permission-to-preview -d 'Users may preview their quarantined message (as plain text)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-quarantinepolicy" -l permission-to-release -d 'Users may release their quarantined message to themselves' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-quarantinepolicy" -l permission-to-request-release -d 'Users may ask an admin to release it' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-quarantinepolicy" -l permission-to-block-sender -d 'Users may block its sender (for themselves)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-quarantinepolicy" -l permission-to-delete -d 'Users may delete it from the quarantine' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-quarantinepolicy" -l esn-enabled -d 'Send quarantine notifications to the recipients of messages held under it' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-quarantinepolicy" -l end-user-spam-notification-frequency -d 'Global setting: how often notifications go: 04:00:00, 1.00:00:00 or 7.00:00:00' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-quarantinepolicy" -l multi-language-setting -d 'Global setting: the notifications\' languages (Default or English)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-quarantinepolicy" -l multi-language-sender-name -d 'Global setting: the sender\'s display name, one per language' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-quarantinepolicy" -l multi-language-custom-disclaimer -d 'Global setting: a disclaimer near the bottom, one per language' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-quarantinepolicy" -l esn-custom-subject -d 'Global setting: the Subject, one per language' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-quarantinepolicy" -l end-user-spam-notification-custom-from-address -d 'Global setting: the sender address; $null for quarantine@ the default domain' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-quarantinepolicy" -l confirm -d 'Ask before changing (`-Confirm:$false` never asks)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-quarantinepolicy" -l state -d 'The state file' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand set-quarantinepolicy" -l data-dir -d 'The relay\'s data directory [default: the state file\'s name with .data, beside it]' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand set-quarantinepolicy" -s o -l output -d 'How to print results [default: table]' -r -f -a "table\t'Format-Table: the main properties, one row per object'
list\t'Format-List: every property, one per line'
json\t''
yaml\t''
csv\t'Export-Csv: a header line of every property, then one line per object'
html\t'One self-contained HTML page: the report\'s charts (inline SVG) and its table'
png\t'A report\'s first chart as a PNG image (binary: redirect it to a file)'"
complete -c eopctl -n "__fish_eopctl_using_subcommand set-quarantinepolicy" -l from-json -d 'Take each object of a JSON array (such as `Get-* -o json` prints) as the parameters of one run of the cmdlet; `-` reads standard input' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand set-quarantinepolicy" -l what-if -d 'Show what would change, and change nothing'
complete -c eopctl -n "__fish_eopctl_using_subcommand set-quarantinepolicy" -s y -l yes -d 'Never ask for confirmation (the same as `-Confirm:$false`)'
complete -c eopctl -n "__fish_eopctl_using_subcommand set-quarantinepolicy" -l pass-thru -d 'Print the object after the change'
complete -c eopctl -n "__fish_eopctl_using_subcommand set-quarantinepolicy" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-quarantinepolicy" -l identity -d 'The object\'s name (or address, for recipients)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-quarantinepolicy" -l confirm -d 'Ask before changing (`-Confirm:$false` never asks)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-quarantinepolicy" -l state -d 'The state file' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-quarantinepolicy" -l data-dir -d 'The relay\'s data directory [default: the state file\'s name with .data, beside it]' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-quarantinepolicy" -s o -l output -d 'How to print results [default: table]' -r -f -a "table\t'Format-Table: the main properties, one row per object'
list\t'Format-List: every property, one per line'
json\t''
yaml\t''
csv\t'Export-Csv: a header line of every property, then one line per object'
html\t'One self-contained HTML page: the report\'s charts (inline SVG) and its table'
png\t'A report\'s first chart as a PNG image (binary: redirect it to a file)'"
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-quarantinepolicy" -l from-json -d 'Take each object of a JSON array (such as `Get-* -o json` prints) as the parameters of one run of the cmdlet; `-` reads standard input' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-quarantinepolicy" -l what-if -d 'Show what would change, and change nothing'
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-quarantinepolicy" -s y -l yes -d 'Never ask for confirmation (the same as `-Confirm:$false`)'
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-quarantinepolicy" -l pass-thru -d 'Print the object after the change'
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-quarantinepolicy" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c eopctl -n "__fish_eopctl_using_subcommand train-spamfilter" -l spam -d 'Spam to learn: a message file, a directory of them, a Maildir (its cur/ and new/) or an mbox file; a,b for several' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand train-spamfilter" -l ham -d 'Ham (wanted mail) to learn, in the same forms as -Spam' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand train-spamfilter" -l state -d 'The state file' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand train-spamfilter" -l data-dir -d 'The relay\'s data directory [default: the state file\'s name with .data, beside it]' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand train-spamfilter" -s o -l output -d 'How to print results [default: table]' -r -f -a "table\t'Format-Table: the main properties, one row per object'
list\t'Format-List: every property, one per line'
json\t''
yaml\t''
csv\t'Export-Csv: a header line of every property, then one line per object'
html\t'One self-contained HTML page: the report\'s charts (inline SVG) and its table'
png\t'A report\'s first chart as a PNG image (binary: redirect it to a file)'"
complete -c eopctl -n "__fish_eopctl_using_subcommand train-spamfilter" -l from-json -d 'Take each object of a JSON array (such as `Get-* -o json` prints) as the parameters of one run of the cmdlet; `-` reads standard input' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand train-spamfilter" -l what-if -d 'Count what would be learned, and learn nothing'
complete -c eopctl -n "__fish_eopctl_using_subcommand train-spamfilter" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c eopctl -n "__fish_eopctl_using_subcommand get-spamfilterstatistics" -l state -d 'The state file' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand get-spamfilterstatistics" -l data-dir -d 'The relay\'s data directory [default: the state file\'s name with .data, beside it]' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand get-spamfilterstatistics" -s o -l output -d 'How to print results [default: table]' -r -f -a "table\t'Format-Table: the main properties, one row per object'
list\t'Format-List: every property, one per line'
json\t''
yaml\t''
csv\t'Export-Csv: a header line of every property, then one line per object'
html\t'One self-contained HTML page: the report\'s charts (inline SVG) and its table'
png\t'A report\'s first chart as a PNG image (binary: redirect it to a file)'"
complete -c eopctl -n "__fish_eopctl_using_subcommand get-spamfilterstatistics" -l from-json -d 'Take each object of a JSON array (such as `Get-* -o json` prints) as the parameters of one run of the cmdlet; `-` reads standard input' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand get-spamfilterstatistics" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c eopctl -n "__fish_eopctl_using_subcommand get-tenantallowblocklistitems" -l list-type -d 'The list: Sender, Url, FileHash or IP' -r -f -a "Sender\t''
Url\t''
FileHash\t''
IP\t''"
complete -c eopctl -n "__fish_eopctl_using_subcommand get-tenantallowblocklistitems" -l entry -d 'One entry, by its value' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand get-tenantallowblocklistitems" -l expiration-date -d 'Only entries that expire on or before this date (UTC)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand get-tenantallowblocklistitems" -l state -d 'The state file' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand get-tenantallowblocklistitems" -l data-dir -d 'The relay\'s data directory [default: the state file\'s name with .data, beside it]' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand get-tenantallowblocklistitems" -s o -l output -d 'How to print results [default: table]' -r -f -a "table\t'Format-Table: the main properties, one row per object'
list\t'Format-List: every property, one per line'
json\t''
yaml\t''
csv\t'Export-Csv: a header line of every property, then one line per object'
html\t'One self-contained HTML page: the report\'s charts (inline SVG) and its table'
png\t'A report\'s first chart as a PNG image (binary: redirect it to a file)'"
complete -c eopctl -n "__fish_eopctl_using_subcommand get-tenantallowblocklistitems" -l from-json -d 'Take each object of a JSON array (such as `Get-* -o json` prints) as the parameters of one run of the cmdlet; `-` reads standard input' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand get-tenantallowblocklistitems" -l allow -d 'Only allow entries'
complete -c eopctl -n "__fish_eopctl_using_subcommand get-tenantallowblocklistitems" -l block -d 'Only block entries'
complete -c eopctl -n "__fish_eopctl_using_subcommand get-tenantallowblocklistitems" -l no-expiration -d 'Only entries that never expire'
complete -c eopctl -n "__fish_eopctl_using_subcommand get-tenantallowblocklistitems" -l expired -d 'The entries that have expired (and act no more) instead of the live ones'
complete -c eopctl -n "__fish_eopctl_using_subcommand get-tenantallowblocklistitems" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c eopctl -n "__fish_eopctl_using_subcommand new-tenantallowblocklistitems" -l list-type -d 'The list: Sender, Url, FileHash or IP' -r -f -a "Sender\t''
Url\t''
FileHash\t''
IP\t''"
complete -c eopctl -n "__fish_eopctl_using_subcommand new-tenantallowblocklistitems" -l entries -d 'The values: email addresses or domains, URLs, SHA256 file hashes or IP addresses' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-tenantallowblocklistitems" -l expiration-date -d 'When the entries expire (UTC): at most 90 days ahead for blocks, 30 for allows' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-tenantallowblocklistitems" -l remove-after -d 'Allow entries go this many days after they were last used; 45 is the only value' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-tenantallowblocklistitems" -l notes -d 'Why the entries are there' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-tenantallowblocklistitems" -l confirm -d 'Ask before changing (`-Confirm:$false` never asks)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-tenantallowblocklistitems" -l state -d 'The state file' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand new-tenantallowblocklistitems" -l data-dir -d 'The relay\'s data directory [default: the state file\'s name with .data, beside it]' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand new-tenantallowblocklistitems" -s o -l output -d 'How to print results [default: table]' -r -f -a "table\t'Format-Table: the main properties, one row per object'
list\t'Format-List: every property, one per line'
json\t''
yaml\t''
csv\t'Export-Csv: a header line of every property, then one line per object'
html\t'One self-contained HTML page: the report\'s charts (inline SVG) and its table'
png\t'A report\'s first chart as a PNG image (binary: redirect it to a file)'"
complete -c eopctl -n "__fish_eopctl_using_subcommand new-tenantallowblocklistitems" -l from-json -d 'Take each object of a JSON array (such as `Get-* -o json` prints) as the parameters of one run of the cmdlet; `-` reads standard input' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand new-tenantallowblocklistitems" -l allow -d 'Allow entries'
complete -c eopctl -n "__fish_eopctl_using_subcommand new-tenantallowblocklistitems" -l block -d 'Block entries'
complete -c eopctl -n "__fish_eopctl_using_subcommand new-tenantallowblocklistitems" -l no-expiration -d 'The entries never expire (block entries, and IP allow entries)'
complete -c eopctl -n "__fish_eopctl_using_subcommand new-tenantallowblocklistitems" -l what-if -d 'Show what would change, and change nothing'
complete -c eopctl -n "__fish_eopctl_using_subcommand new-tenantallowblocklistitems" -s y -l yes -d 'Never ask for confirmation (the same as `-Confirm:$false`)'
complete -c eopctl -n "__fish_eopctl_using_subcommand new-tenantallowblocklistitems" -l pass-thru -d 'Print the object after the change'
complete -c eopctl -n "__fish_eopctl_using_subcommand new-tenantallowblocklistitems" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c eopctl -n "__fish_eopctl_using_subcommand set-tenantallowblocklistitems" -l list-type -d 'The list: Sender, Url, FileHash or IP (optional with -Ids: an Identity names one entry of one list)' -r -f -a "Sender\t''
Url\t''
FileHash\t''
IP\t''"
complete -c eopctl -n "__fish_eopctl_using_subcommand set-tenantallowblocklistitems" -l ids -d 'The entries, by the Identity Get-TenantAllowBlockListItems shows' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-tenantallowblocklistitems" -l entries -d 'The entries, by value' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-tenantallowblocklistitems" -l expiration-date -d 'When the entries expire (UTC): at most 90 days ahead for blocks, 30 for allows' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-tenantallowblocklistitems" -l remove-after -d 'Allow entries go this many days after they were last used; 45 is the only value' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-tenantallowblocklistitems" -l notes -d 'Why the entries are there' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-tenantallowblocklistitems" -l confirm -d 'Ask before changing (`-Confirm:$false` never asks)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-tenantallowblocklistitems" -l state -d 'The state file' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand set-tenantallowblocklistitems" -l data-dir -d 'The relay\'s data directory [default: the state file\'s name with .data, beside it]' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand set-tenantallowblocklistitems" -s o -l output -d 'How to print results [default: table]' -r -f -a "table\t'Format-Table: the main properties, one row per object'
list\t'Format-List: every property, one per line'
json\t''
yaml\t''
csv\t'Export-Csv: a header line of every property, then one line per object'
html\t'One self-contained HTML page: the report\'s charts (inline SVG) and its table'
png\t'A report\'s first chart as a PNG image (binary: redirect it to a file)'"
complete -c eopctl -n "__fish_eopctl_using_subcommand set-tenantallowblocklistitems" -l from-json -d 'Take each object of a JSON array (such as `Get-* -o json` prints) as the parameters of one run of the cmdlet; `-` reads standard input' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand set-tenantallowblocklistitems" -l no-expiration -d 'The entries never expire (block entries, and IP allow entries)'
complete -c eopctl -n "__fish_eopctl_using_subcommand set-tenantallowblocklistitems" -l what-if -d 'Show what would change, and change nothing'
complete -c eopctl -n "__fish_eopctl_using_subcommand set-tenantallowblocklistitems" -s y -l yes -d 'Never ask for confirmation (the same as `-Confirm:$false`)'
complete -c eopctl -n "__fish_eopctl_using_subcommand set-tenantallowblocklistitems" -l pass-thru -d 'Print the object after the change'
complete -c eopctl -n "__fish_eopctl_using_subcommand set-tenantallowblocklistitems" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-tenantallowblocklistitems" -l list-type -d 'The list: Sender, Url, FileHash or IP (optional with -Ids: an Identity names one entry of one list)' -r -f -a "Sender\t''
Url\t''
FileHash\t''
IP\t''"
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-tenantallowblocklistitems" -l ids -d 'The entries, by the Identity Get-TenantAllowBlockListItems shows' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-tenantallowblocklistitems" -l entries -d 'The entries, by value' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-tenantallowblocklistitems" -l confirm -d 'Ask before changing (`-Confirm:$false` never asks)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-tenantallowblocklistitems" -l state -d 'The state file' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-tenantallowblocklistitems" -l data-dir -d 'The relay\'s data directory [default: the state file\'s name with .data, beside it]' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-tenantallowblocklistitems" -s o -l output -d 'How to print results [default: table]' -r -f -a "table\t'Format-Table: the main properties, one row per object'
list\t'Format-List: every property, one per line'
json\t''
yaml\t''
csv\t'Export-Csv: a header line of every property, then one line per object'
html\t'One self-contained HTML page: the report\'s charts (inline SVG) and its table'
png\t'A report\'s first chart as a PNG image (binary: redirect it to a file)'"
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-tenantallowblocklistitems" -l from-json -d 'Take each object of a JSON array (such as `Get-* -o json` prints) as the parameters of one run of the cmdlet; `-` reads standard input' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-tenantallowblocklistitems" -l what-if -d 'Show what would change, and change nothing'
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-tenantallowblocklistitems" -s y -l yes -d 'Never ask for confirmation (the same as `-Confirm:$false`)'
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-tenantallowblocklistitems" -l pass-thru -d 'Print the object after the change'
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-tenantallowblocklistitems" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c eopctl -n "__fish_eopctl_using_subcommand get-blockedsenderaddress" -l sender-address -d 'One sender, by its email address' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand get-blockedsenderaddress" -l state -d 'The state file' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand get-blockedsenderaddress" -l data-dir -d 'The relay\'s data directory [default: the state file\'s name with .data, beside it]' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand get-blockedsenderaddress" -s o -l output -d 'How to print results [default: table]' -r -f -a "table\t'Format-Table: the main properties, one row per object'
list\t'Format-List: every property, one per line'
json\t''
yaml\t''
csv\t'Export-Csv: a header line of every property, then one line per object'
html\t'One self-contained HTML page: the report\'s charts (inline SVG) and its table'
png\t'A report\'s first chart as a PNG image (binary: redirect it to a file)'"
complete -c eopctl -n "__fish_eopctl_using_subcommand get-blockedsenderaddress" -l from-json -d 'Take each object of a JSON array (such as `Get-* -o json` prints) as the parameters of one run of the cmdlet; `-` reads standard input' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand get-blockedsenderaddress" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-blockedsenderaddress" -l sender-address -d 'The restricted sender\'s email address' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-blockedsenderaddress" -l reason -d 'Why the restriction is lifted (kept in the log of the command)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-blockedsenderaddress" -l confirm -d 'Ask before changing (`-Confirm:$false` never asks)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-blockedsenderaddress" -l state -d 'The state file' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-blockedsenderaddress" -l data-dir -d 'The relay\'s data directory [default: the state file\'s name with .data, beside it]' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-blockedsenderaddress" -s o -l output -d 'How to print results [default: table]' -r -f -a "table\t'Format-Table: the main properties, one row per object'
list\t'Format-List: every property, one per line'
json\t''
yaml\t''
csv\t'Export-Csv: a header line of every property, then one line per object'
html\t'One self-contained HTML page: the report\'s charts (inline SVG) and its table'
png\t'A report\'s first chart as a PNG image (binary: redirect it to a file)'"
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-blockedsenderaddress" -l from-json -d 'Take each object of a JSON array (such as `Get-* -o json` prints) as the parameters of one run of the cmdlet; `-` reads standard input' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-blockedsenderaddress" -l what-if -d 'Show what would change, and change nothing'
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-blockedsenderaddress" -s y -l yes -d 'Never ask for confirmation (the same as `-Confirm:$false`)'
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-blockedsenderaddress" -l pass-thru -d 'Print the object after the change'
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-blockedsenderaddress" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c eopctl -n "__fish_eopctl_using_subcommand get-transportrule" -l identity -d 'The object\'s name (or address, for recipients); `*` and `?` wildcards allowed' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand get-transportrule" -l state -d 'The state file' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand get-transportrule" -l data-dir -d 'The relay\'s data directory [default: the state file\'s name with .data, beside it]' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand get-transportrule" -s o -l output -d 'How to print results [default: table]' -r -f -a "table\t'Format-Table: the main properties, one row per object'
list\t'Format-List: every property, one per line'
json\t''
yaml\t''
csv\t'Export-Csv: a header line of every property, then one line per object'
html\t'One self-contained HTML page: the report\'s charts (inline SVG) and its table'
png\t'A report\'s first chart as a PNG image (binary: redirect it to a file)'"
complete -c eopctl -n "__fish_eopctl_using_subcommand get-transportrule" -l from-json -d 'Take each object of a JSON array (such as `Get-* -o json` prints) as the parameters of one run of the cmdlet; `-` reads standard input' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand get-transportrule" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c eopctl -n "__fish_eopctl_using_subcommand new-transportrule" -l name -d 'A unique name for the rule' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-transportrule" -l priority -d 'Where the rule runs: 0 first. New rules go last without it; the rules from this priority on move down by one' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-transportrule" -l enabled -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-transportrule" -l mode -d 'Enforce (act), Audit or AuditAndNotify (only record that the rule matched)' -r -f -a "Enforce\t''
Audit\t''
AuditAndNotify\t''"
complete -c eopctl -n "__fish_eopctl_using_subcommand new-transportrule" -l activation-date -d 'When the rule starts to act (UTC): 2026-12-01, 2026-12-01 08:00; $null clears' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-transportrule" -l expiry-date -d 'When the rule stops acting (UTC); $null clears' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-transportrule" -l comments -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-transportrule" -l from -d 'The sender (From header, else the envelope sender) is one of these addresses' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-transportrule" -l from-address-contains-words -d 'The sender\'s address contains one of these words' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-transportrule" -l from-address-matches-patterns -d 'The sender\'s address matches one of these regular expressions' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-transportrule" -l sender-domain-is -d 'The sender\'s domain is one of these (or under one)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-transportrule" -l from-scope -d 'InOrganization (the client is an OnPremises connector\'s) or NotInOrganization' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-transportrule" -l sent-to -d 'A recipient is one of these addresses' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-transportrule" -l sent-to-scope -d 'A recipient is InOrganization (in an accepted domain) or NotInOrganization' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-transportrule" -l recipient-domain-is -d 'A recipient\'s domain is one of these (or under one)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-transportrule" -l recipient-address-contains-words -d 'A recipient\'s address contains one of these words' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-transportrule" -l subject-contains-words -d 'The subject contains one of these words or phrases (whole words, any case)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-transportrule" -l subject-or-body-contains-words -d 'The subject or a text part of the body contains one of these words or phrases' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-transportrule" -l subject-matches-patterns -d 'The subject matches one of these regular expressions (any case)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-transportrule" -l header-contains-message-header -d 'The header HeaderContainsWords looks in' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-transportrule" -l header-contains-words -d 'The header named by HeaderContainsMessageHeader contains one of these words' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-transportrule" -l header-matches-message-header -d 'The header HeaderMatchesPatterns looks in' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-transportrule" -l header-matches-patterns -d 'The header named by HeaderMatchesMessageHeader matches one of these regular expressions' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-transportrule" -l attachment-name-matches-patterns -d 'An attachment\'s file name matches one of these regular expressions' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-transportrule" -l attachment-extension-matches-words -d 'An attachment\'s file name extension is one of these (exe, docm)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-transportrule" -l attachment-size-over -d 'An attachment is larger than this (10MB)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-transportrule" -l message-size-over -d 'The message is larger than this (25MB)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-transportrule" -l sender-ip-ranges -d 'The client\'s address is in one of these addresses or ranges' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-transportrule" -l scl-over -d 'The spam confidence level is this or higher (-1 to 9)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-transportrule" -l except-if-from -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-transportrule" -l except-if-from-address-contains-words -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-transportrule" -l except-if-from-address-matches-patterns -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-transportrule" -l except-if-sender-domain-is -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-transportrule" -l except-if-from-scope -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-transportrule" -l except-if-sent-to -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-transportrule" -l except-if-sent-to-scope -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-transportrule" -l except-if-recipient-domain-is -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-transportrule" -l except-if-recipient-address-contains-words -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-transportrule" -l except-if-subject-contains-words -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-transportrule" -l except-if-subject-or-body-contains-words -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-transportrule" -l except-if-subject-matches-patterns -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-transportrule" -l except-if-header-contains-message-header -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-transportrule" -l except-if-header-contains-words -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-transportrule" -l except-if-header-matches-message-header -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-transportrule" -l except-if-header-matches-patterns -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-transportrule" -l except-if-attachment-name-matches-patterns -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-transportrule" -l except-if-attachment-extension-matches-words -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-transportrule" -l except-if-attachment-size-over -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-transportrule" -l except-if-message-size-over -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-transportrule" -l except-if-sender-ip-ranges -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-transportrule" -l except-if-scl-over -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-transportrule" -l route-message-outbound-connector -d 'Send the matched recipients through this OutboundConnector (it must have IsTransportRuleScoped $true): conditional routing' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-transportrule" -l set-scl -d 'Set the spam confidence level (-1 to 9; 5 and over is spam: Junk folder)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-transportrule" -l set-header-name -d 'The header SetHeaderValue writes (replacing any of that name)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-transportrule" -l set-header-value -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-transportrule" -l remove-header -d 'Remove every header of this name' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-transportrule" -l prepend-subject -d 'Put this text before the subject' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-transportrule" -l apply-html-disclaimer-text -d 'HTML appended to the message\'s text/html parts; its text goes to text/plain parts' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-transportrule" -l redirect-message-to -d 'Send the message to these addresses instead of the matched recipients' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-transportrule" -l blind-copy-to -d 'Also send the message to these addresses, unseen by the other recipients' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-transportrule" -l add-to-recipients -d 'Also send the message to these addresses, added to its To header' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-transportrule" -l reject-message-reason-text -d 'Refuse the message in the SMTP session with this text' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-transportrule" -l reject-message-enhanced-status-code -d 'The enhanced status code of the refusal: 5.7.1 (default) or 5.7.900 to 5.7.999' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-transportrule" -l delete-message -d 'Accept the message and drop it without notice' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-transportrule" -l quarantine -d 'Accept the message and keep it in the quarantine' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-transportrule" -l stop-rule-processing -d 'No rule after this one runs when it matches' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-transportrule" -l confirm -d 'Ask before changing (`-Confirm:$false` never asks)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand new-transportrule" -l state -d 'The state file' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand new-transportrule" -l data-dir -d 'The relay\'s data directory [default: the state file\'s name with .data, beside it]' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand new-transportrule" -s o -l output -d 'How to print results [default: table]' -r -f -a "table\t'Format-Table: the main properties, one row per object'
list\t'Format-List: every property, one per line'
json\t''
yaml\t''
csv\t'Export-Csv: a header line of every property, then one line per object'
html\t'One self-contained HTML page: the report\'s charts (inline SVG) and its table'
png\t'A report\'s first chart as a PNG image (binary: redirect it to a file)'"
complete -c eopctl -n "__fish_eopctl_using_subcommand new-transportrule" -l from-json -d 'Take each object of a JSON array (such as `Get-* -o json` prints) as the parameters of one run of the cmdlet; `-` reads standard input' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand new-transportrule" -l what-if -d 'Show what would change, and change nothing'
complete -c eopctl -n "__fish_eopctl_using_subcommand new-transportrule" -s y -l yes -d 'Never ask for confirmation (the same as `-Confirm:$false`)'
complete -c eopctl -n "__fish_eopctl_using_subcommand new-transportrule" -l pass-thru -d 'Print the object after the change'
complete -c eopctl -n "__fish_eopctl_using_subcommand new-transportrule" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c eopctl -n "__fish_eopctl_using_subcommand set-transportrule" -l identity -d 'The rule to change' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-transportrule" -l name -d 'A new name' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-transportrule" -l priority -d 'Where the rule runs: 0 first. New rules go last without it; the rules from this priority on move down by one' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-transportrule" -l enabled -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-transportrule" -l mode -d 'Enforce (act), Audit or AuditAndNotify (only record that the rule matched)' -r -f -a "Enforce\t''
Audit\t''
AuditAndNotify\t''"
complete -c eopctl -n "__fish_eopctl_using_subcommand set-transportrule" -l activation-date -d 'When the rule starts to act (UTC): 2026-12-01, 2026-12-01 08:00; $null clears' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-transportrule" -l expiry-date -d 'When the rule stops acting (UTC); $null clears' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-transportrule" -l comments -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-transportrule" -l from -d 'The sender (From header, else the envelope sender) is one of these addresses' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-transportrule" -l from-address-contains-words -d 'The sender\'s address contains one of these words' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-transportrule" -l from-address-matches-patterns -d 'The sender\'s address matches one of these regular expressions' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-transportrule" -l sender-domain-is -d 'The sender\'s domain is one of these (or under one)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-transportrule" -l from-scope -d 'InOrganization (the client is an OnPremises connector\'s) or NotInOrganization' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-transportrule" -l sent-to -d 'A recipient is one of these addresses' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-transportrule" -l sent-to-scope -d 'A recipient is InOrganization (in an accepted domain) or NotInOrganization' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-transportrule" -l recipient-domain-is -d 'A recipient\'s domain is one of these (or under one)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-transportrule" -l recipient-address-contains-words -d 'A recipient\'s address contains one of these words' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-transportrule" -l subject-contains-words -d 'The subject contains one of these words or phrases (whole words, any case)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-transportrule" -l subject-or-body-contains-words -d 'The subject or a text part of the body contains one of these words or phrases' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-transportrule" -l subject-matches-patterns -d 'The subject matches one of these regular expressions (any case)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-transportrule" -l header-contains-message-header -d 'The header HeaderContainsWords looks in' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-transportrule" -l header-contains-words -d 'The header named by HeaderContainsMessageHeader contains one of these words' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-transportrule" -l header-matches-message-header -d 'The header HeaderMatchesPatterns looks in' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-transportrule" -l header-matches-patterns -d 'The header named by HeaderMatchesMessageHeader matches one of these regular expressions' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-transportrule" -l attachment-name-matches-patterns -d 'An attachment\'s file name matches one of these regular expressions' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-transportrule" -l attachment-extension-matches-words -d 'An attachment\'s file name extension is one of these (exe, docm)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-transportrule" -l attachment-size-over -d 'An attachment is larger than this (10MB)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-transportrule" -l message-size-over -d 'The message is larger than this (25MB)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-transportrule" -l sender-ip-ranges -d 'The client\'s address is in one of these addresses or ranges' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-transportrule" -l scl-over -d 'The spam confidence level is this or higher (-1 to 9)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-transportrule" -l except-if-from -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-transportrule" -l except-if-from-address-contains-words -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-transportrule" -l except-if-from-address-matches-patterns -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-transportrule" -l except-if-sender-domain-is -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-transportrule" -l except-if-from-scope -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-transportrule" -l except-if-sent-to -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-transportrule" -l except-if-sent-to-scope -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-transportrule" -l except-if-recipient-domain-is -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-transportrule" -l except-if-recipient-address-contains-words -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-transportrule" -l except-if-subject-contains-words -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-transportrule" -l except-if-subject-or-body-contains-words -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-transportrule" -l except-if-subject-matches-patterns -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-transportrule" -l except-if-header-contains-message-header -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-transportrule" -l except-if-header-contains-words -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-transportrule" -l except-if-header-matches-message-header -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-transportrule" -l except-if-header-matches-patterns -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-transportrule" -l except-if-attachment-name-matches-patterns -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-transportrule" -l except-if-attachment-extension-matches-words -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-transportrule" -l except-if-attachment-size-over -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-transportrule" -l except-if-message-size-over -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-transportrule" -l except-if-sender-ip-ranges -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-transportrule" -l except-if-scl-over -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-transportrule" -l route-message-outbound-connector -d 'Send the matched recipients through this OutboundConnector (it must have IsTransportRuleScoped $true): conditional routing' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-transportrule" -l set-scl -d 'Set the spam confidence level (-1 to 9; 5 and over is spam: Junk folder)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-transportrule" -l set-header-name -d 'The header SetHeaderValue writes (replacing any of that name)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-transportrule" -l set-header-value -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-transportrule" -l remove-header -d 'Remove every header of this name' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-transportrule" -l prepend-subject -d 'Put this text before the subject' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-transportrule" -l apply-html-disclaimer-text -d 'HTML appended to the message\'s text/html parts; its text goes to text/plain parts' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-transportrule" -l redirect-message-to -d 'Send the message to these addresses instead of the matched recipients' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-transportrule" -l blind-copy-to -d 'Also send the message to these addresses, unseen by the other recipients' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-transportrule" -l add-to-recipients -d 'Also send the message to these addresses, added to its To header' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-transportrule" -l reject-message-reason-text -d 'Refuse the message in the SMTP session with this text' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-transportrule" -l reject-message-enhanced-status-code -d 'The enhanced status code of the refusal: 5.7.1 (default) or 5.7.900 to 5.7.999' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-transportrule" -l delete-message -d 'Accept the message and drop it without notice' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-transportrule" -l quarantine -d 'Accept the message and keep it in the quarantine' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-transportrule" -l stop-rule-processing -d 'No rule after this one runs when it matches' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-transportrule" -l confirm -d 'Ask before changing (`-Confirm:$false` never asks)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-transportrule" -l state -d 'The state file' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand set-transportrule" -l data-dir -d 'The relay\'s data directory [default: the state file\'s name with .data, beside it]' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand set-transportrule" -s o -l output -d 'How to print results [default: table]' -r -f -a "table\t'Format-Table: the main properties, one row per object'
list\t'Format-List: every property, one per line'
json\t''
yaml\t''
csv\t'Export-Csv: a header line of every property, then one line per object'
html\t'One self-contained HTML page: the report\'s charts (inline SVG) and its table'
png\t'A report\'s first chart as a PNG image (binary: redirect it to a file)'"
complete -c eopctl -n "__fish_eopctl_using_subcommand set-transportrule" -l from-json -d 'Take each object of a JSON array (such as `Get-* -o json` prints) as the parameters of one run of the cmdlet; `-` reads standard input' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand set-transportrule" -l what-if -d 'Show what would change, and change nothing'
complete -c eopctl -n "__fish_eopctl_using_subcommand set-transportrule" -s y -l yes -d 'Never ask for confirmation (the same as `-Confirm:$false`)'
complete -c eopctl -n "__fish_eopctl_using_subcommand set-transportrule" -l pass-thru -d 'Print the object after the change'
complete -c eopctl -n "__fish_eopctl_using_subcommand set-transportrule" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-transportrule" -l identity -d 'The object\'s name (or address, for recipients)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-transportrule" -l confirm -d 'Ask before changing (`-Confirm:$false` never asks)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-transportrule" -l state -d 'The state file' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-transportrule" -l data-dir -d 'The relay\'s data directory [default: the state file\'s name with .data, beside it]' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-transportrule" -s o -l output -d 'How to print results [default: table]' -r -f -a "table\t'Format-Table: the main properties, one row per object'
list\t'Format-List: every property, one per line'
json\t''
yaml\t''
csv\t'Export-Csv: a header line of every property, then one line per object'
html\t'One self-contained HTML page: the report\'s charts (inline SVG) and its table'
png\t'A report\'s first chart as a PNG image (binary: redirect it to a file)'"
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-transportrule" -l from-json -d 'Take each object of a JSON array (such as `Get-* -o json` prints) as the parameters of one run of the cmdlet; `-` reads standard input' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-transportrule" -l what-if -d 'Show what would change, and change nothing'
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-transportrule" -s y -l yes -d 'Never ask for confirmation (the same as `-Confirm:$false`)'
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-transportrule" -l pass-thru -d 'Print the object after the change'
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-transportrule" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c eopctl -n "__fish_eopctl_using_subcommand enable-transportrule" -l identity -d 'The object\'s name (or address, for recipients)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand enable-transportrule" -l confirm -d 'Ask before changing (`-Confirm:$false` never asks)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand enable-transportrule" -l mode -d 'Enforce (act), Audit or AuditAndNotify (only record that the rule matched); the rule\'s mode is unchanged without it' -r -f -a "Enforce\t''
Audit\t''
AuditAndNotify\t''"
complete -c eopctl -n "__fish_eopctl_using_subcommand enable-transportrule" -l state -d 'The state file' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand enable-transportrule" -l data-dir -d 'The relay\'s data directory [default: the state file\'s name with .data, beside it]' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand enable-transportrule" -s o -l output -d 'How to print results [default: table]' -r -f -a "table\t'Format-Table: the main properties, one row per object'
list\t'Format-List: every property, one per line'
json\t''
yaml\t''
csv\t'Export-Csv: a header line of every property, then one line per object'
html\t'One self-contained HTML page: the report\'s charts (inline SVG) and its table'
png\t'A report\'s first chart as a PNG image (binary: redirect it to a file)'"
complete -c eopctl -n "__fish_eopctl_using_subcommand enable-transportrule" -l from-json -d 'Take each object of a JSON array (such as `Get-* -o json` prints) as the parameters of one run of the cmdlet; `-` reads standard input' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand enable-transportrule" -l what-if -d 'Show what would change, and change nothing'
complete -c eopctl -n "__fish_eopctl_using_subcommand enable-transportrule" -s y -l yes -d 'Never ask for confirmation (the same as `-Confirm:$false`)'
complete -c eopctl -n "__fish_eopctl_using_subcommand enable-transportrule" -l pass-thru -d 'Print the object after the change'
complete -c eopctl -n "__fish_eopctl_using_subcommand enable-transportrule" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c eopctl -n "__fish_eopctl_using_subcommand disable-transportrule" -l identity -d 'The object\'s name (or address, for recipients)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand disable-transportrule" -l confirm -d 'Ask before changing (`-Confirm:$false` never asks)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand disable-transportrule" -l state -d 'The state file' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand disable-transportrule" -l data-dir -d 'The relay\'s data directory [default: the state file\'s name with .data, beside it]' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand disable-transportrule" -s o -l output -d 'How to print results [default: table]' -r -f -a "table\t'Format-Table: the main properties, one row per object'
list\t'Format-List: every property, one per line'
json\t''
yaml\t''
csv\t'Export-Csv: a header line of every property, then one line per object'
html\t'One self-contained HTML page: the report\'s charts (inline SVG) and its table'
png\t'A report\'s first chart as a PNG image (binary: redirect it to a file)'"
complete -c eopctl -n "__fish_eopctl_using_subcommand disable-transportrule" -l from-json -d 'Take each object of a JSON array (such as `Get-* -o json` prints) as the parameters of one run of the cmdlet; `-` reads standard input' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand disable-transportrule" -l what-if -d 'Show what would change, and change nothing'
complete -c eopctl -n "__fish_eopctl_using_subcommand disable-transportrule" -s y -l yes -d 'Never ask for confirmation (the same as `-Confirm:$false`)'
complete -c eopctl -n "__fish_eopctl_using_subcommand disable-transportrule" -l pass-thru -d 'Print the object after the change'
complete -c eopctl -n "__fish_eopctl_using_subcommand disable-transportrule" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c eopctl -n "__fish_eopctl_using_subcommand get-statehistory" -l newest -d 'Only the newest N revisions' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand get-statehistory" -l state -d 'The state file' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand get-statehistory" -l data-dir -d 'The relay\'s data directory [default: the state file\'s name with .data, beside it]' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand get-statehistory" -s o -l output -d 'How to print results [default: table]' -r -f -a "table\t'Format-Table: the main properties, one row per object'
list\t'Format-List: every property, one per line'
json\t''
yaml\t''
csv\t'Export-Csv: a header line of every property, then one line per object'
html\t'One self-contained HTML page: the report\'s charts (inline SVG) and its table'
png\t'A report\'s first chart as a PNG image (binary: redirect it to a file)'"
complete -c eopctl -n "__fish_eopctl_using_subcommand get-statehistory" -l from-json -d 'Take each object of a JSON array (such as `Get-* -o json` prints) as the parameters of one run of the cmdlet; `-` reads standard input' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand get-statehistory" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c eopctl -n "__fish_eopctl_using_subcommand compare-state" -l revision -d 'The revision to compare from' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand compare-state" -l to-revision -d 'The revision to compare to [default: the current one]' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand compare-state" -l state -d 'The state file' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand compare-state" -l data-dir -d 'The relay\'s data directory [default: the state file\'s name with .data, beside it]' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand compare-state" -s o -l output -d 'How to print results [default: table]' -r -f -a "table\t'Format-Table: the main properties, one row per object'
list\t'Format-List: every property, one per line'
json\t''
yaml\t''
csv\t'Export-Csv: a header line of every property, then one line per object'
html\t'One self-contained HTML page: the report\'s charts (inline SVG) and its table'
png\t'A report\'s first chart as a PNG image (binary: redirect it to a file)'"
complete -c eopctl -n "__fish_eopctl_using_subcommand compare-state" -l from-json -d 'Take each object of a JSON array (such as `Get-* -o json` prints) as the parameters of one run of the cmdlet; `-` reads standard input' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand compare-state" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c eopctl -n "__fish_eopctl_using_subcommand restore-state" -l revision -d 'The revision to bring back' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand restore-state" -l confirm -d 'Ask before changing (`-Confirm:$false` never asks)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand restore-state" -l state -d 'The state file' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand restore-state" -l data-dir -d 'The relay\'s data directory [default: the state file\'s name with .data, beside it]' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand restore-state" -s o -l output -d 'How to print results [default: table]' -r -f -a "table\t'Format-Table: the main properties, one row per object'
list\t'Format-List: every property, one per line'
json\t''
yaml\t''
csv\t'Export-Csv: a header line of every property, then one line per object'
html\t'One self-contained HTML page: the report\'s charts (inline SVG) and its table'
png\t'A report\'s first chart as a PNG image (binary: redirect it to a file)'"
complete -c eopctl -n "__fish_eopctl_using_subcommand restore-state" -l from-json -d 'Take each object of a JSON array (such as `Get-* -o json` prints) as the parameters of one run of the cmdlet; `-` reads standard input' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand restore-state" -l what-if -d 'Show what would change, and change nothing'
complete -c eopctl -n "__fish_eopctl_using_subcommand restore-state" -s y -l yes -d 'Never ask for confirmation (the same as `-Confirm:$false`)'
complete -c eopctl -n "__fish_eopctl_using_subcommand restore-state" -l pass-thru -d 'Print the object after the change'
complete -c eopctl -n "__fish_eopctl_using_subcommand restore-state" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c eopctl -n "__fish_eopctl_using_subcommand test-messageroute" -l sender -d 'The envelope sender (MAIL FROM); `<>` for the null sender. With -MessageFile it defaults to the message\'s Return-Path, else its From' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand test-messageroute" -l recipients -d 'The recipients (RCPT TO), a,b or repeated. With -MessageFile they default to the message\'s To and Cc' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand test-messageroute" -l message-file -d 'A message (.eml) to run through the content stage as the relay would after DATA: the mail flow rules, anti-malware and anti-spam (SCL, BCL, signals)' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand test-messageroute" -l client-ip -d 'The connecting client\'s IP address. Without it, the message is taken as the relay\'s own (a delivery status notification)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand test-messageroute" -l subject -d 'The subject, for the mail flow rules (without -MessageFile)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand test-messageroute" -l tls -d 'The client came over TLS (STARTTLS). Default: $false, or $true with -TlsCertificateName' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand test-messageroute" -l tls-certificate-name -d 'The names (CN, SANs) of the client\'s certificate, taken as verified against the trusted roots, as the relay would after STARTTLS (a,b or repeated). Implies -Tls $true' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand test-messageroute" -l received-headers -d 'The values of the message\'s Received headers, topmost first (repeated): with -ClientIP, shows the original client address enhanced filtering (EFSkipIPs, EFSkipLastIP) finds behind the servers in front' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand test-messageroute" -l dns-server -d 'A DNS server (address:port) to ask the connection filter\'s IPBlockListZones; without it they are skipped, with a note' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand test-messageroute" -l spam-rules -d 'SpamAssassin rule files (*.cf) to score -MessageFile with, or `none` [default: the newest sa-update directory under /var/lib/spamassassin, else /usr/share/spamassassin, else the built-in signals alone]' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand test-messageroute" -l state -d 'The state file' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand test-messageroute" -l data-dir -d 'The relay\'s data directory [default: the state file\'s name with .data, beside it]' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand test-messageroute" -s o -l output -d 'How to print results [default: table]' -r -f -a "table\t'Format-Table: the main properties, one row per object'
list\t'Format-List: every property, one per line'
json\t''
yaml\t''
csv\t'Export-Csv: a header line of every property, then one line per object'
html\t'One self-contained HTML page: the report\'s charts (inline SVG) and its table'
png\t'A report\'s first chart as a PNG image (binary: redirect it to a file)'"
complete -c eopctl -n "__fish_eopctl_using_subcommand test-messageroute" -l from-json -d 'Take each object of a JSON array (such as `Get-* -o json` prints) as the parameters of one run of the cmdlet; `-` reads standard input' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand test-messageroute" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c eopctl -n "__fish_eopctl_using_subcommand test-mailflow" -l directions -d 'The directions to test (a,b or repeated) [default: all four]' -r -f -a "InternetToHosted\t''
InternetToOnPremises\t''
OnPremisesToInternet\t''
HostedToOnPremises\t''"
complete -c eopctl -n "__fish_eopctl_using_subcommand test-mailflow" -l timeout -d 'How long to wait for the trace to show each message delivered or sent' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand test-mailflow" -l server -d 'The relay\'s SMTP listener [default: the first binding of an enabled ReceiveConnector]' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand test-mailflow" -l hosted-address -d 'The hosted mailbox to send to [default: the first Mailbox]' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand test-mailflow" -l on-premises-address -d 'The on-premises recipient [default: the first MailUser, else postmaster of a domain an OnPremises OutboundConnector carries]' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand test-mailflow" -l external-address -d 'The Internet recipient for on-premises to Internet [default: postmaster of a domain a Partner OutboundConnector names]' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand test-mailflow" -l target-email-address -d 'Test one message to this address, in the direction it takes: to a hosted mailbox or on premises from the Internet, or to the Internet from on premises' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand test-mailflow" -l internet-sender -d 'The Internet sender of the inbound directions' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand test-mailflow" -l state -d 'The state file' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand test-mailflow" -l data-dir -d 'The relay\'s data directory [default: the state file\'s name with .data, beside it]' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand test-mailflow" -s o -l output -d 'How to print results [default: table]' -r -f -a "table\t'Format-Table: the main properties, one row per object'
list\t'Format-List: every property, one per line'
json\t''
yaml\t''
csv\t'Export-Csv: a header line of every property, then one line per object'
html\t'One self-contained HTML page: the report\'s charts (inline SVG) and its table'
png\t'A report\'s first chart as a PNG image (binary: redirect it to a file)'"
complete -c eopctl -n "__fish_eopctl_using_subcommand test-mailflow" -l from-json -d 'Take each object of a JSON array (such as `Get-* -o json` prints) as the parameters of one run of the cmdlet; `-` reads standard input' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand test-mailflow" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c eopctl -n "__fish_eopctl_using_subcommand test-configuration" -l state -d 'The state file' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand test-configuration" -l data-dir -d 'The relay\'s data directory [default: the state file\'s name with .data, beside it]' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand test-configuration" -s o -l output -d 'How to print results [default: table]' -r -f -a "table\t'Format-Table: the main properties, one row per object'
list\t'Format-List: every property, one per line'
json\t''
yaml\t''
csv\t'Export-Csv: a header line of every property, then one line per object'
html\t'One self-contained HTML page: the report\'s charts (inline SVG) and its table'
png\t'A report\'s first chart as a PNG image (binary: redirect it to a file)'"
complete -c eopctl -n "__fish_eopctl_using_subcommand test-configuration" -l from-json -d 'Take each object of a JSON array (such as `Get-* -o json` prints) as the parameters of one run of the cmdlet; `-` reads standard input' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand test-configuration" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c eopctl -n "__fish_eopctl_using_subcommand get-organizationconfig" -l state -d 'The state file' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand get-organizationconfig" -l data-dir -d 'The relay\'s data directory [default: the state file\'s name with .data, beside it]' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand get-organizationconfig" -s o -l output -d 'How to print results [default: table]' -r -f -a "table\t'Format-Table: the main properties, one row per object'
list\t'Format-List: every property, one per line'
json\t''
yaml\t''
csv\t'Export-Csv: a header line of every property, then one line per object'
html\t'One self-contained HTML page: the report\'s charts (inline SVG) and its table'
png\t'A report\'s first chart as a PNG image (binary: redirect it to a file)'"
complete -c eopctl -n "__fish_eopctl_using_subcommand get-organizationconfig" -l from-json -d 'Take each object of a JSON array (such as `Get-* -o json` prints) as the parameters of one run of the cmdlet; `-` reads standard input' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand get-organizationconfig" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c eopctl -n "__fish_eopctl_using_subcommand set-organizationconfig" -l name -d 'The organisation\'s display name' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-organizationconfig" -l directory-based-edge-block-enabled -d 'Refuse mail for unknown recipients of Authoritative domains at RCPT (550 5.4.1)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-organizationconfig" -l service-host-names -d 'The host names the Internet reaches this service at: the MX target of the organisation\'s domains (Get-DnsGuidance, Test-DnsRecords)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-organizationconfig" -l service-ip-addresses -d 'The public addresses this service sends from, which SPF records must authorise' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-organizationconfig" -l mx-record-points-to -d 'Where the domains\' MX records point: Service (hybrid scenarios 1 and 2) or OnPremises (scenarios 3 and 4)' -r -f -a "Service\t''
OnPremises\t''"
complete -c eopctl -n "__fish_eopctl_using_subcommand set-organizationconfig" -l message-trace-retention-days -d 'Days the message trace keeps a message, 1 to 3650 (90 by default); the relay removes older ones every hour' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-organizationconfig" -l confirm -d 'Ask before changing (`-Confirm:$false` never asks)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand set-organizationconfig" -l state -d 'The state file' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand set-organizationconfig" -l data-dir -d 'The relay\'s data directory [default: the state file\'s name with .data, beside it]' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand set-organizationconfig" -s o -l output -d 'How to print results [default: table]' -r -f -a "table\t'Format-Table: the main properties, one row per object'
list\t'Format-List: every property, one per line'
json\t''
yaml\t''
csv\t'Export-Csv: a header line of every property, then one line per object'
html\t'One self-contained HTML page: the report\'s charts (inline SVG) and its table'
png\t'A report\'s first chart as a PNG image (binary: redirect it to a file)'"
complete -c eopctl -n "__fish_eopctl_using_subcommand set-organizationconfig" -l from-json -d 'Take each object of a JSON array (such as `Get-* -o json` prints) as the parameters of one run of the cmdlet; `-` reads standard input' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand set-organizationconfig" -l what-if -d 'Show what would change, and change nothing'
complete -c eopctl -n "__fish_eopctl_using_subcommand set-organizationconfig" -s y -l yes -d 'Never ask for confirmation (the same as `-Confirm:$false`)'
complete -c eopctl -n "__fish_eopctl_using_subcommand set-organizationconfig" -l pass-thru -d 'Print the object after the change'
complete -c eopctl -n "__fish_eopctl_using_subcommand set-organizationconfig" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c eopctl -n "__fish_eopctl_using_subcommand get-dnsguidance" -l domain-name -d 'The accepted domain' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand get-dnsguidance" -l state -d 'The state file' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand get-dnsguidance" -l data-dir -d 'The relay\'s data directory [default: the state file\'s name with .data, beside it]' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand get-dnsguidance" -s o -l output -d 'How to print results [default: table]' -r -f -a "table\t'Format-Table: the main properties, one row per object'
list\t'Format-List: every property, one per line'
json\t''
yaml\t''
csv\t'Export-Csv: a header line of every property, then one line per object'
html\t'One self-contained HTML page: the report\'s charts (inline SVG) and its table'
png\t'A report\'s first chart as a PNG image (binary: redirect it to a file)'"
complete -c eopctl -n "__fish_eopctl_using_subcommand get-dnsguidance" -l from-json -d 'Take each object of a JSON array (such as `Get-* -o json` prints) as the parameters of one run of the cmdlet; `-` reads standard input' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand get-dnsguidance" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c eopctl -n "__fish_eopctl_using_subcommand test-dnsrecords" -l domain-name -d 'The accepted domain' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand test-dnsrecords" -l dns-server -d 'The DNS server to ask, as address:port [default: the system\'s resolvers]' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand test-dnsrecords" -l state -d 'The state file' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand test-dnsrecords" -l data-dir -d 'The relay\'s data directory [default: the state file\'s name with .data, beside it]' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand test-dnsrecords" -s o -l output -d 'How to print results [default: table]' -r -f -a "table\t'Format-Table: the main properties, one row per object'
list\t'Format-List: every property, one per line'
json\t''
yaml\t''
csv\t'Export-Csv: a header line of every property, then one line per object'
html\t'One self-contained HTML page: the report\'s charts (inline SVG) and its table'
png\t'A report\'s first chart as a PNG image (binary: redirect it to a file)'"
complete -c eopctl -n "__fish_eopctl_using_subcommand test-dnsrecords" -l from-json -d 'Take each object of a JSON array (such as `Get-* -o json` prints) as the parameters of one run of the cmdlet; `-` reads standard input' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand test-dnsrecords" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c eopctl -n "__fish_eopctl_using_subcommand start-hybridwizard" -l scenario -d 'Which setup: Standalone, Scenario1, Scenario2, Scenario3 or Scenario4 (the hybrid scenarios)' -r -f -a "Standalone\t'EOP standalone in front of on-premises mailboxes'
Scenario1\t'MX to the service, which filters all mail (hybrid scenario 1)'
Scenario2\t'MX to the service, filtering on premises: centralized mail transport (scenario 2)'
Scenario3\t'MX to on premises; on premises sends Internet mail itself (scenario 3)'
Scenario4\t'MX to on premises, which relays Internet mail through the service (scenario 4)'"
complete -c eopctl -n "__fish_eopctl_using_subcommand start-hybridwizard" -l domain-name -d 'The organisation\'s email domain' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand start-hybridwizard" -l on-premises-smart-host -d 'The on-premises server this service delivers to (FQDN or IP, optional :port)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand start-hybridwizard" -l on-premises-certificate-name -d 'The name in the on-premises server\'s TLS certificate, which identifies it (recommended by Microsoft)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand start-hybridwizard" -l on-premises-ip-addresses -d 'The on-premises servers\' public IP addresses, to identify them by address instead' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand start-hybridwizard" -l confirm -d 'Ask before changing (`-Confirm:$false` never asks)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand start-hybridwizard" -l state -d 'The state file' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand start-hybridwizard" -l data-dir -d 'The relay\'s data directory [default: the state file\'s name with .data, beside it]' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand start-hybridwizard" -s o -l output -d 'How to print results [default: table]' -r -f -a "table\t'Format-Table: the main properties, one row per object'
list\t'Format-List: every property, one per line'
json\t''
yaml\t''
csv\t'Export-Csv: a header line of every property, then one line per object'
html\t'One self-contained HTML page: the report\'s charts (inline SVG) and its table'
png\t'A report\'s first chart as a PNG image (binary: redirect it to a file)'"
complete -c eopctl -n "__fish_eopctl_using_subcommand start-hybridwizard" -l from-json -d 'Take each object of a JSON array (such as `Get-* -o json` prints) as the parameters of one run of the cmdlet; `-` reads standard input' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand start-hybridwizard" -l what-if -d 'Show what would change, and change nothing'
complete -c eopctl -n "__fish_eopctl_using_subcommand start-hybridwizard" -s y -l yes -d 'Never ask for confirmation (the same as `-Confirm:$false`)'
complete -c eopctl -n "__fish_eopctl_using_subcommand start-hybridwizard" -l pass-thru -d 'Print the object after the change'
complete -c eopctl -n "__fish_eopctl_using_subcommand start-hybridwizard" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c eopctl -n "__fish_eopctl_using_subcommand get-messagetrace" -l sender-address -d 'Envelope senders, a,b; `*` wildcards allowed (`*@contoso.com`)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand get-messagetrace" -l recipient-address -d 'Recipients, a,b; `*` wildcards allowed' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand get-messagetrace" -l start-date -d 'The start of the time range, UTC (2026-11-22, "2026-11-22 18:00", 11/22/2026) [default: 48 hours before -EndDate]' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand get-messagetrace" -l end-date -d 'The end of the time range, UTC [default: now]' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand get-messagetrace" -l status -d 'Statuses, a,b: GettingStatus, Pending, Delivered, Failed, Expanded, Quarantined, FilteredAsSpam' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand get-messagetrace" -l message-id -d 'The Message-ID header field, with its angle brackets' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand get-messagetrace" -l from-ip -d 'The IP address of the client that sent the message' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand get-messagetrace" -l to-ip -d 'The IP address of the next hop it was sent to' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand get-messagetrace" -l page-size -d 'Rows per page, 1 to 5000' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand get-messagetrace" -l page -d 'The page to show, 1 to 1000' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand get-messagetrace" -l state -d 'The state file' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand get-messagetrace" -l data-dir -d 'The relay\'s data directory [default: the state file\'s name with .data, beside it]' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand get-messagetrace" -s o -l output -d 'How to print results [default: table]' -r -f -a "table\t'Format-Table: the main properties, one row per object'
list\t'Format-List: every property, one per line'
json\t''
yaml\t''
csv\t'Export-Csv: a header line of every property, then one line per object'
html\t'One self-contained HTML page: the report\'s charts (inline SVG) and its table'
png\t'A report\'s first chart as a PNG image (binary: redirect it to a file)'"
complete -c eopctl -n "__fish_eopctl_using_subcommand get-messagetrace" -l from-json -d 'Take each object of a JSON array (such as `Get-* -o json` prints) as the parameters of one run of the cmdlet; `-` reads standard input' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand get-messagetrace" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c eopctl -n "__fish_eopctl_using_subcommand get-messagetracedetail" -l message-trace-id -d 'The message\'s MessageTraceId (a column of Get-MessageTrace)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand get-messagetracedetail" -l recipient-address -d 'The recipient whose events to show' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand get-messagetracedetail" -l state -d 'The state file' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand get-messagetracedetail" -l data-dir -d 'The relay\'s data directory [default: the state file\'s name with .data, beside it]' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand get-messagetracedetail" -s o -l output -d 'How to print results [default: table]' -r -f -a "table\t'Format-Table: the main properties, one row per object'
list\t'Format-List: every property, one per line'
json\t''
yaml\t''
csv\t'Export-Csv: a header line of every property, then one line per object'
html\t'One self-contained HTML page: the report\'s charts (inline SVG) and its table'
png\t'A report\'s first chart as a PNG image (binary: redirect it to a file)'"
complete -c eopctl -n "__fish_eopctl_using_subcommand get-messagetracedetail" -l from-json -d 'Take each object of a JSON array (such as `Get-* -o json` prints) as the parameters of one run of the cmdlet; `-` reads standard input' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand get-messagetracedetail" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c eopctl -n "__fish_eopctl_using_subcommand get-mailflowstatusreport" -l start-date -d 'The start of the range, UTC (2026-11-22, "2026-11-22 18:00", 11/22/2026) [default: 7 days before -EndDate]' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand get-mailflowstatusreport" -l end-date -d 'The end of the range, UTC; a date alone is its midnight [default: now]' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand get-mailflowstatusreport" -l direction -d 'Directions, a,b: Inbound, Outbound, IntraOrg [default: all]' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand get-mailflowstatusreport" -l event-type -d 'Event types, a,b: GoodMail, EdgeBlockSpam, SpamDetections, EmailPhish, EmailMalware, RuleMessages [default: all]' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand get-mailflowstatusreport" -l aggregate-by -d 'One row per hour, per day, or for the whole range (Summary)' -r -f -a "hour\t''
day\t''
summary\t'One row per direction and event type for the whole range'"
complete -c eopctl -n "__fish_eopctl_using_subcommand get-mailflowstatusreport" -l page-size -d 'Rows per page, 1 to 5000' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand get-mailflowstatusreport" -l page -d 'The page to show, 1 to 1000' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand get-mailflowstatusreport" -l state -d 'The state file' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand get-mailflowstatusreport" -l data-dir -d 'The relay\'s data directory [default: the state file\'s name with .data, beside it]' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand get-mailflowstatusreport" -s o -l output -d 'How to print results [default: table]' -r -f -a "table\t'Format-Table: the main properties, one row per object'
list\t'Format-List: every property, one per line'
json\t''
yaml\t''
csv\t'Export-Csv: a header line of every property, then one line per object'
html\t'One self-contained HTML page: the report\'s charts (inline SVG) and its table'
png\t'A report\'s first chart as a PNG image (binary: redirect it to a file)'"
complete -c eopctl -n "__fish_eopctl_using_subcommand get-mailflowstatusreport" -l from-json -d 'Take each object of a JSON array (such as `Get-* -o json` prints) as the parameters of one run of the cmdlet; `-` reads standard input' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand get-mailflowstatusreport" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c eopctl -n "__fish_eopctl_using_subcommand get-mailtrafficsummaryreport" -l category -d 'What to rank: TopMailSender, TopMailRecipient, TopSpamRecipient, TopMalwareRecipient, TopSpamSender, TopSpamSenderDomain, TopSpamSourceIP' -r -f -a "TopMailSender\t'The organisation\'s senders (Outbound and IntraOrg mail)'
TopMailRecipient\t'The organisation\'s recipients (Inbound and IntraOrg mail)'
TopSpamRecipient\t'Recipients of spam and phish'
TopMalwareRecipient\t'Recipients of malware'
TopSpamSender\t'Senders of spam and phish (envelope sender)'
TopSpamSenderDomain\t'The sender domains of spam and phish'
TopSpamSourceIP\t'The client IP addresses spam and phish came from'"
complete -c eopctl -n "__fish_eopctl_using_subcommand get-mailtrafficsummaryreport" -l start-date -d 'The start of the range, UTC (2026-11-22, "2026-11-22 18:00", 11/22/2026) [default: 7 days before -EndDate]' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand get-mailtrafficsummaryreport" -l end-date -d 'The end of the range, UTC; a date alone is its midnight [default: now]' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand get-mailtrafficsummaryreport" -l page-size -d 'Rows per page, 1 to 5000 (the top N)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand get-mailtrafficsummaryreport" -l page -d 'The page to show, 1 to 1000' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand get-mailtrafficsummaryreport" -l state -d 'The state file' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand get-mailtrafficsummaryreport" -l data-dir -d 'The relay\'s data directory [default: the state file\'s name with .data, beside it]' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand get-mailtrafficsummaryreport" -s o -l output -d 'How to print results [default: table]' -r -f -a "table\t'Format-Table: the main properties, one row per object'
list\t'Format-List: every property, one per line'
json\t''
yaml\t''
csv\t'Export-Csv: a header line of every property, then one line per object'
html\t'One self-contained HTML page: the report\'s charts (inline SVG) and its table'
png\t'A report\'s first chart as a PNG image (binary: redirect it to a file)'"
complete -c eopctl -n "__fish_eopctl_using_subcommand get-mailtrafficsummaryreport" -l from-json -d 'Take each object of a JSON array (such as `Get-* -o json` prints) as the parameters of one run of the cmdlet; `-` reads standard input' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand get-mailtrafficsummaryreport" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c eopctl -n "__fish_eopctl_using_subcommand get-queue" -l identity -d 'One queue (its Identity: the next hop)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand get-queue" -l filter -d 'The queues an OPATH filter matches: "MessageCount -gt 10 -and Status -eq \'Retry\'"' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand get-queue" -l state -d 'The state file' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand get-queue" -l data-dir -d 'The relay\'s data directory [default: the state file\'s name with .data, beside it]' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand get-queue" -s o -l output -d 'How to print results [default: table]' -r -f -a "table\t'Format-Table: the main properties, one row per object'
list\t'Format-List: every property, one per line'
json\t''
yaml\t''
csv\t'Export-Csv: a header line of every property, then one line per object'
html\t'One self-contained HTML page: the report\'s charts (inline SVG) and its table'
png\t'A report\'s first chart as a PNG image (binary: redirect it to a file)'"
complete -c eopctl -n "__fish_eopctl_using_subcommand get-queue" -l from-json -d 'Take each object of a JSON array (such as `Get-* -o json` prints) as the parameters of one run of the cmdlet; `-` reads standard input' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand get-queue" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c eopctl -n "__fish_eopctl_using_subcommand get-queuemessage" -l queue -d 'The queue whose messages to list (an Identity of Get-Queue)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand get-queuemessage" -l identity -d 'One message (its queue id)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand get-queuemessage" -l filter -d 'The messages an OPATH filter matches: "FromAddress -like \'*@contoso.com\'"' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand get-queuemessage" -l state -d 'The state file' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand get-queuemessage" -l data-dir -d 'The relay\'s data directory [default: the state file\'s name with .data, beside it]' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand get-queuemessage" -s o -l output -d 'How to print results [default: table]' -r -f -a "table\t'Format-Table: the main properties, one row per object'
list\t'Format-List: every property, one per line'
json\t''
yaml\t''
csv\t'Export-Csv: a header line of every property, then one line per object'
html\t'One self-contained HTML page: the report\'s charts (inline SVG) and its table'
png\t'A report\'s first chart as a PNG image (binary: redirect it to a file)'"
complete -c eopctl -n "__fish_eopctl_using_subcommand get-queuemessage" -l from-json -d 'Take each object of a JSON array (such as `Get-* -o json` prints) as the parameters of one run of the cmdlet; `-` reads standard input' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand get-queuemessage" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c eopctl -n "__fish_eopctl_using_subcommand retry-queue" -l identity -d 'The queue (an Identity of Get-Queue)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand retry-queue" -l filter -d 'The queues an OPATH filter matches: "Status -eq \'Retry\'"' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand retry-queue" -l resubmit -d 'Route the messages again under the current state (after a connector was fixed)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand retry-queue" -l state -d 'The state file' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand retry-queue" -l data-dir -d 'The relay\'s data directory [default: the state file\'s name with .data, beside it]' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand retry-queue" -s o -l output -d 'How to print results [default: table]' -r -f -a "table\t'Format-Table: the main properties, one row per object'
list\t'Format-List: every property, one per line'
json\t''
yaml\t''
csv\t'Export-Csv: a header line of every property, then one line per object'
html\t'One self-contained HTML page: the report\'s charts (inline SVG) and its table'
png\t'A report\'s first chart as a PNG image (binary: redirect it to a file)'"
complete -c eopctl -n "__fish_eopctl_using_subcommand retry-queue" -l from-json -d 'Take each object of a JSON array (such as `Get-* -o json` prints) as the parameters of one run of the cmdlet; `-` reads standard input' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand retry-queue" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c eopctl -n "__fish_eopctl_using_subcommand suspend-message" -l identity -d 'The message (its queue id, as Get-QueueMessage shows it)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand suspend-message" -l filter -d 'The messages an OPATH filter matches: "FromAddress -like \'*@contoso.com\'"' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand suspend-message" -l state -d 'The state file' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand suspend-message" -l data-dir -d 'The relay\'s data directory [default: the state file\'s name with .data, beside it]' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand suspend-message" -s o -l output -d 'How to print results [default: table]' -r -f -a "table\t'Format-Table: the main properties, one row per object'
list\t'Format-List: every property, one per line'
json\t''
yaml\t''
csv\t'Export-Csv: a header line of every property, then one line per object'
html\t'One self-contained HTML page: the report\'s charts (inline SVG) and its table'
png\t'A report\'s first chart as a PNG image (binary: redirect it to a file)'"
complete -c eopctl -n "__fish_eopctl_using_subcommand suspend-message" -l from-json -d 'Take each object of a JSON array (such as `Get-* -o json` prints) as the parameters of one run of the cmdlet; `-` reads standard input' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand suspend-message" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c eopctl -n "__fish_eopctl_using_subcommand resume-message" -l identity -d 'The message (its queue id, as Get-QueueMessage shows it)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand resume-message" -l filter -d 'The messages an OPATH filter matches: "FromAddress -like \'*@contoso.com\'"' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand resume-message" -l state -d 'The state file' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand resume-message" -l data-dir -d 'The relay\'s data directory [default: the state file\'s name with .data, beside it]' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand resume-message" -s o -l output -d 'How to print results [default: table]' -r -f -a "table\t'Format-Table: the main properties, one row per object'
list\t'Format-List: every property, one per line'
json\t''
yaml\t''
csv\t'Export-Csv: a header line of every property, then one line per object'
html\t'One self-contained HTML page: the report\'s charts (inline SVG) and its table'
png\t'A report\'s first chart as a PNG image (binary: redirect it to a file)'"
complete -c eopctl -n "__fish_eopctl_using_subcommand resume-message" -l from-json -d 'Take each object of a JSON array (such as `Get-* -o json` prints) as the parameters of one run of the cmdlet; `-` reads standard input' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand resume-message" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-message" -l identity -d 'The message (its queue id, as Get-QueueMessage shows it)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-message" -l filter -d 'The messages an OPATH filter matches: "FromAddress -like \'*@contoso.com\'"' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-message" -l with-ndr -d 'Send the sender a non-delivery report ($true) or remove silently ($false)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-message" -l state -d 'The state file' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-message" -l data-dir -d 'The relay\'s data directory [default: the state file\'s name with .data, beside it]' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-message" -s o -l output -d 'How to print results [default: table]' -r -f -a "table\t'Format-Table: the main properties, one row per object'
list\t'Format-List: every property, one per line'
json\t''
yaml\t''
csv\t'Export-Csv: a header line of every property, then one line per object'
html\t'One self-contained HTML page: the report\'s charts (inline SVG) and its table'
png\t'A report\'s first chart as a PNG image (binary: redirect it to a file)'"
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-message" -l from-json -d 'Take each object of a JSON array (such as `Get-* -o json` prints) as the parameters of one run of the cmdlet; `-` reads standard input' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand remove-message" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c eopctl -n "__fish_eopctl_using_subcommand generate-all" -l dir -d 'Where to write [default: completions/, man/ or the repository root]' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand generate-all" -l state -d 'The state file' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand generate-all" -l data-dir -d 'The relay\'s data directory [default: the state file\'s name with .data, beside it]' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand generate-all" -s o -l output -d 'How to print results [default: table]' -r -f -a "table\t'Format-Table: the main properties, one row per object'
list\t'Format-List: every property, one per line'
json\t''
yaml\t''
csv\t'Export-Csv: a header line of every property, then one line per object'
html\t'One self-contained HTML page: the report\'s charts (inline SVG) and its table'
png\t'A report\'s first chart as a PNG image (binary: redirect it to a file)'"
complete -c eopctl -n "__fish_eopctl_using_subcommand generate-all" -l from-json -d 'Take each object of a JSON array (such as `Get-* -o json` prints) as the parameters of one run of the cmdlet; `-` reads standard input' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand generate-all" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c eopctl -n "__fish_eopctl_using_subcommand generate-completions" -l dir -d 'Where to write [default: completions/, man/ or the repository root]' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand generate-completions" -l state -d 'The state file' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand generate-completions" -l data-dir -d 'The relay\'s data directory [default: the state file\'s name with .data, beside it]' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand generate-completions" -s o -l output -d 'How to print results [default: table]' -r -f -a "table\t'Format-Table: the main properties, one row per object'
list\t'Format-List: every property, one per line'
json\t''
yaml\t''
csv\t'Export-Csv: a header line of every property, then one line per object'
html\t'One self-contained HTML page: the report\'s charts (inline SVG) and its table'
png\t'A report\'s first chart as a PNG image (binary: redirect it to a file)'"
complete -c eopctl -n "__fish_eopctl_using_subcommand generate-completions" -l from-json -d 'Take each object of a JSON array (such as `Get-* -o json` prints) as the parameters of one run of the cmdlet; `-` reads standard input' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand generate-completions" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c eopctl -n "__fish_eopctl_using_subcommand generate-man" -l dir -d 'Where to write [default: completions/, man/ or the repository root]' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand generate-man" -l state -d 'The state file' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand generate-man" -l data-dir -d 'The relay\'s data directory [default: the state file\'s name with .data, beside it]' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand generate-man" -s o -l output -d 'How to print results [default: table]' -r -f -a "table\t'Format-Table: the main properties, one row per object'
list\t'Format-List: every property, one per line'
json\t''
yaml\t''
csv\t'Export-Csv: a header line of every property, then one line per object'
html\t'One self-contained HTML page: the report\'s charts (inline SVG) and its table'
png\t'A report\'s first chart as a PNG image (binary: redirect it to a file)'"
complete -c eopctl -n "__fish_eopctl_using_subcommand generate-man" -l from-json -d 'Take each object of a JSON array (such as `Get-* -o json` prints) as the parameters of one run of the cmdlet; `-` reads standard input' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand generate-man" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c eopctl -n "__fish_eopctl_using_subcommand serve" -l dns -d 'The DNS server for MX lookups, as address:port [default: the system\'s resolvers]' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand serve" -l smtp-port -d 'The port MX hosts and smart hosts without a port are reached on (tests use a loopback port)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand serve" -l hostname -d 'The name the relay gives itself where a connector sets no Fqdn [default: the host name]' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand serve" -l ca-file -d 'Trusted CA certificates (PEM): the roots client certificates (TlsSenderCertificateName) and next hops\' certificates (CertificateValidation, DomainValidation) are checked against, with the state\'s Trusted certificates' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand serve" -l retry -d 'Waits between delivery attempts, the last repeating (s, m, h, d units)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand serve" -l expire -d 'How long a message may wait in the queue before it bounces' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand serve" -l grace -d 'How long sessions in flight may run on after SIGTERM' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand serve" -l concurrency -d 'Connections per destination at once (fewer than 50, as Microsoft advises for EOP)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand serve" -l junk-scan -d 'How often hosted mailboxes are scanned for messages users moved into or out of their Junk Email folder, which the learning filter learns as spam or ham' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand serve" -l metrics -d 'Serve Prometheus metrics over HTTP at http://ADDR:PORT/metrics (such as 127.0.0.1:9325)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand serve" -l web -d 'Serve the quarantine\'s self-service pages (the links of quarantine notifications) over HTTP at ADDR:PORT, such as 127.0.0.1:8080; put a reverse proxy in front for TLS' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand serve" -l web-url -d 'The base URL notification links use, as users reach the web listener (the reverse proxy\'s https://quarantine.contoso.com) [default: http://ADDR:PORT of --web]' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand serve" -l notify-check -d 'How often the relay checks whether quarantine notifications are due (they go on the global EndUserSpamNotificationFrequency)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand serve" -l spam-rules -d 'SpamAssassin rule files (*.cf) for the anti-spam filter, or `none` [default: the newest sa-update directory under /var/lib/spamassassin, else /usr/share/spamassassin, else the built-in signals alone]' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand serve" -l log-level -d 'The least severe log events written: error, warn, info, debug or trace; or a tracing filter (`info,eopctl::relay::queue=debug`)' -r
complete -c eopctl -n "__fish_eopctl_using_subcommand serve" -l log-format -d 'How log events are written to stderr: text, or json (one object a line, for a log collector)' -r -f -a "text\t''
json\t''"
complete -c eopctl -n "__fish_eopctl_using_subcommand serve" -l state -d 'The state file' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand serve" -l data-dir -d 'The relay\'s data directory [default: the state file\'s name with .data, beside it]' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand serve" -s o -l output -d 'How to print results [default: table]' -r -f -a "table\t'Format-Table: the main properties, one row per object'
list\t'Format-List: every property, one per line'
json\t''
yaml\t''
csv\t'Export-Csv: a header line of every property, then one line per object'
html\t'One self-contained HTML page: the report\'s charts (inline SVG) and its table'
png\t'A report\'s first chart as a PNG image (binary: redirect it to a file)'"
complete -c eopctl -n "__fish_eopctl_using_subcommand serve" -l from-json -d 'Take each object of a JSON array (such as `Get-* -o json` prints) as the parameters of one run of the cmdlet; `-` reads standard input' -r -F
complete -c eopctl -n "__fish_eopctl_using_subcommand serve" -s h -l help -d 'Print help (see more with \'--help\')'
