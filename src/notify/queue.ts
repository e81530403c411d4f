import PgBoss from 'pg-boss';
import pg from 'pg';
import type { Logger } from 'pino';
import type { Queryable } from '../db/pool.js';

export const EMAIL_QUEUE = 'send-email';
export const SMS_QUEUE = 'send-sms';
/** The co-ordinators' daily digest (src/staff/digest), run on a schedule. */
export const DAILY_DIGEST_QUEUE = 'staff-daily-digest';

export interface EmailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
}

export interface SmsMessage {
  /** E.164, e.g. +447700900984. */
  to: string;
  text: string;
}

export interface RetryPolicy {
  retryLimit: number;
  retryDelay: number;
  retryBackoff: boolean;
}

// Retries with doubling delays reach about 17 hours in all before a message is given up.
export const DEFAULT_RETRY: RetryPolicy = { retryLimit: 12, retryDelay: 15, retryBackoff: true };

/**
 * The durable outbox for email and text messages (pg-boss over the app's PostgreSQL). A message
 * is queued with the transaction of the change that causes it, so it exists if and only if that
 * change committed; any app process's worker may deliver it.
 */
export interface MessageQueue {
  queueEmail(db: Queryable, message: EmailMessage): Promise<void>;
  queueSms(db: Queryable, message: SmsMessage): Promise<void>;
  /** Starts this process's workers, which hand each message to its sender. */
  deliverWith(senders: Senders): Promise<void>;
  /** Wakes this process's workers rather than waiting for their next poll. */
  nudge(): void;
  boss: PgBoss;
  stop(): Promise<void>;
}

export interface Senders {
  email: { send(message: EmailMessage, messageId: string): Promise<void> };
  sms: { send(message: SmsMessage, messageId: string): Promise<void> };
}

const asPgBossDb = (db: Queryable) => ({
  executeSql: (text: string, values: unknown[]) => db.query(text, values),
});

// Any fixed number will do; it only has to be the same in every process of this app.
const QUEUE_SETUP_LOCK_ID = 7_310_442_017;

/**
 * Creates the queues that do not exist yet. Two processes starting together on a new database
 * would deadlock in pg-boss's create_queue, so they take turns under an advisory lock.
 */
export async function ensureQueues(connectionString: string, boss: PgBoss, queues: PgBoss.Queue[]) {
  const lock = new pg.Client({ connectionString, application_name: 'ehc-hub-queue' });
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [QUEUE_SETUP_LOCK_ID]);
    for (const queue of queues) {
      if (!(await boss.getQueue(queue.name))) await boss.createQueue(queue.name, queue);
    }
  } finally {
    await lock.end();
  }
}

export async function startMessageQueue(
  connectionString: string,
  logger: Logger,
  retry: RetryPolicy = DEFAULT_RETRY,
  connections = 3,
): Promise<MessageQueue> {
  const boss = new PgBoss({ connectionString, max: connections, application_name: 'ehc-hub-queue' });
  boss.on('error', (error) => logger.warn({ err: error }, 'message queue error'));
  await boss.start();
  await ensureQueues(
    connectionString,
    boss,
    [EMAIL_QUEUE, SMS_QUEUE].map((name) => ({ name, ...retry, retentionMinutes: 60 * 24 * 7 })),
  );
  await ensureQueues(connectionString, boss, [
    { name: DAILY_DIGEST_QUEUE, retryLimit: 3, retryDelay: 60, retentionMinutes: 60 * 24 * 7 },
  ]);
  const workerIds = new Set<string>();
  return {
    boss,
    async queueEmail(db, message) {
      await boss.send(EMAIL_QUEUE, message, { ...retry, db: asPgBossDb(db) });
    },
    async queueSms(db, message) {
      // A log-in code is worth nothing after 10 minutes: do not keep retrying past that.
      await boss.send(SMS_QUEUE, message, {
        retryLimit: 5,
        retryDelay: 5,
        retryBackoff: true,
        expireInSeconds: 600,
        db: asPgBossDb(db),
      });
    },
    async deliverWith(senders) {
      const options = { batchSize: 1, pollingIntervalSeconds: 2 };
      workerIds.add(
        await boss.work<EmailMessage>(EMAIL_QUEUE, options, async ([job]) => {
          await senders.email.send(job.data, job.id);
          logger.info({ jobId: job.id }, 'email delivered');
        }),
      );
      workerIds.add(
        await boss.work<SmsMessage>(SMS_QUEUE, options, async ([job]) => {
          await senders.sms.send(job.data, job.id);
          logger.info({ jobId: job.id }, 'text message delivered');
        }),
      );
    },
    nudge() {
      for (const id of workerIds) boss.notifyWorker(id);
    },
    stop: () => boss.stop({ graceful: true, wait: true, timeout: 10_000 }),
  };
}
