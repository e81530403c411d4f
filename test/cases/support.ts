import crypto from 'node:crypto';
import type pg from 'pg';

/** A page with its per-response nonce and per-session CSRF token taken out, to compare two refusals. */
export function withoutNonce(html: string): string {
  return html.replace(/nonce="[^"]+"/g, 'nonce=""').replace(/name="_csrf" value="[^"]+"/g, 'name="_csrf" value=""');
}

export const PDF_BYTES = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

export async function addDocument(
  pool: pg.Pool,
  caseId: string,
  options: {
    kind?: string;
    filename?: string;
    contentType?: string;
    content?: Buffer;
    sharedWithAdvisers?: boolean;
    description?: string;
  } = {},
): Promise<string> {
  const content = options.content ?? PDF_BYTES;
  const { rows } = await pool.query(
    `INSERT INTO documents (case_id, kind, original_filename, content_type, size_bytes, sha256, content, shared_with_advisers, description)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
    [
      caseId,
      options.kind ?? 'decision-letter',
      options.filename ?? 'Decision letter.pdf',
      options.contentType ?? 'application/pdf',
      content.length,
      crypto.createHash('sha256').update(content).digest('hex'),
      content,
      options.sharedWithAdvisers ?? false,
      options.description ?? null,
    ],
  );
  return rows[0].id;
}

/** Links a document to the case's latest decision of a kind, as its letter. */
export async function linkLetter(pool: pg.Pool, caseId: string, kind: string, documentId: string): Promise<void> {
  await pool.query(`UPDATE case_decisions SET letter_document_id = $3 WHERE case_id = $1 AND kind = $2`, [
    caseId,
    kind,
    documentId,
  ]);
}

export async function addNote(
  pool: pg.Pool,
  caseId: string,
  body: string,
  options: { authorId?: string; internal?: boolean; at: string },
): Promise<void> {
  await pool.query(
    `INSERT INTO case_notes (case_id, author_user_id, body, internal, created_at) VALUES ($1, $2, $3, $4, $5)`,
    [caseId, options.authorId ?? null, body, options.internal ?? false, options.at],
  );
}

export async function addKeyDate(
  pool: pg.Pool,
  caseId: string,
  label: string,
  onDate: string,
  internal = false,
): Promise<void> {
  await pool.query(`INSERT INTO case_key_dates (case_id, label, on_date, internal) VALUES ($1, $2, $3, $4)`, [
    caseId,
    label,
    onDate,
    internal,
  ]);
}

export async function removeMember(pool: pg.Pool, caseId: string, userId: string): Promise<void> {
  await pool.query(`UPDATE case_members SET removed_at = now() WHERE case_id = $1 AND user_id = $2`, [caseId, userId]);
}

/** The queries (text and statement name) the app's pool runs while `work` runs. */
export async function watchQueries(
  pool: pg.Pool,
  work: () => Promise<unknown>,
): Promise<{ text: string; name?: string }[]> {
  const original = pool.query;
  const seen: { text: string; name?: string }[] = [];
  pool.query = function (this: pg.Pool, ...args: unknown[]) {
    const config = args[0] as string | { text?: string; name?: string };
    seen.push(typeof config === 'string' ? { text: config } : { text: String(config?.text ?? ''), name: config?.name });
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof pool.query;
  try {
    await work();
  } finally {
    pool.query = original;
  }
  return seen;
}

/** Counts the queries the app's pool runs while `work` runs: all of them, and those on case tables. */
export async function countQueries(
  pool: pg.Pool,
  work: () => Promise<unknown>,
): Promise<{ all: number; cases: number }> {
  const seen = await watchQueries(pool, work);
  const onCases = seen.filter(({ text }) =>
    /\b(cases|case_members|case_decisions|case_notes|case_key_dates|documents|audit_log)\b/.test(text),
  );
  return { all: seen.length, cases: onCases.length };
}
