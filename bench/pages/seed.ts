// What the page benchmark needs in the database: a parent with 2 cases, one with 50, a staff
// member whose council has (optionally) 100,000 cases, and signed-in sessions for each.
import crypto from 'node:crypto';
import argon2 from 'argon2';
import signature from 'cookie-signature';
import type pg from 'pg';
import { FIRST_NAMES, insertManyCases, LAST_NAMES } from '../support/many-cases.js';
import type { refreshCaseSummary } from '../../src/cases/case-facts-from-db.js';
import type { sessionCookieName } from '../../src/web/session.js';

export interface Seeded {
  cookies: { parent2: string; parent50: string; staff: string };
  caseId: string;
}

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

  if (options.trayCases > 0)
    await insertManyCases(pool, {
      count: options.trayCases,
      councilIds: [council],
      today: options.today,
      parents: true,
    });
  let caseId = '';
  for (let i = 0; i < 52; i += 1) {
    const child = await pool.query(
      `INSERT INTO children (first_name, last_name, date_of_birth, school_or_setting) VALUES ($1, $2, $3, 'Edgehill Primary School') RETURNING id`,
      [FIRST_NAMES[i % FIRST_NAMES.length], LAST_NAMES[i % LAST_NAMES.length], `${2008 + (i % 12)}-0${1 + (i % 9)}-14`],
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
