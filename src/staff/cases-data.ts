import type pg from 'pg';
import { CASE_FACT_COLUMNS, caseFactsFromRow, latestDecisions } from '../cases/case-facts-from-db.js';
import type { CaseFacts } from '../ehc/index.js';
import { isUuid } from './paths.js';

type Queryable = Pick<pg.Pool, 'query'> | Pick<pg.PoolClient, 'query'>;

export interface CouncilCase {
  id: string;
  reference: string;
  childFirstName: string;
  childLastName: string;
  childDateOfBirth: string;
  school: string | null;
  requestReceived: string;
  requestedBy: 'parent' | 'school' | 'young-person' | 'other';
  requesterName: string | null;
  requestText: string;
  currentStage: string;
  nextDueLabel: string | null;
  nextDueOn: string | null;
  /** The row with the columns src/ehc needs, to build CaseFacts. */
  row: Record<string, unknown>;
}

/**
 * One case of the staff member's council, or undefined: a case of another council, like one
 * that does not exist, is a 404. `lock` holds the row for a change (one change at a time).
 */
export async function findCouncilCase(
  db: Queryable,
  councilId: string,
  caseId: string,
  options: { lock?: boolean } = {},
): Promise<CouncilCase | undefined> {
  if (!isUuid(caseId)) return undefined;
  const { rows } = await db.query(
    `SELECT c.id, c.reference, c.requester_name, c.request_text, c.current_stage, c.next_due_label, c.next_due_on,
            ch.first_name, ch.last_name, ch.date_of_birth, ch.school_or_setting, ${CASE_FACT_COLUMNS}
       FROM cases c JOIN children ch ON ch.id = c.child_id
      WHERE c.id = $1 AND c.council_id = $2${options.lock ? ' FOR UPDATE OF c' : ''}`,
    [caseId, councilId],
  );
  const row = rows[0];
  if (!row) return undefined;
  return {
    id: row.id,
    reference: row.reference,
    childFirstName: row.first_name,
    childLastName: row.last_name,
    childDateOfBirth: row.date_of_birth,
    school: row.school_or_setting,
    requestReceived: row.request_received,
    requestedBy: row.requested_by,
    requesterName: row.requester_name,
    requestText: row.request_text,
    currentStage: row.current_stage,
    nextDueLabel: row.next_due_label,
    nextDueOn: row.next_due_on,
    row,
  };
}

/** What src/ehc knows about the case, as a parent reads it. */
export async function factsOf(db: Queryable, found: CouncilCase): Promise<CaseFacts> {
  const decisions = (await latestDecisions(db, [found.id])).get(found.id) ?? [];
  return caseFactsFromRow(found.row, decisions, 'parent');
}
