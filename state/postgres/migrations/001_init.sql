-- mineralbot state, schema 1.
CREATE TABLE subscriptions (
    channel  text PRIMARY KEY,
    schedule text NOT NULL,
    source   text NOT NULL,
    by_user  text NOT NULL DEFAULT '',
    since    timestamptz NOT NULL,
    lang     text NOT NULL DEFAULT ''
);

-- One row per digest period: claimed with a lease, then posted or skipped, or failed and
-- claimed again.
CREATE TABLE deliveries (
    subscription text NOT NULL,
    period       timestamptz NOT NULL,
    state        text NOT NULL CHECK (state IN ('claimed', 'failed', 'posted', 'skipped')),
    owner        text NOT NULL,
    lease_until  timestamptz,
    attempts     integer NOT NULL,
    claimed_at   timestamptz NOT NULL,
    done_at      timestamptz,
    posted_ts    text NOT NULL DEFAULT '',
    note         text NOT NULL DEFAULT '',
    last_error   text NOT NULL DEFAULT '',
    PRIMARY KEY (subscription, period)
);

CREATE TABLE events (
    id         text PRIMARY KEY,
    expires_at timestamptz NOT NULL
);
CREATE INDEX events_expires_at ON events (expires_at);

CREATE TABLE unanswered (
    id       bigserial PRIMARY KEY,
    at       timestamptz NOT NULL,
    question text NOT NULL,
    asked_in text NOT NULL DEFAULT ''
);
CREATE INDEX unanswered_at ON unanswered (at, id);

CREATE TABLE feedback (
    id       bigserial PRIMARY KEY,
    at       timestamptz NOT NULL,
    user_id  text NOT NULL,
    question text NOT NULL,
    intent   text NOT NULL,
    records  text[] NOT NULL DEFAULT '{}',
    helpful  boolean NOT NULL,
    reason   text NOT NULL DEFAULT '',
    comment  text NOT NULL DEFAULT ''
);
CREATE INDEX feedback_at ON feedback (at, id);
