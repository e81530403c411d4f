-- Who did what, when: sign-ins and their failures, account changes, every case read and change.
CREATE TABLE audit_log (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  action text NOT NULL,
  actor_user_id uuid REFERENCES users (id),
  subject_user_id uuid REFERENCES users (id),
  case_id uuid,
  ip text,
  details jsonb NOT NULL DEFAULT '{}'::jsonb
);
CREATE INDEX audit_log_actor_idx ON audit_log (actor_user_id, at DESC);
CREATE INDEX audit_log_subject_idx ON audit_log (subject_user_id, at DESC);
CREATE INDEX audit_log_case_idx ON audit_log (case_id, at DESC) WHERE case_id IS NOT NULL;
