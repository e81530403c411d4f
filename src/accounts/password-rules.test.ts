import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isCommonPassword, newPasswordProblems, PASSWORD_MESSAGES, passwordRuleBroken } from './password-rules.js';

describe('password rules', () => {
  it('accepts a password with 8 characters, a symbol and a capital letter', () => {
    assert.equal(passwordRuleBroken('Tuesday-Kettle'), undefined);
    assert.equal(passwordRuleBroken('Ab!defgh'), undefined);
    assert.deepEqual(newPasswordProblems('Tuesday-Kettle', 'Tuesday-Kettle'), []);
  });

  it('refuses fewer than 8 characters with the guide words', () => {
    assert.equal(passwordRuleBroken('a'), 'Passwords must be at least 8 characters long.');
    assert.equal(passwordRuleBroken('Ab!defg'), 'Passwords must be at least 8 characters long.');
  });

  it('counts characters, not bytes', () => {
    assert.equal(passwordRuleBroken('Ünïcødé!'), undefined);
  });

  it('needs a symbol and a capital letter', () => {
    const message = 'Passwords must contain at least one symbol & one capital letter.';
    assert.equal(passwordRuleBroken('tuesdaykettle'), message);
    assert.equal(passwordRuleBroken('Tuesdaykettle'), message);
    assert.equal(passwordRuleBroken('tuesday-kettle'), message);
    assert.equal(passwordRuleBroken('Tuesday kettle'), message, 'a space is not a symbol');
    assert.equal(passwordRuleBroken('Tuesday£kettle'), undefined);
  });

  it('refuses more than 256 characters', () => {
    assert.equal(passwordRuleBroken(`A!${'x'.repeat(254)}`), undefined);
    assert.equal(passwordRuleBroken(`A!${'x'.repeat(255)}`), PASSWORD_MESSAGES.tooLong);
  });

  it('refuses common passwords, also when decorated to meet the rules', () => {
    assert.equal(isCommonPassword('password'), true);
    assert.equal(isCommonPassword('Password1!'), true);
    assert.equal(isCommonPassword('Qwerty123!'), true);
    assert.equal(isCommonPassword('Tuesday-Kettle-42'), false);
    assert.equal(passwordRuleBroken('Password1!'), PASSWORD_MESSAGES.tooCommon);
    assert.match(PASSWORD_MESSAGES.tooCommon, /less common password/);
  });

  it('says "Passwords do not match." on both fields when they differ', () => {
    assert.deepEqual(newPasswordProblems('Tuesday-Kettle', 'Tuesday-Kettl'), [
      ['password', 'Passwords do not match.'],
      ['confirmPassword', 'Passwords do not match.'],
    ]);
  });

  it('keeps the rule message on the password when it also differs from its confirmation', () => {
    assert.deepEqual(newPasswordProblems('short', 'other'), [
      ['password', 'Passwords must be at least 8 characters long.'],
      ['confirmPassword', 'Passwords do not match.'],
    ]);
  });

  it('asks for both fields when they are empty', () => {
    assert.deepEqual(newPasswordProblems('', ''), [['password', 'Enter a password']]);
    assert.deepEqual(newPasswordProblems('Tuesday-Kettle', ''), [['confirmPassword', 'Confirm your password']]);
  });
});
