import type supertest from 'supertest';
import { createTestCase, type TestCaseOptions } from '../support/cases.js';
import { agentSignedInAs } from '../support/sessions.js';
import type { TestApp } from '../support/test-app.js';
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
    members: [
      { userId: parent.id, role: 'parent' },
      { userId: coordinator.id, role: 'coordinator' },
      ...(options.members ?? []),
    ],
  });
  return {
    caseId: created.id,
    reference: created.reference,
    parent,
    coordinator,
    agent: await agentSignedInAs(t, parent.id),
  };
}
