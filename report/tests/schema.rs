//! The report's JSON Schema (`docs/report.schema.json`) against reports: the fixed one, an empty
//! one, and a partial one; and the schema refuses what the contract forbids.

mod fixture;

use serde_json::Value;

/// The schema's validator.
pub fn validator() -> jsonschema::Validator {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../docs/report.schema.json");
    let schema: Value =
        serde_json::from_str(&std::fs::read_to_string(path).expect("the schema file"))
            .expect("JSON");
    jsonschema::validator_for(&schema).expect("a valid schema")
}

fn errors(validator: &jsonschema::Validator, report: &Value) -> Vec<String> {
    validator
        .iter_errors(report)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect()
}

#[test]
fn real_reports_match_the_schema() {
    let validator = validator();
    let finished =
        cyberbrain_report::build_with_baseline(&fixture::snapshot(), Some(&fixture::baseline()));
    let (_, json) = cyberbrain_report::render_report(&finished).expect("renders");
    assert_eq!(errors(&validator, &json), Vec::<String>::new());
    let mut running = fixture::snapshot();
    running.run.status = cyberbrain_model::runs::RunStatus::Running;
    let (_, json) = cyberbrain_report::render(&running).expect("renders");
    assert_eq!(json["baseline"]["status"], "not_compared");
    assert_eq!(errors(&validator, &json), Vec::<String>::new());
}

#[test]
fn the_schema_refuses_what_the_contract_forbids() {
    let validator = validator();
    let (_, json) = cyberbrain_report::render(&fixture::snapshot()).expect("renders");
    let mut undocumented = json.clone();
    undocumented["surprise"] = Value::Bool(true);
    assert!(!errors(&validator, &undocumented).is_empty());
    let mut bad_kind = json.clone();
    bad_kind["attention"][0]["kind"] = "host_on_fire".into();
    assert!(!errors(&validator, &bad_kind).is_empty());
    let mut bad_ref = json.clone();
    bad_ref["attention"][0]["ref"] = "<script>".into();
    assert!(!errors(&validator, &bad_ref).is_empty());
    let mut bad_log_ref = json.clone();
    bad_log_ref["gpu_fleet"]["consumers"][0]["top"][0]["log_ref"] = "c1".into();
    assert!(!errors(&validator, &bad_log_ref).is_empty());
    let mut undocumented_exit_field = json.clone();
    undocumented_exit_field["incidents"][0]["exits"][0]["signal"] = 9.into();
    assert!(!errors(&validator, &undocumented_exit_field).is_empty());
    let mut too_many_exits = json;
    let exit = too_many_exits["incidents"][0]["exits"][0].clone();
    too_many_exits["incidents"][0]["exits"] = Value::Array(vec![exit; 6]);
    assert!(!errors(&validator, &too_many_exits).is_empty());
}

#[test]
fn refined_templates_and_refinement_counts_match_the_schema_and_show_in_markdown() {
    let validator = validator();
    let mut report =
        cyberbrain_report::build_with_baseline(&fixture::snapshot(), Some(&fixture::baseline()));
    let refined = "user <*> failed `checksum` | <b>";
    report.templates[0].refined_template = Some(refined.into());
    report.triage.refinement = Some(cyberbrain_report::triage::RefinementCounts {
        candidates: 3,
        cached: 1,
        asked: 2,
        refined: 1,
    });
    let (markdown, json) = cyberbrain_report::render_report(&report).expect("renders");
    assert_eq!(errors(&validator, &json), Vec::<String>::new());
    assert_eq!(json["templates"][0]["refined_template"], refined);
    assert!(json["templates"][1].get("refined_template").is_none());
    assert_eq!(json["triage"]["refinement"]["asked"], 2);
    assert!(
        markdown.contains("(refined: ``user <*> failed `checksum` \\| <b>``)"),
        "{markdown}"
    );
    assert!(markdown.contains("3 new error template(s), 1 from the cache, 2 asked"));
    let mut extra = json.clone();
    extra["triage"]["refinement"]["prompt"] = "text".into();
    assert!(!errors(&validator, &extra).is_empty());
    let mut empty = json;
    empty["templates"][0]["refined_template"] = "".into();
    assert!(!errors(&validator, &empty).is_empty());
}
