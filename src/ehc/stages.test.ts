import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isStageId, STAGES, stageBySlug, stageIndex, stageLabel } from './stages.js';

describe('stages', () => {
  it('are in the order of the process, with the labels families see and URL slugs', () => {
    assert.deepEqual(
      STAGES.map((s) => [s.id, s.label, s.slug]),
      [
        ['request', 'Request', 'request'],
        ['decision', 'Decision', 'decision'],
        ['assessment', 'Assessment', 'assessment'],
        ['draft-plan', 'Draft plan', 'draft-plan'],
        ['final-plan', 'Final plan', 'final-plan'],
        ['annual-review', 'Annual review', 'annual-review'],
      ],
    );
  });

  it('are found by slug, and anything else is not a stage', () => {
    assert.equal(stageBySlug('draft-plan')?.label, 'Draft plan');
    assert.equal(stageBySlug('Draft plan'), undefined);
    assert.equal(stageBySlug('__proto__'), undefined);
    assert.equal(isStageId('decision'), true);
    assert.equal(isStageId('toString'), false);
    assert.equal(stageIndex('annual-review'), 5);
    assert.equal(stageLabel('final-plan'), 'Final plan');
  });

  it('cannot be changed by a caller', () => {
    assert.throws(() => {
      (STAGES as unknown as { label: string }[])[0].label = 'Changed';
    }, TypeError);
  });
});
