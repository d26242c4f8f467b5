//! A container's recent exits from the engine's `die` and `oom` events: when each happened, its
//! exit code and whether the OOM killer did it. Inspect only knows the last exit, and a restart
//! policy may have replaced it by the time it is asked (a crash loop's inspect can even read
//! "exit code 0" mid-restart); the engine's events keep each one.

use std::collections::HashMap;
use std::time::Duration;

use bollard::models::EventMessage;
use bollard::query_parameters::EventsOptions;
use cyberbrain_tasks::{ContainerCondition, ContainerExit};
use futures_util::StreamExt;

use super::{DockerHost, Error, engine};

/// The most events read for one container: the engine keeps only a few hundred anyway, and a
/// hostile or broken engine must not keep us reading.
const MAX_EVENTS: usize = 1024;

impl DockerHost {
    /// The container's recent exits, oldest first, at most one more than
    /// [`ContainerCondition::MAX_EXITS`] (the last ones: the extra one bounds the lines of the
    /// oldest kept), from the engine's `die` and `oom` events since `since_unix_seconds` (0:
    /// as far back as the engine keeps them) up to now. Reading stops at `timeout` with what it
    /// has. Empty when the engine kept no such event.
    #[tracing::instrument(name = "docker.events", level = "info", skip_all, err(Display))]
    pub async fn recent_exits(
        &self,
        container_id: &str,
        since_unix_seconds: u64,
        timeout: Duration,
    ) -> Result<Vec<ContainerExit>, Error> {
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        if since_unix_seconds > now {
            return Ok(Vec::new());
        }
        let filters = HashMap::from([
            ("type".to_string(), vec!["container".to_string()]),
            ("container".to_string(), vec![container_id.to_string()]),
            (
                "event".to_string(),
                vec!["die".to_string(), "oom".to_string()],
            ),
        ]);
        // With `until`, the engine sends the events it kept and ends the stream.
        let options = EventsOptions {
            since: (since_unix_seconds > 0).then(|| since_unix_seconds.to_string()),
            until: Some((now + 1).to_string()),
            filters: Some(filters),
        };
        let events = self.docker.events(Some(options)).take(MAX_EVENTS);
        futures_util::pin_mut!(events);
        let timer = tokio::time::sleep(timeout);
        tokio::pin!(timer);
        let mut read = Vec::new();
        loop {
            tokio::select! {
                biased;
                () = &mut timer => {
                    tracing::warn!(events = read.len(), "docker events: stopped at the deadline");
                    break;
                }
                next = events.next() => match next {
                    Some(Ok(event)) => read.push(event),
                    Some(Err(source)) => return Err(engine("read events")(source)),
                    None => break,
                },
            }
        }
        Ok(exits_from_events(read))
    }
}

/// The one exit inspect knows (the last), for when the engine's events told none; `None` when
/// the container never exited.
pub fn last_exit_from_inspect(condition: &ContainerCondition) -> Option<ContainerExit> {
    (condition.finished_at_unix_ms > 0).then(|| ContainerExit {
        at_unix_ms: condition.finished_at_unix_ms,
        exit_code: condition.exit_code,
        oom_killed: condition.oom_killed,
        last_templates: Vec::new(),
    })
}

/// The exits the `die` events tell, oldest first, the last [`ContainerCondition::MAX_EXITS`]
/// and one: the code
/// from the `exitCode` attribute, OOM-killed when an `oom` event came since the exit before it
/// (or the event says `oomKilled`).
pub(super) fn exits_from_events(events: Vec<EventMessage>) -> Vec<ContainerExit> {
    let mut events: Vec<(i64, EventMessage)> = events
        .into_iter()
        .filter_map(|e| {
            let nanos = e
                .time_nano
                .or_else(|| e.time.map(|s| s.saturating_mul(1_000_000_000)))?;
            Some((nanos, e))
        })
        .collect();
    events.sort_by_key(|(nanos, _)| *nanos);
    let mut exits = Vec::new();
    let mut oom_since_last_exit = false;
    for (nanos, event) in events {
        let attributes = event
            .actor
            .and_then(|actor| actor.attributes)
            .unwrap_or_default();
        match event.action.as_deref() {
            Some("oom") => oom_since_last_exit = true,
            Some("die") => {
                exits.push(ContainerExit {
                    at_unix_ms: nanos.div_euclid(1_000_000),
                    exit_code: attributes
                        .get("exitCode")
                        .and_then(|code| code.parse().ok()),
                    oom_killed: oom_since_last_exit
                        || attributes.get("oomKilled").is_some_and(|v| v == "true"),
                    last_templates: Vec::new(),
                });
                oom_since_last_exit = false;
            }
            _ => {}
        }
    }
    // One more than is kept: the lines of the oldest kept exit start after the one before it.
    let extra = exits
        .len()
        .saturating_sub(ContainerCondition::MAX_EXITS + 1);
    exits.drain(..extra);
    exits
}

#[cfg(test)]
mod tests {
    use bollard::models::EventActor;

    use super::*;

    fn event(action: &str, seconds: i64, attributes: &[(&str, &str)]) -> EventMessage {
        EventMessage {
            action: Some(action.to_string()),
            actor: Some(EventActor {
                id: Some("c".repeat(64)),
                attributes: Some(
                    attributes
                        .iter()
                        .map(|(k, v)| (k.to_string(), v.to_string()))
                        .collect(),
                ),
            }),
            time_nano: Some(seconds * 1_000_000_000 + 5_000_000),
            ..Default::default()
        }
    }

    #[test]
    fn each_die_is_an_exit_and_an_oom_before_it_marks_it() {
        let exits = exits_from_events(vec![
            event("die", 30, &[("exitCode", "137")]),
            event("die", 10, &[("exitCode", "3"), ("name", "crashy")]),
            event("oom", 29, &[]),
            event("die", 20, &[("exitCode", "not a number")]),
        ]);
        let seen: Vec<(i64, Option<i64>, bool)> = exits
            .iter()
            .map(|e| (e.at_unix_ms, e.exit_code, e.oom_killed))
            .collect();
        assert_eq!(
            seen,
            [
                (10_005, Some(3), false),
                (20_005, None, false),
                (30_005, Some(137), true)
            ]
        );
    }

    #[test]
    fn only_the_last_exits_are_kept() {
        let events = (0..40)
            .map(|i| event("die", i, &[("exitCode", "1")]))
            .collect();
        let exits = exits_from_events(events);
        assert_eq!(exits.len(), ContainerCondition::MAX_EXITS + 1);
        assert_eq!(exits[0].at_unix_ms, 34_005);
        assert_eq!(exits[5].at_unix_ms, 39_005);
    }
}
