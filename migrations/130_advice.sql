-- Advice for an EHC needs assessment (SEND Regulations 2014, regs 6-8; Code of Practice 9.45-9.55),
-- written on the Hub by the professional or setting asked for it, and consultations with a setting
-- the family named for the plan (kind 'placement', answered within 15 days).
-- Status is not stored: withdrawn (withdrawn_at), received (received_on), overdue (due_on passed),
-- else requested.
CREATE TABLE advice_requests (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES cases (id),
  adviser_user_id uuid NOT NULL REFERENCES users (id),
  kind text NOT NULL CHECK (kind IN ('educational', 'medical', 'psychological', 'social-care', 'other', 'placement')),
  question text NOT NULL CHECK (btrim(question) <> ''),
  setting_name text,
  requested_on date NOT NULL,
  due_on date NOT NULL,
  requested_by uuid REFERENCES users (id),
  withdrawn_at timestamptz,
  withdrawn_by uuid REFERENCES users (id),
  -- The answer, a draft until submitted_at; fixed once submitted (addenda follow it).
  needs text,
  outcomes text,
  provision_education text,
  provision_health text,
  provision_social_care text,
  can_meet_needs boolean,
  reasons text,
  draft_saved_at timestamptz,
  submitted_at timestamptz,
  received_on date,
  -- Advice that reached the council another way, recorded by staff with its document.
  recorded_by uuid REFERENCES users (id),
  shared_with_family_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (received_on IS NULL OR withdrawn_at IS NULL)
);
CREATE INDEX advice_requests_case_idx ON advice_requests (case_id, created_at);
CREATE INDEX advice_requests_adviser_idx ON advice_requests (adviser_user_id, created_at DESC);
CREATE INDEX advice_requests_outstanding_idx ON advice_requests (due_on) WHERE received_on IS NULL AND withdrawn_at IS NULL;

-- What an adviser adds after submitting: the advice itself never changes.
CREATE TABLE advice_addenda (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  request_id uuid NOT NULL REFERENCES advice_requests (id),
  body text NOT NULL CHECK (btrim(body) <> ''),
  author_user_id uuid NOT NULL REFERENCES users (id),
  created_at timestamptz NOT NULL
);
CREATE INDEX advice_addenda_request_idx ON advice_addenda (request_id, created_at);

-- Reminders sent: the key makes each one happen once, whatever the number of app processes.
CREATE TABLE advice_reminders (
  request_id uuid NOT NULL REFERENCES advice_requests (id),
  kind text NOT NULL CHECK (kind IN ('due-soon', 'overdue')),
  sent_at timestamptz NOT NULL,
  PRIMARY KEY (request_id, kind)
);

-- An adviser's attachments and staff's record of advice received another way.
ALTER TABLE documents ADD COLUMN advice_request_id uuid REFERENCES advice_requests (id);
CREATE INDEX documents_advice_request_idx ON documents (advice_request_id) WHERE advice_request_id IS NOT NULL;

-- The family's own advice, "All about me": one a case, a draft until it is submitted (once).
CREATE TABLE family_advice (
  case_id uuid PRIMARY KEY REFERENCES cases (id),
  parent_views text,
  admire text,
  important text,
  support text,
  hopes text,
  saved_by uuid NOT NULL REFERENCES users (id),
  saved_at timestamptz NOT NULL,
  submitted_by uuid REFERENCES users (id),
  submitted_at timestamptz
);
