//! Get/New/Set/Remove/Enable/Disable-HostedContentFilterRule: whom a custom anti-spam
//! policy applies to. The first enabled rule (Priority 0 first) that names a recipient
//! applies its policy; recipients no rule names get the Default policy. The cmdlets are
//! declared, and the verbs written, once for every kind of filter rule in `filter_rule.rs`.

crate::filter_rule_cmdlets!(
    HostedContentFilterRule,
    HostedContentFilterPolicy,
    hosted_content_filter_policy = "HostedContentFilterPolicy",
    "hostedcontentfilterrule",
    "anti-spam",
    recipients
);
