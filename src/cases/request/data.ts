import type pg from 'pg';
import { audit } from '../../audit/audit.js';
import type { FeatureDeps } from '../../deps.js';
import { inTransaction } from '../../db/pool.js';
import { findMemberCase, isFamily } from '../access.js';
import { userName } from '../member-facts.js';
import type { Queryable } from '../../db/pool.js';
import { emailCoordinators } from '../comments/coordinator-email.js';

export interface RequestVersion {
  version: number;
  text: string;
  /** Null for the request as the council first recorded it. */
  amendedByName: string | null;
  amendedAt: Date;
}

/**
 * Every version of a case's request, oldest first; a request never amended has one. No access
 * check: for council staff pages, which check their own; family pages read through `findMemberCase`.
 */
export async function requestVersions(db: Queryable, caseId: string): Promise<RequestVersion[]> {
  const { rows } = await db.query(
    `SELECT v.version, v.request_text, u.full_name, v.amended_at
       FROM case_request_versions v LEFT JOIN users u ON u.id = v.amended_by
      WHERE v.case_id = $1 ORDER BY v.version`,
    [caseId],
  );
  if (rows.length > 0) {
    return rows.map((row) => ({
      version: row.version,
      text: row.request_text,
      amendedByName: row.full_name,
      amendedAt: row.amended_at,
    }));
  }
  const original = await db.query(`SELECT request_text, created_at FROM cases WHERE id = $1`, [caseId]);
  if (!original.rows[0]) return [];
  return [
    { version: 1, text: original.rows[0].request_text, amendedByName: null, amendedAt: original.rows[0].created_at },
  ];
}

/** Only the family amend the request, and only while the case is at the Request stage. */
export const canAmendRequest = (memberCase: { role: Parameters<typeof isFamily>[0]; currentStage: string }) =>
  isFamily(memberCase.role) && memberCase.currentStage === 'request';

export type AmendResult =
  | { ok: true; version: number }
  | { ok: false; reason: 'not-found' | 'not-allowed' | 'changed-meanwhile' | 'unchanged' };

/**
 * Saves an amended request as a new version, keeping every earlier one. `basedOnVersion` is the
 * version the user was shown: if someone else amended it since, nothing is saved.
 */
export async function amendRequest(
  deps: Pick<FeatureDeps, 'pool' | 'config' | 'queue' | 'clock'>,
  input: { caseId: string; userId: string; text: string; basedOnVersion: number; ip?: string },
): Promise<AmendResult> {
  const at = deps.clock.now();
  return inTransaction(deps.pool, async (client) => {
    const memberCase = await findMemberCase(client, input.caseId, input.userId, { lock: true });
    if (!memberCase) return { ok: false, reason: 'not-found' } as const;
    if (!canAmendRequest(memberCase)) return { ok: false, reason: 'not-allowed' } as const;
    const latest = await latestVersion(client, input.caseId);
    if (latest === 0) {
      await insertVersion(client, input.caseId, 1, memberCase.requestText, null, memberCase.createdAt);
    }
    const current = Math.max(latest, 1);
    if (input.basedOnVersion !== current) return { ok: false, reason: 'changed-meanwhile' } as const;
    if (input.text === memberCase.requestText) return { ok: false, reason: 'unchanged' } as const;
    const version = current + 1;
    await insertVersion(client, input.caseId, version, input.text, input.userId, at);
    await client.query(`UPDATE cases SET request_text = $2, updated_at = $3 WHERE id = $1`, [
      input.caseId,
      input.text,
      at,
    ]);
    await audit(
      client,
      {
        action: 'case.request.amended',
        actorUserId: input.userId,
        caseId: input.caseId,
        ip: input.ip,
        details: { version },
      },
      at,
    );
    await emailCoordinators(client, deps, memberCase, await userName(client, input.userId), {
      kind: 'request-amended',
      version,
    });
    return { ok: true, version } as const;
  });
}

/** The number of the latest stored version (0 when the request has never been amended). */
export async function latestVersion(db: Queryable, caseId: string): Promise<number> {
  const { rows } = await db.query(
    `SELECT COALESCE(MAX(version), 0) AS latest FROM case_request_versions WHERE case_id = $1`,
    [caseId],
  );
  return Number(rows[0].latest);
}

async function insertVersion(
  client: pg.PoolClient,
  caseId: string,
  version: number,
  text: string,
  by: string | null,
  at: Date,
) {
  await client.query(
    `INSERT INTO case_request_versions (case_id, version, request_text, amended_by, amended_at) VALUES ($1, $2, $3, $4, $5)`,
    [caseId, version, text, by, at],
  );
}
