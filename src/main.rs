//! The `eopctl` binary: runs the command line and maps the result to an exit code
//! (0 success, 1 failed operation, 2 usage error).

fn main() {
    let argv: Vec<String> = std::env::args().skip(1).collect();
    std::process::exit(eopctl::cli::run(&argv));
}
