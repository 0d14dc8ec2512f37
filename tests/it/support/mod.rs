//! Helpers for the relay's integration tests: the binary, temp state files, free ports,
//! an SMTP client and sink, a test DNS server, and child processes killed on drop.
//! Everything binds to 127.0.0.1 and every wait is bounded.

pub mod dns;
pub mod postfix;
pub mod relay;
pub mod smtp;
