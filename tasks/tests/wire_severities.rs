//! Every severity the miner gives a template crosses the agent link as it is (issue #16: `FATAL`,
//! `PANIC`, `CRITICAL` and `EMERG` lines are `fatal`, above `error`, and stay so in the report).

use cyberbrain_proto::agent::v1 as link;
use cyberbrain_tasks::{ContainerLogDigest, LogTriageResult, Severity, TaskResult, TemplateCount};

/// Every variant, so that a new one fails to compile here until it is added to the wire too.
fn every_severity() -> Vec<Severity> {
    let all = [
        Severity::Fatal,
        Severity::Error,
        Severity::Warn,
        Severity::Info,
        Severity::Debug,
        Severity::Unknown,
    ];
    for s in all {
        match s {
            Severity::Fatal
            | Severity::Error
            | Severity::Warn
            | Severity::Info
            | Severity::Debug
            | Severity::Unknown => {}
        }
    }
    all.to_vec()
}

#[test]
fn every_severity_survives_the_wire() {
    let severities = every_severity();
    let result = TaskResult::LogTriage(LogTriageResult {
        containers: vec![ContainerLogDigest {
            name: "api".into(),
            templates: severities
                .iter()
                .map(|s| TemplateCount {
                    template: format!("{} line <*>", s.as_str()),
                    count: 1,
                    severity: *s,
                    examples: vec![],
                    first_seen_unix_ms: 0,
                    last_seen_unix_ms: 0,
                    novel: false,
                    burst: false,
                })
                .collect(),
            ..Default::default()
        }],
        skipped_containers: 0,
    });
    let wire = link::TaskResult::from(&result);
    let back = TaskResult::try_from(wire).expect("converts back");
    let TaskResult::LogTriage(back) = back else {
        panic!("a log triage result: {back:?}");
    };
    let got: Vec<Severity> = back.containers[0]
        .templates
        .iter()
        .map(|t| t.severity)
        .collect();
    assert_eq!(got, severities);
    // Fatal (the `critical` of other tools) stays the most severe, and an error.
    assert_eq!(got[0].as_str(), "fatal");
    assert!(got[0].is_error() && got[0].rank() < Severity::Error.rank());
}
