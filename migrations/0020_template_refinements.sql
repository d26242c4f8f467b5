-- LLM refinement of new templates (issue #17): which words of a template are variables, asked of
-- the LLM once per template text and kept here, so a known template never costs another call.
--
-- Keyed by the template's fingerprint (as in baseline_templates: hex of the first 16 bytes of the
-- SHA-256 of its text). refined_template is NULL unless the answer passed the strict check
-- (`cyberbrain_llm::refine::validate`): the miner's own template with some words made `<*>`, so it
-- holds no text the template did not. Rejected and unchanged answers are kept too: asking again
-- would cost a call for the same answer.
CREATE TABLE template_refinements (
    fingerprint      TEXT        PRIMARY KEY CHECK (fingerprint ~ '^[0-9a-f]{32}$'),
    outcome          TEXT        NOT NULL CHECK (outcome IN ('refined', 'unchanged', 'rejected')),
    refined_template TEXT        CHECK (char_length(refined_template) BETWEEN 1 AND 1024),
    provider         TEXT        NOT NULL CHECK (char_length(provider) BETWEEN 1 AND 64),
    model            TEXT        NOT NULL CHECK (char_length(model) BETWEEN 1 AND 128),
    created_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK ((outcome = 'refined') = (refined_template IS NOT NULL))
);

-- What an LLM call was for: the run's triage or a template's refinement.
ALTER TABLE llm_calls
    ADD COLUMN purpose TEXT NOT NULL DEFAULT 'triage' CHECK (purpose IN ('triage', 'refine'));
