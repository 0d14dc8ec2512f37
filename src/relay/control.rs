//! The local control channel: the queue cmdlets (Get-Queue, Retry-Queue, Suspend-Message,
//! ...) talk to the running relay over a Unix socket, `<data-dir>/run/control.sock`. The
//! `run` directory is 0700 and the socket 0600, so only the relay's owner can use it.
//!
//! The protocol is one JSON request per line (`{"Op":"GetQueue"}`), answered by one JSON
//! line: `{"Rows":[...]}` or `{"Error":"..."}`. One request per connection.

use std::io::{BufRead, BufReader, Write};
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use serde::{Deserialize, Serialize};
use serde_json::Value;
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt};
use tokio::net::UnixListener;

use super::queue::manager::{AdminError, Queue};

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(tag = "Op")]
pub enum Request {
    GetQueue,
    GetQueueMessage {
        queue: Option<String>,
        identity: Option<String>,
    },
    RetryQueue {
        identity: String,
        resubmit: bool,
    },
    SuspendMessage {
        identity: String,
    },
    ResumeMessage {
        identity: String,
    },
    RemoveMessage {
        identity: String,
        with_ndr: bool,
    },
}

#[derive(Debug, Serialize, Deserialize)]
enum Response {
    Rows(Vec<Value>),
    Error(String),
}

/// The socket's path under the data directory.
pub fn socket_path(data_dir: &Path) -> PathBuf {
    data_dir.join("run").join("control.sock")
}

/// Why the control socket cannot be bound.
#[derive(Debug, thiserror::Error)]
pub enum BindError {
    /// A file operation on the socket or its directory failed (`what`: create, restrict, bind).
    #[error("cannot {what} {}: {source}", path.display())]
    Io {
        what: &'static str,
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error(
        "another relay is running on the data directory {} (its control socket {} answers)",
        data_dir.display(),
        socket.display()
    )]
    Taken { data_dir: PathBuf, socket: PathBuf },
}

/// Binds the control socket with owner-only permissions. A socket left by a relay that
/// died is replaced; one a running relay answers on is not.
pub fn bind(data_dir: &Path) -> Result<UnixListener, BindError> {
    let path = socket_path(data_dir);
    let dir = path.parent().expect("socket in a directory");
    let io = |what, path: &Path| {
        let path = path.to_path_buf();
        move |source| BindError::Io { what, path, source }
    };
    std::fs::create_dir_all(dir).map_err(io("create", dir))?;
    std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700))
        .map_err(io("restrict", dir))?;
    if path.exists() {
        if std::os::unix::net::UnixStream::connect(&path).is_ok() {
            return Err(BindError::Taken {
                data_dir: data_dir.to_path_buf(),
                socket: path,
            });
        }
        let _ = std::fs::remove_file(&path);
    }
    let listener = UnixListener::bind(&path).map_err(io("bind", &path))?;
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600))
        .map_err(io("restrict", &path))?;
    Ok(listener)
}

/// Answers requests until the task is aborted.
pub async fn serve(listener: UnixListener, queue: Arc<Queue>) {
    loop {
        let Ok((stream, _)) = listener.accept().await else {
            tokio::time::sleep(Duration::from_millis(50)).await;
            continue;
        };
        let queue = queue.clone();
        tokio::spawn(async move {
            let (r, mut w) = stream.into_split();
            let mut line = String::new();
            let mut reader = tokio::io::BufReader::new(r.take(1 << 16));
            let read = tokio::time::timeout(Duration::from_secs(10), reader.read_line(&mut line));
            if !matches!(read.await, Ok(Ok(n)) if n > 0) {
                return;
            }
            let response = match serde_json::from_str::<Request>(&line) {
                Ok(req) => answer(&queue, req).await,
                Err(e) => Response::Error(format!("bad request: {e}")),
            };
            let mut text = serde_json::to_string(&response).unwrap_or_default();
            text.push('\n');
            let _ = w.write_all(text.as_bytes()).await;
        });
    }
}

async fn answer(queue: &Arc<Queue>, req: Request) -> Response {
    let result: Result<Vec<Value>, AdminError> = match req {
        Request::GetQueue => Ok(objects(queue.queues())),
        Request::GetQueueMessage { queue: q, identity } => {
            Ok(objects(queue.messages(q.as_deref(), identity.as_deref())))
        }
        Request::RetryQueue { identity, resubmit } => queue
            .retry_queue(&identity, resubmit)
            .map(|n| vec![serde_json::json!({ "Identity": identity, "MessagesRetried": n })]),
        Request::SuspendMessage { identity } => queue.suspend(&identity).map(|()| Vec::new()),
        Request::ResumeMessage { identity } => queue.resume(&identity).map(|()| Vec::new()),
        Request::RemoveMessage { identity, with_ndr } => {
            queue.remove(&identity, with_ndr).await.map(|()| Vec::new())
        }
    };
    match result {
        Ok(v) => Response::Rows(v),
        Err(e) => Response::Error(e.to_string()),
    }
}

/// A list as the JSON objects the cmdlet side renders (the relay does no rendering of
/// its own: the output module is the cmdlets' layer, above this one).
fn objects<T: Serialize>(list: Vec<T>) -> Vec<Value> {
    match serde_json::to_value(list) {
        Ok(Value::Array(rows)) => rows,
        _ => Vec::new(),
    }
}

/// Why a request got no answer.
pub enum CallError {
    /// Nothing listens on the socket.
    NotRunning(PathBuf),
    /// The relay refused the request.
    Refused(String),
    /// The socket exists but talking failed.
    Io(PathBuf, std::io::Error),
}

/// Sends one request to the relay serving `data_dir` (blocking; for the cmdlets).
pub fn call(data_dir: &Path, req: &Request) -> Result<Vec<Value>, CallError> {
    let path = socket_path(data_dir);
    let stream = match std::os::unix::net::UnixStream::connect(&path) {
        Ok(s) => s,
        Err(e)
            if matches!(
                e.kind(),
                std::io::ErrorKind::NotFound | std::io::ErrorKind::ConnectionRefused
            ) =>
        {
            return Err(CallError::NotRunning(path));
        }
        Err(e) => return Err(CallError::Io(path, e)),
    };
    let io = |e| CallError::Io(path.clone(), e);
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .map_err(io)?;
    let mut text = serde_json::to_string(req).unwrap_or_default();
    text.push('\n');
    (&stream).write_all(text.as_bytes()).map_err(io)?;
    let mut line = String::new();
    BufReader::new(&stream).read_line(&mut line).map_err(io)?;
    match serde_json::from_str::<Response>(&line) {
        Ok(Response::Rows(v)) => Ok(v),
        Ok(Response::Error(e)) => Err(CallError::Refused(e)),
        Err(e) => Err(CallError::Io(path.clone(), std::io::Error::other(e))),
    }
}
