use super::*;

fn new(list: ListType, value: &str, action: Action) -> NewItem {
    NewItem {
        list_type: list,
        value: value.into(),
        action,
        expiration: None,
        remove_after: None,
        notes: String::new(),
    }
}

#[test]
fn add_list_update_remove_and_the_generation_moves() {
    let dir = tempfile::tempdir().unwrap();
    let mut db = Sqlite::open(dir.path()).unwrap();
    let now = Utc::now();
    let g0 = db.generation().unwrap();
    let added = db
        .add(
            &[
                new(ListType::Sender, "ann@fabrikam.com", Action::Block),
                new(ListType::Ip, "192.0.2.7", Action::Allow),
            ],
            now,
        )
        .unwrap();
    assert_eq!(added.len(), 2);
    assert_ne!(added[0].identity, added[1].identity);
    assert!(db.generation().unwrap() > g0);
    let err = db
        .add(
            &[new(ListType::Sender, "ann@fabrikam.com", Action::Allow)],
            now,
        )
        .unwrap_err();
    assert!(
        matches!(&err, StoreError::Exists { identity, .. } if *identity == added[0].identity),
        "{err}"
    );
    assert_eq!(db.list(Some(ListType::Ip)).unwrap().len(), 1);
    let change = Change {
        expiration: Some(Some(now - chrono::Duration::days(1))),
        notes: Some("gone".into()),
        ..Default::default()
    };
    let changed = db
        .update(std::slice::from_ref(&added[0].identity), &change, now)
        .unwrap();
    assert_eq!(changed[0].notes, "gone");
    assert!(changed[0].expired(now));
    // An expired entry of the same value makes way for a new one.
    let again = db
        .add(
            &[new(ListType::Sender, "ann@fabrikam.com", Action::Allow)],
            now,
        )
        .unwrap();
    assert_eq!(db.list(Some(ListType::Sender)).unwrap().len(), 1);
    assert_eq!(db.remove(&[again[0].identity.clone()]).unwrap(), 1);
    assert_eq!(db.list(None).unwrap().len(), 1);
}

#[test]
fn remove_after_counts_from_the_last_change_or_use() {
    let t = |s: i64| DateTime::from_timestamp(s, 0).unwrap();
    let mut i = Item {
        identity: "x".into(),
        list_type: ListType::Sender,
        value: "fabrikam.com".into(),
        action: Action::Allow,
        expiration_date: None,
        remove_after: Some(45),
        last_used_date: None,
        notes: String::new(),
        created_date_time: t(0),
        last_modified_date_time: t(100),
    };
    assert_eq!(i.expires(), Some(t(100 + 45 * 86_400)));
    i.last_used_date = Some(t(1000));
    assert_eq!(i.expires(), Some(t(1000 + 45 * 86_400)));
    i.expiration_date = Some(t(5));
    assert_eq!(i.expires(), Some(t(5)));
}

#[test]
fn live_lists_follow_writes_and_expiry() {
    let dir = tempfile::tempdir().unwrap();
    let live = Live::new(dir.path());
    assert!(!live.refresh(Utc::now()), "no database yet");
    assert!(live.current().is_empty());
    let now = Utc::now();
    let mut db = Sqlite::open(dir.path()).unwrap();
    let mut soon = new(ListType::FileHash, &"a".repeat(64), Action::Block);
    soon.expiration = Some(now + chrono::Duration::seconds(60));
    db.add(&[soon], now).unwrap();
    assert!(live.refresh(now));
    assert_eq!(live.current().len(), 1);
    assert!(!live.refresh(now), "nothing changed");
    assert!(live.refresh(now + chrono::Duration::seconds(61)));
    assert!(live.current().is_empty(), "expired");
}
