import type { FeatureDeps } from '../../deps.js';
import { audit } from '../../audit/audit.js';
import { ukToday } from '../../clock.js';
import { inTransaction } from '../../db/pool.js';
import { ACTIVE_MEMBER_JOIN, findMemberCase, isFamily } from '../access.js';
import { memberCaseFacts, userName } from '../member-facts.js';
import type { Queryable } from '../../db/pool.js';
import { emailCoordinators } from '../comments/coordinator-email.js';
import { PROPOSAL_WORDS } from './proposal-words.js';
import { proposalOf, type ProposalKind } from './proposals.js';

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
  /** What it answers: the draft plan, or the changes proposed after an annual review. */
  kind: ProposalKind;
  /** The day the draft plan or the proposed changes it answers were sent. */
  sentOn: string;
  createdAt: Date;
}

interface SentRow {
  id: string;
  full_name: string;
  amendments_proposed_on: string | null;
  draft_plan_issued_on: string;
  created_at: Date;
  section_a: string | null;
  section_b: string | null;
  section_e: string | null;
  section_f: string | null;
  section_i: string | null;
  preferred_setting: string | null;
  wants_meeting: boolean;
  agrees: boolean;
}

const toSent = (row: SentRow): SentResponse => ({
  id: row.id,
  authorName: row.full_name,
  kind: row.amendments_proposed_on ? 'amendments' : 'draft-plan',
  sentOn: row.amendments_proposed_on ?? row.draft_plan_issued_on,
  createdAt: row.created_at,
  sections: {
    a: row.section_a ?? undefined,
    b: row.section_b ?? undefined,
    e: row.section_e ?? undefined,
    f: row.section_f ?? undefined,
    i: row.section_i ?? undefined,
  },
  preferredSetting: row.preferred_setting ?? '',
  wantsMeeting: row.wants_meeting,
  agrees: row.agrees,
});

const RESPONSE_COLUMNS = `r.id, u.full_name, r.draft_plan_issued_on, r.amendments_proposed_on, r.created_at, r.section_a, r.section_b,
  r.section_e, r.section_f, r.section_i, r.preferred_setting, r.wants_meeting, r.agrees`;

const ANSWERS = {
  'draft-plan': 'r.draft_plan_issued_on IS NOT NULL',
  amendments: 'r.amendments_proposed_on IS NOT NULL',
} as const;

/** The family's responses of one kind, newest first, for a member who sees the family's views. */
export async function responsesForMember(
  db: Queryable,
  caseId: string,
  userId: string,
  kind: ProposalKind,
): Promise<SentResponse[]> {
  const { rows } = await db.query(
    `SELECT ${RESPONSE_COLUMNS} FROM cases c ${ACTIVE_MEMBER_JOIN}
       JOIN draft_plan_responses r ON r.case_id = c.id JOIN users u ON u.id = r.author_user_id
      WHERE c.id = $1 AND m.role IN ('parent', 'young-person', 'coordinator') AND ${ANSWERS[kind]}
      ORDER BY r.created_at DESC, r.id`,
    [caseId, userId],
  );
  return rows.map(toSent);
}

/** Every response to a case's draft plans and proposed changes, newest first. No access check: for council staff pages. */
export async function draftPlanResponses(db: Queryable, caseId: string): Promise<SentResponse[]> {
  const { rows } = await db.query(
    `SELECT ${RESPONSE_COLUMNS} FROM draft_plan_responses r JOIN users u ON u.id = r.author_user_id
      WHERE r.case_id = $1 ORDER BY r.created_at DESC, r.id`,
    [caseId],
  );
  return rows.map(toSent);
}

export type RespondResult = { ok: true } | { ok: false; reason: 'not-found' | 'closed' };

/** Stores a response if the time to comment is still open on today's date (checked inside the transaction). */
export async function respondToProposal(
  deps: Pick<FeatureDeps, 'pool' | 'config' | 'queue' | 'clock'>,
  input: { kind: ProposalKind; caseId: string; userId: string; response: DraftPlanResponse; ip?: string },
): Promise<RespondResult> {
  const at = deps.clock.now();
  return inTransaction(deps.pool, async (client) => {
    const memberCase = await findMemberCase(client, input.caseId, input.userId, { lock: true });
    if (!memberCase || !isFamily(memberCase.role)) return { ok: false, reason: 'not-found' } as const;
    const proposal = proposalOf(input.kind, await memberCaseFacts(client, memberCase), ukToday(deps.clock));
    if (!proposal) return { ok: false, reason: 'not-found' } as const;
    if (!proposal.open) return { ok: false, reason: 'closed' } as const;
    const { sections, preferredSetting, wantsMeeting, agrees } = input.response;
    const draftOn = input.kind === 'draft-plan' ? proposal.sentOn : null;
    const amendmentsOn = input.kind === 'amendments' ? proposal.sentOn : null;
    const inserted = await client.query(
      `INSERT INTO draft_plan_responses (case_id, draft_plan_issued_on, amendments_proposed_on, author_user_id, section_a, section_b,
         section_e, section_f, section_i, preferred_setting, wants_meeting, agrees, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id`,
      [
        input.caseId,
        draftOn,
        amendmentsOn,
        input.userId,
        sections.a || null,
        sections.b || null,
        sections.e || null,
        sections.f || null,
        sections.i || null,
        preferredSetting || null,
        wantsMeeting,
        agrees,
        at,
      ],
    );
    await audit(
      client,
      {
        action: PROPOSAL_WORDS[input.kind].auditAction,
        actorUserId: input.userId,
        caseId: input.caseId,
        ip: input.ip,
        details: { responseId: inserted.rows[0].id, wantsMeeting, agrees },
      },
      at,
    );
    await emailCoordinators(client, deps, memberCase, await userName(client, input.userId), {
      kind: 'proposal-response',
      proposal: input.kind,
      responseId: inserted.rows[0].id,
    });
    return { ok: true } as const;
  });
}
