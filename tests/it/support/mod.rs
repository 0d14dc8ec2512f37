//! Helpers for the relay's integration tests: the binary, temp state files, free ports,
//! an SMTP client and sink, a test DNS server, and child processes killed on drop.

pub mod relay;
