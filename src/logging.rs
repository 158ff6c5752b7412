//! The log: `RUST_LOG` decides what is written, except that the network
//! crates under the bot are capped at `info` whatever it says. At `debug`
//! and `trace` they dump raw frames and requests, and the websocket login
//! frame carries the bot token (in hex and as decimal bytes), which must
//! never reach a log.

use std::io::IsTerminal;

use tracing::{Level, Metadata};
use tracing_subscriber::filter::{EnvFilter, FilterExt, filter_fn};
use tracing_subscriber::prelude::*;

/// Crates whose events are capped at `info` (matched with their submodules).
pub const TRANSPORT_CRATES: &[&str] = &[
    "tungstenite",
    "tokio_tungstenite",
    "async_tungstenite",
    "rustls",
    "tokio_rustls",
    "hyper",
    "hyper_util",
    "hyper_rustls",
    "reqwest",
    "h2",
    "http",
    "mio",
    "want",
];

/// True for an event or span the cap lets through: anything at `info` or
/// above, and anything from outside [`TRANSPORT_CRATES`].
pub fn allowed(metadata: &Metadata<'_>) -> bool {
    if *metadata.level() <= Level::INFO {
        return true;
    }
    let target = metadata.target();
    !TRANSPORT_CRATES.iter().any(|name| {
        target
            .strip_prefix(name)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with("::"))
    })
}

/// Logs to standard error with `RUST_LOG` (default `warn`) after the
/// transport cap, coloured only on a terminal.
pub fn init() {
    let operator = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("warn"));
    let layer = tracing_subscriber::fmt::layer()
        .with_writer(std::io::stderr)
        .with_ansi(std::io::stderr().is_terminal())
        .with_filter(operator.and(filter_fn(allowed)));
    tracing_subscriber::registry().with(layer).init();
}

#[cfg(test)]
mod tests {
    use std::sync::{Arc, Mutex};

    use super::*;

    #[derive(Clone, Default)]
    struct Buffer(Arc<Mutex<Vec<u8>>>);

    impl std::io::Write for Buffer {
        fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
            self.0
                .lock()
                .unwrap_or_else(|p| p.into_inner())
                .extend_from_slice(bytes);
            Ok(bytes.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn the_operator_cannot_raise_the_transport_crates_above_info() {
        let buffer = Buffer::default();
        let writer = buffer.clone();
        // Even a directive naming the frame module outright is capped.
        let operator = EnvFilter::new("trace,tungstenite::protocol::frame=trace");
        let layer = tracing_subscriber::fmt::layer()
            .with_writer(move || writer.clone())
            .with_filter(operator.and(filter_fn(allowed)));
        let subscriber = tracing_subscriber::registry().with(layer);
        tracing::subscriber::with_default(subscriber, || {
            tracing::trace!(target: "tungstenite::protocol::frame", "frame payload 7b226f70223a327d");
            tracing::debug!(target: "rustls::client", "handshake secret");
            tracing::info!(target: "tungstenite::protocol", "connection closed");
            tracing::trace!(target: "tungstenite_like", "a crate that only shares a prefix");
            tracing::trace!(target: "citebot::discord", "our own trace");
        });
        let log = String::from_utf8_lossy(&buffer.0.lock().unwrap_or_else(|p| p.into_inner()))
            .into_owned();
        assert!(!log.contains("7b226f70"), "{log}");
        assert!(!log.contains("handshake secret"), "{log}");
        assert!(log.contains("connection closed"), "{log}");
        assert!(log.contains("shares a prefix"), "{log}");
        assert!(log.contains("our own trace"), "{log}");
    }
}
