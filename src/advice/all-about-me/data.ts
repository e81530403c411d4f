import type pg from 'pg';
import type { Queryable } from '../../db/pool.js';

/** The family's own advice: the parent's views, and the child's in the four sections councils use. */
export interface AllAboutMe {
  parentViews?: string;
  admire?: string;
  important?: string;
  support?: string;
  hopes?: string;
}

export interface StoredAllAboutMe extends AllAboutMe {
  savedAt: Date;
  submittedAt: Date | null;
  submittedByName: string | null;
}

const orUndefined = (value: string | null) => value ?? undefined;

export async function findAllAboutMe(db: Queryable, caseId: string): Promise<StoredAllAboutMe | undefined> {
  const { rows } = await db.query(
    `SELECT f.parent_views, f.admire, f.important, f.support, f.hopes, f.saved_at, f.submitted_at, u.full_name AS submitted_by_name
       FROM family_advice f LEFT JOIN users u ON u.id = f.submitted_by WHERE f.case_id = $1`,
    [caseId],
  );
  const row = rows[0];
  if (!row) return undefined;
  return {
    parentViews: orUndefined(row.parent_views),
    admire: orUndefined(row.admire),
    important: orUndefined(row.important),
    support: orUndefined(row.support),
    hopes: orUndefined(row.hopes),
    savedAt: row.saved_at,
    submittedAt: row.submitted_at,
    submittedByName: row.submitted_by_name,
  };
}

/** Saves the draft (one for the case, shared by its family); false once it has been submitted. */
export async function saveAllAboutMe(
  client: pg.PoolClient,
  caseId: string,
  userId: string,
  views: AllAboutMe,
  at: Date,
): Promise<boolean> {
  const { rowCount } = await client.query(
    `INSERT INTO family_advice (case_id, parent_views, admire, important, support, hopes, saved_by, saved_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT (case_id) DO UPDATE SET parent_views = EXCLUDED.parent_views, admire = EXCLUDED.admire, important = EXCLUDED.important,
       support = EXCLUDED.support, hopes = EXCLUDED.hopes, saved_by = EXCLUDED.saved_by, saved_at = EXCLUDED.saved_at
     WHERE family_advice.submitted_at IS NULL`,
    [
      caseId,
      views.parentViews ?? null,
      views.admire ?? null,
      views.important ?? null,
      views.support ?? null,
      views.hopes ?? null,
      userId,
      at,
    ],
  );
  return rowCount === 1;
}

/** Submits the saved draft, once. */
export async function submitAllAboutMe(
  client: pg.PoolClient,
  caseId: string,
  userId: string,
  at: Date,
): Promise<boolean> {
  const { rowCount } = await client.query(
    `UPDATE family_advice SET submitted_at = $3, submitted_by = $2 WHERE case_id = $1 AND submitted_at IS NULL`,
    [caseId, userId, at],
  );
  return rowCount === 1;
}
