import type pg from 'pg';
import type supertest from 'supertest';
import { linkPath } from '../accounts/support/smtp-capture.js';
import { comparable } from '../accounts/support/helpers.js';
import { type TestApp } from '../support/test-app.js';
import { keyFromPage, totpAt } from '../two-factor/support.js';
import { csrfFrom, postForm } from '../support/forms.js';
import { waitFor } from '../support/wait.js';

export { comparable, linkPath };

/** Emails queued to an address (the test app is started with deliver: false), oldest first. */
export async function emailsTo(pool: pg.Pool, to: string): Promise<{ subject: string; text: string; html: string }[]> {
  const { rows } = await pool.query(
    `SELECT data FROM pgboss.job WHERE name = 'send-email' AND data->>'to' = $1 ORDER BY created_on, id`,
    [to],
  );
  return rows.map((row) => row.data);
}

/** Waits for the n-th email (1-based) to an address. */
export function nthEmailTo(pool: pg.Pool, to: string, n: number) {
  return waitFor(`email ${n} to ${to}`, async () => (await emailsTo(pool, to))[n - 1]);
}

/** GETs a form page and POSTs it with its CSRF token. */
export async function submitPage(
  agent: supertest.Agent,
  path: string,
  fields: Record<string, string | string[]>,
  formPath = path,
) {
  const page = await agent.get(formPath);
  return agent
    .post(path)
    .type('form')
    .send({ _csrf: csrfFrom(page.text), ...fields });
}

/**
 * Creates an account the way a person does: "Create an account", the emailed link, a password,
 * then an authentication app as the second factor. Returns the signed-in agent and the app's secret.
 */
export async function createAccountThroughPages(
  t: TestApp,
  agent: supertest.Agent,
  input: { email: string; fullName: string; password: string },
) {
  const asked = await submitPage(agent, '/create-account', { email: input.email, fullName: input.fullName });
  if (asked.status !== 302) throw new Error(`Create an account answered ${asked.status}`);
  const email = await waitFor('the create-account email', async () =>
    (await emailsTo(t.pool, input.email)).find((m) => m.subject === 'Create your EHC Hub account'),
  );
  const link = linkPath(email.text, '/create-account/');
  const done = await submitPage(agent, link, { password: input.password, confirmPassword: input.password });
  if (done.headers.location !== '/two-factor')
    throw new Error(`Create a password answered ${done.status} ${done.headers.location}`);
  const choose = await agent.get('/two-factor');
  await postForm(agent, '/two-factor', csrfFrom(choose.text), { method: 'app' });
  const appPage = await agent.get('/two-factor/app');
  const secret = keyFromPage(appPage.text);
  const finished = await postForm(agent, '/two-factor/app', csrfFrom(appPage.text), {
    code: await totpAt(secret, t.clock),
  });
  return { secret, location: finished.headers.location as string, link };
}

/** A complete request's answers, section by section, as a parent would type them. */
export const PARENT_ANSWERS: Record<string, Record<string, string>> = {
  child: {
    firstName: 'Robin',
    lastName: 'Morgan',
    'dateOfBirth-day': '14',
    'dateOfBirth-month': '3',
    'dateOfBirth-year': '2016',
    address: '12 Mill Lane\nEdgehill',
    postcode: 'EH1 2AB',
    school: 'Edgehill Primary School',
    inCare: 'no',
    languages: 'English and Welsh',
  },
  you: {
    relationship: 'parent',
    parentalResponsibility: 'yes',
    phone: '07700 900 982',
    contactBy: 'email',
    needHelp: 'no',
  },
  reasons: {
    needs: 'Robin finds reading very hard and becomes anxious in busy rooms.',
    supportSoFar: 'Speech and language therapy since 2022.',
    schoolActions: 'A reading programme three times a week.',
  },
  views: { viewsBy: 'own-words', views: 'I like drawing. I want help with reading.' },
  declaration: { consent: 'yes', declaration: 'yes' },
};

/** Saves one section through its page; the answer's status is returned. */
export async function saveSectionPage(
  agent: supertest.Agent,
  requestId: string,
  section: string,
  fields: Record<string, string>,
) {
  return submitPage(agent, `/request/${requestId}/${section}`, fields);
}

/** Fills every section through its page (with a PDF as evidence) and sends the request. */
export async function fillAndSend(
  agent: supertest.Agent,
  answers: Record<string, Record<string, string>> = PARENT_ANSWERS,
  file?: { content: Buffer; filename: string },
) {
  const requestPath = String((await agent.get('/request/start')).headers.location);
  const requestId = requestPath.split('/').pop()!;
  for (const section of ['child', 'you', 'reasons', 'views', 'declaration']) {
    const res = await saveSectionPage(agent, requestId, section, answers[section]);
    if (res.status !== 302) throw new Error(`${section} answered ${res.status}`);
  }
  const evidence = await agent.get(`/request/${requestId}/evidence`);
  if (file) {
    await agent
      .post(`/request/${requestId}/evidence`)
      .field('_csrf', csrfFrom(evidence.text))
      .field('description', 'Speech therapy report')
      .attach('documents', file.content, { filename: file.filename, contentType: 'application/pdf' });
  }
  await agent
    .post(`/request/${requestId}/evidence`)
    .type('form')
    .send({ _csrf: csrfFrom(evidence.text) });
  const check = await agent.get(`/request/${requestId}/check`);
  const sent = await agent
    .post(`/request/${requestId}/check`)
    .type('form')
    .send({ _csrf: csrfFrom(check.text) });
  if (sent.headers.location !== `/request/${requestId}/sent`)
    throw new Error(`Send answered ${sent.status} ${sent.headers.location}`);
  const confirmation = await agent.get(sent.headers.location);
  const reference = /<strong>(REQ-\d{6})<\/strong>/.exec(confirmation.text)![1];
  return { requestId, reference };
}
