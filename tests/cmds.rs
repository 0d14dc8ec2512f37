//! The reference pages in cmds/ are tests.
//!
//! - `examples`: every ```` ```console ```` block of every `cmds/*.md` page runs with trycmd
//!   against the real binary, and its output (stdout and stderr merged, as a terminal shows
//!   them) and exit code (`? N`) must match the page.
//! - `pages_are_complete`: every page has a synopsis, a description, at least one example,
//!   and a sandbox (see below).
//! - `generated_files_are_current`: completions/, man/ and the generated SYNTAX and
//!   PARAMETERS sections of cmds/ are what `eopctl generate-all` writes.
//!
//! How a page runs: trycmd copies `cmds/<page>.in/` (the starting state, usually an
//! `eop.yaml`, sometimes a history or a CSV file) to a temporary directory and runs each
//! command of the page there, in order, so the examples of a page build on each other.
//! The copy happens only because `cmds/<page>.out/` exists: that directory switches the
//! sandbox on. It holds only `.keep` (trycmd ignores it), so no files are compared; what a
//! page checks is the output its examples show. Without the `.out/` directory the examples
//! would write into the repository, so `pages_are_complete` insists on it.
//! `cmds/starting-states.sh` rebuilds the starting states when the state file's form
//! changes.
//!
//! `EOPCTL_STATE` and `EOPCTL_DATA` are pinned so a developer's own environment cannot
//! point the examples at a real state file. (So a page cannot set them on a `$` line:
//! trycmd lets these values win over a line's own `VAR=value` prefix. Use `--state`.) Timestamps and the user name in the history
//! vary between runs: pages elide them with `[..]`.
//!
//! To write a new example, put the `$ eopctl ...` line in a console block with no output
//! and run `TRYCMD=overwrite cargo test --test cmds examples`: trycmd fills in the output
//! and the exit code (`? N`). Read what it wrote before committing (it is the documented
//! behaviour from then on), and put `[..]` back over times and user names.

use std::fs;
use std::path::{Path, PathBuf};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn pages() -> Vec<PathBuf> {
    let mut pages: Vec<PathBuf> = fs::read_dir(root().join("cmds"))
        .expect("cmds/ exists")
        .map(|e| e.expect("readable cmds/").path())
        .filter(|p| p.extension().is_some_and(|x| x == "md"))
        .collect();
    pages.sort();
    pages
}

#[test]
fn examples() {
    trycmd::TestCases::new()
        .register_bin("eopctl", PathBuf::from(env!("CARGO_BIN_EXE_eopctl")))
        .env("EOPCTL_STATE", "eop.yaml")
        .env("EOPCTL_DATA", "eop.data")
        .env("EOPCTL_SPAM_RULES", "none")
        .case("cmds/*.md");
}

/// The body of `## heading` (up to the next `## `), trimmed; `None` if the page lacks it.
fn section<'a>(page: &'a str, heading: &str) -> Option<&'a str> {
    let marker = format!("\n## {heading}\n");
    let start = page.find(&marker)? + marker.len();
    let end = page[start..]
        .find("\n## ")
        .map_or(page.len(), |e| start + e);
    Some(page[start..end].trim())
}

#[test]
fn pages_are_complete() {
    let mut problems = Vec::new();
    for path in pages() {
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let page = fs::read_to_string(&path).unwrap();
        let mut problem = |what: &str| problems.push(format!("cmds/{name}: {what}"));
        if !page.starts_with("---\ntitle: ") {
            problem("no front matter (---, title: <Cmdlet>, ---)");
        }
        for heading in [
            "SYNOPSIS",
            "SYNTAX",
            "DESCRIPTION",
            "EXAMPLES",
            "PARAMETERS",
            "RELATED LINKS",
        ] {
            if section(&page, heading).is_none() {
                problem(&format!("no ## {heading} section"));
            }
        }
        if section(&page, "SYNOPSIS").is_some_and(str::is_empty) {
            problem("the SYNOPSIS is empty");
        }
        if section(&page, "DESCRIPTION").is_some_and(str::is_empty) {
            problem("the DESCRIPTION is empty");
        }
        let examples = section(&page, "EXAMPLES").unwrap_or_default();
        if !examples.contains("```console\n$ eopctl ") {
            problem(
                "no example: EXAMPLES needs a ```console block whose first line is `$ eopctl ...`",
            );
        }
        if !examples.contains("### Example 1") {
            problem("EXAMPLES should be headed ### Example 1, ### Example 2, ...");
        }
        if section(&page, "SYNTAX").is_some_and(|s| s.contains("```console")) {
            problem("SYNTAX must be a ```text block (it is not run)");
        }
        for link in section(&page, "RELATED LINKS")
            .unwrap_or_default()
            .split("](")
            .skip(1)
        {
            let target = link.split(')').next().unwrap_or_default();
            if !root().join("cmds").join(target).is_file() {
                problem(&format!(
                    "RELATED LINKS points to {target}, which does not exist"
                ));
            }
        }
        let stem = path.with_extension("");
        if !stem.with_extension("out").is_dir() {
            problem(&format!(
                "no {}.out/ directory: without it the examples run in the repository, not in a sandbox",
                stem.display()
            ));
        }
        if !stem.with_extension("in").is_dir() {
            problem(&format!(
                "no {}.in/ directory: give the page a starting state (an eop.yaml, or .keep for none)",
                stem.display()
            ));
        }
    }
    assert!(
        problems.is_empty(),
        "incomplete reference pages:\n  {}",
        problems.join("\n  ")
    );
}

#[test]
fn generated_files_are_current() {
    let files = eopctl::cli::generate::all(root()).expect("generate-all works");
    let mut stale = Vec::new();
    for (path, bytes) in &files {
        match fs::read(path) {
            Ok(on_disk) if &on_disk == bytes => {}
            Ok(_) => stale.push(format!(
                "{} differs",
                path.strip_prefix(root()).unwrap_or(path).display()
            )),
            Err(_) => stale.push(format!(
                "{} is missing",
                path.strip_prefix(root()).unwrap_or(path).display()
            )),
        }
    }
    // A page or man page left behind by a cmdlet that no longer exists.
    for dir in ["cmds", "man"] {
        for entry in fs::read_dir(root().join(dir)).unwrap() {
            let path = entry.unwrap().path();
            let generated = matches!(path.extension().and_then(|x| x.to_str()), Some("md" | "1"));
            if generated && !files.iter().any(|(p, _)| p == &path) {
                stale.push(format!(
                    "{} belongs to no cmdlet",
                    path.strip_prefix(root()).unwrap_or(&path).display()
                ));
            }
        }
    }
    assert!(
        stale.is_empty(),
        "generated files are out of date:\n  {}\nrun `cargo run -- generate-all --dir .`",
        stale.join("\n  ")
    );
}

/// The setups of Microsoft's articles can be typed as they are (quoted for bash): they are
/// examples, so the examples test runs them.
#[test]
fn microsofts_setups_are_examples() {
    let examples = |page: &str| {
        let text = fs::read_to_string(root().join("cmds").join(page)).unwrap();
        section(&text, "EXAMPLES").unwrap_or_default().to_string()
    };
    let wanted = [
        (
            "new-inboundconnector.md",
            "$ eopctl New-InboundConnector -Name \"From on-premises\" -ConnectorType OnPremises -RequireTls '$true' \
             -RestrictDomainsToCertificate '$true' -TlsSenderCertificateName mail.contoso.com -SenderDomains '*' \
             -CloudServicesMailEnabled '$true'\n",
        ),
        (
            "new-outboundconnector.md",
            "$ eopctl New-OutboundConnector -Name \"To on-premises\" -ConnectorType OnPremises -SmartHosts mail.contoso.com \
             -AllAcceptedDomains '$true'\n",
        ),
        (
            "new-sendconnector.md",
            "$ eopctl New-SendConnector -Name \"My company to Office 365\" -AddressSpaces '*' -CloudServicesMailEnabled '$true' \
             -Fqdn mail.contoso.com -RequireTLS '$true' -SmartHosts contoso-com.mail.protection.outlook.com \
             -TlsAuthLevel CertificateValidation\n",
        ),
    ];
    for (page, command) in wanted {
        assert!(
            examples(page).contains(command),
            "cmds/{page} lost the article's example:\n{command}"
        );
    }
}

/// Users never saw the documents the product was modelled on: pages, man pages, the README,
/// docs/ and examples/ name setups in the product's words and cite Microsoft's articles by
/// title, never as "seed 004" or "the seeds".
#[test]
fn user_facing_text_never_says_seed() {
    let mut files = pages();
    for dir in ["docs", "man", "examples", "examples/standalone"] {
        let dir = root().join(dir);
        files.extend(
            std::fs::read_dir(&dir)
                .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
                .map(|e| e.unwrap().path())
                .filter(|p| p.is_file()),
        );
    }
    files.push(root().join("README.md"));
    let mut found = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(file).unwrap_or_default();
        for (n, line) in text.lines().enumerate() {
            let lower = line.to_ascii_lowercase();
            if lower
                .split(|c: char| !c.is_ascii_alphanumeric())
                .any(|w| w == "seed" || w == "seeds")
            {
                found.push(format!("{}:{}: {line}", file.display(), n + 1));
            }
        }
    }
    assert!(found.is_empty(), "{}", found.join("\n"));
}
