-- Finished runs are deleted once they are older than the retention period
-- (`--run-retention-seconds`), oldest first, a few at a time: this index finds them without
-- reading the runs still in progress or those not due yet.
CREATE INDEX runs_finished_at_idx ON runs (finished_at) WHERE finished_at IS NOT NULL;

-- Deleting a run deletes its jobs (trigger `runs_delete_rows`). These two keys made each deleted
-- job look for referencing rows in a table without an index on `job_id`, a scan per job. Artifacts
-- go with their run (`artifacts.run_id` cascades); an LLM call's `job_id` is kept as history.
ALTER TABLE artifacts DROP CONSTRAINT artifacts_job_id_fkey;
ALTER TABLE llm_calls DROP CONSTRAINT llm_calls_job_id_fkey;

-- Token accounting outlives the runs it served: `cbctl usage` over a quarter still adds up after
-- the runs of that quarter are gone.
ALTER TABLE llm_calls DROP CONSTRAINT llm_calls_run_id_fkey;
ALTER TABLE llm_calls ADD CONSTRAINT llm_calls_run_id_fkey
    FOREIGN KEY (run_id) REFERENCES runs (id) ON DELETE SET NULL;
