-- Documents, their annotations as tables, quarantine, and merged events.
CREATE TABLE documents (
    doc_key      VARCHAR PRIMARY KEY,      -- content hash: the identity for idempotent ingest
    id           VARCHAR NOT NULL,
    title        VARCHAR,
    date         DATE,
    url          VARCHAR,
    language     VARCHAR,
    source       VARCHAR,
    text         VARCHAR NOT NULL,
    record       JSON NOT NULL,            -- the full record, as extract writes it
    ingested_at  TIMESTAMP DEFAULT current_timestamp
);
CREATE INDEX documents_id ON documents (id);

CREATE TABLE quarantine (
    doc_key      VARCHAR PRIMARY KEY,
    id           VARCHAR NOT NULL,
    title        VARCHAR,
    date         VARCHAR,
    url          VARCHAR,
    source       VARCHAR,
    code         VARCHAR NOT NULL,
    message      VARCHAR NOT NULL,
    raw          BLOB,
    ingested_at  TIMESTAMP DEFAULT current_timestamp
);

CREATE TABLE actors (
    doc_key VARCHAR NOT NULL, actor_id VARCHAR NOT NULL, name VARCHAR, type VARCHAR,
    country VARCHAR, sector VARCHAR, code VARCHAR, n_mentions INTEGER,
    PRIMARY KEY (doc_key, actor_id)
);

CREATE TABLE times (
    doc_key VARCHAR NOT NULL, start INTEGER, "end" INTEGER, text VARCHAR, type VARCHAR, value VARCHAR
);

CREATE TABLE places (
    doc_key VARCHAR NOT NULL, start INTEGER, "end" INTEGER, text VARCHAR, name VARCHAR,
    feature VARCHAR, country VARCHAR, admin1 VARCHAR, lat DOUBLE, lon DOUBLE, geonameid BIGINT
);

CREATE TABLE quotes (
    doc_key VARCHAR NOT NULL, start INTEGER, "end" INTEGER, text VARCHAR, direct BOOLEAN,
    cue VARCHAR, date VARCHAR, speaker_text VARCHAR, speaker_actor VARCHAR
);

CREATE TABLE events (
    doc_key VARCHAR NOT NULL,
    event_id VARCHAR NOT NULL,
    doc_id VARCHAR NOT NULL,
    doc_date DATE,
    url VARCHAR,
    category VARCHAR NOT NULL, mode VARCHAR, cameo VARCHAR, goldstein DOUBLE,
    quad_class INTEGER, acled_event_type VARCHAR,
    source_actor VARCHAR, source_text VARCHAR, source_country VARCHAR, source_sector VARCHAR,
    target_actor VARCHAR, target_text VARCHAR, target_country VARCHAR, target_sector VARCHAR,
    date VARCHAR, date_precision VARCHAR, day DATE,   -- day: first day the date can mean
    place_name VARCHAR, place_country VARCHAR, place_feature VARCHAR,
    lat DOUBLE, lon DOUBLE, geonameid BIGINT,
    modality VARCHAR NOT NULL,
    sentence_start INTEGER, sentence_end INTEGER,
    evidence_start INTEGER, evidence_end INTEGER, evidence VARCHAR,
    confidence DOUBLE,
    merged_id VARCHAR,
    PRIMARY KEY (doc_key, event_id)
);
CREATE INDEX events_merged ON events (merged_id);

CREATE TABLE merged_events (
    merged_id VARCHAR PRIMARY KEY,
    category VARCHAR NOT NULL,
    quad_class INTEGER,
    day DATE,                 -- blocking key for merging and the date filter
    date VARCHAR, date_precision VARCHAR,
    source_country VARCHAR, target_country VARCHAR,
    place_country VARCHAR, place_feature VARCHAR, lat DOUBLE, lon DOUBLE,
    modality VARCHAR,
    n_sources INTEGER NOT NULL,
    best_doc_key VARCHAR, best_event_id VARCHAR,
    dates_reported VARCHAR[]
);
CREATE INDEX merged_block ON merged_events (category, day);
CREATE SEQUENCE merged_seq START 1;
