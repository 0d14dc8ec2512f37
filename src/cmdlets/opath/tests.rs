use serde_json::json;

use super::*;

fn yes(filter: &str, obj: serde_json::Value) -> bool {
    parse(filter).expect(filter).matches(&obj)
}

#[test]
fn comparisons_as_exchange_pages_write_them() {
    let q = json!({"Identity": "mail.contoso.com", "Status": "Retry", "MessageCount": 12,
                   "LastError": null, "NextRetryTime": "2017-06-13T17:05:00Z"});
    assert!(yes("Status -eq 'Retry'", q.clone()));
    assert!(
        yes("status -EQ \"retry\"", q.clone()),
        "names and values ignore case"
    );
    assert!(yes("MessageCount -gt 10", q.clone()));
    assert!(!yes("MessageCount -lt 10", q.clone()));
    assert!(yes(
        "MessageCount -ge 12 -and MessageCount -le 12",
        q.clone()
    ));
    assert!(yes("Identity -like '*.contoso.com'", q.clone()));
    assert!(yes("Identity -notlike 'fabrikam*'", q.clone()));
    assert!(yes("LastError -eq $null", q.clone()));
    assert!(yes("Status -ne Ready", q.clone()), "a bare word is a value");
    assert!(
        yes("NextRetryTime -gt \"6/13/2017 5:00 PM\"", q.clone()),
        "dates compare as dates in any form Exchange takes"
    );
    assert!(!yes("NextRetryTime -lt '06/13/2017'", q.clone()));
    assert!(yes("{Status -eq 'Retry'}", q), "the older pages' braces");
}

#[test]
fn and_binds_tighter_than_or_and_not_negates() {
    let m = json!({"FromAddress": "a@contoso.com", "Status": "Ready", "Recipients": ["x@f.com", "y@g.com"], "Enabled": true});
    assert!(yes(
        "Status -eq 'Retry' -or FromAddress -like '*@contoso.com' -and Status -eq 'Ready'",
        m.clone()
    ));
    assert!(!yes(
        "(Status -eq 'Retry' -or FromAddress -like '*@contoso.com') -and Status -eq 'Suspended'",
        m.clone()
    ));
    assert!(yes("-not (Status -eq 'Retry')", m.clone()));
    assert!(yes("-not Status -eq 'Retry'", m.clone()));
    assert!(
        yes("Recipients -like '*@g.com'", m.clone()),
        "a list matches when one item does"
    );
    assert!(yes("Enabled -eq $true", m.clone()));
    assert!(!yes("Enabled -eq $false", m));
}

#[test]
fn quotes_escape_as_powershell_does() {
    let o = json!({"Name": "O'Brien \"x\""});
    assert!(yes("Name -eq 'O''Brien \"x\"'", o.clone()));
    assert!(yes("Name -eq \"O'Brien `\"x`\"\"", o.clone()));
    assert!(yes("Name -eq \"O'Brien \"\"x\"\"\"", o));
}

#[test]
fn bad_filters_say_where() {
    let err = |f: &str| parse(f).unwrap_err();
    assert_eq!(err("Status 'Retry'").at, 7);
    assert!(err("Status -eq").message.contains("value"));
    assert!(err("Status -eq 'Retry").message.contains("not closed"));
    assert!(err("(Status -eq 1").message.contains(")"));
    assert!(err("Status -eq 1 Status").message.contains("-and"));
    assert!(err("Status -match 'R'").message.contains("-like"));
    assert!(err("Status -eq $yes").message.contains("$yes"));
    assert!(err("").message.contains("property"));
}

#[test]
fn unknown_properties_are_named_with_the_valid_ones() {
    let e = filter("Get-Queue", "Stauts -eq 'Retry'", &["Identity", "Status"]).unwrap_err();
    let shown = e.to_string();
    assert!(shown.contains("Stauts"), "{shown}");
    assert!(
        shown.contains("help: filter on one of: Identity, Status"),
        "{shown}"
    );
    assert!(filter("Get-Queue", "status -eq 'Retry'", &["Identity", "Status"]).is_ok());
}

#[test]
fn an_operators_name_reads_back_as_itself() {
    for name in [
        "eq",
        "ne",
        "gt",
        "ge",
        "lt",
        "le",
        "like",
        "notlike",
        "match",
        "notmatch",
        "contains",
        "notcontains",
        "in",
        "notin",
    ] {
        let (op, case) = compare::Op::parse(name).expect(name);
        assert_eq!((op.name(), case), (name, false));
    }
}
