//! Schedules: a directive launched by itself at the times of a cron pattern, in an IANA time zone.
//!
//! **Daylight-saving policy (`vixie`)**, the rules of Vixie cron and the Open Cron Pattern
//! Specification, as the `croner` crate implements them:
//! - A *fixed-time* pattern (seconds, minutes and hours all fixed, such as `30 2 * * *`) whose time
//!   falls into a spring-forward gap fires once, at the first instant after the gap (03:00 local
//!   in Europe/Berlin); whose time occurs twice in a fall-back overlap fires once, at the first
//!   (daylight-saving) instant.
//! - An *interval* pattern (a wildcard or step in the seconds, minutes or hours, such as `*/15 * * * *`)
//!   fires at every instant the wall clock shows a matching time: none inside a gap, both instants
//!   of an overlap.
//!
//! So a daily 02:30 schedule neither skips nor doubles across either transition.

use std::str::FromStr;
use std::time::Duration;

use chrono::{DateTime, Utc};
use chrono_tz::Tz;
use croner::Cron;
use croner::parser::{CronParser, Seconds, Year};
use uuid::Uuid;

use crate::InvalidField;

/// The longest cron pattern accepted.
pub const MAX_CRON_LEN: usize = 120;

/// The longest starting deadline accepted (seven days).
pub const MAX_STARTING_DEADLINE: Duration = Duration::from_secs(7 * 24 * 3600);

/// The name of the daylight-saving policy every schedule follows (see the module documentation).
pub const DST_POLICY: &str = "vixie";

/// What a fire does when a run launched by an earlier fire of the same schedule is unfinished.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Concurrency {
    /// Launch anyway.
    #[default]
    Allow,
    /// Skip this fire (recorded with reason `forbid`).
    Forbid,
    /// Cancel the unfinished runs, then launch.
    Replace,
}

impl Concurrency {
    /// Every policy.
    pub const ALL: [Concurrency; 3] = [
        Concurrency::Allow,
        Concurrency::Forbid,
        Concurrency::Replace,
    ];

    /// Stable name, as stored and shown.
    pub fn as_str(self) -> &'static str {
        match self {
            Concurrency::Allow => "allow",
            Concurrency::Forbid => "forbid",
            Concurrency::Replace => "replace",
        }
    }

    /// Parses a stored or typed name.
    pub fn parse(s: &str) -> Option<Concurrency> {
        Concurrency::ALL.into_iter().find(|c| c.as_str() == s)
    }
}

/// A parsed cron pattern in its time zone: computes fire times.
#[derive(Debug, Clone)]
pub struct CronSchedule {
    cron: Cron,
    tz: Tz,
}

impl CronSchedule {
    /// Parses `pattern` (five fields, or six with seconds first, or a name such as `@hourly`)
    /// and `tz` (an IANA name; empty means UTC). Errors name the field: `cron` or `time_zone`,
    /// and never repeat the input.
    pub fn parse(pattern: &str, tz: &str) -> Result<CronSchedule, InvalidField> {
        let pattern = pattern.trim();
        if pattern.is_empty() {
            return Err(InvalidField::new("cron", "is empty"));
        }
        if pattern.len() > MAX_CRON_LEN {
            return Err(InvalidField::new(
                "cron",
                format!("is longer than {MAX_CRON_LEN} characters"),
            ));
        }
        let parser = CronParser::builder()
            .seconds(Seconds::Optional)
            .year(Year::Disallowed)
            .build();
        let cron = parser.parse(pattern).map_err(|e| {
            let mut reason = format!("is not a cron pattern of five or six fields: {e}");
            reason.truncate(160);
            InvalidField::new("cron", reason)
        })?;
        Ok(CronSchedule {
            cron,
            tz: parse_time_zone(tz)?,
        })
    }

    /// The time zone.
    pub fn time_zone(&self) -> Tz {
        self.tz
    }

    /// The first fire time strictly after `after`, or `None` if the pattern never matches again.
    pub fn next_after(&self, after: DateTime<Utc>) -> Option<DateTime<Utc>> {
        let local = after.with_timezone(&self.tz);
        self.cron
            .find_next_occurrence(&local, false)
            .ok()
            .map(|t| t.with_timezone(&Utc))
    }

    /// Up to `count` fire times strictly after `after`.
    pub fn upcoming(&self, after: DateTime<Utc>, count: usize) -> Vec<DateTime<Utc>> {
        let mut times = Vec::with_capacity(count);
        let mut cursor = after;
        while times.len() < count {
            match self.next_after(cursor) {
                Some(t) => {
                    times.push(t);
                    cursor = t;
                }
                None => break,
            }
        }
        times
    }

    /// The latest fire time in `(after, now]`, and how many fire times of that interval came
    /// before it (missed). At most `limit` fire times are walked from `after`: when more are
    /// due, the walk restarts from the latest fire time at or before `now`, found backwards.
    pub fn latest_due(
        &self,
        after: DateTime<Utc>,
        now: DateTime<Utc>,
        limit: u32,
    ) -> Option<(DateTime<Utc>, u64)> {
        let mut latest = None;
        let mut missed: u64 = 0;
        let mut cursor = after;
        for _ in 0..limit {
            match self.next_after(cursor) {
                Some(t) if t <= now => {
                    if latest.is_some() {
                        missed += 1;
                    }
                    latest = Some(t);
                    cursor = t;
                }
                _ => return latest.map(|t| (t, missed)),
            }
        }
        // Too many to walk: the latest one at or before now, counted as one missed beyond the walk.
        let local = now.with_timezone(&self.tz);
        let previous = self
            .cron
            .find_previous_occurrence(&local, true)
            .ok()
            .map(|t| t.with_timezone(&Utc))
            .filter(|t| *t > after)?;
        Some((previous, missed + 1))
    }
}

/// Parses an IANA time zone name; empty means UTC.
pub fn parse_time_zone(tz: &str) -> Result<Tz, InvalidField> {
    let tz = tz.trim();
    if tz.is_empty() {
        return Ok(Tz::UTC);
    }
    if tz.len() > 64 {
        return Err(InvalidField::new("time_zone", "is too long"));
    }
    Tz::from_str(tz).map_err(|_| {
        InvalidField::new(
            "time_zone",
            "is not an IANA time zone name (such as Europe/Berlin or UTC)",
        )
    })
}

/// Checks a schedule name: 1 to 63 characters of lowercase letters, digits, `-` and `_`,
/// starting with a letter or digit.
pub fn validate_name(name: &str) -> Result<(), InvalidField> {
    let ok = !name.is_empty()
        && name.len() <= 63
        && name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
        && name
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphanumeric());
    match ok {
        true => Ok(()),
        false => Err(InvalidField::new(
            "name",
            "must be 1 to 63 characters of a-z, 0-9, '-' and '_', starting with a letter or digit",
        )),
    }
}

/// Checks a starting deadline (zero means none).
pub fn validate_starting_deadline(deadline: Duration) -> Result<(), InvalidField> {
    match deadline <= MAX_STARTING_DEADLINE {
        true => Ok(()),
        false => Err(InvalidField::new(
            "starting_deadline_seconds",
            "must be at most 7 days",
        )),
    }
}

/// A schedule as stored.
#[derive(Debug, Clone, PartialEq)]
pub struct Schedule {
    /// Id.
    pub id: Uuid,
    /// Unique name.
    pub name: String,
    /// The directive it launches (its latest version at each fire).
    pub directive_name: String,
    /// The cron pattern, as given.
    pub cron: String,
    /// IANA time zone name.
    pub time_zone: String,
    /// What to do when an earlier fire's run is unfinished.
    pub concurrency: Concurrency,
    /// A fire later than this after its time is skipped (reason `deadline`); `None`: no limit.
    pub starting_deadline: Option<Duration>,
    /// Paused schedules do not fire; resuming skips the times that passed while paused.
    pub paused: bool,
    /// The next fire time the scheduler will consider.
    pub next_fire_at: Option<DateTime<Utc>>,
    /// The last fire time that launched a run.
    pub last_fired_at: Option<DateTime<Utc>>,
    /// Who created it (the token's name).
    pub created_by: String,
    /// The creator's role, which each fire launches with.
    pub creator_role: crate::tokens::Role,
    /// Creation time.
    pub created_at: DateTime<Utc>,
}

impl Schedule {
    /// The origin its runs record: `schedule:<name>`.
    pub fn origin(&self) -> String {
        origin_of(&self.name)
    }
}

/// The origin a schedule's runs record: `schedule:<name>`.
pub fn origin_of(name: &str) -> String {
    format!("schedule:{name}")
}

/// A new schedule, validated by the caller with [`CronSchedule::parse`] and [`validate_name`].
#[derive(Debug, Clone)]
pub struct NewSchedule {
    /// Unique name.
    pub name: String,
    /// The directive.
    pub directive_name: String,
    /// The cron pattern.
    pub cron: String,
    /// IANA time zone name (normalised: `UTC` when none was given).
    pub time_zone: String,
    /// Concurrency policy.
    pub concurrency: Concurrency,
    /// Starting deadline; `None`: no limit.
    pub starting_deadline: Option<Duration>,
    /// The first fire time (after the creation time).
    pub next_fire_at: Option<DateTime<Utc>>,
    /// The creator's role: each fire launches with it (task roles are checked at every fire).
    pub creator_role: crate::tokens::Role,
}

/// The fire a scheduled launch claims: at most one run per (schedule, time), whatever the
/// number of replicas firing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScheduledFire {
    /// The schedule.
    pub schedule_id: Uuid,
    /// Its name (for the run's origin and the audit row).
    pub schedule_name: String,
    /// The fire time.
    pub scheduled_at: DateTime<Utc>,
    /// `forbid`: skip (and record the skip) when a run of this schedule is unfinished.
    pub skip_if_unfinished: bool,
}

/// Why a fire time did not launch a run (metric label and `schedule_fires.reason`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SkipReason {
    /// `forbid` and an earlier run was unfinished.
    Forbid,
    /// Later than the starting deadline.
    Deadline,
    /// Not the latest of several missed times (catch-up launches only the latest).
    Missed,
    /// The launch failed (no agent matched, the directive is gone, …).
    LaunchFailed,
}

impl SkipReason {
    /// Every reason.
    pub const ALL: [SkipReason; 4] = [
        SkipReason::Forbid,
        SkipReason::Deadline,
        SkipReason::Missed,
        SkipReason::LaunchFailed,
    ];

    /// Stable name.
    pub fn as_str(self) -> &'static str {
        match self {
            SkipReason::Forbid => "forbid",
            SkipReason::Deadline => "deadline",
            SkipReason::Missed => "missed",
            SkipReason::LaunchFailed => "launch_failed",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s)
            .map(|t| t.with_timezone(&Utc))
            .unwrap_or_else(|e| panic!("{s}: {e}"))
    }

    #[test]
    fn five_and_six_fields_and_names_parse() {
        let at = utc("2026-03-01T10:15:00Z");
        let five = CronSchedule::parse("0 3 * * *", "").unwrap();
        assert_eq!(five.next_after(at), Some(utc("2026-03-02T03:00:00Z")));
        let six = CronSchedule::parse("*/10 * * * * *", "UTC").unwrap();
        assert_eq!(six.next_after(at), Some(utc("2026-03-01T10:15:10Z")));
        let hourly = CronSchedule::parse("@hourly", "UTC").unwrap();
        assert_eq!(hourly.next_after(at), Some(utc("2026-03-01T11:00:00Z")));
    }

    #[test]
    fn bad_patterns_and_zones_name_their_field() {
        for bad in ["", "* * *", "61 * * * *", "0 0 * * * * 2026", "@sometimes"] {
            let err = CronSchedule::parse(bad, "UTC").unwrap_err();
            assert_eq!(err.field, "cron", "{bad}");
        }
        let long = "1,".repeat(100);
        let err = CronSchedule::parse(&long, "UTC").unwrap_err();
        assert!(!err.reason.contains(&long));
        let err = CronSchedule::parse("0 3 * * *", "Mars/Olympus").unwrap_err();
        assert_eq!(err.field, "time_zone");
        assert!(!err.reason.contains("Olympus"));
    }

    #[test]
    fn zone_decides_the_instant() {
        let berlin = CronSchedule::parse("0 3 * * *", "Europe/Berlin").unwrap();
        // Winter: UTC+1.
        assert_eq!(
            berlin.next_after(utc("2026-01-10T12:00:00Z")),
            Some(utc("2026-01-11T02:00:00Z"))
        );
    }

    #[test]
    fn daily_0230_neither_skips_nor_doubles_across_dst() {
        let s = CronSchedule::parse("30 2 * * *", "Europe/Berlin").unwrap();
        // Spring forward: 2026-03-29 02:00 CET → 03:00 CEST; 02:30 does not exist.
        let spring = s.upcoming(utc("2026-03-27T12:00:00Z"), 4);
        let tz = chrono_tz::Europe::Berlin;
        let local: Vec<String> = spring
            .iter()
            .map(|t| t.with_timezone(&tz).format("%m-%d %H:%M").to_string())
            .collect();
        assert_eq!(
            local,
            ["03-28 02:30", "03-29 03:00", "03-30 02:30", "03-31 02:30"]
        );
        // Fall back: 2026-10-25 03:00 CEST → 02:00 CET; 02:30 happens twice, fires once.
        let fall = s.upcoming(utc("2026-10-23T12:00:00Z"), 4);
        let days: Vec<String> = fall
            .iter()
            .map(|t| t.with_timezone(&tz).format("%m-%d").to_string())
            .collect();
        assert_eq!(days, ["10-24", "10-25", "10-26", "10-27"]);
        assert_eq!(
            fall[1],
            utc("2026-10-25T00:30:00Z"),
            "the first (summer-time) 02:30"
        );
    }

    #[test]
    fn latest_due_takes_the_last_and_counts_the_missed() {
        let s = CronSchedule::parse("* * * * * *", "UTC").unwrap();
        let from = utc("2026-05-01T00:00:00Z");
        let (latest, missed) = s
            .latest_due(from, utc("2026-05-01T00:00:10Z"), 1000)
            .unwrap();
        assert_eq!(latest, utc("2026-05-01T00:00:10Z"));
        assert_eq!(missed, 9);
        // Beyond the walk limit, still the latest.
        let (latest, _) = s
            .latest_due(from, utc("2026-05-01T01:00:00Z"), 100)
            .unwrap();
        assert_eq!(latest, utc("2026-05-01T01:00:00Z"));
        assert_eq!(s.latest_due(from, from, 100), None);
    }

    #[test]
    fn names_and_policies() {
        assert!(validate_name("nightly-1").is_ok());
        assert_eq!(validate_name("Nightly").unwrap_err().field, "name");
        assert_eq!(validate_name("").unwrap_err().field, "name");
        for c in Concurrency::ALL {
            assert_eq!(Concurrency::parse(c.as_str()), Some(c));
        }
        assert_eq!(Concurrency::parse("sometimes"), None);
        assert!(validate_starting_deadline(Duration::from_secs(8 * 24 * 3600)).is_err());
    }
}
