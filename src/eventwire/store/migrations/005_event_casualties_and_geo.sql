-- Issue 21: casualties of violent events (the record's casualties object, and the two counts
-- for filtering), where the sides are from, the event place's first-level unit, and whether
-- the event is told in the article's lead (GDELT's IsRootEvent).
ALTER TABLE events ADD COLUMN casualties JSON;
ALTER TABLE events ADD COLUMN killed INTEGER;
ALTER TABLE events ADD COLUMN injured INTEGER;
ALTER TABLE events ADD COLUMN place_admin1 VARCHAR;
ALTER TABLE events ADD COLUMN source_place JSON;
ALTER TABLE events ADD COLUMN target_place JSON;
ALTER TABLE events ADD COLUMN is_lead BOOLEAN;
