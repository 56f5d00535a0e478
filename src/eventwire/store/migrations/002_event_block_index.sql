-- Merging looks reports up by category and day; keep that lookup indexed as the store grows.
CREATE INDEX events_block ON events (category, day);
