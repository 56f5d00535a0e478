-- Issue 24: per merged event and reported date, how many of its reports give that date and
-- the best of them (the fields a merged event shows), so that a report joining a merged event
-- updates one row here instead of the refresh reading every report of the event (merged events
-- of a long-running story hold thousands of reports). date NULL: the event's undated reports.
CREATE TABLE merged_event_dates (
    merged_id VARCHAR NOT NULL,
    date VARCHAR,
    votes INTEGER NOT NULL,        -- reports of this merged event that give this date
    doc_key VARCHAR NOT NULL, event_id VARCHAR NOT NULL,   -- the best of them
    day DATE, date_precision VARCHAR, source_country VARCHAR, target_country VARCHAR,
    place_country VARCHAR, place_feature VARCHAR, lat DOUBLE, lon DOUBLE, confidence DOUBLE
);

-- An existing store: the same ranking as the refresh (eventwire.store.merged.report_rank).
INSERT INTO merged_event_dates
SELECT merged_id, date, votes, doc_key, event_id, day, date_precision, source_country, target_country,
       place_country, place_feature, lat, lon, confidence
FROM (SELECT *, count(*) OVER (PARTITION BY merged_id, date) AS votes,
             row_number() OVER (PARTITION BY merged_id, date ORDER BY
                 CASE date_precision WHEN 'day' THEN 3 WHEN 'month' THEN 2 WHEN 'year' THEN 1 ELSE 0 END DESC,
                 CASE WHEN lat IS NULL THEN 0 ELSE CASE place_feature WHEN 'city' THEN 5 WHEN 'admin2' THEN 4
                     WHEN 'admin1' THEN 3 WHEN 'region' THEN 2 WHEN 'other' THEN 2 WHEN 'country' THEN 1
                     ELSE 0 END END DESC,
                 coalesce(confidence, 0) DESC, doc_key, event_id) AS rank_in_date
      FROM events WHERE merged_id IS NOT NULL)
WHERE rank_in_date = 1;
