-- Dispatch that survives failure (issue #3): per-job deadlines and attempt limits, and a per-run
-- event log that `WatchRun` replays so that a client can resume without losing or repeating events.

ALTER TABLE jobs ADD COLUMN deadline_at TIMESTAMPTZ;
ALTER TABLE jobs ADD COLUMN max_attempts INTEGER NOT NULL DEFAULT 3 CHECK (max_attempts >= 1);

-- The reaper looks for expired leases and passed deadlines among jobs in flight.
CREATE INDEX jobs_in_flight_lease_idx ON jobs (lease_expires_at)
    WHERE status IN ('dispatched', 'running');

-- Events of a run are numbered 1, 2, 3, … under the run's row lock, so their numbers follow commit
-- order and a reader that has seen event N has seen every event before it.
ALTER TABLE runs ADD COLUMN last_event_seq BIGINT NOT NULL DEFAULT 0;

CREATE TABLE run_events (
    run_id     UUID        NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
    seq        BIGINT      NOT NULL,
    -- 'run': the run's status changed; 'job': one job's status or attempt changed.
    kind       TEXT        NOT NULL CHECK (kind IN ('run', 'job')),
    job_id     UUID,
    status     TEXT        NOT NULL,
    attempt    INTEGER,
    error      TEXT,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (run_id, seq)
);
