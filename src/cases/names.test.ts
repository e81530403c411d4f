import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { byChildName, lastCommaFirst } from './names.js';

describe('children’s names in the bar', () => {
  it('reads "Last, First" as in the guide', () => {
    assert.equal(lastCommaFirst({ firstName: 'Barney', lastName: 'Rogers' }), 'Rogers, Barney');
    assert.equal(lastCommaFirst({ firstName: ' Barney ', lastName: ' Rogers ' }), 'Rogers, Barney');
  });

  it('orders by last name, then first name, ignoring case and accents, with a stable tie-break', () => {
    const children = [
      { firstName: 'Barney', lastName: 'Rogers', id: '3' },
      { firstName: 'Zoe', lastName: 'Aardvark', id: '1' },
      { firstName: 'amy', lastName: 'rogers', id: '2' },
      { firstName: 'Émile', lastName: 'Dupont', id: '5' },
      { firstName: 'Eve', lastName: 'dupont', id: '4' },
      { firstName: 'Barney', lastName: 'Rogers', id: '0' },
      { firstName: 'Ann', lastName: 'Smith 10', id: '7' },
      { firstName: 'Ann', lastName: 'Smith 9', id: '6' },
    ];
    const sorted = [...children].sort(byChildName((c) => c.id)).map((c) => `${lastCommaFirst(c)}#${c.id}`);
    assert.deepEqual(sorted, [
      'Aardvark, Zoe#1',
      'Dupont, Émile#5',
      'dupont, Eve#4',
      'rogers, amy#2',
      'Rogers, Barney#0',
      'Rogers, Barney#3',
      'Smith 9, Ann#6',
      'Smith 10, Ann#7',
    ]);
  });
});
