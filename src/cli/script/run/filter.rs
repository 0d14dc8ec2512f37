//! `-Filter {Status -eq 'Retry'}`: the older reference pages write a cmdlet's OPATH filter
//! as a script block. The script's parser has read it as a Where-Object condition; this
//! writes it back as the OPATH text the cmdlet parses (`cmdlets::opath`), with `$_.Name`
//! as the property `Name` and the script's own variables replaced by their values.

use super::super::lex::Part;
use super::super::parse::{Cond, Expr};
use super::{Runner, arg_text};
use crate::error::Result;

impl Runner<'_> {
    /// The OPATH text of a `-Filter { ... }` block.
    pub(super) fn opath(&mut self, c: &Cond) -> Result<String> {
        Ok(match c {
            Cond::Or(a, b) => format!("({}) -or ({})", self.opath(a)?, self.opath(b)?),
            Cond::And(a, b) => format!("({}) -and ({})", self.opath(a)?, self.opath(b)?),
            Cond::Not(a) => format!("-not ({})", self.opath(a)?),
            Cond::Compare {
                left,
                op,
                case,
                right,
            } => format!(
                "{} -{}{} {}",
                self.operand(left)?,
                if *case { "c" } else { "" },
                op.name(),
                self.operand(right)?
            ),
            Cond::Value(e) => self.operand(e)?,
        })
    }

    /// A property name or a value: words and `$_.Name` as written, `$true`/`$false`/`$null`
    /// kept, anything else evaluated and quoted.
    fn operand(&mut self, e: &Expr) -> Result<String> {
        match e {
            Expr::Var(v) if matches!(v.name.to_ascii_lowercase().as_str(), "_" | "psitem") => {
                Ok(v.path.join("."))
            }
            Expr::Var(v)
                if v.path.is_empty()
                    && matches!(
                        v.name.to_ascii_lowercase().as_str(),
                        "true" | "false" | "null"
                    ) =>
            {
                Ok(format!("${}", v.name))
            }
            Expr::Text(parts) if parts.iter().all(|p| matches!(p, Part::Text(_))) => {
                let word = self.expr(e, None).map(|v| arg_text(&v))?;
                Ok(bare_or_quoted(&word))
            }
            _ => Ok(quoted(&arg_text(&self.expr(e, None)?))),
        }
    }
}

fn bare_or_quoted(word: &str) -> String {
    let bare = !word.is_empty()
        && word
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | ':' | '@' | '/' | '-'))
        && !word.starts_with('-');
    match bare {
        true => word.to_string(),
        false => quoted(word),
    }
}

fn quoted(text: &str) -> String {
    format!("'{}'", text.replace('\'', "''"))
}
