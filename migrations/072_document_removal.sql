-- A family member can remove a file they uploaded by mistake until the council first opens it;
-- afterwards the co-ordinator can remove it from the staff pages. A removed document is kept (for
-- the audit trail and any dispute) but left out of every list and download.
ALTER TABLE documents ADD COLUMN first_opened_by_council_at timestamptz;
ALTER TABLE documents ADD COLUMN removed_at timestamptz;
ALTER TABLE documents ADD COLUMN removed_by uuid REFERENCES users (id);
CREATE INDEX documents_case_live_idx ON documents (case_id, uploaded_at DESC) WHERE removed_at IS NULL;
