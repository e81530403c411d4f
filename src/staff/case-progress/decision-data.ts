import type pg from 'pg';

export async function insertDecision(
  client: pg.PoolClient,
  decision: {
    caseId: string;
    kind: 'assess' | 'issue' | 'review';
    outcome: string;
    reason: string;
    decidedOn: string;
    letterDocumentId?: string;
    /** For a decision after an annual review: the meeting it answers. */
    reviewMeetingOn?: string;
    recordedBy: string;
    at: Date;
  },
): Promise<void> {
  await client.query(
    `INSERT INTO case_decisions (case_id, kind, outcome, reason, decided_on, letter_document_id, review_meeting_on, recorded_by, recorded_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [
      decision.caseId,
      decision.kind,
      decision.outcome,
      decision.reason,
      decision.decidedOn,
      decision.letterDocumentId ?? null,
      decision.reviewMeetingOn ?? null,
      decision.recordedBy,
      decision.at,
    ],
  );
}

/** Only the step columns of `cases` a staff form can set. */
const STEP_COLUMNS = [
  'advice_requested_on',
  'advice_received_on',
  'draft_plan_issued_on',
  'final_plan_issued_on',
  'review_meeting_on',
  'amendments_proposed_on',
  'exemption_kind',
  'exemption_reason',
  'exemption_recorded_on',
] as const;
type StepColumn = (typeof STEP_COLUMNS)[number];

export async function updateCaseColumns(
  client: pg.PoolClient,
  caseId: string,
  values: Partial<Record<StepColumn, string | null>>,
  at: Date,
): Promise<void> {
  const entries = Object.entries(values).filter(([column]) => (STEP_COLUMNS as readonly string[]).includes(column));
  if (entries.length === 0) return;
  const assignments = entries.map(([column], index) => `${column} = $${index + 3}`).join(', ');
  await client.query(`UPDATE cases SET ${assignments}, updated_at = $2 WHERE id = $1`, [
    caseId,
    at,
    ...entries.map(([, value]) => value),
  ]);
}

/**
 * The next annual review: the current meeting becomes the last one, and the proposed amendments
 * and amended plan of the last cycle are left to its timeline notes.
 */
export async function startNextReviewCycle(
  client: pg.PoolClient,
  caseId: string,
  meetingOn: string,
  at: Date,
): Promise<void> {
  await client.query(
    `UPDATE cases SET last_review_meeting_on = coalesce(review_meeting_on, last_review_meeting_on), review_meeting_on = $3,
            amendments_proposed_on = NULL, amended_plan_issued_on = NULL, updated_at = $2
      WHERE id = $1`,
    [caseId, at, meetingOn],
  );
}

/** Whether a family member has answered the draft plan issued on `draftPlanIssuedOn` with "I agree". */
export async function familyAgreedToDraft(
  db: Pick<pg.Pool, 'query'> | Pick<pg.PoolClient, 'query'>,
  caseId: string,
  draftPlanIssuedOn: string | undefined,
): Promise<boolean> {
  if (!draftPlanIssuedOn) return false;
  const { rows } = await db.query(
    `SELECT 1 FROM draft_plan_responses WHERE case_id = $1 AND draft_plan_issued_on = $2 AND agrees LIMIT 1`,
    [caseId, draftPlanIssuedOn],
  );
  return rows.length > 0;
}
