//! Get/New/Set/Remove-HostedContentFilterPolicy: anti-spam policies ("Protect on-premises mailboxes", step 5).
//! Default always exists and cannot be removed; a custom policy names its recipients
//! itself (-SentTo, -RecipientDomainIs, -Priority), where Exchange keeps them in a
//! HostedContentFilterRule.

use clap::{Args, Subcommand};

use super::View;
use crate::assign;
use crate::cmdlets::common::{Context, GetArgs, IdentityArgs, edit_list, edit_option};
use crate::error::{Error, Result};
use crate::output::{Output, key, wide};
use crate::state::model::{
    HostedContentFilterPolicy, Scoped, SpamFilteringAction, SpamFilteringOption, SpamScanner,
};

const VIEW: View = View {
    columns: &[
        key("Name"),
        key("Priority"),
        key("SpamAction"),
        wide("HighConfidenceSpamAction"),
        wide("PhishSpamAction"),
        wide("BulkSpamAction"),
        wide("BulkThreshold"),
        wide("SpamScanner"),
    ],
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

#[derive(Args, Debug, Default)]
pub struct Params {
    #[command(flatten)]
    pub scope: super::PolicyScope,
    /// Action for spam (SCL 5-6).
    #[arg(long, ignore_case = true)]
    pub spam_action: Option<SpamFilteringAction>,
    /// Action for high confidence spam (SCL 7-9).
    #[arg(long, ignore_case = true)]
    pub high_confidence_spam_action: Option<SpamFilteringAction>,
    /// Action for phishing (spoofed accepted domain, lookalike domains).
    #[arg(long, ignore_case = true)]
    pub phish_spam_action: Option<SpamFilteringAction>,
    /// Action for bulk mail at or over BulkThreshold.
    #[arg(long, ignore_case = true)]
    pub bulk_spam_action: Option<SpamFilteringAction>,
    /// The bulk complaint level (1-9) from which mail is bulk.
    #[arg(long, value_name = "Int32")]
    pub bulk_threshold: Option<u8>,
    /// The header AddXHeader adds, as `X-Name: value`.
    #[arg(long = "add-x-header-value", alias = "AddXHeaderValue")]
    pub add_x_header_value: Option<String>,
    /// The subject prefix ModifySubject adds.
    #[arg(long)]
    pub modify_subject_value: Option<String>,
    /// Where Redirect sends the message.
    #[arg(long, value_name = "Addresses")]
    pub redirect_to_recipients: Option<Vec<String>>,
    /// Senders whose mail skips spam filtering (SCL -1).
    #[arg(long, value_name = "Addresses")]
    pub allowed_senders: Option<Vec<String>>,
    /// Sender domains whose mail skips spam filtering.
    #[arg(long, value_name = "Domains")]
    pub allowed_sender_domains: Option<Vec<String>>,
    /// Senders whose mail is high confidence spam (SCL 9).
    #[arg(long, value_name = "Addresses")]
    pub blocked_senders: Option<Vec<String>>,
    /// Sender domains whose mail is high confidence spam.
    #[arg(long, value_name = "Domains")]
    pub blocked_sender_domains: Option<Vec<String>>,
    /// Mark messages with no body and no attachment as spam: Off, On or Test.
    #[arg(long, ignore_case = true)]
    pub mark_as_spam_empty_messages: Option<SpamFilteringOption>,
    /// Mark mail whose From domain fails sender authentication (DMARC) as spam.
    #[arg(long, ignore_case = true)]
    pub mark_as_spam_from_address_auth_fail: Option<SpamFilteringOption>,
    /// Mark bounces of mail the organisation never sent as spam.
    #[arg(
        long = "mark-as-spam-ndr-backscatter",
        alias = "MarkAsSpamNdrBackscatter",
        ignore_case = true
    )]
    pub mark_as_spam_ndr_backscatter: Option<SpamFilteringOption>,
    /// Mark mail whose SPF check hard-fails as spam.
    #[arg(long, ignore_case = true)]
    pub mark_as_spam_spf_record_hard_fail: Option<SpamFilteringOption>,
    /// Treat bulk mail at or over BulkThreshold as spam (BulkSpamAction).
    #[arg(long, ignore_case = true)]
    pub mark_as_spam_bulk_mail: Option<SpamFilteringOption>,
    /// Days a quarantined message is kept (1-30).
    #[arg(long, value_name = "Int32")]
    pub quarantine_retention_period: Option<u32>,
    /// An external scanner to ask (Rspamd); $null for none.
    #[arg(long)]
    pub spam_scanner: Option<String>,
    /// The scanner's URL, such as http://127.0.0.1:11333.
    #[arg(long)]
    pub spam_scanner_url: Option<String>,
}

impl Params {
    fn apply(&self, p: &mut HostedContentFilterPolicy) -> Result<()> {
        assign!(self => p; spam_action, high_confidence_spam_action, phish_spam_action,
            bulk_spam_action, bulk_threshold, add_x_header_value, modify_subject_value,
            mark_as_spam_empty_messages, mark_as_spam_from_address_auth_fail,
            mark_as_spam_ndr_backscatter, mark_as_spam_spf_record_hard_fail,
            mark_as_spam_bulk_mail, quarantine_retention_period);
        self.scope
            .apply(&mut p.sent_to, &mut p.recipient_domain_is, &mut p.priority)?;
        edit_list(
            &self.redirect_to_recipients,
            &mut p.redirect_to_recipients,
            "RedirectToRecipients",
        )?;
        edit_list(
            &self.allowed_senders,
            &mut p.allowed_senders,
            "AllowedSenders",
        )?;
        edit_list(
            &self.allowed_sender_domains,
            &mut p.allowed_sender_domains,
            "AllowedSenderDomains",
        )?;
        edit_list(
            &self.blocked_senders,
            &mut p.blocked_senders,
            "BlockedSenders",
        )?;
        edit_list(
            &self.blocked_sender_domains,
            &mut p.blocked_sender_domains,
            "BlockedSenderDomains",
        )?;
        edit_option(
            &self.spam_scanner_url,
            &mut p.spam_scanner_url,
            "SpamScannerUrl",
        )?;
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
        Cmd::Set(a) => {
            super::set::<HostedContentFilterPolicy>(ctx, &a.identity, &a.change, &VIEW, |p| {
                if a.name.is_some() && p.is_default() {
                    return Err(super::default_policy_fixed("HostedContentFilterPolicy"));
                }
                assign!(a => p; name);
                a.params.apply(p)
            })
        }
        Cmd::Remove(a) => {
            super::refuse_default::<HostedContentFilterPolicy>(ctx, &a.identity)?;
            super::remove::<HostedContentFilterPolicy>(ctx, &a.identity, &a.change, &VIEW)
        }
    }
}
