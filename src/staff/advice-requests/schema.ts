import { z } from 'zod';
import { ADVICE_KINDS } from '../../advice/kinds.js';
import { EXEMPTION_KINDS, type ExemptionKind } from '../../ehc/index.js';
import { choice, emailAddress, requiredLongText, requiredText } from '../../web/forms/fields.js';

export const MAX_QUESTION_LENGTH = 5000;

export const adviceRequestSchema = z.object({
  kind: choice(ADVICE_KINDS, 'Select the kind of advice'),
  fullName: requiredText(
    'Enter the full name of the person you are asking',
    200,
    'Full name must be 200 characters or fewer',
  ),
  email: emailAddress('Enter their email address'),
  question: requiredLongText(
    'Enter what you are asking them',
    MAX_QUESTION_LENGTH,
    `What you are asking must be ${MAX_QUESTION_LENGTH} characters or fewer`,
  ),
});

export type AdviceRequestInput = z.infer<typeof adviceRequestSchema>;

/** An exemption to a request's 6-week time limit (SEND Regulations 2014, reg. 8(2)), as for the case's. */
export const adviceExemptionSchema = z.object({
  kind: choice(EXEMPTION_KINDS as [ExemptionKind, ...ExemptionKind[]], 'Select the reason for the exemption'),
  reason: requiredText(
    'Enter why the exemption applies',
    2000,
    'Why the exemption applies must be 2,000 characters or fewer',
  ),
});
