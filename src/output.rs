//! The one place that prints results. Cmdlets return an `Output`; this renders it as a
//! table (Format-Table), a list (Format-List), JSON or YAML. Data goes to stdout; talk
//! (warnings, progress) goes to stderr.

use std::io::Write;

use comfy_table::{ContentArrangement, Table, TableComponent, presets};
use serde_json::Value;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Format {
    /// Format-Table: the main properties, one row per object.
    #[default]
    Table,
    /// Format-List: every property, one per line.
    List,
    Json,
    Yaml,
}

/// What a cmdlet produced.
pub enum Output {
    /// Objects, with the properties a table shows.
    Objects {
        rows: Vec<Value>,
        columns: &'static [&'static str],
    },
    /// A line of prose (to stdout, for cmdlets whose result is a sentence).
    Text(String),
    Nothing,
    /// A check that found problems: the findings are printed, then the command fails with
    /// the error, so scripts see a non-zero exit code.
    Failing(Box<Output>, crate::error::Error),
}

fn cell(v: &Value) -> String {
    match v {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        Value::Array(items) => items.iter().map(cell).collect::<Vec<_>>().join(", "),
        Value::Object(_) => serde_json::to_string(v).unwrap_or_default(),
        other => {
            let s = other.to_string();
            // Booleans print as PowerShell prints them.
            match s.as_str() {
                "true" => "True".into(),
                "false" => "False".into(),
                _ => s,
            }
        }
    }
}

fn table(rows: &[Value], columns: &[&str]) -> String {
    let mut t = Table::new();
    // PowerShell's Format-Table look: a header underlined with dashes, no borders.
    t.load_preset(presets::NOTHING)
        .set_content_arrangement(ContentArrangement::Dynamic);
    t.set_style(TableComponent::HeaderLines, '-');
    t.set_style(TableComponent::MiddleHeaderIntersections, ' ');
    t.set_header(columns.iter().copied());
    for row in rows {
        t.add_row(
            columns
                .iter()
                .map(|c| cell(row.get(*c).unwrap_or(&Value::Null))),
        );
    }
    for column in t.column_iter_mut() {
        column.set_padding((0, 2));
    }
    t.lines()
        .map(|l| l.trim_end().to_string())
        .collect::<Vec<_>>()
        .join("\n")
}

fn list(rows: &[Value]) -> String {
    let mut out = String::new();
    for (n, row) in rows.iter().enumerate() {
        if n > 0 {
            out.push('\n');
        }
        if let Some(obj) = row.as_object() {
            let width = obj.keys().map(String::len).max().unwrap_or(0);
            for (k, v) in obj {
                // No trailing space after an empty value's colon.
                out.push_str(format!("{k:width$} : {}", cell(v)).trim_end());
                out.push('\n');
            }
        }
    }
    out
}

/// Renders `output` in `format`, as text ending in a newline (or empty).
pub fn render(output: &Output, format: Format) -> String {
    match output {
        Output::Nothing => String::new(),
        Output::Text(s) => format!("{s}\n"),
        Output::Failing(shown, _) => render(shown, format),
        Output::Objects { rows, columns } => match format {
            Format::Table if rows.is_empty() => String::new(),
            Format::Table => format!("{}\n", table(rows, columns)),
            Format::List => list(rows),
            Format::Json => format!(
                "{}\n",
                serde_json::to_string_pretty(rows).unwrap_or_default()
            ),
            Format::Yaml => serde_yaml::to_string(rows).unwrap_or_default(),
        },
    }
}

/// Prints to stdout; a closed pipe (`| head`) is not an error.
pub fn print(output: &Output, format: Format) {
    let text = render(output, format);
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(text.as_bytes()).and_then(|_| out.flush());
}

/// Rows for objects: each serialized with its Exchange property names.
pub fn rows<T: serde::Serialize>(objects: &[T]) -> Vec<Value> {
    objects
        .iter()
        .map(|o| serde_json::to_value(o).unwrap_or_default())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn formats() {
        let out = Output::Objects {
            rows: vec![json!({"Name": "A", "Enabled": true, "List": ["x", "y"]})],
            columns: &["Name", "Enabled", "List"],
        };
        let t = render(&out, Format::Table);
        assert!(
            t.contains("Name") && t.contains("True") && t.contains("x, y"),
            "{t}"
        );
        assert_eq!(
            render(&out, Format::List),
            "Name    : A\nEnabled : True\nList    : x, y\n"
        );
        let j: Value = serde_json::from_str(&render(&out, Format::Json)).unwrap();
        assert_eq!(j[0]["Name"], "A");
    }
}
