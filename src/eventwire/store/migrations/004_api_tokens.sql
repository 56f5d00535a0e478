-- Write tokens for the HTTP API: only a SHA-256 of each token is kept; the token itself is
-- shown once, when it is made (eventwire token create).
CREATE TABLE api_tokens (
    token_id    VARCHAR PRIMARY KEY,       -- short public id, for list and revoke
    name        VARCHAR NOT NULL,
    token_hash  VARCHAR NOT NULL UNIQUE,
    created_at  TIMESTAMP DEFAULT current_timestamp,
    revoked_at  TIMESTAMP
);
