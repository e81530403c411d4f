import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diffWords, wordsOf } from './word-diff.js';

const shown = (before: string, after: string) =>
  diffWords(before, after)
    .parts.map((part) =>
      part.kind === 'same' ? part.text : part.kind === 'added' ? `{+${part.text}+}` : `[-${part.text}-]`,
    )
    .join('');

describe('word diff', () => {
  it('splits a text into words that join back to it', () => {
    const text = 'Barney finds\n\nreading  hard. ';
    assert.equal(wordsOf(text).join(''), text);
    assert.deepEqual(wordsOf('one two.'), ['one', ' two', '.']);
    assert.deepEqual(wordsOf("Barney's 2nd"), ["Barney's", ' 2nd']);
    assert.deepEqual(wordsOf(''), []);
  });

  it('marks a word put in and a word taken out, and counts them', () => {
    assert.equal(
      shown('Barney finds reading hard.', 'Barney finds reading very hard.'),
      'Barney finds reading{+ very+} hard.',
    );
    assert.equal(
      shown('Barney finds reading hard at school.', 'Barney finds reading hard.'),
      'Barney finds reading hard[- at school-].',
    );
    assert.equal(shown('Please assess Barney.', 'Please assess Barney soon.'), 'Please assess Barney{+ soon+}.');
    const diff = diffWords('He needs help with maths.', 'He needs a lot of help with reading.');
    assert.equal(diff.added, 4);
    assert.equal(diff.removed, 1);
    assert.equal(
      shown('He needs help with maths.', 'He needs a lot of help with reading.'),
      'He needs{+ a lot of+} help with[- maths-]{+ reading+}.',
    );
  });

  it('says nothing changed for the same words, and handles an empty side', () => {
    const same = diffWords('a b c', 'a b c');
    assert.deepEqual([same.added, same.removed], [0, 0]);
    assert.deepEqual(same.parts, [{ kind: 'same', text: 'a b c' }]);
    assert.equal(shown('', 'New text'), '{+New text+}');
    assert.equal(shown('Old text', ''), '[-Old text-]');
  });

  it('treats a change of spacing alone as no change', () => {
    const diff = diffWords('one two', 'one\n\ntwo');
    assert.deepEqual([diff.added, diff.removed], [0, 0]);
  });

  it('still answers, quickly, for two long texts that share nothing', () => {
    const before = Array.from({ length: 3000 }, (_, i) => `a${i}`).join(' ');
    const after = Array.from({ length: 3000 }, (_, i) => `b${i}`).join(' ');
    const started = Date.now();
    const diff = diffWords(before, after);
    assert.ok(Date.now() - started < 2000);
    assert.deepEqual([diff.added, diff.removed], [3000, 3000]);
  });
});
