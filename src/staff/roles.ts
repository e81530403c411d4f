export const STAFF_ROLE_LABELS = { caseworker: 'Caseworker', admin: 'Admin' } as const;
