//! Test-MessageRoute's outbound columns: for the organisation's outbound mail, the
//! sender's outbound spam policy, the limit each recipient counts against and what the
//! sender sent lately (read from the data directory), and its restriction.

use serde_json::json;

use crate::policy;

/// For the organisation's outbound mail: the sender's outbound spam policy, and what it
/// sent lately (from the data directory; none when there is no database yet).
pub fn standing<'s>(
    state: &'s crate::state::State,
    data_dir: &std::path::Path,
    client: &policy::Client,
    sender: Option<&str>,
) -> Option<(policy::outbound::Governing<'s>, crate::outbound::Standing)> {
    policy::outbound::organisation_mail(state, client, sender, false)?;
    let sender = sender?;
    let governing = policy::outbound::governing(state, sender)?;
    let standing = if data_dir.join(crate::outbound::FILE).exists() {
        crate::outbound::Shared::new(data_dir)
            .standing(sender, chrono::Utc::now())
            .unwrap_or_default()
    } else {
        Default::default()
    };
    Some((governing, standing))
}

/// The outbound policy and the limit a recipient counts against, with the counts so far.
pub fn fields(
    r: &mut serde_json::Value,
    d: &policy::RecipientDecision,
    g: &policy::outbound::Governing,
    s: &crate::outbound::Standing,
) {
    use crate::state::model::outbound_spam::effective;
    let p = g.policy;
    let (name, limit, sent) = match d.class {
        Some(policy::RecipientClass::External) => (
            "RecipientLimitExternalPerHour",
            p.recipient_limit_external_per_hour,
            s.hour.external,
        ),
        _ => (
            "RecipientLimitInternalPerHour",
            p.recipient_limit_internal_per_hour,
            s.hour.internal,
        ),
    };
    r["OutboundSpamFilterPolicy"] = json!(g.blame.to_string());
    r["OutboundLimit"] = json!(format!(
        "{name} {} ({sent} sent in the last hour); RecipientLimitPerDay {} ({} sent in the last day); ActionWhenThresholdReached {:?}",
        effective(limit),
        effective(p.recipient_limit_per_day),
        s.day.total(),
        p.action_when_threshold_reached
    ));
    r["SenderRestricted"] = json!(s.restriction.as_ref().map(|b| b.reason.clone()));
}
