//! Integration tests: the real binary on real files and sockets. One test binary, one
//! module per area.

mod support;

mod certificate;
mod chromium;
mod cli;
mod directory_sync;
mod dkim;
mod dns_records;
mod examples;
mod exchange_forms;
mod exit_codes;
mod faults;
mod filter_rules;
mod first_hour;
mod learning;
mod malware;
mod outbound;
mod protection;
mod quarantine;
mod queue;
mod relay;
mod reports;
mod rules;
mod scanners;
mod scenarios;
mod script;
mod selfservice;
mod serve_start;
mod spamrules;
mod state;
mod submission;
mod tabl;
mod tls;
mod trace;
mod validate;
mod wizard;
