import { z } from 'zod';
import { emailAddress } from '../web/forms/fields.js';
import { newPasswordProblems } from './password-rules.js';

// A field that is missing, or sent twice (an array), reads as empty rather than failing oddly.
const field = z.string().catch('');

export const signInSchema = z.object({
  email: field.transform((value) => value.trim()).pipe(z.string().min(1, 'Enter your email address')),
  password: field.pipe(z.string().min(1, 'Enter your password')),
});

export const forgottenPasswordSchema = z.object({ email: emailAddress('Enter your email address') });

export const newPasswordSchema = z.object({ password: field, confirmPassword: field }).superRefine((form, ctx) => {
  for (const [path, message] of newPasswordProblems(form.password, form.confirmPassword)) {
    ctx.addIssue({ code: 'custom', path: [path], message });
  }
});

export const changePasswordSchema = z
  .object({ currentPassword: field, password: field, confirmPassword: field })
  .superRefine((form, ctx) => {
    if (form.currentPassword === '')
      ctx.addIssue({ code: 'custom', path: ['currentPassword'], message: 'Enter your current password' });
    for (const [path, message] of newPasswordProblems(form.password, form.confirmPassword)) {
      ctx.addIssue({ code: 'custom', path: [path], message });
    }
  });
