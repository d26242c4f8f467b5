//! The refinement part of the LLM step: a run's new error templates (new since the baseline, and
//! allowed to leave) are asked of the LLM once per template text, which words are variables; the
//! answer is checked strictly (`cyberbrain_llm::refine::validate`) and cached in
//! `template_refinements` by the template's fingerprint, so a known template never costs another
//! call. At most `--llm-refinements-per-run` calls per run; the rest wait for a later run.

use std::collections::{HashMap, HashSet};

use uuid::Uuid;

use cyberbrain_llm::Llm;
use cyberbrain_llm::client::ChatRequest;
use cyberbrain_llm::providers::{Attempt, Outcome};
use cyberbrain_llm::refine::{self, Refinement};
use cyberbrain_model::baseline;
use cyberbrain_model::llm_calls::{RefinementOutcome, TemplateRefinement};
use cyberbrain_report::Report;
use cyberbrain_report::triage::{RefinementCounts, TemplateRef};

use super::Triage;
use crate::error::Result;

/// Examples given per template at the most.
const EXAMPLES_PER_TEMPLATE: usize = 3;

impl Triage {
    /// Refines the new error templates among `sendable` (ids of templates that may leave) and sets
    /// `refined_template` on the report's templates a validated refinement exists for.
    pub(super) async fn refine(
        &self,
        llm: &Llm,
        run_id: Uuid,
        report: &mut Report,
        sendable: &HashSet<String>,
    ) -> Result<RefinementCounts> {
        let is_candidate =
            |t: &TemplateRef| t.novel && t.severity.is_error() && sendable.contains(&t.id);
        // Distinct texts, in report order (most severe, then most frequent, first).
        let mut candidates: Vec<&TemplateRef> = Vec::new();
        let mut seen = HashSet::new();
        for t in report.templates.iter().filter(|t| is_candidate(t)) {
            if seen.insert(t.fingerprint.clone()) {
                candidates.push(t);
            }
        }
        let mut counts = RefinementCounts {
            candidates: candidates.len() as u32,
            ..RefinementCounts::default()
        };
        if candidates.is_empty() {
            return Ok(counts);
        }
        let fingerprints: Vec<String> = candidates.iter().map(|t| t.fingerprint.clone()).collect();
        let mut known = self.store.template_refinements(&fingerprints).await?;
        counts.cached = known.len() as u32;

        let to_ask: Vec<(String, String, Vec<String>)> = candidates
            .iter()
            .filter(|t| !known.contains_key(&t.fingerprint))
            .take(self.settings.refinements_per_run as usize)
            .map(|t| {
                (
                    t.fingerprint.clone(),
                    t.template.clone(),
                    examples(report, t),
                )
            })
            .collect();
        for (fingerprint, template, examples) in to_ask {
            let prompt = refine::build(&template, &examples);
            let request = ChatRequest {
                system: prompt.system.clone(),
                user: prompt.user.clone(),
                max_tokens: self.settings.max_completion_tokens,
            };
            let mut attempts: Vec<Attempt> = Vec::new();
            counts.asked += 1;
            let answered = llm.complete(&request, &mut attempts).await;
            let cached = match answered {
                Err(failure) => {
                    tracing::warn!(run_id = %run_id, error = %failure, "llm refinement failed");
                    None
                }
                Ok(completion) => {
                    if let Some(prompt_tokens) = completion.usage.and_then(|u| u.prompt_tokens) {
                        llm.calibrate(prompt.chars(), prompt_tokens);
                    }
                    let outcome = match refine::validate(&completion.content, &template, &examples)
                    {
                        Ok(Refinement::Refined(text)) => RefinementOutcome::Refined(text),
                        Ok(Refinement::Unchanged) => RefinementOutcome::Unchanged,
                        Err(reason) => {
                            tracing::info!(run_id = %run_id, reason = %reason, "llm refinement rejected");
                            if let Some(last) = attempts.last_mut() {
                                last.outcome = Outcome::InvalidAnswer;
                            }
                            RefinementOutcome::Rejected
                        }
                    };
                    attempts.last().map(|a| TemplateRefinement {
                        fingerprint: fingerprint.clone(),
                        outcome,
                        provider: a.provider.clone(),
                        model: a.model.clone(),
                    })
                }
            };
            self.metrics.llm_calls(&attempts);
            self.store
                .record_template_refinement(Some(run_id), &attempts, cached.as_ref())
                .await?;
            match cached {
                Some(refinement) => {
                    known.insert(refinement.fingerprint, refinement.outcome);
                }
                // Every provider failed: the others would fail too; they wait for a later run.
                None => break,
            }
        }

        counts.refined = apply(report, &known, is_candidate);
        tracing::info!(
            run_id = %run_id,
            candidates = counts.candidates,
            cached = counts.cached,
            asked = counts.asked,
            refined = counts.refined,
            "template refinement done"
        );
        Ok(counts)
    }
}

/// Sets the validated refinements on the candidates; returns how many templates got one.
fn apply(
    report: &mut Report,
    known: &HashMap<String, RefinementOutcome>,
    is_candidate: impl Fn(&TemplateRef) -> bool,
) -> u32 {
    let mut refined = 0;
    for t in report.templates.iter_mut() {
        if !is_candidate(t) {
            continue;
        }
        if let Some(RefinementOutcome::Refined(text)) = known.get(&t.fingerprint) {
            t.refined_template = Some(text.clone());
            refined += 1;
        }
    }
    refined
}

/// The agent's (redacted) examples of template `t`, from the run's digests.
fn examples(report: &Report, t: &TemplateRef) -> Vec<String> {
    report
        .log_triage
        .iter()
        .filter(|h| h.agent == t.agent)
        .flat_map(|h| &h.containers)
        .filter(|c| c.name == t.container)
        .flat_map(|c| &c.templates)
        .filter(|d| baseline::fingerprint(&d.template) == t.fingerprint)
        .flat_map(|d| d.examples.iter().cloned())
        .take(EXAMPLES_PER_TEMPLATE)
        .collect()
}
