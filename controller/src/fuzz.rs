//! The functions the fuzz targets in `fuzz/` call, each taking untrusted bytes the way the
//! controller receives them. They panic only on a broken invariant, which is a bug. The corpora
//! in `fuzz/corpus/` run through them under plain `cargo test` (`controller/tests/fuzz_corpus.rs`).

use chrono::Utc;
use cyberbrain_proto::agent::v1 as link;
use cyberbrain_proto::v1 as pb;
use cyberbrain_tasks::{AllowRule, Allowlist, MatchKind, TaskResult, enforce_allowlist};
use prost::Message;

use crate::api::agent_link::{CheckedMessage, PeerIdentity, check_agent_message, check_hello};
use crate::api::directives::check_create_request;

/// An agent→controller message: protobuf decoding, the hello and message checks, the allowlist
/// filter, and the JSON form the store writes, which must read back as the same result.
pub fn agent_message(data: &[u8]) {
    let Ok(message) = link::AgentMessage::decode(data) else {
        return;
    };
    if let Some(link::agent_message::Message::Hello(hello)) = &message.message {
        let peer = PeerIdentity {
            name: "fuzz-agent".into(),
            serial: "01".into(),
            expires_at: Utc::now(),
        };
        let _ = check_hello(peer, hello.clone());
    }
    let Ok(checked) = check_agent_message(message) else {
        return;
    };
    let CheckedMessage::JobResult { outcome, .. } = checked else {
        return;
    };
    match outcome {
        Ok(mut result) => {
            let allowlist = Allowlist {
                rules: vec![AllowRule {
                    kind: MatchKind::NameGlob,
                    pattern: "web*".into(),
                }],
                local_limit: None,
            };
            enforce_allowlist(&mut result, &allowlist);
            // What the store writes: NULs (which jsonb refuses) replaced.
            let stored = cyberbrain_store::storable_json("job result", &result)
                .expect("a checked result serialises");
            assert!(
                !stored.to_string().contains("\\u0000"),
                "a NUL would be refused by jsonb"
            );
            let read_back: TaskResult =
                serde_json::from_value(stored.clone()).expect("a stored result reads back");
            let again = serde_json::to_value(&read_back).expect("a read result serialises");
            assert_eq!(again, stored, "the stored result reads back unchanged");
        }
        Err(error) => assert!(error.chars().count() <= 4096 + 100, "error text is bounded"),
    }
}

/// A `CreateDirective` request: protobuf decoding and validation; a valid spec's tasks survive
/// the trip to the wire and back unchanged.
pub fn directive(data: &[u8]) {
    let Ok(request) = pb::CreateDirectiveRequest::decode(data) else {
        return;
    };
    let Ok(spec) = check_create_request(request) else {
        return;
    };
    let wire: Vec<pb::TaskSpec> = spec.tasks.iter().map(pb::TaskSpec::from).collect();
    let again = cyberbrain_tasks::wire::task_specs_from_wire(wire)
        .expect("a validated task list validates again");
    assert_eq!(again, spec.tasks, "tasks round-trip through the wire");
}
