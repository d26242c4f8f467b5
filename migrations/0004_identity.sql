-- Identity and access (issue #4): API tokens with roles, one-time join tokens for enrollment,
-- the certificates the controller issued, and the audit log. Secrets are never stored: only the
-- SHA-256 of each token's random secret. (0003 belongs to issue #6.)

CREATE TABLE api_tokens (
    id             UUID        PRIMARY KEY,
    name           TEXT        NOT NULL UNIQUE,
    role           TEXT        NOT NULL CHECK (role IN ('viewer', 'operator', 'admin')),
    -- SHA-256 of the token's secret part; compared in constant time after lookup by id.
    secret_sha256  BYTEA       NOT NULL CHECK (length(secret_sha256) = 32),
    created_by     TEXT        NOT NULL DEFAULT '',
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    expires_at     TIMESTAMPTZ,
    revoked_at     TIMESTAMPTZ
);

CREATE TABLE join_tokens (
    id             UUID        PRIMARY KEY,
    secret_sha256  BYTEA       NOT NULL CHECK (length(secret_sha256) = 32),
    -- Labels stamped on the agent that enrolls with the token.
    labels         JSONB       NOT NULL DEFAULT '{}',
    created_by     TEXT        NOT NULL DEFAULT '',
    created_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    expires_at     TIMESTAMPTZ NOT NULL,
    -- Set once, atomically, by the enrollment that consumes the token.
    used_at        TIMESTAMPTZ,
    used_by_agent  UUID
);

-- Labels stamped at enrollment win over labels an agent reports in its hello.
ALTER TABLE agents ADD COLUMN enrolled_labels JSONB;
-- The serial of the certificate the agent last connected with, so a revocation can name it even
-- when the controller did not issue it (hand-made development certificates).
ALTER TABLE agents ADD COLUMN cert_serial TEXT;
ALTER TABLE agents ADD COLUMN cert_expires_at TIMESTAMPTZ;

-- Every certificate the controller issued (enrollment and renewal), and every serial it refuses.
CREATE TABLE agent_certificates (
    serial      TEXT        PRIMARY KEY,
    agent_id    UUID        NOT NULL REFERENCES agents (id),
    not_before  TIMESTAMPTZ NOT NULL,
    not_after   TIMESTAMPTZ NOT NULL,
    issued_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    -- 'enroll' or 'renew'.
    reason      TEXT        NOT NULL CHECK (reason IN ('enroll', 'renew')),
    revoked_at  TIMESTAMPTZ
);
CREATE INDEX agent_certificates_agent_idx ON agent_certificates (agent_id);

CREATE TABLE revoked_serials (
    serial      TEXT        PRIMARY KEY,
    agent_id    UUID,
    revoked_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Who did what to which object. Written in the transaction of the change it records.
CREATE TABLE audit_events (
    id          BIGSERIAL   PRIMARY KEY,
    at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    -- `token:<name>` for API callers, `agent:<name>` for agents, `join-token:<id>` for enrollment.
    actor       TEXT        NOT NULL,
    -- e.g. `run.launch`, `allowlist.add`, `token.create`, `agent.revoke`.
    action      TEXT        NOT NULL,
    -- The object acted on: a run id, a directive name, a token name, an agent name.
    object      TEXT        NOT NULL DEFAULT '',
    details     JSONB       NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_events_at_idx ON audit_events (at DESC, id DESC);
CREATE INDEX audit_events_actor_idx ON audit_events (actor);
CREATE INDEX audit_events_action_idx ON audit_events (action);
