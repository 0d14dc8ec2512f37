//! Embeds the reference pages in cmds/ so `eopctl help X` and `X -?` work anywhere.

use std::{env, fs, path::Path};

fn main() {
    println!("cargo:rerun-if-changed=cmds");
    let out = Path::new(&env::var("OUT_DIR").unwrap()).join("pages.rs");
    let dir = Path::new(&env::var("CARGO_MANIFEST_DIR").unwrap()).join("cmds");
    let mut pages: Vec<_> = fs::read_dir(&dir)
        .map(|d| {
            d.filter_map(|e| e.ok())
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "md"))
                .collect()
        })
        .unwrap_or_default();
    pages.sort();
    let mut code = String::from("pub static PAGES: &[(&str, &str)] = &[\n");
    for p in pages {
        let name = p.file_stem().unwrap().to_string_lossy().to_lowercase();
        code.push_str(&format!(
            "    ({name:?}, include_str!({:?})),\n",
            p.display().to_string()
        ));
    }
    code.push_str("];\n");
    fs::write(out, code).unwrap();
}
