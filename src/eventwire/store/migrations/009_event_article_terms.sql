-- Issue 24: each report keeps its article's most used words (merge.article_terms), so that
-- merging can tell two reports of one story from two stories of one category. Reports stored
-- before this migration have none: for them the feature counts neither way.
ALTER TABLE events ADD COLUMN article_terms VARCHAR[];
