//! OpenTelemetry traces end to end: a controller and an agent export over OTLP/gRPC to a collector
//! inside the test, and one run's spans from both services share one trace id: launch, dispatch,
//! the agent's task (with its NVML span), the result and the report. Spans still buffered when
//! the processes stop are flushed; without an endpoint nothing is exported.

#[path = "support/otlp.rs"]
mod otlp;

use std::time::Duration;

use cyberbrain_proto::v1 as pb;
use cyberbrain_proto::v1::run_service_client::RunServiceClient;
use cyberbrain_testkit::api::{admin_channel, gpu_launch_request};
use cyberbrain_testkit::checks::{
    json, launch_gpu_run, query, wait_agents_online, wait_for_run_status,
};
use cyberbrain_testkit::process::{AgentProcess, ControllerOptions, ControllerProcess, Pki};
use cyberbrain_testkit::{nvml, temp_dir, wait_for_async};
use otlp::{Collector, ReceivedSpan};

/// A controller and one agent with the stand-in NVML, both with `env`, the agent online.
struct TracedFleet {
    agent: AgentProcess,
    controller: ControllerProcess,
    pki: Pki,
    // Last, so that the processes above stop before their files go.
    _dir: tempfile::TempDir,
}

impl TracedFleet {
    fn start(tag: &str, env: &[(String, String)]) -> TracedFleet {
        let dir = temp_dir(tag);
        let pki = Pki::init(&dir.path().join("certs"), &["traced"]);
        let library = nvml::build(dir.path()).display().to_string();
        let controller = ControllerProcess::start_with(
            dir.path(),
            &pki,
            ControllerOptions {
                env: env.to_vec(),
                ..Default::default()
            },
        );
        let link = format!("https://{}", controller.agents);
        let agent_env: Vec<(&str, &str)> =
            env.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        let agent = AgentProcess::start_with(
            dir.path(),
            &pki,
            "traced",
            &[&link],
            &["--nvml-library", &library],
            &agent_env,
        );
        wait_agents_online(&pki, &controller, &["traced"], || agent.process.log_text());
        TracedFleet {
            agent,
            controller,
            pki,
            _dir: dir,
        }
    }

    /// Launches a `gpu_report` run on the agent and waits until it succeeded.
    fn run_to_success(&self) -> String {
        let run_id = launch_gpu_run(&self.pki, &self.controller, "traced");
        wait_for_run_status(&self.pki, &self.controller, &run_id, "succeeded");
        run_id
    }
}

/// The span called `name` in the trace `trace_id`, once the collector has it.
async fn span_in_trace(collector: &Collector, name: &str, trace_id: &str) -> ReceivedSpan {
    wait_for_async(&format!("the {name} span in trace {trace_id}"), || {
        let spans = collector.spans();
        async move {
            spans
                .into_iter()
                .find(|s| s.name == name && s.trace_id == trace_id)
        }
    })
    .await
}

/// The trace id of the run's launch span, once the collector has it.
async fn launch_trace_id(collector: &Collector, run_id: &str) -> String {
    wait_for_async("the launch span of the run", || {
        let spans = collector.spans();
        let run_id = run_id.to_string();
        async move {
            spans
                .iter()
                .find(|s| s.name == "launch_run" && s.attributes.get("run_id") == Some(&run_id))
                .map(|s| s.trace_id.clone())
        }
    })
    .await
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
    let (collector, addr) = Collector::start().await;
    // Export every 100 ms instead of every 5 s, so spans arrive while the test polls.
    let fleet = TracedFleet::start("traces", &Collector::env(addr, 100));
    let (controller, agent) = (&fleet.controller, &fleet.agent);
    let run_id = fleet.run_to_success();

    // The launch span names the run; its trace is the run's.
    let trace_id = launch_trace_id(&collector, &run_id).await;
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

    // A caller that sends its own traceparent gets the run in its trace.
    let caller_trace = "4bf92f3577b34da6a3ce929d0e0e4736";
    let caller_span = "00f067aa0ba902b7";
    let mut client = RunServiceClient::new(admin_channel(controller, &fleet.pki.ca()).await);
    let mut request = tonic::Request::new(gpu_launch_request(100));
    let traceparent = format!("00-{caller_trace}-{caller_span}-01");
    request
        .metadata_mut()
        .insert("traceparent", traceparent.parse().expect("ascii metadata"));
    let second = client
        .launch_run(request)
        .await
        .expect("launch")
        .into_inner();
    let launched_in = launch_trace_id(&collector, &second.id).await;
    assert_eq!(
        launched_in, caller_trace,
        "the launch joins the caller's trace"
    );
    let rpc = span_in_trace(&collector, "rpc.LaunchRun", caller_trace).await;
    assert_eq!(rpc.parent_span_id, caller_span, "under the caller's span");

    // Every API call has its span, in the caller's trace when it sends one.
    let reader_trace = "0af7651916cd43dd8448eb211c80319c";
    let mut request = tonic::Request::new(pb::GetRunRequest {
        id: second.id.clone(),
    });
    let traceparent = format!("00-{reader_trace}-b7ad6b7169203331-01");
    request
        .metadata_mut()
        .insert("traceparent", traceparent.parse().expect("ascii metadata"));
    client.get_run(request).await.expect("get run");
    let read = span_in_trace(&collector, "rpc.GetRun", reader_trace).await;
    assert_eq!(
        read.attributes.get("rpc.service").map(String::as_str),
        Some("cyberbrain.v1.RunService")
    );

    // A stream's span lasts as long as the stream: a watch of a run whose GPUs are sampled for
    // two seconds, read to its end.
    let mut request = tonic::Request::new(gpu_launch_request(2000));
    request.set_timeout(Duration::from_secs(30));
    let slow = client
        .launch_run(request)
        .await
        .expect("launch")
        .into_inner();
    let watch_trace = "5e4f9a1c2b3d4e5f60718293a4b5c6d7";
    let mut request = tonic::Request::new(pb::WatchRunRequest {
        run_id: slow.id.clone(),
        after_sequence: 0,
    });
    let traceparent = format!("00-{watch_trace}-a1b2c3d4e5f60718-01");
    request
        .metadata_mut()
        .insert("traceparent", traceparent.parse().expect("ascii metadata"));
    let watched_from = std::time::Instant::now();
    let mut stream = client.watch_run(request).await.expect("watch").into_inner();
    while stream.message().await.expect("watch stream").is_some() {}
    let watched_for = watched_from.elapsed();
    assert!(
        watched_for >= Duration::from_secs(1),
        "the watch lasted {watched_for:?}"
    );
    let watch = span_in_trace(&collector, "rpc.WatchRun", watch_trace).await;
    assert!(
        watch.duration >= watched_for.mul_f64(0.8),
        "the span ({:?}) covers the stream ({watched_for:?})",
        watch.duration
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn spans_still_buffered_are_flushed_when_the_processes_stop() {
    let (collector, addr) = Collector::start().await;
    // Nothing would be exported for ten minutes: only the flush at shutdown can deliver. Quiet
    // logs do not switch traces off.
    let mut env = Collector::env(addr, 600_000);
    env.push(("RUST_LOG".into(), "warn".into()));
    let mut fleet = TracedFleet::start("traces-flush", &env);
    let run_id = fleet.run_to_success();
    assert!(
        collector.spans().is_empty(),
        "nothing is sent before the schedule delay or the shutdown"
    );
    assert!(
        fleet.agent.process.terminate(Duration::from_secs(15)),
        "the agent stops on SIGTERM"
    );
    assert!(
        fleet.controller.process.terminate(Duration::from_secs(30)),
        "the controller stops on SIGTERM"
    );
    let spans = collector.spans();
    let trace_id = spans
        .iter()
        .find(|s| s.name == "launch_run" && s.attributes.get("run_id") == Some(&run_id))
        .map(|s| s.trace_id.clone())
        .unwrap_or_else(|| panic!("the controller flushed its launch span: {spans:#?}"));
    for (service, name) in [
        ("cyberbrain-agent", "task"),
        ("cyberbrain-controller", "report"),
    ] {
        assert!(
            spans
                .iter()
                .any(|s| s.trace_id == trace_id && s.service == service && s.name == name),
            "{service} flushed {name} in the run's trace: {spans:#?}"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn without_an_endpoint_nothing_is_exported_and_no_context_is_stored() {
    let fleet = TracedFleet::start("untraced", &[]);
    fleet.run_to_success();
    let stored: Option<String> = query(
        &fleet.controller.database_url(),
        "SELECT traceparent FROM runs",
    )
    .await[0]
        .get(0);
    assert_eq!(stored, None, "no exporter, no trace context");
    for log in [
        fleet.controller.process.log_text(),
        fleet.agent.process.log_text(),
    ] {
        assert!(!log.contains("exporting traces"), "{log}");
    }
}
