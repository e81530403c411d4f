-- The family's part in a case: every version of the request, their comments and views, their
-- responses to a draft plan, comments being written, and when each member last looked at the case.

-- Version 1 is the request as the council recorded it (amended_by NULL); each amendment adds the
-- next version, so no earlier text is ever lost. cases.request_text always holds the latest.
CREATE TABLE case_request_versions (
  case_id uuid NOT NULL REFERENCES cases (id),
  version integer NOT NULL CHECK (version >= 1),
  request_text text NOT NULL,
  amended_by uuid REFERENCES users (id),
  amended_at timestamptz NOT NULL,
  PRIMARY KEY (case_id, version)
);

-- Comments and views from the family: their own, or written on behalf of the child.
CREATE TABLE case_comments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES cases (id),
  author_user_id uuid NOT NULL REFERENCES users (id),
  on_behalf_of_child boolean NOT NULL DEFAULT false,
  body text NOT NULL CHECK (btrim(body) <> ''),
  stage text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX case_comments_case_idx ON case_comments (case_id, created_at DESC);

-- A comment not sent yet, kept between pages and sign-ins so that it is never lost.
CREATE TABLE case_comment_drafts (
  case_id uuid NOT NULL REFERENCES cases (id),
  user_id uuid NOT NULL REFERENCES users (id),
  body text NOT NULL,
  on_behalf_of_child boolean,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (case_id, user_id)
);

-- What the family said about a draft plan, section by section, before the 15-day deadline.
CREATE TABLE draft_plan_responses (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL REFERENCES cases (id),
  draft_plan_issued_on date NOT NULL,
  author_user_id uuid NOT NULL REFERENCES users (id),
  section_a text,
  section_b text,
  section_e text,
  section_f text,
  section_i text,
  preferred_setting text,
  wants_meeting boolean NOT NULL DEFAULT false,
  agrees boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX draft_plan_responses_case_idx ON draft_plan_responses (case_id, created_at DESC);

-- When each member last opened the case, for "what is new since your last visit".
CREATE TABLE case_last_visits (
  user_id uuid NOT NULL REFERENCES users (id),
  case_id uuid NOT NULL REFERENCES cases (id),
  visited_at timestamptz NOT NULL,
  PRIMARY KEY (user_id, case_id)
);
