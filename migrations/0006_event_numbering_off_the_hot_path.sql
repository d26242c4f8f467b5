-- Dispatch throughput (issue #3): job changes no longer number their run's events under the run's
-- row lock, which serialised every job of a run behind one lock. A change now appends an
-- unnumbered event (seq NULL) under a shared lock; a reader (WatchRun) or the run's finish numbers
-- the committed unnumbered events in one pass under the run's exclusive row lock. Readers see only
-- numbered events, and each pass numbers after every earlier pass, so a reader that has seen event
-- N has still seen every event before it.

ALTER TABLE run_events DROP CONSTRAINT run_events_pkey;
ALTER TABLE run_events ADD COLUMN id BIGINT GENERATED ALWAYS AS IDENTITY;
ALTER TABLE run_events ADD PRIMARY KEY (id);
ALTER TABLE run_events ALTER COLUMN seq DROP NOT NULL;
CREATE UNIQUE INDEX run_events_run_seq_idx ON run_events (run_id, seq);
CREATE INDEX run_events_unnumbered_idx ON run_events (run_id, id) WHERE seq IS NULL;
