import type pg from 'pg';
import type { Queryable } from '../db/pool.js';
import { refreshCaseSummary } from '../cases/case-facts-from-db.js';
import { updateCaseColumns } from '../staff/case-progress/decision-data.js';
import { isUuid } from '../web/ids.js';
import type { ExemptionKind } from '../ehc/index.js';
import type { AdviceKind } from './kinds.js';

/** One request for advice (or a placement consultation), as staff and the adviser read it. */
export interface AdviceRequest {
  id: string;
  caseId: string;
  caseReference: string;
  childFirstName: string;
  childLastName: string;
  childDateOfBirth: string;
  adviserId: string;
  adviserName: string;
  adviserEmail: string;
  adviserStatus: 'invited' | 'active' | 'disabled';
  kind: AdviceKind;
  question: string;
  settingName: string | null;
  requestedOn: string;
  dueOn: string;
  withdrawnAt: Date | null;
  answer: AdviceAnswer;
  draftSavedAt: Date | null;
  submittedAt: Date | null;
  receivedOn: string | null;
  recordedBy: string | null;
  sharedWithFamilyAt: Date | null;
  /** An exemption to the 6-week time limit (reg. 8(2)), with its reason. */
  exemption: { kind: ExemptionKind; reason: string; recordedOn: string | null } | null;
}

/** What the adviser writes: the sections of advice, or a setting's answer to a consultation. */
export interface AdviceAnswer {
  needs?: string;
  outcomes?: string;
  provisionEducation?: string;
  provisionHealth?: string;
  provisionSocialCare?: string;
  canMeetNeeds?: boolean;
  reasons?: string;
}

const COLUMNS = `ar.id, ar.case_id, c.reference, ch.first_name, ch.last_name, ch.date_of_birth, ar.adviser_user_id,
  u.full_name, u.email, u.status, ar.kind, ar.question, ar.setting_name, ar.requested_on, ar.due_on, ar.withdrawn_at,
  ar.needs, ar.outcomes, ar.provision_education, ar.provision_health, ar.provision_social_care, ar.can_meet_needs, ar.reasons,
  ar.draft_saved_at, ar.submitted_at, ar.received_on, ar.recorded_by, ar.shared_with_family_at,
  ar.exemption_kind, ar.exemption_reason, ar.exemption_recorded_on`;
const FROM = `advice_requests ar JOIN cases c ON c.id = ar.case_id JOIN children ch ON ch.id = c.child_id JOIN users u ON u.id = ar.adviser_user_id`;

type Row = Record<string, unknown>;
const orUndefined = <T>(value: T | null) => (value === null ? undefined : value);

function fromRow(row: Row): AdviceRequest {
  return {
    id: row.id as string,
    caseId: row.case_id as string,
    caseReference: row.reference as string,
    childFirstName: row.first_name as string,
    childLastName: row.last_name as string,
    childDateOfBirth: row.date_of_birth as string,
    adviserId: row.adviser_user_id as string,
    adviserName: row.full_name as string,
    adviserEmail: row.email as string,
    adviserStatus: row.status as AdviceRequest['adviserStatus'],
    kind: row.kind as AdviceKind,
    question: row.question as string,
    settingName: row.setting_name as string | null,
    requestedOn: row.requested_on as string,
    dueOn: row.due_on as string,
    withdrawnAt: row.withdrawn_at as Date | null,
    answer: {
      needs: orUndefined(row.needs as string | null),
      outcomes: orUndefined(row.outcomes as string | null),
      provisionEducation: orUndefined(row.provision_education as string | null),
      provisionHealth: orUndefined(row.provision_health as string | null),
      provisionSocialCare: orUndefined(row.provision_social_care as string | null),
      canMeetNeeds: orUndefined(row.can_meet_needs as boolean | null),
      reasons: orUndefined(row.reasons as string | null),
    },
    draftSavedAt: row.draft_saved_at as Date | null,
    submittedAt: row.submitted_at as Date | null,
    receivedOn: row.received_on as string | null,
    recordedBy: row.recorded_by as string | null,
    sharedWithFamilyAt: row.shared_with_family_at as Date | null,
    exemption: row.exemption_kind
      ? {
          kind: row.exemption_kind as ExemptionKind,
          reason: row.exemption_reason as string,
          recordedOn: row.exemption_recorded_on as string | null,
        }
      : null,
  };
}

export async function insertAdviceRequest(
  client: pg.PoolClient,
  input: {
    caseId: string;
    adviserId: string;
    kind: AdviceKind;
    question: string;
    settingName?: string;
    requestedOn: string;
    dueOn: string;
    requestedBy: string;
    at: Date;
  },
): Promise<string> {
  const { rows } = await client.query(
    `INSERT INTO advice_requests (case_id, adviser_user_id, kind, question, setting_name, requested_on, due_on, requested_by, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
    [
      input.caseId,
      input.adviserId,
      input.kind,
      input.question,
      input.settingName ?? null,
      input.requestedOn,
      input.dueOn,
      input.requestedBy,
      input.at,
    ],
  );
  return rows[0].id;
}

/** Every request on a case, oldest first (staff's list). */
export async function listCaseRequests(db: Queryable, caseId: string): Promise<AdviceRequest[]> {
  const { rows } = await db.query(
    `SELECT ${COLUMNS} FROM ${FROM} WHERE ar.case_id = $1 ORDER BY ar.created_at, ar.id`,
    [caseId],
  );
  return rows.map(fromRow);
}

/** A request on a case of the council, or undefined (a 404). */
export async function findCouncilRequest(
  db: Queryable,
  councilId: string,
  caseId: string,
  requestId: string,
  options: { lock?: boolean } = {},
): Promise<AdviceRequest | undefined> {
  if (!isUuid(caseId) || !isUuid(requestId)) return undefined;
  const { rows } = await db.query(
    `SELECT ${COLUMNS} FROM ${FROM} WHERE ar.id = $1 AND ar.case_id = $2 AND c.council_id = $3${options.lock ? ' FOR UPDATE OF ar' : ''}`,
    [requestId, caseId, councilId],
  );
  return rows[0] && fromRow(rows[0]);
}

/** A request made of this adviser and not withdrawn, or undefined (a 404: someone else's looks the same). */
export async function findAdviserRequest(
  db: Queryable,
  userId: string,
  requestId: string,
  options: { lock?: boolean } = {},
): Promise<AdviceRequest | undefined> {
  if (!isUuid(requestId)) return undefined;
  const { rows } = await db.query(
    `SELECT ${COLUMNS} FROM ${FROM} WHERE ar.id = $1 AND ar.adviser_user_id = $2 AND ar.withdrawn_at IS NULL${options.lock ? ' FOR UPDATE OF ar' : ''}`,
    [requestId, userId],
  );
  return rows[0] && fromRow(rows[0]);
}

/** "My advice requests": everything asked of this person and not withdrawn, newest first. */
export async function listAdviserRequests(db: Queryable, userId: string): Promise<AdviceRequest[]> {
  const { rows } = await db.query(
    `SELECT ${COLUMNS} FROM ${FROM} WHERE ar.adviser_user_id = $1 AND ar.withdrawn_at IS NULL ORDER BY ar.submitted_at IS NOT NULL, ar.due_on, ar.id`,
    [userId],
  );
  return rows.map(fromRow);
}

/** The advice the family may read: received, and shared by staff or the draft plan issued (placement answers only when shared). */
export async function listFamilyAdvice(db: Queryable, caseId: string): Promise<AdviceRequest[]> {
  const { rows } = await db.query(
    `SELECT ${COLUMNS} FROM ${FROM}
      WHERE ar.case_id = $1 AND ar.received_on IS NOT NULL AND ar.withdrawn_at IS NULL
        AND (ar.shared_with_family_at IS NOT NULL OR (c.draft_plan_issued_on IS NOT NULL AND ar.kind <> 'placement'))
      ORDER BY ar.received_on, ar.id`,
    [caseId],
  );
  return rows.map(fromRow);
}

/** Whether anyone has asked this person for advice (their landing page is then /advice). */
export async function isAdviser(db: Queryable, userId: string): Promise<boolean> {
  const { rows } = await db.query(
    `SELECT 1 FROM advice_requests WHERE adviser_user_id = $1 AND withdrawn_at IS NULL LIMIT 1`,
    [userId],
  );
  return rows.length > 0;
}

/** Saves the adviser's draft; false once it has been submitted (it never changes then). */
export async function saveDraft(
  client: pg.PoolClient,
  requestId: string,
  answer: AdviceAnswer,
  at: Date,
): Promise<boolean> {
  const { rowCount } = await client.query(
    `UPDATE advice_requests SET needs = $2, outcomes = $3, provision_education = $4, provision_health = $5, provision_social_care = $6,
            can_meet_needs = $7, reasons = $8, draft_saved_at = $9
      WHERE id = $1 AND submitted_at IS NULL AND received_on IS NULL AND withdrawn_at IS NULL`,
    [
      requestId,
      answer.needs ?? null,
      answer.outcomes ?? null,
      answer.provisionEducation ?? null,
      answer.provisionHealth ?? null,
      answer.provisionSocialCare ?? null,
      answer.canMeetNeeds ?? null,
      answer.reasons ?? null,
      at,
    ],
  );
  return rowCount === 1;
}

/** Marks the advice received: submitted on the Hub (submittedAt) or recorded by staff (recordedBy). */
export async function markReceived(
  client: pg.PoolClient,
  requestId: string,
  input: { receivedOn: string; submittedAt?: Date; recordedBy?: string },
): Promise<boolean> {
  const { rowCount } = await client.query(
    `UPDATE advice_requests SET received_on = $2, submitted_at = $3, recorded_by = $4
      WHERE id = $1 AND received_on IS NULL AND withdrawn_at IS NULL`,
    [requestId, input.receivedOn, input.submittedAt ?? null, input.recordedBy ?? null],
  );
  return rowCount === 1;
}

export async function withdrawRequest(
  client: pg.PoolClient,
  requestId: string,
  by: string,
  at: Date,
): Promise<boolean> {
  const { rowCount } = await client.query(
    `UPDATE advice_requests SET withdrawn_at = $3, withdrawn_by = $2 WHERE id = $1 AND received_on IS NULL AND withdrawn_at IS NULL`,
    [requestId, by, at],
  );
  return rowCount === 1;
}

export async function shareWithFamily(client: pg.PoolClient, requestId: string, at: Date): Promise<boolean> {
  const { rowCount } = await client.query(
    `UPDATE advice_requests SET shared_with_family_at = $2 WHERE id = $1 AND received_on IS NOT NULL AND shared_with_family_at IS NULL`,
    [requestId, at],
  );
  return rowCount === 1;
}

/** Records (or replaces) an exemption to an outstanding request's time limit; null removes it. */
export async function setExemption(
  client: pg.PoolClient,
  requestId: string,
  exemption: { kind: ExemptionKind; reason: string; recordedOn: string; recordedBy: string } | null,
): Promise<boolean> {
  const { rowCount } = await client.query(
    `UPDATE advice_requests SET exemption_kind = $2, exemption_reason = $3, exemption_recorded_on = $4, exemption_recorded_by = $5
      WHERE id = $1 AND received_on IS NULL AND withdrawn_at IS NULL AND ($2::text IS NOT NULL OR exemption_kind IS NOT NULL)`,
    [
      requestId,
      exemption?.kind ?? null,
      exemption?.reason ?? null,
      exemption?.recordedOn ?? null,
      exemption?.recordedBy ?? null,
    ],
  );
  return rowCount === 1;
}

export interface Addendum {
  body: string;
  createdAt: Date;
}

export async function insertAddendum(
  client: pg.PoolClient,
  input: { requestId: string; body: string; authorId: string; at: Date },
): Promise<void> {
  await client.query(
    `INSERT INTO advice_addenda (request_id, body, author_user_id, created_at) VALUES ($1, $2, $3, $4)`,
    [input.requestId, input.body, input.authorId, input.at],
  );
}

export async function listAddenda(db: Queryable, requestIds: string[]): Promise<Map<string, Addendum[]>> {
  const byRequest = new Map<string, Addendum[]>();
  if (requestIds.length === 0) return byRequest;
  const { rows } = await db.query(
    `SELECT request_id, body, created_at FROM advice_addenda WHERE request_id = ANY($1::uuid[]) ORDER BY created_at, id`,
    [requestIds],
  );
  for (const row of rows) {
    const list = byRequest.get(row.request_id) ?? [];
    list.push({ body: row.body, createdAt: row.created_at });
    byRequest.set(row.request_id, list);
  }
  return byRequest;
}

/**
 * The case's "advice requested" and "all advice received" dates follow from its requests (not
 * placement consultations): requested on the first request; received when none is outstanding, on
 * the day the last arrived.
 */
export async function syncCaseAdviceDates(
  client: pg.PoolClient,
  caseId: string,
  today: string,
  at: Date,
): Promise<void> {
  const { rows } = await client.query(
    `SELECT min(requested_on) AS first_requested,
            count(*) FILTER (WHERE received_on IS NULL AND withdrawn_at IS NULL) AS outstanding,
            max(received_on) AS last_received
       FROM advice_requests WHERE case_id = $1 AND kind <> 'placement'`,
    [caseId],
  );
  const row = rows[0];
  if (!row.first_requested) return;
  const received = Number(row.outstanding) === 0 && row.last_received ? (row.last_received as string) : null;
  const current = await client.query(`SELECT advice_requested_on FROM cases WHERE id = $1`, [caseId]);
  const before = current.rows[0]?.advice_requested_on as string | null;
  const requested = before && before < row.first_requested ? before : (row.first_requested as string);
  await updateCaseColumns(client, caseId, { advice_requested_on: requested, advice_received_on: received }, at);
  await refreshCaseSummary(client, caseId, today);
}
