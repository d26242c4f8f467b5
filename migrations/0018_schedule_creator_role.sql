-- The role of a schedule's creator: every fire launches with it, so a schedule runs no task its
-- creator could not launch by hand (checked at creation and again at each fire, as the
-- directive may have changed). Schedules made before this column are taken as an operator's,
-- the least role that may create one.
ALTER TABLE schedules
    ADD COLUMN creator_role TEXT NOT NULL DEFAULT 'operator'
        CHECK (creator_role IN ('viewer', 'operator', 'admin'));
ALTER TABLE schedules ALTER COLUMN creator_role DROP DEFAULT;
