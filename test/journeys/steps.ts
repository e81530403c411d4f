import assert from 'node:assert/strict';
import type { Locator } from 'playwright-core';
import { appCode, emailLink, nthEmailTo, PDF, type Person, type World } from './support.js';

/** The guide's password rules, in its words, as "Complete your registration" and "Create a password" show them. */
export const WEAK_PASSWORDS: [string, string][] = [
  ['kettle', 'Passwords must be at least 8 characters long.'],
  ['kettlesong', 'Passwords must contain at least one symbol & one capital letter.'],
];

export const BARNEY_STATUS = 'We have received a request for an EHC needs assessment relating to Barney.';

const label = (person: Person, text: string, exact = true): Locator => person.page.getByLabel(text, { exact });
const button = (person: Person, name: string): Locator => person.page.getByRole('button', { name, exact: true });
const link = (person: Person, name: string | RegExp): Locator => person.page.getByRole('link', { name }).first();
/** A link, or a link styled as a button (role="button"). */
const control = (person: Person, name: string): Locator =>
  person.page
    .getByRole('link', { name, exact: true })
    .or(person.page.getByRole('button', { name, exact: true }))
    .first();

async function typeDate(person: Person, group: string, day: string, month: string, year: string) {
  const fields = person.page.getByRole('group', { name: group });
  await person.type(fields.getByLabel('Day'), day);
  await person.type(fields.getByLabel('Month'), month);
  await person.type(fields.getByLabel('Year'), year);
}

/** Email and password on /sign-in; the log in code page comes next (or the choice of method, the first time). */
export async function signInWithPassword(person: Person, email: string, password: string, next: string) {
  if (!person.url.endsWith('/sign-in')) await person.goto('/sign-in', 'Sign in to EHC Hub');
  await person.type(label(person, 'Email address'), email);
  await person.type(label(person, 'Password'), password);
  await person.activate(button(person, 'Sign in'));
  await person.check(next);
}

/** The log in code from an authenticator app holding `secret`. */
export async function enterAppCode(person: Person, world: World, secret: string, next: string | RegExp) {
  assert.match(await person.mainText(), /Open the authentication app on your smartphone or tablet/);
  await person.type(label(person, 'Log in code'), await appCode(world, secret));
  await person.activate(button(person, 'Sign in'));
  await person.check(next);
}

/** Journey 1: a caseworker signs in with password and app code, creates Barney's case and invites a parent. */
export async function staffCreatesCaseAndInvites(
  person: Person,
  world: World,
  staff: { email: string; password: string; secret: string },
  parent: { email: string; fullName: string },
): Promise<string> {
  await signInWithPassword(person, staff.email, staff.password, 'Enter your log in code');
  await enterAppCode(person, world, staff.secret, 'Work tray');

  await person.activate(control(person, 'Create a case'));
  await person.check('Create a case');
  await person.type(label(person, 'First name'), 'Barney');
  await person.type(label(person, 'Last name'), 'Rogers');
  await typeDate(person, 'Date of birth', '14', '3', '2015');
  await person.type(label(person, 'Education setting (optional)'), 'Edgehill Primary School');
  await typeDate(person, 'Date the request was received', '8', '8', '2023');
  await person.choose(label(person, 'Education setting'));
  await person.type(label(person, 'The request'), 'Barney finds reading and writing hard. Please assess his needs.');
  await person.activate(button(person, 'Create case'));
  await person.check('Rogers, Barney');
  assert.match(new URL(person.url).pathname, /^\/staff\/cases\/[0-9a-f-]{36}$/);
  const caseId = new URL(person.url).pathname.split('/').pop()!;
  const main = await person.mainText();
  assert.match(main, /Decision due: 18th Sep 2023/);
  assert.match(main, /Request received\s*8th Aug 2023/);

  await person.activate(control(person, 'Add a person'));
  await person.check('Add a person to the case');
  await person.type(label(person, 'Email address'), parent.email);
  await person.type(label(person, 'Full name'), parent.fullName);
  await person.choose(label(person, 'Parent or carer'));
  await person.activate(button(person, 'Add to the case'));
  await person.check('Rogers, Barney');
  assert.match(
    await person.mainText(),
    new RegExp(
      `${parent.fullName} has been added to the case and sent an email to tell them \\(${parent.email.replace(/\./g, '\\.')}\\)`,
    ),
  );
  return caseId;
}

/**
 * Journey 2, first half: the invitation email, "Complete your registration" (weak passwords
 * first), sign in, the authenticator app (its key read from the page), and on to My cases.
 * Returns the app's secret.
 */
export async function parentRegistersWithApp(
  person: Person,
  world: World,
  email: string,
  password: string,
  landing = 'My cases',
): Promise<string> {
  const invitation = await nthEmailTo(world, email, 1);
  assert.equal(invitation.subject, 'Complete your registration for EHC Hub');
  await person.goto(emailLink(invitation, '/register/'), 'Complete your registration');
  assert.match(
    await person.mainText(),
    new RegExp(`Your username is your email address: ${email.replace(/\./g, '\\.')}`),
  );

  for (const [weak, message] of WEAK_PASSWORDS) {
    await person.type(label(person, 'Choose your password'), weak);
    await person.type(label(person, 'Confirm your password'), weak);
    await person.activate(button(person, 'Complete your registration'));
    await person.check('Complete your registration');
    await person.expectErrors(message);
  }
  await person.type(label(person, 'Choose your password'), password);
  await person.type(label(person, 'Confirm your password'), password);
  await person.activate(button(person, 'Complete your registration'));
  await person.check('Sign in to EHC Hub');
  assert.match(await person.mainText(), /You have completed your registration/);

  await signInWithPassword(person, email, password, 'You need to enter a code each time you log in');
  await person.choose(label(person, 'Smartphone or tablet app'));
  await person.activate(button(person, 'Continue'));
  await person.check('Use an app on your smartphone or tablet');
  // The key as a person reads it off the screen, in groups of four.
  const shown = /(?:[A-Z2-7]{4} ){7}[A-Z2-7]{4}/.exec(await person.page.locator('#app-key').innerText())?.[0];
  assert.ok(shown, 'the key is shown in groups of four');
  const secret = shown.replace(/ /g, '');
  await person.type(
    label(person, '3. Enter the verification code from your authentication app.'),
    await appCode(world, secret),
  );
  await person.activate(button(person, 'Continue'));
  await person.check(landing);
  return secret;
}

/**
 * Journey 2, second half: My cases as the guide shows it, the three questions, the request, a
 * comment on Barney's behalf and a document.
 */
export async function parentReadsAndTakesPart(person: Person, caseId: string) {
  const card = person.page.locator(`#case-${caseId}`);
  const cardText = ((await card.textContent()) ?? '').replace(/\s+/g, ' ');
  assert.match(cardText, /Rogers, Barney/);
  assert.match(cardText, /Request date: 8th Aug 2023/);
  assert.match(cardText, /Decision due: 18th Sep 2023/);
  assert.match(cardText, new RegExp(BARNEY_STATUS));

  const answers: [string, string][] = [
    [
      'What does this mean?',
      'We have received a request for an EHC needs assessment for Barney and have shared this with you.',
    ],
    [
      'What should I be doing right now?',
      'Now is your opportunity to read the request and add your comments or other relevant information. You can also add comments on behalf of Barney.',
    ],
    [
      'What happens next and when?',
      'We must decide whether or not to proceed with an EHC needs assessment for Barney by 18th Sep 2023. You will be notified once a decision has been made.',
    ],
  ];
  for (const [question, answer] of answers) {
    const details = card.locator('details', { has: person.page.locator('summary', { hasText: question }) });
    const paragraph = details.getByText(answer, { exact: false });
    assert.equal(await paragraph.isVisible(), false, `"${question}" starts closed`);
    await person.toggle(details.locator('summary'));
    assert.equal(await paragraph.isVisible(), true, `"${question}" opens`);
  }

  await person.activate(card.getByRole('button', { name: 'View request for Rogers, Barney' }));
  await person.check('Rogers, Barney');
  await person.activate(control(person, 'View request'));
  await person.check(/The request$/);
  assert.match(await person.mainText(), /Barney finds reading and writing hard\. Please assess his needs\./);
  assert.match(await person.mainText(), /Request date\s*8th Aug 2023/);

  await person.activate(control(person, 'Add comments'));
  await person.check(/Add comments$/);
  await person.choose(label(person, 'Comments on behalf of Barney'));
  await person.type(label(person, 'Comments'), 'Barney says: I like reading with my dad but the words jump about.');
  await person.activate(button(person, 'Continue'));
  await person.check(/Check your comments before sending them$/);
  assert.match(await person.mainText(), /On behalf of Barney/);
  await person.activate(button(person, 'Send comments'));
  await person.check(/Comments and views$/);
  assert.match(await person.mainText(), /I like reading with my dad but the words jump about\./);

  await person.page.goto(`${person.world.t.baseUrl}/cases/${caseId}`);
  await person.check('Rogers, Barney');
  await person.activate(control(person, 'Upload documents'));
  await person.check(/Upload documents$/);
  await person.type(label(person, 'Describe the documents'), 'Reading report from Barney’s tutor');
  // Choosing a file happens in the operating system's dialog, which no browser test can drive.
  await person.page
    .locator('input[type=file]#documents')
    .setInputFiles({ name: 'tutor-report.pdf', mimeType: 'application/pdf', buffer: PDF });
  await person.activate(button(person, 'Upload documents'));
  await person.check(/Documents$/);
  assert.match(await person.mainText(), /tutor-report\.pdf/);
}

/**
 * Journey 5: a person signed in on one browser forgets their password on another: the email,
 * "Create a password", sign in with the new one (and the app code), and the first browser's
 * session has ended.
 */
export async function forgottenPasswordJourney(
  world: World,
  open: () => Promise<Person>,
  account: { email: string; password: string; secret: string },
) {
  const before = await open();
  await signInWithPassword(before, account.email, account.password, 'Enter your log in code');
  await enterAppCode(before, world, account.secret, 'My cases');

  const person = await open();
  await person.goto('/sign-in', 'Sign in to EHC Hub');
  await person.activate(link(person, 'Forgotten password?'));
  await person.check('Reset your password');
  await person.activate(button(person, 'Send email'));
  await person.check('Reset your password');
  await person.expectErrors();
  await person.type(label(person, 'Email address'), account.email);
  await person.activate(button(person, 'Send email'));
  await person.check('Check your email');
  assert.match(
    await person.mainText(),
    new RegExp(`If there is an EHC Hub account for ${account.email.replace(/\./g, '\\.')}`),
  );

  const resetEmail = await world.smtp.waitFor(
    (m) => m.to.includes(account.email) && m.subject === 'Reset your EHC Hub password',
  );
  await person.goto(emailLink(resetEmail, '/reset-password/'), 'Create a password');
  const [weak, message] = WEAK_PASSWORDS[1];
  await person.type(label(person, 'Password'), weak);
  await person.type(label(person, 'Confirm password'), weak);
  await person.activate(button(person, 'Continue'));
  await person.check('Create a password');
  await person.expectErrors(message);
  const newPassword = 'Kettle-Song-Morning-7';
  await person.type(label(person, 'Password'), newPassword);
  await person.type(label(person, 'Confirm password'), newPassword);
  await person.activate(button(person, 'Continue'));
  await person.check('Sign in to EHC Hub');
  assert.match(await person.mainText(), /Your password has been changed/);
  await signInWithPassword(person, account.email, newPassword, 'Enter your log in code');
  await enterAppCode(person, world, account.secret, 'My cases');

  // The browser that was signed in before the reset is signed in no longer.
  await before.page.goto(`${world.t.baseUrl}/cases`);
  await before.check('Sign in to EHC Hub');
  await before.goto('/account', 'Sign in to EHC Hub');
  await before.close();
  await person.close();
  return newPassword;
}
