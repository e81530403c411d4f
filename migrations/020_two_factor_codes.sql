-- Text-message log in codes. One live code per account: a new one replaces the old.
-- The code is kept only as an HMAC; the number it went to is encrypted (AES-256-GCM) and
-- becomes the account's number only once the code sent to it has been entered.
CREATE TABLE sms_login_codes (
  user_id uuid PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
  id uuid NOT NULL,
  purpose text NOT NULL CHECK (purpose IN ('setup', 'sign-in', 'reauth')),
  code_hash text NOT NULL,
  phone_encrypted text NOT NULL,
  sent_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL
);

-- Every code sent, for the limit of 5 sends in 15 minutes (older rows are pruned as codes go out).
CREATE TABLE sms_code_sends (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  sent_at timestamptz NOT NULL
);
CREATE INDEX sms_code_sends_user_idx ON sms_code_sends (user_id, sent_at);

-- Wrong codes in a row per account (app or text message); 5 lock code entry for 15 minutes.
-- Kept in the database so that every app process and every new session sees the same count.
CREATE TABLE two_factor_failures (
  user_id uuid PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
  wrong_codes integer NOT NULL DEFAULT 0,
  locked_until timestamptz
);
