-- The W3C traceparent of the launch, so that whichever replica dispatches the run's jobs, handles
-- their results or finishes the run can continue the launch's trace. NULL when the launching
-- controller did not export traces.
ALTER TABLE runs ADD COLUMN traceparent TEXT;
