import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { fixedClock } from '../../src/clock.js';
import { assessmentCase, requestAdviceAs, TODAY } from '../advice/support.js';
import {
  axeViolations,
  browserSkipReason,
  DESKTOP,
  launchBrowser,
  MOBILE,
  newPage,
  scrollsSideways,
} from '../support/browser.js';
import { agentSignedInAs, sessionCookieFor } from '../support/sessions.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { createUser } from '../support/users.js';
import { csrfFrom } from '../support/forms.js';

/** Every advice page, filled in, at desktop and phone width: axe clean, nothing wider than the screen. */
describe(
  'advice pages in Chromium: staff, adviser and family, axe clean at 1280 and 375 px',
  { skip: browserSkipReason() },
  () => {
    let t: TestApp;
    let browser: Browser;
    const pages: { who: 'staff' | 'adviser' | 'parent'; path: string; heading: string | RegExp }[] = [];
    const users: Record<string, string> = {};

    before(async () => {
      t = await startTestApp({ clock: fixedClock(`${TODAY}T10:00:00Z`), deliver: false });
      browser = await launchBrowser();
      const c = await assessmentCase(t);
      const adviser = await createUser(t.pool, { fullName: 'Dr Priya Shah', email: 'priya.browser@ep.example' });
      const sent = await requestAdviceAs(t, c.staff, c.id, {
        kind: 'psychological',
        fullName: 'Dr Priya Shah',
        email: adviser.email,
      });
      const open = await requestAdviceAs(t, c.staff, c.id, {
        kind: 'medical',
        fullName: 'Dr Amir Khan with a rather long name',
        email: 'amir.khan.with.a.long.address@nhs-trust.example',
      });
      const agent = await agentSignedInAs(t, adviser.id);
      const csrf = csrfFrom((await agent.get(`/advice/${sent}`)).text);
      await agent
        .post(`/advice/${sent}`)
        .type('form')
        .send({
          _csrf: csrf,
          action: 'continue',
          needs: 'Reads slowly.',
          outcomes: 'Reads well.',
          provisionEducation: 'Phonics.',
        })
        .expect(302);
      await agent.post(`/advice/${sent}/submit`).type('form').send({ _csrf: csrf }).expect(302);
      const detail = await c.staff.agent.get(`/staff/cases/${c.id}/advice/${sent}`);
      await c.staff.agent
        .post(`/staff/cases/${c.id}/advice/${sent}/share`)
        .type('form')
        .send({ _csrf: csrfFrom(detail.text) })
        .expect(302);
      users.staff = c.staff.id;
      users.adviser = adviser.id;
      users.parent = c.parent.id;
      pages.push(
        { who: 'staff', path: `/staff/cases/${c.id}`, heading: 'Rogers, Barney' },
        { who: 'staff', path: `/staff/cases/${c.id}/advice/new`, heading: 'Request advice' },
        {
          who: 'staff',
          path: `/staff/cases/${c.id}/advice/${sent}`,
          heading: 'Psychological advice from Dr Priya Shah',
        },
        { who: 'staff', path: `/staff/cases/${c.id}/advice/${open}`, heading: /Medical advice from Dr Amir Khan/ },
        { who: 'staff', path: `/staff/cases/${c.id}/advice/${open}/record`, heading: 'Record advice received' },
        { who: 'staff', path: '/staff?due=advice-overdue', heading: 'Work tray' },
        { who: 'adviser', path: '/advice', heading: 'My advice requests' },
        { who: 'adviser', path: `/advice/${sent}`, heading: 'Psychological advice' },
        { who: 'parent', path: `/cases/${c.id}/stages/assessment`, heading: 'Assessment' },
        { who: 'parent', path: `/cases/${c.id}/all-about-me`, heading: /All about me/ },
      );
    });
    after(async () => {
      await browser?.close();
      await t?.close();
    });

    for (const viewport of [DESKTOP, MOBILE]) {
      it(`at ${viewport.width} px`, async () => {
        const contexts: Record<string, Awaited<ReturnType<typeof newPage>>> = {};
        for (const who of ['staff', 'adviser', 'parent']) {
          contexts[who] = await newPage(browser, viewport);
          const cookie = await sessionCookieFor(t, users[who]);
          await contexts[who].context.addCookies([{ ...cookie, url: t.baseUrl }]);
        }
        for (const { who, path, heading } of pages) {
          const { page } = contexts[who];
          const res = await page.goto(`${t.baseUrl}${path}`);
          assert.equal(res?.status(), 200, path);
          const h1 = ((await page.locator('h1').first().textContent()) ?? '').replace(/\s+/g, ' ').trim();
          if (typeof heading === 'string') assert.equal(h1, heading, path);
          else assert.match(h1, heading, path);
          assert.deepEqual(await axeViolations(page), [], `axe on ${path}`);
          assert.equal(await scrollsSideways(page), false, `${path} fits ${viewport.width} px`);
        }
        for (const { context } of Object.values(contexts)) await context.close();
      });
    }
  },
);
