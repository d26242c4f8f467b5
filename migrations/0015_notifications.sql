-- Notifications out (issue #20, part 3): rules, and an outbox written in the transaction that
-- finishes a run. Outbox rows hold references only (rule, run, event): the message is rendered
-- from the run's stored report when it is sent, so no report or LLM text is copied here.

CREATE TABLE notification_rules (
    id              UUID        PRIMARY KEY,
    name            TEXT        NOT NULL UNIQUE,
    -- Event kinds: run.failed, run.partially_failed, finding.new_error.
    events          TEXT[]      NOT NULL CHECK (cardinality(events) > 0),
    -- NULL: every run, ad-hoc ones included; else runs of this directive only.
    directive_name  TEXT,
    sink            TEXT        NOT NULL CHECK (sink IN ('slack', 'webhook', 'github')),
    -- The webhook URL (a secret: never shown after creation), or `owner/repo` for GitHub.
    target          TEXT        NOT NULL,
    -- What listings show of the target: scheme and host only for URLs.
    target_shown    TEXT        NOT NULL,
    -- The Standard Webhooks signing secret (`whsec_…`) or the GitHub token; '' for Slack.
    secret          TEXT        NOT NULL DEFAULT '',
    -- GitHub's REST API root (https://api.github.com, or a GitHub Enterprise one).
    api_url         TEXT,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    created_by      TEXT        NOT NULL DEFAULT '',
    -- Delivery health: the first failure since the last success, the last success and error.
    failing_since   TIMESTAMPTZ,
    last_success_at TIMESTAMPTZ,
    last_error      TEXT,
    -- Set when the endpoint failed for longer than the controller's disable-after period.
    disabled_at     TIMESTAMPTZ
);

CREATE TABLE notification_outbox (
    id           BIGSERIAL   PRIMARY KEY,
    -- `webhook-id`: the same for every attempt, so receivers can de-duplicate.
    message_id   UUID        NOT NULL UNIQUE,
    rule_id      UUID        NOT NULL REFERENCES notification_rules (id) ON DELETE CASCADE,
    run_id       UUID        NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
    event        TEXT        NOT NULL,
    status       TEXT        NOT NULL DEFAULT 'pending'
                 CHECK (status IN ('pending', 'delivered', 'failed')),
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    -- When the next attempt is due; a claim moves it one lease ahead, so a replica that dies
    -- mid-send leaves the row to another after the lease.
    due_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    attempts     INTEGER     NOT NULL DEFAULT 0,
    last_status  INTEGER,
    last_error   TEXT,
    delivered_at TIMESTAMPTZ,
    -- One message per rule, run and event, however many replicas finish or retry.
    UNIQUE (rule_id, run_id, event)
);
CREATE INDEX notification_outbox_due_idx ON notification_outbox (due_at) WHERE status = 'pending';
CREATE INDEX notification_outbox_run_idx ON notification_outbox (run_id);
