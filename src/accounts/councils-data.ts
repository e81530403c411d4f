import type { Queryable } from '../db/pool.js';

/** The council of this deployment (by its configured name), made on first use. */
export async function findOrCreateCouncil(db: Queryable, name: string): Promise<string> {
  const { rows } = await db.query(
    `INSERT INTO councils (name) VALUES ($1)
     ON CONFLICT (name) DO UPDATE SET name = EXCLUDED.name RETURNING id`,
    [name],
  );
  return rows[0].id;
}
