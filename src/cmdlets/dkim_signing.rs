//! Get/New/Set/Remove-DkimSigningConfig and Rotate-DkimSigningKey: DKIM signing of the
//! organisation's outbound mail, per accepted domain, with EOP's two selectors.
//!
//! The private keys are PEM files under `<data-dir>/dkim/` (mode 0600), named by domain,
//! selector and a fingerprint of the key, as the certificates' keys are: the state file is
//! copied into the state history and shown by Compare-State and -WhatIf, and a private
//! key must appear in none of them. The state holds the public halves, which Get prints as
//! the TXT records to publish.

use std::path::PathBuf;

use base64::Engine;
use clap::{Args, Subcommand};
use serde_json::{Value, json};
use sha1::{Digest, Sha1};

use super::View;
use crate::cmdlets::common::{ChangeArgs, Context, GetArgs, IdentityArgs};
use crate::error::{Error, Result};
use crate::output::{Output, key, wide};
use crate::state::StateObject;
use crate::state::model::{
    DkimKey, DkimKeyType, DkimSigningConfig, ED25519_KEY_SIZE, RSA_KEY_SIZES, Selector,
};

const VIEW: View = View {
    columns: Params::COLUMNS,
};

/// The key size of a new RSA key without -KeySize, as in EOP.
pub const DEFAULT_RSA_KEY_SIZE: u32 = 2048;

#[derive(Subcommand, Debug)]
pub enum Cmd {
    /// Lists DKIM signing configs, with the selector TXT records to publish.
    #[command(name = "get-dkimsigningconfig", alias = "Get-DkimSigningConfig")]
    Get(GetArgs),
    /// Makes a signing key for an accepted domain (selector1) and signs its outbound mail.
    #[command(name = "new-dkimsigningconfig", alias = "New-DkimSigningConfig")]
    New(NewParams),
    /// Turns DKIM signing of a domain on or off.
    #[command(name = "set-dkimsigningconfig", alias = "Set-DkimSigningConfig")]
    Set(SetParams),
    /// Gives the selector that does not sign a new key and makes it the signing one.
    #[command(name = "rotate-dkimsigningkey", alias = "Rotate-DkimSigningKey")]
    Rotate(RotateParams),
    /// Stops signing a domain's mail and deletes its keys.
    #[command(name = "remove-dkimsigningconfig", alias = "Remove-DkimSigningConfig")]
    Remove(IdentityArgs),
}

/// The kind of key to make.
#[derive(Args, Debug)]
pub struct KeyArgs {
    /// The RSA key size in bits: 1024 or 2048. Default: 2048 for a new config, the current
    /// key's size on rotation.
    #[arg(long, value_name = "Int32")]
    pub key_size: Option<u32>,
    /// rsa (rsa-sha256, what every receiver verifies) or ed25519 (RFC 8463, smaller; not
    /// every receiver verifies it). Default: rsa for a new config, the current key's type
    /// on rotation.
    #[arg(long, value_name = "Type", ignore_case = true)]
    pub key_type: Option<DkimKeyType>,
}

crate::params! {
    /// The parameters New- and Set-DkimSigningConfig share.
    pub struct Params for DkimSigningConfig;
    view [key("Domain")] then [
        key("ActiveSelector"),
        wide("KeyType"),
        wide("KeySize"),
        wide("Records"),
    ];
    /// Sign the domain's outbound mail ($true), or not ($false: a new config then only
    /// makes the key, so its record can be published first).
    enabled: bool = "Enabled", key;
}

/// New-DkimSigningConfig: Exchange requires -Enabled here, so the config is never made
/// signing (or not) by default.
#[derive(Args, Debug)]
#[command(mut_args(|a| if a.get_id() == "enabled" { a.required(true) } else { a }))]
pub struct NewParams {
    /// The accepted domain whose mail (its From address) is signed.
    #[arg(long, value_name = "Domain")]
    pub domain_name: String,
    #[command(flatten)]
    pub params: Params,
    #[command(flatten)]
    pub key: KeyArgs,
    #[command(flatten)]
    pub change: ChangeArgs,
}

#[derive(Args, Debug)]
pub struct SetParams {
    /// The domain of the config.
    #[arg(long, value_name = "Identity")]
    pub identity: String,
    #[command(flatten)]
    pub params: Params,
    #[command(flatten)]
    pub change: ChangeArgs,
}

#[derive(Args, Debug)]
pub struct RotateParams {
    /// The domain of the config.
    #[arg(long, value_name = "Identity")]
    pub identity: String,
    #[command(flatten)]
    pub key: KeyArgs,
    #[command(flatten)]
    pub change: ChangeArgs,
}

pub fn run(cmd: Cmd, ctx: &Context) -> Result<Output> {
    match cmd {
        Cmd::Get(a) => get(ctx, a.identity.as_deref()),
        Cmd::New(a) => new(ctx, a),
        Cmd::Set(a) => super::set::<DkimSigningConfig>(ctx, &a.identity, &a.change, &VIEW, |c| {
            a.params.apply_declared(c)
        }),
        Cmd::Rotate(a) => rotate(ctx, a),
        Cmd::Remove(a) => remove(ctx, a),
    }
}

/// What Get shows of a config: never the key files, but the records to publish.
pub fn row(c: &DkimSigningConfig) -> Value {
    let active = c.active_key();
    let mut records = Vec::new();
    let mut row = json!({
        "Domain": c.domain.to_string(),
        "Enabled": c.enabled,
        "ActiveSelector": c.active_selector.as_str(),
        "KeyType": active.map(|k| format!("{:?}", k.key_type).to_lowercase()),
        "KeySize": active.map(|k| k.key_size),
        "KeyCreationTime": active.map(|k| k.key_creation_time),
    });
    for s in [Selector::Selector1, Selector::Selector2] {
        let name = c.record_name(s);
        let record = c.key(s).map(|k| {
            let r = k.record();
            records.push(format!("{name} TXT \"{r}\""));
            r
        });
        let key = if s == Selector::Selector1 {
            "Selector1"
        } else {
            "Selector2"
        };
        row[key] = json!(name);
        row[format!("{key}Record")] = json!(record);
    }
    row["Records"] = json!(records);
    row
}

fn get(ctx: &Context, identity: Option<&str>) -> Result<Output> {
    let state = ctx.store.load()?;
    let all = &state.dkim_signing_configs;
    let chosen: Vec<&DkimSigningConfig> = match identity {
        None => all.iter().collect(),
        Some(id) if id.contains(['*', '?']) => all
            .iter()
            .filter(|o| super::wildcard(id, o.name()))
            .collect(),
        Some(id) => vec![&all[super::find::<DkimSigningConfig>(&state, id)?]],
    };
    Ok(shown(chosen))
}

fn shown<'a>(configs: impl IntoIterator<Item = &'a DkimSigningConfig>) -> Output {
    Output::Objects {
        rows: configs.into_iter().map(row).collect(),
        columns: VIEW.columns,
    }
}

/// The key type and size -KeyType and -KeySize ask for, `current` filling what they leave
/// (-KeySize alone means an RSA key).
fn key_kind(a: &KeyArgs, current: Option<&DkimKey>) -> Result<(DkimKeyType, u32)> {
    let key_type = a
        .key_type
        .or(a.key_size.map(|_| DkimKeyType::Rsa))
        .or(current.map(|k| k.key_type))
        .unwrap_or_default();
    match key_type {
        DkimKeyType::Ed25519 => match a.key_size {
            Some(n) if n != ED25519_KEY_SIZE => Err(Error::usage(format!(
                "-KeySize {n}: an Ed25519 key has no size to choose (it is {ED25519_KEY_SIZE} bits)"
            ))
            .help("leave -KeySize out with -KeyType ed25519, or give -KeyType rsa")),
            _ => Ok((key_type, ED25519_KEY_SIZE)),
        },
        DkimKeyType::Rsa => {
            let size = a
                .key_size
                .or(current
                    .filter(|k| k.key_type == DkimKeyType::Rsa)
                    .map(|k| k.key_size))
                .unwrap_or(DEFAULT_RSA_KEY_SIZE);
            if !RSA_KEY_SIZES.contains(&size) {
                return Err(Error::usage(format!(
                    "-KeySize {size}: RSA DKIM keys are 1024 or 2048 bits"
                ))
                .help("give -KeySize 2048 (or 1024 for a DNS host that cannot publish long TXT records)"));
            }
            Ok((key_type, size))
        }
    }
}

/// A new key pair: the state's half (KeyPath filled in) and the private key in PEM.
fn generate(
    domain: &str,
    selector: Selector,
    (key_type, size): (DkimKeyType, u32),
) -> Result<(DkimKey, String)> {
    let failed = |e: String| {
        Error::failed(format!(
            "DkimSigningConfig \"{domain}\": the {key_type:?} key could not be made: {e}"
        ))
    };
    let (pem, public) = match key_type {
        DkimKeyType::Rsa => {
            use rsa::pkcs8::{EncodePrivateKey, EncodePublicKey, LineEnding};
            let private = rsa::RsaPrivateKey::new(&mut rsa::rand_core::OsRng, size as usize)
                .map_err(|e| failed(e.to_string()))?;
            let pem = private
                .to_pkcs8_pem(LineEnding::LF)
                .map_err(|e| failed(e.to_string()))?;
            let public = rsa::RsaPublicKey::from(&private)
                .to_public_key_der()
                .map_err(|e| failed(e.to_string()))?;
            (pem.to_string(), public.as_bytes().to_vec())
        }
        DkimKeyType::Ed25519 => {
            use mail_auth::common::crypto::Ed25519Key;
            use rsa::pkcs8::{LineEnding, der::SecretDocument};
            let der = Ed25519Key::generate_pkcs8().map_err(|e| failed(e.to_string()))?;
            let public = Ed25519Key::from_pkcs8_der(&der)
                .map_err(|e| failed(e.to_string()))?
                .public_key();
            let pem = SecretDocument::try_from(der.as_slice())
                .and_then(|d| d.to_pem("PRIVATE KEY", LineEnding::LF))
                .map_err(|e| failed(e.to_string()))?;
            (pem.to_string(), public)
        }
    };
    let fingerprint: String = Sha1::digest(&public)
        .iter()
        .take(4)
        .map(|b| format!("{b:02x}"))
        .collect();
    let key = DkimKey {
        key_type,
        key_size: size,
        public_key: base64::engine::general_purpose::STANDARD.encode(&public),
        key_path: PathBuf::from("dkim")
            .join(format!("{domain}.{}.{fingerprint}.key", selector.as_str())),
        key_creation_time: chrono::Utc::now(),
    };
    Ok((key, pem))
}

/// Writes a new key's file (0600) unless -WhatIf; `change` then updates the state, and
/// the file is removed again if it fails.
fn with_key_file<T>(
    ctx: &Context,
    what_if: bool,
    key: &DkimKey,
    pem: &str,
    change: impl FnOnce() -> Result<T>,
) -> Result<T> {
    let path = ctx.store.data_dir().join(&key.key_path);
    if !what_if {
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| Error::io("create", dir, e))?;
        }
        super::certificate::write_file(&path, pem, 0o600)?;
    }
    let result = change();
    if result.is_err() && !what_if {
        let _ = std::fs::remove_file(&path);
    }
    result
}

/// Removes key files the state no longer names (those under the data directory).
fn forget(ctx: &Context, keys: impl IntoIterator<Item = DkimKey>) {
    for k in keys {
        if k.key_path.is_relative() {
            let _ = std::fs::remove_file(ctx.store.data_dir().join(&k.key_path));
        }
    }
}

fn new(ctx: &Context, a: NewParams) -> Result<Output> {
    let domain: crate::state::values::Fqdn =
        crate::cmdlets::common::parse_value(&a.domain_name, "DomainName")?;
    let state = ctx.store.load()?;
    if state.accepted_domain(domain.as_str()).is_none() {
        return Err(Error::not_found(format!(
            "-DomainName {domain}: {domain} is not an accepted domain; only the organisation's own domains can be signed"
        ))
        .help(format!(
            "add it first with `eopctl New-AcceptedDomain -Name {domain} -DomainName {domain}` (Get-AcceptedDomain lists them)"
        )));
    }
    if state
        .dkim_signing_configs
        .iter()
        .any(|c| c.domain == domain)
    {
        return Err(already(&domain));
    }
    let kind = key_kind(&a.key, None)?;
    let (key, pem) = generate(domain.as_str(), Selector::Selector1, kind)?;
    let mut config = DkimSigningConfig {
        domain: domain.clone(),
        enabled: false,
        active_selector: Selector::Selector1,
        selector1: Some(key.clone()),
        selector2: None,
    };
    a.params.apply_declared(&mut config)?;
    let updated = with_key_file(ctx, a.change.what_if, &key, &pem, || {
        ctx.store
            .update(&ctx.command_line, a.change.what_if, |state| {
                if state
                    .dkim_signing_configs
                    .iter()
                    .any(|c| c.domain == domain)
                {
                    return Err(already(&domain));
                }
                state.dkim_signing_configs.push(config.clone());
                Ok(config.clone())
            })
    })?;
    if a.change.what_if {
        return Ok(super::what_if(&ctx.cmdlet, updated.changes));
    }
    Ok(shown([&updated.value]))
}

fn already(domain: &crate::state::values::Fqdn) -> Error {
    Error::conflict(format!("DkimSigningConfig \"{domain}\" already exists")).help(format!(
        "change it with `eopctl Set-DkimSigningConfig -Identity {domain}`, or make a new key with `eopctl Rotate-DkimSigningKey -Identity {domain}`"
    ))
}

fn rotate(ctx: &Context, a: RotateParams) -> Result<Output> {
    let state = ctx.store.load()?;
    let current =
        state.dkim_signing_configs[super::find::<DkimSigningConfig>(&state, &a.identity)?].clone();
    let kind = key_kind(&a.key, current.active_key())?;
    let next = current.active_selector.other();
    let (key, pem) = generate(current.domain.as_str(), next, kind)?;
    let domain = current.domain.to_string();
    let updated = with_key_file(ctx, a.change.what_if, &key, &pem, || {
        ctx.store
            .update(&ctx.command_line, a.change.what_if, |state| {
                let i = super::find::<DkimSigningConfig>(state, &domain)?;
                let config = &mut state.dkim_signing_configs[i];
                if config.active_selector != current.active_selector {
                    return Err(Error::conflict(format!(
                        "DkimSigningConfig \"{domain}\" was rotated by someone else meanwhile"
                    ))
                    .help("see the current selector with `eopctl Get-DkimSigningConfig`, then rotate again if still needed"));
                }
                let replaced = config.rotate(key.clone());
                Ok((config.clone(), replaced))
            })
    })?;
    if a.change.what_if {
        return Ok(super::what_if(&ctx.cmdlet, updated.changes));
    }
    let (config, replaced) = updated.value;
    forget(ctx, replaced);
    Ok(shown([&config]))
}

fn remove(ctx: &Context, a: IdentityArgs) -> Result<Output> {
    let state = ctx.store.load()?;
    let name = state.dkim_signing_configs[super::find::<DkimSigningConfig>(&state, &a.identity)?]
        .domain
        .to_string();
    if !crate::cmdlets::common::confirmed(
        &a.change,
        &format!("Remove DkimSigningConfig \"{name}\"?"),
    )? {
        return super::declined("removed");
    }
    let updated = ctx
        .store
        .update(&ctx.command_line, a.change.what_if, |state| {
            let i = super::find::<DkimSigningConfig>(state, &name)?;
            Ok(state.dkim_signing_configs.remove(i))
        })?;
    if a.change.what_if {
        return Ok(super::what_if(&ctx.cmdlet, updated.changes));
    }
    let removed = updated.value;
    forget(ctx, removed.selector1.into_iter().chain(removed.selector2));
    Ok(Output::Nothing)
}
