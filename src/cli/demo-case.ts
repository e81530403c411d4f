import type pg from 'pg';
import { addDays } from '../ehc/index.js';
import { ukToday, type Clock } from '../clock.js';
import { createCase } from '../staff/create-case/service.js';
import type { StaffMember } from '../staff/staff-member.js';

export class NoCoordinatorError extends Error {}

/** The staff member who will co-ordinate the demo case: the one named, or the council's first admin. */
async function findCoordinator(pool: pg.Pool, councilName: string, email: string | undefined): Promise<StaffMember> {
  const { rows } = await pool.query(
    `SELECT u.id, u.full_name, u.council_id, u.staff_role FROM users u JOIN councils c ON c.id = u.council_id
      WHERE c.name = $1 AND u.kind = 'staff' AND u.status <> 'disabled' AND ($2::text IS NULL OR u.email = $2)
      ORDER BY (u.staff_role = 'admin') DESC, u.created_at LIMIT 1`,
    [councilName, email ?? null],
  );
  const row = rows[0];
  if (!row) {
    throw new NoCoordinatorError(
      email
        ? `${email} is not a member of staff at ${councilName}.`
        : `${councilName} has no staff yet: create the first admin with "npm run cli -- create-admin", then try again.`,
    );
  }
  return { id: row.id, name: row.full_name, councilId: row.council_id, role: row.staff_role };
}

/** A case like the guide's worked example, received 12 days ago, through the same service as the staff pages. */
export async function createDemoCase(
  deps: { pool: pg.Pool; clock: Clock; councilName: string },
  coordinatorEmail: string | undefined,
): Promise<{ reference: string; coordinator: StaffMember }> {
  const coordinator = await findCoordinator(deps.pool, deps.councilName, coordinatorEmail);
  const today = ukToday(deps.clock);
  const created = await createCase(deps, {
    staff: coordinator,
    documents: [],
    data: {
      firstName: 'Barney',
      lastName: 'Rogers',
      dateOfBirth: '2015-03-14',
      school: 'Edgehill Primary School',
      requestReceived: addDays(today, -12),
      requestedBy: 'school',
      requesterName: 'Edgehill Primary School',
      requestText:
        'Barney finds reading and writing very hard and his progress has stalled despite support from the school. We are asking for an EHC needs assessment so that his needs can be fully understood. (A demonstration case made by "npm run cli -- demo-case".)',
    },
  });
  return { reference: created.reference, coordinator };
}
