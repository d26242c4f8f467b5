-- Dispatch throughput (issue #3), second step. Events are numbered as they are written, by the
-- last statements of the transaction that writes them, under the run's row lock held only from
-- there to the commit (see controller/src/store/events.rs). Each event is written once, readers
-- never write, and a reader no longer takes the run's lock to number events.

-- Number what an earlier version left unnumbered, in the order it was appended.
WITH pending AS (
    SELECT e.id, r.last_event_seq + row_number() OVER (PARTITION BY e.run_id ORDER BY e.id) AS seq
    FROM run_events e JOIN runs r ON r.id = e.run_id
    WHERE e.seq IS NULL)
UPDATE run_events e SET seq = p.seq FROM pending p WHERE e.id = p.id;

UPDATE runs r SET last_event_seq = m.seq
FROM (SELECT run_id, max(seq) AS seq FROM run_events GROUP BY run_id) m
WHERE r.id = m.run_id AND r.last_event_seq < m.seq;

DROP INDEX run_events_unnumbered_idx;
DROP INDEX run_events_run_seq_idx;
ALTER TABLE run_events DROP CONSTRAINT run_events_pkey;
ALTER TABLE run_events DROP COLUMN id;
ALTER TABLE run_events ALTER COLUMN seq SET NOT NULL;
ALTER TABLE run_events ADD PRIMARY KEY (run_id, seq);

-- The unique index on (run_id, task_index, agent_id) serves every lookup by run; this one only
-- cost a write per job change.
DROP INDEX jobs_run_id_idx;
