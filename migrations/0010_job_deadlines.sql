-- Per-task job limits: a task may set its jobs' attempts and deadline, fixed on each job at
-- launch. max_attempts was already stored per job; the deadline was the claiming replica's
-- setting. A claim now uses the job's own (NULL for jobs launched before this migration, which
-- keep the claiming replica's setting). Adding a nullable column rewrites nothing.
ALTER TABLE jobs ADD COLUMN deadline_seconds INTEGER
    CHECK (deadline_seconds BETWEEN 1 AND 86400);
