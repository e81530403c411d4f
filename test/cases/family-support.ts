import type supertest from 'supertest';
import { createTestCase, type TestCaseOptions } from '../support/cases.js';
import { agentSignedInAs } from '../support/sessions.js';
import { csrfFrom, type TestApp } from '../support/test-app.js';
import { createUser } from '../support/users.js';

export interface Family {
  caseId: string;
  reference: string;
  parent: { id: string; email: string };
  coordinator: { id: string; email: string };
  agent: supertest.Agent;
}

/** A case with a parent (signed in), a co-ordinator, and whatever else the test needs. */
export async function familyCase(t: TestApp, options: TestCaseOptions = {}): Promise<Family> {
  const parent = await createUser(t.pool, { fullName: 'Jane Rogers', twoFactorMethod: 'app' });
  const coordinator = await createUser(t.pool, { fullName: 'Sam Carter', kind: 'staff', twoFactorMethod: 'app' });
  const created = await createTestCase(t.pool, {
    ...options,
    members: [{ userId: parent.id, role: 'parent' }, { userId: coordinator.id, role: 'coordinator' }, ...(options.members ?? [])],
  });
  return { caseId: created.id, reference: created.reference, parent, coordinator, agent: await agentSignedInAs(t, parent.id) };
}

/** GETs a page and returns its CSRF token. */
export async function tokenFrom(agent: supertest.Agent, path: string): Promise<string> {
  const res = await agent.get(path).expect(200);
  return csrfFrom(res.text);
}

export async function count(t: TestApp, sql: string, params: unknown[] = []): Promise<number> {
  const { rows } = await t.pool.query(sql, params);
  return Number(rows[0].count);
}

/** Emails waiting in the queue (the test app is started with deliver: false), newest first. */
export async function queuedEmails(t: TestApp): Promise<{ to: string; subject: string; text: string }[]> {
  const { rows } = await t.pool.query(`SELECT data FROM pgboss.job WHERE name = 'send-email' ORDER BY created_on DESC`);
  return rows.map((row) => row.data);
}

/** The HTML with tags removed and spaces collapsed, for asserting on the words a person reads. */
export function words(html: string): string {
  return html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}
