import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { paginationFor } from '../pagination.js';
import { trayConditions } from './query.js';

describe('the work tray query', () => {
  it('uses the due-date range for "overdue" and "due in the next 2 weeks"', () => {
    assert.deepEqual(trayConditions('council', { due: 'overdue', page: 1 }, '2023-11-01'), {
      where: 'c.council_id = $1 AND c.next_due_on < $2::date',
      params: ['council', '2023-11-01'],
      needsChildren: false,
    });
    assert.deepEqual(trayConditions('council', { due: 'soon', stage: 'decision', page: 1 }, '2023-11-01').params, [
      'council',
      'decision',
      '2023-11-01',
      '2023-11-15',
    ]);
  });

  it('matches names from their start, escaping LIKE wildcards, and references exactly', () => {
    const one = trayConditions('council', { search: ' Rog_% ', page: 1 }, '2023-11-01');
    assert.equal(one.needsChildren, true);
    assert.deepEqual(one.params, ['council', 'rog\\_\\%%']);
    assert.match(one.where, /lower\(ch\.last_name\) LIKE \$2 OR lower\(ch\.first_name\) LIKE \$2/);
    const two = trayConditions('council', { search: 'Barney Rogers', page: 1 }, '2023-11-01');
    assert.deepEqual(two.params, ['council', 'barney%', 'rogers%']);
    const reference = trayConditions('council', { search: 'ehc-123', page: 1 }, '2023-11-01');
    assert.deepEqual(reference, {
      where: 'c.council_id = $1 AND c.reference = $2',
      params: ['council', 'EHC-000123'],
      needsChildren: false,
    });
  });

  it('paginates with the first, last and neighbouring pages', () => {
    assert.equal(paginationFor(1, 1, String), undefined);
    const middle = paginationFor(5, 10, (n) => `?page=${n}`);
    assert.deepEqual(
      middle?.items.map((item) => ('number' in item ? item.number : '…')),
      [1, '…', 4, 5, 6, '…', 10],
    );
    assert.equal(middle?.previous?.href, '?page=4');
    assert.equal(middle?.next?.href, '?page=6');
  });
});
