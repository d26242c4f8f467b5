//! The template baselines (see `cyberbrain_model::baseline`): read when a run finishes, to judge
//! its templates, and merged with the run's templates in the same transaction. Each of the two
//! steps runs under its own savepoint: a failure (a missing table, a permission, a bad row) is
//! rolled back to it, logged, and reported in [`BaselineUpdate`], and the run still finishes.

use chrono::{DateTime, Utc};
use cyberbrain_model::audit::AuditEntry;
use cyberbrain_model::baseline::{Baseline, BaselineTemplate, BaselineUpdate, Observation};
use uuid::Uuid;

use super::{CachedQueries, to_u32};
use crate::error::Result;

/// A template not seen for this many days leaves its baseline.
const FORGET_AFTER_DAYS: i32 = 30;

/// Reads the baseline of `scope` before a run's templates are judged, then merges `observed`
/// (when the run has log digests) into it with its audit entry, each under a savepoint of `tx`.
/// An error that rolling back to the savepoint cannot undo (the connection is gone) is returned.
pub(super) async fn read_and_update(
    tx: &deadpool_postgres::Transaction<'_>,
    run_id: Uuid,
    scope: &str,
    observed: Option<&[Observation]>,
    now: DateTime<Utc>,
) -> Result<BaselineUpdate> {
    let before = match savepoint(tx, "baseline_read", load(tx, scope)).await? {
        Ok(baseline) => Some(baseline),
        Err(e) => {
            tracing::error!(run_id = %run_id, error = %e,
                "could not read the template baseline; the report says it is unavailable");
            None
        }
    };
    let mut update_failed = false;
    if let Some(observed) = observed {
        let update = async {
            let merged = merge(tx, scope, observed, now).await?;
            let entry = AuditEntry::new("controller", "baseline.update")
                .on(scope)
                .with(serde_json::json!({
                    "run_id": run_id,
                    "runs": merged.runs,
                    "templates_seen": observed.len(),
                    "templates_added": merged.added,
                    "templates_forgotten": merged.forgotten,
                }));
            super::audit::record(tx, &entry).await
        };
        if let Err(e) = savepoint(tx, "baseline_update", update).await? {
            tracing::error!(run_id = %run_id, error = %e,
                "could not update the template baseline; it stays as it was");
            update_failed = true;
        }
    }
    Ok(BaselineUpdate {
        scope: scope.to_string(),
        before,
        update_failed,
    })
}

/// Runs `step` under the savepoint `name`: released when it succeeds, rolled back to when it
/// fails, so that `tx` can go on either way. The outer error is the rollback's own (`tx` is
/// lost); the inner one is the step's.
async fn savepoint<T>(
    tx: &deadpool_postgres::Transaction<'_>,
    name: &str,
    step: impl std::future::Future<Output = Result<T>>,
) -> Result<Result<T>> {
    tx.batch_execute(&format!("SAVEPOINT {name}")).await?;
    match step.await {
        Ok(value) => {
            tx.batch_execute(&format!("RELEASE SAVEPOINT {name}"))
                .await?;
            Ok(Ok(value))
        }
        Err(e) => {
            tx.batch_execute(&format!("ROLLBACK TO SAVEPOINT {name}"))
                .await?;
            Ok(Err(e))
        }
    }
}

/// What a merge changed.
struct Merged {
    /// The baseline's runs after it.
    runs: i32,
    /// Templates it had not seen before.
    added: u64,
    /// Templates not seen for [`FORGET_AFTER_DAYS`], removed.
    forgotten: u64,
}

/// The baseline of `scope` (an empty one, `runs` 0, when none exists yet).
async fn load(tx: &deadpool_postgres::Transaction<'_>, scope: &str) -> Result<Baseline> {
    let mut baseline = Baseline {
        scope: scope.to_string(),
        ..Default::default()
    };
    let Some(row) = tx
        .query_opt_cached(
            "SELECT runs FROM template_baselines WHERE scope = $1",
            &[&scope],
        )
        .await?
    else {
        return Ok(baseline);
    };
    baseline.runs = to_u32("template_baselines.runs", row.try_get(0)?)?;
    let rows = tx
        .query_cached(
            "SELECT subject, fingerprint, lines_per_hour, runs FROM baseline_templates
             WHERE scope = $1",
            &[&scope],
        )
        .await?;
    for row in rows {
        baseline.templates.insert(
            (row.try_get(0)?, row.try_get(1)?),
            BaselineTemplate {
                lines_per_hour: row.try_get(2)?,
                runs: to_u32("baseline_templates.runs", row.try_get(3)?)?,
            },
        );
    }
    Ok(baseline)
}

/// Merges a finished run's templates into the baseline of `scope`: one more run, each template's
/// rate a running mean over the last ten runs that saw it, and templates not seen for
/// [`FORGET_AFTER_DAYS`] forgotten.
async fn merge(
    tx: &deadpool_postgres::Transaction<'_>,
    scope: &str,
    observed: &[Observation],
    now: DateTime<Utc>,
) -> Result<Merged> {
    let runs: i32 = tx
        .query_one_cached(
            "INSERT INTO template_baselines (scope, runs, updated_at) VALUES ($1, 1, $2)
             ON CONFLICT (scope) DO UPDATE
                 SET runs = template_baselines.runs + 1, updated_at = EXCLUDED.updated_at
             RETURNING runs",
            &[&scope, &now],
        )
        .await?
        .try_get(0)?;
    let subjects: Vec<&str> = observed.iter().map(|o| o.subject.as_str()).collect();
    let fingerprints: Vec<&str> = observed.iter().map(|o| o.fingerprint.as_str()).collect();
    let rates: Vec<f64> = observed
        .iter()
        .map(|o| {
            if o.lines_per_hour.is_finite() {
                o.lines_per_hour.max(0.0)
            } else {
                0.0
            }
        })
        .collect();
    // `xmax = 0` only on rows this statement inserted (an update leaves its own xid there).
    let added = tx
        .query_cached(
            "INSERT INTO baseline_templates
                 (scope, subject, fingerprint, lines_per_hour, runs, first_seen, last_seen)
             SELECT $1, o.subject, o.fingerprint, o.rate, 1, $5, $5
             FROM UNNEST($2::text[], $3::text[], $4::float8[]) AS o(subject, fingerprint, rate)
             ON CONFLICT (scope, subject, fingerprint) DO UPDATE SET
                 lines_per_hour = (baseline_templates.lines_per_hour * LEAST(baseline_templates.runs, 10)
                                   + EXCLUDED.lines_per_hour) / (LEAST(baseline_templates.runs, 10) + 1),
                 runs = baseline_templates.runs + 1,
                 last_seen = EXCLUDED.last_seen
             RETURNING xmax = 0",
            &[&scope, &subjects, &fingerprints, &rates, &now],
        )
        .await?
        .iter()
        .map(|row| row.try_get::<_, bool>(0))
        .collect::<std::result::Result<Vec<bool>, _>>()?
        .into_iter()
        .filter(|inserted| *inserted)
        .count() as u64;
    let forgotten = tx
        .execute_cached(
            "DELETE FROM baseline_templates
         WHERE scope = $1 AND last_seen < $2::timestamptz - make_interval(days => $3::int)",
            &[&scope, &now, &FORGET_AFTER_DAYS],
        )
        .await?;
    Ok(Merged {
        runs,
        added,
        forgotten,
    })
}
