//! Words for people: plurals, times as ages or with their zone, and field paths as flags.

use chrono::{DateTime, Local, Utc};

/// `1 job`, `2 jobs`; `noun` is the singular and takes an `s`.
pub fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// A time for a table: its age (`5m ago`, `in 2h`) in `table`, the absolute local time with its
/// zone (`2026-12-03 14:05:11 +01:00`) in `wide`. Empty when there is no time.
pub fn when(t: &Option<DateTime<Utc>>, wide: bool) -> String {
    match t {
        None => String::new(),
        Some(t) if wide => t
            .with_timezone(&Local)
            .format("%Y-%m-%d %H:%M:%S %:z")
            .to_string(),
        Some(t) => age(*t, Utc::now()),
    }
}

/// `t` relative to `now`: `just now`, `42s ago`, `5m ago`, `3h ago`, `2d ago`, or `in 5m` ahead.
pub fn age(t: DateTime<Utc>, now: DateTime<Utc>) -> String {
    let seconds = (now - t).num_seconds();
    let span = short_span(seconds.unsigned_abs());
    match seconds {
        -1..=1 => "just now".to_string(),
        s if s > 0 => format!("{span} ago"),
        _ => format!("in {span}"),
    }
}

/// A span of seconds in its largest whole unit: `42s`, `5m`, `3h`, `2d`.
pub fn short_span(seconds: u64) -> String {
    match seconds {
        s if s < 120 => format!("{s}s"),
        s if s < 2 * 3600 => format!("{}m", s / 60),
        s if s < 2 * 86_400 => format!("{}h", s / 3600),
        s => format!("{}d", s / 86_400),
    }
}

/// Seconds as typed in a flag: `1h`, `15m`, `90s`, `7d` (the largest unit that divides them),
/// `0` for zero.
pub fn duration(seconds: u64) -> String {
    match seconds {
        0 => "0".to_string(),
        s if s % 86_400 == 0 => format!("{}d", s / 86_400),
        s if s % 3600 == 0 => format!("{}h", s / 3600),
        s if s % 60 == 0 => format!("{}m", s / 60),
        s => format!("{s}s"),
    }
}

/// A span for a clock: `0:07`, `12:30`, `1:02:03`.
pub fn clock(seconds: u64) -> String {
    let (h, m, s) = (seconds / 3600, (seconds / 60) % 60, seconds % 60);
    if h > 0 {
        format!("{h}:{m:02}:{s:02}")
    } else {
        format!("{m}:{s:02}")
    }
}

/// An enum value as a flag spells it (`name-glob`, `partially-failed`), for tables; JSON keeps
/// the wire's `name_glob`. Flags take either spelling.
pub fn as_typed(value: &str) -> String {
    value.replace('_', "-")
}

/// Rewrites a server message that starts with a request field path (`target.agents.names: …`)
/// to name the flag that sets it (`--agent: …`). Other messages are returned unchanged.
pub fn flag_for_field(message: &str) -> String {
    let Some((path, rest)) = message.split_once(": ") else {
        return message.to_string();
    };
    let is_path = !path.is_empty()
        && path
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "_.[]".contains(c));
    if !is_path {
        return message.to_string();
    }
    let flag = flag_of(path);
    format!("{flag}: {rest}")
}

fn flag_of(path: &str) -> String {
    let path = path
        .strip_prefix("default_target")
        .map(|rest| format!("target{rest}"))
        .unwrap_or_else(|| path.to_string());
    if path.starts_with("target.agents") {
        return "--agent".into();
    }
    if path.starts_with("target.labels") || path.starts_with("target.match_labels") {
        return "--label".into();
    }
    if path == "target" {
        return "the target (--all, --agent or --label)".into();
    }
    if let Some(rest) = path.strip_prefix("tasks[") {
        let (index, field) = rest.split_once(']').unwrap_or((rest, ""));
        let n = index.parse::<usize>().map_or(0, |i| i + 1);
        let field = field.trim_start_matches('.');
        return if field.is_empty() {
            format!("--task #{n}")
        } else {
            format!("--task #{n} ({field})")
        };
    }
    match path.as_str() {
        "launched_by" => "--launched-by".into(),
        "description" => "--description".into(),
        "ttl_seconds" => "--ttl".into(),
        "since" => "--since".into(),
        "page_size" | "limit" => "--limit".into(),
        "directive_version" => "--version".into(),
        "directive_name" => "the directive".into(),
        "queue_timeout_seconds" => "--queue-timeout".into(),
        "require_online" => "--require-online".into(),
        "cron" => "--cron".into(),
        "time_zone" => "--tz".into(),
        "concurrency" => "--concurrency".into(),
        "starting_deadline_seconds" => "--starting-deadline".into(),
        "set" | "remove" => "the label changes (KEY=VALUE or KEY-)".into(),
        "filters.events" => "--event".into(),
        "filters.refs" => "--ref".into(),
        "filters.label_map" => "--label-map".into(),
        "filters.cool_down_seconds" => "--cool-down".into(),
        "filters" => "the filters (--event, --ref, --label-map, --cool-down)".into(),
        _ => path.replace('_', " "),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn launch_and_label_fields_name_their_flags() {
        assert_eq!(
            flag_for_field("queue_timeout_seconds: at most 7 days"),
            "--queue-timeout: at most 7 days"
        );
        assert_eq!(
            flag_for_field("require_online: 1 of the 2 selected agents not online: b"),
            "--require-online: 1 of the 2 selected agents not online: b"
        );
        assert!(flag_for_field("set: label values must be short").starts_with("the label changes"));
        assert!(flag_for_field("remove: at most 64 keys").starts_with("the label changes"));
    }

    #[test]
    fn plurals() {
        assert_eq!(count(1, "error"), "1 error");
        assert_eq!(count(0, "job"), "0 jobs");
        assert_eq!(count(9, "job"), "9 jobs");
    }

    #[test]
    fn ages_and_spans() {
        let now = Utc::now();
        assert_eq!(age(now, now), "just now");
        assert_eq!(age(now - chrono::Duration::minutes(5), now), "5m ago");
        assert_eq!(age(now - chrono::Duration::hours(30), now), "30h ago");
        assert_eq!(age(now - chrono::Duration::days(3), now), "3d ago");
        assert_eq!(age(now + chrono::Duration::minutes(15), now), "in 15m");
        assert_eq!(clock(7), "0:07");
        assert_eq!(clock(3723), "1:02:03");
        assert!(when(&Some(now), true).contains(':'));
        assert_eq!(when(&None, true), "");
    }

    #[test]
    fn field_paths_become_flags() {
        assert_eq!(
            flag_for_field("target.agents.names: must not be empty"),
            "--agent: must not be empty"
        );
        assert_eq!(
            flag_for_field("tasks[1].log_triage.tail_lines: too large"),
            "--task #2 (log_triage.tail_lines): too large"
        );
        assert_eq!(
            flag_for_field("run 1234 has no report yet: pending"),
            "run 1234 has no report yet: pending"
        );
    }
}
