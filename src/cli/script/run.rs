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

fn squash(name: &str) -> String {
    name.chars()
        .filter(|c| *c != '-' && *c != '_')
        .flat_map(char::to_lowercase)
        .collect()
}

/// A property of an object by name, ignoring case as PowerShell does.
fn property<'v>(obj: &'v Value, name: &str) -> Option<&'v Value> {
    obj.as_object()?
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case(name))
        .map(|(_, v)| v)
}

/// `$x.A.B`: each step a property; on an array, each element's (member enumeration),
/// and `.Count` its length, as PowerShell gives every collection one.
fn walk(mut value: Value, path: &[String]) -> Value {
    for step in path {
        let count = step.eq_ignore_ascii_case("count") && property(&value, step).is_none();
        value = match value {
            Value::Array(items) if count => Value::from(items.len()),
            Value::Array(items) => Value::Array(
                items
                    .iter()
                    .filter_map(|i| property(i, step).cloned())
                    .collect(),
            ),
            Value::Null if count => Value::from(0),
            _ if count => Value::from(1),
            v => property(&v, step).cloned().unwrap_or(Value::Null),
        };
    }
    value
}

/// A value as a command-line argument: lists as PowerShell's `a,b`, a hashtable of
/// Add/Remove as the `@{Add=...}` edit the cmdlets read, an object as its identity.
fn arg_text(v: &Value) -> String {
    match v {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        Value::Bool(b) => b.to_string(),
        Value::Number(n) => n.to_string(),
        Value::Array(items) => items.iter().map(arg_text).collect::<Vec<_>>().join(","),
        Value::Object(map) => {
            let edit = !map.is_empty()
                && map
                    .keys()
                    .all(|k| k.eq_ignore_ascii_case("add") || k.eq_ignore_ascii_case("remove"));
            if edit {
                let quoted = |v: &Value| -> String {
                    let items = match v {
                        Value::Array(items) => items.clone(),
                        one => vec![one.clone()],
                    };
                    items
                        .iter()
                        .map(|i| format!("\"{}\"", arg_text(i)))
                        .collect::<Vec<_>>()
                        .join(",")
                };
                let parts: Vec<String> = map
                    .iter()
                    .map(|(k, v)| format!("{k}={}", quoted(v)))
                    .collect();
                return format!("@{{{}}}", parts.join("; "));
            }
            identity(v).unwrap_or_else(|| v.to_string())
        }
    }
}

/// What identifies an object when it is passed where an identity goes.
fn identity(obj: &Value) -> Option<String> {
    ["Identity", "Name", "Thumbprint", "MessageId"]
        .iter()
        .find_map(|k| property(obj, k).filter(|v| !v.is_null()).map(arg_text))
}

fn truthy(v: &Value) -> bool {
    match v {
        Value::Null => false,
        Value::Bool(b) => *b,
        Value::Number(n) => n.as_f64() != Some(0.0),
        Value::String(s) => !s.is_empty(),
        Value::Array(items) => !items.is_empty(),
        Value::Object(_) => true,
    }
}

/// Text as a comparison sees it (`True` for true, as PowerShell prints it).
fn compare_text(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        other => arg_text(other),
    }
}

/// `*` and `?` wildcards, as -like has them (ignoring case, the -clike forms too: the
/// one wildcard matcher eopctl has is the one its Identity lookups use).
fn like(text: &str, pattern: &str) -> bool {
    crate::cmdlets::wildcard(pattern, text)
}

fn compare(left: &Value, op: Op, case: bool, right: &Value) -> Result<bool> {
    let fold = |s: String| if case { s } else { s.to_lowercase() };
    let equal = |a: &Value, b: &Value| {
        let (x, y) = (fold(compare_text(a)), fold(compare_text(b)));
        match (x.parse::<f64>(), y.parse::<f64>()) {
            (Ok(m), Ok(n)) => m == n,
            _ => x == y,
        }
    };
    let list = |v: &Value| match v {
        Value::Array(items) => items.clone(),
        one => vec![one.clone()],
    };
    // An array on the left filters in PowerShell; in a condition, any match counts.
    if let (Value::Array(items), false) = (left, matches!(op, Op::Contains | Op::NotContains)) {
        let mut any = false;
        for item in items {
            any |= compare(item, op, case, right)?;
        }
        return Ok(any);
    }
    let order = || {
        let (x, y) = (fold(compare_text(left)), fold(compare_text(right)));
        match (x.parse::<f64>(), y.parse::<f64>()) {
            (Ok(m), Ok(n)) => m.partial_cmp(&n),
            _ => Some(x.cmp(&y)),
        }
    };
    let matches = |negate: bool| -> Result<bool> {
        let pattern = compare_text(right);
        let re = regex::RegexBuilder::new(&pattern)
            .case_insensitive(!case)
            .build()
            .map_err(|e| {
                Error::usage(format!("-match '{pattern}': not a regular expression: {e}"))
                    .help("write a regular expression (.NET syntax, as PowerShell's -match takes)")
            })?;
        Ok(re.is_match(&compare_text(left)) != negate)
    };
    use std::cmp::Ordering::*;
    Ok(match op {
        Op::Eq => equal(left, right),
        Op::Ne => !equal(left, right),
        Op::Gt => order() == Some(Greater),
        Op::Ge => matches!(order(), Some(Greater | Equal)),
        Op::Lt => order() == Some(Less),
        Op::Le => matches!(order(), Some(Less | Equal)),
        Op::Like => like(&compare_text(left), &compare_text(right)),
        Op::NotLike => !like(&compare_text(left), &compare_text(right)),
        Op::Match => matches(false)?,
        Op::NotMatch => matches(true)?,
        Op::Contains => list(left).iter().any(|i| equal(i, right)),
        Op::NotContains => !list(left).iter().any(|i| equal(i, right)),
        Op::In => list(right).iter().any(|i| equal(left, i)),
        Op::NotIn => !list(right).iter().any(|i| equal(left, i)),
    })
}

/// Names given to Select-Object, Format-Table and Format-List: words or arrays of them.
fn names(values: &[Value]) -> Vec<String> {
    values
        .iter()
        .flat_map(|v| match v {
            Value::Array(items) => items.iter().map(arg_text).collect::<Vec<_>>(),
            one => vec![arg_text(one)],
        })
        .collect()
}

/// `obj` with only the properties `wanted` (wildcards allowed), in that order, each under
/// its own spelling.
fn project(obj: &Value, wanted: &[String]) -> Value {
    let mut out = Map::new();
    for w in wanted {
        match obj.as_object() {
            Some(map) if w.contains(['*', '?']) => {
                for (k, v) in map {
                    if like(k, w) {
                        out.insert(k.clone(), v.clone());
                    }
                }
            }
            Some(map) => {
                let (k, v) = map
                    .iter()
                    .find(|(k, _)| k.eq_ignore_ascii_case(w))
                    .map(|(k, v)| (k.clone(), v.clone()))
                    .unwrap_or((w.clone(), Value::Null));
                out.insert(k, v);
            }
            None => {
                out.insert(w.clone(), Value::Null);
            }
        }
    }
    Value::Object(out)
}

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
        let shown = super::super::generate::display_name(sub);
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
        // (Get-Queue | Get-Message binds -Queue), else -Identity.
        let target = match &input.noun {
            Some(n) if has(&squash(n)) && !given.contains(&squash(n)) => squash(n),
            _ if has("identity") && !given.iter().any(|g| g == "identity") => "identity".into(),
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

    fn builtin(&mut self, name: &str, c: &Command, input: Option<Stream>) -> Result<Stream> {
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
