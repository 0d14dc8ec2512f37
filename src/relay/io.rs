//! What the relay's two SMTP ends share below them: the byte stream a conversation runs
//! over (TCP, TLS, or an in-memory pipe in tests). The server session and the delivery
//! client both use it; neither imports the other.

use tokio::io::{AsyncRead, AsyncWrite};

/// A stream an SMTP conversation can run over.
pub trait Stream: AsyncRead + AsyncWrite + Unpin + Send {}
impl<T: AsyncRead + AsyncWrite + Unpin + Send> Stream for T {}
