//! Get/New/Set/Remove-DirectorySyncProfile and Start-DirectorySync: the LDAP directories
//! MailUsers are synchronised from, so Directory Based Edge Blocking knows every
//! recipient (as Microsoft Entra Connect does for Exchange Online). A profile is
//! configuration (the state file); its bind password and the users it brought live in
//! `<data-dir>/directory.db` (`crate::directory`). `eopctl serve` syncs each profile every
//! SyncIntervalMinutes; Start-DirectorySync syncs now, with a progress bar and a summary.

use std::io::IsTerminal;

use clap::{Args, Subcommand};
use indicatif::{ProgressBar, ProgressStyle};
use serde_json::Value;

use super::View;
use crate::cmdlets::common::{ChangeArgs, Context, GetArgs, IdentityArgs};
use crate::directory::{Sqlite, Summary, SyncError};
use crate::error::{Error, Kind, Result};
use crate::output::{Column, Output, key, wide};
use crate::state::model::DirectorySyncProfile;

const VIEW: View = View {
    columns: Params::COLUMNS,
};

#[derive(Subcommand, Debug)]
pub enum Cmd {
    /// Lists the directories MailUsers are synchronised from, with their last sync.
    #[command(name = "get-directorysyncprofile", alias = "Get-DirectorySyncProfile")]
    Get(GetArgs),
    /// Adds an LDAP directory to synchronise MailUsers from.
    #[command(name = "new-directorysyncprofile", alias = "New-DirectorySyncProfile")]
    New(New),
    /// Changes a directory sync profile (or its bind password).
    #[command(name = "set-directorysyncprofile", alias = "Set-DirectorySyncProfile")]
    Set(Set),
    /// Removes a directory sync profile and the MailUsers it brought.
    #[command(
        name = "remove-directorysyncprofile",
        alias = "Remove-DirectorySyncProfile"
    )]
    Remove(IdentityArgs),
    /// Synchronises MailUsers from a directory now (all enabled profiles by default).
    #[command(name = "start-directorysync", alias = "Start-DirectorySync")]
    Start(Start),
}

crate::params! {
    /// The parameters New- and Set-DirectorySyncProfile share.
    pub struct Params for DirectorySyncProfile;
    view [key("Name")] then [
        wide("LastSuccessfulSync"),
        key("SyncedUsers"),
        key("LastError"),
    ];
    /// `ldap://host[:port]` or `ldaps://host[:port]`.
    ldap_url: value(String) = "LdapUrl", key;
    /// Upgrade an ldap:// connection with StartTLS before binding.
    start_tls: bool = "StartTls", wide;
    /// The account to bind as (empty: anonymous), such as
    /// "cn=eopctl-sync,ou=service,dc=contoso,dc=com".
    #[arg(value_name = "DN")]
    bind_dn: value(String) = "BindDN", wide;
    /// Where the search starts, such as "ou=people,dc=contoso,dc=com".
    #[arg(value_name = "DN")]
    base_dn: value(String) = "BaseDN", wide;
    /// The LDAP filter that selects recipients [default: (|(mail=*)(proxyAddresses=*))].
    filter: value(String) = "Filter", wide;
    /// The attributes that hold addresses [default: mail, proxyAddresses].
    address_attributes: list = "AddressAttributes";
    /// Minutes between the relay's syncs; 0: only Start-DirectorySync [default: 30].
    sync_interval_minutes: value(u32) = "SyncIntervalMinutes", wide;
    /// Whether the relay synchronises this directory.
    enabled: bool = "Enabled", key;
}

#[derive(Args, Debug)]
pub struct New {
    /// A unique name for the profile.
    #[arg(long)]
    pub name: String,
    #[command(flatten)]
    pub params: Params,
    /// Read the bind password (from the terminal, asked twice, or the first line of
    /// stdin). Never on the command line, where shell history would keep it.
    #[arg(long)]
    pub bind_password: bool,
    #[command(flatten)]
    pub change: ChangeArgs,
}

#[derive(Args, Debug)]
pub struct Set {
    /// The profile's name.
    #[arg(long)]
    pub identity: String,
    #[command(flatten)]
    pub params: Params,
    /// Read a new bind password (from the terminal, asked twice, or stdin).
    #[arg(long)]
    pub bind_password: bool,
    #[command(flatten)]
    pub change: ChangeArgs,
}

#[derive(Args, Debug)]
pub struct Start {
    /// The profile to synchronise [default: every enabled profile].
    #[arg(long)]
    pub identity: Option<String>,
    /// Show what would change without changing it.
    #[arg(long)]
    pub what_if: bool,
    /// The trusted CA certificates (PEM) an ldaps:// or StartTLS directory's certificate
    /// must chain to, with the state's Trusted certificates.
    #[arg(
        long,
        default_value = "/etc/ssl/certs/ca-certificates.crt",
        value_name = "FILE"
    )]
    pub ca_file: std::path::PathBuf,
}

const SUMMARY: &[Column] = &[
    key("Profile"),
    key("Added"),
    key("Changed"),
    key("Removed"),
    key("Unchanged"),
];

pub fn run(cmd: Cmd, ctx: &Context) -> Result<Output> {
    match cmd {
        Cmd::Get(a) => {
            let mut out = super::get::<DirectorySyncProfile>(ctx, a.identity.as_deref(), &VIEW)?;
            if let Output::Objects { rows, .. } = &mut out {
                let db =
                    Sqlite::open_existing(ctx.store.data_dir()).map_err(|e| db_error(ctx, e))?;
                for row in rows.iter_mut() {
                    let name = row["Name"].as_str().unwrap_or_default().to_string();
                    let status = match &db {
                        Some(db) => db.status(&name).map_err(|e| db_error(ctx, e))?,
                        None => Default::default(),
                    };
                    if let (Value::Object(o), Ok(Value::Object(s))) =
                        (row, serde_json::to_value(status))
                    {
                        o.extend(s);
                    }
                }
            }
            Ok(out)
        }
        Cmd::New(a) => {
            let password = a
                .bind_password
                .then(|| read_password(&a.name))
                .transpose()?;
            let mut p = DirectorySyncProfile::new(a.name, String::new(), String::new());
            a.params.apply_declared(&mut p)?;
            for (given, param) in [(&p.ldap_url, "LdapUrl"), (&p.base_dn, "BaseDN")] {
                if given.is_empty() {
                    return Err(Error::usage(format!("New-DirectorySyncProfile needs -{param}"))
                        .help("give -LdapUrl ldap://dc1.contoso.com and -BaseDN \"dc=contoso,dc=com\""));
                }
            }
            let name = p.name.clone();
            let out = super::new(ctx, &a.change, &VIEW, p, |_, _| {})?;
            store_password(ctx, &a.change, &name, password)?;
            Ok(out)
        }
        Cmd::Set(a) => {
            let password = a
                .bind_password
                .then(|| read_password(&a.identity))
                .transpose()?;
            let state = ctx.store.load()?;
            let name = state.directory_sync_profiles
                [super::find::<DirectorySyncProfile>(&state, &a.identity)?]
            .name
            .clone();
            let out =
                super::set::<DirectorySyncProfile>(ctx, &a.identity, &a.change, &VIEW, |p| {
                    a.params.apply_declared(p)
                })?;
            store_password(ctx, &a.change, &name, password)?;
            Ok(out)
        }
        Cmd::Remove(a) => {
            let state = ctx.store.load()?;
            let name = state.directory_sync_profiles
                [super::find::<DirectorySyncProfile>(&state, &a.identity)?]
            .name
            .clone();
            let out = super::remove::<DirectorySyncProfile>(ctx, &a.identity, &a.change, &VIEW)?;
            if !a.change.what_if
                && let Some(mut db) =
                    Sqlite::open_existing(ctx.store.data_dir()).map_err(|e| db_error(ctx, e))?
            {
                let n = db.forget(&name).map_err(|e| db_error(ctx, e))?;
                eprintln!(
                    "{n} MailUsers synchronised by DirectorySyncProfile \"{name}\" were removed."
                );
            }
            Ok(out)
        }
        Cmd::Start(a) => start(ctx, &a),
    }
}

fn db_error(ctx: &Context, e: rusqlite::Error) -> Error {
    Error::new(
        Kind::Io,
        format!(
            "directory database {}: {e}",
            ctx.store.data_dir().join(crate::directory::FILE).display()
        ),
    )
    .help("check the data directory's permissions and free space")
}

fn store_password(
    ctx: &Context,
    change: &ChangeArgs,
    profile: &str,
    password: Option<String>,
) -> Result<()> {
    let Some(password) = password.filter(|_| !change.what_if) else {
        return Ok(());
    };
    Sqlite::open(ctx.store.data_dir())
        .and_then(|db| db.set_password(profile, &password))
        .map_err(|e| db_error(ctx, e))
}

/// The bind password, read as SMTP AUTH passwords are (never from the command line).
fn read_password(profile: &str) -> Result<String> {
    super::password::read_secret(
        &format!("DirectorySyncProfile \"{profile}\""),
        "-BindPassword",
        1,
    )
}

fn start(ctx: &Context, a: &Start) -> Result<Output> {
    let state = ctx.store.load()?;
    let profiles: Vec<DirectorySyncProfile> = match &a.identity {
        Some(id) => vec![
            state.directory_sync_profiles[super::find::<DirectorySyncProfile>(&state, id)?].clone(),
        ],
        None => state
            .directory_sync_profiles
            .iter()
            .filter(|p| p.enabled)
            .cloned()
            .collect(),
    };
    if profiles.is_empty() {
        return Err(Error::not_found("no enabled DirectorySyncProfile to synchronise")
            .help("add one with `eopctl New-DirectorySyncProfile -Name Corp -LdapUrl ldap://dc1.contoso.com -BaseDN \"dc=contoso,dc=com\"`"));
    }
    let data_dir = ctx.store.data_dir();
    let roots = crate::relay::tls::roots(&a.ca_file, &state.certificates, data_dir);
    let tls = crate::directory::client_config(roots);
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| Error::unavailable(format!("cannot start the runtime: {e}")))?;
    let bar = if std::io::stderr().is_terminal() {
        ProgressBar::new_spinner().with_style(
            ProgressStyle::with_template("{spinner} {msg}: {pos} entries read")
                .unwrap_or_else(|_| ProgressStyle::default_spinner()),
        )
    } else {
        ProgressBar::hidden()
    };
    let mut summaries: Vec<Summary> = Vec::new();
    for p in &profiles {
        bar.set_message(p.name.clone());
        bar.set_position(0);
        let shown = bar.clone();
        let result = runtime.block_on(crate::directory::sync(
            p,
            data_dir,
            tls.clone(),
            a.what_if,
            &move |n| shown.set_position(n as u64),
        ));
        match result {
            Ok(s) => {
                for dn in &s.skipped {
                    eprintln!(
                        "warning: {dn} has no SMTP address in {}: not a recipient",
                        p.address_attributes.join(", ")
                    );
                }
                summaries.push(s);
            }
            Err(e) => {
                bar.finish_and_clear();
                return Err(sync_error(p, e));
            }
        }
    }
    bar.finish_and_clear();
    if a.what_if {
        eprintln!("What if: nothing was changed.");
    }
    Ok(Output::Objects {
        rows: crate::output::rows(&summaries),
        columns: SUMMARY,
    })
}

fn sync_error(p: &DirectorySyncProfile, e: SyncError) -> Error {
    let kind = match e {
        SyncError::Fetch(_) => Kind::Unavailable,
        SyncError::Emptied { .. } => Kind::Conflict,
        SyncError::Database { .. } => Kind::Io,
    };
    Error::new(
        kind,
        format!(
            "DirectorySyncProfile \"{}\": {e}; the MailUsers synchronised last are kept",
            p.name
        ),
    )
    .help(e.help())
}
