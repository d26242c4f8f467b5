-- Runs that always end, the agents' lifecycle, admin-set labels and the caller in the record
-- (issues #15 and #22).

-- A queued job that no agent took within its run's queue timeout ends `unreachable`, with the
-- reason in `error`. The timeout is fixed on each job at launch; the expiry is set when the job is
-- queued (at launch, and again when it is requeued) so that the reaper finds expired jobs through
-- one small index.
ALTER TABLE jobs DROP CONSTRAINT jobs_status_check;
ALTER TABLE jobs ADD CONSTRAINT jobs_status_check
    CHECK (status IN ('queued', 'dispatched', 'running', 'succeeded', 'failed', 'cancelled',
                      'lost', 'unreachable')) NOT VALID;
ALTER TABLE jobs ADD COLUMN queue_timeout_seconds INTEGER NOT NULL DEFAULT 300;
ALTER TABLE jobs ADD COLUMN queue_expires_at TIMESTAMPTZ;
UPDATE jobs SET queue_expires_at = now() + interval '300 seconds' WHERE status = 'queued';
CREATE INDEX jobs_queue_expiry_idx ON jobs (queue_expires_at) WHERE status = 'queued';
-- The run records the timeout its jobs got; a directive may set its runs' default.
ALTER TABLE runs ADD COLUMN queue_timeout_seconds INTEGER;
ALTER TABLE directives ADD COLUMN queue_timeout_seconds INTEGER;

-- Who launched a run, from the API token that made the call (`launched_by` stays a free-text
-- note from the client, unverified).
ALTER TABLE runs ADD COLUMN launched_by_token TEXT;
ALTER TABLE runs ADD COLUMN launched_by_role TEXT;

-- Labels by source. `labels` is what targeting uses: those an admin set (the join token's at
-- enrollment, `enrolled_labels`, and `cbctl agent label`'s, `admin_labels`, which win).
-- `reported_labels` are the agent's own, from its hello: shown, and used for targeting only by a
-- controller started with --trust-agent-labels.
ALTER TABLE agents ADD COLUMN reported_labels JSONB NOT NULL DEFAULT '{}';
ALTER TABLE agents ADD COLUMN admin_labels JSONB NOT NULL DEFAULT '{}';
UPDATE agents SET
    reported_labels = labels - ARRAY(SELECT jsonb_object_keys(COALESCE(enrolled_labels, '{}'))),
    labels = COALESCE(enrolled_labels, '{}');

-- Liveness: the heartbeat interval the agent was given at its last hello, so that every replica
-- computes `stale` and `offline` alike, and the time of that hello (NULL: it never connected).
ALTER TABLE agents ADD COLUMN heartbeat_seconds INTEGER;
ALTER TABLE agents ADD COLUMN connected_at TIMESTAMPTZ;
UPDATE agents SET connected_at = last_seen_at WHERE version <> '';

-- Deleted agents: gone from the fleet, but their jobs' history keeps their names.
CREATE TABLE deleted_agents (
    id          UUID        PRIMARY KEY,
    name        TEXT        NOT NULL,
    hostname    TEXT        NOT NULL DEFAULT '',
    deleted_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE VIEW agent_names AS
    SELECT id, name FROM agents
    UNION ALL
    SELECT id, name FROM deleted_agents;

-- Join tokens can be revoked before use.
ALTER TABLE join_tokens ADD COLUMN revoked_at TIMESTAMPTZ;
