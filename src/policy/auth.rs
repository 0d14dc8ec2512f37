//! Sender authentication facts and what they mean. The relay (`relay::auth`) checks SPF,
//! DKIM, DMARC and ARC with the mail-auth crate, which needs DNS; what it found comes in
//! here as `AuthResults`, and `judge` says what the sender's DMARC policy asks for:
//!
//! - DMARC fails and the domain publishes `p=reject`: refuse the message (550 5.7.1).
//! - DMARC fails with `p=quarantine`: the message is quarantined (the content stage acts
//!   on the verdict; until then it is stamped and marked as spam).
//! - HonorDmarcPolicy `$false` on the HostedConnectionFilterPolicy: neither; such mail is
//!   only marked as spam, as EOP's `action=oreject` / `action=oquarantine`.
//!
//! Mail from clients an InboundConnector identifies (on-premises and partners) and the
//! relay's own mail are not checked at all (`exempt`), as EOP trusts them.

use serde::Serialize;

use super::decision::{Blame, Client, Origin, Refusal};
use crate::state::model::HostedConnectionFilterPolicy;

/// Sender authentication, as the relay's authentication stage found it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct AuthFacts {
    pub spf: Outcome,
    pub dkim: Outcome,
    pub dmarc: Outcome,
    /// The From domain's DMARC policy asks for quarantine (or for reject, not honoured):
    /// the message is spam, as EOP marks it.
    pub dmarc_policy_spam: bool,
}

/// One method's result (RFC 8601 §2.7 result values).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Outcome {
    Pass,
    Fail,
    SoftFail,
    Neutral,
    None,
    TempError,
    PermError,
}

impl std::fmt::Display for Outcome {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let s = serde_json::to_value(self).ok();
        f.write_str(s.as_ref().and_then(|v| v.as_str()).unwrap_or("none"))
    }
}

/// An SPF result for one identity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SpfCheck {
    pub result: Outcome,
    /// The domain whose record was evaluated.
    pub domain: String,
}

/// One DKIM signature's result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DkimCheck {
    pub result: Outcome,
    /// The signing domain (d=) and selector (s=), empty when the signature did not parse.
    pub domain: String,
    pub selector: String,
}

/// The `p=` the author domain publishes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum DmarcPolicy {
    None,
    Quarantine,
    Reject,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DmarcCheck {
    pub result: Outcome,
    /// The RFC 5322 From domain.
    pub domain: String,
    pub policy: DmarcPolicy,
}

/// Everything sender authentication found for one message: a fact for the spam scorer
/// and the trace.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AuthResults {
    /// SPF for the HELO/EHLO identity.
    pub spf_helo: SpfCheck,
    /// SPF for the MAIL FROM identity (the HELO domain's for the null sender).
    pub spf_mail_from: SpfCheck,
    pub dkim: Vec<DkimCheck>,
    /// The ARC chain (`none` without ARC headers).
    pub arc: Outcome,
    pub dmarc: DmarcCheck,
    /// The Authentication-Results header value written on the message (RFC 8601).
    pub header: String,
}

impl AuthResults {
    /// What the spam scorer reads: SPF for MAIL FROM, the best DKIM signature, DMARC, and
    /// whether the DMARC policy (as `verdict` applied it) makes the message spam.
    pub fn facts(&self, verdict: &AuthVerdict) -> AuthFacts {
        let dkim = if self.dkim.iter().any(|d| d.result == Outcome::Pass) {
            Outcome::Pass
        } else {
            self.dkim.first().map_or(Outcome::None, |d| d.result)
        };
        AuthFacts {
            spf: self.spf_mail_from.result,
            dkim,
            dmarc: self.dmarc.result,
            dmarc_policy_spam: verdict.is_spam(),
        }
    }
}

/// What the DMARC policy asks for, once HonorDmarcPolicy is applied.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum DmarcAction {
    /// DMARC passed, or did not apply, or the domain asks for nothing.
    None,
    Reject,
    Quarantine,
    /// p=reject not honoured (HonorDmarcPolicy $false): marked as spam (EOP's `oreject`).
    OverrideReject,
    /// p=quarantine not honoured: marked as spam (EOP's `oquarantine`).
    OverrideQuarantine,
}

impl DmarcAction {
    /// The word stamped on the message and logged (`oreject` as in EOP's compauth).
    pub fn word(self) -> &'static str {
        match self {
            DmarcAction::None => "none",
            DmarcAction::Reject => "reject",
            DmarcAction::Quarantine => "quarantine",
            DmarcAction::OverrideReject => "oreject",
            DmarcAction::OverrideQuarantine => "oquarantine",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AuthVerdict {
    pub action: DmarcAction,
    pub blame: Option<Blame>,
}

impl AuthVerdict {
    /// The refusal at the end of DATA, for p=reject honoured.
    pub fn refusal(&self) -> Option<Refusal> {
        (self.action == DmarcAction::Reject).then_some(Refusal::DmarcReject)
    }

    /// Whether the message is to be treated as spam (quarantined or marked).
    pub fn is_spam(&self) -> bool {
        !matches!(self.action, DmarcAction::None | DmarcAction::Reject)
    }
}

/// Why a client's mail is not authenticated, or `None` when it is to be.
pub fn exempt(client: &Client) -> Option<Blame> {
    if let Some(who) = &client.submitter {
        return Some(Blame::new(
            who.to_string(),
            "authenticated with SMTP AUTH: sender authentication is not checked",
        ));
    }
    match (&client.origin, &client.connector) {
        (Origin::Local, _) => Some(client.blame.clone()),
        (_, Some((name, kind))) => Some(Blame::new(
            format!("InboundConnector \"{name}\""),
            format!("a trusted {kind:?} connector: sender authentication is not checked"),
        )),
        _ => None,
    }
}

/// What the DMARC result asks for under the connection filter policy. `allowed`: the
/// client is on the IPAllowList, so spam filtering, of which the DMARC action is part, is
/// skipped.
pub fn judge(
    policy: &HostedConnectionFilterPolicy,
    results: &AuthResults,
    allowed: bool,
) -> AuthVerdict {
    let d = &results.dmarc;
    if d.result != Outcome::Fail || d.policy == DmarcPolicy::None {
        return AuthVerdict {
            action: DmarcAction::None,
            blame: None,
        };
    }
    let honor = policy.honor_dmarc_policy;
    let action = match (d.policy, honor) {
        (DmarcPolicy::Reject, true) => DmarcAction::Reject,
        (DmarcPolicy::Reject, false) => DmarcAction::OverrideReject,
        (_, true) => DmarcAction::Quarantine,
        (_, false) => DmarcAction::OverrideQuarantine,
    };
    let p = serde_json::to_value(d.policy).ok();
    let p = p.as_ref().and_then(|v| v.as_str()).unwrap_or("none");
    let object = format!("HostedConnectionFilterPolicy \"{}\"", policy.name);
    if allowed {
        return AuthVerdict {
            action: DmarcAction::None,
            blame: Some(Blame::new(
                object,
                format!(
                    "{} fails DMARC and publishes p={p}, but the client is in IPAllowList: spam filtering is skipped",
                    d.domain
                ),
            )),
        };
    }
    AuthVerdict {
        action,
        blame: Some(Blame::new(
            object,
            format!(
                "{} fails DMARC and publishes p={p}; HonorDmarcPolicy {}: {}",
                d.domain,
                if honor { "$true" } else { "$false" },
                action.word()
            ),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn results(result: Outcome, policy: DmarcPolicy) -> AuthResults {
        let spf = SpfCheck {
            result: Outcome::Fail,
            domain: "fabrikam.example".into(),
        };
        AuthResults {
            spf_helo: spf.clone(),
            spf_mail_from: spf,
            dkim: Vec::new(),
            arc: Outcome::None,
            dmarc: DmarcCheck {
                result,
                domain: "fabrikam.example".into(),
                policy,
            },
            header: String::new(),
        }
    }

    fn judge_(p: &HostedConnectionFilterPolicy, r: &AuthResults) -> AuthVerdict {
        judge(p, r, false)
    }

    #[test]
    fn dmarc_policy_is_honoured_unless_switched_off() {
        let mut p = HostedConnectionFilterPolicy::default();
        let v = judge_(&p, &results(Outcome::Fail, DmarcPolicy::Reject));
        assert_eq!(v.refusal(), Some(Refusal::DmarcReject));
        assert!(v.blame.unwrap().reason.contains("p=reject"));
        let v = judge_(&p, &results(Outcome::Fail, DmarcPolicy::Quarantine));
        assert_eq!(
            (v.action, v.is_spam(), v.refusal()),
            (DmarcAction::Quarantine, true, None)
        );
        for (outcome, policy) in [
            (Outcome::Pass, DmarcPolicy::Reject),
            (Outcome::Fail, DmarcPolicy::None),
            (Outcome::TempError, DmarcPolicy::Reject),
            (Outcome::None, DmarcPolicy::None),
        ] {
            let v = judge_(&p, &results(outcome, policy));
            assert_eq!(v.action, DmarcAction::None, "{outcome:?} {policy:?}");
        }
        // The IP Allow list skips spam filtering, the DMARC action with it.
        let v = judge(&p, &results(Outcome::Fail, DmarcPolicy::Reject), true);
        assert_eq!(v.action, DmarcAction::None);
        assert!(v.blame.unwrap().reason.contains("IPAllowList"));
        p.honor_dmarc_policy = false;
        let v = judge_(&p, &results(Outcome::Fail, DmarcPolicy::Reject));
        assert_eq!(
            (v.action, v.is_spam(), v.refusal()),
            (DmarcAction::OverrideReject, true, None)
        );
        assert_eq!(
            judge_(&p, &results(Outcome::Fail, DmarcPolicy::Quarantine))
                .action
                .word(),
            "oquarantine"
        );
    }

    #[test]
    fn trusted_connectors_and_the_relay_are_exempt() {
        let s = crate::state::store::parse(
            "apiVersion: eopctl/v3\nInboundConnectors:\n  - { Name: On-prem, ConnectorType: OnPremises, SenderIPAddresses: [198.51.100.0/24] }\n  - { Name: Bank, ConnectorType: Partner, SenderDomains: [bank.example], SenderIPAddresses: [203.0.113.0/24] }\n",
            std::path::Path::new("t.yaml"),
        )
        .unwrap();
        let who = |ip: &str| {
            crate::policy::connection::identify(
                &s,
                Origin::Client(ip.parse().unwrap()),
                &Default::default(),
            )
        };
        assert!(
            exempt(&who("198.51.100.1"))
                .unwrap()
                .object
                .contains("On-prem")
        );
        assert!(
            exempt(&who("203.0.113.1"))
                .unwrap()
                .reason
                .contains("Partner")
        );
        assert!(exempt(&who("192.0.2.1")).is_none());
        assert!(
            exempt(&crate::policy::connection::identify(
                &s,
                Origin::Local,
                &Default::default()
            ))
            .is_some()
        );
    }
}
