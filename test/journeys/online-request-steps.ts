import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Locator } from 'playwright-core';
import { browserSkipReason } from '../support/browser.js';
import { appCode, emailLink, nthEmailTo, PDF, Person, startWorld, VIEWPORTS, type World } from './support.js';

const label = (person: Person, text: string): Locator => person.page.getByLabel(text, { exact: true });
const inGroup = (person: Person, legend: string, text: string): Locator =>
  person.page.getByRole('group', { name: legend }).getByLabel(text, { exact: true });
const button = (person: Person, name: string): Locator => person.page.getByRole('button', { name, exact: true });
/** A link, or a link styled as a button. */
const control = (person: Person, name: string): Locator =>
  person.page
    .getByRole('link', { name, exact: true })
    .or(person.page.getByRole('button', { name, exact: true }))
    .first();

/** Ticks a checkbox: Tab to it and Space, or a tap. */
async function tick(person: Person, box: Locator) {
  if (person.viewport.touch) await box.tap();
  else {
    await person.tabTo(box);
    await person.page.keyboard.press('Space');
  }
  assert.equal(await box.isChecked(), true);
}

async function typeDate(person: Person, group: string, day: string, month: string, year: string) {
  const fields = person.page.getByRole('group', { name: group });
  await person.type(fields.getByLabel('Day'), day);
  await person.type(fields.getByLabel('Month'), month);
  await person.type(fields.getByLabel('Year'), year);
}

const TASK_LIST = 'Ask for an EHC needs assessment';

/** Opens a section from the task list, sends it empty (the errors, when given), then fills it in and saves it. */
async function section(person: Person, title: string, firstError: string | undefined, fill: () => Promise<void>) {
  await person.activate(control(person, title));
  await person.check(title);
  if (firstError) {
    await person.activate(button(person, 'Save and continue'));
    await person.check(title);
    await person.expectErrors(firstError);
  }
  await fill();
  await person.activate(button(person, 'Save and continue'));
  await person.check(TASK_LIST);
  assert.match(await person.mainText(), new RegExp(`${title} Completed`));
}

/** The whole online request: the start page, a new account with the app, every section, and sending it. */
export async function wholeRequest(person: Person, world: World, email: string) {
  await person.goto('/', /Follow your child/);
  await person.activate(control(person, 'ask for an EHC needs assessment online'));
  await person.check('Ask for an EHC needs assessment');
  await person.activate(control(person, 'Start now'));
  await person.check('Do you have an EHC Hub account?');
  await person.activate(control(person, 'Create an account'));
  await person.check('Create an account');
  await person.activate(button(person, 'Send email'));
  await person.check('Create an account');
  await person.expectErrors('Enter your full name', 'Enter your email address');
  await person.type(label(person, 'Full name'), 'Alex Taylor');
  await person.type(label(person, 'Email address'), email);
  await person.activate(button(person, 'Send email'));
  await person.check('Check your email');

  const message = await nthEmailTo(world, email, 1);
  assert.equal(message.subject, 'Create your EHC Hub account');
  await person.goto(emailLink(message, '/create-account/'), 'Create a password');
  await person.type(label(person, 'Password'), 'Kettle-Lantern-88');
  await person.type(label(person, 'Confirm password'), 'Kettle-Lantern-88');
  await person.activate(button(person, 'Continue'));
  await person.check('You need to enter a code each time you log in');
  await person.choose(label(person, 'Smartphone or tablet app'));
  await person.activate(button(person, 'Continue'));
  await person.check('Use an app on your smartphone or tablet');
  const secret = /(?:[A-Z2-7]{4} ){7}[A-Z2-7]{4}/
    .exec(await person.page.locator('#app-key').innerText())![0]
    .replace(/ /g, '');
  await person.type(
    label(person, '3. Enter the verification code from your authentication app.'),
    await appCode(world, secret),
  );
  await person.activate(button(person, 'Continue'));
  await person.check(TASK_LIST);
  assert.match(await person.mainText(), /About the child or young person Not yet started/);

  await section(person, 'About the child or young person', 'Enter their first name', async () => {
    await person.type(label(person, 'First name'), 'Robin');
    await person.type(label(person, 'Last name'), 'Morgan');
    await typeDate(person, 'Date of birth', '14', '3', '2016');
    await person.type(label(person, 'Address'), '12 Mill Lane, Edgehill');
    await person.type(label(person, 'Postcode'), 'EH1 2AB');
    await person.type(label(person, 'Current school or setting'), 'Edgehill Primary School');
    await person.choose(inGroup(person, 'Are they in the care of the local authority?', 'No'));
    await person.type(label(person, 'Languages they speak'), 'English');
  });
  await section(person, 'About you', 'Select your relationship to the child or young person', async () => {
    await person.choose(label(person, 'Parent or carer'));
    await person.choose(
      inGroup(person, 'If you are a parent or carer: do you have parental responsibility for them?', 'Yes'),
    );
    await person.type(label(person, 'Telephone number'), '07700 900 982');
    await person.choose(label(person, 'Email'));
    await person.choose(inGroup(person, 'Do you need an interpreter or other help to talk to us?', 'No'));
  });
  await section(person, 'Why you are asking', undefined, async () => {
    await person.type(label(person, 'What are their needs?'), 'Robin finds reading very hard.');
    await person.type(label(person, 'What support have they had so far?'), 'Speech and language therapy.');
    await person.type(label(person, 'What has the school or setting done to help?'), 'A reading programme.');
  });
  await section(person, 'Their views', undefined, async () => {
    await person.choose(label(person, 'In their own words'));
    await person.type(label(person, 'Their views'), 'I like drawing.');
  });

  await person.activate(control(person, 'Evidence'));
  await person.check('Evidence');
  await person.type(label(person, 'Describe the documents'), 'Speech therapy report');
  await person.page
    .getByLabel('Upload a file')
    .setInputFiles({ name: 'Speech report.pdf', mimeType: 'application/pdf', buffer: PDF });
  await person.activate(button(person, 'Upload documents'));
  await person.check('Evidence');
  assert.match(await person.mainText(), /Your document has been uploaded/);
  await person.activate(button(person, 'Save and continue'));
  await person.check(TASK_LIST);

  await section(person, 'Declaration and consent', 'Confirm that we may share the request', async () => {
    await tick(person, person.page.getByLabel(/I agree that the council may share this request/));
    await tick(person, person.page.getByLabel(/The information I have given is correct/));
  });

  await person.activate(control(person, 'Check your answers'));
  await person.check('Check your answers before sending your request');
  const answers = await person.mainText();
  assert.match(answers, /Robin Morgan/);
  assert.match(answers, /Speech report\.pdf: Speech therapy report/);
  await person.activate(button(person, 'Send request'));
  await person.check('Request sent');
  const sent = await person.mainText();
  assert.match(sent, /REQ-\d{6}/);
  // Sent on 20th Aug 2023 (day 1): the decision is due within 6 weeks.
  assert.match(sent, /by 30th Sep 2023/);
}

/** One browser journey through the whole request: one viewport, JavaScript on or off (one file each: they take minutes). */
export function wholeRequestJourney(viewportName: 'desktop' | 'mobile', javaScript: boolean) {
  const viewport = VIEWPORTS.find((spec) => spec.name === viewportName)!;
  const name = `${viewport.name}${javaScript ? ', axe on every page' : ', no JavaScript'}`;
  describe(`Journey: asking for an EHC needs assessment online (${name})`, { skip: browserSkipReason() }, () => {
    let world: World;
    before(async () => {
      world = await startWorld();
    });
    after(async () => {
      await world?.close();
    });
    it('a parent creates an account and sends the whole request', async () => {
      const person = await Person.open(world, viewport, { javaScript });
      await wholeRequest(person, world, `alex.${viewport.name}.${javaScript ? 'js' : 'nojs'}@example.com`);
      await person.close();
    });
  });
}
