import type supertest from 'supertest';
import { createTestCase } from '../support/cases.js';
import { type TestApp } from '../support/test-app.js';
import { staffUser } from '../staff/support.js';
import { createUser } from '../support/users.js';
import { agentSignedInAs } from '../support/sessions.js';
import { csrfFrom } from '../support/forms.js';

/** Today in these tests: Barney's case is in Assessment (the council decided to assess on 10 Sep 2023). */
export const TODAY = '2023-09-20';

/** A case in Assessment with a signed-in parent and a signed-in case worker of its council. */
export async function assessmentCase(t: TestApp, options: { firstName?: string } = {}) {
  const parent = await createUser(t.pool, { fullName: 'Jane Rogers', twoFactorMethod: 'app' });
  const created = await createTestCase(t.pool, {
    child: { firstName: options.firstName ?? 'Barney' },
    decisions: [{ kind: 'assess', outcome: 'assess', decidedOn: '2023-09-10' }],
    members: [{ userId: parent.id, role: 'parent' }],
    today: TODAY,
  });
  const staff = await staffUser(t);
  return { ...created, parent: { ...parent, agent: await agentSignedInAs(t, parent.id) }, staff };
}

/** Asks for advice through the staff form; returns the request's id. */
export async function requestAdviceAs(
  t: TestApp,
  staff: { agent: supertest.Agent },
  caseId: string,
  input: { kind: string; fullName: string; email: string; question?: string },
): Promise<string> {
  const path = `/staff/cases/${caseId}/advice/new`;
  const page = await staff.agent.get(path).expect(200);
  await staff.agent
    .post(path)
    .type('form')
    .send({ _csrf: csrfFrom(page.text), question: 'What are his needs in learning and communication?', ...input })
    .expect(302);
  const { rows } = await t.pool.query(
    `SELECT ar.id FROM advice_requests ar JOIN users u ON u.id = ar.adviser_user_id WHERE ar.case_id = $1 AND u.email = $2 ORDER BY ar.created_at DESC LIMIT 1`,
    [caseId, input.email.toLowerCase()],
  );
  return rows[0].id;
}
