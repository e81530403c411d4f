import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { activitySummary } from './activity.js';

describe('what is new on a case, in words', () => {
  it('says what the family added, "new" once, and nothing when nothing is new', () => {
    assert.equal(
      activitySummary({ comments: 2, documents: 1, amendments: 0, responses: 0 }),
      '2 new comments, 1 document',
    );
    assert.equal(
      activitySummary({ comments: 0, documents: 3, amendments: 1, responses: 1 }),
      '3 new documents, 1 change to the request, 1 response to a plan',
    );
    assert.equal(
      activitySummary({ comments: 1, documents: 0, amendments: 2, responses: 2 }),
      '1 new comment, 2 changes to the request, 2 responses to a plan',
    );
    assert.equal(activitySummary({ comments: 0, documents: 0, amendments: 0, responses: 0 }), undefined);
  });
});
