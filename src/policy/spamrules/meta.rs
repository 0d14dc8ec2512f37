//! Meta rule expressions (and the `if` lines of the rule files): Perl's boolean and
//! arithmetic operators over rule names and numbers. A rule's value is its hit count
//! (0 when it did not hit, or could not run), as in SpamAssassin.

/// A parsed expression; `Var(i)` is the i-th name in [`Parsed::names`].
#[derive(Debug, Clone, PartialEq)]
pub enum Expr {
    Num(f64),
    Var(usize),
    Not(Box<Expr>),
    Neg(Box<Expr>),
    Bin(Op, Box<Expr>, Box<Expr>),
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Op {
    Or,
    And,
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
    Add,
    Sub,
    Mul,
    Div,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Parsed {
    pub expr: Expr,
    pub names: Vec<String>,
}

impl Parsed {
    pub fn eval(&self, var: &mut dyn FnMut(usize) -> f64) -> f64 {
        self.expr.eval(var)
    }
}

impl Expr {
    pub fn eval(&self, var: &mut dyn FnMut(usize) -> f64) -> f64 {
        let truth = |b: bool| if b { 1.0 } else { 0.0 };
        match self {
            Expr::Num(n) => *n,
            Expr::Var(i) => var(*i),
            Expr::Not(e) => truth(e.eval(var) == 0.0),
            Expr::Neg(e) => -e.eval(var),
            Expr::Bin(op, a, b) => {
                let x = a.eval(var);
                // Short-circuit, and keep Perl's value of || and &&.
                match op {
                    Op::Or => return if x != 0.0 { x } else { b.eval(var) },
                    Op::And => return if x == 0.0 { x } else { b.eval(var) },
                    _ => {}
                }
                let y = b.eval(var);
                match op {
                    Op::Eq => truth(x == y),
                    Op::Ne => truth(x != y),
                    Op::Lt => truth(x < y),
                    Op::Le => truth(x <= y),
                    Op::Gt => truth(x > y),
                    Op::Ge => truth(x >= y),
                    Op::Add => x + y,
                    Op::Sub => x - y,
                    Op::Mul => x * y,
                    Op::Div if y == 0.0 => 0.0,
                    Op::Div => x / y,
                    Op::Or | Op::And => unreachable!("handled above"),
                }
            }
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Num(f64),
    Name(String),
    Op(&'static str),
}

fn lex(s: &str) -> Result<Vec<Tok>, String> {
    const OPS: &[&str] = &[
        "&&", "||", "==", "!=", ">=", "<=", "(", ")", "!", "+", "-", "*", "/", ">", "<",
    ];
    let mut out = Vec::new();
    let mut rest = s.trim_start();
    while !rest.is_empty() {
        if let Some(op) = OPS.iter().find(|o| rest.starts_with(**o)) {
            out.push(Tok::Op(op));
            rest = &rest[op.len()..];
        } else {
            let c = rest.chars().next().unwrap_or(' ');
            let end = rest
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '.'))
                .unwrap_or(rest.len());
            if end == 0 {
                return Err(format!("unexpected {c:?}"));
            }
            let word = &rest[..end];
            out.push(if c.is_ascii_digit() || c == '.' {
                Tok::Num(word.parse().map_err(|_| format!("bad number {word}"))?)
            } else {
                Tok::Name(word.into())
            });
            rest = &rest[end..];
        }
        rest = rest.trim_start();
    }
    Ok(out)
}

struct P {
    toks: Vec<Tok>,
    at: usize,
    names: Vec<String>,
}

impl P {
    fn peek_op(&self) -> Option<&'static str> {
        match self.toks.get(self.at) {
            Some(Tok::Op(o)) => Some(o),
            _ => None,
        }
    }

    /// Precedence climbing: || < && < == != < comparisons < + - < * /.
    fn binary(&mut self, level: usize) -> Result<Expr, String> {
        const LEVELS: &[&[(&str, Op)]] = &[
            &[("||", Op::Or)],
            &[("&&", Op::And)],
            &[("==", Op::Eq), ("!=", Op::Ne)],
            &[(">=", Op::Ge), ("<=", Op::Le), (">", Op::Gt), ("<", Op::Lt)],
            &[("+", Op::Add), ("-", Op::Sub)],
            &[("*", Op::Mul), ("/", Op::Div)],
        ];
        if level == LEVELS.len() {
            return self.unary();
        }
        let mut left = self.binary(level + 1)?;
        while let Some(op) = self.peek_op()
            && let Some(&(_, o)) = LEVELS[level].iter().find(|(s, _)| *s == op)
        {
            self.at += 1;
            let right = self.binary(level + 1)?;
            left = Expr::Bin(o, Box::new(left), Box::new(right));
        }
        Ok(left)
    }

    fn unary(&mut self) -> Result<Expr, String> {
        let tok = self.toks.get(self.at).cloned();
        self.at += 1;
        match tok {
            Some(Tok::Op("!")) => Ok(Expr::Not(Box::new(self.unary()?))),
            Some(Tok::Op("-")) => Ok(Expr::Neg(Box::new(self.unary()?))),
            Some(Tok::Op("(")) => {
                let e = self.binary(0)?;
                if self.peek_op() != Some(")") {
                    return Err("missing )".into());
                }
                self.at += 1;
                Ok(e)
            }
            Some(Tok::Num(n)) => Ok(Expr::Num(n)),
            Some(Tok::Name(n)) => {
                let i = match self.names.iter().position(|x| *x == n) {
                    Some(i) => i,
                    None => {
                        self.names.push(n);
                        self.names.len() - 1
                    }
                };
                Ok(Expr::Var(i))
            }
            Some(Tok::Op(o)) => Err(format!("unexpected {o}")),
            None => Err("unexpected end".into()),
        }
    }
}

pub fn parse(s: &str) -> Result<Parsed, String> {
    let mut p = P {
        toks: lex(s)?,
        at: 0,
        names: Vec::new(),
    };
    let expr = p.binary(0)?;
    if p.at != p.toks.len() {
        return Err(format!("trailing {:?}", p.toks[p.at]));
    }
    Ok(Parsed {
        expr,
        names: p.names,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(s: &str, vals: &[(&str, f64)]) -> f64 {
        let p = parse(s).unwrap();
        let names = p.names.clone();
        p.eval(&mut |i| {
            vals.iter()
                .find(|(n, _)| *n == names[i])
                .map_or(0.0, |v| v.1)
        })
    }

    #[test]
    fn boolean_and_arithmetic() {
        assert_eq!(run("A && !B", &[("A", 1.0)]), 1.0);
        assert_eq!(run("A && !B", &[("A", 1.0), ("B", 1.0)]), 0.0);
        assert_eq!(run("(A + B + C) > 1", &[("A", 1.0), ("C", 1.0)]), 1.0);
        assert_eq!(run("(A + B + C) > 1", &[("A", 1.0)]), 0.0);
        assert_eq!(run("A || B && C", &[("A", 1.0)]), 1.0);
        assert_eq!(run("2 * A - 1 >= 3", &[("A", 2.0)]), 1.0);
        assert_eq!(run("__X_MULTI > 2", &[("__X_MULTI", 3.0)]), 1.0);
        assert_eq!(run("4.000001 >= 3.004002", &[]), 1.0);
        assert_eq!(run("!(1)", &[]), 0.0);
        assert_eq!(run("A / B", &[("A", 1.0)]), 0.0, "no division by zero");
    }

    #[test]
    fn errors() {
        assert!(parse("(A && B").is_err());
        assert!(parse("A B").is_err());
        assert!(parse("A && ").is_err());
        assert!(parse("A $ B").is_err());
    }
}
