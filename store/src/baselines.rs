//! The template baselines (see `cyberbrain_model::baseline`): read when a run finishes, to judge
//! its templates, and merged with the run's templates in the same transaction.

use chrono::{DateTime, Utc};
use cyberbrain_model::baseline::{Baseline, BaselineTemplate, Observation};

use super::{CachedQueries, to_u32};
use crate::error::Result;

/// A template not seen for this many days leaves its baseline.
const FORGET_AFTER_DAYS: i32 = 30;

/// The baseline of `scope` (an empty one, `runs` 0, when none exists yet).
pub(super) async fn load(tx: &deadpool_postgres::Transaction<'_>, scope: &str) -> Result<Baseline> {
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
pub(super) async fn merge(
    tx: &deadpool_postgres::Transaction<'_>,
    scope: &str,
    observed: &[Observation],
    now: DateTime<Utc>,
) -> Result<()> {
    tx.execute_cached(
        "INSERT INTO template_baselines (scope, runs, updated_at) VALUES ($1, 1, $2)
         ON CONFLICT (scope) DO UPDATE
             SET runs = template_baselines.runs + 1, updated_at = EXCLUDED.updated_at",
        &[&scope, &now],
    )
    .await?;
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
    tx.execute_cached(
        "INSERT INTO baseline_templates
             (scope, subject, fingerprint, lines_per_hour, runs, first_seen, last_seen)
         SELECT $1, o.subject, o.fingerprint, o.rate, 1, $5, $5
         FROM UNNEST($2::text[], $3::text[], $4::float8[]) AS o(subject, fingerprint, rate)
         ON CONFLICT (scope, subject, fingerprint) DO UPDATE SET
             lines_per_hour = (baseline_templates.lines_per_hour * LEAST(baseline_templates.runs, 10)
                               + EXCLUDED.lines_per_hour) / (LEAST(baseline_templates.runs, 10) + 1),
             runs = baseline_templates.runs + 1,
             last_seen = EXCLUDED.last_seen",
        &[&scope, &subjects, &fingerprints, &rates, &now],
    )
    .await?;
    tx.execute_cached(
        "DELETE FROM baseline_templates
         WHERE scope = $1 AND last_seen < $2::timestamptz - make_interval(days => $3::int)",
        &[&scope, &now, &FORGET_AFTER_DAYS],
    )
    .await?;
    Ok(())
}
