//! Unit tests of the PowerShell parser.

use super::*;

fn text(t: &str) -> Expr {
    Expr::Text(vec![Part::Text(t.into())])
}

fn var(name: &str, path: &[&str]) -> Expr {
    Expr::Var(VarRef {
        name: name.into(),
        path: path.iter().map(|p| p.to_string()).collect(),
    })
}

#[test]
fn a_command_with_every_kind_of_argument() {
    let s = parse(
        "Set-RemoteDomain X -AllowedOOFType:External -SenderDomains 'a.com', \"b.com\" `\n  -Ips @{Add='1.2.3.4'; Remove=@('5.6.7.8')} -Enabled $false",
    )
    .unwrap();
    assert_eq!(s.statements.len(), 1);
    let Stage::Command(c) = &s.statements[0].pipeline.stages[0] else {
        panic!()
    };
    assert_eq!(c.name, "Set-RemoteDomain");
    assert_eq!(
        c.args,
        [
            Arg::Value(text("X")),
            Arg::Param {
                name: "AllowedOOFType".into(),
                value: Some(text("External"))
            },
            Arg::Param {
                name: "SenderDomains".into(),
                value: None
            },
            Arg::Value(Expr::Array(vec![text("a.com"), text("b.com")])),
            Arg::Param {
                name: "Ips".into(),
                value: None
            },
            Arg::Value(Expr::Hash(vec![
                ("Add".into(), text("1.2.3.4")),
                ("Remove".into(), Expr::Array(vec![text("5.6.7.8")])),
            ])),
            Arg::Param {
                name: "Enabled".into(),
                value: None
            },
            Arg::Value(var("false", &[])),
        ]
    );
}

#[test]
fn statements_assignments_and_pipelines() {
    let s = parse("$c = Get-X 'A'\nSet-X -Identity $c.Identity; Get-X | Where-Object { $_.Enabled -eq $true -and -not ($_.Name -like 'T*') } | Format-List Name").unwrap();
    assert_eq!(s.statements.len(), 3);
    assert_eq!(s.statements[0].assign.as_deref(), Some("c"));
    assert_eq!(s.statements[1].line, 2);
    let stages = &s.statements[2].pipeline.stages;
    assert_eq!(stages.len(), 3);
    let Stage::Command(w) = &stages[1] else {
        panic!()
    };
    let [Arg::Value(Expr::Block(cond))] = &w.args[..] else {
        panic!("{w:?}")
    };
    assert!(
        matches!(**cond, Cond::And(_, ref r) if matches!(**r, Cond::Not(_))),
        "{cond:?}"
    );
}

#[test]
fn errors_name_the_line() {
    let e = parse("Get-X\nSet-X -A 'open").unwrap_err();
    assert_eq!(e.line, 2);
    let e = parse("Get-X |\n").unwrap_err();
    assert!(e.message.contains("followed by a command"), "{e:?}");
    let e = parse("Get-X > out.txt").unwrap_err();
    assert!(
        e.message.contains("'>' is not supported") || e.message.contains("not supported"),
        "{e:?}"
    );
    let e = parse("Get-X | Where-Object { $_.A -gq 1 }").unwrap_err();
    assert!(e.message.contains("-gq"), "{e:?}");
}

/// Mutations of a real script never make the parser panic (the fuzz target does the
/// same at length).
#[test]
fn mangled_scripts_give_errors_not_panics() {
    let base = "$d = 'contoso.com'; New-X -Name \"a $d\" -L @{Add='a','b'} `\n | Where-Object {$_.A -eq 1 -or ($_.B)} <# c #> # e\n(Get-Y).Z 2>&1";
    let chars: Vec<char> = base.chars().collect();
    let mut seed = 0x2545_f491_u32;
    let mut next = || {
        seed ^= seed << 13;
        seed ^= seed >> 17;
        seed ^= seed << 5;
        seed as usize
    };
    for _ in 0..3000 {
        let mut c = chars.clone();
        for _ in 0..(next() % 4 + 1) {
            let at = next() % c.len().max(1);
            match next() % 3 {
                0 => {
                    c.remove(at.min(c.len() - 1));
                }
                1 => c.insert(at, chars[next() % chars.len()]),
                _ => c.truncate(at),
            }
            if c.is_empty() {
                break;
            }
        }
        let _ = parse(&c.into_iter().collect::<String>());
    }
}
