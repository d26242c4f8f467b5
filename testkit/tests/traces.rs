//! OpenTelemetry traces end to end: a controller and an agent export over OTLP/gRPC to a collector
//! inside the test, and one run's spans from both services share one trace id: launch, dispatch,
//! the agent's task (with its NVML span), the result and the report.

use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};

use cyberbrain_testkit::checks::{
    json, launch_gpu_run, query, wait_agents_online, wait_for_run_status,
};
use cyberbrain_testkit::process::{AgentProcess, ControllerOptions, ControllerProcess, Pki};
use cyberbrain_testkit::{nvml, temp_dir, wait_for_async};
use opentelemetry_proto::tonic::collector::trace::v1::trace_service_server::{
    TraceService, TraceServiceServer,
};
use opentelemetry_proto::tonic::collector::trace::v1::{
    ExportTraceServiceRequest, ExportTraceServiceResponse,
};
use opentelemetry_proto::tonic::common::v1::{KeyValue, any_value};
use tokio_stream::wrappers::TcpListenerStream;
use tonic::{Request, Response, Status};

/// One span as the collector received it, reduced to what the assertions need.
#[derive(Debug, Clone)]
struct ReceivedSpan {
    service: String,
    name: String,
    trace_id: String,
    span_id: String,
    parent_span_id: String,
    attributes: HashMap<String, String>,
}

/// An OTLP trace collector: the real gRPC service from the `opentelemetry-proto` types, keeping
/// every span it is sent.
#[derive(Clone, Default)]
struct Collector {
    spans: Arc<Mutex<Vec<ReceivedSpan>>>,
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn text_attributes(attributes: &[KeyValue]) -> HashMap<String, String> {
    attributes
        .iter()
        .filter_map(|kv| {
            let value = match kv.value.as_ref()?.value.as_ref()? {
                any_value::Value::StringValue(s) => s.clone(),
                any_value::Value::IntValue(i) => i.to_string(),
                any_value::Value::BoolValue(b) => b.to_string(),
                any_value::Value::DoubleValue(d) => d.to_string(),
                _ => return None,
            };
            Some((kv.key.clone(), value))
        })
        .collect()
}

#[tonic::async_trait]
impl TraceService for Collector {
    async fn export(
        &self,
        request: Request<ExportTraceServiceRequest>,
    ) -> Result<Response<ExportTraceServiceResponse>, Status> {
        let mut received = Vec::new();
        for resource_spans in request.into_inner().resource_spans {
            let resource = resource_spans
                .resource
                .map(|r| text_attributes(&r.attributes))
                .unwrap_or_default();
            let service = resource.get("service.name").cloned().unwrap_or_default();
            for scope in resource_spans.scope_spans {
                for span in scope.spans {
                    received.push(ReceivedSpan {
                        service: service.clone(),
                        name: span.name,
                        trace_id: hex(&span.trace_id),
                        span_id: hex(&span.span_id),
                        parent_span_id: hex(&span.parent_span_id),
                        attributes: text_attributes(&span.attributes),
                    });
                }
            }
        }
        self.spans
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .extend(received);
        Ok(Response::new(ExportTraceServiceResponse {
            partial_success: None,
        }))
    }
}

impl Collector {
    /// Serves on 127.0.0.1 at a port the OS chose, until the test ends.
    async fn start() -> (Collector, SocketAddr) {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("collector listener");
        let addr = listener.local_addr().expect("collector address");
        let collector = Collector::default();
        let service = TraceServiceServer::new(collector.clone());
        tokio::spawn(
            tonic::transport::Server::builder()
                .add_service(service)
                .serve_with_incoming(TcpListenerStream::new(listener)),
        );
        (collector, addr)
    }

    fn spans(&self) -> Vec<ReceivedSpan> {
        self.spans.lock().unwrap_or_else(|e| e.into_inner()).clone()
    }
}

/// The spans one run's trace must hold: (service, span name).
const EXPECTED: [(&str, &str); 6] = [
    ("cyberbrain-controller", "launch_run"),
    ("cyberbrain-controller", "dispatch"),
    ("cyberbrain-agent", "task"),
    ("cyberbrain-agent", "nvml.gpu_report"),
    ("cyberbrain-controller", "job_result"),
    ("cyberbrain-controller", "report"),
];

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn one_trace_follows_a_run_from_launch_through_the_agent_to_the_report() {
    let (collector, collector_addr) = Collector::start().await;
    let endpoint = format!("http://{collector_addr}");
    // Export every 100 ms instead of every 5 s, so spans arrive while the test polls.
    let otel_env = [
        ("OTEL_EXPORTER_OTLP_ENDPOINT", endpoint.as_str()),
        ("OTEL_BSP_SCHEDULE_DELAY", "100"),
    ];
    let dir = temp_dir("traces");
    let pki = Pki::init(&dir.path().join("certs"), &["traced"]);
    let library = nvml::build(dir.path()).display().to_string();
    let controller = ControllerProcess::start_with(
        dir.path(),
        &pki,
        ControllerOptions {
            env: otel_env
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
            ..Default::default()
        },
    );
    let link = format!("https://{}", controller.agents);
    let agent = AgentProcess::start_with(
        dir.path(),
        &pki,
        "traced",
        &[&link],
        &["--nvml-library", &library],
        &otel_env,
    );
    wait_agents_online(&pki, &controller, &["traced"], || agent.process.log_text());

    let run_id = launch_gpu_run(&pki, &controller, "traced");
    wait_for_run_status(&pki, &controller, &run_id, "succeeded");

    // The launch span names the run; its trace is the run's.
    let trace_id = wait_for_async("the launch span of the run", || {
        let spans = collector.spans();
        let run_id = run_id.clone();
        async move {
            spans
                .iter()
                .find(|s| s.name == "launch_run" && s.attributes.get("run_id") == Some(&run_id))
                .map(|s| s.trace_id.clone())
        }
    })
    .await;
    let trace = wait_for_async("every span of the run's trace", || {
        let in_trace: Vec<ReceivedSpan> = collector
            .spans()
            .into_iter()
            .filter(|s| s.trace_id == trace_id)
            .collect();
        async move {
            EXPECTED
                .iter()
                .all(|(service, name)| {
                    in_trace
                        .iter()
                        .any(|s| s.service == *service && s.name == *name)
                })
                .then_some(in_trace)
        }
    })
    .await;

    let find = |name: &str| {
        trace
            .iter()
            .find(|s| s.name == name)
            .unwrap_or_else(|| panic!("span {name} in {trace:#?}"))
    };
    let (launch, dispatch, task, result) = (
        find("launch_run"),
        find("dispatch"),
        find("task"),
        find("job_result"),
    );
    // The chain crosses both processes through the carried context.
    assert_eq!(
        dispatch.parent_span_id, launch.span_id,
        "dispatch under the launch"
    );
    assert_eq!(
        task.parent_span_id, dispatch.span_id,
        "the agent's task under the dispatch"
    );
    assert_eq!(
        result.parent_span_id, task.span_id,
        "the result under the agent's task"
    );
    assert_eq!(find("nvml.gpu_report").parent_span_id, task.span_id);
    for span in [dispatch, task, result] {
        assert_eq!(span.attributes.get("run_id"), Some(&run_id), "{span:?}");
        assert!(span.attributes.contains_key("job_id"), "{span:?}");
        assert!(span.attributes.contains_key("agent_id"), "{span:?}");
    }
    let store_spans: Vec<&str> = trace
        .iter()
        .filter(|s| s.name.starts_with("db."))
        .map(|s| s.name.as_str())
        .collect();
    for expected in [
        "db.create_run",
        "db.record_job_outcome",
        "db.finish_run_if_done",
    ] {
        assert!(
            store_spans.contains(&expected),
            "{expected} in {store_spans:?}"
        );
    }

    // The launch's context is on the run row, for whichever replica finishes the run.
    let db = controller.database_url();
    let stored: Option<String> = query(&db, "SELECT traceparent FROM runs").await[0].get(0);
    let stored = stored.expect("the run row keeps the launch's traceparent");
    assert!(
        stored.contains(&trace_id),
        "{stored} carries trace {trace_id}"
    );

    // The agent's JSON log lines carry the job's ids through its span.
    let agent_log = agent.process.log_text();
    let succeeded = agent_log
        .lines()
        .filter(|l| l.starts_with('{'))
        .map(json)
        .find(|line| line["message"] == "job succeeded")
        .unwrap_or_else(|| panic!("a job succeeded line in {agent_log}"));
    let task_fields = succeeded["spans"]
        .as_array()
        .and_then(|spans| spans.iter().find(|s| s["name"] == "task"))
        .unwrap_or_else(|| panic!("the task span on {succeeded}"));
    assert_eq!(task_fields["run_id"], run_id.as_str(), "{succeeded}");
    assert!(task_fields["job_id"].is_string(), "{succeeded}");
    assert!(
        task_fields["agent_id"]
            .as_str()
            .is_some_and(|id| !id.is_empty()),
        "{succeeded}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn without_an_endpoint_nothing_is_exported_and_no_context_is_stored() {
    let dir = temp_dir("untraced");
    let pki = Pki::init(&dir.path().join("certs"), &["plain"]);
    let library = nvml::build(dir.path()).display().to_string();
    let controller = ControllerProcess::start_with(dir.path(), &pki, ControllerOptions::default());
    let link = format!("https://{}", controller.agents);
    let agent = AgentProcess::start_with(
        dir.path(),
        &pki,
        "plain",
        &[&link],
        &["--nvml-library", &library],
        &[],
    );
    wait_agents_online(&pki, &controller, &["plain"], || agent.process.log_text());
    let run_id = launch_gpu_run(&pki, &controller, "plain");
    wait_for_run_status(&pki, &controller, &run_id, "succeeded");
    let stored: Option<String> =
        query(&controller.database_url(), "SELECT traceparent FROM runs").await[0].get(0);
    assert_eq!(stored, None, "no exporter, no trace context");
    for log in [controller.process.log_text(), agent.process.log_text()] {
        assert!(!log.contains("exporting traces"), "{log}");
    }
}
