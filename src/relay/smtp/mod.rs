//! The SMTP server side: `proto` parses commands (no I/O), `session` runs one
//! conversation over any stream, `reply` holds every reply the relay sends.

pub mod proto;
pub mod reply;
pub mod session;
