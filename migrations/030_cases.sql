-- Children and young people, their EHC cases, who can see each case, and what happens on it.

CREATE TABLE children (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  first_name text NOT NULL CHECK (btrim(first_name) <> ''),
  last_name text NOT NULL CHECK (btrim(last_name) <> ''),
  date_of_birth date NOT NULL,
  school_or_setting text,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX children_last_name_idx ON children (lower(last_name) text_pattern_ops);
CREATE INDEX children_first_name_idx ON children (lower(first_name) text_pattern_ops);

CREATE SEQUENCE case_reference_seq;

-- One child's EHC process. The dates of each step are columns here (they map one to one onto
-- src/ehc's CaseFacts); decisions with their reasons and letters are in case_decisions.
CREATE TABLE cases (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  reference text NOT NULL UNIQUE DEFAULT ('EHC-' || lpad(nextval('case_reference_seq')::text, 6, '0')),
  council_id uuid NOT NULL REFERENCES councils (id),
  child_id uuid NOT NULL REFERENCES children (id),
  request_received date NOT NULL,
  requested_by text NOT NULL CHECK (requested_by IN ('parent', 'school', 'young-person', 'other')),
  requester_name text,
  request_text text NOT NULL DEFAULT '',
  advice_requested_on date,
  advice_received_on date,
  draft_plan_issued_on date,
  final_plan_issued_on date,
  last_review_meeting_on date,
  review_meeting_on date,
  amendments_proposed_on date,
  amended_plan_issued_on date,
  phase_transfer_kind text CHECK (phase_transfer_kind IN ('next-school', 'post-16')),
  phase_transfer_year integer CHECK (phase_transfer_year BETWEEN 2000 AND 2100),
  phase_transfer_plan_issued_on date,
  exemption_kind text CHECK (exemption_kind IN ('setting-closed', 'exceptional-personal-circumstances', 'family-away')),
  exemption_reason text,
  exemption_recorded_on date,
  -- Kept up to date from src/ehc on every change, so that the staff work tray can filter and
  -- sort 100,000 cases by index alone.
  current_stage text NOT NULL DEFAULT 'request'
    CHECK (current_stage IN ('request', 'decision', 'assessment', 'draft-plan', 'final-plan', 'annual-review')),
  next_due_label text,
  next_due_on date,
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((exemption_kind IS NULL) = (exemption_reason IS NULL)),
  CHECK ((phase_transfer_kind IS NULL) = (phase_transfer_year IS NULL))
);
CREATE INDEX cases_council_due_idx ON cases (council_id, next_due_on NULLS LAST, id);
CREATE INDEX cases_council_stage_due_idx ON cases (council_id, current_stage, next_due_on NULLS LAST, id);
CREATE INDEX cases_child_idx ON cases (child_id);

-- Who can see a case. Access is granted by the council; removing it keeps the row for the record.
CREATE TABLE case_members (
  case_id uuid NOT NULL REFERENCES cases (id),
  user_id uuid NOT NULL REFERENCES users (id),
  role text NOT NULL CHECK (role IN ('parent', 'young-person', 'coordinator', 'education-setting', 'adviser')),
  added_by uuid REFERENCES users (id),
  added_at timestamptz NOT NULL DEFAULT now(),
  removed_at timestamptz,
  removed_by uuid REFERENCES users (id),
  PRIMARY KEY (case_id, user_id)
);
CREATE INDEX case_members_user_idx ON case_members (user_id, case_id) WHERE removed_at IS NULL;

-- Letters, plans and the family's uploads. Content is stored in the database (bytea) so that
-- every app process can serve it; the original name is kept only to be sanitised on download.
CREATE TABLE documents (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES cases (id),
  kind text NOT NULL CHECK (kind IN ('request', 'decision-letter', 'draft-plan', 'final-plan', 'review', 'family-upload', 'other')),
  original_filename text NOT NULL,
  content_type text NOT NULL,
  size_bytes integer NOT NULL CHECK (size_bytes > 0),
  sha256 text NOT NULL,
  description text,
  content bytea NOT NULL,
  shared_with_advisers boolean NOT NULL DEFAULT false,
  uploaded_by uuid REFERENCES users (id),
  uploaded_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX documents_case_idx ON documents (case_id, uploaded_at DESC);

-- The council's decisions: whether to assess, whether to issue a plan, after an annual review.
CREATE TABLE case_decisions (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES cases (id),
  kind text NOT NULL CHECK (kind IN ('assess', 'issue', 'review')),
  outcome text NOT NULL CHECK (
    (kind = 'assess' AND outcome IN ('assess', 'not-assess')) OR
    (kind = 'issue' AND outcome IN ('issue', 'not-issue')) OR
    (kind = 'review' AND outcome IN ('keep', 'amend', 'cease'))
  ),
  reason text NOT NULL,
  decided_on date NOT NULL,
  mediation_certificate_on date,
  letter_document_id uuid REFERENCES documents (id),
  recorded_by uuid REFERENCES users (id),
  recorded_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX case_decisions_case_idx ON case_decisions (case_id, kind, recorded_at DESC);

-- The timeline. Internal notes are for council staff only.
CREATE TABLE case_notes (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES cases (id),
  author_user_id uuid REFERENCES users (id),
  body text NOT NULL CHECK (btrim(body) <> ''),
  internal boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX case_notes_case_idx ON case_notes (case_id, created_at DESC);

-- Dates the council adds by hand (a meeting, a visit); statutory dates come from src/ehc.
CREATE TABLE case_key_dates (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES cases (id),
  label text NOT NULL CHECK (btrim(label) <> ''),
  on_date date NOT NULL,
  internal boolean NOT NULL DEFAULT false,
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX case_key_dates_case_idx ON case_key_dates (case_id, on_date);
