//! Get/New/Set/Remove-TenantAllowBlockListItems: the Tenant Allow/Block List's entries for
//! senders, URLs, file hashes and IP addresses, in `<data-dir>/tenantallowblocklist.db`
//! (`crate::tabl`), never in the state file. They work whether or not the relay runs; a
//! running relay acts on a change within a second. What each entry does is
//! `policy::tabl`'s; the values, defaults and limits follow "Allow or block email using
//! the Tenant Allow/Block List" and its siblings for URLs, files and IP addresses.

use chrono::{DateTime, Duration, Utc};
use clap::{Args, Subcommand};
use serde_json::json;

use crate::cmdlets::common::{ChangeArgs, Context, confirmed, parse_date};
use crate::error::{Error, Result};
use crate::output::{Column, Output, key, text, wide};
use crate::policy::tabl::{Action, ListType, normalize};
use crate::tabl::{Change, Item, NewItem, Sqlite, Store, StoreError};

const COLUMNS: &[Column] = &[
    key("Identity"),
    wide("ListType"),
    key("Value"),
    key("Action"),
    key("ExpirationDate"),
    wide("LastUsedDate"),
    text("Notes"),
];

#[derive(Subcommand, Debug)]
pub enum Cmd {
    /// Lists the entries of one list of the Tenant Allow/Block List.
    #[command(
        name = "get-tenantallowblocklistitems",
        alias = "Get-TenantAllowBlockListItems"
    )]
    Get(Get),
    /// Adds allow or block entries for senders, URLs, file hashes or IP addresses.
    #[command(
        name = "new-tenantallowblocklistitems",
        alias = "New-TenantAllowBlockListItems"
    )]
    New(New),
    /// Changes when entries expire, or their notes.
    #[command(
        name = "set-tenantallowblocklistitems",
        alias = "Set-TenantAllowBlockListItems"
    )]
    Set(Set),
    /// Removes entries.
    #[command(
        name = "remove-tenantallowblocklistitems",
        alias = "Remove-TenantAllowBlockListItems"
    )]
    Remove(Remove),
}

#[derive(Args, Debug)]
pub struct Get {
    /// The list: Sender, Url, FileHash or IP.
    #[arg(long, value_name = "ListType", ignore_case = true)]
    pub list_type: ListType,
    /// One entry, by its value.
    #[arg(long, value_name = "String")]
    pub entry: Option<String>,
    /// Only allow entries.
    #[arg(long)]
    pub allow: bool,
    /// Only block entries.
    #[arg(long)]
    pub block: bool,
    /// Only entries that expire on or before this date (UTC).
    #[arg(long, value_name = "DateTime", conflicts_with = "no_expiration")]
    pub expiration_date: Option<String>,
    /// Only entries that never expire.
    #[arg(long)]
    pub no_expiration: bool,
    /// The entries that have expired (and act no more) instead of the live ones.
    #[arg(long)]
    pub expired: bool,
}

/// When an entry goes: one of these, or the list type's default.
#[derive(Args, Debug, Default)]
pub struct Expiry {
    /// When the entries expire (UTC): at most 90 days ahead for blocks, 30 for allows.
    #[arg(long, value_name = "DateTime")]
    pub expiration_date: Option<String>,
    /// The entries never expire (block entries, and IP allow entries).
    #[arg(long)]
    pub no_expiration: bool,
    /// Allow entries go this many days after they were last used; 45 is the only value.
    #[arg(long, value_name = "Int32")]
    pub remove_after: Option<u32>,
}

#[derive(Args, Debug)]
pub struct New {
    /// The list: Sender, Url, FileHash or IP.
    #[arg(long, value_name = "ListType", ignore_case = true)]
    pub list_type: ListType,
    /// The values: email addresses or domains, URLs, SHA256 file hashes or IP addresses.
    #[arg(long, value_name = "String[]", value_delimiter = ',', required = true)]
    pub entries: Vec<String>,
    /// Allow entries.
    #[arg(long)]
    pub allow: bool,
    /// Block entries.
    #[arg(long)]
    pub block: bool,
    #[command(flatten)]
    pub expiry: Expiry,
    /// Why the entries are there.
    #[arg(long, value_name = "String")]
    pub notes: Option<String>,
    #[command(flatten)]
    pub change: ChangeArgs,
}

/// Which entries: by Identity or by value.
#[derive(Args, Debug, Default)]
pub struct Which {
    /// The list: Sender, Url, FileHash or IP (optional with -Ids: an Identity names one
    /// entry of one list).
    #[arg(long, value_name = "ListType", ignore_case = true)]
    pub list_type: Option<ListType>,
    /// The entries, by the Identity Get-TenantAllowBlockListItems shows.
    #[arg(
        long,
        value_name = "String[]",
        value_delimiter = ',',
        conflicts_with = "entries"
    )]
    pub ids: Vec<String>,
    /// The entries, by value.
    #[arg(long, value_name = "String[]", value_delimiter = ',')]
    pub entries: Vec<String>,
}

#[derive(Args, Debug)]
pub struct Set {
    #[command(flatten)]
    pub which: Which,
    #[command(flatten)]
    pub expiry: Expiry,
    /// Why the entries are there.
    #[arg(long, value_name = "String")]
    pub notes: Option<String>,
    #[command(flatten)]
    pub change: ChangeArgs,
}

#[derive(Args, Debug)]
pub struct Remove {
    #[command(flatten)]
    pub which: Which,
    #[command(flatten)]
    pub change: ChangeArgs,
}

fn row(i: &Item) -> serde_json::Value {
    let mut v = serde_json::to_value(i).unwrap_or_default();
    if let Some(o) = v.as_object_mut() {
        // What an admin wants to know is when it goes, however that was set.
        o.insert("ExpirationDate".into(), json!(i.expires()));
    }
    v
}

fn rows(items: &[Item]) -> Output {
    Output::Objects {
        rows: items.iter().map(row).collect(),
        columns: COLUMNS,
    }
}

fn open(ctx: &Context) -> Result<Sqlite> {
    Sqlite::open(ctx.store.data_dir()).map_err(|e| db_error(ctx, &e.into()))
}

fn db_error(ctx: &Context, e: &StoreError) -> Error {
    Error::failed(format!(
        "cannot use the Tenant Allow/Block List in {}: {e}",
        ctx.store.data_dir().display()
    ))
    .help("check the data directory (--data-dir) is readable and writable")
}

fn action(allow: bool, block: bool) -> Result<Action> {
    match (allow, block) {
        (true, false) => Ok(Action::Allow),
        (false, true) => Ok(Action::Block),
        _ => Err(
            Error::usage("give -Allow or -Block (one of them): an entry allows or blocks").help(
                "New-TenantAllowBlockListItems -ListType Sender -Block -Entries spam@fabrikam.com",
            ),
        ),
    }
}

/// When an entry goes: a fixed date, or days after its last use (neither: never).
type Ends = (Option<DateTime<Utc>>, Option<u32>);

/// The days ahead an entry may be set to expire at most ("Remove entry after", Specific
/// date).
fn max_days(action: Action) -> i64 {
    match action {
        Action::Allow => 30,
        Action::Block => 90,
    }
}

/// When new entries (or changed ones) go: `(expiration, remove_after)`. `None` from a
/// Set means the parameters leave it alone.
fn expiry(e: &Expiry, list: ListType, action: Action, now: DateTime<Utc>) -> Result<Option<Ends>> {
    let given = [
        e.expiration_date.is_some(),
        e.no_expiration,
        e.remove_after.is_some(),
    ];
    if given.iter().filter(|g| **g).count() > 1 {
        return Err(Error::usage(
            "-ExpirationDate, -NoExpiration and -RemoveAfter each say when an entry goes: give one",
        )
        .help("-ExpirationDate 2026-12-31, or -NoExpiration, or -RemoveAfter 45 (allow entries)"));
    }
    if let Some(d) = &e.expiration_date {
        let at = parse_date(d, "ExpirationDate")?;
        let days = max_days(action);
        if at <= now || at > now + Duration::days(days) {
            return Err(Error::usage(format!(
                "-ExpirationDate {d}: {} entries expire within {days} days from now",
                action.name().to_ascii_lowercase()
            ))
            .help(format!(
                "give a date after now and at most {days} days ahead, or -NoExpiration for a block entry"
            )));
        }
        return Ok(Some((Some(at), None)));
    }
    if e.no_expiration {
        if action == Action::Allow && list != ListType::Ip {
            return Err(Error::usage(format!(
                "-NoExpiration: {} allow entries expire (an allow entry that nobody needs any more lets mail past the filters)",
                list.name()
            ))
            .help("use -RemoveAfter 45 (45 days after last use) or -ExpirationDate"));
        }
        return Ok(Some((None, None)));
    }
    if let Some(days) = e.remove_after {
        if action == Action::Block || list == ListType::Ip {
            return Err(Error::usage(format!(
                "-RemoveAfter applies to Sender, Url and FileHash allow entries, not {} {} entries",
                list.name(),
                action.name().to_ascii_lowercase()
            ))
            .help("use -ExpirationDate or -NoExpiration"));
        }
        if days != 45 {
            return Err(
                Error::usage(format!("-RemoveAfter {days}: the only value is 45"))
                    .help("-RemoveAfter 45 removes the entry 45 days after it was last used"),
            );
        }
        return Ok(Some((None, Some(days))));
    }
    Ok(None)
}

/// The defaults of "Manage allows and blocks in the Tenant Allow/Block List": blocks go
/// after 30 days, allows 45 days after last use, IP entries never.
fn default_expiry(list: ListType, action: Action, now: DateTime<Utc>) -> Ends {
    match (list, action) {
        (ListType::Ip, _) => (None, None),
        (_, Action::Block) => (Some(now + Duration::days(30)), None),
        (_, Action::Allow) => (None, Some(45)),
    }
}

/// Every value in normal form, or one error listing each value that is not one.
fn values(list: ListType, given: &[String]) -> Result<Vec<String>> {
    let mut out: Vec<String> = Vec::new();
    let mut bad = Vec::new();
    for v in given.iter().map(|v| v.trim()).filter(|v| !v.is_empty()) {
        match normalize(list, v) {
            Ok(n) if !out.contains(&n) => out.push(n),
            Ok(_) => {}
            Err(e) => bad.push(e.to_string()),
        }
    }
    if !bad.is_empty() {
        return Err(Error::usage(format!("-Entries: {}", bad.join("; "))).help(match list {
            ListType::Sender => "give email addresses (ann@fabrikam.com) or domains (fabrikam.com, *.fabrikam.com for its subdomains too)",
            ListType::Url => "give contoso.com, *.contoso.com, contoso.com/a, contoso.com/a/* or ~contoso.com (see \"URL syntax\" in the page of New-TenantAllowBlockListItems)",
            ListType::FileHash => "give the SHA256 hash of the file: sha256sum FILE",
            ListType::Ip => "give single addresses or CIDR ranges: 2001:db8::1, 2001:db8::/32, 192.0.2.0/24",
        }));
    }
    if out.is_empty() {
        return Err(Error::usage("-Entries is empty").help("give one or more values, a,b"));
    }
    Ok(out)
}

/// The entries `which` names, with the error that names any it cannot find.
fn chosen(ctx: &Context, db: &Sqlite, which: &Which) -> Result<Vec<Item>> {
    let all = db.list(which.list_type).map_err(|e| db_error(ctx, &e))?;
    let list_name = which.list_type.map_or("", ListType::name);
    let listing = format!(
        "list them with `eopctl Get-TenantAllowBlockListItems -ListType {}`",
        if list_name.is_empty() {
            "<Sender|Url|FileHash|IP>"
        } else {
            list_name
        }
    );
    if !which.ids.is_empty() {
        return which
            .ids
            .iter()
            .map(|id| {
                all.iter()
                    .find(|i| i.identity.eq_ignore_ascii_case(id.trim()))
                    .cloned()
                    .ok_or_else(|| {
                        Error::not_found(format!(
                            "TenantAllowBlockListItem \"{}\" was not found{}",
                            id.trim(),
                            if list_name.is_empty() {
                                String::new()
                            } else {
                                format!(" on the {list_name} list")
                            }
                        ))
                        .help(listing.clone())
                    })
            })
            .collect();
    }
    let Some(list) = which.list_type else {
        return Err(Error::usage(
            "-Entries needs -ListType: the same value may be on several lists",
        )
        .help("-ListType Sender -Entries ann@fabrikam.com, or name the entries with -Ids"));
    };
    if which.entries.is_empty() {
        return Err(Error::usage("give -Ids or -Entries: which entries?").help(listing));
    }
    values(list, &which.entries)?
        .into_iter()
        .map(|v| {
            all.iter().find(|i| i.value == v).cloned().ok_or_else(|| {
                Error::not_found(format!(
                    "TenantAllowBlockListItem {v} was not found on the {} list",
                    list.name()
                ))
                .help(listing.clone())
            })
        })
        .collect()
}

pub fn run(cmd: Cmd, ctx: &Context) -> Result<Output> {
    let now = Utc::now();
    match cmd {
        Cmd::Get(a) => {
            let items = match Sqlite::open_existing(ctx.store.data_dir()) {
                Ok(Some(db)) => db.list(Some(a.list_type)).map_err(|e| db_error(ctx, &e))?,
                Ok(None) => Vec::new(),
                Err(e) => return Err(db_error(ctx, &e.into())),
            };
            let entry = a
                .entry
                .as_deref()
                .map(|e| normalize(a.list_type, e).unwrap_or_else(|_| e.trim().to_string()));
            let by = a
                .expiration_date
                .as_deref()
                .map(|d| parse_date(d, "ExpirationDate"))
                .transpose()?;
            let shown: Vec<Item> = items
                .into_iter()
                .filter(|i| i.expired(now) == a.expired)
                .filter(|i| {
                    entry
                        .as_ref()
                        .is_none_or(|e| i.value.eq_ignore_ascii_case(e))
                })
                .filter(|i| !a.allow || i.action == Action::Allow)
                .filter(|i| !a.block || i.action == Action::Block)
                .filter(|i| !a.no_expiration || i.expires().is_none())
                .filter(|i| by.is_none_or(|by| i.expires().is_some_and(|x| x <= by)))
                .collect();
            if let (Some(e), true) = (&a.entry, shown.is_empty()) {
                return Err(Error::not_found(format!(
                    "no {} entry {e} on the {} list",
                    if a.expired { "expired" } else { "live" },
                    a.list_type.name()
                ))
                .help(format!(
                    "list them with `eopctl Get-TenantAllowBlockListItems -ListType {}`",
                    a.list_type.name()
                )));
            }
            Ok(rows(&shown))
        }
        Cmd::New(a) => {
            let action = action(a.allow, a.block)?;
            if a.list_type == ListType::Url && action == Action::Allow {
                return Err(Error::usage(
                    "-Allow: URL allow entries override URL filtering, and nothing in eopctl filters by URL but the list's own block entries",
                )
                .help("to let a message with the URL through, allow its sender: -ListType Sender -Allow"));
            }
            let values = values(a.list_type, &a.entries)?;
            let (expiration, remove_after) = expiry(&a.expiry, a.list_type, action, now)?
                .unwrap_or_else(|| default_expiry(a.list_type, action, now));
            let items: Vec<NewItem> = values
                .iter()
                .map(|v| NewItem {
                    list_type: a.list_type,
                    value: v.clone(),
                    action,
                    expiration,
                    remove_after,
                    notes: a.notes.clone().unwrap_or_default(),
                })
                .collect();
            if a.change.what_if {
                return Ok(Output::Text(format!(
                    "What if: would add {} {} entries: {}",
                    a.list_type.name(),
                    action.name().to_ascii_lowercase(),
                    values.join(", ")
                )));
            }
            let mut db = open(ctx)?;
            match db.add(&items, now) {
                Ok(added) => Ok(rows(&added)),
                Err(StoreError::Exists {
                    list,
                    value,
                    identity,
                }) => Err(Error::conflict(format!(
                    "-Entries: {list} entry {value} exists already (Identity {identity}); nothing was added"
                ))
                .help(format!(
                    "change it with `eopctl Set-TenantAllowBlockListItems -Ids {identity}`, or remove it first with Remove-TenantAllowBlockListItems"
                ))),
                Err(e) => Err(db_error(ctx, &e)),
            }
        }
        Cmd::Set(a) => {
            let mut db = open(ctx)?;
            let items = chosen(ctx, &db, &a.which)?;
            let mut change = Change {
                notes: a.notes.clone(),
                ..Default::default()
            };
            for i in &items {
                if let Some((expiration, remove_after)) =
                    expiry(&a.expiry, i.list_type, i.action, now)?
                {
                    change.expiration = Some(expiration);
                    change.remove_after = Some(remove_after);
                }
            }
            if change.expiration.is_none() && change.notes.is_none() {
                return Err(Error::usage("nothing to change").help(
                    "give -ExpirationDate, -NoExpiration, -RemoveAfter 45 or -Notes (the value of an entry cannot change: remove it and add the new one)",
                ));
            }
            let ids: Vec<String> = items.iter().map(|i| i.identity.clone()).collect();
            if a.change.what_if {
                return Ok(Output::Text(format!(
                    "What if: would change TenantAllowBlockListItems {}",
                    ids.join(", ")
                )));
            }
            let changed = db
                .update(&ids, &change, now)
                .map_err(|e| db_error(ctx, &e))?;
            Ok(if a.change.pass_thru {
                rows(&changed)
            } else {
                Output::Nothing
            })
        }
        Cmd::Remove(a) => {
            let mut db = open(ctx)?;
            let items = chosen(ctx, &db, &a.which)?;
            let shown: Vec<String> = items
                .iter()
                .map(|i| format!("{} ({} {})", i.identity, i.list_type.name(), i.value))
                .collect();
            if !confirmed(
                &a.change,
                &format!("Remove TenantAllowBlockListItems {}?", shown.join(", ")),
            )? {
                return super::declined("removed");
            }
            if a.change.what_if {
                return Ok(Output::Text(format!(
                    "What if: would remove TenantAllowBlockListItems {}",
                    shown.join(", ")
                )));
            }
            let ids: Vec<String> = items.iter().map(|i| i.identity.clone()).collect();
            db.remove(&ids).map_err(|e| db_error(ctx, &e))?;
            Ok(Output::Nothing)
        }
    }
}
