/** Who someone is on a case (case_members.role). */
export const CASE_ROLES = ['parent', 'young-person', 'education-setting', 'adviser', 'coordinator'] as const;
export type CaseRole = (typeof CASE_ROLES)[number];

export const CASE_ROLE_LABELS: Record<CaseRole, string> = {
  parent: 'Parent or carer',
  'young-person': 'Young person',
  'education-setting': 'Education setting',
  adviser: 'Adviser',
  coordinator: 'Case co-ordinator',
};

/** The roles that are the family: they are told about every change to the case. */
export const FAMILY_ROLES: readonly CaseRole[] = ['parent', 'young-person'];

export const STAFF_ROLE_LABELS = { caseworker: 'Caseworker', admin: 'Admin' } as const;
