-- Issue 16 and 17: every other mention of the event in its document, whose claim it is, and
-- where its place came from (the step and the mention's span).
ALTER TABLE events ADD COLUMN mentions JSON;
ALTER TABLE events ADD COLUMN claimed_by JSON;
ALTER TABLE events ADD COLUMN place_from VARCHAR;
ALTER TABLE events ADD COLUMN place_start INTEGER;
ALTER TABLE events ADD COLUMN place_end INTEGER;
