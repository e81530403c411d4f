import { refreshCaseSummary } from '../../src/cases/case-facts-from-db.js';
import type { fixedClock } from '../../src/clock.js';
import * as samples from '../cases/samples.js';
import { type Family } from '../cases/family-support.js';
import { agentSignedInAs } from '../support/sessions.js';
import type { TestApp } from '../support/test-app.js';
import { csrfTokenOf } from '../support/forms.js';

/** Everything a family sends, as the parent sends it through their own pages. */
export async function familySendsEverything(t: TestApp, clock: ReturnType<typeof fixedClock>, family: Family) {
  const amendPath = `/cases/${family.caseId}/request/amend`;
  let csrf = await csrfTokenOf(family.agent, amendPath);
  await family.agent
    .post(amendPath)
    .type('form')
    .send({ _csrf: csrf, basedOnVersion: '1', requestText: 'Please assess Barney. He finds reading hard.' })
    .expect(302);
  csrf = await csrfTokenOf(family.agent, amendPath);
  await family.agent
    .post(amendPath)
    .type('form')
    .send({ _csrf: csrf, basedOnVersion: '2', requestText: 'Please assess Barney soon. He finds spelling very hard.' })
    .expect(302);

  const commentPath = `/cases/${family.caseId}/comments/new`;
  csrf = await csrfTokenOf(family.agent, commentPath);
  await family.agent
    .post(commentPath)
    .type('form')
    .send({ _csrf: csrf, whose: 'child', comment: 'I like trains.\nI get upset when it is noisy.' })
    .expect(302);
  csrf = await csrfTokenOf(family.agent, `/cases/${family.caseId}/comments/check`);
  await family.agent.post(`/cases/${family.caseId}/comments/check`).type('form').send({ _csrf: csrf }).expect(302);

  const uploadPath = `/cases/${family.caseId}/documents/upload`;
  for (const [content, filename, description] of [
    [samples.png(), 'photo.png', 'A photo of his reading diary'],
    [samples.pdf(), 'Speech report.pdf', 'Speech therapy report'],
  ] as const) {
    csrf = await csrfTokenOf(family.agent, uploadPath);
    await family.agent
      .post(uploadPath)
      .field('_csrf', csrf)
      .field('description', description)
      .attach('documents', content, { filename })
      .expect(302);
  }

  // The council moves the case on to a draft plan; the parent answers it.
  clock.set('2023-12-05T10:00:00Z');
  await t.pool.query(
    `UPDATE cases SET draft_plan_issued_on = '2023-12-01', advice_requested_on = '2023-09-20', advice_received_on = '2023-10-25' WHERE id = $1`,
    [family.caseId],
  );
  await t.pool.query(
    `INSERT INTO case_decisions (case_id, kind, outcome, reason, decided_on) VALUES ($1, 'assess', 'assess', 'Reason.', '2023-09-15'), ($1, 'issue', 'issue', 'Reason.', '2023-11-20')`,
    [family.caseId],
  );
  await refreshCaseSummary(t.pool, family.caseId, '2023-12-05');
  const draftPath = `/cases/${family.caseId}/draft-plan`;
  const agent = await agentSignedInAs(t, family.parent.id);
  csrf = await csrfTokenOf(agent, draftPath);
  await agent
    .post(draftPath)
    .type('form')
    .send({ _csrf: csrf, sectionA: 'Barney loves trains.', preferredSetting: 'Edgehill Academy', requests: 'meeting' })
    .expect(302);
}
