-- An exemption to one request's 6-week time limit for advice (SEND Regulations 2014, reg. 8(2)),
-- recorded with its reason as for the case's other time limits: while it applies the request is
-- not overdue and no overdue reminder is sent.
ALTER TABLE advice_requests
  ADD COLUMN exemption_kind text CHECK (exemption_kind IN ('setting-closed', 'exceptional-personal-circumstances', 'family-away')),
  ADD COLUMN exemption_reason text,
  ADD COLUMN exemption_recorded_on date,
  ADD COLUMN exemption_recorded_by uuid REFERENCES users (id),
  ADD CONSTRAINT advice_requests_exemption_check CHECK ((exemption_kind IS NULL) = (exemption_reason IS NULL));
