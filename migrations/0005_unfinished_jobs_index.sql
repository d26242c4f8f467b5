-- After each result the controller asks whether the run still has unfinished jobs; this keeps that
-- question to a few index entries however large the run.
CREATE INDEX jobs_unfinished_by_run_idx ON jobs (run_id)
    WHERE status IN ('queued', 'dispatched', 'running');
