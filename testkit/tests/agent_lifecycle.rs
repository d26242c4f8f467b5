//! The agent lifecycle (issues #15 and #22): a silent agent goes `stale` then `offline` on every
//! replica's clock; offline agents can be deleted with their jobs' history kept; join tokens are
//! listed without their secrets and revoked; targeting uses admin-set labels only, the labels an
//! agent reports about itself being shown with their source; and a run records the API token that
//! launched it. Real controller, real agents, `cbctl` and gRPC over TLS.

use std::process::Command;

use cyberbrain_proto::agent::v1 as link;
use cyberbrain_proto::agent::v1::enrollment_client::EnrollmentClient;
use cyberbrain_proto::v1 as pb;
use cyberbrain_proto::v1::fleet_service_client::FleetServiceClient;
use cyberbrain_testkit::api::{admin_channel, api_channel};
use cyberbrain_testkit::checks::{json, launch_gpu_run, wait_agents_online, wait_for_run_status};
use cyberbrain_testkit::process::{
    AgentProcess, ControllerOptions, ControllerProcess, Pki, cbctl, cbctl_ok, cbctl_with_token_file,
};
use cyberbrain_testkit::{temp_dir, wait_for_or};

/// `cbctl agent get NAME -o json`.
fn agent(pki: &Pki, controller: &ControllerProcess, name: &str) -> serde_json::Value {
    json(&cbctl_ok(
        pki,
        controller,
        &["agent", "get", name, "-o", "json"],
    ))
}

fn signal(pid: u32, signal: &str) {
    let status = Command::new("kill")
        .args([signal, &pid.to_string()])
        .status()
        .expect("kill runs");
    assert!(status.success(), "kill {signal} {pid}");
}

/// Stops the process it names with SIGCONT when dropped, so a failing test leaves nothing frozen.
struct Frozen(u32);

impl Drop for Frozen {
    fn drop(&mut self) {
        let _ = Command::new("kill")
            .args(["-CONT", &self.0.to_string()])
            .status();
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_silent_agent_goes_stale_then_offline_and_an_offline_one_can_be_deleted_keeping_its_history()
 {
    let dir = temp_dir("lifecycle");
    let pki = Pki::init(&dir.path().join("certs"), &["delta", "omega"]);
    let options = ControllerOptions {
        heartbeat_seconds: Some(3),
        ..Default::default()
    };
    let controller = ControllerProcess::start_with(dir.path(), &pki, options);
    let no_gpu = ["--nvml-library", "/nonexistent/libnvidia-ml.so"];
    let mut delta = AgentProcess::start(dir.path(), &pki, "delta", &controller, &no_gpu);
    let omega = AgentProcess::start(dir.path(), &pki, "omega", &controller, &no_gpu);
    wait_agents_online(&pki, &controller, &["delta", "omega"], || {
        delta.process.log_text() + &omega.process.log_text()
    });
    let run_id = launch_gpu_run(&pki, &controller, "delta");
    wait_for_run_status(&pki, &controller, &run_id, "succeeded");

    // Frozen, its connection stays open but it says nothing: stale after two heartbeat intervals
    // (3 s each), offline after its lease (three).
    signal(delta.process.id(), "-STOP");
    let frozen = Frozen(delta.process.id());
    let state = || agent(&pki, &controller, "delta")["state"].clone();
    wait_for_or(
        "the frozen agent stale",
        || state() == "stale",
        || agent(&pki, &controller, "delta").to_string(),
    );
    wait_for_or(
        "the frozen agent offline",
        || state() == "offline",
        || agent(&pki, &controller, "delta").to_string(),
    );
    assert_eq!(agent(&pki, &controller, "omega")["state"], "online");
    drop(frozen);
    delta.process.kill9();

    // Deleting an online agent is refused; an offline one goes, and its run still names it.
    let mut fleet = FleetServiceClient::new(admin_channel(&controller, &pki.ca()).await);
    let refused = fleet
        .delete_agent(pb::DeleteAgentRequest {
            name: "omega".into(),
        })
        .await
        .expect_err("an online agent cannot be deleted");
    assert_eq!(
        refused.code(),
        tonic::Code::FailedPrecondition,
        "{refused:?}"
    );
    assert!(refused.message().contains("online"), "{refused:?}");
    wait_for_or(
        "the killed agent offline",
        || state() == "offline",
        || controller.process.log_text(),
    );
    cbctl_ok(&pki, &controller, &["agent", "delete", "delta", "--yes"]);
    let agents = json(&cbctl_ok(
        &pki,
        &controller,
        &["agent", "list", "-o", "json"],
    ));
    assert_eq!(agents.as_array().map(Vec::len), Some(1), "{agents}");
    assert_eq!(agents[0]["name"], "omega");
    let run = json(&cbctl_ok(
        &pki,
        &controller,
        &["run", "get", &run_id, "-o", "json"],
    ));
    assert_eq!(
        run["jobs"][0]["agent"], "delta",
        "the history keeps its name: {run}"
    );
    assert_eq!(run["jobs"][0]["status"], "succeeded");
    let gone = cbctl(&pki, &controller, &["agent", "get", "delta"]);
    assert!(!gone.status.success());
    // Its certificate is refused from now on.
    let back = AgentProcess::start(dir.path(), &pki, "delta", &controller, &no_gpu);
    wait_for_or(
        "the deleted agent refused",
        || back.process.log_text().contains("revoked"),
        || back.process.log_text(),
    );
    let audited = cbctl_ok(&pki, &controller, &["audit", "list", "-o", "json"]);
    assert!(audited.contains("agent.delete"), "{audited}");
}

async fn enroll(
    controller: &ControllerProcess,
    ca: &std::path::Path,
    token: &str,
    name: &str,
) -> Result<link::EnrollResponse, tonic::Status> {
    let csr = rcgen::CertificateParams::default()
        .serialize_request(&rcgen::KeyPair::generate().expect("key"))
        .expect("csr")
        .pem()
        .expect("pem");
    EnrollmentClient::new(api_channel(controller.agents, ca).await)
        .enroll(link::EnrollRequest {
            join_token: token.to_string(),
            csr_pem: csr,
            name: name.to_string(),
            hostname: format!("host-{name}"),
        })
        .await
        .map(tonic::Response::into_inner)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn join_tokens_are_listed_without_secrets_and_a_revoked_one_cannot_enroll() {
    let dir = temp_dir("join-tokens");
    let pki = Pki::init(&dir.path().join("certs"), &[]);
    let controller = ControllerProcess::start(dir.path(), &pki);
    let create = |labels: &str| {
        cbctl_ok(
            &pki,
            &controller,
            &["agent", "join-token", "create", "--labels", labels],
        )
        .trim()
        .to_string()
    };
    let kept = create("zone=a");
    let revoked = create("zone=b");
    let id_of = |token: &str| {
        let simple = token.split('_').nth(1).expect("cbj_<id>_<secret>");
        uuid::Uuid::try_parse(simple).expect("a uuid").to_string()
    };

    let listed = cbctl_ok(
        &pki,
        &controller,
        &["agent", "join-token", "list", "-o", "json"],
    );
    for token in [&kept, &revoked] {
        let secret = token.splitn(3, '_').nth(2).expect("secret");
        assert!(!listed.contains(secret), "no secret in the list: {listed}");
        assert!(listed.contains(&id_of(token)), "{listed}");
    }
    let out = cbctl_ok(
        &pki,
        &controller,
        &[
            "agent",
            "join-token",
            "revoke",
            "--yes",
            &id_of(&revoked),
            "-o",
            "json",
        ],
    );
    assert_eq!(json(&out)[0]["state"], "revoked", "{out}");

    let refused = enroll(&controller, &pki.ca(), &revoked, "never")
        .await
        .expect_err("a revoked token cannot enroll");
    assert_eq!(refused.code(), tonic::Code::Unauthenticated, "{refused:?}");
    assert!(refused.message().contains("revoked"), "{refused:?}");
    enroll(&controller, &pki.ca(), &kept, "kept")
        .await
        .expect("the other token still enrolls");

    let listed = json(&cbctl_ok(
        &pki,
        &controller,
        &["agent", "join-token", "list", "-o", "json"],
    ));
    let state_of = |token: &str| {
        listed
            .as_array()
            .and_then(|all| all.iter().find(|t| t["id"] == id_of(token).as_str()))
            .map(|t| (t["state"].clone(), t["used_by_agent"].clone()))
            .expect("listed")
    };
    assert_eq!(state_of(&kept), ("used".into(), "kept".into()));
    assert_eq!(state_of(&revoked).0, "revoked");
    // A used token is revoked by revoking its agent instead.
    let used = cbctl(
        &pki,
        &controller,
        &["agent", "join-token", "revoke", "--yes", &id_of(&kept)],
    );
    assert!(!used.status.success());

    // The new fleet calls run the shared input check first, like every other call: a control
    // character is refused naming the field, before any handler-specific parsing.
    let mut fleet = FleetServiceClient::new(admin_channel(&controller, &pki.ca()).await);
    let control = |status: tonic::Status, field: &str| {
        assert_eq!(status.code(), tonic::Code::InvalidArgument, "{status:?}");
        assert!(
            status
                .message()
                .starts_with(&format!("invalid {field}: contains a control character")),
            "{status:?}"
        );
    };
    let bad = "a\u{1b}b".to_string();
    control(
        fleet
            .revoke_join_token(pb::RevokeJoinTokenRequest { id: bad.clone() })
            .await
            .expect_err("refused"),
        "id",
    );
    control(
        fleet
            .delete_agent(pb::DeleteAgentRequest { name: bad.clone() })
            .await
            .expect_err("refused"),
        "name",
    );
    control(
        fleet
            .set_agent_labels(pb::SetAgentLabelsRequest {
                name: bad,
                ..Default::default()
            })
            .await
            .expect_err("refused"),
        "name",
    );
}

/// Launches `gpu_report` on agents labelled gpu=true; the launch's output.
fn launch_on_gpu_label(pki: &Pki, controller: &ControllerProcess) -> std::process::Output {
    cbctl(
        pki,
        controller,
        &[
            "run",
            "launch",
            "--task",
            "gpu_report",
            "--label",
            "gpu=true",
            "-o",
            "json",
        ],
    )
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn targeting_uses_admin_labels_unless_agent_labels_are_trusted() {
    let dir = temp_dir("labels");
    let pki = Pki::init(&dir.path().join("certs"), &["zeta"]);
    let controller = ControllerProcess::start(dir.path(), &pki);
    let zeta = AgentProcess::start(
        dir.path(),
        &pki,
        "zeta",
        &controller,
        &[
            "--label",
            "gpu=true",
            "--label",
            "rack=7",
            "--nvml-library",
            "/nonexistent.so",
        ],
    );
    wait_agents_online(&pki, &controller, &["zeta"], || zeta.process.log_text());

    // It says gpu=true about itself: shown as reported, not used for targeting.
    let shown = agent(&pki, &controller, "zeta");
    assert!(
        shown["labels"].get("gpu").is_none(),
        "`labels` holds only what targeting uses: {shown}"
    );
    let sources = shown["label_sources"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    assert!(
        sources
            .iter()
            .any(|l| l["key"] == "gpu" && l["source"] == "agent" && l["targeting"] == false),
        "{shown}"
    );
    let refused = launch_on_gpu_label(&pki, &controller);
    assert!(!refused.status.success(), "not selected by its own label");
    assert!(
        String::from_utf8_lossy(&refused.stderr).contains("matches no agent"),
        "{}",
        String::from_utf8_lossy(&refused.stderr)
    );

    // An admin label selects it; `agent get` shows each label with its source.
    cbctl_ok(
        &pki,
        &controller,
        &["agent", "label", "zeta", "gpu=true", "owner=ml"],
    );
    let shown = agent(&pki, &controller, "zeta");
    assert_eq!(shown["labels"]["gpu"], "true", "{shown}");
    let sources = shown["label_sources"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    assert!(
        sources
            .iter()
            .any(|l| l["key"] == "gpu" && l["source"] == "admin" && l["targeting"] == true),
        "{shown}"
    );
    let table = cbctl_ok(&pki, &controller, &["agent", "get", "zeta"]);
    assert!(
        table.contains("SOURCE") && table.contains("admin"),
        "{table}"
    );
    let launched = launch_on_gpu_label(&pki, &controller);
    assert!(
        launched.status.success(),
        "{}",
        String::from_utf8_lossy(&launched.stderr)
    );
    let run = json(&String::from_utf8_lossy(&launched.stdout));
    assert_eq!(run["jobs"][0]["agent"], "zeta", "{run}");

    // Removed again, it is not selected.
    cbctl_ok(&pki, &controller, &["agent", "label", "zeta", "gpu-"]);
    assert!(!launch_on_gpu_label(&pki, &controller).status.success());
    drop(zeta);
    drop(controller);

    // A controller that trusts agents' own labels selects it by them.
    let trusting = ControllerProcess::start_with(
        dir.path(),
        &pki,
        ControllerOptions {
            name: Some("trusting".into()),
            extra: vec!["--trust-agent-labels".into()],
            ..Default::default()
        },
    );
    let zeta = AgentProcess::start(
        dir.path(),
        &pki,
        "zeta",
        &trusting,
        &["--label", "gpu=true", "--nvml-library", "/nonexistent.so"],
    );
    wait_agents_online(&pki, &trusting, &["zeta"], || zeta.process.log_text());
    let shown = agent(&pki, &trusting, "zeta");
    assert!(
        shown["label_sources"].as_array().is_some_and(|all| all
            .iter()
            .any(|l| l["key"] == "gpu" && l["targeting"] == true)),
        "{shown}"
    );
    let launched = launch_on_gpu_label(&pki, &trusting);
    assert!(
        launched.status.success(),
        "{}",
        String::from_utf8_lossy(&launched.stderr)
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_run_records_the_token_that_launched_it_and_the_note_stays_a_note() {
    let dir = temp_dir("launcher");
    let pki = Pki::init(&dir.path().join("certs"), &["eta"]);
    let controller = ControllerProcess::start(dir.path(), &pki);
    let eta = AgentProcess::start(
        dir.path(),
        &pki,
        "eta",
        &controller,
        &["--nvml-library", "/nonexistent.so"],
    );
    wait_agents_online(&pki, &controller, &["eta"], || eta.process.log_text());
    let created = json(&cbctl_ok(
        &pki,
        &controller,
        &[
            "token",
            "create",
            "nightly-ops",
            "--role",
            "operator",
            "-o",
            "json",
        ],
    ));
    let secret = created["secret"].as_str().expect("the secret").to_string();
    let token_file = dir.path().join("ops.token");
    std::fs::write(&token_file, &secret).expect("token file");

    let launched = cbctl_with_token_file(
        &pki,
        &controller,
        &token_file,
        &[
            "run",
            "launch",
            "--task",
            "gpu_report",
            "--agent",
            "eta",
            "--launched-by",
            "admin",
            "-o",
            "json",
        ],
    );
    assert!(
        launched.status.success(),
        "{}",
        String::from_utf8_lossy(&launched.stderr)
    );
    let run = json(&String::from_utf8_lossy(&launched.stdout));
    let run_id = run["id"].as_str().expect("run id").to_string();
    for shown in [
        run.clone(),
        json(&cbctl_ok(
            &pki,
            &controller,
            &["run", "get", &run_id, "-o", "json"],
        )),
        json(&cbctl_ok(&pki, &controller, &["run", "list", "-o", "json"]))[0].clone(),
    ] {
        assert_eq!(shown["launched_by_token"], "nightly-ops", "{shown}");
        assert_eq!(shown["launched_by_role"], "operator", "{shown}");
        assert_eq!(
            shown["launched_by"], "admin",
            "the note is kept as given: {shown}"
        );
    }
    let table = cbctl_ok(&pki, &controller, &["run", "get", &run_id]);
    assert!(
        table.contains("launched by token nightly-ops (operator)"),
        "{table}"
    );
    assert!(table.contains("launch note (unverified): admin"), "{table}");

    wait_for_run_status(&pki, &controller, &run_id, "succeeded");
    let report = cbctl_ok(&pki, &controller, &["run", "report", &run_id]);
    assert!(
        report.contains("**Launched by**: token `nightly-ops` (operator)"),
        "{report}"
    );
    assert!(
        report.contains("(from the client, unverified): admin"),
        "{report}"
    );

    let audit = json(&cbctl_ok(
        &pki,
        &controller,
        &["audit", "list", "--action", "run.launch", "-o", "json"],
    ));
    let entry = &audit[0];
    assert_eq!(entry["actor"], "token:nightly-ops", "{audit}");
    assert_eq!(entry["details"]["launched_by_role"], "operator", "{audit}");
    assert_eq!(entry["details"]["launched_by_note"], "admin", "{audit}");
}
