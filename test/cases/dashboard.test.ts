import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fixedClock } from '../../src/clock.js';
import { createTestCase } from '../support/cases.js';
import { agentSignedInAs } from '../support/sessions.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { createUser } from '../support/users.js';
import { countQueries, removeMember } from './support.js';
import { textOf } from '../support/html.js';

const GUIDE = {
  statusLine: 'We have received a request for an EHC needs assessment relating to Barney.',
  whatDoesThisMean:
    'We have received a request for an EHC needs assessment for Barney and have shared this with you. If the request did not come from yourself, in most cases it means it has come from the education setting. There is opportunity to gather more information from you and the education setting to make sure that we have all the information necessary to make an informed decision on the next step.',
  whatShouldIBeDoing:
    'Now is your opportunity to read the request and add your comments or other relevant information. You can also add comments on behalf of Barney. This means that your views are taken into consideration when we make our decision on the next step. If you are unsure, please contact the education setting or case co-ordinator. Their details are available within the case details.',
  whatHappensNext:
    'We must decide whether or not to proceed with an EHC needs assessment for Barney by 18th Sep 2023. You will be notified once a decision has been made.',
};

/** The names in the bar at the top, in page order. */
function nameBar(html: string): { name: string; href: string }[] {
  const bar = /<nav class="app-name-bar"[\s\S]*?<\/nav>/.exec(html)?.[0] ?? '';
  return [...bar.matchAll(/<a [^>]*href="([^"]+)"[^>]*>([^<]+)<\/a>/g)].map((m) => ({ href: m[1], name: m[2] }));
}

function cardHeadings(html: string): string[] {
  return [...html.matchAll(/<h2 class="govuk-heading-m app-case-card__name" id="([^"]+)-name">([^<]+)<\/h2>/g)].map(
    (m) => m[2],
  );
}

describe('My cases', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp({ clock: fixedClock('2023-08-20T10:00:00Z') });
  });
  after(() => t.close());

  it('gives a parent with no cases a helpful page: what happens next and who to contact', async () => {
    const parent = await createUser(t.pool);
    const agent = await agentSignedInAs(t, parent.id);
    const res = await agent.get('/cases').expect(200);
    const text = textOf(res.text);
    assert.match(text, /My cases – EHC Hub – Edgehill Council/);
    assert.match(text, /You do not have any cases on the EHC Hub yet\./);
    assert.match(text, /What happens next When the local authority adds you to a case, we will send you an email\./);
    assert.match(res.text, /href="mailto:send\.admin@edgehill\.example\.gov\.uk"/);
    assert.doesNotMatch(res.text, /app-name-bar/);
    // The service navigation marks My cases as the current page.
    assert.match(res.text, /<a class="govuk-service-navigation__link" href="\/cases" aria-current="true">/);
  });

  it("shows Barney's card word for word as in the guide, with the co-ordinator and View request", async () => {
    const parent = await createUser(t.pool);
    const coordinator = await createUser(t.pool, {
      kind: 'staff',
      fullName: 'Jane Coordinator',
      email: 'jane.coordinator@edgehill.example.gov.uk',
    });
    const barney = await createTestCase(t.pool, {
      members: [
        { userId: parent.id, role: 'parent' },
        { userId: coordinator.id, role: 'coordinator' },
      ],
    });
    const agent = await agentSignedInAs(t, parent.id);
    const res = await agent.get('/cases').expect(200);
    const text = textOf(res.text);

    assert.deepEqual(nameBar(res.text), [{ name: 'Rogers, Barney', href: `#case-${barney.id}` }]);
    assert.match(res.text, new RegExp(`<section class="app-case-card" id="case-${barney.id}"`));
    assert.deepEqual(cardHeadings(res.text), ['Rogers, Barney']);
    assert.ok(
      text.includes(
        `Rogers, Barney Request date: 8th Aug 2023 Decision due: 18th Sep 2023 ${GUIDE.statusLine} ` +
          `What does this mean? ${GUIDE.whatDoesThisMean} ` +
          `What should I be doing right now? ${GUIDE.whatShouldIBeDoing} ` +
          `What happens next and when? ${GUIDE.whatHappensNext}`,
      ),
      text,
    );
    assert.match(
      res.text,
      /<p class="app-status-bar[^"]*">We have received a request for an EHC needs assessment relating to Barney\.<\/p>/,
    );
    assert.equal((res.text.match(/<details class="govuk-details/g) ?? []).length, 3);
    assert.match(text, /Case co-ordinator Jane Coordinator jane\.coordinator@edgehill\.example\.gov\.uk/);
    assert.match(res.text, /href="mailto:jane\.coordinator@edgehill\.example\.gov\.uk"/);
    // The green button (govukButton's default) to the case, with its purpose for screen readers.
    assert.match(
      res.text,
      new RegExp(
        `<a href="/cases/${barney.id}" role="button" draggable="false" class="govuk-button govuk-!-margin-bottom-0" data-module="govuk-button">\\s*View request<span class="govuk-visually-hidden"> for Rogers, Barney</span>`,
      ),
    );
    // The progress line: an ordered list whose states are in words, not colour alone.
    assert.match(
      text,
      /Progress Request: current stage Now Received 8th Aug 2023 Decision: not reached yet Due by 18th Sep 2023 Assessment: not reached yet/,
    );
    assert.match(res.text, /<li class="app-progress__step app-progress__step--current" aria-current="step">/);
    assert.match(text, /Today: 20th Aug 2023\. Decision due: 18th Sep 2023, 29 days from today/);
  });

  it('lists 3 children in the bar by last name then first name, with the cards in the same order', async () => {
    const parent = await createUser(t.pool);
    const rogers = await createTestCase(t.pool, { members: [{ userId: parent.id, role: 'parent' }] });
    const zoe = await createTestCase(t.pool, {
      child: { firstName: 'Zoe', lastName: 'Aardvark' },
      members: [{ userId: parent.id, role: 'parent' }],
    });
    const amy = await createTestCase(t.pool, {
      child: { firstName: 'Amy', lastName: 'rogers' },
      members: [{ userId: parent.id, role: 'parent' }],
    });
    const agent = await agentSignedInAs(t, parent.id);
    const res = await agent.get('/cases').expect(200);
    assert.deepEqual(nameBar(res.text), [
      { name: 'Aardvark, Zoe', href: `#case-${zoe.id}` },
      { name: 'rogers, Amy', href: `#case-${amy.id}` },
      { name: 'Rogers, Barney', href: `#case-${rogers.id}` },
    ]);
    assert.deepEqual(cardHeadings(res.text), ['Aardvark, Zoe', 'rogers, Amy', 'Rogers, Barney']);
    assert.equal(
      (res.text.match(/<details class="govuk-details/g) ?? []).length,
      9,
      'three whole cards, as the guide shows',
    );
    // The bar can be scrolled by keyboard, and is named for screen readers.
    assert.match(res.text, /<nav class="app-name-bar" aria-label="Children and young people" tabindex="0">/);
  });

  it('shows 50 cases in at most 60 KB: each card’s first lines, and the whole card on demand', async () => {
    const parent = await createUser(t.pool);
    const made = [];
    for (let i = 0; i < 50; i += 1) {
      made.push(
        await createTestCase(t.pool, {
          child: { firstName: `Child${String(i).padStart(2, '0')}`, lastName: 'Many' },
          members: [{ userId: parent.id, role: 'parent' }],
        }),
      );
    }
    const agent = await agentSignedInAs(t, parent.id);
    const res = await agent.get('/cases').expect(200);
    assert.ok(Buffer.byteLength(res.text) <= 60 * 1024, `${Buffer.byteLength(res.text)} bytes`);
    assert.equal(cardHeadings(res.text).length, 50);
    assert.equal(nameBar(res.text).length, 50);
    assert.doesNotMatch(res.text, /<details class="govuk-details/);
    const first = made[0];
    const text = textOf(res.text);
    assert.ok(
      text.includes(
        `Many, Child00 Request date: 8th Aug 2023 Decision due: 18th Sep 2023 ${GUIDE.statusLine.replace('Barney', 'Child00')} What this means and what to do for Many, Child00 View request for Many, Child00`,
      ),
      text.slice(0, 2000),
    );
    const open = `/cases?open=${first.id}#case-${first.id}`;
    assert.match(
      res.text,
      new RegExp(`<a class="govuk-link" href="${open.replace(/[?]/g, '\\?')}">What this means and what to do`),
    );
    assert.match(res.text, new RegExp(`<a class="govuk-link" href="/cases/${first.id}">View request`));

    const opened = await agent.get(open.split('#')[0]).expect(200);
    assert.equal(
      (opened.text.match(/<details class="govuk-details/g) ?? []).length,
      3,
      'that card whole, the others compact',
    );
    assert.ok(
      textOf(opened.text).includes(`What does this mean? ${GUIDE.whatDoesThisMean.replaceAll('Barney', 'Child00')}`),
    );
    assert.equal(cardHeadings(opened.text).length, 50);
    assert.doesNotMatch(res.text, /app-progress__step/, 'compact cards have no progress line');
    assert.equal((opened.text.match(/app-progress__step--current/g) ?? []).length, 1, 'the whole card has its own');
    // Another family's case id opens nothing.
    const other = await createTestCase(t.pool, {});
    const refused = await agent.get(`/cases?open=${other.id}`).expect(200);
    assert.doesNotMatch(refused.text, /<details class="govuk-details/);
  });

  it('reads the cases in the same number of queries for 1 case as for 3', async () => {
    const one = await createUser(t.pool);
    const three = await createUser(t.pool);
    const coordinator = await createUser(t.pool, { kind: 'staff' });
    await createTestCase(t.pool, {
      members: [
        { userId: one.id, role: 'parent' },
        { userId: coordinator.id, role: 'coordinator' },
      ],
    });
    for (const lastName of ['Able', 'Baker', 'Charlie']) {
      await createTestCase(t.pool, {
        child: { lastName },
        members: [
          { userId: three.id, role: 'parent' },
          { userId: coordinator.id, role: 'coordinator' },
        ],
        decisions: [{ kind: 'assess', outcome: 'assess', decidedOn: '2023-08-15' }],
      });
    }
    const oneAgent = await agentSignedInAs(t, one.id);
    const threeAgent = await agentSignedInAs(t, three.id);
    const forOne = await countQueries(t.pool, () => oneAgent.get('/cases').expect(200));
    const forThree = await countQueries(t.pool, () => threeAgent.get('/cases').expect(200));
    assert.deepEqual(forThree, forOne);
    // The cases with their decisions and the audit row for the look (one statement); with the
    // session and its user (one statement) and (this being the session's first page) the save of
    // its new CSRF token, three round trips in all.
    assert.equal(forOne.cases, 1);
    assert.equal(forOne.all, 3);
  });

  it('leaves out a case the user has been removed from, and other families’ cases', async () => {
    const parent = await createUser(t.pool);
    const other = await createUser(t.pool);
    const kept = await createTestCase(t.pool, {
      child: { firstName: 'Kept' },
      members: [{ userId: parent.id, role: 'parent' }],
    });
    const removed = await createTestCase(t.pool, {
      child: { firstName: 'Removed' },
      members: [{ userId: parent.id, role: 'parent' }],
    });
    await createTestCase(t.pool, { child: { firstName: 'Stranger' }, members: [{ userId: other.id, role: 'parent' }] });
    await removeMember(t.pool, removed.id, parent.id);
    const res = await (await agentSignedInAs(t, parent.id)).get('/cases').expect(200);
    assert.deepEqual(nameBar(res.text), [{ name: 'Rogers, Kept', href: `#case-${kept.id}` }]);
    assert.doesNotMatch(res.text, /Removed|Stranger/);
  });

  it('speaks to a young person on their own case: "relating to you"', async () => {
    const youngPerson = await createUser(t.pool);
    await createTestCase(t.pool, {
      child: { firstName: 'Casey', lastName: 'Jones', dateOfBirth: '2006-01-02' },
      members: [{ userId: youngPerson.id, role: 'young-person' }],
    });
    const res = await (await agentSignedInAs(t, youngPerson.id)).get('/cases').expect(200);
    const text = textOf(res.text);
    assert.match(text, /We have received a request for an EHC needs assessment relating to you\./);
    assert.match(
      text,
      /We must decide whether or not to proceed with an EHC needs assessment for you by 18th Sep 2023\./,
    );
    assert.doesNotMatch(text, /relating to Casey/);
  });

  it('sends a half-signed-in session to its code, and a signed-out one to sign in, with no case data', async () => {
    const parent = await createUser(t.pool);
    await createTestCase(t.pool, { child: { firstName: 'Secret' }, members: [{ userId: parent.id, role: 'parent' }] });
    const half = await agentSignedInAs(t, parent.id, 'password');
    const res = await half.get('/cases').expect(302);
    assert.equal(res.headers.location, '/log-in-code');
    assert.doesNotMatch(res.text, /Secret|Rogers/);
    const none = await t.agent().get('/cases').expect(302);
    assert.equal(none.headers.location, '/sign-in');
  });
});
