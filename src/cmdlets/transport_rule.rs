//! Get/New/Set/Remove/Enable/Disable-TransportRule: mail flow rules. Priority 0 runs
//! first; a new or moved rule takes its place and the rules from there on shift down by
//! one, as Exchange does, so priorities stay 0..n-1.

use std::str::FromStr;

use clap::{Args, Subcommand};

use super::View;
use crate::assign;
use crate::cmdlets::common::{ChangeArgs, Context, GetArgs, IdentityArgs, edit_list, edit_option};
use crate::error::Result;
use crate::output::{Output, key};
use crate::state::model::{Actions, Predicates, RuleMode, TransportRule};

const VIEW: View = View {
    columns: Params::COLUMNS,
};

#[derive(Subcommand, Debug)]
pub enum Cmd {
    /// Lists mail flow rules, in priority order.
    #[command(name = "get-transportrule", alias = "Get-TransportRule")]
    Get(GetArgs),
    /// Creates a mail flow rule.
    #[command(name = "new-transportrule", alias = "New-TransportRule")]
    New(Box<NewRule>),
    /// Changes a mail flow rule (its conditions, exceptions, actions or priority).
    #[command(name = "set-transportrule", alias = "Set-TransportRule")]
    Set(Box<SetRule>),
    /// Removes a mail flow rule; the rules after it move up.
    #[command(name = "remove-transportrule", alias = "Remove-TransportRule")]
    Remove(IdentityArgs),
    /// Turns a mail flow rule on.
    #[command(name = "enable-transportrule", alias = "Enable-TransportRule")]
    Enable(EnableTransportRule),
    /// Turns a mail flow rule off: it is skipped, and keeps its priority.
    #[command(name = "disable-transportrule", alias = "Disable-TransportRule")]
    Disable(IdentityArgs),
}

#[derive(Args, Debug)]
pub struct NewRule {
    /// A unique name for the rule.
    #[arg(long)]
    pub name: String,
    #[command(flatten)]
    pub params: Params,
    #[command(flatten)]
    pub change: ChangeArgs,
}

#[derive(Args, Debug)]
pub struct SetRule {
    /// The rule to change.
    #[arg(long, value_name = "Identity")]
    pub identity: String,
    /// A new name.
    #[arg(long)]
    pub name: Option<String>,
    #[command(flatten)]
    pub params: Params,
    #[command(flatten)]
    pub change: ChangeArgs,
}

crate::params! {
    /// The parameters of New- and Set-TransportRule.
    pub struct Params for TransportRule;
    view [key("Priority"), key("Name")];
    /// Where the rule runs: 0 first. New rules go last without it; the rules from this
    /// priority on move down by one.
    #[arg(value_name = "Int32")]
    priority: manual(Option<u32>) = "Priority";
    enabled: bool = "Enabled", wide;
    /// Enforce (act), Audit or AuditAndNotify (only record that the rule matched).
    #[arg(ignore_case = true)]
    mode: value(RuleMode) = "Mode", wide;
    /// When the rule starts to act (UTC): 2026-12-01, 2026-12-01 08:00; $null clears.
    #[arg(value_name = "DateTime")]
    activation_date: option = "ActivationDate";
    /// When the rule stops acting (UTC); $null clears.
    #[arg(value_name = "DateTime")]
    expiry_date: option = "ExpiryDate";
    comments: value(String) = "Comments", text;
    conditions: flatten(Conditions);
    exceptions: flatten(Exceptions);
    actions: flatten(ActionArgs);
}

/// A field a parameter edits: a list (a new list, or `@{Add=...; Remove=...}`) takes
/// several values, a single value takes one (`$null` clears it).
trait Edit<A> {
    fn edit(&mut self, given: &Option<A>, param: &str) -> Result<()>;
}

impl<T: FromStr<Err: std::fmt::Display> + PartialEq + ToString> Edit<Vec<String>> for Vec<T> {
    fn edit(&mut self, given: &Option<Vec<String>>, param: &str) -> Result<()> {
        edit_list(given, self, param)
    }
}

impl<T: FromStr<Err: std::fmt::Display>> Edit<String> for Option<T> {
    fn edit(&mut self, given: &Option<String>, param: &str) -> Result<()> {
        edit_option(given, self, param)
    }
}

/// The predicate parameters, declared once and generated twice: as conditions (`-From`)
/// and as exceptions (`-ExceptIfFrom`), both onto a `Predicates`.
macro_rules! predicates {
    ($($field:ident: $arg:ty, $name:literal, $long:literal, $help:literal;)*) => {
        #[derive(Args, Debug, Default)]
        pub struct Conditions {
            $(
                #[doc = $help]
                #[arg(long = $long, id = $long)]
                pub $field: Option<$arg>,
            )*
        }

        #[derive(Args, Debug, Default)]
        pub struct Exceptions {
            $(
                #[doc = concat!("Exception: ", $help)]
                #[arg(long = concat!("except-if-", $long), id = concat!("except-if-", $long))]
                pub $field: Option<$arg>,
            )*
        }

        impl Conditions {
            fn apply(&self, p: &mut Predicates) -> Result<()> {
                $( p.$field.edit(&self.$field, $name)?; )*
                Ok(())
            }
        }

        impl Exceptions {
            fn apply(&self, p: &mut Predicates) -> Result<()> {
                $( p.$field.edit(&self.$field, concat!("ExceptIf", $name))?; )*
                Ok(())
            }
        }
    };
}

predicates! {
    from: Vec<String>, "From", "from",
        "The sender (From header, else the envelope sender) is one of these addresses.";
    from_address_contains_words: Vec<String>, "FromAddressContainsWords", "from-address-contains-words",
        "The sender's address contains one of these words.";
    from_address_matches_patterns: Vec<String>, "FromAddressMatchesPatterns", "from-address-matches-patterns",
        "The sender's address matches one of these regular expressions.";
    sender_domain_is: Vec<String>, "SenderDomainIs", "sender-domain-is",
        "The sender's domain is one of these (or under one).";
    from_scope: String, "FromScope", "from-scope",
        "InOrganization (the client is an OnPremises connector's) or NotInOrganization.";
    sent_to: Vec<String>, "SentTo", "sent-to",
        "A recipient is one of these addresses.";
    sent_to_scope: String, "SentToScope", "sent-to-scope",
        "A recipient is InOrganization (in an accepted domain) or NotInOrganization.";
    recipient_domain_is: Vec<String>, "RecipientDomainIs", "recipient-domain-is",
        "A recipient's domain is one of these (or under one).";
    recipient_address_contains_words: Vec<String>, "RecipientAddressContainsWords", "recipient-address-contains-words",
        "A recipient's address contains one of these words.";
    subject_contains_words: Vec<String>, "SubjectContainsWords", "subject-contains-words",
        "The subject contains one of these words or phrases (whole words, any case).";
    subject_or_body_contains_words: Vec<String>, "SubjectOrBodyContainsWords", "subject-or-body-contains-words",
        "The subject or a text part of the body contains one of these words or phrases.";
    subject_matches_patterns: Vec<String>, "SubjectMatchesPatterns", "subject-matches-patterns",
        "The subject matches one of these regular expressions (any case).";
    header_contains_message_header: String, "HeaderContainsMessageHeader", "header-contains-message-header",
        "The header HeaderContainsWords looks in.";
    header_contains_words: Vec<String>, "HeaderContainsWords", "header-contains-words",
        "The header named by HeaderContainsMessageHeader contains one of these words.";
    header_matches_message_header: String, "HeaderMatchesMessageHeader", "header-matches-message-header",
        "The header HeaderMatchesPatterns looks in.";
    header_matches_patterns: Vec<String>, "HeaderMatchesPatterns", "header-matches-patterns",
        "The header named by HeaderMatchesMessageHeader matches one of these regular expressions.";
    attachment_name_matches_patterns: Vec<String>, "AttachmentNameMatchesPatterns", "attachment-name-matches-patterns",
        "An attachment's file name matches one of these regular expressions.";
    attachment_extension_matches_words: Vec<String>, "AttachmentExtensionMatchesWords", "attachment-extension-matches-words",
        "An attachment's file name extension is one of these (exe, docm).";
    attachment_size_over: String, "AttachmentSizeOver", "attachment-size-over",
        "An attachment is larger than this (10MB).";
    message_size_over: String, "MessageSizeOver", "message-size-over",
        "The message is larger than this (25MB).";
    sender_ip_ranges: Vec<String>, "SenderIpRanges", "sender-ip-ranges",
        "The client's address is in one of these addresses or ranges.";
    scl_over: String, "SCLOver", "scl-over",
        "The spam confidence level is this or higher (-1 to 9).";
}

crate::params! {
    /// The actions of New- and Set-TransportRule.
    pub struct ActionArgs for Actions;
    view [];
    /// Send the matched recipients through this OutboundConnector (it must have
    /// IsTransportRuleScoped $true): conditional routing.
    route_message_outbound_connector: option = "RouteMessageOutboundConnector";
    /// Set the spam confidence level (-1 to 9; 5 and over is spam: Junk folder).
    #[arg(value_name = "Int32")]
    set_scl: option = "SetSCL";
    /// The header SetHeaderValue writes (replacing any of that name).
    set_header_name: option = "SetHeaderName";
    set_header_value: option = "SetHeaderValue";
    /// Remove every header of this name.
    remove_header: option = "RemoveHeader";
    /// Put this text before the subject.
    prepend_subject: option = "PrependSubject";
    /// HTML appended to the message's text/html parts; its text goes to text/plain parts.
    apply_html_disclaimer_text: option = "ApplyHtmlDisclaimerText";
    /// Send the message to these addresses instead of the matched recipients.
    #[arg(value_name = "Addresses")]
    redirect_message_to: list = "RedirectMessageTo";
    /// Also send the message to these addresses, unseen by the other recipients.
    #[arg(value_name = "Addresses")]
    blind_copy_to: list = "BlindCopyTo";
    /// Also send the message to these addresses, added to its To header.
    #[arg(value_name = "Addresses")]
    add_to_recipients: list = "AddToRecipients";
    /// Refuse the message in the SMTP session with this text.
    reject_message_reason_text: option = "RejectMessageReasonText";
    /// The enhanced status code of the refusal: 5.7.1 (default) or 5.7.900 to 5.7.999.
    reject_message_enhanced_status_code: option = "RejectMessageEnhancedStatusCode";
    /// Accept the message and drop it without notice.
    delete_message: bool = "DeleteMessage";
    /// Accept the message and keep it in the quarantine.
    quarantine: bool = "Quarantine";
    /// No rule after this one runs when it matches.
    stop_rule_processing: bool = "StopRuleProcessing";
}

impl Params {
    fn apply(&self, r: &mut TransportRule) -> Result<()> {
        self.apply_declared(r)?;
        self.conditions.apply(&mut r.conditions)?;
        self.exceptions.apply(&mut r.exceptions)?;
        self.actions.apply_declared(&mut r.actions)
    }
}

#[derive(Args, Debug)]
pub struct EnableTransportRule {
    #[command(flatten)]
    pub target: IdentityArgs,
    /// Enforce (act), Audit or AuditAndNotify (only record that the rule matched); the
    /// rule's mode is unchanged without it.
    #[arg(long, ignore_case = true)]
    pub mode: Option<RuleMode>,
}

pub fn run(cmd: Cmd, ctx: &Context) -> Result<Output> {
    match cmd {
        Cmd::Get(a) => super::get::<TransportRule>(ctx, a.identity.as_deref(), &VIEW),
        Cmd::New(a) => {
            let mut r = TransportRule::new(a.name);
            a.params.apply(&mut r)?;
            let priority = a.params.priority;
            super::new_with(ctx, &a.change, &VIEW, r, |state, r| {
                state.transport_rules.push(r);
                let last = state.transport_rules.len() - 1;
                super::place::<TransportRule>(state, last, priority)
            })
        }
        Cmd::Set(a) => {
            super::set_moving::<TransportRule>(ctx, &a.identity, &a.change, &VIEW, |state, i| {
                let r = &mut state.transport_rules[i];
                assign!(a => r; name);
                a.params.apply(r)?;
                super::place::<TransportRule>(state, i, a.params.priority)
            })
        }
        Cmd::Remove(a) => super::remove_then::<TransportRule>(
            ctx,
            &a.identity,
            &a.change,
            &VIEW,
            super::renumber::<TransportRule>,
        ),
        Cmd::Enable(a) => {
            super::set::<TransportRule>(ctx, &a.target.identity, &a.target.change, &VIEW, |r| {
                r.enabled = true;
                assign!(a => r; mode);
                Ok(())
            })
        }
        Cmd::Disable(a) => super::enable::<TransportRule>(ctx, &a, false, &VIEW),
    }
}
