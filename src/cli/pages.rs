//! The reference pages of cmds/, built into the binary: `eopctl help X` and `X -?`. They
//! are Markdown (so GitHub renders them and their examples run as tests); for a terminal
//! they are rendered as a man page reads (headings flush left, text indented and wrapped,
//! no Markdown marks) and paged through `$PAGER` when stdout is a terminal.

use std::io::{IsTerminal, Write};
use std::process::{Command, Stdio};

use crate::error::{Error, Result};

include!(concat!(env!("OUT_DIR"), "/pages.rs"));

/// The page of a cmdlet (any case), if it has one.
pub fn page(cmdlet: &str) -> Option<&'static str> {
    PAGES
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(cmdlet))
        .map(|(_, p)| *p)
}

/// A page without its front matter.
pub fn body(page: &str) -> &str {
    page.strip_prefix("---\n")
        .and_then(|t| t.split_once("\n---\n"))
        .map_or(page, |(_, rest)| rest)
        .trim_start()
}

/// Inline Markdown to plain text: `code`, **bold**, [text](link).
pub fn inline(line: &str) -> String {
    let mut out = String::new();
    let mut rest = line;
    while let Some(at) = rest.find('[') {
        let (before, from) = rest.split_at(at);
        out.push_str(before);
        match from.find("](").zip(from.find(')')) {
            Some((mid, end)) if mid < end => {
                out.push_str(&from[1..mid]);
                rest = &from[end + 1..];
            }
            _ => {
                out.push('[');
                rest = &from[1..];
            }
        }
    }
    out.push_str(rest);
    out.replace("**", "").replace('`', "")
}

/// Words of `text` in lines of at most `width` columns, the first after `first`, the rest
/// after `indent` (a word longer than the line stays whole).
fn wrap(text: &str, first: &str, indent: &str, width: usize, out: &mut String) {
    let mut line = first.to_string();
    let mut empty = true;
    for word in text.split_whitespace() {
        if !empty && line.chars().count() + 1 + word.chars().count() > width {
            out.push_str(line.trim_end());
            out.push('\n');
            line = indent.to_string();
            empty = true;
        }
        if !empty {
            line.push(' ');
        }
        line.push_str(word);
        empty = false;
    }
    out.push_str(line.trim_end());
    out.push('\n');
}

/// Ends `out` with one blank line (none at the top).
fn blank_line(out: &mut String) {
    if !out.is_empty() && !out.ends_with("\n\n") {
        out.push('\n');
    }
}

/// A page rendered for a terminal `width` columns wide.
pub fn render(page: &str, width: usize) -> String {
    let mut out = String::new();
    let mut paragraph: Vec<String> = Vec::new();
    // The list item being gathered: its marker and its words.
    let mut item: Option<Vec<String>> = None;
    // In a fenced block: its info string (console, text, yaml).
    let mut fence: Option<String> = None;
    let flush = |paragraph: &mut Vec<String>, item: &mut Option<Vec<String>>, out: &mut String| {
        if !paragraph.is_empty() {
            wrap(&paragraph.join(" "), "    ", "    ", width, out);
            paragraph.clear();
        }
        if let Some(words) = item.take() {
            wrap(&words.join(" "), "    - ", "      ", width, out);
        }
    };
    for line in body(page).lines() {
        if let Some(info) = line.strip_prefix("```") {
            flush(&mut paragraph, &mut item, &mut out);
            fence = match fence {
                Some(_) => None,
                None => Some(info.to_string()),
            };
            continue;
        }
        if let Some(info) = &fence {
            if info == "text" && line.contains(" [-") {
                // A SYNTAX line: broken between parameters, never inside one.
                let mut parts = line.split(" [");
                let mut packed = format!("        {}", parts.next().unwrap_or_default());
                for part in parts {
                    let part = format!("[{part}");
                    if packed.chars().count() + 1 + part.chars().count() > width {
                        out.push_str(&packed);
                        out.push('\n');
                        packed = format!("            {part}");
                    } else {
                        packed = format!("{packed} {part}");
                    }
                }
                out.push_str(&packed);
                out.push('\n');
                continue;
            }
            // Commands and their output as they are: wrapping would change them.
            out.push_str(format!("        {line}").trim_end());
            out.push('\n');
            continue;
        }
        let text = inline(line.trim());
        if let Some(title) = line.strip_prefix("### ") {
            flush(&mut paragraph, &mut item, &mut out);
            blank_line(&mut out);
            out.push_str(&format!("  {}\n", inline(title)));
        } else if let Some(section) = line.strip_prefix("## ") {
            flush(&mut paragraph, &mut item, &mut out);
            blank_line(&mut out);
            out.push_str(&format!("{}\n", inline(section)));
        } else if let Some(title) = line.strip_prefix("# ") {
            out.push_str(&format!("{}\n", inline(title)));
        } else if line.trim().is_empty() {
            flush(&mut paragraph, &mut item, &mut out);
            blank_line(&mut out);
        } else if let Some(rest) = line.trim_start().strip_prefix("- ") {
            flush(&mut paragraph, &mut item, &mut out);
            item = Some(vec![inline(rest)]);
        } else if line.starts_with('|') {
            flush(&mut paragraph, &mut item, &mut out);
            out.push_str(&format!("    {text}\n"));
        } else if let Some(words) = item.as_mut() {
            words.push(text);
        } else {
            paragraph.push(text);
        }
    }
    flush(&mut paragraph, &mut item, &mut out);
    out
}

/// Prints a cmdlet's page, through the pager on a terminal; returns the exit code.
pub fn show(cmdlet: &str) -> Result<()> {
    let Some(page) = page(cmdlet) else {
        return Err(Error::usage(format!("there is no cmdlet named '{cmdlet}'"))
            .help("`eopctl --help` lists the cmdlets"));
    };
    let width = crate::output::terminal_width().unwrap_or(80).clamp(40, 100);
    let text = render(page, width);
    if !std::io::stdout().is_terminal() || !paged(&text) {
        let mut out = std::io::stdout().lock();
        let _ = out.write_all(text.as_bytes()).and_then(|_| out.flush());
    }
    Ok(())
}

/// Shows `text` through `$PAGER` (less, by default, as man and git do); false when there
/// is no pager to run, so the caller prints it.
fn paged(text: &str) -> bool {
    let pager = std::env::var("PAGER").unwrap_or_else(|_| "less".into());
    if pager.trim().is_empty() || pager.trim() == "cat" {
        return false;
    }
    let mut cmd = Command::new("sh");
    cmd.arg("-c").arg(&pager).stdin(Stdio::piped());
    // less: leave at once when the page fits the screen, as git sets it.
    if std::env::var_os("LESS").is_none() {
        cmd.env("LESS", "FRX");
    }
    let Ok(mut child) = cmd.spawn() else {
        return false;
    };
    if let Some(mut stdin) = child.stdin.take() {
        // A pager quit early (q) closes the pipe: not an error.
        let _ = stdin.write_all(text.as_bytes());
    }
    let _ = child.wait();
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_becomes_terminal_text() {
        let page = "---\ntitle: X\n---\n\n# New-Thing\n\n## SYNOPSIS\nMakes a `thing`, see\n[Get-Thing](get-thing.md) and **more** words here.\n\n- one item that\n  goes on\n\n```console\n$ eopctl New-Thing -Name \"a b\"\n```\n";
        let text = render(page, 40);
        assert_eq!(
            text,
            "New-Thing\n\nSYNOPSIS\n    Makes a thing, see Get-Thing and\n    more words here.\n\n    - one item that goes on\n\n        $ eopctl New-Thing -Name \"a b\"\n"
        );
    }
}
