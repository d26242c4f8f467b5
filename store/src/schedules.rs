//! Schedules and their fires. The "exactly one run per fire time" guarantee lives here: a fire is
//! a row keyed by (schedule, time), inserted first in the transaction that creates the run
//! ([`claim_fire`]), so a second replica firing the same time waits for the first and then finds
//! the key taken.

use chrono::{DateTime, Utc};
use deadpool_postgres::Transaction;
use tokio_postgres::Row;
use tokio_postgres::error::SqlState;
use uuid::Uuid;

use super::CachedQueries;
use super::Store;
use super::audit::record;
use crate::error::{Error, FireRefused, Result};
use cyberbrain_model::audit::AuditEntry;
use cyberbrain_model::schedules::{Concurrency, NewSchedule, Schedule, ScheduledFire, SkipReason};

const COLUMNS: &str = "id, name, directive_name, cron, time_zone, concurrency, \
                       starting_deadline_seconds, paused, next_fire_at, last_fired_at, \
                       created_by, created_at, creator_role";

/// Claims `fire` inside a launch's transaction, before anything else: locks the schedule row
/// (fires of one schedule serialise), inserts the fire row, and for `forbid` checks for an
/// unfinished run of the schedule. `None`: go on and create the run. `Some(AlreadyDecided)` or
/// `Some(Paused)`: roll back (another replica decided this time, or the schedule was paused
/// since the tick read it). `Some(Busy)`: the skip is recorded; commit.
pub(super) async fn claim_fire(
    tx: &Transaction<'_>,
    fire: &ScheduledFire,
) -> Result<Option<FireRefused>> {
    let row = tx
        .query_opt_cached(
            "SELECT paused FROM schedules WHERE id = $1 FOR UPDATE",
            &[&fire.schedule_id],
        )
        .await?;
    let Some(row) = row else {
        return Err(Error::NotFound {
            what: "schedule",
            name: fire.schedule_name.clone(),
        });
    };
    // Re-checked under the row lock: a tick that read the schedule before a pause committed
    // does not fire after it.
    let paused: bool = row.try_get(0)?;
    if paused {
        return Ok(Some(FireRefused::Paused));
    }
    let inserted = tx
        .execute_cached(
            "INSERT INTO schedule_fires (schedule_id, scheduled_at, outcome)
             VALUES ($1, $2, 'fired') ON CONFLICT DO NOTHING",
            &[&fire.schedule_id, &fire.scheduled_at],
        )
        .await?;
    if inserted == 0 {
        return Ok(Some(FireRefused::AlreadyDecided));
    }
    if fire.skip_if_unfinished {
        let busy = tx
            .query_opt_cached(
                "SELECT 1 FROM runs WHERE schedule_id = $1 AND status IN ('pending', 'running')
                 LIMIT 1",
                &[&fire.schedule_id],
            )
            .await?
            .is_some();
        if busy {
            tx.execute_cached(
                "UPDATE schedule_fires SET outcome = 'skipped', reason = $3
                 WHERE schedule_id = $1 AND scheduled_at = $2",
                &[
                    &fire.schedule_id,
                    &fire.scheduled_at,
                    &SkipReason::Forbid.as_str(),
                ],
            )
            .await?;
            return Ok(Some(FireRefused::Busy));
        }
    }
    tx.execute_cached(
        "UPDATE schedules SET last_fired_at = GREATEST(COALESCE(last_fired_at, $2), $2)
         WHERE id = $1",
        &[&fire.schedule_id, &fire.scheduled_at],
    )
    .await?;
    Ok(None)
}

/// What one schedule's fires came to, for `cbctl schedule get`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FireCounts {
    /// Fire times that launched a run.
    pub fired: u64,
    /// Fire times skipped, by reason.
    pub skipped: Vec<(String, u64)>,
}

impl Store {
    /// The database's clock: schedules compute fire times from it, so replicas with skewed
    /// clocks agree.
    pub async fn database_now(&self) -> Result<DateTime<Utc>> {
        let client = self.client().await?;
        Ok(client
            .query_one_cached("SELECT now()", &[])
            .await?
            .try_get(0)?)
    }

    /// Stores a new schedule with its audit entry. The directive must exist (else
    /// `InvalidArgument` on `directive_name`); the name must be free (else `AlreadyExists`).
    pub async fn create_schedule(
        &self,
        new: &NewSchedule,
        created_by: &str,
        audit: &AuditEntry,
    ) -> Result<Schedule> {
        let mut client = self.client().await?;
        let tx = client.transaction().await?;
        let directive = tx
            .query_opt(
                "SELECT 1 FROM directives WHERE name = $1 LIMIT 1",
                &[&new.directive_name],
            )
            .await?;
        if directive.is_none() {
            return Err(Error::invalid(
                "directive_name",
                "no directive has that name",
            ));
        }
        let deadline = new
            .starting_deadline
            .map(|d| i32::try_from(d.as_secs().max(1)).unwrap_or(i32::MAX));
        let row = tx
            .query_one(
                &format!(
                    "INSERT INTO schedules (id, name, directive_name, cron, time_zone, concurrency,
                         starting_deadline_seconds, next_fire_at, created_by, creator_role)
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
                     RETURNING {COLUMNS}"
                ),
                &[
                    &Uuid::new_v4(),
                    &new.name,
                    &new.directive_name,
                    &new.cron,
                    &new.time_zone,
                    &new.concurrency.as_str(),
                    &deadline,
                    &new.next_fire_at,
                    &created_by,
                    &new.creator_role.as_str(),
                ],
            )
            .await
            .map_err(|e| match e.code() {
                Some(c) if *c == SqlState::UNIQUE_VIOLATION => Error::AlreadyExists {
                    what: "schedule",
                    name: new.name.clone(),
                },
                _ => Error::from(e),
            })?;
        let schedule = schedule_from_row(&row)?;
        let audit = audit.clone().on(&new.name).with(serde_json::json!({
            "directive": new.directive_name,
            "cron": new.cron,
            "time_zone": new.time_zone,
            "concurrency": new.concurrency.as_str(),
            "starting_deadline_seconds": deadline,
        }));
        record(&tx, &audit).await?;
        tx.commit().await?;
        Ok(schedule)
    }

    /// Every schedule, by name.
    pub async fn list_schedules(&self) -> Result<Vec<Schedule>> {
        let client = self.client().await?;
        let rows = client
            .query_cached(
                &format!("SELECT {COLUMNS} FROM schedules ORDER BY name"),
                &[],
            )
            .await?;
        rows.iter().map(schedule_from_row).collect()
    }

    /// One schedule by name.
    pub async fn get_schedule(&self, name: &str) -> Result<Schedule> {
        let client = self.client().await?;
        let row = client
            .query_opt_cached(
                &format!("SELECT {COLUMNS} FROM schedules WHERE name = $1"),
                &[&name],
            )
            .await?
            .ok_or_else(|| not_found(name))?;
        schedule_from_row(&row)
    }

    /// How a schedule's fire times were decided.
    pub async fn schedule_fire_counts(&self, schedule_id: Uuid) -> Result<FireCounts> {
        let client = self.client().await?;
        let rows = client
            .query_cached(
                "SELECT outcome, COALESCE(reason, ''), count(*) FROM schedule_fires
                 WHERE schedule_id = $1 GROUP BY 1, 2 ORDER BY 1, 2",
                &[&schedule_id],
            )
            .await?;
        let mut counts = FireCounts::default();
        for row in rows {
            let outcome: String = row.try_get(0)?;
            let reason: String = row.try_get(1)?;
            let n = u64::try_from(row.try_get::<_, i64>(2)?).unwrap_or(0);
            match outcome.as_str() {
                "fired" => counts.fired += n,
                _ => counts.skipped.push((reason, n)),
            }
        }
        Ok(counts)
    }

    /// Pauses or resumes a schedule, with its audit entry. Resuming sets the next fire time to
    /// `next_fire_at` (the first after now), so the times that passed while paused are not
    /// caught up.
    pub async fn set_schedule_paused(
        &self,
        name: &str,
        paused: bool,
        next_fire_at: Option<DateTime<Utc>>,
        audit: &AuditEntry,
    ) -> Result<Schedule> {
        let mut client = self.client().await?;
        let tx = client.transaction().await?;
        let row = tx
            .query_opt(
                &format!(
                    "UPDATE schedules
                     SET paused = $2,
                         next_fire_at = CASE WHEN $2 THEN next_fire_at ELSE $3 END
                     WHERE name = $1 RETURNING {COLUMNS}"
                ),
                &[&name, &paused, &next_fire_at],
            )
            .await?
            .ok_or_else(|| not_found(name))?;
        record(&tx, &audit.clone().on(name)).await?;
        tx.commit().await?;
        schedule_from_row(&row)
    }

    /// Deletes a schedule and its fire records, with its audit entry. Its runs stay.
    pub async fn delete_schedule(&self, name: &str, audit: &AuditEntry) -> Result<()> {
        let mut client = self.client().await?;
        let tx = client.transaction().await?;
        let deleted = tx
            .execute("DELETE FROM schedules WHERE name = $1", &[&name])
            .await?;
        if deleted == 0 {
            return Err(not_found(name));
        }
        record(&tx, &audit.clone().on(name)).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Unpaused schedules whose next fire time is at or before `now`, earliest first.
    pub async fn due_schedules(&self, now: DateTime<Utc>, limit: u32) -> Result<Vec<Schedule>> {
        let client = self.client().await?;
        let rows = client
            .query_cached(
                &format!(
                    "SELECT {COLUMNS} FROM schedules
                     WHERE NOT paused AND next_fire_at <= $1
                     ORDER BY next_fire_at LIMIT $2"
                ),
                &[&now, &i64::from(limit)],
            )
            .await?;
        rows.iter().map(schedule_from_row).collect()
    }

    /// Unpaused schedules whose next fire time is more than `grace` before `now`.
    pub async fn count_overdue_schedules(
        &self,
        now: DateTime<Utc>,
        grace: std::time::Duration,
    ) -> Result<u64> {
        let client = self.client().await?;
        let count: i64 = client
            .query_one_cached(
                "SELECT count(*) FROM schedules
                 WHERE NOT paused AND next_fire_at < $1::timestamptz - make_interval(secs => $2::float8)",
                &[&now, &grace.as_secs_f64()],
            )
            .await?
            .try_get(0)?;
        Ok(u64::try_from(count).unwrap_or(0))
    }

    /// Moves a schedule's next fire time forward to `next` (never back: replicas racing leave the
    /// latest). `None` (the pattern never matches again) clears the time. Returns whether this call
    /// moved it (so what it skipped is counted once across replicas).
    pub async fn advance_schedule(&self, id: Uuid, next: Option<DateTime<Utc>>) -> Result<bool> {
        let client = self.client().await?;
        let moved = client
            .execute_cached(
                "UPDATE schedules SET next_fire_at = $2
                 WHERE id = $1 AND ($2::timestamptz IS NULL OR next_fire_at IS NULL
                                    OR next_fire_at < $2)",
                &[&id, &next],
            )
            .await?;
        Ok(moved > 0)
    }

    /// Deletes up to `batch` fire records whose fire time is more than `older_than` ago; returns
    /// how many.
    pub async fn delete_old_schedule_fires(
        &self,
        older_than: std::time::Duration,
        batch: u32,
    ) -> Result<u64> {
        let client = self.client().await?;
        Ok(client
            .execute_cached(
                "DELETE FROM schedule_fires WHERE ctid IN (
                     SELECT ctid FROM schedule_fires
                     WHERE scheduled_at < now() - make_interval(secs => $1::float8)
                     LIMIT $2)",
                &[&older_than.as_secs_f64(), &i64::from(batch)],
            )
            .await?)
    }

    /// Records a fire time as skipped for `reason`, unless it was decided already. Returns
    /// whether this call recorded it (so each skip is counted once across replicas).
    pub async fn record_schedule_skip(
        &self,
        schedule_id: Uuid,
        scheduled_at: DateTime<Utc>,
        reason: SkipReason,
    ) -> Result<bool> {
        let client = self.client().await?;
        let inserted = client
            .execute_cached(
                "INSERT INTO schedule_fires (schedule_id, scheduled_at, outcome, reason)
                 SELECT $1, $2, 'skipped', $3 WHERE EXISTS (SELECT 1 FROM schedules WHERE id = $1)
                 ON CONFLICT DO NOTHING",
                &[&schedule_id, &scheduled_at, &reason.as_str()],
            )
            .await?;
        Ok(inserted > 0)
    }

    /// The unfinished runs a schedule launched for fire times before `before`, oldest first
    /// (for `replace`: never the run of the fire time being launched, should a replica come late).
    pub async fn unfinished_runs_of_schedule(
        &self,
        schedule_id: Uuid,
        before: DateTime<Utc>,
    ) -> Result<Vec<Uuid>> {
        let client = self.client().await?;
        let rows = client
            .query_cached(
                "SELECT id FROM runs WHERE schedule_id = $1 AND status IN ('pending', 'running')
                   AND scheduled_at < $2
                 ORDER BY created_at",
                &[&schedule_id, &before],
            )
            .await?;
        rows.iter()
            .map(|r| r.try_get(0).map_err(Error::from))
            .collect()
    }
}

fn not_found(name: &str) -> Error {
    Error::NotFound {
        what: "schedule",
        name: name.to_string(),
    }
}

fn schedule_from_row(row: &Row) -> Result<Schedule> {
    let concurrency: String = row.try_get("concurrency")?;
    let deadline: Option<i32> = row.try_get("starting_deadline_seconds")?;
    Ok(Schedule {
        id: row.try_get("id")?,
        name: row.try_get("name")?,
        directive_name: row.try_get("directive_name")?,
        cron: row.try_get("cron")?,
        time_zone: row.try_get("time_zone")?,
        concurrency: Concurrency::parse(&concurrency).ok_or(Error::Corrupt {
            what: "schedule concurrency",
            reason: concurrency,
        })?,
        starting_deadline: deadline
            .and_then(|s| u64::try_from(s).ok())
            .map(std::time::Duration::from_secs),
        paused: row.try_get("paused")?,
        next_fire_at: row.try_get("next_fire_at")?,
        last_fired_at: row.try_get("last_fired_at")?,
        created_by: row.try_get("created_by")?,
        created_at: row.try_get("created_at")?,
        creator_role: {
            let role: String = row.try_get("creator_role")?;
            cyberbrain_model::tokens::Role::parse(&role).ok_or(Error::Corrupt {
                what: "schedule creator role",
                reason: role,
            })?
        },
    })
}
