import { CASE_FACT_COLUMNS, caseFactsFromRow, latestDecisions } from './case-facts-from-db.js';
import type { MemberCase } from './access.js';
import type { Queryable } from '../db/pool.js';
import type { CaseFacts } from '../ehc/index.js';

/** The user's name, for emails and the audit (the case pages show names from their own joins). */
export async function userName(db: Queryable, userId: string): Promise<string> {
  const { rows } = await db.query(`SELECT full_name FROM users WHERE id = $1`, [userId]);
  return rows[0]?.full_name ?? 'Someone';
}

/** The case's facts for src/ehc (the dates the time to comment runs from), worded for this member. */
export async function memberCaseFacts(db: Queryable, memberCase: MemberCase): Promise<CaseFacts> {
  const { rows } = await db.query(
    `SELECT ${CASE_FACT_COLUMNS}, ch.first_name FROM cases c JOIN children ch ON ch.id = c.child_id WHERE c.id = $1`,
    [memberCase.id],
  );
  const decisions = (await latestDecisions(db, [memberCase.id])).get(memberCase.id) ?? [];
  return caseFactsFromRow(rows[0], decisions, memberCase.role === 'young-person' ? 'young-person' : 'parent');
}
