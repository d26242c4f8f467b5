-- Output of running commands, streamed by the agents in numbered pieces: one row per
-- (job, attempt, sequence), so a piece resent after a reconnect is stored once.
CREATE TABLE job_output (
    job_id      UUID        NOT NULL REFERENCES jobs (id) ON DELETE CASCADE,
    attempt     INTEGER     NOT NULL,
    sequence    BIGINT      NOT NULL CHECK (sequence > 0),
    text        TEXT        NOT NULL,
    received_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (job_id, attempt, sequence)
);
