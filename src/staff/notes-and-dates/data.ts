import type { Queryable } from '../../db/pool.js';

export async function insertNote(
  client: Queryable,
  note: { caseId: string; authorId: string; body: string; internal: boolean; at: Date },
): Promise<void> {
  await client.query(
    `INSERT INTO case_notes (case_id, author_user_id, body, internal, created_at) VALUES ($1, $2, $3, $4, $5)`,
    [note.caseId, note.authorId, note.body, note.internal, note.at],
  );
}

export async function insertKeyDate(
  client: Queryable,
  keyDate: { caseId: string; createdBy: string; label: string; onDate: string; internal: boolean; at: Date },
): Promise<void> {
  await client.query(
    `INSERT INTO case_key_dates (case_id, label, on_date, internal, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6)`,
    [keyDate.caseId, keyDate.label, keyDate.onDate, keyDate.internal, keyDate.createdBy, keyDate.at],
  );
}

export interface TimelineNote {
  body: string;
  internal: boolean;
  createdAt: Date;
  authorName: string | null;
}

export async function listNotes(db: Queryable, caseId: string): Promise<TimelineNote[]> {
  const { rows } = await db.query(
    `SELECT n.body, n.internal, n.created_at, u.full_name
       FROM case_notes n LEFT JOIN users u ON u.id = n.author_user_id
      WHERE n.case_id = $1 ORDER BY n.created_at DESC, n.id LIMIT 200`,
    [caseId],
  );
  return rows.map((row) => ({
    body: row.body,
    internal: row.internal,
    createdAt: row.created_at,
    authorName: row.full_name,
  }));
}

export interface KeyDate {
  label: string;
  onDate: string;
  internal: boolean;
}

export async function listKeyDates(db: Queryable, caseId: string): Promise<KeyDate[]> {
  const { rows } = await db.query(
    `SELECT label, on_date, internal FROM case_key_dates WHERE case_id = $1 ORDER BY on_date, created_at LIMIT 200`,
    [caseId],
  );
  return rows.map((row) => ({ label: row.label, onDate: row.on_date, internal: row.internal }));
}
