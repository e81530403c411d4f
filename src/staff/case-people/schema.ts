import { z } from 'zod';
import { choice, emailAddress, requiredText } from '../../web/forms/fields.js';
import { CASE_ROLES } from '../../cases/access.js';

export const addPersonSchema = z.object({
  email: emailAddress('Enter an email address'),
  fullName: requiredText('Enter their full name', 200, 'Full name must be 200 characters or fewer'),
  role: choice(CASE_ROLES, 'Select their role on the case'),
});

export type AddPerson = z.infer<typeof addPersonSchema>;
