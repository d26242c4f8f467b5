//! OpenTelemetry traces: OTLP export over gRPC when `OTEL_EXPORTER_OTLP_ENDPOINT` is set, and W3C
//! trace context carried between processes in plain string maps (the `trace_context` fields of
//! the agent link) or a single `traceparent` string (stored on the run row).
//!
//! With the variable unset nothing is installed: no exporter, no tracer provider, no background
//! thread. The `tracing` spans still exist for the logs; the helpers below then inject nothing and
//! extracting is a no-op, so callers need not care whether export is on.

use std::collections::HashMap;
use std::time::Duration;

use opentelemetry::propagation::TextMapPropagator;
use opentelemetry::trace::{TraceContextExt, TracerProvider as _};
use opentelemetry_otlp::SpanExporter;
use opentelemetry_sdk::Resource;
use opentelemetry_sdk::propagation::TraceContextPropagator;
use opentelemetry_sdk::trace::SdkTracerProvider;
use tracing_opentelemetry::OpenTelemetrySpanExt;
use tracing_subscriber::filter::Targets;

/// The variables that switch export on (either one, non-empty), as the OpenTelemetry
/// specification names them.
const ENDPOINT_VARIABLES: [&str; 2] = [
    "OTEL_EXPORTER_OTLP_ENDPOINT",
    "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT",
];

/// Overrides the service name a binary passes in.
const SERVICE_NAME_VARIABLE: &str = "OTEL_SERVICE_NAME";

/// How long shutdown waits for the last spans to reach the collector.
const FLUSH_TIMEOUT: Duration = Duration::from_secs(5);

/// The W3C key of the trace context's main header, also the column the run's context is kept in.
pub const TRACEPARENT: &str = "traceparent";

/// The W3C key of the vendor-specific part of the trace context.
pub const TRACESTATE: &str = "tracestate";

/// Why the exporter could not be set up.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The OTLP exporter refused its configuration (a malformed endpoint, for instance).
    #[error("setting up the otlp trace exporter: {0}")]
    Exporter(String),
}

/// The endpoint traces go to, if export is switched on. `lookup` reads a variable (the process
/// environment in the binaries, a map in tests).
pub fn export_endpoint(lookup: impl Fn(&str) -> Option<String>) -> Option<String> {
    if lookup("OTEL_SDK_DISABLED").is_some_and(|v| v.trim().eq_ignore_ascii_case("true")) {
        return None;
    }
    ENDPOINT_VARIABLES
        .iter()
        .filter_map(|name| lookup(name))
        .map(|value| value.trim().to_string())
        .find(|value| !value.is_empty())
}

/// An installed trace pipeline. Keep it until the process ends and call [`Traces::shutdown`] so
/// the spans still buffered are sent.
pub struct Traces {
    /// Owns the batch processor's thread and the exporter's channel.
    provider: SdkTracerProvider,
}

impl std::fmt::Debug for Traces {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Traces").finish_non_exhaustive()
    }
}

impl Traces {
    /// Builds the OTLP/gRPC exporter and a batching tracer provider for `default_service_name`
    /// (`OTEL_SERVICE_NAME` wins), or returns `None` when export is not switched on. Must run
    /// inside the Tokio runtime: the exporter's channel lives on it.
    pub fn from_env(
        default_service_name: &str,
        lookup: impl Fn(&str) -> Option<String>,
    ) -> Result<Option<Self>, Error> {
        if export_endpoint(&lookup).is_none() {
            return Ok(None);
        }
        // The exporter reads the endpoint, headers, timeout and compression variables itself.
        let exporter = SpanExporter::builder()
            .with_tonic()
            .build()
            .map_err(|e| Error::Exporter(e.to_string()))?;
        let mut resource = Resource::builder();
        if lookup(SERVICE_NAME_VARIABLE).is_none_or(|name| name.trim().is_empty()) {
            resource = resource.with_service_name(default_service_name.to_string());
        }
        // The batch processor reads OTEL_BSP_SCHEDULE_DELAY and the other OTEL_BSP_* variables.
        let provider = SdkTracerProvider::builder()
            .with_batch_exporter(exporter)
            .with_resource(resource.build())
            .build();
        Ok(Some(Traces { provider }))
    }

    /// The `tracing` layer that turns spans into OpenTelemetry spans for this pipeline.
    pub fn layer<S>(
        &self,
        instrumentation_name: &'static str,
    ) -> tracing_opentelemetry::OpenTelemetryLayer<S, opentelemetry_sdk::trace::SdkTracer>
    where
        S: tracing::Subscriber + for<'span> tracing_subscriber::registry::LookupSpan<'span>,
    {
        tracing_opentelemetry::layer().with_tracer(self.provider.tracer(instrumentation_name))
    }

    /// Sends the spans still buffered and stops the exporter. Blocks up to a few seconds, so call
    /// it off the async worker threads (`spawn_blocking`) or after the runtime's work is done.
    pub fn shutdown(self) {
        if let Err(e) = self.provider.shutdown_with_timeout(FLUSH_TIMEOUT) {
            tracing::warn!(error = %e, "could not flush the last spans");
        }
    }
}

/// Which spans are exported: our own crates' (`cyberbrain_*`) at `info` and above, whatever
/// `RUST_LOG` says about log lines. Never a dependency's: the spans of the exporter's own gRPC
/// calls would be exported in turn, forever.
pub fn exported_spans() -> Targets {
    Targets::new().with_target("cyberbrain", tracing::Level::INFO)
}

/// The span's W3C trace context as a string map (`traceparent`, and `tracestate` when there is
/// one); empty when the span is not exported.
pub fn inject(span: &tracing::Span) -> HashMap<String, String> {
    let mut carrier = HashMap::new();
    let context = span.context();
    if context.span().span_context().is_valid() {
        TraceContextPropagator::new().inject_context(&context, &mut carrier);
    }
    carrier
}

/// The span's `traceparent` header value, if it is exported.
pub fn traceparent(span: &tracing::Span) -> Option<String> {
    inject(span).remove(TRACEPARENT)
}

/// Makes the trace context in `carrier` the parent of `span`. Call it right after creating the
/// span, before it is entered. A missing or malformed context leaves the span as it is (a root, or
/// the child of the current span): tracing is best effort and never fails a request.
pub fn set_parent(span: &tracing::Span, carrier: &HashMap<String, String>) {
    let context = TraceContextPropagator::new().extract(carrier);
    if context.span().span_context().is_valid() {
        // Errors only say that no layer is installed or the span already started.
        let _ = span.set_parent(context);
    }
}

/// [`set_parent`] from a lone `traceparent` value, as stored on the run row.
pub fn set_parent_from_traceparent(span: &tracing::Span, traceparent: Option<&str>) {
    if let Some(value) = traceparent {
        let carrier = HashMap::from([(TRACEPARENT.to_string(), value.to_string())]);
        set_parent(span, &carrier);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use opentelemetry_sdk::trace::InMemorySpanExporter;
    use tracing_subscriber::layer::SubscriberExt;

    fn env(pairs: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> {
        let map: HashMap<String, String> = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        move |name| map.get(name).cloned()
    }

    #[test]
    fn without_an_endpoint_nothing_is_installed() {
        assert_eq!(export_endpoint(env(&[])), None);
        assert_eq!(
            export_endpoint(env(&[("OTEL_EXPORTER_OTLP_ENDPOINT", "  ")])),
            None
        );
        let traces = Traces::from_env("cyberbrain-test", env(&[("OTEL_SERVICE_NAME", "x")]))
            .expect("no endpoint is not an error");
        assert!(traces.is_none(), "no endpoint, no exporter");
    }

    #[test]
    fn an_endpoint_switches_export_on_unless_the_sdk_is_disabled() {
        let endpoint = "http://127.0.0.1:4317";
        assert_eq!(
            export_endpoint(env(&[("OTEL_EXPORTER_OTLP_ENDPOINT", endpoint)])).as_deref(),
            Some(endpoint)
        );
        assert_eq!(
            export_endpoint(env(&[("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", endpoint)])).as_deref(),
            Some(endpoint)
        );
        assert_eq!(
            export_endpoint(env(&[
                ("OTEL_EXPORTER_OTLP_ENDPOINT", endpoint),
                ("OTEL_SDK_DISABLED", "true")
            ])),
            None
        );
    }

    #[test]
    fn only_our_own_spans_are_exported() {
        use tracing::Level;
        let filter = exported_spans();
        assert!(filter.would_enable("cyberbrain_controller::app", &Level::INFO));
        assert!(filter.would_enable("cyberbrain_agent::docker", &Level::WARN));
        assert!(!filter.would_enable("cyberbrain_controller::app", &Level::DEBUG));
        // The exporter's own transport.
        for dependency in [
            "tonic::transport",
            "h2::proto",
            "hyper_util::client",
            "tower",
        ] {
            assert!(
                !filter.would_enable(dependency, &Level::INFO),
                "{dependency}"
            );
        }
    }

    #[test]
    fn without_a_layer_nothing_is_injected() {
        let span = tracing::info_span!("untraced");
        assert!(inject(&span).is_empty());
        assert_eq!(traceparent(&span), None);
    }

    #[test]
    fn trace_context_round_trips_through_a_carrier() {
        let exporter = InMemorySpanExporter::default();
        let provider = SdkTracerProvider::builder()
            .with_simple_exporter(exporter.clone())
            .build();
        let subscriber = tracing_subscriber::registry()
            .with(tracing_opentelemetry::layer().with_tracer(provider.tracer("test")));
        tracing::subscriber::with_default(subscriber, || {
            let sender = tracing::info_span!("dispatch");
            let carrier = inject(&sender);
            let header = carrier.get(TRACEPARENT).expect("a traceparent is injected");
            let sender_context = sender.context();
            let sender_span = sender_context.span();
            let sent = sender_span.span_context();
            assert_eq!(
                header,
                &format!("00-{}-{}-01", sent.trace_id(), sent.span_id())
            );

            // The receiving side: a fresh span adopts the carried context as its parent.
            let receiver = tracing::info_span!("task");
            set_parent(&receiver, &carrier);
            let received = receiver.context();
            assert_eq!(received.span().span_context().trace_id(), sent.trace_id());
            drop(receiver);

            // The same through a lone traceparent, as stored on the run row.
            let stored = traceparent(&sender).expect("a traceparent");
            let finisher = tracing::info_span!("finish");
            set_parent_from_traceparent(&finisher, Some(&stored));
            assert_eq!(
                finisher.context().span().span_context().trace_id(),
                sent.trace_id()
            );

            // Garbage is ignored: the span starts a trace of its own.
            let orphan = tracing::info_span!("orphan");
            set_parent_from_traceparent(&orphan, Some("not-a-traceparent"));
            assert_ne!(
                orphan.context().span().span_context().trace_id(),
                sent.trace_id()
            );
        });
        provider.force_flush().expect("in-memory provider flushes");
        let spans = exporter.get_finished_spans().expect("finished spans");
        let task = spans
            .iter()
            .find(|s| s.name == "task")
            .expect("task span exported");
        let dispatch = spans
            .iter()
            .find(|s| s.name == "dispatch")
            .expect("dispatch span exported");
        assert_eq!(task.parent_span_id, dispatch.span_context.span_id());
    }
}
