import type pg from 'pg';

/** Polls `probe` until it gives a value other than undefined (or false), or fails after the timeout. */
export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined | false> | T | undefined | false,
  timeoutMs = 15_000,
  everyMs = 50,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

export interface MailboxEmail {
  recipient: string;
  subject: string;
  text_body: string;
  html_body: string;
}

/** Waits for the queue to deliver an email to `to` (into the development mailbox table). */
export async function waitForEmail(
  pool: pg.Pool,
  to: string,
  subject: RegExp,
  timeoutMs = 45_000,
): Promise<MailboxEmail> {
  const delivered = async () => {
    const { rows } = await pool.query<MailboxEmail>(
      `SELECT recipient, subject, text_body, html_body FROM dev_mailbox WHERE channel = 'email' AND recipient = $1 ORDER BY id DESC`,
      [to],
    );
    return rows;
  };
  try {
    return await waitFor(
      `an email to ${to} matching ${subject}`,
      async () => (await delivered()).find((row) => subject.test(row.subject)),
      timeoutMs,
      100,
    );
  } catch {
    const jobs = await pool.query(
      `SELECT state, retry_count, output, created_on, start_after, now() AS now FROM pgboss.job WHERE name = 'send-email' ORDER BY created_on DESC LIMIT 5`,
    );
    throw new Error(
      `No email to ${to} matching ${subject} (have: ${(await delivered()).map((r) => r.subject).join('; ')}) jobs: ${JSON.stringify(jobs.rows)}`,
    );
  }
}
