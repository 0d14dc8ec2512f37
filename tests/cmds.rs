//! Placeholder so the declared `cmds` test target builds on the relay branch; the CLI
//! branch's tests/cmds.rs replaces it at merge.
