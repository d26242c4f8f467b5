//! Log set-up: JSON lines when not on a terminal, readable text on one; `RUST_LOG` filters. The
//! same subscriber carries the OpenTelemetry layer when trace export is switched on.
//!
//! JSON lines carry the fields of every open span (`spans`), so a line logged inside a job's span
//! names its `run_id`, `job_id` and `agent_id` without repeating them.

use std::io::IsTerminal;

use clap::ValueEnum;
use tracing_subscriber::EnvFilter;
use tracing_subscriber::Layer;
use tracing_subscriber::layer::SubscriberExt;
use tracing_subscriber::util::SubscriberInitExt;

use crate::traces::Traces;

/// How log lines are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LogFormat {
    /// JSON when stderr is not a terminal, text when it is.
    Auto,
    /// One JSON object per line.
    Json,
    /// Human-readable text.
    Text,
}

impl LogFormat {
    /// Whether this format writes JSON lines, resolving `Auto` against stderr.
    pub fn is_json(self) -> bool {
        match self {
            LogFormat::Json => true,
            LogFormat::Text => false,
            LogFormat::Auto => !std::io::stderr().is_terminal(),
        }
    }
}

/// What `init` installed that must be shut down before the process exits.
#[derive(Debug)]
#[must_use = "call shutdown before exiting, or the last spans are lost"]
pub struct Telemetry {
    /// The trace pipeline, when `OTEL_EXPORTER_OTLP_ENDPOINT` switched it on.
    traces: Option<Traces>,
}

impl Telemetry {
    /// Whether spans are exported.
    pub fn exports_traces(&self) -> bool {
        self.traces.is_some()
    }

    /// Flushes the spans still buffered and stops the exporter. It blocks for up to a few seconds,
    /// so it runs on a blocking thread.
    pub async fn shutdown(self) {
        if let Some(traces) = self.traces {
            let _ = tokio::task::spawn_blocking(move || traces.shutdown()).await;
        }
    }
}

/// Installs the global subscriber: logs in `format`, and OTLP trace export as
/// `service_name` when the environment asks for it. Call once, first thing in `main`, inside the
/// Tokio runtime. A trace set-up that fails is logged and leaves logging working.
pub fn init(format: LogFormat, service_name: &'static str) -> Telemetry {
    let traces = Traces::from_env(service_name, |name| std::env::var(name).ok());
    let (traces, trace_error) = match traces {
        Ok(traces) => (traces, None),
        Err(e) => (None, Some(e)),
    };
    // Each layer has its own filter: `RUST_LOG` chooses log lines and does not switch traces off,
    // and traces never include the spans of the exporter's own gRPC calls.
    let log_filter =
        || EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info"));
    let otel = traces.as_ref().map(|t| {
        t.layer(service_name)
            .with_filter(crate::traces::exported_spans())
    });
    let registry = tracing_subscriber::registry().with(otel);
    let fmt = tracing_subscriber::fmt::layer().with_writer(std::io::stderr);
    if format.is_json() {
        let json = fmt
            .json()
            .flatten_event(true)
            .with_current_span(false)
            .with_span_list(true);
        registry.with(json.with_filter(log_filter())).init();
    } else {
        registry.with(fmt.with_filter(log_filter())).init();
    }
    if let Some(e) = trace_error {
        tracing::error!(error = %e, "traces are not exported");
    } else if traces.is_some() {
        tracing::info!(service = service_name, "exporting traces over otlp");
    }
    Telemetry { traces }
}
