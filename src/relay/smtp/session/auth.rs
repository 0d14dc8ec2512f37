//! AUTH (RFC 4954): where it is offered, the PLAIN and LOGIN exchanges, and the password
//! check with its brute-force limits. The policy says who a login names, whether AUTH is
//! offered and what past failures allow (`policy::submission`); the password hashes and
//! the failure counts are in the credentials store (`crate::credentials`), read on every
//! attempt, so a password set while the relay runs works at once.
//!
//! Every failed login costs the same: an Argon2 verification (against a dummy hash when
//! the login names nobody) and a delay that grows with the client's recent failures.

use std::time::Duration;

use tracing::{info, warn};

use super::{Session, Step};
use crate::credentials::{self, Store};
use crate::policy::submission::{self, Throttle};
use crate::policy::{Blame, Submitter};
use crate::relay::reply::{self, Reply};
use crate::relay::smtp::proto::{self, LineResult};
use crate::relay::smtp::sasl::{self, Credentials, Mechanism, SaslError};

/// How a login attempt ended.
enum Outcome {
    Ok(Submitter),
    /// Wrong password, unknown login, or the account is blocked (not told apart).
    Failed,
    ClientBlocked,
}

impl Session {
    pub(super) fn auth_offered(&self) -> bool {
        self.client.submitter.is_none() && submission::auth_offered(self.rc(), self.tls.on)
    }

    pub(super) async fn auth(&mut self, mechanism: &str, initial: Option<String>) -> Step {
        if self.client.submitter.is_some() {
            return self.protocol_error(&reply::AUTH_AGAIN);
        }
        if self.helo.is_none() {
            return self.protocol_error(&reply::NEED_HELO);
        }
        if self.tx.is_some() {
            return self.protocol_error(&reply::BAD_SEQUENCE);
        }
        if !submission::auth_offered(self.rc(), self.tls.on) {
            let r = if submission::auth_offered(self.rc(), true) {
                reply::AUTH_NEEDS_TLS
            } else {
                reply::AUTH_NOT_OFFERED
            };
            return self.protocol_error(&r);
        }
        let Some(mechanism) = Mechanism::parse(mechanism) else {
            return self.protocol_error(&reply::AUTH_MECHANISM);
        };
        let creds = match self.exchange(mechanism, initial).await {
            Ok(Ok(c)) => c,
            Ok(Err(e)) => {
                info!(session = self.ctx.id, mechanism = mechanism.name(), error = %e, "authentication response refused");
                let r = if e == SaslError::Cancelled {
                    reply::AUTH_CANCELLED
                } else {
                    reply::AUTH_BAD_RESPONSE
                };
                return self.protocol_error(&r);
            }
            Err(step) => return step,
        };
        let user = creds.user.clone();
        match self.check(creds).await {
            Outcome::Ok(who) => {
                info!(session = self.ctx.id, mechanism = mechanism.name(), user = %user, submitter = %who, "authenticated");
                self.client.blame = Blame::new(
                    who.to_string(),
                    format!("authenticated with AUTH {} over TLS", mechanism.name()),
                );
                self.client.submitter = Some(who);
                self.reply(&reply::AUTH_OK);
            }
            Outcome::Failed => self.reply(&reply::AUTH_FAILED),
            Outcome::ClientBlocked => self.reply(&reply::AUTH_BLOCKED),
        }
        Step::Continue
    }

    /// The client's credentials, prompting for what the initial response did not carry.
    /// `Err` is the step that ends the session (the client left mid-exchange).
    async fn exchange(
        &mut self,
        mechanism: Mechanism,
        initial: Option<String>,
    ) -> Result<Result<Credentials, SaslError>, Step> {
        match mechanism {
            Mechanism::Plain => {
                let response = match initial {
                    Some(r) => r,
                    None => self.prompt(&reply::AUTH_GO_ON).await?,
                };
                Ok(sasl::plain(&response))
            }
            Mechanism::Login => {
                let user = match initial {
                    Some(r) => r,
                    None => self.prompt(&reply::AUTH_USERNAME).await?,
                };
                let user = match sasl::login_field(&user) {
                    Ok(u) => u,
                    Err(e) => return Ok(Err(e)),
                };
                let password = self.prompt(&reply::AUTH_PASSWORD).await?;
                Ok(sasl::login_field(&password).map(|password| Credentials { user, password }))
            }
        }
    }

    /// Sends a 334 challenge and reads the client's one-line answer.
    async fn prompt(&mut self, challenge: &Reply) -> Result<String, Step> {
        self.reply(challenge);
        loop {
            match proto::next_line(&self.buf) {
                LineResult::Line(n) => {
                    let line: Vec<u8> = self.buf.drain(..n + 2).take(n).collect();
                    self.next_record();
                    // Not UTF-8 is not base64 either: the decoder refuses it.
                    return Ok(String::from_utf8(line).unwrap_or_default());
                }
                LineResult::BareLf(_) | LineResult::TooLong => {
                    self.buf.clear();
                    return Ok(String::new());
                }
                LineResult::Incomplete => match self.read_more(false).await {
                    Ok(true) => {}
                    Ok(false) => return Err(Step::Drop("client closed in AUTH")),
                    Err(why) => return Err(Step::Drop(why)),
                },
            }
        }
    }

    /// Checks the password under the brute-force limits, off the async threads (Argon2
    /// and SQLite block).
    async fn check(&mut self, creds: Credentials) -> Outcome {
        let who = submission::login(&self.ctx.snapshot.state, &creds.user);
        let login = creds.user.clone();
        let data_dir = self.ctx.snapshot.data_dir.clone();
        let ip = crate::state::values::canonical_ip(self.ctx.peer.ip());
        let client_key = format!("client:{ip}");
        let login_key = format!("login:{}", creds.user.to_lowercase());
        let lookup = who.clone();
        let now = chrono::Utc::now().timestamp();
        let since = now - submission::WINDOW_SECS;
        let judged = tokio::task::spawn_blocking(move || {
            let mut db = credentials::Sqlite::open(&data_dir)?;
            let throttle = submission::throttle(
                db.failures(&client_key, since)?,
                db.failures(&login_key, since)?,
            );
            if throttle == Throttle::ClientBlocked {
                return Ok((throttle, false, 0));
            }
            let stored = match &lookup {
                Some(w) if throttle == Throttle::Go => db.password(w)?,
                _ => None,
            };
            // A blocked account is checked against the dummy: same time, always no.
            let good = credentials::verify(stored.as_deref(), &creds.password)
                && throttle == Throttle::Go
                && lookup.is_some();
            let mut failures = 0;
            if !good {
                db.fail(
                    &[client_key.clone(), login_key],
                    now,
                    submission::WINDOW_SECS,
                )?;
                failures = db.failures(&client_key, since)?;
            }
            Ok::<_, credentials::CredentialError>((throttle, good, failures))
        })
        .await;
        let user = who
            .as_ref()
            .map_or_else(|| "nobody".to_string(), ToString::to_string);
        match judged {
            Ok(Ok((Throttle::ClientBlocked, _, _))) => {
                warn!(session = self.ctx.id, peer = %self.ctx.peer, login = %login, user = %user, limit = submission::CLIENT_LIMIT, "authentication refused: too many failed logins from this client address");
                Outcome::ClientBlocked
            }
            Ok(Ok((_, true, _))) => Outcome::Ok(who.expect("a good password names someone")),
            Ok(Ok((throttle, false, failures))) => {
                let reason = match (throttle, &who) {
                    (Throttle::AccountBlocked, _) => "too many failed logins for this account",
                    (_, None) => "no such mailbox or SmtpAuthAccount",
                    _ => "wrong password, or none set",
                };
                warn!(session = self.ctx.id, peer = %self.ctx.peer, login = %login, user = %user, failures, reason, "authentication failed");
                tokio::time::sleep(Duration::from_millis(submission::failure_delay_ms(
                    failures,
                )))
                .await;
                Outcome::Failed
            }
            Ok(Err(e)) => {
                warn!(session = self.ctx.id, error = %e, "credentials store unreadable: authentication failed");
                Outcome::Failed
            }
            Err(e) => {
                warn!(session = self.ctx.id, error = %e, "password check did not finish");
                Outcome::Failed
            }
        }
    }
}
