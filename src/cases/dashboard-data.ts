/** The SQL behind My cases: every case the user is an active member of, in one statement. */
import { CASE_FACT_COLUMNS, latestDecisionsJson, type CaseFactsRow, type DecisionRow } from './case-facts-from-db.js';
import type { CaseRole } from './access.js';
import { queryPrepared } from '../db/statements.js';
import type { Queryable } from '../db/pool.js';

export interface DashboardCaseRow extends CaseFactsRow {
  id: string;
  reference: string;
  first_name: string;
  last_name: string;
  my_role: CaseRole;
  coordinator_name: string | null;
  coordinator_email: string | null;
  /** The latest decision of each kind. */
  decisions: DecisionRow[];
}

export interface DashboardData {
  cases: DashboardCaseRow[];
}

const MY_CASES_SQL = `
SELECT c.id, c.reference, ${CASE_FACT_COLUMNS}, ch.first_name, ch.last_name, m.role AS my_role,
       co.full_name AS coordinator_name, co.email AS coordinator_email,
       ${latestDecisionsJson('c.id')} AS decisions
  FROM case_members m
  JOIN cases c ON c.id = m.case_id
  JOIN children ch ON ch.id = c.child_id
  LEFT JOIN LATERAL (
    SELECT u.full_name, u.email
      FROM case_members cm JOIN users u ON u.id = cm.user_id
     WHERE cm.case_id = c.id AND cm.role = 'coordinator' AND cm.removed_at IS NULL AND u.status = 'active'
     ORDER BY cm.added_at, u.id
     LIMIT 1
  ) co ON true
 WHERE m.user_id = $1 AND m.removed_at IS NULL`;

// The same, with the audit row of the listing ('cases.listed', the ids shown) written by the same
// statement: one round trip instead of two on every view of My cases.
const MY_CASES_AUDITED_SQL = `
WITH mine AS (${MY_CASES_SQL}),
logged AS (
  INSERT INTO audit_log (action, actor_user_id, ip, details, at)
  SELECT 'cases.listed', $1, $2, jsonb_build_object('caseIds', coalesce(jsonb_agg(id), '[]'::jsonb)), $3 FROM mine
)
SELECT * FROM mine`;

/**
 * One statement for the cases (through case_members_user_idx) with their child, named
 * co-ordinator and latest decisions, however many cases there are. With `audit`, it also records
 * that the user was shown these cases.
 */
export async function loadMyCases(
  db: Queryable,
  userId: string,
  audit?: { ip: string | undefined; at: Date },
): Promise<DashboardData> {
  const { rows } = audit
    ? await queryPrepared<DashboardCaseRow>(db, MY_CASES_AUDITED_SQL, [userId, audit.ip ?? null, audit.at])
    : await queryPrepared<DashboardCaseRow>(db, MY_CASES_SQL, [userId]);
  return { cases: rows };
}
