//! The durable queue: `spool` keeps each accepted message on disk (fsync'd before the
//! 250), `manager` schedules delivery with retries and per-destination limits, `ndr`
//! writes delivery status notifications.

pub mod manager;
pub mod ndr;
pub mod spool;
