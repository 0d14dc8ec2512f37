//! The parser of the PowerShell subset: statements (a pipeline, or `$x = ` one), pipelines
//! of commands, arguments (`-Param`, `-Param:value`, values, `a,b` arrays, `@(...)`,
//! `@{k=v; ...}`, `(subexpression)`) and the conditions of `Where-Object { ... }` blocks.
//! Pure and total: any text gives a script or an error naming the line, never a panic
//! (the fuzz target `fuzz/fuzz_targets/script.rs` holds it to that).

use super::lex::{LexError, Part, Tok, Token, VarRef, lex};
pub use crate::cmdlets::opath::Op;

#[derive(Debug, Clone, PartialEq)]
pub struct Script {
    pub statements: Vec<Statement>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Statement {
    /// Where the statement starts (1-based), for error messages.
    pub line: usize,
    /// `$name = ...`: the variable the output goes to instead of the screen.
    pub assign: Option<String>,
    pub pipeline: Pipeline,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Pipeline {
    pub stages: Vec<Stage>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Stage {
    Command(Command),
    /// A value where a pipeline starts (`$x = 'a'`, `'X' | Set-...`).
    Value(Expr),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Command {
    pub name: String,
    pub args: Vec<Arg>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Arg {
    /// `-Name` (its value, if any, is the next argument: only the cmdlet knows whether
    /// it is a switch) or `-Name:value` (the value attached).
    Param {
        name: String,
        value: Option<Expr>,
    },
    Value(Expr),
}

#[derive(Debug, Clone, PartialEq)]
pub enum Expr {
    /// A word or a string, with the variables it expands.
    Text(Vec<Part>),
    Var(VarRef),
    Array(Vec<Expr>),
    Hash(Vec<(String, Expr)>),
    /// `(pipeline)`: its output as a value.
    Sub(Box<Pipeline>),
    /// `(...).Name.Name`: a property path of a value.
    Member(Box<Expr>, Vec<String>),
    /// `{ condition }`, as Where-Object takes it.
    Block(Box<Cond>),
    /// `-Filter { condition }`: an OPATH filter written as a script block, passed to the
    /// cmdlet as OPATH text.
    Filter(Box<Cond>),
}

#[derive(Debug, Clone, PartialEq)]
pub enum Cond {
    Or(Box<Cond>, Box<Cond>),
    And(Box<Cond>, Box<Cond>),
    Not(Box<Cond>),
    Compare {
        left: Expr,
        op: Op,
        case: bool,
        right: Expr,
    },
    /// A value alone: true when it is (`{$_.Enabled}`).
    Value(Expr),
}

#[derive(Debug, Clone, PartialEq)]
pub struct ParseError {
    pub line: usize,
    pub message: String,
}

impl From<LexError> for ParseError {
    fn from(e: LexError) -> Self {
        ParseError {
            line: e.line,
            message: e.message,
        }
    }
}

struct Parser {
    toks: Vec<Token>,
    at: usize,
    /// Inside `-Filter { ... }`: an OPATH filter, whose bare words are property names
    /// and values, not commands.
    opath: bool,
}

impl Parser {
    fn peek(&self) -> Option<&Tok> {
        self.toks.get(self.at).map(|t| &t.tok)
    }

    fn line(&self) -> usize {
        self.toks
            .get(self.at)
            .or(self.toks.last())
            .map_or(1, |t| t.line)
    }

    fn err<T>(&self, message: impl Into<String>) -> Result<T, ParseError> {
        Err(ParseError {
            line: self.line(),
            message: message.into(),
        })
    }

    fn bump(&mut self) -> Option<Tok> {
        let t = self.toks.get(self.at).map(|t| t.tok.clone());
        self.at += 1;
        t
    }

    fn eat(&mut self, tok: &Tok) -> bool {
        if self.peek() == Some(tok) {
            self.at += 1;
            return true;
        }
        false
    }

    fn skip_separators(&mut self) {
        while matches!(self.peek(), Some(Tok::Newline | Tok::Semi)) {
            self.at += 1;
        }
    }

    fn skip_newlines(&mut self) {
        while self.eat(&Tok::Newline) {}
    }

    fn script(&mut self) -> Result<Script, ParseError> {
        let mut statements = Vec::new();
        self.skip_separators();
        while self.peek().is_some() {
            statements.push(self.statement()?);
            match self.peek() {
                None => break,
                Some(Tok::Newline | Tok::Semi) => self.skip_separators(),
                Some(other) => {
                    let shown = shown(other);
                    return self.err(format!("unexpected {shown}"));
                }
            }
        }
        Ok(Script { statements })
    }

    fn statement(&mut self) -> Result<Statement, ParseError> {
        let line = self.line();
        let assign = match (self.peek(), self.toks.get(self.at + 1).map(|t| &t.tok)) {
            (Some(Tok::Var(v)), Some(Tok::Assign)) if v.path.is_empty() => {
                let name = v.name.clone();
                self.at += 2;
                self.skip_newlines();
                Some(name)
            }
            (Some(Tok::Var(_)), Some(Tok::Assign)) => {
                return self.err("only a variable may be assigned to, not a property");
            }
            _ => None,
        };
        let pipeline = self.pipeline()?;
        Ok(Statement {
            line,
            assign,
            pipeline,
        })
    }

    fn pipeline(&mut self) -> Result<Pipeline, ParseError> {
        let mut stages = vec![self.stage(true)?];
        while self.eat(&Tok::Pipe) {
            self.skip_newlines();
            stages.push(self.stage(false)?);
        }
        Ok(Pipeline { stages })
    }

    fn stage(&mut self, first: bool) -> Result<Stage, ParseError> {
        match self.peek() {
            Some(Tok::Text {
                parts,
                quoted: false,
            }) if is_command_name(parts) => {
                let name = match &parts[..] {
                    [Part::Text(t)] => t.clone(),
                    _ => String::new(),
                };
                self.at += 1;
                let mut args = Vec::new();
                while let Some(tok) = self.peek() {
                    match tok {
                        Tok::Newline | Tok::Semi | Tok::Pipe | Tok::RParen | Tok::RBrace => break,
                        Tok::Param { name, colon } => {
                            let (name, colon) = (name.clone(), *colon);
                            self.at += 1;
                            let value = match colon {
                                true => Some(self.filter_value(&name)?),
                                false => None,
                            };
                            args.push(Arg::Param { name, value });
                        }
                        _ => {
                            let param = match args.last() {
                                Some(Arg::Param { name, value: None }) => name.clone(),
                                _ => String::new(),
                            };
                            args.push(Arg::Value(self.filter_value(&param)?));
                        }
                    }
                }
                Ok(Stage::Command(Command { name, args }))
            }
            None | Some(Tok::Newline | Tok::Semi) if !first => {
                self.err("a | must be followed by a command")
            }
            _ if first => Ok(Stage::Value(self.value()?)),
            _ => self.err("after a | comes a command, not a value"),
        }
    }

    /// A value, with `a, b` making an array.
    fn value(&mut self) -> Result<Expr, ParseError> {
        let first = self.primary()?;
        if self.peek() != Some(&Tok::Comma) {
            return Ok(first);
        }
        let mut items = vec![first];
        while self.eat(&Tok::Comma) {
            self.skip_newlines();
            items.push(self.primary()?);
        }
        Ok(Expr::Array(items))
    }

    fn primary(&mut self) -> Result<Expr, ParseError> {
        let Some(tok) = self.bump() else {
            self.at -= 1;
            return self.err("a value is missing at the end");
        };
        match tok {
            Tok::Text { parts, .. } => Ok(Expr::Text(parts)),
            Tok::Var(v) => Ok(Expr::Var(v)),
            Tok::AtParen => {
                let mut items = Vec::new();
                self.skip_separators();
                while !self.eat(&Tok::RParen) {
                    match self.value()? {
                        Expr::Array(more) => items.extend(more),
                        one => items.push(one),
                    }
                    self.skip_separators();
                }
                Ok(Expr::Array(items))
            }
            Tok::AtBrace => {
                let mut entries = Vec::new();
                self.skip_separators();
                while !self.eat(&Tok::RBrace) {
                    let key = match self.bump() {
                        Some(Tok::Text { parts, .. }) => match &parts[..] {
                            [Part::Text(k)] => k.clone(),
                            _ => return self.err("a hashtable key must be a plain name"),
                        },
                        _ => {
                            self.at -= 1;
                            return self.err("a hashtable holds key = value pairs (@{Add=\"a\"})");
                        }
                    };
                    if !self.eat(&Tok::Assign) {
                        return self.err(format!("the hashtable key {key} needs = and a value"));
                    }
                    self.skip_newlines();
                    entries.push((key, self.value()?));
                    self.skip_separators();
                }
                Ok(Expr::Hash(entries))
            }
            Tok::LParen => {
                self.skip_newlines();
                let inner = self.pipeline()?;
                self.skip_newlines();
                if !self.eat(&Tok::RParen) {
                    return self.err("a ( is not closed with )");
                }
                let mut path = Vec::new();
                while let Some(Tok::Member(name)) = self.peek() {
                    path.push(name.clone());
                    self.at += 1;
                }
                let sub = Expr::Sub(Box::new(inner));
                Ok(match path.is_empty() {
                    true => sub,
                    false => Expr::Member(Box::new(sub), path),
                })
            }
            Tok::LBrace => {
                self.skip_separators();
                let cond = self.or()?;
                self.skip_separators();
                if !self.eat(&Tok::RBrace) {
                    return self.err(
                        "a script block may hold one condition only ({$_.Enabled -eq $true})",
                    );
                }
                Ok(match self.opath {
                    true => Expr::Filter(Box::new(cond)),
                    false => Expr::Block(Box::new(cond)),
                })
            }
            Tok::Redirect(r) => {
                self.at -= 1;
                self.err(format!(
                    "'{r}' is not supported (redirection and the call operator): pipe to Out-Null to discard output"
                ))
            }
            other => {
                self.at -= 1;
                let shown = shown(&other);
                self.err(format!("unexpected {shown} where a value belongs"))
            }
        }
    }

    fn keyword(&self, word: &str) -> bool {
        matches!(self.peek(), Some(Tok::Param { name, colon: false }) if name.eq_ignore_ascii_case(word))
    }

    fn or(&mut self) -> Result<Cond, ParseError> {
        let mut left = self.and()?;
        while self.keyword("or") {
            self.at += 1;
            self.skip_newlines();
            left = Cond::Or(Box::new(left), Box::new(self.and()?));
        }
        Ok(left)
    }

    fn and(&mut self) -> Result<Cond, ParseError> {
        let mut left = self.unary()?;
        while self.keyword("and") {
            self.at += 1;
            self.skip_newlines();
            left = Cond::And(Box::new(left), Box::new(self.unary()?));
        }
        Ok(left)
    }

    fn unary(&mut self) -> Result<Cond, ParseError> {
        if self.keyword("not") {
            self.at += 1;
            return Ok(Cond::Not(Box::new(self.unary()?)));
        }
        if self.eat(&Tok::LParen) {
            self.skip_newlines();
            let inner = self.or()?;
            self.skip_newlines();
            if !self.eat(&Tok::RParen) {
                return self.err("a ( is not closed with )");
            }
            return Ok(inner);
        }
        let left = self.operand()?;
        let Some(Tok::Param { name, colon: false }) = self.peek() else {
            return Ok(Cond::Value(left));
        };
        let Some((op, case)) = Op::parse(name) else {
            if ["and", "or"].contains(&name.to_ascii_lowercase().as_str()) {
                return Ok(Cond::Value(left));
            }
            let name = name.clone();
            return self.err(format!(
                "-{name} is not a comparison operator this script mode has (-eq -ne -gt -ge -lt -le -like -notlike -match -notmatch -contains -notcontains -in -notin)"
            ));
        };
        self.at += 1;
        let right = self.operand()?;
        Ok(Cond::Compare {
            left,
            op,
            case,
            right,
        })
    }

    /// A command's value; after `-Filter`, a script block is read as an OPATH filter.
    fn filter_value(&mut self, param: &str) -> Result<Expr, ParseError> {
        let outer = std::mem::replace(&mut self.opath, param.eq_ignore_ascii_case("Filter"));
        let value = self.value();
        self.opath = outer;
        value
    }

    fn operand(&mut self) -> Result<Expr, ParseError> {
        match self.peek() {
            Some(Tok::Text {
                parts,
                quoted: false,
            }) if !self.opath && is_command_name(parts) => {
                let shown = match &parts[..] {
                    [Part::Text(t)] => t.clone(),
                    _ => String::new(),
                };
                self.err(format!(
                    "a command ({shown}) inside a condition is not supported: compare properties of $_"
                ))
            }
            _ => self.value(),
        }
    }
}

/// A bare word that names a command: `Verb-Noun` or a single name, not a number or a
/// value-looking word such as `contoso.com`.
fn is_command_name(parts: &[Part]) -> bool {
    match parts {
        [Part::Text(t)] => {
            t.chars().next().is_some_and(char::is_alphabetic)
                && t.chars()
                    .all(|c| c.is_alphanumeric() || c == '-' || c == '_')
        }
        _ => false,
    }
}

fn shown(tok: &Tok) -> String {
    match tok {
        Tok::Text { parts, .. } => match &parts[..] {
            [Part::Text(t)] => format!("'{t}'"),
            _ => "a value".into(),
        },
        Tok::Param { name, .. } => format!("-{name}"),
        Tok::Var(v) => format!("${}", v.name),
        Tok::Comma => "','".into(),
        Tok::Semi => "';'".into(),
        Tok::Newline => "the end of the line".into(),
        Tok::Pipe => "'|'".into(),
        Tok::Assign => "'='".into(),
        Tok::LParen => "'('".into(),
        Tok::RParen => "')'".into(),
        Tok::LBrace => "'{'".into(),
        Tok::RBrace => "'}'".into(),
        Tok::AtParen => "'@('".into(),
        Tok::AtBrace => "'@{'".into(),
        Tok::Member(m) => format!("'.{m}'"),
        Tok::Redirect(r) => format!("'{r}' (redirection is not supported)"),
    }
}

/// Parses a whole script.
pub fn parse(text: &str) -> Result<Script, ParseError> {
    let toks = lex(text)?;
    Parser {
        toks,
        at: 0,
        opath: false,
    }
    .script()
}

#[cfg(test)]
mod tests;
