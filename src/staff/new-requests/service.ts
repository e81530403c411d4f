import type pg from 'pg';
import { audit } from '../../audit/audit.js';
import { CASE_ROLE_LABELS, type CaseRole } from '../../cases/access.js';
import { inTransaction } from '../../db/pool.js';
import type { FeatureDeps } from '../../deps.js';
import { insertDocument } from '../../documents/data.js';
import type { Requester } from '../../ehc/index.js';
import { completeRequest, CONTACT_WAYS, VIEWS_BY, type CompleteRequest } from '../../online-request/sections.js';
import { paths } from '../../web/paths.js';
import { findCouncilCase } from '../cases-data.js';
import { grantAccess } from '../case-people/data.js';
import { createCase } from '../create-case/service.js';
import { addedToCaseEmail } from '../emails/added-to-case.js';
import { insertNote } from '../notes-and-dates/data.js';
import type { StaffMember } from '../staff-member.js';
import { findCouncilRequest, markHandled, requestFilesToCopy, type CouncilRequest } from './data.js';

const ROLE_OF: Record<string, { role: CaseRole; requestedBy: Requester }> = {
  parent: { role: 'parent', requestedBy: 'parent' },
  'young-person': { role: 'young-person', requestedBy: 'young-person' },
  school: { role: 'education-setting', requestedBy: 'school' },
};

/** The request as the case's request text: what the family reads under "View request", and may amend. */
export function requestText(answers: CompleteRequest): string {
  const { child, you, reasons, views } = answers;
  return [
    `Their needs:\n${reasons.needs}`,
    `The support they have had so far:\n${reasons.supportSoFar}`,
    `What the school or setting has done:\n${reasons.schoolActions}`,
    `Their views (${VIEWS_BY[views.viewsBy].toLowerCase()}):\n${views.views}`,
    `About them:\nAddress: ${child.address.replace(/\n/g, ', ')}, ${child.postcode.toUpperCase()}\nIn the care of the local authority: ${child.inCare === 'yes' ? 'Yes' : 'No'}\nLanguages: ${child.languages}`,
    `Contact: telephone ${you.phone}, by ${CONTACT_WAYS[you.contactBy].toLowerCase()}${you.needHelp === 'yes' ? `\nHelp needed: ${you.helpDetails ?? ''}` : ''}`,
  ].join('\n\n');
}

export type HandleOutcome =
  { ok: true; caseId: string; reference: string } | { ok: false; reason: 'not-found' | 'handled' };

class AlreadyHandled extends Error {}

/** What goes with a request joining a case: its files, the person who asked as a member, an email, a note. */
async function joinCase(
  client: pg.PoolClient,
  deps: Pick<FeatureDeps, 'config' | 'queue'>,
  input: {
    request: CouncilRequest;
    staff: StaffMember;
    caseId: string;
    caseReference: string;
    status: 'case-created' | 'linked';
    at: Date;
  },
): Promise<void> {
  const { request, staff, at } = input;
  if (
    !(await markHandled(client, {
      requestId: request.id,
      status: input.status,
      caseId: input.caseId,
      staffId: staff.id,
      at,
    }))
  )
    throw new AlreadyHandled();
  for (const { file, description } of await requestFilesToCopy(client, request.id)) {
    await insertDocument(client, {
      caseId: input.caseId,
      kind: 'request',
      file,
      uploadedBy: request.requester.id,
      description,
      at,
      defaultFilename: 'document.pdf',
    });
  }
  const role = ROLE_OF[request.answers.you?.relationship ?? '']?.role ?? 'parent';
  await grantAccess(client, { caseId: input.caseId, userId: request.requester.id, role, addedBy: staff.id, at });
  if (request.requester.status === 'active') {
    await deps.queue.queueEmail(
      client,
      addedToCaseEmail(deps.config.council, {
        to: request.requester.email,
        fullName: request.requester.fullName,
        caseReference: input.caseReference,
        roleLabel: CASE_ROLE_LABELS[role],
        signInLink: `${deps.config.baseUrl}${paths.signIn}`,
      }),
    );
  }
  if (input.status === 'linked') {
    await insertNote(client, {
      caseId: input.caseId,
      authorId: staff.id,
      body: `Request ${request.reference} sent online on EHC Hub added to this case.`,
      internal: false,
      at,
    });
  }
}

/** A case made from a request sent online: received the day it was sent (day 1), the person who asked a member. */
export async function createCaseFromRequest(
  deps: Pick<FeatureDeps, 'pool' | 'clock' | 'config' | 'queue'>,
  input: { staff: StaffMember; requestId: string; ip: string },
): Promise<HandleOutcome> {
  const { staff } = input;
  const request = await findCouncilRequest(deps.pool, staff.councilId, input.requestId);
  if (!request) return { ok: false, reason: 'not-found' };
  if (request.status !== 'submitted') return { ok: false, reason: 'handled' };
  const answers = completeRequest(request.answers, request.submittedOn);
  const relationship = ROLE_OF[answers.you.relationship];
  try {
    const created = await createCase(deps, {
      staff,
      ip: input.ip,
      documents: [],
      data: {
        firstName: answers.child.firstName,
        lastName: answers.child.lastName,
        dateOfBirth: answers.child.dateOfBirth,
        school: answers.child.school,
        requestReceived: request.submittedOn,
        requestedBy: relationship.requestedBy,
        requesterName: answers.you.relationship === 'school' ? answers.you.settingName : request.requester.fullName,
        requestText: requestText(answers),
      },
      within: (client, made) =>
        joinCase(client, deps, {
          request,
          staff,
          caseId: made.id,
          caseReference: made.reference,
          status: 'case-created',
          at: deps.clock.now(),
        }),
    });
    deps.queue.nudge();
    return { ok: true, caseId: created.id, reference: created.reference };
  } catch (error) {
    if (error instanceof AlreadyHandled) return { ok: false, reason: 'handled' };
    throw error;
  }
}

/** Adds a request sent online to the child's existing case instead. */
export async function linkRequestToCase(
  deps: Pick<FeatureDeps, 'pool' | 'clock' | 'config' | 'queue'>,
  input: { staff: StaffMember; requestId: string; caseId: string; ip: string },
): Promise<HandleOutcome> {
  const { staff } = input;
  const now = deps.clock.now();
  const outcome = await inTransaction(deps.pool, async (client): Promise<HandleOutcome> => {
    const request = await findCouncilRequest(client, staff.councilId, input.requestId, { lock: true });
    if (!request) return { ok: false, reason: 'not-found' };
    if (request.status !== 'submitted') return { ok: false, reason: 'handled' };
    const found = await findCouncilCase(client, staff.councilId, input.caseId);
    if (!found) return { ok: false, reason: 'not-found' };
    await joinCase(client, deps, {
      request,
      staff,
      caseId: found.id,
      caseReference: found.reference,
      status: 'linked',
      at: now,
    });
    await audit(
      client,
      {
        action: 'staff.request.linked',
        actorUserId: staff.id,
        caseId: found.id,
        ip: input.ip,
        details: { request: request.reference },
      },
      now,
    );
    return { ok: true, caseId: found.id, reference: found.reference };
  });
  if (outcome.ok) deps.queue.nudge();
  return outcome;
}
