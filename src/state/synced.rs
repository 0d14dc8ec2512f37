//! The MailUsers directory synchronisation brought in, as the relay and Test-MessageRoute
//! see them beside the state file's own.
//!
//! They are operational data (`Start-DirectorySync` and the relay's schedule write them to
//! `directory.db` under the data directory; the relay never writes the state file), so
//! `State` holds them in a shared cell instead of a list: a snapshot of the state keeps
//! the cell, and a new sync swaps its contents without reloading the configuration.
//! Lookups are by address through a hash index: a directory has thousands of users, and
//! every RCPT asks.

use std::collections::HashMap;
use std::sync::Arc;

use arc_swap::ArcSwap;

use super::model::MailUser;

/// One synchronised MailUser and the profile it came from.
#[derive(Debug, Clone, PartialEq)]
pub struct SyncedUser {
    /// The DirectorySyncProfile that owns it (the next sync of that profile rewrites it).
    pub profile: String,
    pub user: MailUser,
}

/// The synchronised users, indexed by every address (lower case).
#[derive(Debug, Default)]
pub struct Index {
    users: Vec<Arc<SyncedUser>>,
    by_address: HashMap<String, usize>,
}

impl Index {
    /// The index of `users`; an address two users claim stays with the first.
    pub fn new(users: Vec<SyncedUser>) -> Index {
        let users: Vec<Arc<SyncedUser>> = users.into_iter().map(Arc::new).collect();
        let mut by_address = HashMap::with_capacity(users.len() * 2);
        for (i, u) in users.iter().enumerate() {
            for a in u.user.addresses() {
                by_address.entry(a.key()).or_insert(i);
            }
        }
        Index { users, by_address }
    }

    pub fn users(&self) -> &[Arc<SyncedUser>] {
        &self.users
    }
}

/// A shared cell of synchronised users (empty unless someone attached a directory).
#[derive(Debug, Clone, Default)]
pub struct Synced(Arc<ArcSwap<Index>>);

impl Synced {
    /// Replaces what every holder of this cell sees.
    pub fn replace(&self, index: Index) {
        self.0.store(Arc::new(index));
    }

    pub fn current(&self) -> Arc<Index> {
        self.0.load_full()
    }

    /// The synchronised user with this address (`key`: as `Address::key`, lower case).
    pub fn find(&self, key: &str) -> Option<Arc<SyncedUser>> {
        let index = self.0.load();
        index.by_address.get(key).map(|&i| index.users[i].clone())
    }
}

/// The state file's equality: synchronised users are not part of the file.
impl PartialEq for Synced {
    fn eq(&self, _: &Synced) -> bool {
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn user(name: &str, addrs: &[&str]) -> SyncedUser {
        SyncedUser {
            profile: "Corp".into(),
            user: MailUser {
                name: name.into(),
                display_name: String::new(),
                primary_smtp_address: addrs[0].parse().unwrap(),
                external_email_address: addrs[0].parse().unwrap(),
                email_addresses: addrs[1..].iter().map(|a| a.parse().unwrap()).collect(),
            },
        }
    }

    #[test]
    fn every_address_finds_its_user_and_clones_share_the_cell() {
        let cell = Synced::default();
        let copy = cell.clone();
        assert!(cell.find("ann@contoso.com").is_none());
        cell.replace(Index::new(vec![
            user("ann", &["Ann@contoso.com", "a.smith@contoso.com"]),
            user("bob", &["bob@contoso.com"]),
        ]));
        assert_eq!(copy.find("ann@contoso.com").unwrap().user.name, "ann");
        assert_eq!(copy.find("a.smith@contoso.com").unwrap().user.name, "ann");
        assert!(copy.find("carol@contoso.com").is_none());
    }
}
