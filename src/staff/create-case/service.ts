import type pg from 'pg';
import type { FeatureDeps } from '../../deps.js';
import { audit } from '../../audit/audit.js';
import { refreshCaseSummary } from '../../cases/case-facts-from-db.js';
import { ukToday } from '../../clock.js';
import { inTransaction } from '../../db/pool.js';
import { formatDate } from '../../web/format.js';
import { insertNote } from '../notes-and-dates/data.js';
import type { StaffMember } from '../staff-member.js';
import { insertDocument } from '../../documents/data.js';
import type { ReceivedFile } from '../../uploads/index.js';
import type { NewCase } from './schema.js';

async function insertCase(
  client: pg.PoolClient,
  staff: StaffMember,
  data: NewCase,
  at: Date,
): Promise<{ id: string; reference: string }> {
  const child = await client.query(
    `INSERT INTO children (first_name, last_name, date_of_birth, school_or_setting, created_at) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [data.firstName, data.lastName, data.dateOfBirth, data.school ?? null, at],
  );
  const { rows } = await client.query(
    `INSERT INTO cases (council_id, child_id, request_received, requested_by, requester_name, request_text, created_by, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8) RETURNING id, reference`,
    [
      staff.councilId,
      child.rows[0].id,
      data.requestReceived,
      data.requestedBy,
      data.requesterName ?? null,
      data.requestText,
      staff.id,
      at,
    ],
  );
  // Whoever opens the case is its co-ordinator until someone else is added.
  await client.query(
    `INSERT INTO case_members (case_id, user_id, role, added_by, added_at) VALUES ($1, $2, 'coordinator', $2, $3)`,
    [rows[0].id, staff.id, at],
  );
  return rows[0];
}

/**
 * A new case with its child and request, the request's documents and the first timeline note.
 * `within` does more in the same transaction (a case made from an online request).
 */
export async function createCase(
  deps: Pick<FeatureDeps, 'pool' | 'clock'>,
  input: {
    staff: StaffMember;
    ip?: string;
    data: NewCase;
    documents: ReceivedFile[];
    within?: (client: pg.PoolClient, created: { id: string; reference: string }) => Promise<void>;
  },
): Promise<{ id: string; reference: string }> {
  const { staff, data } = input;
  const now = deps.clock.now();
  return inTransaction(deps.pool, async (client) => {
    const created = await insertCase(client, staff, data, now);
    for (const file of input.documents) {
      await insertDocument(client, {
        defaultFilename: 'document.pdf',
        caseId: created.id,
        kind: 'request',
        file,
        uploadedBy: staff.id,
        at: now,
        description: 'Request document',
      });
    }
    await insertNote(client, {
      caseId: created.id,
      authorId: staff.id,
      body: `Request for an EHC needs assessment received on ${formatDate(data.requestReceived)}.`,
      internal: false,
      at: now,
    });
    await input.within?.(client, created);
    await refreshCaseSummary(client, created.id, ukToday(deps.clock));
    await audit(
      client,
      {
        action: 'staff.case.created',
        actorUserId: staff.id,
        caseId: created.id,
        ip: input.ip,
        details: { reference: created.reference, documents: input.documents.length },
      },
      now,
    );
    return created;
  });
}
