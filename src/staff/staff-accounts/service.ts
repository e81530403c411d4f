import type { FeatureDeps } from '../../deps.js';
import { inviteUser } from '../../accounts/invitations.js';
import { audit } from '../../audit/audit.js';
import { inTransaction } from '../../db/pool.js';
import { findUserByEmail } from '../case-people/data.js';
import type { StaffMember } from '../staff-member.js';
import type { Queryable } from '../../db/pool.js';

export async function listCouncilStaff(db: Queryable, councilId: string) {
  const { rows } = await db.query(
    `SELECT id, full_name, email, staff_role, status FROM users WHERE kind = 'staff' AND council_id = $1 ORDER BY lower(full_name), email`,
    [councilId],
  );
  return rows.map((row) => ({
    id: row.id as string,
    fullName: row.full_name as string,
    email: row.email as string,
    role: row.staff_role as 'caseworker' | 'admin',
    status: row.status as string,
  }));
}

/** An admin invites a caseworker or admin into their own council. */
export async function inviteStaff(
  deps: FeatureDeps,
  input: { admin: StaffMember; ip?: string; email: string; fullName: string; role: 'caseworker' | 'admin' },
): Promise<{ outcome: 'invited' } | { outcome: 'refused'; message: string }> {
  const result = await inTransaction(deps.pool, async (client) => {
    if (await findUserByEmail(client, input.email)) {
      return { outcome: 'refused' as const, message: 'This email address already has an EHC Hub account' };
    }
    const invited = await inviteUser(client, deps, {
      email: input.email,
      fullName: input.fullName,
      kind: 'staff',
      councilId: input.admin.councilId,
      staffRole: input.role,
      invitedBy: { name: input.admin.name, userId: input.admin.id },
      ip: input.ip,
    });
    await audit(
      client,
      {
        action: 'staff.staff-invited',
        actorUserId: input.admin.id,
        subjectUserId: invited.userId,
        ip: input.ip,
        details: { role: input.role },
      },
      deps.clock.now(),
    );
    return { outcome: 'invited' as const };
  });
  if (result.outcome === 'invited') deps.queue.nudge();
  return result;
}
