_eopctl() {
    local i cur prev opts cmd
    COMPREPLY=()
    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
        cur="$2"
    else
        cur="${COMP_WORDS[COMP_CWORD]}"
    fi
    prev="$3"
    cmd=""
    opts=""

    for i in "${COMP_WORDS[@]:0:COMP_CWORD}"
    do
        case "${cmd},${i}" in
            ",$1")
                cmd="eopctl"
                ;;
            eopctl,compare-state)
                cmd="eopctl__subcmd__compare__subcmd__state"
                ;;
            eopctl,delete-quarantinemessage)
                cmd="eopctl__subcmd__delete__subcmd__quarantinemessage"
                ;;
            eopctl,disable-hostedcontentfilterrule)
                cmd="eopctl__subcmd__disable__subcmd__hostedcontentfilterrule"
                ;;
            eopctl,disable-hostedoutboundspamfilterrule)
                cmd="eopctl__subcmd__disable__subcmd__hostedoutboundspamfilterrule"
                ;;
            eopctl,disable-inboundconnector)
                cmd="eopctl__subcmd__disable__subcmd__inboundconnector"
                ;;
            eopctl,disable-malwarefilterrule)
                cmd="eopctl__subcmd__disable__subcmd__malwarefilterrule"
                ;;
            eopctl,disable-outboundconnector)
                cmd="eopctl__subcmd__disable__subcmd__outboundconnector"
                ;;
            eopctl,disable-receiveconnector)
                cmd="eopctl__subcmd__disable__subcmd__receiveconnector"
                ;;
            eopctl,disable-sendconnector)
                cmd="eopctl__subcmd__disable__subcmd__sendconnector"
                ;;
            eopctl,disable-smtpauthaccount)
                cmd="eopctl__subcmd__disable__subcmd__smtpauthaccount"
                ;;
            eopctl,disable-transportrule)
                cmd="eopctl__subcmd__disable__subcmd__transportrule"
                ;;
            eopctl,enable-exchangecertificate)
                cmd="eopctl__subcmd__enable__subcmd__exchangecertificate"
                ;;
            eopctl,enable-hostedcontentfilterrule)
                cmd="eopctl__subcmd__enable__subcmd__hostedcontentfilterrule"
                ;;
            eopctl,enable-hostedoutboundspamfilterrule)
                cmd="eopctl__subcmd__enable__subcmd__hostedoutboundspamfilterrule"
                ;;
            eopctl,enable-inboundconnector)
                cmd="eopctl__subcmd__enable__subcmd__inboundconnector"
                ;;
            eopctl,enable-malwarefilterrule)
                cmd="eopctl__subcmd__enable__subcmd__malwarefilterrule"
                ;;
            eopctl,enable-outboundconnector)
                cmd="eopctl__subcmd__enable__subcmd__outboundconnector"
                ;;
            eopctl,enable-receiveconnector)
                cmd="eopctl__subcmd__enable__subcmd__receiveconnector"
                ;;
            eopctl,enable-sendconnector)
                cmd="eopctl__subcmd__enable__subcmd__sendconnector"
                ;;
            eopctl,enable-smtpauthaccount)
                cmd="eopctl__subcmd__enable__subcmd__smtpauthaccount"
                ;;
            eopctl,enable-transportrule)
                cmd="eopctl__subcmd__enable__subcmd__transportrule"
                ;;
            eopctl,generate-all)
                cmd="eopctl__subcmd__generate__subcmd__all"
                ;;
            eopctl,generate-completions)
                cmd="eopctl__subcmd__generate__subcmd__completions"
                ;;
            eopctl,generate-man)
                cmd="eopctl__subcmd__generate__subcmd__man"
                ;;
            eopctl,get-accepteddomain)
                cmd="eopctl__subcmd__get__subcmd__accepteddomain"
                ;;
            eopctl,get-blockedsenderaddress)
                cmd="eopctl__subcmd__get__subcmd__blockedsenderaddress"
                ;;
            eopctl,get-directorysyncprofile)
                cmd="eopctl__subcmd__get__subcmd__directorysyncprofile"
                ;;
            eopctl,get-dkimsigningconfig)
                cmd="eopctl__subcmd__get__subcmd__dkimsigningconfig"
                ;;
            eopctl,get-dnsguidance)
                cmd="eopctl__subcmd__get__subcmd__dnsguidance"
                ;;
            eopctl,get-exchangecertificate)
                cmd="eopctl__subcmd__get__subcmd__exchangecertificate"
                ;;
            eopctl,get-hostedconnectionfilterpolicy)
                cmd="eopctl__subcmd__get__subcmd__hostedconnectionfilterpolicy"
                ;;
            eopctl,get-hostedcontentfilterpolicy)
                cmd="eopctl__subcmd__get__subcmd__hostedcontentfilterpolicy"
                ;;
            eopctl,get-hostedcontentfilterrule)
                cmd="eopctl__subcmd__get__subcmd__hostedcontentfilterrule"
                ;;
            eopctl,get-hostedoutboundspamfilterpolicy)
                cmd="eopctl__subcmd__get__subcmd__hostedoutboundspamfilterpolicy"
                ;;
            eopctl,get-hostedoutboundspamfilterrule)
                cmd="eopctl__subcmd__get__subcmd__hostedoutboundspamfilterrule"
                ;;
            eopctl,get-inboundconnector)
                cmd="eopctl__subcmd__get__subcmd__inboundconnector"
                ;;
            eopctl,get-mailbox)
                cmd="eopctl__subcmd__get__subcmd__mailbox"
                ;;
            eopctl,get-mailflowstatusreport)
                cmd="eopctl__subcmd__get__subcmd__mailflowstatusreport"
                ;;
            eopctl,get-mailtrafficsummaryreport)
                cmd="eopctl__subcmd__get__subcmd__mailtrafficsummaryreport"
                ;;
            eopctl,get-mailuser)
                cmd="eopctl__subcmd__get__subcmd__mailuser"
                ;;
            eopctl,get-malwarefilterpolicy)
                cmd="eopctl__subcmd__get__subcmd__malwarefilterpolicy"
                ;;
            eopctl,get-malwarefilterrule)
                cmd="eopctl__subcmd__get__subcmd__malwarefilterrule"
                ;;
            eopctl,get-messagetrace)
                cmd="eopctl__subcmd__get__subcmd__messagetrace"
                ;;
            eopctl,get-messagetracedetail)
                cmd="eopctl__subcmd__get__subcmd__messagetracedetail"
                ;;
            eopctl,get-organizationconfig)
                cmd="eopctl__subcmd__get__subcmd__organizationconfig"
                ;;
            eopctl,get-outboundconnector)
                cmd="eopctl__subcmd__get__subcmd__outboundconnector"
                ;;
            eopctl,get-quarantinemessage)
                cmd="eopctl__subcmd__get__subcmd__quarantinemessage"
                ;;
            eopctl,get-quarantinepolicy)
                cmd="eopctl__subcmd__get__subcmd__quarantinepolicy"
                ;;
            eopctl,get-queue)
                cmd="eopctl__subcmd__get__subcmd__queue"
                ;;
            eopctl,get-queuemessage)
                cmd="eopctl__subcmd__get__subcmd__queuemessage"
                ;;
            eopctl,get-receiveconnector)
                cmd="eopctl__subcmd__get__subcmd__receiveconnector"
                ;;
            eopctl,get-sendconnector)
                cmd="eopctl__subcmd__get__subcmd__sendconnector"
                ;;
            eopctl,get-smtpauthaccount)
                cmd="eopctl__subcmd__get__subcmd__smtpauthaccount"
                ;;
            eopctl,get-spamfilterstatistics)
                cmd="eopctl__subcmd__get__subcmd__spamfilterstatistics"
                ;;
            eopctl,get-statehistory)
                cmd="eopctl__subcmd__get__subcmd__statehistory"
                ;;
            eopctl,get-tenantallowblocklistitems)
                cmd="eopctl__subcmd__get__subcmd__tenantallowblocklistitems"
                ;;
            eopctl,get-transportrule)
                cmd="eopctl__subcmd__get__subcmd__transportrule"
                ;;
            eopctl,import-exchangecertificate)
                cmd="eopctl__subcmd__import__subcmd__exchangecertificate"
                ;;
            eopctl,import-mailuser)
                cmd="eopctl__subcmd__import__subcmd__mailuser"
                ;;
            eopctl,new-accepteddomain)
                cmd="eopctl__subcmd__new__subcmd__accepteddomain"
                ;;
            eopctl,new-directorysyncprofile)
                cmd="eopctl__subcmd__new__subcmd__directorysyncprofile"
                ;;
            eopctl,new-dkimsigningconfig)
                cmd="eopctl__subcmd__new__subcmd__dkimsigningconfig"
                ;;
            eopctl,new-exchangecertificate)
                cmd="eopctl__subcmd__new__subcmd__exchangecertificate"
                ;;
            eopctl,new-hostedcontentfilterpolicy)
                cmd="eopctl__subcmd__new__subcmd__hostedcontentfilterpolicy"
                ;;
            eopctl,new-hostedcontentfilterrule)
                cmd="eopctl__subcmd__new__subcmd__hostedcontentfilterrule"
                ;;
            eopctl,new-hostedoutboundspamfilterpolicy)
                cmd="eopctl__subcmd__new__subcmd__hostedoutboundspamfilterpolicy"
                ;;
            eopctl,new-hostedoutboundspamfilterrule)
                cmd="eopctl__subcmd__new__subcmd__hostedoutboundspamfilterrule"
                ;;
            eopctl,new-inboundconnector)
                cmd="eopctl__subcmd__new__subcmd__inboundconnector"
                ;;
            eopctl,new-mailbox)
                cmd="eopctl__subcmd__new__subcmd__mailbox"
                ;;
            eopctl,new-mailuser)
                cmd="eopctl__subcmd__new__subcmd__mailuser"
                ;;
            eopctl,new-malwarefilterpolicy)
                cmd="eopctl__subcmd__new__subcmd__malwarefilterpolicy"
                ;;
            eopctl,new-malwarefilterrule)
                cmd="eopctl__subcmd__new__subcmd__malwarefilterrule"
                ;;
            eopctl,new-outboundconnector)
                cmd="eopctl__subcmd__new__subcmd__outboundconnector"
                ;;
            eopctl,new-quarantinepolicy)
                cmd="eopctl__subcmd__new__subcmd__quarantinepolicy"
                ;;
            eopctl,new-receiveconnector)
                cmd="eopctl__subcmd__new__subcmd__receiveconnector"
                ;;
            eopctl,new-sendconnector)
                cmd="eopctl__subcmd__new__subcmd__sendconnector"
                ;;
            eopctl,new-smtpauthaccount)
                cmd="eopctl__subcmd__new__subcmd__smtpauthaccount"
                ;;
            eopctl,new-tenantallowblocklistitems)
                cmd="eopctl__subcmd__new__subcmd__tenantallowblocklistitems"
                ;;
            eopctl,new-transportrule)
                cmd="eopctl__subcmd__new__subcmd__transportrule"
                ;;
            eopctl,preview-quarantinemessage)
                cmd="eopctl__subcmd__preview__subcmd__quarantinemessage"
                ;;
            eopctl,release-quarantinemessage)
                cmd="eopctl__subcmd__release__subcmd__quarantinemessage"
                ;;
            eopctl,remove-accepteddomain)
                cmd="eopctl__subcmd__remove__subcmd__accepteddomain"
                ;;
            eopctl,remove-blockedsenderaddress)
                cmd="eopctl__subcmd__remove__subcmd__blockedsenderaddress"
                ;;
            eopctl,remove-directorysyncprofile)
                cmd="eopctl__subcmd__remove__subcmd__directorysyncprofile"
                ;;
            eopctl,remove-dkimsigningconfig)
                cmd="eopctl__subcmd__remove__subcmd__dkimsigningconfig"
                ;;
            eopctl,remove-exchangecertificate)
                cmd="eopctl__subcmd__remove__subcmd__exchangecertificate"
                ;;
            eopctl,remove-hostedcontentfilterpolicy)
                cmd="eopctl__subcmd__remove__subcmd__hostedcontentfilterpolicy"
                ;;
            eopctl,remove-hostedcontentfilterrule)
                cmd="eopctl__subcmd__remove__subcmd__hostedcontentfilterrule"
                ;;
            eopctl,remove-hostedoutboundspamfilterpolicy)
                cmd="eopctl__subcmd__remove__subcmd__hostedoutboundspamfilterpolicy"
                ;;
            eopctl,remove-hostedoutboundspamfilterrule)
                cmd="eopctl__subcmd__remove__subcmd__hostedoutboundspamfilterrule"
                ;;
            eopctl,remove-inboundconnector)
                cmd="eopctl__subcmd__remove__subcmd__inboundconnector"
                ;;
            eopctl,remove-mailbox)
                cmd="eopctl__subcmd__remove__subcmd__mailbox"
                ;;
            eopctl,remove-mailuser)
                cmd="eopctl__subcmd__remove__subcmd__mailuser"
                ;;
            eopctl,remove-malwarefilterpolicy)
                cmd="eopctl__subcmd__remove__subcmd__malwarefilterpolicy"
                ;;
            eopctl,remove-malwarefilterrule)
                cmd="eopctl__subcmd__remove__subcmd__malwarefilterrule"
                ;;
            eopctl,remove-message)
                cmd="eopctl__subcmd__remove__subcmd__message"
                ;;
            eopctl,remove-outboundconnector)
                cmd="eopctl__subcmd__remove__subcmd__outboundconnector"
                ;;
            eopctl,remove-quarantinepolicy)
                cmd="eopctl__subcmd__remove__subcmd__quarantinepolicy"
                ;;
            eopctl,remove-receiveconnector)
                cmd="eopctl__subcmd__remove__subcmd__receiveconnector"
                ;;
            eopctl,remove-sendconnector)
                cmd="eopctl__subcmd__remove__subcmd__sendconnector"
                ;;
            eopctl,remove-smtpauthaccount)
                cmd="eopctl__subcmd__remove__subcmd__smtpauthaccount"
                ;;
            eopctl,remove-tenantallowblocklistitems)
                cmd="eopctl__subcmd__remove__subcmd__tenantallowblocklistitems"
                ;;
            eopctl,remove-transportrule)
                cmd="eopctl__subcmd__remove__subcmd__transportrule"
                ;;
            eopctl,restore-state)
                cmd="eopctl__subcmd__restore__subcmd__state"
                ;;
            eopctl,resume-message)
                cmd="eopctl__subcmd__resume__subcmd__message"
                ;;
            eopctl,retry-queue)
                cmd="eopctl__subcmd__retry__subcmd__queue"
                ;;
            eopctl,rotate-dkimsigningkey)
                cmd="eopctl__subcmd__rotate__subcmd__dkimsigningkey"
                ;;
            eopctl,serve)
                cmd="eopctl__subcmd__serve"
                ;;
            eopctl,set-accepteddomain)
                cmd="eopctl__subcmd__set__subcmd__accepteddomain"
                ;;
            eopctl,set-directorysyncprofile)
                cmd="eopctl__subcmd__set__subcmd__directorysyncprofile"
                ;;
            eopctl,set-dkimsigningconfig)
                cmd="eopctl__subcmd__set__subcmd__dkimsigningconfig"
                ;;
            eopctl,set-hostedconnectionfilterpolicy)
                cmd="eopctl__subcmd__set__subcmd__hostedconnectionfilterpolicy"
                ;;
            eopctl,set-hostedcontentfilterpolicy)
                cmd="eopctl__subcmd__set__subcmd__hostedcontentfilterpolicy"
                ;;
            eopctl,set-hostedcontentfilterrule)
                cmd="eopctl__subcmd__set__subcmd__hostedcontentfilterrule"
                ;;
            eopctl,set-hostedoutboundspamfilterpolicy)
                cmd="eopctl__subcmd__set__subcmd__hostedoutboundspamfilterpolicy"
                ;;
            eopctl,set-hostedoutboundspamfilterrule)
                cmd="eopctl__subcmd__set__subcmd__hostedoutboundspamfilterrule"
                ;;
            eopctl,set-inboundconnector)
                cmd="eopctl__subcmd__set__subcmd__inboundconnector"
                ;;
            eopctl,set-mailbox)
                cmd="eopctl__subcmd__set__subcmd__mailbox"
                ;;
            eopctl,set-mailuser)
                cmd="eopctl__subcmd__set__subcmd__mailuser"
                ;;
            eopctl,set-malwarefilterpolicy)
                cmd="eopctl__subcmd__set__subcmd__malwarefilterpolicy"
                ;;
            eopctl,set-malwarefilterrule)
                cmd="eopctl__subcmd__set__subcmd__malwarefilterrule"
                ;;
            eopctl,set-organizationconfig)
                cmd="eopctl__subcmd__set__subcmd__organizationconfig"
                ;;
            eopctl,set-outboundconnector)
                cmd="eopctl__subcmd__set__subcmd__outboundconnector"
                ;;
            eopctl,set-quarantinepolicy)
                cmd="eopctl__subcmd__set__subcmd__quarantinepolicy"
                ;;
            eopctl,set-receiveconnector)
                cmd="eopctl__subcmd__set__subcmd__receiveconnector"
                ;;
            eopctl,set-sendconnector)
                cmd="eopctl__subcmd__set__subcmd__sendconnector"
                ;;
            eopctl,set-smtpauthaccount)
                cmd="eopctl__subcmd__set__subcmd__smtpauthaccount"
                ;;
            eopctl,set-tenantallowblocklistitems)
                cmd="eopctl__subcmd__set__subcmd__tenantallowblocklistitems"
                ;;
            eopctl,set-transportrule)
                cmd="eopctl__subcmd__set__subcmd__transportrule"
                ;;
            eopctl,start-directorysync)
                cmd="eopctl__subcmd__start__subcmd__directorysync"
                ;;
            eopctl,start-hybridwizard)
                cmd="eopctl__subcmd__start__subcmd__hybridwizard"
                ;;
            eopctl,suspend-message)
                cmd="eopctl__subcmd__suspend__subcmd__message"
                ;;
            eopctl,test-configuration)
                cmd="eopctl__subcmd__test__subcmd__configuration"
                ;;
            eopctl,test-dnsrecords)
                cmd="eopctl__subcmd__test__subcmd__dnsrecords"
                ;;
            eopctl,test-mailflow)
                cmd="eopctl__subcmd__test__subcmd__mailflow"
                ;;
            eopctl,test-messageroute)
                cmd="eopctl__subcmd__test__subcmd__messageroute"
                ;;
            eopctl,train-spamfilter)
                cmd="eopctl__subcmd__train__subcmd__spamfilter"
                ;;
            eopctl,validate-inboundconnector)
                cmd="eopctl__subcmd__validate__subcmd__inboundconnector"
                ;;
            eopctl,validate-outboundconnector)
                cmd="eopctl__subcmd__validate__subcmd__outboundconnector"
                ;;
            *)
                ;;
        esac
    done

    case "${cmd}" in
        eopctl)
            opts="-o -h -V --state --data-dir --output --from-json --help --version get-accepteddomain new-accepteddomain set-accepteddomain remove-accepteddomain get-mailbox new-mailbox set-mailbox remove-mailbox get-mailuser new-mailuser set-mailuser remove-mailuser import-mailuser get-inboundconnector new-inboundconnector set-inboundconnector remove-inboundconnector enable-inboundconnector disable-inboundconnector get-outboundconnector new-outboundconnector set-outboundconnector remove-outboundconnector enable-outboundconnector disable-outboundconnector validate-outboundconnector validate-inboundconnector get-receiveconnector new-receiveconnector set-receiveconnector remove-receiveconnector enable-receiveconnector disable-receiveconnector get-sendconnector new-sendconnector set-sendconnector remove-sendconnector enable-sendconnector disable-sendconnector get-smtpauthaccount new-smtpauthaccount set-smtpauthaccount remove-smtpauthaccount enable-smtpauthaccount disable-smtpauthaccount get-exchangecertificate new-exchangecertificate import-exchangecertificate remove-exchangecertificate enable-exchangecertificate get-dkimsigningconfig new-dkimsigningconfig set-dkimsigningconfig rotate-dkimsigningkey remove-dkimsigningconfig get-directorysyncprofile new-directorysyncprofile set-directorysyncprofile remove-directorysyncprofile start-directorysync get-hostedconnectionfilterpolicy set-hostedconnectionfilterpolicy get-hostedcontentfilterpolicy new-hostedcontentfilterpolicy set-hostedcontentfilterpolicy remove-hostedcontentfilterpolicy get-hostedcontentfilterrule new-hostedcontentfilterrule set-hostedcontentfilterrule remove-hostedcontentfilterrule enable-hostedcontentfilterrule disable-hostedcontentfilterrule get-hostedoutboundspamfilterpolicy new-hostedoutboundspamfilterpolicy set-hostedoutboundspamfilterpolicy remove-hostedoutboundspamfilterpolicy get-hostedoutboundspamfilterrule new-hostedoutboundspamfilterrule set-hostedoutboundspamfilterrule remove-hostedoutboundspamfilterrule enable-hostedoutboundspamfilterrule disable-hostedoutboundspamfilterrule get-malwarefilterpolicy new-malwarefilterpolicy set-malwarefilterpolicy remove-malwarefilterpolicy get-malwarefilterrule new-malwarefilterrule set-malwarefilterrule remove-malwarefilterrule enable-malwarefilterrule disable-malwarefilterrule get-quarantinemessage preview-quarantinemessage release-quarantinemessage delete-quarantinemessage get-quarantinepolicy new-quarantinepolicy set-quarantinepolicy remove-quarantinepolicy train-spamfilter get-spamfilterstatistics get-tenantallowblocklistitems new-tenantallowblocklistitems set-tenantallowblocklistitems remove-tenantallowblocklistitems get-blockedsenderaddress remove-blockedsenderaddress get-transportrule new-transportrule set-transportrule remove-transportrule enable-transportrule disable-transportrule get-statehistory compare-state restore-state test-messageroute test-mailflow test-configuration get-organizationconfig set-organizationconfig get-dnsguidance test-dnsrecords start-hybridwizard get-messagetrace get-messagetracedetail get-mailflowstatusreport get-mailtrafficsummaryreport get-queue get-queuemessage retry-queue suspend-message resume-message remove-message generate-all generate-completions generate-man serve"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 1 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --state)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --data-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                --from-json)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        eopctl__subcmd__compare__subcmd__state)
            opts="-o -h --revision --to-revision --state --data-dir --output --from-json --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --revision)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --to-revision)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --state)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --data-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                --from-json)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        eopctl__subcmd__delete__subcmd__quarantinemessage)
            opts="-y -o -h --identity --what-if --confirm --yes --pass-thru --state --data-dir --output --from-json --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --identity)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --confirm)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --state)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --data-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                --from-json)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        eopctl__subcmd__disable__subcmd__hostedcontentfilterrule)
            opts="-y -o -h --identity --what-if --confirm --yes --pass-thru --state --data-dir --output --from-json --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --identity)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --confirm)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --state)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --data-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                --from-json)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        eopctl__subcmd__disable__subcmd__hostedoutboundspamfilterrule)
            opts="-y -o -h --identity --what-if --confirm --yes --pass-thru --state --data-dir --output --from-json --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --identity)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --confirm)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --state)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --data-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                --from-json)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        eopctl__subcmd__disable__subcmd__inboundconnector)
            opts="-y -o -h --identity --what-if --confirm --yes --pass-thru --state --data-dir --output --from-json --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --identity)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --confirm)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --state)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --data-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                --from-json)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        eopctl__subcmd__disable__subcmd__malwarefilterrule)
            opts="-y -o -h --identity --what-if --confirm --yes --pass-thru --state --data-dir --output --from-json --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --identity)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --confirm)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --state)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --data-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                --from-json)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        eopctl__subcmd__disable__subcmd__outboundconnector)
            opts="-y -o -h --identity --what-if --confirm --yes --pass-thru --state --data-dir --output --from-json --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --identity)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --confirm)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --state)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --data-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                --from-json)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        eopctl__subcmd__disable__subcmd__receiveconnector)
            opts="-y -o -h --identity --what-if --confirm --yes --pass-thru --state --data-dir --output --from-json --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --identity)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --confirm)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --state)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --data-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                --from-json)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        eopctl__subcmd__disable__subcmd__sendconnector)
            opts="-y -o -h --identity --what-if --confirm --yes --pass-thru --state --data-dir --output --from-json --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --identity)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --confirm)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --state)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --data-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                --from-json)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        eopctl__subcmd__disable__subcmd__smtpauthaccount)
            opts="-y -o -h --identity --what-if --confirm --yes --pass-thru --state --data-dir --output --from-json --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --identity)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --confirm)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --state)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --data-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                --from-json)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        eopctl__subcmd__disable__subcmd__transportrule)
            opts="-y -o -h --identity --what-if --confirm --yes --pass-thru --state --data-dir --output --from-json --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --identity)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --confirm)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --state)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --data-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                --from-json)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        eopctl__subcmd__enable__subcmd__exchangecertificate)
            opts="-y -o -h --identity --thumbprint --services --what-if --confirm --yes --pass-thru --state --data-dir --output --from-json --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --identity)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --thumbprint)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --services)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --confirm)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --state)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --data-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                --from-json)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        eopctl__subcmd__enable__subcmd__hostedcontentfilterrule)
            opts="-y -o -h --identity --what-if --confirm --yes --pass-thru --state --data-dir --output --from-json --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --identity)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --confirm)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --state)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --data-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                --from-json)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        eopctl__subcmd__enable__subcmd__hostedoutboundspamfilterrule)
            opts="-y -o -h --identity --what-if --confirm --yes --pass-thru --state --data-dir --output --from-json --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --identity)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --confirm)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --state)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --data-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                --from-json)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        eopctl__subcmd__enable__subcmd__inboundconnector)
            opts="-y -o -h --identity --what-if --confirm --yes --pass-thru --state --data-dir --output --from-json --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --identity)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --confirm)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --state)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --data-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                --from-json)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        eopctl__subcmd__enable__subcmd__malwarefilterrule)
            opts="-y -o -h --identity --what-if --confirm --yes --pass-thru --state --data-dir --output --from-json --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --identity)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --confirm)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --state)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --data-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                --from-json)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        eopctl__subcmd__enable__subcmd__outboundconnector)
            opts="-y -o -h --identity --what-if --confirm --yes --pass-thru --state --data-dir --output --from-json --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --identity)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --confirm)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --state)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --data-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                --from-json)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        eopctl__subcmd__enable__subcmd__receiveconnector)
            opts="-y -o -h --identity --what-if --confirm --yes --pass-thru --state --data-dir --output --from-json --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --identity)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --confirm)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --state)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --data-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                --from-json)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        eopctl__subcmd__enable__subcmd__sendconnector)
            opts="-y -o -h --identity --what-if --confirm --yes --pass-thru --state --data-dir --output --from-json --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --identity)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --confirm)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --state)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --data-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                --from-json)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        eopctl__subcmd__enable__subcmd__smtpauthaccount)
            opts="-y -o -h --identity --what-if --confirm --yes --pass-thru --state --data-dir --output --from-json --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --identity)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --confirm)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --state)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --data-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                --from-json)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        eopctl__subcmd__enable__subcmd__transportrule)
            opts="-y -o -h --identity --what-if --confirm --yes --pass-thru --mode --state --data-dir --output --from-json --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --identity)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --confirm)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --mode)
                    COMPREPLY=($(compgen -W "Enforce Audit AuditAndNotify" -- "${cur}"))
                    return 0
                    ;;
                --state)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --data-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                --from-json)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        eopctl__subcmd__generate__subcmd__all)
            opts="-o -h --dir --state --data-dir --output --from-json --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --state)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --data-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                --from-json)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        eopctl__subcmd__generate__subcmd__completions)
            opts="-o -h --dir --state --data-dir --output --from-json --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --state)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --data-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                --from-json)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        eopctl__subcmd__generate__subcmd__man)
            opts="-o -h --dir --state --data-dir --output --from-json --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --state)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --data-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                --from-json)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        eopctl__subcmd__get__subcmd__accepteddomain)
            opts="-o -h --identity --state --data-dir --output --from-json --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --identity)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --state)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --data-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                --from-json)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        eopctl__subcmd__get__subcmd__blockedsenderaddress)
            opts="-o -h --sender-address --state --data-dir --output --from-json --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --sender-address)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --state)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --data-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                --from-json)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        eopctl__subcmd__get__subcmd__directorysyncprofile)
            opts="-o -h --identity --state --data-dir --output --from-json --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --identity)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --state)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --data-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                --from-json)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        eopctl__subcmd__get__subcmd__dkimsigningconfig)
            opts="-o -h --identity --state --data-dir --output --from-json --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --identity)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --state)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --data-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                --from-json)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        eopctl__subcmd__get__subcmd__dnsguidance)
            opts="-o -h --domain-name --state --data-dir --output --from-json --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --domain-name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --state)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --data-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                --from-json)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        eopctl__subcmd__get__subcmd__exchangecertificate)
            opts="-o -h --identity --thumbprint --domain-name --state --data-dir --output --from-json --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --identity)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --thumbprint)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --domain-name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --state)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --data-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                --from-json)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        eopctl__subcmd__get__subcmd__hostedconnectionfilterpolicy)
            opts="-o -h --identity --state --data-dir --output --from-json --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --identity)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --state)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --data-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                --from-json)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        eopctl__subcmd__get__subcmd__hostedcontentfilterpolicy)
            opts="-o -h --identity --state --data-dir --output --from-json --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --identity)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --state)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --data-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                --from-json)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        eopctl__subcmd__get__subcmd__hostedcontentfilterrule)
            opts="-o -h --identity --state --data-dir --output --from-json --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --identity)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --state)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --data-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                --from-json)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        eopctl__subcmd__get__subcmd__hostedoutboundspamfilterpolicy)
            opts="-o -h --identity --state --data-dir --output --from-json --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --identity)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --state)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --data-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                --from-json)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        eopctl__subcmd__get__subcmd__hostedoutboundspamfilterrule)
            opts="-o -h --identity --state --data-dir --output --from-json --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --identity)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --state)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --data-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                --from-json)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        eopctl__subcmd__get__subcmd__inboundconnector)
            opts="-o -h --identity --state --data-dir --output --from-json --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --identity)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --state)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --data-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                --from-json)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        eopctl__subcmd__get__subcmd__mailbox)
            opts="-o -h --identity --filter --state --data-dir --output --from-json --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --identity)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --filter)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --state)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --data-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                --from-json)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        eopctl__subcmd__get__subcmd__mailflowstatusreport)
            opts="-o -h --start-date --end-date --direction --event-type --aggregate-by --page-size --page --state --data-dir --output --from-json --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --start-date)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --end-date)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --direction)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --event-type)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --aggregate-by)
                    COMPREPLY=($(compgen -W "hour day summary" -- "${cur}"))
                    return 0
                    ;;
                --page-size)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --page)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --state)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --data-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                --from-json)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        eopctl__subcmd__get__subcmd__mailtrafficsummaryreport)
            opts="-o -h --category --start-date --end-date --page-size --page --state --data-dir --output --from-json --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --category)
                    COMPREPLY=($(compgen -W "TopMailSender TopMailRecipient TopSpamRecipient TopMalwareRecipient TopSpamSender TopSpamSenderDomain TopSpamSourceIP" -- "${cur}"))
                    return 0
                    ;;
                --start-date)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --end-date)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --page-size)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --page)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --state)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --data-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                --from-json)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        eopctl__subcmd__get__subcmd__mailuser)
            opts="-o -h --identity --filter --state --data-dir --output --from-json --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --identity)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --filter)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --state)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --data-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                --from-json)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        eopctl__subcmd__get__subcmd__malwarefilterpolicy)
            opts="-o -h --identity --state --data-dir --output --from-json --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --identity)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --state)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --data-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                --from-json)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        eopctl__subcmd__get__subcmd__malwarefilterrule)
            opts="-o -h --identity --state --data-dir --output --from-json --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --identity)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --state)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --data-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                --from-json)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        eopctl__subcmd__get__subcmd__messagetrace)
            opts="-o -h --sender-address --recipient-address --start-date --end-date --status --message-id --from-ip --to-ip --page-size --page --state --data-dir --output --from-json --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --sender-address)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --recipient-address)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --start-date)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --end-date)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --status)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --message-id)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --from-ip)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --to-ip)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --page-size)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --page)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --state)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --data-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                --from-json)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        eopctl__subcmd__get__subcmd__messagetracedetail)
            opts="-o -h --message-trace-id --recipient-address --state --data-dir --output --from-json --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --message-trace-id)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --recipient-address)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --state)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --data-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                --from-json)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        eopctl__subcmd__get__subcmd__organizationconfig)
            opts="-o -h --state --data-dir --output --from-json --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --state)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --data-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                --from-json)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        eopctl__subcmd__get__subcmd__outboundconnector)
            opts="-o -h --identity --state --data-dir --output --from-json --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --identity)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --state)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --data-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                --from-json)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        eopctl__subcmd__get__subcmd__quarantinemessage)
            opts="-o -h --identity --quarantine-types --sender-address --recipient-address --start-received-date --end-received-date --message-id --direction --type --release-status --page-size --page --state --data-dir --output --from-json --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --identity)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --quarantine-types)
                    COMPREPLY=($(compgen -W "Spam HighConfidenceSpam Phish HighConfidencePhish Bulk Malware TransportRule" -- "${cur}"))
                    return 0
                    ;;
                --sender-address)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --recipient-address)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --start-received-date)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --end-received-date)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --message-id)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --direction)
                    COMPREPLY=($(compgen -W "Inbound Outbound" -- "${cur}"))
                    return 0
                    ;;
                --type)
                    COMPREPLY=($(compgen -W "Spam HighConfidenceSpam Phish HighConfidencePhish Bulk Malware TransportRule" -- "${cur}"))
                    return 0
                    ;;
                --release-status)
                    COMPREPLY=($(compgen -W "NotReleased Requested PartiallyReleased Released" -- "${cur}"))
                    return 0
                    ;;
                --page-size)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --page)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --state)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --data-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                --from-json)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        eopctl__subcmd__get__subcmd__quarantinepolicy)
            opts="-o -h --identity --quarantine-policy-type --state --data-dir --output --from-json --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --identity)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --quarantine-policy-type)
                    COMPREPLY=($(compgen -W "QuarantinePolicy GlobalQuarantinePolicy" -- "${cur}"))
                    return 0
                    ;;
                --state)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --data-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                --from-json)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        eopctl__subcmd__get__subcmd__queue)
            opts="-o -h --identity --filter --state --data-dir --output --from-json --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --identity)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --filter)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --state)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --data-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                --from-json)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        eopctl__subcmd__get__subcmd__queuemessage)
            opts="-o -h --queue --identity --filter --state --data-dir --output --from-json --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --queue)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --identity)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --filter)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --state)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --data-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                --from-json)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        eopctl__subcmd__get__subcmd__receiveconnector)
            opts="-o -h --identity --state --data-dir --output --from-json --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --identity)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --state)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --data-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                --from-json)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        eopctl__subcmd__get__subcmd__sendconnector)
            opts="-o -h --identity --state --data-dir --output --from-json --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --identity)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --state)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --data-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                --from-json)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        eopctl__subcmd__get__subcmd__smtpauthaccount)
            opts="-o -h --identity --state --data-dir --output --from-json --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --identity)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --state)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --data-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                --from-json)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        eopctl__subcmd__get__subcmd__spamfilterstatistics)
            opts="-o -h --state --data-dir --output --from-json --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --state)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --data-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                --from-json)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        eopctl__subcmd__get__subcmd__statehistory)
            opts="-o -h --newest --state --data-dir --output --from-json --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --newest)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --state)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --data-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                --from-json)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        eopctl__subcmd__get__subcmd__tenantallowblocklistitems)
            opts="-o -h --list-type --entry --allow --block --expiration-date --no-expiration --expired --state --data-dir --output --from-json --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --list-type)
                    COMPREPLY=($(compgen -W "Sender Url FileHash IP" -- "${cur}"))
                    return 0
                    ;;
                --entry)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --expiration-date)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --state)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --data-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                --from-json)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        eopctl__subcmd__get__subcmd__transportrule)
            opts="-o -h --identity --state --data-dir --output --from-json --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --identity)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --state)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --data-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                --from-json)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        eopctl__subcmd__import__subcmd__exchangecertificate)
            opts="-y -o -h --path --file-data --key-path --trusted --what-if --confirm --yes --pass-thru --state --data-dir --output --from-json --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --path)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --file-data)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --key-path)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --trusted)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --confirm)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --state)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --data-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                --from-json)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        eopctl__subcmd__import__subcmd__mailuser)
            opts="-y -o -h --csv-path --what-if --confirm --yes --pass-thru --state --data-dir --output --from-json --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --csv-path)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --confirm)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --state)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --data-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                --from-json)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        eopctl__subcmd__new__subcmd__accepteddomain)
            opts="-y -o -h --name --domain-name --domain-type --match-sub-domains --what-if --confirm --yes --pass-thru --state --data-dir --output --from-json --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --domain-name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --domain-type)
                    COMPREPLY=($(compgen -W "Authoritative InternalRelay" -- "${cur}"))
                    return 0
                    ;;
                --match-sub-domains)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --confirm)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --state)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --data-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                --from-json)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        eopctl__subcmd__new__subcmd__directorysyncprofile)
            opts="-y -o -h --name --ldap-url --start-tls --bind-dn --base-dn --filter --address-attributes --sync-interval-minutes --enabled --bind-password --what-if --confirm --yes --pass-thru --state --data-dir --output --from-json --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --ldap-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --start-tls)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --bind-dn)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --base-dn)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --filter)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --address-attributes)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --sync-interval-minutes)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --enabled)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --confirm)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --state)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --data-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                --from-json)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        eopctl__subcmd__new__subcmd__dkimsigningconfig)
            opts="-y -o -h --domain-name --enabled --key-size --key-type --what-if --confirm --yes --pass-thru --state --data-dir --output --from-json --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --domain-name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --enabled)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --key-size)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --key-type)
                    COMPREPLY=($(compgen -W "rsa ed25519" -- "${cur}"))
                    return 0
                    ;;
                --confirm)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --state)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --data-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                --from-json)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        eopctl__subcmd__new__subcmd__exchangecertificate)
            opts="-y -o -h --subject-name --domain-name --valid-days --generate-request --request-file --what-if --confirm --yes --pass-thru --state --data-dir --output --from-json --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --subject-name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --domain-name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --valid-days)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --request-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --confirm)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --state)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --data-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                --from-json)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        eopctl__subcmd__new__subcmd__hostedcontentfilterpolicy)
            opts="-y -o -h --name --spam-action --high-confidence-spam-action --phish-spam-action --bulk-spam-action --bulk-threshold --add-x-header-value --modify-subject-value --redirect-to-recipients --allowed-senders --allowed-sender-domains --blocked-senders --blocked-sender-domains --mark-as-spam-empty-messages --mark-as-spam-from-address-auth-fail --mark-as-spam-ndr-backscatter --mark-as-spam-spf-record-hard-fail --mark-as-spam-bulk-mail --quarantine-retention-period --spam-quarantine-tag --high-confidence-spam-quarantine-tag --phish-quarantine-tag --bulk-quarantine-tag --high-confidence-phish-quarantine-tag --spam-scanner --spam-scanner-url --what-if --confirm --yes --pass-thru --state --data-dir --output --from-json --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --spam-action)
                    COMPREPLY=($(compgen -W "MoveToJmf AddXHeader ModifySubject Redirect Delete Quarantine" -- "${cur}"))
                    return 0
                    ;;
                --high-confidence-spam-action)
                    COMPREPLY=($(compgen -W "MoveToJmf AddXHeader ModifySubject Redirect Delete Quarantine" -- "${cur}"))
                    return 0
                    ;;
                --phish-spam-action)
                    COMPREPLY=($(compgen -W "MoveToJmf AddXHeader ModifySubject Redirect Delete Quarantine" -- "${cur}"))
                    return 0
                    ;;
                --bulk-spam-action)
                    COMPREPLY=($(compgen -W "MoveToJmf AddXHeader ModifySubject Redirect Delete Quarantine" -- "${cur}"))
                    return 0
                    ;;
                --bulk-threshold)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --add-x-header-value)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --modify-subject-value)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --redirect-to-recipients)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --allowed-senders)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --allowed-sender-domains)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --blocked-senders)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --blocked-sender-domains)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --mark-as-spam-empty-messages)
                    COMPREPLY=($(compgen -W "Off On Test" -- "${cur}"))
                    return 0
                    ;;
                --mark-as-spam-from-address-auth-fail)
                    COMPREPLY=($(compgen -W "Off On Test" -- "${cur}"))
                    return 0
                    ;;
                --mark-as-spam-ndr-backscatter)
                    COMPREPLY=($(compgen -W "Off On Test" -- "${cur}"))
                    return 0
                    ;;
                --mark-as-spam-spf-record-hard-fail)
                    COMPREPLY=($(compgen -W "Off On Test" -- "${cur}"))
                    return 0
                    ;;
                --mark-as-spam-bulk-mail)
                    COMPREPLY=($(compgen -W "Off On Test" -- "${cur}"))
                    return 0
                    ;;
                --quarantine-retention-period)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --spam-quarantine-tag)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --high-confidence-spam-quarantine-tag)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --phish-quarantine-tag)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --bulk-quarantine-tag)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --high-confidence-phish-quarantine-tag)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --spam-scanner)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --spam-scanner-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --confirm)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --state)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --data-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                --from-json)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        eopctl__subcmd__new__subcmd__hostedcontentfilterrule)
            opts="-y -o -h --name --hosted-content-filter-policy --priority --sent-to --sent-to-member-of --recipient-domain-is --except-if-sent-to --except-if-sent-to-member-of --except-if-recipient-domain-is --comments --enabled --what-if --confirm --yes --pass-thru --state --data-dir --output --from-json --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --hosted-content-filter-policy)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --priority)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --sent-to)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --sent-to-member-of)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --recipient-domain-is)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --except-if-sent-to)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --except-if-sent-to-member-of)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --except-if-recipient-domain-is)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --comments)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --enabled)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --confirm)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --state)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --data-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                --from-json)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        eopctl__subcmd__new__subcmd__hostedoutboundspamfilterpolicy)
            opts="-y -o -h --name --recipient-limit-external-per-hour --recipient-limit-internal-per-hour --recipient-limit-per-day --action-when-threshold-reached --notify-outbound-spam --notify-outbound-spam-recipients --bcc-suspicious-outbound-mail --bcc-suspicious-outbound-additional-recipients --auto-forwarding-mode --admin-display-name --what-if --confirm --yes --pass-thru --state --data-dir --output --from-json --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --recipient-limit-external-per-hour)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --recipient-limit-internal-per-hour)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --recipient-limit-per-day)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --action-when-threshold-reached)
                    COMPREPLY=($(compgen -W "BlockUserForToday BlockUser Alert" -- "${cur}"))
                    return 0
                    ;;
                --notify-outbound-spam)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --notify-outbound-spam-recipients)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --bcc-suspicious-outbound-mail)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --bcc-suspicious-outbound-additional-recipients)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --auto-forwarding-mode)
                    COMPREPLY=($(compgen -W "Automatic On Off" -- "${cur}"))
                    return 0
                    ;;
                --admin-display-name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --confirm)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --state)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --data-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                --from-json)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        eopctl__subcmd__new__subcmd__hostedoutboundspamfilterrule)
            opts="-y -o -h --name --hosted-outbound-spam-filter-policy --priority --from --from-member-of --sender-domain-is --except-if-from --except-if-from-member-of --except-if-sender-domain-is --comments --enabled --what-if --confirm --yes --pass-thru --state --data-dir --output --from-json --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --hosted-outbound-spam-filter-policy)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --priority)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --from)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --from-member-of)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --sender-domain-is)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --except-if-from)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --except-if-from-member-of)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --except-if-sender-domain-is)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --comments)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --enabled)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --confirm)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --state)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --data-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                --from-json)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        eopctl__subcmd__new__subcmd__inboundconnector)
            opts="-y -o -h --name --connector-type --enabled --sender-ip-addresses --sender-domains --require-tls --tls-sender-certificate-name --restrict-domains-to-ip-addresses --restrict-domains-to-certificate --cloud-services-mail-enabled --ef-skip-ips --ef-skip-last-ip --associated-accepted-domains --comment --force --what-if --confirm --yes --pass-thru --state --data-dir --output --from-json --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --connector-type)
                    COMPREPLY=($(compgen -W "OnPremises Partner" -- "${cur}"))
                    return 0
                    ;;
                --enabled)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --sender-ip-addresses)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --sender-domains)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --require-tls)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --tls-sender-certificate-name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --restrict-domains-to-ip-addresses)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --restrict-domains-to-certificate)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cloud-services-mail-enabled)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --ef-skip-ips)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --ef-skip-last-ip)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --associated-accepted-domains)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --comment)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --confirm)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --state)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --data-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                --from-json)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        eopctl__subcmd__new__subcmd__mailbox)
            opts="-y -o -h --name --display-name --primary-smtp-address --email-addresses --password --what-if --confirm --yes --pass-thru --state --data-dir --output --from-json --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --display-name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --primary-smtp-address)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --email-addresses)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --confirm)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --state)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --data-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                --from-json)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        eopctl__subcmd__new__subcmd__mailuser)
            opts="-y -o -h --name --primary-smtp-address --external-email-address --display-name --email-addresses --what-if --confirm --yes --pass-thru --state --data-dir --output --from-json --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --primary-smtp-address)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --external-email-address)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --display-name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --email-addresses)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --confirm)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --state)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --data-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                --from-json)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        eopctl__subcmd__new__subcmd__malwarefilterpolicy)
            opts="-y -o -h --name --enable-file-filter --file-types --file-type-action --action --clam-av-server --quarantine-tag --what-if --confirm --yes --pass-thru --state --data-dir --output --from-json --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --enable-file-filter)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --file-types)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --file-type-action)
                    COMPREPLY=($(compgen -W "Reject Quarantine" -- "${cur}"))
                    return 0
                    ;;
                --action)
                    COMPREPLY=($(compgen -W "Reject Quarantine" -- "${cur}"))
                    return 0
                    ;;
                --clam-av-server)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --quarantine-tag)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --confirm)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --state)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --data-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                --from-json)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        eopctl__subcmd__new__subcmd__malwarefilterrule)
            opts="-y -o -h --name --malware-filter-policy --priority --sent-to --sent-to-member-of --recipient-domain-is --except-if-sent-to --except-if-sent-to-member-of --except-if-recipient-domain-is --comments --enabled --what-if --confirm --yes --pass-thru --state --data-dir --output --from-json --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --malware-filter-policy)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --priority)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --sent-to)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --sent-to-member-of)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --recipient-domain-is)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --except-if-sent-to)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --except-if-sent-to-member-of)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --except-if-recipient-domain-is)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --comments)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --enabled)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --confirm)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --state)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --data-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                --from-json)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        eopctl__subcmd__new__subcmd__outboundconnector)
            opts="-y -o -h --name --connector-type --enabled --smart-hosts --use-mx-record --recipient-domains --all-accepted-domains --tls-settings --tls-domain --is-transport-rule-scoped --route-all-messages-via-on-premises --cloud-services-mail-enabled --tls-certificate-name --comment --what-if --confirm --yes --pass-thru --state --data-dir --output --from-json --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --connector-type)
                    COMPREPLY=($(compgen -W "OnPremises Partner" -- "${cur}"))
                    return 0
                    ;;
                --enabled)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --smart-hosts)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --use-mx-record)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --recipient-domains)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --all-accepted-domains)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --tls-settings)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --tls-domain)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --is-transport-rule-scoped)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --route-all-messages-via-on-premises)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cloud-services-mail-enabled)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --tls-certificate-name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --comment)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --confirm)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --state)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --data-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                --from-json)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        eopctl__subcmd__new__subcmd__quarantinepolicy)
            opts="-y -o -h --name --admin-display-name --end-user-quarantine-permissions-value --permission-to-preview --permission-to-release --permission-to-request-release --permission-to-block-sender --permission-to-delete --esn-enabled --end-user-spam-notification-frequency --multi-language-setting --multi-language-sender-name --multi-language-custom-disclaimer --esn-custom-subject --end-user-spam-notification-custom-from-address --what-if --confirm --yes --pass-thru --state --data-dir --output --from-json --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --admin-display-name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --end-user-quarantine-permissions-value)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --permission-to-preview)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --permission-to-release)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --permission-to-request-release)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --permission-to-block-sender)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --permission-to-delete)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --esn-enabled)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --end-user-spam-notification-frequency)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --multi-language-setting)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --multi-language-sender-name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --multi-language-custom-disclaimer)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --esn-custom-subject)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --end-user-spam-notification-custom-from-address)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --confirm)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --state)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --data-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                --from-json)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        eopctl__subcmd__new__subcmd__receiveconnector)
            opts="-y -o -h --name --enabled --bindings --remote-ip-ranges --fqdn --banner --tls-certificate-name --require-tls --auth-mechanism --permission-groups --implicit-tls --connection-timeout --connection-inactivity-timeout --max-message-size --max-recipients-per-message --max-inbound-connection --max-inbound-connection-per-source --max-protocol-errors --comment --what-if --confirm --yes --pass-thru --usage --client --custom --internal --internet --partner --state --data-dir --output --from-json --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --enabled)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --bindings)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --remote-ip-ranges)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --fqdn)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --banner)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --tls-certificate-name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --require-tls)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --auth-mechanism)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --permission-groups)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --implicit-tls)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --connection-timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --connection-inactivity-timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --max-message-size)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --max-recipients-per-message)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --max-inbound-connection)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --max-inbound-connection-per-source)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --max-protocol-errors)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --comment)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --confirm)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --usage)
                    COMPREPLY=($(compgen -W "Client Custom Internal Internet Partner" -- "${cur}"))
                    return 0
                    ;;
                --state)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --data-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                --from-json)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        eopctl__subcmd__new__subcmd__sendconnector)
            opts="-y -o -h --name --enabled --address-spaces --smart-hosts --fqdn --require-tls --tls-auth-level --tls-domain --tls-certificate-name --cloud-services-mail-enabled --max-messages-per-connection --max-message-size --connection-inactivity-timeout --dns-routing-enabled --comment --what-if --confirm --yes --pass-thru --usage --custom --internal --internet --partner --state --data-dir --output --from-json --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --enabled)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --address-spaces)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --smart-hosts)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --fqdn)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --require-tls)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --tls-auth-level)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --tls-domain)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --tls-certificate-name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cloud-services-mail-enabled)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --max-messages-per-connection)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --max-message-size)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --connection-inactivity-timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --dns-routing-enabled)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --comment)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --confirm)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --usage)
                    COMPREPLY=($(compgen -W "Custom Internal Internet Partner" -- "${cur}"))
                    return 0
                    ;;
                --state)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --data-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                --from-json)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        eopctl__subcmd__new__subcmd__smtpauthaccount)
            opts="-y -o -h --name --enabled --allowed-sender-addresses --password --comment --what-if --confirm --yes --pass-thru --state --data-dir --output --from-json --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --enabled)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --allowed-sender-addresses)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --comment)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --confirm)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --state)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --data-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                --from-json)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        eopctl__subcmd__new__subcmd__tenantallowblocklistitems)
            opts="-y -o -h --list-type --entries --allow --block --expiration-date --no-expiration --remove-after --notes --what-if --confirm --yes --pass-thru --state --data-dir --output --from-json --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --list-type)
                    COMPREPLY=($(compgen -W "Sender Url FileHash IP" -- "${cur}"))
                    return 0
                    ;;
                --entries)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --expiration-date)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --remove-after)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --notes)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --confirm)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --state)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --data-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                --from-json)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        eopctl__subcmd__new__subcmd__transportrule)
            opts="-y -o -h --name --priority --enabled --mode --activation-date --expiry-date --comments --from --from-address-contains-words --from-address-matches-patterns --sender-domain-is --from-scope --sent-to --sent-to-scope --recipient-domain-is --recipient-address-contains-words --subject-contains-words --subject-or-body-contains-words --subject-matches-patterns --header-contains-message-header --header-contains-words --header-matches-message-header --header-matches-patterns --attachment-name-matches-patterns --attachment-extension-matches-words --attachment-size-over --message-size-over --sender-ip-ranges --scl-over --except-if-from --except-if-from-address-contains-words --except-if-from-address-matches-patterns --except-if-sender-domain-is --except-if-from-scope --except-if-sent-to --except-if-sent-to-scope --except-if-recipient-domain-is --except-if-recipient-address-contains-words --except-if-subject-contains-words --except-if-subject-or-body-contains-words --except-if-subject-matches-patterns --except-if-header-contains-message-header --except-if-header-contains-words --except-if-header-matches-message-header --except-if-header-matches-patterns --except-if-attachment-name-matches-patterns --except-if-attachment-extension-matches-words --except-if-attachment-size-over --except-if-message-size-over --except-if-sender-ip-ranges --except-if-scl-over --route-message-outbound-connector --set-scl --set-header-name --set-header-value --remove-header --prepend-subject --apply-html-disclaimer-text --redirect-message-to --blind-copy-to --add-to-recipients --reject-message-reason-text --reject-message-enhanced-status-code --delete-message --quarantine --stop-rule-processing --what-if --confirm --yes --pass-thru --state --data-dir --output --from-json --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --priority)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --enabled)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --mode)
                    COMPREPLY=($(compgen -W "Enforce Audit AuditAndNotify" -- "${cur}"))
                    return 0
                    ;;
                --activation-date)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --expiry-date)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --comments)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --from)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --from-address-contains-words)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --from-address-matches-patterns)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --sender-domain-is)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --from-scope)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --sent-to)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --sent-to-scope)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --recipient-domain-is)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --recipient-address-contains-words)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --subject-contains-words)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --subject-or-body-contains-words)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --subject-matches-patterns)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --header-contains-message-header)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --header-contains-words)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --header-matches-message-header)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --header-matches-patterns)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --attachment-name-matches-patterns)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --attachment-extension-matches-words)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --attachment-size-over)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --message-size-over)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --sender-ip-ranges)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --scl-over)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --except-if-from)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --except-if-from-address-contains-words)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --except-if-from-address-matches-patterns)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --except-if-sender-domain-is)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --except-if-from-scope)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --except-if-sent-to)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --except-if-sent-to-scope)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --except-if-recipient-domain-is)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --except-if-recipient-address-contains-words)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --except-if-subject-contains-words)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --except-if-subject-or-body-contains-words)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --except-if-subject-matches-patterns)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --except-if-header-contains-message-header)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --except-if-header-contains-words)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --except-if-header-matches-message-header)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --except-if-header-matches-patterns)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --except-if-attachment-name-matches-patterns)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --except-if-attachment-extension-matches-words)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --except-if-attachment-size-over)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --except-if-message-size-over)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --except-if-sender-ip-ranges)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --except-if-scl-over)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --route-message-outbound-connector)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --set-scl)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --set-header-name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --set-header-value)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --remove-header)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --prepend-subject)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --apply-html-disclaimer-text)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --redirect-message-to)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --blind-copy-to)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --add-to-recipients)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --reject-message-reason-text)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --reject-message-enhanced-status-code)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --delete-message)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --quarantine)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --stop-rule-processing)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --confirm)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --state)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --data-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                --from-json)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        eopctl__subcmd__preview__subcmd__quarantinemessage)
            opts="-o -h --identity --state --data-dir --output --from-json --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --identity)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --state)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --data-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                --from-json)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        eopctl__subcmd__release__subcmd__quarantinemessage)
            opts="-o -h --identity --release-to-all --user --report-false-positive --state --data-dir --output --from-json --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --identity)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --user)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --state)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --data-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                --from-json)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        eopctl__subcmd__remove__subcmd__accepteddomain)
            opts="-y -o -h --identity --what-if --confirm --yes --pass-thru --state --data-dir --output --from-json --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --identity)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --confirm)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --state)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --data-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                --from-json)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        eopctl__subcmd__remove__subcmd__blockedsenderaddress)
            opts="-y -o -h --sender-address --reason --what-if --confirm --yes --pass-thru --state --data-dir --output --from-json --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --sender-address)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --reason)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --confirm)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --state)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --data-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                --from-json)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        eopctl__subcmd__remove__subcmd__directorysyncprofile)
            opts="-y -o -h --identity --what-if --confirm --yes --pass-thru --state --data-dir --output --from-json --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --identity)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --confirm)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --state)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --data-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                --from-json)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        eopctl__subcmd__remove__subcmd__dkimsigningconfig)
            opts="-y -o -h --identity --what-if --confirm --yes --pass-thru --state --data-dir --output --from-json --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --identity)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --confirm)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --state)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --data-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                --from-json)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        eopctl__subcmd__remove__subcmd__exchangecertificate)
            opts="-y -o -h --identity --thumbprint --what-if --confirm --yes --pass-thru --state --data-dir --output --from-json --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --identity)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --thumbprint)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --confirm)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --state)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --data-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                --from-json)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        eopctl__subcmd__remove__subcmd__hostedcontentfilterpolicy)
            opts="-y -o -h --identity --what-if --confirm --yes --pass-thru --state --data-dir --output --from-json --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --identity)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --confirm)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --state)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --data-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                --from-json)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        eopctl__subcmd__remove__subcmd__hostedcontentfilterrule)
            opts="-y -o -h --identity --what-if --confirm --yes --pass-thru --state --data-dir --output --from-json --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --identity)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --confirm)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --state)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --data-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                --from-json)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        eopctl__subcmd__remove__subcmd__hostedoutboundspamfilterpolicy)
            opts="-y -o -h --identity --what-if --confirm --yes --pass-thru --state --data-dir --output --from-json --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --identity)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --confirm)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --state)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --data-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                --from-json)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        eopctl__subcmd__remove__subcmd__hostedoutboundspamfilterrule)
            opts="-y -o -h --identity --what-if --confirm --yes --pass-thru --state --data-dir --output --from-json --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --identity)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --confirm)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --state)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --data-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                --from-json)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        eopctl__subcmd__remove__subcmd__inboundconnector)
            opts="-y -o -h --identity --what-if --confirm --yes --pass-thru --state --data-dir --output --from-json --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --identity)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --confirm)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --state)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --data-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                --from-json)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        eopctl__subcmd__remove__subcmd__mailbox)
            opts="-y -o -h --identity --what-if --confirm --yes --pass-thru --state --data-dir --output --from-json --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --identity)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --confirm)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --state)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --data-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                --from-json)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        eopctl__subcmd__remove__subcmd__mailuser)
            opts="-y -o -h --identity --what-if --confirm --yes --pass-thru --state --data-dir --output --from-json --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --identity)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --confirm)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --state)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --data-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                --from-json)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        eopctl__subcmd__remove__subcmd__malwarefilterpolicy)
            opts="-y -o -h --identity --what-if --confirm --yes --pass-thru --state --data-dir --output --from-json --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --identity)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --confirm)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --state)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --data-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                --from-json)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        eopctl__subcmd__remove__subcmd__malwarefilterrule)
            opts="-y -o -h --identity --what-if --confirm --yes --pass-thru --state --data-dir --output --from-json --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --identity)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --confirm)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --state)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --data-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                --from-json)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        eopctl__subcmd__remove__subcmd__message)
            opts="-o -h --identity --filter --with-ndr --state --data-dir --output --from-json --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --identity)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --filter)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --with-ndr)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --state)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --data-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                --from-json)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        eopctl__subcmd__remove__subcmd__outboundconnector)
            opts="-y -o -h --identity --what-if --confirm --yes --pass-thru --state --data-dir --output --from-json --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --identity)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --confirm)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --state)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --data-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                --from-json)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        eopctl__subcmd__remove__subcmd__quarantinepolicy)
            opts="-y -o -h --identity --what-if --confirm --yes --pass-thru --state --data-dir --output --from-json --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --identity)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --confirm)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --state)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --data-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                --from-json)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        eopctl__subcmd__remove__subcmd__receiveconnector)
            opts="-y -o -h --identity --what-if --confirm --yes --pass-thru --state --data-dir --output --from-json --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --identity)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --confirm)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --state)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --data-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                --from-json)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        eopctl__subcmd__remove__subcmd__sendconnector)
            opts="-y -o -h --identity --what-if --confirm --yes --pass-thru --state --data-dir --output --from-json --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --identity)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --confirm)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --state)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --data-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                --from-json)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        eopctl__subcmd__remove__subcmd__smtpauthaccount)
            opts="-y -o -h --identity --what-if --confirm --yes --pass-thru --state --data-dir --output --from-json --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --identity)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --confirm)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --state)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --data-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                --from-json)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        eopctl__subcmd__remove__subcmd__tenantallowblocklistitems)
            opts="-y -o -h --list-type --ids --entries --what-if --confirm --yes --pass-thru --state --data-dir --output --from-json --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --list-type)
                    COMPREPLY=($(compgen -W "Sender Url FileHash IP" -- "${cur}"))
                    return 0
                    ;;
                --ids)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --entries)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --confirm)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --state)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --data-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                --from-json)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        eopctl__subcmd__remove__subcmd__transportrule)
            opts="-y -o -h --identity --what-if --confirm --yes --pass-thru --state --data-dir --output --from-json --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --identity)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --confirm)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --state)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --data-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                --from-json)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        eopctl__subcmd__restore__subcmd__state)
            opts="-y -o -h --revision --what-if --confirm --yes --pass-thru --state --data-dir --output --from-json --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --revision)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --confirm)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --state)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --data-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                --from-json)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        eopctl__subcmd__resume__subcmd__message)
            opts="-o -h --identity --filter --state --data-dir --output --from-json --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --identity)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --filter)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --state)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --data-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                --from-json)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        eopctl__subcmd__retry__subcmd__queue)
            opts="-o -h --identity --filter --resubmit --state --data-dir --output --from-json --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --identity)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --filter)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --resubmit)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --state)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --data-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                --from-json)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        eopctl__subcmd__rotate__subcmd__dkimsigningkey)
            opts="-y -o -h --identity --key-size --key-type --what-if --confirm --yes --pass-thru --state --data-dir --output --from-json --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --identity)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --key-size)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --key-type)
                    COMPREPLY=($(compgen -W "rsa ed25519" -- "${cur}"))
                    return 0
                    ;;
                --confirm)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --state)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --data-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                --from-json)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        eopctl__subcmd__serve)
            opts="-o -h --dns --smtp-port --hostname --ca-file --retry --expire --grace --concurrency --junk-scan --metrics --web --web-url --notify-check --spam-rules --log-level --log-format --state --data-dir --output --from-json --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --dns)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --smtp-port)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --hostname)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --ca-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --retry)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --expire)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --grace)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --concurrency)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --junk-scan)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --metrics)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --web)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --web-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --notify-check)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --spam-rules)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --log-level)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --log-format)
                    COMPREPLY=($(compgen -W "text json" -- "${cur}"))
                    return 0
                    ;;
                --state)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --data-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                --from-json)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        eopctl__subcmd__set__subcmd__accepteddomain)
            opts="-y -o -h --identity --name --domain-type --match-sub-domains --make-default --what-if --confirm --yes --pass-thru --state --data-dir --output --from-json --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --identity)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --domain-type)
                    COMPREPLY=($(compgen -W "Authoritative InternalRelay" -- "${cur}"))
                    return 0
                    ;;
                --match-sub-domains)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --make-default)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --confirm)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --state)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --data-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                --from-json)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        eopctl__subcmd__set__subcmd__directorysyncprofile)
            opts="-y -o -h --identity --ldap-url --start-tls --bind-dn --base-dn --filter --address-attributes --sync-interval-minutes --enabled --bind-password --what-if --confirm --yes --pass-thru --state --data-dir --output --from-json --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --identity)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --ldap-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --start-tls)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --bind-dn)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --base-dn)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --filter)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --address-attributes)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --sync-interval-minutes)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --enabled)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --confirm)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --state)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --data-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                --from-json)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        eopctl__subcmd__set__subcmd__dkimsigningconfig)
            opts="-y -o -h --identity --enabled --what-if --confirm --yes --pass-thru --state --data-dir --output --from-json --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --identity)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --enabled)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --confirm)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --state)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --data-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                --from-json)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        eopctl__subcmd__set__subcmd__hostedconnectionfilterpolicy)
            opts="-y -o -h --identity --ip-allow-list --ip-block-list --enable-safe-list --ip-block-list-zones --ip-block-list-zone-action --honor-dmarc-policy --what-if --confirm --yes --pass-thru --state --data-dir --output --from-json --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --identity)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --ip-allow-list)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --ip-block-list)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --enable-safe-list)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --ip-block-list-zones)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --ip-block-list-zone-action)
                    COMPREPLY=($(compgen -W "Reject Score" -- "${cur}"))
                    return 0
                    ;;
                --honor-dmarc-policy)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --confirm)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --state)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --data-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                --from-json)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        eopctl__subcmd__set__subcmd__hostedcontentfilterpolicy)
            opts="-y -o -h --identity --name --spam-action --high-confidence-spam-action --phish-spam-action --bulk-spam-action --bulk-threshold --add-x-header-value --modify-subject-value --redirect-to-recipients --allowed-senders --allowed-sender-domains --blocked-senders --blocked-sender-domains --mark-as-spam-empty-messages --mark-as-spam-from-address-auth-fail --mark-as-spam-ndr-backscatter --mark-as-spam-spf-record-hard-fail --mark-as-spam-bulk-mail --quarantine-retention-period --spam-quarantine-tag --high-confidence-spam-quarantine-tag --phish-quarantine-tag --bulk-quarantine-tag --high-confidence-phish-quarantine-tag --spam-scanner --spam-scanner-url --what-if --confirm --yes --pass-thru --state --data-dir --output --from-json --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --identity)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --spam-action)
                    COMPREPLY=($(compgen -W "MoveToJmf AddXHeader ModifySubject Redirect Delete Quarantine" -- "${cur}"))
                    return 0
                    ;;
                --high-confidence-spam-action)
                    COMPREPLY=($(compgen -W "MoveToJmf AddXHeader ModifySubject Redirect Delete Quarantine" -- "${cur}"))
                    return 0
                    ;;
                --phish-spam-action)
                    COMPREPLY=($(compgen -W "MoveToJmf AddXHeader ModifySubject Redirect Delete Quarantine" -- "${cur}"))
                    return 0
                    ;;
                --bulk-spam-action)
                    COMPREPLY=($(compgen -W "MoveToJmf AddXHeader ModifySubject Redirect Delete Quarantine" -- "${cur}"))
                    return 0
                    ;;
                --bulk-threshold)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --add-x-header-value)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --modify-subject-value)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --redirect-to-recipients)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --allowed-senders)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --allowed-sender-domains)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --blocked-senders)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --blocked-sender-domains)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --mark-as-spam-empty-messages)
                    COMPREPLY=($(compgen -W "Off On Test" -- "${cur}"))
                    return 0
                    ;;
                --mark-as-spam-from-address-auth-fail)
                    COMPREPLY=($(compgen -W "Off On Test" -- "${cur}"))
                    return 0
                    ;;
                --mark-as-spam-ndr-backscatter)
                    COMPREPLY=($(compgen -W "Off On Test" -- "${cur}"))
                    return 0
                    ;;
                --mark-as-spam-spf-record-hard-fail)
                    COMPREPLY=($(compgen -W "Off On Test" -- "${cur}"))
                    return 0
                    ;;
                --mark-as-spam-bulk-mail)
                    COMPREPLY=($(compgen -W "Off On Test" -- "${cur}"))
                    return 0
                    ;;
                --quarantine-retention-period)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --spam-quarantine-tag)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --high-confidence-spam-quarantine-tag)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --phish-quarantine-tag)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --bulk-quarantine-tag)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --high-confidence-phish-quarantine-tag)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --spam-scanner)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --spam-scanner-url)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --confirm)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --state)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --data-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                --from-json)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        eopctl__subcmd__set__subcmd__hostedcontentfilterrule)
            opts="-y -o -h --identity --name --hosted-content-filter-policy --priority --sent-to --sent-to-member-of --recipient-domain-is --except-if-sent-to --except-if-sent-to-member-of --except-if-recipient-domain-is --comments --what-if --confirm --yes --pass-thru --state --data-dir --output --from-json --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --identity)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --hosted-content-filter-policy)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --priority)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --sent-to)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --sent-to-member-of)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --recipient-domain-is)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --except-if-sent-to)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --except-if-sent-to-member-of)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --except-if-recipient-domain-is)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --comments)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --confirm)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --state)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --data-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                --from-json)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        eopctl__subcmd__set__subcmd__hostedoutboundspamfilterpolicy)
            opts="-y -o -h --identity --name --recipient-limit-external-per-hour --recipient-limit-internal-per-hour --recipient-limit-per-day --action-when-threshold-reached --notify-outbound-spam --notify-outbound-spam-recipients --bcc-suspicious-outbound-mail --bcc-suspicious-outbound-additional-recipients --auto-forwarding-mode --admin-display-name --what-if --confirm --yes --pass-thru --state --data-dir --output --from-json --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --identity)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --recipient-limit-external-per-hour)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --recipient-limit-internal-per-hour)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --recipient-limit-per-day)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --action-when-threshold-reached)
                    COMPREPLY=($(compgen -W "BlockUserForToday BlockUser Alert" -- "${cur}"))
                    return 0
                    ;;
                --notify-outbound-spam)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --notify-outbound-spam-recipients)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --bcc-suspicious-outbound-mail)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --bcc-suspicious-outbound-additional-recipients)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --auto-forwarding-mode)
                    COMPREPLY=($(compgen -W "Automatic On Off" -- "${cur}"))
                    return 0
                    ;;
                --admin-display-name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --confirm)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --state)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --data-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                --from-json)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        eopctl__subcmd__set__subcmd__hostedoutboundspamfilterrule)
            opts="-y -o -h --identity --name --hosted-outbound-spam-filter-policy --priority --from --from-member-of --sender-domain-is --except-if-from --except-if-from-member-of --except-if-sender-domain-is --comments --what-if --confirm --yes --pass-thru --state --data-dir --output --from-json --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --identity)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --hosted-outbound-spam-filter-policy)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --priority)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --from)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --from-member-of)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --sender-domain-is)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --except-if-from)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --except-if-from-member-of)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --except-if-sender-domain-is)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --comments)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --confirm)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --state)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --data-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                --from-json)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        eopctl__subcmd__set__subcmd__inboundconnector)
            opts="-y -o -h --identity --name --connector-type --enabled --sender-ip-addresses --sender-domains --require-tls --tls-sender-certificate-name --restrict-domains-to-ip-addresses --restrict-domains-to-certificate --cloud-services-mail-enabled --ef-skip-ips --ef-skip-last-ip --associated-accepted-domains --comment --force --what-if --confirm --yes --pass-thru --state --data-dir --output --from-json --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --identity)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --connector-type)
                    COMPREPLY=($(compgen -W "OnPremises Partner" -- "${cur}"))
                    return 0
                    ;;
                --enabled)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --sender-ip-addresses)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --sender-domains)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --require-tls)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --tls-sender-certificate-name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --restrict-domains-to-ip-addresses)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --restrict-domains-to-certificate)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cloud-services-mail-enabled)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --ef-skip-ips)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --ef-skip-last-ip)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --associated-accepted-domains)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --comment)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --confirm)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --state)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --data-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                --from-json)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        eopctl__subcmd__set__subcmd__mailbox)
            opts="-y -o -h --identity --name --display-name --primary-smtp-address --email-addresses --password --what-if --confirm --yes --pass-thru --state --data-dir --output --from-json --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --identity)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --display-name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --primary-smtp-address)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --email-addresses)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --confirm)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --state)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --data-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                --from-json)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        eopctl__subcmd__set__subcmd__mailuser)
            opts="-y -o -h --identity --name --primary-smtp-address --external-email-address --display-name --email-addresses --what-if --confirm --yes --pass-thru --state --data-dir --output --from-json --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --identity)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --primary-smtp-address)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --external-email-address)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --display-name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --email-addresses)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --confirm)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --state)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --data-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                --from-json)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        eopctl__subcmd__set__subcmd__malwarefilterpolicy)
            opts="-y -o -h --identity --name --enable-file-filter --file-types --file-type-action --action --clam-av-server --quarantine-tag --what-if --confirm --yes --pass-thru --state --data-dir --output --from-json --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --identity)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --enable-file-filter)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --file-types)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --file-type-action)
                    COMPREPLY=($(compgen -W "Reject Quarantine" -- "${cur}"))
                    return 0
                    ;;
                --action)
                    COMPREPLY=($(compgen -W "Reject Quarantine" -- "${cur}"))
                    return 0
                    ;;
                --clam-av-server)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --quarantine-tag)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --confirm)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --state)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --data-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                --from-json)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        eopctl__subcmd__set__subcmd__malwarefilterrule)
            opts="-y -o -h --identity --name --malware-filter-policy --priority --sent-to --sent-to-member-of --recipient-domain-is --except-if-sent-to --except-if-sent-to-member-of --except-if-recipient-domain-is --comments --what-if --confirm --yes --pass-thru --state --data-dir --output --from-json --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --identity)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --malware-filter-policy)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --priority)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --sent-to)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --sent-to-member-of)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --recipient-domain-is)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --except-if-sent-to)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --except-if-sent-to-member-of)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --except-if-recipient-domain-is)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --comments)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --confirm)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --state)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --data-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                --from-json)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        eopctl__subcmd__set__subcmd__organizationconfig)
            opts="-y -o -h --name --directory-based-edge-block-enabled --service-host-names --service-ip-addresses --mx-record-points-to --message-trace-retention-days --what-if --confirm --yes --pass-thru --state --data-dir --output --from-json --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --directory-based-edge-block-enabled)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --service-host-names)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --service-ip-addresses)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --mx-record-points-to)
                    COMPREPLY=($(compgen -W "Service OnPremises" -- "${cur}"))
                    return 0
                    ;;
                --message-trace-retention-days)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --confirm)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --state)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --data-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                --from-json)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        eopctl__subcmd__set__subcmd__outboundconnector)
            opts="-y -o -h --identity --name --connector-type --enabled --smart-hosts --use-mx-record --recipient-domains --all-accepted-domains --tls-settings --tls-domain --is-transport-rule-scoped --route-all-messages-via-on-premises --cloud-services-mail-enabled --tls-certificate-name --comment --what-if --confirm --yes --pass-thru --state --data-dir --output --from-json --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --identity)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --connector-type)
                    COMPREPLY=($(compgen -W "OnPremises Partner" -- "${cur}"))
                    return 0
                    ;;
                --enabled)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --smart-hosts)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --use-mx-record)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --recipient-domains)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --all-accepted-domains)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --tls-settings)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --tls-domain)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --is-transport-rule-scoped)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --route-all-messages-via-on-premises)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cloud-services-mail-enabled)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --tls-certificate-name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --comment)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --confirm)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --state)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --data-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                --from-json)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        eopctl__subcmd__set__subcmd__quarantinepolicy)
            opts="-y -o -h --identity --name --admin-display-name --end-user-quarantine-permissions-value --permission-to-preview --permission-to-release --permission-to-request-release --permission-to-block-sender --permission-to-delete --esn-enabled --end-user-spam-notification-frequency --multi-language-setting --multi-language-sender-name --multi-language-custom-disclaimer --esn-custom-subject --end-user-spam-notification-custom-from-address --what-if --confirm --yes --pass-thru --state --data-dir --output --from-json --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --identity)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --admin-display-name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --end-user-quarantine-permissions-value)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --permission-to-preview)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --permission-to-release)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --permission-to-request-release)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --permission-to-block-sender)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --permission-to-delete)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --esn-enabled)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --end-user-spam-notification-frequency)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --multi-language-setting)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --multi-language-sender-name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --multi-language-custom-disclaimer)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --esn-custom-subject)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --end-user-spam-notification-custom-from-address)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --confirm)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --state)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --data-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                --from-json)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        eopctl__subcmd__set__subcmd__receiveconnector)
            opts="-y -o -h --identity --name --enabled --bindings --remote-ip-ranges --fqdn --banner --tls-certificate-name --require-tls --auth-mechanism --permission-groups --implicit-tls --connection-timeout --connection-inactivity-timeout --max-message-size --max-recipients-per-message --max-inbound-connection --max-inbound-connection-per-source --max-protocol-errors --comment --what-if --confirm --yes --pass-thru --state --data-dir --output --from-json --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --identity)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --enabled)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --bindings)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --remote-ip-ranges)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --fqdn)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --banner)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --tls-certificate-name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --require-tls)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --auth-mechanism)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --permission-groups)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --implicit-tls)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --connection-timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --connection-inactivity-timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --max-message-size)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --max-recipients-per-message)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --max-inbound-connection)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --max-inbound-connection-per-source)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --max-protocol-errors)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --comment)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --confirm)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --state)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --data-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                --from-json)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        eopctl__subcmd__set__subcmd__sendconnector)
            opts="-y -o -h --identity --name --enabled --address-spaces --smart-hosts --fqdn --require-tls --tls-auth-level --tls-domain --tls-certificate-name --cloud-services-mail-enabled --max-messages-per-connection --max-message-size --connection-inactivity-timeout --dns-routing-enabled --comment --what-if --confirm --yes --pass-thru --state --data-dir --output --from-json --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --identity)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --enabled)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --address-spaces)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --smart-hosts)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --fqdn)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --require-tls)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --tls-auth-level)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --tls-domain)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --tls-certificate-name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --cloud-services-mail-enabled)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --max-messages-per-connection)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --max-message-size)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --connection-inactivity-timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --dns-routing-enabled)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --comment)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --confirm)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --state)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --data-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                --from-json)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        eopctl__subcmd__set__subcmd__smtpauthaccount)
            opts="-y -o -h --identity --name --enabled --allowed-sender-addresses --password --comment --what-if --confirm --yes --pass-thru --state --data-dir --output --from-json --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --identity)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --enabled)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --allowed-sender-addresses)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --comment)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --confirm)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --state)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --data-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                --from-json)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        eopctl__subcmd__set__subcmd__tenantallowblocklistitems)
            opts="-y -o -h --list-type --ids --entries --expiration-date --no-expiration --remove-after --notes --what-if --confirm --yes --pass-thru --state --data-dir --output --from-json --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --list-type)
                    COMPREPLY=($(compgen -W "Sender Url FileHash IP" -- "${cur}"))
                    return 0
                    ;;
                --ids)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --entries)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --expiration-date)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --remove-after)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --notes)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --confirm)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --state)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --data-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                --from-json)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        eopctl__subcmd__set__subcmd__transportrule)
            opts="-y -o -h --identity --name --priority --enabled --mode --activation-date --expiry-date --comments --from --from-address-contains-words --from-address-matches-patterns --sender-domain-is --from-scope --sent-to --sent-to-scope --recipient-domain-is --recipient-address-contains-words --subject-contains-words --subject-or-body-contains-words --subject-matches-patterns --header-contains-message-header --header-contains-words --header-matches-message-header --header-matches-patterns --attachment-name-matches-patterns --attachment-extension-matches-words --attachment-size-over --message-size-over --sender-ip-ranges --scl-over --except-if-from --except-if-from-address-contains-words --except-if-from-address-matches-patterns --except-if-sender-domain-is --except-if-from-scope --except-if-sent-to --except-if-sent-to-scope --except-if-recipient-domain-is --except-if-recipient-address-contains-words --except-if-subject-contains-words --except-if-subject-or-body-contains-words --except-if-subject-matches-patterns --except-if-header-contains-message-header --except-if-header-contains-words --except-if-header-matches-message-header --except-if-header-matches-patterns --except-if-attachment-name-matches-patterns --except-if-attachment-extension-matches-words --except-if-attachment-size-over --except-if-message-size-over --except-if-sender-ip-ranges --except-if-scl-over --route-message-outbound-connector --set-scl --set-header-name --set-header-value --remove-header --prepend-subject --apply-html-disclaimer-text --redirect-message-to --blind-copy-to --add-to-recipients --reject-message-reason-text --reject-message-enhanced-status-code --delete-message --quarantine --stop-rule-processing --what-if --confirm --yes --pass-thru --state --data-dir --output --from-json --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --identity)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --priority)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --enabled)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --mode)
                    COMPREPLY=($(compgen -W "Enforce Audit AuditAndNotify" -- "${cur}"))
                    return 0
                    ;;
                --activation-date)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --expiry-date)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --comments)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --from)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --from-address-contains-words)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --from-address-matches-patterns)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --sender-domain-is)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --from-scope)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --sent-to)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --sent-to-scope)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --recipient-domain-is)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --recipient-address-contains-words)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --subject-contains-words)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --subject-or-body-contains-words)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --subject-matches-patterns)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --header-contains-message-header)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --header-contains-words)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --header-matches-message-header)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --header-matches-patterns)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --attachment-name-matches-patterns)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --attachment-extension-matches-words)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --attachment-size-over)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --message-size-over)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --sender-ip-ranges)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --scl-over)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --except-if-from)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --except-if-from-address-contains-words)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --except-if-from-address-matches-patterns)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --except-if-sender-domain-is)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --except-if-from-scope)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --except-if-sent-to)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --except-if-sent-to-scope)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --except-if-recipient-domain-is)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --except-if-recipient-address-contains-words)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --except-if-subject-contains-words)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --except-if-subject-or-body-contains-words)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --except-if-subject-matches-patterns)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --except-if-header-contains-message-header)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --except-if-header-contains-words)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --except-if-header-matches-message-header)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --except-if-header-matches-patterns)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --except-if-attachment-name-matches-patterns)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --except-if-attachment-extension-matches-words)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --except-if-attachment-size-over)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --except-if-message-size-over)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --except-if-sender-ip-ranges)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --except-if-scl-over)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --route-message-outbound-connector)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --set-scl)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --set-header-name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --set-header-value)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --remove-header)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --prepend-subject)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --apply-html-disclaimer-text)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --redirect-message-to)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --blind-copy-to)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --add-to-recipients)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --reject-message-reason-text)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --reject-message-enhanced-status-code)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --delete-message)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --quarantine)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --stop-rule-processing)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --confirm)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --state)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --data-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                --from-json)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        eopctl__subcmd__start__subcmd__directorysync)
            opts="-o -h --identity --what-if --ca-file --state --data-dir --output --from-json --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --identity)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --ca-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --state)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --data-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                --from-json)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        eopctl__subcmd__start__subcmd__hybridwizard)
            opts="-y -o -h --scenario --domain-name --on-premises-smart-host --on-premises-certificate-name --on-premises-ip-addresses --what-if --confirm --yes --pass-thru --state --data-dir --output --from-json --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --scenario)
                    COMPREPLY=($(compgen -W "Standalone Scenario1 Scenario2 Scenario3 Scenario4" -- "${cur}"))
                    return 0
                    ;;
                --domain-name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --on-premises-smart-host)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --on-premises-certificate-name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --on-premises-ip-addresses)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --confirm)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --state)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --data-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                --from-json)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        eopctl__subcmd__suspend__subcmd__message)
            opts="-o -h --identity --filter --state --data-dir --output --from-json --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --identity)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --filter)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --state)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --data-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                --from-json)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        eopctl__subcmd__test__subcmd__configuration)
            opts="-o -h --state --data-dir --output --from-json --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --state)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --data-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                --from-json)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        eopctl__subcmd__test__subcmd__dnsrecords)
            opts="-o -h --domain-name --dns-server --state --data-dir --output --from-json --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --domain-name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --dns-server)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --state)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --data-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                --from-json)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        eopctl__subcmd__test__subcmd__mailflow)
            opts="-o -h --directions --timeout --server --hosted-address --on-premises-address --external-address --target-email-address --internet-sender --state --data-dir --output --from-json --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --directions)
                    COMPREPLY=($(compgen -W "InternetToHosted InternetToOnPremises OnPremisesToInternet HostedToOnPremises" -- "${cur}"))
                    return 0
                    ;;
                --timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --server)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --hosted-address)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --on-premises-address)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --external-address)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --target-email-address)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --internet-sender)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --state)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --data-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                --from-json)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        eopctl__subcmd__test__subcmd__messageroute)
            opts="-o -h --sender --recipients --message-file --client-ip --subject --tls --tls-certificate-name --received-headers --dns-server --spam-rules --state --data-dir --output --from-json --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --sender)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --recipients)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --message-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --client-ip)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --subject)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --tls)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --tls-certificate-name)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --received-headers)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --dns-server)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --spam-rules)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --state)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --data-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                --from-json)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        eopctl__subcmd__train__subcmd__spamfilter)
            opts="-o -h --spam --ham --what-if --state --data-dir --output --from-json --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --spam)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --ham)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --state)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --data-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                --from-json)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        eopctl__subcmd__validate__subcmd__inboundconnector)
            opts="-o -h --identity --client-ip --allow-private-addresses --state --data-dir --output --from-json --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --identity)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --client-ip)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --state)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --data-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                --from-json)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
        eopctl__subcmd__validate__subcmd__outboundconnector)
            opts="-o -h --identity --recipients --sender --timeout --dns --smtp-port --hostname --ca-file --state --data-dir --output --from-json --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
                return 0
            fi
            case "${prev}" in
                --identity)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --recipients)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --sender)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --timeout)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --dns)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --smtp-port)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --hostname)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --ca-file)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --state)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --data-dir)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --output)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                -o)
                    COMPREPLY=($(compgen -W "table list json yaml csv html png" -- "${cur}"))
                    return 0
                    ;;
                --from-json)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(compgen -W "${opts}" -- "${cur}") )
            return 0
            ;;
    esac
}

if [[ "${BASH_VERSINFO[0]}" -eq 4 && "${BASH_VERSINFO[1]}" -ge 4 || "${BASH_VERSINFO[0]}" -gt 4 ]]; then
    complete -F _eopctl -o nosort -o bashdefault -o default eopctl
else
    complete -F _eopctl -o bashdefault -o default eopctl
fi
