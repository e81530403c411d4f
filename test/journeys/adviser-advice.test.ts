import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { browserSkipReason } from '../support/browser.js';
import { createTestCase } from '../support/cases.js';
import { agentSignedInAs } from '../support/sessions.js';
import { createUser } from '../support/users.js';
import { parentRegistersWithApp } from './steps.js';
import { PDF, Person, startWorld, VIEWPORTS, type World } from './support.js';
import { csrfFrom } from '../support/forms.js';

describe(
  'Journey: an educational psychologist, from the email to submitted advice',
  { skip: browserSkipReason() },
  () => {
    let world: World;
    before(async () => {
      world = await startWorld();
    });
    after(async () => {
      await world?.close();
    });

    for (const viewport of VIEWPORTS) {
      it(`(${viewport.name}) registers, drafts, comes back, attaches a report, checks and sends the advice`, async () => {
        const { t } = world;
        const created = await createTestCase(t.pool, {
          decisions: [{ kind: 'assess', outcome: 'assess', decidedOn: '2023-08-18' }],
          today: '2023-08-20',
        });
        const staff = await createUser(t.pool, {
          kind: 'staff',
          staffRole: 'caseworker',
          fullName: 'Sam Taylor',
          twoFactorMethod: 'app',
        });
        const staffAgent = await agentSignedInAs(t, staff.id);
        const email = `priya.shah.${viewport.name}@ep.example`;
        const form = await staffAgent.get(`/staff/cases/${created.id}/advice/new`).expect(200);
        await staffAgent
          .post(`/staff/cases/${created.id}/advice/new`)
          .type('form')
          .send({
            _csrf: csrfFrom(form.text),
            kind: 'psychological',
            fullName: 'Dr Priya Shah',
            email,
            question: 'How does Barney learn best, and what would help him read?',
          })
          .expect(302);

        const person = await Person.open(world, viewport);
        await parentRegistersWithApp(person, world, email, 'Kettle-Song-Lantern-42', 'My advice requests');
        const { page } = person;
        await person.activate(page.getByRole('link', { name: /Barney Rogers/ }));
        await person.check('Psychological advice');
        assert.match(await person.mainText(), /How does Barney learn best, and what would help him read\?/);

        await person.type(page.getByLabel('The child’s needs'), 'Barney finds reading and spelling hard.');
        await person.activate(page.getByRole('button', { name: 'Save as draft', exact: true }));
        await person.check('Psychological advice');
        assert.match(await person.mainText(), /Your draft has been saved/);

        // Comes back later: the draft is there; Continue asks for what is missing.
        await person.goto('/advice', 'My advice requests');
        assert.match(await person.mainText(), /Draft saved/);
        await person.activate(page.getByRole('link', { name: /Barney Rogers/ }));
        await person.check('Psychological advice');
        assert.equal(
          await page.getByLabel('The child’s needs').inputValue(),
          'Barney finds reading and spelling hard.',
        );
        await person.activate(page.getByRole('button', { name: 'Continue', exact: true }));
        await person.check('Psychological advice');
        await person.expectErrors('Enter the outcomes');

        await page
          .getByLabel('Upload a file')
          .setInputFiles({ name: 'ep-report.pdf', mimeType: 'application/pdf', buffer: PDF });
        await person.activate(page.getByRole('button', { name: 'Attach', exact: true }));
        await person.check('Psychological advice');
        assert.match(await person.mainText(), /Your document has been attached/);

        await person.type(page.getByLabel('Outcomes'), 'Read at his age level by the end of Year 6.');
        await person.type(
          page.getByLabel('Education (plan sections B, E and F)'),
          'Daily phonics with a teaching assistant, 20 minutes.',
        );
        await person.activate(page.getByRole('button', { name: 'Continue', exact: true }));
        await person.check('Check your advice before sending it');
        assert.match(await person.mainText(), /Daily phonics with a teaching assistant, 20 minutes\..*ep-report\.pdf/);
        await person.activate(page.getByRole('button', { name: 'Send to the council', exact: true }));
        await person.check('Psychological advice');
        const sent = await person.mainText();
        assert.match(sent, /Your advice has been sent to the council/);
        assert.match(sent, /It cannot be changed\./);
        assert.equal(await page.getByRole('button', { name: 'Save as draft' }).count(), 0);
        await person.close();
      });
    }
  },
);
