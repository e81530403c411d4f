// What the page benchmark needs in the database: a parent with 2 cases, one with 50, a staff
// member whose council has (optionally) 100,000 cases, and signed-in sessions for each.
import crypto from 'node:crypto';
import argon2 from 'argon2';
import signature from 'cookie-signature';
import type pg from 'pg';
import type { refreshCaseSummary } from '../../src/cases/case-facts-from-db.js';
import type { sessionCookieName } from '../../src/web/session.js';

export interface Seeded {
  cookies: { parent2: string; parent50: string; staff: string };
  caseId: string;
}

const FIRST = [
  'Barney',
  'Amelia',
  'Oliver',
  'Isla',
  'George',
  'Ava',
  'Noah',
  'Mia',
  'Leo',
  'Ivy',
  'Arthur',
  'Freya',
  'Muhammad',
  'Lily',
  'Harry',
  'Sophia',
];
const LAST = [
  'Rogers',
  'Smith',
  'Jones',
  'Taylor',
  'Brown',
  'Williams',
  'Wilson',
  'Johnson',
  'Davies',
  'Patel',
  'Robinson',
  'Wright',
  'Thompson',
  'Evans',
  'Walker',
  'Khan',
  'Green',
  'Hall',
  'Wood',
  'Clarke',
];

export interface SeedOptions {
  councilName: string;
  secret: string;
  production: boolean;
  today: string;
  trayCases: number;
  /** The app's own, from src/ or dist/ (whichever the app process runs). */
  refreshCaseSummary: typeof refreshCaseSummary;
  sessionCookieName: typeof sessionCookieName;
}

export async function seed(pool: pg.Pool, options: SeedOptions): Promise<Seeded> {
  const { refreshCaseSummary, sessionCookieName } = options;
  const council = (
    await pool.query(
      `INSERT INTO councils (name) VALUES ($1) ON CONFLICT (name) DO UPDATE SET name = EXCLUDED.name RETURNING id`,
      [options.councilName],
    )
  ).rows[0].id as string;
  const hash = await argon2.hash('Correct-Horse-Battery-9', {
    type: argon2.argon2id,
    memoryCost: 19456,
    timeCost: 2,
    parallelism: 1,
  });
  const user = async (email: string, kind: 'family' | 'staff') =>
    (
      await pool.query(
        `INSERT INTO users (email, full_name, kind, council_id, staff_role, status, password_hash, two_factor_method, registered_at)
         VALUES ($1, $2, $3, $4, $5, 'active', $6, 'app', now()) RETURNING id`,
        [
          email,
          kind === 'staff' ? 'Casey Worker' : 'Pat Parent',
          kind,
          kind === 'staff' ? council : null,
          kind === 'staff' ? 'caseworker' : null,
          hash,
        ],
      )
    ).rows[0].id as string;
  const parent2 = await user('parent2@bench.example.com', 'family');
  const parent50 = await user('parent50@bench.example.com', 'family');
  const staff = await user('staff@bench.example.com', 'staff');

  if (options.trayCases > 0) await insertTrayCases(pool, council, options.trayCases, options.today);
  let caseId = '';
  for (let i = 0; i < 52; i += 1) {
    const child = await pool.query(
      `INSERT INTO children (first_name, last_name, date_of_birth, school_or_setting) VALUES ($1, $2, $3, 'Edgehill Primary School') RETURNING id`,
      [FIRST[i % FIRST.length], LAST[i % LAST.length], `${2008 + (i % 12)}-0${1 + (i % 9)}-14`],
    );
    const created = await pool.query(
      `INSERT INTO cases (council_id, child_id, request_received, requested_by, request_text)
       VALUES ($1, $2, $3::date - $4::int, 'school', 'Please assess.') RETURNING id`,
      [council, child.rows[0].id, options.today, 3 + ((i * 17) % 140)],
    );
    const id = created.rows[0].id as string;
    await pool.query(`INSERT INTO case_members (case_id, user_id, role) VALUES ($1, $2, 'parent')`, [
      id,
      i < 2 ? parent2 : parent50,
    ]);
    await refreshCaseSummary(pool, id, options.today);
    if (i === 0) caseId = id;
  }
  await pool.query('VACUUM ANALYZE');

  const cookie = async (userId: string) => {
    const now = Date.now();
    const sid = crypto.randomBytes(24).toString('base64url');
    const sess = {
      cookie: {
        originalMaxAge: null,
        expires: null,
        httpOnly: true,
        path: '/',
        sameSite: 'lax',
        secure: options.production,
      },
      auth: { userId, stage: 'full', signedInAt: now, lastSeenAt: now },
    };
    await pool.query('INSERT INTO session (sid, sess, expire) VALUES ($1, $2, $3)', [
      sid,
      JSON.stringify(sess),
      new Date(now + 12 * 3600 * 1000),
    ]);
    return `${sessionCookieName(options.production)}=${encodeURIComponent(`s:${signature.sign(sid, options.secret)}`)}`;
  };
  return {
    cookies: { parent2: await cookie(parent2), parent50: await cookie(parent50), staff: await cookie(staff) },
    caseId,
  };
}

/**
 * Many children and cases, names, stages and due dates spread out, each with a parent of its own
 * (as real cases have: without them the planner's statistics say a user has thousands of cases,
 * and PostgreSQL re-plans My cases on every view instead of keeping one plan).
 */
async function insertTrayCases(pool: pg.Pool, council: string, count: number, today: string) {
  await pool.query(
    `WITH kids AS (
       INSERT INTO children (first_name, last_name, date_of_birth)
       SELECT ($1::text[])[1 + (i * 7) % cardinality($1::text[])],
              ($2::text[])[1 + (i * 13) % cardinality($2::text[])] || CASE WHEN i % 3 = 0 THEN '' ELSE (i % 997)::text END,
              date '2008-01-01' + (i % 5000)
         FROM generate_series(1, $3::int) AS i
       RETURNING id)
     INSERT INTO cases (council_id, child_id, request_received, requested_by, current_stage, next_due_label, next_due_on)
     SELECT $4::uuid, k.id, $5::date - (n % 700), 'school',
            (ARRAY['request', 'decision', 'assessment', 'draft-plan', 'final-plan', 'annual-review'])[1 + n % 6],
            'Decision due',
            CASE WHEN n % 11 = 0 THEN NULL ELSE $5::date - 200 + (n * 37) % 400 END
       FROM (SELECT id, (row_number() OVER ())::int AS n FROM kids) k`,
    [FIRST, LAST, count, council, today],
  );
  await pool.query(
    `WITH parents AS (
       INSERT INTO users (email, full_name, kind, status)
       SELECT 'parent-of-' || c.id || '@bench.example.com', 'Parent of ' || c.reference, 'family', 'invited'
         FROM cases c WHERE c.council_id = $1
       RETURNING id, email)
     INSERT INTO case_members (case_id, user_id, role)
     SELECT substring(p.email FROM 11 FOR 36)::uuid, p.id, 'parent' FROM parents p`,
    [council],
  );
}
