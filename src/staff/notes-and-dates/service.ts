import type { FeatureDeps } from '../../deps.js';
import { audit } from '../../audit/audit.js';
import { inTransaction } from '../../db/pool.js';
import { findCouncilCase } from '../cases-data.js';
import type { StaffMember } from '../staff-member.js';
import { insertKeyDate, insertNote } from './data.js';

export async function addNote(
  deps: FeatureDeps,
  input: { staff: StaffMember; ip?: string; caseId: string; body: string; internal: boolean },
): Promise<boolean> {
  return inTransaction(deps.pool, async (client) => {
    const found = await findCouncilCase(client, input.staff.councilId, input.caseId);
    if (!found) return false;
    const now = deps.clock.now();
    await insertNote(client, {
      caseId: found.id,
      authorId: input.staff.id,
      body: input.body,
      internal: input.internal,
      at: now,
    });
    await audit(
      client,
      {
        action: 'staff.case.note-added',
        actorUserId: input.staff.id,
        caseId: found.id,
        ip: input.ip,
        details: { internal: input.internal },
      },
      now,
    );
    return true;
  });
}

export async function addKeyDate(
  deps: FeatureDeps,
  input: { staff: StaffMember; ip?: string; caseId: string; label: string; onDate: string; internal: boolean },
): Promise<boolean> {
  return inTransaction(deps.pool, async (client) => {
    const found = await findCouncilCase(client, input.staff.councilId, input.caseId);
    if (!found) return false;
    const now = deps.clock.now();
    await insertKeyDate(client, {
      caseId: found.id,
      createdBy: input.staff.id,
      label: input.label,
      onDate: input.onDate,
      internal: input.internal,
      at: now,
    });
    await audit(
      client,
      {
        action: 'staff.case.key-date-added',
        actorUserId: input.staff.id,
        caseId: found.id,
        ip: input.ip,
        details: { onDate: input.onDate, internal: input.internal },
      },
      now,
    );
    return true;
  });
}
