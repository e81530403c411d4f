import type pg from 'pg';
import type { FeatureDeps } from '../../deps.js';
import { inviteUser } from '../../accounts/invitations.js';
import { adviceRequestedEmail } from '../../advice/emails.js';
import {
  findCouncilRequest,
  insertAdviceRequest,
  markReceived,
  setExemption,
  shareWithFamily,
  syncCaseAdviceDates,
  withdrawRequest,
} from '../../advice/data.js';
import { ADVICE_KIND_LABELS, type AdviceKind } from '../../advice/kinds.js';
import { advicePaths } from '../../advice/paths.js';
import { audit } from '../../audit/audit.js';
import { ukToday } from '../../clock.js';
import { inTransaction } from '../../db/pool.js';
import { insertDocument } from '../../documents/data.js';
import { adviceDue, type ExemptionKind } from '../../ehc/index.js';
import { formatDate } from '../../web/format.js';
import type { ReceivedFile } from '../../uploads/index.js';
import { findCouncilCase, type CouncilCase } from '../cases-data.js';
import { findUserByEmail } from '../case-people/data.js';
import { isKnownToCouncil } from '../people/data.js';
import type { StaffMember } from '../staff-member.js';

type Deps = Pick<FeatureDeps, 'pool' | 'config' | 'clock' | 'queue'>;

export type RequestOutcome =
  /** 'emailed': invited, or an account the council did not know (what is said must not tell which). */
  | { outcome: 'emailed' | 'notified'; fullName: string; email: string; dueOn: string }
  | { outcome: 'refused'; field: 'email'; message: string }
  | { outcome: 'not-found' };

/** Only a case in Assessment is asked for advice (a consultation: once the draft plan is issued). */
export const takesAdvice = (found: CouncilCase) => found.currentStage === 'assessment';

/**
 * Asks a named person for advice (or a setting for its answer to a consultation): a new address
 * is invited to register, a registered one is emailed; either way the email links to the request.
 * The due date is the statutory one from the day of the request (day 1).
 */
export async function requestAdvice(
  deps: Deps,
  input: {
    staff: StaffMember;
    ip?: string;
    caseId: string;
    kind: AdviceKind;
    fullName: string;
    email: string;
    question: string;
    settingName?: string;
    dueOn?: (today: string) => string;
    allowed?: (found: CouncilCase) => boolean;
  },
): Promise<RequestOutcome> {
  const result = await inTransaction(deps.pool, async (client): Promise<RequestOutcome> => {
    const found = await findCouncilCase(client, input.staff.councilId, input.caseId, { lock: true });
    if (!found || !(input.allowed ?? takesAdvice)(found)) return { outcome: 'not-found' };
    const existing = await findUserByEmail(client, input.email);
    if (existing?.kind === 'staff')
      return {
        outcome: 'refused',
        field: 'email',
        message: 'This email address belongs to a council staff account: use the adviser’s own address',
      };
    // Another council's family account: its name, status and very existence are not ours to show.
    const unknownAccount =
      existing?.kind === 'family' && !(await isKnownToCouncil(client, input.staff.councilId, existing.id));
    if (existing?.status === 'disabled' && !unknownAccount) {
      return {
        outcome: 'refused',
        field: 'email',
        message: 'The account for this email address is disabled. Enable it from People before asking them for advice',
      };
    }
    const now = deps.clock.now();
    const today = ukToday(deps.clock);
    const dueOn = (input.dueOn ?? adviceDue)(today);
    const invited = await inviteUser(client, deps, {
      email: input.email,
      fullName: input.fullName,
      kind: 'family',
      invitedBy: { name: input.staff.name, userId: input.staff.id },
      reason: `${deps.config.council.name} has asked you for ${ADVICE_KIND_LABELS[input.kind].toLowerCase()} for case ${found.reference}, an Education, Health and Care (EHC) needs assessment. On EHC Hub you can read the request and write your answer. It is due by ${formatDate(dueOn)}.`,
      ip: input.ip,
    });
    const requestId = await insertAdviceRequest(client, {
      caseId: found.id,
      adviserId: invited.userId,
      kind: input.kind,
      question: input.question,
      settingName: input.settingName,
      requestedOn: today,
      dueOn,
      requestedBy: input.staff.id,
      at: now,
    });
    // A disabled account (disabled by another council) gets no email: it cannot sign in.
    if (invited.outcome === 'already-registered' && invited.status !== 'disabled') {
      const account = existing ?? (await findUserByEmail(client, input.email));
      await deps.queue.queueEmail(
        client,
        adviceRequestedEmail(deps.config.council, {
          to: input.email,
          fullName: account?.fullName ?? input.fullName,
          caseReference: found.reference,
          kind: input.kind,
          dueOn,
          link: `${deps.config.baseUrl}${advicePaths.request(requestId)}`,
        }),
      );
    }
    if (input.kind !== 'placement') await syncCaseAdviceDates(client, found.id, today, now);
    await audit(
      client,
      {
        action: 'staff.case.advice-requested',
        actorUserId: input.staff.id,
        subjectUserId: invited.userId,
        caseId: found.id,
        ip: input.ip,
        details: { requestId, kind: input.kind, dueOn },
      },
      now,
    );
    // A registered account keeps its own name; a new one has the name given.
    const fullName =
      invited.outcome === 'invited' || unknownAccount ? input.fullName : (existing?.fullName ?? input.fullName);
    return {
      outcome: invited.outcome === 'invited' || unknownAccount ? 'emailed' : 'notified',
      fullName,
      email: input.email,
      dueOn,
    };
  });
  if (result.outcome === 'emailed' || result.outcome === 'notified') deps.queue.nudge();
  return result;
}

/** What the notice says was sent: the same for a new address and for an account the council did not know. */
export const sentWords = (outcome: 'emailed' | 'notified') =>
  outcome === 'notified'
    ? 'We have emailed the request to'
    : 'We have emailed the request, with an invitation to register on EHC Hub if they need one, to';

type Change = 'withdraw' | 'share';

type CouncilRequest = NonNullable<Awaited<ReturnType<typeof findCouncilRequest>>>;

/**
 * Runs `change` on the council's advice request, found and locked in a transaction of its own:
 * false (nothing changed) when the council has no such request on that case.
 */
function changeLockedRequest(
  deps: Deps,
  input: { staff: StaffMember; caseId: string; requestId: string },
  change: (client: pg.PoolClient, request: CouncilRequest, now: Date) => Promise<boolean>,
): Promise<boolean> {
  return inTransaction(deps.pool, async (client) => {
    const request = await findCouncilRequest(client, input.staff.councilId, input.caseId, input.requestId, {
      lock: true,
    });
    return request ? change(client, request, deps.clock.now()) : false;
  });
}

/** Withdraws an outstanding request, or shares received advice with the family. */
export async function changeRequest(
  deps: Deps,
  input: { staff: StaffMember; ip?: string; caseId: string; requestId: string; change: Change },
): Promise<boolean> {
  return changeLockedRequest(deps, input, async (client, request, now) => {
    const done =
      input.change === 'withdraw'
        ? await withdrawRequest(client, request.id, input.staff.id, now)
        : await shareWithFamily(client, request.id, now);
    if (!done) return false;
    if (input.change === 'withdraw' && request.kind !== 'placement')
      await syncCaseAdviceDates(client, request.caseId, ukToday(deps.clock), now);
    await auditChange(client, input, `staff.case.advice-${input.change === 'withdraw' ? 'withdrawn' : 'shared'}`, now);
    return true;
  });
}

/** Advice that reached the council another way (by post, by email): its document and the day it came. */
export async function recordReceivedAdvice(
  deps: Deps,
  input: { staff: StaffMember; ip?: string; caseId: string; requestId: string; receivedOn: string; file: ReceivedFile },
): Promise<boolean> {
  return changeLockedRequest(deps, input, async (client, request, now) => {
    if (!(await markReceived(client, request.id, { receivedOn: input.receivedOn, recordedBy: input.staff.id })))
      return false;
    await insertDocument(client, {
      caseId: request.caseId,
      kind: 'other',
      file: input.file,
      uploadedBy: input.staff.id,
      description: `${ADVICE_KIND_LABELS[request.kind]} from ${request.adviserName}`,
      at: now,
      adviceRequestId: request.id,
    });
    if (request.kind !== 'placement') await syncCaseAdviceDates(client, request.caseId, ukToday(deps.clock), now);
    await auditChange(client, input, 'staff.case.advice-recorded-received', now, { receivedOn: input.receivedOn });
    return true;
  });
}

/** Records an exemption to an outstanding request's 6-week limit (reg. 8(2)), or removes it (exemption null). */
export async function changeExemption(
  deps: Deps,
  input: {
    staff: StaffMember;
    ip?: string;
    caseId: string;
    requestId: string;
    exemption: { kind: ExemptionKind; reason: string } | null;
  },
): Promise<boolean> {
  return changeLockedRequest(deps, input, async (client, request, now) => {
    const exemption = input.exemption && {
      ...input.exemption,
      recordedOn: ukToday(deps.clock),
      recordedBy: input.staff.id,
    };
    if (!(await setExemption(client, request.id, exemption))) return false;
    const kind = input.exemption?.kind ?? request.exemption?.kind;
    await auditChange(client, input, `staff.case.advice-exemption-${input.exemption ? 'recorded' : 'removed'}`, now, {
      kind,
    });
    return true;
  });
}

async function auditChange(
  client: pg.PoolClient,
  input: { staff: StaffMember; ip?: string; caseId: string; requestId: string },
  action: string,
  at: Date,
  details: Record<string, unknown> = {},
) {
  await audit(
    client,
    {
      action,
      actorUserId: input.staff.id,
      caseId: input.caseId,
      ip: input.ip,
      details: { requestId: input.requestId, ...details },
    },
    at,
  );
}
