import type { FeatureDeps } from '../app.js';
import { audit } from '../audit/audit.js';
import { ukToday } from '../clock.js';
import { inTransaction } from '../db/pool.js';
import { commentsDue, compareDates } from '../ehc/index.js';
import { ACTIVE_MEMBER_JOIN, findMemberCase, isFamily, userName, type MemberCase, type Queryable } from './case-access.js';
import { emailCoordinators } from './coordinator-email.js';

/** The plan's sections a family most often comments on (free text, one box each). */
export const PLAN_SECTIONS = [
  { key: 'a', field: 'sectionA', label: 'Section A: views, interests and aspirations' },
  { key: 'b', field: 'sectionB', label: 'Section B: special educational needs' },
  { key: 'e', field: 'sectionE', label: 'Section E: outcomes' },
  { key: 'f', field: 'sectionF', label: 'Section F: special educational provision' },
  { key: 'i', field: 'sectionI', label: 'Section I: placement' },
] as const;

export type SectionKey = (typeof PLAN_SECTIONS)[number]['key'];

export interface DraftPlanResponse {
  sections: Partial<Record<SectionKey, string>>;
  preferredSetting: string;
  wantsMeeting: boolean;
  agrees: boolean;
}

export interface SentResponse extends DraftPlanResponse {
  id: string;
  authorName: string;
  draftPlanIssuedOn: string;
  createdAt: Date;
}

export type CommentWindow =
  | { state: 'no-draft' }
  | { state: 'open'; issuedOn: string; dueOn: string }
  | { state: 'closed'; issuedOn: string; dueOn: string; finalPlanIssuedOn?: string };

/** Whether the family can still comment on the draft: from its issue to issued + 15 days, inclusive. */
export function commentWindow(memberCase: Pick<MemberCase, 'draftPlanIssuedOn' | 'finalPlanIssuedOn'>, today: string): CommentWindow {
  const issuedOn = memberCase.draftPlanIssuedOn;
  if (!issuedOn) return { state: 'no-draft' };
  const dueOn = commentsDue(issuedOn);
  const finalPlanIssuedOn = memberCase.finalPlanIssuedOn ?? undefined;
  if (finalPlanIssuedOn) return { state: 'closed', issuedOn, dueOn, finalPlanIssuedOn };
  return { state: compareDates(today, dueOn) <= 0 ? 'open' : 'closed', issuedOn, dueOn };
}

const toSent = (row: Record<string, any>): SentResponse => ({
  id: row.id,
  authorName: row.full_name,
  draftPlanIssuedOn: row.draft_plan_issued_on,
  createdAt: row.created_at,
  sections: { a: row.section_a ?? undefined, b: row.section_b ?? undefined, e: row.section_e ?? undefined, f: row.section_f ?? undefined, i: row.section_i ?? undefined },
  preferredSetting: row.preferred_setting ?? '',
  wantsMeeting: row.wants_meeting,
  agrees: row.agrees,
});

const RESPONSE_COLUMNS = `r.id, u.full_name, r.draft_plan_issued_on, r.created_at, r.section_a, r.section_b, r.section_e,
  r.section_f, r.section_i, r.preferred_setting, r.wants_meeting, r.agrees`;

/** The family's responses to the draft plan, newest first, for a member who sees the family's views. */
export async function responsesForMember(db: Queryable, caseId: string, userId: string): Promise<SentResponse[]> {
  const { rows } = await db.query(
    `SELECT ${RESPONSE_COLUMNS} FROM cases c ${ACTIVE_MEMBER_JOIN}
       JOIN draft_plan_responses r ON r.case_id = c.id JOIN users u ON u.id = r.author_user_id
      WHERE c.id = $1 AND m.role IN ('parent', 'young-person', 'coordinator')
      ORDER BY r.created_at DESC, r.id`,
    [caseId, userId],
  );
  return rows.map(toSent);
}

/** Every response to a case's draft plans, newest first. No access check: for council staff pages. */
export async function draftPlanResponses(db: Queryable, caseId: string): Promise<SentResponse[]> {
  const { rows } = await db.query(
    `SELECT ${RESPONSE_COLUMNS} FROM draft_plan_responses r JOIN users u ON u.id = r.author_user_id
      WHERE r.case_id = $1 ORDER BY r.created_at DESC, r.id`,
    [caseId],
  );
  return rows.map(toSent);
}

export type RespondResult = { ok: true } | { ok: false; reason: 'not-found' | 'closed' };

/** Stores a response if the window is still open on today's date (checked inside the transaction). */
export async function respondToDraftPlan(
  deps: Pick<FeatureDeps, 'pool' | 'config' | 'queue' | 'clock'>,
  input: { caseId: string; userId: string; response: DraftPlanResponse; ip?: string },
): Promise<RespondResult> {
  const at = deps.clock.now();
  return inTransaction(deps.pool, async (client) => {
    const memberCase = await findMemberCase(client, input.caseId, input.userId, { lock: true });
    if (!memberCase || !isFamily(memberCase.role)) return { ok: false, reason: 'not-found' } as const;
    const window = commentWindow(memberCase, ukToday(deps.clock));
    if (window.state === 'no-draft') return { ok: false, reason: 'not-found' } as const;
    if (window.state === 'closed') return { ok: false, reason: 'closed' } as const;
    const { sections, preferredSetting, wantsMeeting, agrees } = input.response;
    const inserted = await client.query(
      `INSERT INTO draft_plan_responses (case_id, draft_plan_issued_on, author_user_id, section_a, section_b, section_e, section_f,
         section_i, preferred_setting, wants_meeting, agrees, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
      [input.caseId, window.issuedOn, input.userId, sections.a || null, sections.b || null, sections.e || null, sections.f || null,
        sections.i || null, preferredSetting || null, wantsMeeting, agrees, at],
    );
    await audit(
      client,
      { action: 'case.draft-plan.responded', actorUserId: input.userId, caseId: input.caseId, ip: input.ip, details: { responseId: inserted.rows[0].id, wantsMeeting, agrees } },
      at,
    );
    await emailCoordinators(client, deps, memberCase, await userName(client, input.userId), { kind: 'draft-plan-response' });
    return { ok: true } as const;
  });
}
