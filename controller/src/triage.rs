//! The second step of a run's finish: LLM triage.
//!
//! A run is finished (final status, report with the deterministic triage section) in one
//! transaction that never waits on the network. Afterwards, if an LLM is configured and the run
//! has log digests, [`Triage::run`] takes the report the finish built, builds the prompt from what
//! may leave (the directive's `llm` switch, allowlist entries' `send_to_llm`), asks the providers,
//! records every HTTP call in `llm_calls`, and rewrites the stored report and its artifact files
//! from that one report with the LLM's validated findings, or with the deterministic section and
//! the reason. The run's status is final at the first step and this step never changes it.
//!
//! Before the triage prompt, [`refine`] asks the LLM which words of the run's new error templates
//! are variables, once per template text (cached), and marks the templates it validly refined.

mod refine;

use sha2::{Digest, Sha256};
use uuid::Uuid;

use cyberbrain_llm::client::ChatRequest;
use cyberbrain_llm::prompt;
use cyberbrain_llm::providers::{Attempt, Outcome};
use cyberbrain_report::triage::{self, TemplateRef, TriageSection, WrittenBy, notes};
use cyberbrain_report::{self as report};

use std::sync::Arc;

use cyberbrain_llm::{Llm, TriageSettings};
use cyberbrain_store::Store;

use crate::artifacts::ArtifactRoot;
use crate::error::Result;
use crate::metrics::Metrics;

/// Whether a finished run's report will get an LLM step.
pub fn wants_llm(report: &report::Report) -> bool {
    report
        .log_triage
        .iter()
        .any(|h| h.containers.iter().any(|c| !c.templates.is_empty()))
}

/// What the LLM step of a run's finish needs. It sits below [`crate::app::App`], which makes one
/// for each run that wants the step.
pub struct Triage {
    /// Where the run, the directive's and the allowlist's switches are read and the report stored.
    pub store: Store,
    /// The providers.
    pub llm: Arc<Llm>,
    /// Prompt sizing.
    pub settings: TriageSettings,
    /// Where every LLM call is counted.
    pub metrics: Arc<Metrics>,
    /// Where the rewritten report's files go.
    pub artifacts: ArtifactRoot,
}

impl Triage {
    /// Runs the LLM triage of a finished run and rewrites its report. Errors are the store's; LLM
    /// failures end in a deterministic section, not an error.
    /// `report` is the run's report as its finish built it.
    pub async fn run(&self, run_id: Uuid, mut report: report::Report) -> Result<()> {
        let llm = self.llm.clone();
        // The report's own catalogue: the same ids, and new and burst as its baseline judged.
        let all = report.templates.clone();

        let directive_allows = match (&report.directive, report.directive_version) {
            (Some(name), Some(version)) => self.store.directive_llm_enabled(name, version).await?,
            _ => true,
        };
        let withheld_rules = self.store.rules_withheld_from_llm().await?;
        let (sendable, withheld): (Vec<TemplateRef>, Vec<TemplateRef>) =
            all.iter().cloned().partition(|t| {
                directive_allows
                    && !withheld_rules
                        .iter()
                        .any(|r| r.permits(&t.container, &t.image))
            });

        let sendable_ids: std::collections::HashSet<String> =
            sendable.iter().map(|t| t.id.clone()).collect();
        let refinement = self
            .refine(&llm, run_id, &mut report, &sendable_ids)
            .await?;

        let mut section = triage::deterministic(&report.templates, notes::NO_TEMPLATES);
        section.refinement = Some(refinement);
        section.templates_withheld = withheld.len() as u32;
        if !directive_allows {
            section.note = notes::DIRECTIVE_OFF.into();
        } else if sendable.is_empty() && !withheld.is_empty() {
            section.note = notes::ALL_WITHHELD.into();
        } else if !sendable.is_empty() {
            section = self.ask(&llm, run_id, &sendable, section).await?;
        }
        report.triage = section;
        let (markdown, json) =
            report::render_report(&report).map_err(crate::error::unrenderable_report)?;
        self.store.update_report(run_id, &markdown, &json).await?;
        tracing::info!(
            run_id = %run_id,
            written_by = ?report.triage.written_by,
            templates_sent = report.triage.templates_sent,
            "run triage stored"
        );
        // The files are written from the report just built, not read back.
        if let Err(e) = self
            .artifacts
            .write_report(&self.store, run_id, &markdown, &json)
            .await
        {
            tracing::error!(run_id = %run_id, error = %e, "could not rewrite report artifacts");
        }
        Ok(())
    }

    /// Asks the providers (once more after an invalid answer), records every call, and returns the
    /// section to store.
    async fn ask(
        &self,
        llm: &Llm,
        run_id: Uuid,
        sendable: &[TemplateRef],
        mut section: TriageSection,
    ) -> Result<TriageSection> {
        let settings = self.settings;
        let built = prompt::build(
            sendable,
            settings.prompt_token_budget,
            llm.chars_per_token(),
        );
        tracing::debug!(
            run_id = %run_id,
            prompt_chars = built.chars(),
            prompt_sha256 = %format!("{:x}", Sha256::digest(format!("{}\n{}", built.system, built.user))),
            estimated_tokens = built.estimated_tokens,
            templates_included = built.included,
            templates_omitted = built.omitted,
            "llm triage prompt built"
        );
        section.templates_sent = built.included as u32;
        section.templates_omitted = built.omitted as u32;
        if built.included == 0 {
            section.note = notes::BUDGET_TOO_SMALL.into();
            return Ok(section);
        }
        let request = ChatRequest {
            system: built.system.clone(),
            user: built.user.clone(),
            max_tokens: settings.max_completion_tokens,
        };
        let mut attempts: Vec<Attempt> = Vec::new();
        let mut outcome = Err(notes::ALL_FAILED);
        // One retry after an invalid answer, then the deterministic section.
        for _ in 0..2 {
            match llm.complete(&request, &mut attempts).await {
                Err(failure) => {
                    tracing::warn!(run_id = %run_id, error = %failure, "llm triage failed");
                    outcome = Err(notes::ALL_FAILED);
                    break;
                }
                Ok(completion) => {
                    let answered = attempts.last().cloned();
                    if let Some(prompt_tokens) = completion.usage.and_then(|u| u.prompt_tokens) {
                        llm.calibrate(built.chars(), prompt_tokens);
                    }
                    match cyberbrain_llm::answer::validate(&completion.content, &built) {
                        Ok(findings) => {
                            outcome = Ok((findings, answered));
                            break;
                        }
                        Err(reason) => {
                            tracing::warn!(run_id = %run_id, reason = %reason, answer_chars = completion.content.chars().count(), "llm answer invalid");
                            if let Some(last) = attempts.last_mut() {
                                last.outcome = Outcome::InvalidAnswer;
                            }
                            outcome = Err(notes::INVALID);
                        }
                    }
                }
            }
        }
        self.metrics.llm_calls(&attempts);
        self.store
            .record_llm_calls(Some(run_id), None, &attempts)
            .await?;
        match outcome {
            Ok((findings, answered)) => {
                section.written_by = WrittenBy::Llm;
                section.findings = findings;
                if let Some(a) = answered {
                    section.note = format!(
                        "written by the LLM {} via {}; check it against the digests",
                        a.model, a.provider
                    );
                    section.provider = Some(a.provider);
                    section.model = Some(a.model);
                }
            }
            Err(note) => section.note = note.into(),
        }
        Ok(section)
    }
}
