import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { browserSkipReason } from '../support/browser.js';
import { createUser, TEST_PASSWORD } from '../support/users.js';
import { giveAppMethod } from '../two-factor/support.js';
import {
  parentReadsAndTakesPart,
  parentRegistersWithApp,
  signInWithPassword,
  enterAppCode,
  staffCreatesCaseAndInvites,
} from './steps.js';
import { downloadBytes, emailLink, nthEmailTo, PDF, Person, startWorld, VIEWPORTS, type World } from './support.js';

const LETTER = Buffer.concat([PDF, Buffer.from('% Decision to assess Barney Rogers\n', 'latin1')]);

describe(
  'Journeys 1, 2 and 4: staff invite a parent, the parent registers and takes part, then gets the decision',
  { skip: browserSkipReason() },
  () => {
    let world: World;
    let staff: { email: string; password: string; secret: string };
    before(async () => {
      world = await startWorld();
      const user = await createUser(world.t.pool, { kind: 'staff', staffRole: 'caseworker', fullName: 'Sam Taylor' });
      staff = { email: user.email, password: TEST_PASSWORD, secret: await giveAppMethod(world.t, user.id) };
    });
    after(async () => {
      await world?.close();
    });

    for (const viewport of VIEWPORTS) {
      const parent = {
        email: `jo.rogers.${viewport.name}@example.com`,
        fullName: 'Jo Rogers',
        password: 'Barney-Kettle-2023',
      };
      let staffPerson: Person | undefined;
      let caseId = '';
      let parentSecret = '';

      it(`1 (${viewport.name}): staff sign in with an app code, create Barney Rogers' case and invite a parent`, async () => {
        staffPerson = await Person.open(world, viewport);
        caseId = await staffCreatesCaseAndInvites(staffPerson, world, staff, parent);
      });

      it(`2 (${viewport.name}): the parent registers from the email, sets up the app, reads My cases, comments for Barney and uploads`, async () => {
        assert.ok(caseId, 'journey 1 made the case');
        const person = await Person.open(world, viewport);
        parentSecret = await parentRegistersWithApp(person, world, parent.email, parent.password);
        await parentReadsAndTakesPart(person, caseId);
        await person.close();
      });

      it(`4 (${viewport.name}): staff record the decision to assess with a letter; the parent signs in and downloads it`, async () => {
        assert.ok(staffPerson && parentSecret, 'journeys 1 and 2 ran');
        const s = staffPerson;
        await s.page.goto(`${world.t.baseUrl}/staff/cases/${caseId}`);
        await s.check('Rogers, Barney');
        await s.activate(s.page.getByRole('link', { name: 'Record the decision whether to assess' }));
        await s.check('Record the decision whether to assess');
        await s.choose(s.page.getByLabel('Carry out an EHC needs assessment', { exact: true }));
        await s.type(
          s.page.getByLabel('Reason for the decision'),
          'The school has shown that Barney needs more help than it can give.',
        );
        const decided = s.page.getByRole('group', { name: 'Date of the decision letter' });
        await s.type(decided.getByLabel('Day'), '18');
        await s.type(decided.getByLabel('Month'), '8');
        await s.type(decided.getByLabel('Year'), '2023');
        await s.page
          .getByLabel('Decision letter')
          .setInputFiles({ name: 'decision-letter.pdf', mimeType: 'application/pdf', buffer: LETTER });
        await s.activate(s.page.getByRole('button', { name: 'Save and tell the family' }));
        await s.check('Rogers, Barney');
        assert.match(await s.mainText(), /Decision whether to assess: saved\./);
        await s.close();

        const update = await nthEmailTo(world, parent.email, 2);
        assert.match(update.subject, /^Update on your EHC case .+: Decision/);
        const person = await Person.open(world, viewport);
        await person.goto(emailLink(update, '/sign-in'), 'Sign in to EHC Hub');
        await signInWithPassword(person, parent.email, parent.password, 'Enter your log in code');
        await enterAppCode(person, world, parentSecret, 'My cases');
        await person.activate(person.page.getByRole('button', { name: 'View request for Rogers, Barney' }));
        await person.check('Rogers, Barney');

        // Stages is a closed section on a phone and shown open on a larger screen.
        const stages = person.page.locator('#case-stages');
        if (viewport.touch) await person.toggle(stages.locator('summary'));
        const decisionStage = stages.getByRole('link', { name: /^Decision/ }).first();
        assert.equal(await decisionStage.isVisible(), true, 'the Decision stage is reached and shown');
        await person.activate(decisionStage);
        await person.check('Decision');
        const main = await person.mainText();
        assert.match(main, /We decided to carry out an EHC needs assessment/);
        assert.doesNotMatch(main, /We decided not to carry out/);
        assert.match(main, /The school has shown that Barney needs more help than it can give\./);
        const letterLink = person.page.getByRole('link', { name: /Download the decision letter/ });
        const { bytes, filename } = await downloadBytes(person, async () => {
          if (viewport.touch) await letterLink.tap();
          else {
            await person.tabTo(letterLink);
            await person.page.keyboard.press('Enter');
          }
        });
        assert.equal(filename, 'decision-letter.pdf');
        assert.ok(bytes.equals(LETTER), 'the letter downloaded is the one staff uploaded, byte for byte');
        await person.close();
      });
    }
  },
);
