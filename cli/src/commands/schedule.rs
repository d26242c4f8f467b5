//! `cbctl schedule create|list|get|pause|resume|delete|next`.

use chrono::{DateTime, Utc};
use cyberbrain_proto::v1 as pb;
use cyberbrain_proto::v1::schedule_service_client::ScheduleServiceClient;
use serde::Serialize;
use std::collections::BTreeMap;

use super::Context;
use crate::output::{self, Format, time, words};

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum Concurrency {
    /// Launch even when an earlier fire's run is unfinished.
    Allow,
    /// Skip a fire while an earlier fire's run is unfinished.
    Forbid,
    /// Cancel an earlier fire's unfinished run, then launch.
    Replace,
}

#[derive(Debug, clap::Subcommand)]
pub enum Verb {
    /// Launch a directive by itself at the times of a cron pattern.
    Create {
        /// The schedule's name (a-z, 0-9, '-', '_').
        name: String,
        /// The directive to launch (its latest version at each fire).
        #[arg(long)]
        directive: String,
        /// Five fields (`0 3 * * *`), six with seconds first, or `@hourly`, `@daily`, `@weekly`.
        #[arg(long)]
        cron: String,
        /// IANA time zone the pattern is read in [default: UTC].
        #[arg(long, value_name = "ZONE")]
        tz: Option<String>,
        /// What a fire does while an earlier fire's run is unfinished.
        #[arg(long, value_enum, default_value_t = Concurrency::Allow)]
        concurrency: Concurrency,
        /// Skip a fire that could not start within this time of its fire time (after downtime,
        /// say): 90s, 10m, 1h [default: none].
        #[arg(long, value_name = "DURATION", value_parser = crate::durations::parse_duration)]
        starting_deadline: Option<u64>,
    },
    /// List schedules with their next fire times.
    List,
    /// Show one schedule, with how many fire times launched a run and how many were skipped.
    Get {
        /// The schedule's name.
        name: String,
    },
    /// Stop firing until resumed.
    Pause {
        /// The schedule's name.
        name: String,
    },
    /// Fire again, from the next fire time after now (the times missed while paused are not
    /// caught up).
    Resume {
        /// The schedule's name.
        name: String,
    },
    /// Delete a schedule (its runs stay).
    Delete {
        /// The schedule's name.
        name: String,
        #[command(flatten)]
        yes: crate::confirm::Yes,
    },
    /// Preview the next fire times (nothing is launched).
    Next {
        /// The schedule's name.
        name: String,
        /// How many fire times (at most 100).
        #[arg(long, default_value_t = 5, value_parser = clap::value_parser!(u32).range(1..=100))]
        count: u32,
    },
}

/// A schedule as `cbctl` prints it (JSON and YAML keys).
#[derive(Debug, Serialize)]
struct ScheduleView {
    name: String,
    directive: String,
    cron: String,
    time_zone: String,
    concurrency: String,
    starting_deadline_seconds: Option<u32>,
    paused: bool,
    next_fire_at: Option<DateTime<Utc>>,
    last_fired_at: Option<DateTime<Utc>>,
    dst_policy: String,
    created_by: String,
    created_at: Option<DateTime<Utc>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    fires: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    skips: Option<BTreeMap<String, u64>>,
    id: String,
}

fn concurrency_name(value: i32) -> String {
    match pb::ConcurrencyPolicy::try_from(value) {
        Ok(pb::ConcurrencyPolicy::Forbid) => "forbid",
        Ok(pb::ConcurrencyPolicy::Replace) => "replace",
        _ => "allow",
    }
    .to_string()
}

impl ScheduleView {
    fn new(s: &pb::Schedule, with_counts: bool) -> Self {
        ScheduleView {
            name: s.name.clone(),
            directive: s.directive_name.clone(),
            cron: s.cron.clone(),
            time_zone: s.time_zone.clone(),
            concurrency: concurrency_name(s.concurrency),
            starting_deadline_seconds: (s.starting_deadline_seconds > 0)
                .then_some(s.starting_deadline_seconds),
            paused: s.paused,
            next_fire_at: time(&s.next_fire_at),
            last_fired_at: time(&s.last_fired_at),
            dst_policy: s.dst_policy.clone(),
            created_by: s.created_by.clone(),
            created_at: time(&s.created_at),
            fires: with_counts.then_some(s.fires),
            skips: with_counts.then(|| s.skips.clone().into_iter().collect()),
            id: s.id.clone(),
        }
    }
}

/// A time in the schedule's zone and in UTC: `2026-03-29 03:00 CEST (01:00Z)`.
fn local(t: &Option<DateTime<Utc>>, zone: &str) -> String {
    let Some(t) = t else {
        return "-".into();
    };
    match zone.parse::<chrono_tz::Tz>() {
        Ok(tz) if tz != chrono_tz::UTC => format!(
            "{} ({}Z)",
            t.with_timezone(&tz).format("%Y-%m-%d %H:%M:%S %Z"),
            t.format("%H:%M:%S")
        ),
        _ => t.format("%Y-%m-%d %H:%M:%SZ").to_string(),
    }
}

pub async fn run(ctx: &Context, verb: Verb) -> anyhow::Result<()> {
    let format = ctx.read_format()?;
    let mut client = ScheduleServiceClient::new(ctx.server.connect().await?);
    let (schedules, single, with_counts) = match verb {
        Verb::Create {
            name,
            directive,
            cron,
            tz,
            concurrency,
            starting_deadline,
        } => {
            let concurrency = match concurrency {
                Concurrency::Allow => pb::ConcurrencyPolicy::Allow,
                Concurrency::Forbid => pb::ConcurrencyPolicy::Forbid,
                Concurrency::Replace => pb::ConcurrencyPolicy::Replace,
            };
            let request = pb::CreateScheduleRequest {
                name,
                directive_name: directive,
                cron,
                time_zone: tz.unwrap_or_default(),
                concurrency: concurrency as i32,
                starting_deadline_seconds: starting_deadline
                    .map_or(0, |s| u32::try_from(s).unwrap_or(u32::MAX)),
            };
            (
                vec![client.create_schedule(request).await?.into_inner()],
                true,
                false,
            )
        }
        Verb::List => (
            client
                .list_schedules(pb::ListSchedulesRequest {})
                .await?
                .into_inner()
                .schedules,
            false,
            false,
        ),
        Verb::Get { name } => (
            vec![
                client
                    .get_schedule(pb::GetScheduleRequest { name })
                    .await?
                    .into_inner(),
            ],
            true,
            true,
        ),
        Verb::Pause { name } => (
            vec![
                client
                    .pause_schedule(pb::PauseScheduleRequest { name })
                    .await?
                    .into_inner(),
            ],
            true,
            false,
        ),
        Verb::Resume { name } => (
            vec![
                client
                    .resume_schedule(pb::ResumeScheduleRequest { name })
                    .await?
                    .into_inner(),
            ],
            true,
            false,
        ),
        Verb::Delete { name, yes } => {
            crate::confirm::confirm(yes, &format!("Delete schedule {name}?"))?;
            client
                .delete_schedule(pb::DeleteScheduleRequest { name: name.clone() })
                .await?;
            crate::noteln!("deleted schedule {name}");
            return Ok(());
        }
        Verb::Next { name, count } => {
            let preview = client
                .preview_schedule(pb::PreviewScheduleRequest { name, count })
                .await?
                .into_inner();
            return print_next(format, &preview);
        }
    };
    let views: Vec<ScheduleView> = schedules
        .iter()
        .map(|s| ScheduleView::new(s, with_counts))
        .collect();
    let wide = format == Format::Wide;
    let rows = views
        .iter()
        .map(|v| {
            let mut row = vec![
                v.name.clone(),
                v.directive.clone(),
                v.cron.clone(),
                v.time_zone.clone(),
                v.concurrency.clone(),
                if v.paused { "paused" } else { "active" }.to_string(),
                if v.paused {
                    "-".into()
                } else {
                    local(&v.next_fire_at, &v.time_zone)
                },
                words::when(&v.last_fired_at, wide),
            ];
            if wide || with_counts {
                row.push(
                    v.starting_deadline_seconds
                        .map_or("-".into(), |s| words::duration(u64::from(s))),
                );
                row.push(v.fires.map_or("-".into(), |n| n.to_string()));
                row.push(v.skips.as_ref().map_or("-".into(), |skips| {
                    let text = skips
                        .iter()
                        .map(|(reason, n)| format!("{reason}={n}"))
                        .collect::<Vec<_>>()
                        .join(",");
                    if text.is_empty() { "0".into() } else { text }
                }));
            }
            row
        })
        .collect();
    let mut header = vec![
        "NAME",
        "DIRECTIVE",
        "CRON",
        "ZONE",
        "CONCURRENCY",
        "STATE",
        "NEXT FIRE",
        "LAST FIRED",
    ];
    if wide || with_counts {
        header.extend(["DEADLINE", "FIRED", "SKIPPED"]);
    }
    output::print_views(format, &views, single, &header, rows)
}

/// One previewed fire time (JSON and YAML keys).
#[derive(Debug, Serialize)]
struct FireTimeView {
    at: DateTime<Utc>,
    local: String,
}

fn print_next(format: Format, preview: &pb::PreviewScheduleResponse) -> anyhow::Result<()> {
    let views: Vec<FireTimeView> = preview
        .fire_times
        .iter()
        .filter_map(|t| time(&Some(*t)))
        .map(|at| FireTimeView {
            at,
            local: local(&Some(at), &preview.time_zone),
        })
        .collect();
    let rows = views
        .iter()
        .map(|v| {
            vec![
                v.at.format("%Y-%m-%dT%H:%M:%SZ").to_string(),
                v.local.clone(),
            ]
        })
        .collect();
    output::print(format, &views, &["FIRE TIME (UTC)", "LOCAL"], rows)
}
