import type { Logger } from 'pino';
import type { FeatureDeps } from '../deps.js';
import { ukToday } from '../clock.js';
import { inTransaction } from '../db/pool.js';
import { ensureQueues, type MessageQueue } from '../notify/queue.js';
import { adviceReminderEmail } from './emails.js';
import type { AdviceKind } from './kinds.js';
import { advicePaths } from './paths.js';

export const ADVICE_REMINDERS_QUEUE = 'advice-reminders';
/** Every hour, at 5 past: a reminder goes on the first run of its day, from any one process. */
const EVERY_HOUR = '5 * * * *';

type Deps = Pick<FeatureDeps, 'pool' | 'config' | 'clock' | 'queue'>;

/**
 * Queues the reminders that are due: a week before the due date ('due-soon') and from the day
 * after it has passed ('overdue'; a request already overdue gets only that one; none once past due under an exemption). Each is claimed
 * by its key in advice_reminders in the transaction that queues its email, so however many
 * processes run this at once, and however often, each reminder is sent once. Returns how many.
 */
export async function queueAdviceReminders(deps: Deps): Promise<number> {
  const today = ukToday(deps.clock);
  const now = deps.clock.now();
  const queued = await inTransaction(deps.pool, async (client) => {
    const { rows } = await client.query(
      `WITH due AS (
         SELECT ar.id, CASE WHEN ar.due_on < $1::date THEN 'overdue' ELSE 'due-soon' END AS kind
           FROM advice_requests ar
          WHERE ar.received_on IS NULL AND ar.withdrawn_at IS NULL AND ar.due_on - 7 <= $1::date
            AND NOT (ar.exemption_kind IS NOT NULL AND ar.due_on < $1::date)
       ), claimed AS (
         INSERT INTO advice_reminders (request_id, kind, sent_at)
         SELECT id, kind, $2 FROM due
         ON CONFLICT DO NOTHING
         RETURNING request_id, kind
       )
       SELECT claimed.kind AS reminder, ar.id, ar.kind, ar.due_on, c.reference, u.email, u.full_name
         FROM claimed JOIN advice_requests ar ON ar.id = claimed.request_id
         JOIN cases c ON c.id = ar.case_id JOIN users u ON u.id = ar.adviser_user_id
        WHERE u.status <> 'disabled'`,
      [today, now],
    );
    for (const row of rows) {
      await deps.queue.queueEmail(
        client,
        adviceReminderEmail(deps.config.council, {
          to: row.email,
          fullName: row.full_name,
          caseReference: row.reference,
          kind: row.kind as AdviceKind,
          dueOn: row.due_on,
          link: `${deps.config.baseUrl}${advicePaths.request(row.id)}`,
          reminder: row.reminder,
        }),
      );
    }
    return rows.length;
  });
  if (queued > 0) deps.queue.nudge();
  return queued;
}

/** Schedules the reminders (pg-boss keeps one schedule, whatever the number of processes) and works them. */
export async function startAdviceReminders(
  deps: Deps & { queue: MessageQueue; logger: Logger; connectionString: string },
): Promise<void> {
  const { boss } = deps.queue;
  await ensureQueues(deps.connectionString, boss, [{ name: ADVICE_REMINDERS_QUEUE, retryLimit: 3, retryDelay: 60 }]);
  await boss.schedule(ADVICE_REMINDERS_QUEUE, EVERY_HOUR, undefined, { tz: 'Europe/London' });
  await boss.work(ADVICE_REMINDERS_QUEUE, async () => {
    const queued = await queueAdviceReminders(deps);
    if (queued > 0) deps.logger.info({ queued }, 'advice reminders queued');
  });
}
