//! The PowerShell built-ins a pipeline may end in: Where-Object, Select-Object,
//! Measure-Object, Format-List, Format-Table and Out-Null, over the objects eopctl's
//! cmdlets return.

use super::*;

/// The arguments of a built-in, as `Runner::builtin_args` reads them.
struct BuiltinArgs {
    named: Vec<(String, Value)>,
    positional: Vec<Value>,
}

impl BuiltinArgs {
    fn get(&self, name: &str) -> Option<&Value> {
        self.named.iter().find(|(n, _)| n == name).map(|(_, v)| v)
    }

    /// The property names given, positionally or with -Property.
    fn props(&self) -> Vec<String> {
        let mut values = self.positional.clone();
        values.extend(self.get("Property").cloned());
        names(&values)
    }
}

impl Runner<'_> {
    /// The arguments of a built-in: `-Name value` pairs (a switch holds true) and the
    /// positional values. Only the names in `allowed` are accepted.
    fn builtin_args(&mut self, c: &Command, allowed: &[&str]) -> Result<BuiltinArgs> {
        const SWITCHES: &[&str] = &["AutoSize", "Wrap", "Unique"];
        let mut out = BuiltinArgs {
            named: Vec::new(),
            positional: Vec::new(),
        };
        let mut args = c.args.iter();
        while let Some(a) = args.next() {
            let (name, attached) = match a {
                Arg::Value(v) => {
                    let v = self.expr(v, None)?;
                    out.positional.push(v);
                    continue;
                }
                Arg::Param { name, value } => (name, value),
            };
            let Some(known) = allowed.iter().find(|a| a.eq_ignore_ascii_case(name)) else {
                return Err(Error::usage(format!(
                    "{} has no parameter -{name} in eopctl scripts",
                    c.name
                ))
                .help(match allowed.is_empty() {
                    true => "it takes no parameters here".to_string(),
                    false => format!("its parameters here: -{}", allowed.join(", -")),
                }));
            };
            let value = match attached {
                Some(v) => self.expr(v, None)?,
                None if SWITCHES.contains(known) => Value::Bool(true),
                None => match args.next() {
                    Some(Arg::Value(v)) => self.expr(v, None)?,
                    _ => {
                        return Err(Error::usage(format!("{}: -{known} needs a value", c.name))
                            .help(format!("write -{known} and its value")));
                    }
                },
            };
            out.named.push((known.to_string(), value));
        }
        Ok(out)
    }

    pub(super) fn builtin(
        &mut self,
        name: &str,
        c: &Command,
        input: Option<Stream>,
    ) -> Result<Stream> {
        let mut input = input.unwrap_or_else(|| Stream::values(Vec::new()));
        if input.prose {
            return Err(Error::usage(format!(
                "{name} works on objects, and the command before it printed text"
            ))
            .help("pipe the objects of a Get- cmdlet"));
        }
        match name {
            "Where-Object" => {
                let cond = self.where_condition(c)?;
                let mut kept = Vec::new();
                for item in std::mem::take(&mut input.items) {
                    if self.cond(&cond, &item)? {
                        kept.push(item);
                    }
                }
                input.items = kept;
            }
            "Select-Object" => {
                let a = self.builtin_args(
                    c,
                    &["Property", "First", "Last", "ExpandProperty", "Unique"],
                )?;
                let count = |key: &str| -> Result<Option<usize>> {
                    a.get(key)
                        .map(|v| {
                            arg_text(v).parse::<usize>().map_err(|_| {
                                Error::usage(format!("Select-Object -{key} takes a number"))
                                    .help(format!("write -{key} 10"))
                            })
                        })
                        .transpose()
                };
                let (first, last) = (count("First")?, count("Last")?);
                if let Some(n) = first {
                    input.items.truncate(n);
                }
                if let Some(n) = last {
                    let skip = input.items.len().saturating_sub(n);
                    input.items.drain(..skip);
                }
                if let Some(expand) = a.get("ExpandProperty") {
                    let key = arg_text(expand);
                    input.items = input
                        .items
                        .iter()
                        .flat_map(|i| match property(i, &key).cloned().unwrap_or_default() {
                            Value::Array(items) => items,
                            Value::Null => Vec::new(),
                            one => vec![one],
                        })
                        .collect();
                    input.view = View::Values;
                    input.noun = None;
                }
                let props = a.props();
                if !props.is_empty() {
                    input.items = input.items.iter().map(|i| project(i, &props)).collect();
                    input.view = View::Table(props);
                }
                if a.get("Unique").is_some() {
                    let mut seen = Vec::new();
                    input.items.retain(|i| match seen.contains(i) {
                        true => false,
                        false => {
                            seen.push(i.clone());
                            true
                        }
                    });
                }
            }
            "Format-Table" => {
                let a = self.builtin_args(c, &["Property", "AutoSize", "Wrap"])?;
                let props = a.props();
                input.view = match (props.is_empty(), input.view) {
                    (true, View::Cmdlet { columns, .. }) => View::Cmdlet {
                        columns,
                        format: Format::Table,
                    },
                    (true, View::Table(p)) => View::Table(p),
                    (true, _) => View::Table(
                        input
                            .items
                            .first()
                            .and_then(Value::as_object)
                            .map(|m| m.keys().cloned().collect())
                            .unwrap_or_default(),
                    ),
                    (false, _) => View::Table(props),
                };
            }
            "Format-List" => {
                let a = self.builtin_args(c, &["Property"])?;
                let props = a.props();
                if !props.is_empty() {
                    input.items = input.items.iter().map(|i| project(i, &props)).collect();
                }
                input.view = View::List;
            }
            "Measure-Object" => {
                self.builtin_args(c, &[])?;
                let count = input.items.len();
                input = Stream::values(vec![serde_json::json!({ "Count": count })]);
                input.view = View::List;
            }
            _ => {
                self.builtin_args(c, &[])?;
                input.view = View::Hidden;
            }
        }
        Ok(input)
    }

    /// Where-Object's condition: a script block (`{ $_.A -eq 'b' }`, or with
    /// -FilterScript), or the short form `Where-Object A -eq 'b'`.
    fn where_condition(&mut self, c: &Command) -> Result<Cond> {
        match &c.args[..] {
            [Arg::Value(Expr::Block(b))] => Ok((**b).clone()),
            [Arg::Param { name, value: None }, Arg::Value(Expr::Block(b))]
                if name.eq_ignore_ascii_case("FilterScript") =>
            {
                Ok((**b).clone())
            }
            [
                Arg::Value(Expr::Text(prop)),
                Arg::Param { name, value: None },
                Arg::Value(right),
            ] => {
                let (op, case) = Op::parse(name).ok_or_else(|| {
                    Error::usage(format!("Where-Object: -{name} is not a comparison operator"))
                        .help("write -eq, -ne, -gt, -ge, -lt, -le, -like, -notlike, -match, -contains or -in")
                })?;
                let prop = self.parts(prop, None)?;
                Ok(Cond::Compare {
                    left: Expr::Var(VarRef {
                        name: "_".into(),
                        path: vec![prop],
                    }),
                    op,
                    case,
                    right: right.clone(),
                })
            }
            _ => Err(Error::usage("Where-Object needs a condition").help(
                "write Where-Object { $_.Enabled -eq $true } (or Where-Object Enabled -eq $true)",
            )),
        }
    }
}
