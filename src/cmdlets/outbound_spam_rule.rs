//! Get/New/Set/Remove/Enable/Disable-HostedOutboundSpamFilterRule: which senders of the
//! organisation a custom outbound spam policy applies to. The first enabled rule
//! (Priority 0 first) that names a sender applies its policy; senders no rule names get
//! the Default policy. The cmdlets are declared, and the verbs written, once for every
//! kind of filter rule in `filter_rule.rs`.

crate::filter_rule_cmdlets!(
    HostedOutboundSpamFilterRule,
    HostedOutboundSpamFilterPolicy,
    hosted_outbound_spam_filter_policy = "HostedOutboundSpamFilterPolicy",
    "hostedoutboundspamfilterrule",
    "outbound spam",
    "senders",
    from = "From",
    from_member_of = "FromMemberOf",
    sender_domain_is = "SenderDomainIs",
    except_if_from = "ExceptIfFrom",
    except_if_from_member_of = "ExceptIfFromMemberOf",
    except_if_sender_domain_is = "ExceptIfSenderDomainIs"
);
