-- The event's sentence, so merging can compare what two reports say, not just their codes.
ALTER TABLE events ADD COLUMN sentence VARCHAR;
