//! `marsad serve`: the HTTP API and the web page over a store.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;

use anyhow::Context;
use clap::Args;

/// Arguments of `marsad serve`.
#[derive(Args)]
pub struct ServeArgs {
    /// Address to listen on (port 0 picks a free port).
    #[arg(long, default_value = "127.0.0.1:8080")]
    addr: SocketAddr,
    /// Data directory of the embedded store.
    #[arg(long, conflicts_with = "store", default_value = marsad_store::DEFAULT_DATA_DIR)]
    data: PathBuf,
    /// Store location instead of a data directory (`postgres://…`).
    #[arg(long)]
    store: Option<String>,
    /// Seconds a client has to send its request headers.
    #[arg(long, default_value_t = 10)]
    header_timeout: u64,
    /// Most requests handled at once.
    #[arg(long, default_value_t = 256)]
    max_in_flight: usize,
    /// Serve an existing store without writing anything to its directory; POST /api/ingest
    /// answers 403. A store that cannot be written is served this way without asking.
    #[arg(long)]
    read_only: bool,
}

/// Runs the server until Ctrl-C (or SIGTERM), then shuts down gracefully.
pub fn serve(args: ServeArgs) -> anyhow::Result<()> {
    let location = match &args.store {
        Some(s) => s.clone(),
        None => args.data.to_string_lossy().into_owned(),
    };
    // Serving a fresh directory is how the API's own ingest starts, but a mistyped --data would
    // otherwise serve nothing without a word.
    if args.store.is_none() && !args.read_only && !args.data.join(marsad_store::DB_FILE).is_file() {
        eprintln!(
            "marsad: no store in {} yet: serving a new, empty one (add documents with `marsad ingest --data {} PATH…` or POST /api/ingest)",
            args.data.display(),
            args.data.display()
        );
    }
    let opened = if args.read_only {
        marsad_store::open_read_only(&location)
    } else {
        match marsad_store::open(&location) {
            Err(marsad_store::StoreError::NotWritable { .. }) if args.store.is_none() => {
                eprintln!(
                    "marsad: {location} cannot be written here: serving it read-only (POST /api/ingest answers 403)"
                );
                marsad_store::open_read_only(&location)
            }
            other => other,
        }
    };
    let store: Arc<dyn marsad_store::Store> =
        Arc::from(opened.with_context(|| format!("opening the store {location}"))?);
    if !store
        .analyses_current()
        .context("reading the store state")?
    {
        eprintln!(
            "marsad: warning: the stored documents were analysed by another build of Marsad; \
             run `marsad ingest` (with no paths, or with new documents) to re-analyse them"
        );
    }
    let config = marsad_server::Config {
        header_read_timeout: std::time::Duration::from_secs(args.header_timeout.max(1)),
        max_in_flight: args.max_in_flight.max(1),
        ..marsad_server::Config::default()
    };
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("starting the async runtime")?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(args.addr)
            .await
            .with_context(|| format!("listening on {}", args.addr))?;
        let addr = listener.local_addr()?;
        println!("marsad: serving {location} at http://{addr}/");
        marsad_server::serve(listener, store, config, shutdown_signal())
            .await
            .context("serving")?;
        eprintln!("marsad: stopped");
        Ok(())
    })
}

/// Completes on Ctrl-C or, on Unix, SIGTERM.
async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {}
        () = term => {}
    }
}
