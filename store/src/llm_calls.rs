//! LLM call accounting (`llm_calls`) and the privacy switches' reads. No text of a prompt or an
//! answer is ever passed to this module: its inputs are names, counts, durations and outcomes.

use chrono::{DateTime, Utc};
use cyberbrain_tasks::{AllowRule, MatchKind};
use uuid::Uuid;

use super::{CachedQueries, Store};
use crate::error::{Error, Result};
use cyberbrain_model::llm_calls::{Attempt, Purpose, RefinementOutcome, TemplateRefinement};
use cyberbrain_model::usage::TokenTotals;

/// How token statistics are grouped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenGrouping {
    /// By provider and model.
    Model,
    /// By run.
    Run,
    /// By UTC day.
    Day,
}

/// Which calls to count.
#[derive(Debug, Clone, Default)]
pub struct TokenFilter {
    /// Calls at or after this time.
    pub since: Option<DateTime<Utc>>,
    /// Calls of this run only.
    pub run_id: Option<Uuid>,
}

fn token_count(what: &'static str, value: Option<u32>) -> Result<Option<i32>> {
    value
        .map(|v| {
            i32::try_from(v).map_err(|_| Error::Corrupt {
                what,
                reason: format!("{v} does not fit"),
            })
        })
        .transpose()
}

impl Store {
    /// Records HTTP calls to LLM providers for a run's triage, in one transaction.
    #[tracing::instrument(name = "db.record_llm_calls", level = "info", skip_all)]
    pub async fn record_llm_calls(
        &self,
        run_id: Option<Uuid>,
        job_id: Option<Uuid>,
        attempts: &[Attempt],
    ) -> Result<()> {
        if attempts.is_empty() {
            return Ok(());
        }
        let mut client = self.client().await?;
        let tx = client.transaction().await?;
        insert_calls(&tx, Purpose::Triage, run_id, job_id, attempts).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Records the calls of one template's refinement and, when an answer came, what it came to
    /// (the first answer for a fingerprint stays), in one transaction.
    #[tracing::instrument(name = "db.record_template_refinement", level = "info", skip_all)]
    pub async fn record_template_refinement(
        &self,
        run_id: Option<Uuid>,
        attempts: &[Attempt],
        refinement: Option<&TemplateRefinement>,
    ) -> Result<()> {
        let mut client = self.client().await?;
        let tx = client.transaction().await?;
        insert_calls(&tx, Purpose::Refine, run_id, None, attempts).await?;
        if let Some(r) = refinement {
            let text = match &r.outcome {
                RefinementOutcome::Refined(text) => Some(text.as_str()),
                _ => None,
            };
            tx.execute_cached(
                "INSERT INTO template_refinements
                     (fingerprint, outcome, refined_template, provider, model)
                 VALUES ($1, $2, $3, $4, $5)
                 ON CONFLICT (fingerprint) DO NOTHING",
                &[
                    &r.fingerprint,
                    &r.outcome.as_str(),
                    &text,
                    &r.provider,
                    &r.model,
                ],
            )
            .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// The cached refinements of these template fingerprints (those not cached are absent).
    pub async fn template_refinements(
        &self,
        fingerprints: &[String],
    ) -> Result<std::collections::HashMap<String, RefinementOutcome>> {
        let client = self.client().await?;
        let rows = client
            .query_cached(
                "SELECT fingerprint, outcome, refined_template FROM template_refinements
                 WHERE fingerprint = ANY($1)",
                &[&fingerprints],
            )
            .await?;
        rows.iter()
            .map(|row| {
                let outcome: String = row.try_get(1)?;
                let text: Option<String> = row.try_get(2)?;
                let outcome = match (outcome.as_str(), text) {
                    ("refined", Some(text)) => RefinementOutcome::Refined(text),
                    ("unchanged", None) => RefinementOutcome::Unchanged,
                    ("rejected", None) => RefinementOutcome::Rejected,
                    _ => {
                        return Err(Error::Corrupt {
                            what: "template refinement",
                            reason: outcome,
                        });
                    }
                };
                Ok((row.try_get(0)?, outcome))
            })
            .collect()
    }

    /// Token totals by model, run or day.
    pub async fn token_stats(
        &self,
        grouping: TokenGrouping,
        filter: &TokenFilter,
    ) -> Result<Vec<TokenTotals>> {
        let (key, order) = match grouping {
            TokenGrouping::Model => ("provider || '/' || model, provider, model", "1"),
            TokenGrouping::Run => ("COALESCE(run_id::text, '-'), NULL::text, NULL::text", "1"),
            TokenGrouping::Day => (
                "to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD'), NULL::text, NULL::text",
                "1",
            ),
        };
        let sql = format!(
            "SELECT {key},
                    count(*), count(prompt_tokens), count(*) FILTER (WHERE outcome <> 'ok'),
                    COALESCE(sum(prompt_tokens), 0)::bigint,
                    COALESCE(sum(completion_tokens), 0)::bigint,
                    COALESCE(sum(total_tokens), 0)::bigint
             FROM llm_calls
             WHERE ($1::timestamptz IS NULL OR created_at >= $1)
               AND ($2::uuid IS NULL OR run_id = $2)
             GROUP BY 1, 2, 3 ORDER BY {order}"
        );
        let client = self.client().await?;
        let rows = client.query(&sql, &[&filter.since, &filter.run_id]).await?;
        rows.iter()
            .map(|row| {
                let provider: Option<String> = row.try_get(1)?;
                let model: Option<String> = row.try_get(2)?;
                Ok(TokenTotals {
                    key: row.try_get(0)?,
                    provider_model: provider.zip(model),
                    calls: row.try_get(3)?,
                    calls_with_usage: row.try_get(4)?,
                    failed_calls: row.try_get(5)?,
                    prompt_tokens: row.try_get(6)?,
                    completion_tokens: row.try_get(7)?,
                    total_tokens: row.try_get(8)?,
                })
            })
            .collect()
    }

    /// Whether a directive version lets its runs' digests go to an LLM.
    pub async fn directive_llm_enabled(&self, name: &str, version: u32) -> Result<bool> {
        let client = self.client().await?;
        let version = i32::try_from(version).map_err(|_| Error::invalid("version", "too large"))?;
        let row = client
            .query_opt_cached(
                "SELECT llm_enabled FROM directives WHERE name = $1 AND version = $2",
                &[&name, &version],
            )
            .await?;
        // A deleted directive's runs keep their snapshot; without the row, stay on the safe side.
        Ok(match row {
            Some(row) => row.try_get(0)?,
            None => false,
        })
    }

    /// The rules of allowlist entries that keep their containers' digests from LLMs. Inactive
    /// entries count too: switching an entry off must not release its containers to an LLM.
    pub async fn rules_withheld_from_llm(&self) -> Result<Vec<AllowRule>> {
        let client = self.client().await?;
        let rows = client
            .query_cached(
                "SELECT kind, pattern FROM allowlist_entries WHERE NOT send_to_llm",
                &[],
            )
            .await?;
        rows.iter()
            .map(|row| {
                let kind: String = row.try_get(0)?;
                Ok(AllowRule {
                    kind: MatchKind::parse(&kind).ok_or_else(|| Error::Corrupt {
                        what: "allowlist entry kind",
                        reason: kind.clone(),
                    })?,
                    pattern: row.try_get(1)?,
                })
            })
            .collect()
    }

    /// Replaces a finished run's stored report (the LLM step rewrites the triage section).
    #[tracing::instrument(name = "db.update_report", level = "info", skip_all)]
    pub async fn update_report(
        &self,
        run_id: Uuid,
        markdown: &str,
        json: &serde_json::Value,
    ) -> Result<()> {
        let client = self.client().await?;
        let updated = client
            .execute_cached(
                "UPDATE runs SET report_markdown = $2, report_json = $3
                 WHERE id = $1 AND report_json IS NOT NULL",
                &[&run_id, &markdown, json],
            )
            .await?;
        if updated == 0 {
            return Err(Error::FailedPrecondition {
                field: "run_id".into(),
                reason: format!("run {run_id} has no report to update"),
            });
        }
        Ok(())
    }
}

/// Inserts one `llm_calls` row per attempt.
async fn insert_calls(
    tx: &deadpool_postgres::Transaction<'_>,
    purpose: Purpose,
    run_id: Option<Uuid>,
    job_id: Option<Uuid>,
    attempts: &[Attempt],
) -> Result<()> {
    for a in attempts {
        let usage = a.usage.unwrap_or_default();
        let latency_ms = i32::try_from(a.latency.as_millis()).unwrap_or(i32::MAX);
        tx.execute_cached(
            "INSERT INTO llm_calls (id, run_id, job_id, provider, model, endpoint_host,
                 streamed, prompt_tokens, completion_tokens, total_tokens, latency_ms, outcome,
                 purpose)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)",
            &[
                &Uuid::new_v4(),
                &run_id,
                &job_id,
                &a.provider,
                &a.model,
                &a.endpoint_host,
                &a.streamed,
                &token_count("prompt_tokens", usage.prompt_tokens)?,
                &token_count("completion_tokens", usage.completion_tokens)?,
                &token_count("total_tokens", usage.total_tokens)?,
                &latency_ms,
                &a.outcome.as_str(),
                &purpose.as_str(),
            ],
        )
        .await?;
    }
    Ok(())
}
