//! Unit tests of the PowerShell lexer.

use super::*;

fn plain(t: &str) -> Tok {
    Tok::Text {
        parts: vec![Part::Text(t.into())],
        quoted: false,
    }
}

fn toks(text: &str) -> Vec<Tok> {
    lex(text).unwrap().into_iter().map(|t| t.tok).collect()
}

#[test]
fn words_parameters_and_values() {
    assert_eq!(
        toks("New-X -Name:'a b' -Tls $true CN=mx.contoso.com"),
        [
            plain("New-X"),
            Tok::Param {
                name: "Name".into(),
                colon: true
            },
            Tok::Text {
                parts: vec![Part::Text("a b".into())],
                quoted: true
            },
            Tok::Param {
                name: "Tls".into(),
                colon: false
            },
            Tok::Var(VarRef {
                name: "true".into(),
                path: vec![]
            }),
            plain("CN=mx.contoso.com"),
        ]
    );
}

#[test]
fn quotes_escapes_and_expansion() {
    assert_eq!(
        toks(r#"'it''s' "a `"b`" $x.Name $($y.Id)""#),
        [
            Tok::Text {
                parts: vec![Part::Text("it's".into())],
                quoted: true
            },
            Tok::Text {
                parts: vec![
                    Part::Text("a \"b\" ".into()),
                    Part::Var(VarRef {
                        name: "x".into(),
                        path: vec![]
                    }),
                    Part::Text(".Name ".into()),
                    Part::Var(VarRef {
                        name: "y".into(),
                        path: vec!["Id".into()]
                    }),
                ],
                quoted: true
            },
        ]
    );
}

#[test]
fn comments_continuations_and_lines() {
    let t = lex("A `\n -B 1 # note\n<# a\nblock #>C; D").unwrap();
    let lines: Vec<(Tok, usize)> = t.into_iter().map(|t| (t.tok, t.line)).collect();
    assert_eq!(
        lines,
        [
            (plain("A"), 1),
            (
                Tok::Param {
                    name: "B".into(),
                    colon: false
                },
                2
            ),
            (plain("1"), 2),
            (Tok::Newline, 2),
            (plain("C"), 4),
            (Tok::Semi, 4),
            (plain("D"), 4),
        ]
    );
}

#[test]
fn hashtables_split_at_equals_and_redirections_are_tokens() {
    assert_eq!(
        toks("@{Add=a}"),
        [
            Tok::AtBrace,
            plain("Add"),
            Tok::Assign,
            plain("a"),
            Tok::RBrace
        ]
    );
    assert_eq!(
        toks("X >$null"),
        [plain("X"), Tok::Redirect(">$null".into())]
    );
    assert!(lex("'open").is_err());
    assert!(lex("@{a=1").is_err());
    assert!(lex(")").is_err());
}
