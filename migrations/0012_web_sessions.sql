-- The web console (issue #18): sign-in sessions and one-time sign-in links, both tied to the API
-- token that opened them. Revoking or deleting the token ends them on every replica, because every
-- request reads the token's state through the session row. Only SHA-256 hashes of secrets are kept.

CREATE TABLE web_sessions (
    id             UUID        PRIMARY KEY,
    secret_sha256  BYTEA       NOT NULL CHECK (length(secret_sha256) = 32),
    token_id       UUID        NOT NULL REFERENCES api_tokens (id) ON DELETE CASCADE,
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    expires_at     TIMESTAMPTZ NOT NULL
);
CREATE INDEX web_sessions_token_id ON web_sessions (token_id);
CREATE INDEX web_sessions_expires_at ON web_sessions (expires_at);

CREATE TABLE web_sign_in_links (
    id             UUID        PRIMARY KEY,
    secret_sha256  BYTEA       NOT NULL CHECK (length(secret_sha256) = 32),
    token_id       UUID        NOT NULL REFERENCES api_tokens (id) ON DELETE CASCADE,
    expires_at     TIMESTAMPTZ NOT NULL
);
CREATE INDEX web_sign_in_links_expires_at ON web_sign_in_links (expires_at);

-- The console's agent page lists an agent's latest jobs, and /runs filters by agent.
CREATE INDEX jobs_agent_created_idx ON jobs (agent_id, created_at DESC);

-- The console's /gpus page reads each agent's latest successful gpu_report.
CREATE INDEX jobs_latest_result_by_type_idx ON jobs (task_type, agent_id, finished_at DESC)
    WHERE status = 'succeeded';
