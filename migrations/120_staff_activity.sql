-- What is new for council staff (issue 16).
--
-- Each staff member's "last looked" at a case is their row in case_last_visits (migration 050),
-- the table the family's "since your last visit" already uses: the staff case page writes it.
--
-- cases.family_activity_at: when the family last added something to the case (a comment, a
-- document, an amended request, a response to a draft plan or to proposed changes). Kept by
-- triggers, so that the work tray can filter by "has new activity" and sort by it with an index.
ALTER TABLE cases ADD COLUMN family_activity_at timestamptz;

-- The trigger's argument names the column holding the time of the new row.
CREATE FUNCTION cases_note_family_activity() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE cases SET family_activity_at = GREATEST(family_activity_at, (to_jsonb(NEW) ->> TG_ARGV[0])::timestamptz)
   WHERE id = NEW.case_id;
  RETURN NULL;
END
$$;

CREATE TRIGGER case_comments_family_activity AFTER INSERT ON case_comments
  FOR EACH ROW EXECUTE FUNCTION cases_note_family_activity('created_at');
CREATE TRIGGER documents_family_activity AFTER INSERT ON documents
  FOR EACH ROW WHEN (NEW.kind = 'family-upload') EXECUTE FUNCTION cases_note_family_activity('uploaded_at');
CREATE TRIGGER case_request_versions_family_activity AFTER INSERT ON case_request_versions
  FOR EACH ROW WHEN (NEW.version > 1 AND NEW.amended_by IS NOT NULL) EXECUTE FUNCTION cases_note_family_activity('amended_at');
CREATE TRIGGER draft_plan_responses_family_activity AFTER INSERT ON draft_plan_responses
  FOR EACH ROW EXECUTE FUNCTION cases_note_family_activity('created_at');

UPDATE cases c SET family_activity_at = latest.at
  FROM (
    SELECT case_id, max(at) AS at FROM (
      SELECT case_id, created_at AS at FROM case_comments
      UNION ALL SELECT case_id, uploaded_at FROM documents WHERE kind = 'family-upload'
      UNION ALL SELECT case_id, amended_at FROM case_request_versions WHERE version > 1 AND amended_by IS NOT NULL
      UNION ALL SELECT case_id, created_at FROM draft_plan_responses
    ) activity GROUP BY case_id
  ) latest
 WHERE latest.case_id = c.id;

CREATE INDEX cases_family_activity_idx ON cases (council_id, family_activity_at DESC NULLS LAST, id);

-- A co-ordinator's daily digest of their cases with new activity: opt-in, on the account page.
ALTER TABLE users ADD COLUMN daily_digest boolean NOT NULL DEFAULT false;

-- One row per person per day the digest was sent: the primary key is what makes a second worker
-- (or a second run of the job) send nothing more that day.
CREATE TABLE staff_daily_digests (
  user_id uuid NOT NULL REFERENCES users (id),
  digest_day date NOT NULL,
  sent_at timestamptz NOT NULL,
  cases integer NOT NULL,
  PRIMARY KEY (user_id, digest_day)
);
