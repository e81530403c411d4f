import crypto from 'node:crypto';
import type pg from 'pg';
import { hashPassword } from '../accounts/passwords.js';
import { refreshCaseSummary } from '../cases/case-facts-from-db.js';
import { ukToday, type Clock } from '../clock.js';
import type { Config } from '../config.js';
import { inTransaction } from '../db/pool.js';
import { addDays, addWeeks } from '../ehc/index.js';
import { sealPhone } from '../two-factor/secrets.js';
import { letterPdf } from './letter-pdf.js';

/** Development only; these never exist in a production database. Phone numbers are Ofcom's drama range. */
export const DEMO = {
  staff: {
    who: 'Council case worker (admin)',
    email: 'sam.patel@edgehill.example.gov.uk',
    name: 'Sam Patel',
    password: 'Edgehill-Demo-Staff-1',
    phone: '+447700900123',
  },
  parent: {
    who: "Parent (Barney and Amelia Rogers' cases)",
    email: 'jo.rogers@example.com',
    name: 'Jo Rogers',
    password: 'Edgehill-Demo-Parent-1',
    phone: '+447700900984',
  },
} as const;

export type DemoAccount = (typeof DEMO)[keyof typeof DEMO];

/** The demo accounts a newcomer can sign in as (both use text message log in codes). */
export interface DemoSignIns {
  accounts: DemoAccount[];
}

const DEMO_SIGN_INS: DemoSignIns = { accounts: [DEMO.staff, DEMO.parent] };

// Any fixed number will do; it only has to be the same in every process of this app.
const DEMO_SEED_LOCK_ID = 7_310_442_016;

async function insertUser(
  client: pg.PoolClient,
  config: Config,
  person: DemoAccount,
  kind: 'staff' | 'family',
  councilId: string,
  at: Date,
): Promise<string> {
  const { rows } = await client.query(
    `INSERT INTO users (email, full_name, kind, council_id, staff_role, status, password_hash, registered_at, two_factor_method)
     VALUES ($1, $2, $3, $4, $5, 'active', $6, $7, 'sms') RETURNING id`,
    [
      person.email,
      person.name,
      kind,
      kind === 'staff' ? councilId : null,
      kind === 'staff' ? 'admin' : null,
      await hashPassword(person.password),
      at,
    ],
  );
  const id = rows[0].id;
  await client.query('UPDATE users SET phone_encrypted = $2 WHERE id = $1', [
    id,
    sealPhone(config.encryptionKey, id, person.phone),
  ]);
  return id;
}

async function insertCase(
  client: pg.PoolClient,
  councilId: string,
  child: { first: string; last: string; born: string; school: string },
  request: { received: string; text: string },
  members: [string, string][],
  at: Date,
): Promise<string> {
  const childRow = await client.query(
    'INSERT INTO children (first_name, last_name, date_of_birth, school_or_setting) VALUES ($1, $2, $3, $4) RETURNING id',
    [child.first, child.last, child.born, child.school],
  );
  const caseRow = await client.query(
    `INSERT INTO cases (council_id, child_id, request_received, requested_by, requester_name, request_text)
     VALUES ($1, $2, $3, 'school', $4, $5) RETURNING id`,
    [councilId, childRow.rows[0].id, request.received, child.school, request.text],
  );
  const caseId = caseRow.rows[0].id;
  for (const [userId, role] of members) {
    await client.query('INSERT INTO case_members (case_id, user_id, role, added_at) VALUES ($1, $2, $3, $4)', [
      caseId,
      userId,
      role,
      at,
    ]);
  }
  return caseId;
}

/** Noon UK time on a calendar date: when the demo's letters were sent and notes written. */
const middayOn = (date: string) => new Date(`${date}T12:00:00Z`);

/** Amelia's decision letter, a real PDF so that the family's Download link opens something. */
async function insertDecisionLetter(
  client: pg.PoolClient,
  caseId: string,
  staffId: string,
  decidedOn: string,
  council: string,
): Promise<string> {
  const content = letterPdf([
    council,
    '',
    `Date: ${decidedOn}`,
    '',
    'Dear Jo Rogers,',
    '',
    'Education, Health and Care needs assessment for Amelia Rogers',
    '',
    'We have decided to carry out an EHC needs assessment for Amelia.',
    'We will now ask for advice from education, health and care professionals.',
    '',
    "This is a demonstration letter made by EHC Hub's development data.",
    '',
    'Sam Patel, Case co-ordinator',
  ]);
  const { rows } = await client.query(
    `INSERT INTO documents (case_id, kind, original_filename, content_type, size_bytes, sha256, description, content, uploaded_by, uploaded_at)
     VALUES ($1, 'decision-letter', 'Decision letter - Amelia Rogers.pdf', 'application/pdf', $2, $3, 'Decision whether to assess', $4, $5, $6)
     RETURNING id`,
    [
      caseId,
      content.length,
      crypto.createHash('sha256').update(content).digest('hex'),
      content,
      staffId,
      middayOn(decidedOn),
    ],
  );
  return rows[0].id;
}

/**
 * Development only: on first start, a council case worker and a family with Barney Rogers' case
 * from the parent guide (and his sister's, further on), so that a newcomer can sign in as either.
 */
export async function seedDemoData(pool: pg.Pool, config: Config, clock: Clock): Promise<DemoSignIns> {
  const existing = await pool.query('SELECT 1 FROM users WHERE email = $1', [DEMO.staff.email]);
  if (existing.rowCount) return DEMO_SIGN_INS;
  const today = ukToday(clock);
  const now = clock.now();
  await inTransaction(pool, async (client) => {
    // Several processes starting at once on a new database: one seeds, the others wait for it
    // here and then find the demo data there.
    await client.query('SELECT pg_advisory_xact_lock($1)', [DEMO_SEED_LOCK_ID]);
    const seeded = await client.query('SELECT 1 FROM users WHERE email = $1', [DEMO.staff.email]);
    if (seeded.rowCount) return;
    const council = await client.query(
      'INSERT INTO councils (name) VALUES ($1) ON CONFLICT (name) DO UPDATE SET name = EXCLUDED.name RETURNING id',
      [config.council.name],
    );
    const councilId = council.rows[0].id;
    const staffId = await insertUser(client, config, DEMO.staff, 'staff', councilId, now);
    const parentId = await insertUser(client, config, DEMO.parent, 'family', councilId, now);

    // The guide's worked example, seen 12 days after Barney's request arrived (on the guide's day,
    // 20th Aug 2023, that is 8th Aug 2023, decision due 18th Sep 2023: FIXED_CLOCK=2023-08-20).
    const barneyReceived = addDays(today, -12);
    const barney = await insertCase(
      client,
      councilId,
      { first: 'Barney', last: 'Rogers', born: '2015-03-14', school: 'Edgehill Primary School' },
      {
        received: barneyReceived,
        text: 'Barney finds reading and writing very hard and his progress has stalled despite support from the school. We are asking for an EHC needs assessment so that his needs can be fully understood.',
      },
      [
        [parentId, 'parent'],
        [staffId, 'coordinator'],
      ],
      middayOn(barneyReceived),
    );
    // A second child, further through the process, so the dashboard shows more than one case.
    const received = addWeeks(today, -8);
    const decidedOn = addDays(received, 34);
    const amelia = await insertCase(
      client,
      councilId,
      { first: 'Amelia', last: 'Rogers', born: '2012-09-02', school: 'Edgehill Academy' },
      {
        received,
        text: 'Amelia has significant anxiety and sensory needs that affect her attendance. The school asks for an EHC needs assessment.',
      },
      [
        [parentId, 'parent'],
        [staffId, 'coordinator'],
      ],
      middayOn(received),
    );
    const letterId = await insertDecisionLetter(client, amelia, staffId, decidedOn, config.council.name);
    await client.query(
      `INSERT INTO case_decisions (case_id, kind, outcome, reason, decided_on, letter_document_id, recorded_by, recorded_at)
       VALUES ($1, 'assess', 'assess', 'The evidence shows Amelia may need special educational provision made through an EHC plan.', $2, $3, $4, $5)`,
      [amelia, decidedOn, letterId, staffId, middayOn(decidedOn)],
    );
    await client.query('UPDATE cases SET advice_requested_on = $2 WHERE id = $1', [amelia, addDays(received, 36)]);
    await client.query(`INSERT INTO case_notes (case_id, author_user_id, body, created_at) VALUES ($1, $2, $3, $4)`, [
      amelia,
      staffId,
      'We have decided to carry out an EHC needs assessment and have asked for advice from education, health and care professionals.',
      middayOn(addDays(received, 36)),
    ]);
    for (const caseId of [barney, amelia]) await refreshCaseSummary(client, caseId, today);
  });
  return DEMO_SIGN_INS;
}
