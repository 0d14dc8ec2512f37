//! The relay engine: SMTP listeners built from the receive connectors, sessions, the
//! durable queue and delivery. It asks `policy` for every decision and never writes the
//! state file (except the built-in default state, through the store, when none exists).

pub mod smtp;
