-- The family answers the changes proposed to a plan after an annual review with the same response
-- as a draft plan (comments by section, a school or college, a meeting, or agreement), within the
-- same 15 days. A response answers exactly one of them: the draft plan issued on a date, or the
-- amendments proposed on a date.
ALTER TABLE draft_plan_responses ALTER COLUMN draft_plan_issued_on DROP NOT NULL;
ALTER TABLE draft_plan_responses ADD COLUMN amendments_proposed_on date;
ALTER TABLE draft_plan_responses ADD CONSTRAINT draft_plan_responses_answers_one
  CHECK ((draft_plan_issued_on IS NULL) <> (amendments_proposed_on IS NULL));
