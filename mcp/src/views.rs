//! API messages as JSON for an assistant, and hostile text made harmless.
//!
//! Messages are converted through their descriptors (the proto JSON mapping with the proto field
//! names: enum values by name, times as RFC 3339, default values left out), so every field the
//! API adds shows up without a hand-written view. Then every string, keys included, passes
//! [`neutralise_json`].

use std::sync::OnceLock;

use prost_reflect::{DescriptorPool, DynamicMessage, SerializeOptions};
use serde_json::Value;

use crate::error::{Error, Result};

fn pool() -> Option<&'static DescriptorPool> {
    static POOL: OnceLock<Option<DescriptorPool>> = OnceLock::new();
    POOL.get_or_init(|| DescriptorPool::decode(cyberbrain_proto::FILE_DESCRIPTOR_SET).ok())
        .as_ref()
}

/// `message` (of the proto type `full_name`, such as `cyberbrain.v1.Agent`) as neutralised JSON.
pub fn message_json<M: prost::Message>(message: &M, full_name: &'static str) -> Result<Value> {
    let descriptor = pool()
        .and_then(|pool| pool.get_message_by_name(full_name))
        .ok_or(Error::MissingDescriptor(full_name))?;
    let conversion = |reason: String| Error::Conversion {
        message: full_name,
        reason,
    };
    let dynamic = DynamicMessage::decode(descriptor, message.encode_to_vec().as_slice())
        .map_err(|e| conversion(e.to_string()))?;
    let options = SerializeOptions::new()
        .use_proto_field_name(true)
        .stringify_64_bit_integers(false);
    let value = dynamic
        .serialize_with_options(serde_json::value::Serializer, &options)
        .map_err(|e| conversion(e.to_string()))?;
    Ok(neutralise_json(value))
}

/// `value` with every string and object key passed through
/// [`cyberbrain_report::controls::neutralise`]: control characters other than tab and newline
/// shown as visible stand-ins, invisible ones (bidirectional overrides, zero-width characters)
/// by their code point. An assistant that shows an answer in a terminal or renders it is not
/// steered by bytes it cannot see.
pub fn neutralise_json(value: Value) -> Value {
    use cyberbrain_report::controls::neutralise;
    match value {
        Value::String(text) => Value::String(neutralise(&text).into_owned()),
        Value::Array(items) => Value::Array(items.into_iter().map(neutralise_json).collect()),
        Value::Object(map) => Value::Object(
            map.into_iter()
                .map(|(key, value)| (neutralise(&key).into_owned(), neutralise_json(value)))
                .collect(),
        ),
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use cyberbrain_proto::v1 as pb;

    #[test]
    fn messages_become_json_with_names_not_numbers() {
        let agent = pb::Agent {
            name: "web-1".into(),
            state: pb::AgentState::Online as i32,
            last_seen_at: Some(prost_types::Timestamp {
                seconds: 1_700_000_000,
                nanos: 0,
            }),
            ..Default::default()
        };
        let json = message_json(&agent, "cyberbrain.v1.Agent").expect("converts");
        assert_eq!(json["name"], "web-1");
        assert_eq!(json["state"], "AGENT_STATE_ONLINE");
        assert_eq!(json["last_seen_at"], "2023-11-14T22:13:20Z");
        assert!(json.get("hostname").is_none(), "defaults are left out");
    }

    #[test]
    fn hostile_strings_and_keys_are_made_visible() {
        let agent = pb::Agent {
            name: "evil\u{1b}]0;pwned\u{7}".into(),
            labels: [("k\u{202e}ey".to_string(), "v\u{0}".to_string())].into(),
            ..Default::default()
        };
        let json = message_json(&agent, "cyberbrain.v1.Agent").expect("converts");
        let text = json.to_string();
        assert!(
            !text.contains('\u{1b}') && !text.contains('\u{202e}'),
            "{text}"
        );
        assert!(text.contains("<U+202E>"), "{text}");
        assert_eq!(json["labels"]["k<U+202E>ey"], "v\u{2400}");
    }

    #[test]
    fn an_unknown_message_name_is_an_error_not_a_panic() {
        let error = message_json(&pb::Agent::default(), "cyberbrain.v1.Nope").unwrap_err();
        assert!(matches!(error, Error::MissingDescriptor(_)));
    }
}
