-- Live ingest from feeds (`eventwire watch`): what each feed last answered, and every article
-- URL found in them, so a stopped watch resumes where it was. Whether an article is stored is
-- read from documents/quarantine (their url), never only from here: a watch killed between
-- storing an article and noting it here still never fetches it again.
CREATE TABLE watch_feeds (
    url            VARCHAR PRIMARY KEY,    -- as the feeds file (or a sitemap index) gives it
    kind           VARCHAR,                -- rss, atom, sitemap, sitemapindex
    parent         VARCHAR,                -- the sitemap index that listed it, if any
    etag           VARCHAR,                -- validators for the next conditional request
    last_modified  VARCHAR,
    last_attempt   TIMESTAMP,
    last_success   TIMESTAMP,
    last_error     VARCHAR,                -- "E120: ..." of the last failed attempt, NULL after a success
    failures       INTEGER DEFAULT 0,      -- failed attempts since the last success
    items          INTEGER DEFAULT 0,      -- article URLs in its last full answer
    added_at       TIMESTAMP DEFAULT current_timestamp
);

CREATE TABLE watch_urls (
    url          VARCHAR PRIMARY KEY,      -- normalised (courlan): one article, one row
    resolved     VARCHAR,                  -- where its redirects led (normalised), when elsewhere:
                                           -- the stored document carries this address
    feed         VARCHAR,                  -- the feed it was first found in
    title        VARCHAR,
    feed_date    DATE,                     -- the feed item's date: the fallback publication date
    status       VARCHAR NOT NULL,         -- pending, stored, quarantined, failed, forbidden, gave_up
    attempts     INTEGER DEFAULT 0,
    last_error   VARCHAR,
    retry_after  TIMESTAMP,                -- a failed fetch is not tried before this
    found_at     TIMESTAMP DEFAULT current_timestamp,
    done_at      TIMESTAMP
);
