//! Runs a parsed script. Each eopctl cmdlet runs through the command line's own path
//! (`-Param value` mapped by `cli::argv`, parsed by clap), and its objects come back as
//! data: the next stage of a pipeline binds to them by property name, as PowerShell does,
//! and Where-Object, Select-Object, Measure-Object, Format-List, Format-Table and
//! Out-Null work on them. What a statement leaves at its end is printed by `output`.

use std::collections::HashMap;

use serde_json::{Map, Value};

use super::lex::{Part, VarRef};
use super::parse::{Arg, Command, Cond, Expr, Op, Pipeline, Script, Stage, Statement};
use crate::error::{Error, Result};
use crate::output::{self, Column, Format, Output};

mod builtins;
mod filter;
mod objects;
use objects::*;

/// The PowerShell commands a script may use besides eopctl's cmdlets.
const BUILTINS: &[&str] = &[
    "Where-Object",
    "Select-Object",
    "Measure-Object",
    "Format-List",
    "Format-Table",
    "Out-Null",
];

/// `-ErrorAction` and `$ErrorActionPreference`: stop at the first error (PowerShell's
/// default for scripts that must not half-apply), or report it and go on.
#[derive(Debug, Clone, Copy, PartialEq)]
enum ErrorAction {
    Stop,
    Continue,
    SilentlyContinue,
}

impl ErrorAction {
    fn parse(text: &str) -> Result<ErrorAction> {
        match text.to_ascii_lowercase().as_str() {
            "stop" => Ok(ErrorAction::Stop),
            "continue" | "inquire" => Ok(ErrorAction::Continue),
            "silentlycontinue" | "ignore" => Ok(ErrorAction::SilentlyContinue),
            _ => Err(
                Error::usage(format!("-ErrorAction {text} is not an action"))
                    .help("write -ErrorAction Stop, Continue or SilentlyContinue"),
            ),
        }
    }
}

/// How a stage's objects are shown if nothing else comes after them.
#[derive(Debug, Clone)]
enum View {
    /// As the cmdlet that made them shows them, in the format asked for (`-o`).
    Cmdlet {
        columns: &'static [Column],
        format: Format,
    },
    /// Only these properties, as a table (Select-Object, Format-Table with names).
    Table(Vec<String>),
    /// Every property, one per line (Format-List, Measure-Object).
    List,
    /// Plain values: strings one per line, objects as lists.
    Values,
    /// Out-Null.
    Hidden,
}

/// What flows from one stage of a pipeline to the next.
struct Stream {
    items: Vec<Value>,
    view: View,
    /// The noun of the cmdlet that made the objects (Queue for Get-Queue): a next cmdlet
    /// with a parameter of that name takes them there (Get-Message -Queue), as
    /// Exchange's cmdlets take a queue object.
    noun: Option<String>,
    /// The cmdlet printed a sentence, not objects: nothing to bind or filter.
    prose: bool,
}

impl Stream {
    fn values(items: Vec<Value>) -> Stream {
        Stream {
            items,
            view: View::Values,
            noun: None,
            prose: false,
        }
    }
}

pub struct Runner<'a> {
    root: &'a clap::Command,
    /// Options given before the script (`--state`, `-o`), passed to every cmdlet.
    globals: Vec<String>,
    vars: HashMap<String, Value>,
    action: ErrorAction,
    /// The `-ErrorAction` the running statement's commands give, over `action`.
    local_action: Option<ErrorAction>,
    /// The first error a `Continue` let pass: the script still exits with its code.
    first_error: Option<Error>,
}

impl<'a> Runner<'a> {
    pub fn new(root: &'a clap::Command, globals: Vec<String>) -> Self {
        Runner {
            root,
            globals,
            vars: HashMap::new(),
            action: ErrorAction::Stop,
            local_action: None,
            first_error: None,
        }
    }

    /// Runs `script`; `source` names it in error messages (`setup.ps1`, `-Command`).
    pub fn run(&mut self, script: &Script, source: &str) -> Result<()> {
        for statement in &script.statements {
            self.local_action = None;
            let result = self.statement(statement);
            let action = self.local_action.unwrap_or(self.action);
            let Err(mut e) = result else { continue };
            if !e.message.is_empty() {
                e.message = format!("{source}:{}: {}", statement.line, e.message);
            }
            match action {
                ErrorAction::Stop => return Err(e),
                ErrorAction::Continue => {
                    if !e.quiet {
                        eprintln!("{e}");
                    }
                    if self.first_error.is_none() {
                        self.first_error = Some(e.quiet());
                    }
                }
                // Asked not to hear of it: neither said nor in the exit code.
                ErrorAction::SilentlyContinue => {}
            }
        }
        match self.first_error.take() {
            Some(e) => Err(e),
            None => Ok(()),
        }
    }

    fn statement(&mut self, statement: &Statement) -> Result<()> {
        let stream = self.pipeline(&statement.pipeline)?;
        match &statement.assign {
            Some(name) => self.assign(name, stream),
            None => {
                show(stream);
                Ok(())
            }
        }
    }

    fn assign(&mut self, name: &str, stream: Stream) -> Result<()> {
        let value = match stream.items.len() {
            0 => Value::Null,
            1 => stream.items.into_iter().next().unwrap_or_default(),
            _ => Value::Array(stream.items),
        };
        if name.eq_ignore_ascii_case("ErrorActionPreference") {
            self.action = ErrorAction::parse(&arg_text(&value))?;
        }
        self.vars.insert(name.to_ascii_lowercase(), value);
        Ok(())
    }

    fn var(&self, v: &VarRef, current: Option<&Value>) -> Result<Value> {
        let lower = v.name.to_ascii_lowercase();
        let base = match lower.as_str() {
            "true" => Value::Bool(true),
            "false" => Value::Bool(false),
            "null" => Value::Null,
            "_" | "psitem" => current.cloned().ok_or_else(|| {
                Error::usage("$_ is the object in a pipeline, and there is none here")
                    .help("use $_ inside Where-Object { ... }")
            })?,
            name => match (name.strip_prefix("env:"), self.vars.get(name)) {
                (Some(env), _) => std::env::var(&v.name[4..])
                    .map(Value::String)
                    .map_err(|_| {
                        Error::usage(format!("the environment variable {env} is not set"))
                            .help(format!("set {} before running the script", &v.name[4..]))
                    })?,
                (None, Some(value)) => value.clone(),
                (None, None) => {
                    return Err(Error::usage(format!("${} is not set", v.name))
                        .help(format!("assign it first: ${} = ...", v.name)));
                }
            },
        };
        Ok(walk(base, &v.path))
    }

    fn parts(&mut self, parts: &[Part], current: Option<&Value>) -> Result<String> {
        let mut out = String::new();
        for p in parts {
            match p {
                Part::Text(t) => out.push_str(t),
                Part::Var(v) => out.push_str(&arg_text(&self.var(v, current)?)),
            }
        }
        Ok(out)
    }

    fn expr(&mut self, e: &Expr, current: Option<&Value>) -> Result<Value> {
        Ok(match e {
            Expr::Text(parts) => Value::String(self.parts(parts, current)?),
            Expr::Var(v) => self.var(v, current)?,
            Expr::Array(items) => Value::Array(
                items
                    .iter()
                    .map(|i| self.expr(i, current))
                    .collect::<Result<_>>()?,
            ),
            Expr::Hash(entries) => {
                let mut map = Map::new();
                for (k, v) in entries {
                    let value = self.expr(v, current)?;
                    map.insert(k.clone(), value);
                }
                Value::Object(map)
            }
            Expr::Sub(pipeline) => {
                let stream = self.pipeline(pipeline)?;
                match stream.items.len() {
                    0 => Value::Null,
                    1 => stream.items.into_iter().next().unwrap_or_default(),
                    _ => Value::Array(stream.items),
                }
            }
            Expr::Member(inner, path) => walk(self.expr(inner, current)?, path),
            Expr::Filter(cond) => Value::String(self.opath(cond)?),
            Expr::Block(_) => {
                return Err(
                    Error::usage("a script block { ... } is only read by Where-Object")
                        .help("write the value itself, or filter with | Where-Object { ... }"),
                );
            }
        })
    }

    fn cond(&mut self, c: &Cond, item: &Value) -> Result<bool> {
        Ok(match c {
            Cond::Or(a, b) => self.cond(a, item)? || self.cond(b, item)?,
            Cond::And(a, b) => self.cond(a, item)? && self.cond(b, item)?,
            Cond::Not(a) => !self.cond(a, item)?,
            Cond::Value(v) => truthy(&self.expr(v, Some(item))?),
            Cond::Compare {
                left,
                op,
                case,
                right,
            } => {
                let (l, r) = (self.expr(left, Some(item))?, self.expr(right, Some(item))?);
                compare(&l, *op, *case, &r)?
            }
        })
    }

    /// Runs a pipeline, noting the `-ErrorAction` its commands ask for.
    fn pipeline(&mut self, pipeline: &Pipeline) -> Result<Stream> {
        let mut stream: Option<Stream> = None;
        for stage in &pipeline.stages {
            stream = Some(match stage {
                Stage::Value(e) => {
                    let v = self.expr(e, None)?;
                    Stream::values(match v {
                        Value::Array(items) => items,
                        Value::Null => Vec::new(),
                        one => vec![one],
                    })
                }
                Stage::Command(c) => {
                    let (args, a) = self.strip_error_action(&c.args)?;
                    self.local_action = self.local_action.or(a);
                    let c = Command {
                        name: c.name.clone(),
                        args,
                    };
                    self.command(&c, stream.take())?
                }
            });
        }
        Ok(stream.unwrap_or_else(|| Stream::values(Vec::new())))
    }

    /// `-ErrorAction X` (a common parameter) taken out of a command's arguments.
    fn strip_error_action(&mut self, args: &[Arg]) -> Result<(Vec<Arg>, Option<ErrorAction>)> {
        let mut out = Vec::new();
        let mut action = None;
        let mut i = 0;
        while i < args.len() {
            match &args[i] {
                Arg::Param { name, value }
                    if name.eq_ignore_ascii_case("ErrorAction")
                        || name.eq_ignore_ascii_case("EA") =>
                {
                    let v = match value {
                        Some(v) => self.expr(v, None)?,
                        None => {
                            i += 1;
                            match args.get(i) {
                                Some(Arg::Value(v)) => self.expr(v, None)?,
                                _ => {
                                    return Err(Error::usage("-ErrorAction needs a value").help(
                                        "write -ErrorAction Stop, Continue or SilentlyContinue",
                                    ));
                                }
                            }
                        }
                    };
                    action = Some(ErrorAction::parse(&arg_text(&v))?);
                }
                other => out.push(other.clone()),
            }
            i += 1;
        }
        Ok((out, action))
    }

    fn command(&mut self, c: &Command, input: Option<Stream>) -> Result<Stream> {
        if let Some(builtin) = BUILTINS.iter().find(|b| b.eq_ignore_ascii_case(&c.name)) {
            return self.builtin(builtin, c, input);
        }
        let Some(sub) = self.root.find_subcommand(c.name.to_ascii_lowercase()) else {
            return Err(Error::usage(format!(
                "'{}' is neither an eopctl cmdlet nor one of the PowerShell commands a script may use",
                c.name
            ))
            .help(format!(
                "scripts run eopctl's cmdlets (`eopctl help` lists them) and {}",
                BUILTINS.join(", ")
            )));
        };
        let shown = super::super::names::display_name(sub);
        let noun = shown.split_once('-').map(|(_, n)| n.to_string());
        let mut argv = self.globals.clone();
        argv.push(c.name.clone());
        let mut given = Vec::new();
        for (i, a) in c.args.iter().enumerate() {
            match a {
                Arg::Param { name, value } => {
                    given.push(squash(name));
                    match value {
                        Some(v) => {
                            let v = self.expr(v, None)?;
                            argv.push(format!("-{name}:{}", arg_text(&v)));
                        }
                        None => argv.push(format!("-{name}")),
                    }
                }
                Arg::Value(v) => {
                    // The first value, right after the name, is the Identity (position 0).
                    if i == 0 {
                        given.push("identity".into());
                    }
                    let v = self.expr(v, None)?;
                    argv.push(arg_text(&v));
                }
            }
        }
        let Some(input) = input else {
            return self.invoke(&argv, noun);
        };
        if input.prose {
            return Err(Error::usage(format!(
                "{shown} cannot take the text the command before it printed"
            ))
            .help("pipe the objects of a Get- cmdlet"));
        }
        let has = |p: &str| {
            sub.get_arguments()
                .any(|a| a.get_long().is_some_and(|l| squash(l) == p))
        };
        // The parameter the piped objects bind to: the one named after their noun
        // (Get-Queue | Get-Message binds -Queue), else -Identity, else -Ids (the
        // Tenant Allow/Block List's cmdlets name entries so).
        let target = match &input.noun {
            Some(n) if has(&squash(n)) && !given.contains(&squash(n)) => squash(n),
            _ if has("identity") && !given.iter().any(|g| g == "identity") => "identity".into(),
            _ if has("ids") && !given.iter().any(|g| g == "ids" || g == "entries") => "ids".into(),
            _ => {
                return Err(Error::usage(format!(
                    "{shown} takes no objects from a pipeline: its -Identity is given or it has none"
                ))
                .help(format!("run {shown} on its own line, naming what it works on")));
            }
        };
        let mut out: Option<Stream> = None;
        for item in &input.items {
            let bound = match item {
                Value::Object(_) => identity(item).ok_or_else(|| {
                    Error::usage(format!(
                        "{shown}: a piped object has no Identity or Name to bind to -{target}"
                    ))
                    .help("pipe the objects of a Get- cmdlet")
                })?,
                other => arg_text(other),
            };
            let mut one = argv.clone();
            one.push(format!("--{target}={bound}"));
            let s = self.invoke(&one, noun.clone())?;
            match &mut out {
                Some(acc) => acc.items.extend(s.items),
                None => out = Some(s),
            }
        }
        Ok(out.unwrap_or_else(|| Stream {
            items: Vec::new(),
            view: View::Hidden,
            noun,
            prose: false,
        }))
    }

    fn invoke(&mut self, argv: &[String], noun: Option<String>) -> Result<Stream> {
        let (out, format) = super::super::invoke(self.root, argv)?;
        Ok(match out {
            Output::Objects { rows, columns } => Stream {
                items: rows,
                view: View::Cmdlet { columns, format },
                noun,
                prose: false,
            },
            // A pipeline passes a report's rows on; its charts are for the command line.
            Output::Report(r) => Stream {
                items: r.rows,
                view: View::Cmdlet {
                    columns: r.columns,
                    format,
                },
                noun,
                prose: false,
            },
            Output::Text(text) => Stream {
                items: vec![Value::String(text)],
                view: View::Values,
                noun,
                prose: true,
            },
            Output::Nothing => Stream {
                items: Vec::new(),
                view: View::Hidden,
                noun,
                prose: false,
            },
            Output::Failing(shown, e) => {
                output::print(&shown, format);
                return Err(e);
            }
        })
    }
}

fn show(stream: Stream) {
    match stream.view {
        View::Hidden => {}
        View::Cmdlet { columns, format } => output::print(
            &Output::Objects {
                rows: stream.items,
                columns,
            },
            format,
        ),
        View::Table(names) => output::print_properties(&stream.items, &names, Format::Table),
        View::List => output::print_properties(&stream.items, &[], Format::List),
        View::Values => {
            for item in &stream.items {
                match item {
                    Value::Object(_) => {
                        output::print_properties(std::slice::from_ref(item), &[], Format::List)
                    }
                    other => output::print(&Output::Text(arg_text(other)), Format::Table),
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn wildcards_and_comparisons_as_powershell_has_them() {
        assert!(like("from on-premises", "from*"));
        assert!(like("abc", "a?c") && !like("abc", "a?d") && like("", "*"));
        let yes = |l: Value, op, r: Value| compare(&l, op, false, &r).unwrap();
        assert!(yes(json!(true), Op::Eq, json!("True")));
        assert!(
            yes(json!("10"), Op::Gt, json!("9")),
            "numbers compare as numbers"
        );
        assert!(yes(json!(["a", "b"]), Op::Contains, json!("B")));
        assert!(yes(json!("b"), Op::In, json!(["a", "b"])));
        assert!(!yes(json!("Partner"), Op::Match, json!("^On")));
        assert!(compare(&json!("On"), Op::Eq, true, &json!("on")).is_ok_and(|r| !r));
    }

    #[test]
    fn properties_enumerate_and_count() {
        let two = json!([{"Name": "A", "Ips": ["1", "2"]}, {"Name": "B"}]);
        assert_eq!(walk(two.clone(), &["name".into()]), json!(["A", "B"]));
        assert_eq!(walk(two, &["Count".into()]), json!(2));
        assert_eq!(walk(Value::Null, &["Count".into()]), json!(0));
        assert_eq!(
            arg_text(&json!({"Add": ["1.2.3.4", "5.6.7.8"], "Remove": "9.9.9.9"})),
            r#"@{Add="1.2.3.4","5.6.7.8"; Remove="9.9.9.9"}"#
        );
        assert_eq!(arg_text(&json!({"Identity": "X", "Enabled": true})), "X");
    }
}
