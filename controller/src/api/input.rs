//! The one input check at the edge. Every request of the API, and `Enroll`, `Renew` and the
//! `Hello` of the agent link, passes [`check`] before its handler reads a field.
//!
//! The check walks the message by reflection over the proto crate's descriptor set, so no text,
//! map or repeated field can be forgotten, however deeply nested: a new field is checked from the
//! day it is added. Every text refuses control characters (C0, DEL, C1: NUL, which PostgreSQL
//! cannot store, escape sequences a terminal would obey, line breaks), except the few fields
//! documented as free text, which may hold tab and newline; text that is not free text refuses
//! invisible characters too (bidirectional overrides, zero-width characters: Unicode's Cf, Zl,
//! Zp), and label keys are `[A-Za-z0-9._/-]`. Every text, map and repeated field has
//! a size limit. Errors name the field by its path in the request (`target.labels.match_labels`)
//! and never echo more of a value than a short, escaped prefix.
//!
//! The handlers' own checks (names, ids, task parameters) follow; they see only bounded, clean
//! text. Results an agent sends are hostile text by nature (container logs): they are not refused
//! here but stored safely (NUL replaced) and escaped wherever they are shown.

use std::collections::HashMap;
use std::sync::OnceLock;

use prost_reflect::{
    DescriptorPool, DynamicMessage, FieldDescriptor, Kind, MapKey, MessageDescriptor, Value,
};

use cyberbrain_report::controls::is_invisible;

use crate::error::Error;

/// The longest text by default (ids, names, patterns, filters, tokens).
pub const MAX_TEXT_BYTES: usize = 1024;
/// The longest free text (descriptions, error text).
pub const MAX_FREE_TEXT_BYTES: usize = 4096;
/// The longest PEM certificate request.
pub const MAX_PEM_BYTES: usize = 16 * 1024;
/// The longest label key and value (selectors, join tokens, an agent's labels).
pub const MAX_LABEL_KEY_BYTES: usize = cyberbrain_tasks::MAX_LABEL_KEY_BYTES;
/// See [`MAX_LABEL_KEY_BYTES`].
pub const MAX_LABEL_VALUE_BYTES: usize = 255;
/// The most entries of any map (labels, selectors).
pub const MAX_MAP_ENTRIES: usize = 64;
/// The most items of a repeated field: tasks per run or directive, statuses in a filter.
pub const MAX_REPEATED: usize = 256;
/// The most items of the repeated fields that count agents or their jobs.
pub const MAX_AGENT_ITEMS: usize = 4096;
/// The largest request of the services whose requests carry a task list and an agent list
/// (`RunService`, `DirectiveService`), as the listener decodes it. The largest legitimate one, 256
/// tasks with every field set and 4096 agent names of 63 bytes, is about 280 KB (measured by the
/// test `the_largest_legitimate_requests_fit_their_decode_limits`): a bit under four times that.
pub const MAX_TASKS_REQUEST_BYTES: usize = 1024 * 1024;
/// The largest request of every other API service (names, labels, filters, a page token): the
/// largest legitimate one is a few tens of KB (64 labels of 63 + 255 bytes, a 4 KiB
/// description). Kept small so that no request can make the server decode and check millions
/// of values before a limit refuses it.
pub const MAX_REQUEST_BYTES: usize = 256 * 1024;
/// How much of a refused value an error shows.
const SHOWN_CHARS: usize = 32;

/// What one text may hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct TextRule {
    max_bytes: usize,
    /// Free text: tab and newline allowed (no other control character).
    free: bool,
}

const PLAIN: TextRule = TextRule {
    max_bytes: MAX_TEXT_BYTES,
    free: false,
};

/// Every field named in [`text_rule`], [`is_label_map`] and [`max_items`]: a test checks that each
/// exists, so a renamed field cannot silently fall back to the default rule.
#[cfg(test)]
const NAMED_FIELDS: &[&str] = &[
    "cyberbrain.v1.CreateDirectiveRequest.description",
    "cyberbrain.v1.UpdateDirectiveRequest.description",
    "cyberbrain.v1.AddAllowlistEntryRequest.description",
    "cyberbrain.v1.UpdateAllowlistEntryRequest.description",
    "cyberbrain.agent.v1.Capabilities.docker_error",
    "cyberbrain.agent.v1.EnrollRequest.csr_pem",
    "cyberbrain.agent.v1.RenewRequest.csr_pem",
    "cyberbrain.v1.LaunchRunRequest.launched_by",
    "cyberbrain.agent.v1.Hello.hostname",
    "cyberbrain.agent.v1.Hello.version",
    "cyberbrain.agent.v1.Capabilities.driver_version",
    "cyberbrain.agent.v1.EnrollRequest.hostname",
    "cyberbrain.v1.SetAgentLabelsRequest.set",
    "cyberbrain.v1.AgentNames.names",
    "cyberbrain.agent.v1.Hello.in_flight",
];

/// The rule for a text field, by its full proto name. Only the fields listed are free text;
/// everything else is plain, so a new field is strict until someone decides otherwise.
fn text_rule(field: &FieldDescriptor) -> TextRule {
    let free = |max_bytes| TextRule {
        max_bytes,
        free: true,
    };
    match field.full_name() {
        "cyberbrain.v1.CreateDirectiveRequest.description"
        | "cyberbrain.v1.UpdateDirectiveRequest.description"
        | "cyberbrain.v1.AddAllowlistEntryRequest.description"
        | "cyberbrain.v1.UpdateAllowlistEntryRequest.description"
        | "cyberbrain.agent.v1.Capabilities.docker_error" => free(MAX_FREE_TEXT_BYTES),
        "cyberbrain.agent.v1.EnrollRequest.csr_pem"
        | "cyberbrain.agent.v1.RenewRequest.csr_pem" => free(MAX_PEM_BYTES),
        "cyberbrain.v1.LaunchRunRequest.launched_by" => TextRule {
            max_bytes: 256,
            free: false,
        },
        "cyberbrain.agent.v1.Hello.hostname"
        | "cyberbrain.agent.v1.Hello.version"
        | "cyberbrain.agent.v1.Capabilities.driver_version"
        | "cyberbrain.agent.v1.EnrollRequest.hostname" => TextRule {
            max_bytes: 255,
            free: false,
        },
        _ => PLAIN,
    }
}

/// Maps of labels: short keys and values.
fn is_label_map(field: &FieldDescriptor) -> bool {
    matches!(field.name(), "labels" | "match_labels")
        || field.full_name() == "cyberbrain.v1.SetAgentLabelsRequest.set"
}

/// The most items a repeated field may hold: 256 tasks per run or directive.
fn max_items(field: &FieldDescriptor) -> usize {
    match field.full_name() {
        "cyberbrain.v1.AgentNames.names" | "cyberbrain.agent.v1.Hello.in_flight" => MAX_AGENT_ITEMS,
        _ => MAX_REPEATED,
    }
}

/// The descriptors of every Cyberbrain proto, decoded once.
fn pool() -> Result<&'static DescriptorPool, Error> {
    static POOL: OnceLock<Result<DescriptorPool, String>> = OnceLock::new();
    POOL.get_or_init(|| {
        DescriptorPool::decode(cyberbrain_proto::FILE_DESCRIPTOR_SET).map_err(|e| e.to_string())
    })
    .as_ref()
    .map_err(|reason| Error::Internal(format!("the descriptor set does not decode: {reason}")))
}

/// Checks every field of `message`: text free of control characters, sizes within their
/// limits. The error names the first field at fault.
pub fn check<M: prost::Message + prost::Name>(message: &M) -> Result<(), Error> {
    let name = M::full_name();
    let descriptor = pool()?
        .get_message_by_name(&name)
        .ok_or_else(|| Error::Internal(format!("the descriptor set has no message {name}")))?;
    // The message came off the wire typed; its encoding decodes again, by reflection. The
    // counts of repeated and map fields are checked on the bytes first, so that a request of
    // millions of packed numbers is refused before a reflection value is made for each.
    let bytes = message.encode_to_vec();
    check_counts(&descriptor, &bytes, "", 0)?;
    let dynamic = DynamicMessage::decode(descriptor, bytes.as_slice()).map_err(|e| {
        Error::Internal(format!(
            "a {name} prost encoded does not decode by reflection: {e}"
        ))
    })?;
    check_message(&dynamic, "")
}

/// The deepest nesting [`check_counts`] follows (prost itself refuses deeper than 100).
const MAX_DEPTH: usize = 32;

/// Counts the items of every repeated and map field in the encoded `bytes` of a `descriptor`
/// message, nested ones too, without decoding a value: the first field over its limit is
/// refused with the same error [`check_message`] gives. What is not well-formed is left to the
/// decoding that follows.
fn check_counts(
    descriptor: &MessageDescriptor,
    mut bytes: &[u8],
    parent: &str,
    depth: usize,
) -> Result<(), Error> {
    use prost::encoding::{WireType, decode_key, decode_varint};
    if depth > MAX_DEPTH {
        return Ok(());
    }
    let mut counts: HashMap<u32, usize> = HashMap::new();
    while !bytes.is_empty() {
        let Ok((number, wire_type)) = decode_key(&mut bytes) else {
            return Ok(());
        };
        let field = descriptor.get_field(number);
        let (items, body) = match wire_type {
            WireType::Varint => {
                if decode_varint(&mut bytes).is_err() {
                    return Ok(());
                }
                (1, None)
            }
            WireType::SixtyFourBit | WireType::ThirtyTwoBit => {
                let size = if wire_type == WireType::SixtyFourBit {
                    8
                } else {
                    4
                };
                let Some(rest) = bytes.get(size..) else {
                    return Ok(());
                };
                bytes = rest;
                (1, None)
            }
            WireType::LengthDelimited => {
                let Some(len) = decode_varint(&mut bytes)
                    .ok()
                    .and_then(|len| usize::try_from(len).ok())
                    .filter(|len| *len <= bytes.len())
                else {
                    return Ok(());
                };
                let (body, rest) = bytes.split_at(len);
                bytes = rest;
                let packed = field.as_ref().and_then(|f| packed_items(f, body));
                (packed.unwrap_or(1), Some(body))
            }
            WireType::StartGroup | WireType::EndGroup => return Ok(()),
        };
        let Some(field) = field else { continue };
        let path = join(parent, field.name());
        let mut item_path = path.clone();
        if field.is_list() || field.is_map() {
            let count = counts.entry(number).or_default();
            *count += items;
            let max = if field.is_map() {
                MAX_MAP_ENTRIES
            } else {
                max_items(&field)
            };
            if *count > max {
                let unit = if field.is_map() { "entries" } else { "items" };
                // Counted to the end, so the error says how many the request held.
                let total = *count + remaining(descriptor, number, bytes);
                return Err(Error::invalid(
                    path,
                    format!("at most {max} {unit} (got {total})"),
                ));
            }
            if field.is_list() {
                item_path = format!("{path}[{}]", *count - 1);
            }
        }
        if let (Kind::Message(inner), Some(body)) = (field.kind(), body) {
            check_counts(&inner, body, &item_path, depth + 1)?;
        }
    }
    Ok(())
}

/// How many elements a packed repeated scalar's `body` holds; `None` when the field is not one.
fn packed_items(field: &FieldDescriptor, body: &[u8]) -> Option<usize> {
    if !field.is_list() {
        return None;
    }
    match field.kind() {
        Kind::Message(_) | Kind::String | Kind::Bytes => None,
        Kind::Double | Kind::Fixed64 | Kind::Sfixed64 => Some(body.len() / 8),
        Kind::Float | Kind::Fixed32 | Kind::Sfixed32 => Some(body.len() / 4),
        // Varints: one ends at each byte without its high bit.
        _ => Some(body.iter().filter(|b| **b < 0x80).count()),
    }
}

/// How many more items of field `number` the rest of a message holds (for the error only).
fn remaining(descriptor: &MessageDescriptor, number: u32, mut bytes: &[u8]) -> usize {
    use prost::encoding::{WireType, decode_key, decode_varint};
    let field = descriptor.get_field(number);
    let mut total = 0;
    while let Ok((n, wire_type)) = decode_key(&mut bytes) {
        let skip = match wire_type {
            WireType::Varint => match decode_varint(&mut bytes) {
                Ok(_) => 0,
                Err(_) => break,
            },
            WireType::SixtyFourBit => 8,
            WireType::ThirtyTwoBit => 4,
            WireType::LengthDelimited => match decode_varint(&mut bytes)
                .ok()
                .and_then(|len| usize::try_from(len).ok())
            {
                Some(len) => len,
                None => break,
            },
            WireType::StartGroup | WireType::EndGroup => break,
        };
        let Some(body) = bytes.get(..skip) else { break };
        if n == number {
            let packed = if wire_type == WireType::LengthDelimited {
                field.as_ref().and_then(|f| packed_items(f, body))
            } else {
                None
            };
            total += packed.unwrap_or(1);
        }
        bytes = &bytes[skip..];
    }
    total
}

fn join(parent: &str, name: &str) -> String {
    if parent.is_empty() {
        name.to_string()
    } else {
        format!("{parent}.{name}")
    }
}

fn check_message(message: &DynamicMessage, parent: &str) -> Result<(), Error> {
    for (field, value) in message.fields() {
        let path = join(parent, field.name());
        match value {
            Value::List(items) => {
                let max = max_items(&field);
                if items.len() > max {
                    return Err(Error::invalid(
                        path,
                        format!("at most {max} items (got {})", items.len()),
                    ));
                }
                for (i, item) in items.iter().enumerate() {
                    check_value(&format!("{path}[{i}]"), item, text_rule(&field))?;
                }
            }
            Value::Map(entries) => check_map(&field, &path, entries)?,
            value => check_value(&path, value, text_rule(&field))?,
        }
    }
    Ok(())
}

fn check_map(
    field: &FieldDescriptor,
    path: &str,
    entries: &HashMap<MapKey, Value>,
) -> Result<(), Error> {
    if entries.len() > MAX_MAP_ENTRIES {
        return Err(Error::invalid(
            path,
            format!("at most {MAX_MAP_ENTRIES} entries (got {})", entries.len()),
        ));
    }
    let (key_rule, value_rule) = if is_label_map(field) {
        let rule = |max_bytes| TextRule {
            max_bytes,
            free: false,
        };
        (rule(MAX_LABEL_KEY_BYTES), rule(MAX_LABEL_VALUE_BYTES))
    } else {
        (PLAIN, PLAIN)
    };
    // In key order, so the same request always names the same entry.
    let mut entries: Vec<_> = entries.iter().collect();
    entries.sort_by(|a, b| a.0.cmp(b.0));
    for (key, value) in entries {
        if let MapKey::String(key) = key {
            if key.is_empty() {
                return Err(Error::invalid(path, "a key is empty"));
            }
            check_text(&format!("{path} key"), key, key_rule)?;
            if is_label_map(field) && !cyberbrain_tasks::is_label_key(key) {
                return Err(Error::invalid(
                    format!("{path} key"),
                    format!(
                        "{} is not a label key: 1-63 letters, digits, '.', '_', '/' or '-'",
                        shown(key)
                    ),
                ));
            }
            let entry = format!("{path}[{}]", shown(key));
            match value {
                Value::Message(m) => check_message(m, &entry)?,
                Value::String(text) => check_text(&entry, text, value_rule)?,
                _ => {}
            }
        } else if let Value::Message(m) = value {
            check_message(m, path)?;
        }
    }
    Ok(())
}

fn check_value(path: &str, value: &Value, rule: TextRule) -> Result<(), Error> {
    match value {
        Value::String(text) => check_text(path, text, rule),
        Value::Message(m) => check_message(m, path),
        _ => Ok(()),
    }
}

fn check_text(field: &str, text: &str, rule: TextRule) -> Result<(), Error> {
    if text.len() > rule.max_bytes {
        return Err(Error::invalid(
            field,
            format!("at most {} bytes (got {})", rule.max_bytes, text.len()),
        ));
    }
    if let Some((at, c)) = text
        .char_indices()
        .find(|&(_, c)| c.is_control() && !(rule.free && matches!(c, '\t' | '\n')))
    {
        return Err(Error::invalid(
            field,
            format!(
                "contains a control character (U+{:04X} at byte {at})",
                u32::from(c)
            ),
        ));
    }
    // Invisible characters that change how a line reads (a bidirectional override makes
    // `admin\u{202E}txt.exe` show as `adminexe.txt`) have no place in a name or a label. Free text
    // may hold them (a description in a right-to-left language); it is shown neutralised.
    if !rule.free
        && let Some((at, c)) = text.char_indices().find(|&(_, c)| is_invisible(c))
    {
        return Err(Error::invalid(
            field,
            format!(
                "contains an invisible character (U+{:04X} at byte {at})",
                u32::from(c)
            ),
        ));
    }
    Ok(())
}

/// A value as an error may show it: quoted and escaped, cut to a short prefix.
pub fn shown(value: &str) -> String {
    let prefix: String = value.chars().take(SHOWN_CHARS).collect();
    let cut = if prefix.len() < value.len() {
        "…"
    } else {
        ""
    };
    format!("{prefix:?}{cut}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use cyberbrain_proto::agent::v1 as link;
    use cyberbrain_proto::v1 as pb;
    use prost::Message;

    fn message(error: Error) -> String {
        tonic::Status::from(error).message().to_string()
    }

    fn selector(labels: Vec<(String, String)>) -> pb::LaunchRunRequest {
        pb::LaunchRunRequest {
            target: Some(pb::TargetSelector {
                selector: Some(pb::target_selector::Selector::Labels(pb::LabelSelector {
                    match_labels: labels.into_iter().collect(),
                })),
            }),
            ..Default::default()
        }
    }

    #[test]
    fn control_characters_are_refused_by_field_path() {
        let launch = pb::LaunchRunRequest {
            launched_by: "ci\0".into(),
            ..Default::default()
        };
        let refused = message(check(&launch).unwrap_err());
        assert_eq!(
            refused,
            "invalid launched_by: contains a control character (U+0000 at byte 2)"
        );
        let nested = selector(vec![("zone".into(), "a\u{1b}[2J".into())]);
        let refused = message(check(&nested).unwrap_err());
        assert!(
            refused.starts_with("invalid target.labels.match_labels[\"zone\"]: "),
            "{refused}"
        );
        let key = selector(vec![("z\u{9b}".into(), "a".into())]);
        assert!(message(check(&key).unwrap_err()).contains("target.labels.match_labels key"));
        let in_flight = link::Hello {
            in_flight: vec![link::JobRef {
                job_id: "\u{7f}".into(),
                attempt: 1,
            }],
            ..Default::default()
        };
        assert!(message(check(&in_flight).unwrap_err()).contains("in_flight[0].job_id"));
    }

    #[test]
    fn invisible_characters_and_odd_label_keys_are_refused_in_plain_fields() {
        for invisible in [
            '\u{202E}', '\u{2066}', '\u{200B}', '\u{FEFF}', '\u{2028}', '\u{2029}',
        ] {
            let launch = pb::LaunchRunRequest {
                launched_by: format!("ci{invisible}x"),
                ..Default::default()
            };
            let refused = message(check(&launch).unwrap_err());
            assert_eq!(
                refused,
                format!(
                    "invalid launched_by: contains an invisible character (U+{:04X} at byte 2)",
                    u32::from(invisible)
                )
            );
        }
        let value = selector(vec![("zone".into(), "a\u{200D}".into())]);
        assert!(message(check(&value).unwrap_err()).contains("invisible"));
        let key = selector(vec![("zo ne".into(), "a".into())]);
        let refused = message(check(&key).unwrap_err());
        assert!(
            refused.starts_with(
                "invalid target.labels.match_labels key: \"zo ne\" is not a label key"
            ),
            "{refused}"
        );
        let fine = selector(vec![("example.com/rack-2_a".into(), "é中✓".into())]);
        assert!(check(&fine).is_ok());
        // Free text may hold them (right-to-left text needs its marks); it is shown neutralised.
        let add = pb::AddAllowlistEntryRequest {
            description: "\u{200F}שלום".into(),
            ..Default::default()
        };
        assert!(check(&add).is_ok());
    }

    #[test]
    fn free_text_may_hold_tab_and_newline_but_no_escape() {
        let mut add = pb::AddAllowlistEntryRequest {
            description: "line one\n\tline two".into(),
            ..Default::default()
        };
        assert!(check(&add).is_ok());
        add.description = "\u{1b}]0;title\u{7}".into();
        assert!(message(check(&add).unwrap_err()).contains("description"));
        let launch = pb::LaunchRunRequest {
            launched_by: "a\nb".into(),
            ..Default::default()
        };
        assert!(check(&launch).is_err(), "launched_by is not free text");
    }

    #[test]
    fn sizes_are_bounded_and_errors_stay_short() {
        let huge_value = selector(vec![("zone".into(), "v".repeat(1 << 20))]);
        let refused = message(check(&huge_value).unwrap_err());
        assert!(refused.len() < 200, "{refused}");
        assert!(refused.contains("at most 255 bytes"), "{refused}");
        let many = selector((0..10_000).map(|i| (format!("k{i}"), "v".into())).collect());
        let refused = message(check(&many).unwrap_err());
        assert!(refused.len() < 200, "{refused}");
        assert!(refused.contains("target.labels.match_labels"), "{refused}");
        let huge_key = selector(vec![("k".repeat(100_000), "v".into())]);
        assert!(message(check(&huge_key).unwrap_err()).len() < 200);
        let tasks = pb::LaunchRunRequest {
            source: Some(pb::launch_run_request::Source::Tasks(pb::TaskList {
                tasks: vec![pb::TaskSpec::default(); 40_000],
            })),
            ..Default::default()
        };
        let refused = message(check(&tasks).unwrap_err());
        assert_eq!(
            refused,
            "invalid tasks.tasks: at most 256 items (got 40000)"
        );
    }

    #[test]
    fn every_field_named_in_a_rule_exists() {
        let pool = pool().expect("descriptors");
        let fields: std::collections::HashSet<String> = pool
            .all_messages()
            .flat_map(|m| {
                m.fields()
                    .map(|f| f.full_name().to_string())
                    .collect::<Vec<_>>()
            })
            .collect();
        for name in NAMED_FIELDS {
            assert!(fields.contains(*name), "{name} is not a field");
        }
        // And the list is complete: every name quoted in this file's rules is in it.
        let source = include_str!("input.rs");
        let rules = &source[..source.find("#[cfg(test)]\nmod tests").expect("tests")];
        for quoted in rules.split('"').skip(1).step_by(2) {
            if quoted.starts_with("cyberbrain.") {
                assert!(
                    NAMED_FIELDS.contains(&quoted),
                    "{quoted} missing from NAMED_FIELDS"
                );
            }
        }
    }

    #[test]
    fn the_largest_legitimate_requests_fit_their_decode_limits() {
        let task = pb::TaskSpec {
            task: Some(pb::task_spec::Task::LogTriage(pb::LogTriageTask {
                tail_lines: u32::MAX,
                since_seconds: u64::MAX,
                top_messages: u32::MAX,
            })),
            max_attempts: u32::MAX,
            deadline_seconds: u32::MAX,
        };
        let target = pb::TargetSelector {
            selector: Some(pb::target_selector::Selector::Agents(pb::AgentNames {
                names: (0..MAX_AGENT_ITEMS).map(|i| format!("{i:a>63}")).collect(),
            })),
        };
        let launch = pb::LaunchRunRequest {
            source: Some(pb::launch_run_request::Source::Tasks(pb::TaskList {
                tasks: vec![task.clone(); MAX_REPEATED],
            })),
            target: Some(target.clone()),
            launched_by: "l".repeat(256),
            queue_timeout_seconds: u32::MAX,
            require_online: true,
            ..Default::default()
        };
        check(&launch).expect("the largest launch passes the input check");
        let directive = pb::CreateDirectiveRequest {
            name: "n".repeat(63),
            description: "d".repeat(MAX_FREE_TEXT_BYTES),
            tasks: vec![task; MAX_REPEATED],
            default_target: Some(target),
            llm: Some(true),
            queue_timeout_seconds: Some(u32::MAX),
        };
        check(&directive).expect("the largest directive passes the input check");
        for size in [launch.encoded_len(), directive.encoded_len()] {
            assert!(size > 250_000 && size < 300_000, "{size} bytes");
            assert!(size * 3 < MAX_TASKS_REQUEST_BYTES, "{size} bytes");
        }
        let labels: std::collections::HashMap<String, String> = (0..MAX_MAP_ENTRIES)
            .map(|i| (format!("{i:k>63}"), "v".repeat(MAX_LABEL_VALUE_BYTES)))
            .collect();
        let join_token = pb::CreateJoinTokenRequest {
            labels,
            ..Default::default()
        };
        check(&join_token).expect("64 full labels pass the input check");
        assert!(join_token.encoded_len() * 8 < MAX_REQUEST_BYTES);
    }

    #[test]
    fn counts_are_refused_before_reflection_values_are_made() {
        // 1 MiB of packed statuses: a million values.
        let list = pb::ListRunsRequest {
            status: vec![1; MAX_TASKS_REQUEST_BYTES],
            ..Default::default()
        };
        let started = std::time::Instant::now();
        let refused = message(check(&list).unwrap_err());
        assert_eq!(refused, "invalid status: at most 256 items (got 1048576)");
        // Building a million reflection values takes seconds in a debug build; counting, not.
        assert!(started.elapsed() < std::time::Duration::from_millis(500));
        let hello = link::AgentMessage {
            message: Some(link::agent_message::Message::Hello(link::Hello {
                in_flight: vec![link::JobRef::default(); MAX_AGENT_ITEMS + 1],
                ..Default::default()
            })),
        };
        assert_eq!(
            message(check(&hello).unwrap_err()),
            "invalid hello.in_flight: at most 4096 items (got 4097)"
        );
        let fine = pb::ListRunsRequest {
            status: vec![1, 2, 3],
            ..Default::default()
        };
        assert!(check(&fine).is_ok());
    }
}
