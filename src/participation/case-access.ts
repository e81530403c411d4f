import type pg from 'pg';
import {
  CASE_FACT_COLUMNS,
  CASE_SUMMARY_COLUMNS,
  caseFactsFromRow,
  caseSummaryFromRow,
  latestDecisions,
  type CaseSummary,
} from '../cases/case-facts-from-db.js';
import type { CaseFacts } from '../ehc/index.js';

export type Queryable = Pick<pg.Pool, 'query'> | Pick<pg.PoolClient, 'query'>;

import { isFamily, type CaseRole } from '../cases/access.js';

export { isFamily };
/** A member's role on a case (the roles are defined in src/cases/access.ts). */
export type MemberRole = CaseRole;

/** A case as one of its active members may see it, with that member's role. */
export interface MemberCase extends CaseSummary {
  role: MemberRole;
  createdAt: Date;
  draftPlanIssuedOn: string | null;
  finalPlanIssuedOn: string | null;
}


/** Who reads the family's comments and responses: the family and the case co-ordinator. */
export const seesFamilyViews = (role: MemberRole) => isFamily(role) || role === 'coordinator';

/** The SQL condition, on documents `d` and the member `m`, for documents this member may see. */
export const VISIBLE_DOCUMENT = `(m.role <> 'adviser' OR d.shared_with_advisers)`;

/** Joins the member's active membership: every read and write of a case goes through it. */
export const ACTIVE_MEMBER_JOIN = `JOIN case_members m ON m.case_id = c.id AND m.user_id = $2 AND m.removed_at IS NULL`;

/**
 * The case, if the user is an active member of it; undefined otherwise (a missing case and
 * someone else's case look the same). With `lock`, the case row is locked for the transaction.
 */
export async function findMemberCase(db: Queryable, caseId: string, userId: string, options: { lock?: boolean } = {}): Promise<MemberCase | undefined> {
  const { rows } = await db.query(
    `SELECT ${CASE_SUMMARY_COLUMNS}, m.role, c.created_at, c.draft_plan_issued_on, c.final_plan_issued_on
       FROM cases c JOIN children ch ON ch.id = c.child_id ${ACTIVE_MEMBER_JOIN}
      WHERE c.id = $1${options.lock ? ' FOR UPDATE OF c' : ''}`,
    [caseId, userId],
  );
  const row = rows[0];
  if (!row) return undefined;
  return {
    ...caseSummaryFromRow(row),
    role: row.role,
    createdAt: row.created_at,
    draftPlanIssuedOn: row.draft_plan_issued_on,
    finalPlanIssuedOn: row.final_plan_issued_on,
  };
}

/** The user's name, for emails and the audit (the case pages show names from their own joins). */
export async function userName(db: Queryable, userId: string): Promise<string> {
  const { rows } = await db.query(`SELECT full_name FROM users WHERE id = $1`, [userId]);
  return rows[0]?.full_name ?? 'Someone';
}

/** The case's facts for src/ehc (the dates the time to comment runs from), worded for this member. */
export async function memberCaseFacts(db: Queryable, memberCase: MemberCase): Promise<CaseFacts> {
  const { rows } = await db.query(`SELECT ${CASE_FACT_COLUMNS}, ch.first_name FROM cases c JOIN children ch ON ch.id = c.child_id WHERE c.id = $1`, [
    memberCase.id,
  ]);
  const decisions = (await latestDecisions(db, [memberCase.id])).get(memberCase.id) ?? [];
  return caseFactsFromRow(rows[0], decisions, memberCase.role === 'young-person' ? 'young-person' : 'parent');
}
