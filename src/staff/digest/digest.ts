import type PgBoss from 'pg-boss';
import { ukToday } from '../../clock.js';
import { inTransaction } from '../../db/pool.js';
import type { FeatureDeps } from '../../deps.js';
import { layoutEmail } from '../../notify/email-layout.js';
import { DAILY_DIGEST_QUEUE } from '../../notify/queue.js';
import { staffPaths } from '../paths.js';
import { activityOf, activitySummary, newActivitySql } from '../work-tray/activity.js';

/** Every morning at 7am UK time. pg-boss makes one job of each time the schedule comes round, however many processes run it. */
export const DAILY_DIGEST_CRON = '0 7 * * *';

type DigestDeps = Pick<FeatureDeps, 'pool' | 'config' | 'queue' | 'clock'>;

const activity = newActivitySql('$1');
const CASES_WITH_NEW_ACTIVITY = `
SELECT c.id, c.reference, ch.first_name, ch.last_name, ${activity.columns}
  FROM case_members m JOIN cases c ON c.id = m.case_id JOIN children ch ON ch.id = c.child_id ${activity.join}
 WHERE m.user_id = $1 AND m.role = 'coordinator' AND m.removed_at IS NULL AND ${activity.isNew}
 ORDER BY c.family_activity_at DESC, c.id`;

/**
 * Today's digest for each co-ordinator who asked for one and has cases with new activity from
 * families: one email each, once a day. The row claimed in staff_daily_digests (its key is the
 * person and the day) is what stops a second worker, or a second run, sending it again: the
 * claim and the queued email commit together, or neither does. Returns how many were sent.
 */
export async function sendDailyDigests(deps: DigestDeps): Promise<number> {
  const day = ukToday(deps.clock);
  const at = deps.clock.now();
  const { rows: people } = await deps.pool.query(
    `SELECT u.id, u.email, u.full_name FROM users u
      WHERE u.kind = 'staff' AND u.status = 'active' AND u.daily_digest
        AND NOT EXISTS (SELECT 1 FROM staff_daily_digests s WHERE s.user_id = u.id AND s.digest_day = $1)
      ORDER BY u.id`,
    [day],
  );
  let sent = 0;
  for (const person of people) {
    const queued = await inTransaction(deps.pool, async (client) => {
      const { rows: cases } = await client.query(CASES_WITH_NEW_ACTIVITY, [person.id]);
      if (cases.length === 0) return false;
      const claimed = await client.query(
        `INSERT INTO staff_daily_digests (user_id, digest_day, sent_at, cases) VALUES ($1, $2, $3, $4)
         ON CONFLICT (user_id, digest_day) DO NOTHING RETURNING user_id`,
        [person.id, day, at, cases.length],
      );
      if (claimed.rowCount === 0) return false;
      await deps.queue.queueEmail(
        client,
        layoutEmail(deps.config.council, {
          to: person.email,
          subject: `New from families: ${cases.length === 1 ? '1 case' : `${cases.length} cases`}`,
          blocks: [
            `Dear ${person.full_name},`,
            `Families have added to ${cases.length === 1 ? 'a case' : 'cases'} you co-ordinate since you last looked:`,
            ...cases.map((row) => ({
              link: `${deps.config.baseUrl}${staffPaths.case(row.id)}`,
              text: `${row.last_name}, ${row.first_name} (${row.reference}): ${activitySummary(activityOf(row))}`,
            })),
            {
              link: `${deps.config.baseUrl}${staffPaths.workTray}?activity=new&mine=yes`,
              text: 'See your cases with new activity in the work tray',
            },
            'You get this email because you asked for a daily summary on your account page. You can stop it there.',
          ],
        }),
      );
      return true;
    });
    if (queued) sent++;
  }
  return sent;
}

/** Schedules the digest and works its jobs in this process (every process may; each day's emails go once). */
export async function startDailyDigest(boss: PgBoss, deps: DigestDeps): Promise<void> {
  await boss.schedule(
    DAILY_DIGEST_QUEUE,
    DAILY_DIGEST_CRON,
    {},
    { tz: 'Europe/London', retryLimit: 3, retryDelay: 60 },
  );
  await boss.work(DAILY_DIGEST_QUEUE, { batchSize: 1, pollingIntervalSeconds: 30 }, async () => {
    await sendDailyDigests(deps);
  });
}
