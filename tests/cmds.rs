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

/// The cmdlets whose examples have no PowerShell form: the relay itself and the
/// generator, which are not Exchange cmdlets, and the interactive wizard.
const NO_POWERSHELL_FORM: &[&str] = &["serve", "generate-all", "start-hybridwizard"];

/// A page's command (`eopctl` and what follows, as trycmd splits it) in PowerShell form:
/// `eopctl [globals] -Command '<the cmdlet line as Exchange's pages write it>'`. None for
/// a line that names no cmdlet (help) or one of NO_POWERSHELL_FORM.
fn powershell_form(argv: &[String]) -> Option<String> {
    let root = eopctl::cli::command();
    let at = argv.iter().position(|a| {
        root.get_subcommands().any(|s| {
            s.get_name().eq_ignore_ascii_case(a)
                || s.get_all_aliases().any(|x| x.eq_ignore_ascii_case(a))
        })
    })?;
    let sub = root.get_subcommands().find(|s| {
        s.get_name().eq_ignore_ascii_case(&argv[at])
            || s.get_all_aliases()
                .any(|x| x.eq_ignore_ascii_case(&argv[at]))
    })?;
    // --from-json reads objects from a file, which a script line does with a pipeline.
    if NO_POWERSHELL_FORM.contains(&sub.get_name())
        || argv[..at].iter().any(|a| a == "-Command" || a == "-File")
        || argv.iter().any(|a| a.starts_with("--from-json"))
    {
        return None;
    }
    // A parameter repeated once per value (the Unix way) becomes one list: `-P a,b`.
    let mut params: Vec<(String, Vec<String>)> = Vec::new();
    let mut pending: Option<usize> = None;
    for a in argv[at + 1..].iter().map(|a| powershell_word(a)) {
        let is_param = a.starts_with('-') && a[1..].starts_with(|c: char| c.is_ascii_alphabetic());
        if is_param {
            let repeat = params
                .iter()
                .position(|(p, v)| p.eq_ignore_ascii_case(&a) && !v.is_empty());
            pending = Some(repeat.unwrap_or_else(|| {
                params.push((a, Vec::new()));
                params.len() - 1
            }));
        } else if let Some(i) = pending.take() {
            params[i].1.push(a);
        } else {
            params.push((String::new(), vec![a]));
        }
    }
    let mut line = vec![eopctl::cli::names::display_name(sub)];
    for (p, values) in params {
        line.extend((!p.is_empty()).then_some(p));
        if !values.is_empty() {
            line.push(values.join(","));
        }
    }
    let script = line.join(" ").replace('\'', r"'\''");
    let globals: Vec<String> = argv[..at].iter().map(|g| shell_word(g)).collect();
    Some(
        ["eopctl".to_string()]
            .into_iter()
            .chain(globals)
            .chain([format!("-Command '{script}'")])
            .collect::<Vec<_>>()
            .join(" "),
    )
}

/// One argument as PowerShell takes it: `--sender-ip-addresses` as `-SenderIpAddresses`
/// (eopctl ignores case and dashes), `$true` and `@{...}` as they are, plain words bare,
/// anything else in double quotes.
fn powershell_word(a: &str) -> String {
    if let Some(long) = a.strip_prefix("--") {
        let (name, value) = long.split_once('=').unwrap_or((long, ""));
        let pascal: String = name
            .split('-')
            .map(|w| {
                let mut c = w.chars();
                c.next()
                    .map(|f| f.to_uppercase().chain(c).collect::<String>())
                    .unwrap_or_default()
            })
            .collect();
        return match value {
            "" => format!("-{pascal}"),
            v => format!("-{pascal}:{}", powershell_word(v)),
        };
    }
    let bare = !a.is_empty()
        && a.chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_.,:/@*+=".contains(c))
        && !a.starts_with('@');
    if bare
        || ["$true", "$false", "$null"].contains(&a)
        || a.starts_with("@{")
        || (a.starts_with('-') && a.contains(":$"))
    {
        return a.to_string();
    }
    format!(
        "\"{}\"",
        a.replace('`', "``").replace('$', "`$").replace('"', "`\"")
    )
}

/// A word for the shell line trycmd splits.
fn shell_word(a: &str) -> String {
    if !a.is_empty()
        && a.chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_.,:/@=+".contains(c))
    {
        a.to_string()
    } else {
        format!("'{}'", a.replace('\'', r"'\''"))
    }
}

const POWERSHELL_INTRO: &str = "In PowerShell form (also a line of a script for `eopctl -File`):";

/// The commands of a console block, each as trycmd reads it (`$ ` and `> ` lines).
fn block_commands(block: &str) -> Vec<Vec<String>> {
    let mut out: Vec<Vec<String>> = Vec::new();
    for line in block.lines() {
        if let Some(cmd) = line.strip_prefix("$ ") {
            out.push(shlex::Shlex::new(cmd.trim()).collect());
        } else if let Some(more) = line.strip_prefix("> ")
            && let Some(last) = out.last_mut()
        {
            last.extend(shlex::Shlex::new(more.trim()));
        }
    }
    out
}

/// `page` with a PowerShell block after each console block of its examples that has
/// commands with a PowerShell form (replacing the one there was).
fn with_powershell_forms(page: &str) -> String {
    let fence = "```console\n";
    let mut out = String::new();
    let mut rest = page;
    while let Some(start) = rest.find(fence) {
        let body_at = start + fence.len();
        let Some(len) = rest[body_at..].find("```\n") else {
            break;
        };
        let end = body_at + len + 4;
        out.push_str(&rest[..end]);
        let block = &rest[body_at..body_at + len];
        rest = &rest[end..];
        // The PowerShell block already there goes; a fresh one is written.
        let old = format!("\n{POWERSHELL_INTRO}\n\n```powershell\n");
        if rest.starts_with(&old)
            && let Some(close) = rest[old.len()..].find("```\n")
        {
            rest = &rest[old.len() + close + 4..];
        }
        let lines: Vec<String> = block_commands(block)
            .iter()
            .filter_map(|argv| powershell_form(&argv[1..]))
            .collect();
        if !lines.is_empty() {
            out.push_str(&format!("{old}{}\n```\n", lines.join("\n")));
        }
    }
    out.push_str(rest);
    out
}

/// Runs a page's commands in a fresh copy of its starting state: each command's exit
/// code, and the state file it left.
fn replay(page: &Path, commands: &[Vec<String>]) -> (Vec<i32>, String) {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&page.with_extension("in"), dir.path());
    let codes = commands
        .iter()
        .map(|argv| {
            std::process::Command::new(env!("CARGO_BIN_EXE_eopctl"))
                .args(&argv[1..])
                .current_dir(dir.path())
                .env("EOPCTL_STATE", "eop.yaml")
                .env("EOPCTL_DATA", "eop.data")
                .env("EOPCTL_SPAM_RULES", "none")
                .stdin(std::process::Stdio::null())
                .output()
                .unwrap()
                .status
                .code()
                .unwrap_or(-1)
        })
        .collect();
    let state = fs::read_to_string(dir.path().join("eop.yaml")).unwrap_or_default();
    (codes, state)
}

fn copy_dir(from: &Path, to: &Path) {
    for e in fs::read_dir(from).into_iter().flatten().flatten() {
        let target = to.join(e.file_name());
        if e.path().is_dir() {
            fs::create_dir_all(&target).unwrap();
            copy_dir(&e.path(), &target);
        } else {
            fs::copy(e.path(), target).unwrap();
        }
    }
}

/// Every page shows its examples in PowerShell form too (`PWSH=overwrite` writes them
/// from the console blocks), and each PowerShell form does what its bash form does: run
/// in place of it, every command exits the same and the state file ends the same.
#[test]
fn examples_have_a_powershell_form_that_does_the_same() {
    let overwrite = std::env::var("PWSH").is_ok_and(|v| v == "overwrite");
    let mut problems = Vec::new();
    for path in pages() {
        let page = fs::read_to_string(&path).unwrap();
        let wanted = with_powershell_forms(&page);
        if overwrite && wanted != page {
            fs::write(&path, &wanted).unwrap();
        } else if wanted != page {
            problems.push(format!(
                "{}: its PowerShell forms are not those of its examples (PWSH=overwrite cargo test --test cmds powershell writes them)",
                path.display()
            ));
            continue;
        }
        let bash: Vec<Vec<String>> = section(&wanted, "EXAMPLES")
            .unwrap_or_default()
            .split("```console\n")
            .skip(1)
            .flat_map(|b| block_commands(b.split("```").next().unwrap_or_default()))
            .collect();
        let pwsh: Vec<Vec<String>> = bash
            .iter()
            .map(|argv| match powershell_form(&argv[1..]) {
                Some(line) => shlex::Shlex::new(&line).collect(),
                None => argv.clone(),
            })
            .collect();
        if pwsh == bash {
            continue;
        }
        let (a, b) = (replay(&path, &bash), replay(&path, &pwsh));
        // A page whose examples make keys or certificates leaves another state each run:
        // there only the exit codes can be compared.
        let deterministic = replay(&path, &bash).1 == a.1;
        for (i, (x, y)) in a.0.iter().zip(&b.0).enumerate() {
            if x != y {
                problems.push(format!(
                    "{}: `{}` exits {x}, its PowerShell form `{}` {y}",
                    path.display(),
                    bash[i].join(" "),
                    pwsh[i].join(" ")
                ));
            }
        }
        let strip = |s: &str| {
            s.lines()
                .filter(|l| !l.starts_with("revision:"))
                .collect::<Vec<_>>()
                .join("\n")
        };
        if deterministic && strip(&a.1) != strip(&b.1) {
            problems.push(format!(
                "{}: the PowerShell forms leave another state",
                path.display()
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
