import type pg from 'pg';
import type supertest from 'supertest';
import { agentSignedInAs } from '../support/sessions.js';
import { csrfFrom, type TestApp } from '../support/test-app.js';
import { createUser, type TestUser } from '../support/users.js';

/** A small valid PDF: what matters to the app is how it starts. */
export const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n', 'latin1');
/** A PNG's first bytes, for a file renamed to .pdf. */
export const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(200, 1)]);

export async function staffUser(t: TestApp, options: { role?: 'caseworker' | 'admin'; council?: string; fullName?: string } = {}): Promise<TestUser & { agent: supertest.Agent }> {
  const user = await createUser(t.pool, { kind: 'staff', staffRole: options.role ?? 'caseworker', council: options.council, fullName: options.fullName ?? 'Sam Jones', twoFactorMethod: 'app' });
  return { ...user, agent: await agentSignedInAs(t, user.id) };
}

/** The CSRF token from a GET of the page (the agent's session keeps it). */
export async function csrfOf(agent: supertest.Agent, path: string): Promise<string> {
  const res = await agent.get(path).expect(200);
  return csrfFrom(res.text);
}

/** A multipart POST, with `_csrf` first as the browser sends it (fields in the order given). */
export function postMultipart(
  agent: supertest.Agent,
  path: string,
  fields: Record<string, string>,
  files: Record<string, { content: Buffer; filename: string; contentType?: string }> = {},
) {
  let request = agent.post(path);
  for (const [name, value] of Object.entries(fields)) request = request.field(name, value);
  for (const [name, file] of Object.entries(files)) {
    request = request.attach(name, file.content, { filename: file.filename, contentType: file.contentType ?? 'application/pdf' });
  }
  return request;
}

/** A date input's three fields. */
export function dateFields(name: string, iso: string): Record<string, string> {
  const [year, month, day] = iso.split('-');
  return { [`${name}-day`]: String(Number(day)), [`${name}-month`]: String(Number(month)), [`${name}-year`]: year };
}

export interface MailboxEmail {
  recipient: string;
  subject: string;
  text_body: string;
  html_body: string;
}

/** Waits for the queue to deliver an email to `to` (into the dev mailbox table). */
export async function waitForEmail(pool: pg.Pool, to: string, subject: RegExp, timeoutMs = 45_000): Promise<MailboxEmail> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const { rows } = await pool.query(
      `SELECT recipient, subject, text_body, html_body FROM dev_mailbox WHERE channel = 'email' AND recipient = $1 ORDER BY id DESC`,
      [to],
    );
    const found = rows.find((row) => subject.test(row.subject));
    if (found) return found;
    if (Date.now() > until) {
      const jobs = await pool.query(`SELECT state, retry_count, output, created_on, start_after, now() AS now FROM pgboss.job WHERE name = 'send-email' ORDER BY created_on DESC LIMIT 5`);
      throw new Error(`No email to ${to} matching ${subject} (have: ${rows.map((r) => r.subject).join('; ')}) jobs: ${JSON.stringify(jobs.rows)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export async function count(pool: pg.Pool, sql: string, params: unknown[] = []): Promise<number> {
  const { rows } = await pool.query(sql, params);
  return Number(rows[0].count);
}
