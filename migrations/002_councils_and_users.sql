-- One deployment usually serves one council; the table lets several share a database and
-- keeps each council's staff to their own cases.
CREATE TABLE councils (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- Everyone who signs in: parents and carers, young people, advisers and council staff.
-- The username is the email address, stored trimmed and in lower case.
CREATE TABLE users (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  email text NOT NULL CHECK (email = lower(btrim(email)) AND email <> ''),
  full_name text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('family', 'staff')),
  -- Staff only: which council, and what they may do there.
  council_id uuid REFERENCES councils (id),
  staff_role text CHECK (staff_role IN ('caseworker', 'admin')),
  status text NOT NULL DEFAULT 'invited' CHECK (status IN ('invited', 'active', 'disabled')),
  password_hash text,
  password_changed_at timestamptz,
  -- Second factor: 'app' (TOTP) or 'sms'; secrets and phone numbers encrypted at rest.
  two_factor_method text CHECK (two_factor_method IN ('app', 'sms')),
  totp_secret_encrypted text,
  totp_last_step bigint,
  phone_encrypted text,
  registered_at timestamptz,
  last_signed_in_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (kind <> 'staff' OR (council_id IS NOT NULL AND staff_role IS NOT NULL)),
  CHECK (kind = 'staff' OR staff_role IS NULL),
  CHECK (status <> 'active' OR password_hash IS NOT NULL)
);
CREATE UNIQUE INDEX users_email_key ON users (email);
CREATE INDEX users_council_idx ON users (council_id) WHERE council_id IS NOT NULL;
