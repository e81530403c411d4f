import type { CaseRole } from '../../cases/access.js';
import { CASE_ROLE_LABELS } from '../../cases/access.js';

/** Why a family member or professional is invited, for the "Complete your registration" email. */
export function invitationReason(role: CaseRole, caseReference: string): string {
  switch (role) {
    case 'parent':
      return `You have been added as a parent or carer to case ${caseReference}, a request for an Education, Health and Care (EHC) needs assessment. On EHC Hub you can follow the request, see and amend its details, and upload documents if required.`;
    case 'young-person':
      return `You have been added to case ${caseReference}, about an Education, Health and Care (EHC) needs assessment and plan for you. On EHC Hub you can follow it, see its details and upload documents if required.`;
    default:
      return `You have been added to case ${caseReference} on EHC Hub as ${CASE_ROLE_LABELS[role].toLowerCase()}, to follow an Education, Health and Care (EHC) needs assessment and share documents with the council.`;
  }
}
