//! The `eopctl` binary: runs the command line and maps the result to an exit code
//! (0 success; the codes of the error kinds are in `error::Kind` and docs/exit-codes.md).

// A cmdlet's run is dominated by allocating and freeing the parsed state (issue 2's
// 30 ms budget with 10,000 recipients); mimalloc does that markedly faster than glibc.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let argv: Vec<String> = std::env::args().skip(1).collect();
    if let Err(e) = eopctl::cli::run(&argv) {
        if !e.quiet {
            eprintln!("{e}");
        }
        std::process::exit(e.exit_code());
    }
}
