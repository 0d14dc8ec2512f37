//! Get/New/Set/Remove-HostedContentFilterPolicy: anti-spam policies ("Protect on-premises
//! mailboxes", step 5). A policy holds settings only: Default always exists, cannot be
//! removed and applies to every recipient no enabled rule names; a custom policy applies
//! to whom its HostedContentFilterRule names (`content_filter_rule.rs`), and cannot be
//! removed while a rule applies it.

use clap::Subcommand;

use super::View;
use crate::assign;
use crate::cmdlets::common::{Context, GetArgs, IdentityArgs};
use crate::error::{Error, Result};
use crate::output::{Output, key};
use crate::state::model::{
    FilterPolicy, HostedContentFilterPolicy, HostedContentFilterRule, SpamFilteringAction,
    SpamFilteringOption, SpamScanner,
};

const VIEW: View = View {
    columns: Params::COLUMNS,
};

#[derive(Subcommand, Debug)]
pub enum Cmd {
    /// Lists anti-spam policies.
    #[command(
        name = "get-hostedcontentfilterpolicy",
        alias = "Get-HostedContentFilterPolicy"
    )]
    Get(GetArgs),
    /// Creates an anti-spam policy for some recipients or domains.
    #[command(
        name = "new-hostedcontentfilterpolicy",
        alias = "New-HostedContentFilterPolicy"
    )]
    New(super::NewArgs<Params>),
    /// Changes an anti-spam policy (Default included).
    #[command(
        name = "set-hostedcontentfilterpolicy",
        alias = "Set-HostedContentFilterPolicy"
    )]
    Set(super::SetArgs<Params>),
    /// Removes a custom anti-spam policy.
    #[command(
        name = "remove-hostedcontentfilterpolicy",
        alias = "Remove-HostedContentFilterPolicy"
    )]
    Remove(IdentityArgs),
}

crate::params! {
    /// The parameters of New- and Set-HostedContentFilterPolicy.
    pub struct Params for HostedContentFilterPolicy;
    view [key("Name")];
    /// Action for spam (SCL 5-6).
    #[arg(ignore_case = true)]
    spam_action: value(SpamFilteringAction) = "SpamAction", key;
    /// Action for high confidence spam (SCL 7-9).
    #[arg(ignore_case = true)]
    high_confidence_spam_action: value(SpamFilteringAction) = "HighConfidenceSpamAction", wide;
    /// Action for phishing (spoofed accepted domain, lookalike domains).
    #[arg(ignore_case = true)]
    phish_spam_action: value(SpamFilteringAction) = "PhishSpamAction", wide;
    /// Action for bulk mail at or over BulkThreshold.
    #[arg(ignore_case = true)]
    bulk_spam_action: value(SpamFilteringAction) = "BulkSpamAction", wide;
    /// The bulk complaint level (1-9) from which mail is bulk.
    #[arg(value_name = "Int32")]
    bulk_threshold: value(u8) = "BulkThreshold", wide;
    /// The header AddXHeader adds, as `X-Name: value`.
    add_x_header_value: value(String) = "AddXHeaderValue";
    /// The subject prefix ModifySubject adds.
    modify_subject_value: value(String) = "ModifySubjectValue";
    /// Where Redirect sends the message.
    #[arg(value_name = "Addresses")]
    redirect_to_recipients: list = "RedirectToRecipients";
    /// Senders whose mail skips spam filtering (SCL -1).
    #[arg(value_name = "Addresses")]
    allowed_senders: list = "AllowedSenders";
    /// Sender domains whose mail skips spam filtering.
    #[arg(value_name = "Domains")]
    allowed_sender_domains: list = "AllowedSenderDomains";
    /// Senders whose mail is high confidence spam (SCL 9).
    #[arg(value_name = "Addresses")]
    blocked_senders: list = "BlockedSenders";
    /// Sender domains whose mail is high confidence spam.
    #[arg(value_name = "Domains")]
    blocked_sender_domains: list = "BlockedSenderDomains";
    /// Mark messages with no body and no attachment as spam: Off, On or Test.
    #[arg(ignore_case = true)]
    mark_as_spam_empty_messages: value(SpamFilteringOption) = "MarkAsSpamEmptyMessages";
    /// Mark mail whose From domain fails sender authentication (DMARC) as spam.
    #[arg(ignore_case = true)]
    mark_as_spam_from_address_auth_fail: value(SpamFilteringOption) = "MarkAsSpamFromAddressAuthFail";
    /// Mark bounces of mail the organisation never sent as spam.
    #[arg(ignore_case = true)]
    mark_as_spam_ndr_backscatter: value(SpamFilteringOption) = "MarkAsSpamNdrBackscatter";
    /// Mark mail whose SPF check hard-fails as spam.
    #[arg(ignore_case = true)]
    mark_as_spam_spf_record_hard_fail: value(SpamFilteringOption) = "MarkAsSpamSpfRecordHardFail";
    /// Treat bulk mail at or over BulkThreshold as spam (BulkSpamAction).
    #[arg(ignore_case = true)]
    mark_as_spam_bulk_mail: value(SpamFilteringOption) = "MarkAsSpamBulkMail";
    /// Days a quarantined message is kept (1-30).
    #[arg(value_name = "Int32")]
    quarantine_retention_period: value(u32) = "QuarantineRetentionPeriod";
    /// The quarantine policy of spam quarantines (what recipients may do, notifications).
    #[arg(value_name = "QuarantinePolicy")]
    spam_quarantine_tag: value(String) = "SpamQuarantineTag";
    /// The quarantine policy of high confidence spam quarantines.
    #[arg(value_name = "QuarantinePolicy")]
    high_confidence_spam_quarantine_tag: value(String) = "HighConfidenceSpamQuarantineTag";
    /// The quarantine policy of phishing quarantines.
    #[arg(value_name = "QuarantinePolicy")]
    phish_quarantine_tag: value(String) = "PhishQuarantineTag";
    /// The quarantine policy of bulk quarantines.
    #[arg(value_name = "QuarantinePolicy")]
    bulk_quarantine_tag: value(String) = "BulkQuarantineTag";
    /// The quarantine policy of high confidence phishing quarantines (users may at most
    /// request their release).
    #[arg(value_name = "QuarantinePolicy")]
    high_confidence_phish_quarantine_tag: value(String) = "HighConfidencePhishQuarantineTag";
    /// An external scanner to ask (Rspamd); $null for none.
    spam_scanner: manual(Option<String>) = "SpamScanner", wide;
    /// The scanner's URL, such as http://127.0.0.1:11333.
    spam_scanner_url: option = "SpamScannerUrl";
}

impl Params {
    fn apply(&self, p: &mut HostedContentFilterPolicy) -> Result<()> {
        self.apply_declared(p)?;
        if let Some(v) = &self.spam_scanner {
            p.spam_scanner = match v.trim() {
                "" => None,
                v => Some(
                    <SpamScanner as clap::ValueEnum>::from_str(v, true).map_err(|_| {
                        Error::usage(format!(
                            "-SpamScanner: '{v}' is not a scanner: use Rspamd, or $null for none"
                        ))
                    })?,
                ),
            };
        }
        Ok(())
    }
}

pub fn run(cmd: Cmd, ctx: &Context) -> Result<Output> {
    match cmd {
        Cmd::Get(a) => super::get::<HostedContentFilterPolicy>(ctx, a.identity.as_deref(), &VIEW),
        Cmd::New(a) => {
            let mut p = HostedContentFilterPolicy::new(a.name);
            a.params.apply(&mut p)?;
            super::new(ctx, &a.change, &VIEW, p, |_, _| {})
        }
        Cmd::Set(a) => super::set_with::<HostedContentFilterPolicy>(
            ctx,
            &a.identity,
            &a.change,
            &VIEW,
            |state, i| {
                let p = &mut state.content_filter_policies[i];
                if a.name.is_some() && p.is_default() {
                    return Err(super::default_policy_fixed::<HostedContentFilterPolicy>());
                }
                let old = p.name.clone();
                assign!(a => p; name);
                a.params.apply(p)?;
                let new = state.content_filter_policies[i].name.clone();
                super::filter_rule::follow_rename::<HostedContentFilterRule>(state, &old, &new);
                Ok(())
            },
        ),
        Cmd::Remove(a) => {
            super::refuse_default::<HostedContentFilterPolicy>(ctx, &a.identity)?;
            super::filter_rule::refuse_applied::<HostedContentFilterRule, HostedContentFilterPolicy>(
                ctx,
                &a.identity,
            )?;
            super::remove::<HostedContentFilterPolicy>(ctx, &a.identity, &a.change, &VIEW)
        }
    }
}
