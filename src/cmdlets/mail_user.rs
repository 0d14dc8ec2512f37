//! Get/New/Set/Remove-MailUser and Import-MailUser: recipients whose mailboxes are on
//! premises. Listing them lets Directory Based Edge Blocking accept their mail. Get also
//! lists those directory synchronisation brought (IsDirSynced); Set and Remove change them
//! in the directory database until the next sync.

use std::path::PathBuf;
use std::sync::Arc;

use clap::{Args, Subcommand};
use indicatif::{ProgressBar, ProgressStyle};

use super::View;
use crate::assign;
use crate::cmdlets::common::{
    ChangeArgs, Context, FilteredGetArgs, IdentityArgs, edit_list, load_with_directory, parse_value,
};
use crate::error::{Error, Kind, Result};
use crate::output::{Output, key, wide};
use crate::state::StateObject;
use crate::state::model::MailUser;
use crate::state::synced::SyncedUser;

const VIEW: View = View {
    columns: Params::COLUMNS,
};

/// What Get-MailUser -Filter may name: every property of the model.
pub const PROPERTIES: &[&str] = &[
    "Name",
    "DisplayName",
    "PrimarySmtpAddress",
    "ExternalEmailAddress",
    "EmailAddresses",
    "IsDirSynced",
];

#[derive(Subcommand, Debug)]
pub enum Cmd {
    /// Lists mail users (recipients with on-premises mailboxes).
    #[command(name = "get-mailuser", alias = "Get-MailUser")]
    Get(FilteredGetArgs),
    /// Creates a mail user.
    #[command(name = "new-mailuser", alias = "New-MailUser")]
    New(New),
    /// Changes a mail user.
    #[command(name = "set-mailuser", alias = "Set-MailUser")]
    Set(Set),
    /// Removes a mail user.
    #[command(name = "remove-mailuser", alias = "Remove-MailUser")]
    Remove(IdentityArgs),
    /// Creates mail users in bulk from a CSV file, all in one revision.
    #[command(name = "import-mailuser", alias = "Import-MailUser")]
    Import(Import),
}

/// New-MailUser: one of the two addresses is enough (see `run`).
#[derive(Args, Debug)]
#[command(mut_args(|a| if a.get_id() == "primary_smtp_address" {
    a.required_unless_present("external_email_address")
} else {
    a
}))]
pub struct New {
    /// A unique name for the mail user [default: the local part of its primary address].
    #[arg(long)]
    pub name: Option<String>,
    #[command(flatten)]
    pub params: Params,
    #[command(flatten)]
    pub change: ChangeArgs,
}

#[derive(Args, Debug)]
pub struct Set {
    /// The mail user's name or one of its addresses.
    #[arg(long)]
    pub identity: String,
    #[arg(long)]
    pub name: Option<String>,
    #[command(flatten)]
    pub params: Params,
    #[command(flatten)]
    pub change: ChangeArgs,
}

crate::params! {
    /// The parameters New- and Set-MailUser share.
    pub struct Params for MailUser;
    view [key("Name")] then [wide("IsDirSynced")];
    /// The address the organisation knows the user by; in an accepted domain [New-MailUser
    /// default: the external address].
    primary_smtp_address: parsed = "PrimarySmtpAddress", key;
    /// Where the mailbox really is: mail is routed to this address [New-MailUser default:
    /// the primary address].
    external_email_address: parsed = "ExternalEmailAddress", key;
    /// The name shown for the mail user in lists.
    display_name: value(String) = "DisplayName";
    /// Further addresses of the user.
    #[arg(value_name = "Addresses")]
    email_addresses: list = "EmailAddresses";
}

#[derive(Args, Debug)]
pub struct Import {
    /// A CSV file with a header row: Name, PrimarySmtpAddress, and optionally
    /// ExternalEmailAddress, DisplayName, EmailAddresses (separated by ;).
    #[arg(long, value_name = "FILE")]
    pub csv_path: PathBuf,
    #[command(flatten)]
    pub change: ChangeArgs,
}

fn mail_user(name: String, primary: &str, external: Option<&str>) -> Result<MailUser> {
    let primary_smtp_address: crate::state::values::SmtpAddress =
        parse_value(primary, "PrimarySmtpAddress")?;
    let external_email_address = match external.filter(|e| !e.trim().is_empty()) {
        Some(e) => parse_value(e, "ExternalEmailAddress")?,
        None => primary_smtp_address.clone(), // the on-premises server takes the same address
    };
    Ok(MailUser {
        name,
        display_name: String::new(),
        primary_smtp_address,
        external_email_address,
        email_addresses: Vec::new(),
    })
}

pub fn run(cmd: Cmd, ctx: &Context) -> Result<Output> {
    match cmd {
        Cmd::Get(a) => get(ctx, &a),
        Cmd::New(a) => {
            // As Exchange, one address is enough: the other address is the same one (a
            // user synchronised from on premises keeps its address) and the name is the
            // address's local part, as Exchange derives an alias.
            let p = &a.params;
            let primary = p
                .primary_smtp_address
                .as_deref()
                .or(p.external_email_address.as_deref())
                .unwrap_or_default();
            let name = match a.name {
                Some(n) => n,
                None => primary.split('@').next().unwrap_or(primary).to_string(),
            };
            let mut u = mail_user(name, primary, p.external_email_address.as_deref())?;
            a.params.apply_declared(&mut u)?;
            super::new(ctx, &a.change, &VIEW, u, |_, _| {})
        }
        Cmd::Set(a) => {
            if let Some(s) = synced(ctx, &a.identity)? {
                let mut u = s.user.clone();
                assign!(a => u; name);
                a.params.apply_declared(&mut u)?;
                return edit_synced(ctx, &a.change, &s, Some(u));
            }
            super::set::<MailUser>(ctx, &a.identity, &a.change, &VIEW, |u| {
                assign!(a => u; name);
                a.params.apply_declared(u)
            })
        }
        Cmd::Remove(a) => match synced(ctx, &a.identity)? {
            Some(s) => edit_synced(ctx, &a.change, &s, None),
            None => super::remove::<MailUser>(ctx, &a.identity, &a.change, &VIEW),
        },
        Cmd::Import(a) => import(ctx, &a),
    }
}

/// The state file's mail users, then those directory synchronisation brought (marked
/// IsDirSynced, as Exchange marks users Entra Connect writes).
fn get(ctx: &Context, a: &FilteredGetArgs) -> Result<Output> {
    let filter = a
        .filter
        .as_deref()
        .map(|f| super::opath::filter(&ctx.cmdlet, f, PROPERTIES))
        .transpose()?;
    let state = load_with_directory(ctx)?;
    let synced = state.synced.current();
    let id = a.get.identity.as_deref();
    let chosen = |u: &MailUser| match id {
        None => true,
        Some(id) if id.contains(['*', '?']) => {
            u.identities().iter().any(|i| super::wildcard(id, i))
        }
        Some(id) => u.is_named(id),
    };
    let row = |u: &MailUser, dir_synced: bool| {
        let mut v = serde_json::to_value(u).unwrap_or_default();
        if let serde_json::Value::Object(o) = &mut v {
            o.insert("IsDirSynced".into(), dir_synced.into());
        }
        v
    };
    let mut rows: Vec<serde_json::Value> = state
        .mail_users
        .iter()
        .filter(|u| chosen(u))
        .map(|u| row(u, false))
        .collect();
    rows.extend(
        synced
            .users()
            .iter()
            .filter(|s| chosen(&s.user))
            .map(|s| row(&s.user, true)),
    );
    if rows.is_empty()
        && let Some(id) = id.filter(|id| !id.contains(['*', '?']))
    {
        return Err(
            Error::not_found(format!("{} \"{id}\" was not found", MailUser::KIND))
                .help("list them with `eopctl Get-MailUser`"),
        );
    }
    super::opath::keep(&mut rows, filter.as_ref());
    Ok(Output::Objects {
        rows,
        columns: VIEW.columns,
    })
}

/// The synchronised user `identity` names, if the state file has no such mail user.
fn synced(ctx: &Context, identity: &str) -> Result<Option<Arc<SyncedUser>>> {
    let state = load_with_directory(ctx)?;
    if state.mail_users.iter().any(|u| u.is_named(identity)) {
        return Ok(None);
    }
    let index = state.synced.current();
    Ok(index
        .users()
        .iter()
        .find(|s| s.user.is_named(identity))
        .cloned())
}

/// Set- or Remove-MailUser on a synchronised user: changed in the directory database,
/// and said to last only until the next sync, as the directory is the source.
fn edit_synced(
    ctx: &Context,
    change: &ChangeArgs,
    s: &SyncedUser,
    new: Option<MailUser>,
) -> Result<Output> {
    let until = match &new {
        Some(_) => "the next sync overwrites this change",
        None => "the next sync brings it back if the directory still has it",
    };
    eprintln!(
        "warning: MailUser \"{}\" is synchronised by DirectorySyncProfile \"{}\": {until}; change it in the directory instead",
        s.user.name, s.profile
    );
    if change.what_if {
        return Ok(Output::Text(format!(
            "What if: {} would change the synchronised MailUser \"{}\".",
            ctx.cmdlet, s.user.name
        )));
    }
    let db_error = |e: rusqlite::Error| {
        Error::new(Kind::Io, format!("directory database: {e}"))
            .help("check the data directory's permissions and free space")
    };
    let mut db = crate::directory::Sqlite::open(ctx.store.data_dir()).map_err(db_error)?;
    db.edit(&s.profile, &s.user.name, new.as_ref())
        .map_err(db_error)?;
    Ok(match new {
        Some(u) => Output::Objects {
            rows: crate::output::rows(&[u]),
            columns: VIEW.columns,
        },
        None => Output::Nothing,
    })
}

#[derive(serde::Deserialize)]
#[serde(rename_all = "PascalCase")]
struct Row {
    name: String,
    primary_smtp_address: String,
    #[serde(default)]
    external_email_address: Option<String>,
    #[serde(default)]
    display_name: Option<String>,
    #[serde(default)]
    email_addresses: Option<String>,
}

/// Reads every row first (so a bad row changes nothing), then adds them in one revision.
fn import(ctx: &Context, a: &Import) -> Result<Output> {
    let path = &a.csv_path;
    let mut reader = csv::ReaderBuilder::new()
        .trim(csv::Trim::All)
        .from_path(path)
        .map_err(|e| Error::new(Kind::Io, format!("-CsvPath {}: {e}", path.display())))?;
    let total = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
    let bar = ProgressBar::new(total).with_style(
        ProgressStyle::with_template("{msg} [{bar:30}] {pos}/{len} bytes")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    bar.set_message("reading");
    let mut users = Vec::new();
    let mut records = reader.deserialize::<Row>();
    let mut n = 0;
    while let Some(row) = records.next() {
        n += 1;
        let line = n + 1; // the header is line 1
        let at = |e: String| {
            Error::usage(format!("{}:{line}: {e}", path.display()))
                .help("fix the row; nothing was imported")
        };
        let row = row.map_err(|e| at(e.to_string()))?;
        let mut u = mail_user(
            row.name,
            &row.primary_smtp_address,
            row.external_email_address.as_deref(),
        )
        .map_err(|e| at(e.message))?;
        u.display_name = row.display_name.unwrap_or_default();
        if let Some(extra) = row.email_addresses.filter(|e| !e.trim().is_empty()) {
            let list = vec![extra.replace(';', ",")];
            edit_list(&Some(list), &mut u.email_addresses, "EmailAddresses")
                .map_err(|e| at(e.message))?;
        }
        users.push(u);
        bar.set_position(records.reader().position().byte());
    }
    bar.set_message("saving");
    let count = users.len();
    let updated = ctx
        .store
        .update(&ctx.command_line, a.change.what_if, |state| {
            let mut taken: std::collections::HashSet<String> = state
                .mail_users
                .iter()
                .map(|u| u.name.to_lowercase())
                .collect();
            for u in users {
                if !taken.insert(u.name.to_lowercase()) {
                    return Err(Error::conflict(format!(
                        "{} \"{}\" already exists; nothing was imported",
                        MailUser::KIND,
                        u.name
                    ))
                    .help("remove that row, or rename it"));
                }
                state.mail_users.push(u);
            }
            Ok(())
        })?;
    bar.finish_and_clear();
    if a.change.what_if {
        return Ok(super::what_if(&ctx.cmdlet, updated.changes));
    }
    Ok(Output::Text(format!(
        "Imported {count} mail users (revision {}).",
        updated.revision.unwrap_or_default()
    )))
}
