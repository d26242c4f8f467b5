-- Worker images (`container` tasks) join the allowlist as their own kind: an admin adds
-- `NAME@sha256:<digest>` (or `NAME@sha256:*`), audited like every allowlist change. Such an
-- entry admits no container to read; each agent must list the image too (--allow-image).
ALTER TABLE allowlist_entries DROP CONSTRAINT allowlist_entries_kind_check;
ALTER TABLE allowlist_entries ADD CONSTRAINT allowlist_entries_kind_check
    CHECK (kind IN ('name', 'name_glob', 'image_glob', 'worker_image'));
