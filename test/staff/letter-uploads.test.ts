import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fixedClock } from '../../src/clock.js';
import { createTestCase } from '../support/cases.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { PDF, PNG, staffUser } from './support.js';
import { count } from '../support/database-checks.js';
import { csrfTokenOf, dateFields, postMultipart } from '../support/forms.js';

const MB = 1024 * 1024;

describe('staff: letters are PDFs up to 10 MB, told by their content (through src/uploads)', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp({ clock: fixedClock('2023-09-12T10:00:00Z') });
  });
  after(() => t.close());

  async function post(letter: Buffer, filename = 'letter.pdf') {
    const c = await createTestCase(t.pool, { today: '2023-09-12' });
    const staff = await staffUser(t);
    const path = `/staff/cases/${c.id}/progress/decision-to-assess`;
    const fields = {
      _csrf: await csrfTokenOf(staff.agent, path),
      outcome: 'assess',
      reason: 'Needs are not met.',
      ...dateFields('decidedOn', '2023-09-11'),
    };
    const res = await postMultipart(staff.agent, path, fields, { letter: { content: letter, filename } });
    return { res, caseId: c.id };
  }

  it('stores a PDF of exactly 10 MB, as application/pdf with its sha256', async () => {
    const letter = Buffer.concat([PDF, Buffer.alloc(10 * MB - PDF.length, 0x20)]);
    const { res, caseId } = await post(letter, 'Decision letter.pdf');
    assert.equal(res.status, 302);
    const { rows } = await t.pool.query(
      `SELECT original_filename, content_type, size_bytes, sha256 FROM documents WHERE case_id = $1`,
      [caseId],
    );
    assert.equal(rows.length, 1);
    assert.deepEqual(
      { ...rows[0], size_bytes: Number(rows[0].size_bytes) },
      {
        original_filename: 'Decision letter.pdf',
        content_type: 'application/pdf',
        size_bytes: 10 * MB,
        sha256: (await import('node:crypto')).createHash('sha256').update(letter).digest('hex'),
      },
    );
  });

  it('refuses a picture renamed .pdf, and a PDF just over 10 MB, with the form shown again', async () => {
    const picture = await post(PNG, 'scan.pdf');
    assert.equal(picture.res.status, 400);
    assert.match(picture.res.text, /<a href="#letter">The selected file must be a PDF<\/a>/);
    assert.match(picture.res.text, /Needs are not met\.<\/textarea>/);
    const big = await post(Buffer.concat([PDF, Buffer.alloc(10 * MB, 0x20)]));
    assert.equal(big.res.status, 400);
    assert.match(big.res.text, /<a href="#letter">The selected file must be smaller than 10 MB<\/a>/);
    for (const { caseId } of [picture, big])
      assert.equal(await count(t.pool, `SELECT count(*) FROM documents WHERE case_id = $1`, [caseId]), 0);
  });

  it('cuts off a request far over the limit (413) and stores nothing', async () => {
    const { res, caseId } = await post(Buffer.concat([PDF, Buffer.alloc(30 * MB, 0x20)])).catch((error) => ({
      res: { status: error.code ?? 'reset', text: '' },
      caseId: undefined as string | undefined,
    }));
    // The server answers before reading the rest, then closes: supertest may see the answer or the reset.
    assert.ok(res.status === 413 || res.status === 'EPIPE' || res.status === 'ECONNRESET', String(res.status));
    if (caseId) assert.equal(await count(t.pool, `SELECT count(*) FROM documents WHERE case_id = $1`, [caseId]), 0);
    assert.equal(await count(t.pool, `SELECT count(*) FROM documents WHERE size_bytes > $1`, [10 * MB]), 0);
  });
});
