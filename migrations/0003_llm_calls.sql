-- LLM accounting and the privacy switches (issue #6, DESIGN §3 "LLM call", §5 invariant 7).
--
-- llm_calls keeps one row per HTTP call to an LLM provider: who was asked, how many tokens the
-- server reported, how long it took, how it ended. No column can hold prompt or response text:
-- the only text columns are names from the controller's own configuration, bounded in length, and
-- an outcome from a fixed list. Token counts are NULL when the server did not report usage; they
-- are never estimated.
CREATE TABLE llm_calls (
    id                UUID        PRIMARY KEY,
    run_id            UUID        REFERENCES runs (id) ON DELETE CASCADE,
    job_id            UUID        REFERENCES jobs (id) ON DELETE SET NULL,
    provider          TEXT        NOT NULL CHECK (char_length(provider) BETWEEN 1 AND 64),
    model             TEXT        NOT NULL CHECK (char_length(model) BETWEEN 1 AND 128),
    endpoint_host     TEXT        NOT NULL CHECK (char_length(endpoint_host) BETWEEN 1 AND 255),
    streamed          BOOLEAN     NOT NULL,
    prompt_tokens     INTEGER     CHECK (prompt_tokens >= 0),
    completion_tokens INTEGER     CHECK (completion_tokens >= 0),
    total_tokens      INTEGER     CHECK (total_tokens >= 0),
    latency_ms        INTEGER     NOT NULL CHECK (latency_ms >= 0),
    outcome           TEXT        NOT NULL
                      CHECK (outcome IN ('ok', 'invalid_answer', 'rate_limited', 'server_error',
                                         'client_error', 'timeout', 'connect_error',
                                         'protocol_error')),
    created_at        TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE INDEX llm_calls_created_at_idx ON llm_calls (created_at);
CREATE INDEX llm_calls_run_id_idx ON llm_calls (run_id);

-- Per directive: whether its runs' digests may be sent to an LLM at all.
ALTER TABLE directives ADD COLUMN llm_enabled BOOLEAN NOT NULL DEFAULT TRUE;

-- Per allowlist entry: a container this entry admits can be triaged locally, yet its digest never
-- leaves for an LLM when the entry says FALSE.
ALTER TABLE allowlist_entries ADD COLUMN send_to_llm BOOLEAN NOT NULL DEFAULT TRUE;
