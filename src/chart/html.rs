//! One self-contained HTML report: a heading, each chart as inline SVG inside a figure
//! whose caption says what it shows, and the figures as a plain table (what a screen reader
//! reads, and what a script can scrape). No script, no stylesheet or font from elsewhere:
//! the file opens the same on a machine without network.

use super::{Chart, ChartError, svg};

/// The size each chart is drawn at; the page scales it down on narrow screens.
const SIZE: (u32, u32) = (960, 420);

/// A report page.
pub struct Page<'a> {
    pub title: &'a str,
    /// A line under the title (the range and the filters).
    pub summary: &'a str,
    pub charts: &'a [Chart],
    pub columns: &'a [&'a str],
    pub rows: &'a [Vec<String>],
}

/// `text` safe inside HTML text and attribute values.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

const STYLE: &str = "body{font-family:'DejaVu Sans',sans-serif;margin:2rem;color:#111;background:#fff}\
h1{font-size:1.5rem}figure{margin:1.5rem 0}svg{max-width:100%;height:auto}\
table{border-collapse:collapse}th,td{border:1px solid #888;padding:.25rem .6rem;text-align:left}\
td.n{text-align:right;font-variant-numeric:tabular-nums}caption{text-align:left;font-weight:bold;margin:.5rem 0}";

/// The page as HTML.
pub fn render(page: &Page) -> Result<String, ChartError> {
    let mut out = format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{title}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<main>\n<h1>{title}</h1>\n<p>{summary}</p>\n",
        title = escape(page.title),
        summary = escape(page.summary),
    );
    for (i, chart) in page.charts.iter().enumerate() {
        let drawn = svg(chart, SIZE)?;
        // The SVG is named by its caption; its parts are decoration next to the table.
        let drawn = drawn.replacen(
            "<svg ",
            &format!("<svg role=\"img\" aria-labelledby=\"chart{i}\" "),
            1,
        );
        out.push_str(&format!(
            "<figure>\n{drawn}\n<figcaption id=\"chart{i}\">{}</figcaption>\n</figure>\n",
            escape(&caption(chart))
        ));
    }
    out.push_str(&format!(
        "<table>\n<caption>{}</caption>\n<thead><tr>",
        escape(page.title)
    ));
    for c in page.columns {
        out.push_str(&format!("<th scope=\"col\">{}</th>", escape(c)));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for row in page.rows {
        out.push_str("<tr>");
        for cell in row {
            let numeric = !cell.is_empty() && cell.chars().all(|c| c.is_ascii_digit());
            let class = if numeric { " class=\"n\"" } else { "" };
            out.push_str(&format!("<td{class}>{}</td>", escape(cell)));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n</main>\n</body>\n</html>\n");
    Ok(out)
}

/// What a chart shows, in words: its title, and each series' total.
fn caption(chart: &Chart) -> String {
    let totals: Vec<String> = chart
        .series
        .iter()
        .map(|(name, v)| format!("{name} {}", v.iter().sum::<u64>()))
        .collect();
    format!("{}: {}.", chart.title, totals.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_is_self_contained_and_escaped() {
        let chart = Chart {
            title: "Top <senders>".into(),
            unit: "Messages".into(),
            labels: vec!["a@x.example".into()],
            series: vec![("Messages".into(), vec![3])],
            horizontal: true,
        };
        let rows = vec![vec!["a@x.example".to_string(), "3".to_string()]];
        let html = render(&Page {
            title: "Report & more",
            summary: "2026-12-01 to 2026-12-03",
            charts: &[chart],
            columns: &["C1", "C2"],
            rows: &rows,
        })
        .unwrap();
        assert!(html.contains("<title>Report &amp; more</title>"));
        assert!(
            html.contains(
                "<figcaption id=\"chart0\">Top &lt;senders&gt;: Messages 3.</figcaption>"
            )
        );
        assert!(html.contains("<svg role=\"img\" aria-labelledby=\"chart0\" "));
        assert!(html.contains("<td class=\"n\">3</td>"));
        // Nothing is fetched: no script, no link, no external image.
        for outside in ["<script", "<link", "src="] {
            assert!(!html.contains(outside), "{outside}");
        }
        assert!(!has_foreign_url(&html));
    }

    /// Any http(s) URL but the SVG namespace's.
    fn has_foreign_url(html: &str) -> bool {
        html.match_indices("http")
            .any(|(at, _)| !html[at..].starts_with("http://www.w3.org/"))
    }
}
