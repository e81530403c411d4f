import type { Queryable } from '../db/pool.js';
import { CASE_SUMMARY_COLUMNS, caseSummaryFromRow, type CaseSummary } from './case-facts-from-db.js';

/**
 * Who someone is on a case (case_members.role), the words for each role, and who the family is.
 * The one home of these: the family's pages, the staff pages and the CLI all read them here.
 */
export const CASE_ROLES = ['parent', 'young-person', 'education-setting', 'adviser', 'coordinator'] as const;
export type CaseRole = (typeof CASE_ROLES)[number];

export const CASE_ROLE_LABELS: Record<CaseRole, string> = {
  parent: 'Parent or carer',
  'young-person': 'Young person',
  'education-setting': 'Education setting',
  // An educational psychologist, or a health or social care professional (DESIGN: roles).
  adviser: 'Professional adviser',
  coordinator: 'Case co-ordinator',
};

/** The roles that are the family: they are told about every change to the case. */
export const FAMILY_ROLES: readonly CaseRole[] = ['parent', 'young-person'];

/** Parents, carers and young people: the family, who amend, comment, upload and respond. */
export const isFamily = (role: CaseRole) => FAMILY_ROLES.includes(role);

/** The same, as an SQL condition on a membership (alias `member`). */
export const familyMember = (member = 'm') =>
  `${member}.role IN (${FAMILY_ROLES.map((role) => `'${role}'`).join(', ')})`;

/** Who reads the family's comments and responses: the family and the case co-ordinator. */
export const seesFamilyViews = (role: CaseRole) => isFamily(role) || role === 'coordinator';

/** The SQL condition for documents (alias `document`) the member (alias `member`) may see: an adviser only those shared with advisers. */
export const visibleDocument = (document = 'd', member = 'm') =>
  `((${member}.role <> 'adviser' OR ${document}.shared_with_advisers) AND (${document}.advice_request_id IS NULL OR ${sharedAdvice(document, member)}))`;

/**
 * A document of someone's advice (src/advice): the family sees it once the council shares that
 * advice, or issues the draft plan; other members of the case never (the adviser reads their own
 * through /advice).
 */
const sharedAdvice = (document: string, member: string) =>
  `(${familyMember(member)} AND EXISTS (SELECT 1 FROM advice_requests ar JOIN cases ac ON ac.id = ar.case_id
     WHERE ar.id = ${document}.advice_request_id AND ar.received_on IS NOT NULL AND ar.withdrawn_at IS NULL
       AND (ar.shared_with_family_at IS NOT NULL OR ac.draft_plan_issued_on IS NOT NULL)))`;

/** Joins the member's active membership: every read and write of a case goes through it. */
export const ACTIVE_MEMBER_JOIN = `JOIN case_members m ON m.case_id = c.id AND m.user_id = $2 AND m.removed_at IS NULL`;

/** A case as one of its active members may see it, with that member's role. */
export interface MemberCase extends CaseSummary {
  role: CaseRole;
  createdAt: Date;
  draftPlanIssuedOn: string | null;
  finalPlanIssuedOn: string | null;
}

/**
 * The case, if the user is an active member of it; undefined otherwise (a missing case and
 * someone else's case look the same). With `lock`, the case row is locked for the transaction.
 */
export async function findMemberCase(
  db: Queryable,
  caseId: string,
  userId: string,
  options: { lock?: boolean } = {},
): Promise<MemberCase | undefined> {
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
