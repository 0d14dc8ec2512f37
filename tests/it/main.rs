//! Integration tests: the real binary on real files and sockets. One test binary, one
//! module per area.

mod support;

mod certificate;
mod cli;
mod examples;
mod relay;
mod rules;
mod state;
