-- Each decision after an annual review records the meeting it answers, so that every earlier
-- review can be told apart and only its latest decision shown (a correction replaces the one it
-- corrects). Before this, only the case's current and last meetings were kept.
ALTER TABLE case_decisions ADD COLUMN review_meeting_on date;
ALTER TABLE case_decisions ADD CONSTRAINT case_decisions_review_meeting_check
  CHECK (review_meeting_on IS NULL OR kind = 'review');

-- The decisions already recorded: a decision belongs to the latest meeting on or before it, as far
-- as the two meetings kept can tell; older ones stay NULL (a meeting that is no longer known).
UPDATE case_decisions d
   SET review_meeting_on = CASE
         WHEN c.review_meeting_on IS NOT NULL AND d.decided_on >= c.review_meeting_on THEN c.review_meeting_on
         WHEN c.last_review_meeting_on IS NOT NULL AND d.decided_on >= c.last_review_meeting_on THEN c.last_review_meeting_on
       END
  FROM cases c
 WHERE c.id = d.case_id AND d.kind = 'review';
