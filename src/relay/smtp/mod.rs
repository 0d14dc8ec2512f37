//! The SMTP server side: `proto` parses commands and `sasl` AUTH's responses (no I/O),
//! `session` runs one conversation over any stream; every reply it sends is in
//! `relay::reply`, which the cleanup pipeline shares.

pub mod proto;
pub mod sasl;
pub mod session;
