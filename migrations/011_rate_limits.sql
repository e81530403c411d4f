-- Counters for rate limits (failed sign-ins per account and per address, reset emails per
-- address), kept in PostgreSQL so that every app process sees the same counts. Keys are hashed:
-- whatever someone typed as an email address is not kept in clear.
CREATE TABLE rate_limits (
  key text PRIMARY KEY,
  hits integer NOT NULL CHECK (hits >= 0),
  window_started_at timestamptz NOT NULL,
  blocked_until timestamptz
);
CREATE INDEX rate_limits_window_idx ON rate_limits (window_started_at);
