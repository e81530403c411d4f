import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fixedClock } from '../../src/clock.js';
import { createTestCase } from '../support/cases.js';
import { agentSignedInAs } from '../support/sessions.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { createUser } from '../support/users.js';
import { PDF, staffUser } from './support.js';
import { textOf } from '../support/html.js';
import { csrfTokenOf, dateFields, postMultipart } from '../support/forms.js';

// Wednesday 1st Nov 2023, 10am: "today" for every date below.
const TODAY = '2023-11-01';

describe('staff: who can reach the staff pages, and the work tray', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp({ clock: fixedClock('2023-11-01T10:00:00Z') });
  });
  after(() => t.close());

  /** A case whose next council date is `due` (request received 6 weeks before, less a day). */
  async function caseDue(firstName: string, lastName: string, due: string, council?: string) {
    const received = new Date(`${due}T00:00:00Z`);
    received.setUTCDate(received.getUTCDate() - 41);
    return createTestCase(t.pool, {
      council,
      child: { firstName, lastName },
      requestReceived: received.toISOString().slice(0, 10),
      today: TODAY,
    });
  }

  it('answers 404 to a parent for /staff and every page under it', async () => {
    const parent = await createUser(t.pool);
    const c = await createTestCase(t.pool, { members: [{ userId: parent.id, role: 'parent' }], today: TODAY });
    const agent = await agentSignedInAs(t, parent.id);
    for (const path of [
      '/staff',
      '/staff/',
      `/staff/cases/${c.id}`,
      '/staff/cases/new',
      '/staff/people',
      '/staff/staff-accounts',
      '/staff/no-such-page',
      `/staff/cases/${c.id}/audit`,
    ]) {
      const res = await agent.get(path);
      assert.equal(res.status, 404, path);
      assert.match(textOf(res.text), /Page not found/);
    }
    const csrf = await csrfTokenOf(agent, '/cases');
    await agent.post('/staff/cases/new').type('form').send({ _csrf: csrf, firstName: 'X' }).expect(404);
    await postMultipart(
      agent,
      `/staff/cases/${c.id}/progress/decision-to-assess`,
      { _csrf: csrf, outcome: 'assess' },
      { letter: { content: PDF, filename: 'l.pdf' } },
    ).expect(404);
  });

  it('sends staff who open My cases (/cases) to the work tray, not the family dashboard', async () => {
    const staff = await staffUser(t);
    const res = await staff.agent.get('/cases').expect(302);
    assert.equal(res.headers.location, '/staff');
  });

  it('sends someone not signed in to sign in', async () => {
    const anonymous = await t.agent().get('/staff/people').expect(302);
    assert.equal(anonymous.headers.location, '/sign-in');
  });

  it('shows a caseworker of another council none of this council’s cases: every case page is a 404', async () => {
    const c = await caseDue('Hidden', 'Otherton', '2023-11-05');
    const letter = await t.pool.query(
      `INSERT INTO documents (case_id, kind, original_filename, content_type, size_bytes, sha256, content) VALUES ($1, 'request', 'r.pdf', 'application/pdf', $2, 'x', $3) RETURNING id`,
      [c.id, PDF.length, PDF],
    );
    const stranger = await staffUser(t, { council: 'Faraway Council' });
    const tray = await stranger.agent.get('/staff').expect(200);
    assert.match(textOf(tray.text), /No cases match these filters\./);
    assert.doesNotMatch(tray.text, /Otherton/);
    const search = await stranger.agent.get('/staff?q=Otherton').expect(200);
    assert.match(textOf(search.text), /No cases match these filters\./);
    assert.doesNotMatch(search.text, /Hidden/);
    for (const path of [
      `/staff/cases/${c.id}`,
      `/staff/cases/${c.id}/audit`,
      `/staff/cases/${c.id}/documents/${letter.rows[0].id}`,
      `/staff/cases/${c.id}/people/add`,
      `/staff/cases/${c.id}/progress/decision-to-assess`,
      `/staff/cases/${c.id}/notes/new`,
    ]) {
      assert.equal((await stranger.agent.get(path)).status, 404, path);
    }
    const csrf = await csrfTokenOf(stranger.agent, '/staff');
    await postMultipart(
      stranger.agent,
      `/staff/cases/${c.id}/progress/decision-to-assess`,
      { _csrf: csrf, outcome: 'assess', reason: 'x', ...dateFields('decidedOn', '2023-10-01') },
      { letter: { content: PDF, filename: 'l.pdf' } },
    ).expect(404);
    await stranger.agent
      .post(`/staff/cases/${c.id}/people/add`)
      .type('form')
      .send({ _csrf: csrf, email: 'a@example.com', fullName: 'A', role: 'parent' })
      .expect(404);
    const { rows } = await t.pool.query(`SELECT count(*) FROM case_decisions WHERE case_id = $1`, [c.id]);
    assert.equal(Number(rows[0].count), 0);
    await stranger.agent.get('/staff/people?q=a%40example').expect(200);
  });

  it('escapes what people typed on every staff page', async () => {
    const council = 'Escape Council';
    const member = await createUser(t.pool, { fullName: '<i>Jo</i>' });
    const c = await createTestCase(t.pool, {
      council,
      child: { firstName: '<b>Bo</b>', lastName: '<script>x()</script>' },
      requestText: '<img src=x>',
      members: [{ userId: member.id, role: 'parent' }],
      today: TODAY,
    });
    await t.pool.query(`INSERT INTO case_notes (case_id, body) VALUES ($1, '<u>note</u>')`, [c.id]);
    const staff = await staffUser(t, { council });
    for (const path of [
      '/staff',
      `/staff/cases/${c.id}`,
      `/staff/people/${member.id}`,
      `/staff/cases/${c.id}/people/${member.id}/remove`,
    ]) {
      const html = (await staff.agent.get(path).expect(200)).text;
      assert.doesNotMatch(html, /<i>Jo<\/i>|<b>Bo<\/b>|<script>x\(\)|<img src=x>|<u>note<\/u>/, path);
    }
    const page = (await staff.agent.get(`/staff/cases/${c.id}`).expect(200)).text;
    assert.match(page, /&lt;i&gt;Jo&lt;\/i&gt;/);
    assert.match(page, /&lt;img src=x&gt;/);
  });

  it('filters the work tray by overdue and due in the next 2 weeks on a fixed clock, sorted by due date', async () => {
    const council = 'Tray Council';
    await caseDue('Amy', 'Overdue', '2023-10-31', council);
    await caseDue('Ben', 'Overdue', '2023-10-02', council);
    await caseDue('Cat', 'Today', TODAY, council);
    await caseDue('Dan', 'Fortnight', '2023-11-15', council);
    await caseDue('Eve', 'Later', '2023-11-16', council);
    const staff = await staffUser(t, { council });

    const allHtml = (await staff.agent.get('/staff').expect(200)).text;
    assert.match(
      allHtml,
      /<input[^>]*name="due"[^>]*value=""[^>]*checked/,
      'with no date filter, "Any date" is the chosen option',
    );
    const all = textOf(allHtml);
    assert.match(all, /Showing 1 to 5 of 5 cases, soonest statutory date first\./);
    assert.match(
      all,
      /Overdue, Ben EHC-\d+ Request Decision due: 2nd Oct 2023 Overdue Overdue, Amy EHC-\d+ Request Decision due: 31st Oct 2023 Overdue Today, Cat EHC-\d+ Request Decision due: 1st Nov 2023 Fortnight, Dan .* Later, Eve/,
    );

    const overdueHtml = (await staff.agent.get('/staff?due=overdue').expect(200)).text;
    assert.match(overdueHtml, /<input[^>]*name="due"[^>]*value="overdue"[^>]*checked/);
    assert.doesNotMatch(overdueHtml, /<input[^>]*name="due"[^>]*value=""[^>]*checked/);
    const overdue = textOf(overdueHtml);
    assert.match(overdue, /Showing 1 to 2 of 2 cases/);
    assert.match(overdue, /Overdue, Ben .* Overdue, Amy/);
    assert.doesNotMatch(overdue, /Today, Cat|Fortnight, Dan/);

    const soon = textOf((await staff.agent.get('/staff?due=soon').expect(200)).text);
    assert.match(soon, /Showing 1 to 2 of 2 cases/);
    assert.match(soon, /Today, Cat .* Fortnight, Dan/);
    assert.doesNotMatch(soon, /Overdue, Amy|Later, Eve/);

    const byName = textOf((await staff.agent.get('/staff?q=fort').expect(200)).text);
    assert.match(byName, /Showing 1 to 1 of 1 case,/);
    assert.match(byName, /Fortnight, Dan/);
    assert.match(textOf((await staff.agent.get('/staff?q=cat%20tod').expect(200)).text), /Showing 1 to 1 of 1 case,/);
    assert.match(
      textOf((await staff.agent.get('/staff?stage=decision').expect(200)).text),
      /No cases match these filters\./,
    );
    assert.match(
      textOf((await staff.agent.get('/staff?due=soon&stage=nonsense&page=zz').expect(200)).text),
      /Showing 1 to 2 of 2 cases/,
    );
  });

  it('pages the work tray 50 at a time', async () => {
    const council = 'Busy Council';
    const { rows } = await t.pool.query(`INSERT INTO councils (name) VALUES ($1) RETURNING id`, [council]);
    await t.pool.query(
      `WITH kids AS (
         INSERT INTO children (first_name, last_name, date_of_birth)
         SELECT 'Child', 'Number' || i, '2015-01-01' FROM generate_series(1, 120) AS i RETURNING id)
       INSERT INTO cases (council_id, child_id, request_received, requested_by, next_due_label, next_due_on)
       SELECT $1, id, '2023-10-01', 'school', 'Decision due', '2023-11-11' FROM kids`,
      [rows[0].id],
    );
    const staff = await staffUser(t, { council });
    const first = await staff.agent.get('/staff').expect(200);
    assert.match(textOf(first.text), /Showing 1 to 50 of 120 cases/);
    assert.match(first.text, /class="govuk-pagination"/);
    assert.match(first.text, /href="\/staff\?page=2"/);
    const last = await staff.agent.get('/staff?page=3').expect(200);
    assert.match(textOf(last.text), /Showing 101 to 120 of 120 cases/);
    assert.equal((last.text.match(/govuk-table__row/g) ?? []).length, 21);
    // A page past the end shows the last one, and each look is audited with the page shown.
    const beyond = await staff.agent.get('/staff?page=99&stage=request').expect(200);
    assert.match(textOf(beyond.text), /Showing 101 to 120 of 120 cases/);
    const looks = await t.pool.query(
      `SELECT details FROM audit_log WHERE action = 'staff.work-tray.viewed' AND actor_user_id = $1 ORDER BY id`,
      [staff.id],
    );
    assert.deepEqual(
      looks.rows.map((row) => [row.details.page, row.details.stage]),
      [
        [1, null],
        [3, null],
        [3, 'request'],
      ],
    );
  });
});
