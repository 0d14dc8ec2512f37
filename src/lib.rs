//! eopctl: one binary, two jobs over one state file.
//!
//! ```text
//!  cmdlet args ─► cli (normalise, clap) ─► cmdlets ─► state::store ─► eop.yaml (revision N+1)
//!                                                                        │ read, watch
//!  SMTP client ─► relay ─► policy (pure) ─► queue ─► delivery ─► smart host / MX / mailbox
//! ```
//!
//! - `state`: the typed model, validation, migration and the only file I/O on the state.
//! - `cli` and `cmdlets`: the configuring half; `output` prints every result.
//! - `policy`: every mail decision, pure; `relay`: the SMTP engine (`eopctl serve`);
//!   `dns`: MX and address lookups behind a trait; `trace`: the message trace database
//!   and its reports; `chart`: the reports' pictures (SVG, PNG, one HTML page);
//!   `spamrules`: finding and reading SpamAssassin's rule files for `policy::spamrules`.
//!   `spamdb`: what the learning filter has learned; `tabl`: the Tenant Allow/Block List's
//!   entries; `outbound`: recipients counted per sender and the restricted senders.

pub mod chart;
pub mod cli;
pub mod cmdlets;
pub mod credentials;
pub mod directory;
pub mod dns;
pub mod error;
pub mod finding;
pub mod outbound;
pub mod output;
pub mod policy;
pub mod relay;
pub mod spamdb;
pub mod spamrules;
pub mod state;
pub mod tabl;
pub mod trace;
