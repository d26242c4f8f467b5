-- The walking skeleton's schema: directives and their versions, agents, runs, jobs, the allowlist
-- and artifacts (DESIGN §3). Status columns are text with CHECK constraints so that psql shows
-- readable values and a new status is one ALTER away.

CREATE TABLE directives (
    name           TEXT        NOT NULL,
    version        INTEGER     NOT NULL CHECK (version >= 1),
    description    TEXT        NOT NULL DEFAULT '',
    tasks          JSONB       NOT NULL,
    default_target JSONB       NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (name, version)
);

CREATE TABLE agents (
    id             UUID        PRIMARY KEY,
    name           TEXT        NOT NULL UNIQUE,
    hostname       TEXT        NOT NULL DEFAULT '',
    labels         JSONB       NOT NULL DEFAULT '{}',
    version        TEXT        NOT NULL DEFAULT '',
    capabilities   JSONB       NOT NULL DEFAULT '{}',
    state          TEXT        NOT NULL DEFAULT 'offline'
                   CHECK (state IN ('online', 'offline', 'revoked')),
    replica        TEXT,
    first_seen_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    last_seen_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE runs (
    id                UUID        PRIMARY KEY,
    directive_name    TEXT,
    directive_version INTEGER,
    tasks             JSONB       NOT NULL,
    target            JSONB       NOT NULL,
    launched_by       TEXT        NOT NULL DEFAULT '',
    status            TEXT        NOT NULL DEFAULT 'pending'
                      CHECK (status IN ('pending', 'running', 'succeeded', 'partially_failed',
                                        'failed', 'cancelled')),
    created_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    started_at        TIMESTAMPTZ,
    finished_at       TIMESTAMPTZ,
    report_markdown   TEXT,
    report_json       JSONB
);

-- Listing is newest first with keyset pagination on (created_at, id).
CREATE INDEX runs_created_at_id_idx ON runs (created_at DESC, id DESC);
CREATE INDEX runs_status_idx ON runs (status);

CREATE TABLE jobs (
    id               UUID        PRIMARY KEY,
    run_id           UUID        NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
    agent_id         UUID        NOT NULL REFERENCES agents (id),
    task_index       INTEGER     NOT NULL,
    task_type        TEXT        NOT NULL,
    task             JSONB       NOT NULL,
    status           TEXT        NOT NULL DEFAULT 'queued'
                     CHECK (status IN ('queued', 'dispatched', 'running', 'succeeded', 'failed',
                                       'cancelled', 'lost')),
    attempt          INTEGER     NOT NULL DEFAULT 0,
    -- The allowlist sent with the job: results are filtered against it again on arrival.
    allowlist        JSONB,
    lease_owner      TEXT,
    lease_expires_at TIMESTAMPTZ,
    result           JSONB,
    error            TEXT,
    created_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    dispatched_at    TIMESTAMPTZ,
    finished_at      TIMESTAMPTZ,
    UNIQUE (run_id, task_index, agent_id)
);

CREATE INDEX jobs_run_id_idx ON jobs (run_id);
-- Dispatch claims an agent's queued jobs; keep that lookup small.
CREATE INDEX jobs_queued_by_agent_idx ON jobs (agent_id, created_at) WHERE status = 'queued';

CREATE TABLE allowlist_entries (
    id          UUID        PRIMARY KEY,
    kind        TEXT        NOT NULL CHECK (kind IN ('name', 'name_glob', 'image_glob')),
    pattern     TEXT        NOT NULL,
    description TEXT        NOT NULL DEFAULT '',
    active      BOOLEAN     NOT NULL DEFAULT TRUE,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (kind, pattern)
);

CREATE TABLE artifacts (
    id            UUID        PRIMARY KEY,
    run_id        UUID        NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
    job_id        UUID        REFERENCES jobs (id) ON DELETE CASCADE,
    kind          TEXT        NOT NULL,
    relative_path TEXT        NOT NULL,
    size_bytes    BIGINT      NOT NULL,
    sha256        TEXT        NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (run_id, relative_path)
);
