-- Requests for an EHC needs assessment made online (issue 18), and the accounts made for them.

-- "Create an account": the link emailed to an address before there is an account for it. Like
-- account_tokens, only the SHA-256 hash of a token is kept; single use, 1 hour, and a newer link
-- to the same address replaces the older.
CREATE TABLE account_creation_links (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  email text NOT NULL CHECK (email = lower(btrim(email)) AND email <> ''),
  full_name text NOT NULL CHECK (btrim(full_name) <> ''),
  token_hash text NOT NULL UNIQUE CHECK (token_hash ~ '^[0-9a-f]{64}$'),
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  replaced_at timestamptz,
  CHECK (expires_at > created_at)
);
CREATE INDEX account_creation_links_email_idx ON account_creation_links (email, created_at DESC);

CREATE SEQUENCE online_request_reference_seq;

-- A request as its writer fills it in (the answers of each section, as typed, so that nothing is
-- lost), then as sent to the council, until a case worker makes a case of it or links it to one.
CREATE TABLE online_requests (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  council_id uuid NOT NULL REFERENCES councils (id),
  user_id uuid NOT NULL REFERENCES users (id),
  answers jsonb NOT NULL DEFAULT '{}'::jsonb,
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'submitted', 'case-created', 'linked')),
  reference text UNIQUE,
  submitted_at timestamptz,
  -- The day it was sent, in UK time: day 1 of the 6 weeks and of the 20.
  submitted_on date,
  case_id uuid REFERENCES cases (id),
  handled_by uuid REFERENCES users (id),
  handled_at timestamptz,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  CHECK ((status = 'draft') = (submitted_at IS NULL)),
  CHECK ((status = 'draft') = (reference IS NULL)),
  CHECK ((status IN ('case-created', 'linked')) = (case_id IS NOT NULL))
);
-- One request in writing at a time for each person.
CREATE UNIQUE INDEX online_requests_one_draft_idx ON online_requests (user_id) WHERE status = 'draft';
CREATE INDEX online_requests_new_idx ON online_requests (council_id, submitted_at DESC) WHERE status = 'submitted';

-- Evidence uploaded with a request, kept here until the request becomes (or joins) a case, when
-- the files are copied to the case's documents.
CREATE TABLE online_request_files (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  request_id uuid NOT NULL REFERENCES online_requests (id) ON DELETE CASCADE,
  original_filename text NOT NULL,
  content_type text NOT NULL,
  size_bytes integer NOT NULL CHECK (size_bytes > 0),
  sha256 text NOT NULL,
  description text NOT NULL,
  content bytea NOT NULL,
  uploaded_at timestamptz NOT NULL
);
CREATE INDEX online_request_files_request_idx ON online_request_files (request_id, uploaded_at);
