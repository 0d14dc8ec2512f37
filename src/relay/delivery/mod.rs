//! Delivery: `mailbox` writes to hosted mailboxes' Maildirs, `smtp` talks to the next hop.

pub mod mailbox;
pub mod smtp;
