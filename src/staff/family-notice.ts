import type pg from 'pg';
import type { FeatureDeps } from '../deps.js';
import { familyMember } from '../cases/access.js';
import { paths } from '../web/paths.js';
import { caseUpdateEmail } from './emails/case-update.js';

/** The family members who can sign in: parents and carers, and the young person. */
export async function activeFamilyMembers(
  db: Pick<pg.PoolClient, 'query'>,
  caseId: string,
): Promise<{ email: string; fullName: string }[]> {
  const { rows } = await db.query(
    `SELECT u.email, u.full_name FROM case_members m JOIN users u ON u.id = m.user_id
      WHERE m.case_id = $1 AND m.removed_at IS NULL AND ${familyMember()} AND u.status = 'active'
      ORDER BY u.email`,
    [caseId],
  );
  return rows.map((row) => ({ email: row.email, fullName: row.full_name }));
}

/**
 * Queues "there is an update on your case" for every active family member, in the transaction
 * of the change (so it is sent if and only if the change is saved). Returns how many were queued.
 */
export async function queueFamilyUpdate(
  client: pg.PoolClient,
  deps: Pick<FeatureDeps, 'config' | 'queue'>,
  update: { caseId: string; caseReference: string; stageLabel: string; summary: string },
): Promise<number> {
  const members = await activeFamilyMembers(client, update.caseId);
  for (const member of members) {
    await deps.queue.queueEmail(
      client,
      caseUpdateEmail(deps.config.council, {
        to: member.email,
        fullName: member.fullName,
        caseReference: update.caseReference,
        stageLabel: update.stageLabel,
        summary: update.summary,
        signInLink: `${deps.config.baseUrl}${paths.signIn}`,
      }),
    );
  }
  return members.length;
}
