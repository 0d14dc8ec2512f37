//! The one place that prints results. Cmdlets return an `Output`; this renders it as a
//! table (Format-Table), a list (Format-List), JSON, YAML, CSV (Export-Csv), an HTML page,
//! or (for a report) its chart as a PNG image. Data goes to stdout; talk (warnings,
//! progress) goes to stderr.
//!
//! Tables fit the terminal as kubectl's do: a cell is never wrapped (a wrapped address or
//! id is one that cannot be copied), so on a narrow terminal free text is shortened with
//! `…` and the columns a view marks as wide are left out, saying so on stderr.

use std::io::{IsTerminal, Write};

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
    /// Export-Csv: a header line of every property, then one line per object.
    Csv,
    /// One self-contained HTML page: the report's charts (inline SVG) and its table.
    Html,
    /// A report's first chart as a PNG image (binary: redirect it to a file).
    Png,
}

/// What a table may do with a column that does not fit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fit {
    /// Shown whole: names, addresses, ids, what a row is about.
    Keep,
    /// Left out on a narrow terminal (kubectl's `-o wide` columns), the rightmost first.
    Wide,
    /// Free text, shortened with `…` on a narrow terminal.
    Text,
}

/// A column of a table: the property shown, and what a narrow terminal may do to it.
/// A cmdlet's columns are `'static`; a script's `Format-Table Name,Enabled` names its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Col<'a> {
    pub name: &'a str,
    pub fit: Fit,
}

/// A cmdlet's column.
pub type Column = Col<'static>;

pub const fn key(name: &'static str) -> Column {
    Column {
        name,
        fit: Fit::Keep,
    }
}

pub const fn wide(name: &'static str) -> Column {
    Column {
        name,
        fit: Fit::Wide,
    }
}

pub const fn text(name: &'static str) -> Column {
    Column {
        name,
        fit: Fit::Text,
    }
}

/// What a cmdlet produced.
pub enum Output {
    /// Objects, with the properties a table shows.
    Objects {
        rows: Vec<Value>,
        columns: &'static [Column],
    },
    /// Objects with charts of them: the Get-*Report cmdlets.
    Report(Box<Report>),
    /// A line of prose (to stdout, for cmdlets whose result is a sentence).
    Text(String),
    Nothing,
    /// A check that found problems: the findings are printed, then the command fails with
    /// the error, so scripts see a non-zero exit code.
    Failing(Box<Output>, crate::error::Error),
}

/// A report: its rows as any cmdlet's objects, and the charts `-o html` and `-o png` draw.
pub struct Report {
    pub title: String,
    /// A line under the title: the range and the filters.
    pub summary: String,
    pub rows: Vec<Value>,
    pub columns: &'static [Column],
    pub charts: Vec<crate::chart::Chart>,
}

/// The columns every list of findings is shown with; the fix is in `-o list` and JSON.
pub const FINDING_COLUMNS: &[Column] = &[
    key("Severity"),
    key("Object"),
    wide("Parameter"),
    text("Message"),
];

/// The one way checks show their findings: a table of them, and when any is an error,
/// the command fails with the error `failed` makes of the number of errors.
pub fn findings(
    findings: &[crate::finding::Finding],
    failed: impl FnOnce(usize) -> crate::error::Error,
) -> Output {
    let shown = Output::Objects {
        rows: rows(findings),
        columns: FINDING_COLUMNS,
    };
    match findings.iter().filter(|f| f.is_error()).count() {
        0 => shown,
        errors => Output::Failing(Box::new(shown), failed(errors)),
    }
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

/// A cell as a table shows it: times to the second (the trace and the queue keep
/// nanoseconds; a table is read, not parsed).
fn table_cell(v: &Value) -> String {
    if let Value::String(s) = v
        && let Ok(t) = chrono::DateTime::parse_from_rfc3339(s)
    {
        return t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    }
    cell(v)
}

fn width_of(text: &str) -> usize {
    text.lines().map(|l| l.chars().count()).max().unwrap_or(0)
}

/// `text` cut to `max` characters, the cut marked.
fn shorten(text: &str, max: usize) -> String {
    text.lines()
        .map(|l| match l.chars().count() > max {
            true => l.chars().take(max.saturating_sub(1)).chain(['…']).collect(),
            false => l.to_string(),
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Between columns: two spaces of padding and the (blank) column separator.
const GAP: usize = 3;
/// Free text is shortened to this before any column is left out, and no further.
const TEXT_MIN: usize = 20;

/// Which columns to show and how wide each text column may be for `width` (None: as
/// wide as they come); the columns left out, for the note on stderr.
fn fit<'c>(
    columns: &[Col<'c>],
    cells: &[Vec<String>],
    width: Option<usize>,
) -> (Vec<(usize, usize)>, Vec<&'c str>) {
    let natural: Vec<usize> = columns
        .iter()
        .enumerate()
        .map(|(i, c)| {
            cells
                .iter()
                .map(|r| width_of(&r[i]))
                .chain([c.name.len()])
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut shown: Vec<(usize, usize)> = natural.iter().copied().enumerate().collect();
    let Some(width) = width else {
        return (shown, Vec::new());
    };
    // The header's underline runs on through the last column's padding: only the last
    // separator is not printed.
    let total = |shown: &[(usize, usize)]| {
        shown
            .iter()
            .map(|(_, w)| w + GAP)
            .sum::<usize>()
            .saturating_sub(1)
    };
    // From the natural widths each time, so text takes back what a dropped column freed.
    let shrink_text = |shown: &mut Vec<(usize, usize)>, floor: usize| {
        for s in shown.iter_mut() {
            s.1 = natural[s.0];
        }
        for at in (0..shown.len()).rev() {
            let over = total(shown).saturating_sub(width);
            let (i, w) = shown[at];
            if over > 0 && columns[i].fit == Fit::Text {
                shown[at].1 = w.saturating_sub(over).max(floor.max(columns[i].name.len()));
            }
        }
    };
    shrink_text(&mut shown, TEXT_MIN);
    let mut hidden = Vec::new();
    while total(&shown) > width {
        let Some(at) = shown
            .iter()
            .rposition(|(i, _)| columns[*i].fit == Fit::Wide)
        else {
            break;
        };
        hidden.push(columns[shown.remove(at).0].name);
        shrink_text(&mut shown, TEXT_MIN);
    }
    hidden.reverse();
    // Still too wide: free text gives up all it can; ids and addresses stay whole.
    shrink_text(&mut shown, 1);
    (shown, hidden)
}

fn table<'c>(rows: &[Value], columns: &[Col<'c>], width: Option<usize>) -> (String, Vec<&'c str>) {
    let cells: Vec<Vec<String>> = rows
        .iter()
        .map(|row| {
            columns
                .iter()
                .map(|c| table_cell(row.get(c.name).unwrap_or(&Value::Null)))
                .collect()
        })
        .collect();
    let (shown, hidden) = fit(columns, &cells, width);
    let mut t = Table::new();
    // PowerShell's Format-Table look: a header underlined with dashes, no borders; cells
    // are never wrapped (see the module's note).
    t.load_preset(presets::NOTHING)
        .set_content_arrangement(ContentArrangement::Disabled);
    t.set_style(TableComponent::HeaderLines, '-');
    t.set_style(TableComponent::MiddleHeaderIntersections, ' ');
    t.set_header(shown.iter().map(|(i, _)| columns[*i].name));
    for row in &cells {
        t.add_row(shown.iter().map(|(i, w)| shorten(&row[*i], *w)));
    }
    for column in t.column_iter_mut() {
        column.set_padding((0, 2));
    }
    let text = t
        .lines()
        .map(|l| l.trim_end().to_string())
        .collect::<Vec<_>>()
        .join("\n");
    (text, hidden)
}

/// The width tables must fit: `COLUMNS` when set (as clap and most Unix tools read it),
/// else the terminal's when stdout is one; a pipe or a file gets whole rows.
pub fn terminal_width() -> Option<usize> {
    if let Some(n) = std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.trim().parse::<usize>().ok())
        .filter(|n| *n > 0)
    {
        return Some(n);
    }
    if !std::io::stdout().is_terminal() {
        return None;
    }
    terminal_size::terminal_size().map(|(w, _)| usize::from(w.0))
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

/// Renders `output` in `format` for a terminal `width` columns wide (None: no limit), as
/// text ending in a newline (or empty), and the table columns left out to fit.
pub fn render(
    output: &Output,
    format: Format,
    width: Option<usize>,
) -> (String, Vec<&'static str>) {
    let text = match output {
        Output::Nothing => String::new(),
        Output::Text(s) => format!("{s}\n"),
        Output::Failing(shown, _) => return render(shown, format, width),
        Output::Report(r) => {
            let objects = Output::Objects {
                rows: r.rows.clone(),
                columns: r.columns,
            };
            return render(&objects, format, width);
        }
        Output::Objects { rows, columns } => match format {
            Format::Table if rows.is_empty() => String::new(),
            Format::Table => {
                let (text, hidden) = table(rows, columns, width);
                return (format!("{text}\n"), hidden);
            }
            Format::List => list(rows),
            Format::Json => format!(
                "{}\n",
                serde_json::to_string_pretty(rows).unwrap_or_default()
            ),
            Format::Yaml => serde_yaml::to_string(rows).unwrap_or_default(),
            Format::Csv => csv_text(rows),
            // Documents, not text: `document` makes them.
            Format::Html | Format::Png => String::new(),
        },
    };
    (text, Vec::new())
}

/// Export-Csv's form: the properties of every row (in the order first met) as the header.
fn csv_text(rows: &[Value]) -> String {
    let mut names: Vec<&str> = Vec::new();
    for row in rows.iter().filter_map(Value::as_object) {
        for k in row.keys() {
            if !names.contains(&k.as_str()) {
                names.push(k);
            }
        }
    }
    let mut w = csv::Writer::from_writer(Vec::new());
    let record = |w: &mut csv::Writer<Vec<u8>>, fields: Vec<String>| {
        // Writing to memory fails only on a broken invariant of the csv crate.
        let _ = w.write_record(fields);
    };
    if !names.is_empty() {
        record(&mut w, names.iter().map(|n| n.to_string()).collect());
    }
    for row in rows {
        let cells = names
            .iter()
            .map(|n| cell(row.get(*n).unwrap_or(&Value::Null)))
            .collect();
        record(&mut w, cells);
    }
    String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
}

/// Why an output cannot be made in the format asked for.
#[derive(Debug, thiserror::Error)]
pub enum DocumentError {
    #[error("-o png draws a report's chart, and this cmdlet returns no report")]
    NoChart,
    #[error("-o png writes binary data: not to a terminal")]
    Terminal,
    #[error(transparent)]
    Chart(#[from] crate::chart::ChartError),
}

impl DocumentError {
    /// The fix, for the `help:` line.
    pub fn help(&self) -> &'static str {
        match self {
            DocumentError::NoChart => {
                "use -o png with Get-MailflowStatusReport or Get-MailTrafficSummaryReport; -o html or -o csv work with every cmdlet"
            }
            DocumentError::Terminal => "redirect it to a file: -o png > report.png",
            DocumentError::Chart(crate::chart::ChartError::NoFont) => {
                "install DejaVu Sans (Debian: apt-get install fonts-dejavu-core)"
            }
            DocumentError::Chart(_) => "report this with the command that failed",
        }
    }
}

/// The size of the chart `-o png` draws.
const PNG_SIZE: (u32, u32) = (1000, 500);

/// The bytes of an HTML or PNG document for `output`.
pub fn document(output: &Output, format: Format) -> Result<Vec<u8>, DocumentError> {
    let (title, summary, rows, columns, charts): (&str, &str, &[Value], &[Column], &[_]) =
        match output {
            Output::Report(r) => (&r.title, &r.summary, &r.rows, r.columns, &r.charts),
            Output::Objects { rows, columns } => ("eopctl", "", rows, columns, &[]),
            Output::Failing(shown, _) => return document(shown, format),
            Output::Text(_) | Output::Nothing => ("eopctl", "", &[], &[], &[]),
        };
    if format == Format::Png {
        let chart = charts.first().ok_or(DocumentError::NoChart)?;
        return Ok(crate::chart::png(chart, PNG_SIZE)?);
    }
    let names: Vec<&str> = columns.iter().map(|c| c.name).collect();
    let cells: Vec<Vec<String>> = rows
        .iter()
        .map(|row| {
            names
                .iter()
                .map(|n| table_cell(row.get(*n).unwrap_or(&Value::Null)))
                .collect()
        })
        .collect();
    let page = crate::chart::html::Page {
        title,
        summary,
        charts,
        columns: &names,
        rows: &cells,
    };
    Ok(crate::chart::html::render(&page)?.into_bytes())
}

/// Prints to stdout, or says on stderr why it cannot (a script's output; the command
/// line uses `emit`, whose error sets the exit code).
pub fn print(output: &Output, format: Format) {
    if let Err(e) = emit(output, format) {
        eprintln!("error: {e}\nhelp: {}", e.help());
    }
}

/// Prints to stdout; a closed pipe (`| head`) is not an error.
pub fn emit(output: &Output, format: Format) -> Result<(), DocumentError> {
    if matches!(format, Format::Html | Format::Png) {
        if format == Format::Png && std::io::stdout().is_terminal() {
            return Err(DocumentError::Terminal);
        }
        let bytes = document(output, format)?;
        let mut out = std::io::stdout().lock();
        let _ = out.write_all(&bytes).and_then(|_| out.flush());
        return Ok(());
    }
    let width = terminal_width();
    let (text, hidden) = render(output, format, width);
    write(&text, &hidden, width);
    Ok(())
}

/// Prints objects showing the properties `names` (all of them when empty) in `format`:
/// a script's `Select-Object` and `Format-Table Name,Enabled` choose their own columns.
pub fn print_properties(rows: &[Value], names: &[String], format: Format) {
    let width = terminal_width();
    let (text, hidden) = match format {
        Format::Table => {
            let columns: Vec<Col> = names
                .iter()
                .map(|n| Col {
                    name: n,
                    fit: Fit::Keep,
                })
                .collect();
            let (text, hidden) = match rows.is_empty() {
                true => (String::new(), Vec::new()),
                false => {
                    let (t, h) = table(rows, &columns, width);
                    (format!("{t}\n"), h)
                }
            };
            (text, hidden)
        }
        _ => render(
            &Output::Objects {
                rows: rows.to_vec(),
                columns: &[],
            },
            format,
            width,
        ),
    };
    write(&text, &hidden, width);
}

fn write(text: &str, hidden: &[&str], width: Option<usize>) {
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(text.as_bytes()).and_then(|_| out.flush());
    if let (false, Some(width)) = (hidden.is_empty(), width) {
        eprintln!(
            "(left out to fit {width} columns: {}; -o list shows every property)",
            hidden.join(", ")
        );
    }
}

/// A spinner on stderr with `message`, for waits the admin would otherwise sit through in
/// silence (Test-MailFlow, Validate-OutboundConnector); hidden when stderr is not a
/// terminal, so logs and pipes get no control characters.
pub fn spinner(message: impl Into<String>) -> indicatif::ProgressBar {
    if !std::io::stderr().is_terminal() {
        return indicatif::ProgressBar::hidden();
    }
    let s = indicatif::ProgressBar::new_spinner().with_message(message.into());
    s.enable_steady_tick(std::time::Duration::from_millis(120));
    s
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

    const COLUMNS: &[Column] = &[key("Name"), wide("Enabled"), key("List")];

    #[test]
    fn formats() {
        let out = Output::Objects {
            rows: vec![json!({"Name": "A", "Enabled": true, "List": ["x", "y"]})],
            columns: COLUMNS,
        };
        let (t, hidden) = render(&out, Format::Table, None);
        assert!(
            t.contains("Name") && t.contains("True") && t.contains("x, y"),
            "{t}"
        );
        assert!(hidden.is_empty());
        assert_eq!(
            render(&out, Format::List, None).0,
            "Name    : A\nEnabled : True\nList    : x, y\n"
        );
        let j: Value = serde_json::from_str(&render(&out, Format::Json, None).0).unwrap();
        assert_eq!(j[0]["Name"], "A");
    }

    #[test]
    fn narrow_tables_shorten_text_then_leave_out_wide_columns_and_never_cut_keys() {
        const COLUMNS: &[Column] = &[
            key("When"),
            key("Address"),
            wide("Enabled"),
            wide("Size"),
            text("Comment"),
        ];
        let out = Output::Objects {
            rows: vec![json!({
                "When": "2026-12-03T08:40:07.123456789Z",
                "Address": "ann.longname@subsidiary.contoso.com",
                "Enabled": true,
                "Size": 35_651_584,
                "Comment": "a comment long enough that it cannot fit beside the rest of the row",
            })],
            columns: COLUMNS,
        };
        let (t, hidden) = render(&out, Format::Table, Some(80));
        assert!(t.lines().all(|l| l.chars().count() <= 80), "{t}");
        assert!(t.contains("2026-12-03T08:40:07Z "), "{t}");
        assert!(t.contains("ann.longname@subsidiary.contoso.com"), "{t}");
        assert!(t.contains("a comment long") && t.contains("…"), "{t}");
        // Wide columns go, the rightmost first, until the row fits.
        assert_eq!(hidden, ["Enabled", "Size"]);
        let (t100, hidden) = render(&out, Format::Table, Some(100));
        assert_eq!(hidden, ["Size"], "{t100}");
        // Without a width (a pipe), rows are whole.
        let (whole, hidden) = render(&out, Format::Table, None);
        assert!(whole.contains("the rest of the row"), "{whole}");
        assert!(hidden.is_empty());
    }
}
