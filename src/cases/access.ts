/**
 * Who someone is on a case (case_members.role), the words for each role, and who the family is.
 * The one home of these: the family's pages, the staff pages and the CLI all read them here.
 */
export const CASE_ROLES = ['parent', 'young-person', 'education-setting', 'adviser', 'coordinator'] as const;
export type CaseRole = (typeof CASE_ROLES)[number];

export const CASE_ROLE_LABELS: Record<CaseRole, string> = {
  parent: 'Parent or carer',
  'young-person': 'Young person',
  'education-setting': 'Education setting',
  // An educational psychologist, or a health or social care professional (DESIGN: roles).
  adviser: 'Professional adviser',
  coordinator: 'Case co-ordinator',
};

/** The roles that are the family: they are told about every change to the case. */
export const FAMILY_ROLES: readonly CaseRole[] = ['parent', 'young-person'];

/** Parents, carers and young people: the family, who amend, comment, upload and respond. */
export const isFamily = (role: CaseRole) => FAMILY_ROLES.includes(role);
