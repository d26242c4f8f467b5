-- Inbound webhooks (issue #20): a trigger launches a directive when a signed delivery arrives at
-- `/hooks/{id}` on the web listener.

CREATE TABLE triggers (
    -- The id in the URL: random, so a URL cannot be guessed from another.
    id              UUID PRIMARY KEY,
    name            TEXT NOT NULL UNIQUE,
    kind            TEXT NOT NULL CHECK (kind IN ('github', 'alertmanager', 'grafana', 'generic')),
    directive_name  TEXT NOT NULL,
    -- Which deliveries launch a run (events, refs, label mapping): see model::triggers::Filters.
    filters         JSONB NOT NULL DEFAULT '{}',
    -- Kept as given out: HMAC verification needs the key itself. Shown once, at creation.
    secret          TEXT NOT NULL,
    created_by      TEXT NOT NULL DEFAULT '',
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- One row per accepted delivery, inserted in the transaction that creates its run: the primary key
-- is the de-duplication (GitHub's delivery id; Alertmanager's status, groupKey and fingerprints).
-- A key may be used again once it has expired (Alertmanager's cool-down).
CREATE TABLE trigger_deliveries (
    trigger_id   UUID NOT NULL REFERENCES triggers (id) ON DELETE CASCADE,
    dedupe_key   TEXT NOT NULL,
    received_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    expires_at   TIMESTAMPTZ NOT NULL,
    run_id       UUID,
    PRIMARY KEY (trigger_id, dedupe_key)
);
CREATE INDEX trigger_deliveries_expiry_idx ON trigger_deliveries (expires_at);

ALTER TABLE runs ADD COLUMN trigger_id UUID;
