-- mineralbot state, schema 3: messages acked and not yet answered, so that a message whose
-- replica dies before replying is answered by another. Each row is deleted once answered.
CREATE TABLE pending (
    id          text PRIMARY KEY,
    message     jsonb NOT NULL,
    received    timestamptz NOT NULL,
    owner       text NOT NULL,
    lease_until timestamptz NOT NULL,
    attempts    integer NOT NULL
);
CREATE INDEX pending_lease_until ON pending (lease_until);
