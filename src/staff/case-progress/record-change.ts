import type pg from 'pg';
import type { FeatureDeps } from '../../deps.js';
import { audit } from '../../audit/audit.js';
import { refreshCaseSummary } from '../../cases/case-facts-from-db.js';
import { ukToday } from '../../clock.js';
import type { CouncilCase } from '../cases-data.js';
import { queueFamilyUpdate } from '../family-notice.js';
import { insertNote } from '../notes-and-dates/data.js';
import type { StaffMember } from '../staff-member.js';

export interface CaseChange {
  /** The stage the change belongs to, named in the family's email, e.g. 'Decision'. */
  stageLabel: string;
  /** For the family's email: what happened, with no reasons and nothing about the child's needs. */
  summary: string;
  /** The timeline note the family and staff see on the case. */
  timeline: string;
  auditAction: string;
  auditDetails?: Record<string, unknown>;
}

/**
 * What every change to a case's dates or decisions does after the change itself, in the same
 * transaction: a timeline note, the work tray's stage and next date, the audit row, and an
 * email to each family member (returns how many). Call `deps.queue.nudge()` after the transaction commits.
 */
export async function finishCaseChange(
  client: pg.PoolClient,
  deps: Pick<FeatureDeps, 'config' | 'queue' | 'clock'>,
  input: { staff: StaffMember; ip?: string; found: CouncilCase; change: CaseChange },
): Promise<number> {
  const { staff, found, change } = input;
  const now = deps.clock.now();
  await insertNote(client, { caseId: found.id, authorId: staff.id, body: change.timeline, internal: false, at: now });
  await refreshCaseSummary(client, found.id, ukToday(deps.clock));
  const familyNotified = await queueFamilyUpdate(client, deps, {
    caseId: found.id,
    caseReference: found.reference,
    stageLabel: change.stageLabel,
    summary: change.summary,
  });
  await audit(
    client,
    {
      action: change.auditAction,
      actorUserId: staff.id,
      caseId: found.id,
      ip: input.ip,
      details: { ...change.auditDetails, familyNotified },
    },
    now,
  );
  return familyNotified;
}
