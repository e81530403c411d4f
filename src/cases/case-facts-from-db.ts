import {
  decisionOfMeeting,
  describeCase,
  type Audience,
  type CaseFacts,
  type CaseStatus,
  type DueDate,
  type IsoDate,
} from '../ehc/index.js';
import { queryPrepared } from '../db/statements.js';
import type { Queryable } from '../db/pool.js';

/** The columns of `cases` (and the child's first name) that src/ehc needs. */
export const CASE_FACT_COLUMNS = `
  c.request_received, c.requested_by, c.advice_requested_on, c.advice_received_on,
  c.draft_plan_issued_on, c.final_plan_issued_on, c.last_review_meeting_on, c.review_meeting_on,
  c.amendments_proposed_on, c.amended_plan_issued_on, c.phase_transfer_kind, c.phase_transfer_year,
  c.phase_transfer_plan_issued_on, c.exemption_kind, c.exemption_reason, c.exemption_recorded_on`;

/** The case's own columns (and its child's name) that every page about one case shows. */
export const CASE_SUMMARY_COLUMNS = `c.id, c.reference, ch.first_name, ch.last_name, c.current_stage, c.request_received,
  c.requested_by, c.requester_name, c.request_text`;

export interface CaseSummary {
  id: string;
  reference: string;
  childFirstName: string;
  childLastName: string;
  currentStage: string;
  requestReceived: string;
  requestedBy: 'parent' | 'school' | 'young-person' | 'other';
  requesterName: string | null;
  requestText: string;
}

/** A row read with CASE_SUMMARY_COLUMNS. */
export interface CaseSummaryRow {
  id: string;
  reference: string;
  first_name: string;
  last_name: string;
  current_stage: string;
  request_received: string;
  requested_by: CaseSummary['requestedBy'];
  requester_name: string | null;
  request_text: string;
}

/** A row read with CASE_SUMMARY_COLUMNS, for staff and family pages alike. */
export function caseSummaryFromRow(row: CaseSummaryRow): CaseSummary {
  return {
    id: row.id,
    reference: row.reference,
    childFirstName: row.first_name,
    childLastName: row.last_name,
    currentStage: row.current_stage,
    requestReceived: row.request_received,
    requestedBy: row.requested_by,
    requesterName: row.requester_name,
    requestText: row.request_text,
  };
}

export interface DecisionRow {
  kind: 'assess' | 'issue' | 'review';
  outcome: string;
  decided_on: string;
  mediation_certificate_on: string | null;
}

const DECISION_COLUMNS = 'kind, outcome, decided_on, mediation_certificate_on';

/**
 * SQL for a column: the latest decision of each kind of the case `caseId` (an SQL expression, e.g.
 * `c.id`) as a JSON array, with DecisionRow's columns and any `extraColumns` of case_decisions.
 */
export function latestDecisionsJson(caseId: string, extraColumns: string[] = []): string {
  return `(SELECT coalesce(json_agg(latest ORDER BY latest.kind), '[]')
             FROM (SELECT DISTINCT ON (kind) ${[DECISION_COLUMNS, ...extraColumns].join(', ')}
                     FROM case_decisions WHERE case_id = ${caseId}
                    ORDER BY kind, recorded_at DESC) latest)`;
}

/** The latest decision of each kind, for a set of cases, in one query. */
export async function latestDecisions(db: Queryable, caseIds: string[]): Promise<Map<string, DecisionRow[]>> {
  const byCase = new Map<string, DecisionRow[]>();
  if (caseIds.length === 0) return byCase;
  const { rows } = await queryPrepared<DecisionRow & { case_id: string }>(
    db,
    `SELECT DISTINCT ON (case_id, kind) case_id, ${DECISION_COLUMNS}
       FROM case_decisions WHERE case_id = ANY($1::uuid[])
      ORDER BY case_id, kind, recorded_at DESC`,
    [caseIds],
  );
  for (const row of rows) {
    const list = byCase.get(row.case_id) ?? [];
    list.push(row);
    byCase.set(row.case_id, list);
  }
  return byCase;
}

const orUndefined = <T>(value: T | null | undefined): T | undefined => value ?? undefined;

function asDecision<Outcome extends string>(row: DecisionRow | undefined) {
  return (
    row && {
      outcome: row.outcome as Outcome,
      date: row.decided_on,
      mediationCertificate: orUndefined(row.mediation_certificate_on),
    }
  );
}

/** A row read with CASE_FACT_COLUMNS and the child's `first_name`; dates as 'YYYY-MM-DD' (see src/db). */
export interface CaseFactsRow {
  first_name: string;
  request_received: IsoDate;
  requested_by: CaseFacts['requestedBy'];
  advice_requested_on: IsoDate | null;
  advice_received_on: IsoDate | null;
  draft_plan_issued_on: IsoDate | null;
  final_plan_issued_on: IsoDate | null;
  last_review_meeting_on: IsoDate | null;
  review_meeting_on: IsoDate | null;
  amendments_proposed_on: IsoDate | null;
  amended_plan_issued_on: IsoDate | null;
  phase_transfer_kind: NonNullable<CaseFacts['phaseTransfer']>['kind'] | null;
  phase_transfer_year: number | null;
  phase_transfer_plan_issued_on: IsoDate | null;
  exemption_kind: NonNullable<CaseFacts['exemption']>['kind'] | null;
  exemption_reason: string | null;
  exemption_recorded_on: IsoDate | null;
}

/** Builds src/ehc's CaseFacts from a `cases` row (with `first_name`) and its latest decisions. */
export function caseFactsFromRow(row: CaseFactsRow, decisions: DecisionRow[], audience: Audience): CaseFacts {
  const decision = (kind: DecisionRow['kind']) => decisions.find((d) => d.kind === kind);
  // The latest review decision may be the last cycle's, made before this cycle's meeting.
  const review = decisionOfMeeting(
    orUndefined(row.review_meeting_on),
    asDecision<'keep' | 'amend' | 'cease'>(decision('review')),
  );
  const hasReview = row.last_review_meeting_on || row.review_meeting_on || review || row.amended_plan_issued_on;
  return {
    childFirstName: row.first_name,
    requestReceived: row.request_received,
    requestedBy: row.requested_by,
    audience,
    decisionToAssess: asDecision<'assess' | 'not-assess'>(decision('assess')),
    adviceRequested: orUndefined(row.advice_requested_on),
    adviceReceived: orUndefined(row.advice_received_on),
    decisionAfterAssessment: asDecision<'issue' | 'not-issue'>(decision('issue')),
    draftPlanIssued: orUndefined(row.draft_plan_issued_on),
    finalPlanIssued: orUndefined(row.final_plan_issued_on),
    annualReview: hasReview
      ? {
          lastReviewMeeting: orUndefined(row.last_review_meeting_on),
          meeting: orUndefined(row.review_meeting_on),
          decision: review,
          amendmentsProposed: orUndefined(row.amendments_proposed_on),
          amendedPlanIssued: orUndefined(row.amended_plan_issued_on),
        }
      : undefined,
    // The table's checks keep each pair (kind and year, kind and reason) set or unset together.
    phaseTransfer:
      row.phase_transfer_kind && row.phase_transfer_year !== null
        ? {
            kind: row.phase_transfer_kind,
            transferYear: row.phase_transfer_year,
            amendedPlanIssued: orUndefined(row.phase_transfer_plan_issued_on),
          }
        : undefined,
    exemption:
      row.exemption_kind && row.exemption_reason !== null
        ? { kind: row.exemption_kind, reason: row.exemption_reason, recordedOn: orUndefined(row.exemption_recorded_on) }
        : undefined,
  };
}

/**
 * Recomputes the stage and next council deadline kept on `cases` for the work tray. Call it in
 * the transaction of every change to a case's dates or decisions.
 */
export async function refreshCaseSummary(db: Queryable, caseId: string, today: string): Promise<CaseStatus> {
  const { rows } = await db.query(
    `SELECT ${CASE_FACT_COLUMNS}, ch.first_name
       FROM cases c JOIN children ch ON ch.id = c.child_id WHERE c.id = $1`,
    [caseId],
  );
  if (!rows[0]) throw new Error(`No case ${caseId}`);
  const decisions = (await latestDecisions(db, [caseId])).get(caseId) ?? [];
  const status = describeCase(caseFactsFromRow(rows[0], decisions, 'parent'), today);
  // Only the council's own deadlines go in the tray (a family's appeal date is theirs to keep),
  // and not one an exemption has lifted: it can never be overdue.
  const isCouncilDue = (d: DueDate | undefined) => d?.by === 'council' && !d.metOn && !d.lifted;
  const next = isCouncilDue(status.nextDate) ? status.nextDate : status.dueDates.find(isCouncilDue);
  await db.query(
    `UPDATE cases SET current_stage = $2, next_due_label = $3, next_due_on = $4, updated_at = now() WHERE id = $1`,
    [caseId, status.currentStage.id, next?.label ?? null, next?.date ?? null],
  );
  return status;
}
