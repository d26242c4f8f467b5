-- Per-task job limits: a task may set its jobs' attempts and deadline, fixed on each job at
-- launch. max_attempts was already stored per job; the deadline was the claiming replica's
-- setting. A claim now uses the job's own (NULL for jobs launched before this migration, which
-- keep the claiming replica's setting).
--
-- A nullable column without a default rewrites nothing; its range check is added NOT VALID so
-- that the existing rows (all NULL) are not scanned under this migration's exclusive lock. New
-- and updated rows are checked all the same.
ALTER TABLE jobs ADD COLUMN deadline_seconds INTEGER;
ALTER TABLE jobs ADD CONSTRAINT jobs_deadline_seconds_range
    CHECK (deadline_seconds BETWEEN 1 AND 86400) NOT VALID;
