//! Integration tests: one binary, one module per area.

mod relay;
mod support;
