import { z } from 'zod';
import { choice, requiredText } from '../forms/form.js';
import { CASE_ROLES } from '../../cases/access.js';

const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export const emailField = z.preprocess(
  (value) => (typeof value === 'string' ? value.trim().toLowerCase() : ''),
  z
    .string()
    .min(1, 'Enter an email address')
    .max(254, 'Email address must be 254 characters or fewer')
    .regex(EMAIL_SHAPE, 'Enter an email address in the correct format, like name@example.com'),
);

export const addPersonSchema = z.object({
  email: emailField,
  fullName: requiredText('Enter their full name', 200, 'Full name must be 200 characters or fewer'),
  role: choice(CASE_ROLES, 'Select their role on the case'),
});

export type AddPerson = z.infer<typeof addPersonSchema>;
