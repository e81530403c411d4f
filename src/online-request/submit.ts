import { audit } from '../audit/audit.js';
import { ukToday } from '../clock.js';
import { inTransaction } from '../db/pool.js';
import type { FeatureDeps } from '../deps.js';
import { decisionToAssessDue } from '../ehc/index.js';
import { paths } from '../web/paths.js';
import { findOwnRequest, markSubmitted } from './data.js';
import { requestReceivedEmail } from './emails.js';
import { allCompleted } from './sections.js';

/** Sends a complete request to the council: its reference, day 1, and the confirmation email. */
export async function submitRequest(
  deps: Pick<FeatureDeps, 'pool' | 'clock' | 'queue' | 'config'>,
  input: { requestId: string; user: { id: string; email: string; fullName: string }; ip: string },
): Promise<'sent' | 'incomplete' | 'not-found'> {
  const now = deps.clock.now();
  const today = ukToday(deps.clock);
  const result = await inTransaction(deps.pool, async (client) => {
    const request = await findOwnRequest(client, input.requestId, input.user.id, { lock: true });
    if (!request) return 'not-found' as const;
    if (request.status !== 'draft') return 'sent' as const;
    if (!allCompleted(request.answers, today)) return 'incomplete' as const;
    const reference = await markSubmitted(client, { requestId: request.id, now, today });
    if (!reference) return 'sent' as const;
    await deps.queue.queueEmail(
      client,
      requestReceivedEmail(deps.config.council, {
        to: input.user.email,
        fullName: input.user.fullName,
        reference,
        decisionDue: decisionToAssessDue(today),
        signInLink: `${deps.config.baseUrl}${paths.signIn}`,
      }),
    );
    await audit(
      client,
      {
        action: 'request.submitted',
        actorUserId: input.user.id,
        subjectUserId: input.user.id,
        ip: input.ip,
        details: { reference },
      },
      now,
    );
    return 'sent' as const;
  });
  if (result === 'sent') deps.queue.nudge();
  return result;
}
