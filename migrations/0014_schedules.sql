-- Schedules (issue #20): a directive launched by itself at the times of a cron pattern.

CREATE TABLE schedules (
    id                         UUID PRIMARY KEY,
    name                       TEXT NOT NULL UNIQUE,
    directive_name             TEXT NOT NULL,
    cron                       TEXT NOT NULL,
    time_zone                  TEXT NOT NULL DEFAULT 'UTC',
    concurrency                TEXT NOT NULL DEFAULT 'allow'
                               CHECK (concurrency IN ('allow', 'forbid', 'replace')),
    -- NULL: no deadline.
    starting_deadline_seconds  INTEGER CHECK (starting_deadline_seconds > 0),
    paused                     BOOLEAN NOT NULL DEFAULT false,
    -- The next fire time any replica considers; moved forward (never back) by whoever fires.
    next_fire_at               TIMESTAMPTZ,
    last_fired_at              TIMESTAMPTZ,
    created_by                 TEXT NOT NULL DEFAULT '',
    created_at                 TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX schedules_due_idx ON schedules (next_fire_at) WHERE NOT paused;

-- One row per (schedule, fire time) that was decided: launched a run (the run carries the same
-- schedule_id and scheduled_at), or skipped with a reason.
-- The unique key is the "exactly one run per fire time" guarantee: the row is inserted in the
-- transaction that creates the run, so a second replica's insert waits, then does nothing.
CREATE TABLE schedule_fires (
    schedule_id   UUID NOT NULL REFERENCES schedules (id) ON DELETE CASCADE,
    scheduled_at  TIMESTAMPTZ NOT NULL,
    outcome       TEXT NOT NULL CHECK (outcome IN ('fired', 'skipped')),
    reason        TEXT,
    decided_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (schedule_id, scheduled_at)
);
-- Retention deletes old fire records by time.
CREATE INDEX schedule_fires_time_idx ON schedule_fires (scheduled_at);

-- Where a run came from: empty for a manual launch, `schedule:<name>` for a scheduled one, with
-- the fire time it was launched for.
ALTER TABLE runs ADD COLUMN origin TEXT NOT NULL DEFAULT '';
ALTER TABLE runs ADD COLUMN scheduled_at TIMESTAMPTZ;
ALTER TABLE runs ADD COLUMN schedule_id UUID;
CREATE INDEX runs_unfinished_by_schedule_idx ON runs (schedule_id)
    WHERE schedule_id IS NOT NULL AND status IN ('pending', 'running');
-- A second guard, on the run itself: one run per (schedule, fire time).
CREATE UNIQUE INDEX runs_schedule_fire_idx ON runs (schedule_id, scheduled_at)
    WHERE schedule_id IS NOT NULL;
