//! A container that prints terminal escape sequences (`ESC c` resets a terminal, `ESC [H ESC [J`
//! clears it, `ESC ] 0;title BEL` sets its title) through a real `log_triage` run: the agent's
//! miner removes the sequences before it mines a line (as it does colour codes), the rest of the
//! line stays, and the Markdown report, as the API returns it and as written to the artifacts,
//! holds no ESC or other control byte a terminal would obey.

use cyberbrain_proto::v1 as pb;
use cyberbrain_proto::v1::allowlist_service_client::AllowlistServiceClient;
use cyberbrain_proto::v1::run_service_client::RunServiceClient;
use cyberbrain_testkit::api::admin_channel;
use cyberbrain_testkit::docker::{Sandbox, wait_for_log_lines};
use cyberbrain_testkit::process::{AgentProcess, ControllerProcess, Pki};
use cyberbrain_testkit::{temp_dir, wait_for_async};

/// Each sequence on an error line, twice, so that the lines make templates with examples.
const SCRIPT: &str = r"for i in 1 2; do
  printf 'ERROR reset \033c now %s\n' $i
  printf 'ERROR clear \033[H\033[J screen %s\n' $i
  printf 'ERROR title \033]0;pwned\007 set %s\n' $i
  printf 'ERROR csi \302\2332J %s\n' $i
done
sleep 3600";

/// Whether `text` holds a byte a terminal acts on: C0 (but tab and newline), DEL or C1.
fn control_bytes(text: &str) -> Vec<char> {
    text.chars()
        .filter(|c| c.is_control() && !matches!(c, '\t' | '\n'))
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn escape_sequences_a_container_prints_never_reach_the_markdown_report() {
    let dir = temp_dir("escapes");
    let pki = Pki::init(&dir.path().join("certs"), &["esc"]);
    let mut docker = Sandbox::default();
    let noisy = docker.run("noisy", &[], SCRIPT);
    wait_for_log_lines(&noisy, 8);
    let raw = cyberbrain_testkit::docker::docker_cli(&["logs", &noisy]);
    assert!(raw.contains('\u{1b}'), "the container printed escapes");

    let controller = ControllerProcess::start(dir.path(), &pki);
    let channel = admin_channel(&controller, &pki.ca()).await;
    let _agent = AgentProcess::start(dir.path(), &pki, "esc", &controller, &[]);
    AllowlistServiceClient::new(channel.clone())
        .add_allowlist_entry(pb::AddAllowlistEntryRequest {
            kind: pb::MatchKind::Name as i32,
            pattern: noisy.clone(),
            ..Default::default()
        })
        .await
        .expect("allowlisted");
    let mut runs = RunServiceClient::new(channel);
    let launch = pb::LaunchRunRequest {
        source: Some(pb::launch_run_request::Source::Tasks(pb::TaskList {
            tasks: vec![pb::TaskSpec {
                task: Some(pb::task_spec::Task::LogTriage(pb::LogTriageTask {
                    tail_lines: 100,
                    ..Default::default()
                })),
                ..Default::default()
            }],
        })),
        target: Some(pb::TargetSelector {
            selector: Some(pb::target_selector::Selector::Agents(pb::AgentNames {
                names: vec!["esc".into()],
            })),
        }),
        launched_by: "escapes-test".into(),
        ..Default::default()
    };
    let run_id = wait_for_async("the agent to connect and take the run", || {
        let mut runs = runs.clone();
        let launch = launch.clone();
        async move {
            runs.launch_run(launch)
                .await
                .ok()
                .map(|r| r.into_inner().id)
        }
    })
    .await;
    let run = wait_for_async("the run to finish", || {
        let mut runs = runs.clone();
        let id = run_id.clone();
        async move {
            let run = runs
                .get_run(pb::GetRunRequest { id })
                .await
                .ok()?
                .into_inner();
            (run.status == pb::RunStatus::Succeeded as i32
                || run.status == pb::RunStatus::Failed as i32)
                .then_some(run)
        }
    })
    .await;
    assert_eq!(run.status, pb::RunStatus::Succeeded as i32, "{run:?}");
    let report = runs
        .get_run_report(pb::GetRunReportRequest {
            run_id: run_id.clone(),
        })
        .await
        .expect("the report")
        .into_inner();

    // The lines made it into the report without their sequences: neither obeyed nor shown.
    for words in ["reset", "clear", "title"] {
        assert!(report.markdown.contains(words), "{}", report.markdown);
    }
    for sequence in ["␛", "pwned", "[H"] {
        assert!(!report.markdown.contains(sequence), "{}", report.markdown);
    }
    assert_eq!(control_bytes(&report.markdown), Vec::<char>::new());
    let files = controller
        .state_dir
        .join("artifacts")
        .join("runs")
        .join(&run_id);
    let written = std::fs::read_to_string(files.join("report.md")).expect("report.md");
    assert_eq!(control_bytes(&written), Vec::<char>::new());
    // The JSON carries the lines as mined: no escape sequence, the words around them.
    assert_eq!(control_bytes(&report.json), Vec::<char>::new());
    assert!(!report.json.contains("\\u001b"), "{}", report.json);
    assert!(report.json.contains("screen"), "{}", report.json);
    let written = std::fs::read_to_string(files.join("report.json")).expect("report.json");
    assert_eq!(control_bytes(&written), Vec::<char>::new());
}
