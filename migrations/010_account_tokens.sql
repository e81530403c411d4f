-- Links sent by email: invitations ("Complete your registration") and password resets.
-- Only the SHA-256 hash of a token is kept, so a copy of the database cannot be used to sign up
-- or reset a password. A token is single use; a newer one of the same purpose replaces the older.
CREATE TABLE account_tokens (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  purpose text NOT NULL CHECK (purpose IN ('invitation', 'password-reset')),
  token_hash text NOT NULL UNIQUE CHECK (token_hash ~ '^[0-9a-f]{64}$'),
  -- Invitations: who invited them and why, to write the same email again on a resend.
  details jsonb NOT NULL DEFAULT '{}'::jsonb,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  replaced_at timestamptz,
  CHECK (expires_at > created_at)
);
CREATE INDEX account_tokens_user_idx ON account_tokens (user_id, purpose, created_at DESC);
