import type { FeatureDeps } from '../deps.js';
import { audit } from '../audit/audit.js';
import { ukToday } from '../clock.js';
import { inTransaction } from '../db/pool.js';
import { insertDocument } from '../documents/data.js';
import type { ReceivedFile } from '../uploads/index.js';
import {
  findAdviserRequest,
  insertAddendum,
  markReceived,
  saveDraft,
  syncCaseAdviceDates,
  type AdviceAnswer,
} from './data.js';

type Deps = Pick<FeatureDeps, 'pool' | 'clock'>;
type Who = { userId: string; ip?: string; requestId: string };

/** Saves the draft; false when there is nothing of theirs to save to (submitted, withdrawn, not theirs). */
export async function saveAdviceDraft(deps: Deps, who: Who, answer: AdviceAnswer): Promise<boolean> {
  return inTransaction(deps.pool, async (client) => {
    const request = await findAdviserRequest(client, who.userId, who.requestId, { lock: true });
    return Boolean(request) && (await saveDraft(client, who.requestId, answer, deps.clock.now()));
  });
}

/** Submits the saved draft: it is received today and never changes again. */
export async function submitAdvice(deps: Deps, who: Who): Promise<boolean> {
  return inTransaction(deps.pool, async (client) => {
    const request = await findAdviserRequest(client, who.userId, who.requestId, { lock: true });
    if (!request) return false;
    const now = deps.clock.now();
    const today = ukToday(deps.clock);
    if (!(await markReceived(client, request.id, { receivedOn: today, submittedAt: now }))) return false;
    if (request.kind !== 'placement') await syncCaseAdviceDates(client, request.caseId, today, now);
    await audit(
      client,
      {
        action: 'advice.submitted',
        actorUserId: who.userId,
        caseId: request.caseId,
        ip: who.ip,
        details: { requestId: request.id, kind: request.kind },
      },
      now,
    );
    return true;
  });
}

/** Attaches files to the advice while it is a draft. */
export async function attachToAdvice(deps: Deps, who: Who, files: ReceivedFile[]): Promise<boolean> {
  return inTransaction(deps.pool, async (client) => {
    const request = await findAdviserRequest(client, who.userId, who.requestId, { lock: true });
    if (!request || request.receivedOn) return false;
    const now = deps.clock.now();
    for (const file of files) {
      await insertDocument(client, {
        caseId: request.caseId,
        kind: 'other',
        file,
        uploadedBy: who.userId,
        description: `Attached to the advice from ${request.adviserName}`,
        at: now,
        adviceRequestId: request.id,
      });
    }
    await audit(
      client,
      {
        action: 'advice.attached',
        actorUserId: who.userId,
        caseId: request.caseId,
        ip: who.ip,
        details: { requestId: request.id, files: files.length },
      },
      now,
    );
    return true;
  });
}

/** Adds to submitted advice; the advice itself stays as it was. */
export async function addAddendum(deps: Deps, who: Who, body: string): Promise<boolean> {
  return inTransaction(deps.pool, async (client) => {
    const request = await findAdviserRequest(client, who.userId, who.requestId, { lock: true });
    if (!request?.submittedAt) return false;
    const now = deps.clock.now();
    await insertAddendum(client, { requestId: request.id, body, authorId: who.userId, at: now });
    await audit(
      client,
      {
        action: 'advice.addendum-added',
        actorUserId: who.userId,
        caseId: request.caseId,
        ip: who.ip,
        details: { requestId: request.id },
      },
      now,
    );
    return true;
  });
}
