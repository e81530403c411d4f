import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { describeCase } from '../ehc/index.js';
import { paragraphsOf, stageItem } from './case-view.js';
import { dueDateView, stageOfDueDate } from './due-date-view.js';

describe('the case page’s pieces', () => {
  it('splits typed text into paragraphs on blank lines', () => {
    assert.deepEqual(paragraphsOf('One line\nsame paragraph.\r\n\r\nSecond.\n\n\n  \nThird.  '), [
      'One line same paragraph.',
      'Second.',
      'Third.',
    ]);
    assert.deepEqual(paragraphsOf(''), []);
    assert.deepEqual(paragraphsOf(null), []);
  });

  it('links only the stages reached; the others are greyed out with no link', () => {
    const status = describeCase(
      {
        childFirstName: 'Barney',
        requestReceived: '2023-08-08',
        requestedBy: 'school',
        audience: 'parent',
        decisionToAssess: { outcome: 'assess', date: '2023-09-01' },
      },
      '2023-09-02',
    );
    const items = status.stages.map((s) => stageItem(s, 'abc'));
    assert.deepEqual(
      items.map((i) => i.href ?? null),
      ['/cases/abc/stages/request', '/cases/abc/stages/decision', '/cases/abc/stages/assessment', null, null, null],
    );
    assert.deepEqual(items[3], {
      title: { text: 'Draft plan', classes: 'app-stage--not-reached' },
      status: { text: 'Not reached yet', classes: 'govuk-task-list__status--cannot-start-yet' },
    });
    assert.deepEqual(items[2].status, { tag: { text: 'Current stage', classes: 'govuk-tag--blue' } });
    assert.deepEqual(items[0].status, { text: 'Completed' });
  });

  it('gives each statutory date its state in words and its stage', () => {
    const status = describeCase(
      {
        childFirstName: 'Barney',
        requestReceived: '2023-08-08',
        requestedBy: 'school',
        audience: 'parent',
        decisionToAssess: { outcome: 'not-assess', date: '2023-09-20' },
      },
      '2023-10-01',
    );
    assert.deepEqual(
      status.dueDates.map((d) => [d.label, dueDateView(d).date, dueDateView(d).statusText, stageOfDueDate(d)]),
      [
        ['Decision due', '18th Sep 2023', 'Met late, on 20th Sep 2023', 'decision'],
        ['Appeal deadline', '20th Nov 2023', 'Upcoming', 'decision'],
      ],
    );
    const overdue = describeCase(
      { childFirstName: 'Barney', requestReceived: '2023-08-08', requestedBy: 'school', audience: 'parent' },
      '2023-09-19',
    );
    assert.equal(dueDateView(overdue.dueDates[0]).statusText, 'Overdue');
  });
});
