import argon2 from 'argon2';
import type pg from 'pg';

export interface TestUser {
  id: string;
  email: string;
  password: string;
}

export const TEST_PASSWORD = 'Correct-Horse-Battery-9';

let counter = 0;

/** The council the app is configured for (made on first use). */
export async function councilId(pool: pg.Pool, name = 'Edgehill Council'): Promise<string> {
  const { rows } = await pool.query(
    `INSERT INTO councils (name) VALUES ($1)
     ON CONFLICT (name) DO UPDATE SET name = EXCLUDED.name RETURNING id`,
    [name],
  );
  return rows[0].id;
}

/** An active account with a password (and no second factor yet unless given). */
export async function createUser(
  pool: pg.Pool,
  options: {
    email?: string;
    fullName?: string;
    kind?: 'family' | 'staff';
    staffRole?: 'caseworker' | 'admin';
    council?: string;
    status?: 'invited' | 'active' | 'disabled';
    password?: string;
    twoFactorMethod?: 'app' | 'sms' | null;
  } = {},
): Promise<TestUser> {
  counter += 1;
  const email = options.email ?? `user${counter}.${Date.now()}@example.com`;
  const password = options.password ?? TEST_PASSWORD;
  const kind = options.kind ?? 'family';
  const status = options.status ?? 'active';
  const council = kind === 'staff' ? await councilId(pool, options.council) : null;
  const hash =
    status === 'invited'
      ? null
      : await argon2.hash(password, { type: argon2.argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 });
  const { rows } = await pool.query(
    `INSERT INTO users (email, full_name, kind, council_id, staff_role, status, password_hash, two_factor_method, registered_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, CASE WHEN $6 = 'invited' THEN NULL ELSE now() END) RETURNING id`,
    [
      email.toLowerCase(),
      options.fullName ?? `Test User ${counter}`,
      kind,
      council,
      kind === 'staff' ? (options.staffRole ?? 'caseworker') : null,
      status,
      hash,
      options.twoFactorMethod ?? null,
    ],
  );
  return { id: rows[0].id, email: email.toLowerCase(), password };
}
