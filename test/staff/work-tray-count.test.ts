import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fixedClock } from '../../src/clock.js';
import { createTestCase } from '../support/cases.js';
import { textOf } from '../support/html.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { councilId } from '../support/users.js';
import { staffUser } from './support.js';

describe('the work tray’s count of cases', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp({ clock: fixedClock('2023-11-01T10:00:00Z') });
  });
  after(() => t.close());

  const shown = async (agent: { get(path: string): PromiseLike<{ text: string }> }, path = '/staff') =>
    /Showing \d+ to \d+ of (\d+) cases?/.exec(textOf((await agent.get(path)).text))?.[1];

  it('comes from counts kept by the database, right after cases are added, moved on, moved away and removed', async () => {
    const staff = await staffUser(t, { council: 'Countshire Council' });
    const made = [];
    for (let i = 0; i < 4; i += 1)
      made.push(
        await createTestCase(t.pool, {
          council: 'Countshire Council',
          child: { firstName: `Child${i}` },
          today: '2023-11-01',
        }),
      );
    await createTestCase(t.pool, { council: 'Elsewhere Council', today: '2023-11-01' });
    assert.equal(await shown(staff.agent), '4');
    assert.equal(await shown(staff.agent, '/staff?stage=request'), '4');

    await t.pool.query(`UPDATE cases SET current_stage = 'assessment' WHERE id = ANY($1)`, [[made[0].id, made[1].id]]);
    await t.pool.query(`UPDATE cases SET request_text = 'Edited' WHERE id = $1`, [made[2].id]);
    assert.equal(await shown(staff.agent, '/staff?stage=assessment'), '2');
    assert.equal(await shown(staff.agent, '/staff?stage=request'), '2');

    await t.pool.query(`UPDATE cases SET council_id = $2 WHERE id = $1`, [
      made[3].id,
      await councilId(t.pool, 'Elsewhere Council'),
    ]);
    await t.pool.query(`DELETE FROM cases WHERE id = $1`, [made[2].id]);
    assert.equal(await shown(staff.agent), '2');

    const kept = await t.pool.query(
      `SELECT council_id, current_stage, cases::int FROM case_counts WHERE cases <> 0 ORDER BY 1, 2`,
    );
    const counted = await t.pool.query(
      `SELECT council_id, current_stage, count(*)::int AS cases FROM cases GROUP BY 1, 2 ORDER BY 1, 2`,
    );
    assert.deepEqual(kept.rows, counted.rows);
  });
});
