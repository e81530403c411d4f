-- express-session's store (connect-pg-simple): sessions live in PostgreSQL so that they
-- survive restarts and are shared by every app process.
CREATE TABLE session (
  sid varchar NOT NULL PRIMARY KEY,
  sess json NOT NULL,
  expire timestamp(6) NOT NULL
);
CREATE INDEX session_expire_idx ON session (expire);
