import type supertest from 'supertest';
import { agentSignedInAs } from '../support/sessions.js';
import type { TestApp } from '../support/test-app.js';
import { createUser, type TestUser } from '../support/users.js';

/** A small valid PDF: what matters to the app is how it starts. */
export const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n', 'latin1');
/** A PNG's first bytes, for a file renamed to .pdf. */
export const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(200, 1)]);

export async function staffUser(
  t: TestApp,
  options: { role?: 'caseworker' | 'admin'; council?: string; fullName?: string } = {},
): Promise<TestUser & { agent: supertest.Agent }> {
  const user = await createUser(t.pool, {
    kind: 'staff',
    staffRole: options.role ?? 'caseworker',
    council: options.council,
    fullName: options.fullName ?? 'Sam Jones',
    twoFactorMethod: 'app',
  });
  return { ...user, agent: await agentSignedInAs(t, user.id) };
}
