-- The template baseline (issue #16): per directive, or per ad-hoc target, the template
-- fingerprints seen per container image or compose service, with their usual rate. A run's
-- finish compares its templates with it ("new since the baseline", bursts against the usual
-- rate) and then merges them in, in the same transaction.
CREATE TABLE template_baselines (
    -- `directive:<name>` or `target:<target>`.
    scope      TEXT PRIMARY KEY,
    -- Finished runs with log digests that fed it.
    runs       INTEGER NOT NULL CHECK (runs >= 0),
    updated_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE baseline_templates (
    scope          TEXT NOT NULL REFERENCES template_baselines (scope) ON DELETE CASCADE,
    -- `service:<project>/<service>` or `image:<image>`.
    subject        TEXT NOT NULL,
    -- Hex of the first 16 bytes of the SHA-256 of the template's text.
    fingerprint    TEXT NOT NULL,
    lines_per_hour DOUBLE PRECISION NOT NULL CHECK (lines_per_hour >= 0),
    runs           INTEGER NOT NULL CHECK (runs >= 1),
    first_seen     TIMESTAMPTZ NOT NULL,
    last_seen      TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (scope, subject, fingerprint)
);

-- The pruning of templates not seen for a long time.
CREATE INDEX baseline_templates_last_seen ON baseline_templates (scope, last_seen);
