import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fixedClock } from '../../src/clock.js';
import { familyCase } from '../cases/family-support.js';
import { familySendsEverything } from './family-activity-support.js';
import { agentSignedInAs } from '../support/sessions.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { staffUser } from './support.js';
import { queuedEmails } from '../support/database-checks.js';
import { textOf } from '../support/html.js';

describe('staff: everything the family sends is on the case page', () => {
  const clock = fixedClock('2023-08-20T09:00:00Z');
  let t: TestApp;
  before(async () => {
    t = await startTestApp({ clock, deliver: false });
  });
  after(() => t.close());

  it('shows the request’s versions with a word diff, comments on behalf of the child, the real document types and the draft-plan response', async () => {
    clock.set('2023-08-20T09:00:00Z');
    const family = await familyCase(t);
    await familySendsEverything(t, clock, family);
    const coordinator = await agentSignedInAs(t, family.coordinator.id);
    const page = await coordinator.get(`/staff/cases/${family.caseId}`).expect(200);
    const text = textOf(page.text);

    assert.match(text, /Amended by the family Amended 2 times, last by Jane Rogers on 20th Aug 2023 at 10am\./);
    assert.match(text, /Version 3: Jane Rogers changed it on 20th Aug 2023 at 10am \(3 words added, 1 word removed\)/);
    assert.match(text, /Version 2: Jane Rogers changed it on 20th Aug 2023 at 10am \(4 words added, 0 words removed\)/);
    assert.match(text, /Version 1: as the council recorded it on/);
    const hidden = (words: string) => `<span class="govuk-visually-hidden">${words}</span>`;
    const diffHtml = `Please assess Barney<ins class="app-diff__added">${hidden('[added: ')} soon${hidden(']')}</ins>. He finds<del class="app-diff__removed">${hidden('[removed: ')} reading${hidden(']')}</del><ins class="app-diff__added">${hidden('[added: ')} spelling very${hidden(']')}</ins> hard.`;
    assert.ok(page.text.includes(diffHtml), 'the diff of version 3, word by word');

    assert.match(
      text,
      /Comments and views from the family Jane Rogers, on behalf of Barney Sent on 20th Aug 2023 at 10am, at the Request stage I like trains\. I get upset when it is noisy\./,
    );

    assert.match(
      text,
      /Jane Rogers’s response to the draft plan of 1st Dec 2023 Sent on 5th Dec 2023 at 10am\. Asks for a meeting Section A: views, interests and aspirations Barney loves trains\. School or college you want for Barney Edgehill Academy Meeting I would like a meeting to discuss the draft plan/,
    );

    assert.match(
      text,
      /photo\.png \(PNG, \d+ bytes\) Not opened yet Added by the family, added by Jane Rogers on 20th Aug 2023 at 10am “A photo of his reading diary”/,
    );
    assert.match(
      text,
      /Speech report\.pdf \(PDF, \d+ bytes\) Not opened yet Added by the family, added by Jane Rogers/,
    );
    assert.doesNotMatch(text, /photo\.png \(PDF/);

    // Opening a document is remembered: the mark goes, and the page says when.
    const href = new RegExp(`href="(/staff/cases/${family.caseId}/documents/[0-9a-f-]{36})">photo\\.png`).exec(
      page.text,
    )![1];
    await coordinator.get(href).expect(200);
    const again = textOf((await coordinator.get(`/staff/cases/${family.caseId}`).expect(200)).text);
    assert.match(
      again,
      /photo\.png \(PNG, \d+ bytes\) Added by the family, added by Jane Rogers on 20th Aug 2023 at 10am; first opened by the council on 5th Dec 2023 at 10am/,
    );

    // Made to scan: the summary at the top, the next steps as buttons, what is done in the timeline.
    assert.match(
      text,
      /Summary Child Barney Rogers, born 14th Mar 2015, Edgehill Primary School Stage Draft plan Next statutory date Final plan due: 25th Dec 2023, in 20 days Co-ordinator Sam Carter/,
    );
    assert.match(text, /What needs doing now Record the final plan issued/);
    assert.match(
      text,
      /On this page The request Comments and views from the family \(1\) Responses to the draft plan \(1\) Documents \(2\)/,
    );
    assert.match(
      text,
      /Timeline and decisions Recorded the decision whether to assess: 15th Sep 2023 .*Recorded the draft plan issued: 1st Dec 2023/,
    );
    assert.doesNotMatch(page.text, /class="govuk-grid-column-two-thirds"/);

    // The audit trail in words.
    await (await agentSignedInAs(t, family.parent.id)).get(`/cases/${family.caseId}/stages/draft-plan`).expect(200);
    const trail = textOf((await coordinator.get(`/staff/cases/${family.caseId}/audit`).expect(200)).text);
    assert.match(trail, /Jane Rogers viewed the Draft plan stage/);
    assert.match(trail, /Jane Rogers added a comment/);
    assert.doesNotMatch(trail, /Page: /);

    // The co-ordinator is on the case: the family's own pages are linked.
    assert.match(
      page.text,
      new RegExp(`href="/cases/${family.caseId}/comments">See the comments page the family sees`),
    );
  });

  it('sends the co-ordinator emails whose links land on the item itself', async () => {
    clock.set('2023-08-20T09:00:00Z');
    const family = await familyCase(t);
    await familySendsEverything(t, clock, family);
    const emails = (await queuedEmails(t.pool, family.coordinator.email)).reverse();
    const coordinator = await agentSignedInAs(t, family.coordinator.id);
    const expected: [RegExp, RegExp][] = [
      [/^New comments/, /#comment-[0-9a-f-]{36}$/],
      [/^A new document/, /#document-[0-9a-f-]{36}$/],
      [/^The request has been amended/, /#request-version-[23]$/],
      [/^A response to the draft plan/, /#response-[0-9a-f-]{36}$/],
    ];
    for (const [subject, anchor] of expected) {
      const email = emails.find((e) => subject.test(e.subject));
      assert.ok(email, `an email ${subject}`);
      const link = /http:\/\/[^\s]+\/staff\/cases\/[^\s]+/.exec(email.text)![0];
      assert.match(link, anchor);
      const url = new URL(link);
      assert.equal(url.pathname, `/staff/cases/${family.caseId}`);
      const page = await coordinator.get(url.pathname).expect(200);
      assert.match(page.text, new RegExp(`id="${url.hash.slice(1)}"`), `the page has the item ${url.hash}`);
    }
  });

  it('shows another caseworker the same, without the family’s pages (they are not on the case), and 404s for another council', async () => {
    clock.set('2023-08-20T09:00:00Z');
    const family = await familyCase(t);
    await familySendsEverything(t, clock, family);
    const other = await staffUser(t, { fullName: 'Ola Brown' });
    const page = await other.agent.get(`/staff/cases/${family.caseId}`).expect(200);
    assert.match(textOf(page.text), /Jane Rogers, on behalf of Barney/);
    assert.doesNotMatch(page.text, /See the comments page the family sees/);
    const elsewhere = await staffUser(t, { council: 'Riverside Council', fullName: 'Pat Green' });
    await elsewhere.agent.get(`/staff/cases/${family.caseId}`).expect(404);
  });
});
