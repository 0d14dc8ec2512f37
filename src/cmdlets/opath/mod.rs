//! OPATH, the filter language of Exchange's `-Filter` parameters (`Get-Queue -Filter
//! "MessageCount -gt 10 -and Status -eq 'Retry'"`): comparisons of a property with a value
//! (`-eq -ne -lt -gt -le -ge -like -notlike`), joined by `-and`, `-or`, `-not` and
//! parentheses; values quoted ('..' or ".."), bare words, numbers, dates, `$true`,
//! `$false` and `$null`. Parsing and matching are pure: a cmdlet parses its `-Filter`
//! against the properties its objects have, then keeps the objects that match. The
//! comparisons themselves are PowerShell's (`compare`), shared with Where-Object.

pub mod compare;
#[cfg(test)]
mod tests;

use serde_json::Value;

use crate::error::{Error, Result};
pub use compare::Op;

/// A value on the right of a comparison.
#[derive(Debug, Clone, PartialEq)]
pub enum Literal {
    Text(String),
    Number(f64),
    Bool(bool),
    Null,
}

impl Literal {
    fn value(&self) -> Value {
        match self {
            Literal::Text(s) => Value::String(s.clone()),
            Literal::Number(n) => serde_json::Number::from_f64(*n)
                .map(Value::Number)
                .unwrap_or(Value::Null),
            Literal::Bool(b) => Value::Bool(*b),
            Literal::Null => Value::Null,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Expr {
    Compare {
        property: String,
        op: Op,
        value: Literal,
    },
    And(Box<Expr>, Box<Expr>),
    Or(Box<Expr>, Box<Expr>),
    Not(Box<Expr>),
}

impl Expr {
    /// Whether `obj` (an object as the cmdlet outputs it) satisfies the filter.
    pub fn matches(&self, obj: &Value) -> bool {
        match self {
            Expr::And(a, b) => a.matches(obj) && b.matches(obj),
            Expr::Or(a, b) => a.matches(obj) || b.matches(obj),
            Expr::Not(a) => !a.matches(obj),
            Expr::Compare {
                property,
                op,
                value,
            } => {
                let left = compare::property(obj, property).unwrap_or(&Value::Null);
                // OPATH has no -match: the one operator that can fail is never parsed.
                compare::compare(left, *op, false, &value.value()).unwrap_or(false)
            }
        }
    }

    /// Every property the filter names, in order.
    fn properties<'e>(&'e self, out: &mut Vec<&'e str>) {
        match self {
            Expr::And(a, b) | Expr::Or(a, b) => {
                a.properties(out);
                b.properties(out);
            }
            Expr::Not(a) => a.properties(out),
            Expr::Compare { property, .. } => out.push(property),
        }
    }
}

/// Why a filter does not parse, and where (a character offset into it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    pub at: usize,
    pub message: String,
}

#[derive(Debug, Clone, PartialEq)]
enum Token {
    Open,
    Close,
    /// `-eq`, `-and`, ...: the word after the dash, lower-cased.
    Operator(String),
    Quoted(String),
    Variable(String),
    Word(String),
}

fn lex(text: &str) -> std::result::Result<Vec<(usize, Token)>, SyntaxError> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    let word_end = |from: usize| {
        let mut j = from;
        while j < chars.len() && !chars[j].is_whitespace() && !matches!(chars[j], '(' | ')') {
            j += 1;
        }
        j
    };
    while i < chars.len() {
        let c = chars[i];
        let start = i;
        match c {
            c if c.is_whitespace() => {
                i += 1;
                continue;
            }
            '(' => {
                out.push((start, Token::Open));
                i += 1;
            }
            ')' => {
                out.push((start, Token::Close));
                i += 1;
            }
            '\'' | '"' => {
                // A quote doubled inside the value stands for itself, as in PowerShell;
                // in double quotes a backtick escapes the next character too.
                let mut s = String::new();
                i += 1;
                loop {
                    match chars.get(i) {
                        None => {
                            return Err(SyntaxError {
                                at: start,
                                message: format!("the value opened by {c} here is not closed"),
                            });
                        }
                        Some(&q) if q == c && chars.get(i + 1) == Some(&c) => {
                            s.push(c);
                            i += 2;
                        }
                        Some(&q) if q == c => {
                            i += 1;
                            break;
                        }
                        Some('`') if c == '"' && i + 1 < chars.len() => {
                            s.push(chars[i + 1]);
                            i += 2;
                        }
                        Some(&other) => {
                            s.push(other);
                            i += 1;
                        }
                    }
                }
                out.push((start, Token::Quoted(s)));
            }
            '$' => {
                let end = word_end(i + 1);
                out.push((
                    start,
                    Token::Variable(chars[i + 1..end].iter().collect::<String>().to_lowercase()),
                ));
                i = end;
            }
            '-' if chars.get(i + 1).is_some_and(|n| n.is_ascii_alphabetic()) => {
                let end = word_end(i + 1);
                out.push((
                    start,
                    Token::Operator(chars[i + 1..end].iter().collect::<String>().to_lowercase()),
                ));
                i = end;
            }
            _ => {
                let end = word_end(i);
                out.push((start, Token::Word(chars[i..end].iter().collect())));
                i = end;
            }
        }
    }
    Ok(out)
}

struct Parser {
    tokens: Vec<(usize, Token)>,
    pos: usize,
    len: usize,
}

/// The comparison operators OPATH has (no -match, -contains or -in).
const OPERATORS: &[&str] = &["eq", "ne", "lt", "gt", "le", "ge", "like", "notlike"];

impl Parser {
    fn at(&self) -> usize {
        self.tokens.get(self.pos).map_or(self.len, |(at, _)| *at)
    }

    fn fail<T>(&self, message: impl Into<String>) -> std::result::Result<T, SyntaxError> {
        Err(SyntaxError {
            at: self.at(),
            message: message.into(),
        })
    }

    fn next(&mut self) -> Option<Token> {
        let t = self.tokens.get(self.pos).map(|(_, t)| t.clone());
        self.pos += 1;
        t
    }

    fn peek_operator(&self, name: &str) -> bool {
        matches!(self.tokens.get(self.pos), Some((_, Token::Operator(o))) if o == name)
    }

    fn or(&mut self) -> std::result::Result<Expr, SyntaxError> {
        let mut left = self.and()?;
        while self.peek_operator("or") {
            self.pos += 1;
            left = Expr::Or(Box::new(left), Box::new(self.and()?));
        }
        Ok(left)
    }

    fn and(&mut self) -> std::result::Result<Expr, SyntaxError> {
        let mut left = self.unary()?;
        while self.peek_operator("and") {
            self.pos += 1;
            left = Expr::And(Box::new(left), Box::new(self.unary()?));
        }
        Ok(left)
    }

    fn unary(&mut self) -> std::result::Result<Expr, SyntaxError> {
        match self.next() {
            Some(Token::Operator(o)) if o == "not" => Ok(Expr::Not(Box::new(self.unary()?))),
            Some(Token::Open) => {
                let inner = self.or()?;
                match self.next() {
                    Some(Token::Close) => Ok(inner),
                    _ => {
                        self.pos -= 1;
                        self.fail("expected ) to close the (")
                    }
                }
            }
            Some(Token::Word(property)) => {
                let op = match self.next() {
                    Some(Token::Operator(o)) if OPERATORS.contains(&o.as_str()) => {
                        Op::parse(&o).map(|(op, _)| op)
                    }
                    _ => None,
                };
                let Some(op) = op else {
                    self.pos -= 1;
                    return self.fail(format!(
                        "expected an operator after {property} (-{})",
                        OPERATORS.join(", -")
                    ));
                };
                let value = match self.next() {
                    Some(Token::Quoted(s)) => Literal::Text(s),
                    Some(Token::Variable(v)) => match v.as_str() {
                        "true" => Literal::Bool(true),
                        "false" => Literal::Bool(false),
                        "null" => Literal::Null,
                        _ => {
                            self.pos -= 1;
                            return self.fail(format!(
                                "${v} is not a value a filter knows ($true, $false, $null)"
                            ));
                        }
                    },
                    Some(Token::Word(w)) => match w.parse::<f64>() {
                        Ok(n) if n.is_finite() => Literal::Number(n),
                        _ => Literal::Text(w),
                    },
                    _ => {
                        self.pos -= 1;
                        return self.fail(format!("expected a value to compare {property} with"));
                    }
                };
                Ok(Expr::Compare {
                    property,
                    op,
                    value,
                })
            }
            _ => {
                self.pos -= 1;
                self.fail("expected a property name, -not or (")
            }
        }
    }
}

/// Parses an OPATH filter. The braces of the older pages' form (`{Status -eq 'Retry'}`)
/// are taken off.
pub fn parse(text: &str) -> std::result::Result<Expr, SyntaxError> {
    let trimmed = text.trim();
    let inner = trimmed
        .strip_prefix('{')
        .and_then(|t| t.strip_suffix('}'))
        .unwrap_or(trimmed);
    let tokens = lex(inner)?;
    let mut p = Parser {
        len: inner.chars().count(),
        tokens,
        pos: 0,
    };
    let expr = p.or()?;
    if p.pos < p.tokens.len() {
        return p.fail("expected -and, -or or the end of the filter");
    }
    Ok(expr)
}

/// A cmdlet's `-Filter`: parsed, and every property it names checked against those the
/// cmdlet's objects have (`properties`), so a typo is an error and not an empty answer.
pub fn filter(cmdlet: &str, text: &str, properties: &[&str]) -> Result<Expr> {
    let expr = parse(text).map_err(|e| {
        Error::usage(format!(
            "-Filter \"{text}\": {} (at character {})",
            e.message,
            e.at + 1
        ))
        .help("write Property -Operator 'value', joined with -and/-or, such as -Filter \"Status -eq 'Retry' -and MessageCount -gt 10\"")
    })?;
    let mut named = Vec::new();
    expr.properties(&mut named);
    if let Some(unknown) = named
        .iter()
        .find(|n| !properties.iter().any(|p| p.eq_ignore_ascii_case(n)))
    {
        return Err(Error::usage(format!(
            "-Filter: the objects of {cmdlet} have no property {unknown}"
        ))
        .help(format!("filter on one of: {}", properties.join(", "))));
    }
    Ok(expr)
}

/// `rows` less those `expr` (if any) does not match.
pub fn keep(rows: &mut Vec<Value>, expr: Option<&Expr>) {
    if let Some(e) = expr {
        rows.retain(|r| e.matches(r));
    }
}
