import type { Request } from 'express';

/** The signed-in member of staff, as every staff service needs them. */
export interface StaffMember {
  id: string;
  name: string;
  councilId: string;
  role: 'caseworker' | 'admin';
}

/** Only called behind requireStaff, where req.user is a staff account with a council. */
export function staffMemberOf(req: Request): StaffMember {
  const user = req.user;
  if (!user || user.kind !== 'staff' || !user.councilId || !user.staffRole) {
    throw new Error('staffMemberOf used outside requireStaff');
  }
  return { id: user.id, name: user.fullName, councilId: user.councilId, role: user.staffRole };
}
