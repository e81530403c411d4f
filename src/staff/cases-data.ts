import {
  CASE_FACT_COLUMNS,
  CASE_SUMMARY_COLUMNS,
  caseFactsFromRow,
  caseSummaryFromRow,
  latestDecisions,
  type CaseFactsRow,
  type CaseSummary,
} from '../cases/case-facts-from-db.js';
import type { CaseFacts } from '../ehc/index.js';
import { isUuid } from '../web/ids.js';
import type { Queryable } from '../db/pool.js';

export interface CouncilCase extends CaseSummary {
  childDateOfBirth: string;
  school: string | null;
  nextDueLabel: string | null;
  nextDueOn: string | null;
  /** The row with the columns src/ehc needs, to build CaseFacts. */
  row: CaseFactsRow;
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
    `SELECT ${CASE_SUMMARY_COLUMNS}, c.next_due_label, c.next_due_on, ch.date_of_birth, ch.school_or_setting, ${CASE_FACT_COLUMNS}
       FROM cases c JOIN children ch ON ch.id = c.child_id
      WHERE c.id = $1 AND c.council_id = $2${options.lock ? ' FOR UPDATE OF c' : ''}`,
    [caseId, councilId],
  );
  const row = rows[0];
  if (!row) return undefined;
  return {
    ...caseSummaryFromRow(row),
    childDateOfBirth: row.date_of_birth,
    school: row.school_or_setting,
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
