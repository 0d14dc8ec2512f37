//! Why the relay cannot start, or why a state file cannot become its configuration. Each
//! variant names the object or the setting at fault, the path or address, and keeps the
//! underlying error as its source. `serve` turns it into the command's error (a kind, so
//! an exit code, and a `help:` line with the fix); a reload writes the same text and fix
//! to the log and keeps the old configuration.

use std::net::SocketAddr;
use std::path::PathBuf;

use super::{auth, control, dkim, metrics, tls};
use crate::error::{Error, Kind};

#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error("cannot read {}: {source}", path.display())]
    ReadState {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// The state file does not parse or breaks the rules: the store's own error, whose
    /// kind and fix are kept.
    #[error("{}", .0.message)]
    State(Error),
    #[error(
        "ReceiveConnector \"{connector}\": TlsCertificateName {name} (certificate {thumbprint}) cannot be offered on STARTTLS: {source}"
    )]
    Starttls {
        connector: String,
        name: String,
        thumbprint: String,
        #[source]
        source: Box<tls::MaterialError>,
    },
    /// `object` is the connector that presents it (`OutboundConnector "To partner"`).
    #[error(
        "{object}: certificate {thumbprint} cannot be presented as a client certificate: {source}"
    )]
    ClientCertificate {
        object: String,
        thumbprint: String,
        #[source]
        source: Box<tls::MaterialError>,
    },
    #[error(transparent)]
    Rules(#[from] crate::policy::rules::CompileError),
    #[error(transparent)]
    Dkim(#[from] Box<dkim::KeyError>),
    /// SpamAssassin's rule directory (`--spam-rules`) cannot be loaded.
    #[error(transparent)]
    SpamRules(#[from] crate::spamrules::LoadError),
    #[error(transparent)]
    Resolver(#[from] crate::dns::ResolverError),
    #[error(transparent)]
    Authenticator(#[from] auth::ResolverError),
    #[error("cannot open the queue in {}: {source}", data_dir.display())]
    Queue {
        data_dir: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error(transparent)]
    Control(#[from] control::BindError),
    #[error(transparent)]
    Metrics(#[from] metrics::BindError),
    #[error("cannot listen on {addr} for the web listener (--web): {source}")]
    Web {
        addr: SocketAddr,
        #[source]
        source: std::io::Error,
    },
    #[error("cannot read or create the quarantine link key: {0}")]
    LinkKey(#[source] std::io::Error),
    /// `connectors` names the receive connectors whose Bindings hold the address.
    #[error("cannot listen on {addr} (Bindings of {connectors}): {source}")]
    Listen {
        addr: SocketAddr,
        connectors: String,
        #[source]
        source: std::io::Error,
    },
    #[error("cannot watch for {signal}: {source}")]
    Signal {
        signal: &'static str,
        #[source]
        source: std::io::Error,
    },
}

impl StartError {
    /// What a script calling `serve` learns from the exit code: a configuration to fix
    /// (invalid state), a file (I/O), something in the way or missing (unavailable).
    pub fn kind(&self) -> Kind {
        match self {
            StartError::State(e) => e.kind,
            StartError::Starttls { .. }
            | StartError::ClientCertificate { .. }
            | StartError::Rules(_)
            | StartError::Dkim(_) => Kind::InvalidState,
            StartError::SpamRules(_) => Kind::Usage,
            StartError::ReadState { .. }
            | StartError::Queue { .. }
            | StartError::Control(control::BindError::Io { .. }) => Kind::Io,
            StartError::Control(control::BindError::Taken { .. }) => Kind::LockBusy,
            StartError::Resolver(_)
            | StartError::Authenticator(_)
            | StartError::Metrics(_)
            | StartError::Web { .. }
            | StartError::LinkKey(_)
            | StartError::Listen { .. }
            | StartError::Signal { .. } => Kind::Unavailable,
        }
    }

    /// The fix, when there is one to say beyond the message.
    pub fn help(&self) -> Option<String> {
        Some(match self {
            StartError::State(e) => return e.help.clone(),
            StartError::Signal { .. } => return None,
            StartError::SpamRules(e) => e.fix(),
            StartError::ReadState { .. } => {
                "give the state file with --state (or EOPCTL_STATE); the relay's user must be able to read it".into()
            }
            StartError::Starttls { connector, .. } => format!(
                "import the certificate again with its key (`eopctl Import-ExchangeCertificate -Path cert.pem -KeyPath key.pem`), or offer another: `eopctl Set-ReceiveConnector -Identity \"{connector}\" -TlsCertificateName <thumbprint>`"
            ),
            StartError::ClientCertificate { object, .. } => format!(
                "import the certificate again with its key (`eopctl Import-ExchangeCertificate -Path cert.pem -KeyPath key.pem`), or give {object} another TlsCertificateName"
            ),
            StartError::Rules(e) => e.fix(),
            StartError::Dkim(e) => e.fix(),
            StartError::Resolver(_) | StartError::Authenticator(_) => {
                "give a DNS server with --dns ADDR:PORT (or EOPCTL_DNS)".into()
            }
            StartError::Queue { .. } | StartError::Control(control::BindError::Io { .. }) => {
                "the data directory (--data-dir) must be writable by the relay's user".into()
            }
            StartError::Control(control::BindError::Taken { .. }) => {
                "stop the other relay first, or give this one its own --data-dir".into()
            }
            StartError::Web { addr, .. } => {
                format!("stop what listens on {addr}, or give --web a free address")
            }
            StartError::LinkKey(_) => {
                "check that the data directory is writable: the key is its quarantine-link.key".into()
            }
            StartError::Metrics(e) => format!(
                "stop what listens on {}, or give --metrics a free address",
                e.addr
            ),
            StartError::Listen {
                addr, connectors, ..
            } => format!(
                "stop what listens on {addr}, or change the Bindings of {connectors} with `eopctl Set-ReceiveConnector -Identity <name> -Bindings <address:port>`"
            ),
        })
    }
}

impl From<StartError> for Error {
    fn from(e: StartError) -> Error {
        let help = e.help();
        let error = Error::new(e.kind(), e.to_string());
        match help {
            Some(h) => error.help(h),
            None => error,
        }
    }
}
