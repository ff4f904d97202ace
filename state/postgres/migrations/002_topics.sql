-- mineralbot state, schema 2: conversations' topics, for follow-ups answered by any replica.
CREATE TABLE topics (
    conversation text PRIMARY KEY,
    topic        jsonb NOT NULL,
    expires_at   timestamptz NOT NULL
);
CREATE INDEX topics_expires_at ON topics (expires_at);
