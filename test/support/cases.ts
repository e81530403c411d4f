import type pg from 'pg';
import { refreshCaseSummary } from '../../src/cases/case-facts-from-db.js';
import { councilId } from './users.js';

export interface TestCaseOptions {
  council?: string;
  child?: { firstName?: string; lastName?: string; dateOfBirth?: string; school?: string };
  requestReceived?: string;
  requestedBy?: 'parent' | 'school' | 'young-person' | 'other';
  requestText?: string;
  members?: { userId: string; role: 'parent' | 'young-person' | 'coordinator' | 'education-setting' | 'adviser' }[];
  /** Columns of `cases` to set directly (e.g. { draft_plan_issued_on: '2023-12-01' }). */
  set?: Record<string, string | number | null>;
  decisions?: { kind: 'assess' | 'issue' | 'review'; outcome: string; reason?: string; decidedOn: string }[];
  today?: string;
}

/** A case as the staff pages would make it, written straight to the database for tests. */
export async function createTestCase(
  pool: pg.Pool,
  options: TestCaseOptions = {},
): Promise<{ id: string; reference: string; childId: string }> {
  const council = await councilId(pool, options.council);
  const child = await pool.query(
    `INSERT INTO children (first_name, last_name, date_of_birth, school_or_setting) VALUES ($1, $2, $3, $4) RETURNING id`,
    [
      options.child?.firstName ?? 'Barney',
      options.child?.lastName ?? 'Rogers',
      options.child?.dateOfBirth ?? '2015-03-14',
      options.child?.school ?? 'Edgehill Primary School',
    ],
  );
  const created = await pool.query(
    `INSERT INTO cases (council_id, child_id, request_received, requested_by, request_text)
     VALUES ($1, $2, $3, $4, $5) RETURNING id, reference`,
    [
      council,
      child.rows[0].id,
      options.requestReceived ?? '2023-08-08',
      options.requestedBy ?? 'school',
      options.requestText ?? 'Please assess Barney.',
    ],
  );
  const caseId = created.rows[0].id;
  for (const [column, value] of Object.entries(options.set ?? {})) {
    if (!/^[a-z_]+$/.test(column)) throw new Error(`Bad column ${column}`);
    await pool.query(`UPDATE cases SET ${column} = $2 WHERE id = $1`, [caseId, value]);
  }
  for (const decision of options.decisions ?? []) {
    await pool.query(
      `INSERT INTO case_decisions (case_id, kind, outcome, reason, decided_on) VALUES ($1, $2, $3, $4, $5)`,
      [caseId, decision.kind, decision.outcome, decision.reason ?? 'Reason given in the letter.', decision.decidedOn],
    );
  }
  for (const member of options.members ?? []) {
    await pool.query(`INSERT INTO case_members (case_id, user_id, role) VALUES ($1, $2, $3)`, [
      caseId,
      member.userId,
      member.role,
    ]);
  }
  await refreshCaseSummary(pool, caseId, options.today ?? '2023-08-20');
  return { id: caseId, reference: created.rows[0].reference, childId: child.rows[0].id };
}
