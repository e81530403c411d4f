import PgBoss from 'pg-boss';
import type pg from 'pg';
import type { Logger } from 'pino';

export const EMAIL_QUEUE = 'send-email';
export const SMS_QUEUE = 'send-sms';

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

type Queryable = Pick<pg.PoolClient, 'query'>;

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

/**
 * pg-boss's createQueue does nothing for a queue that exists, but two processes creating the same
 * new queue at once can deadlock or collide (a council starting several processes on a new
 * database): the loser tries again and finds the queue there.
 */
async function createQueueOnce(boss: PgBoss, name: string, options: PgBoss.Queue): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await boss.createQueue(name, options);
      return;
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (attempt >= 5 || (code !== '40P01' && code !== '23505')) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
    }
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
  for (const name of [EMAIL_QUEUE, SMS_QUEUE]) {
    await createQueueOnce(boss, name, { name, ...retry, retentionMinutes: 60 * 24 * 7 });
  }
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
